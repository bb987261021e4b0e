#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "tool/data_tree.hpp"

using blog::tool::data_parse;
using blog::tool::DataFormat;
using blog::tool::DataLimits;
using blog::tool::DataParse;
using blog::tool::DataValue;

namespace {

std::string repeat(const std::string& s, size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (size_t i = 0; i < n; ++i) out += s;
    return out;
}

std::string with_commas(size_t n) {
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) out += (i && (digits.size() - i) % 3 == 0 ? "," : "") + digits.substr(i, 1);
    return out;
}

// "line N: message", or "ok"
std::string outcome(const DataParse& p) {
    return p.ok ? "ok" : "line " + std::to_string(p.error.line) + ": " + p.error.message;
}

const std::string kTooDeep = "nesting deeper than 64 levels";

// Maps and lists one inside another, the top-level map included.
size_t depth_of(const DataValue& v) {
    size_t deepest = 0;
    for (const auto& item : v.items) deepest = std::max(deepest, depth_of(item));
    for (const auto& entry : v.entries) deepest = std::max(deepest, depth_of(entry.second));
    const bool container = v.kind == DataValue::Kind::List || v.kind == DataValue::Kind::Map;
    return deepest + (container ? 1 : 0);
}

// "title: x" and then `key: [[…[1]…]]`, `lists` lists deep, in each format.
std::string yaml_lists(size_t lists) { return "title: x\nkey: " + repeat("[", lists) + "1" + repeat("]", lists) + "\n"; }
std::string toml_lists(size_t lists) { return "title = \"x\"\nkey = " + repeat("[", lists) + "1" + repeat("]", lists) + "\n"; }
std::string json_lists(size_t lists) {
    return "{\n  \"title\": \"x\",\n  \"key\": " + repeat("[", lists) + "1" + repeat("]", lists) + "\n}\n";
}

}  // namespace

TEST_CASE("data tree: the depth limit is 64 levels, the top-level map the first, in every format") {
    // 63 lists in the top-level map: 64 levels
    for (auto [format, ok, deep] : {std::tuple{DataFormat::Yaml, yaml_lists(63), yaml_lists(64)},
                                    std::tuple{DataFormat::Toml, toml_lists(63), toml_lists(64)},
                                    std::tuple{DataFormat::Json, json_lists(63), json_lists(64)}}) {
        DataParse parsed = data_parse(ok, format);
        REQUIRE(outcome(parsed) == "ok");
        CHECK(depth_of(parsed.value) == DataLimits::kMaxDepth);
        CHECK(outcome(data_parse(deep, format)).find(kTooDeep) != std::string::npos);
    }
}

TEST_CASE("data tree: ten levels of maps and lists, as a real config might nest, parse in every format") {
    const std::string yaml = "menu:\n  main:\n    - name: a\n      params:\n        x:\n          z: [[1, {w: [true]}]]\n";
    const std::string toml = "[menu.main.params.x.y]\nz = [[1, {w = [true]}]]\n";
    const std::string json = R"({"menu": {"main": [{"params": {"x": {"z": [[1, {"w": [true]}]]}}}]}})";
    for (auto [format, text] : {std::pair{DataFormat::Yaml, yaml}, std::pair{DataFormat::Toml, toml},
                                std::pair{DataFormat::Json, json}}) {
        DataParse parsed = data_parse(text, format);
        REQUIRE(outcome(parsed) == "ok");
        CHECK(depth_of(parsed.value) == 10);
    }
}

TEST_CASE("data tree: a YAML alias bomb is refused after 200,000 values, at the line it was expanding") {
    // "billion laughs": nine lists of nine aliases to the list before, 9^9 strings from 400 bytes
    std::string text = "title: x\na0: &a0 [" + repeat("\"lol\",", 8) + "\"lol\"]\n";
    for (int i = 1; i < 9; ++i)
        text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" +
                repeat("*a" + std::to_string(i - 1) + ",", 8) + "*a" + std::to_string(i - 1) + "]\n";
    CHECK(outcome(data_parse(text, DataFormat::Yaml)) ==
          "line 2: aliases expand to more than 200,000 values (an alias bomb?)");
}

