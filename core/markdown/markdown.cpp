#include "core/markdown/markdown.hpp"

#include <cstring>
#include <memory>

#include "core/html/escape.hpp"
#include "core/html/sanitize.hpp"
#include "core/markdown/code_block.hpp"
#include "core/markdown/html_output.hpp"
#include "core/markdown/plain_text.hpp"
#include "core/url/url.hpp"
#include "core/util/size_text.hpp"
#include "core/util/utf8.hpp"

namespace blog {

namespace {

constexpr size_t kSummaryWords = 70;  // Hugo's default summaryLength

// Link and image targets, and raw HTML's URLs, as the post's page gets them.
// Blog flavor: a {{< ref >}}'s URL as it is, an in-page "#id" on the post's
// route, a relative target resolved against the post's file, a link to a
// post's ".md" file to its route. Every target is judged: the value written
// (what a browser follows) and the target as written (an obfuscated
// "java&Tab;script:" is neutralised rather than turned into a path).
class LinkTargets {
public:
    LinkTargets(const MarkdownOptions& opt, bool blog, const ShortcodeExpansion* shortcodes)
        : opt_(opt), blog_(blog), shortcodes_(shortcodes) {}

    // A Markdown link's or image's target: `url` as written (entities
    // decoded), `href` the value to write; false when it is neutralised
    // (unless the options are unsafe). Both views are valid until the next call.
    bool markdown(const MD_ATTRIBUTE& attr, UrlUse use, std::string_view& url, std::string_view& href) {
        url = md_attribute_view(attr, attr_buf_);
        return judged(url, use, href) || opt_.unsafe;
    }

    // `href`: the value to write for `url`; false when a browser could run
    // either. (One judgement when they are the same.)
    bool judged(std::string_view url, UrlUse use, std::string_view& href) {
        href = blog_ ? blog_target(url, use) : url;
        const bool same = href.data() == url.data() && href.size() == url.size();
        return url_is_safe(url, use) && (same || url_is_safe(href, use));
    }

private:
    // The target as written, or a view of target_buf_ when it changes.
    std::string_view blog_target(std::string_view url, UrlUse use) {
        if (shortcodes_ && !shortcodes_->fragments.empty()) {
            size_t n = 0;
            const ShortcodeFragment* f = shortcodes_->find(url, 0, &n);
            if (f && f->is_url && n == url.size()) return f->text;  // {{< ref >}}: the page's URL as it is
        }
        if (!url.empty() && url[0] == '#' && !opt_.self_route.empty()) {
            target_buf_.assign(opt_.self_route).append(url);
            return target_buf_;
        }
        if (url_has_scheme(url) || url.empty()) return url;
        std::string_view resolved = url;
        if (!opt_.base_url.empty()) {
            target_buf_ = url_resolve(opt_.base_url, url);
            resolved = target_buf_;
        }
        if (use == UrlUse::Link && opt_.link_route) return post_route(resolved);
        return resolved;
    }

    // A resolved link to a post's ".md" file: the post's route (its heading
    // kept, a query before it dropped: "x.md?v=2#h"); else `resolved`.
    std::string_view post_route(std::string_view resolved) {
        const size_t end = std::min(resolved.find_first_of("?#"), resolved.size());
        const std::string_view path = resolved.substr(0, end);
        if (path.size() <= 3 || path.compare(path.size() - 3, 3, ".md") != 0) return resolved;
        std::string route = opt_.link_route(path);
        if (route.empty()) return resolved;
        const size_t sharp = resolved.find('#', end);
        if (sharp != std::string_view::npos) route.append(resolved.substr(sharp));
        target_buf_ = std::move(route);
        return target_buf_;
    }

