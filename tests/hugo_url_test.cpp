// Every expected value here is one Debian's hugo 0.111.3 (hugo
// v0.111.3+extended, VendorInfo=debian:0.111.3-1, built with go1.19.6)
// produced on small sites built with `hugo --quiet`: the files under public/,
// the pages' .RelPermalink and the <loc>s of sitemap.xml (where the sitemap
// writes '+' as "&#43;", its HTML escaping), and `{{ urlize }}` in a
// template.
#include <catch2/catch.hpp>

#include "tool/hugo_url.hpp"

using blog::Timestamp;
using blog::tool::hugo_content_order_key;
using blog::tool::hugo_make_path;
using blog::tool::hugo_page_path;
using blog::tool::hugo_permalink_check;
using blog::tool::hugo_permalink_expand;
using blog::tool::hugo_taxonomy_path;
using blog::tool::hugo_term_key;
using blog::tool::hugo_term_path;
using blog::tool::hugo_url_escape;
using blog::tool::hugo_urlize;
using blog::tool::HugoPageFacts;
using blog::tool::HugoPath;
using blog::tool::HugoUrlOptions;

namespace {

Timestamp day(int y, int m, int d) {
    Timestamp t;
    t.year = y, t.month = m, t.day = d;
    return t;
}

HugoPageFacts page(std::string file, std::string title = "") {
    HugoPageFacts p;
    p.file = std::move(file);
    p.title = std::move(title);
    return p;
}

std::string link(const HugoPageFacts& p, const HugoUrlOptions& o = {}) {
    auto r = hugo_page_path(p, o);
    REQUIRE(r.ok());
    return r.value().link;
}

std::string file(const HugoPageFacts& p, const HugoUrlOptions& o = {}) {
    auto r = hugo_page_path(p, o);
    REQUIRE(r.ok());
    return r.value().file;
}

std::string term_link(const std::string& term, const HugoUrlOptions& o = {}) {
    auto r = hugo_term_path("tags", term, o);
    REQUIRE(r.ok());
    return r.value().link;
}

}  // namespace

TEST_CASE("hugo url: urlize keeps letters, digits, marks and .-_/\\#+~@, spaces become one hyphen") {
    // {{ urlize . }}, as the template printed it (HTML-unescaped here)
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"Apple Game Porting Toolkit", "apple-game-porting-toolkit"},
        {"CI/CD", "ci/cd"},
        {"C++", "c++"},
        {"macOS", "macos"},
        {"中文标签", "%E4%B8%AD%E6%96%87%E6%A0%87%E7%AD%BE"},
        {"Hello, World!", "hello-world"},
        {"a  b", "a-b"},
        {"Don't", "dont"},
        {"Ünïcödé", "%C3%BCn%C3%AFc%C3%B6d%C3%A9"},
        {"C#", "c"},
        {"x?y", "xy"},
        {"50%", "50"},
        {"100%25", "100%25"},
        {"a_b.c~d@e", "a_b.c~d@e"},
        {"tab\tx", "tab-x"},
        {"-lead-", "-lead-"},
        {" sp ", "sp"},
        {"a - b", "a-b"},
        {"İstanbul", "istanbul"},
        {"ǅemal", "%C7%86emal"},
        {"ß", "%C3%9F"},
        {"Ω", "%CF%89"},
        {"a\\b", "a%5Cb"},
        {"١٢٣", "%D9%A1%D9%A2%D9%A3"},
        {"x:y", "xy"},
        {"a&b", "ab"},
        {"a=b", "ab"},
        {"(x)", "x"},
        {"a'b", "ab"},
        {"a*b", "ab"},
        {"a$b", "ab"},
        {"a,b", "ab"},
        {"a;b", "ab"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        CHECK(hugo_urlize(c.in) == c.out);
    }
}

