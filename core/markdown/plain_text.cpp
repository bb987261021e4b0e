#include "core/markdown/plain_text.hpp"

#include <algorithm>
#include <cstring>

#include "core/util/swar.hpp"

namespace blog {

namespace {

// "<!--more-->" found by a Horspool search (the marker's last byte, '>',
// compared first; each byte read says how far the marker can move), reading
// about one byte in nine of a post, rather than a stop at every '<'.
constexpr std::string_view kMore = "<!--more-->";
struct MoreSkip {
    unsigned char skip[256] = {};
    constexpr MoreSkip() {
        for (auto& k : skip) k = kMore.size();
        for (size_t i = 0; i + 1 < kMore.size(); ++i) skip[static_cast<unsigned char>(kMore[i])] = kMore.size() - 1 - i;
    }
};
constexpr MoreSkip kMoreSkip;

bool ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The length of the UTF-8 sequence a lead byte starts (the text is valid
// UTF-8: the renderer repairs its input).
size_t sequence_length(unsigned char c) { return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

// Go's unicode.IsSpace beyond ASCII, as UTF-8.
size_t wide_space(const unsigned char* p, size_t left) {
    if (left >= 2 && p[0] == 0xC2 && (p[1] == 0x85 || p[1] == 0xA0)) return 2;  // U+0085, U+00A0
    if (left < 3) return 0;
    if (p[0] == 0xE1 && p[1] == 0x9A && p[2] == 0x80) return 3;                   // U+1680
    if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] <= 0x8A || p[2] == 0xA8 || p[2] == 0xA9 || p[2] == 0xAF))
        return p[2] >= 0x80 ? 3 : 0;                                              // U+2000–200A, 2028, 2029, 202F
    if (p[0] == 0xE2 && p[1] == 0x81 && p[2] == 0x9F) return 3;                   // U+205F
    if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) return 3;                   // U+3000
    return 0;
}

// Han, Hangul, Hiragana and Katakana (Unicode 15's Scripts.txt, merged).
constexpr unsigned kCjk[][2] = {
    {0x1100, 0x11FF},   {0x2E80, 0x2E99},   {0x2E9B, 0x2EF3},   {0x2F00, 0x2FD5},   {0x3005, 0x3005},
    {0x3007, 0x3007},   {0x3021, 0x3029},   {0x302E, 0x302F},   {0x3038, 0x303B},   {0x3041, 0x3096},
    {0x309D, 0x309F},   {0x30A1, 0x30FA},   {0x30FD, 0x30FF},   {0x3131, 0x318E},   {0x31F0, 0x321E},
    {0x3260, 0x327E},   {0x32D0, 0x32FE},   {0x3300, 0x3357},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},
    {0xA960, 0xA97C},   {0xAC00, 0xD7A3},   {0xD7B0, 0xD7C6},   {0xD7CB, 0xD7FB},   {0xF900, 0xFA6D},
    {0xFA70, 0xFAD9},   {0xFF66, 0xFF6F},   {0xFF71, 0xFF9D},   {0xFFA0, 0xFFBE},   {0xFFC2, 0xFFC7},
    {0xFFCA, 0xFFCF},   {0xFFD2, 0xFFD7},   {0xFFDA, 0xFFDC},   {0x16FE2, 0x16FE3}, {0x16FF0, 0x16FF1},
    {0x1AFF0, 0x1AFF3}, {0x1AFF5, 0x1AFFB}, {0x1AFFD, 0x1AFFE}, {0x1B000, 0x1B122}, {0x1B132, 0x1B132},
    {0x1B150, 0x1B152}, {0x1B155, 0x1B155}, {0x1B164, 0x1B167}, {0x1F200, 0x1F200}, {0x20000, 0x2A6DF},
    {0x2A700, 0x2B739}, {0x2B740, 0x2B81D}, {0x2B820, 0x2CEA1}, {0x2CEB0, 0x2EBE0}, {0x2F800, 0x2FA1D},
    {0x30000, 0x3134A}, {0x31350, 0x323AF},
};

bool cjk_codepoint(unsigned cp) {
    if (cp < 0x1100) return false;
    const auto* end = std::end(kCjk);
    const auto* it = std::upper_bound(std::begin(kCjk), end, cp,
                                      [](unsigned v, const unsigned(&r)[2]) { return v < r[0]; });
    return it != std::begin(kCjk) && cp <= (it - 1)[0][1];
}

