#include <catch2/catch.hpp>

#include "core/route/route.hpp"
#include "core/url/url.hpp"

using namespace blog;

using Kind = Route::Kind;

TEST_CASE("route: the list and its pages") {
    SECTION("the home list, however the empty hash is written") {
        for (const char* hash : {"", "#", "#/", "/"}) {
            INFO(hash);
            Route r = route_parse(hash);
            CHECK(r.kind == Kind::List);
            CHECK(r.page == 1);
            CHECK(r.raw == hash);
            CHECK(route_href(r) == "#/");
        }
    }
    SECTION("a page of the list") {
        Route r = route_parse("#/page/2");
        CHECK(r.kind == Kind::List);
        CHECK(r.page == 2);
        CHECK(route_href(r) == "#/page/2");
    }
    SECTION("a trailing slash is ignored") {
        Route r = route_parse("#/page/3/");
        CHECK(r.kind == Kind::List);
        CHECK(r.page == 3);
    }
    SECTION("page 1 is the list itself") {
        Route r = route_parse("#/page/1");
        CHECK(r.kind == Kind::List);
        CHECK(r.page == 1);
        CHECK(route_href(r) == "#/");
    }
    SECTION("hrefs") {
        CHECK(route_list_href() == "#/");
        CHECK(route_list_href(1) == "#/");
        CHECK(route_list_href(0) == "#/");
        CHECK(route_list_href(7) == "#/page/7");
    }
}

TEST_CASE("route: a post, optionally with a heading to scroll to") {
    SECTION("a post") {
        Route r = route_parse("#/posts/lets-go");
        CHECK(r.kind == Kind::Post);
        CHECK(r.slug == "lets-go");
        CHECK(r.anchor.empty());
        CHECK(route_href(r) == "#/posts/lets-go");
    }
    SECTION("a trailing slash is ignored") {
        Route r = route_parse("#/posts/lets-go/");
        CHECK(r.kind == Kind::Post);
        CHECK(r.slug == "lets-go");
    }
    SECTION("a heading") {
        Route r = route_parse("#/posts/lets-go#why-go");
        CHECK(r.kind == Kind::Post);
        CHECK(r.slug == "lets-go");
        CHECK(r.anchor == "why-go");
        CHECK(route_href(r) == "#/posts/lets-go#why-go");
    }
    SECTION("an empty heading is the top of the post") {
        Route r = route_parse("#/posts/lets-go#");
        CHECK(r.kind == Kind::Post);
        CHECK(r.anchor.empty());
        CHECK(route_href(r) == "#/posts/lets-go");
    }
    SECTION("percent-encoded slugs and headings are decoded") {
        Route r = route_parse("#/posts/caf%C3%A9%20au%20lait#%C3%BCn%C3%AFcode--punctuation-its-fine");
        CHECK(r.kind == Kind::Post);
        CHECK(r.slug == "café au lait");
        CHECK(r.anchor == "ünïcode--punctuation-its-fine");
    }
    SECTION("hrefs encode what is not unreserved") {
        CHECK(route_post_href("lets-go") == "#/posts/lets-go");
        CHECK(route_post_href("café") == "#/posts/caf%C3%A9");
        CHECK(route_post_href("a b", "x y") == "#/posts/a%20b#x%20y");
        CHECK(route_post_href("a/b#c") == "#/posts/a%2Fb%23c");
        CHECK(route_post_href("x", "ünïcode") == "#/posts/x#%C3%BCn%C3%AFcode");
    }
}