TEST_CASE("data tree: a YAML alias bomb of long strings is refused by the bound on text") {
    // 10^4 uses of one 4 KB string: 40 MB of text from 5 KB, in 11,111 values
    std::string text = "s: &s \"" + repeat("x", 4096) + "\"\na: &a [" + repeat("*s,", 9) + "*s]\n";
    for (int i = 1; i < 4; ++i) text += "b" + std::to_string(i) + ": &b" + std::to_string(i) + " [" +
                                        repeat(std::string(i == 1 ? "*a" : "*b" + std::to_string(i - 1)) + ",", 9) +
                                        (i == 1 ? "*a" : "*b" + std::to_string(i - 1)) + "]\n";
    const DataParse parsed = data_parse(text, DataFormat::Yaml);
    CHECK_FALSE(parsed.ok);
    CHECK(parsed.error.message == "aliases expand to more than " + with_commas(DataLimits::max_text_bytes(text.size())) +
                                      " bytes of text (an alias bomb?)");
    CHECK(parsed.error.line == 1);  // the string's anchor
}

TEST_CASE("data tree: YAML aliases used a few times still expand") {
    const DataParse parsed = data_parse("base: &b {image: c.png, alt: A lake}\none: *b\ntwo: [*b, *b]\n", DataFormat::Yaml);
    REQUIRE(outcome(parsed) == "ok");
    REQUIRE(parsed.value.find("two")->items.size() == 2);
    CHECK(parsed.value.find("two")->items[1].find("alt")->text == "A lake");
}

TEST_CASE("data tree: a YAML alias to its own anchor is refused as too deep, not followed forever") {
    CHECK(outcome(data_parse("title: x\nloop: &a [*a]\n", DataFormat::Yaml)) == "line 2: " + kTooDeep);
    CHECK(outcome(data_parse("title: x\nloop: &m {next: *m}\n", DataFormat::Yaml)) == "line 2: " + kTooDeep);
}

TEST_CASE("data tree: deep YAML is refused at the line where it nests") {
    SECTION("10^5 flow lists") { CHECK(outcome(data_parse(yaml_lists(100000), DataFormat::Yaml)) == "line 2: " + kTooDeep); }
    SECTION("10^5 flow maps") {
        CHECK(outcome(data_parse("title: x\nkey: " + repeat("{a: ", 100000) + "1" + repeat("}", 100000) + "\n",
                                 DataFormat::Yaml)) == "line 2: " + kTooDeep);
    }
    SECTION("10^5 block lists on one line") {
        CHECK(outcome(data_parse("title: x\nkey:\n" + repeat("- ", 100000) + "x\n", DataFormat::Yaml)) ==
              "line 3: " + kTooDeep);
    }
    SECTION("block maps, one more indented per line: the line yaml-cpp stops at, or the 64th map's") {
        std::string text;
        for (int i = 0; i < 100; ++i) text += std::string(size_t(i), ' ') + "k:\n";
        CHECK(outcome(data_parse(text, DataFormat::Yaml)) == "line 65: " + kTooDeep);
        std::string deeper;
        for (int i = 0; i < 3000; ++i) deeper += std::string(size_t(i), ' ') + "k:\n";
        const DataParse parsed = data_parse(deeper, DataFormat::Yaml);
        CHECK(parsed.error.message == kTooDeep);
        CHECK(parsed.error.line >= 64);
        CHECK(parsed.error.line <= 3000);
    }
}

TEST_CASE("data tree: deep JSON is refused at the line of the bracket too many") {
    SECTION("10^5 arrays") { CHECK(outcome(data_parse(json_lists(100000), DataFormat::Json)) == "line 3: " + kTooDeep); }
    SECTION("10^5 arrays never closed") {
        CHECK(outcome(data_parse("{\n\"a\":\n" + repeat("[", 100000), DataFormat::Json)) == "line 3: " + kTooDeep);
    }
    SECTION("objects, one a line") {
        std::string text = "{\n";
        for (int i = 0; i < 100000; ++i) text += "\"a\": {\n";
        CHECK(outcome(data_parse(text, DataFormat::Json)) == "line 65: " + kTooDeep);
    }
}

