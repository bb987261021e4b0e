// The page model: a screen as a pure function of the route, what is known and
// the configuration; what it still needs is data, not a fetch.
#include <catch2/catch.hpp>

#include "core/page/page.hpp"
#include "core/page/post_links.hpp"
#include "tests/support.hpp"

using namespace blog;
using namespace blog::test;

namespace {

const char* const kIndex = R"({
    "title": "Small", "author": "Ann",
    "posts": [
        {"slug": "a", "title": "Post A", "date": "2022-07-04", "summary": "Summary of A"},
        {"slug": "x", "title": "Post X", "date": "2022-07-03"},
        {"slug": "y", "title": "Post Y", "date": "2022-07-02", "file": "2022/y.md"},
        {"slug": "z", "title": "Post Z", "date": "2022-07-01"}
    ]})";

struct Known {
    SiteIndex site = parse_ok(kIndex);
    std::unordered_map<std::string, PostEntry> posts;
    PageConfig config{"https://example.com/blog/posts/index.json", 2, {}};

    SiteState state() const { return SiteState{SiteState::Index::Loaded, "", &site, &posts}; }
    Page build(std::string_view hash) const { return page_build(route_parse(hash), state(), config); }

    void rendered(const std::string& slug, std::string_view markdown) {
        const Post* post = site.find(slug);
        REQUIRE(post);
        auto r = markdown_render(markdown, page_markdown_options(site, *post, config, {}));
        REQUIRE(r.ok());
        PostEntry& e = posts[slug];
        e.state = PostEntry::State::Rendered;
        e.rendered = std::move(r).value();
    }
};

std::vector<std::string> urls(const Page& page) {
    std::vector<std::string> out;
    for (const PageNeed& n : page.needs) out.push_back(n.url);
    return out;
}

}  // namespace

TEST_CASE("page: before the index is known, the screen is loading and needs the index, once") {
    PageConfig config;
    Page page = page_build(route_parse("#/"), SiteState{}, config);
    CHECK(contains(page.screen.html, "Loading…"));
    REQUIRE(page.needs.size() == 1);
    CHECK(page.needs[0].url == "posts/index.json");
    CHECK(page.needs[0].slug.empty());
    CHECK(page.needs[0].max_bytes == kMaxIndexBytes);

    SiteState asked;
    asked.index = SiteState::Index::Loading;
    CHECK(page_build(route_parse("#/posts/a"), asked, config).needs.empty());
}

TEST_CASE("page: an index that failed is an error with a retry control, and needs nothing") {
    SiteState failed;
    failed.index = SiteState::Index::Failed;
    failed.index_error = "Could not load posts/index.json: HTTP 500";
    Page page = page_build(route_parse("#/"), failed, PageConfig{});
    CHECK(contains(page.screen.html, "Could not load posts/index.json: HTTP 500"));
    CHECK(contains(page.screen.html, "data-action=\"retry\""));
    CHECK(page.needs.empty());
}

TEST_CASE("page: the list needs the Markdown of the entries on screen that have no summary") {
    Known k;
    Page first = k.build("#/");  // A (summary in the index), X (none)
    CHECK(urls(first) == std::vector<std::string>{"https://example.com/blog/posts/x.md"});
    CHECK(first.needs[0].slug == "x");
    CHECK(first.needs[0].max_bytes == MarkdownOptions::kMaxInputBytes);
    CHECK(contains(first.screen.html, "Summary of A"));

    Page second = k.build("#/page/2");  // Y (in 2022/), Z
    CHECK(urls(second) == std::vector<std::string>{"https://example.com/blog/posts/2022/y.md",
                                                   "https://example.com/blog/posts/z.md"});

    SECTION("a post being fetched is not needed again") {
        k.posts["x"] = PostEntry{};
        CHECK(k.build("#/").needs.empty());
    }
    SECTION("once rendered, its summary is on the list") {
        k.rendered("x", "The first words of X.\n\n<!--more-->\n\nThe rest.");
        Page page = k.build("#/");
        CHECK(page.needs.empty());
        CHECK(contains(page.screen.html, "The first words of X...."));
    }
}

