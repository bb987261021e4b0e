#include "core/util/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace blog {

void utf8_append(std::string& out, unsigned cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp <= 0x7F) {
        out.push_back(char(cp));
    } else if (cp <= 0x7FF) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp <= 0xFFFF) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

namespace {

// Length of the well-formed sequence at text[i], or 0 when it is ill-formed;
// `maximal` gets the length of its maximal subpart (what one U+FFFD replaces).
size_t sequence_length(std::string_view text, size_t i, size_t& maximal) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char c = byte(i);
    maximal = 1;
    if (c < 0x80) return 1;
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c == 0xE0) need = 2, lo = 0xA0;
    else if (c == 0xED) need = 2, hi = 0x9F;  // no surrogates
    else if (c >= 0xE1 && c <= 0xEF) need = 2;
    else if (c == 0xF0) need = 3, lo = 0x90;
    else if (c == 0xF4) need = 3, hi = 0x8F;  // nothing above U+10FFFF
    else if (c >= 0xF1 && c <= 0xF3) need = 3;
    else return 0;
    for (size_t k = 1; k <= need; ++k) {
        if (i + k >= text.size()) return 0;
        unsigned char b = byte(i + k);
        if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return 0;
        maximal = k + 1;
    }
    return need + 1;
}

}  // namespace

size_t utf8_valid_prefix(std::string_view text) {
    size_t i = 0, maximal;
    while (i < text.size()) {
        // Eight ASCII bytes at a time: every post is checked before it is
        // rendered, and most of a post is ASCII.
        while (i + 8 <= text.size()) {
            uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if (word & 0x8080808080808080u) break;
            i += 8;
        }
        if (i >= text.size()) break;
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        size_t n = sequence_length(text, i, maximal);
        if (n == 0) return i;
        i += n;
    }
    return i;
}

bool utf8_next(std::string_view text, size_t& i, unsigned& cp) {
    if (i >= text.size()) return false;
    size_t maximal;
    const size_t n = sequence_length(text, i, maximal);
    if (n == 0) return false;
    const auto byte = [&](size_t k) { return unsigned(static_cast<unsigned char>(text[i + k])); };
    static const unsigned kLead[] = {0, 0x7F, 0x1F, 0x0F, 0x07};  // payload bits of the first byte
    unsigned v = byte(0) & kLead[n];
    for (size_t k = 1; k < n; ++k) v = (v << 6) | (byte(k) & 0x3F);
    cp = v;
    i += n;
    return true;
}

std::string utf8_truncate(std::string_view text, size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    size_t end = max_bytes;
    // Back to the start of the character that crosses max_bytes: at most 3
    // continuation bytes; a well-formed one that fits is kept.
    size_t start = end;
    while (start > 0 && end - start < 3 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    size_t maximal;
    if (start < end && sequence_length(text, start, maximal) != 0 && start + sequence_length(text, start, maximal) > end)
        end = start;
    return std::string(text.substr(0, end));
}

Utf8Repair utf8_repair(std::string_view text, std::string_view replacement) {
    Utf8Repair r;
    r.text.reserve(text.size() + 16);
    size_t line = 1, i = 0, maximal;
    while (i < text.size()) {
        size_t n = sequence_length(text, i, maximal);
        if (n) {
            if (text[i] == '\n') ++line;
            r.text.append(text.data() + i, n);
            i += n;
            continue;
        }
        r.text.append(replacement);
        if (r.lines.empty() || r.lines.back() != line) r.lines.push_back(line);
        ++r.replaced;
        i += maximal;
    }
    return r;
}

}  // namespace blog