TEST_CASE("hugo url: a name on disk is unescaped, its URL percent-encoded") {
    // public/tags/<folder>/index.html beside the term page's .RelPermalink
    CHECK(hugo_make_path("中文标签") == "中文标签");
    CHECK(hugo_url_escape("tags/中文标签/") == "tags/%E4%B8%AD%E6%96%87%E6%A0%87%E7%AD%BE/");
    CHECK(hugo_make_path("Ünïcödé") == "ünïcödé");
    CHECK(hugo_url_escape("tags/ünïcödé/") == "tags/%C3%BCn%C3%AFc%C3%B6d%C3%A9/");
    CHECK(hugo_make_path("C#") == "c#");
    CHECK(hugo_url_escape("tags/c#/") == "tags/c#/");
    CHECK(hugo_url_escape("tags/c#-tips/") == "tags/c#-tips/");
    CHECK(hugo_make_path("x\\y") == "x\\y");
    CHECK(hugo_url_escape("tags/x\\y/") == "tags/x%5Cy/");
    CHECK(hugo_url_escape("tags/x%41y/") == "tags/x%41y/");
    CHECK(hugo_url_escape("tags/a+b-c/") == "tags/a+b-c/");
    CHECK(hugo_make_path("emoji 🎉 here") == "emoji-here");
    SECTION("a url from front matter, kept as written, then escaped") {
        CHECK(hugo_url_escape("Custom/Path A/") == "Custom/Path%20A/");
        CHECK(hugo_url_escape("it's (fine)!/") == "it%27s%20%28fine%29%21/");
        CHECK(hugo_url_escape("a%20b/") == "a%20b/");
    }
    SECTION("disablePathToLower keeps the case") {
        CHECK(hugo_make_path("My Name", true) == "My-Name");
        CHECK(hugo_urlize("C++", true) == "C++");
    }
}

TEST_CASE("hugo url: terms that differ only in case are one term") {
    CHECK(hugo_term_key("macOS") == hugo_term_key("MacOS"));
    CHECK(hugo_term_key("macOS") == "macos");
    CHECK(hugo_term_key("MacOS", true) == "MacOS");
    CHECK(hugo_term_key("Ⅻ").empty());  // a letter number (Nl) is not kept

    SECTION("the spelling shown is the one on the page first in content order") {
        // posts/2021/My Name.md said "macOS", posts/a.md "MacOS": the page showed "macOS"
        auto nested = page("posts/2021/My Name.md");
        auto flat = page("posts/a.md");
        CHECK(hugo_content_order_key(nested) == "/posts/__hb_2021/my name__hl_");
        CHECK(hugo_content_order_key(nested) < hugo_content_order_key(flat));
        // posts/abc/x.md ("t1-A") over posts/B.md ("T1-A") and posts/zz.md: keys are lower-cased
        CHECK(hugo_content_order_key(page("posts/abc/x.md")) < hugo_content_order_key(page("posts/B.md")));
        CHECK(hugo_content_order_key(page("cases/abc/y.md")) < hugo_content_order_key(page("cases/Zed.md")));
        // Root.md ("T2") over posts/a2.md ("t2")
        CHECK(hugo_content_order_key(page("Root.md")) == "/__hb_root__hl_");
        CHECK(hugo_content_order_key(page("Root.md")) < hugo_content_order_key(page("posts/a2.md")));
        // docs/zz.md ("T4") over docs/sub/q.md ("t4"), docs/sub/ a section
        auto sub = page("docs/sub/q.md");
        sub.current_section = "docs/sub";
        CHECK(hugo_content_order_key(page("docs/zz.md")) < hugo_content_order_key(sub));
        // news/a.md ("t5") over the bundle news/b/index.md ("T5")
        CHECK(hugo_content_order_key(page("news/b/index.md")) == "/news/__hb_b__hl_");
        CHECK(hugo_content_order_key(page("news/a.md")) < hugo_content_order_key(page("news/b/index.md")));
        CHECK(hugo_content_order_key(page("blog/_index.md")) == "/blog/");
        CHECK(hugo_content_order_key(page("_index.md")) == "/");
    }
}

