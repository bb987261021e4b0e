#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "core/index/post_index.hpp"
#include "tests/temp_dir.hpp"
#include "core/page/page.hpp"
#include "core/route/route.hpp"
#include "tool/build.hpp"

namespace fs = std::filesystem;
using blog::tool::BuildOptions;
using blog::tool::BuildResult;
using blog::tool::problem_text;
using blog::tool::site_build;

namespace {

// A real folder, removed at the end of the test.
struct TempDir : blog::test::TempDir {
    TempDir() : blog::test::TempDir("wasm-blog-build-test") {}
};

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

size_t count_of(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

// Every file under `dir`, relative to it.
std::set<std::string> files_in(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out.insert(fs::relative(e.path(), dir).generic_string());
    return out;
}

// 2025-01-01T00:00:00Z: the fixture's future post (2999) is in the future.
constexpr int64_t kNow = 1735689600;

const std::string kFixtures = std::string(BLOG_SOURCE_DIR) + "/tests/fixtures/";

// A fixture site copied into a temporary folder (a build that went wrong
// cannot touch the repository), a stand-in for `make dist`, and OUT beside them.
struct Setup {
    TempDir tmp;
    std::string site, out, assets;
    explicit Setup(const std::string& fixture = "hugo-site") {
        site = tmp.at("site");
        out = tmp.at("out");
        assets = tmp.at("dist");
        if (!fixture.empty()) fs::copy(kFixtures + fixture, site, fs::copy_options::recursive);
        tmp.write("dist/wasm-blog.js", "// the widget\n");
        tmp.write("dist/blog-core.wasm", std::string("\0asm", 4));
        tmp.write("dist/blog-core.js", "// the engine's loader\n");
        tmp.write("dist/blog-full.wasm", std::string("\0asm", 4));
        tmp.write("dist/blog-full.js", "// the full engine's loader\n");
        tmp.write("dist/wasm-blog.css", ":host{display:block}\n");
        tmp.write("dist/vendor/highlight/highlight.min.js", "// highlight.js\n");
        tmp.write("dist/index.html", "<!doctype html><title>the no-build sample</title>\n");
        tmp.write("dist/posts/index.json", "{\"posts\": []}\n");
    }
    BuildOptions options() const {
        BuildOptions o;
        o.site = site;
        o.out = out;
        o.assets = assets;
        o.site_options.now = kNow;
        return o;
    }
};

// The names in OUT's parent folder.
std::set<std::string> beside_out(const Setup& s) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(s.tmp.root)) out.insert(e.path().filename().string());
    return out;
}

std::vector<std::string> messages(const BuildResult& r) {
    std::vector<std::string> out;
    for (const auto& p : r.problems) out.push_back(problem_text(p));
    return out;
}

// What the widget computes in the reader's browser for a page of the built
// site, from OUT's files alone: the index and the posts it would fetch.
struct Widget {
    blog::SiteIndex index;
    blog::PageConfig config;
    std::unordered_map<std::string, blog::PostEntry> posts;

    Widget(const fs::path& out, const std::string& root, int page_size) {
        auto parsed = blog::index_parse(read_text(out / "posts/index.json"), "posts/index.json");
        REQUIRE(parsed.ok());
        index = std::move(parsed).value();
        config.index_url = root + "posts/index.json";
        config.page_size = page_size;
        config.links = blog::RouteLinks::paths(root);
        std::unordered_map<std::string, std::string> url_to_slug;
        for (const blog::Post& p : index.posts) url_to_slug.emplace(blog::page_post_url(config, p), p.slug);
        const blog::RouteLinks links = config.links;
        auto link_route = [&](std::string_view resolved) {
            auto it = url_to_slug.find(std::string(resolved));
            return it == url_to_slug.end() ? std::string() : blog::route_post_href(it->second, {}, links);
        };
        for (const blog::Post& p : index.posts) {
            auto rendered = blog::page_render_post(read_text(out / "posts" / p.file), index, p, config, link_route);
            REQUIRE(rendered.ok());
            blog::PostEntry entry;
            entry.state = blog::PostEntry::State::Rendered;
            entry.rendered = std::move(rendered).value();
            posts.emplace(p.slug, std::move(entry));
        }
    }

    blog::Page page(const blog::Route& route) const {
        const blog::SiteState state{blog::SiteState::Index::Loaded, "", &index, &posts};
        const blog::Page page = blog::page_build(route, state, config);
        CHECK(page.complete);
        return page;
    }
};

// The widget's element as a page of the fixture site holds it, around the screen.
// A post's, the terms', the archive's and search's pages start with the full
// engine (data-engine="full").
std::string embedded(const blog::Page& page) {
    const std::string kind = page.screen.kind;
    const bool full = kind == "post" || kind == "tags" || kind == "categories" || kind == "archive" || kind == "search";
    return "<wasm-blog src=\"/blog/posts/index.json\" routing=\"path\" root=\"/blog/\" page-size=\"5\" data-kind=\"" +
           kind + "\"" + (full ? " data-engine=\"full\"" : "") + "><div class=\"wasm-blog\">" + page.screen.html +
           "</div></wasm-blog>\n";
}

}  // namespace

