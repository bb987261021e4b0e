#include <catch2/catch.hpp>

#include <cstring>

#include <nlohmann/json.hpp>

#include "core/markdown/markdown.hpp"
#include "core/url/url.hpp"
#include "tests/support.hpp"

using namespace blog;

namespace {

struct Resolve {
    const char* ref;
    const char* expected;
};

void check_resolves(const char* base, std::initializer_list<Resolve> cases) {
    for (const Resolve& c : cases) {
        INFO("base: \"" << base << "\", ref: \"" << c.ref << "\"");
        CHECK(url_resolve(base, c.ref) == c.expected);
    }
}

}  // namespace

TEST_CASE("url: references resolve against an absolute base") {
    const char* base = "https://example.com/blog/posts/index.json?v=1#top";
    check_resolves(base, {
                             {"lets-go.md", "https://example.com/blog/posts/lets-go.md"},
                             {"./img/a.png", "https://example.com/blog/posts/img/a.png"},
                             {"2022/x.md", "https://example.com/blog/posts/2022/x.md"},
                             {"../about.md", "https://example.com/blog/about.md"},
                             {"../../../../x", "https://example.com/x"},  // cannot climb above the root
                             {"a/./b/../c", "https://example.com/blog/posts/a/c"},
                             {"..", "https://example.com/blog/"},
                             {"x/..", "https://example.com/blog/posts/"},
                             {".", "https://example.com/blog/posts/"},
                             {"/root.md", "https://example.com/root.md"},
                             {"/a/../b", "https://example.com/b"},
                             {"//cdn.example/x.js", "https://cdn.example/x.js"},
                             {"?q=1", "https://example.com/blog/posts/index.json?q=1"},
                             {"#frag", "https://example.com/blog/posts/index.json?v=1#frag"},
                             {"", "https://example.com/blog/posts/index.json?v=1"},
                             {"x.md?a=b#c", "https://example.com/blog/posts/x.md?a=b#c"},
                             {"https://other.example/x", "https://other.example/x"},
                             {"mailto:me@example.com", "mailto:me@example.com"},
                         });
    SECTION("a base without a path") {
        check_resolves("https://example.com", {
                                                  {"img/a.png", "https://example.com/img/a.png"},
                                                  {"../a.md", "https://example.com/a.md"},
                                                  {"#f", "https://example.com#f"},
                                              });
    }
    SECTION("a base that is a folder") {
        check_resolves("https://example.com/a/b/", {
                                                       {"c.md", "https://example.com/a/b/c.md"},
                                                       {"../c.md", "https://example.com/a/c.md"},
                                                       {"?q", "https://example.com/a/b/?q"},
                                                   });
    }
}

TEST_CASE("url: references resolve against a relative base and stay relative") {
    SECTION("a post's Markdown file in a subfolder") {
        check_resolves("posts/2022/x.md", {
                                              {"img/a.png", "posts/2022/img/a.png"},
                                              {"./img/a.png", "posts/2022/img/a.png"},
                                              {"../y.md", "posts/y.md"},
                                              {"../../z.md", "z.md"},
                                              {"../../../up.md", "../up.md"},  // climbs above the base: kept
                                              {"/abs.png", "/abs.png"},
                                              {"//cdn.example/x.js", "//cdn.example/x.js"},
                                              {"?q=1", "posts/2022/x.md?q=1"},
                                              {"#frag", "posts/2022/x.md#frag"},
                                              {"", "posts/2022/x.md"},
                                              {"..", "posts/"},
                                              {"https://example.com/", "https://example.com/"},
                                          });
    }
    SECTION("the index in the posts folder") {
        check_resolves("posts/index.json", {
                                               {"lets-go.md", "posts/lets-go.md"},
                                               {"features/markdown-features.md", "posts/features/markdown-features.md"},
                                               {"../README.md", "README.md"},
                                           });
    }
    SECTION("a base at the top of the site") {
        check_resolves("index.json", {
                                         {"a.md", "a.md"},
                                         {"../a.md", "../a.md"},
                                         {"#f", "index.json#f"},
                                     });
    }
    SECTION("a base that is an absolute path") {
        check_resolves("/abs/dir/file.md", {
                                               {"img/a.png", "/abs/dir/img/a.png"},
                                               {"../../../x", "/x"},
                                               {"//h/x", "//h/x"},
                                           });
    }
}

