// The post index: index.json parsed once into plain structs, every field
// validated. A bad post entry is left out with a message naming it; only a
// file that is not JSON (or has no "posts" array) fails as a whole.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date/date.hpp"
#include "core/i18n/i18n.hpp"
#include "core/index/taxonomy.hpp"
#include "core/util/result.hpp"

namespace blog {

// PaperMod's per-page switches (its params ShowToc, TocOpen, ShowReadingTime,
// ShowWordCount, ShowPostNavLinks, ShowBreadCrumbs, ShowCodeCopyButtons): the
// index's site-level values, each of which a post may override. The defaults
// are PaperMod's: each is off unless the site (or the post) turns it on.
struct PostSwitches {
    bool show_toc = false;
    bool toc_open = false;
    bool show_reading_time = false;
    bool show_word_count = false;
    bool show_post_nav_links = false;
    bool show_bread_crumbs = false;
    bool show_code_copy_buttons = false;
    bool math = false;  // "math" (params.math): formulas between \\( \\) and \\[ \\] (core/markdown/math.hpp)
};

// A post's own values; nullopt: the site's.
struct PostSwitchOverrides {
    std::optional<bool> show_toc, toc_open, show_reading_time, show_word_count, show_post_nav_links,
        show_bread_crumbs, show_code_copy_buttons, math;
};

// One switch: its name in index.json, site-level and per post ("showToc":
// PaperMod's param ShowToc with a lower-case first letter), and the fields it
// sets. The tool reads PaperMod's params and front matter through the same
// names (Hugo's keys are case-insensitive).
struct PostSwitchField {
    const char* name;
    bool PostSwitches::*site;
    std::optional<bool> PostSwitchOverrides::*post;
};

// The switches, in PaperMod's documentation order.
inline constexpr PostSwitchField kPostSwitchFields[] = {
    {"showToc", &PostSwitches::show_toc, &PostSwitchOverrides::show_toc},
    {"tocOpen", &PostSwitches::toc_open, &PostSwitchOverrides::toc_open},
    {"showReadingTime", &PostSwitches::show_reading_time, &PostSwitchOverrides::show_reading_time},
    {"showWordCount", &PostSwitches::show_word_count, &PostSwitchOverrides::show_word_count},
    {"showPostNavLinks", &PostSwitches::show_post_nav_links, &PostSwitchOverrides::show_post_nav_links},
    {"showBreadCrumbs", &PostSwitches::show_bread_crumbs, &PostSwitchOverrides::show_bread_crumbs},
    {"showCodeCopyButtons", &PostSwitches::show_code_copy_buttons, &PostSwitchOverrides::show_code_copy_buttons},
    {"math", &PostSwitches::math, &PostSwitchOverrides::math},
};

// A post's cover image (PaperMod's cover.image, cover.alt, cover.caption).
struct Cover {
    std::string image;    // as written in the index (relative to index.json, or absolute); never a script URL
    std::string alt;
    std::string caption;  // plain text
    // PaperMod's cover.hiddenInList, cover.hiddenInSingle (the tool folds
    // cover.hidden and the site's params.cover into them): og:image only.
    bool hidden_in_list = false;
    bool hidden_in_single = false;
};

struct Post {
    std::string slug;
    std::string title;
    std::optional<Timestamp> date;  // absent: listed after every dated post
    std::string author;             // the site's author when the entry has none
    std::optional<std::string> summary;
    bool truncated = true;          // show "..." after the summary
    std::vector<std::string> tags;
    std::vector<std::string> categories;  // a bad one is left out with a problem; the post stays
    std::string file;               // relative to index.json; default "<slug>.md"
    // "url": where the post lives below the site's root, as Hugo wrote it
    // ("posts/2021/my-trip/", "about/", "posts/x.html" with uglyURLs),
    // not percent-encoded; "" for the default, "posts/<slug>/".
    std::string url;
    bool hidden = false;            // PaperMod's hiddenInHomeList: reachable, not listed
    std::string description;        // shown under the title (PaperMod's post-description)
    long long weight = 0;           // Hugo's weight: non-zero first, ascending, then by date
    std::optional<Cover> cover;
    // "translations": the URLs of the post in the site's other languages
    // ("/fr/posts/x/"), each in the language whose home it is under.
    std::vector<std::string> translations;
    PostSwitchOverrides switches;
    std::optional<bool> cjk;        // "isCJKLanguage": the front matter's, over the site's detection
    size_t position = 0;            // index in the file's "posts" array
};

// One entry of the header's menu, as the index's "menu" gives it.
struct MenuEntry {
    std::string name;
    std::string url;  // as written ("#/archive", "/about/", "https://…"); never a script URL
};

// One of a multilingual site's languages (Hugo's languages): PaperMod's
// language switch links it.
struct LanguageLink {
    std::string lang;  // its key, shown as PaperMod shows it ("fr" as "Fr")
    std::string name;  // its languageName ("Français"), the link's title; may be ""
    std::string url;   // its home ("/fr/"); never a script URL
};

// A link of the home info's footer (PaperMod's socialIcons).
struct SocialIcon {
    std::string name;  // PaperMod's icon name ("github", "x", "email"…); shown as the link's text
    std::string url;   // never a script URL
};

// PaperMod's homeInfoParams: shown on top of the home list's first page in
// place of the newest post's first-entry.
struct HomeInfo {
    std::string title;    // plain text
    std::string content;  // plain text (escaped; a blank line starts a paragraph)
    std::vector<SocialIcon> social_icons;
};

// A paged index (README, "A big blog: the paged index"): index.json holds the
// site and the first posts; the rest of the list is in further files, each
// {"posts": [...]}, fetched when a screen needs them.
struct IndexParts {
    std::vector<std::string> files;  // "parts": relative to index.json, in list order
    size_t total = 0;                // "total": how many posts the home list shows across every file
};

struct SiteIndex {
    std::string title;
    std::string author;
    std::string description;
    std::string source;             // the file's name as given to index_parse
    bool unsafe_html = false;       // site opt-in: pass raw HTML in posts through
    bool sanitize_html = false;     // "rawHtml": "sanitize": raw HTML kept through core/html/sanitize
    std::string language = "en";    // "language": the screens' lang (a BCP 47 tag)
    // "search": the full-text search manifest (core/search/fulltext_index),
    // relative to the index; "" without one (the title, tag and summary
    // search of core/search/search.hpp only).
    std::string search;
    // "menu": the header's entries, replacing the default (Archive, Search,
    // Tags); nullopt when the index has none (or not an array). A bad entry
    // is left out with a problem; so is a script URL.
    std::optional<std::vector<MenuEntry>> menu;
    std::optional<HomeInfo> home_info;  // "homeInfo"
    // "languages": the site's other languages (a multilingual Hugo site),
    // for the language switch; a bad entry is left out with a problem.
    std::vector<LanguageLink> languages;
    std::string copyright;              // "copyright": the footer's text instead of "© <year> <title>"
    std::string default_theme = "auto"; // "defaultTheme": "auto" (the reader's system), "light" or "dark"
    bool show_page_nums = false;        // "showPageNums": "Next 2/3 »"
    // "hasCJKLanguage": a post with Han, Hangul, Hiragana or Katakana text is
    // counted by the CJK rules (core/markdown/plain_text.hpp). On when the
    // index does not say (a Hugo site's index says false unless its config
    // sets it, as Hugo's default is).
    bool has_cjk_language = true;
    // "mathPassthrough": goldmark's passthrough extension (Hugo's
    // markup.goldmark.extensions.passthrough): "\( \)" and "\[ \]" are math
    // too, not only their doubled spellings; math is on for every post.
    bool math_passthrough = false;
    // "i18n": the interface's words and date names in the site's language
    // (core/i18n's keys; what is not given stays English). A bad value is a
    // problem and left out.
    UiText text;
    std::string date_format = "January 2, 2006";  // "dateFormat": a Go layout (PaperMod's DateFormat)
    PostSwitches switches;              // the site's values of the per-post switches
    // "shortcodes": the blog's own shortcode templates, name → template
    // text (layouts/shortcodes/<name>.html), written by the native tool.
    std::vector<std::pair<std::string, std::string>> shortcodes;
    // Hugo's default order: posts with a weight first (ascending), then newest
    // first; undated posts last. Drafts and invalid entries left out.
    std::vector<Post> posts;
    // The newest year of the posts' dates, 0 when none has a date: the
    // footer's "© <year>" (the core has no clock). Kept by index_parse and
    // index_append_part, so a screen need not read every post for it.
    int newest_year = 0;
    std::vector<std::string> problems;  // one line per entry or field left out
    size_t skipped_entries = 0;         // how many of the problems are whole post entries
    // A paged index's further files (none: the whole index is this file), and
    // how many of them are in `posts` (index_append_part), the first ones.
    IndexParts parts;
    size_t parts_merged = 0;
    bool whole() const { return parts_merged == parts.files.size(); }

