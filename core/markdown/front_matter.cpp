#include "core/markdown/front_matter.hpp"

#include <algorithm>

namespace blog {

namespace {

// The line at `pos` without its trailing blanks; `next` gets the next line's start.
std::string_view line_at(std::string_view text, size_t pos, size_t* next) {
    size_t nl = text.find('\n', pos);
    *next = nl == std::string_view::npos ? text.size() : nl + 1;
    std::string_view line = text.substr(pos, (nl == std::string_view::npos ? text.size() : nl) - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    return line;
}

// The end of a JSON object that starts at text[0] ('{'), strings skipped;
// npos when it never closes.
size_t json_object_end(std::string_view text) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}' && --depth == 0) {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

// The 1-based line number of text[pos].
size_t lines_before(std::string_view text, size_t pos) {
    return 1 + size_t(std::count(text.begin(), text.begin() + long(pos), '\n'));
}

}  // namespace

FrontMatterSplit markdown_front_matter(std::string_view text) {
    FrontMatterSplit split;
    const size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a byte order mark
    split.body_begin = start;
    size_t next = 0;
    std::string_view first = line_at(text, start, &next);
    if (first == "---" || first == "+++") {
        split.format = first == "---" ? FrontMatterSplit::Format::Yaml : FrontMatterSplit::Format::Toml;
        split.block_begin = next;
        for (size_t pos = next; pos < text.size();) {
            size_t after;
            std::string_view l = line_at(text, pos, &after);
            if (l == first || (split.format == FrontMatterSplit::Format::Yaml && l == "...")) {
                split.block_end = pos;
                split.body_begin = after;
                split.body_line = lines_before(text, after);
                return split;
            }
            pos = after;
        }
    } else if (first.size() >= 1 && first[0] == '{' &&
               (first.find_first_not_of(" \t", 1) == std::string_view::npos || first[first.find_first_not_of(" \t", 1)] == '"')) {
        // "{" alone on its line, or followed by a key: "{note} text" is Markdown.
        split.format = FrontMatterSplit::Format::Json;
        split.block_begin = start;
        size_t end = json_object_end(text.substr(start));
        if (end != std::string_view::npos) {
            split.block_end = start + end;
            // the rest of the closing line belongs to the front matter
            size_t nl = text.find('\n', split.block_end);
            split.body_begin = nl == std::string_view::npos ? text.size() : nl + 1;
            split.body_line = lines_before(text, split.body_begin);
            return split;
        }
    } else {
        return split;
    }
    split.closed = false;
    split.block_end = split.block_begin;
    split.body_begin = start;
    return split;
}

}  // namespace blog
