#include "core/markdown/markdown.hpp"

#include <algorithm>

#include <cstdint>
#include <cstring>
#include <memory>
#include <unordered_map>

#include "core/html/escape.hpp"
#include "core/markdown/code_block.hpp"
#include "core/markdown/plain_text.hpp"
#include "core/html/sanitize.hpp"
#include "core/url/url.hpp"
#include "core/util/size_text.hpp"
#include "core/util/swar.hpp"
#include "core/util/utf8.hpp"

#include "core/html/entity.hpp"

extern "C" {
#include "md4c.h"
}

namespace blog {

namespace {

constexpr size_t kSummaryWords = 70;  // Hugo's default summaryLength

// Forced inlining for the small helpers called for every piece of output.
// The wasm build compiles this file at -O3 after the core's -Oz, and
// Emscripten (3.1.6) keeps -Oz's -fno-inline-functions for it: without the
// attribute every function here, however small, stays a call.
#define BLOG_MD_INLINE inline __attribute__((always_inline))

// Whether the post holds "<!--more-->": a Horspool search (the marker's last
// byte, '>', compared first; each byte read says how far the marker can move),
// reading about one byte in nine of a post, rather than a stop at every '<'.
constexpr std::string_view kMore = "<!--more-->";
struct MoreSkip {
    unsigned char skip[256] = {};
    constexpr MoreSkip() {
        for (auto& k : skip) k = kMore.size();
        for (size_t i = 0; i + 1 < kMore.size(); ++i) skip[static_cast<unsigned char>(kMore[i])] = kMore.size() - 1 - i;
    }
};
constexpr MoreSkip kMoreSkip;

bool has_more_marker(std::string_view text) {
    const size_t last = kMore.size() - 1;
    for (size_t i = last; i < text.size(); i += kMoreSkip.skip[static_cast<unsigned char>(text[i])]) {
        if (text[i] == '>' && std::memcmp(text.data() + i - last, kMore.data(), last) == 0) return true;
    }
    return false;
}

// Decodes an entity as md4c reports it ("&amp;", "&#65;", "&#x41;"); unknown
// named entities stay as they are.
void append_entity(std::string& out, const char* text, size_t size) {
    if (size > 3 && text[1] == '#') {
        unsigned cp = 0;
        bool hex = text[2] == 'x' || text[2] == 'X';
        for (size_t i = hex ? 3 : 2; i + 1 < size; ++i) {
            char c = text[i];
            unsigned d = (c >= '0' && c <= '9') ? unsigned(c - '0')
                         : (c >= 'a' && c <= 'f') ? unsigned(c - 'a' + 10)
                                                  : unsigned(c - 'A' + 10);
            cp = cp * (hex ? 16 : 10) + d;
            if (cp > 0x10FFFF) cp = 0x110000;  // stays invalid, no overflow
        }
        utf8_append(out, cp);
        return;
    }
    if (unsigned cp[2]; int n = html_entity_codepoints(std::string_view(text, size), cp)) {
        utf8_append(out, cp[0]);
        if (n == 2) utf8_append(out, cp[1]);
        return;
    }
    out.append(text, size);
}


// The HTML being written. Most pieces are a few bytes (a tag, a word between
// two entities); std::string's append costs a call into libc++ and one into
// memcpy for each (wasm: 18% of a render). Here a piece up to 16 bytes is
// copied with no memcpy call, and an entity with no call at all. The bytes
// live in a std::string sized ahead of the writes (its size is the room,
// `used_` the HTML), so the result is moved out, not copied.
class Output {
public:
    void reserve(size_t n) {
        if (n > buf_.size()) buf_.resize(n);
    }
    size_t size() const { return used_; }
    const char* data() const { return buf_.data(); }
    void clear() { used_ = 0; }

    void append(const char* s, size_t n) {
        if (n > buf_.size() - used_) grow(n);
        char* d = &buf_[used_];
        used_ += n;
        if (n >= 8 && n <= 16) {  // two 8-byte copies, overlapping
            std::memcpy(d, s, 8);
            std::memcpy(d + n - 8, s + n - 8, 8);
        } else if (n < 8) {
            for (size_t i = 0; i < n; ++i) d[i] = s[i];
        } else {
            std::memcpy(d, s, n);
        }
    }
    void append(std::string_view s) { append(s.data(), s.size()); }
    // A string literal: its length known, copied with no call.
    template <size_t N>
    BLOG_MD_INLINE void append_literal(const char (&literal)[N]) {
        if (N - 1 > buf_.size() - used_) grow(N - 1);
        std::memcpy(&buf_[used_], literal, N - 1);
        used_ += N - 1;
    }

    void erase(size_t pos, size_t n) {
        std::memmove(&buf_[pos], &buf_[pos + n], used_ - pos - n);
        used_ -= n;
    }

    // The HTML; the buffer is left empty.
    std::string take() {
        buf_.resize(used_);
        used_ = 0;
        return std::move(buf_);
    }

private:
    void grow(size_t n) { buf_.resize(std::max(buf_.size() * 2, used_ + n) + 64); }

