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

size_t utf8_valid_prefix(std::string_view text) {
    size_t i = 0;
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
        const unsigned n = utf8_decode(text, i).length;
        if (n == 0) return i;
        i += n;
    }
    return i;
}

std::string utf8_truncate(std::string_view text, size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    size_t end = max_bytes;
    // Back to the start of the character that crosses max_bytes: at most 3
    // continuation bytes; a well-formed one that fits is kept.
    size_t start = end;
    while (start > 0 && end - start < 3 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    if (start < end) {
        const unsigned n = utf8_decode(text, start).length;
        if (n != 0 && start + n > end) end = start;
    }
    return std::string(text.substr(0, end));
}

Utf8Repair utf8_repair(std::string_view text, std::string_view replacement) {
    Utf8Repair r;
    r.text.reserve(text.size() + 16);
    size_t line = 1, i = 0;
    while (i < text.size()) {
        const Utf8Char ch = utf8_decode(text, i);
        if (const size_t n = ch.length) {
            if (text[i] == '\n') ++line;
            r.text.append(text.data() + i, n);
            i += n;
            continue;
        }
        r.text.append(replacement);
        if (r.lines.empty() || r.lines.back() != line) r.lines.push_back(line);
        ++r.replaced;
        i += ch.maximal;
    }
    return r;
}

}  // namespace blog
