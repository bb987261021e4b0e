// Hugo's shortcodes: each built-in against what Hugo 0.111.3 prints for the
// same shortcode (a tiny site built with Debian's hugo), the blog's own
// templates, malformed input, forged placeholders, summaries.
#include <catch2/catch.hpp>

#include "core/index/post_index.hpp"
#include "core/markdown/markdown.hpp"
#include "core/page/page.hpp"
#include "core/shortcode/go_template.hpp"
#include "core/shortcode/shortcode.hpp"

using namespace blog;

namespace {

RenderedMarkdown render(std::string_view md, const KeyValues* templates = nullptr, KeyValues page_params = {}) {
    MarkdownOptions o;
    o.shortcodes.templates = templates;
    o.shortcodes.page_params = std::move(page_params);
    o.shortcodes.ref = [](std::string_view t) { return t == "b.md" ? std::string("/posts/b/") : std::string(); };
    auto r = markdown_render(md, o);
    REQUIRE(r);
    return r.value();
}

std::string run(std::string_view tmpl, std::vector<ShortcodeArg> args = {}, std::string_view inner = {}) {
    TemplateCall call;
    call.name = "t";
    call.args = &args;
    for (auto& a : args) call.is_named = call.is_named || !a.name.empty();
    call.inner = inner;
    static const KeyValues page = {{"color", "blue"}, {"title", "My post"}};
    call.page_params = &page;
    TemplateOutput out = template_execute(tmpl, call);
    return out.ok ? out.html : "UNSUPPORTED: " + out.unsupported;
}

}  // namespace

