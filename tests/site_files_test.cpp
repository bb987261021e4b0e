#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "tests/temp_dir.hpp"
#include "tool/site.hpp"
#include "tool/site_files.hpp"

namespace fs = std::filesystem;
using namespace blog::tool;

namespace {

std::vector<std::string> messages(const Site& site) {
    std::vector<std::string> out;
    for (const auto& p : site.problems) out.push_back(problem_text(p));
    return out;
}

SiteOptions at_now() {
    SiteOptions o;
    o.now = 1735689600;  // 2025-01-01
    return o;
}

}  // namespace

TEST_CASE("site files: a folder or config linked outside SITE is refused by name, and nothing of it is read") {
    blog::test::TempDir tmp("wasm-blog-site-files-test");
    tmp.write("ext/a.md", "---\ntitle: Outside\n---\nsecret\n");
    tmp.write("ext/hugo.toml", "title = \"Outside\"\n");
    const std::string site = tmp.at("site");
    // a Hugo site has a config; the section about hugo.toml links its own
    const auto config = [&] { tmp.write("site/hugo.toml", "title = \"Inside\"\n"); };
    SECTION("content/posts") {
        config();
        tmp.write("site/content/x", "");
        fs::create_directory_symlink("../../ext", tmp.root / "site/content/posts");
        const Site s = site_read(site, at_now());
        CHECK(messages(s) == std::vector<std::string>{site + "/content/posts: a symbolic link that leaves the site folder; refused"});
        CHECK(s.posts.empty());
    }
    SECTION("content") {
        config();
        fs::create_directory_symlink("../ext", tmp.root / "site/content");
        const Site s = site_read(site, at_now());
        CHECK(messages(s) == std::vector<std::string>{site + "/content: a symbolic link that leaves the site folder; refused"});
    }
    SECTION("hugo.toml") {
        tmp.write("site/content/posts/a.md", "---\ntitle: A\n---\n");
        fs::create_symlink("../ext/hugo.toml", tmp.root / "site/hugo.toml");
        const Site s = site_read(site, at_now());
        CHECK(messages(s) == std::vector<std::string>{site + "/hugo.toml: a symbolic link that leaves the site folder; refused"});
        CHECK(s.config.title.empty());
    }
    SECTION("a link into SITE's hidden files (.git/config holds CI's token)") {
        config();
        tmp.write("site/.git/config", "[http] extraheader = AUTHORIZATION: basic secret\n");
        tmp.write("site/content/posts/a.md", "---\ntitle: A\n---\n");
        tmp.write("site/content/posts/.hidden.md", "---\ntitle: Hidden\n---\n");
        fs::create_symlink("../../.git/config", tmp.root / "site/content/posts/config.md");
        const Site s = site_read(site, at_now());
        CHECK(messages(s) == std::vector<std::string>{
                                 site + "/content/posts/config.md: a symbolic link to a hidden file or folder of the "
                                        "site (.git, .env\xE2\x80\xA6); refused"});
        REQUIRE(s.posts.size() == 1);  // .hidden.md is not a post, as in Hugo
        CHECK(s.posts[0].title == "A");
    }
    SECTION("a link inside SITE is followed") {
        config();
        tmp.write("site/drafts/a.md", "---\ntitle: A\n---\n");
        fs::create_directories(tmp.root / "site/content");
        fs::create_directory_symlink("../drafts", tmp.root / "site/content/posts");
        const Site s = site_read(site, at_now());
        CHECK(messages(s).empty());
        REQUIRE(s.posts.size() == 1);
        CHECK(s.posts[0].title == "A");
    }
}

TEST_CASE("site files: links that loop back are read once, and deep folders stop at the limit") {
    blog::test::TempDir tmp("wasm-blog-site-files-test");
    tmp.write("hugo.toml", "title = \"T\"\n");
    tmp.write("content/posts/a.md", "---\ntitle: A\n---\n");
    for (const char* name : {"l1", "l2", "l3"}) fs::create_directory_symlink(".", tmp.root / "content/posts" / name);
    std::string deep = "content/posts";
    for (size_t i = 0; i <= SiteLimits::kMaxFolderDepth; ++i) deep += "/d";
    tmp.write(deep + "/b.md", "---\ntitle: B\n---\n");
    const Site s = site_read(tmp.root.string(), at_now());
    REQUIRE(s.posts.size() == 1);
    CHECK(s.posts[0].title == "A");
    REQUIRE(s.problems.size() == 1);
    CHECK(s.problems[0].message == "folders nest more than 32 deep below the posts folder; not read");
}

