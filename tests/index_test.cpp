#include <catch2/catch.hpp>

#include <fstream>
#include <limits>
#include <sstream>

#include "core/index/json_reader.hpp"
#include "core/index/post_index.hpp"
#include "tests/support.hpp"

using namespace blog;
using namespace blog::test;

namespace {

// An index whose "posts" array is `entries` (a JSON fragment).
SiteIndex parse_posts(const std::string& entries) {
    return parse_ok("{\"author\": \"Site Author\", \"posts\": [" + entries + "]}");
}

std::string parse_error(const std::string& json) {
    auto r = index_parse(json, "posts/index.json");
    REQUIRE_FALSE(r.ok());
    return r.error().message;
}

std::vector<std::string> slugs(const std::vector<const Post*>& posts) {
    std::vector<std::string> out;
    for (const Post* p : posts) out.push_back(p->slug);
    return out;
}

std::vector<std::string> slugs(const std::vector<Post>& posts) {
    std::vector<std::string> out;
    for (const Post& p : posts) out.push_back(p.slug);
    return out;
}

}  // namespace

TEST_CASE("index: the sample posts/index.json lists its ten posts in the seed's order") {
    SiteIndex site = parse_ok(sample_file("tests/fixtures/sample-index.json"));
    CHECK(site.title == "Jose Villalta");
    CHECK(site.author == "Jose Villalta");
    CHECK(site.description == "Notes on Go, distributed systems and a paper every day.");
    CHECK(site.source == "posts/index.json");
    CHECK_FALSE(site.unsafe_html);
    CHECK(site.problems.empty());

    const std::vector<std::string>& seed_order = seed_slugs();
    std::vector<const Post*> listed = index_listed(site);
    CHECK(slugs(listed) == seed_order);

    SECTION("the first post is the seed's first entry, with its date and author") {
        const Post& first = *listed.front();
        CHECK(first.title == "Lets Go");
        REQUIRE(first.date);
        CHECK(date_format_tooltip(*first.date) == "2022-07-24 21:42:07 -0700 -0700");
        CHECK(first.author == "Jose Villalta");
        CHECK(first.file == "lets-go.md");
        CHECK(first.truncated);
        CHECK(first.tags == std::vector<std::string>{"go", "learning-in-public"});
        REQUIRE(first.summary);
        CHECK(first.summary->rfind("Go I have been writing go", 0) == 0);
    }
    SECTION("\"New blog!\" has no date, is last and its summary is not truncated") {
        const Post& last = *listed.back();
        CHECK(last.title == "New blog!");
        CHECK_FALSE(last.date.has_value());
        CHECK_FALSE(last.truncated);
        CHECK(last.author == "Jose Villalta");
    }
    SECTION("the hidden sample post is not listed but can be found by slug and by file") {
        const Post* hidden = site.find("markdown-features");
        REQUIRE(hidden != nullptr);
        CHECK(hidden->hidden);
        CHECK(hidden->title == "Sample: Markdown features");
        CHECK(hidden->file == "features/markdown-features.md");
        CHECK(site.find_by_file("features/markdown-features.md") == hidden);
        CHECK(site.posts.size() == 11);
    }
    SECTION("a tag list includes hidden posts carrying the tag") {
        CHECK(slugs(index_listed(site, "markdown")) == std::vector<std::string>{"markdown-features"});
        CHECK(slugs(index_listed(site, "google")) ==
              std::vector<std::string>{"paper-day-8-omega", "paper-day-7-borg"});
        CHECK(index_listed(site, "no-such-tag").empty());
    }
    SECTION("lookups of unknown posts return nullptr") {
        CHECK(site.find("no-such-post") == nullptr);
        CHECK(site.find("") == nullptr);
        CHECK(site.find_by_file("no-such-post.md") == nullptr);
        CHECK(site.find_by_file("lets-go.md") == site.find("lets-go"));
    }
}

TEST_CASE("index: a post without a date is listed after every dated post") {
    SiteIndex site = parse_posts(R"(
        {"slug": "undated-1", "title": "U1"},
        {"slug": "old", "title": "Old", "date": "2020-01-01"},
        {"slug": "undated-2", "title": "U2"},
        {"slug": "new", "title": "New", "date": "2022-01-01T00:00:00Z"})");
    CHECK(slugs(index_listed(site)) == std::vector<std::string>{"new", "old", "undated-1", "undated-2"});
    SECTION("position keeps the entry's place in the file") {
        CHECK(site.find("undated-1")->position == 0);
        CHECK(site.find("new")->position == 3);
    }
}

TEST_CASE("index: posts are ordered by instant, not by the wall-clock text of their dates") {
    SiteIndex site = parse_posts(R"(
        {"slug": "tokyo", "title": "T", "date": "2022-07-25T01:00:00+09:00"},
        {"slug": "california", "title": "C", "date": "2022-07-24T10:00:00-07:00"},
        {"slug": "same-as-california", "title": "S", "date": "2022-07-24T17:00:00Z"})");
    // California and the Z post are the same instant: they keep their file order.
    CHECK(slugs(index_listed(site)) == std::vector<std::string>{"california", "same-as-california", "tokyo"});
}

TEST_CASE("index: defaults and optional fields") {
    SiteIndex site = parse_posts(R"(
        {"slug": "plain", "title": "Plain"},
        {"slug": "full", "title": "Full", "author": "Guest", "summary": "S", "truncated": false,
         "tags": ["a", "b"], "file": "2022/full-post.md", "hidden": false})");
    const Post* plain = site.find("plain");
    REQUIRE(plain);
    CHECK(plain->author == "Site Author");
    CHECK_FALSE(plain->summary.has_value());
    CHECK(plain->truncated);
    CHECK(plain->tags.empty());
    CHECK(plain->file == "plain.md");
    CHECK_FALSE(plain->hidden);

    const Post* full = site.find("full");
    REQUIRE(full);
    CHECK(full->author == "Guest");
    REQUIRE(full->summary);
    CHECK(*full->summary == "S");
    CHECK_FALSE(full->truncated);
    CHECK(full->tags == std::vector<std::string>{"a", "b"});
    CHECK(full->file == "2022/full-post.md");
    CHECK(site.find_by_file("2022/full-post.md") == full);
    CHECK(site.find_by_file("full.md") == nullptr);
}

TEST_CASE("index: unknown fields are ignored") {
    SiteIndex site = parse_ok(R"({
        "title": "T", "theme": {"dark": true}, "generator": 3,
        "posts": [{"slug": "a", "title": "A", "weight": 5, "cover": {"image": "x.png"}, "extra": null}]})");
    CHECK(site.problems.empty());
    REQUIRE(site.posts.size() == 1);
    CHECK(site.posts[0].slug == "a");
}

TEST_CASE("index: drafts are left out without a problem, and their slug stays taken") {
    SiteIndex site = parse_posts(R"(
        {"slug": "draft", "title": "D", "draft": true},
        {"slug": "published", "title": "P", "draft": false},
        {"slug": "draft", "title": "Again"})");
    CHECK(slugs(index_listed(site)) == std::vector<std::string>{"published"});
    CHECK(site.find("draft") == nullptr);
    CHECK(site.problems == std::vector<std::string>{"posts[2].slug: \"draft\" is already used by posts[0]"});
}

