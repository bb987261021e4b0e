// Issue 16's proof on a fixture of our own: tests/fixtures/hugo-blog/, a
// PaperMod-style blog in two languages with each pattern real Hugo blogs use
// (config/_default/ in YAML, a `post` section nested by year, folder names
// with spaces, '!' and ':', url, slug, permalinks, terms in two cases and
// with '/', an alias at the page's own URL, about and archives pages, a
// draft, static/, post.fr.md translations), built by the real `wasm-blog
// build` as a blogger runs it.
//
// The oracle is Debian's Hugo 0.111.3 on the same folder
// (`hugo -s tests/fixtures/hugo-blog -d /tmp/x --baseURL http://compat.test/`):
// the URLs below are those of its en/sitemap.xml and fr/sitemap.xml, its
// aliases and the files it wrote, copied as Hugo wrote them. Hugo is not run
// here.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/index/post_index.hpp"
#include "tests/temp_dir.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kFixture = std::string(BLOG_SOURCE_DIR) + "/tests/fixtures/hugo-blog";

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

struct Run {
    int status = -1;
    std::string out, err;
};

// A temporary folder with a stand-in for `make dist` (the widget's files
// the build copies), where OUT is written.
struct Work : blog::test::TempDir {
    Work() : blog::test::TempDir("wasm-blog-hugo-site-test") {
        write("dist/wasm-blog.js", "// the widget\n");
        write("dist/blog-core.wasm", std::string("\0asm", 4));
        write("dist/blog-core.js", "// the engine's loader\n");
        write("dist/blog-full.wasm", std::string("\0asm", 4));
        write("dist/blog-full.js", "// the full engine's loader\n");
        write("dist/wasm-blog.css", ":host{display:block}\n");
        write("dist/index.html", "<!doctype html><title>the no-build sample</title>\n");
        write("dist/posts/index.json", "{\"posts\": []}\n");
    }
    // The built tool with `args`, its stdout and stderr kept.
    Run tool(const std::string& args) const {
        const std::string out = at("stdout"), err = at("stderr");
        const std::string cmd = std::string("'") + BLOG_TOOL_EXE + "' " + args + " >'" + out + "' 2>'" + err + "'";
        Run r;
        const int raw = std::system(cmd.c_str());
        r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        r.out = read_text(out);
        r.err = read_text(err);
        return r;
    }
    Run build(const std::string& site, const std::string& out = "out") const {
        return tool("build '" + site + "' '" + at(out) + "' --base-url http://compat.test/ --assets '" + at("dist") + "'");
    }
};

// The fixture built once for the tests that only read OUT.
struct Built {
    Work work;
    Run run;
    fs::path out;
    Built() : run(work.build(kFixture)), out(work.at("out")) {}
};
const Built& fixture_built() {
    static const Built built;
    return built;
}

// What answers at a URL path ("/post/my-trip/") in OUT, as a static host
// serves it: the folder's index.html (a page or a redirect), or the file.
enum class Answer { None, Page, Redirect, File };
Answer answer_at(const fs::path& out, const std::string& url_path) {
    const std::string rel = url_path.substr(1);
    if (rel.empty() || rel.back() == '/') {
        const fs::path f = out / rel / "index.html";
        if (!fs::is_regular_file(f)) return Answer::None;
        return contains(read_text(f), "http-equiv=\"refresh\"") ? Answer::Redirect : Answer::Page;
    }
    return fs::is_regular_file(out / rel) ? Answer::File : Answer::None;
}

std::string redirect_target(const fs::path& out, const std::string& url_path) {
    const std::string html = read_text(out / url_path.substr(1) / "index.html");
    const std::string key = "http-equiv=\"refresh\" content=\"0; url=";
    const size_t at = html.find(key);
    if (at == std::string::npos) return "";
    const size_t end = html.find('"', at + key.size());
    return html.substr(at + key.size(), end - at - key.size());
}

blog::SiteIndex index_at(const fs::path& file) {
    auto parsed = blog::index_parse(read_text(file), file.string());
    REQUIRE(parsed.ok());
    return std::move(parsed).value();
}

