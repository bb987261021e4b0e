// Views: pure functions from the parsed index (and a rendered post) to HTML
// strings, with PaperMod's markup. The same bytes serve the browser, native
// prerendering and feeds. Every string from the index or the Markdown is
// escaped where it lands.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/index/post_index.hpp"
#include "core/markdown/markdown.hpp"
#include "core/route/route.hpp"
#include "core/search/fulltext_query.hpp"
#include "core/search/search.hpp"

namespace blog {

struct Summary {
    std::string text;
    bool truncated = false;
};

// Where a post's summary comes from when the index has none (the post's
// Markdown, once fetched); nullopt while it is not known.
using SummaryLookup = std::function<std::optional<Summary>(const Post&)>;

struct ListQuery {
    int page = 1;
    int page_size = 10;
    std::string tag;  // "" for the home list, else the term (a tag, or a category) whose posts are listed
    Taxonomy taxonomy = Taxonomy::Tags;  // of `tag`
    // The home list's length when not every post is known yet (a paged
    // index's "total": its pages are counted from it); 0: the posts known.
    size_t total = 0;
};

// A whole screen of the widget: the HTML and the document title. Every
// screen's header has the site's title and its menu (the index's "menu", or
// Archive, Search, Tags), the entry of the current screen marked "active";
// after its footer, PaperMod's scroll-to-top control (kTopLink).
struct Screen {
    std::string html;
    std::string title;
    // What the screen is, for the platform's events and styles: "list",
    // "tag", "tags", "category", "categories", "archive", "search", "post",
    // "not-found", "error" or "loading" (a post whose text is on its way is
    // "loading" too).
    const char* kind = "list";
};

// The last thing on every screen: PaperMod's "go to top" link, as a button
// (a "#top" href would change a host page's hash). The platform scrolls to
// the widget's top on a click on data-action="top", and shows it only once
// the reader has scrolled.
extern const char* const kTopLink;

// Number of pages the list (or a tag's or category's list) has; at least 1.
int view_page_count(const SiteIndex& site, const ListQuery& query);

// The list: entries newest first, pagination, and a notice for entries of
// index.json that were left out. A page past the end is a not-found screen.
// Links are hash routes unless `links` says paths (a built site).
// On the home list's first page, the index's home info comes first, else the
// newest post is PaperMod's first-entry. Cover images resolve against
// `index_url` (as post files do; "": as written).
Screen view_list(const SiteIndex& site, const ListQuery& query, const SummaryLookup& summaries = {},
                 const RouteLinks& links = {}, std::string_view index_url = {});

// One list entry (exposed for tests and feeds).
// `article_class`: "post-entry", PaperMod's "first-entry post-entry" (the
// newest post on the home page's first page when there is no home info; the
// second class keeps it an entry for the platform and the tests) or
// "post-entry tag-entry" (a tag's or a category's list). `index_url`: as view_list's.
// `site`: its date format and names (nullptr: English, "January 2, 2006").
std::string view_list_entry(const Post& post, const std::optional<Summary>& summary, const RouteLinks& links = {},
                            std::string_view article_class = "post-entry", std::string_view index_url = {},
                            const SiteIndex* site = nullptr);

// "<span title=\"2022-07-24 21:42:07 -0700 -0700\">July 24, 2022</span>", or "":
// the date in the site's dateFormat and language (`site` nullptr: English,
// "January 2, 2006"); the tooltip is Hugo's timestamp whatever the language.
std::string view_date(const Post& post, const SiteIndex* site = nullptr);

// The post: header (title, meta line), table of contents, body, footer (its
// tags, previous/next links). `body` is the rendered Markdown; nullptr while
// loading. As PaperMod's, neither the post nor a list entry shows its
// categories: their pages are reached from the menu (an index "menu" entry
// "#/categories").
// What is shown follows index_post_switches (breadcrumbs, reading time, word
// count, TOC and whether it is open, prev/next links, a copy button
// <button type="button" class="copy-code" data-action="copy-code">copy</button>
// at the end of each <pre>); the description under the title, the cover
// (resolved against `index_url`, as view_list's) under the header.
Screen view_post(const SiteIndex& site, const Post& post, const RenderedMarkdown* body, const RouteLinks& links = {},
                 std::string_view index_url = {});

// Every term of a taxonomy that the listed posts have, with its number of
// posts, by name (PaperMod's terms page): "Tags", or "Categories".
Screen view_terms(const SiteIndex& site, Taxonomy taxonomy, const RouteLinks& links = {});

// view_terms of the tags.
Screen view_tags(const SiteIndex& site, const RouteLinks& links = {});

// Every listed post by year, then month, newest first, with the number of
// posts of each (PaperMod's archive); posts without a date last, "Undated".
Screen view_archive(const SiteIndex& site, const RouteLinks& links = {});

// The search screen: the box (<input id="searchInput" data-action="search">,
// whose input the platform hands to Controller::search) holding `query`, and
// the posts that match it (core/search), at most kSearchShown; nothing but
// the box for a query without words, "No posts match “x”." for no match.
// `index` is search_index_build(site).
//
// With `fulltext` (a blog with a full-text index): its results instead, each
// post with its best sections (heading links to the heading, excerpts with
// the words marked); while its files are on their way, the title, tag and
// summary results, marked busy; when one failed, those with the problem and
// "Try again".
constexpr size_t kSearchShown = 50;
constexpr size_t kFulltextShown = 10;
struct FulltextResult {
    const Post* post = nullptr;
    FulltextPostExcerpts excerpts;  // title_html "" until the post's file is here
};
struct FulltextView {
    std::vector<FulltextResult> results;  // at most kFulltextShown, best first
    size_t total = 0;                     // the posts that match
    bool busy = false;                    // files still to come
    std::string problem;                  // a file failed: what the reader reads
};
Screen view_search(const SiteIndex& site, const SearchIndex& index, std::string_view query,
                   const RouteLinks& links = {}, const FulltextView* fulltext = nullptr);

// "Post not found" (or page not found) with a link back to the list.
Screen view_not_found(const SiteIndex* site, std::string_view heading, std::string_view message,
                      const RouteLinks& links = {});

// What a reader asked for (a slug, an address, a tag) quoted in a message:
// “text”, its first kQuoteMaxBytes bytes (whole characters) and "…" when
// longer. A link's href may be megabytes long; a line of them in the page
// takes the browser seconds to lay out.
constexpr size_t kQuoteMaxBytes = 160;
std::string view_quote(std::string_view text);

// What an error screen offers the reader besides the message.
enum class ErrorAction {
    None,   // nothing to do (the same input would fail the same way)
    Retry,  // a "Try again" button: <button type="button" class="retry" data-action="retry">;
            // the platform calls Controller::retry on a click
};

// A failure that leaves nothing to show (the index or the post could not be loaded).
Screen view_error(const SiteIndex* site, std::string_view message, ErrorAction action = ErrorAction::None,
                  const RouteLinks& links = {});

Screen view_loading(const SiteIndex* site, const RouteLinks& links = {});

}  // namespace blog
