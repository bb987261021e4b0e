// The Markdown renderer (core/markdown) with every option combination.
// Input: bytes 0-1 are md4c's parser flags (every MD_FLAG_* bit), byte 2 the
// options (bit 0 Md4cHtml flavor, bit 1 unsafe, bit 2 self_route, bit 3
// link_route, bits 4-6 the base URL, bit 7 RawHtml::Sanitize); the rest is
// the Markdown.
// Properties:
//   - no crash (ASan/UBSan watch md4c and our renderer);
//   - whatever the bytes, the HTML, heading texts and ids and the summary
//     are valid UTF-8 (the renderer repairs its input);
//   - safe mode (unsafe off), parsed with an HTML5 parser (gumbo, the
//     tokenizer and tree builder a browser uses): no element or attribute
//     but those the renderer writes (tests/conformance/safe_check.py's
//     ALLOWED), no event-handler attribute, no comment but "raw HTML
//     omitted", and no href/src a browser reads as javascript:, vbscript: or
//     data: (data:image/png|gif|jpeg|webp in img src allowed) — resolved
//     against the page's URL, where a scheme-less URL keeps the page's http:.
//     In the Md4cHtml flavor the element list also has md4c-html's
//     <x-equation>. With Sanitize, the list also has the sanitizer's
//     allowlist (core/html/sanitize.cpp), an <iframe> only from its video
//     hosts with its sandbox, and each srcset candidate is judged as a src.
#include <gumbo.h>

#include <cstdint>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/markdown/markdown.hpp"
#include "core/url/url.hpp"
#include "fuzz_check.hpp"