// Counts whitespace-separated words in an all-ASCII run (most of a post once
// the summary is taken); `in_word`: the text before ended inside a word.
size_t count_ascii_words(const char* text, size_t size, bool& in_word) {
    size_t n = 0, i = 0;
    bool word = in_word;
    if (swar::kEnabled && size >= 8) {
        // A word starts at a non-space byte after a space byte.
        uint64_t before = word ? 0 : 0x80;  // the high bit: the byte before was a space
        for (; i + 8 <= size; i += 8) {
            const uint64_t space = swar::space_bytes(swar::load(text + i));
            n += swar::count_bytes(~space & swar::k80 & ((space << 8) | before));
            before = space >> 56;
        }
        word = before == 0;
    }
    for (; i < size; ++i) {
        const bool space = ascii_space(static_cast<unsigned char>(text[i]));
        n += !space && !word;
        word = !space;
    }
    in_word = word;
    return n;
}

bool all_ascii(const char* s, size_t n) {
    size_t i = 0;
    if (swar::kEnabled)
        for (; i + 8 <= n; i += 8)
            if (swar::load(s + i) & swar::k80) return false;
    for (; i < n; ++i)
        if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
    return true;
}

std::string trimmed_spaces(std::string_view s) {
    const size_t b = s.find_first_not_of(" \n");
    if (b == std::string_view::npos) return {};
    const size_t e = s.find_last_not_of(" \n");
    std::string out(s.substr(b, e - b + 1));
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out;
}

}  // namespace

size_t unicode_space_at(std::string_view text, size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return ascii_space(c) ? 1 : 0;
    return wide_space(reinterpret_cast<const unsigned char*>(text.data()) + i, text.size() - i);
}

bool text_has_cjk(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0xE1) continue;  // every range starts at U+1100, three bytes or more
        unsigned cp = 0;
        const size_t len = sequence_length(c);
        if (i + len > text.size()) break;
        cp = c & (len == 3 ? 0x0F : 0x07);
        for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        if (cjk_codepoint(cp)) return true;
        i += len - 1;
    }
    return false;
}

PlainSummary plain_summary_sentence(std::string_view s, size_t words, bool more_follows) {
    // Hugo counts whitespace characters (each run is one in .Plain) and
    // stops at the words-th; the summary then goes on to the sentence's end.
    size_t spaces = 0, last = std::string_view::npos;
    for (size_t i = 0; i < s.size();) {
        const size_t sp = unicode_space_at(s, i);
        if (sp) {
            last = i;
            if (++spaces >= words) break;
            i += sp;
        } else {
            i += sequence_length(static_cast<unsigned char>(s[i]));
        }
    }
    if (last == std::string_view::npos) return {trimmed_spaces(s), false};
    const size_t end = s.find_first_of(".?!\n", last);
    if (end == std::string_view::npos) return {trimmed_spaces(s), false};
    return {trimmed_spaces(s.substr(0, end + 1)), end + 1 < s.size() || more_follows};
}

PlainSummary plain_summary_runes(std::string_view s, size_t words, bool more_follows) {
    PlainSummary out;
    size_t count = 0;
    for (size_t i = 0; i < s.size();) {
        if (size_t sp = unicode_space_at(s, i)) {
            i += sp;
            continue;
        }
        size_t end = i;
        size_t chars = 0;
        bool wide = false;
        while (end < s.size() && !unicode_space_at(s, end)) {
            const auto c = static_cast<unsigned char>(s[end]);
            wide |= c >= 0x80;
            end += sequence_length(c);
            ++chars;
        }
        end = std::min(end, s.size());
        if (count >= words) {
            out.truncated = true;
            return out;
        }
        const std::string_view word = s.substr(i, end - i);
        if (!out.text.empty()) out.text += ' ';
        if (!wide) {
            ++count;
        } else if (count + chars < words) {
            count += chars;
        } else {
            for (size_t k = 0; k < word.size(); k += sequence_length(static_cast<unsigned char>(word[k]))) {
                if (count >= words) {
                    out.text.append(word.substr(0, k));
                    out.truncated = true;
                    return out;
                }
                ++count;
            }
        }
        out.text.append(word);
        i = end;
    }
    out.truncated = more_follows && count >= words;
    return out;
}

PlainText::PlainText(const PlainTextRules& rules) : rules_(rules) {
    if (rules_.summary_words == 0) rules_.summary_words = 70;
}

size_t PlainText::reading_minutes() const {
    return rules_.cjk ? (words_ + 500) / 501 : (words_ + 212) / 213;
}

void PlainText::word_start() {
    in_word_ = true;
    in_space_ = false;
    word_chars_ = 0;
    word_wide_ = false;
    if (!rules_.cjk) ++words_;
}

void PlainText::word_end() {
    in_word_ = false;
    if (rules_.cjk) words_ += word_wide_ ? word_chars_ : 1;
    // The CJK summary is known once the count is over and the next word starts.
    if (collecting_ && rules_.cjk && !rules_.more_ahead && words_ >= rules_.summary_words) collecting_ = false;
}

