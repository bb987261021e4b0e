// Front matter: a post file split into its metadata block and its Markdown
// body, the block (YAML between "---" lines, TOML between "+++" lines, or a
// JSON object at the top) read into Hugo's and PaperMod's fields. Keys are
// case-insensitive, unknown keys are ignored, and a problem is a value naming
// the file and line ("content/posts/a.md:3: date: expected …").
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/index/post_index.hpp"

namespace blog::tool {

// One message about one file, as printed: "<file>:<line>: <message>"
// ("<file>:<line>: warning: <message>" for a warning; no line when it is 0).
struct Problem {
    std::string file;
    size_t line = 1;  // 0: the file or folder as a whole
    std::string message;
    bool warning = false;  // the post is still published
};
std::string problem_text(const Problem& p);

struct FrontMatter {
    std::optional<std::string> title;
    // Dates as written (TOML's native dates as RFC 3339); checked by the site.
    std::string date, lastmod, publish_date, expiry_date;
    bool draft = false;
    std::string slug;
    std::vector<std::string> tags, categories;
    std::optional<std::string> summary;
    std::optional<bool> is_cjk_language;  // Hugo's isCJKLanguage: the CJK counting rules or not
    std::string description;
    std::vector<std::string> authors;  // "author: x" or "author: [x, y]"
    bool hidden_in_home_list = false;
    // PaperMod's per-page switches (ShowToc, TocOpen, ShowReadingTime, …)
    // as the post sets them; unset: the site's.
    PostSwitchOverrides switches;
    std::string cover_image, cover_alt, cover_caption;
    // PaperMod's cover.hidden, cover.hiddenInList, cover.hiddenInSingle; unset: the site's params.cover.
    std::optional<bool> cover_hidden, cover_hidden_in_list, cover_hidden_in_single;
    long long weight = 0;  // Hugo's order: 0 is none
    std::vector<std::string> aliases;
    std::string url;     // Hugo's url: the page's whole path
    std::string layout;  // PaperMod's "archives" and "search" pages are the blog's own screens
    std::string type;    // the page's type (its section unless set)
    bool headless = false;  // a bundle that is not a page (Hugo's headless)
    // Hugo's build options (build: or _build:): render "never" publishes no
    // page, list "never"/"local" keeps the page out of the lists.
    std::string build_render, build_list;
    std::string translation_key;
    // Every key whose value is a string or a list of strings, by its
    // lower-case name: a custom taxonomy's terms ("series") are read from it.
    std::map<std::string, std::vector<std::string>> lists;
    // Line in the file of each key read, by its lowercase name ("date",
    // "slug", "tags"): the place a later check points at.
    std::map<std::string, size_t> lines;

    size_t line_of(const std::string& key) const;  // 1 when the key is absent
};

struct FrontMatterDocument {
    FrontMatter front;
    std::string body;       // the Markdown after the block
    size_t body_line = 1;   // line in the file where the body starts
    std::vector<Problem> problems;  // errors (nothing usable) and warnings
    bool ok() const;        // no error among problems
};

// Splits and reads one file's text; `file` names it in problems.
FrontMatterDocument front_matter_parse(std::string_view text, const std::string& file);

}  // namespace blog::tool
