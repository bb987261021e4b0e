#include <catch2/catch.hpp>

#include "tool/front_matter.hpp"

using blog::tool::front_matter_parse;
using blog::tool::FrontMatterDocument;
using blog::tool::problem_text;

namespace {

std::vector<std::string> messages(const FrontMatterDocument& doc) {
    std::vector<std::string> out;
    for (const auto& p : doc.problems) out.push_back(problem_text(p));
    return out;
}

// The same post's fields, whatever the format it was written in.
void check_every_field(const FrontMatterDocument& doc) {
    INFO(Catch::Detail::stringify(messages(doc)));
    REQUIRE(doc.ok());
    REQUIRE(doc.problems.empty());
    const auto& fm = doc.front;
    REQUIRE(fm.title);
    CHECK(*fm.title == "Lets Go");
    CHECK(fm.date == "2022-07-24T21:42:07-07:00");
    CHECK(fm.lastmod == "2022-07-25");
    CHECK(fm.publish_date == "2022-07-24T00:00:00Z");
    CHECK(fm.expiry_date == "2030-01-01");
    CHECK(fm.draft == true);
    CHECK(fm.slug == "lets-go");
    CHECK(fm.tags == std::vector<std::string>{"go", "notes"});
    CHECK(fm.categories == std::vector<std::string>{"code"});
    REQUIRE(fm.summary);
    CHECK(*fm.summary == "Go, briefly.");
    CHECK(fm.description == "Why Go.");
    CHECK(fm.authors == std::vector<std::string>{"Jose", "Ana"});
    CHECK(fm.hidden_in_home_list == true);
    CHECK(fm.switches.show_toc == true);
    CHECK(fm.switches.toc_open == true);
    CHECK_FALSE(fm.switches.show_reading_time);  // not set: the site's
    CHECK(fm.cover_image == "gopher.png");
    CHECK(fm.cover_alt == "A gopher");
    CHECK(fm.aliases == std::vector<std::string>{"/old/lets-go/"});
    CHECK(doc.body == "Body text.\n");
}

}  // namespace

TEST_CASE("front matter: YAML with every field Hugo and PaperMod use") {
    auto doc = front_matter_parse(
        "---\n"
        "title: Lets Go\n"
        "date: 2022-07-24T21:42:07-07:00\n"
        "lastmod: 2022-07-25\n"
        "publishDate: 2022-07-24T00:00:00Z\n"
        "expiryDate: 2030-01-01\n"
        "draft: true\n"
        "slug: lets-go\n"
        "tags: [go, notes]\n"
        "categories:\n"
        "  - code\n"
        "summary: \"Go, briefly.\"\n"
        "description: Why Go.\n"
        "author: [Jose, Ana]\n"
        "hiddenInHomeList: true\n"
        "ShowToc: true\n"
        "TocOpen: true\n"
        "cover:\n"
        "  image: gopher.png\n"
        "  alt: A gopher\n"
        "aliases: [/old/lets-go/]\n"
        "weight: 3\n"
        "layout: special\n"
        "---\n"
        "Body text.\n",
        "posts/lets-go.md");
    check_every_field(doc);
    CHECK(doc.body_line == 25);
    CHECK(doc.front.line_of("date") == 3);
    CHECK(doc.front.line_of("tags") == 9);
}

TEST_CASE("front matter: TOML with every field, native dates as RFC 3339") {
    auto doc = front_matter_parse(
        "+++\n"
        "title = \"Lets Go\"\n"
        "date = 2022-07-24T21:42:07-07:00\n"
        "lastmod = 2022-07-25\n"
        "publishDate = 2022-07-24T00:00:00Z\n"
        "expiryDate = \"2030-01-01\"\n"
        "draft = true\n"
        "slug = \"lets-go\"\n"
        "tags = [\"go\", \"notes\"]\n"
        "categories = [\"code\"]\n"
        "summary = \"Go, briefly.\"\n"
        "description = \"Why Go.\"\n"
        "author = [\"Jose\", \"Ana\"]\n"
        "hiddenInHomeList = true\n"
        "ShowToc = true\n"
        "TocOpen = true\n"
        "aliases = [\"/old/lets-go/\"]\n"
        "weight = 3\n"
        "[cover]\n"
        "image = \"gopher.png\"\n"
        "alt = \"A gopher\"\n"
        "+++\n"
        "Body text.\n",
        "posts/lets-go.md");
    check_every_field(doc);
    CHECK(doc.body_line == 23);
    CHECK(doc.front.line_of("date") == 3);
}