TEST_CASE("index: each invalid entry is left out with a message naming it, and the others stay") {
    struct Case {
        const char* entry;
        const char* problem;
    };
    const Case cases[] = {
        // required fields
        {R"({"title": "No slug"})", "posts[1].slug: missing (required)"},
        {R"({"slug": "no-title"})", "posts[1].title: missing (required)"},
        {R"({"slug": "", "title": "T"})", "posts[1].slug: must not be empty"},
        {R"({"slug": "blank-title", "title": "  "})", "posts[1].title: must not be empty"},
        // wrong types
        {R"({"slug": 5, "title": "T"})", "posts[1].slug: expected a string, got 5"},
        {R"({"slug": "x", "title": ["T"]})", "posts[1].title: expected a string, got an array"},
        {R"({"slug": "x", "title": "T", "date": 20220724})", "posts[1].date: expected a string, got 20220724"},
        {R"({"slug": "x", "title": "T", "author": {}})", "posts[1].author: expected a string, got an object"},
        {R"({"slug": "x", "title": "T", "summary": null})", "posts[1].summary: expected a string, got null"},
        {R"({"slug": "x", "title": "T", "truncated": 1})", "posts[1].truncated: expected true or false, got 1"},
        {R"({"slug": "x", "title": "T", "hidden": "yes"})", "posts[1].hidden: expected true or false, got \"yes\""},
        {R"({"slug": "x", "title": "T", "draft": "false"})", "posts[1].draft: expected true or false, got \"false\""},
        {R"({"slug": "x", "title": "T", "tags": "go"})", "posts[1].tags: expected an array of strings, got \"go\""},
        {R"({"slug": "x", "title": "T", "tags": ["go", 3]})", "posts[1].tags: [1]: expected a non-empty string, got 3"},
        {R"({"slug": "x", "title": "T", "tags": [""]})", "posts[1].tags: [0]: expected a non-empty string, got \"\""},
        {R"("just a string")", "posts[1]: expected an object, got \"just a string\""},
        {R"(null)", "posts[1]: expected an object, got null"},
        {R"([1, 2])", "posts[1]: expected an object, got an array"},
        // slugs become routes and file names
        {R"({"slug": "a b", "title": "T"})", "posts[1].slug: expected letters, digits, \"-\", \"_\" or \".\", got \"a b\""},
        {R"({"slug": "a/b", "title": "T"})", "posts[1].slug: expected letters, digits, \"-\", \"_\" or \".\", got \"a/b\""},
        {R"({"slug": "ok", "title": "Duplicate"})", "posts[1].slug: \"ok\" is already used by posts[0]"},
        // dates
        {R"({"slug": "x", "title": "T", "date": "24/07/2022"})", "posts[1].date: expected RFC 3339 date, got \"24/07/2022\""},
        {R"({"slug": "x", "title": "T", "date": "2022-02-30"})", "posts[1].date: expected RFC 3339 date, got \"2022-02-30\""},
        {R"({"slug": "x", "title": "T", "date": "2022-07-24T21:42:07"})",
         "posts[1].date: expected RFC 3339 date, got \"2022-07-24T21:42:07\""},
        // files stay inside the blog's folder: one "../" first is its root (a built Hugo site's content)
        {R"({"slug": "x", "title": "T", "file": "../../secret.md"})", "posts[1].file: must not contain \"..\", got \"../../secret.md\""},
        {R"({"slug": "x", "title": "T", "file": "a/../../b.md"})", "posts[1].file: must not contain \"..\", got \"a/../../b.md\""},
        {R"({"slug": "x", "title": "T", "file": "a/.."})", "posts[1].file: must not contain \"..\", got \"a/..\""},
        {R"({"slug": "x", "title": "T", "file": "/etc/passwd"})",
         "posts[1].file: must be a relative path, not start with \"/\", got \"/etc/passwd\""},
        {R"({"slug": "x", "title": "T", "file": "//evil.example/x.md"})",
         "posts[1].file: must be a relative path, not start with \"/\", got \"//evil.example/x.md\""},
        {R"({"slug": "x", "title": "T", "file": "https://evil.example/x.md"})",
         "posts[1].file: must be a relative path without a scheme, got \"https://evil.example/x.md\""},
        {R"j({"slug": "x", "title": "T", "file": "javascript:alert(1)"})j",
         "posts[1].file: must be a relative path without a scheme, got \"javascript:alert(1)\""},
        {R"({"slug": "x", "title": "T", "file": "a\\b.md"})", "posts[1].file: must use \"/\" between folders, got \"a\\\\b.md\""},
        {R"({"slug": "x", "title": "T", "file": "x.md?raw=1"})", "posts[1].file: must not contain \"?\" or \"#\", got \"x.md?raw=1\""},
        {R"({"slug": "x", "title": "T", "file": ""})", "posts[1].file: must not be empty, got \"\""},
    };
    for (const Case& c : cases) {
        INFO(c.entry);
        SiteIndex site = parse_posts(std::string(R"({"slug": "ok", "title": "OK"}, )") + c.entry +
                                     R"(, {"slug": "after", "title": "After"})");
        CHECK(site.problems == std::vector<std::string>{c.problem});
        CHECK(slugs(index_listed(site)) == std::vector<std::string>{"ok", "after"});
    }
}

TEST_CASE("index: names with dots that are not \"..\" are allowed files") {
    SiteIndex site = parse_posts(R"(
        {"slug": "a", "title": "A", "file": "2022/x..y.md"},
        {"slug": "b", "title": "B", "file": "./b.md"},
        {"slug": "c", "title": "C", "file": ".../c.md"})");
    CHECK(site.problems.empty());
    CHECK(site.find("a")->file == "2022/x..y.md");
    CHECK(site.find("b")->file == "./b.md");
    CHECK(site.find("c")->file == ".../c.md");
}

TEST_CASE("index: every bad entry is reported, in file order, and the good ones are kept") {
    SiteIndex site = parse_posts(R"(
        {"slug": "a", "title": "A", "date": "2022-01-01"},
        {"title": "no slug"},
        {"slug": "a", "title": "dup"},
        {"slug": "d", "title": "D", "date": "24/07/2022"},
        {"slug": "e", "title": "E", "date": "2022-01-02"})");
    CHECK(site.problems == std::vector<std::string>{
                               "posts[1].slug: missing (required)",
                               "posts[2].slug: \"a\" is already used by posts[0]",
                               "posts[3].date: expected RFC 3339 date, got \"24/07/2022\"",
                           });
    CHECK(slugs(site.posts) == std::vector<std::string>{"e", "a"});
    CHECK(site.find("a")->title == "A");
    CHECK(site.find("d") == nullptr);
}

TEST_CASE("index: a bad site field is reported and the posts are kept") {
    SiteIndex site = parse_ok(R"({"title": 3, "author": null, "unsafeHtml": "yes",
                                  "posts": [{"slug": "a", "title": "A"}]})");
    CHECK(site.problems == std::vector<std::string>{
                               "title: expected a string, got 3",
                               "author: expected a string, got null",
                               "unsafeHtml: expected true or false, got \"yes\"",
                           });
    CHECK(site.title.empty());
    CHECK_FALSE(site.unsafe_html);
    CHECK(site.posts.size() == 1);
    SECTION("the site may opt in to raw HTML") {
        CHECK(parse_ok(R"({"unsafeHtml": true, "posts": []})").unsafe_html);
    }
}

TEST_CASE("index: \"rawHtml\": \"sanitize\" keeps raw HTML made safe; a bad value omits it with a problem") {
    CHECK(parse_ok(R"({"rawHtml": "sanitize", "posts": []})").sanitize_html);
    CHECK_FALSE(parse_ok(R"({"rawHtml": "omit", "posts": []})").sanitize_html);
    CHECK_FALSE(parse_ok(R"({"posts": []})").sanitize_html);
    SiteIndex bad = parse_ok(R"({"rawHtml": "unsafe", "posts": []})");
    CHECK_FALSE(bad.sanitize_html);
    CHECK(bad.problems ==
          std::vector<std::string>{"rawHtml: expected \"omit\" or \"sanitize\", got \"unsafe\"; raw HTML is omitted"});
}