const blog::Post* post_titled(const blog::SiteIndex& index, const std::string& title) {
    for (const blog::Post& p : index.posts)
        if (p.title == title) return &p;
    return nullptr;
}

// Hugo 0.111.3's en/sitemap.xml for the fixture, in its order.
const std::vector<std::string> kHugoSitemapEn = {
    "/",
    "/2023/04/tiny-note/",
    "/2023/05/second-note/",
    "/about/",
    "/archives/",
    "/categories/",
    "/custom/moved-post/",
    "/notes/",
    "/post/",
    "/post/2021/recap/",
    "/post/2021/spring-notes/",
    "/post/2022/recap/",
    "/post/first-post/",
    "/post/my-trip/",
    "/post/part-1-setup/",
    "/post/sluggy-name/",
    "/series/",
    "/series/getting-started/",
    "/tags/",
    "/tags/ci/cd/",
    "/tags/macos/",
    "/tags/travel/",
};
// Hugo 0.111.3's fr/sitemap.xml for the fixture.
const std::vector<std::string> kHugoSitemapFr = {
    "/fr/", "/fr/about/", "/fr/categories/", "/fr/post/", "/fr/post/first-post/", "/fr/tags/", "/fr/tags/macos/",
};

}  // namespace

TEST_CASE("hugo blog: the fixture builds unchanged: exit 0, not one error or warning") {
    const Built& b = fixture_built();
    CHECK(b.run.status == 0);
    // Every pattern of the fixture is carried over: nothing to report (the
    // count line is printed only after problems).
    CHECK(b.run.err == "");
    // 11 English, 2 French, the series' list and term pages, the sections' lists (post, notes; fr/post)
    CHECK(b.run.out.rfind("wasm-blog build: 18 posts, ", 0) == 0);
    CHECK(fs::is_regular_file(b.out / "posts/index.json"));
}

TEST_CASE("hugo blog: every URL of Hugo's sitemap answers in OUT, a page or a redirect") {
    const Built& b = fixture_built();
    REQUIRE(b.run.status == 0);
    std::vector<std::string> missing;
    for (const auto* list : {&kHugoSitemapEn, &kHugoSitemapFr})
        for (const std::string& url : *list)
            if (answer_at(b.out, url) == Answer::None) missing.push_back(url);
    CHECK(missing == std::vector<std::string>{});
    // Hugo's aliases: the one besides the page's own URL is a redirect to it.
    CHECK(answer_at(b.out, "/old/first/") == Answer::Redirect);
    CHECK(redirect_target(b.out, "/old/first/") == "http://compat.test/post/first-post/");
}

TEST_CASE("hugo blog: a section's page lists its pages, newest first, at Hugo's URL") {
    const Built& b = fixture_built();
    REQUIRE(b.run.status == 0);
    // Two main sections (post, notes): each has its own list, as Hugo's /notes/ has.
    CHECK(answer_at(b.out, "/notes/") == Answer::Page);
    CHECK(read_text(b.out / "notes/index.md") ==
          "{\"title\": \"Notes\"}\n\n- [Second Note](<../2023/05/second-note/>)\n- [First Note](<../2023/04/tiny-note/>)\n");
    CHECK(contains(read_text(b.out / "notes/index.html"), "href=\"/2023/05/second-note/\""));
}

TEST_CASE("hugo blog: a custom taxonomy's term page lists its posts at Hugo's URL, its list page its terms") {
    const Built& b = fixture_built();
    REQUIRE(b.run.status == 0);
    const blog::SiteIndex index = index_at(b.out / "posts/index.json");
    const blog::Post* term = blog::index_post_at(index, "series/getting-started/");
    REQUIRE(term);
    CHECK(term->title == "Getting Started");
    CHECK(term->hidden);  // in no list: a page of its own, as Hugo's term page is
    const std::string md = read_text(b.out / "series/getting-started/index.md");
    CHECK(md.find("[First Post](<../../post/first-post/>)") != std::string::npos);
    CHECK(md.find("[Spring Notes](<../../post/2021/spring-notes/>)") != std::string::npos);
    const std::string page = read_text(b.out / "series/getting-started/index.html");
    CHECK(page.find("href=\"/post/first-post/\"") != std::string::npos);  // prerendered, links resolved
    const blog::Post* list = blog::index_post_at(index, "series/");
    REQUIRE(list);
    CHECK(read_text(b.out / "series/index.md").find("[Getting Started](<../series/getting-started/>) (2)") != std::string::npos);
}