// Text for the section being read: whitespace runs as one space, none at
// the start.
void PlainText::section_text(const char* s, size_t n) {
    std::string& to = in_heading_ ? heading_ : sections_.back().text;
    for (size_t i = 0; i < n;) {
        const auto c = static_cast<unsigned char>(s[i]);
        const size_t sp = c < 0x80 ? (ascii_space(c) ? 1 : 0) : wide_space(reinterpret_cast<const unsigned char*>(s) + i, n - i);
        if (sp) {
            if (!to.empty() && to.back() != ' ') to.push_back(' ');
            i += sp;
        } else {
            to.push_back(s[i++]);
        }
    }
}

void PlainText::heading_open() {
    if (!collect_sections_) return;
    in_heading_ = true;
    heading_.clear();
}

void PlainText::heading_close(std::string_view id) {
    if (!collect_sections_) return;
    in_heading_ = false;
    std::string& last = sections_.back().text;
    if (!last.empty() && last.back() == ' ') last.pop_back();
    while (!heading_.empty() && heading_.back() == ' ') heading_.pop_back();
    TextSection& s = sections_.emplace_back();
    s.heading_id = std::string(id);
    s.heading_text = std::move(heading_);
    heading_.clear();
}

void PlainText::whitespace(char kind) {
    if (collect_sections_) section_text(" ", 1);
    if (in_word_) word_end();
    if (in_space_) return;  // a run is one character of .Plain: its first
    in_space_ = true;
    if (!collecting_) {
        if (!rules_.cjk) after_ = true;
        return;
    }
    plain_.push_back(kind);
    ++spaces_;
    if (!rules_.cjk && !rules_.more_ahead && spaces_ >= rules_.summary_words) {
        if (kind == '\n') collecting_ = false;  // the sentence ends here
        else sentence_ = true;
    }
}

void PlainText::text(const char* s, size_t n) {
    if (collect_sections_) section_text(s, n);
    size_t i = 0;
    if (!collecting_ && !rules_.cjk && all_ascii(s, n)) {
        // Most of a post: only words are counted.
        if (n == 0) return;
        bool word = in_word_;
        words_ += count_ascii_words(s, n, word);
        after_ = true;
        in_space_ = !word && ascii_space(static_cast<unsigned char>(s[n - 1]));
        in_word_ = word;
        return;
    }
    const std::string_view t(s, n);
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (const size_t sp = c < 0x80 ? (ascii_space(c) ? 1 : 0) : wide_space(reinterpret_cast<const unsigned char*>(s) + i, n - i)) {
            whitespace(' ');
            i += sp;
            continue;
        }
        const size_t len = std::min(sequence_length(c), n - i);
        if (!in_word_) word_start();
        ++word_chars_;
        word_wide_ |= c >= 0x80;
        if (collecting_) {
            plain_.append(t.substr(i, len));
            if (sentence_ && (c == '.' || c == '?' || c == '!')) collecting_ = false;
        } else {
            after_ = true;
        }
        i += len;
    }
}

void PlainText::more() {
    if (more_seen_) return;
    if (in_word_) word_end();
    more_seen_ = true;
    words_at_more_ = words_;
    summary_ = trimmed_spaces(plain_);
    collecting_ = false;
    plain_.clear();
    plain_.shrink_to_fit();
}

void PlainText::html_block(std::string_view html) {
    const size_t b = html.find_first_not_of(" \t\r\n");
    const size_t e = html.find_last_not_of(" \t\r\n");
    if (b != std::string_view::npos && html.substr(b, e - b + 1) == kMore) more();
}

void PlainText::finish() {
    if (collect_sections_ && !sections_.back().text.empty() && sections_.back().text.back() == ' ')
        sections_.back().text.pop_back();
    if (in_word_) word_end();
    if (more_seen_) {
        truncated_ = words_ > words_at_more_;
        return;
    }
    const PlainSummary s = rules_.cjk ? plain_summary_runes(plain_, rules_.summary_words, after_)
                                      : plain_summary_sentence(plain_, rules_.summary_words, after_);
    summary_ = s.text;
    truncated_ = s.truncated;
}

bool text_has_more_marker(std::string_view text) {
    const size_t last = kMore.size() - 1;
    for (size_t i = last; i < text.size(); i += kMoreSkip.skip[static_cast<unsigned char>(text[i])]) {
        if (text[i] == '>' && std::memcmp(text.data() + i - last, kMore.data(), last) == 0) return true;
    }
    return false;
}

}  // namespace blog