TEST_CASE("site files: a file's size is asked before it is read") {
    blog::test::TempDir tmp("wasm-blog-site-files-test");
    {
        std::ofstream f(tmp.at("big.md"), std::ios::binary);
        f.seekp((std::streamoff(3) << 30) - 1);
        f.put('x');  // 3 GB on disk as a sparse file: reading it would take 3 GB of memory
    }
    std::string text, error;
    CHECK_FALSE(site_file_read(tmp.at("big.md"), 4 << 20, "a post", text, error));
    CHECK(error == "is 3072.0 MB, more than the 4.0 MB a post may have");
    CHECK(text.empty());
    tmp.write("small.md", "hello");
    CHECK(site_file_read(tmp.at("small.md"), 5, "a post", text, error));
    CHECK(text == "hello");
    CHECK_FALSE(site_file_read(tmp.at("missing.md"), 5, "a post", text, error));
}

TEST_CASE("site files: a post with more terms than a post may have is an error at its line") {
    blog::test::TempDir tmp("wasm-blog-site-files-test");
    std::string tags = "tags: [";
    for (size_t i = 0; i <= SiteLimits::kMaxTermsPerPost; ++i) tags += (i ? ", t" : "t") + std::to_string(i);
    tmp.write("hugo.toml", "title = \"T\"\n");
    tmp.write("content/posts/a.md", "---\ntitle: A\n" + tags + "]\n---\n");
    tmp.write("content/posts/b.md", "---\ntitle: B\ncategories: [x]\n---\n");
    const Site s = site_read(tmp.root.string(), at_now());
    CHECK(messages(s) == std::vector<std::string>{tmp.at("content/posts/a.md") +
                                                  ":3: tags: 101 tags, more than the 100 a post may have"});
    REQUIRE(s.posts.size() == 1);  // the other post is still read
    CHECK(s.posts[0].title == "B");
}

TEST_CASE("site files: a bundle's file is published by default only when it cannot run script") {
    CHECK(bundle_file_kind("lake.PNG") == BundleFileKind::Passive);
    CHECK(bundle_file_kind("talk.mp4") == BundleFileKind::Passive);
    CHECK(bundle_file_kind("paper.pdf") == BundleFileKind::Passive);
    CHECK(bundle_file_kind("notes.txt") == BundleFileKind::Passive);
    CHECK(bundle_file_kind("map.svg") == BundleFileKind::Svg);
    for (const char* active : {"photos.html", "page.htm", "sw.js", "mod.mjs", "x.xhtml", "feed.xml", "map.svgz",
                               "Makefile", ".htaccess", "run.wasm"})
        CHECK(bundle_file_kind(active) == BundleFileKind::Active);
}

TEST_CASE("site files: an SVG with script, handlers, foreign objects or outside links is named for what it holds") {
    const std::string open = "<svg xmlns=\"http://www.w3.org/2000/svg\">";
    CHECK(svg_active_content(open + "<circle r=\"4\" fill=\"url(#g)\"/><a href=\"https://example.org/\">x</a></svg>")
              .empty());
    CHECK(svg_active_content(open + "<use href=\"#shape\"/></svg>").empty());
    CHECK(svg_active_content(open + "<script>alert(1)</script></svg>") == "a <script> element");
    CHECK(svg_active_content(open + "<svg:script>alert(1)</svg:script></svg>") == "a <script> element");
    CHECK(svg_active_content("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>") ==
          "an event handler (onload)");
    CHECK(svg_active_content(open + "<rect\nONCLICK = 'x()'/></svg>") == "an event handler (onclick)");
    CHECK(svg_active_content(open + "<foreignObject><div/></foreignObject></svg>") == "a <foreignobject> element");
    CHECK(svg_active_content(open + "<a xlink:href=\"&#106;avascript:alert(1)\">x</a></svg>") ==
          "a link to &#106;avascript:alert(1)");
    CHECK(svg_active_content(open + "<a href=\"JavaScript:alert(1)\">x</a></svg>") == "a javascript: URL");
    CHECK(svg_active_content(open + "<a><animate attributeName=\"href\" values=\"x\"/></a></svg>") ==
          "an animation of a link");
    CHECK(svg_active_content("<!DOCTYPE svg [<!ENTITY x \"y\">]>" + open + "</svg>") == "an entity declaration");
}

TEST_CASE("site files: bytes a terminal acts on are printed escaped") {
    CHECK(terminal_safe("plain text, caf\xC3\xA9, tab\there") == "plain text, caf\xC3\xA9, tab\there");
    CHECK(terminal_safe("evil\x1B[2J\x1B]0;title\x07.md") == "evil\\x1B[2J\\x1B]0;title\\x07.md");
    CHECK(terminal_safe("c1 \xC2\x9B" "31m") == "c1 \\xC2\\x9B31m");
    CHECK(terminal_safe("cut \xE2\x82") == "cut \\xE2\\x82");
    CHECK(terminal_safe("del\x7F") == "del\\x7F");
    CHECK(problem_text({"a\x1B.md", 3, "image \"\x1B[31m.png\" is missing", true}) ==
          "a\\x1B.md:3: warning: image \"\\x1B[31m.png\" is missing");
}