    const MarkdownOptions& opt_;
    const bool blog_;
    const ShortcodeExpansion* shortcodes_;
    std::string attr_buf_;    // a target with entities decoded (md_attribute_view)
    std::string target_buf_;  // a target changed by blog_target
};

// The blocks written as a bare pair of tags, the same in both flavors.
struct BlockTags {
    std::string_view open, close;
};
BlockTags bare_block_tags(MD_BLOCKTYPE type) {
    switch (type) {
        case MD_BLOCK_QUOTE: return {"<blockquote>\n", "</blockquote>\n"};
        case MD_BLOCK_UL: return {"<ul>\n", "</ul>\n"};
        case MD_BLOCK_HR: return {"<hr>\n", ""};
        case MD_BLOCK_TABLE: return {"<table>\n", "</table>\n"};
        case MD_BLOCK_THEAD: return {"<thead>\n", "</thead>\n"};
        case MD_BLOCK_TBODY: return {"<tbody>\n", "</tbody>\n"};
        case MD_BLOCK_TR: return {"<tr>\n", "</tr>\n"};
        default: return {};
    }
}

// The state of one render, as md4c-html's MD_HTML: md4c calls the five
// callbacks below, each a switch that calls one function per element. The
// flavors (Blog, Md4cHtml) differ only inside those functions.
struct Renderer {
    const MarkdownOptions& opt;
    const bool blog;  // Blog flavor

    // The HTML: the document, and the open heading's (written once its id is known).
    HtmlOutput doc;
    HtmlOutput* out = &doc;  // doc, or heading.html inside a heading
    std::string scratch;     // a URL being escaped
    std::string attr_buf;    // an attribute with entities decoded (titles, a code block's language)
    size_t output_limit = 0; // 0: none

    struct {
        int level = 0;  // 0: not in a heading
        std::string text;
        HtmlOutput html;
        HeadingIds ids;
    } heading;

    LinkTargets links;
    int image_nesting = 0;  // inside an image's alt="...": text only

    struct {
        bool in_block = false;
        std::string info;                     // a fenced block's info string, entities decoded
        std::optional<CodeLineMarkup> lines;  // the block has line options (hl_lines, linenos)
        bool line_open = false;
        bool in_span = false;
    } code;
    int table_cell_depth = 0;  // inside <th>/<td>

    struct {
        bool in_block = false;
        bool block_omitted = false;
        std::string block_text;     // the HTML block's text (for <!--more-->)
        bool tag_continues = false; // an omitted inline tag goes on past a line end
        // RawHtml::Sanitize: one for the document, as a tag may open in one
        // HTML block and close in another.
        std::unique_ptr<HtmlSanitizer> sanitizer;
        std::string sanitized;  // a chunk's safe form, before it is appended
    } raw;

    // Shortcodes' placeholders (core/shortcode) and math's: their fragments,
    // and the paragraph that may hold nothing but one (written without its <p>).
    const ShortcodeExpansion* shortcodes;
    size_t p_open_at = 0;
    size_t p_fragment_end = std::string::npos;  // doc's size after a fragment that opened the paragraph

    PlainText plain_text;  // word count and summary (Hugo's rules)
    RenderedMarkdown result;

    Renderer(const MarkdownOptions& o, bool more_ahead, const ShortcodeExpansion* expansion)
        : opt(o), blog(o.flavor == MarkdownOptions::Flavor::Blog), links(o, blog, expansion), shortcodes(expansion),
          plain_text(PlainTextRules{o.cjk, o.summary_words ? o.summary_words : kSummaryWords, more_ahead}) {
        if (!o.unsafe && o.raw_html == MarkdownOptions::RawHtml::Sanitize)
            raw.sanitizer = std::make_unique<HtmlSanitizer>(
                [this](std::string& url, UrlUse use) { return raw_html_url(url, use); });
        if (o.collect_sections && blog) plain_text.collect_sections();
    }


    template <size_t N>
    BLOG_MD_INLINE void verbatim(const char (&literal)[N]) { out->append(literal, N - 1); }
    void verbatim(std::string_view s) { out->append(s); }