TEST_CASE("index: \"search\" names a manifest beside the index; one elsewhere turns full-text search off with a problem") {
    CHECK(parse_ok(R"({"search": "search/manifest.json", "posts": []})").search == "search/manifest.json");
    CHECK(parse_ok(R"({"posts": []})").search.empty());
    for (const char* bad : {R"("https://elsewhere.example/m.json")", R"("../../m.json")", R"("/m.json")", "true"}) {
        SiteIndex site = parse_ok(std::string(R"({"search": )") + bad + R"(, "posts": []})");
        CHECK(site.search.empty());
        REQUIRE(site.problems.size() == 1);
        CHECK(site.problems[0].rfind("search: ", 0) == 0);
        CHECK(site.problems[0].find("; full-text search is off") != std::string::npos);
    }
}

TEST_CASE("index: a long value is shortened in the message") {
    std::string slug(80, 'x');
    slug += " y";
    SiteIndex site = parse_posts(R"({"slug": ")" + slug + R"(", "title": "T"})");
    REQUIRE(site.problems.size() == 1);
    // The JSON text of the value, cut to 57 characters and "...".
    CHECK(site.problems[0] == "posts[0].slug: expected letters, digits, \"-\", \"_\" or \".\", got \"" +
                                  std::string(56, 'x') + "...");
}

TEST_CASE("index: a file that is not valid JSON fails with the file, line and column") {
    SECTION("a stray comma on line 3") {
        // Column 18 is the second comma.
        CHECK(parse_error("{\n  \"posts\": [\n    {\"slug\": \"a\",, }\n  ]\n}") ==
              "posts/index.json: not valid JSON at line 3, column 18: syntax error while parsing object key - "
              "unexpected ','; expected string literal");
    }
    SECTION("a trailing comma in an array") {
        CHECK(parse_error("{\"posts\": [\n{\"slug\": \"a\", \"title\": \"A\"},\n]}") ==
              "posts/index.json: not valid JSON at line 3, column 1: syntax error while parsing value - "
              "unexpected ']'; expected '[', '{', or a literal");
    }
    SECTION("a file cut short") {
        CHECK(parse_error("{\"posts\": [") ==
              "posts/index.json: not valid JSON at line 1, column 12: syntax error while parsing value - "
              "unexpected end of input; expected '[', '{', or a literal");
    }
    SECTION("the error's code is json, and the name given is the one used") {
        auto r = index_parse("nope", "blog/index.json");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "json");
        CHECK(r.error().message.rfind("blog/index.json: not valid JSON at line 1, column ", 0) == 0);
    }
}

TEST_CASE("index: a file without an object at the top or a posts array fails as a whole") {
    SECTION("an array at the top") {
        CHECK(parse_error("[{\"slug\": \"a\"}]") == "posts/index.json: expected a JSON object at the top, got an array");
    }
    SECTION("a string at the top") {
        CHECK(parse_error("\"posts\"") == "posts/index.json: expected a JSON object at the top, got \"posts\"");
    }
    SECTION("no posts") {
        CHECK(parse_error("{\"title\": \"T\"}") == "posts/index.json: \"posts\" is missing: expected an array of posts");
    }
    SECTION("posts is not an array") {
        CHECK(parse_error("{\"posts\": {\"a\": {}}}") ==
              "posts/index.json: \"posts\": expected an array of posts, got an object");
        CHECK(parse_error("{\"posts\": null}") == "posts/index.json: \"posts\": expected an array of posts, got null");
    }
    SECTION("the error's code is schema") {
        auto r = index_parse("{}", "posts/index.json");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "schema");
    }
    SECTION("an empty posts array is a valid, empty blog") {
        SiteIndex site = parse_ok("{\"posts\": []}");
        CHECK(site.posts.empty());
        CHECK(site.problems.empty());
    }
}

TEST_CASE("index: an invalid UTF-8 byte in a title costs one character, reported with its entry") {
    const std::string json = "{\"title\": \"Blog\", \"posts\": [\n"
                             " {\"slug\": \"a\", \"title\": \"Caf\xE9 notes\", \"date\": \"2022-07-24\"},\n"
                             " {\"slug\": \"b\", \"title\": \"Fine\", \"date\": \"2022-07-23\", \"tags\": [\"ok\", \"x\xC0\xAFy\"]}\n"
                             "]}";
    SiteIndex site = parse_ok(json);
    REQUIRE(site.posts.size() == 2);
    CHECK(site.posts[0].title == "Caf\xEF\xBF\xBD notes");
    CHECK(site.posts[1].tags[1] == "x\xEF\xBF\xBD\xEF\xBF\xBDy");  // an overlong '/' is two bad bytes
    CHECK(site.skipped_entries == 0);
    CHECK(site.problems ==
          std::vector<std::string>{"posts[0].title: not valid UTF-8; the bad bytes are shown as \xEF\xBF\xBD",
                                   "posts[1].tags[1]: not valid UTF-8; the bad bytes are shown as \xEF\xBF\xBD"});
}

TEST_CASE("index: invalid UTF-8 outside any field we read is reported with its line") {
    SiteIndex site = parse_ok("{\"posts\": [],\n \"x\xFF\": 1}");
    CHECK(site.problems == std::vector<std::string>{
                               "posts/index.json: not valid UTF-8 at line 2; the bad bytes were replaced"});
}

TEST_CASE("index: an index over the size limit fails with its size, before it is parsed") {
    std::string big = "{\"posts\": [], \"pad\": \"" + std::string(kMaxIndexBytes, 'x') + "\"}";
    auto r = index_parse(big, "posts/index.json");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "too-large");
    CHECK(r.error().message == "posts/index.json: the index is 64.0 MB, more than the 64.0 MB an index may have");
}

TEST_CASE("index: a U+FFFD written in the file is not taken for a repaired byte") {
    const std::string json = "{\"posts\": [\n"
                             " {\"slug\": \"a\", \"title\": \"Replacement \xEF\xBF\xBD char, on purpose\"},\n"
                             " {\"slug\": \"b\", \"title\": \"Bad \xFF byte\"}\n"
                             "]}";
    SiteIndex site = parse_ok(json);
    REQUIRE(site.posts.size() == 2);
    CHECK(site.find("a")->title == "Replacement \xEF\xBF\xBD char, on purpose");
    CHECK(site.find("b")->title == "Bad \xEF\xBF\xBD byte");
    CHECK(site.problems ==
          std::vector<std::string>{"posts[1].title: not valid UTF-8; the bad bytes are shown as \xEF\xBF\xBD"});
}

TEST_CASE("index: the site's language is a language tag, \"en\" unless the index says") {
    CHECK(parse_ok(R"({"posts": []})").language == "en");
    CHECK(parse_ok(R"({"language": "pt-BR", "posts": []})").language == "pt-BR");
    CHECK(parse_ok(R"({"language": "zh-Hant-TW", "posts": []})").language == "zh-Hant-TW");
    CHECK(parse_ok(R"({"language": "es-419", "posts": []})").language == "es-419");
    SECTION("anything else is a problem, and the screens stay in English") {
        for (const char* bad : {R"("")", R"("en_US")", R"("e n")", R"("en-")", R"("1en")", R"("\"><script>")",
                                R"("abcdefghi")", "3", "null"}) {
            INFO(bad);
            SiteIndex site = parse_ok(std::string(R"({"language": )") + bad + R"(, "posts": [{"slug": "a", "title": "A"}]})");
            CHECK(site.language == "en");
            REQUIRE(site.problems.size() == 1);
            CHECK(site.problems[0].rfind("language: expected a language tag such as \"en\" or \"pt-BR\", got ", 0) == 0);
            CHECK(site.posts.size() == 1);
        }
    }
}

