// core/url's fast paths give what its general paths gave. url_resolve skips
// removing dot segments from a path that has none and builds its result in
// one allocation; url_is_safe returns early for a target whose first byte
// cannot start javascript:, vbscript: or data:, and reads the scheme without
// allocating. The general code, as it was before those paths (2026-11-26),
// is kept below as the reference, and both are compared over generated URLs.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/url/url.hpp"

namespace {

namespace reference {

size_t scheme_length(std::string_view s) {
    auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (s.empty() || !alpha(s[0])) return 0;
    for (size_t i = 1; i < s.size(); ++i) {
        char c = s[i];
        if (c == ':') return i + 1;
        if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return 0;
    }
    return 0;
}

std::string remove_dot_segments(std::string_view path) {
    bool absolute = !path.empty() && path[0] == '/';
    std::vector<std::string_view> out;
    size_t leading_up = 0;
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
    if (result.empty()) return "./";
    return result;
}

std::string url_resolve(std::string_view base, std::string_view ref) {
    if (scheme_length(ref)) return std::string(ref);
    size_t scheme = scheme_length(base);
    std::string_view prefix = base.substr(0, scheme);
    std::string_view rest = base.substr(scheme);
    if (rest.substr(0, 2) == "//") {
        size_t slash = rest.find_first_of("/?#", 2);
        if (slash == std::string_view::npos) slash = rest.size();
        prefix = base.substr(0, scheme + slash);
        rest = rest.substr(slash);
    }
    if (scheme && prefix.size() == scheme && rest.substr(0, 1) != "/") return std::string(ref);
    std::string_view base_path = rest.substr(0, rest.find_first_of("?#"));
    std::string_view base_query = rest.substr(base_path.size());
    base_query = base_query.substr(0, base_query.find('#'));
    if (ref.substr(0, 2) == "//") return std::string(base.substr(0, scheme)) + std::string(ref);
    if (ref.empty()) return std::string(prefix) + std::string(base_path) + std::string(base_query);
    if (ref[0] == '#') return std::string(prefix) + std::string(base_path) + std::string(base_query) + std::string(ref);
    if (ref[0] == '?') return std::string(prefix) + std::string(base_path) + std::string(ref);
    size_t ref_path_len = ref.find_first_of("?#");
    if (ref_path_len == std::string_view::npos) ref_path_len = ref.size();
    std::string_view ref_path = ref.substr(0, ref_path_len);
    std::string_view ref_tail = ref.substr(ref_path_len);
    std::string merged;
    if (ref_path[0] == '/') {
        merged = std::string(ref_path);
    } else {
        size_t last = base_path.rfind('/');
        if (last == std::string_view::npos) merged = (prefix.size() > scheme ? "/" : "");
        else merged = std::string(base_path.substr(0, last + 1));
        merged.append(ref_path);
    }
    std::string path = remove_dot_segments(merged);
    if (prefix.empty() && path[0] != '/') {
        size_t colon = path.find(':');
        if (colon != std::string::npos && colon < path.find('/')) path.insert(0, "./");
    }
    return std::string(prefix) + path + std::string(ref_tail);
}

std::string browser_prefix(std::string_view url, size_t max) {
    std::string cleaned;
    size_t i = 0;
    while (i < url.size() && static_cast<unsigned char>(url[i]) <= 0x20) ++i;
    for (; i < url.size() && cleaned.size() < max; ++i) {
        char c = url[i];
        if (c == '\t' || c == '\n' || c == '\r') continue;
        cleaned.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
    }
    return cleaned;
}

std::string url_effective_scheme(std::string_view url) {
    std::string cleaned = browser_prefix(url, 32);
    size_t n = scheme_length(cleaned);
    return n ? cleaned.substr(0, n - 1) : std::string();
}

bool url_is_safe(std::string_view url, blog::UrlUse use) {
    std::string scheme = url_effective_scheme(url);
    if (scheme == "javascript" || scheme == "vbscript") return false;
    if (scheme != "data") return true;
    if (use != blog::UrlUse::Image) return false;
    std::string prefix = browser_prefix(url, 32);
    std::string_view media = std::string_view(prefix).substr(5);
    for (const char* ok : {"image/png", "image/gif", "image/jpeg", "image/webp"}) {
        std::string_view p(ok);
        if (media.substr(0, p.size()) == p && media.size() > p.size() &&
            (media[p.size()] == ';' || media[p.size()] == ','))
            return true;
    }
    return false;
}

}  // namespace reference

// Every string of length 0..max_length over the alphabet.
std::vector<std::string> all_strings(std::string_view alphabet, size_t max_length) {
    std::vector<std::string> out{""};
    for (size_t begin = 0, length = 1; length <= max_length; ++length) {
        const size_t end = out.size();
        for (size_t i = begin; i < end; ++i)
            for (char c : alphabet) out.push_back(out[i] + c);
        begin = end;
    }
    return out;
}

const std::vector<std::string> kBases = {
    "posts/a.md", "a.md", "posts/2022/nested/a.md", "./a.md", "../a.md", "", "/posts/a.md", "posts/",
    "http://127.0.0.1:8000/posts/a.md", "https://example.com/blog/posts/index.json?x=1#top",
    "https://example.com", "//example.com/a/b.md", "?q=1", "#frag", "a/b/../../../c.md",
    "file:///srv/posts/a.md", "data:text/plain,x", "mailto:a@b.c", "/", "a:b/c.md",
};

const std::vector<std::string> kRefs = {
    "", "#", "#h", "?", "?q=1#h", "//host", "//host/x/../y", "/", "/abs/path", "/abs/../x", "x", "./x", "../x",
    "../../../../x", "x.md", "x.md#h", "x.md?v=2#h", "../other/b.md#x", "a:b", "../javascript:alert(1)",
    "./javascript:x", "javascript:alert(1)", "https://example.com/a?b#c", "a/b/./c/../d/", ".", "..", "./", "../",
    "a/..", "a/../..", "x:y/z", "a/x:y", "a//b", "a//", "...", ".../x", "..x/y", "x/.y", "x/..y", "é/ü.md",
    "a b", "%2e%2e/x", ".hidden", "x/.", "x/..", "x/./", "x/../",
};

}  // namespace