TEST_CASE("route: a tag and its pages") {
    SECTION("a tag") {
        Route r = route_parse("#/tags/go");
        CHECK(r.kind == Kind::Tag);
        CHECK(r.tag == "go");
        CHECK(r.page == 1);
        CHECK(route_href(r) == "#/tags/go");
    }
    SECTION("a page of a tag") {
        Route r = route_parse("#/tags/distributed-systems/page/2");
        CHECK(r.kind == Kind::Tag);
        CHECK(r.tag == "distributed-systems");
        CHECK(r.page == 2);
        CHECK(route_href(r) == "#/tags/distributed-systems/page/2");
    }
    SECTION("trailing slashes are ignored") {
        CHECK(route_parse("#/tags/go/").tag == "go");
        CHECK(route_parse("#/tags/go/page/2/").page == 2);
    }
    SECTION("percent-encoded tags are decoded") {
        Route r = route_parse("#/tags/c%2B%2B");
        CHECK(r.kind == Kind::Tag);
        CHECK(r.tag == "c++");
    }
    SECTION("hrefs") {
        CHECK(route_tag_href("go") == "#/tags/go");
        CHECK(route_tag_href("go", 1) == "#/tags/go");
        CHECK(route_tag_href("go", 3) == "#/tags/go/page/3");
        CHECK(route_tag_href("c++") == "#/tags/c%2B%2B");
        CHECK(route_tag_href("a/b") == "#/tags/a/b");  // Hugo's "CI/CD" is at tags/ci/cd/
        CHECK(route_tag_href("Apple Game Porting Toolkit") == "#/tags/apple-game-porting-toolkit");
    }
}

TEST_CASE("route: parsing what was built gives the same route") {
    SECTION("posts and headings, whatever characters they hold") {
        for (const char* slug : {"lets-go", "a b", "a/b", "a#b", "100%", "café", "x?y=z", "-_.~"}) {
            for (const char* anchor : {"", "why-go", "a#b", "x y", "ünïcode--punctuation-its-fine", "a/b"}) {
                INFO("slug: " << slug << ", anchor: " << anchor);
                std::string href = route_post_href(slug, anchor);
                Route r = route_parse(href);
                CHECK(r.kind == Kind::Post);
                CHECK(r.slug == slug);
                CHECK(r.anchor == anchor);
                CHECK(route_href(r) == href);
            }
        }
    }
    SECTION("tags and pages") {
        for (const char* tag : {"go", "c++", "a b", "a/b", "ελληνικά", "page"}) {
            for (int page : {1, 2, 10}) {
                INFO("tag: " << tag << ", page: " << page);
                std::string href = route_tag_href(tag, page);
                Route r = route_parse(href);
                CHECK(r.kind == Kind::Tag);
                CHECK(r.tag == url_term_key(tag));
                CHECK(r.page == page);
                CHECK(route_href(r) == href);
            }
        }
    }
    SECTION("list pages") {
        for (int page : {1, 2, 99, 999999999}) {
            INFO(page);
            Route r = route_parse(route_list_href(page));
            CHECK(r.kind == Kind::List);
            CHECK(r.page == page);
            CHECK(route_href(r) == route_list_href(page));
        }
    }
}

TEST_CASE("route: anything else is a not-found route that keeps the hash") {
    const char* not_found[] = {
        "#/page/0",     "#/page/2x",      "#/page/",           "#/page",           "#/page/01",
        "#/page/-1",    "#/page/+2",      "#/page/1000000000", "#/page/2#x",       "#/page/2x/y",
        "#foo",         "#//",            "#/posts/#why-go",   "#/page/-x",        "#/a//b",
        "#/tags//",     "#/tags/#x",      "#/tags/go/page/0", "#/tags/go/page/x", "posts/lets-go",
    };
    for (const char* hash : not_found) {
        INFO(hash);
        Route r = route_parse(hash);
        CHECK(r.kind == Kind::NotFound);
        CHECK(r.raw == hash);
        CHECK(route_href(r) == hash);
    }
}