TEST_CASE("index: the menu is the index's \"menu\", each bad entry left out with a problem") {
    SECTION("no menu: the default (none given)") {
        CHECK_FALSE(parse_ok(R"({"posts": []})").menu.has_value());
    }
    SECTION("a custom menu, in order") {
        SiteIndex site = parse_ok(R"({"menu": [{"name": "Archive", "url": "#/archive"},
            {"name": "About", "url": "/about/", "weight": 3}], "posts": []})");
        REQUIRE(site.menu.has_value());
        REQUIRE(site.menu->size() == 2);
        CHECK((*site.menu)[0].name == "Archive");
        CHECK((*site.menu)[0].url == "#/archive");
        CHECK((*site.menu)[1].url == "/about/");
        CHECK(site.problems.empty());
    }
    SECTION("bad entries and script URLs are problems; the good entries stay") {
        SiteIndex site = parse_ok(R"J({"menu": [
            {"name": "Ok", "url": "#/tags"},
            "Archive",
            {"name": "No URL"},
            {"name": "", "url": "#/"},
            {"name": "Script", "url": "javascript:alert(1)"},
            {"name": "Hidden script", "url": " JaVa\tScRiPt:alert(1)"},
            {"name": "Data", "url": "data:text/html,<script>alert(1)</script>"},
            {"name": 3, "url": "#/"},
            {"name": "Fine", "url": "https://example.com/"}
        ], "posts": [{"slug": "a", "title": "A"}]})J");
        REQUIRE(site.menu.has_value());
        REQUIRE(site.menu->size() == 2);
        CHECK((*site.menu)[0].name == "Ok");
        CHECK((*site.menu)[1].name == "Fine");
        CHECK(site.problems == std::vector<std::string>{
                                   "menu[1]: expected an object with \"name\" and \"url\", got \"Archive\"",
                                   "menu[2].url: missing (required)",
                                   "menu[3].name: must not be empty",
                                   "menu[4].url: only http:, https:, mailto:, tel: and relative URLs are allowed, got \"javascript:alert(1)\"",
                                   "menu[5].url: only http:, https:, mailto:, tel: and relative URLs are allowed, got \" JaVa\\tScRiPt:alert(1)\"",
                                   "menu[6].url: only http:, https:, mailto:, tel: and relative URLs are allowed, got \"data:text/html,<script>alert(1)</script>\"",
                                   "menu[7].name: expected a string, got 3",
                               });
        CHECK(site.skipped_entries == 0);  // no post was left out
        CHECK(site.posts.size() == 1);
    }
    SECTION("a menu that is not an array is a problem, and the default menu stays") {
        SiteIndex site = parse_ok(R"({"menu": {"name": "A", "url": "#/"}, "posts": []})");
        CHECK_FALSE(site.menu.has_value());
        CHECK(site.problems == std::vector<std::string>{
                                   "menu: expected an array of {\"name\", \"url\"} objects, got an object; the default menu is shown"});
    }
}

TEST_CASE("index: PaperMod's site options (homeInfo, copyright, defaultTheme, showPageNums)") {
    SECTION("defaults") {
        SiteIndex site = parse_ok(R"J({"posts": []})J");
        CHECK_FALSE(site.home_info);
        CHECK(site.copyright.empty());
        CHECK(site.default_theme == "auto");
        CHECK_FALSE(site.show_page_nums);
    }
    SECTION("read") {
        SiteIndex site = parse_ok(R"J({"homeInfo": {"title": "Hi", "content": "About <me>",
            "socialIcons": [{"name": "github", "url": "https://github.com/x"}, {"name": "bad", "url": "javascript:alert(1)"},
                            {"name": "email"}]},
            "copyright": "© 2024 Me", "defaultTheme": "dark", "showPageNums": true, "posts": []})J");
        REQUIRE(site.home_info);
        CHECK(site.home_info->title == "Hi");
        CHECK(site.home_info->content == "About <me>");
        REQUIRE(site.home_info->social_icons.size() == 1);
        CHECK(site.home_info->social_icons[0].url == "https://github.com/x");
        CHECK(site.problems == std::vector<std::string>{
                                   "homeInfo.socialIcons[1].url: only http:, https:, mailto:, tel: and relative URLs are allowed, got \"javascript:alert(1)\"",
                                   "homeInfo.socialIcons[2].url: missing (required)"});
        CHECK(site.copyright == "© 2024 Me");
        CHECK(site.default_theme == "dark");
        CHECK(site.show_page_nums);
    }
    SECTION("bad values are problems, never failures") {
        SiteIndex site = parse_ok(R"J({"homeInfo": "hi", "copyright": 3, "defaultTheme": "blue", "showPageNums": "yes",
                                      "showToc": 1, "posts": [{"slug": "a", "title": "A"}]})J");
        CHECK_FALSE(site.home_info);
        CHECK(site.default_theme == "auto");
        CHECK_FALSE(site.show_page_nums);
        CHECK_FALSE(site.switches.show_toc);  // PaperMod's default stays
        CHECK(site.posts.size() == 1);
        CHECK(site.skipped_entries == 0);
        CHECK(site.problems == std::vector<std::string>{
                                   "homeInfo: expected an object with \"title\", \"content\" and \"socialIcons\", got \"hi\"; ignored",
                                   "copyright: expected a string, got 3",
                                   "defaultTheme: expected \"auto\", \"light\" or \"dark\", got \"blue\"; \"auto\" is used",
                                   "showPageNums: expected true or false, got \"yes\"; ignored",
                                   "showToc: expected true or false, got 1; ignored"});
    }
}

TEST_CASE("index: the per-post switches, the site's values and each post's override") {
    SiteIndex site = parse_ok(R"J({"showReadingTime": false, "showCodeCopyButtons": true, "showToc": true, "posts": [
        {"slug": "a", "title": "A"},
        {"slug": "b", "title": "B", "showReadingTime": true, "showToc": false, "tocOpen": true, "showWordCount": false,
         "showPostNavLinks": false, "showBreadCrumbs": false, "showCodeCopyButtons": false},
        {"slug": "c", "title": "C", "tocOpen": "yes"}]})J");
    SECTION("defaults: PaperMod's, every switch off") {
        const PostSwitches d;
        CHECK_FALSE(d.show_toc);
        CHECK_FALSE(d.toc_open);
        CHECK_FALSE(d.show_reading_time);
        CHECK_FALSE(d.show_word_count);
        CHECK_FALSE(d.show_post_nav_links);
        CHECK_FALSE(d.show_bread_crumbs);
        CHECK_FALSE(d.show_code_copy_buttons);
        const SiteIndex bare = parse_ok(R"J({"posts": [{"slug": "a", "title": "A"}]})J");
        const PostSwitches a = index_post_switches(bare, bare.posts[0]);
        for (const PostSwitchField& f : kPostSwitchFields) {
            INFO(f.name);
            CHECK_FALSE(bare.switches.*f.site);
            CHECK_FALSE(a.*f.site);
        }
    }
    SECTION("the index's names are PaperMod's params with a lower-case first letter") {
        std::vector<std::string> names;
        for (const PostSwitchField& f : kPostSwitchFields) names.push_back(f.name);
        CHECK(names == std::vector<std::string>{"showToc", "tocOpen", "showReadingTime", "showWordCount",
                                                "showPostNavLinks", "showBreadCrumbs", "showCodeCopyButtons", "math"});
    }
    const PostSwitches a = index_post_switches(site, *site.find("a"));
    CHECK_FALSE(a.show_reading_time);
    CHECK(a.show_code_copy_buttons);
    CHECK(a.show_toc);
    const PostSwitches b = index_post_switches(site, *site.find("b"));
    CHECK(b.show_reading_time);
    CHECK_FALSE(b.show_toc);
    CHECK(b.toc_open);
    CHECK_FALSE(b.show_word_count);
    CHECK_FALSE(b.show_post_nav_links);
    CHECK_FALSE(b.show_bread_crumbs);
    CHECK_FALSE(b.show_code_copy_buttons);
    CHECK_FALSE(index_post_switches(site, *site.find("c")).toc_open);
    CHECK_FALSE(index_post_switches(site, *site.find("c")).show_word_count);  // neither the site nor the post sets it
    CHECK(site.problems == std::vector<std::string>{"posts[2].tocOpen: expected true or false, got \"yes\"; ignored"});
}

TEST_CASE("index: description, weight and cover of a post: a bad one is ignored and the post kept") {
    SiteIndex site = parse_posts(R"J(
        {"slug": "new", "title": "New", "date": "2022-07-24", "description": "What it is"},
        {"slug": "old", "title": "Old", "date": "2020-01-01", "weight": 2,
         "cover": {"image": "img/c.png", "alt": "A cat", "caption": "Photo: me"}},
        {"slug": "first", "title": "First", "date": "2019-01-01", "weight": 1},
        {"slug": "neg", "title": "Neg", "date": "2018-01-01", "weight": -1},
        {"slug": "undated", "title": "Undated"},
        {"slug": "bad", "title": "Bad", "date": "2021-01-01", "weight": 1.5, "description": 7,
         "cover": {"image": "javascript:alert(1)"}},
        {"slug": "nocover", "title": "No cover", "date": "2021-01-02", "cover": "x.png"})J");
    SECTION("Hugo's order: a weight first, lower first, then newest first") {
        CHECK(slugs(site.posts) == std::vector<std::string>{"neg", "first", "old", "new", "nocover", "bad", "undated"});
        CHECK(slugs(index_listed(site)) == slugs(site.posts));
    }
    const Post& old = *site.find("old");
    REQUIRE(old.cover);
    CHECK(old.cover->image == "img/c.png");
    CHECK(old.cover->alt == "A cat");
    CHECK(old.cover->caption == "Photo: me");
    CHECK(site.find("new")->description == "What it is");
    CHECK_FALSE(site.find("bad")->cover);
    CHECK(site.find("bad")->weight == 0);
    CHECK(site.skipped_entries == 0);
    CHECK(site.problems == std::vector<std::string>{
                               "posts[5].description: expected a string, got 7; ignored",
                               "posts[5].weight: expected a whole number, got 1.5; ignored",
                               "posts[5].cover.image: only http:, https:, relative and data:image/{png,gif,jpeg,webp} URLs are allowed, got \"javascript:alert(1)\"; ignored",
                               "posts[6].cover: expected an object with a non-empty \"image\", got \"x.png\"; ignored"});
}

