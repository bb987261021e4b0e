// Routes: where the reader is in the blog. Two spellings of the same routes:
// - hash routes, for a blog with no build step: "#/" the list, "#/page/N" a
//   page of it, "#/posts/<slug>" a post (optionally "#/posts/<slug>#<heading>"),
//   "#/tags" every tag, "#/tags/<tag>" (and "/page/N") the posts with a tag,
//   "#/categories" and "#/categories/<category>" (and "/page/N") the same for
//   categories, "#/archive" every post by year and month ("#/archives" too,
//   PaperMod's URL for it), "#/search?q=<words>" the search
//   screen (its query in the URL's query string, "q"; "#/search" with none);
// - path routes, for a built site whose every screen is a real file: the same
//   under the site's root path, ending in '/': "/blog/", "/blog/page/2/",
//   "/blog/posts/<slug>/#<heading>", "/blog/tags/", "/blog/tags/<tag>/page/2/",
//   "/blog/categories/", "/blog/categories/<category>/", "/blog/archive/",
//   "/blog/search/?q=<words>".
// Any other path is a post's own place (Post with `path`; Hugo's URLs:
// "/blog/posts/2021/my-trip/", "/blog/about/", "#/about"), found or not in
// the index; a path under a screen's name that is no screen is not found. Parsing and building are inverse:
// route_href(route_parse(h)) == h for every route the blog writes.
#pragma once

#include <string>
#include <string_view>

#include "core/index/taxonomy.hpp"

namespace blog {
struct Post;
}

namespace blog {

struct Route {
    // Tag and Tags are a taxonomy's term and its terms page: tags, or categories.
    enum class Kind { List, Post, Tag, Tags, Archive, Search, NotFound };
    Kind kind = Kind::List;
    int page = 1;        // List and Tag
    std::string slug;    // Post, when the route names it by slug ("posts/<slug>"); else ""
    // Post: its place below the root, as index_post_path gives it
    // ("posts/x/", "posts/2021/my-trip/", "about/", "x.html"): any route
    // that is none of the blog's own screens is a post's, found (or not) in
    // the index by index_post_at.
    std::string path;
    std::string anchor;  // Post: heading id to scroll to ("" for the top)
    std::string tag;     // Tag: the term (a tag, or a category)
    Taxonomy taxonomy = Taxonomy::Tags;  // Tag and Tags
    std::string query;   // Search: the reader's words as typed (valid UTF-8), "" for none
    std::string raw;     // the hash or path as given, for messages
};

// How the blog writes its links: hash routes (the default), or path routes
// under `root` (a path starting and ending with '/': "/", "/blog/").
struct RouteLinks {
    enum class Style { Hash, Path };
    Style style = Style::Hash;
    std::string root = "/";

    // root normalised to "/…/"; an absolute URL ("https://example.com/blog/")
    // stays one, for links read outside the site (feeds).
    static RouteLinks paths(std::string root);
};

// A hash route ("#/posts/x"); "" and "#" are the list.
Route route_parse(std::string_view hash);

// A path route: `path` is a URL's path, optionally followed by its "#fragment"
// (the heading of a post); "index.html" at the end is the folder itself, and
// the trailing '/' may be left out unless the last segment has a '.' (a
// file: "index.xml", "posts/x.md"). A path outside `root` is not found.
Route route_parse_path(std::string_view path, std::string_view root);

// A location as `links` spells routes: a hash, or a path and its fragment
// under links.root.
Route route_parse_location(std::string_view location, const RouteLinks& links);

std::string route_href(const Route& route, const RouteLinks& links = {});
std::string route_list_href(int page = 1, const RouteLinks& links = {});
std::string route_post_href(std::string_view slug, std::string_view anchor = {}, const RouteLinks& links = {});
// A post at its own place (index_post_path): "#/posts/2021/my-trip",
// "/blog/posts/2021/my-trip/", each segment percent-encoded.
std::string route_post_href(const Post& post, std::string_view anchor = {}, const RouteLinks& links = {});
std::string route_path_href(std::string_view path, std::string_view anchor = {}, const RouteLinks& links = {});
std::string route_tag_href(std::string_view tag, int page = 1, const RouteLinks& links = {});
std::string route_tags_href(const RouteLinks& links = {});
// A term of a taxonomy and its terms page: "#/categories/go/page/2", "#/categories".
std::string route_term_href(Taxonomy taxonomy, std::string_view term, int page = 1, const RouteLinks& links = {});
std::string route_terms_href(Taxonomy taxonomy, const RouteLinks& links = {});
std::string route_archive_href(const RouteLinks& links = {});
// "#/search?q=d%C3%A9j%C3%A0%20vu", "#/search" for an empty query.
std::string route_search_href(std::string_view query = {}, const RouteLinks& links = {});

// The file a built site holds for a route, relative to its root, with the
// slug and tag as they are (not percent-encoded): "index.html",
// "page/2/index.html", "posts/lets-go/index.html", "tags/index.html",
// "tags/go/page/2/index.html", "categories/index.html",
// "categories/notes/index.html", "archive/index.html", "search/index.html"
// (whatever its query: the query is read in the browser); "404.html" for a
// not-found route.
std::string route_file(const Route& route);

}  // namespace blog
