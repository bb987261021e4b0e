// Markdown to HTML: our own client of md4c's callbacks (as md4c-html.c is), so
// that we decide heading ids, the link policy, code-block classes and math
// markup without patching md4c. Safe by default: raw HTML is omitted and
// script-bearing link targets are neutralised.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/markdown/front_matter.hpp"
#include "core/markdown/math.hpp"
#include "core/markdown/plain_text.hpp"
#include "core/markdown/slug.hpp"
#include "core/shortcode/shortcode.hpp"
#include "core/util/result.hpp"

namespace blog {

struct MarkdownOptions {
    // Blog: our markup (heading ids and anchors, lazy images, math spans,
    // links resolved against base_url). Md4cHtml: md4c-html's markup, byte for
    // byte, which the conformance suites compare against.
    enum class Flavor { Blog, Md4cHtml };
    Flavor flavor = Flavor::Blog;

    // md4c parser flags; the default is the GitHub dialect plus LaTeX math.
    unsigned parser_flags = default_parser_flags();

    // What becomes of raw HTML in a post. Omit: "<!-- raw HTML omitted -->"
    // (the default). Sanitize: kept where it is an element a post needs,
    // through core/html/sanitize (allowlist, URLs judged as links are),
    // the rest dropped and counted in RenderedMarkdown::html_dropped.
    enum class RawHtml { Omit, Sanitize, Unsafe };
    RawHtml raw_html = RawHtml::Omit;

    // Opt-in to danger (RawHtml::Unsafe, whatever raw_html says): raw HTML
    // passes through and link targets are not checked. Only for content the
    // site owner fully trusts.
    bool unsafe = false;

    // URL of the Markdown file: relative links and images resolve against it.
    std::string base_url;

    // Hugo's summaryLength: the words of a summary without <!--more-->; 0: 70.
    size_t summary_words = 0;

    // Hugo's isCJKLanguage for this post (see markdown_is_cjk): the word
    // count, reading time and summary follow the CJK rules (plain_text.hpp).
    bool cjk = false;

    // Route of the post being rendered ("#/posts/slug"): in-page links
    // ("#tables") and heading anchors become "<self_route>#<id>".
    std::string self_route;

    // Maps a resolved link target ending in ".md" to an in-app route, or ""
    // when it is not one of the blog's posts.
    std::function<std::string(std::string_view resolved_url)> link_route;

    // Hugo's shortcodes (core/shortcode), Blog flavor only: expanded before
    // md4c reads the text, each {{< >}}'s HTML written where it stood (a
    // paragraph holding only one loses its <p>, as in Hugo). The caller
    // fills in the blog's templates, params and ref resolver; markdownify
    // and resolve_url are the renderer's own.
    bool expand_shortcodes = true;
    ShortcodeOptions shortcodes;

    // Math written between \( \) and \[ \] (core/markdown/math.hpp), Blog
    // flavor only: written as the math spans $...$ and $$...$$ give (the
    // site's params.math, a post's math: true, goldmark's passthrough).
    MathDelimiters math = MathDelimiters::None;

    // Limits that keep a hostile or runaway post from taking the reader's tab
    // (SECURITY.md): a post longer than max_input_bytes is not rendered, and
    // rendering stops once the HTML would be longer than max_output_factor
    // times the post plus max_output_slack. 0 turns a limit off.
    size_t max_input_bytes = kMaxInputBytes;
    size_t max_output_factor = 16;
    size_t max_output_slack = size_t(1) << 20;

    // Opt-in: the post's plain text by section (RenderedMarkdown::sections),
    // collected as the text is counted, for full-text search's index. Off,
    // the render is as it was (the browser's).
    bool collect_sections = false;

    static constexpr size_t kMaxInputBytes = size_t(4) << 20;  // 4 MiB of Markdown

    static unsigned default_parser_flags();
};

struct Heading {
    int level = 1;     // 1..6
    std::string id;    // unique within the document, GitHub's slug rules
    std::string text;  // plain text
};

struct RenderedMarkdown {
    std::string html;
    std::vector<Heading> headings;  // in document order
    // Hugo's .WordCount, .ReadingTime, .Summary and .Truncated (plain_text.hpp):
    // the summary is the text before <!--more-->, else the first
    // summary_words words and on to the sentence's end (CJK: characters).
    size_t word_count = 0;
    size_t reading_minutes = 0;
    std::string summary;
    bool summary_truncated = false; // the post goes on after the summary
    bool has_code = false;          // a code block with a language (highlighting)
    bool has_math = false;          // $...$, $$...$$, \\(...\\) or \\[...\\] (math rendering)
    std::vector<std::string> images;  // each image's target as written (entities decoded), in order
                                      // (raw HTML's too, with RawHtml::Sanitize)
    // With MarkdownOptions::collect_sections: the plain text split at
    // headings (Blog flavor; code blocks' text is body text), the text
    // before the first heading first (empty id, maybe empty text).
    std::vector<TextSection> sections;
    size_t html_dropped = 0;          // raw HTML elements and attributes the sanitizer dropped
    // The post's cover caption as Markdown (PaperMod's markdownify), set by
    // page_render_post; "" when it has none.
    std::string cover_caption_html;
    // Shortcodes left as text (malformed), refs to no page, params not
    // found, at their line of the file (ShortcodeOptions::first_line).
    std::vector<ShortcodeProblem> shortcode_problems;
    // Shortcodes shown as their inner content only, once per name and reason.
    std::vector<ShortcodeUnsupported> shortcodes_unsupported;
};

// Renders a post. Text that is not valid UTF-8 is repaired first (U+FFFD per
// bad sequence). Errors: "too-large" (the post is over the input limit),
// "output-limit" (its HTML would be over the output limit), "markdown" (md4c
// failed, out of memory).
Result<RenderedMarkdown> markdown_render(std::string_view text, const MarkdownOptions& options = {});

// "the post is 5.0 MB, more than the 4.0 MB a post may have"; with bytes 0
// (the size is not known, only that it is over), "the post is larger than …".
std::string markdown_size_problem(size_t bytes, size_t limit);

// Hugo's isCJKLanguage for a post: the front matter's isCJKLanguage when it
// has one (`front_matter`: true/false, else nullopt), else with the site's
// hasCJKLanguage whether the file (front matter included, as Hugo reads it)
// has a Han, Hangul, Hiragana or Katakana character.
bool markdown_is_cjk(std::string_view file_text, bool has_cjk_language, std::optional<bool> front_matter);

// Hugo's markdownify: the HTML of `md` (a caption, a shortcode's
// argument), without the <p> of a text that is one paragraph; `options`'
// raw-HTML and link rules apply.
std::string markdown_inline_html(std::string_view md, const MarkdownOptions& options = {});

}  // namespace blog