TEST_CASE("build: every screen, feed and file of the fixture site is in OUT") {
    Setup s;
    BuildResult r = site_build(s.options());
    CHECK(r.ok());
    CHECK(messages(r).empty());
    // The post's {{< figure >}} is rendered as Hugo renders it (core/shortcode), not left as text.
    const std::string toml_page = read_text(fs::path(s.out) / "posts/in-toml/index.html");
    CHECK(contains(toml_page, "<figure><img src=\""));
    CHECK(contains(toml_page, "<h4>A chart</h4>"));
    CHECK_FALSE(contains(toml_page, "{{&lt;"));
    // The full-text search index beside posts/index.json (its files: tests/fulltext_test.cpp).
    std::set<std::string> files = files_in(s.out), search;
    for (auto it = files.begin(); it != files.end();)
        if (it->rfind("posts/search/", 0) == 0) search.insert(*it), it = files.erase(it);
        else ++it;
    CHECK(search.count("posts/search/manifest.json"));
    CHECK(search.count("posts/search/d/3.json"));
    CHECK(contains(read_text(fs::path(s.out) / "posts/index.json"), "\"search\": \"search/manifest.json\""));
    CHECK(files == std::set<std::string>{
                                 "404.html",
                                 "2024/first-light/index.html",
                                 "blog-core.js",
                                 "blog-core.wasm",
                                 "blog-full.js",
                                 "blog-full.wasm",
                                 "categories/index.html",
                                 "categories/notes/index.html",
                                 "categories/notes/index.xml",
                                 "cover.jpg",  // static/: the first post's cover
                                 "index.html",
                                 "index.xml",
                                 "posts/first-light.md",
                                 "posts/first-light/index.html",
                                 "posts/in-toml/index.html",
                                 "posts/index.html",
                                 "posts/index.json",
                                 "posts/json-post.md",
                                 "posts/json-post/index.html",
                                 "posts/my-trip/index.html",
                                 "posts/my-trip/index.md",
                                 "posts/my-trip/lake.png",
                                 "posts/toml-post.md",
                                 "robots.txt",
                                 "sitemap.xml",
                                 "tags/astronomy/index.html",
                                 "tags/astronomy/index.xml",
                                 "tags/formats/index.html",
                                 "tags/formats/index.xml",
                                 "tags/gear/index.html",
                                 "tags/gear/index.xml",
                                 "tags/index.html",
                                 "archive/index.html",
                                 "search/index.html",
                                 "vendor/highlight/highlight.min.js",
                                 "wasm-blog.css",
                                 "wasm-blog.js",
                             });
    CHECK(r.posts == 4);
    // the list, 4 posts, the tags, archive and search pages, 3 tags, the categories page, 1 category, 404.html
    CHECK(r.pages == 14);
    CHECK(r.redirects == 2);  // the alias /2024/first-light/, and the section's list page /posts/ to the home list
    CHECK(contains(read_text(fs::path(s.out) / "posts/index.html"),
                   "<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/blog/\">"));
    CHECK(r.feeds == 5);  // the site's, 3 tags', 1 category's
    CHECK(beside_out(s) == std::set<std::string>{"dist", "out", "site"});  // no temporary folder left
}

TEST_CASE("build: each page holds the screen the widget renders for its path, byte for byte") {
    Setup s;
    REQUIRE(site_build(s.options()).ok());
    const Widget widget(s.out, "/blog/", 5);
    size_t pages = 0;
    for (const std::string& file : files_in(s.out)) {
        if (file.size() < 5 || file.compare(file.size() - 5, 5, ".html")) continue;
        const std::string page = read_text(fs::path(s.out) / file);
        if (contains(page, "http-equiv=\"refresh\"")) continue;  // a redirect (an alias, posts/), not a screen
        blog::Route route;
        if (file == "404.html") route.kind = blog::Route::Kind::NotFound;
        else route = blog::route_parse_path("/blog/" + file, "/blog/");
        INFO(file);
        REQUIRE(blog::route_file(route) == file);
        CHECK(contains(page, embedded(widget.page(route))));
        ++pages;
    }
    CHECK(pages == 14);
    // the post files are published as they are, front matter included
    CHECK(read_text(fs::path(s.out) / "posts/toml-post.md") ==
          read_text(s.site + "/content/posts/toml-post.md"));
}