TEST_CASE("url: a reference to the base's own folder is \"./\" rather than empty") {
    // An empty reference means "this document": the folder must stay a folder.
    check_resolves("posts/index.json", {
                                           {"..", "./"},
                                           {"../", "./"},
                                       });
    check_resolves("index.json", {
                                     {".", "./"},
                                     {"./", "./"},
                                     {"x/..", "./"},
                                 });
}

TEST_CASE("url: a scheme is letters, then letters, digits, + - . and a colon") {
    CHECK(url_has_scheme("https://example.com"));
    CHECK(url_has_scheme("mailto:me@example.com"));
    CHECK(url_has_scheme("svn+ssh://host"));
    CHECK(url_has_scheme("JavaScript:x"));
    CHECK_FALSE(url_has_scheme("img/a.png"));
    CHECK_FALSE(url_has_scheme("/a:b"));
    CHECK_FALSE(url_has_scheme("1http://x"));
    CHECK_FALSE(url_has_scheme("a b:c"));
    CHECK_FALSE(url_has_scheme(":x"));
    CHECK_FALSE(url_has_scheme(""));
    CHECK_FALSE(url_has_scheme("#a:b"));
}

TEST_CASE("url: script-bearing link targets are unsafe however they are obfuscated") {
    const std::string unsafe[] = {
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "JAVASCRIPT:alert(1)",
        "  javascript:alert(1)",
        "\x01javascript:alert(1)",
        "\x1f\x20\x0bjavascript:alert(1)",
        std::string("\0javascript:alert(1)", 20),
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\rscript:alert(1)",
        "\tjava\nscr\ript:alert(1)",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        " \nvbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:image/png;base64,AAAA",  // an image is not a link
        "data:image/png;base64,AAAA",
    };
    for (const std::string& url : unsafe) {
        INFO("url: " << url);
        CHECK_FALSE(url_is_safe(url, UrlUse::Link));
    }
    SECTION("the scheme a browser would see") {
        CHECK(url_effective_scheme("\x01 Java\tScript:alert(1)") == "javascript");
        CHECK(url_effective_scheme("HTTPS://example.com") == "https");
        CHECK(url_effective_scheme("img/a.png") == "");
        CHECK(url_effective_scheme("javascript") == "");
    }
}

TEST_CASE("url: data: is allowed only for raster images") {
    SECTION("images") {
        for (const char* url : {"data:image/png;base64,iVBORw0KGgo=", "data:image/gif;base64,R0lGOD",
                                "data:image/jpeg;base64,/9j/4AAQ", "data:image/webp;base64,UklGR",
                                "DATA:IMAGE/PNG;base64,AAAA", "data:image/png,raw", "  data:image/png;base64,AA"}) {
            INFO(url);
            CHECK(url_is_safe(url, UrlUse::Image));
            CHECK_FALSE(url_is_safe(url, UrlUse::Link));
        }
    }
    SECTION("not images, or images that can carry script") {
        for (const char* url : {"data:image/svg+xml,<svg onload=alert(1)>", "data:image/svg+xml;base64,PHN2Zz4=",
                                "data:text/html,<script>alert(1)</script>", "data:image/pngx;base64,AA",
                                "data:image/png", "data:,hello", "data:application/javascript,alert(1)"}) {
            INFO(url);
            CHECK_FALSE(url_is_safe(url, UrlUse::Image));
        }
    }
    SECTION("script schemes are unsafe for images too") {
        CHECK_FALSE(url_is_safe("javascript:alert(1)", UrlUse::Image));
        CHECK_FALSE(url_is_safe(" VBScript:x", UrlUse::Image));
    }
}