TEST_CASE("index: a post's categories are read like tags, but a bad one is a problem and the post stays") {
    SiteIndex site = parse_posts(R"J(
        {"slug": "a", "title": "A", "date": "2022-07-03", "categories": ["notes", "go"], "tags": ["go"]},
        {"slug": "b", "title": "B", "date": "2022-07-02", "categories": ["notes", "", 3, "trips"]},
        {"slug": "c", "title": "C", "date": "2022-07-01", "categories": "notes"},
        {"slug": "d", "title": "D", "hidden": true, "categories": ["notes"]})J");
    CHECK(site.posts.size() == 4);
    CHECK(site.skipped_entries == 0);
    CHECK(site.find("a")->categories == std::vector<std::string>{"notes", "go"});
    CHECK(site.find("b")->categories == std::vector<std::string>{"notes", "trips"});
    CHECK(site.find("c")->categories.empty());
    CHECK(site.problems == std::vector<std::string>{
                               "posts[1].categories[1]: expected a non-empty string, got \"\"; left out",
                               "posts[1].categories[2]: expected a non-empty string, got 3; left out",
                               "posts[2].categories: expected an array of strings, got \"notes\"; ignored"});
    SECTION("a category's posts, hidden ones included, as a tag's") {
        CHECK(slugs(index_listed(site, Taxonomy::Categories, "notes")) == std::vector<std::string>{"a", "b", "d"});
        CHECK(slugs(index_listed(site, Taxonomy::Categories, "go")) == std::vector<std::string>{"a"});
        CHECK(slugs(index_listed(site, Taxonomy::Tags, "go")) == std::vector<std::string>{"a"});
        CHECK(index_listed(site, Taxonomy::Tags, "notes").empty());
        CHECK(slugs(index_listed(site, Taxonomy::Categories, "")) == slugs(index_listed(site)));
        CHECK(index_post_terms(*site.find("a"), Taxonomy::Tags) == std::vector<std::string>{"go"});
        CHECK(index_post_terms(*site.find("a"), Taxonomy::Categories) == site.find("a")->categories);
    }
}

// The reader goes from nlohmann's SAX events straight into the posts (no tree
// of the file): the cases below pin what a tree gave for free.

TEST_CASE("index: a post's keys may come in any order, and its first problem is the same whatever the order") {
    SiteIndex site = parse_posts(R"(
        {"date": "2022-07-24", "truncated": false, "summary": "S", "title": "T", "slug": "z"},
        {"date": "24/07/2022", "title": 3, "slug": "x"},
        {"tags": ["go", 3], "file": "/x", "title": "T", "slug": "y"})");
    REQUIRE(site.posts.size() == 1);
    const Post& z = site.posts[0];
    CHECK(z.slug == "z");
    CHECK(z.title == "T");
    REQUIRE(z.summary);
    CHECK(*z.summary == "S");
    CHECK_FALSE(z.truncated);
    REQUIRE(z.date);
    CHECK(date_format_rfc3339(*z.date) == "2022-07-24");
    // slug, title, ..., date, file, tags: the title before the date, the file before the tags.
    CHECK(site.problems == std::vector<std::string>{"posts[1].title: expected a string, got 3",
                                                    "posts[2].file: must be a relative path, not start with \"/\", got \"/x\""});
    CHECK(site.skipped_entries == 2);
}

TEST_CASE("index: a key given twice keeps its last value, as nlohmann's tree does") {
    SECTION("in a post") {
        SiteIndex site = parse_posts(R"(
            {"slug": "a", "title": "First", "title": "Second", "tags": [1], "tags": ["go"],
             "cover": {"image": "a.png", "alt": "A"}, "cover": {"image": "b.png"}, "weight": "x", "weight": 3},
            {"slug": "b", "slug": 5, "title": "T"})");
        REQUIRE(site.posts.size() == 1);
        const Post& a = site.posts[0];
        CHECK(a.title == "Second");
        CHECK(a.tags == std::vector<std::string>{"go"});
        REQUIRE(a.cover);
        CHECK(a.cover->image == "b.png");
        CHECK(a.cover->alt.empty());  // not the first cover's
        CHECK(a.weight == 3);
        CHECK(site.problems == std::vector<std::string>{"posts[1].slug: expected a string, got 5"});
    }
    SECTION("in the site's fields and the menu") {
        SiteIndex site = parse_ok(R"({"title": "One", "title": "Two",
            "menu": [{"name": "A", "name": "B", "url": "#/"}], "posts": []})");
        CHECK(site.title == "Two");
        REQUIRE(site.menu);
        REQUIRE(site.menu->size() == 1);
        CHECK((*site.menu)[0].name == "B");
    }
    SECTION("\"posts\" twice: the last array only, with its own problems and slugs") {
        SiteIndex site = parse_ok(R"({"posts": [{"slug": "a", "title": "A"}, {"slug": 1}],
                                      "posts": [{"slug": "b", "title": "B"}, {"slug": "a", "title": "A again"}]})");
        CHECK(slugs(site.posts) == std::vector<std::string>{"b", "a"});
        CHECK(site.find("a")->title == "A again");
        CHECK(site.find("a")->position == 1);
        CHECK(site.problems.empty());
        CHECK(site.skipped_entries == 0);
        CHECK(parse_ok(R"({"posts": {}, "posts": []})").posts.empty());
        CHECK(parse_error(R"({"posts": [], "posts": {}})") ==
              "posts/index.json: \"posts\": expected an array of posts, got an object");
    }
}

TEST_CASE("index: unknown fields are skipped whatever they hold, and keys are read unescaped") {
    SiteIndex site = parse_ok(R"({"theme": {"posts": [{"slug": "no"}]}, "x": [[{"title": 1}]],
        "posts": [{"slug": "a", "title": "A", "extra": {"slug": "inner", "tags": [1, {"x": [[]]}]},
                   "more": [{"title": 5}], "cover": {"image": "x.png", "meta": {"alt": 3}, "alt": "Alt"}},
                  {"\u0073lug": "b", "t\u0069tle": "B"}]})");
    CHECK(site.problems.empty());
    REQUIRE(site.posts.size() == 2);
    const Post& a = *site.find("a");
    CHECK(a.title == "A");
    CHECK(a.tags.empty());
    REQUIRE(a.cover);
    CHECK(a.cover->image == "x.png");
    CHECK(a.cover->alt == "Alt");
    CHECK(site.find("b")->title == "B");
}

TEST_CASE("index: values nested 100,000 deep are skipped or named, never walked") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    std::string deep_object;
    for (int i = 0; i < 100000; ++i) deep_object += "{\"a\":";
    deep_object += "1" + std::string(100000, '}');
    SiteIndex site = parse_ok("{\"pad\": " + deep_object + ", \"menu\": [" + deep + "], \"homeInfo\": {\"title\": " + deep +
                              "}, \"posts\": [" + deep + ", {\"slug\": \"a\", \"title\": \"A\", \"extra\": " + deep +
                              "}, {\"slug\": \"b\", \"title\": \"B\", \"tags\": [\"go\", " + deep + "]}]}");
    CHECK(slugs(site.posts) == std::vector<std::string>{"a"});
    CHECK(site.problems == std::vector<std::string>{
                               "menu[0]: expected an object with \"name\" and \"url\", got an array",
                               "homeInfo.title: expected a string, got an array; ignored",
                               "posts[0]: expected an object, got an array",
                               "posts[2].tags: [1]: expected a non-empty string, got an array"});
    SECTION("with a bad byte at the bottom, named by its whole path") {
        const std::string bad = std::string(100000, '[') + "\"x\xFF\"" + std::string(100000, ']');
        SiteIndex repaired = parse_ok("{\"pad\": " + bad + ", \"posts\": [{\"slug\": \"a\", \"title\": \"A\"}]}");
        std::string path = "pad";
        for (int i = 0; i < 100000; ++i) path += "[0]";
        CHECK(repaired.posts.size() == 1);
        REQUIRE(repaired.problems.size() == 1);
        CHECK(repaired.problems[0] == path + ": not valid UTF-8; the bad bytes are shown as \xEF\xBF\xBD");
    }
}