    std::string buf_;
    size_t used_ = 0;
};

// Text escaping as md4c-html does it (& < > "). A NUL byte, which md4c 0.4.8
// passes on in the text after a MD_TEXT_NULLCHAR (and in code spans), is
// dropped, as md4c-html drops it. Runs between those bytes are appended whole.
void escape_text(Output& out, const char* text, size_t size) {
    size_t begin = 0, i = 0;
    for (;;) {
        if (swar::kEnabled) {
            for (; i + 8 <= size; i += 8) {
                if (uint64_t m = swar::escaped_first(swar::load(text + i))) {
                    i += size_t(__builtin_ctzll(m)) / 8;
                    break;
                }
            }
        }
        for (; i < size; ++i) {
            const char c = text[i];
            if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\0') break;
        }
        if (i >= size) break;
        out.append(text + begin, i - begin);
        switch (text[i]) {
            case '&': out.append_literal("&amp;"); break;
            case '<': out.append_literal("&lt;"); break;
            case '>': out.append_literal("&gt;"); break;
            case '"': out.append_literal("&quot;"); break;
            default: break;  // NUL
        }
        begin = ++i;
    }
    out.append(text + begin, size - begin);
}

// An md4c attribute (href, src, title, info string) with entities decoded.
std::string attribute_text(const MD_ATTRIBUTE& attr) {
    std::string out;
    if (!attr.text) return out;
    for (int i = 0; attr.substr_offsets[i] < attr.size; ++i) {
        MD_OFFSET off = attr.substr_offsets[i];
        MD_SIZE size = attr.substr_offsets[i + 1] - off;
        switch (attr.substr_types[i]) {
            case MD_TEXT_NULLCHAR: utf8_append(out, 0); break;
            case MD_TEXT_ENTITY: append_entity(out, attr.text + off, size); break;
            default: out.append(attr.text + off, size); break;
        }
    }
    return out;
}

// The same, as a view: of md4c's text when the attribute is one run of
// plain text (most link targets and titles), else of `buffer`, which holds
// the decoded text. Valid until md4c's callback returns or `buffer` changes.
std::string_view attribute_view(const MD_ATTRIBUTE& attr, std::string& buffer) {
    if (!attr.text || attr.size == 0) return {};
    if (attr.substr_offsets[0] == 0 && attr.substr_offsets[1] == attr.size && attr.substr_types[0] == MD_TEXT_NORMAL)
        return std::string_view(attr.text, attr.size);
    buffer = attribute_text(attr);
    return buffer;
}

// A link or image URL as md4c-html writes it: entities decoded, then
// percent-encoded, except that a NUL's U+FFFD replacement is written as it is.
void append_md4c_url(std::string& out, const MD_ATTRIBUTE& attr) {
    for (int i = 0; attr.substr_offsets[i] < attr.size; ++i) {
        MD_OFFSET off = attr.substr_offsets[i];
        MD_SIZE size = attr.substr_offsets[i + 1] - off;
        switch (attr.substr_types[i]) {
            case MD_TEXT_NULLCHAR: utf8_append(out, 0); break;
            case MD_TEXT_ENTITY: {
                std::string decoded;
                append_entity(decoded, attr.text + off, size);
                url_escape_append(out, decoded);
                break;
            }
            default: url_escape_append(out, std::string_view(attr.text + off, size)); break;
        }
    }
}

struct Renderer {
    const MarkdownOptions& opt;
    bool blog;            // Blog flavor
    Output* out;          // current output (the heading buffer while in one)
    Output doc;
    Output heading_html;
    std::string scratch;  // a URL being escaped
    std::string attr_buf;    // an attribute with entities decoded (attribute_view)
    std::string target_buf;  // a link target changed by blog_target
    std::string heading_text;
    int heading_level = 0;
    int image_nesting = 0;
    bool in_html_block = false;
    bool html_block_omitted = false;
    bool in_code_block = false;
    std::string code_info;                   // a fenced block's info string, entities decoded
    std::optional<CodeLineMarkup> code_lines;  // the block has line options (hl_lines, linenos)
    bool code_line_open = false;
    bool raw_html_continues = false;  // an omitted inline tag goes on past a line end
    int table_cell_depth = 0;          // inside <th>/<td>
    bool in_code_span = false;
    size_t output_limit = 0;           // 0: none
    std::string html_block_text;
    std::unordered_map<std::string, int> slug_uses;
    RenderedMarkdown result;
    // RawHtml::Sanitize: one for the document, as a tag may open in one
    // HTML block and close in another.
    std::unique_ptr<HtmlSanitizer> sanitizer;
    std::string sanitized;  // a chunk's safe form, before it is appended

    // Plain text for word count and summary (Hugo's rules).
    PlainText plain_text;
    bool more_marker = false;

    // Shortcodes' placeholders (core/shortcode): their fragments, and the
    // paragraph that may hold nothing but one (written without its <p>).
    const ShortcodeExpansion* shortcodes = nullptr;
    size_t p_open_at = 0;
    size_t p_fragment_end = std::string::npos;  // doc's size after a fragment that opened the paragraph

    Renderer(const MarkdownOptions& o, bool more_ahead)
        : opt(o), blog(o.flavor == MarkdownOptions::Flavor::Blog), out(&doc),
          plain_text(PlainTextRules{o.cjk, o.summary_words ? o.summary_words : kSummaryWords, more_ahead}) {
        if (!o.unsafe && o.raw_html == MarkdownOptions::RawHtml::Sanitize)
            sanitizer = std::make_unique<HtmlSanitizer>(
                [this](std::string& url, UrlUse use) { return raw_html_url(url, use); });
    }