TEST_CASE("hugo blog: every post is a page of its own at Hugo's URL: nested, urlized, url, slug, permalinks") {
    const Built& b = fixture_built();
    REQUIRE(b.run.status == 0);
    // Title -> Hugo's RelPermalink, from Hugo's own build of the fixture.
    const std::vector<std::pair<std::string, std::string>> hugo = {
        {"First Post", "/post/first-post/"},             // the alias at its own URL does not replace it
        {"Spring Notes", "/post/2021/spring-notes/"},    // nested, "Spring Notes.md" urlized
        {"Recap 2021", "/post/2021/recap/"},             // the same file name in two folders
        {"Recap 2022", "/post/2022/recap/"},
        {"My Trip!", "/post/my-trip/"},                  // bundle "My Trip!/"
        {"Part 1: Setup", "/post/part-1-setup/"},        // bundle "Part 1: Setup/"
        {"Moved Post", "/custom/moved-post/"},           // url:
        {"A Post With a Slug", "/post/sluggy-name/"},    // slug: "Sluggy Name"
        {"First Note", "/2023/04/tiny-note/"},           // notes: /:year/:month/:slug/
        {"Second Note", "/2023/05/second-note/"},        // :slug falls back to the title
        {"About", "/about/"},                            // content/about.md
    };
    const blog::SiteIndex index = index_at(b.out / "posts/index.json");
    for (const auto& [title, url] : hugo) {
        INFO(title << " at " << url);
        CHECK(answer_at(b.out, url) == Answer::Page);
        CHECK(contains(read_text(b.out / url.substr(1) / "index.html"), "<title>" + title + " | Compat Notes</title>"));
        const blog::Post* p = post_titled(index, title);
        REQUIRE(p);
        CHECK("/" + p->url == url);  // the widget routes to the same path
    }
    // The draft is not published, the same slug in two folders gives two posts.
    CHECK(!post_titled(index, "Unfinished"));
    CHECK(answer_at(b.out, "/post/unfinished/") == Answer::None);
    CHECK(index.posts.size() == hugo.size() + 4);  // and the series' two pages, the post and notes sections' lists
}

TEST_CASE("hugo blog: the list shows the main sections' posts, newest first, as Hugo's mainSections does") {
    const Built& b = fixture_built();
    REQUIRE(b.run.status == 0);
    const blog::SiteIndex index = index_at(b.out / "posts/index.json");
    std::vector<std::string> listed;
    for (const blog::Post& p : index.posts)
        if (!p.hidden) listed.push_back("/" + p.url);
    // Hugo: where site.RegularPages "Type" "in" site.Params.mainSections.
    CHECK(listed == std::vector<std::string>{"/2023/05/second-note/", "/2023/04/tiny-note/", "/post/sluggy-name/",
                                             "/custom/moved-post/", "/post/2022/recap/", "/post/part-1-setup/",
                                             "/post/my-trip/", "/post/2021/recap/", "/post/2021/spring-notes/",
                                             "/post/first-post/"});
    CHECK(index.find("about"));
    CHECK(index.find("about")->hidden);  // reachable at /about/, not listed
}

