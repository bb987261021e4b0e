// A Hugo site folder read into its settings and its pages, as Hugo reads
// them: the config as tool/hugo_config merges it (hugo.*, config.*,
// config/_default/); the pages from every .md under content/ (every section,
// page bundles, pages at its root such as about.md), each at the URL Hugo
// gives it (tool/hugo_url: nesting, slug, url, permalinks, urlize). The
// blog's list shows the main sections (params.mainSections, else the
// section with most pages); other pages are reachable, not listed. A folder
// without content/ is the blog's own layout: posts/ holds the posts, at
// posts/<slug>/. Hugo's publishing rules apply: drafts, future and expired
// posts are left out unless asked for.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date/date.hpp"
#include "core/index/post_index.hpp"
#include "core/markdown/plain_text.hpp"
#include "tool/front_matter.hpp"
#include "tool/site_files.hpp"

#include "core/i18n/i18n.hpp"

namespace blog::tool {

struct SiteConfig {
    std::string file;  // the config file read, "" when there is none
    std::string title, base_url, language_code, description;
    size_t base_url_line = 0;          // the line of baseURL in the config file, 0 when absent
    std::vector<std::string> authors;  // params.author, a string or a list
    int page_size = 0;                 // pagination.pagerSize, else paginate; 0: not set
    // PaperMod's params the index carries, as the config sets them (keys in
    // any case): ShowToc, TocOpen, ShowReadingTime, ShowWordCount,
    // ShowPostNavLinks, ShowBreadCrumbs, ShowCodeCopyButtons (unset: off, as
    // in PaperMod), defaultTheme ("auto", "light", "dark"; "" when unset) and
    // ShowPageNums.
    PostSwitchOverrides switches;
    std::string default_theme;
    std::optional<bool> show_page_nums;
    // params.wasmBlog.publishActiveFiles: a bundle's HTML, JavaScript and
    // SVG with script are published (each reported); off by default.
    bool publish_active_files = false;
    // Raw HTML in posts kept through the core's sanitizer (the index's
    // "rawHtml": "sanitize"): Hugo's markup.goldmark.renderer.unsafe, or
    // params.wasmBlog.rawHtml: "sanitize".
    bool sanitize_html = false;
    // Hugo's markup.goldmark.extensions.passthrough (the index's
    // "mathPassthrough"): "\( \)" and "\[ \]" are math in every post.
    bool math_passthrough = false;
    // params.cover.hidden, hiddenInList, hiddenInSingle: a post's cover.* unset takes these.
    std::optional<bool> cover_hidden, cover_hidden_in_list, cover_hidden_in_single;
    // Hugo's settings of where pages go and what the list shows.
    std::vector<std::string> main_sections;  // params.mainSections ("" unset: the section with most pages)
    std::map<std::string, std::string> permalinks;
    bool disable_path_to_lower = false, ugly_urls = false;
    std::string copyright;
    size_t summary_length = 70;  // summaryLength: a computed summary's words
    // hasCJKLanguage: a post with a Han, Hangul, Hiragana or Katakana
    // character follows the CJK counting rules. A Hugo site's config says
    // (Hugo's default: off); the blog's own site detects by default.
    bool has_cjk_language = true;
    struct Menu {
        std::string name, url, page_ref;
    };
    std::vector<Menu> menu;  // menu.main, in Hugo's order
    std::vector<std::pair<std::string, std::string>> taxonomies;  // Hugo's: singular -> plural
    std::string home_info_title, home_info_content;  // params.homeInfoParams
    std::vector<std::pair<std::string, std::string>> social_icons;  // params.socialIcons: name, url
    std::string default_language = "en";
    std::string content_dir = "content";  // the default language's contentDir
    std::vector<std::string> other_languages;  // languages' keys besides the default one
    std::vector<std::string> languages;        // every language's key ("en", "fr"), none when not set
    // The interface's words and date names in this language (tool/site_i18n)
    // and params.DateFormat (the language's params over the site's; "" unset).
    UiText text;
    std::string date_format;
    std::string language = "en";               // the language read (SiteOptions::language, else the default)
    std::string default_content_dir = "content";
    std::map<std::string, std::string> language_names;  // languageName by key
    // The site's other languages' homes (set by the build, which knows where
    // they are): the index's "languages", for PaperMod's language switch.
    struct LanguageHome {
        std::string lang, name, url;
    };
    std::vector<LanguageHome> language_homes;
    // The blog's own shortcode templates (name → text): SITE/layouts/
    // shortcodes/*.html, then the theme's (themes/<theme>/layouts/shortcodes/
    // or _shortcodes/) for names the core does not build in. The index's
    // "shortcodes", so that the widget evaluates the same templates.
    std::vector<std::pair<std::string, std::string>> shortcodes;
};

struct SitePost {
    std::string source;  // the file as named in messages (SITE/content/posts/a.md)
    std::string file;    // relative to the folder read ("posts/my-trip/index.md"), as on disk
    std::string slug, title;
    // Where Hugo puts the page, below the site's root ("posts/2021/my-trip/",
    // "about/"); "" for the blog's own layout (posts/<slug>/).
    std::string url;
    std::string path() const { return url.empty() ? "posts/" + slug + "/" : url; }  // its place, url or posts/<slug>/
    std::string section;  // the first folder below content/ ("" for a page at its root)
    bool bundle = false;  // a leaf bundle (index.md): its folder's other files are its resources
    bool generated = false;  // a custom taxonomy's page, written by the tool (no file of the site)
    bool listed = true;   // in the home list, the archive and the feed (a main section's page)
    // Hugo's pairing of translations: translationKey, else the file's path
    // below its content folder without language and extension.
    std::string translation_key;
    std::vector<std::pair<std::string, std::string>> translations;  // (language, path from the host's root), set by the build
    std::string text;    // the whole file, front matter included: a built site publishes it as is
    FrontMatter front;
    std::optional<Timestamp> date, lastmod;
    std::string author;      // authors joined as PaperMod shows them ("A, B & C")
    std::string summary;     // the front matter's, else computed from the Markdown
    bool truncated = true;
    size_t word_count = 0;
    size_t reading_time = 0;  // minutes, Hugo's rule (plain_text.hpp)
    std::vector<TextSection> sections;  // the plain text by heading, for full-text search
};

struct SiteOptions {
    bool drafts = false;   // --drafts
    bool future = false;   // --future: publish dates after `now`
    bool expired = false;  // --expired: expiry dates before `now`
    int64_t now = 0;       // Unix seconds; the clock is the caller's
    // The language read: "" for the default one (defaultContentLanguage),
    // else one of the config's languages ("fr"): its pages (post.fr.md, its
    // contentDir), its title and languageCode.
    std::string language;
    // The caller builds every language (build): the other languages' pages
    // are not reported as left out.
    bool all_languages = false;
};

struct SitePost;
struct Site {
    SiteConfig config;
    std::filesystem::path root;     // SITE's real path (links resolved), "" when it is not a folder
    std::string posts_dir;          // the folder read ("SITE/content", or "SITE/posts"), "" when there is none
    // A Hugo site (content/): its files are published where Hugo publishes
    // them, at OUT/<path below content/> (a bundle's image beside its page),
    // and the index names them from its folder, posts/ ("../posts/x.md").
    // The blog's own layout (posts/): at OUT/posts/<path below posts/>.
    bool hugo = false;
    std::string out_folder() const { return hugo ? "" : "posts/"; }
    // Where a post's Markdown is published, relative to OUT: a Hugo leaf
    // bundle's in its page's folder with its resources ("post/my-trip/index.md",
    // "post/my-trip/photo.png": Hugo's URLs for them); any other Hugo page's
    // at its place in content/ (its relative images resolve as in its
    // folder); posts/<file> in the blog's own layout.
    std::string published_file(const SitePost& post) const;
    std::string index_file(const SitePost& post) const;
    // A post's cover.image as the index holds it: found as PaperMod finds
    // it, a file of the page's bundle (whatever cover.relative says), else
    // from the site's root (Hugo's absURL: static/); relative to the index.
    std::string cover_url(const SitePost& post) const;  // a post's "file" in the index: a URL from posts/
    // The folders of leaf bundles (their resources are the bundle's), left-out ones included.
    std::vector<std::string> bundle_dirs;
    std::vector<SitePost> posts;    // published, in file-name order
    // Files (relative to the posts folder) of the posts left out: a draft's
    // bundle folder is not published, its images included.
    std::vector<std::string> left_out_files;
    std::vector<Problem> problems;  // errors and warnings, in reading order
    size_t left_out = 0;            // drafts, future and expired posts not published
    // Hugo's pages that are not posts, kept at their URL as redirects to the
    // blog's screen that shows them: a section's list page ("posts/" to the
    // home list), PaperMod's archives and search pages. Path below the root
    // -> the screen's path ("" the home list, "archive/", "search/").
    std::vector<std::pair<std::string, std::string>> redirects;
    std::string static_dir;         // SITE/static when it is a folder, copied to OUT's root
    bool archives_page = false;     // PaperMod's archives page at archives/: the archive screen there too
    bool ok() const;                // no error among problems
};

// The pages' language from languageCode, as HTML's lang takes it: its
// primary subtag lower-cased ("en-us" gives "en"); "en" when it is unset or
// not a language tag. The index carries it ("language"), so that the widget's
// screens say the same as the built pages.
std::string site_page_language(const SiteConfig& config);

// Reads SITE. File system failures (no posts folder, an unreadable file) are
// problems like any other. Each image a post shows from the site (a relative
// reference: no scheme, not from the host's root) must be a file beside it,
// or it is a warning with the line that names it.
Site site_read(const std::string& dir, const SiteOptions& options);

// Hugo's dates: RFC 3339 or YYYY-MM-DD as the core reads them, and also a
// date and time without an offset ("2024-03-01T10:00:00", Hugo's local
// time; read as UTC, Hugo's default time zone).
Result<Timestamp> site_date_parse(const std::string& text);

}  // namespace blog::tool
