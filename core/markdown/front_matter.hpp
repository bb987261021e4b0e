// The front matter a post file may start with, found as Hugo finds it, so
// that the renderer gets only the Markdown body. Only the split: the tool
// (tool/front_matter) reads the block's YAML, TOML or JSON.
#pragma once

#include <cstddef>
#include <string_view>

namespace blog {

// YAML between "---" lines (or closed by "..."), TOML between "+++" lines,
// or a JSON object starting the file (after an optional byte order mark;
// its first line "{" alone or "{" and a key, as "{note} text" is Markdown).
// The blog renders only the body, so posts keep their front matter whether
// their index is written by hand or by the native tool, which reads the
// block.
struct FrontMatterSplit {
    enum class Format { None, Yaml, Toml, Json };
    Format format = Format::None;
    bool closed = true;       // false: opened and never closed (the body is then the whole file)
    size_t block_begin = 0;   // the block: the lines between the delimiters, or the JSON object
    size_t block_end = 0;
    size_t body_begin = 0;    // where the Markdown starts
    size_t body_line = 1;     // its line number in the file
};
FrontMatterSplit markdown_front_matter(std::string_view text);

}  // namespace blog
