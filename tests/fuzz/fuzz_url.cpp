// URL resolution and judging (core/url). Property: a URL judged safe resolves
// to no script URL, whatever the base. For any base (relative or absolute)
// and reference:
//   - a reference a browser reads as javascript:/vbscript:/data: is judged
//     unsafe (url_is_safe), and url_effective_scheme names that scheme;
//   - a scheme-less reference against a scheme-less base gives a
//     scheme-less URL;
//   - if url_is_safe(ref) then url_is_safe(url_resolve(base, ref)), and the
//     resolved URL, as a browser resolves it again against the page's
//     absolute URL, has no script scheme (a scheme-less result keeps the
//     page's http:, so the check is the browser's reading of its scheme).
//
// Input: byte 0 picks the use (bit 4: image) and the base (low 4 bits: one
// of the bases below; 15: the base is the input up to its first '\n'). A
// base that is itself a javascript:/vbscript:/data: URL is out of scope.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/url/url.hpp"
#include "fuzz_check.hpp"

namespace {

const char* const kBases[] = {
    "posts/a.md", "a.md", "posts/2022/nested/a.md", "./a.md", "../a.md", "", "/posts/a.md",
    "http://127.0.0.1:8000/posts/a.md", "https://example.com/blog/posts/index.json",
    "//example.com/a/b.md", "posts/", "?q=1", "#frag", "a/b/../../../c.md", "file:///srv/posts/a.md",
};

void judge_like_a_browser(std::string_view url, blog::UrlUse use, const char* what, const std::string& context) {
    const bool image = use == blog::UrlUse::Image;
    if (!fuzz::browser_script_url(url, image)) return;
    FUZZ_CHECK(!blog::url_is_safe(url, use),
               std::string(what) + " \"" + fuzz::escaped(url) + "\" is a " + fuzz::browser_scheme(url) +
                   ": URL to a browser but url_is_safe says safe" + context);
    FUZZ_CHECK(blog::url_effective_scheme(url) == fuzz::browser_scheme(url),
               std::string(what) + " \"" + fuzz::escaped(url) + "\": browser scheme " + fuzz::browser_scheme(url) +
                   ", url_effective_scheme \"" + fuzz::escaped(blog::url_effective_scheme(url)) + "\"" + context);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::Scope scope(data, size);
    if (size < 1) return 0;
    const uint8_t mode = data[0];
    std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    const blog::UrlUse use = (mode & 0x10) ? blog::UrlUse::Image : blog::UrlUse::Link;

    std::string base;
    std::string_view ref = rest;
    const size_t pick = mode & 0x0f;
    if (pick < sizeof kBases / sizeof kBases[0]) {
        base = kBases[pick];
    } else {
        size_t nl = rest.find('\n');
        if (nl == std::string_view::npos) return 0;
        base = std::string(rest.substr(0, nl));
        ref = rest.substr(nl + 1);
    }
    const std::string context = " (base \"" + fuzz::escaped(base) + "\", ref \"" + fuzz::escaped(ref) + "\", " +
                                (use == blog::UrlUse::Image ? "image" : "link") + ")";

    judge_like_a_browser(ref, use, "the reference", context);
    judge_like_a_browser(base, use, "the base", context);
    // The base is the URL of a post's file: relative, or the page's http(s)
    // URL, never a script URL itself (index_parse rejects a file with a
    // scheme). Against "data:image/x/y", "./z" gives "data:image/x/z".
    if (fuzz::browser_script_url(base, false)) return 0;

    const std::string resolved = blog::url_resolve(base, ref);
    judge_like_a_browser(resolved, use, "the resolved URL", context);

    if (blog::url_is_safe(ref, use)) {
        FUZZ_CHECK(blog::url_is_safe(resolved, use),
                   "a safe reference resolves to \"" + fuzz::escaped(resolved) + "\", judged unsafe" + context);
        FUZZ_CHECK(!fuzz::browser_script_url(resolved, use == blog::UrlUse::Image),
                   "a safe reference resolves to \"" + fuzz::escaped(resolved) + "\", a " +
                       fuzz::browser_scheme(resolved) + ": URL to a browser" + context);
    }
    // Neither has a scheme: the result has none either (removing "../" in
    // front of "javascript:x" must not make a scheme of it).
    if (fuzz::browser_scheme(ref).empty() && fuzz::browser_scheme(base).empty()) {
        FUZZ_CHECK(fuzz::browser_scheme(resolved).empty(),
                   "resolving a scheme-less reference gave \"" + fuzz::escaped(resolved) + "\", scheme " +
                       fuzz::browser_scheme(resolved) + ":" + context);
    }
    return 0;
}
