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

// The one decoder: the character at text[i]. Every other function here, and
// every reader of UTF-8 in the core and the tool, is written on it.
struct Utf8Char {
    unsigned cp = 0;     // its code point (0 when ill-formed)
    unsigned length = 0; // bytes of the well-formed sequence; 0: ill-formed, or i at the end
    unsigned maximal = 0;  // ill-formed: the bytes one U+FFFD replaces (its maximal subpart, WHATWG), at least 1
};
inline Utf8Char utf8_decode(std::string_view text, size_t i) {
    Utf8Char ch;
    if (i >= text.size()) return ch;
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned c = byte(0);
    ch.maximal = 1;
    if (c < 0x80) return ch.cp = c, ch.length = 1, ch;
    unsigned need;
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c == 0xE0) need = 2, lo = 0xA0;  // no overlong forms
    else if (c == 0xED) need = 2, hi = 0x9F;  // no surrogates
    else if (c >= 0xE1 && c <= 0xEF) need = 2;
    else if (c == 0xF0) need = 3, lo = 0x90;
    else if (c == 0xF4) need = 3, hi = 0x8F;  // nothing above U+10FFFF
    else if (c >= 0xF1 && c <= 0xF3) need = 3;
    else return ch;
    unsigned cp = c & (0x3Fu >> need);
    for (unsigned k = 1; k <= need; ++k) {
        if (i + k >= text.size()) return ch;
        const unsigned char b = byte(k);
        if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return ch;
        cp = (cp << 6) | (b & 0x3F);
        ch.maximal = k + 1;
    }
    ch.cp = cp;
    ch.length = need + 1;
    return ch;
}

// Appends code point `cp` as UTF-8 (the one encoder); NUL, surrogates and
// values above U+10FFFF become U+FFFD.
void utf8_append(std::string& out, unsigned cp);

// Length of the well-formed prefix of `text` (text.size() when it is all valid).
size_t utf8_valid_prefix(std::string_view text);

// Decodes the well-formed sequence at text[i] into `cp` and moves i past
// it; false (i and cp unchanged) when the bytes at i are ill-formed or i is
// at the end. utf8_decode, for a loop that stops at the first bad byte.
inline bool utf8_next(std::string_view text, size_t& i, unsigned& cp) {
    const Utf8Char ch = utf8_decode(text, i);
    if (ch.length == 0) return false;
    cp = ch.cp;
    i += ch.length;
    return true;
}

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