TEST_CASE("front matter: JSON with every field") {
    auto doc = front_matter_parse(
        "{\n"
        "  \"title\": \"Lets Go\",\n"
        "  \"date\": \"2022-07-24T21:42:07-07:00\",\n"
        "  \"lastmod\": \"2022-07-25\",\n"
        "  \"publishDate\": \"2022-07-24T00:00:00Z\",\n"
        "  \"expiryDate\": \"2030-01-01\",\n"
        "  \"draft\": true,\n"
        "  \"slug\": \"lets-go\",\n"
        "  \"tags\": [\"go\", \"notes\"],\n"
        "  \"categories\": [\"code\"],\n"
        "  \"summary\": \"Go, briefly.\",\n"
        "  \"description\": \"Why Go.\",\n"
        "  \"author\": [\"Jose\", \"Ana\"],\n"
        "  \"hiddenInHomeList\": true,\n"
        "  \"ShowToc\": true,\n"
        "  \"TocOpen\": true,\n"
        "  \"cover\": {\"image\": \"gopher.png\", \"alt\": \"A gopher\"},\n"
        "  \"aliases\": [\"/old/lets-go/\"],\n"
        "  \"weight\": 3\n"
        "}\n"
        "Body text.\n",
        "posts/lets-go.md");
    check_every_field(doc);
    CHECK(doc.body_line == 21);
    CHECK(doc.front.line_of("date") == 3);
    CHECK(doc.front.line_of("aliases") == 18);
}

TEST_CASE("front matter: keys are case-insensitive, as in Hugo") {
    auto doc = front_matter_parse(
        "---\nTITLE: Shouting\nDate: 2024-01-01\nshowtoc: true\nHIDDENINHOMELIST: true\nTags: [a]\nCOVER:\n  Image: c.png\n---\n",
        "a.md");
    REQUIRE(doc.ok());
    CHECK(*doc.front.title == "Shouting");
    CHECK(doc.front.date == "2024-01-01");
    CHECK(doc.front.switches.show_toc == true);
    CHECK(doc.front.hidden_in_home_list);
    CHECK(doc.front.tags == std::vector<std::string>{"a"});
    CHECK(doc.front.cover_image == "c.png");
}

TEST_CASE("front matter: PaperMod's seven switches are the post's own values, unset when absent") {
    auto doc = front_matter_parse("---\nShowToc: false\nTocOpen: true\nShowReadingTime: false\nShowWordCount: true\n"
                                  "ShowPostNavLinks: false\nShowBreadCrumbs: true\nShowCodeCopyButtons: false\n---\n",
                                  "a.md");
    REQUIRE(doc.ok());
    const blog::PostSwitchOverrides& s = doc.front.switches;
    CHECK(s.show_toc == false);
    CHECK(s.toc_open == true);
    CHECK(s.show_reading_time == false);
    CHECK(s.show_word_count == true);
    CHECK(s.show_post_nav_links == false);
    CHECK(s.show_bread_crumbs == true);
    CHECK(s.show_code_copy_buttons == false);
    const blog::PostSwitchOverrides none = front_matter_parse("---\ntitle: A\nShowToc: null\n---\n", "a.md").front.switches;
    CHECK_FALSE(none.show_toc);
    CHECK_FALSE(none.show_code_copy_buttons);
    SECTION("a value that is not true or false is an error at its line") {
        CHECK(messages(front_matter_parse("---\ntitle: A\nShowWordCount: yes please\n---\n", "a.md")) ==
              std::vector<std::string>{"a.md:3: showwordcount: expected true or false, got a string"});
    }
    SECTION("math is a theme's param, read as Go templates read a value: any text but \"\" and 0 turns it on") {
        auto math = [](const char* value) {
            const auto doc = front_matter_parse(std::string("---\ntitle: A\nmath: ") + value + "\n---\n", "a.md");
            CHECK(messages(doc).empty());
            return doc.front.switches.math;
        };
        CHECK(math("mdp") == true);
        CHECK(math("true") == true);
        CHECK(math("0") == false);
        CHECK(math("''") == false);
    }
}

