#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/markdown/markdown.hpp"
#include "tests/support.hpp"

using namespace blog;
using namespace blog::test;

namespace {

RenderedMarkdown render(std::string_view text, const MarkdownOptions& options = {}) {
    auto r = markdown_render(text, options);
    if (!r.ok()) FAIL(r.error().message);
    return std::move(r).value();
}

std::string html_of(std::string_view text, const MarkdownOptions& options = {}) { return render(text, options).html; }

MarkdownOptions post_options() {
    MarkdownOptions o;
    o.base_url = "posts/2022/x.md";
    o.self_route = "#/posts/x";
    return o;
}

std::string words(size_t n, const char* stem = "w") {
    std::string out;
    for (size_t i = 1; i <= n; ++i) out += (i > 1 ? " " : "") + std::string(stem) + std::to_string(i);
    return out;
}

// ---------------------------------------------------------------------------
// The safety checker: tokenizes the output as a browser's HTML tokenizer does
// (tags, attributes with their quoting, comments) and judges each tag and each
// decoded attribute value, so that a test cannot pass because a substring
// happens to be spelled differently.

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return s;
}

void append_utf8(std::string& out, unsigned long cp) {
    if (cp == 0 || cp > 0x10FFFF) cp = 0xFFFD;
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// Character references as a browser decodes them in an attribute value:
// numeric ones with or without ';', and the named ones an attack would use.
std::string decode_entities(const std::string& v) {
    static const std::pair<const char*, const char*> named[] = {
        {"&amp;", "&"},   {"&lt;", "<"},     {"&gt;", ">"},        {"&quot;", "\""},     {"&apos;", "'"},
        {"&colon;", ":"}, {"&Tab;", "\t"},   {"&NewLine;", "\n"},  {"&lpar;", "("},      {"&rpar;", ")"},
        {"&sol;", "/"},   {"&period;", "."}, {"&nbsp;", "\xC2\xA0"}};
    std::string out;
    for (size_t i = 0; i < v.size();) {
        if (v[i] != '&') {
            out += v[i++];
            continue;
        }
        if (i + 2 < v.size() && v[i + 1] == '#') {
            bool hex = v[i + 2] == 'x' || v[i + 2] == 'X';
            size_t j = i + (hex ? 3 : 2);
            unsigned long cp = 0;
            size_t start = j;
            while (j < v.size() && (hex ? std::isxdigit(static_cast<unsigned char>(v[j]))
                                        : std::isdigit(static_cast<unsigned char>(v[j])))) {
                const char d = v[j];
                const unsigned long digit = d <= '9' ? unsigned(d - '0') : unsigned((d | 0x20) - 'a' + 10);
                cp = std::min<unsigned long>(cp * (hex ? 16 : 10) + digit, 0x110000);
                ++j;
            }
            if (j > start) {
                if (j < v.size() && v[j] == ';') ++j;
                append_utf8(out, cp);
                i = j;
                continue;
            }
        }
        bool replaced = false;
        for (const auto& [name, text] : named) {
            if (v.compare(i, std::strlen(name), name) == 0) {
                out += text;
                i += std::strlen(name);
                replaced = true;
                break;
            }
        }
        if (!replaced) out += v[i++];
    }
    return out;
}

// The URL as a browser's URL parser reads its scheme: leading C0 controls and
// spaces stripped, tabs and newlines removed anywhere, lower-cased.
std::string url_as_browser_sees(const std::string& decoded) {
    std::string out;
    size_t i = 0;
    while (i < decoded.size() && static_cast<unsigned char>(decoded[i]) <= 0x20) ++i;
    for (; i < decoded.size(); ++i)
        if (decoded[i] != '\t' && decoded[i] != '\n' && decoded[i] != '\r') out += decoded[i];
    return lower(out);
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Every way the markup could run script, one line each; empty when safe.
// `sanitized`: RawHtml::Sanitize's output, where an <iframe> may be, from a
// video host and sandboxed.
std::vector<std::string> safety_problems(const std::string& html, bool sanitized = false) {
    static const char* const bad_elements[] = {
        "script", "iframe",  "frame",    "frameset", "object",  "embed",   "applet",   "svg",    "math",
        "style",  "link",    "meta",     "base",     "form",    "noscript", "template", "xmp",    "plaintext",
        "noembed", "noframes", "textarea", "title",   "body",    "html",    "head",     "button", "select"};
    static const char* const url_attributes[] = {"href",   "src",  "action", "formaction", "xlink:href", "poster",
                                                  "background", "data", "cite",   "srcset",     "ping",       "lowsrc",
                                                  "dynsrc"};
    std::vector<std::string> problems;
    const size_t n = html.size();
    size_t i = 0;
    while (i < n) {
        size_t lt = html.find('<', i);
        if (lt == std::string::npos) break;
        i = lt + 1;
        if (html.compare(lt, 4, "<!--") == 0) {
            size_t end = html.find("-->", lt + 4);
            std::string comment = html.substr(lt, end == std::string::npos ? std::string::npos : end + 3 - lt);
            if (comment != "<!-- raw HTML omitted -->") problems.push_back("comment " + comment);
            i = end == std::string::npos ? n : end + 3;
            continue;
        }
        if (i < n && (html[i] == '!' || html[i] == '?')) {  // declarations, CDATA, processing instructions
            problems.push_back("markup declaration at " + std::to_string(lt));
            size_t end = html.find('>', i);
            i = end == std::string::npos ? n : end + 1;
            continue;
        }
        bool end_tag = i < n && html[i] == '/';
        if (end_tag) ++i;
        if (i >= n || !std::isalpha(static_cast<unsigned char>(html[i]))) continue;  // a '<' in text
        size_t name_start = i;
        while (i < n && !is_html_space(html[i]) && html[i] != '/' && html[i] != '>') ++i;
        const std::string tag = lower(html.substr(name_start, i - name_start));
        for (const char* bad : bad_elements)
            if (tag == bad && !(sanitized && tag == "iframe")) problems.push_back((end_tag ? "</" : "<") + tag + "> element");
        const bool frame_ok = !(tag == "iframe" && !end_tag);
        bool frame_sandboxed = false, frame_host = false;
        for (;;) {
            while (i < n && (is_html_space(html[i]) || html[i] == '/')) ++i;
            if (i >= n) {
                problems.push_back("<" + tag + "> is not closed");
                break;
            }
            if (html[i] == '>') {
                ++i;
                break;
            }
            size_t attr_start = i++;
            auto frame_attr = [&](const std::string& name, const std::string& value) {
                if (name == "sandbox")
                    frame_sandboxed = value == "allow-scripts allow-same-origin allow-presentation allow-popups";
                if (name == "src")
                    for (const char* host : {"https://www.youtube.com/embed/", "https://youtube.com/embed/",
                                             "https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/",
                                             "https://player.bilibili.com/player.html", "https://www.google.com/maps/embed"})
                        frame_host |= starts_with(value, host);
            };
            while (i < n && !is_html_space(html[i]) && html[i] != '/' && html[i] != '>' && html[i] != '=') ++i;
            const std::string name = lower(html.substr(attr_start, i - attr_start));
            std::string value;
            size_t j = i;
            while (j < n && is_html_space(html[j])) ++j;
            if (j < n && html[j] == '=') {
                i = j + 1;
                while (i < n && is_html_space(html[i])) ++i;
                if (i < n && (html[i] == '"' || html[i] == '\'')) {
                    size_t close = html.find(html[i], i + 1);
                    if (close == std::string::npos) close = n;
                    value = html.substr(i + 1, close - i - 1);
                    i = close + 1;
                } else {
                    size_t value_start = i;
                    while (i < n && !is_html_space(html[i]) && html[i] != '>') ++i;
                    value = html.substr(value_start, i - value_start);
                    problems.push_back("unquoted " + name + "=" + value + " on <" + tag + ">");
                }
            }
            if (tag == "iframe") frame_attr(name, value);
            if (starts_with(name, "on")) problems.push_back(name + "= on <" + tag + ">");
            if (name == "style" || name == "srcdoc") problems.push_back(name + "= on <" + tag + ">");
            for (const char* url_attr : url_attributes) {
                if (name != url_attr) continue;
                const std::string url = url_as_browser_sees(decode_entities(value));
                const std::string where = name + "=\"" + value + "\" on <" + tag + ">";
                if (starts_with(url, "javascript:") || starts_with(url, "vbscript:") ||
                    starts_with(url, "livescript:"))
                    problems.push_back("script URL " + where);
                // SECURITY.md's allowlist: http, https, mailto, tel, or no scheme.
                const size_t colon = url.find(':');
                const std::string scheme = colon == std::string::npos ? "" : url.substr(0, colon);
                const bool is_scheme = !scheme.empty() && std::isalpha(static_cast<unsigned char>(scheme[0])) &&
                                       scheme.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789+-.") ==
                                           std::string::npos;
                if (is_scheme && scheme != "http" && scheme != "https" && scheme != "mailto" && scheme != "tel" &&
                    scheme != "data" && scheme != "javascript" && scheme != "vbscript" && scheme != "livescript")
                    problems.push_back("scheme outside the allowlist " + where);
                if (starts_with(url, "data:")) {
                    bool raster = false;
                    for (const char* type : {"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"})
                        if (starts_with(url, type) && url.size() > std::strlen(type) &&
                            (url[std::strlen(type)] == ';' || url[std::strlen(type)] == ','))
                            raster = true;
                    if (!(raster && tag == "img" && name == "src")) problems.push_back("data URL " + where);
                }
            }
        }
        if (!frame_ok && !(frame_sandboxed && frame_host)) problems.push_back("<iframe> not sandboxed or not a video host");
    }
    return problems;
}

const std::vector<std::string> no_problems;

}  // namespace

// ---------------------------------------------------------------------------

TEST_CASE("markdown: the safety checker finds every kind of script it looks for") {
    const char* bad[] = {
        "<script>alert(1)</script>",
        "<p>x</p><SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x.png\" ONERROR=\"alert(1)\">",
        "<svg/onload=alert(1)>",
        "<a title=\"x\" onmouseover=\"alert(1)\">x</a>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\" &#x6A;avascript:alert(1)\">x</a>",
        "<a href=\"&#106avascript:alert(1)\">x</a>",
        "<a href=\"java&#9;script:alert(1)\">x</a>",
        "<a href=\"java&Tab;script&colon;alert(1)\">x</a>",
        "<a href='vbscript:msgbox(1)'>x</a>",
        "<a href=\"data:text/html,&lt;script&gt;\">x</a>",
        "<a href=\"data:image/png;base64,AAAA\">x</a>",
        "<img src=\"data:image/svg+xml,&lt;svg onload=alert(1)&gt;\">",
        "<img src=\"x.png\" alt=\"a\" onerror=\"alert(1)\">",
        "<a href=x>unquoted</a>",
        "<div style=\"background:url(x)\">",
        "<iframe srcdoc=\"x\"></iframe>",
        "<!-- a comment that is not ours -->",
        "<![CDATA[x]]>",
        "<p>unclosed <a href=\"https://example.com\"",
        "<a href=\"ms-msdt:/id PCWDiagnostic\">x</a>",
        "<a href=\"FILE:///etc/passwd\">x</a>",
        "<img src=\"blob:https://example.com/x\">",
    };
    for (const char* html : bad) {
        INFO(html);
        CHECK_FALSE(safety_problems(html).empty());
    }
    const char* good[] = {
        "<p>a &lt;script&gt;alert(1)&lt;/script&gt; b, and 1 < 2</p>",
        "<p><img src=\"data:image/png;base64,AAAA\" alt=\"x\" loading=\"lazy\"></p>",
        "<a href=\"https://example.com/?a=1&amp;b=2\" title=\"&quot; onerror=&quot;alert(1)\">x</a>",
        "<a href=\"posts/javascript:x\">relative</a><a href=\"#/posts/x#javascript:x\">route</a>",
        "<!-- raw HTML omitted -->",
        "<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled checked>x</li>",
        "<a class=\"unsafe-link\">javascript:alert(1)</a>",
        "<a href=\"mailto:a@example.com\">mail</a><a href=\"tel:+15551234\">call</a><a href=\"#x\">here</a>",
    };
    for (const char* html : good) {
        INFO(html);
        CHECK(safety_problems(html) == no_problems);
    }
}

TEST_CASE("markdown: hostile input renders without script in the default (safe) mode") {
    struct Hostile {
        const char* name;
        const char* markdown;
        // True when the same input with `unsafe = true` does carry script: it
        // proves the input is hostile and the checker sees it.
        bool script_when_unsafe;
        // Something the safe output must contain ("" for nothing in particular).
        const char* safe_contains;
    };
    const char* const omitted = "<!-- raw HTML omitted -->";
    const char* const neutral_link = "<a class=\"unsafe-link\"";
    const Hostile cases[] = {
        // Raw HTML, as a block and inline.
        {"script block", "<script>alert(1)</script>", true, omitted},
        {"inline script", "x <script>alert(1)</script> y", true, omitted},
        {"upper-case script with src", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", true, omitted},
        {"img onerror", "<img src=x onerror=alert(1)>", true, omitted},
        {"inline img with mixed-case handler", "see <IMG SRC=x OnError=\"alert(1)\"> here", true, omitted},
        {"svg onload", "<svg onload=alert(1)>", true, omitted},
        {"script inside svg", "<svg><script>alert(1)</script></svg>", true, omitted},
        {"iframe with javascript src", "<iframe src=\"javascript:alert(1)\"></iframe>", true, omitted},
        {"iframe srcdoc", "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>", true, omitted},
        {"raw anchor with javascript href", "<a href=\"javascript:alert(1)\">x</a>", true, omitted},
        {"raw anchor with entity-encoded href", "<a href=\"&#106;avascript:alert(1)\">x</a>", true, omitted},
        {"raw anchor with a tab entity in the scheme", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>", true, omitted},
        {"style attribute", "<div style=\"background:url(javascript:alert(1))\">x</div>", true, omitted},
        {"object data", "<object data=\"data:text/html,alert(1)\"></object>", true, omitted},
        {"embed", "<embed src=\"javascript:alert(1)\">", true, omitted},
        {"body onload", "<body onload=alert(1)>", true, omitted},
        {"details ontoggle", "<details open ontoggle=alert(1)>", true, omitted},
        {"input onfocus", "<input autofocus onfocus=alert(1)>", true, omitted},
        {"style element", "<style>@import 'javascript:alert(1)';</style>", true, omitted},
        {"meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", true, omitted},
        {"base href", "<base href=\"javascript:alert(1)//\">", true, omitted},
        {"form action", "<form action=\"javascript:alert(1)\"><button>x</button></form>", true, omitted},
        {"math mXSS", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", true, omitted},
        {"comment then script", "<!-- x --><script>alert(1)</script>", true, omitted},
        {"HTML in a table cell", "| a |\n|---|\n| <img src=x onerror=alert(1)> |", true, omitted},
        {"HTML in a task list item", "- [ ] <svg onload=alert(1)>", true, omitted},
        {"HTML in link text", "[<img src=x onerror=alert(1)>](https://example.com)", true, omitted},
        // Link targets.
        {"javascript link", "[x](javascript:alert(1))", true, neutral_link},
        {"mixed-case scheme", "[x](JaVaScRiPt:alert(1))", true, neutral_link},
        {"decimal entity", "[x](&#106;avascript:alert(1))", true, neutral_link},
        {"padded decimal entity", "[x](&#0000106;avascript:alert(1))", true, neutral_link},
        {"hex entity", "[x](&#x6A;avascript:alert(1))", true, neutral_link},
        {"upper-case hex entity", "[x](&#X6A;avascript:alert(1))", true, neutral_link},
        {"&colon; entity", "[x](javascript&colon;alert(1))", true, neutral_link},
        {"backslash-escaped colon", "[x](javascript\\:alert(1))", true, neutral_link},
        {"pointy-bracket destination", "[x](<javascript:alert(1)>)", true, neutral_link},
        {"link with a title", "[x](javascript:alert(document.cookie) \"title\")", true, neutral_link},
        {"link inside emphasis", "*[x](javascript:alert(1))*", true, neutral_link},
        {"link inside a list and a quote", "> - [x](javascript:alert(1))", true, neutral_link},
        {"tab entity inside the scheme", "[x](java&Tab;script:alert(1))", false, neutral_link},
        {"newline entity inside the scheme", "[x](java&#10;script:alert(1))", false, neutral_link},
        {"control character entity before the scheme", "[x](&#1;javascript:alert(1))", false, neutral_link},
        {"leading spaces in a pointy-bracket destination", "[x](<  javascript:alert(1)>)", false, neutral_link},
        {"vbscript", "[x](vbscript:msgbox(1))", true, neutral_link},
        {"upper-case vbscript", "[x](VBScript:msgbox(1))", true, neutral_link},
        {"data text/html link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", true, neutral_link},
        {"data image as a link", "[x](data:image/png;base64,AAAA)", true, neutral_link},
        // Images.
        {"javascript image", "![x](javascript:alert(1))", true, "<img alt=\"x\" loading=\"lazy\">"},
        {"svg data image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", true,
         "<img alt=\"x\" loading=\"lazy\">"},
        {"vbscript image", "![x](vbscript:msgbox(1))", true, "<img alt=\"x\" loading=\"lazy\">"},
        // Raw HTML inside alt text is shown as text there (as cmark does).
        {"alt text breaking out with raw HTML", "![<b title=\"x\" onmouseover=\"alert(1)\">](x.png)", true,
         "alt=\"&lt;b title=&quot;x&quot; onmouseover=&quot;alert(1)&quot;&gt;\""},
        {"alt text with a quote", "![a\" onerror=\"alert(1)](x.png)", false, "alt=\"a&quot; onerror=&quot;alert(1)\""},
        {"alt text with a tag", "![<img src=x onerror=alert(1)>](x.png)", false, ""},
        {"link inside image alt text", "![a [b](javascript:alert(1))](x.png)", false, ""},
        // Autolinks.
        {"javascript autolink", "<javascript:alert(1)>", true, neutral_link},
        {"upper-case autolink", "<JAVASCRIPT:alert(1)>", true, neutral_link},
        {"vbscript autolink", "<vbscript:msgbox(1)>", true, neutral_link},
        {"data autolink", "<data:text/html,alert(1)>", true, neutral_link},
        {"permissive autolink with quotes", "www.example.com/\"onmouseover=\"alert(1)", false, ""},
        // Reference-style links.
        {"reference link", "[x][r]\n\n[r]: javascript:alert(1)", true, neutral_link},
        {"reference link with an entity and a title", "[x][r]\n\n[r]: &#106;avascript:alert(1) \"t\"", true,
         neutral_link},
        {"collapsed reference", "[r][]\n\n[r]: vbscript:msgbox(1)", true, neutral_link},
        {"shortcut reference", "[r]\n\n[r]: JavaScript:alert(1)", true, neutral_link},
        {"reference image", "![x][r]\n\n[r]: javascript:alert(1)", true, "<img alt=\"x\" loading=\"lazy\">"},
        {"reference title with a tag", "[x]\n\n[x]: /u \"<script>alert(1)</script>\"", false, ""},
        // Attribute breaking.
        {"title with quotes", "[x](https://example.com \"a\\\" onmouseover=\\\"alert(1)\")", false,
         "title=\"a&quot; onmouseover=&quot;alert(1)\""},
        {"destination with quotes", "[x](https://example.com/\"onmouseover=\"alert(1))", false,
         "href=\"https://example.com/%22onmouseover=%22alert(1)\""},
        {"destination with a single quote and a space", "[x](<https://example.com/' onmouseover='alert(1)>)", false, ""},
        // Headings, code and math.
        {"HTML in an ATX heading", "# <img src=x onerror=alert(1)> title", true, omitted},
        {"script in a heading", "## x <script>alert(1)</script>", true, omitted},
        {"HTML in a setext heading", "<img src=x onerror=alert(1)>\n===", true, omitted},
        {"script in a code info string", "```\"><script>alert(1)</script>\ncode\n```", false, ""},
        {"attribute in a code info string", "```js\" onmouseover=\"alert(1)\ncode\n```", false, ""},
        {"inline code", "`<script>alert(1)</script>`", false, "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>"},
        {"math span", "$<script>alert(1)</script>$", false, "&lt;script&gt;"},
        {"entities that spell a tag", "&lt;script&gt;alert(1)&lt;/script&gt;", false, "&lt;script&gt;"},
    };
    static_assert(sizeof cases / sizeof cases[0] >= 40, "at least 40 hostile inputs");

    for (const Hostile& c : cases) {
        INFO("case: " << c.name << "\nmarkdown: " << c.markdown);
        for (bool with_base : {false, true}) {
            MarkdownOptions options = with_base ? post_options() : MarkdownOptions{};
            const std::string safe = html_of(c.markdown, options);
            INFO("safe output: " << safe);
            CHECK(safety_problems(safe) == no_problems);
            if (*c.safe_contains) CHECK(contains(safe, c.safe_contains));

            options.raw_html = MarkdownOptions::RawHtml::Sanitize;
            const std::string sanitized = html_of(c.markdown, options);
            INFO("sanitized output: " << sanitized);
            CHECK(safety_problems(sanitized, true) == no_problems);

            options.unsafe = true;
            const std::string unsafe = html_of(c.markdown, options);
            INFO("unsafe output: " << unsafe);
            CHECK(safety_problems(unsafe).empty() == !c.script_when_unsafe);
        }
    }
}

TEST_CASE("markdown: every payload of the shared hostile corpus is safe, whatever the post's base") {
    // tests/corpus/hostile-markdown.json: the same payloads the browser tests
    // render and click in Chromium (tests/browser/safety.test.mjs).
    const auto corpus = nlohmann::json::parse(sample_file("tests/corpus/hostile-markdown.json"));
    const auto& payloads = corpus.at("payloads");
    REQUIRE(payloads.size() >= 100);
    // Relative bases are where "../javascript:" once became a scheme.
    const char* bases[] = {"", "a.md", "posts/a.md", "posts/2022/x.md", "./posts/a.md", "../posts/a.md",
                           "/posts/a.md", "http://127.0.0.1:8000/posts/a.md", "https://example.com/blog/index.json"};
    size_t rendered = 0;
    for (const auto& payload : payloads) {
        const std::string name = payload.at("name");
        const std::string markdown = payload.at("markdown");
        for (const char* base : bases) {
            for (bool route : {false, true}) {
                MarkdownOptions o;
                o.base_url = base;
                if (route) {
                    o.self_route = "#/posts/p";
                    o.link_route = [](std::string_view resolved) { return "#/posts/" + std::string(resolved); };
                }
                const std::string html = html_of(markdown, o);
                INFO("payload: " << name << "\nmarkdown: " << markdown << "\nbase: \"" << base
                                 << "\"\noutput: " << html);
                CHECK(safety_problems(html) == no_problems);
                o.raw_html = MarkdownOptions::RawHtml::Sanitize;
                const std::string sanitized = html_of(markdown, o);
                INFO("sanitized: " << sanitized);
                CHECK(safety_problems(sanitized, true) == no_problems);
                o.raw_html = MarkdownOptions::RawHtml::Omit;
                o.math = MathDelimiters::Passthrough;  // formulas written as text whatever they hold
                const std::string with_math = html_of(markdown, o);
                INFO("with math: " << with_math);
                CHECK(safety_problems(with_math) == no_problems);
                ++rendered;
            }
        }
    }
    CHECK(rendered == payloads.size() * std::size(bases) * 2);
}

TEST_CASE("markdown: a relative link cannot become a script URL by resolution (issue 6)") {
    const char* attacks[] = {"[x](../javascript:alert(1))", "[x](a/../../javascript:alert(1))",
                             "[x](.././javascript:alert(1))", "[x](..&#47;javascript:alert(1))",
                             "[x](&#46;&#46;/javascript:alert(1))", "[x][r]\n\n[r]: ../javascript:alert(1)",
                             "[x](./javascript:alert(1))", "![x](../javascript:alert(1))"};
    for (const char* md : attacks) {
        for (const char* base : {"posts/x.md", "x.md", "posts/2022/x.md"}) {
            MarkdownOptions o;
            o.base_url = base;
            const std::string html = html_of(md, o);
            INFO(md << " against " << base << ": " << html);
            CHECK(safety_problems(html) == no_problems);
            CHECK_FALSE(contains(html, "=\"javascript:"));
        }
    }
    SECTION("the link stays a link to a path, which a browser resolves to a file") {
        MarkdownOptions o;
        o.base_url = "posts/x.md";
        CHECK(html_of("[x](../javascript:alert(1))", o) == "<p><a href=\"./javascript:alert(1)\">x</a></p>\n");
        o.base_url = "http://127.0.0.1:8000/posts/x.md";
        CHECK(html_of("[x](../javascript:alert(1))", o) ==
              "<p><a href=\"http://127.0.0.1:8000/javascript:alert(1)\">x</a></p>\n");
    }
}

TEST_CASE("markdown: raw HTML is omitted unless the option says otherwise") {
    SECTION("inline HTML, safe") {
        CHECK(html_of("a <b>x</b> c") == "<p>a <!-- raw HTML omitted -->x<!-- raw HTML omitted --> c</p>\n");
    }
    SECTION("inline HTML, unsafe: passes through") {
        MarkdownOptions o;
        o.unsafe = true;
        CHECK(html_of("a <b>x</b> c", o) == "<p>a <b>x</b> c</p>\n");
    }
    SECTION("an HTML block becomes one marker, safe") {
        CHECK(html_of("<div>\n<b>x</b>\n</div>\n\nafter") == "<!-- raw HTML omitted -->\n<p>after</p>\n");
    }
    SECTION("an HTML block, unsafe: passes through") {
        MarkdownOptions o;
        o.unsafe = true;
        CHECK(html_of("<div>\n<b>x</b>\n</div>\n\nafter", o) == "<div>\n<b>x</b>\n</div>\n<p>after</p>\n");
    }
    SECTION("unsafe also keeps script link targets") {
        MarkdownOptions o;
        o.unsafe = true;
        CHECK(html_of("[x](javascript:alert(1))", o) == "<p><a href=\"javascript:alert(1)\">x</a></p>\n");
    }
    SECTION("the neutralised link keeps its text and title") {
        CHECK(html_of("[click](javascript:alert(1) \"t\")") == "<p><a class=\"unsafe-link\" title=\"t\">click</a></p>\n");
    }
}

TEST_CASE("markdown: the GitHub dialect") {
    SECTION("a table with alignments") {
        CHECK(html_of("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |") ==
              "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"center\">b</th>\n"
              "<th align=\"right\">c</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">1</td>\n"
              "<td align=\"center\">2</td>\n<td align=\"right\">3</td>\n</tr>\n</tbody>\n</table>\n");
    }
    SECTION("strikethrough") {
        CHECK(html_of("~~gone~~ and ~single~") == "<p><del>gone</del> and <del>single</del></p>\n");
    }
    SECTION("a task list") {
        CHECK(html_of("- [x] done\n- [ ] todo") ==
              "<ul>\n<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled "
              "checked>done</li>\n<li class=\"task-list-item\"><input type=\"checkbox\" "
              "class=\"task-list-item-checkbox\" disabled>todo</li>\n</ul>\n");
    }
    SECTION("autolinks: URLs, www. and e-mail addresses") {
        CHECK(html_of("see https://example.com/a?b=1&c=2 now") ==
              "<p>see <a href=\"https://example.com/a?b=1&amp;c=2\">https://example.com/a?b=1&amp;c=2</a> now</p>\n");
        CHECK(html_of("www.example.com") == "<p><a href=\"http://www.example.com\">www.example.com</a></p>\n");
        CHECK(html_of("me@example.com") == "<p><a href=\"mailto:me@example.com\">me@example.com</a></p>\n");
        CHECK(html_of("<https://example.com>") == "<p><a href=\"https://example.com\">https://example.com</a></p>\n");
    }
    SECTION("emphasis, code and a hard break") {
        CHECK(html_of("**b** *e* `c`  \nnext") == "<p><strong>b</strong> <em>e</em> <code>c</code><br>\nnext</p>\n");
    }
    SECTION("text is escaped") {
        CHECK(html_of("1 < 2 && \"3\" > 2") == "<p>1 &lt; 2 &amp;&amp; &quot;3&quot; &gt; 2</p>\n");
    }
    SECTION("a UTF-8 byte order mark is skipped") {
        CHECK(html_of("\xEF\xBB\xBFhello") == "<p>hello</p>\n");
    }
}

TEST_CASE("markdown: headings get GitHub's ids and a self link") {
    SECTION("the markup of a heading") {
        CHECK(html_of("## Why go?", post_options()) ==
              "<h2 id=\"why-go\">Why go?<a class=\"anchor\" aria-hidden=\"true\" href=\"#/posts/x#why-go\">#</a></h2>\n");
    }
    SECTION("GitHub's slug rules") {
        CHECK(markdown_slug("Why go?") == "why-go");
        CHECK(markdown_slug("Lets Go") == "lets-go");
        CHECK(markdown_slug("Ünïcode & punctuation: it's fine!") == "ünïcode--punctuation-its-fine");
        CHECK(markdown_slug("How I’m going to do this") == "how-im-going-to-do-this");
        CHECK(markdown_slug("snake_case and kebab-case") == "snake_case-and-kebab-case");
        CHECK(markdown_slug("C++ (2017) / Go 1.18") == "c-2017--go-118");
        CHECK(markdown_slug("Ελληνικά Кириллица 日本語") == "ελληνικά-кириллица-日本語");
        CHECK(markdown_slug("Émoji 🎉 rocks") == "émoji--rocks");
    }
    SECTION("ill-formed UTF-8 is dropped, as U+FFFD is (a cut sequence, an overlong, a surrogate)") {
        CHECK(markdown_slug("a\xC3 b\xE2\x80") == "a-b");
        CHECK(markdown_slug("x\xC1\x81y") == "xy");
        CHECK(markdown_slug("x\xED\xA0\x80y\xF4\x90\x80\x80") == "xy");
        CHECK(markdown_slug("x\xEF\xBF\xBDy") == "xy");
    }
    SECTION("repeated headings get -1, -2") {
        RenderedMarkdown r = render("# Example\n## Example\n### Example\n## Other");
        REQUIRE(r.headings.size() == 4);
        CHECK(r.headings[0].id == "example");
        CHECK(r.headings[1].id == "example-1");
        CHECK(r.headings[2].id == "example-2");
        CHECK(r.headings[3].id == "other");
    }
    SECTION("a heading whose text is an earlier heading's id with a suffix") {
        RenderedMarkdown r = render("# A\n# A\n# A-1");
        REQUIRE(r.headings.size() == 3);
        CHECK(r.headings[0].id == "a");
        CHECK(r.headings[1].id == "a-1");
        CHECK(r.headings[2].id == "a-1-1");
    }
    SECTION("the id is taken from the plain text, without markup or raw HTML") {
        RenderedMarkdown r = render("## The `select` *statement* &amp; [links](x.md)");
        REQUIRE(r.headings.size() == 1);
        CHECK(r.headings[0].text == "The select statement & links");
        CHECK(r.headings[0].id == "the-select-statement--links");
    }
    SECTION("the headings list: level, id and text in document order") {
        RenderedMarkdown r = render("# Title\n\ntext\n\n## Ünïcode & punctuation: it's fine!\n\n#### Deep\n\nSetext\n---");
        REQUIRE(r.headings.size() == 4);
        CHECK(r.headings[0].level == 1);
        CHECK(r.headings[0].id == "title");
        CHECK(r.headings[0].text == "Title");
        CHECK(r.headings[1].level == 2);
        CHECK(r.headings[1].id == "ünïcode--punctuation-its-fine");
        CHECK(r.headings[1].text == "Ünïcode & punctuation: it's fine!");
        CHECK(r.headings[2].level == 4);
        CHECK(r.headings[2].id == "deep");
        CHECK(r.headings[3].level == 2);
        CHECK(r.headings[3].id == "setext");
    }
    SECTION("a non-ASCII id is percent-encoded in the self link") {
        CHECK(html_of("## Ünï", post_options()) ==
              "<h2 id=\"ünï\">Ünï<a class=\"anchor\" aria-hidden=\"true\" href=\"#/posts/x#%C3%BCn%C3%AF\">#</a></h2>\n");
    }
}

TEST_CASE("markdown: word count") {
    CHECK(render("").word_count == 0);
    CHECK(render("one").word_count == 1);
    CHECK(render("Hello, world! This is **bold** and `code`.").word_count == 7);
    SECTION("blocks do not run words together") {
        CHECK(render("# Title\nend\n\n- a\n- b\n\n```\ncode here\n```\n\n| x | y |\n|---|---|\n| 1 | 2 |").word_count ==
              10);
    }
    SECTION("markup inside a word keeps it one word") {
        CHECK(render("un**believ**able").word_count == 1);
    }
}

TEST_CASE("markdown: the summary is the first 70 words on to the sentence's end (Hugo's), or the text before <!--more-->") {
    SECTION("70 words: the whole text, not truncated") {
        RenderedMarkdown r = render(words(70));
        CHECK(r.summary == words(70));
        CHECK_FALSE(r.summary_truncated);
        CHECK(r.word_count == 70);
    }
    SECTION("71 words: the sentence goes on to the paragraph's end, so the whole text, not truncated") {
        RenderedMarkdown r = render(words(71));
        CHECK(r.summary == words(71));
        CHECK_FALSE(r.summary_truncated);
        CHECK(r.word_count == 71);
    }
    SECTION("past 70 words the summary ends with the sentence it is in") {
        RenderedMarkdown r = render(words(75) + ". Then another sentence.");
        CHECK(r.summary == words(75) + ".");
        CHECK(r.summary_truncated);
        CHECK(r.word_count == 78);
    }
    SECTION("past 70 words the summary ends with the paragraph it is in") {
        RenderedMarkdown r = render(words(72) + "\n\nThe next paragraph.");
        CHECK(r.summary == words(72));
        CHECK(r.summary_truncated);
    }
    SECTION("the summary is plain text, one space between words and blocks") {
        RenderedMarkdown r = render("# Title\n\nSome **bold**   and `code` and [a link](x.md).\n\n- item");
        CHECK(r.summary == "Title Some bold and code and a link. item");
        CHECK_FALSE(r.summary_truncated);
    }
    SECTION("<!--more--> ends the summary early") {
        RenderedMarkdown r = render("One two.\n\n<!--more-->\n\nThree four.");
        CHECK(r.summary == "One two.");
        CHECK(r.summary_truncated);
        CHECK(r.word_count == 4);
        CHECK(r.html == "<p>One two.</p>\n<!-- raw HTML omitted -->\n<p>Three four.</p>\n");
    }
    SECTION("<!--more--> right after a paragraph's line") {
        RenderedMarkdown r = render("One two.\n<!--more-->\nThree.");
        CHECK(r.summary == "One two.");
        CHECK(r.summary_truncated);
    }
    SECTION("<!--more--> at the end: nothing is left out") {
        RenderedMarkdown r = render("One two.\n\n<!--more-->\n");
        CHECK(r.summary == "One two.");
        CHECK_FALSE(r.summary_truncated);
    }
    SECTION("<!--more--> after more than 70 words keeps all of them") {
        RenderedMarkdown r = render(words(100) + "\n\n<!--more-->\n\nafter");
        CHECK(r.summary == words(100));
        CHECK(r.summary_truncated);
        CHECK(r.word_count == 101);
    }
    SECTION("only the first <!--more--> counts") {
        RenderedMarkdown r = render("a\n\n<!--more-->\n\nb\n\n<!--more-->\n\nc");
        CHECK(r.summary == "a");
        CHECK(r.summary_truncated);
    }
    SECTION("an empty document") {
        RenderedMarkdown r = render("");
        CHECK(r.summary.empty());
        CHECK_FALSE(r.summary_truncated);
        CHECK(r.html.empty());
    }
}

TEST_CASE("markdown: code blocks carry their language for highlighting") {
    SECTION("a fence with a language") {
        RenderedMarkdown r = render("```go\nfmt.Println(\"<hi>\")\n```");
        CHECK(r.html == "<pre><code class=\"language-go\">fmt.Println(&quot;&lt;hi&gt;&quot;)\n</code></pre>\n");
        CHECK(r.has_code);
    }
    SECTION("only the first word of the info string") {
        RenderedMarkdown r = render("```python {style=monokai}\nx\n```");
        CHECK(r.html == "<pre><code class=\"language-python\">x\n</code></pre>\n");
        CHECK(r.has_code);
        CHECK(render("```go{style=monokai}\nx\n```").html == "<pre><code class=\"language-go\">x\n</code></pre>\n");
    }
    SECTION("a fence without a language, or indented code, needs no highlighting") {
        RenderedMarkdown fence = render("```\nplain\n```");
        CHECK(fence.html == "<pre><code>plain\n</code></pre>\n");
        CHECK_FALSE(fence.has_code);
        RenderedMarkdown indented = render("    indented\n");
        CHECK(indented.html == "<pre><code>indented\n</code></pre>\n");
        CHECK_FALSE(indented.has_code);
    }
    SECTION("inline code is not a code block") {
        CHECK_FALSE(render("`x`").has_code);
    }
}

TEST_CASE("markdown: Hugo's fence options highlight and number lines, never in the class") {
    SECTION("hl_lines and linenos: each line its span, the highlighted ones marked, numbers as data") {
        RenderedMarkdown r = render("```go {hl_lines=[2], linenos=true}\npackage main\n\nfunc main() {}\n```");
        CHECK(r.html ==
              "<pre><code class=\"language-go\">"
              "<span class=\"line\" data-n=\"1\">package main\n</span>"
              "<span class=\"line hl\" data-n=\"2\">\n</span>"
              "<span class=\"line\" data-n=\"3\">func main() {}\n</span>"
              "</code></pre>\n");
        CHECK(r.has_code);
    }
    SECTION("highlighted lines without numbers; numbers from linenostart") {
        CHECK(html_of("```js {hl_lines=[\"1-2\"]}\na\nb\nc\n```") ==
              "<pre><code class=\"language-js\"><span class=\"line hl\">a\n</span><span class=\"line hl\">b\n</span>"
              "<span class=\"line\">c\n</span></code></pre>\n");
        CHECK(html_of("```sh {linenos=table, linenostart=41}\nx\ny\n```") ==
              "<pre><code class=\"language-sh\"><span class=\"line\" data-n=\"41\">x\n</span>"
              "<span class=\"line\" data-n=\"42\">y\n</span></code></pre>\n");
    }
    SECTION("the code's text is the code: escaped, line for line, no numbers in it") {
        std::string html = html_of("```html {linenos=true, hl_lines=[1]}\n<b>\"&\"</b>\n  x\n```");
        CHECK(contains(html, ">&lt;b&gt;&quot;&amp;&quot;&lt;/b&gt;\n</span>"));
        CHECK(contains(html, ">  x\n</span>"));
        std::string text;  // the HTML without its tags: what the browser's textContent holds
        for (size_t i = 0; i < html.size(); ++i) {
            if (html[i] == '<') i = html.find('>', i);
            else text += html[i];
        }
        CHECK(text == "&lt;b&gt;&quot;&amp;&quot;&lt;/b&gt;\n  x\n\n");
    }
    SECTION("options without a language: no class at all; linenos=false: the block as it was") {
        CHECK(html_of("```{linenos=true}\nx\n```") == "<pre><code><span class=\"line\" data-n=\"1\">x\n</span></code></pre>\n");
        CHECK(html_of("```go {linenos=false}\nx\n```") == "<pre><code class=\"language-go\">x\n</code></pre>\n");
        CHECK_FALSE(render("```{linenos=true}\nx\n```").has_code);
    }
    SECTION("the class never holds an option, whatever the info string") {
        for (const char* info : {"go {hl_lines=[2,8], linenos=true}", "go{hl_lines=[2,8]}", "go {hl_lines=2-4}",
                                 "go {\"broken", "go {onclick=alert(1)}"}) {
            std::string html = html_of(std::string("```") + info + "\nx\n```");
            CHECK(html.rfind("<pre><code class=\"language-go\">", 0) == 0);
            CHECK_FALSE(contains(html, "{"));
        }
    }
    SECTION("a hostile range costs nothing per line number") {
        std::string html = html_of("```go {hl_lines=[\"1-999999999\"]}\nx\n```");
        CHECK(html == "<pre><code class=\"language-go\"><span class=\"line hl\">x\n</span></code></pre>\n");
    }
    SECTION("md4c-html's flavor keeps md4c-html's markup") {
        MarkdownOptions o;
        o.flavor = MarkdownOptions::Flavor::Md4cHtml;
        CHECK(html_of("```go {linenos=true}\nx\n```", o) == "<pre><code class=\"language-go\">x\n</code></pre>\n");
    }
}

TEST_CASE("markdown: math spans are marked for typesetting") {
    SECTION("inline") {
        RenderedMarkdown r = render("Energy: $E = mc^2$.");
        CHECK(r.html == "<p>Energy: <span class=\"math inline\">E = mc^2</span>.</p>\n");
        CHECK(r.has_math);
    }
    SECTION("display") {
        RenderedMarkdown r = render("$$\\int_0^1 x^2\\,dx < 1$$");
        CHECK(r.html == "<p><span class=\"math display\">\\int_0^1 x^2\\,dx &lt; 1</span></p>\n");
        CHECK(r.has_math);
    }
    SECTION("no math") {
        RenderedMarkdown r = render("No math here, and a lone $ sign.");
        CHECK_FALSE(r.has_math);
        CHECK(r.html == "<p>No math here, and a lone $ sign.</p>\n");
    }
}

TEST_CASE("markdown: links and images resolve against the Markdown file") {
    MarkdownOptions o = post_options();
    SECTION("a relative image, loaded lazily") {
        CHECK(html_of("![A](img/a.png)", o) ==
              "<p><img src=\"posts/2022/img/a.png\" alt=\"A\" loading=\"lazy\"></p>\n");
    }
    SECTION("an image with a title") {
        CHECK(html_of("![A](../b.png \"T\")", o) ==
              "<p><img src=\"posts/b.png\" alt=\"A\" title=\"T\" loading=\"lazy\"></p>\n");
    }
    SECTION("an absolute image and a raster data image stay as they are") {
        CHECK(html_of("![A](https://cdn.example/a.png)", o) ==
              "<p><img src=\"https://cdn.example/a.png\" alt=\"A\" loading=\"lazy\"></p>\n");
        CHECK(html_of("![A](data:image/png;base64,AAAA)", o) ==
              "<p><img src=\"data:image/png;base64,AAAA\" alt=\"A\" loading=\"lazy\"></p>\n");
    }
    SECTION("alt text is plain text") {
        CHECK(html_of("![A *b* `c`](a.png)", o) ==
              "<p><img src=\"posts/2022/a.png\" alt=\"A b c\" loading=\"lazy\"></p>\n");
    }
    SECTION("relative, absolute-path and external links") {
        CHECK(html_of("[a](notes/a.txt) [b](/about) [c](https://example.com/x \"T\")", o) ==
              "<p><a href=\"posts/2022/notes/a.txt\">a</a> <a href=\"/about\">b</a> "
              "<a href=\"https://example.com/x\" title=\"T\">c</a></p>\n");
    }
    SECTION("an in-page link goes to the heading in the post's route") {
        CHECK(html_of("[t](#tables)", o) == "<p><a href=\"#/posts/x#tables\">t</a></p>\n");
    }
    SECTION("without a route, an in-page link stays relative to the file") {
        MarkdownOptions no_route;
        no_route.base_url = "posts/2022/x.md";
        CHECK(html_of("[t](#tables)", no_route) == "<p><a href=\"posts/2022/x.md#tables\">t</a></p>\n");
    }
    SECTION("without a base, relative targets are left alone") {
        CHECK(html_of("[a](b/c.md) ![i](img/a.png)") ==
              "<p><a href=\"b/c.md\">a</a> <img src=\"img/a.png\" alt=\"i\" loading=\"lazy\"></p>\n");
    }
    SECTION("special characters in a target are percent-encoded and & escaped") {
        CHECK(html_of("[a](<my file.md?x=1&y=\"2\">)", o) ==
              "<p><a href=\"posts/2022/my%20file.md?x=1&amp;y=%222%22\">a</a></p>\n");
    }
}

TEST_CASE("markdown: links to other posts' Markdown become routes") {
    std::vector<std::string> asked;
    MarkdownOptions o = post_options();
    o.link_route = [&asked](std::string_view resolved) {
        asked.emplace_back(resolved);
        if (resolved == "posts/paper-day-1-mesos.md") return std::string("#/posts/paper-day-1-mesos");
        return std::string();
    };
    SECTION("a known post") {
        CHECK(html_of("[m](../paper-day-1-mesos.md)", o) == "<p><a href=\"#/posts/paper-day-1-mesos\">m</a></p>\n");
        CHECK(asked == std::vector<std::string>{"posts/paper-day-1-mesos.md"});
    }
    SECTION("a known post with a heading: the heading is kept, the query is not passed") {
        CHECK(html_of("[m](../paper-day-1-mesos.md?x=1#omega)", o) ==
              "<p><a href=\"#/posts/paper-day-1-mesos#omega\">m</a></p>\n");
        CHECK(asked == std::vector<std::string>{"posts/paper-day-1-mesos.md"});
    }
    SECTION("an unknown .md file stays a link to the file") {
        CHECK(html_of("[u](unknown.md)", o) == "<p><a href=\"posts/2022/unknown.md\">u</a></p>\n");
        CHECK(asked == std::vector<std::string>{"posts/2022/unknown.md"});
    }
    SECTION("images and other files are never asked about") {
        CHECK(html_of("![i](pic.md) [t](notes.txt) [e](https://example.com/a.md)", o) ==
              "<p><img src=\"posts/2022/pic.md\" alt=\"i\" loading=\"lazy\"> <a href=\"posts/2022/notes.txt\">t</a> "
              "<a href=\"https://example.com/a.md\">e</a></p>\n");
        CHECK(asked.empty());
    }
}

TEST_CASE("markdown: the sample features post renders every feature") {
    MarkdownOptions o;
    o.base_url = "posts/features/markdown-features.md";
    o.self_route = "#/posts/markdown-features";
    o.link_route = [](std::string_view resolved) {
        return resolved == "posts/paper-day-1-mesos.md" ? std::string("#/posts/paper-day-1-mesos") : std::string();
    };
    RenderedMarkdown r = render(sample_post_body("posts/features/markdown-features.md"), o);
    CHECK(safety_problems(r.html) == no_problems);
    CHECK(r.has_code);
    CHECK(r.has_math);
    CHECK(r.summary ==
          "This post is the sample of the Markdown features the renderer supports; it is hidden from the home list "
          "and exists so the features can be seen and tested.");
    CHECK(r.summary_truncated);
    std::vector<std::string> ids;
    for (const Heading& h : r.headings) ids.push_back(h.id);
    CHECK(ids == std::vector<std::string>{"text-formatting", "lists", "example", "example-1", "task-list", "tables",
                                          "math", "code-blocks", "images", "raw-html",
                                          "ünïcode--punctuation-its-fine"});
    CHECK(contains(r.html, "<a href=\"#/posts/paper-day-1-mesos\">the first paper post</a>"));
    CHECK(contains(r.html, "<a href=\"#/posts/markdown-features#tables\">jump to the table</a>"));
    CHECK(contains(r.html, "<img src=\"posts/features/img/diagram.svg\" alt=\"Architecture diagram\" loading=\"lazy\">"));
    CHECK(contains(r.html, "<pre><code class=\"language-go\">"));
    CHECK(contains(r.html, "<del>strikethrough</del>"));
    CHECK(contains(r.html, "<p>Raw HTML like <!-- raw HTML omitted -->raw html<!-- raw HTML omitted --> is omitted"));
    CHECK(contains(r.html, "café, naïve, Zürich, señor, 日本語, Ελληνικά"));
}

TEST_CASE("markdown: a numeric reference to a surrogate becomes U+FFFD, never invalid UTF-8") {
    for (auto flavor : {MarkdownOptions::Flavor::Blog, MarkdownOptions::Flavor::Md4cHtml}) {
        MarkdownOptions o;
        o.flavor = flavor;
        CHECK(html_of("&#xD800; &#55296; &#xDFFF; [a](&#xD800;)", o) ==
              "<p>\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD <a href=\"%EF%BF%BD\">a</a></p>\n");
    }
}

TEST_CASE("markdown: text that is not valid UTF-8 is repaired before it is parsed") {
    CHECK(html_of("bad \xFF byte, cut \xE2\x82 and overlong \xC0\xAF") ==
          "<p>bad \xEF\xBF\xBD byte, cut \xEF\xBF\xBD and overlong \xEF\xBF\xBD\xEF\xBF\xBD</p>\n");
}

TEST_CASE("markdown: a raw HTML tag spanning lines is omitted as one") {
    CHECK(html_of("a <span\nclass=\"x\"\n   id=y>b</span> c") ==
          "<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --> c</p>\n");
    SECTION("two tags on two lines stay two") {
        CHECK(html_of("a <b>\n<i>c") == "<p>a <!-- raw HTML omitted -->\n<!-- raw HTML omitted -->c</p>\n");
    }
    SECTION("unsafe: the tag passes through whole") {
        MarkdownOptions o;
        o.unsafe = true;
        CHECK(html_of("a <span\nclass=\"x\">b</span>", o) == "<p>a <span\nclass=\"x\">b</span></p>\n");
    }
}

TEST_CASE("markdown: an escaped pipe in a code span inside a table cell is a pipe, as on GitHub") {
    CHECK(contains(html_of("| a |\n|---|\n| `x \\| y` and \\| |\n"), "<td><code>x | y</code> and |</td>"));
    SECTION("outside tables the backslash stays in code") {
        CHECK(html_of("`x \\| y`") == "<p><code>x \\| y</code></p>\n");
    }
    SECTION("md4c-html's markup keeps it (byte-identical flavor)") {
        MarkdownOptions o;
        o.flavor = MarkdownOptions::Flavor::Md4cHtml;
        CHECK(contains(html_of("| a |\n|---|\n| `x \\| y` |\n", o), "<td><code>x \\| y</code></td>"));
    }
}

TEST_CASE("markdown: a post over the size limit is not rendered, with its size in the message") {
    MarkdownOptions o;
    o.max_input_bytes = 1000;
    auto r = markdown_render(std::string(1500, 'a'), o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "too-large");
    CHECK(r.error().message == "the post is 1 KB, more than the 1000 bytes a post may have");
    CHECK(MarkdownOptions{}.max_input_bytes == size_t(4) << 20);
    CHECK(markdown_render(std::string(1000, 'a'), o).ok());
}

TEST_CASE("markdown: rendering stops when the HTML outgrows its limit") {
    // A wide header over many one-cell rows: md4c writes every row at the
    // header's width (md4c's "huge table"; 40 MB of HTML from 20 KB in 0.4.8,
    // still about 400 times the input with 0.5.3's 128-column cap).
    std::string md;
    for (int i = 0; i < 128; ++i) md += "th|";
    md += "\n";
    for (int i = 0; i < 128; ++i) md += "-|";
    md += "\n";
    for (int i = 0; i < 4000; ++i) md += "td\n";
    MarkdownOptions o;
    auto r = markdown_render(md, o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "output-limit");
    CHECK(r.error().message ==
          "rendering stopped: the HTML of this 12 KB post would be more than 1.2 MB (16 times its size); "
          "the post may be built to exhaust the reader's memory");
    SECTION("without the limit it renders, much larger than its input") {
        o.max_output_factor = 0;
        auto full = markdown_render(md, o);
        REQUIRE(full.ok());
        CHECK(full.value().html.size() > 16 * md.size() + (size_t(1) << 20));
    }
    SECTION("ordinary posts are far from it") {
        CHECK(markdown_render(sample_post_body("posts/features/markdown-features.md")).ok());
    }
}

TEST_CASE("markdown: input that ends mid-construct is read within its bounds (no NUL after it)") {
    // md4c 0.4.8 read one byte past these when the buffer was not
    // NUL-terminated; make test-asan runs this with AddressSanitizer, which
    // reports any read past the exact-size heap buffer.
    for (const char* text : {"2", "[a](", "[a](b", "[a]: <", "`", "<a", "&#", "$x", "| a |\n|-", "www.x", "a@b."}) {
        const size_t n = std::strlen(text);
        std::unique_ptr<char[]> exact(new char[n]);  // no room for a terminator
        std::memcpy(exact.get(), text, n);
        INFO(text);
        CHECK(markdown_render(std::string_view(exact.get(), n)).ok());
    }
}

TEST_CASE("markdown: front matter is found as Hugo finds it") {
    using F = FrontMatterSplit::Format;
    auto body = [](std::string_view text) {
        FrontMatterSplit s = markdown_front_matter(text);
        return std::string(text.substr(s.body_begin));
    };
    SECTION("YAML, TOML and JSON blocks, and where the body starts") {
        FrontMatterSplit y = markdown_front_matter("---\ntitle: A\n---\n# Hi\n");
        CHECK(y.format == F::Yaml);
        CHECK(y.closed);
        CHECK(y.body_line == 4);
        CHECK(std::string("---\ntitle: A\n---\n# Hi\n").substr(y.block_begin, y.block_end - y.block_begin) == "title: A\n");
        CHECK(body("---\ntitle: A\n...\nText") == "Text");
        CHECK(markdown_front_matter("+++\ntitle = 'A'\n+++\nText").format == F::Toml);
        CHECK(body("+++\ntitle = 'A'\n+++\nText") == "Text");
        FrontMatterSplit j = markdown_front_matter("{\n  \"title\": \"{A}\"\n}\nText");
        CHECK(j.format == F::Json);
        CHECK(j.body_line == 4);
        CHECK(body("{\"title\": \"A\"}\nText") == "Text");
        CHECK(body("\xEF\xBB\xBF---\r\ntitle: A\r\n---\r\nText") == "Text");
    }
    SECTION("Markdown that only looks like it is left alone") {
        CHECK(markdown_front_matter("{note} a paragraph\n}\n").format == F::None);
        CHECK(markdown_front_matter("Text\n---\nmore\n---\n").format == F::None);
        CHECK(markdown_front_matter("--- \n").closed == false);
        CHECK(body("----\nText\n----\n") == "----\nText\n----\n");
    }
    SECTION("a block that never closes is not front matter: the whole file is the body") {
        FrontMatterSplit s = markdown_front_matter("---\ntitle: A\nText");
        CHECK(s.format == F::Yaml);
        CHECK_FALSE(s.closed);
        CHECK(body("---\ntitle: A\nText") == "---\ntitle: A\nText");
    }
}

TEST_CASE("markdown: the images a post shows are listed as written") {
    auto r = markdown_render("![a](img/a.png) [![b](b%20c.png)](x) ![c](https://e.com/c.png \"t\") ![d](&#x64;.png)\n");
    REQUIRE(r.ok());
    CHECK(r.value().images == std::vector<std::string>{"img/a.png", "b%20c.png", "https://e.com/c.png", "d.png"});
}

TEST_CASE("markdown: with RawHtml::Sanitize, the author's HTML is kept where it is safe") {
    MarkdownOptions o = post_options();
    o.raw_html = MarkdownOptions::RawHtml::Sanitize;
    SECTION("details opened in one HTML block and closed in another, Markdown between") {
        const RenderedMarkdown r = render("<details>\n<summary>More</summary>\n\nSome *Markdown* here.\n\n</details>\n\nafter", o);
        CHECK(r.html == "<details>\n<summary>More</summary>\n<p>Some <em>Markdown</em> here.</p>\n</details>\n<p>after</p>\n");
        CHECK(r.html_dropped == 0);
    }
    SECTION("inline tags") {
        CHECK(html_of("Press <kbd>Ctrl</kbd> and <u>read</u> x<sup>2</sup>", o) ==
              "<p>Press <kbd>Ctrl</kbd> and <u>read</u> x<sup>2</sup></p>\n");
    }
    SECTION("an inline tag spanning lines is read as one") {
        CHECK(html_of("a <img src=\"a.png\"\nalt=\"A\"> b", o) ==
              "<p>a <img src=\"posts/2022/a.png\" alt=\"A\" loading=\"lazy\"> b</p>\n");
    }
    SECTION("an image resolves against the post, as ![](a.png) does") {
        const RenderedMarkdown r = render("<img src=\"photo.png\" alt=\"p\">\n\n![p](photo.png)", o);
        CHECK(contains(r.html, "<img src=\"posts/2022/photo.png\" alt=\"p\" loading=\"lazy\">"));
        CHECK(contains(r.html, "<img src=\"posts/2022/photo.png\" alt=\"p\" loading=\"lazy\"></p>"));
        CHECK(r.images == std::vector<std::string>{"photo.png", "photo.png"});
    }
    SECTION("script, handlers and script URLs are dropped and counted") {
        const RenderedMarkdown r = render("<script>alert(1)</script>\n\n<a href=\"javascript:x\" onclick=\"y\">z</a> w", o);
        CHECK(r.html == "\n<p><a>z</a> w</p>\n");  // the HTML block's line end stays
        CHECK(r.html_dropped == 3);
    }
    SECTION("what the post leaves open is closed at its end") {
        CHECK(html_of("<div class=\"box\">\n\ntext", o) == "<div class=\"box\">\n<p>text</p>\n</div>");
    }
    SECTION("<!--more--> still ends the summary and is not written") {
        const RenderedMarkdown r = render("One two.\n\n<!--more-->\n\nThree.", o);
        CHECK(r.summary == "One two.");
        CHECK(r.summary_truncated);
        CHECK(r.html == "<p>One two.</p>\n\n<p>Three.</p>\n");
    }
    SECTION("inside an image's alt text, raw HTML is text as before") {
        CHECK(contains(html_of("![<b>x</b>](a.png)", o), "alt=\"&lt;b&gt;x&lt;/b&gt;\""));
    }
    SECTION("unsafe still wins") {
        o.unsafe = true;
        CHECK(html_of("<script>x</script>", o) == "<script>x</script>\n");
    }
}