TEST_CASE("hugo blog: tags in two letter cases are one term at tags/macos/, CI/CD is at tags/ci/cd/") {
    const Built& b = fixture_built();
    REQUIRE(b.run.status == 0);
    const std::string macos = read_text(b.out / "tags/macos/index.html");
    CHECK(contains(macos, ">Spring Notes<"));  // tagged MacOS
    CHECK(contains(macos, ">First Post<"));    // tagged macOS
    // Hugo's term title: the spelling of the page first in its content order
    // (post/2021/… before post/first-post).
    CHECK(contains(macos, "<title>MacOS | Compat Notes</title>"));
    // One folder for the term, whatever the disk's case rules.
    std::vector<std::string> tag_dirs;
    for (const auto& e : fs::directory_iterator(b.out / "tags"))
        if (e.is_directory()) tag_dirs.push_back(e.path().filename().string());
    std::sort(tag_dirs.begin(), tag_dirs.end());
    CHECK(tag_dirs == std::vector<std::string>{"ci", "macos", "travel"});
    const std::string cicd = read_text(b.out / "tags/ci/cd/index.html");
    CHECK(contains(cicd, "<title>CI/CD | Compat Notes</title>"));
    CHECK(contains(cicd, ">First Post<"));
    CHECK(contains(cicd, ">Part 1: Setup<"));
    CHECK(fs::is_regular_file(b.out / "tags/ci/cd/index.xml"));
    CHECK(answer_at(b.out, "/tags/ci/") == Answer::None);  // Hugo has no page there either
}

TEST_CASE("hugo blog: the French pages are under fr/, with their own fr/posts/index.json") {
    const Built& b = fixture_built();
    REQUIRE(b.run.status == 0);
    const blog::SiteIndex fr = index_at(b.out / "fr/posts/index.json");
    CHECK(fr.title == "Notes de Compat");
    CHECK(fr.language == "fr");
    std::vector<std::string> got;
    for (const blog::Post& p : fr.posts) got.push_back(p.title + " /fr/" + p.url);
    std::sort(got.begin(), got.end());
    // and the post section's list (two main sections: a list of its own, as Hugo's /fr/post/)
    CHECK(got == std::vector<std::string>{"Post /fr/post/", "Premier billet /fr/post/first-post/", "À propos /fr/about/"});
    CHECK(contains(read_text(b.out / "fr/post/first-post/index.html"), "<title>Premier billet | Notes de Compat</title>"));
    CHECK(contains(read_text(b.out / "fr/index.html"), "lang=\"fr\""));
    CHECK(fs::is_regular_file(b.out / "fr/index.xml"));
    // The translations are not published again as English posts.
    const blog::SiteIndex en = index_at(b.out / "posts/index.json");
    CHECK(en.language == "en");
    CHECK(!post_titled(en, "Premier billet"));
    CHECK(!post_titled(en, "À propos"));
}

TEST_CASE("hugo blog: a translated post links its translation, as Hugo's .Translations and hreflang do") {
    const Built& b = fixture_built();
    REQUIRE(b.run.status == 0);
    const blog::SiteIndex en = index_at(b.out / "posts/index.json");
    const blog::Post* first = post_titled(en, "First Post");
    REQUIRE(first);
    CHECK(first->translations == std::vector<std::string>{"/fr/post/first-post/"});
    const blog::SiteIndex fr = index_at(b.out / "fr/posts/index.json");
    const blog::Post* premier = post_titled(fr, "Premier billet");
    REQUIRE(premier);
    CHECK(premier->translations == std::vector<std::string>{"/post/first-post/"});
    // Hugo's sitemap gives each page's alternates; PaperMod's head the same.
    const std::string page = read_text(b.out / "post/first-post/index.html");
    CHECK(contains(page, "hreflang=\"fr\""));
    CHECK(contains(page, "http://compat.test/fr/post/first-post/"));
}

TEST_CASE("hugo blog: static/ is copied to OUT's root, and a bundle's image is where Hugo publishes it") {
    const Built& b = fixture_built();
    REQUIRE(b.run.status == 0);
    CHECK(read_text(b.out / "files/cv.txt") == read_text(kFixture + "/static/files/cv.txt"));
    // Hugo publishes a bundle's resources beside the page, at its URL:
    // /post/my-trip/photo.png (the folder "My Trip!" urlized).
    CHECK(answer_at(b.out, "/post/my-trip/photo.png") == Answer::File);
}

