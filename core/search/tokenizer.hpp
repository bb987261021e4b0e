// The tokenizer of full-text search (core/search/fulltext.hpp): a text cut
// into words (Unicode word breaking, UAX #29), each folded (case and
// diacritics) and stemmed (Snowball, per language); CJK text as overlapping
// character bigrams. The index and the query go through the same
// Tokenizer, so that they agree on every term.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace blog {

struct Token {
    std::string term;    // folded (and stemmed)
    uint32_t begin, end; // [begin, end): the word's bytes in the input
    uint32_t position;   // word number (phrases: adjacent words have adjacent positions)
};

class Tokenizer {
public:
    // A language tag: "en", "en-us", "fr-FR", "zh-cn"; "" (or one without a
    // stemmer): no stemming.
    explicit Tokenizer(std::string_view language);

    // Appends the tokens of `text` to `out`; positions continue from
    // out.back().position + 1 (0 when `out` is empty).
    void tokenize(std::string_view text, std::vector<Token>& out) const;
    // A word folded: case and diacritics, no stemming.
    std::string fold(std::string_view word) const;
    // A folded word stemmed (Snowball for the language), or unchanged.
    std::string stem(std::string_view folded) const;
    // The Snowball stemmer's name ("english"), or nullptr without one.
    const char* stemmer_name() const;

private:
    bool english_ = false;
};

}  // namespace blog
