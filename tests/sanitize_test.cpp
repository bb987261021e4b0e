#include <catch2/catch.hpp>

#include <string>

#include "core/html/sanitize.hpp"

using namespace blog;

namespace {

std::string clean(std::string_view html, size_t* dropped = nullptr) { return html_sanitize(html, {}, dropped); }

// The same input fed in pieces cut at `cuts`.
std::string fed(std::string_view html, std::initializer_list<size_t> cuts) {
    HtmlSanitizer s;
    std::string out;
    size_t at = 0;
    for (size_t cut : cuts) {
        s.feed(html.substr(at, cut - at), out);
        at = cut;
    }
    s.feed(html.substr(at), out);
    s.finish(out);
    return out;
}

}  // namespace

TEST_CASE("sanitize: the elements a post needs are kept with their allowed attributes") {
    CHECK(clean("<details open><summary>More</summary><p>Hidden</p></details>") ==
          "<details open><summary>More</summary><p>Hidden</p></details>");
    CHECK(clean("Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, <u>under</u>, x<sup>2</sup> H<sub>2</sub>O") ==
          "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, <u>under</u>, x<sup>2</sup> H<sub>2</sub>O");
    CHECK(clean("<div class=\"note warn\" id=\"n-1\">x</div>") == "<div class=\"note warn\" id=\"n-1\">x</div>");
    CHECK(clean("<abbr title=\"HyperText\">HTML</abbr>") == "<abbr title=\"HyperText\">HTML</abbr>");
    CHECK(clean("<ol start=\"3\" reversed><li>a</li></ol>") == "<ol start=\"3\" reversed><li>a</li></ol>");
    CHECK(clean("<table><tr><td colspan=\"2\" align=\"center\">x</td></tr></table>") ==
          "<table><tr><td colspan=\"2\" align=\"center\">x</td></tr></table>");
    CHECK(clean("a<br>b<hr/>c<br />") == "a<br>b<hr>c<br>");
}

TEST_CASE("sanitize: an id or class outside letters, digits, '-' and '_' is dropped") {
    size_t dropped = 0;
    CHECK(clean("<div id=\"a b\" class=\"x:y\">t</div>", &dropped) == "<div>t</div>");
    CHECK(dropped == 2);
}

TEST_CASE("sanitize: an image keeps its attributes and loads lazily") {
    CHECK(clean("<img src=\"a.png\" alt=\"A &amp; B\" width=\"300\">") ==
          "<img src=\"a.png\" alt=\"A &amp; B\" width=\"300\" loading=\"lazy\">");
    CHECK(clean("<img src=\"a.png\" loading=\"eager\">") == "<img src=\"a.png\" loading=\"eager\">");
    CHECK(clean("<picture><source srcset=\"a.webp\" type=\"image/webp\"><img src=\"a.jpg\"></picture>") ==
          "<picture><source srcset=\"a.webp\" type=\"image/webp\"><img src=\"a.jpg\" loading=\"lazy\"></picture>");
}

TEST_CASE("sanitize: script and style are dropped with their content, counted once") {
    size_t dropped = 0;
    CHECK(clean("a<script>alert('<b>x</b>')</script>b", &dropped) == "ab");
    CHECK(dropped == 1);
    CHECK(clean("a<STYLE>body{}</style >b") == "ab");
    CHECK(clean("a<script>x</scripty>still</SCRIPT>b") == "ab");
    CHECK(clean("<svg><g><svg></svg><script>x</script></g></svg>after") == "after");
    CHECK(clean("<textarea><p>x</p></textarea>y") == "y");
    CHECK(clean("<plaintext>everything <b>after</b>") == "");
}

TEST_CASE("sanitize: an unknown element's tag is dropped, its content kept") {
    size_t dropped = 0;
    CHECK(clean("<font color=red>red</font> <section>s</section>", &dropped) == "red s");
    CHECK(dropped == 2);
    CHECK(clean("<form><input value=x><button>go</button></form>") == "go");
}

TEST_CASE("sanitize: event handlers, style and srcdoc never pass") {
    size_t dropped = 0;
    CHECK(clean("<img src=x onerror=alert(1) style=\"x\">", &dropped) == "<img src=\"x\" loading=\"lazy\">");
    CHECK(dropped == 2);
    CHECK(clean("<div/onclick=alert(1)>x</div>") == "<div>x</div>");
    CHECK(clean("<p ONMOUSEOVER='x'>y</p>") == "<p>y</p>");
}