TEST_CASE("hugo blog: the config's title, menu order and home info reach posts/index.json") {
    const Built& b = fixture_built();
    REQUIRE(b.run.status == 0);
    const blog::SiteIndex index = index_at(b.out / "posts/index.json");
    CHECK(index.title == "Compat Notes");
    CHECK(index.author == "Rin Tester");
    CHECK(index.description == "Small posts that check where Hugo puts each page.");
    CHECK(index.copyright == "© 2024 Rin Tester");
    // menus.yaml writes Tags, Archives, About; the weights order them.
    REQUIRE(index.menu);
    std::vector<std::string> menu;
    for (const blog::MenuEntry& m : *index.menu) menu.push_back(m.name);
    CHECK(menu == std::vector<std::string>{"About", "Archives", "Tags"});
    CHECK(index.menu->at(0).url == "/about/");
    CHECK(index.menu->at(2).url == "/tags/");
    REQUIRE(index.home_info);
    CHECK(index.home_info->title == "Hello, tester");
    CHECK(index.home_info->content == "Posts written to check Hugo's URLs, one pattern each.");
    CHECK(contains(read_text(b.out / "posts/index.json"), "\"showReadingTime\": true"));
    CHECK(contains(read_text(b.out / "index.html"), "<title>Compat Notes</title>"));
}

TEST_CASE("hugo blog: PaperMod's archives page is the archive screen at Hugo's URL") {
    const Built& b = fixture_built();
    REQUIRE(b.run.status == 0);
    // Hugo: /archives/ (url: "/archives/", layout: archives), the menu's
    // link /archives/. The archive screen answers there.
    const blog::SiteIndex index = index_at(b.out / "posts/index.json");
    REQUIRE(index.menu);
    CHECK(index.menu->at(1).url == "/archives/");
    const Answer a = answer_at(b.out, "/archives/");
    CHECK((a == Answer::Page || a == Answer::Redirect));
    if (a == Answer::Page) CHECK(contains(read_text(b.out / "archives/index.html"), "data-kind=\"archive\""));
}

TEST_CASE("hugo config: each file format and config/_default give the same title") {
    const std::vector<std::pair<std::string, std::string>> configs = {
        {"hugo.toml", "title = \"Same Title\"\n"},
        {"hugo.yaml", "title: Same Title\n"},
        {"hugo.yml", "Title: \"Same Title\"\n"},  // keys in any case, as Hugo lower-cases them
        {"hugo.json", "{\"title\": \"Same Title\"}\n"},
        {"config.toml", "TITLE = \"Same Title\"\n"},
        {"config.yaml", "title: Same Title\n"},
        {"config.yml", "title: \"Same Title\"\n"},
        {"config.json", "{\"Title\": \"Same Title\"}\n"},
        {"config/_default/hugo.toml", "title = \"Same Title\"\n"},
        {"config/_default/config.yaml", "title: Same Title\n"},
    };
    for (const auto& [file, text] : configs) {
        INFO(file);
        Work w;
        w.write("site/" + file, text);
        w.write("site/content/posts/a.md", "---\ntitle: A\ndate: 2024-01-01\n---\nA.\n");
        const Run r = w.build(w.at("site"));
        CHECK(r.status == 0);
        CHECK(r.err == "");
        const blog::SiteIndex index = index_at(w.root / "out/posts/index.json");
        CHECK(index.title == "Same Title");
        CHECK(contains(read_text(w.root / "out/index.html"), "<title>Same Title</title>"));
    }
}