    // A URL in raw HTML, judged and resolved as a Markdown link or image
    // target is (link_target): the value that will be written is judged.
    bool raw_html_url(std::string& url, UrlUse use) {
        if (blog && use == UrlUse::Image) result.images.push_back(url);
        std::string_view href;
        if (!judged_target(url, use, href)) return false;
        if (href.data() != url.data() || href.size() != url.size()) url.assign(href);
        return true;
    }

    // Text the page shows: the heading's text, and the post's plain text
    // unless it is an image's alt text (not in Hugo's .Plain).
    void plain(const char* text, size_t size) {
        if (heading_level) heading_text.append(text, size);
        if (image_nesting == 0) plain_text.text(text, size);
    }
    void plain_break() { plain_text.space(); }

    template <size_t N>
    BLOG_MD_INLINE void verbatim(const char (&literal)[N]) { out->append(literal, N - 1); }
    void verbatim(std::string_view s) { out->append(s); }

    // A URL for an href or src attribute (core/html's escaper).
    void url_attribute(std::string_view url) {
        scratch.clear();
        url_escape_append(scratch, url);
        out->append(scratch);
    }
    void md4c_url_attribute(const MD_ATTRIBUTE& attr) {
        scratch.clear();
        append_md4c_url(scratch, attr);
        out->append(scratch);
    }

    BLOG_MD_INLINE bool over_limit() const { return output_limit && doc.size() + heading_html.size() > output_limit; }

    // Makes `id` (a slug) unique in the document: "section" when empty, then
    // "-1", "-2", ... after an id already given.
    void unique_id(std::string& id) {
        if (id.empty()) id = "section";
        auto it = slug_uses.find(id);
        if (it != slug_uses.end()) {
            const size_t base = id.size();
            do {
                id.resize(base);
                id += '-';
                id += std::to_string(++it->second);
            } while (slug_uses.count(id));
        }
        slug_uses.emplace(id, 0);
    }

    // The URL for a link or image target, in `href`; false when it is
    // neutralised. The judgement is made on the URL that ends up in the
    // attribute, after entity decoding and resolution against the post's
    // file: resolving can change what a browser reads as the scheme.
    // `url` is the target as written (entities decoded). Both views are
    // valid until the next call.
    bool link_target(const MD_ATTRIBUTE& attr, UrlUse use, std::string_view& url, std::string_view& href) {
        url = attribute_view(attr, attr_buf);
        return judged_target(url, use, href) || opt.unsafe;
    }

    // `href`: the value to write for `url` (blog_target); false when a
    // browser could run it. Both are judged: the written value is what a
    // browser follows; the target as written is judged too, so that an
    // obfuscated script URL ("java&Tab;script:") is neutralised rather than
    // turned into a path. (One judgement when they are the same.)
    bool judged_target(std::string_view url, UrlUse use, std::string_view& href) {
        href = blog ? blog_target(url, use) : url;
        const bool same = href.data() == url.data() && href.size() == url.size();
        return url_is_safe(url, use) && (same || url_is_safe(href, use));
    }

    // The target as written, or a view of target_buf when it changes.
    std::string_view blog_target(std::string_view url, UrlUse use) {
        if (shortcodes && !shortcodes->fragments.empty()) {
            size_t n = 0;
            const ShortcodeFragment* f = shortcodes->find(url, 0, &n);
            if (f && f->is_url && n == url.size()) return f->text;  // {{< ref >}}: the page's URL as it is
        }
        if (!url.empty() && url[0] == '#' && !opt.self_route.empty()) {
            target_buf.assign(opt.self_route).append(url);
            return target_buf;
        }
        if (url_has_scheme(url) || url.empty()) return url;
        std::string_view resolved = url;
        if (!opt.base_url.empty()) {
            target_buf = url_resolve(opt.base_url, url);
            resolved = target_buf;
        }
        if (use == UrlUse::Link && opt.link_route) {
            const size_t end = std::min(resolved.find_first_of("?#"), resolved.size());
            const std::string_view path = resolved.substr(0, end);
            if (path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0) {
                std::string route = opt.link_route(path);
                if (!route.empty()) {
                    // The heading survives a query before it ("x.md?v=2#h"); the query does not.
                    const size_t sharp = resolved.find('#', end);
                    if (sharp != std::string_view::npos) route.append(resolved.substr(sharp));
                    target_buf = std::move(route);
                    return target_buf;
                }
            }
        }
        return resolved;
    }

