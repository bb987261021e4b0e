// Math between \( \) and \[ \] (core/markdown/math.hpp) as the renderer
// writes it: the math spans $...$ gives, typeset by web/enhance-math.js.
#include <catch2/catch.hpp>

#include <string>

#include "core/markdown/markdown.hpp"
#include "core/markdown/math.hpp"

using namespace blog;

namespace {

RenderedMarkdown render(const std::string& md, MathDelimiters math) {
    MarkdownOptions o;
    o.math = math;
    auto r = markdown_render(md, o);
    REQUIRE(r);
    return r.value();
}

std::string html(const std::string& md, MathDelimiters math = MathDelimiters::Passthrough) {
    return render(md, math).html;
}

}  // namespace

TEST_CASE("math: each delimiter is a math span, as $ and $$ give") {
    SECTION("\\( \\) inline, with goldmark's passthrough") {
        RenderedMarkdown r = render("Energy: \\( E = mc^2 \\).", MathDelimiters::Passthrough);
        CHECK(r.html == "<p>Energy: <span class=\"math inline\">E = mc^2</span>.</p>\n");
        CHECK(r.has_math);
    }
    SECTION("\\[ \\] display, over lines, its paragraph kept as $$ keeps it") {
        RenderedMarkdown r = render("\\[\n\\int_0^1 x^2\\,dx\n\\]", MathDelimiters::Passthrough);
        CHECK(r.html == "<p><span class=\"math display\">\\int_0^1 x^2\\,dx</span></p>\n");
        CHECK(r.has_math);
    }
    SECTION("the doubled spelling Hugo 0.111 blogs write: the TeX as the page holds it") {
        // goldmark turns "\\(" into "\(" and "\\\\" into "\\" (KaTeX's line break)
        CHECK(html("a \\\\( x_1 \\\\) b", MathDelimiters::Escaped) ==
              "<p>a <span class=\"math inline\">x_1</span> b</p>\n");
        CHECK(html("\\\\[ a \\\\\\\\ b \\\\]", MathDelimiters::Escaped) ==
              "<p><span class=\"math display\">a \\\\ b</span></p>\n");
        CHECK(html("\\\\( \\{x\\} \\\\)", MathDelimiters::Escaped) ==
              "<p><span class=\"math inline\">{x}</span></p>\n");
    }
    SECTION("Markdown inside a formula is not read: its _ and * stay TeX") {
        CHECK(html("\\( a_1 * b_2 = c * d_3 \\)") ==
              "<p><span class=\"math inline\">a_1 * b_2 = c * d_3</span></p>\n");
    }
    SECTION("a closing delimiter inside braces does not close it (KaTeX's rule)") {
        CHECK(html("\\( \\text{\\)} x \\)") == "<p><span class=\"math inline\">\\text{\\)} x</span></p>\n");
    }
    SECTION("in a list item, a heading and a table cell") {
        CHECK(html("- \\( x \\)") == "<ul>\n<li><span class=\"math inline\">x</span></li>\n</ul>\n");
        const std::string h = html("## \\( x \\)");
        INFO(h);
        CHECK(h.rfind("<h2", 0) == 0);
        CHECK(h.find("<span class=\"math inline\">x</span>") != std::string::npos);
        CHECK(html("| a |\n|---|\n| \\( |x| \\) |").find("<td><span class=\"math inline\">|x|</span></td>") !=
              std::string::npos);
    }
}

TEST_CASE("math: what Hugo does not show as math stays text") {
    SECTION("math off: Markdown's escapes, as before") {
        RenderedMarkdown r = render("\\( x \\) and \\\\( y \\\\)", MathDelimiters::None);
        CHECK(r.html == "<p>( x ) and \\( y \\)</p>\n");
        CHECK_FALSE(r.has_math);
    }
    SECTION("params.math without passthrough: \\( is an escaped parenthesis, as in Hugo 0.111") {
        RenderedMarkdown r = render("see \\[1\\] and \\(x\\)", MathDelimiters::Escaped);
        CHECK(r.html == "<p>see [1] and (x)</p>\n");
        CHECK_FALSE(r.has_math);
    }
    SECTION("unbalanced delimiters") {
        RenderedMarkdown r = render("\\( x and no end", MathDelimiters::Passthrough);
        CHECK(r.html == "<p>( x and no end</p>\n");
        CHECK_FALSE(r.has_math);
        CHECK(html("\\[ x\n\ny \\]") == "<p>[ x</p>\n<p>y ]</p>\n");  // never past a blank line
        CHECK(html("\\(\\)") == "<p>()</p>\n");
    }
    SECTION("code spans, fenced and indented code blocks are not touched") {
        CHECK(html("`\\( x \\)` and \\( y \\)") ==
              "<p><code>\\( x \\)</code> and <span class=\"math inline\">y</span></p>\n");
        CHECK(html("``a ` \\( x \\)`` b") == "<p><code>a ` \\( x \\)</code> b</p>\n");
        CHECK(html("```tex\n\\[ x \\]\n```\n") == "<pre><code class=\"language-tex\">\\[ x \\]\n</code></pre>\n");
        CHECK(html("~~~~\n\\( x \\)\n~~~\n\\( y \\)\n~~~~\n").find("math") == std::string::npos);
        CHECK(html("text\n\n    \\( x \\)\n") == "<p>text</p>\n<pre><code>\\( x \\)\n</code></pre>\n");
        CHECK_FALSE(render("`\\(x\\)`", MathDelimiters::Passthrough).has_math);
    }
    SECTION("an escaped backslash before a parenthesis is text") {
        CHECK(html("\\\\\\( x \\)", MathDelimiters::Passthrough) ==
              "<p>\\<span class=\"math inline\">x</span></p>\n");
    }
}

TEST_CASE("math: the TeX is written as text, never as markup") {
    RenderedMarkdown r = render("\\( a < b <script>alert(1)</script> & \\)", MathDelimiters::Passthrough);
    CHECK(r.html == "<p><span class=\"math inline\">a &lt; b &lt;script&gt;alert(1)&lt;/script&gt; &amp;</span></p>\n");
    SECTION("a post cannot forge the placeholder the formula stands as") {
        RenderedMarkdown f = render("HAHABLOGSC0-0-HBHB \\( x \\)", MathDelimiters::Passthrough);
        CHECK(f.html == "<p>HAHABLOGSC0-0-HBHB <span class=\"math inline\">x</span></p>\n");
    }
    SECTION("beside shortcodes") {
        CHECK(html("{{< param title >}} \\( x \\)").find("<span class=\"math inline\">x</span>") != std::string::npos);
    }
}

TEST_CASE("math: finding formulas stays linear on hostile input") {
    std::string openers;
    for (int i = 0; i < 200000; ++i) openers += "\\( { ";
    auto r = markdown_render(openers, [] {
        MarkdownOptions o;
        o.math = MathDelimiters::Passthrough;
        return o;
    }());
    CHECK(r);
    std::string ticks;
    for (int i = 0; i < 100000; ++i) ticks += "` `` \\(x ";
    CHECK(math_find(ticks, MathDelimiters::Passthrough).size() <= 100000);
}
