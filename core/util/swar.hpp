// SWAR ("SIMD within a register"): eight bytes of text judged at once in a
// 64-bit word, for the loops that run over every byte of a post.
#pragma once

#include <cstdint>
#include <cstring>

namespace blog {

// The renderer's two passes over every byte of text, escaping
// (core/markdown) and word counting (core/markdown/plain_text), test a 64-bit word per step rather than
// each byte (the wasm build has no SIMD; i64 is native there). The byte order
// of the word matters only for which byte comes first: little-endian here
// (x86, ARM, wasm); elsewhere the byte-by-byte loops do all the work.
namespace swar {

constexpr bool kEnabled =
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__)
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
#else
    false;
#endif
constexpr uint64_t k01 = 0x0101010101010101u;
constexpr uint64_t k7F = 0x7F7F7F7F7F7F7F7Fu;
constexpr uint64_t k80 = 0x8080808080808080u;

inline uint64_t load(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}

// The high bit of each zero byte, and maybe of bytes after one (a borrow):
// the lowest bit set is exact, which is what a search needs.
inline uint64_t zero_bytes_first(uint64_t w) { return (w - k01) & ~w & k80; }

// The high bit of each byte md4c-html escapes in text: & < > " and NUL.
// x|2 is 0x3E only for '<' and '>'; x|4 is 0x26 only for '"' and '&'.
inline uint64_t escaped_first(uint64_t w) {
    return zero_bytes_first((w | 0x0202020202020202u) ^ 0x3E3E3E3E3E3E3E3Eu) |
           zero_bytes_first((w | 0x0404040404040404u) ^ 0x2626262626262626u) | zero_bytes_first(w);
}

// The high bit of each byte that is a space to the word count (\t \n \v \f
// \r and ' '), exactly. On the low seven bits of a byte, adding 0x80 - k
// sets its high bit when it is >= k without carrying into the next byte.
inline uint64_t space_bytes(uint64_t w) {
    const uint64_t low = w & k7F;
    const uint64_t ge9 = (low + 0x7777777777777777u) & k80;
    const uint64_t ge14 = (low + 0x7272727272727272u) & k80;
    const uint64_t t = low ^ 0x2020202020202020u;
    const uint64_t is32 = ~((t + k7F) | t) & k80;
    return ((ge9 & ~ge14) | is32) & ~w;  // & ~w: a byte >= 0x80 is no space
}

// How many bytes have their high bit set, in a mask of high bits.
inline unsigned count_bytes(uint64_t high_bits) { return unsigned(((high_bits >> 7) * k01) >> 56); }

}  // namespace swar

}  // namespace blog