TEST_CASE("shortcode figure: every parameter, as Hugo 0.111.3 prints it") {
    auto r = render(R"({{< figure src="x.png" link="https://e.org/" target="_blank" rel="noopener" alt="Alt & co" title="T" caption="A *cap*" class="c" height="10" width="20" attr="By **me**" attrlink="https://a.org/" >}})");
    // Hugo's output for the same shortcode, alone in its paragraph (no <p> around it).
    CHECK(r.html == "<figure class=\"c\"><a href=\"https://e.org/\" target=\"_blank\" rel=\"noopener\"><img src=\"x.png\"\n"
                    "         alt=\"Alt &amp; co\" width=\"20\" height=\"10\"/></a><figcaption>\n"
                    "            <h4>T</h4><p>A <em>cap</em>\n"
                    "                    <a href=\"https://a.org/\">By <strong>me</strong></a></p>\n"
                    "        </figcaption>\n"
                    "</figure>\n");
    auto only = render(R"({{< figure src="y.png" caption="only caption" >}})");
    CHECK(only.html == "<figure><img src=\"y.png\"\n         alt=\"only caption\"/><figcaption>\n"
                       "            <p>only caption</p>\n        </figcaption>\n</figure>\n");
    CHECK(render(R"x({{< figure src="javascript:alert(1)" >}})x").html.find("javascript") == std::string::npos);
}

TEST_CASE("shortcode youtube and vimeo: privacy-enhanced lazy embeds with a link to the video under them") {
    auto y = render("{{< youtube w7Ft2ymGmfc >}}").html;
    CHECK(y.find("<iframe src=\"https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc\" style=\"position: absolute; top: 0; "
                 "left: 0; width: 100%; height: 100%; border:0;\" allowfullscreen title=\"YouTube Video\" loading=\"lazy\">") !=
          std::string::npos);
    CHECK(y.find("<a href=\"https://www.youtube.com/watch?v=w7Ft2ymGmfc\">") != std::string::npos);
    auto named = render(R"({{< youtube id="abc" class="v" title="My" autoplay="true" start="30" >}})").html;
    CHECK(named.find("<div class=\"v\">") != std::string::npos);
    CHECK(named.find("embed/abc?autoplay=1&amp;start=30\" allowfullscreen title=\"My\"") != std::string::npos);
    auto v = render("{{< vimeo 146022717 >}}").html;
    CHECK(v.find("https://player.vimeo.com/video/146022717?dnt=1") != std::string::npos);
    CHECK(v.find("<a href=\"https://vimeo.com/146022717\">") != std::string::npos);
}

TEST_CASE("shortcode gist, tweet, instagram: a link card and no third-party script") {
    auto r = render("{{< gist spf13 7896402 >}}\n\n{{< tweet user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}\n\n"
                    "{{< instagram BWNjjyYFxVx >}}").html;
    CHECK(r.find("<script") == std::string::npos);
    CHECK(r.find("href=\"https://gist.github.com/spf13/7896402\"") != std::string::npos);
    CHECK(r.find("href=\"https://twitter.com/SanDiegoZoo/status/1453110110599868418\"") != std::string::npos);
    CHECK(r.find("href=\"https://www.instagram.com/p/BWNjjyYFxVx/\"") != std::string::npos);
}

TEST_CASE("shortcode highlight: a fenced code block of its language, its options in the info string") {
    auto r = render("{{< highlight go \"linenos=table,hl_lines=2 4-5\" >}}\npackage main\nfunc main() {}\n{{< /highlight >}}");
    CHECK(r.html.rfind("<pre><code class=\"language-go", 0) == 0);
    CHECK(r.html.find("<span class=\"line\" data-n=\"1\">package main\n</span>"
                      "<span class=\"line hl\" data-n=\"2\">func main() {}\n</span></code></pre>") != std::string::npos);
    CHECK(r.has_code);
    ShortcodeOptions o;
    CHECK(shortcode_expand("{{< highlight go \"hl_lines=2 4-5\" >}}\nx\n{{< /highlight >}}", o).text ==
          "```go {hl_lines=[2,\"4-5\"]}\nx\n```\n");
}

TEST_CASE("shortcode ref and relref: the target's URL in a link; a missing one is a problem at its line") {
    auto r = render("Intro\n\n[link]({{< ref \"b.md\" >}}) and [gone]({{< relref \"nope.md\" >}})");
    CHECK(r.html.find("<a href=\"/posts/b/\">link</a>") != std::string::npos);
    REQUIRE(r.shortcode_problems.size() == 1);
    CHECK(r.shortcode_problems[0].kind == ShortcodeProblem::Kind::MissingRef);
    CHECK(r.shortcode_problems[0].line == 3);
}

TEST_CASE("shortcode ref: a post by its file, its name, its bundle, with an anchor (page_ref_href)") {
    auto site = index_parse(R"({"posts":[{"slug":"a","title":"A","file":"../posts/a.md"},
        {"slug":"trip","title":"T","file":"../posts/2021/trip/index.md"}]})", "index.json");
    REQUIRE(site);
    const SiteIndex& s = site.value();
    const Post& a = *s.find("a");
    CHECK(page_ref_href(s, a, "posts/2021/trip/index.md", {}) == "#/posts/trip");
    CHECK(page_ref_href(s, a, "trip", {}) == "#/posts/trip");
    CHECK(page_ref_href(s, a, "a.md#h", {}) == "#/posts/a#h");
    CHECK(page_ref_href(s, a, "missing.md", {}).empty());
    // Hugo finds pages by their path in lower case, and sections' and terms' pages too.
    CHECK(page_ref_href(s, a, "posts/2021/TRIP/index.md", {}) == "#/posts/trip");
    CHECK(page_ref_href(s, a, "/categories/til", {}) == "#/categories/til");
    CHECK(page_ref_href(s, a, "posts/nowhere", {}).empty());
}

TEST_CASE("shortcode param, details, collapse, inTextImg, rawhtml") {
    CHECK(render("Inline {{< param mp >}} here.", nullptr, {{"mp", "page <value>"}}).html ==
          "<p>Inline page &lt;value&gt; here.</p>\n");
    auto d = render("{{< details summary=\"More\" open=true >}}\nHidden *text*\n{{< /details >}}").html;
    CHECK(d == "<details open>\n\t<summary>More</summary>\n\tHidden <em>text</em></details>\n");
    auto c = render("{{< collapse summary=\"Sum\" openByDefault=true >}}\nBody\n{{< /collapse >}}").html;
    CHECK(c == "<details open>\n  <summary markdown=\"span\">Sum</summary>\n  Body\n</details>\n");
    CHECK(render("A {{< inTextImg url=\"i.png\" alt=\"i\" >}} B").html ==
          "<p>A <img class=\"in-text\" height=\"15\" src=\"i.png\" alt=\"i\"> B</p>\n");
    auto raw = render("{{< rawhtml >}}\n<b>bold</b><script>alert(1)</script>\n{{< /rawhtml >}}").html;
    CHECK(raw.find("<script") == std::string::npos);
    CHECK(raw.find("bold") != std::string::npos);
}