TEST_CASE("route: any other path is a post's own place, as Hugo wrote it") {
    SECTION("hash spelling") {
        for (const char* hash : {"#/posts/2021/my-trip", "#/posts/2021/my-trip/", "#/about", "#/POSTS/x", "#/posts",
                                 "#/tags-and-more/x", "#/page/about"}) {  // Hugo's section "page"
            INFO(hash);
            CHECK(route_parse(hash).kind == Kind::Post);
            CHECK(route_parse(hash).slug.empty());
        }
        Route r = route_parse("#/posts/2021/caf%C3%A9#why");
        CHECK(r.path == "posts/2021/café/");
        CHECK(r.anchor == "why");
        CHECK(route_href(r) == "#/posts/2021/caf%C3%A9#why");
        CHECK(route_parse("#/posts/x").path == "posts/x/");
    }
    SECTION("path spelling, ugly URLs included") {
        Route r = route_parse_path("/blog/posts/2021/my-trip/#h", "/blog/");
        CHECK(r.kind == Kind::Post);
        CHECK(r.path == "posts/2021/my-trip/");
        CHECK(r.anchor == "h");
        CHECK(route_href(r, RouteLinks::paths("/blog/")) == "/blog/posts/2021/my-trip/#h");
        CHECK(route_parse_path("/blog/about/index.html", "/blog/").path == "about/");
        CHECK(route_parse_path("/blog/posts/x.html", "/blog/").path == "posts/x.html");
        CHECK(route_path_href("中文/标签/", {}, RouteLinks::paths("/")) == "/%E4%B8%AD%E6%96%87/%E6%A0%87%E7%AD%BE/");
    }
    SECTION("a term may hold '/', as Hugo's CI/CD does") {
        Route r = route_parse_path("/blog/tags/ci/cd/page/2/", "/blog/");
        CHECK(r.kind == Kind::Tag);
        CHECK(r.tag == "ci/cd");
        CHECK(r.page == 2);
    }
}

TEST_CASE("route: #/tags is the page of every tag") {
    CHECK(route_parse("#/tags").kind == Kind::Tags);
    CHECK(route_parse("#/tags/").kind == Kind::Tags);
    CHECK(route_tags_href() == "#/tags");
    CHECK(route_href(route_parse("#/tags")) == "#/tags");
}

TEST_CASE("route: a built site's paths are the same routes under its root") {
    const RouteLinks links = RouteLinks::paths("/blog");
    CHECK(links.root == "/blog/");
    CHECK(route_list_href(1, links) == "/blog/");
    CHECK(route_list_href(3, links) == "/blog/page/3/");
    CHECK(route_post_href("lets-go", {}, links) == "/blog/posts/lets-go/");
    CHECK(route_post_href("caf\u00e9", "why-go", links) == "/blog/posts/caf%C3%A9/#why-go");
    CHECK(route_tag_href("c++", 2, links) == "/blog/tags/c%2B%2B/page/2/");
    CHECK(route_tags_href(links) == "/blog/tags/");

    SECTION("every path the blog writes parses back to its route") {
        const char* hashes[] = {"#/", "#/page/2", "#/posts/lets-go", "#/posts/caf%C3%A9#%C3%BCn", "#/tags",
                                "#/tags/go", "#/tags/c%2B%2B/page/2"};
        for (const char* hash : hashes) {
            INFO(hash);
            Route want = route_parse(hash);
            std::string path = route_href(want, links);
            Route got = route_parse_path(path, "/blog/");
            CHECK(got.kind == want.kind);
            CHECK(got.page == want.page);
            CHECK(got.slug == want.slug);
            CHECK(got.anchor == want.anchor);
            CHECK(got.tag == want.tag);
            CHECK(route_href(got, links) == path);
        }
    }
    SECTION("a folder's index.html, a missing trailing slash and a query are the same screen") {
        CHECK(route_parse_path("/blog/index.html", "/blog/").kind == Kind::List);
        CHECK(route_parse_path("/blog", "/blog/").kind == Kind::List);
        CHECK(route_parse_path("/blog/posts/x/index.html", "/blog/").slug == "x");
        CHECK(route_parse_path("/blog/posts/x", "/blog/").slug == "x");
        CHECK(route_parse_path("/blog/page/2/?utm=1", "/blog/").page == 2);
        CHECK(route_parse_path("/", "/").kind == Kind::List);
    }
    SECTION("a fragment is a heading only on a post") {
        CHECK(route_parse_path("/blog/posts/x/#h", "/blog/").anchor == "h");
        Route list = route_parse_path("/blog/#section-2", "/blog/");
        CHECK(list.kind == Kind::List);
        CHECK(list.anchor.empty());
    }
    SECTION("paths outside the root or unknown below it are not found") {
        const char* paths[] = {"/other/", "/blo/", "/blog/page/2x/", "/blog/a//b/",
                               "/blog/page/0/", "/blog/tags/go/page/0/", "/blog/404.html", "/blog/index.htm",
                               "/blog/index.xml", "/blog/posts/x.md", "/blog/tags/go/index.xml"};
        for (const char* path : paths) {
            INFO(path);
            Route r = route_parse_path(path, "/blog/");
            CHECK(r.kind == Kind::NotFound);
            CHECK(r.raw == path);
        }
    }
}