TEST_CASE("data tree: deep TOML is refused before toml++ builds it, at its line") {
    SECTION("3x10^4 dotted keys") {
        CHECK(outcome(data_parse("title = \"x\"\n" + repeat("a.", 30000) + "a = 1\n", DataFormat::Toml)) ==
              "line 2: " + kTooDeep);
    }
    SECTION("a table header of 3x10^4 keys") {
        CHECK(outcome(data_parse("title = \"x\"\n[" + repeat("a.", 30000) + "a]\nb = 1\n", DataFormat::Toml)) ==
              "line 2: " + kTooDeep);
    }
    SECTION("3x10^4 arrays") { CHECK(outcome(data_parse(toml_lists(30000), DataFormat::Toml)) == "line 2: " + kTooDeep); }
    SECTION("3x10^4 inline tables") {
        CHECK(outcome(data_parse("title = \"x\"\nkey = " + repeat("{a = ", 30000) + "1" + repeat("}", 30000) + "\n",
                                 DataFormat::Toml)) == "line 2: " + kTooDeep);
    }
    SECTION("dotted keys inside inline tables, each within the limit, together past it") {
        CHECK(outcome(data_parse("title = \"x\"\nkey = " + repeat("{" + repeat("a.", 20) + "a = ", 5) + "1" +
                                     repeat("}", 5) + "\n",
                                 DataFormat::Toml)) == "line 2: " + kTooDeep);
    }
    SECTION("dots inside quoted keys and strings are not levels") {
        CHECK(outcome(data_parse("\"" + repeat("a.", 100) + "\" = \"" + repeat("b.[{", 100) + "\"\n", DataFormat::Toml)) ==
              "ok");
    }
    SECTION("headers through arrays of tables nest one more level each") {
        std::string text;
        for (int i = 1; i <= 40; ++i) text += "[[" + repeat("a.", size_t(i - 1)) + "a]]\n";
        CHECK(outcome(data_parse(text, DataFormat::Toml)) == "line 32: " + kTooDeep);
    }
}

TEST_CASE("data tree: the TOML depth scan reads empty inline tables and stray braces (it once looped forever on them)") {
    CHECK(outcome(data_parse("a = {}\nb = {c = {}, d = [{}]}\n", DataFormat::Toml)) == "ok");
    CHECK_FALSE(data_parse("}", DataFormat::Toml).ok);
    CHECK_FALSE(data_parse("a = {b = 1, }\n}\n", DataFormat::Toml).ok);
}

TEST_CASE("data tree: TOML with a non-ASCII byte outside strings and comments is refused before toml++ reads it") {
    // toml++ 3.3 reaches __builtin_unreachable asking whether U+00D9 is whitespace
    CHECK(outcome(data_parse("title = \"x\"\na = 1 \xc3\x99\n", DataFormat::Toml)) ==
          "line 2: a character that is not ASCII outside a string or comment");
    CHECK(outcome(data_parse("title = \"\xc3\x99\" # \xc3\x99\n", DataFormat::Toml)) == "ok");
}

TEST_CASE("data tree: more than 200,000 values are refused, aliases or not") {
    // YAML's case is the alias bomb above (yaml-cpp alone takes seconds on 2x10^5 values)
    const std::string ones = repeat("1,", 200000) + "1";
    CHECK(outcome(data_parse("{\"title\": \"x\",\n\"k\": [" + ones + "]}", DataFormat::Json)) ==
          "line 2: more than 200,000 values");
    CHECK(outcome(data_parse("title = \"x\"\nk = [" + ones + "]\n", DataFormat::Toml)) ==
          "line 2: more than 200,000 values");
}

TEST_CASE("data tree: JSON values carry their own lines; a repeated key keeps its place and its last value") {
    const DataParse parsed = data_parse("{\n  \"a\": 1,\n  \"cover\": {\n    \"image\":\n      \"c.png\"\n  },\n  \"a\": 2\n}\n",
                                        DataFormat::Json);
    REQUIRE(outcome(parsed) == "ok");
    REQUIRE(parsed.value.entries.size() == 2);
    CHECK(parsed.value.entries[0].first == "a");
    CHECK(parsed.value.entries[0].second.text == "2");
    CHECK(parsed.value.entries[0].second.line == 7);
    CHECK(parsed.value.find("cover")->line == 3);
    CHECK(parsed.value.find("cover")->find("image")->line == 5);
}

TEST_CASE("data tree: TOML floats are written short, as they read back") {
    const DataParse parsed = data_parse("a = 1e300\nb = 2.0\nc = 3.14\nd = -0.5\n", DataFormat::Toml);
    REQUIRE(outcome(parsed) == "ok");
    CHECK(parsed.value.find("a")->text == "1e+300");  // std::to_string wrote 301 digits
    CHECK(parsed.value.find("b")->text == "2.0");
    CHECK(parsed.value.find("c")->text == "3.14");
    CHECK(parsed.value.find("d")->text == "-0.5");
}

TEST_CASE("data tree: an error's line is within the text, even at its end") {
    for (auto [format, text] : {std::pair{DataFormat::Yaml, std::string("a: [b\n")},
                                std::pair{DataFormat::Toml, std::string("a = \n")},
                                std::pair{DataFormat::Json, std::string("{\"a\":\n")}}) {
        const DataParse parsed = data_parse(text, format);
        CHECK_FALSE(parsed.ok);
        CHECK(parsed.error.line >= 1);
        CHECK(parsed.error.line <= 2);
    }
}