TEST_CASE("hugo site: two pages at one URL is an error naming both files") {
    Work w;
    w.write("site/hugo.yaml", "title: Collide\n");
    w.write("site/content/posts/a.md", "---\ntitle: A\nslug: same\ndate: 2024-01-01\n---\nA.\n");
    w.write("site/content/posts/b.md", "---\ntitle: B\nurl: /posts/same/\ndate: 2024-01-02\n---\nB.\n");
    const Run r = w.build(w.at("site"));
    CHECK(r.status == 1);
    const auto lines = lines_of(r.err);
    REQUIRE(lines.size() == 2);
    CHECK(contains(lines[0], w.at("site/content/posts/a.md")));
    CHECK(contains(lines[0], w.at("site/content/posts/b.md")));
    CHECK(contains(lines[0], "/posts/same/"));
    CHECK(lines[1] == "wasm-blog build: 1 error, 0 warnings");
    CHECK(!fs::exists(w.root / "out"));
}

TEST_CASE("hugo site: index --check finds what build would refuse: aliases over pages, terms that are no folder") {
    Work w;
    w.write("site/hugo.yaml", "title: Check\n");
    w.write("site/content/posts/a.md", "---\ntitle: A\ndate: 2024-01-01\naliases: [/posts/b/, /tags/]\n---\nA.\n");
    w.write("site/content/posts/b.md", "---\ntitle: B\ndate: 2024-01-02\ntags: [\"..\"]\n---\nB.\n");
    const Run check = w.tool("index '" + w.at("site") + "' --check");
    const Run build = w.build(w.at("site"));
    CHECK(check.status == 1);
    CHECK(build.status == 1);
    const std::vector<std::string> expected = {
        w.at("site/content/posts/b.md") + ":4: tags: \"..\" is at tags/../, which cannot be a folder of the built "
            "site (an empty segment, \".\" or \"..\")",
        w.at("site/content/posts/a.md") + ":4: aliases: \"/posts/b/\" would overwrite the page of " +
            w.at("site/content/posts/b.md"),
        w.at("site/content/posts/a.md") + ":4: aliases: \"/tags/\" would overwrite the page tags/",
    };
    std::vector<std::string> from_check = lines_of(check.err), from_build = lines_of(build.err);
    REQUIRE(from_check.size() == 4);
    REQUIRE(from_build.size() == 4);
    CHECK(std::vector<std::string>(from_check.begin(), from_check.end() - 1) == expected);
    CHECK(std::vector<std::string>(from_build.begin(), from_build.end() - 1) == expected);  // the same, in one run
    CHECK(from_check.back() == "wasm-blog index: 3 errors, 0 warnings");
    CHECK(from_build.back() == "wasm-blog build: 3 errors, 0 warnings");
}

TEST_CASE("hugo site: a page's URL the blog cannot serve is an error at its file:line, found by index --check too") {
    Work w;
    w.write("site/hugo.yaml", "title: Odd\n");
    w.write("site/content/posts/a.md", "---\ntitle: A\nurl: \"/x/%2e%2e/y/\"\n---\nA.\n");
    w.write("site/content/posts/b.md", "---\ntitle: B\nurl: /tags/\n---\nB.\n");
    const Run check = w.tool("index '" + w.at("site") + "' --check");
    CHECK(check.status == 1);
    const auto lines = lines_of(check.err);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == w.at("site/content/posts/a.md") + ":3: the page's URL /x/%2e%2e/y/ cannot be one of the blog's: "
                                                       "expected no '?', '#', '%', '\\' or control characters");
    CHECK(lines[1] == w.at("site/content/posts/b.md") + ":3: the page's URL /tags/ cannot be one of the blog's: "
                                                       "expected a path that is not one of the blog's own screens");
    CHECK(w.build(w.at("site")).status == 1);
    CHECK(!fs::exists(w.root / "out"));
}

TEST_CASE("hugo site: an unterminated quote in YAML front matter is an error at its file:line") {
    Work w;
    w.write("site/hugo.yaml", "title: Broken\n");
    w.write("site/content/posts/bad.md", "---\ntitle: \"oops\ndate: [2023\n---\nText.\n");
    w.write("site/content/posts/good.md", "---\ntitle: Good\ndate: 2024-01-02\n---\nGood.\n");
    const Run r = w.build(w.at("site"));
    CHECK(r.status == 1);
    const auto lines = lines_of(r.err);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].rfind(w.at("site/content/posts/bad.md") + ":2: ", 0) == 0);
    CHECK(lines[1] == "wasm-blog build: 1 error, 0 warnings");
}

