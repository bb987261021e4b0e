// A Hugo-style site folder read into its settings and its posts: the config
// from the first of hugo.toml, hugo.yaml, config.toml, config.yaml, site.json;
// the posts from every .md under content/posts/ (or posts/ when there is no
// content/), page bundles included. Hugo's publishing rules apply: drafts,
// future and expired posts are left out unless asked for.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date/date.hpp"
#include "tool/front_matter.hpp"

namespace blog::tool {

struct SiteConfig {
    std::string file;  // the config file read, "" when there is none
    std::string title, base_url, language_code, description;
    std::vector<std::string> authors;  // params.author, a string or a list
    int page_size = 0;                 // pagination.pagerSize, else paginate; 0: not set
};

struct SitePost {
    std::string source;  // the file as named in messages (SITE/content/posts/a.md)
    std::string file;    // relative to the posts folder, where index.json goes ("my-trip/index.md")
    std::string slug, title;
    FrontMatter front;
    std::optional<Timestamp> date, lastmod;
    std::string author;      // authors joined as PaperMod shows them ("A, B & C")
    std::string summary;     // the front matter's, else computed from the Markdown
    bool truncated = true;
    size_t word_count = 0;
    size_t reading_time = 0;  // minutes, Hugo's rule: (words + 212) / 213
};

struct SiteOptions {
    bool drafts = false;   // --drafts
    bool future = false;   // --future: publish dates after `now`
    bool expired = false;  // --expired: expiry dates before `now`
    int64_t now = 0;       // Unix seconds; the clock is the caller's
};

struct Site {
    SiteConfig config;
    std::vector<SitePost> posts;    // published, in file-name order
    std::vector<Problem> problems;  // errors and warnings, in reading order
    size_t left_out = 0;            // drafts, future and expired posts not published
    bool ok() const;                // no error among problems
};

// Reads SITE. File system failures (no posts folder, an unreadable file) are
// problems like any other.
Site site_read(const std::string& dir, const SiteOptions& options);

// Hugo's dates: RFC 3339 or YYYY-MM-DD as the core reads them, and also a
// date and time without an offset ("2024-03-01T10:00:00", Hugo's local
// time; read as UTC, Hugo's default time zone).
Result<Timestamp> site_date_parse(const std::string& text);

}  // namespace blog::tool