TEST_CASE("index: numbers where whole numbers, booleans or strings are expected") {
    SiteIndex site = parse_posts(R"(
        {"slug": "a", "title": "A", "weight": 2.0},
        {"slug": "b", "title": "B", "weight": 1e2},
        {"slug": "c", "title": "C", "weight": 9223372036854775807},
        {"slug": "d", "title": "D", "truncated": 1.0},
        {"slug": "e", "title": "E", "hidden": -0.0},
        {"slug": 1.5, "title": "F"},
        {"slug": "g", "title": "G", "date": 12345678901234567890})");
    CHECK(site.find("a")->weight == 0);
    CHECK(site.find("b")->weight == 0);
    CHECK(site.find("c")->weight == 9223372036854775807LL);
    CHECK(site.problems == std::vector<std::string>{
                               "posts[0].weight: expected a whole number, got 2.0; ignored",
                               "posts[1].weight: expected a whole number, got 100.0; ignored",
                               "posts[3].truncated: expected true or false, got 1.0",
                               "posts[4].hidden: expected true or false, got -0.0",
                               "posts[5].slug: expected a string, got 1.5",
                               "posts[6].date: expected a string, got 12345678901234567890"});
}

TEST_CASE("index: entries that are not objects, and a \"posts\" that is not an array") {
    SiteIndex site = parse_posts(R"(3.5, true, {}, [[{"slug": "in", "title": "Array"}]], {"slug": "a", "title": "A"})");
    CHECK(slugs(site.posts) == std::vector<std::string>{"a"});
    CHECK(site.find("a")->position == 4);
    CHECK(site.problems == std::vector<std::string>{"posts[0]: expected an object, got 3.5",
                                                    "posts[1]: expected an object, got true",
                                                    "posts[2].slug: missing (required)",
                                                    "posts[3]: expected an object, got an array"});
    CHECK(site.skipped_entries == 4);
    CHECK(parse_error(R"({"posts": "all"})") == "posts/index.json: \"posts\": expected an array of posts, got \"all\"");
    CHECK(parse_error(R"({"posts": 3})") == "posts/index.json: \"posts\": expected an array of posts, got 3");
    CHECK(parse_error(R"({"posts": true})") == "posts/index.json: \"posts\": expected an array of posts, got true");
}

TEST_CASE("index: a cover's and categories' values of every shape") {
    SiteIndex site = parse_posts(R"(
        {"slug": "a", "title": "A", "cover": {"image": ["x.png"]}},
        {"slug": "b", "title": "B", "cover": {"alt": "x"}},
        {"slug": "c", "title": "C", "cover": {"image": "c.png", "alt": {"t": 1}, "caption": [2]}},
        {"slug": "d", "title": "D", "categories": [["x"], {"y": 1}, "ok"]},
        {"slug": "e", "title": "E", "cover": null, "categories": {}})");
    CHECK(site.posts.size() == 5);
    CHECK_FALSE(site.find("a")->cover);
    REQUIRE(site.find("c")->cover);
    CHECK(site.find("c")->cover->alt.empty());
    CHECK(site.find("d")->categories == std::vector<std::string>{"ok"});
    CHECK(site.problems == std::vector<std::string>{
                               "posts[0].cover: expected an object with a non-empty \"image\", got an object; ignored",
                               "posts[1].cover: expected an object with a non-empty \"image\", got an object; ignored",
                               "posts[2].cover.alt: expected a string, got an object; ignored",
                               "posts[2].cover.caption: expected a string, got an array; ignored",
                               "posts[3].categories[0]: expected a non-empty string, got an array; left out",
                               "posts[3].categories[1]: expected a non-empty string, got an object; left out",
                               "posts[4].cover: expected an object with a non-empty \"image\", got null; ignored",
                               "posts[4].categories: expected an array of strings, got an object; ignored"});
}

TEST_CASE("index: very long strings are kept whole and shortened only in messages") {
    const std::string summary(1 << 20, 's');
    const std::string slug = std::string(100000, 'x') + " y";
    SiteIndex site = parse_posts(R"({"slug": "a", "title": "A", "summary": ")" + summary + R"("},
                                    {"slug": ")" + slug + R"(", "title": "T"})");
    REQUIRE(site.posts.size() == 1);
    REQUIRE(site.posts[0].summary);
    CHECK(*site.posts[0].summary == summary);
    CHECK(site.problems == std::vector<std::string>{"posts[1].slug: expected letters, digits, \"-\", \"_\" or \".\", got \"" +
                                                    std::string(56, 'x') + "..."});
}

TEST_CASE("index: invalid UTF-8 is named per field in the order of the file") {
    SECTION("a post's fields, and fields the index does not read") {
        SiteIndex site = parse_ok("{\"theme\": [\"\xC0\"], \"posts\": [{\"slug\": \"a\", \"title\": \"Caf\xE9\", "
                                  "\"summary\": \"bad \xFF\", \"extra\": {\"note\": \"x\xFFy\"}}], \"title\": \"T\xFF\"}");
        REQUIRE(site.posts.size() == 1);
        CHECK(site.title == "T\xEF\xBF\xBD");
        CHECK(site.posts[0].title == "Caf\xEF\xBF\xBD");
        CHECK(*site.posts[0].summary == "bad \xEF\xBF\xBD");
        CHECK(site.problems == std::vector<std::string>{
                                   "theme[0]: not valid UTF-8; the bad bytes are shown as \xEF\xBF\xBD",
                                   "posts[0].title: not valid UTF-8; the bad bytes are shown as \xEF\xBF\xBD",
                                   "posts[0].summary: not valid UTF-8; the bad bytes are shown as \xEF\xBF\xBD",
                                   "posts[0].extra.note: not valid UTF-8; the bad bytes are shown as \xEF\xBF\xBD",
                                   "title: not valid UTF-8; the bad bytes are shown as \xEF\xBF\xBD"});
    }
    SECTION("a value replaced by a repeated key is named where its bytes were") {
        SiteIndex site = parse_ok("{\"posts\": [{\"slug\": \"a\", \"title\": \"bad \xFF\", \"title\": \"fine\"}]}");
        CHECK(site.posts[0].title == "fine");
        CHECK(site.problems == std::vector<std::string>{
                                   "posts[0].title: not valid UTF-8; the bad bytes are shown as \xEF\xBF\xBD"});
    }
    SECTION("bad bytes in a key only: the line is named") {
        SiteIndex site = parse_ok("{\"posts\": [{\"slug\": \"a\", \"title\": \"A\", \"x\xFF\": 1}]}");
        CHECK(site.problems == std::vector<std::string>{
                                   "posts/index.json: not valid UTF-8 at line 1; the bad bytes were replaced"});
    }
    SECTION("a repeated \"posts\" drops the notes of the array it replaces") {
        SiteIndex site = parse_ok("{\"posts\": [{\"slug\": \"a\", \"title\": \"\xFF\"}], \"title\": \"T\xFF\", "
                                  "\"posts\": [{\"slug\": \"b\", \"title\": \"B\xFF\"}]}");
        CHECK(site.problems == std::vector<std::string>{
                                   "title: not valid UTF-8; the bad bytes are shown as \xEF\xBF\xBD",
                                   "posts[0].title: not valid UTF-8; the bad bytes are shown as \xEF\xBF\xBD"});
    }
    SECTION("a top value that is not an object shows U+FFFD, never the reader's own mark") {
        CHECK(parse_error("\"caf\xE9\"") == "posts/index.json: expected a JSON object at the top, got \"caf\xEF\xBF\xBD\"");
    }
}

