// URLs exactly as Hugo 0.111.3 (Debian's hugo, built with Go 1.19) writes
// them: the names in paths (urlize), taxonomy terms, permalink patterns and
// where each page goes. Pure functions; the rules are ports of Hugo's
// helpers/path.go (UnicodeSanitize, MakePathSanitized), helpers/url.go
// (URLize, URLEscape), resources/page/permalinks.go and
// resources/page/page_paths.go (CreateTargetPaths), checked against the
// binary's public/ and sitemap.xml (tests/hugo_url_test.cpp).
//
// Two forms of a path: the path as written (the file on disk, the link before
// escaping: "tags/中文标签/") and the URL form Hugo puts in .RelPermalink
// and sitemap.xml ("tags/%E4%B8%AD%E6%96%87%E6%A0%87%E7%AD%BE/"), see
// hugo_url_escape. All text is UTF-8; ill-formed bytes are dropped.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/date/date.hpp"
#include "core/util/result.hpp"

namespace blog::tool {

// Hugo's MakePath(Sanitized) of a name: the path form of a page's file name,
// slug or a term, as it is written on disk.
//   Kept: letters, decimal digits and marks of any script (Go's unicode
//   package, Unicode 13.0), . / \ _ # + ~ - @, and '%' followed by two hex
//   digits. A run of white space after a kept character becomes one '-'
//   before the next kept character (none at the start or the end, none next
//   to a '-' of the text: "a - b" is "a-b"). Everything else is dropped
//   ("Hello, World!" is "hello-world", "Don't" "dont", "C++" "c++", "CI/CD"
//   "ci/cd", "-lead-" stays "-lead-").
//   Lower-cased (Go's simple case mapping: "İ" is "i", "ß" stays) unless
//   `keep_case` (the config's disablePathToLower).
// Not modelled: removePathAccents.
std::string hugo_make_path(std::string_view name, bool keep_case = false);

// Hugo's URL form of a path (Go's url.Parse then String, as URLEscape and
// URLizeFilename do): UTF-8 and bytes outside [A-Za-z0-9-._~$&+,/:;=@] are
// percent-encoded with upper-case hex ("ünï" is "%C3%BCn%C3%AF", "a\b" is
// "a%5Cb", " " is "%20"); a valid %XX stays as it is; the text after the
// first '#' is a fragment that keeps '/' and !()* too, and is dropped when
// empty ("c#" is "c", "tags/c#/" stays "tags/c#/"); likewise a '?' starts a
// query kept as it is. When no byte needs encoding, ' ! ( ) * [ ] stay
// unencoded (Go keeps a path that is already a valid encoding). Hugo's
// sitemap.xml then writes '+' as "&#43;" (its HTML escaping), which is not
// part of the URL.
std::string hugo_url_escape(std::string_view path);

// Hugo's urlize template function, and the value of :title, :slug and
// :filename in a permalink: hugo_url_escape(hugo_make_path(text)).
// "Apple Game Porting Toolkit" is "apple-game-porting-toolkit", "中文标签" is
// "%E4%B8%AD%E6%96%87%E6%A0%87%E7%AD%BE", "C#" is "c".
std::string hugo_urlize(std::string_view text, bool keep_case = false);

// A taxonomy term's key: hugo_make_path(term, keep_case). Terms with the same
// key are one term ("macOS" and "MacOS" are "macos"); its page is at
// hugo_term_path. The term page's title (what PaperMod shows) is the
// spelling written on one of its pages, as it is: the page whose
// hugo_content_order_key is smallest, in byte order. A key may contain '/'
// ("CI/CD" is "ci/cd", a page at "tags/ci/cd/").
std::string hugo_term_key(std::string_view term, bool keep_case = false);

// What a page's URL is made from: its file and front matter.
struct HugoPageFacts {
    // The content file, relative to content/, '/'-separated, extension
    // included: "posts/2021/My Name.md", a leaf bundle "posts/trip/index.md",
    // a section's list page "posts/_index.md" (a top-level folder without an
    // _index.md is a section too: pass "<folder>/_index.md"), the home page
    // "_index.md". Its first folder is the page's section when the page is
    // below a folder of content/ ("About.md" and "Top/index.md" have none).
    std::string file;
    // The deepest folder above the file that is a section (has an
    // _index.md), or the first folder: "posts" for "posts/2021/x.md" when
    // posts/2021/ has no _index.md. "" means the first folder. Used by
    // :sections and hugo_content_order_key.
    std::string current_section;
    std::string slug;   // front matter; Hugo trims '-' from both ends
    std::string url;    // front matter; "" when unset
    std::string title;  // front matter (a term page's: the term)
    // The page's date, in its own offset (Hugo's .Date); unset is Go's zero
    // time (year 1, January 1, a Monday), as Hugo uses it.
    std::optional<Timestamp> date;
};

struct HugoUrlOptions {
    // The config's [permalinks]: section (or taxonomy plural) -> pattern;
    // keys are taken with ' ' and '/' trimmed ("/" is the root's pages).
    std::map<std::string, std::string> permalinks;
    bool disable_path_to_lower = false;  // disablePathToLower
    bool ugly_urls = false;              // uglyURLs
};

// Where a page goes, relative to the site's root, unescaped (apply
// hugo_url_escape for the URL form).
struct HugoPath {
    std::string link;  // "posts/2021/my-name/", ugly "posts/2021/my-name.html"; "" for the home page
    std::string file;  // "posts/2021/my-name/index.html", ugly the same as link
};

// Checks a permalink pattern as Hugo does when it reads the config. Errors
// (code "permalink") with Hugo's message, `error expanding "/:foo/":
// permalink ill-formed`, for an unknown token and when the pattern, its
// first character dropped, has an empty segment before another ("/a//b" and
// "a/:slug" are ill-formed, "/a/:slug/" is not).
// Tokens: :year :month (01-12) :monthname (January) :day (01-31) :weekday
// (0 Sunday - 6) :weekdayname (Sunday) :yearday (1-366) :section (the first
// folder) :sections (current_section, '/'-separated) and its slices
// :sections[1] :sections[last] :sections[1:] :sections[:2], :title
// (urlized), :slug (urlized slug, else title), :filename (urlized file name
// without its extension, a bundle's folder name) and :slugorfilename.
// Not supported (an error with code "permalink-unsupported"): Go time layouts
// such as ":2006", ":Jan", which Hugo also accepts.
Result<bool> hugo_permalink_check(std::string_view pattern);

// A pattern expanded for a page, before Hugo unescapes and sanitises it (as
// Hugo's PermalinkExpander.Expand): "/:year/:month/:slug/" gives
// "/2021/03/my-name/". Errors as hugo_permalink_check.
Result<std::string> hugo_permalink_expand(std::string_view pattern, const HugoPageFacts& page);

// Where a regular page, a section's list page or the home page goes, as
// Hugo's CreateTargetPaths decides for HTML:
//   - by default its folders and its name ("posts/2021/My Name.md" is
//     "posts/2021/my-name/", a bundle "posts/trip/index.md" "posts/trip/"),
//     the name replaced by the slug when there is one; a section's list page
//     is its folder ("posts/2021/");
//   - a permalink for the page's section (nested pages included) replaces
//     the whole path, its expansion query-unescaped ('+' becomes a space)
//     then sanitised ("C++ Tips" as :title is "c-tips");
//   - the whole path then goes through hugo_make_path (lower case unless
//     disablePathToLower), except for a regular page's url, kept as written
//     ("/Custom/Path A/" stays; a section's url is sanitised);
//   - url replaces all, with or without a leading '/'; ending in '/' or
//     without a '.' it is a folder ("rel/Path" is "rel/Path/"), else the
//     file itself ("/x/Page.html", "/y/v1.2"); uglyURLs does not apply;
//   - uglyURLs: "posts/2021/my-name.html", a section "posts.html".
// Errors: a url with http:// or https:// (Hugo refuses it), and a bad
// permalink pattern for the page's section (hugo_permalink_check).
Result<HugoPath> hugo_page_path(const HugoPageFacts& page, const HugoUrlOptions& options);

// Where a term's page goes: "tags/apple-game-porting-toolkit/", "tags/ci/cd/"
// (uglyURLs "tags/macos.html"); a permalink for `plural` applies, the term as
// the page's title (:slug and :title are the term; Hugo's date tokens would
// take the newest of the term's pages, not modelled: they give year 1). The
// key is joined as Go's path.Join does, so ".." in a term climbs ("../x" is
// "x/").
Result<HugoPath> hugo_term_path(std::string_view plural, std::string_view term,
                                const HugoUrlOptions& options);

// The taxonomy's list page: "tags/", uglyURLs "tags.html".
HugoPath hugo_taxonomy_path(std::string_view plural, const HugoUrlOptions& options);

// The key of a page in Hugo's content tree, lower-cased; pages are walked
// in its byte order, which decides the spelling of a term (see
// hugo_term_key). The home page "/", a section "/posts/", a regular page
// "/posts/__hb_2021/my name__hl_" (current section, then the path below it
// without extension; a bundle's folder), a page at content/'s root
// "/__hb_about__hl_".
std::string hugo_content_order_key(const HugoPageFacts& page);

}  // namespace blog::tool
