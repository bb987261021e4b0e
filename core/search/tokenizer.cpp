#include "core/search/tokenizer.hpp"

#include <algorithm>
#include <climits>

#include "api.h"  // Snowball's runtime: SN_env, SN_set_current
#include "core/search/stemmer_modules.h"
#include "core/search/unicode_table.hpp"
#include "core/util/utf8.hpp"

namespace blog {

namespace {

namespace ut = unicode_table;

// Word_Break values, in unicode_table.py's order (bits 0-4 of a property byte).
enum Wb : int {
    kOther, kCR, kLF, kNewline, kExtend, kZWJ, kRegionalIndicator, kFormat, kKatakana, kHebrewLetter,
    kALetter, kSingleQuote, kDoubleQuote, kMidNumLet, kMidLetter, kMidNum, kNumeric, kExtendNumLet, kWSegSpace,
};
constexpr int kNone = -1;  // before the text's start, after its end
constexpr uint8_t kPictographic = 0x20, kOtherAlnum = 0x40, kBigram = 0x80;

uint8_t props(unsigned cp) {
    if (cp < 128) return ut::kAsciiProps[cp];
    const uint32_t* end = ut::kPropStarts + ut::kPropCount;
    const uint32_t* at = std::upper_bound(ut::kPropStarts, end, cp);
    return ut::kPropValues[at - ut::kPropStarts - 1];
}

struct Char {
    unsigned cp;
    uint32_t length;  // bytes; an ill-formed sequence is one U+FFFD of its maximal subpart
};
Char char_at(std::string_view text, size_t i) {
    const Utf8Char ch = utf8_decode(text, i);
    if (ch.length == 0) return {0xFFFD, ch.maximal};
    return {ch.cp, ch.length};
}

bool ignorable(int wb) { return wb == kExtend || wb == kFormat || wb == kZWJ; }
// ' ‘ ’ ＇: UAX #29 keeps them inside a word (don't); the tokenizer splits there.
bool apostrophe(uint32_t cp) { return cp == 0x27 || cp == 0x2018 || cp == 0x2019 || cp == 0xFF07; }
bool ahletter(int wb) { return wb == kALetter || wb == kHebrewLetter; }
bool midnumletq(int wb) { return wb == kMidNumLet || wb == kSingleQuote; }
bool newline(int wb) { return wb == kNewline || wb == kCR || wb == kLF; }
bool word_char(uint8_t p) {
    const int wb = p & 0x1F;
    return wb == kALetter || wb == kHebrewLetter || wb == kNumeric || wb == kKatakana || (p & (kOtherAlnum | kBigram));
}

// Calls f(begin, end) for each UAX #29 word segment of text[0, n), in order.
// One pass; the look-ahead of WB6/WB7b/WB12 skips the Extend/Format/ZWJ run
// after a Mid* character once, so the work is linear.
template <class F>
void for_each_segment(std::string_view text, F&& f) {
    const size_t n = text.size();
    if (n == 0) return;
    Char c = char_at(text, 0);
    uint8_t p = props(c.cp);
    int prev_raw = p & 0x1F;  // the character just before the boundary looked at
    int left = prev_raw, left2 = kNone;  // the last two, Extend/Format/ZWJ skipped (WB4)
    int ri = left == kRegionalIndicator;  // Regional_Indicators in a row ending at `left`
    size_t start = 0;
    size_t i = c.length;
    // The first character after `from` that WB4 does not skip.
    const auto ahead = [&](size_t from) {
        while (from < n) {
            const Char a = char_at(text, from);
            const int wb = props(a.cp) & 0x1F;
            if (!ignorable(wb)) return wb;
            from += a.length;
        }
        return int(kNone);
    };
    while (i < n) {
        c = char_at(text, i);
        p = props(c.cp);
        const int right = p & 0x1F;
        bool join;
        if (prev_raw == kCR && right == kLF) join = true;                             // WB3
        else if (newline(prev_raw) || newline(right)) join = false;                     // WB3a, WB3b
        else if (prev_raw == kZWJ && (p & kPictographic)) join = true;                  // WB3c
        else if (prev_raw == kWSegSpace && right == kWSegSpace) join = true;            // WB3d
        else if (ignorable(right)) join = true;                                         // WB4
        else if (ahletter(left) && ahletter(right)) join = true;                        // WB5
        else if (left == kHebrewLetter && right == kSingleQuote) join = true;           // WB7a
        else if (ahletter(left) && (right == kMidLetter || midnumletq(right)))
            join = ahletter(ahead(i + c.length));                                        // WB6
        else if (ahletter(left2) && (left == kMidLetter || midnumletq(left)) && ahletter(right))
            join = true;                                                                 // WB7
        else if (left == kHebrewLetter && right == kDoubleQuote)
            join = ahead(i + c.length) == kHebrewLetter;                                 // WB7b
        else if (left2 == kHebrewLetter && left == kDoubleQuote && right == kHebrewLetter)
            join = true;                                                                 // WB7c
        else if (left == kNumeric && right == kNumeric) join = true;                    // WB8
        else if (ahletter(left) && right == kNumeric) join = true;                      // WB9
        else if (left == kNumeric && ahletter(right)) join = true;                      // WB10
        else if (left2 == kNumeric && (left == kMidNum || midnumletq(left)) && right == kNumeric)
            join = true;                                                                 // WB11
        else if (left == kNumeric && (right == kMidNum || midnumletq(right)))
            join = ahead(i + c.length) == kNumeric;                                      // WB12
        else if (left == kKatakana && right == kKatakana) join = true;                  // WB13
        else if ((ahletter(left) || left == kNumeric || left == kKatakana || left == kExtendNumLet) &&
                 right == kExtendNumLet)
            join = true;                                                                 // WB13a
        else if (left == kExtendNumLet && (ahletter(right) || right == kNumeric || right == kKatakana))
            join = true;                                                                 // WB13b
        else if (left == kRegionalIndicator && right == kRegionalIndicator) join = ri % 2 == 1;  // WB15, WB16
        else join = false;                                                               // WB999
        if (!join) {
            f(start, i);
            start = i;
        }
        // WB4: Extend/Format/ZWJ after anything but sot and a line break is skipped.
        if (!ignorable(right) || newline(left) || !join) {
            ri = right == kRegionalIndicator ? (left == kRegionalIndicator ? ri + 1 : 1) : 0;
            left2 = left;
            left = right;
        }
        prev_raw = right;
        i += c.length;
    }
    f(start, n);
}

// Appends the fold of `cp` by the runs of one table (unicode_table.py's
// layout); false when the table leaves it unchanged.
bool map_append(std::string& out, unsigned cp, const uint32_t* keys, const int32_t* values, size_t count,
                const char* pool) {
    const uint32_t key = (cp << 11) | 0x7FF;
    const uint32_t* at = std::upper_bound(keys, keys + count, key);
    if (at == keys) return false;
    const size_t k = at - keys - 1;
    const unsigned first = keys[k] >> 11, span = (keys[k] & 0x7FF) + 1;
    if (cp >= first + span) return false;
    const int32_t v = values[k];
    const int kind = v & 7;
    const int32_t payload = v >> 3;  // arithmetic shift: a negative delta stays negative
    switch (kind) {
        case 0: utf8_append(out, static_cast<unsigned>(static_cast<int32_t>(cp) + payload)); return true;
        case 1:
            if ((cp - first) % 2) return false;
            utf8_append(out, static_cast<unsigned>(static_cast<int32_t>(cp) + payload));
            return true;
        case 2: utf8_append(out, static_cast<unsigned>(payload)); return true;
        default: out.append(pool + (payload >> 5), payload & 31); return true;
    }
}

// Step 1 (normalise) of text appended to out; stops once out holds more than
// `cap` bytes (then returns false).
bool normalise_append(std::string& out, std::string_view text, size_t cap) {
    for (size_t i = 0; i < text.size();) {
        if (out.size() > cap) return false;
        const Char c = char_at(text, i);
        if (c.cp < 128) {
            const char a = text[i];
            out += a >= 'A' && a <= 'Z' ? char(a - 'A' + 'a') : a;
        } else if (!map_append(out, c.cp, ut::kNormKeys, ut::kNormValues, ut::kNormCount, ut::kNormPool)) {
            if (c.cp == 0xFFFD) utf8_append(out, c.cp);
            else out.append(text.substr(i, c.length));
        }
        i += c.length;
    }
    return out.size() <= cap;
}

// Step 3 (strip) of text appended to out.
void strip_append(std::string& out, std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        const Char c = char_at(text, i);
        if (c.cp >= 128 && map_append(out, c.cp, ut::kStripKeys, ut::kStripValues, ut::kStripCount, ut::kStripPool)) {
        } else if (c.cp == 0xFFFD) {
            utf8_append(out, c.cp);
        } else {
            out.append(text.substr(i, c.length));
        }
        i += c.length;
    }
}

const blog_stemmer_module* find_module(std::string_view language) {
    std::string code;
    for (char ch : language) {
        if (ch == '-' || ch == '_') break;
        if (code.size() > 32) return nullptr;
        code += ch >= 'A' && ch <= 'Z' ? char(ch - 'A' + 'a') : ch;
    }
    if (code.empty()) return nullptr;
    const std::string needle = " " + code + " ";
    for (const blog_stemmer_module* m = blog_stemmer_modules; m->name; ++m) {
        if (std::string_view(m->codes).find(needle) != std::string_view::npos) return m;
    }
    return nullptr;
}

}  // namespace