    void open_block(MD_BLOCKTYPE type, void* detail) {
        switch (type) {
            case MD_BLOCK_QUOTE: case MD_BLOCK_UL: case MD_BLOCK_OL: case MD_BLOCK_HR: case MD_BLOCK_TABLE:
            case MD_BLOCK_THEAD: case MD_BLOCK_TBODY: case MD_BLOCK_TR:
                plain_break();  // the tag ends its line: whitespace in .Plain
                break;
            default: break;
        }
        switch (type) {
            case MD_BLOCK_DOC: break;
            case MD_BLOCK_QUOTE: verbatim("<blockquote>\n"); break;
            case MD_BLOCK_UL: verbatim("<ul>\n"); break;
            case MD_BLOCK_OL: {
                auto* d = static_cast<MD_BLOCK_OL_DETAIL*>(detail);
                if (d->start == 1) verbatim("<ol>\n");
                else out->append("<ol start=\"" + std::to_string(d->start) + "\">\n");
                break;
            }
            case MD_BLOCK_LI: {
                auto* d = static_cast<MD_BLOCK_LI_DETAIL*>(detail);
                if (d->is_task) {
                    verbatim("<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled");
                    if (d->task_mark == 'x' || d->task_mark == 'X') verbatim(" checked");
                    verbatim(">");
                } else {
                    verbatim("<li>");
                }
                break;
            }
            case MD_BLOCK_HR: verbatim("<hr>\n"); break;
            case MD_BLOCK_H: {
                heading_level = static_cast<MD_BLOCK_H_DETAIL*>(detail)->level;
                heading_text.clear();
                heading_html.clear();
                out = &heading_html;
                break;
            }
            case MD_BLOCK_CODE: open_code_block(*static_cast<MD_BLOCK_CODE_DETAIL*>(detail)); break;
            case MD_BLOCK_HTML:
                in_html_block = true;
                html_block_omitted = false;
                html_block_text.clear();
                break;
            case MD_BLOCK_P:
                p_open_at = doc.size();
                p_fragment_end = std::string::npos;
                verbatim("<p>");
                break;
            case MD_BLOCK_TABLE: verbatim("<table>\n"); break;
            case MD_BLOCK_THEAD: verbatim("<thead>\n"); break;
            case MD_BLOCK_TBODY: verbatim("<tbody>\n"); break;
            case MD_BLOCK_TR: verbatim("<tr>\n"); break;
            case MD_BLOCK_TH:
            case MD_BLOCK_TD: {
                ++table_cell_depth;
                verbatim(type == MD_BLOCK_TH ? "<th" : "<td");
                switch (static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align) {
                    case MD_ALIGN_LEFT: verbatim(" align=\"left\">"); break;
                    case MD_ALIGN_CENTER: verbatim(" align=\"center\">"); break;
                    case MD_ALIGN_RIGHT: verbatim(" align=\"right\">"); break;
                    default: verbatim(">"); break;
                }
                break;
            }
        }
    }

    // <pre><code class="language-go">: the language only, Hugo's options
    // (```go {hl_lines=[2], linenos=true}) read by core/markdown/code_block;
    // a block with line options gets each line in its span.
    void open_code_block(const MD_BLOCK_CODE_DETAIL& d) {
        in_code_block = true;
        verbatim("<pre><code");
        std::string_view lang;
        if (blog && d.info.text) {
            code_info = attribute_text(d.info);
            const CodeBlockInfo info = code_block_info(code_info);
            lang = info.language;
            if (info.has_line_options()) code_lines.emplace(info);
        } else if (d.lang.text) {
            lang = attribute_view(d.lang, attr_buf);
        }
        if (d.lang.text && !lang.empty()) {
            // md4c-html (0.5) keeps an info string that already says "language-r".
            verbatim(lang.size() >= 9 && lang.compare(0, 9, "language-") == 0 ? " class=\"" : " class=\"language-");
            escape_text(*out, lang.data(), lang.size());
            verbatim("\"");
            result.has_code = true;
        }
        verbatim(">");
    }
    void close_code_block() {
        if (code_line_open) verbatim(CodeLineMarkup::kLineClose);
        code_line_open = false;
        code_lines.reset();
        verbatim("</code></pre>\n");
        in_code_block = false;
    }
    // Code in a block with line options: a line's span opens before its
    // first text and closes after its newline (md4c gives each "\n" alone),
    // so that the block's text is the code, line for line.
    void code_line_start() {
        if (code_line_open) return;
        verbatim(code_lines->next_line_open());
        code_line_open = true;
    }
    void code_line_text(const char* text, size_t size) {
        code_line_start();
        if (size == 1 && text[0] == '\n') {
            verbatim("\n");
            verbatim(CodeLineMarkup::kLineClose);
            code_line_open = false;
            plain(text, size);
            return;
        }
        if (shortcodes && text_with_fragments(text, size)) return;
        escape_text(*out, text, size);
        plain(text, size);
    }

