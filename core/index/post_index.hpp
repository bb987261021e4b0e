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
#include "core/util/result.hpp"

namespace blog {

struct Post {
    std::string slug;
    std::string title;
    std::optional<Timestamp> date;  // absent: listed after every dated post
    std::string author;             // the site's author when the entry has none
    std::optional<std::string> summary;
    bool truncated = true;          // show "..." after the summary
    std::vector<std::string> tags;
    std::string file;               // relative to index.json; default "<slug>.md"
    bool hidden = false;            // PaperMod's hiddenInHomeList: reachable, not listed
    size_t position = 0;            // index in the file's "posts" array
};

// One entry of the header's menu, as the index's "menu" gives it.
struct MenuEntry {
    std::string name;
    std::string url;  // as written ("#/archive", "/about/", "https://…"); never a script URL
};

struct SiteIndex {
    std::string title;
    std::string author;
    std::string description;
    std::string source;             // the file's name as given to index_parse
    bool unsafe_html = false;       // site opt-in: pass raw HTML in posts through
    std::string language = "en";    // "language": the screens' lang (a BCP 47 tag)
    // "menu": the header's entries, replacing the default (Archive, Search,
    // Tags); nullopt when the index has none (or not an array). A bad entry
    // is left out with a problem; so is a script URL.
    std::optional<std::vector<MenuEntry>> menu;
    std::vector<Post> posts;        // newest first; drafts and invalid entries left out
    std::vector<std::string> problems;  // one line per entry or field left out
    size_t skipped_entries = 0;         // how many of the problems are whole post entries

    // Lookup by slug; nullptr when there is no such (published) post.
    const Post* find(std::string_view slug) const;
    // Lookup by the post's file path relative to index.json ("2022/x.md").
    const Post* find_by_file(std::string_view file) const;

    std::unordered_map<std::string, size_t> by_slug;
    std::unordered_map<std::string, size_t> by_file;
};

// The largest index.json the blog reads (about 150,000 posts with summaries);
// a bigger file fails with a message instead of filling the reader's memory.
constexpr size_t kMaxIndexBytes = size_t(64) << 20;

// "posts/index.json: the index is 70.0 MB, more than the 64.0 MB an index may
// have"; with bytes 0 (not known, only over), "… is larger than the …".
std::string index_size_problem(std::string_view source_name, size_t bytes);

// Parses index.json. `source_name` names the file in messages
// ("posts/index.json: not valid JSON at line 3, column 5: ..."). Bytes that
// are not valid UTF-8 become U+FFFD, each field holding one is reported in
// `problems`, and the entry is kept.
Result<SiteIndex> index_parse(std::string_view json_text, std::string_view source_name);

// The posts shown in the home list (not hidden), in order; with a tag, only
// the posts carrying it (hidden ones included, as on Hugo's term pages).
std::vector<const Post*> index_listed(const SiteIndex& site, std::string_view tag = {});

}  // namespace blog