TEST_CASE("build: a post's page is a whole document with its head, the engine and index preloaded") {
    Setup s;
    REQUIRE(site_build(s.options()).ok());
    const std::string page = read_text(fs::path(s.out) / "posts/first-light/index.html");
    const std::string head =
        "<!doctype html>\n"
        "<html lang=\"en\" data-wasm-blog-page>\n"
        "<head>\n"
        "<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>First light | Field Notes</title>\n"
        "<meta name=\"description\" content=\"The first night with the new telescope.\">\n"
        "<link rel=\"canonical\" href=\"https://example.org/blog/posts/first-light/\">\n"
        "<meta property=\"og:title\" content=\"First light\">\n"
        "<meta property=\"og:description\" content=\"The first night with the new telescope.\">\n"
        "<meta property=\"og:type\" content=\"article\">\n"
        "<meta property=\"og:url\" content=\"https://example.org/blog/posts/first-light/\">\n"
        "<meta property=\"og:site_name\" content=\"Field Notes\">\n"
        "<meta property=\"og:image\" content=\"https://example.org/blog/cover.jpg\">\n"
        "<meta property=\"article:published_time\" content=\"2024-03-01T08:30:00-05:00\">\n"
        "<meta property=\"article:modified_time\" content=\"2024-03-02\">\n"
        "<meta property=\"article:tag\" content=\"astronomy\">\n"
        "<meta property=\"article:tag\" content=\"gear\">\n"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"BlogPosting\","
        "\"author\":{\"@type\":\"Person\",\"name\":\"Ana Lima\"},\"dateModified\":\"2024-03-02\","
        "\"datePublished\":\"2024-03-01T08:30:00-05:00\",\"description\":\"The first night with the new telescope.\","
        "\"headline\":\"First light\",\"image\":\"https://example.org/blog/cover.jpg\",\"keywords\":[\"astronomy\","
        "\"gear\"],\"mainEntityOfPage\":{\"@id\":\"https://example.org/blog/posts/first-light/\",\"@type\":"
        "\"WebPage\"}}</script>\n"
        "<meta name=\"color-scheme\" content=\"light dark\">\n"
        "<link rel=\"icon\" href=\"data:,\">\n"
        "<link rel=\"stylesheet\" href=\"/blog/wasm-blog.css\">\n"
        "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/blog/index.xml\" title=\"Field Notes\">\n"
        "<link rel=\"modulepreload\" href=\"/blog/blog-full.js\">\n"
        "<link rel=\"preload\" href=\"/blog/blog-full.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n"
        "<link rel=\"preload\" href=\"/blog/posts/index.json\" as=\"fetch\" type=\"application/json\" crossorigin>\n"
        "<script type=\"module\" src=\"/blog/wasm-blog.js\"></script>\n"
        "</head>\n"
        "<body>\n"
        "<wasm-blog src=\"/blog/posts/index.json\" routing=\"path\" root=\"/blog/\" page-size=\"5\" "
        "data-kind=\"post\" data-engine=\"full\"><div class=\"wasm-blog\">";
    CHECK(page.substr(0, head.size()) == head);
    CHECK(page.substr(page.size() - 35) == "</div></wasm-blog>\n</body>\n</html>\n");

    SECTION("a bundle's cover is its own file; a post without a description shows its summary") {
        const std::string trip = read_text(fs::path(s.out) / "posts/my-trip/index.html");
        CHECK(contains(trip, "<meta property=\"og:image\" content=\"https://example.org/blog/posts/my-trip/lake.png\">\n"));
        CHECK(contains(trip, "<meta name=\"description\" content=\"A page bundle: the photo sits beside the post."));
    }
    SECTION("other pages are the site's: its description, no article, no canonical for 404.html") {
        const std::string home = read_text(fs::path(s.out) / "index.html");
        CHECK(contains(home, "<title>Field Notes</title>\n<meta name=\"description\" content=\"Notes from the field.\">\n"
                             "<link rel=\"canonical\" href=\"https://example.org/blog/\">\n"));
        CHECK(contains(home, "<meta property=\"og:type\" content=\"website\">\n"));
        CHECK_FALSE(contains(home, "application/ld+json"));
        const std::string tag = read_text(fs::path(s.out) / "tags/formats/index.html");
        CHECK(contains(tag, "<link rel=\"canonical\" href=\"https://example.org/blog/tags/formats/\">\n"));
        const std::string missing = read_text(fs::path(s.out) / "404.html");
        CHECK(contains(missing, "<title>Page not found | Field Notes</title>\n"));
        CHECK_FALSE(contains(missing, "rel=\"canonical\""));
    }
    SECTION("a post's page and the archive's preload the full engine (Markdown, the archive), every other page the list's") {
        for (const char* page : {"posts/first-light/index.html", "archive/index.html"}) {
            const std::string text = read_text(fs::path(s.out) / page);
            INFO(page);
            CHECK(contains(text, "<link rel=\"preload\" href=\"/blog/blog-full.wasm\""));
            CHECK_FALSE(contains(text, "blog-core."));
        }
        for (const char* page : {"index.html", "tags/formats/index.html", "404.html"}) {
            const std::string text = read_text(fs::path(s.out) / page);
            INFO(page);
            CHECK(contains(text, "<link rel=\"modulepreload\" href=\"/blog/blog-core.js\">\n"));
            CHECK(contains(text, "<link rel=\"preload\" href=\"/blog/blog-core.wasm\""));
            CHECK_FALSE(contains(text, "blog-full."));
        }
    }
}

TEST_CASE("build: drafts and future posts are left out, their bundles' images too, unless asked for") {
    Setup s;
    REQUIRE(site_build(s.options()).ok());
    std::set<std::string> files = files_in(s.out);
    for (const char* f : {"posts/draft-post/index.html", "posts/draft-post/index.md", "posts/draft-post/secret.jpg",
                          "posts/future-post/index.html", "posts/future-post/index.md", "posts/future-post/plan.jpg"})
        CHECK(files.count(f) == 0);
    CHECK_FALSE(contains(read_text(fs::path(s.out) / "posts/index.json"), "draft-post"));
    CHECK_FALSE(contains(read_text(fs::path(s.out) / "sitemap.xml"), "draft-post"));

    BuildOptions o = s.options();
    o.site_options.drafts = true;
    o.site_options.future = true;
    BuildResult r = site_build(o);
    REQUIRE(r.ok());
    CHECK(r.posts == 6);
    files = files_in(s.out);
    for (const char* f : {"posts/draft-post/index.html", "posts/draft-post/index.md", "posts/draft-post/secret.jpg",
                          "posts/future-post/index.html", "posts/future-post/index.md", "posts/future-post/plan.jpg"})
        CHECK(files.count(f) == 1);
}

TEST_CASE("build: an alias is Hugo's redirect page to the post's address") {
    Setup s;
    REQUIRE(site_build(s.options()).ok());
    CHECK(read_text(fs::path(s.out) / "2024/first-light/index.html") ==
          "<!DOCTYPE html><html lang=\"en\"><head><title>https://example.org/blog/posts/first-light/</title>"
          "<link rel=\"canonical\" href=\"https://example.org/blog/posts/first-light/\"><meta name=\"robots\" "
          "content=\"noindex\"><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0; "
          "url=https://example.org/blog/posts/first-light/\"></head></html>");

    SECTION("where an alias goes") {
        CHECK(blog::tool::build_alias_file("/2024/first-light/").value() == "2024/first-light/index.html");
        CHECK(blog::tool::build_alias_file("/old").value() == "old/index.html");
        CHECK(blog::tool::build_alias_file("old-name").value() == "posts/old-name/index.html");
        CHECK(blog::tool::build_alias_file("/archive/post.html").value() == "archive/post.html");
        CHECK(blog::tool::build_alias_file("../../etc/x").error().message ==
              "\"..\" would leave the built site's folder");
        CHECK(blog::tool::build_alias_file("/a//b/").error().message ==
              "an empty segment (\"//\") is not a path of the site");
        CHECK_FALSE(blog::tool::build_alias_file("/").ok());
        CHECK_FALSE(blog::tool::build_alias_file("/a/./b").ok());
    }
}