TEST_CASE("hugo url: a term's page and its taxonomy's list") {
    CHECK(term_link("Apple Game Porting Toolkit") == "tags/apple-game-porting-toolkit/");
    CHECK(term_link("CI/CD") == "tags/ci/cd/");
    CHECK(term_link("C++") == "tags/c++/");
    CHECK(term_link("macOS") == "tags/macos/");
    CHECK(term_link("中文标签") == "tags/中文标签/");
    CHECK(term_link("Hello, World!") == "tags/hello-world/");
    CHECK(term_link("a  b") == "tags/a-b/");
    CHECK(term_link("Don't") == "tags/dont/");
    CHECK(term_link("Ünïcödé") == "tags/ünïcödé/");
    CHECK(term_link("C#") == "tags/c#/");
    CHECK(term_link("tab\tsep") == "tags/tab-sep/");
    CHECK(term_link("İstanbul") == "tags/istanbul/");
    CHECK(term_link("ǅ") == "tags/ǆ/");
    SECTION("the key is joined as a path: .. climbs") {
        CHECK(term_link("../x") == "x/");
        CHECK(term_link("a/../b") == "tags/b/");
    }
    SECTION("the file") {
        auto r = hugo_term_path("tags", "CI/CD", {});
        REQUIRE(r.ok());
        CHECK(r.value().file == "tags/ci/cd/index.html");
    }
    SECTION("the list") {
        CHECK(hugo_taxonomy_path("tags", {}).link == "tags/");
        CHECK(hugo_taxonomy_path("tags", {}).file == "tags/index.html");
    }
    SECTION("uglyURLs, disablePathToLower and a permalink for the taxonomy") {
        HugoUrlOptions o;
        o.ugly_urls = true;
        o.disable_path_to_lower = true;
        CHECK(hugo_taxonomy_path("tags", o).link == "tags.html");
        CHECK(hugo_taxonomy_path("categories", o).link == "categories.html");
        CHECK(term_link("MacOS", o) == "tags/MacOS.html");
        CHECK(term_link("C++", o) == "tags/C++.html");
        o.permalinks["tags"] = "/topic/:slug/";
        CHECK(term_link("MacOS", o) == "topic/MacOS.html");
        CHECK(term_link("C++", o) == "topic/C-.html");  // '+' query-unescaped to a space
    }
}