Tokenizer::Tokenizer(std::string_view language) : module_(find_module(language)) {
    if (module_) env_ = module_->create();
    if (!env_) module_ = nullptr;  // out of memory: no stemming
}

Tokenizer::~Tokenizer() {
    if (env_) module_->close(env_);
}

const char* Tokenizer::stemmer_name() const { return module_ ? module_->name : nullptr; }

std::string Tokenizer::normalise(std::string_view word) const {
    std::string out;
    out.reserve(word.size());
    normalise_append(out, word, SIZE_MAX);
    return out;
}

std::string Tokenizer::fold(std::string_view word) const {
    const std::string n = normalise(word);
    std::string out;
    out.reserve(n.size());
    strip_append(out, n);
    return out;
}

std::string Tokenizer::stem(std::string_view normalised) const {
    if (!env_ || normalised.size() > INT_MAX) return std::string(normalised);
    const auto* bytes = reinterpret_cast<const symbol*>(normalised.data());
    if (SN_set_current(env_, static_cast<int>(normalised.size()), bytes) < 0 || module_->stem(env_) < 0)
        return std::string(normalised);
    return std::string(reinterpret_cast<const char*>(env_->p), static_cast<size_t>(env_->l));
}

void Tokenizer::tokenize(std::string_view text, std::vector<Token>& out) const {
    if (text.size() > UINT32_MAX) text = text.substr(0, UINT32_MAX);
    uint32_t position = out.empty() ? 0 : out.back().position + 1;
    // The run of bigram characters not yet emitted: each [begin, end), its
    // Extend/Format/ZWJ included; it ends at any other character.
    std::vector<std::pair<uint32_t, uint32_t>> run;
    std::string scratch, term;
    const auto fold_capped = [&](std::string_view piece, std::string& into) {
        scratch.clear();
        normalise_append(scratch, piece, kMaxTermBytes);
        into.clear();
        strip_append(into, scratch);
    };
    const auto flush_run = [&] {
        std::string a, b;
        for (size_t k = 0; k < run.size(); ++k) {
            if (run.size() > 1 && k + 1 == run.size()) break;
            fold_capped(text.substr(run[k].first, run[k].second - run[k].first), a);
            Token t;
            t.begin = run[k].first;
            t.end = run[k].second;
            if (run.size() > 1) {
                fold_capped(text.substr(run[k + 1].first, run[k + 1].second - run[k + 1].first), b);
                a += b;
                t.end = run[k + 1].second;
            }
            t.term = utf8_truncate(a, kMaxTermBytes);
            t.position = position++;
            out.push_back(std::move(t));
        }
        run.clear();
    };
    const auto emit_word = [&](uint32_t begin, uint32_t end) {
        scratch.clear();
        const bool fits = normalise_append(scratch, text.substr(begin, end - begin), kMaxTermBytes);
        term.clear();
        if (fits && env_) strip_append(term, stem(scratch));
        else strip_append(term, scratch);
        Token t;
        t.term = utf8_truncate(term, kMaxTermBytes);
        if (t.term.empty()) return;
        t.begin = begin;
        t.end = end;
        t.position = position++;
        out.push_back(std::move(t));
    };
    for_each_segment(text, [&](size_t begin, size_t end) {
        // Pieces of the segment: bigram characters (each with the marks
        // after it) join the run; any other character ends the run, and
        // those between bigram characters make a word.
        size_t word_begin = begin;
        bool word_has_char = false;
        for (size_t i = begin; i < end;) {
            const Char c = char_at(text, i);
            const uint8_t p = props(c.cp);
            if (p & kBigram) {
                if (word_has_char) emit_word(uint32_t(word_begin), uint32_t(i));
                size_t j = i + c.length;
                while (j < end) {
                    const Char m = char_at(text, j);
                    if (!ignorable(props(m.cp) & 0x1F)) break;
                    j += m.length;
                }
                run.emplace_back(uint32_t(i), uint32_t(j));
                i = j;
                word_begin = j;
                word_has_char = false;
                continue;
            }
            if (!run.empty()) flush_run();
            if (apostrophe(c.cp)) {  // inside a word: its parts are words
                if (word_has_char) emit_word(uint32_t(word_begin), uint32_t(i));
                i += c.length;
                word_begin = i;
                word_has_char = false;
                continue;
            }
            word_has_char = word_has_char || word_char(p);
            i += c.length;
        }
        if (word_has_char) emit_word(uint32_t(word_begin), uint32_t(end));
    });
    flush_run();
}

std::vector<uint32_t> word_boundaries(std::string_view text) {
    std::vector<uint32_t> out;
    if (text.size() > UINT32_MAX) text = text.substr(0, UINT32_MAX);
    for_each_segment(text, [&](size_t begin, size_t end) {
        if (out.empty()) out.push_back(uint32_t(begin));
        out.push_back(uint32_t(end));
    });
    return out;
}

}  // namespace blog