TEST_CASE("build: an alias that leaves OUT or would replace a page is an error at its line") {
    Setup s("");
    TempDir& t = s.tmp;
    t.write("site/hugo.toml", "baseURL = \"https://example.org/\"\ntitle = \"T\"\n");
    t.write("site/content/posts/a.md", "---\ntitle: A\ndate: 2024-01-01\n\naliases: [\"../../../etc/cron.d/x\"]\n---\nA.\n");
    t.write("site/content/posts/b.md", "---\ntitle: B\ndate: 2024-01-02\naliases:\n  - /tags/\n---\nB.\n");
    t.write("out/marker", "kept");  // an earlier build
    t.write("out/posts/index.json", "{}");
    t.write("out/wasm-blog.js", "//");
    BuildResult r = site_build(s.options());
    CHECK_FALSE(r.ok());
    CHECK(messages(r) == std::vector<std::string>{
                             s.site + "/content/posts/a.md:5: aliases: \"../../../etc/cron.d/x\": \"..\" would leave "
                                      "the built site's folder",
                             s.site + "/content/posts/b.md:5: aliases: \"/tags/\" would overwrite the page tags/"});
    CHECK(files_in(s.out) == std::set<std::string>{"marker", "posts/index.json", "wasm-blog.js"});
    CHECK_FALSE(fs::exists(s.tmp.root / "etc"));
}

TEST_CASE("build: index.xml has the newest 20 posts, with absolute links, and the list has its pages") {
    Setup s("");
    s.tmp.write("site/hugo.toml", "baseURL = \"https://example.org/notes\"\ntitle = \"Many\"\npaginate = 10\n");
    for (int i = 1; i <= 25; ++i) {
        const std::string day = (i < 10 ? "0" : "") + std::to_string(i);
        s.tmp.write("site/content/posts/p" + day + ".md",
                    "---\ntitle: Post " + day + "\ndate: 2024-01-" + day + "\ntags: [t]\n---\nSee [the first](p01.md) "
                    "and ![a photo](p" + day + ".jpg).\n\n## Part\n");
        s.tmp.write("site/content/posts/p" + day + ".jpg", "jpg");
    }
    BuildResult r = site_build(s.options());
    REQUIRE(r.ok());
    CHECK(messages(r).empty());
    const std::string feed = read_text(fs::path(s.out) / "index.xml");
    CHECK(count_of(feed, "<item>") == 20);
    CHECK(contains(feed, "<link>https://example.org/notes/posts/p25/</link>"));
    CHECK_FALSE(contains(feed, "<link>https://example.org/notes/posts/p05/</link>"));
    // the post's HTML with its links and images made absolute
    CHECK(contains(feed, "href=&quot;https://example.org/notes/posts/p01/&quot;"));
    CHECK(contains(feed, "src=&quot;https://example.org/notes/posts/p25.jpg&quot;"));
    CHECK(contains(feed, "href=&quot;https://example.org/notes/posts/p25/#part&quot;"));  // heading anchors too
    CHECK(count_of(read_text(fs::path(s.out) / "tags/t/index.xml"), "<item>") == 20);
    const std::set<std::string> files = files_in(s.out);
    for (const char* f : {"index.html", "page/2/index.html", "page/3/index.html", "tags/t/index.html",
                          "tags/t/page/2/index.html", "tags/t/page/3/index.html"})
        CHECK(files.count(f) == 1);
    CHECK(files.count("page/4/index.html") == 0);
    CHECK(r.pages == 25 + 3 + 3 + 4 + 1);  // posts, list pages, tag pages, the tags, categories, archive and search pages, 404
    // a page of the list links with the base URL's path
    CHECK(contains(read_text(fs::path(s.out) / "page/2/index.html"), "href=\"/notes/posts/p15/\""));
}

TEST_CASE("build: each tag has its feed, hidden posts included") {
    Setup s;
    REQUIRE(site_build(s.options()).ok());
    const std::string feed = read_text(fs::path(s.out) / "tags/formats/index.xml");
    CHECK(contains(feed, "<title>formats on Field Notes</title>"));
    CHECK(contains(feed, "<link>https://example.org/blog/tags/formats/</link>"));
    CHECK(contains(feed, "<link>https://example.org/blog/posts/in-toml/</link>"));
    CHECK(contains(feed, "<link>https://example.org/blog/posts/json-post/</link>"));
    CHECK(count_of(feed, "<item>") == 2);
    const std::string site_feed = read_text(fs::path(s.out) / "index.xml");
    CHECK_FALSE(contains(site_feed, "posts/in-toml/"));  // hidden from the home list, and its feed
    CHECK(count_of(site_feed, "<item>") == 3);
}

TEST_CASE("build: a tag only hidden posts carry has its page, as their pages link to it") {
    Setup s("");
    s.tmp.write("site/hugo.toml", "baseURL = \"https://example.org/\"\n");
    s.tmp.write("site/content/posts/a.md", "---\ntitle: A\ntags: [shown]\n---\n");
    s.tmp.write("site/content/posts/b.md", "---\ntitle: B\ntags: [aside]\nhiddenInHomeList: true\n---\n");
    REQUIRE(site_build(s.options()).ok());
    CHECK(contains(read_text(fs::path(s.out) / "posts/b/index.html"), "href=\"/tags/aside/\""));
    CHECK(contains(read_text(fs::path(s.out) / "tags/aside/index.html"), "href=\"/posts/b/\""));
    CHECK(fs::is_regular_file(fs::path(s.out) / "tags/aside/index.xml"));
    CHECK_FALSE(contains(read_text(fs::path(s.out) / "tags/index.html"), "aside"));  // the terms page lists shown tags
}