TEST_CASE("hugo site: every problem of a run is reported, then one line counts the errors and warnings") {
    Work w;
    w.write("site/hugo.yaml", "title: Many\n");
    w.write("site/content/posts/a.md", "---\ntitle: A\nslug: same\ndate: 2024-01-01\n---\nA.\n");
    w.write("site/content/posts/b.md", "---\ntitle: B\nurl: /posts/same/\ndate: 2024-01-02\n---\nB.\n");
    w.write("site/content/posts/bad.md", "---\ntitle: \"oops\ndate: [2023\n---\nText.\n");
    w.write("site/content/posts/pic.md", "---\ntitle: Pic\ndate: 2024-01-03\n---\n![gone](missing.png)\n");
    const Run r = w.build(w.at("site"));
    CHECK(r.status == 1);
    const auto lines = lines_of(r.err);
    REQUIRE(!lines.empty());
    CHECK(lines.back() == "wasm-blog build: 2 errors, 1 warning");
    CHECK(std::count_if(lines.begin(), lines.end(), [&](const std::string& l) {
              return contains(l, "/bad.md:2: ");
          }) == 1);
    CHECK(std::count_if(lines.begin(), lines.end(), [&](const std::string& l) {
              return contains(l, "/pic.md:5: warning: ");
          }) == 1);
}

// tests/fixtures/hugo-i18n/: a Chinese blog with a Persian translation, its
// own i18n/zh.yaml over its theme's over the tool's table. The dates are
// those Hugo 0.111.3 prints with PaperMod's default "January 2, 2006" in zh.
TEST_CASE("hugo blog: a Chinese blog's pages and index speak Chinese, its Persian pages are right to left") {
    Work work;
    const Run run = work.build(std::string(BLOG_SOURCE_DIR) + "/tests/fixtures/hugo-i18n");
    INFO(run.err);
    REQUIRE(run.status == 0);
    const fs::path out = work.at("out");
    const blog::SiteIndex zh = index_at(out / "posts/index.json");
    CHECK(zh.problems.empty());
    CHECK(zh.text.next == "下一篇");           // the site's i18n/zh.yaml
    CHECK(zh.text.prev == "上一页（主题）");    // the theme's, the site has none
    CHECK(zh.text.toc == "目录");              // the tool's table, neither has one
    CHECK(blog::i18n_plural(zh.text.reading_time, zh.language, 2) == "2 分钟读完");
    CHECK(zh.text.dates.days_short.empty());   // the date format does not use them
    const std::string home = read_text(out / "index.html");
    CHECK(contains(home, "<html lang=\"zh\" data-wasm-blog-page"));
    CHECK(contains(home, ">一月 5, 2023</span>"));
    CHECK(contains(home, ">下一篇&nbsp;»</a>"));
    CHECK(contains(read_text(out / "page/2/index.html"), ">七月 24, 2022</span>"));

    const blog::SiteIndex fa = index_at(out / "fa/posts/index.json");
    CHECK(fa.text.next == "صفحه بعدی");
    CHECK(fa.date_format == "2006-01-02");
    const std::string fa_home = read_text(out / "fa/index.html");
    CHECK(contains(fa_home, "<html lang=\"fa\" dir=\"rtl\" data-wasm-blog-page"));
    CHECK(contains(fa_home, ">2022-07-24</span>"));
}

