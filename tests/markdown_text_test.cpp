// The renderer's passes over every byte of text (core/markdown): escaping,
// word counting and the search for <!--more-->, which work on eight bytes at a
// time. Each case puts the bytes that matter at every offset within a word of
// eight and checks the result against a byte-by-byte reference.
#include <catch2/catch.hpp>

#include <string>

#include "core/markdown/markdown.hpp"

using namespace blog;

namespace {

RenderedMarkdown render(const std::string& text) {
    auto r = markdown_render(text);
    if (!r.ok()) FAIL(r.error().message);
    return std::move(r).value();
}

// md4c-html's text escaping, byte by byte.
std::string escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

// Words as Hugo's TotalWords counts them: runs between Go's unicode.IsSpace
// characters (ASCII's, and U+00A0, the only other one the generated lines use).
size_t word_count(const std::string& text) {
    size_t n = 0;
    bool in_word = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const bool nbsp = text.compare(i, 2, "\xC2\xA0") == 0;
        const bool space = is_space(text[i]) || nbsp;
        if (!space && !in_word) ++n;
        in_word = !space;
        if (nbsp) ++i;
    }
    return n;
}

// A fenced code block: md4c hands its lines over as they are.
std::string code_block(const std::string& content) { return "```\n" + content + "```\n"; }
std::string code_html(const std::string& content) { return "<pre><code>" + escaped(content) + "</code></pre>\n"; }

// Deterministic pseudo-random numbers (a 64-bit LCG).
struct Lcg {
    unsigned long long s;
    unsigned next(unsigned n) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return unsigned(s >> 33) % n;
    }
};

}  // namespace

TEST_CASE("markdown text: each escaped byte at every offset of an 8-byte word") {
    for (const char* special : {"&", "<", ">", "\"", "&&", "<>", "\"&<>"}) {
        for (size_t before = 0; before <= 17; ++before) {
            for (size_t after : {0, 1, 6, 7, 8, 9, 16}) {
                const std::string line = std::string(before, 'a') + special + std::string(after, 'b') + "\n";
                INFO("line: " << line);
                CHECK(render(code_block(line)).html == code_html(line));
            }
        }
    }
}

TEST_CASE("markdown text: bytes next to the escaped ones are not taken for them") {
    // Neighbours of & < > " in the bit patterns the search compares, and
    // bytes above 0x7F whose low seven bits are one of them (in UTF-8).
    const std::string line = "!#$%'()*+,-./0123456789:;=?@ \xC2\xA6\xC2\xA2\xC2\xBC\xC2\xBE \xE2\x80\x9C\xE2\x80\x9D \xE2\x80\xA6\n";
    for (size_t shift = 0; shift < 8; ++shift) {
        const std::string shifted = std::string(shift, 'x') + line;
        CHECK(render(code_block(shifted)).html == code_html(shifted));
        const std::string with = std::string(shift, 'x') + "&" + line + "<\"" + line + ">";
        CHECK(render(code_block(with + "\n")).html == code_html(with + "\n"));
    }
}

TEST_CASE("markdown text: words are counted the same at every offset") {
    SECTION("each kind of space, before and after a word of each length") {
        for (const char* space : {" ", "\t", "\v", "\f", "  ", " \t "}) {
            for (size_t lead = 1; lead <= 9; ++lead) {  // a line starting with a tab would be indented
                for (size_t len = 1; len <= 17; ++len) {
                    const std::string line =
                        std::string(lead, 'x') + space + std::string(len, 'w') + space + "\xC3\xA9t\xC3\xA9" + "\n";
                    INFO("line: " << line);
                    RenderedMarkdown r = render(code_block(line));
                    CHECK(r.word_count == word_count(line));
                    CHECK(r.html == code_html(line));
                }
            }
        }
    }
    SECTION("generated lines, long enough to pass the first 70 words") {
        Lcg rng{42};
        const char* pieces[] = {" ", "\t", "\v", "\f", "  ", "a", "bc", "def", "word", "\xC3\xA9", "\xC2\xA0",
                                "\xE2\x80\x94", "&", "<b>", "\"q\"", "x>y", "0123456789"};
        for (int doc = 0; doc < 40; ++doc) {
            std::string content;
            for (int line = 0; line < 12; ++line) {
                content += "z";  // no line starts with a space: the block stays as written
                for (unsigned k = rng.next(40); k > 0; --k) content += pieces[rng.next(sizeof pieces / sizeof *pieces)];
                content += "\n";
            }
            INFO("content: " << content);
            RenderedMarkdown r = render(code_block(content));
            CHECK(r.word_count == word_count(content));
            CHECK(r.html == code_html(content));
        }
    }
}

TEST_CASE("markdown text: <!--more--> is found wherever it is, and only it") {
    const std::string many = "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22 w23 "
                             "w24 w25 w26 w27 w28 w29 w30 w31 w32 w33 w34 w35 w36 w37 w38 w39 w40 w41 w42 w43 w44 "
                             "w45 w46 w47 w48 w49 w50 w51 w52 w53 w54 w55 w56 w57 w58 w59 w60 w61 w62 w63 w64 w65 "
                             "w66 w67 w68 w69 w70 w71 w72 w73 w74 w75";
    SECTION("the marker at every offset: the summary keeps all 75 words") {
        for (size_t pad = 0; pad <= 12; ++pad) {
            RenderedMarkdown r = render(std::string(pad, 'p') + (pad ? " " : "") + many + "\n\n<!--more-->");
            CHECK(r.summary.substr(r.summary.size() - 3) == "w75");
            CHECK_FALSE(r.summary_truncated);
        }
    }
    SECTION("the marker as the whole post, and at its start") {
        CHECK(render("<!--more-->").summary.empty());
        RenderedMarkdown r = render("<!--more-->\n\n" + many);
        CHECK(r.summary.empty());
        CHECK(r.summary_truncated);
    }
    SECTION("near misses leave the automatic summary: the 75 words of the first paragraph") {
        for (const char* miss : {"<!--more--", "!--more-->", "<!-more-->", "<!--mor-->", "<!--more->", "<!--m0re-->",
                                 ">>>>>>>>>>>", "-----------", "<<!--more->>"}) {
            RenderedMarkdown r = render(many + "\n\n`" + miss + "`");
            INFO(miss);
            CHECK(r.summary.substr(r.summary.size() - 4) == " w75");
            CHECK(r.summary_truncated);
        }
    }
}