    // Lookup by slug; nullptr when there is no such (published) post.
    const Post* find(std::string_view slug) const;
    // Lookup by the post's file path relative to index.json ("2022/x.md").
    const Post* find_by_file(std::string_view file) const;

    std::unordered_map<std::string, size_t> by_slug;
    std::unordered_map<std::string, size_t> by_file;
    std::unordered_map<std::string, size_t> by_url;  // the posts with a "url"
};

// Where a post lives below the site's root: its "url", else "posts/<slug>/".
std::string index_post_path(const Post& post);

// The post at `path` below the site's root (as index_post_path gives it,
// not percent-encoded); nullptr when none is there. "posts/<slug>/" also
// finds a post by its slug when its url is elsewhere (the link a hand-written
// index or an older build gave it).
const Post* index_post_at(const SiteIndex& site, std::string_view path);

// A byte a post's "slug" may hold: ASCII letters and digits, '-', '_', '.',
// and the bytes of any non-ASCII character. The tool's slugs follow it too.
constexpr bool index_slug_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c >= 0x80;
}

// Why a file named beside the index (a post's "file", a part of a paged
// index, the search manifest and its shards) cannot be one (nullptr when it
// can): it must be relative, without a scheme, a leading '/', '\\', '?', '#'
// or a ".." segment; `from_root` allows one "../" first (a post of a built
// Hugo site, published beside posts/).
const char* index_file_problem(std::string_view file, bool from_root = false);

