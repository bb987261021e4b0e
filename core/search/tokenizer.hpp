// The full-text search's one tokenizer: the native tool runs it over the
// posts to write the index, the browser (wasm) runs it over the reader's
// query, so the terms of both sides are made by the same code and tables.
//
// A text is split into words by UAX #29 (Unicode's word boundaries, the
// rules WB1-WB999 over the Word_Break property); only a segment holding a
// letter, number or ideograph is a word, and a word with an apostrophe
// inside (' ‘ ’ ＇) is cut there into words of their own: "l'homme" is l and
// homme, "don't" don and t, "Kubernetes's" kubernetes and s, so that "homme"
// finds "l'homme" (French and Italian elision) and a query typed with or
// without the apostrophe's parts meets the text. Each word becomes a term:
//   1. normalised: full case folding (C + F), full-width and half-width forms
//      as their usual ones, ’ and ‘ as ' (for fold(); tokens hold none);
//   2. stemmed by the language's Snowball stemmer, when it has one;
//   3. stripped: diacritics dropped (the canonical decomposition's base, "é" e,
//      "ὀ" ο, "ç" c), and the letters without one folded as search_fold does
//      (æ ae, ø o, ł l, đ d, ß ss, þ th, œ oe).
// Stemming sits between the two folds because Snowball's algorithms read the
// diacritics ("été", "Häuser"). A word typed without its accents can stem
// differently from the accented one; both sides strip them afterwards.
// Turkish: I, İ, ı and i all fold to i (the default case folding plus ı i),
// so that "ILIK", "ılık" and "ilik" meet; Turkish's dotless/dotted contrast is
// given up for that.
// Text written without spaces (Han, Hiragana, Katakana, Hangul) is cut into
// overlapping bigrams of characters ("東京都" 東京 京都; one character alone is
// a unigram), each a term with its own position, not stemmed; a query
// tokenized the same way finds them as a phrase. A run of such characters
// ends at any other character (a space, a Latin letter, punctuation).
//
// Bounds: a term holds at most kMaxTermBytes bytes (a longer word is cut at
// a character boundary and not stemmed: it is not a word of a language, but
// a hash, a URL part, base64); the work is linear in the input's size. Bytes
// that are not UTF-8 are U+FFFD (not a letter): they split words. Offsets are
// 32-bit: of a text of 4 GiB or more, only the first 4 GiB - 1 bytes are read.
//
// A Tokenizer holds its stemmer's working memory: one per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct SN_env;
struct blog_stemmer_module;

namespace blog {

struct Token {
    std::string term;    // folded, stemmed (see above)
    uint32_t begin = 0;  // [begin, end): the word's bytes in the input (a bigram: its two characters)
    uint32_t end = 0;
    uint32_t position = 0;  // the term's number in the text (for phrases)
};

inline constexpr size_t kMaxTermBytes = 64;

class Tokenizer {
   public:
    // `language`: a BCP 47 tag or Hugo languageCode ("en", "en-US", "fr-FR",
    // "pt_BR", "nb"), of which the primary subtag picks the stemmer; also
    // Snowball's own names ("english"). "" or a language Snowball has no
    // stemmer for (zh, ja, ko, ...): no stemming.
    explicit Tokenizer(std::string_view language);
    ~Tokenizer();
    Tokenizer(const Tokenizer&) = delete;
    Tokenizer& operator=(const Tokenizer&) = delete;

    // Appends the tokens of `text` to `out`; their positions continue from
    // out.back()'s (0 when `out` is empty).
    void tokenize(std::string_view text, std::vector<Token>& out) const;
    // `word` normalised and stripped (steps 1 and 3), not stemmed, no length cap.
    std::string fold(std::string_view word) const;
    // `normalised` (step 1's output) stemmed: Snowball for the language, or
    // unchanged (no stemmer, or out of memory).
    std::string stem(std::string_view normalised) const;
    // Step 1 alone (case folding), for callers that stem themselves.
    std::string normalise(std::string_view word) const;
    // Snowball's name of the stemmer ("english"), or nullptr.
    const char* stemmer_name() const;

   private:
    const ::blog_stemmer_module* module_ = nullptr;
    SN_env* env_ = nullptr;  // owned; Snowball's working memory, written by stem()
};

// The UAX #29 word boundaries of `text` as byte offsets, 0 and text.size()
// included (none for an empty text). Ill-formed bytes count as U+FFFD.
std::vector<uint32_t> word_boundaries(std::string_view text);

}  // namespace blog
