// Raw HTML made safe: the author's HTML in a post (Hugo's
// markup.goldmark.renderer.unsafe, the index's "rawHtml": "sanitize") kept
// where it is an element a post needs, and nothing that runs. An allowlist
// of elements and attributes, every URL judged by the caller as links are,
// everything re-serialised from our own parse (names lowercased, values
// escaped), the rest dropped and counted. Streaming: md4c hands raw HTML
// over in chunks that may split a tag anywhere, so one sanitizer lives for
// one document and is fed chunk by chunk.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/url/url.hpp"

namespace blog {

// Judges and rewrites one URL of an allowed attribute (href, src, srcset's
// candidates, poster): `url` holds the value with entities decoded; the
// filter may rewrite it in place (resolve it against the post) and returns
// false to drop the attribute.
using SanitizeUrlFilter = std::function<bool(std::string& url, UrlUse use)>;

class HtmlSanitizer {
public:
    explicit HtmlSanitizer(SanitizeUrlFilter url_filter = {});
    ~HtmlSanitizer();
    HtmlSanitizer(const HtmlSanitizer&) = delete;
    HtmlSanitizer& operator=(const HtmlSanitizer&) = delete;

    // Appends the safe form of the next chunk to `out`. A tag cut by the
    // chunk's end is kept back until the rest arrives.
    void feed(std::string_view chunk, std::string& out);
    // The document ends: a tag never finished is dropped; elements it
    // opened and did not close are closed, so the post's HTML cannot take
    // in the page's markup after it.
    void finish(std::string& out);

    // Elements and attributes dropped so far (a <script> and its content
    // count once).
    size_t dropped() const;

private:
    struct State;
    State* state_;
};

// The whole of `html` at once (a shortcode's output, a caption).
std::string html_sanitize(std::string_view html, const SanitizeUrlFilter& url_filter = {},
                          size_t* dropped = nullptr);

}  // namespace blog