    void close_block(MD_BLOCKTYPE type, void* detail) {
        switch (type) {
            case MD_BLOCK_DOC: break;
            case MD_BLOCK_QUOTE: verbatim("</blockquote>\n"); break;
            case MD_BLOCK_UL: verbatim("</ul>\n"); break;
            case MD_BLOCK_OL: verbatim("</ol>\n"); break;
            case MD_BLOCK_LI: verbatim("</li>\n"); break;
            case MD_BLOCK_HR: break;
            case MD_BLOCK_H: close_heading(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level); break;
            case MD_BLOCK_CODE: close_code_block(); break;
            case MD_BLOCK_HTML: {
                in_html_block = false;
                size_t b = html_block_text.find_first_not_of(" \t\r\n");
                size_t e = html_block_text.find_last_not_of(" \t\r\n");
                if (b != std::string::npos && html_block_text.compare(b, e - b + 1, "<!--more-->") == 0 &&
                    !more_marker) {
                    more_marker = true;
                    plain_text.more();
                }
                break;
            }
            case MD_BLOCK_P:
                if (out == &doc && p_fragment_end == doc.size()) {
                    doc.erase(p_open_at, 3);  // a shortcode's block alone: no <p> around it, as in Hugo
                    verbatim("\n");
                } else {
                    verbatim("</p>\n");
                }
                break;
            case MD_BLOCK_TABLE: verbatim("</table>\n"); break;
            case MD_BLOCK_THEAD: verbatim("</thead>\n"); break;
            case MD_BLOCK_TBODY: verbatim("</tbody>\n"); break;
            case MD_BLOCK_TR: verbatim("</tr>\n"); break;
            case MD_BLOCK_TH: verbatim("</th>\n"); --table_cell_depth; break;
            case MD_BLOCK_TD: verbatim("</td>\n"); --table_cell_depth; break;
        }
        if (type == MD_BLOCK_P) plain_text.line_break();  // Hugo's .Plain: a newline for </p>
        else if (type != MD_BLOCK_DOC && type != MD_BLOCK_HTML) plain_break();
    }
    void close_heading(int level) {
        out = &doc;
        const char tag[] = {'h', char('0' + level), 0};
        if (!blog) {
            out->append("<", 1);
            out->append(tag, 2);
            out->append(">", 1);
            out->append(heading_html.data(), heading_html.size());
            out->append("</", 2);
            out->append(tag, 2);
            out->append(">\n", 2);
        } else {
            Heading& h = result.headings.emplace_back();
            h.level = level;
            h.id = markdown_slug(heading_text);
            unique_id(h.id);
            h.text = std::move(heading_text);  // cleared when the next heading opens
            out->append("<", 1);
            out->append(tag, 2);
            verbatim(" id=\"");
            escape_text(*out, h.id.data(), h.id.size());
            verbatim("\">");
            out->append(heading_html.data(), heading_html.size());
            verbatim("<a class=\"anchor\" aria-hidden=\"true\" href=\"");
            // opt.self_route + "#" + h.id, escaped in three pieces (the escaper
            // goes byte by byte) with no string built for it.
            scratch.clear();
            url_escape_append(scratch, opt.self_route);
            url_escape_append(scratch, "#");
            url_escape_append(scratch, h.id);
            out->append(scratch);
            verbatim("\">#</a></");
            out->append(tag, 2);
            verbatim(">\n");
        }
        heading_level = 0;
    }

    void open_span(MD_SPANTYPE type, void* detail) {
        if (image_nesting > 0) {
            if (type == MD_SPAN_IMG) ++image_nesting;
            return;
        }
        switch (type) {
            case MD_SPAN_EM: verbatim("<em>"); break;
            case MD_SPAN_STRONG: verbatim("<strong>"); break;
            case MD_SPAN_U: verbatim("<u>"); break;
            case MD_SPAN_CODE: verbatim("<code>"); in_code_span = true; break;
            case MD_SPAN_DEL: verbatim("<del>"); break;
            case MD_SPAN_LATEXMATH:
                result.has_math = true;
                verbatim(blog ? "<span class=\"math inline\">" : "<x-equation>");
                break;
            case MD_SPAN_LATEXMATH_DISPLAY:
                result.has_math = true;
                verbatim(blog ? "<span class=\"math display\">" : "<x-equation type=\"display\">");
                break;
            case MD_SPAN_WIKILINK: {
                auto* d = static_cast<MD_SPAN_WIKILINK_DETAIL*>(detail);
                std::string target = attribute_text(d->target);
                verbatim("<x-wikilink data-target=\"");
                escape_text(*out, target.data(), target.size());
                verbatim("\">");
                break;
            }
            case MD_SPAN_A: {
                auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
                std::string_view url, href;
                if (link_target(d->href, UrlUse::Link, url, href)) {
                    verbatim("<a href=\"");
                    if (blog) url_attribute(href);
                    else md4c_url_attribute(d->href);
                    verbatim("\"");
                } else {
                    verbatim("<a class=\"unsafe-link\"");
                }
                if (d->title.text) {
                    std::string_view title = attribute_view(d->title, attr_buf);
                    verbatim(" title=\"");
                    escape_text(*out, title.data(), title.size());
                    verbatim("\"");
                }
                verbatim(">");
                break;
            }
            case MD_SPAN_IMG: {
                auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
                std::string_view url, src;
                const bool safe = link_target(d->src, UrlUse::Image, url, src);
                if (blog) result.images.emplace_back(url);
                if (safe) {
                    verbatim("<img src=\"");
                    if (blog) url_attribute(src);
                    else md4c_url_attribute(d->src);
                    verbatim("\" alt=\"");
                } else {
                    verbatim("<img alt=\"");
                }
                image_nesting = 1;
                break;
            }
        }
    }

    void close_span(MD_SPANTYPE type, void* detail) {
        if (image_nesting > 0) {
            if (type == MD_SPAN_IMG && --image_nesting == 0) {
                auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
                if (d->title.text) {
                    std::string_view title = attribute_view(d->title, attr_buf);
                    verbatim("\" title=\"");
                    escape_text(*out, title.data(), title.size());
                }
                verbatim(blog ? "\" loading=\"lazy\">" : "\">");
            }
            return;
        }
        switch (type) {
            case MD_SPAN_EM: verbatim("</em>"); break;
            case MD_SPAN_STRONG: verbatim("</strong>"); break;
            case MD_SPAN_U: verbatim("</u>"); break;
            case MD_SPAN_A: verbatim("</a>"); break;
            case MD_SPAN_IMG: break;
            case MD_SPAN_CODE: verbatim("</code>"); in_code_span = false; break;
            case MD_SPAN_DEL: verbatim("</del>"); break;
            case MD_SPAN_LATEXMATH:
            case MD_SPAN_LATEXMATH_DISPLAY: verbatim(blog ? "</span>" : "</x-equation>"); break;
            case MD_SPAN_WIKILINK: verbatim("</x-wikilink>"); break;
        }
    }