TEST_CASE("build: the sitemap lists every page but 404.html and the redirects, and robots.txt names it") {
    Setup s;
    REQUIRE(site_build(s.options()).ok());
    const std::string sitemap = read_text(fs::path(s.out) / "sitemap.xml");
    std::set<std::string> locs;
    for (size_t at = sitemap.find("<loc>"); at != std::string::npos; at = sitemap.find("<loc>", at + 1))
        locs.insert(sitemap.substr(at + 5, sitemap.find("</loc>", at) - at - 5));
    std::set<std::string> pages;
    for (const std::string& f : files_in(s.out))
        if (f.size() > 10 && f.compare(f.size() - 10, 10, "index.html") == 0 &&
            !contains(read_text(fs::path(s.out) / f), "http-equiv=\"refresh\""))  // not a redirect
            pages.insert("https://example.org/blog/" + f.substr(0, f.size() - 10));
    pages.insert("https://example.org/blog/");
    CHECK(locs == pages);
    CHECK(locs.size() == 13);  // every page but 404.html and the redirects (/2024/first-light/, /posts/)
    CHECK_FALSE(contains(sitemap, "<loc>https://example.org/blog/posts/</loc>"));
    CHECK(contains(sitemap, "<loc>https://example.org/blog/posts/first-light/</loc>\n    <lastmod>2024-03-02</lastmod>"));
    CHECK(contains(sitemap, "<loc>https://example.org/blog/</loc>\n    <lastmod>2024-03-02</lastmod>"));
    CHECK_FALSE(contains(sitemap, "404"));
    CHECK(read_text(fs::path(s.out) / "robots.txt") ==
          "User-agent: *\nAllow: /\nSitemap: https://example.org/blog/sitemap.xml\n");
}

TEST_CASE("build: a bundle's image is copied beside its post, the widget's files without its sample") {
    Setup s;
    REQUIRE(site_build(s.options()).ok());
    CHECK(read_text(fs::path(s.out) / "posts/my-trip/lake.png") ==
          read_text(s.site + "/content/posts/my-trip/lake.png"));
    CHECK(read_text(fs::path(s.out) / "wasm-blog.js") == "// the widget\n");
    CHECK(read_text(fs::path(s.out) / "index.html") != read_text(s.assets + "/index.html"));
    CHECK(read_text(fs::path(s.out) / "posts/index.json") != read_text(s.assets + "/posts/index.json"));
}

TEST_CASE("build: an unsafe OUT is refused and nothing is written") {
    Setup s;
    BuildOptions o = s.options();
    std::string expected;
    SECTION("OUT is SITE") {
        o.out = s.site + "/";
        expected = "wasm-blog build: OUT \"" + o.out +
                   "\" is SITE itself: the build replaces OUT as a whole; choose another folder (SITE/public is fine)";
    }
    SECTION("OUT contains SITE") {
        o.out = s.tmp.root.string();
        expected = "wasm-blog build: OUT \"" + o.out + "\" contains SITE \"" + s.site +
                   "\": the build replaces OUT as a whole; choose another folder (SITE/public is fine)";
    }
    SECTION("OUT is inside the content folder") {
        o.out = s.site + "/content/posts/out";
        expected = "wasm-blog build: OUT \"" + o.out + "\" is inside SITE's content folder \"" + s.site +
                   "/content\": the built files would be read as the site's; choose another folder (SITE/public "
                   "is fine)";
    }
    SECTION("OUT is a file") {
        s.tmp.write("out", "a file");
        expected = "wasm-blog build: OUT \"" + o.out + "\" exists and is not a folder";
    }
    SECTION("OUT is a folder of someone's own files, not an earlier build") {
        s.tmp.write("out/thesis.tex", "years of work");
        expected = "wasm-blog build: OUT \"" + o.out + "\" is a folder that is not empty and not an earlier build "
                   "(no posts/index.json and wasm-blog.js): the build replaces OUT as a whole; choose a new or "
                   "empty folder";
    }
    SECTION("OUT is the widget's files") {
        o.out = s.assets;
        expected = "wasm-blog build: OUT \"" + o.out + "\" contains ASSETS \"" + s.assets +
                   "\": the build replaces OUT as a whole, and copies the widget's files from ASSETS";
    }
    const std::set<std::string> before = files_in(s.tmp.root);
    BuildResult r = site_build(o);
    CHECK_FALSE(r.ok());
    CHECK(messages(r).back() == expected);
    CHECK(files_in(s.tmp.root) == before);
}

TEST_CASE("build: OUT may be SITE/public, as with Hugo") {
    Setup s;
    BuildOptions o = s.options();
    o.out = s.site + "/public";
    REQUIRE(site_build(o).ok());
    CHECK(fs::is_regular_file(s.site + "/public/index.html"));
    BuildResult again = site_build(o);  // the next build does not read it
    CHECK(again.ok());
    CHECK(again.pages == 14);
}

