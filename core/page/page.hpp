// The page model: what a screen of the blog is, as a pure function of the
// route, what is known so far (the parsed index, the posts fetched and
// rendered) and the configuration. It gives the screen's HTML, the files the
// screen still needs, and where the reader should land. It fetches nothing:
// the browser's controller runs the fetches and shows the screen, and the
// native tool calls the same function to prerender, so both write the same
// bytes for the same screen.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/index/post_index.hpp"
#include "core/markdown/markdown.hpp"
#include "core/route/route.hpp"
#include "core/route/route_kind.hpp"
#include "core/search/fulltext_session.hpp"
#include "core/search/search.hpp"
#include "core/view/views.hpp"

namespace blog {

// What is known of one post's Markdown. A post that was never asked for has
// no entry at all.
struct PostEntry {
    enum class State { Loading, Rendered, Failed, Missing };
    State state = State::Loading;
    std::optional<RenderedMarkdown> rendered;  // when Rendered
    std::string error;                         // when Failed or Missing: what the reader reads
    bool retryable = false;                    // Failed by the network: "Try again" may help
};

// What is known of one file of a paged index (IndexParts) not yet merged
// into the index: asked for, or failed.
struct PartEntry {
    enum class State { Loading, Failed };
    State state = State::Loading;
    std::string error;  // when Failed: what the reader reads ("Try again" may help)
};

// Everything known when a screen is built.
struct SiteState {
    enum class Index { Unknown, Loading, Loaded, Failed };
    Index index = Index::Unknown;  // Unknown: not asked for yet
    std::string index_error;       // when Failed
    const SiteIndex* site = nullptr;                               // when Loaded
    const std::unordered_map<std::string, PostEntry>* posts = nullptr;  // by slug; may be null
    // search_index_build(*site), kept by the caller so that each query only
    // folds its own words; null: the search screen builds it for itself.
    const SearchIndex* search = nullptr;
    // A paged index's files asked for and not merged, by their number in
    // SiteIndex::parts.files; may be null.
    const std::unordered_map<size_t, PartEntry>* parts = nullptr;
    // The full-text index's files fetched, asked for or failed (an index
    // with "search"); null: none yet.
    const FulltextSession* fulltext = nullptr;
};

struct PageConfig {
    // Post files resolve against it: an absolute URL, or a path from the
    // host's root ("/blog/posts/index.json"), never a relative one.
    std::string index_url = "posts/index.json";
    int page_size = 10;
    RouteLinks links;  // hash routes, or a built site's paths
};

// A file a screen waits for, not yet known or asked for.
struct PageNeed {
    static constexpr size_t kNoPart = size_t(-1);
    std::string url;
    std::string slug;      // "" for the index or one of its parts
    size_t max_bytes = 0;  // the most the file may have (the core's limits)
    size_t part = kNoPart; // a paged index's file (its number in SiteIndex::parts.files)
    // A file of the full-text index (SiteState::fulltext): which kind, and
    // its key (a shard's file name in the manifest, a post's number).
    bool fulltext = false;
    FulltextFileKind fulltext_kind = FulltextFileKind::Manifest;
    std::string fulltext_key{};
};

struct Page {
    Screen screen;
    std::vector<PageNeed> needs;
    // Where the reader lands when this screen is a new route: the top, or the
    // heading the route names once the post is there.
    enum class Scroll { Top, Anchor };
    Scroll scroll = Scroll::Top;
    std::string anchor;
    bool needs_code = false;  // code blocks to highlight
    bool needs_math = false;  // math to typeset
    // Nothing on this screen is still awaited (not "Loading…", no summary or
    // post body to come): the screen a prerendered page holds for this route.
    bool complete = true;
    // The screen's language (the index's "language"; "en" before it is known).
    std::string lang = "en";
    bool rtl = false;  // the language is written right to left (i18n_rtl): the view's dir
    // The site's default theme (the index's "defaultTheme"): "auto" (the
    // reader's system), "light" or "dark"; "" before the index is known (not
    // said: the platform keeps the default it last knew for this index).
    std::string theme;
};

// The screens made from the whole index besides its lists: a taxonomy's
// terms, the archive and search (with the search fields it folds, kept by
// the controller). A table of functions, as PostRenderer is one function, not
// a flag: a build given an empty one (the browser's list engine, wasm/) names
// none of them, so that the linker leaves their code out. page_build shows
// those routes as "Loading…", incomplete, needing nothing: the platform hands
// them to a build that has them (Controller::needs_full_build).
struct IndexScreens {
    Screen (*terms)(const SiteIndex& site, Taxonomy taxonomy, const RouteLinks& links) = nullptr;
    Screen (*archive)(const SiteIndex& site, const RouteLinks& links) = nullptr;
    // `folded`: search_fold's fields of `site` (SiteState::search); null:
    // folded for this screen alone.
    Screen (*search)(const SiteIndex& site, const SearchIndex* folded, std::string_view query,
                     const RouteLinks& links) = nullptr;
    SearchIndex (*search_index_build)(const SiteIndex& site) = nullptr;
    // The search screen of a blog with a full-text index ("search" in the
    // index): its results from the files in `state.fulltext`, and the files
    // still needed in page.needs. Null: the search above only.
    void (*fulltext)(Page& page, const Route& route, const SiteState& state, const PageConfig& config) = nullptr;
    // The controller's calls on its full-text session (kFulltextHooks).
    const FulltextHooks* fulltext_hooks = nullptr;
};

// Every one: view_terms, view_archive, view_search, search_index_build.
IndexScreens page_index_screens();

// True when the route's screen is built by a PostRenderer or an IndexScreens
// entry (route_kind_needs: a post; a taxonomy's terms, the archive, search):
// what a build with neither (the browser's list engine) leaves to one with
// both, and what a built page of that screen starts with (tool/build.cpp).
bool page_needs_renderers(const Route& route);

// `screens`: what builds the terms, archive and search screens (the default,
// every one, is what the native tool prerenders with).
Page page_build(const Route& route, const SiteState& state, const PageConfig& config,
                const IndexScreens& screens = page_index_screens());

// The URL of a post's Markdown: its file resolved against the index's URL.
std::string page_post_url(const PageConfig& config, const Post& post);

// Maps a resolved link target ("…/posts/x.md") to the route of the post it is,
// or "" (MarkdownOptions::link_route).
using PostLinkRoute = std::function<std::string(std::string_view resolved_url)>;

// The options a post's Markdown is rendered with, as the blog shows it: the
// site's raw-HTML choice, links resolved against the post's file, in-page
// links and heading anchors under the post's route, links to other posts'
// Markdown turned into their routes.
MarkdownOptions page_markdown_options(const SiteIndex& site, const Post& post, const PageConfig& config,
                                      PostLinkRoute link_route);

// {{< ref "target" >}} from the post `from`: the URL of the post whose
// file is `target` (relative to the content folder, "posts/x.md"), or ends
// with it ("x.md"), or whose file's name or bundle is it ("x"), or whose
// slug it is; "#h" alone is `from` itself; with its "#anchor". "" when the
// blog has no such post.
std::string page_ref_href(const SiteIndex& site, const Post& from, std::string_view target, const RouteLinks& links);

// A post file as the blog shows it: its front matter left out, the rest
// rendered with page_markdown_options. Errors as markdown_render's.
Result<RenderedMarkdown> page_render_post(std::string_view file_text, const SiteIndex& site, const Post& post,
                                          const PageConfig& config, PostLinkRoute link_route);

// page_render_post's type: what renders a post for a controller (null for a
// build without the Markdown engine, see the Controller's constructor).
using PostRenderer = Result<RenderedMarkdown> (*)(std::string_view file_text, const SiteIndex& site, const Post& post,
                                                  const PageConfig& config, PostLinkRoute link_route);

// True when a build with `render_post` and `screens` (null entries: not in
// this build) has what makes the screens of `renderer` (route_kind_needs).
bool page_has_renderer(RouteKindNeeds::Renderer renderer, PostRenderer render_post, const IndexScreens& screens);

}  // namespace blog
