// Heading ids: GitHub's slug of a heading's text, and the ids of one
// document kept unique. The one slug rule: the renderer, the tool and the
// tests all call markdown_slug.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace blog {

// GitHub's heading-id slug of a plain text (lowercase, spaces to '-',
// punctuation dropped, letters of any script kept), without de-duplication.
// Ill-formed UTF-8 is dropped, as punctuation is.
std::string markdown_slug(std::string_view text);

// The ids given so far in one document.
class HeadingIds {
public:
    // Makes `id` (a slug) unique in the document: "section" when empty,
    // then "-1", "-2", ... after an id already given; records it.
    void make_unique(std::string& id);

private:
    std::unordered_map<std::string, int> uses_;
};

}  // namespace blog
