// URLs as the blog sees them: resolving a post's file and its links and images
// against the URL of the file they appear in, and judging whether a link target
// is safe to put in the reader's page.
#pragma once

#include <string>
#include <string_view>

namespace blog {

// True when `ref` starts with a scheme ("https:", "mailto:") per RFC 3986.
bool url_has_scheme(std::string_view ref);

// Resolves `ref` against `base` (RFC 3986 §5.2, for the cases a blog meets):
// absolute refs are returned as they are; "//host", "/path", "?q", "#frag"
// and relative paths are resolved, with "." and ".." segments removed. `base`
// may itself be relative ("posts/index.json"), then the result is relative too,
// and never starts with a scheme: dot segments cannot make "../javascript:x"
// a javascript: URL (the result is "./javascript:x").
std::string url_resolve(std::string_view base, std::string_view ref);

// The scheme a browser would see for this link target, lower-cased, after it
// strips what it strips (leading spaces and control characters, tabs and
// newlines anywhere), however long; "" when there is none (a relative
// reference). Entities must be decoded first.
std::string url_effective_scheme(std::string_view url);

enum class UrlUse { Link, Image };

// The link policy, an allowlist judged on url_effective_scheme: a link may
// be http:, https:, mailto:, tel: or relative (no scheme: "#x", "/path",
// "//host", "x.md"); an image http:, https:, relative or
// data:image/{png,gif,jpeg,webp}. Every other scheme (javascript:, data:,
// file:, blob:, ftp:, ms-msdt:, intent:, …) is unsafe, however obfuscated by
// case, spaces and control characters. Allocates nothing.
bool url_is_safe(std::string_view url, UrlUse use);

// Percent-decodes %XX sequences (invalid ones are kept as they are).
std::string url_percent_decode(std::string_view text);

// Percent-encodes every byte outside RFC 3986's unreserved set, so that a
// slug or tag can be put in a route.
std::string url_percent_encode(std::string_view text);

// The same for a path: each segment encoded, its '/' kept ("posts/2021/café/"
// gives "posts/2021/caf%C3%A9/").
std::string url_path_encode(std::string_view path);

// Hugo's rule for a name in a URL (its urlize, helpers.UnicodeSanitize then
// lower case): letters, digits and combining marks of any script are kept,
// and . / \ _ # + ~ - @ and a %XX escape; a run of white space between kept
// characters is one '-' (none at either end, none next to a '-'); every
// other character (punctuation, symbols, emoji) is dropped. Lower-cased
// unless `keep_case`
// (Hugo's disablePathToLower). "Apple Game Porting Toolkit" gives
// "apple-game-porting-toolkit", "C++ & Go!" "c++-go", "中文：标签" "中文标签".
// Unicode's categories and cases are Go 1.19's (Unicode 13.0), as Debian's
// Hugo 0.111.3 has them. Ill-formed UTF-8 is dropped. The one rule: the
// tool's paths (tool/hugo_url) and the widget's term routes both call it.
std::string url_urlize(std::string_view name, bool keep_case = false);

// Go's strings.ToLower (simple mappings, Unicode 13.0), as Hugo lower-cases paths.
std::string url_lower(std::string_view text);

// A taxonomy term's key, as Hugo merges terms: url_urlize(term). "macOS"
// and "MacOS" are one term, "CI/CD" is "ci/cd", at "/tags/ci/cd/". A term
// of which urlize keeps nothing ("!!!", an emoji) is its own key.
inline std::string url_term_key(std::string_view term) {
    std::string key = url_urlize(term);
    return key.empty() ? std::string(term) : key;
}

}  // namespace blog