TEST_CASE("index: problems are given in the order of the file, site fields among the posts") {
    SiteIndex site = parse_ok(R"({"language": "!", "posts": [{"slug": 1}], "title": 3, "parts": 1,
                                  "posts2": [], "total": "x", "defaultTheme": "grey", "title": 4})");
    CHECK(site.problems == std::vector<std::string>{
                               "language: expected a language tag such as \"en\" or \"pt-BR\", got \"!\"",
                               "posts[0].slug: expected a string, got 1",
                               "parts: expected an array of file names (with \"total\"), got 1",
                               "total: expected how many posts the home list shows in all (a whole number), got \"x\"; "
                               "the posts of this file are all that is shown",
                               "defaultTheme: expected \"auto\", \"light\" or \"dark\", got \"grey\"; \"auto\" is used",
                               "title: expected a string, got 4"});
}

TEST_CASE("index: a syntax error anywhere fails the whole file, even after the posts were read") {
    CHECK(parse_error("{\"posts\": []} x") ==
          "posts/index.json: not valid JSON at line 1, column 15: syntax error while parsing value - invalid literal; "
          "last read: '\"posts\": []} x'; expected end of input");
    CHECK(parse_error("{\"posts\": [{\"slug\": \"a\", \"title\": \"A\"},\n  {\"slug\": 1 2}]}") ==
          "posts/index.json: not valid JSON at line 2, column 14: syntax error while parsing object - unexpected number "
          "literal; expected '}'");
    CHECK(parse_error(R"({"posts": [{"slug": "a", "title": "\ud800"}]})") ==
          "posts/index.json: not valid JSON at line 1, column 42: syntax error while parsing value - invalid string: "
          "surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud800\"'");
}

// The reader of index.json is our own (core/index/json_reader.hpp); the cases
// below pin where it reports a syntax error and how it reads numbers and
// escapes, as nlohmann's parser before it did.

TEST_CASE("index: a syntax error names the line and the column of the byte that failed") {
    struct Case {
        const char* json;
        const char* message;
    };
    const Case cases[] = {
        {"", "line 1, column 1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a "
             "literal"},
        {"  \n ", "line 2, column 2: syntax error while parsing value - unexpected end of input; expected '[', '{', or a "
                  "literal"},
        {"{\"posts\": [],\n \"x\" 1}", "line 2, column 6: syntax error while parsing object separator - unexpected number "
                                     "literal; expected ':'"},
        {"{\"posts\": [1 2]}", "line 1, column 14: syntax error while parsing array - unexpected number literal; expected ']'"},
        {"{\"posts\": [], \"a\": tru}", "line 1, column 23: syntax error while parsing value - invalid literal; last "
                                      "read: '\"a\": tru}'"},
        {"{\"posts\": [], \"a\": \"x\ty\"}", "line 1, column 22: syntax error while parsing value - invalid string: "
                                            "control character U+0009 (HT) must be escaped to \\u0009 or \\t; last read: "
                                            "'\"x<U+0009>'"},
        {"{\"posts\": [], \"a\": \"\\x\"}", "line 1, column 22: syntax error while parsing value - invalid string: "
                                          "forbidden character after backslash; last read: '\"\\x'"},
        {"{\"posts\": [], \"a\": \"\\u12g4\"}", "line 1, column 25: syntax error while parsing value - invalid string: "
                                              "'\\u' must be followed by 4 hex digits; last read: '\"\\u12g'"},
        {"{\"posts\": [], \"a\": \"abc", "line 1, column 24: syntax error while parsing value - invalid string: missing "
                                       "closing quote; last read: '\"abc'"},
        {"{\"posts\": [], \"a\": -x}", "line 1, column 21: syntax error while parsing value - invalid number; expected "
                                     "digit after '-'; last read: '-x'"},
        {"{\"posts\": [], \"a\": 1.}", "line 1, column 22: syntax error while parsing value - invalid number; expected "
                                     "digit after '.'; last read: '1.}'"},
        {"{\"posts\": [], \"a\": 1e}", "line 1, column 22: syntax error while parsing value - invalid number; expected "
                                     "'+', '-', or digit after exponent; last read: '1e}'"},
        {"{\"posts\": [], \"a\": 01}", "line 1, column 21: syntax error while parsing object - unexpected number "
                                     "literal; expected '}'"},
        {"\xEF\xBF\xBD{}", "line 1, column 2: syntax error while parsing value - invalid BOM; must be 0xEF 0xBB 0xBF if "
                             "given; last read: '\xEF\xBF'"},
    };
    for (const Case& c : cases) {
        INFO(c.json);
        CHECK(parse_error(c.json) == std::string("posts/index.json: not valid JSON at ") + c.message);
    }
    SECTION("a number just before a newline: column 0, as nlohmann counted it") {
        CHECK(parse_error("{\"posts\": [1 2\n]}") ==
              "posts/index.json: not valid JSON at line 1, column 0: syntax error while parsing array - unexpected number "
              "literal; expected ']'");
    }
    SECTION("a BOM is skipped, a NUL byte ends the text") {
        CHECK(parse_ok("\xEF\xBB\xBF{\"posts\": []}").posts.empty());
        CHECK(parse_ok(std::string("{\"posts\": []}\0 trailing", 23)).posts.empty());
        CHECK(parse_error(std::string("{\"posts\": [\0]}", 14)) ==
              "posts/index.json: not valid JSON at line 1, column 12: syntax error while parsing value - unexpected end of "
              "input; expected '[', '{', or a literal");
    }
}

TEST_CASE("index: a lone surrogate escape is a syntax error, a pair is one character") {
    CHECK(parse_error(R"({"posts": [], "a": "\udc00"})") ==
          "posts/index.json: not valid JSON at line 1, column 26: syntax error while parsing value - invalid string: "
          "surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF; last read: '\"\\udc00'");
    CHECK(parse_error(R"({"posts": [], "a": "\ud800\u0041"})") ==
          "posts/index.json: not valid JSON at line 1, column 32: syntax error while parsing value - invalid string: "
          "surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud800\\u0041'");
    SiteIndex site = parse_posts(R"({"slug": "a", "title": "\ud83d\ude00 \u00e9\u0041\/\"\\\b\f\n\r\t"})");
    CHECK(site.posts[0].title == "\xF0\x9F\x98\x80 \xC3\xA9" "A/\"\\\b\f\n\r\t");
    SECTION("\\u0000 is kept in a string, and shown escaped in a message") {
        SiteIndex nul = parse_posts(R"({"slug": "a\u0000\u001f", "title": "T"})");
        CHECK(nul.problems == std::vector<std::string>{
                                  "posts[0].slug: expected letters, digits, \"-\", \"_\" or \".\", got \"a\\u0000\\u001f\""});
    }
}

TEST_CASE("index: containers nested deeper than the reader's limit fail the file with a message") {
    const std::string deep = std::string(kJsonMaxDepth, '[') + std::string(kJsonMaxDepth, ']');
    CHECK(parse_ok("{\"pad\": " + deep.substr(1, deep.size() - 2) + ", \"posts\": []}").posts.empty());
    CHECK(parse_error("{\"pad\": " + deep + ", \"posts\": []}") ==
          "posts/index.json: not valid JSON at line 1, column 1000008: syntax error while parsing value - more than "
          "1000000 arrays and objects inside one another");
}