TEST_CASE("shortcode syntax: the comment form stays literal, in text and in code, as Hugo shows it") {
    auto r = render("{{</* figure src=\"z\" */>}}\n\n```\n{{%/* note */%}}\n```");
    CHECK(r.html == "<p>{{&lt; figure src=&quot;z&quot; &gt;}}</p>\n<pre><code>{{% note %}}\n</code></pre>\n");
    CHECK(r.summary.find("{{") == std::string::npos);
}

TEST_CASE("shortcode syntax: shortcodes in a code fence are expanded, as Hugo does") {
    CHECK(render("```\n{{< param mp >}} in fence\n```", nullptr, {{"mp", "v"}}).html ==
          "<pre><code>v in fence\n</code></pre>\n");
}

TEST_CASE("shortcode syntax: {{% %}} output is Markdown; positional, named, raw-string and self-closing args") {
    KeyValues t = {{"say", "{{ .Get 0 }}-{{ .Get 1 }}"}, {"em", "*{{ .Get \"w\" }}*"}};
    auto r = render("{{% em w=`raw \"q\"` %}} and {{< say \"a b\" c />}}", &t);
    CHECK(r.html == "<p><em>raw &quot;q&quot;</em> and a b-c</p>\n");
}

TEST_CASE("shortcode templates: each construct of the Go templates blogs write") {
    CHECK(run("{{ .Get \"a\" | default \"x\" }}") == "x");
    CHECK(run("{{ .Get \"a\" }}", {{"a", "<b>", true}}) == "&lt;b&gt;");
    CHECK(run("{{ .Inner }}", {}, "<i>in</i>") == "<i>in</i>");
    CHECK(run("{{ with .Get \"a\" }}[{{ . }}]{{ else }}none{{ end }}", {{"a", "v", true}}) == "[v]");
    CHECK(run("{{ with .Get \"a\" }}[{{ . }}]{{ else }}none{{ end }}") == "none");
    CHECK(run("{{ if eq (.Get 0) \"x\" }}X{{ else if ne (.Get 0) \"y\" }}not y{{ else }}Y{{ end }}", {{"", "z", true}}) == "not y");
    CHECK(run("{{ range split (.Get \"w\") \" \" }}<{{ . }}>{{ end }}", {{"w", "a b", true}}) == "<a><b>");
    CHECK(run("{{ range $i, $e := split \"p,q\" \",\" }}{{ $i }}={{ $e }};{{ end }}") == "0=p;1=q;");
    CHECK(run("{{ $x := \"v\" }}{{ $x = upper $x }}{{ $x }}") == "V");
    CHECK(run("{{ printf \"%s-%d\" \"a\" 3 }} {{ lower \"AB\" }} {{ trim \"  t \" \" \" }}") == "a-3 ab t");
    CHECK(run("{{ and true \"x\" }} {{ or \"\" \"y\" }} {{ not false }}") == "x y true");
    CHECK(run("{{ .Page.Params.color }} {{ .Page.Title }}") == "blue My post");
    CHECK(run("a  {{- /* a comment */ -}}  b\n{{- \"c\" }}") == "abc");
    CHECK(run("{{ \"<i>\" | safeHTML }}") == "<i>");
    CHECK(run("{{ if .Get \"open\" }}open{{ end }}", {{"open", "true", false}}) == "open");
}

TEST_CASE("shortcode templates: what is not evaluated is named, and the post keeps the inner content") {
    CHECK(run("{{ partial \"x.html\" . }}") == "UNSUPPORTED: the function \"partial\"");
    CHECK(run("{{ .Page.Resources.Get \"x\" }}") == "UNSUPPORTED: the field .Page.Resources");
    KeyValues t = {{"box", "{{ $img := .Page.Resources.GetMatch \"x\" }}{{ .Inner }}"}};
    auto r = render("{{< box >}}\nkept *inner*\n{{< /box >}}\n\n{{< box >}}\nagain\n{{< /box >}}\n\n{{< nosuch >}}", &t);
    CHECK(r.html == "<p>kept <em>inner</em></p>\n<p>again</p>\n");
    REQUIRE(r.shortcodes_unsupported.size() == 2);
    CHECK(r.shortcodes_unsupported[0].name == "box");
    CHECK(r.shortcodes_unsupported[0].count == 2);
    CHECK(r.shortcodes_unsupported[0].reason == "the field .Page.Resources");
    CHECK(r.shortcodes_unsupported[1].reason == "no template");
    CHECK(r.html.find("{{") == std::string::npos);
}