    // Text the page shows: escaped into the HTML, and counted.
    void shown(const char* text, size_t size) {
        out->append_escaped(text, size);
        plain(text, size);
    }
    // Text the page shows, counted: the heading's text, and the post's plain
    // text unless it is an image's alt text (not in Hugo's .Plain).
    void plain(const char* text, size_t size) {
        if (heading.level) heading.text.append(text, size);
        if (image_nesting == 0) plain_text.text(text, size);
    }

    // A URL for an href or src attribute: Blog, the judged value
    // (core/html's escaper); Md4cHtml, the attribute as md4c-html writes it.
    void url_attribute(const MD_ATTRIBUTE& attr, std::string_view judged) {
        scratch.clear();
        if (blog) url_escape_append(scratch, judged);
        else md_url_append(scratch, attr);
        out->append(scratch);
    }
    // ` title="…"` when the link or image has one.
    void title_attribute(const MD_ATTRIBUTE& title) {
        if (!title.text) return;
        verbatim(" title=\"");
        out->append_escaped(md_attribute_view(title, attr_buf));
        verbatim("\"");
    }

    BLOG_MD_INLINE bool over_limit() const { return output_limit && doc.size() + heading.html.size() > output_limit; }


    void enter_block(MD_BLOCKTYPE type, void* detail) {
        switch (type) {
            case MD_BLOCK_DOC: break;
            case MD_BLOCK_OL: render_ol_open(*static_cast<MD_BLOCK_OL_DETAIL*>(detail)); break;
            case MD_BLOCK_LI: render_li_open(*static_cast<MD_BLOCK_LI_DETAIL*>(detail)); break;
            case MD_BLOCK_H: render_heading_open(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level); break;
            case MD_BLOCK_CODE: render_code_block_open(*static_cast<MD_BLOCK_CODE_DETAIL*>(detail)); break;
            case MD_BLOCK_HTML: render_html_block_open(); break;
            case MD_BLOCK_P: render_paragraph_open(); break;
            case MD_BLOCK_TH: render_cell_open("<th", *static_cast<MD_BLOCK_TD_DETAIL*>(detail)); break;
            case MD_BLOCK_TD: render_cell_open("<td", *static_cast<MD_BLOCK_TD_DETAIL*>(detail)); break;
            default: block_open(bare_block_tags(type).open); break;
        }
    }

    void leave_block(MD_BLOCKTYPE type, void* detail) {
        switch (type) {
            case MD_BLOCK_DOC: break;
            case MD_BLOCK_OL: block_close("</ol>\n"); break;
            case MD_BLOCK_LI: block_close("</li>\n"); break;
            case MD_BLOCK_H: render_heading_close(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level); break;
            case MD_BLOCK_CODE: render_code_block_close(); break;
            case MD_BLOCK_HTML: render_html_block_close(); break;
            case MD_BLOCK_P: render_paragraph_close(); break;
            case MD_BLOCK_TH: render_cell_close("</th>\n"); break;
            case MD_BLOCK_TD: render_cell_close("</td>\n"); break;
            default: block_close(bare_block_tags(type).close); break;
        }
    }

    void enter_span(MD_SPANTYPE type, void* detail) {
        if (image_nesting > 0) {  // in alt text: spans write nothing
            if (type == MD_SPAN_IMG) ++image_nesting;
            return;
        }
        switch (type) {
            case MD_SPAN_EM: verbatim("<em>"); break;
            case MD_SPAN_STRONG: verbatim("<strong>"); break;
            case MD_SPAN_U: verbatim("<u>"); break;
            case MD_SPAN_A: render_link_open(*static_cast<MD_SPAN_A_DETAIL*>(detail)); break;
            case MD_SPAN_IMG: render_image_open(*static_cast<MD_SPAN_IMG_DETAIL*>(detail)); break;
            case MD_SPAN_CODE: verbatim("<code>"); code.in_span = true; break;
            case MD_SPAN_DEL: verbatim("<del>"); break;
            case MD_SPAN_LATEXMATH: render_math_open(false); break;
            case MD_SPAN_LATEXMATH_DISPLAY: render_math_open(true); break;
            case MD_SPAN_WIKILINK: render_wikilink_open(*static_cast<MD_SPAN_WIKILINK_DETAIL*>(detail)); break;
        }
    }