TEST_CASE("page: a post needs its Markdown, then shows it and lands on the route's heading") {
    Known k;
    Page loading = k.build("#/posts/y#setup");
    CHECK(urls(loading) == std::vector<std::string>{"https://example.com/blog/posts/2022/y.md"});
    CHECK(contains(loading.screen.html, "Post Y"));
    CHECK(loading.scroll == Page::Scroll::Top);  // no heading to land on yet

    k.rendered("y", "## Setup\n\n```go\nfunc main() {}\n```\n\n$x^2$\n");
    Page shown = k.build("#/posts/y#setup");
    CHECK(shown.needs.empty());
    CHECK(contains(shown.screen.html, "<h2 id=\"setup\">Setup"));
    CHECK(shown.scroll == Page::Scroll::Anchor);
    CHECK(shown.anchor == "setup");
    CHECK(shown.needs_code);
    CHECK(shown.needs_math);
}

TEST_CASE("page: a post that failed shows its error, a missing one is not found, an unknown slug needs nothing") {
    Known k;
    k.posts["x"] = PostEntry{PostEntry::State::Failed, std::nullopt, "x.md: HTTP 500", true};
    k.posts["z"] = PostEntry{PostEntry::State::Missing, std::nullopt, "z.md: HTTP 404", true};
    Page failed = k.build("#/posts/x");
    CHECK(contains(failed.screen.html, "x.md: HTTP 500"));
    CHECK(contains(failed.screen.html, "data-action=\"retry\""));
    CHECK(contains(k.build("#/posts/z").screen.html, "Post not found"));
    Page unknown = k.build("#/posts/nope");
    CHECK(contains(unknown.screen.html, "There is no post \u201cnope\u201d in this blog."));
    CHECK(unknown.needs.empty());
}

TEST_CASE("page: a not-found screen quotes a megabyte slug, address or tag by its first 160 bytes") {
    Known k;
    const std::string huge(3u << 20, 'a');
    const std::string a160 = std::string(kQuoteMaxBytes, 'a');
    const std::pair<std::string, std::string> cases[] = {
        {"#/posts/" + huge, "There is no post \u201c" + a160 + "\u2026\u201d in this blog."},
        {"#/" + huge, "Nothing lives at \u201c#/" + a160.substr(2) + "\u2026\u201d."},  // the address as given
        {"#/tags/" + huge, "No post has the tag \u201c" + a160 + "\u2026\u201d."},
    };
    for (const auto& [hash, message] : cases) {
        const Page page = k.build(hash);
        INFO(hash.substr(0, 12));
        CHECK(contains(page.screen.html, message));
        CHECK(page.screen.html.size() < 20000);
    }
    // whole characters: a slug of 3-byte characters is cut between two of them
    std::string cjk;
    for (int i = 0; i < 100; ++i) cjk += "\u6f22";
    const std::string html = k.build("#/posts/" + cjk).screen.html;
    CHECK(contains(html, "\u201c" + cjk.substr(0, 159) + "\u2026\u201d"));
}

TEST_CASE("page: the same route and knowledge give the same bytes (what prerendering relies on)") {
    Known k;
    k.rendered("x", "Hello *world*.");
    for (const char* hash : {"#/", "#/page/2", "#/posts/x", "#/tags/go", "#/nowhere"}) {
        INFO(hash);
        CHECK(k.build(hash).screen.html == k.build(hash).screen.html);
    }
}

TEST_CASE("page: a post's Markdown options come from the site, the post and the index URL") {
    Known k;
    const Post* y = k.site.find("y");
    REQUIRE(y);
    MarkdownOptions o = page_markdown_options(k.site, *y, k.config, {});
    CHECK(o.base_url == "https://example.com/blog/posts/2022/y.md");
    CHECK(o.self_route == "#/posts/y");
    CHECK_FALSE(o.unsafe);
    SiteIndex unsafe_site = parse_ok(R"({"unsafeHtml": true, "posts": [{"slug": "p", "title": "P"}]})");
    CHECK(page_markdown_options(unsafe_site, unsafe_site.posts[0], k.config, {}).unsafe);
    CHECK(o.raw_html == MarkdownOptions::RawHtml::Omit);
    SiteIndex sanitize_site = parse_ok(R"({"rawHtml": "sanitize", "posts": [{"slug": "p", "title": "P"}]})");
    CHECK(page_markdown_options(sanitize_site, sanitize_site.posts[0], k.config, {}).raw_html ==
          MarkdownOptions::RawHtml::Sanitize);
}

