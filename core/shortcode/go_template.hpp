// Go templates, the small part a blog's own shortcode templates use
// (layouts/shortcodes/<name>.html): text and {{ actions }} with {{- -}}
// trimming and {{/* comments */}}; if / else if / else, with, range (with
// $i, $e :=), $variables := and =; pipelines with |; the shortcode's .Get
// by name or position, .Inner, .Params, .Name, .IsNamedParams, .Ordinal,
// .Page.Params.x, .Page.Title, .Page.Param "x", .Site.Params.x, $; the
// functions markdownify, safeHTML (and safeHTMLAttr, safeURL, safeCSS),
// default, printf, print, and, or, not, eq, ne, lt, le, gt, ge, lower,
// upper, trim, strings.TrimSpace, replace, len, index, split, plainify,
// htmlEscape; range over a list or an integer. Action output is HTML-escaped unless it is HTML already (.Inner,
// markdownify, safeHTML). Anything else is not guessed at: the evaluation
// fails and names what it could not evaluate. Bounded: output size, steps
// (loop iterations included), nesting depth.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace blog {

// One argument of a shortcode as written: `name` empty for a positional
// one; `quoted`: written "…" or `…` (a string), else a bare word that Hugo
// reads as a bool or a number when it is one.
struct ShortcodeArg {
    std::string name;
    std::string value;
    bool quoted = false;
};

using KeyValues = std::vector<std::pair<std::string, std::string>>;

// What a template sees as "." (the pointers must outlive the call).
struct TemplateCall {
    std::string_view name;                   // .Name
    const std::vector<ShortcodeArg>* args = nullptr;
    bool is_named = false;                   // .IsNamedParams
    std::string_view inner;                  // .Inner (HTML: not escaped)
    size_t ordinal = 0;                      // .Ordinal
    const KeyValues* page_params = nullptr;  // .Page.Params (keys lowercase)
    const KeyValues* site_params = nullptr;  // .Site.Params (keys lowercase)
    // Markdown to HTML, one paragraph unwrapped (Hugo's markdownify).
    std::function<std::string(std::string_view)> markdownify;
};

struct TemplateOutput {
    bool ok = true;
    std::string html;         // when ok
    std::string unsupported;  // when not: what could not be evaluated ("function \"partial\"")
};

constexpr size_t kMaxTemplateOutput = size_t(256) << 10;  // bytes of one shortcode's output
constexpr size_t kMaxTemplateSteps = 20000;               // actions run, loop iterations included

TemplateOutput template_execute(std::string_view text, const TemplateCall& call);

}  // namespace blog