    void leave_span(MD_SPANTYPE type, void* detail) {
        if (image_nesting > 0) {
            if (type == MD_SPAN_IMG && --image_nesting == 0) render_image_close(*static_cast<MD_SPAN_IMG_DETAIL*>(detail));
            return;
        }
        switch (type) {
            case MD_SPAN_EM: verbatim("</em>"); break;
            case MD_SPAN_STRONG: verbatim("</strong>"); break;
            case MD_SPAN_U: verbatim("</u>"); break;
            case MD_SPAN_A: verbatim("</a>"); break;
            case MD_SPAN_IMG: break;
            case MD_SPAN_CODE: verbatim("</code>"); code.in_span = false; break;
            case MD_SPAN_DEL: verbatim("</del>"); break;
            case MD_SPAN_LATEXMATH:
            case MD_SPAN_LATEXMATH_DISPLAY: render_math_close(); break;
            case MD_SPAN_WIKILINK: verbatim("</x-wikilink>"); break;
        }
    }

    void text(MD_TEXTTYPE type, const char* text, size_t size) {
        switch (type) {
            case MD_TEXT_NULLCHAR: render_null_char(); break;
            case MD_TEXT_BR: render_hard_break(); break;
            case MD_TEXT_SOFTBR: render_soft_break(); break;
            case MD_TEXT_HTML: render_raw_html(text, size); break;
            case MD_TEXT_ENTITY: render_entity(text, size); break;
            case MD_TEXT_CODE: render_code_text(text, size); break;
            default: render_text(text, size); break;  // normal text, LaTeX math
        }
    }


    // A block's tag ends its line: whitespace in .Plain, before and after.
    void block_open(std::string_view tag) {
        plain_text.space();
        verbatim(tag);
    }
    void block_close(std::string_view tag) {
        verbatim(tag);
        plain_text.space();
    }

    void render_ol_open(const MD_BLOCK_OL_DETAIL& d) {
        plain_text.space();
        if (d.start == 1) verbatim("<ol>\n");
        else out->append("<ol start=\"" + std::to_string(d.start) + "\">\n");
    }

    void render_li_open(const MD_BLOCK_LI_DETAIL& d) {
        if (!d.is_task) {
            verbatim("<li>");
            return;
        }
        verbatim("<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled");
        if (d.task_mark == 'x' || d.task_mark == 'X') verbatim(" checked");
        verbatim(">");
    }

    // A heading's HTML is held until it closes: Blog gives it an id from its text.
    void render_heading_open(int level) {
        heading.level = level;
        heading.text.clear();
        heading.html.clear();
        out = &heading.html;
        plain_text.heading_open();
    }

    // Md4cHtml: <h2>…</h2>. Blog: <h2 id="slug">…<a class="anchor" …>#</a></h2>,
    // the heading listed in the result.
    void render_heading_close(int level) {
        out = &doc;
        const char tag[] = {'h', char('0' + level)};
        if (!blog) {
            verbatim("<");
            out->append(tag, 2);
            verbatim(">");
            out->append(heading.html);
        } else {
            Heading& h = result.headings.emplace_back();
            h.level = level;
            h.id = markdown_slug(heading.text);
            heading.ids.make_unique(h.id);
            plain_text.heading_close(h.id);
            h.text = std::move(heading.text);  // cleared when the next heading opens
            verbatim("<");
            out->append(tag, 2);
            verbatim(" id=\"");
            out->append_escaped(h.id);
            verbatim("\">");
            out->append(heading.html);
            verbatim("<a class=\"anchor\" aria-hidden=\"true\" href=\"");
            // opt.self_route + "#" + h.id, escaped in three pieces (the escaper
            // goes byte by byte) with no string built for it.
            scratch.clear();
            url_escape_append(scratch, opt.self_route);
            url_escape_append(scratch, "#");
            url_escape_append(scratch, h.id);
            out->append(scratch);
            verbatim("\">#</a>");
        }
        verbatim("</");
        out->append(tag, 2);
        verbatim(">\n");
        heading.level = 0;
        plain_text.space();
    }

