// Hugo's urlize (url.hpp): which characters a name keeps in a URL, and their
// lower case. Hugo asks Go's unicode package (IsLetter, IsDigit, IsMark,
// IsSpace, ToLower); the tables below are the parts of Unicode 15 that
// blogs' names use.
#include <iterator>

#include "core/url/url.hpp"

namespace blog {
namespace {

// Decodes one UTF-8 character at s[i] (the input is valid UTF-8 or the byte
// stands for itself); advances i.
unsigned next_code_point(std::string_view s, size_t& i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c >= 0xF0 && c < 0xF8 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (c >= 0x80 && c < 0xC0) n = 0;
    if (i + n >= s.size() + (n ? 0 : 1)) n = 0;
    unsigned cp = n == 0 ? c : n == 1 ? c & 0x1F : n == 2 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k <= n; ++k) {
        const unsigned char b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) {
            n = 0;
            cp = c;
            break;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    i += n + 1;
    return cp;
}

void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

struct Range {
    unsigned lo, hi;
};

// Non-ASCII code points that are neither letters, digits (Nd) nor marks:
// punctuation, symbols, spaces, other numbers (No, Nl), format and private
// use characters, in ascending order.
constexpr Range kNotNameChars[] = {
    {0x80, 0xA9},     {0xAB, 0xB4},     {0xB6, 0xB9},     {0xBB, 0xBF},     {0xD7, 0xD7},
    {0xF7, 0xF7},     {0x2C2, 0x2C5},   {0x2D2, 0x2DF},   {0x2E5, 0x2EB},   {0x2ED, 0x2ED},
    {0x2EF, 0x2FF},   {0x375, 0x375},   {0x37E, 0x37E},   {0x384, 0x385},   {0x387, 0x387},
    {0x3F6, 0x3F6},   {0x482, 0x482},   {0x55A, 0x55F},   {0x589, 0x58A},   {0x58D, 0x58F},
    {0x5BE, 0x5BE},   {0x5C0, 0x5C0},   {0x5C3, 0x5C3},   {0x5C6, 0x5C6},   {0x5F3, 0x5F4},
    {0x600, 0x60F},   {0x61B, 0x61F},   {0x66A, 0x66D},   {0x6D4, 0x6D4},   {0x6DD, 0x6DE},
    {0x6E9, 0x6E9},   {0x964, 0x965},   {0x970, 0x970},   {0xE3F, 0xE3F},   {0xE4F, 0xE4F},
    {0xE5A, 0xE5B},   {0xF01, 0xF17},   {0x10FB, 0x10FB}, {0x1680, 0x1680}, {0x16EB, 0x16F0},
    {0x17D4, 0x17D6}, {0x17D8, 0x17DB}, {0x1800, 0x180A}, {0x2000, 0x2070}, {0x2074, 0x207E},
    {0x2080, 0x208E}, {0x20A0, 0x20CF}, {0x2100, 0x2101}, {0x2103, 0x2106}, {0x2108, 0x2109},
    {0x2114, 0x2114}, {0x2116, 0x2118}, {0x211E, 0x2123}, {0x2125, 0x2125}, {0x2127, 0x2127},
    {0x2129, 0x2129}, {0x212E, 0x212E}, {0x213A, 0x213B}, {0x2140, 0x2144}, {0x214A, 0x214D},
    {0x214F, 0x2182}, {0x2185, 0x2BFF}, {0x2CE5, 0x2CEA}, {0x2CF9, 0x2CFF}, {0x2E00, 0x2E2E},
    {0x2E30, 0x2FFF}, {0x3001, 0x3004}, {0x3007, 0x3029}, {0x3030, 0x3030}, {0x3036, 0x303A},
    {0x303D, 0x303F}, {0x309B, 0x309C}, {0x30A0, 0x30A0}, {0x30FB, 0x30FB}, {0x3190, 0x319F},
    {0x31C0, 0x31EF}, {0x3200, 0x33FF}, {0x4DC0, 0x4DFF}, {0xA490, 0xA4CF}, {0xA4FE, 0xA4FF},
    {0xA60D, 0xA60F}, {0xA673, 0xA673}, {0xA67E, 0xA67E}, {0xA6F2, 0xA6F7}, {0xA700, 0xA716},
    {0xA720, 0xA721}, {0xA789, 0xA78A}, {0xA828, 0xA82B}, {0xA830, 0xA839}, {0xA874, 0xA877},
    {0xA8CE, 0xA8CF}, {0xA8F8, 0xA8FA}, {0xA8FC, 0xA8FC}, {0xA92E, 0xA92F}, {0xA95F, 0xA95F},
    {0xD800, 0xF8FF}, {0xFB29, 0xFB29}, {0xFBB2, 0xFBC2}, {0xFD3E, 0xFD4F}, {0xFDFC, 0xFDFF},
    {0xFE10, 0xFE19}, {0xFE30, 0xFE6F}, {0xFEFF, 0xFEFF}, {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20},
    {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65}, {0xFFE0, 0xFFFF}, {0x10100, 0x1013F}, {0x1D000, 0x1D24F},
    {0x1D300, 0x1D37F}, {0x1F000, 0x1FBFF}, {0xE0000, 0xE007F}, {0xF0000, 0x10FFFF},
};

bool name_char(unsigned cp) {
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '.' ||
               cp == '/' || cp == '\\' || cp == '_' || cp == '#' || cp == '+' || cp == '~' || cp == '-' || cp == '@';
    }
    size_t lo = 0, hi = std::size(kNotNameChars);
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (cp > kNotNameChars[mid].hi) lo = mid + 1;
        else hi = mid;
    }
    return !(lo < std::size(kNotNameChars) && cp >= kNotNameChars[lo].lo);
}

