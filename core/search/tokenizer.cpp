// INTERIM tokenizer, to be replaced on merge by the real one (UAX #29 word
// breaking, full case folding and diacritic removal, Snowball stemmers),
// written in another branch against the same header. This one: words are
// runs of ASCII letters and digits and of code points from U+00C0 up that
// are not CJK, spaces or punctuation; folding is search_fold_append's;
// CJK code points (U+3040–U+30FF, U+3400–U+9FFF, U+AC00–U+D7AF) become
// overlapping bigrams (a lone one a unigram); "english" stemming strips a
// trailing "s" only. Nothing else of the project may depend on these quirks.
#include "core/search/tokenizer.hpp"

#include "core/search/search.hpp"
#include "core/util/utf8.hpp"

namespace blog {

namespace {

bool cjk(unsigned cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF);
}

bool word_char(unsigned cp) {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows…
    if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
    if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
    if (cp >= 0xFF00 && cp <= 0xFF20) return false;  // full-width punctuation and digits' neighbours
    return true;
}

}  // namespace

Tokenizer::Tokenizer(std::string_view language) {
    english_ = language.size() >= 2 && (language[0] | 0x20) == 'e' && (language[1] | 0x20) == 'n' &&
               (language.size() == 2 || language[2] == '-' || language[2] == '_');
}

const char* Tokenizer::stemmer_name() const { return english_ ? "english" : nullptr; }

std::string Tokenizer::fold(std::string_view word) const {
    std::string out;
    search_fold_append(out, word);
    return out;
}

std::string Tokenizer::stem(std::string_view folded) const {
    std::string s(folded);
    if (english_ && s.size() > 3 && s.back() == 's' && s[s.size() - 2] != 's') s.pop_back();
    return s;
}

void Tokenizer::tokenize(std::string_view text, std::vector<Token>& out) const {
    uint32_t position = out.empty() ? 0 : out.back().position + 1;
    size_t i = 0;
    size_t word_begin = std::string_view::npos;
    // CJK: the previous CJK character's start, for the bigram it ends.
    size_t cjk_prev = std::string_view::npos, cjk_prev_end = 0;
    bool cjk_emitted = false;  // the run so far gave a bigram
    const auto end_word = [&](size_t at) {
        if (word_begin == std::string_view::npos) return;
        const std::string_view w = text.substr(word_begin, at - word_begin);
        out.push_back({stem(fold(w)), uint32_t(word_begin), uint32_t(at), position++});
        word_begin = std::string_view::npos;
    };
    const auto end_cjk = [&]() {
        if (cjk_prev != std::string_view::npos && !cjk_emitted)  // a lone character: a unigram
            out.push_back({std::string(text.substr(cjk_prev, cjk_prev_end - cjk_prev)), uint32_t(cjk_prev),
                           uint32_t(cjk_prev_end), position++});
        cjk_prev = std::string_view::npos;
        cjk_emitted = false;
    };
    while (i < text.size()) {
        const size_t at = i;
        unsigned cp = 0;
        if (!utf8_next(text, i, cp)) {  // an ill-formed byte breaks words
            end_word(at);
            end_cjk();
            ++i;
            continue;
        }
        if (cjk(cp)) {
            end_word(at);
            if (cjk_prev != std::string_view::npos) {
                out.push_back({std::string(text.substr(cjk_prev, i - cjk_prev)), uint32_t(cjk_prev), uint32_t(i), position++});
                cjk_emitted = true;
            }
            cjk_prev = at;
            cjk_prev_end = i;
        } else if (word_char(cp)) {
            end_cjk();
            if (word_begin == std::string_view::npos) word_begin = at;
        } else {
            end_word(at);
            end_cjk();
        }
    }
    end_word(text.size());
    end_cjk();
}

}  // namespace blog
