#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/index/post_index.hpp"
#include "tool/index_writer.hpp"
#include "tool/site.hpp"

namespace fs = std::filesystem;
using blog::tool::problem_text;
using blog::tool::Site;
using blog::tool::site_read;
using blog::tool::SiteOptions;

namespace {

// A real site folder on disk, removed at the end of the test.
struct TempSite {
    fs::path root;
    TempSite() {
        static int n = 0;
        root = fs::temp_directory_path() / ("wasm-blog-site-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(root);
        fs::create_directories(root);
    }
    ~TempSite() { fs::remove_all(root); }
    void write(const std::string& rel, const std::string& text) const {
        fs::create_directories((root / rel).parent_path());
        std::ofstream(root / rel, std::ios::binary) << text;
    }
    std::string dir() const { return root.string(); }
    std::string at(const std::string& rel) const { return root.string() + "/" + rel; }
};

// 2025-01-01T00:00:00Z
constexpr int64_t kNow = 1735689600;

SiteOptions at_now() {
    SiteOptions o;
    o.now = kNow;
    return o;
}

std::vector<std::string> messages(const Site& site) {
    std::vector<std::string> out;
    for (const auto& p : site.problems) out.push_back(problem_text(p));
    return out;
}

std::vector<std::string> slugs(const Site& site) {
    std::vector<std::string> out;
    for (const auto& p : site.posts) out.push_back(p.slug);
    return out;
}

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("site: the config's title, baseURL, languageCode, author, description and page size") {
    SECTION("hugo.toml, author as a list, pagination.pagerSize") {
        TempSite s;
        s.write("hugo.toml",
                "title = \"Field Notes\"\nbaseURL = \"https://example.org/\"\nlanguageCode = \"en-us\"\n"
                "[params]\nauthor = [\"Ana\", \"Ben\"]\ndescription = \"Notes.\"\n[pagination]\npagerSize = 7\n");
        s.write("content/posts/a.md", "---\ntitle: A\n---\nText.\n");
        Site site = site_read(s.dir(), at_now());
        CHECK(messages(site).empty());
        CHECK(site.config.file == s.at("hugo.toml"));
        CHECK(site.config.title == "Field Notes");
        CHECK(site.config.base_url == "https://example.org/");
        CHECK(site.config.language_code == "en-us");
        CHECK(site.config.authors == std::vector<std::string>{"Ana", "Ben"});
        CHECK(site.config.description == "Notes.");
        CHECK(site.config.page_size == 7);
    }
    SECTION("config.yaml, author as a string, paginate, keys in any case") {
        TempSite s;
        s.write("config.yaml", "Title: Y\nbaseurl: https://y.example/\nParams:\n  Author: Ana\npaginate: 4\n");
        s.write("content/posts/a.md", "---\ntitle: A\n---\n");
        Site site = site_read(s.dir(), at_now());
        CHECK(site.config.title == "Y");
        CHECK(site.config.base_url == "https://y.example/");
        CHECK(site.config.authors == std::vector<std::string>{"Ana"});
        CHECK(site.config.page_size == 4);
    }
    SECTION("the first of hugo.*, then config.*, wins; site.json is not a config file (Hugo does not read it)") {
        TempSite s;
        s.write("site.json", "{\"title\": \"from site.json\"}");
        s.write("posts/a.md", "---\ntitle: A\n---\n");
        CHECK(site_read(s.dir(), at_now()).config.title.empty());
        s.write("config.toml", "title = \"from config.toml\"\n");
        CHECK(site_read(s.dir(), at_now()).config.title == "from config.toml");
        s.write("hugo.yaml", "title: from hugo.yaml\n");
        CHECK(site_read(s.dir(), at_now()).config.title == "from hugo.yaml");
    }
    SECTION("a config that does not parse names its line") {
        TempSite s;
        s.write("hugo.toml", "title = \"ok\"\nbaseURL = \n");
        s.write("posts/a.md", "---\ntitle: A\n---\n");
        Site site = site_read(s.dir(), at_now());
        CHECK_FALSE(site.ok());
        REQUIRE(site.problems.size() == 1);
        CHECK(problem_text(site.problems[0]).rfind(s.at("hugo.toml") + ":2: ", 0) == 0);
    }
}

TEST_CASE("site: every page under content/ is a post, in every section, or posts/ when there is no content/") {
    SECTION("content/: every section, nested folders kept; _index.md marks a section and is not a page") {
        TempSite s;
        s.write("hugo.toml", "title = \"T\"\nbaseURL = \"https://example.org/\"\n");
        s.write("content/posts/b.md", "---\ntitle: B\n---\n");
        s.write("content/posts/_index.md", "---\ntitle: Posts\n---\n");
        s.write("content/posts/2024/a.md", "---\ntitle: A\n---\n");
        s.write("content/notes/c.markdown", "---\ntitle: C\n---\n");
        s.write("content/about.md", "---\ntitle: About\n---\n");
        s.write("posts/ignored.md", "---\ntitle: Not read: content/ exists\n---\n");
        Site site = site_read(s.dir(), at_now());
        CHECK(messages(site).empty());
        std::vector<std::string> got;
        for (const auto& p : site.posts)
            got.push_back(p.file + " " + p.url + " " + p.slug + (p.listed ? " listed" : " hidden"));
        // the home list shows the section with most pages (posts); about.md is a page at /about/, not listed;
        // the other section's list page (notes/) is a page of links the tool writes
        CHECK(got == std::vector<std::string>{"about.md about/ about hidden", "notes/c.markdown notes/c/ c hidden",
                                              "posts/2024/a.md posts/2024/a/ a listed",
                                              "posts/b.md posts/b/ b listed", " notes/ notes hidden"});
    }
    SECTION("content/: params.mainSections chooses the sections the home list shows") {
        TempSite s;
        s.write("hugo.toml", "title = \"T\"\n[params]\nmainSections = [\"notes\"]\n");
        s.write("content/posts/a.md", "---\ntitle: A\n---\n");
        s.write("content/posts/b.md", "---\ntitle: B\n---\n");
        s.write("content/notes/c.md", "---\ntitle: C\n---\n");
        Site site = site_read(s.dir(), at_now());
        CHECK(messages(site).empty());
        std::vector<std::string> listed;
        for (const auto& p : site.posts)
            if (p.listed) listed.push_back(p.slug);
        CHECK(listed == std::vector<std::string>{"c"});
    }
    SECTION("posts/") {
        TempSite s;
        s.write("posts/a.md", "---\ntitle: A\n---\n");
        CHECK(slugs(site_read(s.dir(), at_now())) == std::vector<std::string>{"a"});
    }
    SECTION("no posts folder") {
        TempSite s;
        s.write("hugo.toml", "title = \"x\"\n");
        CHECK(messages(site_read(s.dir(), at_now())) ==
              std::vector<std::string>{s.at("posts") + ": no posts folder: expected content/ or posts/"});
    }
    SECTION("a Hugo site without a config file is an error") {
        TempSite s;
        s.write("content/posts/a.md", "---\ntitle: A\n---\n");
        Site site = site_read(s.dir(), at_now());
        CHECK_FALSE(site.ok());
        CHECK(messages(site) == std::vector<std::string>{
                                    s.dir() + ": no config file: expected hugo.toml, hugo.yaml, hugo.yml, hugo.json, "
                                              "config.toml, config.yaml, config.yml, config.json or config/_default/"});
    }
}

TEST_CASE("site: a page bundle is one post named after its folder") {
    TempSite s;
    s.write("hugo.toml", "title = \"T\"\n");
    s.write("content/posts/my-trip/index.md", "---\ntitle: My trip\n---\n![Lake](lake.png)\n");
    s.write("content/posts/my-trip/lake.png", "not really a png");
    s.write("content/posts/my-trip/notes.md", "a resource of the bundle, not a post\n");
    s.write("content/posts/named/index.md", "---\ntitle: Named\nslug: own-slug\n---\n");
    Site site = site_read(s.dir(), at_now());
    CHECK(messages(site).empty());
    REQUIRE(slugs(site) == std::vector<std::string>{"my-trip", "own-slug"});
    CHECK(site.posts[0].file == "posts/my-trip/index.md");
    CHECK(site.posts[0].url == "posts/my-trip/");
    CHECK(site.posts[1].file == "posts/named/index.md");
    CHECK(site.posts[1].url == "posts/own-slug/");  // the slug replaces the folder's name
}

TEST_CASE("site: bad posts are errors naming the file and line") {
    SECTION("a date that does not parse") {
        TempSite s;
        s.write("posts/a.md", "---\ntitle: A\ndate: 24/07/2022\n---\n");
        Site site = site_read(s.dir(), at_now());
        CHECK_FALSE(site.ok());
        CHECK(site.posts.empty());
        CHECK(messages(site) == std::vector<std::string>{
                                    s.at("posts/a.md") + ":3: date: expected RFC 3339 date, got \"24/07/2022\""});
    }
    SECTION("a duplicate slug names both files (posts/, where the slug is the URL)") {
        TempSite s;
        s.write("posts/a.md", "---\ntitle: A\nslug: same\n---\n");
        s.write("posts/b.md", "---\ntitle: B\n\nslug: same\n---\n");
        Site site = site_read(s.dir(), at_now());
        CHECK_FALSE(site.ok());
        CHECK(slugs(site) == std::vector<std::string>{"same"});
        CHECK(messages(site) == std::vector<std::string>{s.at("posts/b.md") + ":4: slug \"same\" is already used by " +
                                                         s.at("posts/a.md")});
    }
    SECTION("two pages of a Hugo site at one URL name both files") {
        TempSite s;
        s.write("hugo.toml", "title = \"T\"\n");
        s.write("content/posts/a.md", "---\ntitle: A\nslug: same\n---\n");
        s.write("content/posts/b.md", "---\ntitle: B\n\nslug: same\n---\n");
        s.write("content/notes/c.md", "---\ntitle: C\nslug: same\n---\n");  // notes/same/: another URL
        Site site = site_read(s.dir(), at_now());
        CHECK_FALSE(site.ok());
        CHECK(messages(site) == std::vector<std::string>{s.at("content/posts/b.md") +
                                                         ":4: the page's URL /posts/same/ is also that of " +
                                                         s.at("content/posts/a.md") +
                                                         ": two pages cannot have one URL"});
    }
    SECTION("an empty tag is a warning, and left out") {
        TempSite s;
        s.write("posts/a.md", "---\ntitle: A\ntags: [go, \"\"]\n---\n");
        Site site = site_read(s.dir(), at_now());
        CHECK(site.ok());
        CHECK(messages(site) == std::vector<std::string>{s.at("posts/a.md") + ":3: warning: tags[1]: empty; left out"});
        REQUIRE(site.posts.size() == 1);
        CHECK(site.posts[0].front.tags == std::vector<std::string>{"go"});
    }
    SECTION("a Hugo site's names are at Hugo's URL: the same slug in two folders, spaces and punctuation") {
        TempSite s;
        s.write("hugo.toml", "title = \"T\"\n");
        s.write("content/posts/a.md", "---\ntitle: A\nslug: same\n---\n");
        s.write("content/notes/c.md", "---\ntitle: C\nslug: same\n---\n");
        s.write("content/posts/My Trip!.md", "---\ntitle: T\n---\n");
        Site site = site_read(s.dir(), at_now());
        CHECK(messages(site).empty());
        std::vector<std::string> got;
        for (const auto& p : site.posts) got.push_back(p.url + " " + p.slug);
        // the slug is a key of the index: the URL's last segment, made unique
        CHECK(got == std::vector<std::string>{"notes/same/ same", "posts/my-trip/ my-trip", "posts/same/ same-2",
                                              "notes/ notes"});  // the notes section's list page, written by the tool
    }
    SECTION("a slug the blog's routes cannot carry (posts/)") {
        TempSite s;
        s.write("posts/My Trip.md", "---\ntitle: A\n---\n");
        Site site = site_read(s.dir(), at_now());
        CHECK(messages(site) ==
              std::vector<std::string>{s.at("posts/My Trip.md") +
                                       ":1: the file name gives the slug \"My Trip\" which may only hold letters, "
                                       "digits, \"-\", \"_\" or \".\": set slug in the front matter"});
    }
    SECTION("a file that is not UTF-8 names the line of the first bad byte") {
        TempSite s;
        s.write("posts/latin1.md", "---\ntitle: Caf\xE9\n---\n");
        s.write("posts/cut.md", "---\ntitle: ok\n---\nends mid-character \xE2\x82");
        s.write("posts/fine.md", "---\ntitle: Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\n---\n");
        Site site = site_read(s.dir(), at_now());
        CHECK(messages(site) ==
              std::vector<std::string>{s.at("posts/cut.md") + ":4: not valid UTF-8: save the file as UTF-8",
                                       s.at("posts/latin1.md") + ":2: not valid UTF-8: save the file as UTF-8"});
        CHECK(slugs(site) == std::vector<std::string>{"fine"});
    }
    SECTION("a symbolic link that leaves the site folder is refused; one inside it is followed") {
        TempSite s, outside;
        outside.write("secret.md", "---\ntitle: Secret\n---\n");
        s.write("drafts/kept.md", "---\ntitle: Kept\n---\n");
        s.write("posts/a.md", "---\ntitle: A\n---\n");
        fs::create_symlink(outside.root / "secret.md", s.root / "posts/leak.md");
        fs::create_directory_symlink(outside.root, s.root / "posts/elsewhere");
        fs::create_symlink(s.root / "drafts/kept.md", s.root / "posts/kept.md");
        Site site = site_read(s.dir(), at_now());
        CHECK(messages(site) == std::vector<std::string>{
                                    s.at("posts/elsewhere") + ": a symbolic link that leaves the site folder; refused",
                                    s.at("posts/leak.md") + ": a symbolic link that leaves the site folder; refused"});
        CHECK(slugs(site) == std::vector<std::string>{"a", "kept"});
    }
    SECTION("front matter that does not parse, the other posts still read") {
        TempSite s;
        s.write("posts/a.md", "---\ntitle: A\n---\n");
        s.write("posts/b.md", "+++\ntitle = \n+++\n");
        Site site = site_read(s.dir(), at_now());
        CHECK_FALSE(site.ok());
        REQUIRE(site.problems.size() == 1);
        CHECK(problem_text(site.problems[0]).rfind(s.at("posts/b.md") + ":2: TOML front matter: ", 0) == 0);
        CHECK(slugs(site) == std::vector<std::string>{"a"});
    }
}

TEST_CASE("site: a post without a title takes its file name, with a warning") {
    TempSite s;
    s.write("posts/untitled-note.md", "---\ndate: 2024-01-01\n---\nText.\n");
    Site site = site_read(s.dir(), at_now());
    CHECK(site.ok());
    CHECK(messages(site) == std::vector<std::string>{s.at("posts/untitled-note.md") +
                                                     ":1: warning: no title: the file name \"untitled-note\" is used"});
    REQUIRE(site.posts.size() == 1);
    CHECK(site.posts[0].title == "untitled-note");
}

TEST_CASE("site: drafts, future and expired posts are left out unless asked for, as Hugo does") {
    TempSite s;
    s.write("posts/live.md", "---\ntitle: Live\ndate: 2024-06-01\n---\n");
    s.write("posts/draft.md", "---\ntitle: Draft\ndraft: true\n---\n");
    s.write("posts/future.md", "---\ntitle: Future\ndate: 2025-06-01T00:00:00Z\n---\n");
    s.write("posts/scheduled.md", "---\ntitle: Scheduled\ndate: 2024-01-01\npublishDate: 2025-02-01\n---\n");
    s.write("posts/expired.md", "---\ntitle: Expired\ndate: 2024-01-01\nexpiryDate: 2024-12-31\n---\n");
    s.write("posts/not-expired.md", "---\ntitle: Not expired\nexpiryDate: 2025-12-31\n---\n");
    SiteOptions o = at_now();
    Site site = site_read(s.dir(), o);
    CHECK(messages(site).empty());
    CHECK(slugs(site) == std::vector<std::string>{"live", "not-expired"});
    CHECK(site.left_out == 4);

    o.drafts = true;
    CHECK(slugs(site_read(s.dir(), o)) == std::vector<std::string>{"draft", "live", "not-expired"});
    o.drafts = false, o.future = true;
    CHECK(slugs(site_read(s.dir(), o)) == std::vector<std::string>{"future", "live", "not-expired", "scheduled"});
    o.future = false, o.expired = true;
    CHECK(slugs(site_read(s.dir(), o)) == std::vector<std::string>{"expired", "live", "not-expired"});
}

TEST_CASE("site: a date and time without an offset is Hugo's local time, read as UTC") {
    TempSite s;
    s.write("posts/a.md", "---\ntitle: A\ndate: 2024-03-01T10:00:00\n---\n");
    Site site = site_read(s.dir(), at_now());
    CHECK(messages(site).empty());
    REQUIRE(site.posts.size() == 1);
    REQUIRE(site.posts[0].date);
    CHECK(blog::date_format_rfc3339(*site.posts[0].date) == "2024-03-01T10:00:00Z");
}

TEST_CASE("site: Hugo shortcodes are rendered, a malformed one is a warning at its line, left as text") {
    TempSite s;
    s.write("posts/a.md",
            "---\ntitle: A\n---\nIntro {{< param title >}}.\n\n{{< youtube id=\"abc\" >}}\n\nMore {{< figure src=\"x.png >}}\n");
    Site site = site_read(s.dir(), at_now());
    CHECK(site.ok());
    CHECK(messages(site) ==
          std::vector<std::string>{s.at("posts/a.md") + ":8: warning: a shortcode that is not well formed (an unclosed "
                                                       "quote or no \">}}\"): left as text"});
    REQUIRE(site.posts.size() == 1);
    CHECK(site.posts[0].summary.find("{{< youtube") == std::string::npos);
}

TEST_CASE("site: the written index is one the core reads with no problems") {
    TempSite s;
    s.write("hugo.toml", "title = \"Field Notes\"\nlanguageCode = \"pt-BR\"\n[params]\nauthor = [\"Ana\", \"Ben\", \"Cy\"]\n"
                         "description = \"D\"\n");
    s.write("content/posts/old.md", "---\ntitle: Old\ndate: 2023-01-01\ntags: [x]\nauthor: Zoe\n---\nOne two three.\n");
    s.write("content/posts/new.md",
            "---\ntitle: New\ndate: 2024-01-01T09:00:00+02:00\nhiddenInHomeList: true\n---\nShort intro.\n\n<!--more-->\n\nRest.\n");
    s.write("content/posts/trip/index.md", "---\ntitle: Trip\nsummary: Given.\n---\nBody.\n");
    Site site = site_read(s.dir(), at_now());
    REQUIRE(messages(site).empty());
    const std::string json = blog::tool::index_write(site);
    auto parsed = blog::index_parse(json, "posts/index.json");
    REQUIRE(parsed.ok());
    const blog::SiteIndex& index = parsed.value();
    CHECK(index.problems.empty());
    CHECK(index.title == "Field Notes");
    CHECK(index.author == "Ana, Ben & Cy");
    CHECK(index.description == "D");
    CHECK(index.language == "pt");  // the built pages' lang
    REQUIRE(index.posts.size() == 3);
    CHECK(index.posts[0].slug == "new");
    CHECK(index.posts[0].hidden);
    CHECK(index.posts[0].summary == std::optional<std::string>("Short intro."));
    CHECK(index.posts[0].truncated);
    CHECK(index.posts[0].author == "Ana, Ben & Cy");
    CHECK(index.posts[1].slug == "old");
    CHECK(index.posts[1].file == "../posts/old.md");  // where the built site publishes it, beside index.json's folder
    CHECK(index.posts[1].author == "Zoe");
    CHECK(index.posts[1].tags == std::vector<std::string>{"x"});
    CHECK(index.posts[1].summary == std::optional<std::string>("One two three."));
    CHECK_FALSE(index.posts[1].truncated);
    CHECK(index.posts[2].slug == "trip");
    CHECK(index.posts[2].file == "../posts/trip/index.md");
    CHECK(index.posts[2].summary == std::optional<std::string>("Given."));
    CHECK(json.find("\"wordCount\": 3,\n      \"readingTime\": 1") != std::string::npos);
}

// The built tool, run as a blogger runs it, on the fixture sites.
namespace {

struct Run {
    int status = -1;
    std::string out, err;
};

Run run_tool(const std::string& args) {
    TempSite tmp;
    const std::string out = tmp.at("out"), err = tmp.at("err");
    const std::string cmd = std::string("'") + BLOG_TOOL_EXE + "' " + args + " >'" + out + "' 2>'" + err + "'";
    Run r;
    int raw = std::system(cmd.c_str());
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read_text(out);
    r.err = read_text(err);
    return r;
}

const std::string kFixtures = std::string(BLOG_SOURCE_DIR) + "/tests/fixtures/";

}  // namespace

TEST_CASE("wasm-blog index: the fixture Hugo site becomes an index the core reads") {
    Run r = run_tool("index '" + kFixtures + "hugo-site'");
    CHECK(r.status == 0);
    CHECK(r.err.empty());  // its {{< figure >}} is rendered: nothing to warn about
    auto parsed = blog::index_parse(r.out, "posts/index.json");
    REQUIRE(parsed.ok());
    const blog::SiteIndex& index = parsed.value();
    CHECK(index.problems.empty());
    CHECK(index.title == "Field Notes");
    CHECK(index.author == "Ana Lima & Ben Okafor");
    std::vector<std::string> got;
    for (const auto& p : index.posts) got.push_back(p.slug + " " + p.file);
    // newest first; the draft, the future post and the section's _index.md are not posts
    CHECK(got == std::vector<std::string>{"first-light ../posts/first-light.md", "in-toml ../posts/toml-post.md",
                                          "json-post ../posts/json-post.md", "my-trip ../posts/my-trip/index.md"});
    CHECK(index.find("in-toml")->hidden);
    CHECK(index.find("first-light")->author == "Ana Lima");
    CHECK(index.find("in-toml")->author == "Ben Okafor & Ana Lima");

    Run all = run_tool("index '" + kFixtures + "hugo-site' --drafts --future");
    auto with_all = blog::index_parse(all.out, "posts/index.json");
    REQUIRE(with_all.ok());
    CHECK(with_all.value().posts.size() == 6);
    CHECK(with_all.value().find("draft-post"));
    CHECK(with_all.value().find("future-post"));
}

TEST_CASE("wasm-blog index --check: problems only, exit 1 when there are any") {
    Run bad = run_tool("index '" + kFixtures + "hugo-site-broken' --check");
    CHECK(bad.status == 1);
    CHECK(bad.out.empty());
    CHECK(bad.err == kFixtures + "hugo-site-broken/content/posts/bad.md:3: YAML front matter: unterminated list: the "
                                 "\"[\" on this line is never closed\nwasm-blog index: 1 error, 0 warnings\n");

    Run no_index = run_tool("index '" + kFixtures + "hugo-site-broken'");
    CHECK(no_index.status == 1);
    CHECK(no_index.out.empty());

    Run clean = run_tool("index '" + kFixtures + "hugo-site' --check");
    CHECK(clean.status == 0);  // its shortcode is rendered: no problem
    CHECK(clean.out.empty());
}

TEST_CASE("wasm-blog: --help and usage errors") {
    Run help = run_tool("--help");
    CHECK(help.status == 0);
    CHECK(help.out.find("index SITE") != std::string::npos);
    Run index_help = run_tool("index --help");
    CHECK(index_help.status == 0);
    CHECK(index_help.out.rfind("usage: wasm-blog index SITE [--drafts] [--future] [--expired] [--check]\n", 0) == 0);
    Run unknown = run_tool("publish x");
    CHECK(unknown.status == 2);
    CHECK(unknown.err.rfind("wasm-blog: unknown command publish\n", 0) == 0);
    Run missing = run_tool("index");
    CHECK(missing.status == 2);
    CHECK(missing.err.rfind("wasm-blog index: SITE is missing\n", 0) == 0);
}

TEST_CASE("site: PaperMod's params in any case go into the index's site object under the core's names") {
    TempSite s;
    s.write("hugo.toml",
            "title = \"T\"\n[params]\nShowToc = true\nshowreadingtime = false\nSHOWWORDCOUNT = true\n"
            "ShowPostNavLinks = true\nShowBreadCrumbs = false\nShowCodeCopyButtons = true\ndefaultTheme = \"dark\"\n"
            "ShowPageNums = true\n");
    s.write("content/posts/a.md", "---\ntitle: A\nShowToc: false\nTocOpen: true\nShowBreadCrumbs: true\n---\nText.\n");
    s.write("content/posts/b.md", "---\ntitle: B\n---\nText.\n");
    Site site = site_read(s.dir(), at_now());
    REQUIRE(messages(site).empty());
    const blog::PostSwitchOverrides& c = site.config.switches;
    CHECK(c.show_toc == true);
    CHECK_FALSE(c.toc_open);  // not set
    CHECK(c.show_reading_time == false);
    CHECK(c.show_word_count == true);
    CHECK(c.show_post_nav_links == true);
    CHECK(c.show_bread_crumbs == false);
    CHECK(c.show_code_copy_buttons == true);
    CHECK(site.config.default_theme == "dark");
    CHECK(site.config.show_page_nums == true);

    const std::string json = blog::tool::index_write(site);
    CHECK(json.find("  \"showToc\": true,\n  \"showReadingTime\": false,\n  \"showWordCount\": true,\n"
                    "  \"showPostNavLinks\": true,\n  \"showBreadCrumbs\": false,\n  \"showCodeCopyButtons\": true,\n") !=
          std::string::npos);
    auto parsed = blog::index_parse(json, "posts/index.json");
    REQUIRE(parsed.ok());
    const blog::SiteIndex& index = parsed.value();
    CHECK(index.problems.empty());
    CHECK(index.default_theme == "dark");
    CHECK(index.show_page_nums);
    CHECK(index.switches.show_toc);
    CHECK_FALSE(index.switches.toc_open);
    CHECK_FALSE(index.switches.show_reading_time);
    CHECK(index.switches.show_word_count);
    CHECK(index.switches.show_post_nav_links);
    CHECK_FALSE(index.switches.show_bread_crumbs);
    CHECK(index.switches.show_code_copy_buttons);
    SECTION("a post's own front matter wins, false as well as true") {
        const blog::PostSwitches a = blog::index_post_switches(index, *index.find("a"));
        CHECK_FALSE(a.show_toc);
        CHECK(a.toc_open);
        CHECK(a.show_bread_crumbs);
        CHECK(a.show_word_count);  // the site's
        const blog::PostSwitches b = blog::index_post_switches(index, *index.find("b"));
        CHECK(b.show_toc);
        CHECK_FALSE(b.toc_open);
        CHECK(json.find("\"showToc\": false,\n      \"tocOpen\": true,\n      \"showBreadCrumbs\": true") != std::string::npos);
    }
}

TEST_CASE("site: without PaperMod's params the index sets none, and PaperMod's defaults hold") {
    TempSite s;
    s.write("config.yaml", "title: T\nparams:\n  description: D\n");
    s.write("content/posts/a.md", "---\ntitle: A\n---\nText.\n");
    Site site = site_read(s.dir(), at_now());
    REQUIRE(messages(site).empty());
    const std::string json = blog::tool::index_write(site);
    for (const char* name : {"showToc", "tocOpen", "showReadingTime", "showWordCount", "showPostNavLinks",
                             "showBreadCrumbs", "showCodeCopyButtons", "defaultTheme", "showPageNums"}) {
        INFO(name);
        CHECK(json.find(std::string("\"") + name + "\"") == std::string::npos);
    }
    auto parsed = blog::index_parse(json, "posts/index.json");
    REQUIRE(parsed.ok());
    CHECK(parsed.value().default_theme == "auto");
    CHECK_FALSE(parsed.value().switches.show_reading_time);
    SECTION("YAML params in any case") {
        s.write("config.yaml", "title: T\nParams:\n  showtoc: true\n  DefaultTheme: light\n");
        Site yaml = site_read(s.dir(), at_now());
        CHECK(yaml.config.switches.show_toc == true);
        CHECK(yaml.config.default_theme == "light");
    }
}

TEST_CASE("site: a PaperMod param of the wrong kind is an error at its line") {
    TempSite s;
    s.write("hugo.toml", "title = \"T\"\n[params]\nShowToc = \"yes\"\ndefaultTheme = \"blue\"\nShowPageNums = 1\n"
                         "defaulttheme2 = 3\n");
    s.write("content/posts/a.md", "---\ntitle: A\ncategories: [notes, \" \"]\n---\n");
    Site site = site_read(s.dir(), at_now());
    CHECK_FALSE(site.ok());
    CHECK(messages(site) == std::vector<std::string>{
                                s.at("hugo.toml") + ":3: params.ShowToc: expected true or false, got a string",
                                s.at("hugo.toml") + ":5: params.ShowPageNums: expected true or false, got a number",
                                s.at("hugo.toml") + ":4: params.defaultTheme: expected \"auto\", \"light\" or \"dark\", "
                                                    "got \"blue\"",
                                s.at("content/posts/a.md") + ":3: warning: categories[1]: empty; left out"});
}

TEST_CASE("site: the sample blog's hugo.toml turns on what the sample showed, and the frozen index agrees") {
    Site site = site_read(BLOG_SOURCE_DIR, at_now());
    REQUIRE(site.ok());
    const blog::PostSwitchOverrides& c = site.config.switches;
    CHECK(c.show_toc == true);
    CHECK_FALSE(c.toc_open);
    CHECK(c.show_reading_time == true);
    CHECK(c.show_word_count == true);
    CHECK(c.show_post_nav_links == true);
    CHECK(c.show_bread_crumbs == true);
    CHECK(c.show_code_copy_buttons == true);
    // tests/fixtures/sample-index.json stands for what the tool writes: the same site switches.
    auto written = blog::index_parse(blog::tool::index_write(site), "posts/index.json");
    auto frozen = blog::index_parse(read_text(std::string(BLOG_SOURCE_DIR) + "/tests/fixtures/sample-index.json"),
                                    "sample-index.json");
    REQUIRE(written.ok());
    REQUIRE(frozen.ok());
    for (const blog::PostSwitchField& f : blog::kPostSwitchFields) {
        INFO(f.name);
        CHECK(written.value().switches.*f.site == frozen.value().switches.*f.site);
    }
    CHECK(written.value().default_theme == frozen.value().default_theme);
    CHECK(written.value().show_page_nums == frozen.value().show_page_nums);
}

TEST_CASE("site: a post's weight and cover caption reach the index, and the core puts the weighted post first") {
    TempSite s;
    s.write("hugo.toml", "title = \"T\"\n");
    s.write("content/posts/new.md", "---\ntitle: New\ndate: 2024-01-01\n---\nNew.\n");
    s.write("content/posts/pinned.md",
            "---\ntitle: Pinned\ndate: 2020-01-01\nweight: 1\ncover:\n  image: c.png\n  alt: A lake\n  caption: The lake at dawn\n---\nOld.\n");
    s.write("static/c.png", "png");  // a cover found nowhere is a warning
    Site site = site_read(s.dir(), at_now());
    REQUIRE(messages(site).empty());
    auto parsed = blog::index_parse(blog::tool::index_write(site), "posts/index.json");
    REQUIRE(parsed.ok());
    const blog::SiteIndex& index = parsed.value();
    CHECK(index.problems.empty());
    const blog::Post* pinned = index.find("pinned");
    REQUIRE(pinned);
    CHECK(pinned->weight == 1);
    REQUIRE(pinned->cover);
    CHECK(pinned->cover->caption == "The lake at dawn");
    const auto listed = blog::index_listed(index);
    REQUIRE(listed.size() == 2);
    CHECK(listed[0]->slug == "pinned");  // Hugo's order: a weight before none
}