TEST_CASE("front matter: author as a string or as a list") {
    CHECK(front_matter_parse("---\nauthor: Jose\n---\n", "a.md").front.authors == std::vector<std::string>{"Jose"});
    CHECK(front_matter_parse("+++\nauthor = \"Jose\"\n+++\n", "a.md").front.authors ==
          std::vector<std::string>{"Jose"});
    CHECK(front_matter_parse("---\nauthor:\n  - Jose\n  - Ana\n---\n", "a.md").front.authors ==
          std::vector<std::string>{"Jose", "Ana"});
}

TEST_CASE("front matter: a file without front matter is all body, every field absent") {
    auto doc = front_matter_parse("# Just Markdown\n\nText.\n", "a.md");
    CHECK(doc.ok());
    CHECK_FALSE(doc.front.title);
    CHECK(doc.body == "# Just Markdown\n\nText.\n");
    CHECK(doc.body_line == 1);
}

TEST_CASE("front matter: Windows line endings and a byte order mark") {
    auto doc = front_matter_parse("\xEF\xBB\xBF---\r\ntitle: CRLF\r\n---\r\nBody.\r\n", "a.md");
    REQUIRE(doc.ok());
    CHECK(*doc.front.title == "CRLF");
    CHECK(doc.body == "Body.\r\n");
}

TEST_CASE("front matter: bad front matter is reported with the file and line") {
    SECTION("YAML that does not parse (the line of the bracket that is never closed)") {
        auto doc = front_matter_parse("---\ntitle: ok\ntags: [a, b\nmore: x\n---\n", "posts/a.md");
        CHECK_FALSE(doc.ok());
        CHECK(messages(doc) == std::vector<std::string>{"posts/a.md:3: YAML front matter: unterminated list: the \"[\" "
                                                        "on this line is never closed"});
    }
    SECTION("TOML that does not parse") {
        auto doc = front_matter_parse("+++\ntitle = \"ok\"\ndate = \n+++\n", "posts/a.md");
        CHECK_FALSE(doc.ok());
        REQUIRE(doc.problems.size() == 1);
        CHECK(doc.problems[0].line == 3);
        CHECK(problem_text(doc.problems[0]).rfind("posts/a.md:3: TOML front matter: ", 0) == 0);
    }
    SECTION("JSON that does not parse") {
        auto doc = front_matter_parse("{\n  \"title\": \"ok\",\n  \"tags\": [1,,]\n}\nBody\n", "posts/a.md");
        CHECK_FALSE(doc.ok());
        REQUIRE(doc.problems.size() == 1);
        CHECK(doc.problems[0].line == 3);
        CHECK(problem_text(doc.problems[0]).rfind("posts/a.md:3: JSON front matter: ", 0) == 0);
    }
    SECTION("front matter that is never closed") {
        auto doc = front_matter_parse("---\ntitle: ok\n\nBody.\n", "posts/a.md");
        CHECK(messages(doc) == std::vector<std::string>{
                                   "posts/a.md:1: front matter opened with \"---\" is never closed (a line \"---\" must end it)"});
    }
    SECTION("a field of the wrong kind") {
        auto doc = front_matter_parse("---\ntitle: ok\ndraft: maybe\ntags: {a: 1}\n---\n", "posts/a.md");
        CHECK(messages(doc) == std::vector<std::string>{
                                   "posts/a.md:3: draft: expected true or false, got a string",
                                   "posts/a.md:4: tags: expected a list of strings, got a map"});
    }
    SECTION("a JSON field of the wrong kind names its key's line") {
        auto doc = front_matter_parse("{\n  \"title\": \"ok\",\n  \"x\": {\"draft\": 1},\n  \"draft\": \"yes\"\n}\n", "posts/a.md");
        CHECK(messages(doc) == std::vector<std::string>{"posts/a.md:4: draft: expected true or false, got a string"});
    }
    SECTION("front matter that is a list, not keys and values") {
        auto doc = front_matter_parse("---\n- a\n- b\n---\n", "posts/a.md");
        CHECK(messages(doc) ==
              std::vector<std::string>{"posts/a.md:2: YAML front matter: expected a map of keys and values, got a list"});
    }
}