TEST_CASE("route: links for a feed are absolute under the site's URL") {
    const RouteLinks links = RouteLinks::paths("https://example.com/blog");
    CHECK(route_post_href("x", "h", links) == "https://example.com/blog/posts/x/#h");
    CHECK(route_list_href(1, links) == "https://example.com/blog/");
}

TEST_CASE("route: each screen of a built site is a file at its path") {
    CHECK(route_file(route_parse("#/")) == "index.html");
    CHECK(route_file(route_parse("#/page/2")) == "page/2/index.html");
    CHECK(route_file(route_parse("#/posts/lets-go")) == "posts/lets-go/index.html");
    CHECK(route_file(route_parse("#/tags")) == "tags/index.html");
    CHECK(route_file(route_parse("#/tags/go")) == "tags/go/index.html");
    CHECK(route_file(route_parse("#/tags/go/page/3")) == "tags/go/page/3/index.html");
    CHECK(route_file(route_parse("#/page/2x")) == "404.html");
    CHECK(route_file(route_parse("#/posts/2021/my-trip")) == "posts/2021/my-trip/index.html");
    CHECK(route_file(route_parse_path("/posts/x.html", "/")) == "posts/x.html");
}

TEST_CASE("route: #/archive is every post by year and month") {
    for (const char* hash : {"#/archive", "#/archive/"}) {
        INFO(hash);
        CHECK(route_parse(hash).kind == Kind::Archive);
    }
    CHECK(route_archive_href() == "#/archive");
    CHECK(route_href(route_parse("#/archive")) == "#/archive");
    for (const char* hash : {"#/archive?q=x", "#/archive#x"}) {
        INFO(hash);
        CHECK(route_parse(hash).kind == Kind::NotFound);
    }
    CHECK(route_parse("#/archives").kind == Kind::Archive);    // PaperMod's URL of it
    CHECK(route_parse("#/archive/2014").kind == Kind::Post);   // a page of Hugo's (a taxonomy "archive")
}