    // <pre><code class="language-go">. Blog: the language only, Hugo's
    // options (```go {hl_lines=[2], linenos=true}) read by
    // core/markdown/code_block; a block with line options gets each line in
    // its span. Md4cHtml: md4c's language.
    void render_code_block_open(const MD_BLOCK_CODE_DETAIL& d) {
        code.in_block = true;
        verbatim("<pre><code");
        std::string_view lang;
        if (blog && d.info.text) {
            code.info = md_attribute_text(d.info);
            const CodeBlockInfo info = code_block_info(code.info);
            lang = info.language;
            if (info.has_line_options()) code.lines.emplace(info);
        } else if (d.lang.text) {
            lang = md_attribute_view(d.lang, attr_buf);
        }
        if (d.lang.text && !lang.empty()) {
            // md4c-html (0.5) keeps an info string that already says "language-r".
            verbatim(lang.size() >= 9 && lang.compare(0, 9, "language-") == 0 ? " class=\"" : " class=\"language-");
            out->append_escaped(lang);
            verbatim("\"");
            result.has_code = true;
        }
        verbatim(">");
    }

    void render_code_block_close() {
        if (code.line_open) verbatim(CodeLineMarkup::kLineClose);
        code.line_open = false;
        code.lines.reset();
        verbatim("</code></pre>\n");
        code.in_block = false;
        plain_text.space();
    }

    void render_html_block_open() {
        raw.in_block = true;
        raw.block_omitted = false;
        raw.block_text.clear();
    }

    void render_html_block_close() {
        raw.in_block = false;
        plain_text.html_block(raw.block_text);
    }

    void render_paragraph_open() {
        p_open_at = doc.size();
        p_fragment_end = std::string::npos;
        verbatim("<p>");
    }

    // A paragraph holding only a shortcode's block loses its <p>, as in Hugo.
    // Hugo's .Plain has a newline for </p>.
    void render_paragraph_close() {
        if (out == &doc && p_fragment_end == doc.size()) {
            doc.erase(p_open_at, 3);
            verbatim("\n");
        } else {
            verbatim("</p>\n");
        }
        plain_text.line_break();
    }

    template <size_t N>
    void render_cell_open(const char (&tag)[N], const MD_BLOCK_TD_DETAIL& d) {
        ++table_cell_depth;
        verbatim(tag);
        switch (d.align) {
            case MD_ALIGN_LEFT: verbatim(" align=\"left\">"); break;
            case MD_ALIGN_CENTER: verbatim(" align=\"center\">"); break;
            case MD_ALIGN_RIGHT: verbatim(" align=\"right\">"); break;
            default: verbatim(">"); break;
        }
    }

    template <size_t N>
    void render_cell_close(const char (&tag)[N]) {
        verbatim(tag);
        --table_cell_depth;
        plain_text.space();
    }


    // <a href="…">, or <a class="unsafe-link"> when the target is neutralised.
    void render_link_open(const MD_SPAN_A_DETAIL& d) {
        std::string_view url, href;
        if (links.markdown(d.href, UrlUse::Link, url, href)) {
            verbatim("<a href=\"");
            url_attribute(d.href, href);
            verbatim("\"");
        } else {
            verbatim("<a class=\"unsafe-link\"");
        }
        title_attribute(d.title);
        verbatim(">");
    }

