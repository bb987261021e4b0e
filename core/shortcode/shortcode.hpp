// Hugo's shortcodes in a post's Markdown, found as Hugo's page parser finds
// them (everywhere, code fences included) and expanded before md4c parses
// the text: {{< name args >}} (its output is HTML), {{% name args %}} (its
// output is Markdown, put into the text), paired {{< x >}}…{{< /x >}},
// self-closing {{< x />}}, positional and named arguments ("…", `…`, bare),
// and the comment form {{</* x */>}} kept literally as {{< x >}}. Hugo's
// built-ins (figure, youtube, vimeo, gist, tweet/twitter/x, instagram,
// highlight, ref/relref, param, details) and PaperMod's (collapse, rawhtml,
// inTextImg) are written here as our own escaped markup; a blog's own
// templates are evaluated by core/shortcode/go_template and sanitized.
//
// An HTML output stands in the text as a placeholder token that md4c passes
// through as a word; the renderer writes the fragment where it meets the
// token (ShortcodeExpansion::find). Tokens carry a nonce chosen so that the
// expanded text holds no token we did not put there: a post cannot forge one.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/shortcode/go_template.hpp"

namespace blog {

struct ShortcodeOptions {
    // The blog's own templates: name → template text (layouts/shortcodes/).
    // A name here overrides the built-in of that name.
    const KeyValues* templates = nullptr;
    // The post's front matter's top-level scalars and the site's params
    // (lowercase keys): .Page.Params, .Site.Params, {{< param >}}.
    KeyValues page_params;
    const KeyValues* site_params = nullptr;
    // ref/relref: the target's URL as the reader follows it ("" when there
    // is no such page). `target` as written ("posts/x.md#h", "x", "#h").
    std::function<std::string(std::string_view target)> ref;
    // Markdown to HTML for markdownify and captions (one paragraph unwrapped).
    std::function<std::string(std::string_view)> markdownify;
    // An image's src as the post's own images resolve (against the post's
    // file); null: as written.
    std::function<std::string(std::string_view url)> resolve_url;
    // The line of the file the text starts at (after the front matter).
    size_t first_line = 1;
};

// Something a post's shortcodes got wrong, at its line in the file.
struct ShortcodeProblem {
    enum class Kind { Malformed, MissingRef, MissingParam, Unsupported };
    Kind kind;
    size_t line;
    std::string message;
};

// A shortcode shown as its inner content only: no template, or one using
// what go_template does not evaluate. Listed once per name and reason.
struct ShortcodeUnsupported {
    std::string name;
    std::string reason;  // "no template", or what could not be evaluated
    size_t count = 0;
};

struct ShortcodeFragment {
    std::string html;   // written in place of the token
    std::string text;   // its plain text (word count, summary); for ref: the URL
    bool is_url = false;  // ref/relref: a link target when it stands in one
    bool literal = false; // the comment form's text: kept inside its paragraph
};

struct ShortcodeExpansion {
    std::string text;  // the Markdown with placeholders; empty when `expanded` is false
    bool expanded = false;  // the post had shortcodes
    std::string token_prefix;  // "HAHABLOGSC<nonce>-"; a token is prefix + number + "-HBHB"
    std::vector<ShortcodeFragment> fragments;
    std::vector<ShortcodeProblem> problems;
    std::vector<ShortcodeUnsupported> unsupported;

    // The fragment whose token starts at text[at], with the token's length;
    // nullptr when none does.
    const ShortcodeFragment* find(std::string_view text, size_t at, size_t* length) const;
};

constexpr size_t kMaxShortcodes = 5000;     // per post; more are left as text
constexpr int kMaxShortcodeNesting = 16;

ShortcodeExpansion shortcode_expand(std::string_view markdown, const ShortcodeOptions& options);

// The top-level scalar keys of a front matter block (YAML "key: value",
// TOML "key = value", JSON "key": "string"), lowercase keys, quotes
// removed; nested tables, lists and multi-line values are skipped. Bounded:
// at most 200 keys.
KeyValues shortcode_front_matter_params(std::string_view block, bool yaml, bool toml);

}  // namespace blog
