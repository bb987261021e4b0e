// The HTML a Markdown render writes, and md4c's pieces it is written from:
// an output buffer built for many small appends, text escaped as md4c-html
// escapes it, entities decoded, and md4c's attributes (href, src, title,
// info string) read as text or written as a URL. The buffer and the
// escaper are inline: they run for every piece of a post's output.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/util/swar.hpp"

extern "C" {
#include "md4c.h"
}

// Forced inlining for the small helpers called for every piece of output.
// The wasm build compiles the renderer at -O3 after the core's -Oz, and
// Emscripten (3.1.6) keeps -Oz's -fno-inline-functions for it: without the
// attribute every function, however small, stays a call.
#define BLOG_MD_INLINE inline __attribute__((always_inline))

namespace blog {

// The HTML being written. Most pieces are a few bytes (a tag, a word between
// two entities); std::string's append costs a call into libc++ and one into
// memcpy for each (wasm: 18% of a render). Here a piece up to 16 bytes is
// copied with no memcpy call, and an entity with no call at all. The bytes
// live in a std::string sized ahead of the writes (its size is the room,
// `used_` the HTML), so the result is moved out, not copied.
class HtmlOutput {
public:
    void reserve(size_t n) {
        if (n > buf_.size()) buf_.resize(n);
    }
    size_t size() const { return used_; }
    const char* data() const { return buf_.data(); }
    void clear() { used_ = 0; }

    void append(const char* s, size_t n) {
        if (n > buf_.size() - used_) grow(n);
        char* d = &buf_[used_];
        used_ += n;
        if (n >= 8 && n <= 16) {  // two 8-byte copies, overlapping
            std::memcpy(d, s, 8);
            std::memcpy(d + n - 8, s + n - 8, 8);
        } else if (n < 8) {
            for (size_t i = 0; i < n; ++i) d[i] = s[i];
        } else {
            std::memcpy(d, s, n);
        }
    }
    void append(std::string_view s) { append(s.data(), s.size()); }
    void append(const HtmlOutput& other) { append(other.data(), other.size()); }
    // A string literal: its length known, copied with no call.
    template <size_t N>
    BLOG_MD_INLINE void append_literal(const char (&literal)[N]) {
        if (N - 1 > buf_.size() - used_) grow(N - 1);
        std::memcpy(&buf_[used_], literal, N - 1);
        used_ += N - 1;
    }

    // Text escaped as md4c-html escapes it (& < > "). A NUL byte, which md4c
    // passes on in code spans, is dropped, as md4c-html drops it. Runs
    // between those bytes are appended whole.
    void append_escaped(const char* text, size_t size) {
        size_t begin = 0, i = 0;
        for (;;) {
            if (swar::kEnabled) {
                for (; i + 8 <= size; i += 8) {
                    if (uint64_t m = swar::escaped_first(swar::load(text + i))) {
                        i += size_t(__builtin_ctzll(m)) / 8;
                        break;
                    }
                }
            }
            for (; i < size; ++i) {
                const char c = text[i];
                if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\0') break;
            }
            if (i >= size) break;
            append(text + begin, i - begin);
            switch (text[i]) {
                case '&': append_literal("&amp;"); break;
                case '<': append_literal("&lt;"); break;
                case '>': append_literal("&gt;"); break;
                case '"': append_literal("&quot;"); break;
                default: break;  // NUL
            }
            begin = ++i;
        }
        append(text + begin, size - begin);
    }
    void append_escaped(std::string_view s) { append_escaped(s.data(), s.size()); }

    void erase(size_t pos, size_t n) {
        std::memmove(&buf_[pos], &buf_[pos + n], used_ - pos - n);
        used_ -= n;
    }

    // The HTML; the buffer is left empty.
    std::string take() {
        buf_.resize(used_);
        used_ = 0;
        return std::move(buf_);
    }

private:
    void grow(size_t n) { buf_.resize(std::max(buf_.size() * 2, used_ + n) + 64); }

    std::string buf_;
    size_t used_ = 0;
};

// Appends an entity as md4c reports it ("&amp;", "&#65;", "&#x41;"),
// decoded; an unknown named entity is appended as it is.
void md_entity_append(std::string& out, const char* text, size_t size);

// An md4c attribute (href, src, title, info string) with entities decoded.
std::string md_attribute_text(const MD_ATTRIBUTE& attr);

// The same, as a view: of md4c's text when the attribute is one run of
// plain text (most link targets and titles), else of `buffer`, which holds
// the decoded text. Valid until md4c's callback returns or `buffer` changes.
std::string_view md_attribute_view(const MD_ATTRIBUTE& attr, std::string& buffer);

// Appends a link or image URL as md4c-html writes it: entities decoded, then
// percent-encoded, except that a NUL's U+FFFD replacement is written as it is.
void md_url_append(std::string& out, const MD_ATTRIBUTE& attr);

}  // namespace blog