TEST_CASE("hugo site: shortcodes render in the built page: a figure, the blog's own template, a ref to a post") {
    Work w;
    w.write("site/hugo.yaml", "title: Codes\n");
    w.write("site/layouts/shortcodes/note.html", "<div class=\"note\">{{ .Get \"kind\" | default \"info\" }}: {{ .Inner }}</div>\n");
    w.write("site/content/posts/a.md",
            "---\ntitle: A\ndate: 2024-01-02\n---\nIntro.\n\n{{< figure src=\"/cat.png\" caption=\"A cat\" >}}\n\n"
            "{{< note kind=\"tip\" >}}Read the other post{{< /note >}}\n\nSee [B]({{< ref \"b.md\" >}}).\n");
    w.write("site/content/posts/b.md", "---\ntitle: B\ndate: 2024-01-01\n---\nB.\n");
    const Run run = w.build(w.at("site"));
    CHECK(run.status == 0);
    const std::string page = read_text(w.root / "out/posts/a/index.html");
    CHECK(contains(page, "<figure><img src=\"/cat.png\""));
    CHECK(contains(page, "<p>A cat</p>"));
    CHECK(contains(page, "Read the other post"));  // the sanitizer keeps the text, whatever it keeps of the tag
    CHECK(contains(page, "<a href=\"/posts/b/\">B</a>"));
    CHECK(!contains(page, "{{&lt;"));
    CHECK(contains(read_text(w.root / "out/posts/index.json"), "\"shortcodes\""));
}

TEST_CASE("hugo site: a ref to no page is an error at its file:line, an unsupported shortcode is listed once") {
    Work w;
    w.write("site/hugo.yaml", "title: Codes\n");
    w.write("site/layouts/shortcodes/gallery.html", "{{ range .Page.Resources.Match \"*.jpg\" }}x{{ end }}\n");
    w.write("site/content/posts/a.md",
            "---\ntitle: A\n---\nIntro.\n\n[gone]({{< ref \"nope.md\" >}})\n\n{{< gallery >}}\n\n{{< gallery >}}\n");
    const Run run = w.build(w.at("site"));
    CHECK(run.status == 1);
    CHECK(contains(run.err, w.at("site/content/posts/a.md") + ":6: {{< ref \"nope.md\" >}}: no page of the blog is \"nope.md\""));
    CHECK(contains(run.err, "shortcode \"gallery\" (the field .Page.Resources): shown as its inner content, 2 uses in 1 post"));
}

TEST_CASE("hugo site: a bundle's cover is the bundle's file, another is from the site's root, a missing one is a warning at its line") {
    Work w;
    w.write("site/hugo.yaml", "title: Covers\n");
    w.write("site/content/posts/trip/index.md",
            "---\ntitle: Trip\ndate: 2024-01-02\ncover:\n  image: photo.png\n  caption: A *lake*\n---\nText.\n");
    w.write("site/content/posts/trip/photo.png", "png");
    w.write("site/content/posts/plain.md",
            "---\ntitle: Plain\ndate: 2024-01-01\ncover:\n  image: images/header.png\n  hiddenInList: true\n---\nText.\n");
    w.write("site/static/images/header.png", "png");
    w.write("site/content/posts/gone.md", "---\ntitle: Gone\ndate: 2023-01-01\ncover:\n  image: nowhere.png\n---\nText.\n");
    const Run run = w.build(w.at("site"));
    INFO(run.err);
    CHECK(run.status == 0);
    const blog::SiteIndex index = index_at(w.root / "out/posts/index.json");
    REQUIRE(index.find("trip"));
    REQUIRE(index.find("trip")->cover);
    CHECK(index.find("trip")->cover->image == "../posts/trip/photo.png");
    REQUIRE(index.find("plain")->cover);
    CHECK(index.find("plain")->cover->image == "../images/header.png");
    CHECK(index.find("plain")->cover->hidden_in_list);
    CHECK(contains(run.err, w.at("site/content/posts/gone.md") + ":5: warning: cover image \"nowhere.png\""));
    CHECK(contains(run.err, "nowhere.png"));
    // The built post shows its cover, and its caption as Markdown.
    const std::string page = read_text(w.root / "out/posts/trip/index.html");
    CHECK(contains(page, "src=\"/posts/trip/photo.png\""));
    CHECK(contains(page, "<figcaption>A <em>lake</em></figcaption>"));
    CHECK_FALSE(contains(read_text(w.root / "out/index.html"), "header.png"));
}