namespace {

const char* const kBases[] = {
    "posts/a.md", "a.md", "http://127.0.0.1:8000/posts/a.md", "", "posts/2022/deep/a.md",
    "/blog/posts/a.md", "https://example.com/", "../posts/a.md",
};

// Every element the renderer writes, with the attributes it may carry
// (safe_check.py's ALLOWED; x-wikilink: md4c's wiki links, a flag the suites
// never turn on; it carries no URL).
const std::map<std::string, std::set<std::string>>& allowed() {
    static const std::map<std::string, std::set<std::string>> table = {
        {"p", {}}, {"blockquote", {}}, {"ul", {}}, {"ol", {"start"}}, {"li", {"class"}},
        {"input", {"type", "class", "disabled", "checked"}}, {"hr", {}}, {"br", {}},
        {"a", {"href", "title", "class", "aria-hidden"}}, {"img", {"src", "alt", "title", "loading"}},
        {"pre", {}}, {"code", {"class"}}, {"em", {}}, {"strong", {}}, {"u", {}}, {"del", {}},
        {"span", {"class", "data-n"}},  // data-n: a code line's number (fence option linenos)
        {"table", {}}, {"thead", {}}, {"tbody", {}}, {"tr", {}},
        {"th", {"align"}}, {"td", {"align"}},
        {"h1", {"id"}}, {"h2", {"id"}}, {"h3", {"id"}}, {"h4", {"id"}}, {"h5", {"id"}}, {"h6", {"id"}},
        {"x-wikilink", {"data-target"}},
    };
    return table;
}

// What RawHtml::Sanitize adds: the sanitizer's allowlist, as its own table
// is written (a second copy, so that a change to one is caught here).
const std::map<std::string, std::set<std::string>>& sanitize_allowed() {
    static const std::map<std::string, std::set<std::string>> table = [] {
        std::map<std::string, std::set<std::string>> t = allowed();
        auto add = [&](const char* name, std::set<std::string> attrs) { t[name].insert(attrs.begin(), attrs.end()); };
        for (const char* name : {"details"}) add(name, {"open"});
        for (const char* name : {"summary", "b", "i", "s", "q", "cite", "small", "mark", "kbd", "sup", "sub", "ins",
                                 "blockquote", "wbr", "dl", "dt", "dd", "figure", "figcaption", "caption", "tfoot",
                                 "picture", "center"})
            add(name, {});
        for (const char* name : {"div", "span", "p"}) add(name, {"class", "id"});
        add("abbr", {"title"});
        add("ol", {"start", "type", "reversed"});
        add("a", {"rel"});
        add("img", {"srcset", "width", "height", "decoding", "sizes"});
        add("source", {"src", "srcset", "media", "type", "sizes"});
        add("video", {"src", "poster", "controls", "width", "height", "loop", "muted", "playsinline", "preload", "autoplay"});
        add("audio", {"src", "controls", "loop", "muted", "preload"});
        add("track", {"src", "kind", "srclang", "label", "default"});
        for (const char* name : {"td", "th"}) add(name, {"colspan", "rowspan", "align"});
        add("th", {"scope"});
        add("iframe", {"src", "width", "height", "title", "sandbox", "loading", "allowfullscreen", "referrerpolicy"});
        return t;
    }();
    return table;
}

bool frame_source_allowed(const std::string& src) {
    for (const char* host : {"https://www.youtube.com/embed/", "https://youtube.com/embed/",
                             "https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/",
                             "https://player.bilibili.com/player.html", "https://www.google.com/maps/embed"})
        if (src.compare(0, std::strlen(host), host) == 0) return true;
    return false;
}

// The element's name as written in the HTML (gumbo maps <image> to img).
std::string source_name(const GumboElement& e) {
    std::string name;
    if (e.original_tag.length > 1 && e.original_tag.data[0] == '<') {
        for (size_t i = 1; i < e.original_tag.length; ++i) {
            char c = e.original_tag.data[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>') break;
            name += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
    }
    return name;
}

struct Audit {
    bool md4c_flavor = false;
    bool sanitize = false;
    std::string context;

    void element(const GumboNode* node) {
        const GumboElement& e = node->v.element;
        std::string name = e.tag == GUMBO_TAG_UNKNOWN ? source_name(e) : gumbo_normalized_tagname(e.tag);
        const bool implied = e.original_tag.length == 0;
        if (implied && (e.tag == GUMBO_TAG_HTML || e.tag == GUMBO_TAG_HEAD || e.tag == GUMBO_TAG_BODY)) {
            // the document the parser wraps around a fragment
        } else {
            if (!implied) {
                std::string written = source_name(e);
                FUZZ_CHECK(written == name, "<" + written + "> read by the browser as <" + name + ">" + context);
            }
            const auto& table = sanitize ? sanitize_allowed() : allowed();
            auto it = table.find(name);
            const bool extra = md4c_flavor && name == "x-equation";
            FUZZ_CHECK(it != table.end() || extra, "element <" + fuzz::escaped(name) + "> in safe output" + context);
            if (name == "iframe") {
                bool host = false, sandboxed = false;
                for (unsigned i = 0; i < e.attributes.length; ++i) {
                    const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
                    if (std::strcmp(a->name, "src") == 0) host = frame_source_allowed(a->value);
                    if (std::strcmp(a->name, "sandbox") == 0)
                        sandboxed = std::strcmp(a->value, "allow-scripts allow-same-origin allow-presentation allow-popups") == 0;
                }
                FUZZ_CHECK(host && sandboxed, "an <iframe> not from a video host or not sandboxed" + context);
            }
            for (unsigned i = 0; i < e.attributes.length; ++i) {
                const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
                std::string attr = a->name;
                FUZZ_CHECK(attr.size() < 2 || attr.compare(0, 2, "on") != 0,
                           "event handler " + attr + "=\"" + fuzz::escaped(a->value) + "\" on <" + name + ">" + context);
                const bool ok = extra ? attr == "type" : it->second.count(attr) > 0;
                FUZZ_CHECK(ok, "attribute " + fuzz::escaped(attr) + " on <" + name + ">" + context);
                if (attr == "href" || attr == "src" || attr == "poster") {
                    const bool image = (name == "img" || name == "video" || name == "source") && attr != "href";
                    FUZZ_CHECK(!fuzz::browser_script_url(a->value, image),
                               "<" + name + " " + attr + "=\"" + fuzz::escaped(a->value) + "\">: a " +
                                   fuzz::browser_scheme(a->value) + ": URL" + context);
                }
                if (attr == "srcset") {
                    // candidates: a URL, maybe descriptors, then ", "
                    std::string_view v = a->value;
                    while (!v.empty()) {
                        size_t end = v.find(' ');
                        const std::string url(v.substr(0, end));
                        FUZZ_CHECK(!fuzz::browser_script_url(url, true),
                                   "<" + name + " srcset=\"" + fuzz::escaped(a->value) + "\">: a " +
                                       fuzz::browser_scheme(url) + ": URL" + context);
                        const size_t next = v.find(", ");
                        if (next == std::string_view::npos) break;
                        v.remove_prefix(next + 2);
                    }
                }
            }
        }
        for (unsigned i = 0; i < e.children.length; ++i) walk(static_cast<const GumboNode*>(e.children.data[i]));
    }

    void walk(const GumboNode* node) {
        switch (node->type) {
            case GUMBO_NODE_DOCUMENT:
                for (unsigned i = 0; i < node->v.document.children.length; ++i)
                    walk(static_cast<const GumboNode*>(node->v.document.children.data[i]));
                break;
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE:
                element(node);
                break;
            case GUMBO_NODE_COMMENT:
                FUZZ_CHECK(std::strcmp(node->v.text.text, " raw HTML omitted ") == 0,
                           "comment <!--" + fuzz::escaped(node->v.text.text) + "--> in safe output" + context);
                break;
            case GUMBO_NODE_CDATA:
                FUZZ_CHECK(false, "CDATA section in safe output" + context);
                break;
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_WHITESPACE:
                break;
        }
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::Scope scope(data, size);
    if (size < 3) return 0;
    const unsigned flags = static_cast<unsigned>(data[0]) | static_cast<unsigned>(data[1]) << 8;
    const uint8_t o = data[2];
    const std::string_view text(reinterpret_cast<const char*>(data) + 3, size - 3);

    blog::MarkdownOptions options;
    options.parser_flags = flags;
    options.flavor = (o & 1) ? blog::MarkdownOptions::Flavor::Md4cHtml : blog::MarkdownOptions::Flavor::Blog;
    options.unsafe = (o & 2) != 0;
    if (o & 128) options.raw_html = blog::MarkdownOptions::RawHtml::Sanitize;
    if (o & 4) options.self_route = "#/posts/a";
    if (o & 8)
        options.link_route = [](std::string_view resolved) -> std::string {
            if (resolved.size() < 3 || resolved.substr(resolved.size() - 3) != ".md") return "";
            size_t slash = resolved.rfind('/');
            std::string_view stem = resolved.substr(slash == std::string_view::npos ? 0 : slash + 1);
            stem.remove_suffix(3);
            return "#/posts/" + blog::url_percent_encode(stem);
        };
    options.base_url = kBases[(o >> 4) & 7];
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%04x", flags);
    const std::string context = std::string("\n    options: parser flags ") + hex + ", " +
                                ((o & 1) ? "md4c-html" : "blog") + ((o & 2) ? ", unsafe" : (o & 128) ? ", sanitize" : ", safe") +
                                ((o & 4) ? ", self_route" : "") + ((o & 8) ? ", link_route" : "") + ", base \"" +
                                options.base_url + "\"";

    auto rendered = blog::markdown_render(text, options);
    if (!rendered) {
        FUZZ_CHECK(!rendered.error().message.empty(), "an error without a message" + context);
        return 0;
    }
    const blog::RenderedMarkdown& r = rendered.value();

    // markdown_render repairs input that is not UTF-8 (U+FFFD), so whatever
    // the bytes, what reaches the page is valid UTF-8.
    FUZZ_CHECK(fuzz::valid_utf8(r.html), "the HTML is not valid UTF-8: \"" + fuzz::escaped(r.html) + "\"" + context);
    FUZZ_CHECK(fuzz::valid_utf8(r.summary), "the summary is not valid UTF-8: \"" + fuzz::escaped(r.summary) + "\"" + context);
    for (const blog::Heading& h : r.headings) {
        FUZZ_CHECK(fuzz::valid_utf8(h.text) && fuzz::valid_utf8(h.id),
                   "a heading is not valid UTF-8: \"" + fuzz::escaped(h.text) + "\"" + context);
    }
    for (const blog::Heading& h : r.headings)
        FUZZ_CHECK(h.level >= 1 && h.level <= 6, "heading level " + std::to_string(h.level) + context);

    if (!options.unsafe) {
        GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, r.html.data(), r.html.size());
        Audit audit;
        audit.md4c_flavor = options.flavor == blog::MarkdownOptions::Flavor::Md4cHtml;
        audit.sanitize = (o & 128) != 0;
        audit.context = "\n    html: \"" + fuzz::escaped(r.html, 2000) + "\"" + context;
        audit.walk(out->document);
        gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
    return 0;
}