TEST_CASE("url: resolving gives what the general path gave, over generated references") {
    // The dot-segment and separator bytes in every order up to six long,
    // against bases of every kind: a path without a dot segment (the fast
    // path) and with one must resolve as before.
    std::vector<std::string> refs = all_strings("./a:?#", 6);
    refs.insert(refs.end(), kRefs.begin(), kRefs.end());
    size_t compared = 0;
    for (const std::string& base : kBases) {
        for (const std::string& ref : refs) {
            const std::string expected = reference::url_resolve(base, ref);
            const std::string got = blog::url_resolve(base, ref);
            if (got != expected) FAIL("url_resolve(\"" << base << "\", \"" << ref << "\") = \"" << got << "\", was \"" << expected << "\"");
            ++compared;
        }
    }
    CHECK(compared == kBases.size() * refs.size());
}

TEST_CASE("url: a path without dot segments resolves as it is joined") {
    CHECK(blog::url_resolve("posts/a.md", "b.md") == "posts/b.md");
    CHECK(blog::url_resolve("posts/a.md", "x//y/") == "posts/x//y/");
    CHECK(blog::url_resolve("https://example.com", "img.png") == "https://example.com/img.png");
    CHECK(blog::url_resolve("posts/a.md", ".../x") == "posts/.../x");   // "..." is a name
    CHECK(blog::url_resolve("posts/a.md", "..x/.y") == "posts/..x/.y");
    CHECK(blog::url_resolve("posts/a.md", "x/..") == "posts/");          // a dot segment: the general path
    CHECK(blog::url_resolve("a.md", "javascript:x") == "javascript:x");  // a scheme: as written
    CHECK(blog::url_resolve("a.md", "b/c:d") == "b/c:d");
    CHECK(blog::url_resolve("a.md", "c:d/e") == "c:d/e");                // read as a scheme: as written
    CHECK(blog::url_resolve("a.md", "x/../c:d") == "./c:d");             // the colon guard after dot segments
}

TEST_CASE("url: judging a target gives what the general path gave, over generated targets") {
    std::vector<std::string> urls = all_strings(" \t\x01jJdDvV:a#/\xC3", 4);
    // Script schemes with a tab, a newline or a capital at every position,
    // after leading spaces and control bytes, and longer than 32 bytes.
    for (std::string word : {"javascript:x", "vbscript:x", "data:image/png;base64,A", "data:image/png", "data:image/svg+xml,x",
                             "data:text/html,x", "data:image/webp,", "data:image/jpegx,", "https://x", "d:x", "j", "data:"}) {
        urls.push_back(word);
        for (size_t i = 0; i <= word.size(); ++i) {
            for (const char* insert : {"\t", "\n", "\r", " ", "\x01"}) urls.push_back(word.substr(0, i) + insert + word.substr(i));
            std::string upper = word;
            if (i < upper.size() && upper[i] >= 'a' && upper[i] <= 'z') upper[i] = char(upper[i] - 32);
            urls.push_back(upper);
        }
        urls.push_back("\x01 \x1F" + word);
        urls.push_back(std::string(40, '\t') + word);
        urls.push_back(word + std::string(40, '\n') + "x");
    }
    urls.push_back("data:" + std::string(30, '\t') + "image/png,x");
    urls.push_back("javascript" + std::string(30, 'x') + ":x");
    for (const std::string& url : urls) {
        for (blog::UrlUse use : {blog::UrlUse::Link, blog::UrlUse::Image}) {
            if (blog::url_is_safe(url, use) != reference::url_is_safe(url, use))
                FAIL("url_is_safe(\"" << url << "\", " << (use == blog::UrlUse::Image ? "Image" : "Link") << ") changed");
        }
        if (blog::url_effective_scheme(url) != reference::url_effective_scheme(url))
            FAIL("url_effective_scheme(\"" << url << "\") changed");
    }
    SUCCEED(urls.size() << " targets compared");
}

TEST_CASE("url: a target whose first byte cannot start a script scheme is safe") {
    for (const char* url : {"#top", "/x", "https://x", "x.md", "?q", "\xC3\xA9", " \t#x", "1javascript:x"}) {
        CHECK(blog::url_is_safe(url, blog::UrlUse::Link));
        CHECK(blog::url_is_safe(url, blog::UrlUse::Image));
    }
    CHECK_FALSE(blog::url_is_safe(" \x01Java\tScript:x", blog::UrlUse::Link));
    CHECK_FALSE(blog::url_is_safe("VBSCRIPT:x", blog::UrlUse::Link));
    CHECK_FALSE(blog::url_is_safe("Data:image/png,x", blog::UrlUse::Link));
    CHECK(blog::url_is_safe("Data:image/png,x", blog::UrlUse::Image));
    CHECK(blog::url_is_safe("dat:x", blog::UrlUse::Link));
}
