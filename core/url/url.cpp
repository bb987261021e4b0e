#include "core/url/url.hpp"

#include <initializer_list>
#include <vector>

namespace blog {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

size_t scheme_length(std::string_view s) {  // length of "scheme:" or 0
    if (s.empty() || !is_alpha(s[0])) return 0;
    for (size_t i = 1; i < s.size(); ++i) {
        char c = s[i];
        if (c == ':') return i + 1;
        if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return 0;
    }
    return 0;
}

// Removes "." and ".." segments from a path (RFC 3986 §5.2.4).
std::string remove_dot_segments(std::string_view path) {
    bool absolute = !path.empty() && path[0] == '/';
    std::vector<std::string_view> out;
    size_t leading_up = 0;  // ".." that climb above a relative base are kept
    size_t pos = absolute ? 1 : 0;
    bool trailing_slash = false;
    while (pos <= path.size()) {
        size_t end = path.find('/', pos);
        if (end == std::string_view::npos) end = path.size();
        std::string_view seg = path.substr(pos, end - pos);
        trailing_slash = false;
        if (seg == ".") {
            trailing_slash = true;
        } else if (seg == "..") {
            if (!out.empty()) out.pop_back();
            else if (!absolute) ++leading_up;
            trailing_slash = true;
        } else if (!(seg.empty() && end == path.size())) {
            out.push_back(seg);
        } else {
            trailing_slash = !out.empty() || absolute;
        }
        pos = end + 1;
    }
    std::string result = absolute ? "/" : "";
    for (size_t i = 0; i < leading_up; ++i) result += "../";
    for (size_t i = 0; i < out.size(); ++i) {
        if (i) result += '/';
        result.append(out[i]);
    }
    if (trailing_slash && !out.empty()) result += '/';
    // Every segment cancelled out: the relative base's own folder. "" would
    // be a reference to the current document instead.
    if (result.empty()) return "./";
    return result;
}

// The parts in one string, allocated once.
std::string joined(std::initializer_list<std::string_view> parts) {
    size_t n = 0;
    for (std::string_view p : parts) n += p.size();
    std::string out;
    out.reserve(n);
    for (std::string_view p : parts) out.append(p);
    return out;
}

}  // namespace

bool url_has_scheme(std::string_view ref) { return scheme_length(ref) > 0; }

std::string url_resolve(std::string_view base, std::string_view ref) {
    if (url_has_scheme(ref)) return std::string(ref);
    // Split base into prefix (scheme://authority) and path(+query/fragment dropped).
    size_t scheme = scheme_length(base);
    std::string_view prefix = base.substr(0, scheme);
    std::string_view rest = base.substr(scheme);
    if (rest.substr(0, 2) == "//") {
        size_t slash = rest.find_first_of("/?#", 2);
        if (slash == std::string_view::npos) slash = rest.size();
        prefix = base.substr(0, scheme + slash);
        rest = rest.substr(slash);
    }
    // A base with a scheme but no hierarchical path ("data:x", "mailto:a")
    // cannot take a relative reference (browsers fail it): the ref stays as it is.
    if (scheme && prefix.size() == scheme && rest.substr(0, 1) != "/") return std::string(ref);
    std::string_view base_path = rest.substr(0, rest.find_first_of("?#"));
    std::string_view base_query = rest.substr(base_path.size());
    base_query = base_query.substr(0, base_query.find('#'));

    if (ref.substr(0, 2) == "//") return joined({base.substr(0, scheme), ref});
    if (ref.empty()) return joined({prefix, base_path, base_query});
    if (ref[0] == '#') return joined({prefix, base_path, base_query, ref});
    if (ref[0] == '?') return joined({prefix, base_path, ref});

    size_t ref_path_len = ref.find_first_of("?#");
    if (ref_path_len == std::string_view::npos) ref_path_len = ref.size();
    std::string_view ref_path = ref.substr(0, ref_path_len);
    std::string_view ref_tail = ref.substr(ref_path_len);
    std::string merged;
    if (ref_path[0] == '/') {
        merged = std::string(ref_path);
    } else {
        size_t last = base_path.rfind('/');
        std::string_view folder = last == std::string_view::npos ? std::string_view(prefix.size() > scheme ? "/" : "")
                                                                 : base_path.substr(0, last + 1);
        merged = joined({folder, ref_path});
    }
    // No segment starting with '.', no dot segment: the path is its own
    // result (it is never empty here), and most links skip the removal.
    std::string path = merged[0] == '.' || merged.find("/.") != std::string::npos ? remove_dot_segments(merged)
                                                                                 : std::move(merged);
    // A relative result whose first segment holds a colon would read as a
    // scheme ("posts/a.md" + "../javascript:x" -> "javascript:x"): RFC 3986
    // §4.2 writes it "./javascript:x", a path, whatever the base.
    if (prefix.empty() && path[0] != '/') {
        size_t colon = path.find(':');
        if (colon != std::string::npos && colon < path.find('/')) path.insert(0, "./");
    }
    return joined({prefix, path, ref_tail});
}

