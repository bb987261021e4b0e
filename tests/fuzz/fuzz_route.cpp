// Routes (core/route). Properties, on any input:
//   - route_parse never crashes, and parsing is the inverse of building:
//     route_parse(route_href(r)) is r again (kind, page, slug, anchor, tag),
//     and route_href of that is the same hash;
//   - a route built from parts (route_post_href, route_tag_href,
//     route_list_href, route_search_href, with fuzzed slugs, anchors, tags,
//     pages and search words) parses back to those parts.
// Input: the whole input is a hash; it is also split at its first two NUL
// bytes into slug/tag, anchor and a page number (the last bytes).
#include <cstdint>
#include <string>
#include <string_view>

#include "core/route/route.hpp"
#include "core/url/url.hpp"
#include "core/util/utf8.hpp"
#include "fuzz_check.hpp"

namespace {

const char* kind_name(blog::Route::Kind k) {
    switch (k) {
        case blog::Route::Kind::List: return "List";
        case blog::Route::Kind::Post: return "Post";
        case blog::Route::Kind::Tag: return "Tag";
        case blog::Route::Kind::Tags: return "Tags";
        case blog::Route::Kind::Archive: return "Archive";
        case blog::Route::Kind::Search: return "Search";
        case blog::Route::Kind::NotFound: return "NotFound";
    }
    return "?";
}

std::string describe(const blog::Route& r) {
    return std::string(kind_name(r.kind)) + "{page " + std::to_string(r.page) + ", slug \"" + fuzz::escaped(r.slug) +
           "\", path \"" + fuzz::escaped(r.path) + "\", anchor \"" + fuzz::escaped(r.anchor) + "\", tag \"" + fuzz::escaped(r.tag) + "\", query \"" +
           fuzz::escaped(r.query) + "\"}";
}

bool utf8_ok(std::string_view s) { return blog::utf8_valid_prefix(s) == s.size(); }

bool same(const blog::Route& a, const blog::Route& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
        case blog::Route::Kind::List: return a.page == b.page;
        case blog::Route::Kind::Post: return a.slug == b.slug && a.path == b.path && a.anchor == b.anchor;
        case blog::Route::Kind::Tag: return a.tag == b.tag && a.page == b.page && a.taxonomy == b.taxonomy;
        case blog::Route::Kind::Tags: return a.taxonomy == b.taxonomy;
        case blog::Route::Kind::Archive: return true;
        case blog::Route::Kind::Search: return a.query == b.query;
        case blog::Route::Kind::NotFound: return a.raw == b.raw;
    }
    return false;
}

void check_parses_to(const std::string& href, const blog::Route& expected, const char* built_by) {
    blog::Route got = blog::route_parse(href);
    FUZZ_CHECK(same(got, expected), std::string(built_by) + " gave \"" + fuzz::escaped(href) + "\", which parses to " +
                                        describe(got) + ", not " + describe(expected));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::Scope scope(data, size);
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    // Any hash: parse, build, parse again.
    const blog::Route r = blog::route_parse(input);
    FUZZ_CHECK(r.page >= 1, "page " + std::to_string(r.page) + " in " + describe(r));
    FUZZ_CHECK(r.kind != blog::Route::Kind::Post || !r.path.empty(), "a post route without a place");
    FUZZ_CHECK(r.kind != blog::Route::Kind::Tag || !r.tag.empty(), "a tag route without a tag");
    const std::string href = blog::route_href(r);
    blog::Route again = blog::route_parse(href);
    FUZZ_CHECK(same(again, r), "route_parse(\"" + fuzz::escaped(input) + "\") is " + describe(r) +
                                   "; its route_href \"" + fuzz::escaped(href) + "\" parses to " + describe(again));
    FUZZ_CHECK(blog::route_href(again) == href,
               "route_href is not stable: \"" + fuzz::escaped(href) + "\" then \"" + fuzz::escaped(blog::route_href(again)) + "\"");

    // The same route as a built site's path, under a root: parses back to it.
    if (r.kind != blog::Route::Kind::NotFound) {
        const blog::RouteLinks links = blog::RouteLinks::paths("/blog/");
        const std::string path = blog::route_href(r, links);
        blog::Route from_path = blog::route_parse_path(path, links.root);
        FUZZ_CHECK(same(from_path, r), "route_href(" + describe(r) + ") as a path is \"" + fuzz::escaped(path) +
                                           "\", which parses to " + describe(from_path));
    }
    // Any path: parse, build, parse again.
    const blog::Route p = blog::route_parse_path(input, "/b/");
    if (p.kind != blog::Route::Kind::NotFound) {
        const blog::RouteLinks links = blog::RouteLinks::paths("/b/");
        const std::string path = blog::route_href(p, links);
        FUZZ_CHECK(same(blog::route_parse_path(path, "/b/"), p),
                   "route_parse_path(\"" + fuzz::escaped(input) + "\") is " + describe(p) + "; its path \"" +
                       fuzz::escaped(path) + "\" does not parse back");
    }

    // Parts: <slug or tag> NUL <anchor> NUL <page digits...>
    size_t z1 = input.find('\0');
    std::string_view name = input.substr(0, z1);
    std::string_view anchor, page_bytes;
    if (z1 != std::string_view::npos) {
        std::string_view rest = input.substr(z1 + 1);
        size_t z2 = rest.find('\0');
        anchor = rest.substr(0, z2);
        if (z2 != std::string_view::npos) page_bytes = rest.substr(z2 + 1);
    }
    uint32_t bytes = 1;
    for (size_t i = 0; i < page_bytes.size() && i < 4; ++i) bytes = bytes * 256u + static_cast<uint8_t>(page_bytes[i]);
    int page = static_cast<int>(bytes % 1000000000u);  // route pages have at most 9 digits
    if (page < 1) page = 1;

    if (!name.empty()) {
        blog::Route post;
        post.kind = blog::Route::Kind::Post;
        post.slug = std::string(name);
        post.path = "posts/" + post.slug + "/";
        post.anchor = std::string(anchor);
        check_parses_to(blog::route_post_href(name, anchor), post, "route_post_href");

        blog::Route tag;
        tag.kind = blog::Route::Kind::Tag;
        tag.tag = blog::url_term_key(name);  // Hugo's key: "CI/CD" is at tags/ci/cd/
        tag.page = page;
        // A key that reads as a path of its own ("a//b", "a/page/2", "/x")
        // is not one a term's page can be at, on Hugo's site or ours.
        const std::string& key = tag.tag;
        const bool plain_key = key.find("//") == std::string::npos && key.find("/page/") == std::string::npos &&
                               key.front() != '/' && key.back() != '/' && key.find_first_of("#?") == std::string::npos;
        if (plain_key) check_parses_to(blog::route_tag_href(name, page), tag, "route_tag_href");

        // A search for any words (valid UTF-8, as the route keeps them).
        if (utf8_ok(name)) {
            blog::Route search;
            search.kind = blog::Route::Kind::Search;
            search.query = std::string(name);
            check_parses_to(blog::route_search_href(name), search, "route_search_href");
            const blog::RouteLinks links = blog::RouteLinks::paths("/blog/");
            const std::string path = blog::route_search_href(name, links);
            blog::Route from_path = blog::route_parse_path(path, links.root);
            FUZZ_CHECK(same(from_path, search), "route_search_href as a path is \"" + fuzz::escaped(path) +
                                                    "\", which parses to " + describe(from_path));
        }
    }
    blog::Route list;
    list.page = page;
    check_parses_to(blog::route_list_href(page), list, "route_list_href");
    return 0;
}