// Each case below is one Hugo 0.111.3 (go-yaml, go-toml, encoding/json)
// refuses; yaml-cpp 0.7 took most of them and lost the keys after the
// mistake, or named the wrong line.
TEST_CASE("data tree: YAML that Hugo refuses is an error at the line of the mistake") {
    const std::string unterminated_double = "unterminated quoted string: the double quote on this line is never closed";
    const std::string unterminated_single = "unterminated quoted string: the single quote on this line is never closed";
    const std::string tab = "a tab in the indentation: YAML indents with spaces only";
    const std::vector<std::pair<std::string, std::string>> cases = {
        // yaml-cpp read the title as "oops date: [2023": the date was lost
        {"title: \"oops\ndate: [2023\n", "line 1: " + unterminated_double},
        {"date: 2023-01-01\ntitle: \"oops\n", "line 2: " + unterminated_double},
        {"title: 'oops\ndate: 2023-01-01\n", "line 1: " + unterminated_single},
        {"title: \"a\\\"\ndate: 2023-01-01\n", "line 1: " + unterminated_double},  // \" is not its end
        {"\"title: x\ndate: 2023-01-01\n", "line 1: " + unterminated_double},      // a key
        {"tags:\n- 'a\n- b\n", "line 2: " + unterminated_single},
        {"title: &t \"a\ndate: 2023-01-01\n", "line 1: " + unterminated_double},  // after an anchor
        {"title: !!str \"a\ndate: 2023-01-01\n", "line 1: " + unterminated_double},
        {"tags: [\"a, b]\ndate: 2023-01-01\n", "line 1: " + unterminated_double},
        {"title: \"a\n...\nb\"\n", "line 1: " + unterminated_double + " (a \"---\" or \"...\" line ends the document)"},
        // yaml-cpp refused these at the end of the text
        {"tags: [a, b\ndate: 2023-01-01\n", "line 1: unterminated list: the \"[\" on this line is never closed"},
        {"date: 2023-01-01\nparams: {a: 1\n", "line 2: unterminated map: the \"{\" on this line is never closed"},
        {"tags: [a, # b]\ndate: 2023-01-01\n", "line 1: unterminated list: the \"[\" on this line is never closed"},
        // tabs: go-yaml refuses them in the indentation and after "-" or "?"
        {"params:\n\ta: 1\n", "line 2: " + tab},
        {"params:\n  \ta: 1\n", "line 2: " + tab},
        {"title:\n\tx\n", "line 2: " + tab},
        {"params:\n\t# a comment\n  a: 1\n", "line 2: " + tab},
        {"params:\n\t\n  a: 1\n", "line 2: " + tab},
        {"title: a\n\tb\n", "line 2: " + tab},  // a plain scalar's next line, at column 0
        {"summary: |\n\tx\n", "line 2: " + tab},
        {"summary: |\n \t\n  a\n", "line 2: " + tab},
        {"summary: >\n  a\n\tb\n", "line 3: " + tab},
        {"tags:\n-\ta\n", "line 2: a tab after \"-\": YAML indents with spaces only"},
        {"tags:\n- \ta\n", "line 2: a tab after \"-\": YAML indents with spaces only"},
        {"tags:\n-\t# c\n  a\n", "line 2: a tab after \"-\": YAML indents with spaces only"},
        {"?\ta\n: 1\n", "line 1: a tab after \"?\": YAML indents with spaces only"},
        // characters go-yaml does not allow, comments included
        {"title: a\x01" "b\n", "line 1: a control character (U+0001) that YAML does not allow"},
        {"title: a\x7f" "b\n", "line 1: a control character (U+007F) that YAML does not allow"},
        {"title: a\n# \xc2\x80\n", "line 2: a control character (U+0080) that YAML does not allow"},
        {"title: a\xef\xbf\xbe" "b\n", "line 1: a control character (U+FFFE) that YAML does not allow"},
        {"title: a\xff\n", "line 1: not valid UTF-8: save the file as UTF-8"},
        // yaml-cpp read a null key, and the value was dropped
        {"title: a\n: x\n", "line 2: a value without a key: the line starts with \":\""},
    };
    for (const auto& [text, expected] : cases) {
        INFO(text);
        CHECK(outcome(data_parse(text, DataFormat::Yaml)) == expected);
    }
}