// Why a post's "url" cannot be one (nullptr when it can): it must be a
// relative path of non-empty segments, none "." or "..", ending in '/' or
// ".html", without '?', '#', '%', '\\' or control characters, and not one of
// the blog's own screens (page/<n>, tags/, categories/, archive/, archives/, search/).
const char* index_url_problem(std::string_view url);

// The largest index.json the blog reads (about 150,000 posts with summaries);
// a bigger file fails with a message instead of filling the reader's memory.
constexpr size_t kMaxIndexBytes = size_t(64) << 20;

// The most terms of one taxonomy (tags, or categories) a post may have, and
// the most a terms page lists: each screen's work and size follow them (a
// tags page lists every term, a post its own). A post with more keeps its
// first kMaxPostTerms (the elements after them are not read; a problem names
// the entry); a terms page lists the first kMaxIndexTerms by name and says
// how many more there are (view_terms, in the full engine only: the list's
// engine carries no set of every term).
constexpr size_t kMaxPostTerms = 1000;
constexpr size_t kMaxIndexTerms = 100000;

// "posts/index.json: the index is 70.0 MB, more than the 64.0 MB an index may
// have"; with bytes 0 (not known, only over), "… is larger than the …".
std::string index_size_problem(std::string_view source_name, size_t bytes);

// Parses index.json. `source_name` names the file in messages
// ("posts/index.json: not valid JSON at line 3, column 5: ..."). Bytes that
// are not valid UTF-8 become U+FFFD, each field holding one is reported in
// `problems`, and the entry is kept.
Result<SiteIndex> index_parse(std::string_view json_text, std::string_view source_name);

// Adds the posts of a paged index's next part (parsed with index_parse) after
// those known, in the part's order: lookups extended, its problems kept (they
// name the part's file), a slug or file already known left out with a
// problem; parts_merged counts it.
void index_append_part(SiteIndex& site, SiteIndex&& part);

// The switches a post is shown with: its own values, else the site's.
PostSwitches index_post_switches(const SiteIndex& site, const Post& post);

// The posts shown in the home list (not hidden), in order; with a tag, only
// the posts carrying it (hidden ones included, as on Hugo's term pages).
std::vector<const Post*> index_listed(const SiteIndex& site, std::string_view tag = {});

// The posts with the term `term` of `taxonomy`, hidden ones included, in the
// list's order; "" is the home list, as index_listed's. Terms are compared by
// their key (url_term_key: "macOS" is "MacOS", as Hugo merges them).
std::vector<const Post*> index_listed(const SiteIndex& site, Taxonomy taxonomy, std::string_view term);

// The language a post's translation at `url` is in: the one whose home is
// the longest start of it; nullptr when none is.
const LanguageLink* index_language_of(const SiteIndex& site, std::string_view url);

// A post's terms of a taxonomy, as the index gives them: its tags or its categories.
const std::vector<std::string>& index_post_terms(const Post& post, Taxonomy taxonomy);

}  // namespace blog