TEST_CASE("route: #/search carries the reader's words in its query string") {
    SECTION("no query, or an empty one, is the search screen with no words") {
        for (const char* hash : {"#/search", "#/search/", "#/search?", "#/search?q=", "#/search?x=1", "#/search/?q"}) {
            INFO(hash);
            Route r = route_parse(hash);
            CHECK(r.kind == Kind::Search);
            CHECK(r.query.empty());
            CHECK(route_href(r) == "#/search");
        }
    }
    SECTION("the words are percent-decoded, '+' is a space, the first q counts") {
        CHECK(route_parse("#/search?q=borg").query == "borg");
        CHECK(route_parse("#/search/?q=borg").query == "borg");
        CHECK(route_parse("#/search?q=d%C3%A9j%C3%A0+vu").query == "d\u00e9j\u00e0 vu");
        CHECK(route_parse("#/search?q=d%C3%A9j%C3%A0%20vu").query == "d\u00e9j\u00e0 vu");
        CHECK(route_parse("#/search?q=c%2B%2B").query == "c++");
        CHECK(route_parse("#/search?lang=en&q=omega&q=borg").query == "omega");
        CHECK(route_parse("#/search?q=a#b").query == "a#b");  // a '#' the reader typed, not a heading
        CHECK(route_parse("#/search?q=d\u00e9j\u00e0").query == "d\u00e9j\u00e0");  // as a browser may leave it
    }
    SECTION("bytes that are not UTF-8 become U+FFFD") {
        Route r = route_parse("#/search?q=caf%E9");
        CHECK(r.query == "caf\ufffd");
        CHECK(route_href(r) == "#/search?q=caf%EF%BF%BD");
    }
    SECTION("hrefs encode every byte that is not unreserved") {
        CHECK(route_search_href() == "#/search");
        CHECK(route_search_href("borg") == "#/search?q=borg");
        CHECK(route_search_href("d\u00e9j\u00e0 vu") == "#/search?q=d%C3%A9j%C3%A0%20vu");
        CHECK(route_search_href("a&b=c#d+e") == "#/search?q=a%26b%3Dc%23d%2Be");
    }
    SECTION("parsing what was built gives the same words") {
        for (const char* words : {"borg", "d\u00e9j\u00e0 vu", "a&q=b", "#x", "100%", "+", " lead and trail ", "日本", "?"}) {
            INFO(words);
            std::string href = route_search_href(words);
            Route r = route_parse(href);
            CHECK(r.kind == Kind::Search);
            CHECK(r.query == words);
            CHECK(route_href(r) == href);
        }
    }
    SECTION("a '?' elsewhere is still part of the route, as before") {
        CHECK(route_parse("#/posts/x?y").slug == "x?y");
        CHECK(route_parse("#/searching?q=x").kind != Kind::Search);
        CHECK(route_parse("#/search#x").kind == Kind::NotFound);
    }
}

TEST_CASE("route: the archive and the search screen on a built site, and their files") {
    const RouteLinks links = RouteLinks::paths("/blog/");
    CHECK(route_archive_href(links) == "/blog/archive/");
    CHECK(route_search_href({}, links) == "/blog/search/");
    CHECK(route_search_href("d\u00e9j\u00e0 vu", links) == "/blog/search/?q=d%C3%A9j%C3%A0%20vu");
    CHECK(route_parse_path("/blog/archive/", "/blog/").kind == Kind::Archive);
    CHECK(route_parse_path("/blog/archive/index.html", "/blog/").kind == Kind::Archive);
    Route s = route_parse_path("/blog/search/?q=d%C3%A9j%C3%A0+vu#top", "/blog/");
    CHECK(s.kind == Kind::Search);
    CHECK(s.query == "d\u00e9j\u00e0 vu");
    CHECK(route_href(s, links) == "/blog/search/?q=d%C3%A9j%C3%A0%20vu");
    CHECK(route_parse_path("/blog/search/index.html?q=x", "/blog/").query == "x");
    CHECK(route_parse_path("/blog/page/2/?q=x", "/blog/").query.empty());  // read by the search screen only
    SECTION("hash and path spellings give the same routes") {
        for (const char* hash : {"#/archive", "#/search", "#/search?q=borg", "#/search?q=d%C3%A9j%C3%A0%20vu"}) {
            INFO(hash);
            Route want = route_parse(hash);
            Route got = route_parse_path(route_href(want, links), "/blog/");
            CHECK(got.kind == want.kind);
            CHECK(got.query == want.query);
            CHECK(route_href(got) == hash);
        }
    }
    SECTION("files") {
        CHECK(route_file(route_parse("#/archive")) == "archive/index.html");
        CHECK(route_file(route_parse("#/search")) == "search/index.html");
        CHECK(route_file(route_parse("#/search?q=borg")) == "search/index.html");
    }
}

TEST_CASE("route: a location is read in the spelling the links use") {
    CHECK(route_parse_location("#/posts/x", RouteLinks{}).slug == "x");
    CHECK(route_parse_location("/blog/posts/x/", RouteLinks::paths("/blog/")).slug == "x");
    CHECK(route_parse_location("#/posts/x", RouteLinks::paths("/blog/")).kind == Kind::NotFound);
    CHECK(route_parse_location("/blog/posts/x/", RouteLinks{}).slug.empty());
}