TEST_CASE("build: the base URL is an absolute http(s) URL, from --base-url or the config") {
    SECTION("checked and split") {
        auto b = blog::tool::build_base_url("https://example.com/blog");
        REQUIRE(b.ok());
        CHECK(b.value().url == "https://example.com/blog/");
        CHECK(b.value().origin == "https://example.com");
        CHECK(b.value().root == "/blog/");
        b = blog::tool::build_base_url("HTTP://localhost:8000");
        REQUIRE(b.ok());
        CHECK(b.value().url == "http://localhost:8000/");
        CHECK(b.value().root == "/");
        for (const char* bad : {"ftp://x", "example.com/blog/", "/blog/", "https://", "https:///blog/",
                                "https://user:pw@example.com/", "https://example.com:x/", "https://example.com/a b/",
                                "https://example.com/blog/?q=1", "https://example.com/../", "javascript:alert(1)"}) {
            INFO(bad);
            CHECK_FALSE(blog::tool::build_base_url(bad).ok());
        }
    }
    Setup s;
    BuildOptions o = s.options();
    SECTION("--base-url overrides the config's and gives the root") {
        o.base_url = "http://localhost:8000";
        REQUIRE(site_build(o).ok());
        const std::string page = read_text(fs::path(s.out) / "posts/first-light/index.html");
        CHECK(contains(page, "<link rel=\"canonical\" href=\"http://localhost:8000/posts/first-light/\">"));
        CHECK(contains(page, "<wasm-blog src=\"/posts/index.json\" routing=\"path\" root=\"/\" page-size=\"5\" "
                             "data-kind=\"post\" data-engine=\"full\">"));
        CHECK(contains(read_text(fs::path(s.out) / "2024/first-light/index.html"),
                       "url=http://localhost:8000/posts/first-light/"));
    }
    SECTION("a --base-url that is not http(s) is refused") {
        o.base_url = "ftp://x";
        BuildResult r = site_build(o);
        CHECK(messages(r).back() == "wasm-blog build: --base-url \"ftp://x\": the base URL must be an absolute "
                                    "http(s) URL such as https://example.com/blog/");
        CHECK_FALSE(fs::exists(s.out));
    }
    SECTION("a config's baseURL that is not absolute is refused at its line") {
        s.tmp.write("site/hugo.toml", "title = \"T\"\nbaseURL = \"/blog/\"\n");
        BuildResult r = site_build(o);
        CHECK(messages(r).back() == s.site + "/hugo.toml:2: baseURL \"/blog/\": the base URL must be an absolute "
                                             "http(s) URL such as https://example.com/blog/ (or pass --base-url URL)");
        CHECK_FALSE(fs::exists(s.out));
    }
    SECTION("no base URL at all names both places to set it") {
        s.tmp.write("site/hugo.toml", "title = \"T\"\n");
        BuildResult r = site_build(o);
        CHECK(messages(r).back() == "wasm-blog build: no base URL: set baseURL in " + s.site +
                                        "/hugo.toml or pass --base-url URL (the base URL must be an absolute http(s) "
                                        "URL such as https://example.com/blog/)");
        CHECK_FALSE(fs::exists(s.out));
    }
}

TEST_CASE("build: a site with an error leaves OUT as it was") {
    Setup s("hugo-site-broken");
    s.tmp.write("out/marker.txt", "the previous build");
    BuildOptions o = s.options();
    o.base_url = "https://example.org/";
    BuildResult r = site_build(o);
    CHECK_FALSE(r.ok());
    CHECK(messages(r) == std::vector<std::string>{s.site + "/content/posts/bad.md:3: YAML front matter: unterminated "
                                                           "list: the \"[\" on this line is never closed"});
    CHECK(files_in(s.out) == std::set<std::string>{"marker.txt"});
    CHECK(read_text(s.out + "/marker.txt") == "the previous build");
    CHECK(beside_out(s) == std::set<std::string>{"dist", "out", "site"});  // no temporary folder left
}

TEST_CASE("build: OUT is replaced as a whole") {
    Setup s;
    s.tmp.write("out/posts/removed-post/index.html", "an old page");
    s.tmp.write("out/posts/index.json", "{}");
    s.tmp.write("out/wasm-blog.js", "// an earlier build");
    REQUIRE(site_build(s.options()).ok());
    CHECK_FALSE(fs::exists(s.out + "/posts/removed-post"));
    CHECK(fs::is_regular_file(s.out + "/index.html"));
    CHECK(beside_out(s) == std::set<std::string>{"dist", "out", "site"});  // nor the previous OUT
}

TEST_CASE("build: the widget's files must be there") {
    Setup s;
    fs::remove(s.assets + "/wasm-blog.js");
    BuildResult r = site_build(s.options());
    CHECK(messages(r).back() == "wasm-blog build: " + s.assets +
                                    " has no wasm-blog.js: run make dist first, or pass --assets DIR");
    CHECK_FALSE(fs::exists(s.out));
}

TEST_CASE("build: an image missing from the site is a warning with its line, and the build goes on") {
    Setup s("");
    s.tmp.write("site/hugo.toml", "baseURL = \"https://example.org/\"\ntitle = \"T\"\n");
    s.tmp.write("site/content/posts/trip/index.md",
                "---\ntitle: Trip\n---\nIntro.\n\n![Lake](lake.png)\n\n![Gone](missing.png \"a title\")\n\n"
                "![Remote](https://example.com/x.png) ![Root](/images/x.png) ![Encoded](my%20lake.png)\n"
                "![Ref][r]\n\n[r]: sub/also-missing.png?v=2\n");
    s.tmp.write("site/content/posts/trip/lake.png", "png");
    s.tmp.write("site/content/posts/trip/my lake.png", "png");
    BuildResult r = site_build(s.options());
    CHECK(r.ok());
    const std::string file = s.site + "/content/posts/trip/index.md";
    CHECK(messages(r) ==
          std::vector<std::string>{
              file + ":8: warning: image \"missing.png\" is not in the site (the page shows a broken image)",
              file + ":13: warning: image \"sub/also-missing.png?v=2\" is not in the site (the page shows a broken "
                     "image)"});
    CHECK(fs::is_regular_file(s.out + "/posts/trip/index.html"));
    CHECK(fs::is_regular_file(s.out + "/posts/trip/my lake.png"));
}