TEST_CASE("page: math between \\( \\) is on where the index turns it on, for the site or one post") {
    Known k;
    SiteIndex site = parse_ok(R"({"posts": [{"slug": "p", "title": "P"}, {"slug": "m", "title": "M", "math": true}]})");
    CHECK(page_markdown_options(site, site.posts[0], k.config, {}).math == MathDelimiters::None);
    CHECK(page_markdown_options(site, site.posts[1], k.config, {}).math == MathDelimiters::Escaped);
    SiteIndex all = parse_ok(R"({"math": true, "posts": [{"slug": "p", "title": "P"}, {"slug": "n", "title": "N", "math": false}]})");
    CHECK(page_markdown_options(all, all.posts[0], k.config, {}).math == MathDelimiters::Escaped);
    CHECK(page_markdown_options(all, all.posts[1], k.config, {}).math == MathDelimiters::None);
    SiteIndex passthrough = parse_ok(R"({"mathPassthrough": true, "posts": [{"slug": "p", "title": "P"}]})");
    CHECK(page_markdown_options(passthrough, passthrough.posts[0], k.config, {}).math == MathDelimiters::Passthrough);
    Result<RenderedMarkdown> r = page_render_post("---\ntitle: M\nmath: true\n---\nA \\\\( x^2 \\\\) b\n", site,
                                                  site.posts[1], k.config, {});
    REQUIRE(r);
    CHECK(r.value().html == "<p>A <span class=\"math inline\">x^2</span> b</p>\n");
    CHECK(r.value().has_math);
}

TEST_CASE("page: a built site's screens link by path under its root, and say when they are complete") {
    Known k;
    k.site.switches.show_bread_crumbs = true;
    k.config.index_url = "/blog/posts/index.json";
    k.config.links = RouteLinks::paths("/blog/");
    Page list = k.build("#/");
    CHECK(contains(list.screen.html, "href=\"/blog/posts/a/\""));
    CHECK(contains(list.screen.html, "href=\"/blog/page/2/\""));
    CHECK(contains(list.screen.html, "<a href=\"/blog/\" accesskey=\"h\""));
    CHECK_FALSE(contains(list.screen.html, "href=\"#/"));
    CHECK_FALSE(list.complete);  // X has no summary yet
    CHECK(urls(list) == std::vector<std::string>{"/blog/posts/x.md"});

    k.rendered("x", "Words of X.\n\n## Part\n\n[see A](a.md) and [below](#part)\n");
    Page done = k.build("#/");
    CHECK(done.complete);
    Page post = k.build("#/posts/x");
    CHECK(post.complete);
    CHECK(contains(post.screen.html, "<a href=\"/blog/\">Home</a>"));
    CHECK(contains(post.screen.html, "href=\"/blog/posts/x/#part\""));
    SECTION("a post still loading is not complete") {
        CHECK_FALSE(k.build("#/posts/z").complete);
        CHECK_FALSE(page_build(route_parse("#/"), SiteState{}, k.config).complete);
    }
}

TEST_CASE("page: the tags page lists every tag with its count, by name") {
    SiteIndex site = parse_ok(R"({"title": "T", "posts": [
        {"slug": "a", "title": "A", "date": "2022-07-03", "summary": "s", "tags": ["go", "c++", "go"]},
        {"slug": "b", "title": "B", "date": "2022-07-02", "summary": "s", "tags": ["go"]},
        {"slug": "c", "title": "C", "date": "2022-07-01", "summary": "s", "tags": ["<b>"]}
    ]})");
    SiteState state{SiteState::Index::Loaded, "", &site, nullptr};
    Page page = page_build(route_parse("#/tags"), state, PageConfig{});
    CHECK(page.screen.title == "Tags | T");
    CHECK(page.complete);
    CHECK(contains(page.screen.html,
                   "<ul class=\"terms-tags\"><li><a href=\"#/tags/b\">&lt;b&gt; <sup><strong><sup>1</sup></strong>"
                   "</sup></a></li><li><a href=\"#/tags/c%2B%2B\">c++ <sup><strong><sup>1</sup></strong></sup></a></li>"
                   "<li><a href=\"#/tags/go\">go <sup><strong><sup>2</sup></strong></sup></a></li></ul>"));
}

TEST_CASE("page: a not-found route with no address (a built site's 404.html) says so plainly") {
    Known k;
    Route nowhere;
    nowhere.kind = Route::Kind::NotFound;
    CHECK(contains(k.build("#/nowhere").screen.html, "Nothing lives at \u201c#/nowhere\u201d."));
    CHECK(contains(page_build(nowhere, k.state(), k.config).screen.html, "Nothing lives at this address."));
}