TEST_CASE("data tree: YAML that Hugo reads is still read, quotes and tabs where YAML allows them") {
    const std::vector<std::string> accepted = {
        "title: \"oops\n  more\"\n",        // a quoted string over two lines
        "title: \"a\nb\"\n",                // its next line at column 0
        "title: 'it''s'\n",
        "title: it's\n",                    // a quote inside a plain scalar
        "a\"b: 1\n",
        "title: a\n  \"b\n",                // a plain scalar's next line
        "title:\n  a\n \"b\n",
        "title: a # \"b\n",                 // a comment
        "summary: |\n  it\"s\n  \"x\n",     // a block scalar's lines are its own
        "summary: |\n  a\n  \tb\n",         // a tab after the block's indentation
        "summary: |2\n   \ta\n",
        "title:\tx\n",                      // a tab after ":"
        "title\t: x\n",
        "\"title\":\tx\n",
        "title: x\t# c\n",
        "title: a\n  \tb\n",                // after a plain scalar, a tab past column 0
        "title: a\n  \t# c\n",
        "title: x\n  \t  \n",
        "tags: [a,\n\tb]\n",                // tabs in a flow collection
        "tags: [a,\nb]\n",
        "params: {a: [1, \"x\"], 'b': 'y', \"c\":2}\n",
        "? a\n: 1\n",                       // an explicit key
        "title: a\xef\xbb\xbf" "b\n",       // U+FEFF
        "url: http://example.org/a?b#c\n",
        "title: a\n...\ndate: \"\n",        // the text after "..." is another document: not read
    };
    for (const std::string& text : accepted) {
        INFO(text);
        CHECK(outcome(data_parse(text, DataFormat::Yaml)) == "ok");
    }
}

TEST_CASE("data tree: a YAML key given twice keeps its first place and its last value, as in Hugo") {
    DataParse p = data_parse("title: a\ndate: 2023-01-01\ntitle: b\nparams: {x: 1, x: 2}\n", DataFormat::Yaml);
    REQUIRE(p.ok);
    REQUIRE(p.value.entries.size() == 3);
    CHECK(p.value.entries[0].first == "title");
    CHECK(p.value.entries[0].second.text == "b");
    CHECK(p.value.entries[0].second.line == 3);
    const DataValue* params = p.value.find("params");
    REQUIRE(params);
    REQUIRE(params->entries.size() == 1);
    CHECK(params->entries[0].second.text == "2");
}

TEST_CASE("data tree: TOML unterminated strings, arrays and inline tables are errors at the line that opens them") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"title = \"oops\ndate = 2023-01-01\n",
         "line 1: unterminated quoted string: the double quote on this line is never closed (a TOML string ends on "
         "its line; \"\"\" strings may span lines)"},
        {"a = 1\ntitle = \"\"\"oops\ndate = 2023-01-01\n",
         "line 2: unterminated quoted string: the triple double quote on this line is never closed"},
        {"tags = [\"a\", \"b\"\ndate = 2023-01-01\n", "line 1: unterminated list: the \"[\" on this line is never closed"},
        {"params = {a = 1\ndate = 2023-01-01\n", "line 1: unterminated table: the \"{\" on this line is never closed"},
    };
    for (const auto& [text, expected] : cases) {
        INFO(text);
        CHECK(outcome(data_parse(text, DataFormat::Toml)) == expected);
    }
    // a key given twice: Hugo refuses it too
    CHECK(!data_parse("title = 'a'\ntitle = 'b'\n", DataFormat::Toml).ok);
}

TEST_CASE("data tree: JSON that Hugo refuses is an error; a repeated key is not (Hugo takes the last)") {
    CHECK(!data_parse("{\"title\": \"oops, \"date\": \"2023-01-01\"}", DataFormat::Json).ok);
    CHECK(!data_parse("{\"title\": \"a\",}", DataFormat::Json).ok);
    CHECK(data_parse("{\"title\": \"a\", \"title\": \"b\"}", DataFormat::Json).value.find("title")->text == "b");
}

TEST_CASE("data tree: the YAML check is linear: a megabyte of quotes, brackets and tabs is read at once") {
    const std::string text = "a: [" + repeat("\"x\", 'y', {b: c}, ", 30000) + "]\nt: |\n  first\n" + repeat("  \tline\n", 50000);
    CHECK(data_parse(text, DataFormat::Yaml).ok);
    CHECK(outcome(data_parse("a: [" + repeat("[", 100000), DataFormat::Yaml)) ==
          "line 1: unterminated list: the \"[\" on this line is never closed");
}
