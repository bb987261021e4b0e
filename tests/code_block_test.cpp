#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/markdown/code_block.hpp"

using namespace blog;

namespace {

// The lines 1..n that are highlighted, as the markup marks them.
std::vector<int> highlighted_lines(std::string_view info, int n) {
    const CodeBlockInfo b = code_block_info(info);
    CodeLineMarkup markup(b);
    std::vector<int> out;
    for (int line = 1; line <= n; ++line)
        if (markup.next_line_open().find("line hl") != std::string_view::npos) out.push_back(line);
    return out;
}

using Lines = std::vector<int>;

}  // namespace

TEST_CASE("code block: the language is the first word, never the options") {
    CHECK(code_block_info("go").language == "go");
    CHECK(code_block_info("go {hl_lines=[2,8], linenos=true}").language == "go");
    CHECK(code_block_info("go{linenos=true}").language == "go");
    CHECK(code_block_info("go   extra words").language == "go");
    CHECK(code_block_info("{linenos=true}").language.empty());
    CHECK(code_block_info("").language.empty());
    // Whatever the options hold, the language is the word before them.
    CHECK(code_block_info("js {class=\"x\\\" onclick=y\"}").language == "js");
}

TEST_CASE("code block: hl_lines as Hugo's fences and its highlight shortcode write them") {
    SECTION("a list of lines") {
        CHECK(highlighted_lines("go {hl_lines=[2,8]}", 10) == Lines{2, 8});
        CHECK(highlighted_lines("go {hl_lines=[2 8]}", 10) == Lines{2, 8});
    }
    SECTION("ranges and lines mixed in a list") {
        CHECK(highlighted_lines("go {hl_lines=[\"2-4\", 8]}", 10) == Lines{2, 3, 4, 8});
        CHECK(highlighted_lines("go {linenos=table,hl_lines=[2,\"4-5\"]}", 6) == Lines{2, 4, 5});
    }
    SECTION("one line, a quoted range, space-separated fields") {
        CHECK(highlighted_lines("go {hl_lines=2}", 4) == Lines{2});
        CHECK(highlighted_lines("go {hl_lines=\"2\"}", 4) == Lines{2});
        CHECK(highlighted_lines("go {hl_lines=\"2-4\"}", 6) == Lines{2, 3, 4});
        CHECK(highlighted_lines("go {hl_lines=\"1 3-5\"}", 6) == Lines{1, 3, 4, 5});
    }
    SECTION("the key in any case") {
        CHECK(highlighted_lines("go {hl_Lines=[3]}", 4) == Lines{3});
        CHECK(highlighted_lines("go {HL_LINES=[3]}", 4) == Lines{3});
    }
    SECTION("lines count from the block's first line, whatever linenostart says") {
        CHECK(highlighted_lines("go {linenos=true, linenostart=199, hl_lines=[2]}", 3) == Lines{2});
        CHECK(highlighted_lines("go {lineNoStart=5, hl_lines=\"1-2\"}", 3) == Lines{1, 2});
    }
    SECTION("lines past the block's end, overlapping and reversed ranges") {
        CHECK(highlighted_lines("go {hl_lines=[\"1-3\", \"2-5\", 9]}", 6) == Lines{1, 2, 3, 4, 5});
        CHECK(highlighted_lines("go {hl_lines=[\"5-3\", 0, -1, 2]}", 6) == Lines{2});
    }
    SECTION("Hugo's failures: a bad field voids a text, a bad item is skipped in a list") {
        CHECK(highlighted_lines("go {hl_lines=\"2 x\"}", 4).empty());
        CHECK(highlighted_lines("go {hl_lines=\"2-\"}", 4).empty());
        CHECK(highlighted_lines("go {hl_lines=[\"x\", 3, true]}", 4) == Lines{3});
        // goldmark reads 2-4 unquoted as the number 2 then a stray "-": the
        // whole list fails to parse and no option applies.
        CHECK(highlighted_lines("go {hl_lines=2-4}", 4).empty());
        CHECK_FALSE(code_block_info("go {hl_lines=2-4, linenos=true}").line_numbers);
        CHECK(code_block_info("go {hl_lines=[1,]}").highlighted.empty());
        CHECK(code_block_info("go {hl_lines=[1").highlighted.empty());
    }
}