namespace {

// What a browser reads at the start of a URL: leading spaces and control
// characters stripped, tabs and newlines removed anywhere, lower-cased; at
// most 32 characters (enough for a data: URL's media type), written to
// `cleaned` (no allocation). Returns the length.
size_t browser_prefix(std::string_view url, char (&cleaned)[32]) {
    size_t n = 0, i = 0;
    while (i < url.size() && static_cast<unsigned char>(url[i]) <= 0x20) ++i;
    for (; i < url.size() && n < sizeof cleaned; ++i) {
        char c = url[i];
        if (c == '\t' || c == '\n' || c == '\r') continue;
        cleaned[n++] = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
    }
    return n;
}

}  // namespace

namespace {

// The scheme a browser reads in `url`: after the leading spaces and control
// characters it strips, with the tabs and newlines it removes anywhere; each
// of its characters, lower-cased, goes to `take`. False when there is none
// (a relative reference: the first character is not a letter, or a
// character that no scheme has comes before ':', or there is no ':').
template <class Take>
bool browser_scheme(std::string_view url, Take&& take) {
    size_t i = 0;
    while (i < url.size() && static_cast<unsigned char>(url[i]) <= 0x20) ++i;
    for (bool first = true; i < url.size(); ++i) {
        const char c = url[i];
        if (c == '\t' || c == '\n' || c == '\r') continue;
        if (c == ':') return !first;
        if (!is_alpha(c) && (first || (!is_digit(c) && c != '+' && c != '-' && c != '.'))) return false;
        take(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
        first = false;
    }
    return false;
}

}  // namespace

std::string url_effective_scheme(std::string_view url) {
    std::string scheme;
    return browser_scheme(url, [&](char c) { scheme += c; }) ? scheme : std::string();
}

bool url_is_safe(std::string_view url, UrlUse use) {
    // An allowlist, read without allocating (this runs twice per link of a
    // post): the longest scheme allowed is "mailto", so a scheme longer than
    // `buf` is none of them, whatever its first characters.
    char buf[8];
    size_t n = 0;
    const bool has_scheme = browser_scheme(url, [&](char c) {
        if (n < sizeof buf) buf[n] = c;
        ++n;
    });
    if (!has_scheme) return true;  // relative: "#x", "/path", "//host", "x.md", "1javascript:x"
    const std::string_view scheme(buf, n <= sizeof buf ? n : 0);
    if (scheme == "http" || scheme == "https") return true;
    if (use == UrlUse::Link) return scheme == "mailto" || scheme == "tel";
    if (scheme != "data") return false;
    char cleaned[32];
    const std::string_view media = std::string_view(cleaned, browser_prefix(url, cleaned)).substr(5);  // after "data:"
    for (const char* ok : {"image/png", "image/gif", "image/jpeg", "image/webp"}) {
        std::string_view p(ok);
        if (media.substr(0, p.size()) == p && media.size() > p.size() &&
            (media[p.size()] == ';' || media[p.size()] == ','))
            return true;
    }
    return false;
}

std::string url_percent_decode(std::string_view text) {
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
            out.push_back(char(hex(text[i + 1]) * 16 + hex(text[i + 2])));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

std::string url_percent_encode(std::string_view text) {
    static const char hexd[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (is_alpha(char(c)) || is_digit(char(c)) || c == '-' || c == '.' || c == '_' || c == '~') {
            out.push_back(char(c));
        } else {
            out.push_back('%');
            out.push_back(hexd[c >> 4]);
            out.push_back(hexd[c & 15]);
        }
    }
    return out;
}

}  // namespace blog
