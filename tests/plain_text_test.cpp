// Word count, reading time and the automatic summary as Hugo computes them
// (core/markdown/plain_text), against the figures Hugo 0.111.3 prints for the
// same posts (tests/fixtures/hugo-counts/hugo-figures.tsv).
#include <catch2/catch.hpp>

#include <optional>
#include <sstream>
#include <string>

#include "core/markdown/markdown.hpp"
#include "core/markdown/plain_text.hpp"
#include "support.hpp"

using namespace blog;

namespace {

std::string squeezed(const std::string& s) {
    std::istringstream in(s);
    std::string word, out;
    while (in >> word) out += (out.empty() ? "" : " ") + word;
    return out;
}

// The front matter's isCJKLanguage, read as the test's posts write it.
std::optional<bool> cjk_override(const std::string& file) {
    if (file.find("\nisCJKLanguage: false\n") != std::string::npos) return false;
    if (file.find("\nisCJKLanguage: true\n") != std::string::npos) return true;
    return std::nullopt;
}

}  // namespace

TEST_CASE("plain text: word count, reading time and summary are the figures Hugo prints for the same posts") {
    // hugo.toml of the fixture sets hasCJKLanguage = true, summaryLength = 70.
    std::istringstream rows(test::sample_file("tests/fixtures/hugo-counts/hugo-figures.tsv"));
    size_t checked = 0, cjk_posts = 0;
    for (std::string line; std::getline(rows, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream cells(line);
        std::string name, wc, rt, truncated, cjk, summary;
        std::getline(cells, name, '\t');
        std::getline(cells, wc, '\t');
        std::getline(cells, rt, '\t');
        std::getline(cells, truncated, '\t');
        std::getline(cells, cjk, '\t');
        std::getline(cells, summary);
        const std::string file = test::sample_file("tests/fixtures/hugo-counts/content/posts/" + name + ".md");
        const FrontMatterSplit split = markdown_front_matter(file);
        MarkdownOptions options;
        options.cjk = markdown_is_cjk(file, true, cjk_override(file));
        auto r = markdown_render(std::string_view(file).substr(split.body_begin), options);
        REQUIRE(r);
        INFO("post " << name);
        CHECK(options.cjk == (cjk == "true"));
        CHECK(r.value().word_count == std::stoul(wc));
        CHECK(r.value().reading_minutes == std::stoul(rt));
        CHECK(r.value().summary_truncated == (truncated == "true"));
        CHECK(squeezed(r.value().summary) == summary);
        ++checked;
        cjk_posts += options.cjk;
    }
    CHECK(checked == 19);
    CHECK(cjk_posts == 9);
}

TEST_CASE("plain text: a CJK post counts each character of a word that is not all ASCII") {
    PlainText t(PlainTextRules{true, 70, false});
    const std::string s = "Hugo 是一个 generator，快";
    t.text(s.data(), s.size());
    t.finish();
    // "Hugo" 1, "是一个" 3, "generator，快" 11 characters
    CHECK(t.words() == 15);
    CHECK(t.reading_minutes() == 1);
}

TEST_CASE("plain text: a word split across pieces of text is one word") {
    for (bool cjk : {false, true}) {
        PlainText t(PlainTextRules{cjk, 70, false});
        t.text("ab", 2);
        t.text("\xE4\xB8\xAD", 3);  // 中
        t.space();
        t.text("cd", 2);
        t.finish();
        CHECK(t.words() == (cjk ? 4u : 2u));
    }
}

TEST_CASE("plain text: Unicode spaces separate words as Go's unicode.IsSpace says") {
    PlainText t(PlainTextRules{});
    const std::string s = "a\xC2\xA0" "b\xE3\x80\x80" "c\xE2\x80\x83" "d\xE2\x80\x8B" "e";  // NBSP, ideographic, em space; ZWSP is no space
    t.text(s.data(), s.size());
    t.finish();
    CHECK(t.words() == 4);
}

TEST_CASE("plain text: summaries by Hugo's two rules") {
    SECTION("by sentence: the first words, then on to '.', '?', '!' or a line's end") {
        CHECK(plain_summary_sentence("a b c d. e f", 2, false).text == "a b c d.");
        CHECK(plain_summary_sentence("a b c d. e f", 2, false).truncated);
        CHECK(plain_summary_sentence("a b c d\ne f", 2, false).text == "a b c d");
        CHECK(plain_summary_sentence("a b c d e f", 2, false).text == "a b c d e f");
        CHECK_FALSE(plain_summary_sentence("a b c d e f", 2, false).truncated);
        CHECK(plain_summary_sentence("nospace", 2, false).text == "nospace");
        CHECK(plain_summary_sentence("a b c.", 2, true).truncated);
    }
    SECTION("by characters: words of ASCII count one, others one per character") {
        CHECK(plain_summary_runes("\xE4\xB8\x80\xE4\xBA\x8C\xE4\xB8\x89\xE5\x9B\x9B", 2, false).text ==
              "\xE4\xB8\x80\xE4\xBA\x8C");  // 一二三四 → 一二
        CHECK(plain_summary_runes("one two three", 2, false).text == "one two");
        CHECK(plain_summary_runes("one two three", 2, false).truncated);
        CHECK(plain_summary_runes("one  two", 2, false).text == "one two");
        CHECK_FALSE(plain_summary_runes("one  two", 2, false).truncated);
    }
}

TEST_CASE("plain text: CJK detection is Hugo's: Han, Hangul, Hiragana or Katakana anywhere") {
    CHECK(text_has_cjk("title: x\n---\nplain \xE4\xB8\xAD"));   // 中
    CHECK(text_has_cjk("\xED\x95\x9C"));                          // 한
    CHECK(text_has_cjk("\xE3\x81\x82"));                          // あ
    CHECK(text_has_cjk("\xE3\x82\xA2"));                          // ア
    CHECK_FALSE(text_has_cjk("caf\xC3\xA9 \xD0\x96 \xE2\x80\x94 \xEF\xBC\x81"));  // é Ж — ！(fullwidth, Common)
    CHECK_FALSE(markdown_is_cjk("\xE4\xB8\xAD", false, std::nullopt));  // hasCJKLanguage off
    CHECK(markdown_is_cjk("plain", false, true));                       // the front matter decides
    CHECK_FALSE(markdown_is_cjk("\xE4\xB8\xAD", true, false));
}

TEST_CASE("plain text: image alt text is not counted, as it is not in Hugo's .Plain") {
    auto r = markdown_render("one ![alt words here](x.png) two");
    REQUIRE(r);
    CHECK(r.value().word_count == 2);
    CHECK(r.value().summary == "one two");
}

TEST_CASE("plain text: sections split the post's text at its headings when asked") {
    MarkdownOptions o;
    o.collect_sections = true;
    const RenderedMarkdown r = markdown_render(
        "Intro *text*\nwith a break.\n\n## First **one**\n\nBody one.\n\n```go\ncode  here\n```\n\n"
        "![alt is not text](x.png)\n\n## First one\n\n- item\n- two\n",
        o).value();
    REQUIRE(r.sections.size() == 3);
    CHECK(r.sections[0].heading_id == "");
    CHECK(r.sections[0].heading_text == "");
    CHECK(r.sections[0].text == "Intro text with a break.");
    CHECK(r.sections[1].heading_id == "first-one");
    CHECK(r.sections[1].heading_text == "First one");
    CHECK(r.sections[1].text == "Body one. code here");  // code blocks' text is body text
    CHECK(r.sections[2].heading_id == "first-one-1");
    CHECK(r.sections[2].text == "item two");
    // Off by default: the render is as it was.
    const RenderedMarkdown plain = markdown_render("# A\n\ntext\n").value();
    CHECK(plain.sections.empty());
    CHECK(plain.html == markdown_render("# A\n\ntext\n", o).value().html);
}