TEST_CASE("build: a tag or category whose key cannot be a folder of the site is an error at its line") {
    Setup s("");
    s.tmp.write("site/hugo.toml", "baseURL = \"https://example.org/\"\n");
    s.tmp.write("site/content/posts/b.md", "---\ntitle: B\ntags: [\"c/d\", \"a//b\"]\n---\n");
    s.tmp.write("site/content/posts/c.md", "---\ntitle: C\ndate: 2024-01-01\ncategories: [ok, \"..\"]\n---\n");
    BuildResult r = site_build(s.options());
    CHECK(messages(r) == std::vector<std::string>{
                             s.site + "/content/posts/b.md:3: tags: \"a//b\" is at tags/a//b/, which cannot be a folder "
                                      "of the built site (an empty segment, \".\" or \"..\")",
                             s.site + "/content/posts/c.md:4: categories: \"..\" is at categories/../, which cannot be a "
                                      "folder of the built site (an empty segment, \".\" or \"..\")"});
    CHECK_FALSE(fs::exists(s.out));
}

TEST_CASE("build: a term with '/' is at its nested folder, as in Hugo") {
    Setup s("");
    s.tmp.write("site/hugo.toml", "baseURL = \"https://example.org/\"\n");
    s.tmp.write("site/content/posts/b.md", "---\ntitle: B\ntags: [\"CI/CD\"]\n---\n");
    BuildResult r = site_build(s.options());
    REQUIRE(r.ok());
    CHECK(contains(read_text(fs::path(s.out) / "tags/ci/cd/index.html"), "href=\"/posts/b/\""));
    CHECK(fs::is_regular_file(fs::path(s.out) / "tags/ci/cd/index.xml"));
    CHECK(contains(read_text(fs::path(s.out) / "posts/b/index.html"), "href=\"/tags/ci/cd/\""));
}

// Hugo joins the slug to the folder as Go's path.Join does: "posts" and ".."
// is "/", the home page's URL. Two pages at one URL is an error naming both.
TEST_CASE("build: a slug that puts a page at the home page's URL is an error at its line") {
    Setup s("");
    s.tmp.write("site/hugo.toml", "baseURL = \"https://example.org/\"\n");
    s.tmp.write("site/content/posts/a.md", "---\ntitle: A\nslug: \"..\"\n---\n");
    s.tmp.write("site/content/posts/b.md", "---\ntitle: B\n---\n");
    BuildResult r = site_build(s.options());
    CHECK_FALSE(r.ok());
    REQUIRE_FALSE(r.problems.empty());
    CHECK(messages(r)[0].rfind(s.site + "/content/posts/a.md:3: ", 0) == 0);
    CHECK_FALSE(fs::exists(s.out));
}

TEST_CASE("build: a symbolic link in a bundle that leaves SITE is refused") {
    Setup s;
    s.tmp.write("secret.txt", "outside the site");
    fs::create_symlink(s.tmp.root / "secret.txt", s.site + "/content/posts/my-trip/secret.txt");
    BuildResult r = site_build(s.options());
    CHECK_FALSE(r.ok());
    CHECK(messages(r).back() ==
          s.site + "/content/posts/my-trip/secret.txt: a symbolic link that leaves the site folder; refused");
    CHECK_FALSE(fs::exists(s.out));
}

TEST_CASE("build: each category has its pages and its feed, and the categories page lists them") {
    Setup s("");
    s.tmp.write("site/hugo.toml", "baseURL = \"https://example.org/\"\ntitle = \"Cats\"\npaginate = 1\n");
    s.tmp.write("site/content/posts/a.md", "---\ntitle: A\ndate: 2024-01-02\ncategories: [notes, trips]\n---\nA.\n");
    s.tmp.write("site/content/posts/b.md",
                "---\ntitle: B\ndate: 2024-01-01\ncategories: [notes]\ntags: [notes]\nhiddenInHomeList: true\n---\nB.\n");
    BuildResult r = site_build(s.options());
    REQUIRE(r.ok());
    CHECK(messages(r).empty());
    const std::set<std::string> files = files_in(s.out);
    for (const char* f : {"categories/index.html", "categories/notes/index.html", "categories/notes/page/2/index.html",
                          "categories/trips/index.html", "categories/notes/index.xml", "categories/trips/index.xml",
                          "tags/notes/index.html", "tags/notes/index.xml"}) {
        INFO(f);
        CHECK(files.count(f) == 1);
    }
    CHECK(r.feeds == 4);  // the site's, the tag's, 2 categories'
    // 2 posts, 1 list page, the tags, categories, archive and search pages, 1 tag page, 3 category pages, 404.html
    CHECK(r.pages == 2 + 1 + 4 + 1 + 3 + 1);
    const std::string terms = read_text(fs::path(s.out) / "categories/index.html");
    CHECK(contains(terms, "<h1>Categories</h1>"));
    CHECK(contains(terms, "<a href=\"/categories/notes/\">notes <sup><strong><sup>1</sup></strong></sup></a>"));  // B is hidden
    CHECK(contains(terms, "<link rel=\"canonical\" href=\"https://example.org/categories/\">"));
    const std::string notes = read_text(fs::path(s.out) / "categories/notes/index.html");
    CHECK(contains(notes, "href=\"/posts/a/\""));
    CHECK(contains(notes, "<a class=\"next\" href=\"/categories/notes/page/2/\">"));
    CHECK(contains(read_text(fs::path(s.out) / "categories/notes/page/2/index.html"), "href=\"/posts/b/\""));

    const std::string feed = read_text(fs::path(s.out) / "categories/notes/index.xml");
    CHECK(contains(feed, "<title>notes on Cats</title>"));
    CHECK(contains(feed, "<link>https://example.org/categories/notes/</link>"));
    CHECK(contains(feed, "<atom:link href=\"https://example.org/categories/notes/index.xml\" rel=\"self\""));
    CHECK(contains(feed, "<link>https://example.org/posts/a/</link>"));
    CHECK(contains(feed, "<link>https://example.org/posts/b/</link>"));  // hidden posts too, as a tag's feed
    CHECK(count_of(feed, "<item>") == 2);
    CHECK_FALSE(contains(feed, "/tags/"));
    CHECK(count_of(read_text(fs::path(s.out) / "categories/trips/index.xml"), "<item>") == 1);
    CHECK(contains(read_text(fs::path(s.out) / "tags/notes/index.xml"), "<link>https://example.org/tags/notes/</link>"));

    const std::string sitemap = read_text(fs::path(s.out) / "sitemap.xml");
    for (const char* loc : {"https://example.org/categories/", "https://example.org/categories/notes/",
                            "https://example.org/categories/notes/page/2/", "https://example.org/categories/trips/"}) {
        INFO(loc);
        CHECK(contains(sitemap, std::string("<loc>") + loc + "</loc>"));
    }
}

