#include "core/search/search.hpp"

#include <algorithm>

#include "core/html/escape.hpp"
#include "core/util/utf8.hpp"

namespace blog {

namespace {

// One character of `text` at `i`: its code point and length in bytes; a byte
// that does not start a well-formed sequence is a character of its own
// (length 1, code point kBad).
constexpr unsigned kBad = 0xFFFFFFFFu;

unsigned decode(std::string_view text, size_t i, size_t& len) {
    const Utf8Char ch = utf8_decode(text, i);
    len = ch.length ? ch.length : 1;
    return ch.length ? ch.cp : kBad;
}

// The ASCII letter of each code point U+00C0..U+017F (Latin-1 Supplement's
// letters and Latin Extended-A): '=' keeps the character (× and ÷), '*' is
// one of the two-letter folds of two_letters.
constexpr char kLatin[] =
    "aaaaaa*ceeeeiiii" "dnooooo=ouuuuy**"  // U+00C0..U+00DF
    "aaaaaa*ceeeeiiii" "dnooooo=ouuuuy*y"  // U+00E0..U+00FF
    "aaaaaaccccccccdd" "ddeeeeeeeeeegggg"  // U+0100..U+011F
    "gggghhhhiiiiiiii" "ii**jjkkklllllll"  // U+0120..U+013F
    "lllnnnnnnnnnoooo" "oo**rrrrrrssssss"  // U+0140..U+015F
    "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs"; // U+0160..U+017F
static_assert(sizeof kLatin - 1 == 0x180 - 0xC0, "one letter per code point");

const char* two_letters(unsigned cp) {
    switch (cp) {
        case 0xC6: case 0xE6: return "ae";    // Æ æ
        case 0xDE: case 0xFE: return "th";    // Þ þ
        case 0xDF: return "ss";               // ß
        case 0x132: case 0x133: return "ij";  // Ĳ ĳ
        case 0x152: case 0x153: return "oe";  // Œ œ
    }
    return "";
}

bool is_combining(unsigned cp) { return cp >= 0x300 && cp <= 0x36F; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

void search_fold_append(std::string& out, std::string_view text, std::vector<uint32_t>* from) {
    for (size_t i = 0; i < text.size();) {
        size_t len = 1;
        const unsigned cp = decode(text, i, len);
        const size_t before = out.size();
        if (cp < 0x80) {
            const char c = text[i];
            out += c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
        } else if (cp >= 0xC0 && cp < 0x180) {
            const char letter = kLatin[cp - 0xC0];
            if (letter == '=') out.append(text.substr(i, len));
            else if (letter == '*') out += two_letters(cp);
            else out += letter;
        } else if (is_combining(cp)) {
            // dropped: "e" + U+0301 is "é", which is "e"
        } else if (cp == 0x2018 || cp == 0x2019) {
            out += '\'';
        } else if (cp == 0x201C || cp == 0x201D) {
            out += '"';
        } else if (cp == 0xA0) {
            out += ' ';
        } else {
            out.append(text.substr(i, len));
        }
        if (from) from->insert(from->end(), out.size() - before, static_cast<uint32_t>(i));
        i += len;
    }
}

std::string search_fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    search_fold_append(out, text);
    return out;
}

std::vector<std::string> search_words(std::string_view query) {
    const std::string folded = search_fold(query);
    std::vector<std::string> words;
    for (size_t i = 0; i < folded.size();) {
        while (i < folded.size() && is_space(folded[i])) ++i;
        size_t end = i;
        while (end < folded.size() && !is_space(folded[end])) ++end;
        if (end > i) {
            std::string word = folded.substr(i, end - i);
            if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(std::move(word));
        }
        i = end;
    }
    return words;
}

SearchIndex search_index_build(const SiteIndex& site) {
    SearchIndex index;
    for (const Post* post : index_listed(site)) {
        SearchEntry e;
        e.post = static_cast<size_t>(post - site.posts.data());
        e.title = search_fold(post->title);
        if (post->summary) e.summary = search_fold(*post->summary);
        for (const std::string& tag : post->tags) e.tags.push_back(search_fold(tag));
        index.entries.push_back(std::move(e));
    }
    return index;
}

std::vector<SearchHit> search_run(const SearchIndex& index, const std::vector<std::string>& words) {
    std::vector<SearchHit> hits;
    if (words.empty()) return hits;
    for (const SearchEntry& e : index.entries) {
        SearchHit hit{e.post, 0, 0};
        bool all = true;
        for (const std::string& w : words) {
            const bool title = e.title.find(w) != std::string::npos;
            const bool tag = std::any_of(e.tags.begin(), e.tags.end(),
                                         [&](const std::string& t) { return t.find(w) != std::string::npos; });
            if (!title && !tag && e.summary.find(w) == std::string::npos) {
                all = false;
                break;
            }
            hit.title_words += title;
            hit.tag_words += tag;
        }
        if (all) hits.push_back(hit);
    }
    // Stable: the index's order (newest first) within a rank.
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
        if (a.title_words != b.title_words) return a.title_words > b.title_words;
        return a.tag_words > b.tag_words;
    });
    return hits;
}

std::string search_highlight(std::string_view text, const std::vector<std::string>& words) {
    std::string folded;
    std::vector<uint32_t> from;
    search_fold_append(folded, text, &from);
    // Stretches of `text` [begin, end) where a word was found.
    std::vector<std::pair<size_t, size_t>> found;
    for (const std::string& w : words) {
        if (w.empty()) continue;
        for (size_t at = folded.find(w); at != std::string::npos; at = folded.find(w, at + 1)) {
            const size_t begin = from[at];
            size_t end = from[at + w.size() - 1], len = 1;
            decode(text, end, len);
            end += len;
            // The combining marks on the last character belong to it.
            for (size_t mark_len = 1; end < text.size() && is_combining(decode(text, end, mark_len));) end += mark_len;
            found.emplace_back(begin, end);
        }
    }
    std::sort(found.begin(), found.end());
    std::string out;
    out.reserve(text.size() + found.size() * 13);
    size_t done = 0;
    for (size_t i = 0; i < found.size();) {
        const size_t begin = std::max(found[i].first, done);
        size_t end = found[i].second;
        for (++i; i < found.size() && found[i].first <= end; ++i) end = std::max(end, found[i].second);
        if (end <= begin) continue;
        html_escape_append(out, text.substr(done, begin - done));
        out += "<mark>";
        html_escape_append(out, text.substr(begin, end - begin));
        out += "</mark>";
        done = end;
    }
    html_escape_append(out, text.substr(done));
    return out;
}

}  // namespace blog