TEST_CASE("hugo url: a page's path by default") {
    CHECK(link(page("posts/2021/My Name.md")) == "posts/2021/my-name/");
    CHECK(file(page("posts/2021/My Name.md")) == "posts/2021/my-name/index.html");
    CHECK(link(page("posts/a.md")) == "posts/a/");
    CHECK(link(page("posts/trip/index.md")) == "posts/trip/");
    CHECK(link(page("About Me.md")) == "about-me/");
    CHECK(link(page("Top Bundle/index.md")) == "top-bundle/");
    CHECK(link(page("blog/Hello World!.md")) == "blog/hello-world/");
    CHECK(link(page("posts/x.fr.md")) == "posts/x.fr/");  // one language: no language suffix
    CHECK(link(page("posts/a.b.md")) == "posts/a.b/");
    SECTION("sections and the home page") {
        CHECK(link(page("posts/_index.md")) == "posts/");
        CHECK(file(page("posts/_index.md")) == "posts/index.html");
        CHECK(link(page("notes/deep/_index.md")) == "notes/deep/");
        CHECK(link(page("_index.md")).empty());
        CHECK(file(page("_index.md")) == "index.html");
    }
    SECTION("a slug replaces the name only, its '-' trimmed") {
        auto s = page("blog/s.md");
        s.slug = "Slug Here";
        CHECK(link(s) == "blog/slug-here/");
        auto b = page("posts/b.md");
        b.slug = "-My Slug!-";
        CHECK(link(b) == "posts/my-slug/");
        // slug "index" is taken as the section's own page
        auto ix = page("posts/ix.md");
        ix.slug = "index";
        CHECK(link(ix) == "posts/");
    }
    SECTION("url replaces all, kept as written for a regular page") {
        auto u = page("blog/u1.md");
        u.url = "/Custom/Path A/";
        CHECK(link(u) == "Custom/Path A/");
        CHECK(file(u) == "Custom/Path A/index.html");
        CHECK(hugo_url_escape(link(u)) == "Custom/Path%20A/");
        u.url = "rel/Path";
        CHECK(link(u) == "rel/Path/");
        u.url = "/x/Page.html";
        CHECK(link(u) == "x/Page.html");
        CHECK(file(u) == "x/Page.html");
        u.url = "/y/v1.2";
        CHECK(link(u) == "y/v1.2");
        CHECK(file(u) == "y/v1.2");
        u.url = "/UP/x.HTML";
        CHECK(link(u) == "UP/x.HTML");
        u.url = "no/dot/file";
        CHECK(link(u) == "no/dot/file/");
        u.url = "/中文/";
        CHECK(hugo_url_escape(link(u)) == "%E4%B8%AD%E6%96%87/");
        u.url = "/a%20b/";
        CHECK(file(u) == "a%20b/index.html");
        CHECK(hugo_url_escape(link(u)) == "a%20b/");
        u.url = "/it's (fine)!/";
        CHECK(hugo_url_escape(link(u)) == "it%27s%20%28fine%29%21/");
    }
    SECTION("a section's url is sanitised; its pages stay in its folder") {
        auto s = page("blog/sub/_index.md");
        s.url = "/Sub List/";
        CHECK(link(s) == "sub-list/");
        CHECK(link(page("blog/sub/p.md")) == "blog/sub/p/");
    }
    SECTION("a url with a scheme is refused") {
        auto u = page("blog/u.md");
        u.url = "https://example.org/x/";
        auto r = hugo_page_path(u, {});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message ==
              "URLs with protocol (http*) not supported: \"https://example.org/x/\". In page \"blog/u.md\"");
    }
}

TEST_CASE("hugo url: uglyURLs and disablePathToLower") {
    HugoUrlOptions o;
    o.ugly_urls = true;
    o.disable_path_to_lower = true;
    CHECK(link(page("posts/2021/My Name.md"), o) == "posts/2021/My-Name.html");
    CHECK(file(page("posts/2021/My Name.md"), o) == "posts/2021/My-Name.html");
    CHECK(link(page("posts/trip/index.md"), o) == "posts/trip.html");
    CHECK(link(page("About Me.md"), o) == "About-Me.html");
    CHECK(link(page("Top Bundle/index.md"), o) == "Top-Bundle.html");
    CHECK(link(page("posts/_index.md"), o) == "posts.html");
    CHECK(link(page("posts/2022/_index.md"), o) == "posts/2022.html");
    CHECK(link(page("_index.md"), o).empty());
    auto b = page("posts/b.md");
    b.slug = "My Slug";
    CHECK(link(b, o) == "posts/My-Slug.html");
    auto u = page("posts/u.md");
    u.url = "/Foo/";
    CHECK(link(u, o) == "Foo/");  // a url is not made ugly
    CHECK(file(u, o) == "Foo/index.html");
}