bool space_char(unsigned cp) {
    return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000;
}

bool hex_digit(unsigned cp) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'f') || (cp >= 'A' && cp <= 'F');
}

// Go's unicode.ToLower for the scripts above; others are kept.
unsigned lower_case(unsigned cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 32;
    if (cp == 0x130) return 'i';
    if (cp == 0x178) return 0xFF;
    if ((cp >= 0x100 && cp <= 0x12F) || (cp >= 0x132 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177) ||
        (cp >= 0x1E00 && cp <= 0x1E95) || (cp >= 0x1EA0 && cp <= 0x1EFF) || (cp >= 0x460 && cp <= 0x481) ||
        (cp >= 0x48A && cp <= 0x4BF) || (cp >= 0x4D0 && cp <= 0x52F))
        return cp % 2 == 0 ? cp + 1 : cp;
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E) || (cp >= 0x4C1 && cp <= 0x4CE))
        return cp % 2 == 1 ? cp + 1 : cp;
    if (cp == 0x4C0) return 0x4CF;
    if ((cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2)) return cp + 32;
    if (cp == 0x386) return 0x3AC;
    if (cp >= 0x388 && cp <= 0x38A) return cp + 37;
    if (cp == 0x38C) return 0x3CC;
    if (cp == 0x38E || cp == 0x38F) return cp + 63;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
    if (cp >= 0x531 && cp <= 0x556) return cp + 48;
    if (cp >= 0x10A0 && cp <= 0x10C5) return cp + 7264;  // Georgian Asomtavruli
    if (cp >= 0xFF21 && cp <= 0xFF3A) return cp + 32;
    return cp;
}

}  // namespace

std::string url_urlize(std::string_view name, bool keep_case) {
    std::string out;
    out.reserve(name.size());
    bool pending_hyphen = false, was_hyphen = false;
    size_t i = 0;
    while (i < name.size()) {
        const size_t at = i;
        const unsigned cp = next_code_point(name, i);
        bool kept = name_char(cp);
        if (cp == '%') {
            size_t j = i;
            kept = j + 1 < name.size() + 0 && hex_digit(static_cast<unsigned char>(name[j])) &&
                   hex_digit(static_cast<unsigned char>(name[j + 1]));
        }
        (void)at;
        if (kept) {
            was_hyphen = cp == '-';
            if (pending_hyphen) {
                if (!was_hyphen) out += '-';
                pending_hyphen = false;
            }
            append_utf8(out, keep_case ? cp : lower_case(cp));
        } else if (!out.empty() && !was_hyphen && space_char(cp)) {
            pending_hyphen = true;
        }
    }
    return out;
}

std::string url_path_encode(std::string_view path) {
    std::string out;
    size_t start = 0;
    while (true) {
        const size_t slash = path.find('/', start);
        out += url_percent_encode(path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
        if (slash == std::string_view::npos) break;
        out += '/';
        start = slash + 1;
    }
    return out;
}

}  // namespace blog