TEST_CASE("url: ordinary targets are safe") {
    for (const char* url : {"https://example.com/", "http://example.com/a?b=c#d", "HTTPS://EXAMPLE.COM/", "img/a.png",
                            "../a.md", "/abs", "//example.com/x", "#frag", "?q", "", "javascript", "javascript.html",
                            "./javascript:x", "%6Aavascript:alert(1)", "a b:c", "1tel:x", ":x", "\\\\host\\x"}) {
        INFO(url);
        CHECK(url_is_safe(url, UrlUse::Link));
        CHECK(url_is_safe(url, UrlUse::Image));
    }
    for (const char* url : {"mailto:me@example.com", "MailTo:me@example.com", "tel:+1-555-0100", " \tT\nEL:+1"}) {
        INFO(url);
        CHECK(url_is_safe(url, UrlUse::Link));
        CHECK_FALSE(url_is_safe(url, UrlUse::Image));  // not an image's
    }
}

TEST_CASE("url: the link policy is an allowlist: any other scheme loses its link, however it is spelled") {
    // Schemes that hand the URL to another program or read the reader's own
    // files (ms-msdt: ran code on Windows, CVE-2022-30190), an unknown one,
    // and ftp: (no browser shows it any more: an external program would).
    const std::string refused[] = {
        "ms-msdt:/id PCWDiagnostic /skip force",
        "search-ms:query=x&crumb=location:\\\\evil.example\\share",
        "intent://scan/#Intent;scheme=zxing;end",
        "file:///etc/passwd",
        "FILE:///C:/Windows/win.ini",
        "blob:https://example.com/4a1b",
        "feed:javascript:alert(1)",
        "ftp://ftp.example.com/pub/x",
        "my-javascript:notes",
        "sms:+15550100",
        "view-source:https://example.com/",
        "\x01 Ms-MsDt:x",
        "ms-ms\tdt:x",
        "a:b",
        "x" + std::string(40, 'y') + ":z",          // longer than any scheme allowed
        "mailtox:me@example.com", "httpsx://example.com", "htt:x",
        std::string(40, '\t') + "file:x",
    };
    for (const std::string& url : refused) {
        INFO("url: " << url);
        CHECK_FALSE(url_is_safe(url, UrlUse::Link));
        CHECK_FALSE(url_is_safe(url, UrlUse::Image));
    }
    CHECK(url_effective_scheme("\x01 Ms-Ms\tDt:x") == "ms-msdt");
    CHECK(url_effective_scheme("x" + std::string(40, 'y') + ":z") == "x" + std::string(40, 'y'));  // however long
}

TEST_CASE("url: percent-encoding and decoding") {
    SECTION("encode keeps only RFC 3986's unreserved characters") {
        CHECK(url_percent_encode("lets-go") == "lets-go");
        CHECK(url_percent_encode("A-Z_a.z~0") == "A-Z_a.z~0");
        CHECK(url_percent_encode("a b/c#d?e&f%g") == "a%20b%2Fc%23d%3Fe%26f%25g");
        CHECK(url_percent_encode("c++") == "c%2B%2B");
        CHECK(url_percent_encode("café") == "caf%C3%A9");
        CHECK(url_percent_encode("\"<'>") == "%22%3C%27%3E");
        CHECK(url_percent_encode("") == "");
    }
    SECTION("decode turns %XX back into bytes, either case") {
        CHECK(url_percent_decode("a%20b%2Fc") == "a b/c");
        CHECK(url_percent_decode("caf%c3%a9") == "café");
        CHECK(url_percent_decode("%41%4a%4A") == "AJJ");
        CHECK(url_percent_decode("100%25") == "100%");
    }
    SECTION("invalid sequences are kept as they are") {
        CHECK(url_percent_decode("%zz") == "%zz");
        CHECK(url_percent_decode("%4") == "%4");
        CHECK(url_percent_decode("a%") == "a%");
        CHECK(url_percent_decode("%%41") == "%A");
        CHECK(url_percent_decode("+") == "+");
    }
    SECTION("decoding an encoding gives the text back") {
        for (const char* text : {"a b", "c++", "100%", "ünïcode & punctuation", "#/posts/x?y=z"}) {
            INFO(text);
            CHECK(url_percent_decode(url_percent_encode(text)) == text);
        }
    }
}