TEST_CASE("route: categories are a second taxonomy with the same routes as tags") {
    SECTION("the categories page") {
        for (const char* hash : {"#/categories", "#/categories/"}) {
            INFO(hash);
            Route r = route_parse(hash);
            CHECK(r.kind == Kind::Tags);
            CHECK(r.taxonomy == Taxonomy::Categories);
            CHECK(route_href(r) == "#/categories");
        }
        CHECK(route_terms_href(Taxonomy::Categories) == "#/categories");
        CHECK(route_terms_href(Taxonomy::Tags) == route_tags_href());
        CHECK(route_parse("#/tags").taxonomy == Taxonomy::Tags);
    }
    SECTION("a category and its pages") {
        Route r = route_parse("#/categories/notes");
        CHECK(r.kind == Kind::Tag);
        CHECK(r.taxonomy == Taxonomy::Categories);
        CHECK(r.tag == "notes");
        CHECK(r.page == 1);
        CHECK(route_href(r) == "#/categories/notes");
        Route p = route_parse("#/categories/c%2B%2B/page/3/");
        CHECK(p.kind == Kind::Tag);
        CHECK(p.taxonomy == Taxonomy::Categories);
        CHECK(p.tag == "c++");
        CHECK(p.page == 3);
        CHECK(route_href(p) == "#/categories/c%2B%2B/page/3");
        CHECK(route_term_href(Taxonomy::Categories, "a b", 2) == "#/categories/a-b/page/2");
        CHECK(route_term_href(Taxonomy::Tags, "go") == route_tag_href("go"));
    }
    SECTION("parsing what was built gives the same route") {
        for (const char* term : {"notes", "c++", "a b", "a/b", "ελληνικά", "page", "tags"}) {
            for (int page : {1, 2, 10}) {
                INFO("category: " << term << ", page: " << page);
                const std::string href = route_term_href(Taxonomy::Categories, term, page);
                Route r = route_parse(href);
                CHECK(r.kind == Kind::Tag);
                CHECK(r.taxonomy == Taxonomy::Categories);
                CHECK(r.tag == url_term_key(term));
                CHECK(r.page == page);
                CHECK(route_href(r) == href);
            }
        }
    }
    SECTION("anything else under categories is not found") {
        for (const char* hash : {"#/categories//", "#/categories/#x", "#/categories/x/page/0"}) {
            INFO(hash);
            CHECK(route_parse(hash).kind == Kind::NotFound);
        }
        for (const char* hash : {"#/categoriesx", "#/category/x", "#/Categories"}) {  // a post's place, if any
            INFO(hash);
            CHECK(route_parse(hash).kind == Kind::Post);
        }
    }
    SECTION("on a built site: paths, and the files they are") {
        const RouteLinks links = RouteLinks::paths("/blog/");
        CHECK(route_terms_href(Taxonomy::Categories, links) == "/blog/categories/");
        CHECK(route_term_href(Taxonomy::Categories, "c++", 2, links) == "/blog/categories/c%2B%2B/page/2/");
        for (const char* hash : {"#/categories", "#/categories/notes", "#/categories/c%2B%2B/page/2"}) {
            INFO(hash);
            Route want = route_parse(hash);
            const std::string path = route_href(want, links);
            Route got = route_parse_path(path, "/blog/");
            CHECK(got.kind == want.kind);
            CHECK(got.taxonomy == Taxonomy::Categories);
            CHECK(got.tag == want.tag);
            CHECK(got.page == want.page);
            CHECK(route_href(got) == hash);
            CHECK(route_parse_location(path, links).taxonomy == Taxonomy::Categories);
        }
        CHECK(route_parse_path("/blog/categories/index.html", "/blog/").kind == Kind::Tags);
        CHECK(route_parse_path("/blog/categories/notes/index.xml", "/blog/").kind == Kind::NotFound);  // its feed
        CHECK(route_file(route_parse("#/categories")) == "categories/index.html");
        CHECK(route_file(route_parse("#/categories/notes")) == "categories/notes/index.html");
        CHECK(route_file(route_parse("#/categories/notes/page/2")) == "categories/notes/page/2/index.html");
    }
}