    void text(MD_TEXTTYPE type, const char* text, size_t size) {
        switch (type) {
            case MD_TEXT_NULLCHAR: {
                if (code_lines && in_code_block) code_line_start();
                std::string r;
                utf8_append(r, 0);
                out->append(r);
                plain(r.data(), r.size());
                break;
            }
            case MD_TEXT_BR:
                verbatim(image_nesting == 0 ? "<br>\n" : " ");
                if (image_nesting == 0) plain_text.line_break();
                break;
            case MD_TEXT_SOFTBR:
                verbatim(image_nesting == 0 ? "\n" : " ");
                plain_break();
                break;
            case MD_TEXT_HTML:
                if (in_html_block) html_block_text.append(text, size);
                if (opt.unsafe) {
                    out->append(text, size);
                } else if (image_nesting > 0) {
                    escape_text(*out, text, size);  // inside alt="...": shown as text, as cmark does
                } else if (sanitizer) {
                    sanitized.clear();
                    sanitizer->feed(std::string_view(text, size), sanitized);
                    out->append(sanitized);
                } else if (!in_html_block) {
                    // md4c hands an inline tag that spans lines over line by
                    // line, with a "\n" chunk between: one tag, one comment.
                    const bool line_end = size == 1 && text[0] == '\n';
                    const bool blank = std::string_view(text, size).find_first_not_of(" \t") == std::string_view::npos;
                    if (line_end) {
                        raw_html_continues = true;
                    } else if (raw_html_continues) {
                        raw_html_continues = blank;
                    } else {
                        verbatim("<!-- raw HTML omitted -->");
                    }
                } else if (!html_block_omitted) {
                    html_block_omitted = true;
                    verbatim("<!-- raw HTML omitted -->\n");
                }
                break;
            case MD_TEXT_ENTITY: {
                std::string decoded;
                append_entity(decoded, text, size);
                escape_text(*out, decoded.data(), decoded.size());
                plain(decoded.data(), decoded.size());
                break;
            }
            case MD_TEXT_CODE:
                if (code_lines && in_code_block) {
                    code_line_text(text, size);
                    break;
                }
                if (shortcodes && text_with_fragments(text, size)) break;
                // In a table, "\|" in a code span stands for "|" (GitHub):
                // the backslash only kept the pipe from splitting the cell.
                if (blog && in_code_span && table_cell_depth > 0 &&
                    std::string_view(text, size).find("\\|") != std::string_view::npos) {
                    std::string unescaped(text, size);
                    for (size_t at; (at = unescaped.find("\\|")) != std::string::npos;) unescaped.erase(at, 1);
                    escape_text(*out, unescaped.data(), unescaped.size());
                    plain(unescaped.data(), unescaped.size());
                    break;
                }
                escape_text(*out, text, size);
                plain(text, size);
                break;
            default:
                if (shortcodes && text_with_fragments(text, size)) break;
                escape_text(*out, text, size);
                plain(text, size);
                break;
        }
    }

    // Text holding shortcode placeholders: each written as its fragment
    // (whose plain text is counted). False when it holds none.
    bool text_with_fragments(const char* text, size_t size) {
        const std::string_view t(text, size);
        const std::string& prefix = shortcodes->token_prefix;
        size_t at = t.find(prefix);
        if (at == std::string_view::npos) return false;
        size_t begin = 0;
        for (; at != std::string_view::npos; at = t.find(prefix, at + 1)) {
            size_t n = 0;
            const ShortcodeFragment* f = shortcodes->find(t, at, &n);
            if (!f) continue;
            escape_text(*out, text + begin, at - begin);
            plain(text + begin, at - begin);
            const bool opens_paragraph = !f->literal && out == &doc && doc.size() == p_open_at + 3 && at == 0 && n == size;
            out->append(f->html);
            plain(f->text.data(), f->text.size());
            if (opens_paragraph) p_fragment_end = doc.size();
            begin = at + n;
            at = begin - 1;
        }
        escape_text(*out, text + begin, size - begin);
        plain(text + begin, size - begin);
        return true;
    }
};

// A non-zero return stops md_parse: the output has outgrown its limit.
constexpr int kStopped = 1;
BLOG_MD_INLINE int checked(Renderer* r) { return r->over_limit() ? kStopped : 0; }
int on_enter_block(MD_BLOCKTYPE t, void* d, void* u) { auto* r = static_cast<Renderer*>(u); r->open_block(t, d); return checked(r); }
int on_leave_block(MD_BLOCKTYPE t, void* d, void* u) { auto* r = static_cast<Renderer*>(u); r->close_block(t, d); return checked(r); }
int on_enter_span(MD_SPANTYPE t, void* d, void* u) { auto* r = static_cast<Renderer*>(u); r->open_span(t, d); return checked(r); }
int on_leave_span(MD_SPANTYPE t, void* d, void* u) { auto* r = static_cast<Renderer*>(u); r->close_span(t, d); return checked(r); }
int on_text(MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) { auto* r = static_cast<Renderer*>(u); r->text(t, s, n); return checked(r); }



// Decodes one UTF-8 code point at s[i], advancing i; invalid bytes yield U+FFFD.
unsigned next_codepoint(std::string_view s, size_t& i) {
    unsigned char c = s[i++];
    if (c < 0x80) return c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
    if (extra < 0) return 0xFFFD;
    unsigned cp = c & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    return cp;
}

// Lower-cases the scripts a blog commonly meets (Latin, Greek, Cyrillic).
unsigned to_lower(unsigned cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 32;
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x138 && cp != 0x149 && cp != 0x17F) {
        bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        if (odd_upper ? (cp % 2 == 1) : (cp % 2 == 0)) return cp + 1;
        return cp;
    }
    if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
    return cp;
}

// Punctuation and symbols GitHub drops (everything but letters, marks,
// numbers, connector punctuation, space and '-').
bool dropped(unsigned cp) {
    if (cp < 0x80) {
        return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
                 cp == ' ' || cp == '-' || cp == '_');
    }
    if (cp >= 0xA0 && cp <= 0xBF) return !(cp == 0xAA || cp == 0xB5 || cp == 0xBA || cp == 0xB2 ||
                                            cp == 0xB3 || cp == 0xB9 || cp == 0xBC || cp == 0xBD || cp == 0xBE);
    if (cp == 0xD7 || cp == 0xF7) return true;
    if (cp >= 0x2000 && cp <= 0x206F) return cp != 0x203F && cp != 0x2040 && cp != 0x2054;  // keep ‿ ⁀ ⁔ (Pc)
    if (cp >= 0x20A0 && cp <= 0x20CF) return true;   // currency
    if (cp >= 0x2190 && cp <= 0x2BFF) return true;   // arrows, math, technical, boxes, shapes, dingbats
    if (cp >= 0x3000 && cp <= 0x303F) return cp != 0x3005 && cp != 0x3006 && cp != 0x3007;
    if (cp >= 0xFF01 && cp <= 0xFF0F) return true;
    if (cp >= 0xFF1A && cp <= 0xFF20) return true;
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return true;  // emoji and pictographs
    if (cp == 0xFFFD) return true;
    return false;
}

}  // namespace

