// Math a Hugo blog writes between \( \) and \[ \] (KaTeX's auto-render
// delimiters), found in a post's Markdown before md4c reads it (md4c would
// take "\(" for an escaped parenthesis and read the TeX as Markdown). The
// renderer writes each formula as the math span $...$ gives.
//
// Two spellings, as Hugo shows them to KaTeX:
// - "\\( x \\)", "\\[ x \\]": Hugo 0.111's goldmark turns "\\(" into "\(" in
//   the page, where KaTeX finds it (params.math blogs). The formula is the
//   text after Markdown's backslash escapes, as the page holds it.
// - "\( x \)", "\[ x \]": kept as written by goldmark's passthrough
//   extension (markup.goldmark.extensions.passthrough); without it Hugo
//   shows "(x)", so these are math only with MathDelimiters::Passthrough.
// Never inside code spans, fenced or indented code blocks or HTML blocks;
// a formula ends where KaTeX's auto-render ends it (its closing delimiter
// outside braces) and never past a blank line; an opening delimiter without
// its closing one stays text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace blog {

enum class MathDelimiters {
    None,         // neither spelling is math
    Escaped,      // "\\( \\)", "\\[ \\]" (params.math)
    Passthrough,  // those and "\( \)", "\[ \]" (goldmark's passthrough)
};

struct MathSpan {
    size_t begin = 0;  // the opening delimiter, in the Markdown
    size_t end = 0;    // just past the closing delimiter
    bool display = false;  // \[ \]
    std::string tex;   // the formula as KaTeX reads it
};

// The formulas of `markdown`, in order. Linear in its size (the search
// stops, leaving the rest as text, once it has read 8 times the text).
std::vector<MathSpan> math_find(std::string_view markdown, MathDelimiters delimiters);

}  // namespace blog