TEST_CASE("shortcode templates: a blog's template output goes through the sanitizer") {
    KeyValues t = {{"note", "<div class=\"note\">{{ .Inner | markdownify }}</div><script>alert(1)</script>"}};
    auto r = render("{{< note >}}\nSome **bold**\n{{< /note >}}", &t);
    CHECK(r.html.find("<script") == std::string::npos);
    CHECK(r.html.find("bold") != std::string::npos);
}

TEST_CASE("shortcode templates: loops and output are bounded") {
    CHECK(run("{{ range 100000 }}x{{ end }}").rfind("UNSUPPORTED: more than", 0) == 0);
    std::string nested;
    for (int i = 0; i < 100; ++i) nested += "{{ if true }}";
    CHECK(run(nested).rfind("UNSUPPORTED:", 0) == 0);
}

TEST_CASE("shortcode malformed: an unclosed shortcode is left as text with a problem at its line") {
    auto r = render("Line one\n\n{{< figure src=\"x.png >}}\n\n{{< details >}}\nnever closed");
    CHECK(r.html.find("{{&lt; figure") != std::string::npos);
    CHECK(r.html.find("{{&lt; details &gt;}}") != std::string::npos);
    REQUIRE(r.shortcode_problems.size() == 2);
    CHECK(r.shortcode_problems[0].line == 3);
    CHECK(r.shortcode_problems[1].line == 5);
}

TEST_CASE("shortcode malformed: deep nesting and thousands of shortcodes stay bounded") {
    std::string deep;
    for (int i = 0; i < 200; ++i) deep += "{{< details >}}";
    for (int i = 0; i < 200; ++i) deep += "{{< /details >}}";
    auto r = render(deep);
    CHECK(!r.shortcode_problems.empty());
    std::string many;
    for (int i = 0; i < 6000; ++i) many += "{{< param x >}} ";
    auto m = render(many, nullptr, {{"x", "y"}});
    CHECK(m.html.size() < 200000);
}

TEST_CASE("shortcode placeholders: text that spells one is never replaced by a fragment") {
    auto r = render("HAHABLOGSC0-0-HBHB HAHABLOGSC1-0-HBHB {{< param x >}}", nullptr, {{"x", "<real>"}});
    CHECK(r.html == "<p>HAHABLOGSC0-0-HBHB HAHABLOGSC1-0-HBHB &lt;real&gt;</p>\n");
    KeyValues t = {{"evil", "{{ .Get 0 }}"}};
    auto forged = render("{{% evil \"HAHABLOGSC0-0-HBHB\" %}} {{< param x >}}", &t, {{"x", "v"}});
    CHECK(forged.html.find("HAHABLOGSC") != std::string::npos);
    CHECK(forged.html.find("v") != std::string::npos);
}

TEST_CASE("shortcode summary: never a placeholder nor {{<, the shortcode's text counted") {
    auto r = render("Before {{< figure src=\"x.png\" caption=\"A caption\" >}} after");
    CHECK(r.summary.find("HAHABLOGSC") == std::string::npos);
    CHECK(r.summary.find("{{") == std::string::npos);
    CHECK(r.summary.find("caption") != std::string::npos);
    CHECK(r.word_count >= 4);
}

TEST_CASE("shortcode front matter: the top-level scalars of YAML, TOML and JSON") {
    auto y = shortcode_front_matter_params("title: \"Hi\"\nColor: red # note\ntags:\n  - a\nnested:\n  k: v\n", true, false);
    REQUIRE(y.size() == 2);
    CHECK(y[0] == std::make_pair(std::string("title"), std::string("Hi")));
    CHECK(y[1] == std::make_pair(std::string("color"), std::string("red")));
    auto t = shortcode_front_matter_params("title = 'T'\nn = 3\n[params]\nx = 1\n", false, true);
    REQUIRE(t.size() == 2);
    CHECK(t[1].second == "3");
    auto j = shortcode_front_matter_params("{\n  \"title\": \"J\",\n  \"n\": 3\n}", false, false);
    REQUIRE(j.size() == 1);
    CHECK(j[0].second == "J");
}

TEST_CASE("shortcode malformed: thousands of unclosed tags cost linear time") {
    std::string hostile;
    for (int i = 0; i < 100000; ++i) hostile += "{{< a \"";
    auto r = render(hostile);
    CHECK(r.shortcode_problems.size() <= 200);
}
