// UTF-8 as the blog accepts it: well-formed per RFC 3629 (no overlong forms,
// no surrogates, nothing above U+10FFFF). Text from the network that is not
// gets each bad sequence replaced by U+FFFD, as a browser's decoder does, so
// that one bad byte costs one character, not the whole file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace blog {

// Appends code point `cp` as UTF-8; NUL, surrogates and values above
// U+10FFFF become U+FFFD.
void utf8_append(std::string& out, unsigned cp);

// Length of the well-formed prefix of `text` (text.size() when it is all valid).
size_t utf8_valid_prefix(std::string_view text);

// Decodes the well-formed sequence at text[i] into `cp` and moves i past
// it; false (i and cp unchanged) when the bytes at i are ill-formed or i is
// at the end.
bool utf8_next(std::string_view text, size_t& i, unsigned& cp);

// The longest prefix of `text` of at most `max_bytes` bytes that ends at a
// character boundary: a character is kept whole or left out, never cut. An
// ill-formed byte counts as one character. For messages that quote a value.
std::string utf8_truncate(std::string_view text, size_t max_bytes);

struct Utf8Repair {
    std::string text;            // the input, each ill-formed sequence replaced by U+FFFD
    std::vector<size_t> lines;   // 1-based line of each replacement (repeats dropped)
    size_t replaced = 0;         // how many sequences were replaced
};

// Replaces ill-formed sequences the way the WHATWG decoder does (maximal
// subparts), each by `replacement` (U+FFFD unless given). Call
// utf8_valid_prefix first to skip the copy for valid text.
Utf8Repair utf8_repair(std::string_view text, std::string_view replacement = "\xEF\xBF\xBD");

}  // namespace blog