TEST_CASE("url: data: images are judged after what a browser strips, however much of it") {
    const std::string spaces(40, ' ');
    CHECK(url_is_safe(spaces + "data:image/png;base64,iVBORw0KGgo=", UrlUse::Image));
    CHECK(url_is_safe("\x01\x02 DATA:Image/PNG;base64,iVBORw0KGgo=", UrlUse::Image));
    CHECK_FALSE(url_is_safe(spaces + "data:text/html,<script>alert(1)</script>", UrlUse::Image));
    CHECK_FALSE(url_is_safe("\x01" "data:image/svg+xml,<svg onload=alert(1)>", UrlUse::Image));
    CHECK_FALSE(url_is_safe(spaces + "data:image/png;base64,iVBORw0KGgo=", UrlUse::Link));
}

TEST_CASE("url: resolving against a relative base never yields a scheme") {
    // RFC 3986 §4.2: a relative path whose first segment holds a colon is
    // written "./seg:..."; otherwise "../javascript:x" against "posts/a.md"
    // would resolve to "javascript:x".
    check_resolves("posts/a.md", {
                                     {"../javascript:alert(1)", "./javascript:alert(1)"},
                                     {"a/../../javascript:alert(1)", "./javascript:alert(1)"},
                                     {".././javascript:alert(1)", "./javascript:alert(1)"},
                                     {"../vbscript:x", "./vbscript:x"},
                                     {"../data:text/html,x", "./data:text/html,x"},
                                     {"../a:b/c", "./a:b/c"},
                                     {"../x/a:b", "x/a:b"},
                                 });
    check_resolves("a.md", {{"./javascript:alert(1)", "./javascript:alert(1)"}, {"javascript:x", "javascript:x"}});
    check_resolves("posts/2022/x.md", {{"../../../javascript:x", "../javascript:x"}});
    check_resolves("/posts/a.md", {{"../javascript:x", "/javascript:x"}});
    check_resolves("http://h/posts/a.md", {{"../javascript:x", "http://h/javascript:x"}});
    for (const char* base : {"posts/a.md", "a.md", "", "x/y/z.md"}) {
        for (const char* ref : {"../javascript:alert(1)", "./javascript:alert(1)", "a/../../javascript:x"}) {
            INFO(base << " + " << ref << " = " << url_resolve(base, ref));
            CHECK(url_is_safe(url_resolve(base, ref), UrlUse::Link));
        }
    }
}

TEST_CASE("url: a base without a hierarchical path leaves the reference as it is") {
    check_resolves("data:image/webp,x", {{"./j;", "./j;"}, {"../javascript:x", "../javascript:x"}});
    check_resolves("mailto:a@example.com", {{"b.md", "b.md"}});
}

TEST_CASE("url: every link and image of the hostile corpus keeps only a scheme the policy allows") {
    // tests/corpus/hostile-markdown.json, as the blog renders each payload:
    // an href or src left in the output has no scheme, or one of the allowlist.
    const auto corpus = nlohmann::json::parse(blog::test::sample_file("tests/corpus/hostile-markdown.json"));
    size_t attributes = 0;
    for (const auto& payload : corpus.at("payloads")) {
        const std::string markdown = payload.at("markdown");
        for (const char* base : {"", "posts/a.md", "https://example.com/blog/posts/a.md"}) {
            MarkdownOptions o;
            o.base_url = base;
            auto rendered = markdown_render(markdown, o);
            REQUIRE(rendered.ok());
            const std::string& html = rendered.value().html;
            for (const char* attr : {" href=\"", " src=\""}) {
                for (size_t at = html.find(attr); at != std::string::npos; at = html.find(attr, at + 1)) {
                    const size_t begin = at + std::strlen(attr);
                    const std::string value = html.substr(begin, html.find('"', begin) - begin);
                    const std::string scheme = url_effective_scheme(value);
                    INFO(payload.at("name").get<std::string>() << " against \"" << base << "\": " << html);
                    CHECK((scheme.empty() || scheme == "http" || scheme == "https" ||
                           (attr[2] == 'h' && (scheme == "mailto" || scheme == "tel"))));
                    ++attributes;
                }
            }
        }
    }
    CHECK(attributes > 0);
}
