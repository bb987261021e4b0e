// What every fuzz target shares: property checks that name the input they
// failed on, and the two readings of untrusted text the targets judge by
// (UTF-8 validity; the scheme of a URL as a browser reads it).
//
// A failed check prints the property, the input (escaped, and its file when
// replayed) and aborts: libFuzzer saves the input as a finding, and the CTest
// replay of tests/fuzz/regressions/ fails.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace fuzz {

struct Input {
    const uint8_t* data = nullptr;
    size_t size = 0;
    const char* name = nullptr;  // the file being replayed; null under libFuzzer
};

inline Input& current_input() {
    static Input input;
    return input;
}

// Marks the input under test for the messages of failed checks.
struct Scope {
    Scope(const uint8_t* data, size_t size) {
        current_input().data = data;
        current_input().size = size;
    }
};

// Printable form of bytes: C escapes for anything outside printable ASCII.
inline std::string escaped(std::string_view s, size_t limit = 400) {
    std::string out;
    char buf[8];
    for (size_t i = 0; i < s.size() && i < limit; ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '\\') out += "\\\\";
        else if (c == '"') out += "\\\"";
        else if (c == '\n') out += "\\n";
        else if (c >= 0x20 && c < 0x7f) out += static_cast<char>(c);
        else {
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        }
    }
    if (s.size() > limit) out += "...(" + std::to_string(s.size()) + " bytes)";
    return out;
}

[[noreturn]] inline void fail(const char* file, int line, const char* expr, const std::string& what) {
    const Input& in = current_input();
    std::fprintf(stderr, "\n*** fuzz property failed at %s:%d: %s\n    %s\n", file, line, expr, what.c_str());
    if (in.name) std::fprintf(stderr, "    input file: %s\n", in.name);
    std::fprintf(stderr, "    input (%zu bytes): \"%s\"\n", in.size,
                 escaped(std::string_view(reinterpret_cast<const char*>(in.data), in.data ? in.size : 0)).c_str());
    std::fflush(stderr);
    std::abort();
}

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or code points
// past U+10FFFF), as TextDecoder with fatal: true accepts it.
inline bool valid_utf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) { ++i; continue; }
        size_t n;
        unsigned lo = 0x80, hi = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) n = 1;
        else if (c == 0xe0) { n = 2; lo = 0xa0; }
        else if (c == 0xed) { n = 2; hi = 0x9f; }
        else if (c >= 0xe1 && c <= 0xef) n = 2;
        else if (c == 0xf0) { n = 3; lo = 0x90; }
        else if (c >= 0xf1 && c <= 0xf3) n = 3;
        else if (c == 0xf4) { n = 3; hi = 0x8f; }
        else return false;
        if (i + n >= s.size()) return false;  // truncated sequence
        for (size_t k = 1; k <= n; ++k) {
            unsigned char d = static_cast<unsigned char>(s[i + k]);
            unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xbf;
            if (d < l || d > h) return false;
        }
        i += n + 1;
    }
    return true;
}

// The scheme a browser reads in an attribute value (entities already
// decoded), lower-cased, "" when there is none: the WHATWG URL parser strips
// leading and trailing C0 controls and spaces, removes every tab and newline,
// then reads ASCII alpha followed by alphanumerics, '+', '-' or '.' up to ':'.
// Written from the URL Standard, independently of core/url, to judge it.
inline std::string browser_normalised(std::string_view url) {
    size_t b = 0, e = url.size();
    while (b < e && static_cast<unsigned char>(url[b]) <= 0x20) ++b;
    while (e > b && static_cast<unsigned char>(url[e - 1]) <= 0x20) --e;
    std::string out;
    for (size_t i = b; i < e; ++i)
        if (url[i] != '\t' && url[i] != '\n' && url[i] != '\r') out += url[i];
    return out;
}

inline std::string browser_scheme(std::string_view url) {
    std::string s = browser_normalised(url);
    auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (s.empty() || !alpha(s[0])) return "";
    std::string scheme;
    for (char c : s) {
        if (c == ':') return scheme;
        if (!(alpha(c) || digit(c) || c == '+' || c == '-' || c == '.')) return "";
        scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return "";  // no ':': a relative reference
}

// True when a browser would run this href/src as script or as a document of
// the attacker's making: javascript:, vbscript:, data: (in an img src, only
// data:image/png|gif|jpeg|webp, which cannot run script, is allowed).
inline bool browser_script_url(std::string_view url, bool image) {
    std::string scheme = browser_scheme(url);
    if (scheme == "javascript" || scheme == "vbscript") return true;
    if (scheme != "data") return false;
    if (!image) return true;
    std::string s = browser_normalised(url);
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (const char* type : {"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"}) {
        std::string_view t(type);
        if (s.size() > t.size() && s.compare(0, t.size(), t) == 0 && (s[t.size()] == ';' || s[t.size()] == ','))
            return false;
    }
    return true;
}

}  // namespace fuzz

#define FUZZ_CHECK(cond, what)                                               \
    do {                                                                     \
        if (!(cond)) ::fuzz::fail(__FILE__, __LINE__, #cond, (what));        \
    } while (0)