TEST_CASE("sanitize: script URLs are dropped, however written") {
    for (const char* html : {"<a href=\"javascript:alert(1)\">x</a>", "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
                             "<a href=\"&#106;avascript:alert(1)\">x</a>", "<a href=\"&#x6A&#x61vascript:x\">x</a>",
                             "<a href=\"java&Tab;script:alert(1)\">x</a>", "<a href=\" \x01javascript:x\">x</a>",
                             "<a href=vbscript:x>x</a>", "<a href='data:text/html,<script>x</script>'>x</a>"}) {
        INFO(html);
        CHECK(clean(html) == "<a>x</a>");
    }
    CHECK(clean("<img src=\"javascript:x\">") == "<img loading=\"lazy\">");
    CHECK(clean("<img src=\"data:image/png;base64,AAAA\">") == "<img src=\"data:image/png;base64,AAAA\" loading=\"lazy\">");
    CHECK(clean("<video poster=\"javascript:x\" controls></video>") == "<video controls></video>");
}

TEST_CASE("sanitize: an absolute link is written with rel=noopener noreferrer") {
    CHECK(clean("<a href=\"https://example.com/?a=1&amp;b=2\" target=_blank>x</a>") ==
          "<a href=\"https://example.com/?a=1&amp;b=2\" rel=\"noopener noreferrer\">x</a>");
    CHECK(clean("<a href=\"/posts/x/\">x</a>") == "<a href=\"/posts/x/\">x</a>");
}

TEST_CASE("sanitize: each srcset candidate is judged as an image") {
    CHECK(clean("<img srcset=\"a.png 1x, javascript:x 2x,b.png 480w\">") ==
          "<img srcset=\"a.png 1x, b.png 480w\" loading=\"lazy\">");
    CHECK(clean("<img srcset=\"data:image/png;base64,AA,BB 1x\">") ==
          "<img srcset=\"data:image/png;base64,AA,BB 1x\" loading=\"lazy\">");
    CHECK(clean("<img srcset=\"javascript:x\">") == "<img loading=\"lazy\">");
}

TEST_CASE("sanitize: the caller's filter judges and rewrites every URL") {
    SanitizeUrlFilter f = [](std::string& url, UrlUse use) {
        if (url == "bad.png") return false;
        url = (use == UrlUse::Image ? "/img/" : "/link/") + url;
        return true;
    };
    CHECK(html_sanitize("<a href=\"x\">l</a><img src=\"y.png\"><img src=\"bad.png\">", f) ==
          "<a href=\"/link/x\">l</a><img src=\"/img/y.png\" loading=\"lazy\"><img loading=\"lazy\">");
}

TEST_CASE("sanitize: an iframe is kept only from a video host, sandboxed") {
    const std::string yt =
        "<iframe src=\"https://www.youtube.com/embed/abc\" width=\"560\" height=\"315\" title=\"T\" sandbox=\"allow-scripts "
        "allow-same-origin allow-presentation allow-popups\" loading=\"lazy\" allowfullscreen "
        "referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>";
    CHECK(clean("<iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/abc\" title=\"T\" "
                "frameborder=\"0\" allow=\"autoplay\" allowfullscreen></iframe>") == yt);
    CHECK(clean("<iframe src=\"//www.youtube.com/embed/abc\" width=560 height=315 title=T>fallback</iframe>") == yt);
    CHECK(clean("<iframe src=\"https://player.vimeo.com/video/1\"></iframe>").find("player.vimeo.com") != std::string::npos);
    size_t dropped = 0;
    for (const char* html : {"<iframe src=\"https://evil.example/embed/\">x</iframe>",
                             "<iframe src=\"https://www.youtube.com.evil.example/embed/\"></iframe>",
                             "<iframe src=\"https://www.youtube.com@evil.example/embed/\"></iframe>",
                             "<iframe src=\"javascript:alert(1)\"></iframe>",
                             "<iframe srcdoc=\"<script>x</script>\"></iframe>"}) {
        INFO(html);
        CHECK(clean(html, &dropped) == "");
        CHECK(dropped >= 1);
    }
}

TEST_CASE("sanitize: video plays by itself only when muted") {
    CHECK(clean("<video src=\"v.mp4\" autoplay muted loop playsinline></video>") ==
          "<video src=\"v.mp4\" autoplay muted loop playsinline></video>");
    CHECK(clean("<video src=\"v.mp4\" autoplay controls></video>") == "<video src=\"v.mp4\" controls></video>");
}

