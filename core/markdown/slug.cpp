#include "core/markdown/slug.hpp"

#include "core/util/utf8.hpp"

namespace blog {

namespace {

// Lower-cases the scripts a blog commonly meets (Latin, Greek, Cyrillic).
unsigned to_lower(unsigned cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 32;
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x138 && cp != 0x149 && cp != 0x17F) {
        bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        if (odd_upper ? (cp % 2 == 1) : (cp % 2 == 0)) return cp + 1;
        return cp;
    }
    if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
    return cp;
}

// Punctuation and symbols GitHub drops (everything but letters, marks,
// numbers, connector punctuation, space and '-').
bool dropped(unsigned cp) {
    if (cp < 0x80) {
        return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
                 cp == ' ' || cp == '-' || cp == '_');
    }
    if (cp >= 0xA0 && cp <= 0xBF) return !(cp == 0xAA || cp == 0xB5 || cp == 0xBA || cp == 0xB2 ||
                                            cp == 0xB3 || cp == 0xB9 || cp == 0xBC || cp == 0xBD || cp == 0xBE);
    if (cp == 0xD7 || cp == 0xF7) return true;
    if (cp >= 0x2000 && cp <= 0x206F) return cp != 0x203F && cp != 0x2040 && cp != 0x2054;  // keep ‿ ⁀ ⁔ (Pc)
    if (cp >= 0x20A0 && cp <= 0x20CF) return true;   // currency
    if (cp >= 0x2190 && cp <= 0x2BFF) return true;   // arrows, math, technical, boxes, shapes, dingbats
    if (cp >= 0x3000 && cp <= 0x303F) return cp != 0x3005 && cp != 0x3006 && cp != 0x3007;
    if (cp >= 0xFF01 && cp <= 0xFF0F) return true;
    if (cp >= 0xFF1A && cp <= 0xFF20) return true;
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return true;  // emoji and pictographs
    if (cp == 0xFFFD) return true;
    return false;
}

}  // namespace

std::string markdown_slug(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        // ASCII, most headings: what the general path below does to it, with
        // no decoding and no encoding (NUL, which utf8_append would replace,
        // is dropped).
        if (const unsigned char c = static_cast<unsigned char>(text[i]); c < 0x80) {
            ++i;
            if (!dropped(c)) out.push_back(c == ' ' ? '-' : c >= 'A' && c <= 'Z' ? char(c + 32) : char(c));
            continue;
        }
        unsigned cp;
        if (!utf8_next(text, i, cp)) {  // an ill-formed byte: U+FFFD, dropped
            ++i;
            continue;
        }
        if (!dropped(cp)) utf8_append(out, to_lower(cp));
    }
    return out;
}

void HeadingIds::make_unique(std::string& id) {
    if (id.empty()) id = "section";
    auto it = uses_.find(id);
    if (it != uses_.end()) {
        const size_t base = id.size();
        do {
            id.resize(base);
            id += '-';
            id += std::to_string(++it->second);
        } while (uses_.count(id));
    }
    uses_.emplace(id, 0);
}

}  // namespace blog
