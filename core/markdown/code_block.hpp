// A fenced block's language and Hugo's options, read from its info string
// as Hugo 0.111 reads ```go {hl_lines=[2,8], linenos=true}: the language is
// the first word up to "{", the options goldmark's attributes after it
// (markup/highlight/config.go). Only what a reader sees is kept: the lines
// highlighted (hl_lines), whether lines are numbered (linenos) and from
// which number (linenostart); any other option (style, anchorlinenos,
// lineanchors, hl_inline, ...) is ignored. And the markup of such a block's
// lines: each line a <span class="line">, a highlighted one
// <span class="line hl">, a numbered one with data-n="N" (the number is drawn
// by CSS, so that it is never part of the code's text).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace blog {

// Lines first..last of a block, inclusive, counted from 1 at its first line
// (whatever linenostart says, as in Hugo).
struct CodeLineRange {
    int64_t first = 0;
    int64_t last = 0;
};

struct CodeBlockInfo {
    std::string_view language;          // a view of the info string; empty: none
    std::vector<CodeLineRange> highlighted;  // as written (at most kMaxRanges)
    bool line_numbers = false;          // linenos: true, "table", "inline"
    int64_t line_number_start = 1;      // linenostart (lineNoStart)

    // hl_lines beyond this many ranges are ignored: a hostile info string
    // costs memory per range, never per line number.
    static constexpr size_t kMaxRanges = 1024;

    // Whether the block's lines get their own markup (CodeLineMarkup).
    bool has_line_options() const { return line_numbers || !highlighted.empty(); }
};

// The language and options of an info string as md4c gives it (entities
// decoded). Hugo's rules: options that do not parse as goldmark attributes
// ({a=1 b} is not) are all ignored, as are hl_lines that do not parse as
// line numbers ("2-x"); hl_lines=[..] skips only its bad items. The result
// views `info`.
CodeBlockInfo code_block_info(std::string_view info);

// The opening tag of each line of a block with line options, in order.
// Lines are asked for one after the other: the highlighted ranges are
// sorted once and walked, so a block costs its lines plus its ranges.
class CodeLineMarkup {
public:
    explicit CodeLineMarkup(const CodeBlockInfo& info);

    // <span class="line"> (class "line hl" when highlighted; data-n="N"
    // when numbered) for the next line. Valid until the next call.
    std::string_view next_line_open();
    static constexpr std::string_view kLineClose = "</span>";

private:
    std::vector<CodeLineRange> ranges_;  // sorted, merged
    size_t range_ = 0;
    int64_t line_ = 0;                   // the last line opened, from 1
    bool numbers_ = false;
    int64_t start_ = 1;
    std::string tag_;
};

}  // namespace blog