TEST_CASE("hugo url: permalinks") {
    HugoUrlOptions o;
    o.permalinks["posts"] = "/:year/:month/:slug/";
    o.permalinks["notes"] = "/n/:sections/:filename/:monthname-:day-:weekday-:weekdayname-:yearday/";

    SECTION("a section's pattern applies to its nested pages") {
        auto p = page("posts/2021/My Name.md", "My Name");
        p.date = day(2021, 3, 4);
        CHECK(link(p, o) == "2021/03/my-name/");
        auto b = page("posts/b.md", "B");
        b.slug = "-My Slug!-";
        b.date = day(2021, 3, 4);
        CHECK(link(b, o) == "2021/03/my-slug/");
    }
    SECTION("the date in its own offset; no date is Go's zero time") {
        auto t = page("posts/trip/index.md", "C++ Tips: Part 1!");
        Timestamp d = day(2021, 12, 31);
        d.hour = 23, d.minute = 30, d.offset_minutes = -300;
        t.date = d;
        CHECK(link(t, o) == "2021/12/c-tips-part-1/");  // "c++" query-unescaped to "c  "
        CHECK(link(page("posts/nodate.md", "No Date"), o) == "1/01/no-date/");
    }
    SECTION("date names, :sections and :filename") {
        auto n = page("notes/deep/er/Some File.md", "x");
        n.current_section = "notes/deep";
        n.date = day(2020, 2, 29);
        CHECK(link(n, o) == "n/notes/deep/some-file/february-29-6-saturday-60/");
        auto e = hugo_permalink_expand(o.permalinks["notes"], n);
        REQUIRE(e.ok());
        CHECK(e.value() == "/n/notes/deep/some-file/February-29-6-Saturday-60/");
    }
    SECTION(":sections slices") {
        HugoUrlOptions d;
        d.permalinks["docs"] = "/d/:sections[1:]/:sections[last]/:sections[0]/:filename/";
        auto deep = page("docs/one/two/Deep File.md", "Deep");
        deep.current_section = "docs/one/two";
        CHECK(link(deep, d) == "d/one/two/two/docs/deep-file/");
        auto bun = page("docs/one/two/bun/index.md", "Bun");
        bun.current_section = "docs/one/two";
        CHECK(link(bun, d) == "d/one/two/two/docs/bun/");
    }
    SECTION(":title, :slugorfilename, :section") {
        HugoUrlOptions n;
        n.permalinks["notes"] = "/:section/:slugorfilename/:title/";
        CHECK(link(page("notes/n1.md", "Hello C++ & Go: 100% ünï"), n) == "notes/n1/hello-c-go-100-ünï/");
        auto b1 = page("notes/b1/index.md", "B1 title");
        b1.slug = "--Sl ug--";
        CHECK(link(b1, n) == "notes/sl-ug/b1-title/");
    }
    SECTION("with uglyURLs and disablePathToLower") {
        HugoUrlOptions u;
        u.ugly_urls = true;
        u.disable_path_to_lower = true;
        u.permalinks["notes"] = "/n/:title/:slugorfilename";
        CHECK(link(page("notes/Some File.md", "Note Title"), u) == "n/Note-Title/Some-File.html");
        CHECK(link(page("notes/bund/index.md", "Bund T"), u) == "n/Bund-T/bund.html");
    }
    SECTION("section list pages are not expanded") {
        CHECK(link(page("posts/_index.md", "Posts"), o) == "posts/");
    }
    SECTION("errors, as Hugo reports them") {
        auto message = [](const char* pattern) {
            auto r = hugo_permalink_check(pattern);
            REQUIRE_FALSE(r.ok());
            return r.error().message;
        };
        CHECK(message("/:foo/") == "error expanding \"/:foo/\": permalink ill-formed");
        CHECK(message("/:slug/:foo/") == "error expanding \"/:slug/:foo/\": permalink ill-formed");
        CHECK(message("/a//:slug/") == "error expanding \"/a//:slug/\": permalink ill-formed");
        CHECK(message("n/:title/:slugorfilename") ==
              "error expanding \"n/:title/:slugorfilename\": permalink ill-formed");
        CHECK(hugo_permalink_check("/n/:title/:slugorfilename").ok());
        HugoUrlOptions bad;
        bad.permalinks["posts"] = "/:foo/";
        auto r = hugo_page_path(page("posts/x.md", "x"), bad);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "permalink");
        // Hugo accepts a Go time layout (":2006"); it is refused here, said so
        auto go = hugo_permalink_check("/:2006/:slug/");
        REQUIRE_FALSE(go.ok());
        CHECK(go.error().code == "permalink-unsupported");
    }
}