namespace {

std::string_view line_at(std::string_view text, size_t pos, size_t* next) {
    size_t nl = text.find('\n', pos);
    *next = nl == std::string_view::npos ? text.size() : nl + 1;
    std::string_view line = text.substr(pos, (nl == std::string_view::npos ? text.size() : nl) - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    return line;
}

// The end of a JSON object that starts at text[0] ('{'), strings skipped;
// npos when it never closes.
size_t json_object_end(std::string_view text) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}' && --depth == 0) {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

size_t lines_before(std::string_view text, size_t pos) {
    return 1 + size_t(std::count(text.begin(), text.begin() + long(pos), '\n'));
}

}  // namespace

FrontMatterSplit markdown_front_matter(std::string_view text) {
    FrontMatterSplit split;
    const size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a byte order mark
    split.body_begin = start;
    size_t next = 0;
    std::string_view first = line_at(text, start, &next);
    if (first == "---" || first == "+++") {
        split.format = first == "---" ? FrontMatterSplit::Format::Yaml : FrontMatterSplit::Format::Toml;
        split.block_begin = next;
        for (size_t pos = next; pos < text.size();) {
            size_t after;
            std::string_view l = line_at(text, pos, &after);
            if (l == first || (split.format == FrontMatterSplit::Format::Yaml && l == "...")) {
                split.block_end = pos;
                split.body_begin = after;
                split.body_line = lines_before(text, after);
                return split;
            }
            pos = after;
        }
    } else if (first.size() >= 1 && first[0] == '{' &&
               (first.find_first_not_of(" \t", 1) == std::string_view::npos || first[first.find_first_not_of(" \t", 1)] == '"')) {
        // "{" alone on its line, or followed by a key: "{note} text" is Markdown.
        split.format = FrontMatterSplit::Format::Json;
        split.block_begin = start;
        size_t end = json_object_end(text.substr(start));
        if (end != std::string_view::npos) {
            split.block_end = start + end;
            // the rest of the closing line belongs to the front matter
            size_t nl = text.find('\n', split.block_end);
            split.body_begin = nl == std::string_view::npos ? text.size() : nl + 1;
            split.body_line = lines_before(text, split.body_begin);
            return split;
        }
    } else {
        return split;
    }
    split.closed = false;
    split.block_end = split.block_begin;
    split.body_begin = start;
    return split;
}

std::string markdown_size_problem(size_t bytes, size_t limit) {
    return (bytes ? "the post is " + size_text(bytes) + ", more than the " : "the post is larger than the ") +
           size_text(limit) + " a post may have";
}

unsigned MarkdownOptions::default_parser_flags() {
    return MD_DIALECT_GITHUB | MD_FLAG_LATEXMATHSPANS;
}

bool markdown_is_cjk(std::string_view file_text, bool has_cjk_language, std::optional<bool> front_matter) {
    if (front_matter) return *front_matter;
    return has_cjk_language && text_has_cjk(file_text);
}

std::string markdown_slug(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        // ASCII, most headings: what the general path below does to it, with
        // no decoding and no encoding (NUL, which utf8_append would replace,
        // is dropped).
        if (const unsigned char c = static_cast<unsigned char>(text[i]); c < 0x80) {
            ++i;
            if (!dropped(c)) out.push_back(c == ' ' ? '-' : c >= 'A' && c <= 'Z' ? char(c + 32) : char(c));
            continue;
        }
        unsigned cp = next_codepoint(text, i);
        if (dropped(cp)) continue;
        if (cp == ' ') out.push_back('-');
        else utf8_append(out, to_lower(cp));
    }
    return out;
}

