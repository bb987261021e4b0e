// The built site: a Hugo-style SITE turned into a folder any static host
// serves as it is. Every screen is prerendered by the core's page model (the
// same function the widget runs, on the index the widget will read), so a
// page holds the bytes the widget would show for its path; the widget's
// files come along and take over in the reader's browser. Beside the pages:
// posts/index.json (paged for a big site) and the posts' files (their
// bundles' resources too), Hugo's redirect pages for aliases, the RSS feeds
// (the site's and one per tag and per category), sitemap.xml and robots.txt.
//
// Everything is decided before anything is written; the files then go into a
// fresh folder beside OUT that replaces OUT at the end, so a failed build
// leaves OUT as it was.
#pragma once

#include <string>
#include <vector>

#include "core/util/result.hpp"
#include "tool/front_matter.hpp"
#include "tool/index_writer.hpp"
#include "tool/site.hpp"

namespace blog::tool {

struct BuildOptions {
    std::string site;      // SITE
    std::string out;       // OUT: replaced as a whole by the built site
    std::string base_url;  // --base-url; "" to take the config's baseURL
    std::string assets;    // the widget's files (a `make dist` folder): all but its index.html and posts/
    SiteOptions site_options;  // drafts, future, expired, and the clock
    IndexSplit index_split;    // --first, --part-size: how a big site's posts/index.json is paged
};

struct BuildResult {
    std::vector<Problem> problems;  // errors and warnings, the site's first
    size_t posts = 0;      // published posts
    size_t pages = 0;      // prerendered screens, 404.html included
    size_t redirects = 0;  // alias pages
    size_t feeds = 0;      // index.xml and each tag's and category's
    double seconds = 0;    // wall time of the whole build
    bool ok() const;       // no error among problems: OUT holds the new site
};

// Builds SITE into OUT. On an error nothing is written to OUT (a temporary
// folder beside it may have been written and is removed).
BuildResult site_build(const BuildOptions& options);

// A site's base URL, checked and split: an absolute http(s) URL with a host.
struct BaseUrl {
    std::string url;     // ends with '/': "https://example.com/blog/"
    std::string origin;  // "https://example.com"
    std::string root;    // the path below the origin, the routes' root: "/blog/"
};
// Errors: what is wrong, for a message that names where the URL came from.
Result<BaseUrl> build_base_url(const std::string& text);

// Where a post's alias is written, relative to OUT, as Hugo does: "/old/x/"
// is "old/x/index.html" (from the site's root), "old" is
// "posts/old/index.html" (relative to posts/), "x.html" is that file. An
// error when it would leave OUT ("..", ".") or has empty segments.
Result<std::string> build_alias_file(const std::string& alias);

// Hugo's redirect page to `url` (absolute), every value escaped.
std::string build_alias_page(const std::string& url, const std::string& lang);

// The page around a prerendered screen: its head (`head`, from
// document_head), the widget's files and, in <wasm-blog>, the screen's HTML
// as it is. <wasm-blog> says what the screen is (data-kind, as the widget
// says it once it runs) and, with <html>, the site's default theme when it
// is not "auto" (data-default-theme).
struct BuildDocument {
    std::string lang = "en";
    std::string head;         // document_head's lines
    std::string root;         // the routes' root, "/blog/" ("/blog/fr/" for a language's pages)
    std::string asset_root;   // where the widget's files are, "/blog/"; "" for root
    std::string site_title;   // names the RSS link
    int page_size = 10;
    std::string kind = "list";  // Page::screen.kind
    bool full_engine = false;   // page_needs_renderers: the widget starts with blog-full
    std::string theme = "auto"; // Page::theme: "auto", "light" or "dark"
    std::string screen_html;  // Page::screen.html, byte for byte
};
std::string build_document(const BuildDocument& doc);

}  // namespace blog::tool