TEST_CASE("sanitize: a tag split across feeds at any byte gives what one feed gives") {
    const std::string html =
        "<DIV class='a'>T &amp; &lt;x&gt; &#x41;<img SRC = \"p.png\"\nalt=\"a&quot;b\"/><!-- c -- > --><a href=x.md>l</a>"
        "<script>no</script ><details open>\n<summary>S</summary></details>&copy;&bogus; &#65</DIV>";
    const std::string whole = clean(html);
    CHECK(whole ==
          "<div class=\"a\">T &amp; &lt;x&gt; A<img src=\"p.png\" alt=\"a&quot;b\" loading=\"lazy\"><a href=\"x.md\">l</a>"
          "<details open>\n<summary>S</summary></details>\xC2\xA9&amp;bogus; A</div>");
    for (size_t a = 0; a <= html.size(); ++a) {
        INFO("cut at " << a);
        REQUIRE(fed(html, {a}) == whole);
    }
    for (size_t a = 0; a + 7 <= html.size(); a += 7) REQUIRE(fed(html, {a, a + 3, a + 4}) == whole);
}

TEST_CASE("sanitize: end tags close only what was opened; what is left open is closed at the end") {
    CHECK(clean("</div></p>text</span>") == "text");
    CHECK(clean("<div><span>a</div>b") == "<div><span>a</span></div>b");
    CHECK(clean("<details><summary>s</summary>") == "<details><summary>s</summary></details>");
    CHECK(clean("<br></br><img src=a></img>") == "<br><img src=\"a\" loading=\"lazy\">");
    HtmlSanitizer s;
    std::string out;
    s.feed("<details>\n<summary>Open</summary>\n", out);
    out += "<p>Markdown <em>between</em></p>\n";
    s.feed("</details>\n", out);
    s.finish(out);
    CHECK(out == "<details>\n<summary>Open</summary>\n<p>Markdown <em>between</em></p>\n</details>\n");
}

TEST_CASE("sanitize: deeper than 256 open elements, the opens are dropped") {
    std::string html;
    for (int i = 0; i < 300; ++i) html += "<div>";
    size_t dropped = 0;
    const std::string out = clean(html, &dropped);
    CHECK(dropped == 44);
    size_t opens = 0;
    for (size_t at = 0; (at = out.find("<div>", at)) != std::string::npos; ++at) ++opens;
    CHECK(opens == 256);
    CHECK(out.size() == 256 * (5 + 6));
}

TEST_CASE("sanitize: a tag longer than 64 KiB is dropped") {
    size_t dropped = 0;
    CHECK(clean("<img alt=\"" + std::string(70000, 'a') + "\">x", &dropped) == "x");
    CHECK(dropped == 1);
}

TEST_CASE("sanitize: comments, DOCTYPE, processing instructions and CDATA are dropped") {
    CHECK(clean("a<!--more-->b<!-- <script>x</script> -->c") == "abc");
    CHECK(clean("a<!-->b<!--->c") == "abc");
    CHECK(clean("a<!-- x --!>b") == "ab");
    CHECK(clean("<!DOCTYPE html>a<?xml x?>b<![CDATA[x]]>c</ x>d") == "abcd");
    // Outside SVG, CDATA is a bogus comment that ends at the first '>', as a browser reads it.
    CHECK(clean("<![CDATA[<script>]]>") == "]]&gt;");
    CHECK(clean("a<!-- never closed <b>x</b>") == "a");
}

TEST_CASE("sanitize: a '<' that starts no tag is text") {
    CHECK(clean("1 < 2 <3 <> a<b") == "1 &lt; 2 &lt;3 &lt;&gt; a");
    CHECK(clean("x & y &amp; z \"q\"") == "x &amp; y &amp; z &quot;q&quot;");
}

TEST_CASE("sanitize: odd spacing, case and quoting read as a browser reads them") {
    CHECK(clean("<IMG\tSRC=a.png\nALT='x y'>") == "<img src=\"a.png\" alt=\"x y\" loading=\"lazy\">");
    CHECK(clean("<a href=a.md title=\"t\"title=u>x</A>") == "<a href=\"a.md\" title=\"t\">x</a>");
    CHECK(clean("<img src=\"a.png\"src=\"javascript:x\">") == "<img src=\"a.png\" loading=\"lazy\">");
    CHECK(clean("<a\"onclick=x href=y>z</a>") == "z");  // the name is a"onclick=x: no <a>
    CHECK(clean("<a/href=y/title=t>z</a>") == "<a href=\"y/title=t\">z</a>");
    CHECK(clean("<b <i>>x</b>") == "<b>&gt;x</b>");
}