TEST_CASE("page: a post file's front matter is not part of the post") {
    Known k;
    const Post* x = k.site.find("x");
    REQUIRE(x);
    for (const char* file : {"---\ntitle: X\ntags: [a]\n---\nBody *here*.\n", "+++\ntitle = \"X\"\n+++\nBody *here*.\n",
                             "{\n  \"title\": \"X\"\n}\nBody *here*.\n", "Body *here*.\n"}) {
        INFO(file);
        auto r = page_render_post(file, k.site, *x, k.config, {});
        REQUIRE(r.ok());
        CHECK(r.value().html == "<p>Body <em>here</em>.</p>\n");
    }
}

TEST_CASE("page: the archive and the search screen are complete screens that need nothing") {
    Known k;
    Page archive = k.build("#/archive");
    CHECK(archive.complete);
    CHECK(archive.needs.empty());  // X and Z have no summary: the archive does not show summaries
    CHECK(archive.screen.title == "Archive | Small");
    CHECK(contains(archive.screen.html, "<h3 class=\"archive-month-header\">July<sup class=\"archive-count\">&nbsp;&nbsp;4</sup>"));

    Page search = k.build("#/search?q=post%20x");
    CHECK(search.complete);
    CHECK(search.needs.empty());
    CHECK(search.screen.title == "Search | Small");
    CHECK(contains(search.screen.html, "value=\"post x\""));
    CHECK(contains(search.screen.html, "<mark>Post</mark> <mark>X</mark>"));
    CHECK_FALSE(contains(search.screen.html, "Post A"));

    SECTION("with the caller's folded index, the same bytes") {
        const SearchIndex index = search_index_build(k.site);
        SiteState state = k.state();
        state.search = &index;
        CHECK(page_build(route_parse("#/search?q=post%20x"), state, k.config).screen.html == search.screen.html);
    }
    SECTION("a built site's search/ (no query) is the box alone") {
        k.config.links = RouteLinks::paths("/blog/");
        Page empty = page_build(route_parse_path("/blog/search/", "/blog/"), k.state(), k.config);
        CHECK(contains(empty.screen.html, "value=\"\">\n<ul id=\"searchResults\" aria-label=\"search results\"></ul>\n</div>"));
    }
}

TEST_CASE("page: without index screens (the list engine) the terms, archive and search are Loading, incomplete, and need nothing") {
    Known k;
    for (const char* hash : {"#/tags", "#/categories", "#/archive", "#/search?q=post"}) {
        INFO(hash);
        Page page = page_build(route_parse(hash), k.state(), k.config, IndexScreens{});
        CHECK(std::string(page.screen.kind) == "loading");
        CHECK_FALSE(page.complete);
        CHECK(page.needs.empty());
        CHECK(page.screen.html == view_loading(&k.site, k.config.links).html);
        // With every screen (the default): the real one.
        CHECK(std::string(k.build(hash).screen.kind) != "loading");
    }
    SECTION("a paged index's files are left to the build that shows the screen") {
        SiteIndex paged = parse_ok(R"({"title": "P", "total": 4, "parts": ["index-2.json"], "posts": [
            {"slug": "a", "title": "A", "date": "2022-07-04", "summary": "s"}]})");
        SiteState state{SiteState::Index::Loaded, "", &paged};
        CHECK(page_build(route_parse("#/archive"), state, k.config, IndexScreens{}).needs.empty());
        CHECK(page_build(route_parse("#/archive"), state, k.config).needs.size() == 1);
    }
    SECTION("the lists are still shown") {
        CHECK(std::string(page_build(route_parse("#/"), k.state(), k.config, IndexScreens{}).screen.kind) == "list");
        CHECK(page_build(route_parse("#/page/2"), k.state(), k.config, IndexScreens{}).screen.html ==
              k.build("#/page/2").screen.html);
    }
}

TEST_CASE("page: the screen's language is the index's, English before it is known") {
    Known k;
    CHECK(k.build("#/").lang == "en");
    SiteIndex fr = parse_ok(R"({"language": "fr", "posts": [{"slug": "a", "title": "A", "summary": "s"}]})");
    SiteState state{SiteState::Index::Loaded, "", &fr, nullptr};
    for (const char* hash : {"#/", "#/posts/a", "#/archive", "#/search?q=a", "#/tags", "#/nowhere"}) {
        INFO(hash);
        CHECK(page_build(route_parse(hash), state, PageConfig{}).lang == "fr");
    }
    CHECK(page_build(route_parse("#/"), SiteState{}, PageConfig{}).lang == "en");
}