TEST_CASE("code block: linenos and linenostart") {
    CHECK(code_block_info("go {linenos=true}").line_numbers);
    CHECK(code_block_info("go {linenos=table}").line_numbers);
    CHECK(code_block_info("go {linenos=inline}").line_numbers);
    CHECK(code_block_info("go {lineNos=\"table\"}").line_numbers);
    CHECK_FALSE(code_block_info("go {linenos=false}").line_numbers);
    CHECK_FALSE(code_block_info("go {linenos=\"false\"}").line_numbers);
    CHECK_FALSE(code_block_info("go").line_numbers);
    CHECK(code_block_info("go {linenos=true}").line_number_start == 1);
    CHECK(code_block_info("go {linenos=true, linenostart=199}").line_number_start == 199);
    CHECK(code_block_info("go {linenos=true, lineNoStart=\"7\"}").line_number_start == 7);

    CodeLineMarkup markup(code_block_info("go {linenos=table,linenostart=9,hl_lines=[2]}"));
    CHECK(markup.next_line_open() == "<span class=\"line\" data-n=\"9\">");
    CHECK(markup.next_line_open() == "<span class=\"line hl\" data-n=\"10\">");
    CHECK(markup.next_line_open() == "<span class=\"line\" data-n=\"11\">");
}

TEST_CASE("code block: other options are ignored, and a block without line options has none") {
    const CodeBlockInfo b = code_block_info(
        "go {style=monokai, anchorlinenos=true, lineanchors=x, hl_inline=true, .myclass, #an-id, data-x=\"y\", nested={a=1}}");
    CHECK(b.language == "go");
    CHECK_FALSE(b.has_line_options());
    CHECK(code_block_info("go {linenos=true, style=monokai}").has_line_options());
    CHECK(code_block_info("go {hl_lines=[1], tabWidth=2}").has_line_options());
}

TEST_CASE("code block: hostile options stay bounded") {
    SECTION("a huge range is one range, not a line each") {
        const CodeBlockInfo b = code_block_info("go {hl_lines=[\"1-999999999\"]}");
        REQUIRE(b.highlighted.size() == 1);
        CHECK(b.highlighted[0].first == 1);
        CHECK(b.highlighted[0].last == 999999999);
        CHECK(highlighted_lines("go {hl_lines=\"1-99999999999999999999999\"}", 3) == Lines{1, 2, 3});
    }
    SECTION("more ranges than kept") {
        std::string many = "go {hl_lines=[";
        for (int i = 0; i < 100000; ++i) many += std::to_string(i) + ",";
        many += "1]}";
        CHECK(code_block_info(many).highlighted.size() == CodeBlockInfo::kMaxRanges);
    }
    SECTION("deep nesting fails the list rather than the stack") {
        const std::string deep = "go {hl_lines=" + std::string(100000, '[') + "}";
        CHECK_FALSE(code_block_info(deep).has_line_options());
        const std::string objects = "go {linenos=true, x=" + std::string(100000, '{') + "}";
        CHECK_FALSE(code_block_info(objects).has_line_options());
    }
    SECTION("numbers beyond any line") {
        CHECK(code_block_info("go {linenos=true, linenostart=1e999}").line_number_start > 0);
        CHECK(code_block_info("go {linenos=true, linenostart=-1e999}").line_number_start < 0);
    }
}

// The same fences built by Hugo 0.111.3 (a nine-line block each, Chroma with
// classes): the lines it marks "line hl" and its first line number.
TEST_CASE("code block: the lines Hugo 0.111.3 highlights and numbers for the same fences") {
    struct Case {
        const char* info;
        Lines highlighted;
        int64_t first_number;  // 0: not numbered
    };
    const Case cases[] = {
        {"go {hl_lines=[2,8], linenos=true}", {2, 8}, 1},
        {"go {hl_lines=[\"2-4\", 8]}", {2, 3, 4, 8}, 0},
        {"go {hl_lines=\"1 3-5\"}", {1, 3, 4, 5}, 0},
        {"go {hl_lines=2-4}", {}, 0},
        {"go {hl_lines=\"2 x\"}", {}, 0},
        {"go {hl_lines=[\"x\", 3, true]}", {3}, 0},
        {"go {linenos=table, linenostart=199, hl_lines=[2]}", {2}, 199},
        {"go {lineNoStart=\"7\", linenos=inline, hl_lines=\"1-2\"}", {1, 2}, 7},
        {"go{hl_lines=[3]}", {3}, 0},
        {"go {hl_lines=[1,]}", {}, 0},
        {"go {linenos=false, hl_lines=[5]}", {5}, 0},
        {"go {style=monokai, .cls, hl_lines=[6]}", {6}, 0},
    };
    for (const Case& c : cases) {
        INFO(c.info);
        const CodeBlockInfo b = code_block_info(c.info);
        CHECK(b.language == "go");
        CHECK(highlighted_lines(c.info, 9) == c.highlighted);
        CHECK(b.line_numbers == (c.first_number != 0));
        if (c.first_number) CHECK(b.line_number_start == c.first_number);
    }
}