namespace {
// Formulas between \( \) and \[ \] put in `expansion` as placeholders of
// their math spans (shortcodes' mechanism: kept inside their paragraph).
// False when the text has none.
bool math_expand(std::string_view text, MathDelimiters delimiters, ShortcodeExpansion& expansion) {
    const std::vector<MathSpan> spans = math_find(text, delimiters);
    if (spans.empty()) return false;
    if (!expansion.expanded) {  // a prefix the post does not hold: it cannot forge a token
        for (unsigned nonce = 0; expansion.token_prefix.empty(); ++nonce) {
            std::string prefix = "HAHABLOGSC" + std::to_string(nonce) + "-";
            if (text.find(prefix) == std::string_view::npos) expansion.token_prefix = std::move(prefix);
        }
        expansion.expanded = true;
    }
    std::string out;
    out.reserve(text.size() + spans.size() * 8);
    size_t at = 0;
    for (const MathSpan& m : spans) {
        out.append(text.substr(at, m.begin - at));
        at = m.end;
        out.append(expansion.token_prefix).append(std::to_string(expansion.fragments.size())).append("-HBHB");
        ShortcodeFragment f;
        f.html = m.display ? "<span class=\"math display\">" : "<span class=\"math inline\">";
        f.html.append(html_escape(m.tex)).append("</span>");
        f.text = m.tex;
        f.literal = true;
        expansion.fragments.push_back(std::move(f));
    }
    out.append(text.substr(at));
    expansion.text = std::move(out);
    return true;
}

}  // namespace

Result<RenderedMarkdown> markdown_render(std::string_view text, const MarkdownOptions& options) {
    if (options.max_input_bytes && text.size() > options.max_input_bytes)
        return Error{"too-large", markdown_size_problem(text.size(), options.max_input_bytes)};
    std::string repaired;  // only when the text is not valid UTF-8
    if (utf8_valid_prefix(text) != text.size()) {
        repaired = utf8_repair(text).text;
        text = repaired;
    }
    // Skip a UTF-8 byte order mark.
    if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) text.remove_prefix(3);
    // Shortcodes: expanded into the text md4c reads; the renderer writes
    // their fragments where it meets their placeholders.
    ShortcodeExpansion expansion;
    const bool blog = options.flavor == MarkdownOptions::Flavor::Blog;
    if (blog && options.expand_shortcodes) {
        ShortcodeOptions so = options.shortcodes;
        MarkdownOptions inner = options;
        inner.expand_shortcodes = false;
        so.markdownify = [inner](std::string_view md) { return markdown_inline_html(md, inner); };
        if (!so.resolve_url && !options.base_url.empty())
            so.resolve_url = [&options](std::string_view url) {
                return url_has_scheme(url) || url.empty() || url[0] == '/' ? std::string(url) : url_resolve(options.base_url, url);
            };
        expansion = shortcode_expand(text, so);
        if (expansion.expanded) text = expansion.text;
    }
    const bool math = blog && options.math != MathDelimiters::None && math_expand(text, options.math, expansion);
    if (math) text = expansion.text;
    Renderer r(options, has_more_marker(text));
    if (expansion.expanded) r.shortcodes = &expansion;
    if (math) r.result.has_math = true;
    r.result.shortcode_problems = std::move(expansion.problems);
    r.result.shortcodes_unsupported = std::move(expansion.unsupported);
    if (options.max_output_factor)
        r.output_limit = text.size() * options.max_output_factor + options.max_output_slack;
    r.doc.reserve(text.size() + text.size() / 4 + 64);
    MD_PARSER parser = {};
    parser.abi_version = 0;
    parser.flags = options.parser_flags;
    parser.enter_block = on_enter_block;
    parser.leave_block = on_leave_block;
    parser.enter_span = on_enter_span;
    parser.leave_span = on_leave_span;
    parser.text = on_text;
    int rc = md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &r);
    if (rc == kStopped)
        return Error{"output-limit", "rendering stopped: the HTML of this " + size_text(text.size()) +
                                         " post would be more than " + size_text(r.output_limit) + " (" +
                                         std::to_string(options.max_output_factor) +
                                         " times its size); the post may be built to exhaust the reader's memory"};
    if (rc != 0) return Error{"markdown", "the Markdown parser failed (out of memory?)"};

    if (r.sanitizer) {
        // Elements the post's HTML left open are closed: it cannot take in
        // the page's markup after it.
        r.sanitized.clear();
        r.sanitizer->finish(r.sanitized);
        r.doc.append(r.sanitized);
        r.result.html_dropped = r.sanitizer->dropped();
    }
    RenderedMarkdown& res = r.result;
    res.html = r.doc.take();
    r.plain_text.finish();
    res.word_count = r.plain_text.words();
    res.reading_minutes = r.plain_text.reading_minutes();
    res.summary = r.plain_text.summary();
    res.summary_truncated = r.plain_text.truncated();
    return std::move(res);
}

// Hugo's markdownify: the HTML of `md`, without the <p> of a text that is one paragraph.
std::string markdown_inline_html(std::string_view md, const MarkdownOptions& options) {
    Result<RenderedMarkdown> r = markdown_render(md, options);
    if (!r) return html_escape(md);
    std::string html = std::move(r.value().html);
    while (!html.empty() && html.back() == '\n') html.pop_back();
    if (html.size() >= 7 && html.compare(0, 3, "<p>") == 0 && html.compare(html.size() - 4, 4, "</p>") == 0 &&
        html.find("<p>", 3) == std::string::npos)
        html = html.substr(3, html.size() - 7);
    return html;
}

}  // namespace blog