TEST_CASE("page: every screen says what it is, for the platform's events") {
    Known k;
    k.rendered("x", "Words of X.");
    CHECK(k.build("#/").screen.kind == std::string("list"));
    CHECK(k.build("#/page/9").screen.kind == std::string("not-found"));
    CHECK(k.build("#/posts/x").screen.kind == std::string("post"));
    CHECK(k.build("#/posts/z").screen.kind == std::string("loading"));
    CHECK(k.build("#/tags").screen.kind == std::string("tags"));
    CHECK(k.build("#/categories").screen.kind == std::string("categories"));
    CHECK(k.build("#/archive").screen.kind == std::string("archive"));
    CHECK(k.build("#/search?q=x").screen.kind == std::string("search"));
    CHECK(k.build("#/nowhere").screen.kind == std::string("not-found"));
    CHECK(page_build(route_parse("#/"), SiteState{}, k.config).screen.kind == std::string("loading"));
    SiteState failed;
    failed.index = SiteState::Index::Failed;
    CHECK(page_build(route_parse("#/"), failed, k.config).screen.kind == std::string("error"));
}

TEST_CASE("page: the categories page and a category's list, complete once their summaries are known") {
    SiteIndex site = parse_ok(R"({"title": "T", "posts": [
        {"slug": "a", "title": "A", "date": "2022-07-03", "summary": "s", "categories": ["notes"]},
        {"slug": "b", "title": "B", "date": "2022-07-02", "categories": ["notes", "trips"]}]})");
    std::unordered_map<std::string, PostEntry> posts;
    SiteState state{SiteState::Index::Loaded, "", &site, &posts};
    const PageConfig config{"posts/index.json", 10, {}};

    Page terms = page_build(route_parse("#/categories"), state, config);
    CHECK(terms.complete);
    CHECK(terms.needs.empty());
    CHECK(terms.screen.kind == std::string("categories"));
    CHECK(terms.screen.title == "Categories | T");
    CHECK(contains(terms.screen.html, "<a href=\"#/categories/notes\">notes <sup><strong><sup>2</sup></strong></sup></a>"));

    Page notes = page_build(route_parse("#/categories/notes"), state, config);
    CHECK(notes.screen.kind == std::string("category"));
    CHECK_FALSE(notes.complete);  // B has no summary yet
    REQUIRE(notes.needs.size() == 1);
    CHECK(notes.needs[0].url == "posts/b.md");
    CHECK(contains(notes.screen.html, "<h1>notes</h1>"));

    Page trips = page_build(route_parse("#/categories/trips"), state, config);
    CHECK(contains(trips.screen.html, "#/posts/b"));
    CHECK_FALSE(contains(trips.screen.html, "#/posts/a\""));
    CHECK(page_build(route_parse("#/categories/none"), state, config).screen.kind == std::string("not-found"));
    CHECK(page_build(route_parse("#/tags/notes"), state, config).screen.kind == std::string("not-found"));
}

TEST_CASE("page: the screen carries the index's default theme, nothing before it is known") {
    Known k;
    CHECK(k.build("#/").theme == "auto");  // an index without defaultTheme: auto
    CHECK(page_build(route_parse("#/"), SiteState{}, k.config).theme.empty());
    for (const char* theme : {"light", "dark", "auto"}) {
        INFO(theme);
        SiteIndex site = parse_ok(std::string(R"({"defaultTheme": ")") + theme + R"(", "posts": [{"slug": "a", "title": "A", "summary": "s"}]})");
        SiteState state{SiteState::Index::Loaded, "", &site, nullptr};
        for (const char* hash : {"#/", "#/posts/a", "#/tags", "#/categories", "#/nowhere"}) {
            INFO(hash);
            CHECK(page_build(route_parse(hash), state, PageConfig{}).theme == theme);
        }
    }
}

TEST_CASE("page: a link to a post's Markdown, once resolved, is that post's route; any other URL is none") {
    const SiteIndex site = parse_ok(kIndex);
    const PageConfig config{"https://example.com/blog/posts/index.json", 2, RouteLinks::paths("/blog/")};
    const PostLinks links(site, config);
    CHECK(links.link_route("https://example.com/blog/posts/x.md") == "/blog/posts/x/");
    CHECK(links.link_route("https://example.com/blog/posts/2022/y.md") == "/blog/posts/y/");
    CHECK(links.link_route("https://example.com/blog/posts/y.md").empty());  // y's file is 2022/y.md
    CHECK(links.link_route("https://example.com/blog/posts/nope.md").empty());
    CHECK(links.function()("https://example.com/blog/posts/a.md") == "/blog/posts/a/");
}