    // <img src="…" alt="; the alt text follows (render_image_close ends the
    // tag). Blog: the image is listed in the result, whether or not it is safe.
    void render_image_open(const MD_SPAN_IMG_DETAIL& d) {
        std::string_view url, src;
        const bool safe = links.markdown(d.src, UrlUse::Image, url, src);
        if (blog) result.images.emplace_back(url);
        if (safe) {
            verbatim("<img src=\"");
            url_attribute(d.src, src);
            verbatim("\" alt=\"");
        } else {
            verbatim("<img alt=\"");
        }
        image_nesting = 1;
    }

    // The alt text's end, the title. Blog: images load lazily.
    void render_image_close(const MD_SPAN_IMG_DETAIL& d) {
        verbatim("\"");
        title_attribute(d.title);
        verbatim(blog ? " loading=\"lazy\">" : ">");
    }

    // Blog: <span class="math inline|display"> (KaTeX's auto-render reads
    // them); Md4cHtml: <x-equation>.
    void render_math_open(bool display) {
        result.has_math = true;
        if (blog) verbatim(display ? "<span class=\"math display\">" : "<span class=\"math inline\">");
        else verbatim(display ? "<x-equation type=\"display\">" : "<x-equation>");
    }
    void render_math_close() { verbatim(blog ? "</span>" : "</x-equation>"); }

    void render_wikilink_open(const MD_SPAN_WIKILINK_DETAIL& d) {
        std::string target = md_attribute_text(d.target);
        verbatim("<x-wikilink data-target=\"");
        out->append_escaped(target);
        verbatim("\">");
    }


    // U+FFFD, as md4c-html writes a NUL.
    void render_null_char() {
        if (code.lines && code.in_block) code_line_start();
        verbatim("\xEF\xBF\xBD");
        plain("\xEF\xBF\xBD", 3);
    }

    // In alt text, a line break is a space.
    void render_hard_break() {
        if (image_nesting > 0) {
            verbatim(" ");
            return;
        }
        verbatim("<br>\n");
        plain_text.line_break();
    }
    void render_soft_break() {
        verbatim(image_nesting == 0 ? "\n" : " ");
        plain_text.space();
    }

    void render_entity(const char* text, size_t size) {
        std::string decoded;
        md_entity_append(decoded, text, size);
        shown(decoded.data(), decoded.size());
    }

    void render_text(const char* text, size_t size) {
        if (shortcodes && text_with_fragments(text, size)) return;
        shown(text, size);
    }

    void render_code_text(const char* text, size_t size) {
        if (code.lines && code.in_block) {
            code_line_text(text, size);
            return;
        }
        if (shortcodes && text_with_fragments(text, size)) return;
        // Blog: in a table, "\|" in a code span stands for "|" (GitHub): the
        // backslash only kept the pipe from splitting the cell.
        if (blog && code.in_span && table_cell_depth > 0 &&
            std::string_view(text, size).find("\\|") != std::string_view::npos) {
            std::string unescaped(text, size);
            for (size_t at; (at = unescaped.find("\\|")) != std::string::npos;) unescaped.erase(at, 1);
            shown(unescaped.data(), unescaped.size());
            return;
        }
        shown(text, size);
    }

    // Code in a block with line options: a line's span opens before its
    // first text and closes after its newline (md4c gives each "\n" alone),
    // so that the block's text is the code, line for line.
    void code_line_start() {
        if (code.line_open) return;
        verbatim(code.lines->next_line_open());
        code.line_open = true;
    }
    void code_line_text(const char* text, size_t size) {
        code_line_start();
        if (size == 1 && text[0] == '\n') {
            verbatim("\n");
            verbatim(CodeLineMarkup::kLineClose);
            code.line_open = false;
            plain(text, size);
            return;
        }
        if (shortcodes && text_with_fragments(text, size)) return;
        shown(text, size);
    }

