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

}  // namespace blog