TEST_CASE("index: integers beyond 64 bits and numbers beyond a double's range") {
    SiteIndex site = parse_posts(R"(
        {"slug": "a", "title": "A", "weight": -9223372036854775808},
        {"slug": "b", "title": "B", "weight": 18446744073709551615},
        {"slug": "c", "title": "C", "weight": 18446744073709551616},
        {"slug": "d", "title": "D", "weight": -10000000000000000000},
        {"slug": "e", "title": "E", "weight": -0},
        {"slug": "f", "title": "F", "weight": 1E-400, "description": 0.00012},
        {"slug": "g", "title": "G", "weight": 123456789012345e-20, "description": -1.5E+300})");
    CHECK(site.find("a")->weight == std::numeric_limits<long long>::min());
    CHECK(site.find("b")->weight == -1);  // as nlohmann's get<long long> of the unsigned value
    CHECK(site.find("e")->weight == 0);
    CHECK(site.problems == std::vector<std::string>{
                               "posts[2].weight: expected a whole number, got 1.8446744073709552e+19; ignored",
                               "posts[3].weight: expected a whole number, got -1e+19; ignored",
                               "posts[5].description: expected a string, got 0.00012; ignored",
                               "posts[5].weight: expected a whole number, got 0.0; ignored",
                               "posts[6].description: expected a string, got -1.5e+300; ignored",
                               "posts[6].weight: expected a whole number, got 1.23456789012345e-06; ignored"});
    SECTION("beyond a double's range: the file fails, naming the number where it ends") {
        CHECK(parse_error("{\"posts\": [],\n \"x\": 1.8e308}") ==
              "posts/index.json: not valid JSON at line 2, column 13: number overflow parsing '1.8e308'");
        CHECK(parse_ok("{\"posts\": [], \"x\": 1.7976931348623157e308}").posts.empty());
    }
}

TEST_CASE("index: a paged index gives its further files and total, and a part's posts follow those known") {
    auto r = index_parse(R"({"title": "Big", "total": 3, "parts": ["index-2.json", "more/index-3.json"],
        "posts": [{"slug": "a", "title": "A", "date": "2024-01-03"}]})", "posts/index.json");
    REQUIRE(r);
    SiteIndex site = std::move(r).value();
    CHECK(site.parts.files == std::vector<std::string>{"index-2.json", "more/index-3.json"});
    CHECK(site.parts.total == 3);
    CHECK_FALSE(site.whole());
    CHECK(site.problems.empty());

    auto part = index_parse(R"({"posts": [{"slug": "b", "title": "B", "date": "2024-01-02"},
        {"slug": "a", "title": "A again", "date": "2024-01-01"}]})", "posts/index-2.json");
    REQUIRE(part);
    index_append_part(site, std::move(part).value());
    CHECK(site.parts_merged == 1);
    REQUIRE(site.posts.size() == 2);
    CHECK(site.posts[1].slug == "b");
    CHECK(site.find("b") == &site.posts[1]);
    CHECK(site.find("a")->title == "A");
    CHECK(site.problems == std::vector<std::string>{
        "posts/index-2.json: post \"a\" left out: its slug is already used by a post listed before it"});
}

TEST_CASE("index: bad parts or total are named, and the index is then the one file") {
    auto r = index_parse(R"({"total": "many", "parts": ["../up.json", 3, "ok.json"], "posts": []})", "posts/index.json");
    REQUIRE(r);
    CHECK(r.value().parts.files.empty());
    CHECK(r.value().whole());
    CHECK(r.value().problems == std::vector<std::string>{
        "parts[0]: must not contain \"..\", got \"../up.json\"",
        "parts[1]: must be a string, got 3",
        "total: expected how many posts the home list shows in all (a whole number), got \"many\"; the posts of this "
        "file are all that is shown"});
}

namespace {

// `n` tags named "<prefix>0", "<prefix>1"… as a JSON array's elements.
std::string tag_list(size_t n, const std::string& prefix, size_t first = 0) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += (i ? ",\"" : "\"") + prefix + std::to_string(first + i) + "\"";
    return out;
}

}  // namespace

TEST_CASE("index: a post keeps its first 1,000 tags and categories, and the rest is a problem naming it") {
    static_assert(kMaxPostTerms == 1000);
    const std::string json = R"({"posts": [{"slug": "a", "title": "A"},)"
                             R"({"slug": "many", "title": "M", "tags": [)" + tag_list(1500, "t") + R"(, 3],)"
                             R"( "categories": [)" + tag_list(1001, "c") + "]}]}";
    const SiteIndex site = parse_ok(json);
    const Post* post = site.find("many");
    REQUIRE(post);
    REQUIRE(post->tags.size() == 1000);
    CHECK(post->tags.front() == "t0");
    CHECK(post->tags.back() == "t999");
    CHECK(post->categories.size() == 1000);
    CHECK(site.problems == std::vector<std::string>{
                               "posts[1].tags: 1501 tags, more than the 1000 a post may have; the first 1000 are kept",
                               "posts[1].categories: 1001 categories, more than the 1000 a post may have; the first 1000 are kept"});
    CHECK(site.skipped_entries == 0);
}

TEST_CASE("index: hasCJKLanguage and a post's isCJKLanguage decide the CJK counting rules") {
    SECTION("absent: CJK posts are detected") {
        SiteIndex site = parse_posts(R"({"slug": "a", "title": "A"})");
        CHECK(site.has_cjk_language);
        CHECK_FALSE(site.find("a")->cjk);
    }
    SECTION("a Hugo site's false, and a post's own value over it") {
        SiteIndex site = parse_ok(R"({"hasCJKLanguage": false, "posts": [
            {"slug": "a", "title": "A", "isCJKLanguage": true},
            {"slug": "b", "title": "B", "isCJKLanguage": "yes"}]})");
        CHECK_FALSE(site.has_cjk_language);
        CHECK(site.find("a")->cjk == std::optional<bool>(true));
        CHECK_FALSE(site.find("b")->cjk);
        CHECK(site.problems == std::vector<std::string>{"posts[1].isCJKLanguage: expected true or false, got \"yes\"; ignored"});
    }
}

TEST_CASE("index: \"i18n\" and \"dateFormat\" give the interface's words and dates in the site's language") {
    SECTION("English, \"January 2, 2006\", unless the index says") {
        SiteIndex site = parse_ok(R"J({"posts": []})J");
        CHECK(site.text.next == "Next");
        CHECK(site.date_format == "January 2, 2006");
        CHECK(site.text.dates.months.empty());
    }
    SECTION("read") {
        SiteIndex site = parse_ok(R"J({"language": "zh", "dateFormat": "2006-01-02",
            "i18n": {"next": "下一页", "readingTime": {"one": "1 分钟", "other": "{n} 分钟"}, "words": "{n} 字",
                     "monthsShort": ["1月","2月","3月","4月","5月","6月","7月","8月","9月","10月","11月","12月"]},
            "posts": []})J");
        CHECK(site.problems.empty());
        CHECK(site.text.next == "下一页");
        CHECK(site.text.prev == "Prev");
        CHECK(i18n_plural(site.text.reading_time, site.language, 3) == "3 分钟");
        CHECK(i18n_plural(site.text.words, site.language, 1) == "1 字");
        REQUIRE(site.text.dates.months_short.size() == 12);
        CHECK(site.text.dates.months_short[6] == "7月");
        CHECK(site.date_format == "2006-01-02");
    }
    SECTION("bad values are problems, never failures, and stay English") {
        SiteIndex site = parse_ok(R"J({"i18n": {"next": 3, "nope": "x", "readingTime": {"several": "x", "other": "{n} m"},
                                                 "months": ["a", "b"], "prev": "Préc."},
                                       "dateFormat": false, "posts": [{"slug": "a", "title": "A"}]})J");
        CHECK(site.posts.size() == 1);
        CHECK(site.text.next == "Next");
        CHECK(site.text.prev == "Préc.");
        CHECK(site.text.dates.months.empty());
        CHECK(site.date_format == "January 2, 2006");
        REQUIRE(site.problems.size() == 5);
        CHECK(site.problems[0] == "i18n.next: expected a text (or {\"one\", \"other\"…} texts, or a list of 12 month or 7 "
                                  "day names) for a known key, got 3; ignored");
        CHECK(site.problems[1].rfind("i18n.nope: ", 0) == 0);
        CHECK(site.problems[2].rfind("i18n.readingTime: ", 0) == 0);
        CHECK(site.problems[3].rfind("i18n.months: ", 0) == 0);
        CHECK(site.problems[4].rfind("dateFormat: expected a string", 0) == 0);
        SiteIndex not_object = parse_ok(R"J({"i18n": [1], "posts": []})J");
        CHECK(not_object.problems == std::vector<std::string>{"i18n: expected an object of the interface's words, got an array; ignored"});
    }
}