    // Raw HTML: passed through (unsafe), sanitized, or omitted (the default);
    // inside alt="..." shown as text, as cmark does.
    void render_raw_html(const char* text, size_t size) {
        if (raw.in_block) raw.block_text.append(text, size);
        if (opt.unsafe) out->append(text, size);
        else if (image_nesting > 0) out->append_escaped(text, size);
        else if (raw.sanitizer) render_sanitized_html(text, size);
        else if (raw.in_block) render_omitted_html_block();
        else render_omitted_html_tag(text, size);
    }

    void render_sanitized_html(const char* text, size_t size) {
        raw.sanitized.clear();
        raw.sanitizer->feed(std::string_view(text, size), raw.sanitized);
        out->append(raw.sanitized);
    }

    // One comment for the whole block.
    void render_omitted_html_block() {
        if (raw.block_omitted) return;
        raw.block_omitted = true;
        verbatim("<!-- raw HTML omitted -->\n");
    }

    // md4c hands an inline tag that spans lines over line by line, with a
    // "\n" chunk between: one tag, one comment.
    void render_omitted_html_tag(const char* text, size_t size) {
        const bool line_end = size == 1 && text[0] == '\n';
        const bool blank = std::string_view(text, size).find_first_not_of(" \t") == std::string_view::npos;
        if (line_end) raw.tag_continues = true;
        else if (raw.tag_continues) raw.tag_continues = blank;
        else verbatim("<!-- raw HTML omitted -->");
    }

    // A URL in raw HTML (the sanitizer's), judged and resolved as a Markdown
    // link or image target is: the value that will be written is judged.
    bool raw_html_url(std::string& url, UrlUse use) {
        if (blog && use == UrlUse::Image) result.images.push_back(url);
        std::string_view href;
        if (!links.judged(url, use, href)) return false;
        if (href.data() != url.data() || href.size() != url.size()) url.assign(href);
        return true;
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
            shown(text + begin, at - begin);
            const bool opens_paragraph = !f->literal && out == &doc && doc.size() == p_open_at + 3 && at == 0 && n == size;
            out->append(f->html);
            plain(f->text.data(), f->text.size());
            if (opens_paragraph) p_fragment_end = doc.size();
            begin = at + n;
            at = begin - 1;
        }
        shown(text + begin, size - begin);
        return true;
    }

    // The result, once md4c is done.
    RenderedMarkdown finish() {
        if (raw.sanitizer) {
            // Elements the post's HTML left open are closed: it cannot take in
            // the page's markup after it.
            raw.sanitized.clear();
            raw.sanitizer->finish(raw.sanitized);
            doc.append(raw.sanitized);
            result.html_dropped = raw.sanitizer->dropped();
        }
        result.html = doc.take();
        plain_text.finish();
        result.word_count = plain_text.words();
        result.reading_minutes = plain_text.reading_minutes();
        result.summary = plain_text.summary();
        result.summary_truncated = plain_text.truncated();
        result.sections = std::move(plain_text.sections());
        return std::move(result);
    }
};

// A non-zero return stops md_parse: the output has outgrown its limit.
constexpr int kStopped = 1;
BLOG_MD_INLINE int checked(Renderer* r) { return r->over_limit() ? kStopped : 0; }
int on_enter_block(MD_BLOCKTYPE t, void* d, void* u) { auto* r = static_cast<Renderer*>(u); r->enter_block(t, d); return checked(r); }
int on_leave_block(MD_BLOCKTYPE t, void* d, void* u) { auto* r = static_cast<Renderer*>(u); r->leave_block(t, d); return checked(r); }
int on_enter_span(MD_SPANTYPE t, void* d, void* u) { auto* r = static_cast<Renderer*>(u); r->enter_span(t, d); return checked(r); }
int on_leave_span(MD_SPANTYPE t, void* d, void* u) { auto* r = static_cast<Renderer*>(u); r->leave_span(t, d); return checked(r); }
int on_text(MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) { auto* r = static_cast<Renderer*>(u); r->text(t, s, n); return checked(r); }

}  // namespace

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
    Renderer r(options, text_has_more_marker(text), expansion.expanded ? &expansion : nullptr);
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

    return r.finish();
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