TEST_CASE("front matter: Hugo's weight and PaperMod's cover caption are read, in every format") {
    SECTION("YAML") {
        auto doc = front_matter_parse("---\ntitle: a\nweight: 2\ncover:\n  image: c.png\n  caption: A lake\n---\n", "a.md");
        REQUIRE(doc.problems.empty());
        CHECK(doc.front.weight == 2);
        CHECK(doc.front.cover_caption == "A lake");
    }
    SECTION("TOML, a negative weight (Hugo sorts it first)") {
        auto doc = front_matter_parse("+++\ntitle = \"a\"\nWeight = -3\n[cover]\nimage = \"c.png\"\ncaption = \"A lake\"\n+++\n", "a.md");
        REQUIRE(doc.problems.empty());
        CHECK(doc.front.weight == -3);
        CHECK(doc.front.cover_caption == "A lake");
    }
    SECTION("JSON") {
        auto doc = front_matter_parse("{\"title\": \"a\", \"weight\": 10}\n", "a.md");
        REQUIRE(doc.problems.empty());
        CHECK(doc.front.weight == 10);
    }
    SECTION("a weight that is not a whole number is an error at its line") {
        auto doc = front_matter_parse("---\ntitle: a\nweight: 1.5\n---\n", "a.md");
        CHECK(messages(doc) == std::vector<std::string>{"a.md:3: weight: expected a whole number, got \"1.5\""});
        auto list = front_matter_parse("---\ntitle: a\nweight: [1]\n---\n", "a.md");
        CHECK(messages(list) == std::vector<std::string>{"a.md:3: weight: expected a whole number, got a list"});
    }
    SECTION("no weight is 0: none") {
        CHECK(front_matter_parse("---\ntitle: a\n---\n", "a.md").front.weight == 0);
    }
}

TEST_CASE("front matter: hostile blocks are refused with the file and line, never a crash, in every format") {
    auto repeat = [](const std::string& s, size_t n) {
        std::string out;
        for (size_t i = 0; i < n; ++i) out += s;
        return out;
    };
    SECTION("a YAML alias bomb") {
        std::string block = "title: x\na0: &a0 [" + repeat("lol,", 8) + "lol]\n";
        for (int i = 1; i < 9; ++i)
            block += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" +
                     repeat("*a" + std::to_string(i - 1) + ",", 8) + "*a" + std::to_string(i - 1) + "]\n";
        auto doc = front_matter_parse("---\n" + block + "---\nBody\n", "posts/a.md");
        CHECK(messages(doc) == std::vector<std::string>{
                                   "posts/a.md:3: YAML front matter: aliases expand to more than 200,000 values (an alias bomb?)"});
    }
    SECTION("10^5 levels of YAML block lists") {
        auto doc = front_matter_parse("---\ntitle: x\ntags:\n" + repeat("- ", 100000) + "x\n---\n", "posts/a.md");
        CHECK(messages(doc) == std::vector<std::string>{"posts/a.md:4: YAML front matter: nesting deeper than 64 levels"});
    }
    SECTION("3x10^4 levels of TOML dotted keys") {
        auto doc = front_matter_parse("+++\ntitle = \"x\"\n" + repeat("a.", 30000) + "a = 1\n+++\n", "posts/a.md");
        CHECK(messages(doc) == std::vector<std::string>{"posts/a.md:3: TOML front matter: nesting deeper than 64 levels"});
    }
    SECTION("10^5 levels of JSON arrays") {
        auto doc = front_matter_parse("{\n  \"title\": \"x\",\n  \"tags\": " + repeat("[", 100000) + repeat("]", 100000) +
                                          "\n}\nBody\n",
                                      "posts/a.md");
        CHECK(messages(doc) == std::vector<std::string>{"posts/a.md:3: JSON front matter: nesting deeper than 64 levels"});
    }
    SECTION("a cover ten levels deep is still read") {
        auto doc = front_matter_parse(
            "---\ntitle: x\ncover:\n  image: c.png\n  extra: [[[[[[[[{a: 1}]]]]]]]]\n---\n", "posts/a.md");
        CHECK(doc.problems.empty());
        CHECK(doc.front.cover_image == "c.png");
    }
}
