// core/url's fast paths give what its general paths give. url_resolve
// skips removing dot segments from a path that has none, so a reference and
// the same reference behind "./" (or "/." for an absolute path: the general
// path) must resolve alike; url_is_safe reads the scheme into a small
// buffer without allocating, so it must agree with url_effective_scheme,
// which reads the scheme as a browser does, and that must not change with
// the tabs, newlines, capitals and leading control bytes a browser
// ignores. Checked over generated URLs.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/url/url.hpp"

namespace {

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

TEST_CASE("url: a reference resolves as its dot-segment form does (the fast path and the general one), over generated references") {
    // The dot-segment and separator bytes in every order up to six long,
    // against bases of every kind. "x" and "./x" (or "/x" and "/./x") name
    // the same path; only the second goes through dot-segment removal.
    std::vector<std::string> refs = all_strings("./a:?#", 6);
    refs.insert(refs.end(), kRefs.begin(), kRefs.end());
    size_t compared = 0;
    for (const std::string& ref : refs) {
        if (ref.empty() || ref[0] == '?' || ref[0] == '#' || ref.rfind("//", 0) == 0 || blog::url_has_scheme(ref)) continue;
        const std::string general = ref[0] == '/' ? "/." + ref : "./" + ref;
        for (const std::string& base : kBases) {
            if (blog::url_resolve(base, "x") == "x") continue;  // no path to resolve against: as written
            const std::string got = blog::url_resolve(base, ref);
            const std::string expected = blog::url_resolve(base, general);
            if (got != expected)
                FAIL("url_resolve(\"" << base << "\", \"" << ref << "\") = \"" << got << "\", but \"" << general << "\" gives \"" << expected << "\"");
            ++compared;
        }
    }
    CHECK(compared > 10000);
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

TEST_CASE("url: a target is judged by the scheme a browser reads, whatever it ignores, over generated targets") {
    // A link is safe exactly when its scheme is none, http, https, mailto or
    // tel; an image, none, http or https, or data: (judged by its media type, below).
    auto judged_by_scheme = [](const std::string& url) {
        const std::string scheme = blog::url_effective_scheme(url);
        const bool web = scheme.empty() || scheme == "http" || scheme == "https";
        const bool link = web || scheme == "mailto" || scheme == "tel";
        if (blog::url_is_safe(url, blog::UrlUse::Link) != link) FAIL("url_is_safe(\"" << url << "\") with scheme \"" << scheme << "\"");
        if (scheme != "data" && blog::url_is_safe(url, blog::UrlUse::Image) != web) FAIL("url_is_safe(\"" << url << "\", Image)");
    };
    for (const std::string& url : all_strings(" \t\x01jJdDhHmMtT:a#/\xC3", 4)) judged_by_scheme(url);
    for (const std::string& url : all_strings("htpsHTPS:\t1", 6)) judged_by_scheme(url);
    // Schemes with a tab, a newline or a capital at every position,
    // after leading spaces and control bytes, and longer than 32 bytes: the
    // same scheme and the same verdict as the word itself.
    size_t variants = 0;
    for (std::string word : {"javascript:x", "vbscript:x", "data:image/png;base64,A", "data:image/png", "data:image/svg+xml,x",
                             "data:text/html,x", "data:image/webp,", "data:image/jpegx,", "https://x", "http:x", "mailto:a@b",
                             "tel:1", "ms-msdt:x", "file:x", "mailtox:a", "d:x", "j", "data:"}) {
        std::vector<std::string> same;
        for (size_t i = 0; i <= word.size(); ++i) {
            for (const char* insert : {"\t", "\n", "\r"}) same.push_back(word.substr(0, i) + insert + word.substr(i));
            std::string upper = word;
            if (i < upper.size() && upper[i] >= 'a' && upper[i] <= 'z') upper[i] = char(upper[i] - 32);
            same.push_back(upper);
        }
        same.push_back("\x01 \x1F" + word);
        same.push_back(std::string(40, '\t') + word);
        same.push_back(word + std::string(40, '\n') + "x");
        judged_by_scheme(word);
        for (const std::string& url : same) {
            INFO(word << " as \"" << url << "\"");
            judged_by_scheme(url);
            CHECK(blog::url_effective_scheme(url) == blog::url_effective_scheme(word));
            CHECK(blog::url_is_safe(url, blog::UrlUse::Link) == blog::url_is_safe(word, blog::UrlUse::Link));
            CHECK(blog::url_is_safe(url, blog::UrlUse::Image) == blog::url_is_safe(word, blog::UrlUse::Image));
            ++variants;
        }
    }
    CHECK(variants > 300);
    CHECK(blog::url_effective_scheme("data:" + std::string(30, '\t') + "image/png,x") == "data");
    CHECK(blog::url_is_safe("data:" + std::string(30, '\t') + "image/png,x", blog::UrlUse::Image));  // the tabs are not read
    // A scheme is read to its end, however long: its first bytes are not enough.
    CHECK(blog::url_effective_scheme("javascript" + std::string(30, 'x') + ":x") == "javascript" + std::string(30, 'x'));
    CHECK_FALSE(blog::url_is_safe("https" + std::string(30, 'x') + ":x", blog::UrlUse::Link));
    CHECK_FALSE(blog::url_is_safe("mailto" + std::string(2, '\t') + "x:x", blog::UrlUse::Link));
}

TEST_CASE("url: a target whose first byte cannot start a scheme is safe") {
    for (const char* url : {"#top", "/x", "x.md", "?q", "\xC3\xA9", " \t#x", "1javascript:x", "-ms-msdt:x", ":x"}) {
        CHECK(blog::url_is_safe(url, blog::UrlUse::Link));
        CHECK(blog::url_is_safe(url, blog::UrlUse::Image));
    }
    CHECK_FALSE(blog::url_is_safe(" \x01Java\tScript:x", blog::UrlUse::Link));
    CHECK_FALSE(blog::url_is_safe("VBSCRIPT:x", blog::UrlUse::Link));
    CHECK_FALSE(blog::url_is_safe("Data:image/png,x", blog::UrlUse::Link));
    CHECK(blog::url_is_safe("Data:image/png,x", blog::UrlUse::Image));
    CHECK_FALSE(blog::url_is_safe("dat:x", blog::UrlUse::Link));  // an unknown scheme
}