TEST_CASE("build: a page's widget says its screen's kind, the engine it starts with, and the site's default theme unless auto") {
    Setup s("");
    s.tmp.write("site/hugo.toml", "baseURL = \"https://example.org/\"\n[params]\ndefaultTheme = \"dark\"\n");
    s.tmp.write("site/content/posts/a.md", "---\ntitle: A\ndate: 2024-01-01\ntags: [t]\ncategories: [c]\n---\nA.\n");
    REQUIRE(site_build(s.options()).ok());
    // The screens the list engine leaves to the full one start with it (its
    // preload, data-engine="full"); the others with the list engine.
    const std::vector<std::tuple<std::string, std::string, bool>> kinds = {
        {"index.html", "list", false},          {"posts/a/index.html", "post", true},
        {"tags/index.html", "tags", true},      {"tags/t/index.html", "tag", false},
        {"categories/index.html", "categories", true}, {"categories/c/index.html", "category", false},
        {"archive/index.html", "archive", true}, {"search/index.html", "search", true},
        {"404.html", "not-found", false}};
    for (const auto& [file, kind, full] : kinds) {
        INFO(file);
        const std::string page = read_text(fs::path(s.out) / file);
        CHECK(contains(page, "<html lang=\"en\" data-wasm-blog-page data-default-theme=\"dark\">\n"));
        CHECK(contains(page, "<wasm-blog src=\"/posts/index.json\" routing=\"path\" root=\"/\" page-size=\"10\" "
                             "data-kind=\"" + kind + "\"" + (full ? " data-engine=\"full\"" : "") +
                             " data-default-theme=\"dark\"><div class=\"wasm-blog\">"));
        const std::string engine = full ? "blog-full" : "blog-core";
        CHECK(contains(page, "<link rel=\"preload\" href=\"/" + engine + ".wasm\" as=\"fetch\""));
        CHECK_FALSE(contains(page, full ? "/blog-core.wasm" : "/blog-full.wasm"));
    }
    CHECK(contains(read_text(fs::path(s.out) / "posts/index.json"), "\"defaultTheme\": \"dark\""));
    SECTION("auto, the default, is not written") {
        Setup plain;
        REQUIRE(site_build(plain.options()).ok());
        for (const std::string& file : files_in(plain.out)) {
            if (file.size() < 5 || file.compare(file.size() - 5, 5, ".html") != 0) continue;
            INFO(file);
            CHECK_FALSE(contains(read_text(fs::path(plain.out) / file), "data-default-theme"));
        }
    }
}

TEST_CASE("build: a big site's index is paged, and every other file is as with one index") {
    Setup s("");
    s.tmp.write("site/hugo.toml", "baseURL = \"https://example.org/\"\ntitle = \"Many\"\n[pagination]\npagerSize = 3\n");
    for (int i = 1; i <= 23; ++i) {
        const std::string n = (i < 10 ? "0" : "") + std::to_string(i);
        s.tmp.write("site/content/posts/p" + n + ".md", "---\ntitle: P" + n + "\ndate: 2024-01-" + n + "\n" +
                                                         (i % 5 ? "" : "hiddenInHomeList: true\n") + "tags: [t" +
                                                         std::to_string(i % 3) + "]\n---\nPost " + n + ".\n");
    }
    BuildOptions paged = s.options();
    paged.index_split = {5, 10, 5};
    const BuildResult r = site_build(paged);
    const std::string first_problem = messages(r).empty() ? std::string() : messages(r).front();
    INFO(first_problem);
    REQUIRE(r.ok());
    CHECK(r.posts == 23);
    BuildOptions whole = s.options();
    whole.out = s.tmp.at("whole");
    whole.index_split.part = 0;
    REQUIRE(site_build(whole).ok());

    std::set<std::string> files = files_in(s.out);
    for (const char* name : {"posts/index.json", "posts/index-2.json", "posts/index-3.json"}) {
        INFO(name);
        CHECK(files.erase(name) == 1);
    }
    std::set<std::string> whole_files = files_in(whole.out);
    CHECK(whole_files.erase("posts/index.json") == 1);
    REQUIRE(files == whole_files);
    for (const std::string& f : files) {
        INFO(f);
        CHECK(read_text(fs::path(s.out) / f) == read_text(fs::path(whole.out) / f));
    }
    const std::string index = read_text(fs::path(s.out) / "posts/index.json");
    CHECK(contains(index, "\"parts\": [\n    \"index-2.json\",\n    \"index-3.json\"\n  ],\n  \"total\": 19\n}"));
    CHECK(count_of(index, "\"slug\"") == 5);
    CHECK(count_of(read_text(fs::path(s.out) / "posts/index-2.json"), "\"slug\"") == 10);
    CHECK(count_of(read_text(fs::path(s.out) / "posts/index-3.json"), "\"slug\"") == 8);
    // the list's first page, from index.json alone, is the post newest first
    CHECK(contains(index, "\"slug\": \"p23\""));
}
