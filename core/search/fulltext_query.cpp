#include "core/search/fulltext_query.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "core/html/escape.hpp"
#include "core/util/utf8.hpp"

namespace blog {

namespace {

constexpr double kK1 = 1.2, kB = 0.75;
constexpr double kPrefixWeight = 0.8, kTypoWeight = 0.6;

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool starts_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.compare(0, p.size(), p) == 0; }

size_t char_count(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// The first character's bytes.
std::string_view first_char(std::string_view s) {
    size_t n = 1;
    while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
    return s.substr(0, std::min(n, s.size()));
}

// One edit at most between a and b (optimal string alignment: a byte
// changed, added or dropped, or two adjacent ones swapped).
bool within_one_edit(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (i == a.size()) return true;
    if (a.size() < b.size()) return a.substr(i) == b.substr(i + 1);
    if (a.substr(i + 1) == b.substr(i + 1)) return true;
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
}

size_t shard_of(const FulltextManifest& m, std::string_view term) {
    const auto it = std::upper_bound(m.shard_starts.begin(), m.shard_starts.end(), term,
                                     [](std::string_view t, const std::string& s) { return t < s; });
    return size_t(it - m.shard_starts.begin()) - 1;  // starts[0] is "": never before the first
}

// The shards [first, last] that may hold terms starting with `p`.
std::pair<size_t, size_t> prefix_range(const FulltextManifest& m, std::string_view p) {
    const size_t first = shard_of(m, p);
    size_t last = first;
    while (last + 1 < m.shard_starts.size() && starts_with(m.shard_starts[last + 1], p)) ++last;
    return {first, last};
}

std::vector<size_t> prefix_shards(const FulltextManifest& m, std::string_view p) {
    const auto [first, last] = prefix_range(m, p);
    std::vector<size_t> out;
    for (size_t i = first; i <= last && out.size() < kFulltextPrefixShards; ++i) out.push_back(i);
    return out;
}

// A typo's shards: those of the word's first character's range nearest the word's own.
std::vector<size_t> typo_shards(const FulltextManifest& m, const FulltextClause& c) {
    const auto [first, last] = prefix_range(m, first_char(c.terms[0]));
    const size_t own = shard_of(m, c.terms[0]);
    size_t lo = own, hi = own;
    while (hi - lo + 1 < kFulltextTypoShards && (lo > first || hi < last)) {
        if (hi < last) ++hi;
        if (hi - lo + 1 < kFulltextTypoShards && lo > first) --lo;
    }
    std::vector<size_t> out;
    for (size_t i = lo; i <= hi; ++i) out.push_back(i);
    return out;
}

// The stems of every word one edit from `folded` (a letter dropped, two
// swapped, one changed or added: a–z and the word's own letters), the first
// letter kept, as a typo's shards hold only words starting with it.
std::vector<std::string> one_edit_stems(const std::string& folded, const Tokenizer& tokenizer) {
    std::vector<std::string> chars;  // the word's characters, whole
    for (size_t i = 0; i < folded.size();) {
        size_t n = 1;
        while (i + n < folded.size() && (static_cast<unsigned char>(folded[i + n]) & 0xC0) == 0x80) ++n;
        chars.emplace_back(folded, i, n);
        i += n;
    }
    if (chars.size() > kFulltextTypoVariantChars) return {};
    std::set<std::string> letters(chars.begin(), chars.end());
    for (char l = 'a'; l <= 'z'; ++l) letters.insert(std::string(1, l));
    std::set<std::string> stems;
    auto add = [&](const std::vector<std::string>& word) {
        std::string w;
        for (const std::string& c : word) w += c;
        stems.insert(tokenizer.stem(w));
    };
    for (size_t i = 1; i <= chars.size(); ++i) {
        std::vector<std::string> w = chars;
        if (i < chars.size()) {
            w.erase(w.begin() + long(i));  // dropped
            add(w);
            if (i + 1 < chars.size()) {  // swapped
                w = chars;
                std::swap(w[i], w[i + 1]);
                add(w);
            }
        }
        for (const std::string& l : letters) {
            w = chars;
            w.insert(w.begin() + long(i), l);  // added
            add(w);
            if (i < chars.size() && l != chars[i]) {  // changed
                w = chars;
                w[i] = l;
                add(w);
            }
        }
    }
    return {stems.begin(), stems.end()};
}

bool prefix_usable(const FulltextClause& c) { return c.prefix && c.folded.size() >= 2; }

struct Alternative {
    std::string_view term, postings;
    uint32_t docs;
    double weight;
};

// The term in the shards given, or nothing.
const FulltextShard* shard_given(const FulltextManifest& m, const FulltextShards& shards, size_t i) {
    const auto it = shards.find(m.shard_files[i]);
    return it == shards.end() ? nullptr : &it->second;
}

bool find_term(const FulltextManifest& m, const FulltextShards& shards, std::string_view term, Alternative& out) {
    const FulltextShard* s = shard_given(m, shards, shard_of(m, term));
    if (!s) return false;
    const auto it = std::lower_bound(s->terms.begin(), s->terms.end(), term,
                                     [](const std::string& a, std::string_view b) { return a < b; });
    if (it == s->terms.end() || *it != term) return false;
    const size_t k = size_t(it - s->terms.begin());
    out = {s->terms[k], s->postings[k], s->doc_counts[k], 1.0};
    return true;
}

// The most frequent of `found` (ties in term order), at most `limit`.
void keep_most_frequent(std::vector<Alternative>& found, size_t limit) {
    std::sort(found.begin(), found.end(), [](const Alternative& a, const Alternative& b) {
        return a.docs != b.docs ? a.docs > b.docs : a.term < b.term;
    });
    if (found.size() > limit) found.resize(limit);
}

struct Match {
    double score = 0;
    std::vector<uint32_t> positions;
};
using Matches = std::unordered_map<uint32_t, Match>;

class Ranker {
public:
    explicit Ranker(const FulltextManifest& m) : m_(m) {}

    double idf(uint32_t docs) const {
        const double n = double(m_.docs), df = std::min<double>(docs, n);
        return std::log(1 + (n - df + 0.5) / (df + 0.5));
    }

    double bm25f(const std::array<uint32_t, kFieldCount>& tf, uint32_t doc, double idf) const {
        double t = 0;
        for (size_t f = 0; f < kFieldCount; ++f) {
            if (!tf[f]) continue;
            const double avg = m_.average[f] > 0 ? m_.average[f] : 1;
            const double len = fulltext_length_decode(m_.lengths[doc][f]);
            t += m_.weights[f] * tf[f] / (1 - kB + kB * len / avg);
        }
        return idf * t * (kK1 + 1) / (kK1 + t);
    }

    // A word: each post's best alternative.
    Matches word(const std::vector<Alternative>& alternatives) const {
        Matches out;
        for (const Alternative& a : alternatives) {
            const double w = idf(a.docs) * a.weight;
            for (const FulltextPosting& p : fulltext_postings_decode(a.postings)) {
                if (p.doc >= m_.docs) continue;
                Match& match = out[p.doc];
                match.score = std::max(match.score, bm25f(p.tf, p.doc, w));
                append(match.positions, p.positions);
            }
        }
        return out;
    }

    // A phrase: the posts with its terms at adjacent positions, counted per
    // field of the first word.
    Matches phrase(const std::vector<Alternative>& terms) const {
        Matches out;
        std::vector<std::vector<FulltextPosting>> lists;
        double w = 0;
        for (const Alternative& a : terms) {
            lists.push_back(fulltext_postings_decode(a.postings));
            w += idf(a.docs);
        }
        std::vector<size_t> at(lists.size(), 0);
        for (const FulltextPosting& first : lists[0]) {
            if (first.doc >= m_.docs) continue;
            std::vector<const FulltextPosting*> in_doc{&first};
            for (size_t k = 1; k < lists.size(); ++k) {
                while (at[k] < lists[k].size() && lists[k][at[k]].doc < first.doc) ++at[k];
                if (at[k] == lists[k].size() || lists[k][at[k]].doc != first.doc) break;
                in_doc.push_back(&lists[k][at[k]]);
            }
            if (in_doc.size() != lists.size()) continue;
            std::array<uint32_t, kFieldCount> tf{};
            std::vector<uint32_t> positions;
            for (size_t i = 0; i < first.positions.size(); ++i) {
                const uint32_t p = first.positions[i];
                bool all = true;
                for (size_t k = 1; k < in_doc.size() && all; ++k)
                    all = std::binary_search(in_doc[k]->positions.begin(), in_doc[k]->positions.end(), p + uint32_t(k));
                if (!all) continue;
                ++tf[first.fields[i]];
                for (size_t k = 0; k < in_doc.size(); ++k) positions.push_back(p + uint32_t(k));
            }
            if (positions.empty()) continue;
            Match& match = out[first.doc];
            match.score = bm25f(tf, first.doc, w);
            append(match.positions, positions);
        }
        return out;
    }

    static void append(std::vector<uint32_t>& to, const std::vector<uint32_t>& from) {
        for (uint32_t p : from) {
            if (to.size() >= kFulltextHitPositions) return;
            to.push_back(p);
        }
    }

private:
    const FulltextManifest& m_;
};

}  // namespace

FulltextQuery fulltext_query_parse(std::string_view query, const Tokenizer& tokenizer) {
    FulltextQuery out;
    if (query.size() > kFulltextQueryBytes) {
        query = query.substr(0, utf8_truncate(query, kFulltextQueryBytes).size());
        out.truncated = true;
    }
    const bool open_end = !out.truncated && !query.empty() && !is_space(query.back()) && query.back() != '"';
    size_t terms = 0;
    bool last_is_word = false;
    const auto add = [&](FulltextClause c) {
        if (c.terms.empty()) return;
        if (terms + c.terms.size() > kFulltextQueryTerms) {
            out.truncated = true;
            return;
        }
        for (FulltextClause& seen : out.clauses)
            if (seen.terms == c.terms) {
                seen.prefix = c.prefix;
                seen.folded = c.folded;
                return;
            }
        terms += c.terms.size();
        out.clauses.push_back(std::move(c));
    };
    std::vector<Token> tokens;
    size_t i = 0;
    while (i < query.size()) {
        if (is_space(query[i])) {
            ++i;
            continue;
        }
        tokens.clear();
        if (query[i] == '"') {  // a phrase, to the next quote or the end
            size_t end = query.find('"', i + 1);
            if (end == std::string_view::npos) end = query.size();
            tokenizer.tokenize(query.substr(i + 1, end - i - 1), tokens);
            FulltextClause c;
            for (Token& t : tokens) c.terms.push_back(std::move(t.term));
            add(std::move(c));
            last_is_word = false;
            i = end + 1;
            continue;
        }
        size_t end = i;
        while (end < query.size() && !is_space(query[end]) && query[end] != '"') ++end;
        const std::string_view word = query.substr(i, end - i);
        tokenizer.tokenize(word, tokens);
        FulltextClause c;
        for (Token& t : tokens) c.terms.push_back(std::move(t.term));
        if (tokens.size() == 1) {
            c.folded = tokenizer.fold(word.substr(tokens[0].begin, tokens[0].end - tokens[0].begin));
            const size_t chars = char_count(c.folded);
            c.typo = chars + 1 >= kFulltextTypoChars;
            c.typo_longer_only = chars < kFulltextTypoChars;
            if (c.typo) c.typo_terms = one_edit_stems(c.folded, tokenizer);
        }
        last_is_word = tokens.size() == 1 && end == query.size();
        add(std::move(c));
        i = end;
    }
    if (open_end && last_is_word && !out.clauses.empty() && out.clauses.back().terms.size() == 1)
        out.clauses.back().prefix = true;
    return out;
}

std::vector<std::string> fulltext_query_shards(const FulltextManifest& m, const FulltextQuery& q) {
    std::set<size_t> need;
    for (const FulltextClause& c : q.clauses) {
        for (const std::string& t : c.terms) need.insert(shard_of(m, t));
        if (prefix_usable(c))
            for (size_t i : prefix_shards(m, c.folded)) need.insert(i);
    }
    std::vector<std::string> out;
    for (size_t i : need) out.push_back(m.shard_files[i]);
    return out;
}

FulltextResults fulltext_search(const FulltextManifest& m, const FulltextShards& shards, const FulltextQuery& q) {
    FulltextResults out;
    for (const std::string& f : fulltext_query_shards(m, q))
        if (!shards.count(f)) out.missing.push_back(f);
    if (!out.missing.empty() || q.clauses.empty()) return out;

    // Each clause's alternatives (a phrase: its terms, all needed). `widen`:
    // a typo-forgiving word also matches the terms one edit away when it
    // matches some (the words together matched no post).
    std::vector<std::vector<Alternative>> clauses(q.clauses.size());
    std::set<std::string> missing;
    const auto alternatives = [&](bool widen) {
        for (size_t k = 0; k < q.clauses.size(); ++k) {
            const FulltextClause& c = q.clauses[k];
            std::vector<Alternative>& alts = clauses[k];
            alts.clear();
            if (c.terms.size() > 1) {
                for (const std::string& t : c.terms) {
                    Alternative a;
                    if (!find_term(m, shards, t, a)) {
                        alts.clear();
                        break;
                    }
                    alts.push_back(a);
                }
                continue;
            }
            Alternative exact;
            if (find_term(m, shards, c.terms[0], exact)) alts.push_back(exact);
            if (prefix_usable(c)) {
                std::vector<Alternative> found;
                for (size_t i : prefix_shards(m, c.folded)) {
                    const FulltextShard& s = *shard_given(m, shards, i);
                    auto it = std::lower_bound(s.terms.begin(), s.terms.end(), c.folded);
                    for (; it != s.terms.end() && starts_with(*it, c.folded); ++it) {
                        const size_t n = size_t(it - s.terms.begin());
                        if (*it != c.terms[0]) found.push_back({s.terms[n], s.postings[n], s.doc_counts[n], kPrefixWeight});
                    }
                }
                keep_most_frequent(found, kFulltextPrefixTerms);
                alts.insert(alts.end(), found.begin(), found.end());
            }
            if ((alts.empty() || widen) && c.typo) {
                std::vector<Alternative> found;
                const std::string_view head = first_char(c.terms[0]);
                for (size_t i : typo_shards(m, c)) {
                    const FulltextShard* s = shard_given(m, shards, i);
                    if (!s) {
                        missing.insert(m.shard_files[i]);
                        continue;
                    }
                    for (size_t n = 0; n < s->terms.size(); ++n)
                        if (s->terms[n] != c.terms[0] && starts_with(s->terms[n], head) &&
                            (!c.typo_longer_only || char_count(s->terms[n]) >= kFulltextTypoChars) &&
                            (within_one_edit(s->terms[n], c.terms[0]) ||
                             std::binary_search(c.typo_terms.begin(), c.typo_terms.end(), s->terms[n])))
                            found.push_back({s->terms[n], s->postings[n], s->doc_counts[n], kTypoWeight});
                }
                keep_most_frequent(found, kFulltextPrefixTerms);
                alts.insert(alts.end(), found.begin(), found.end());
            }
        }
    };
    // The posts every clause matches, by the clauses' alternatives.
    const Ranker ranker(m);
    const auto rank = [&] {
        out.hits.clear();
        std::vector<Matches> matches;
        for (size_t k = 0; k < clauses.size(); ++k) {
            if (clauses[k].empty()) return;  // a clause matching nothing: no post has every word
            matches.push_back(q.clauses[k].terms.size() > 1 ? ranker.phrase(clauses[k]) : ranker.word(clauses[k]));
        }
        std::sort(matches.begin(), matches.end(), [](const Matches& a, const Matches& b) { return a.size() < b.size(); });
        for (const auto& [doc, first] : matches[0]) {
            FulltextHit hit{doc, first.score, first.positions};
            bool all = true;
            for (size_t k = 1; k < matches.size() && all; ++k) {
                const auto it = matches[k].find(doc);
                if (it == matches[k].end()) {
                    all = false;
                    break;
                }
                hit.score += it->second.score;
                Ranker::append(hit.positions, it->second.positions);
            }
            if (!all) continue;
            std::sort(hit.positions.begin(), hit.positions.end());
            hit.positions.erase(std::unique(hit.positions.begin(), hit.positions.end()), hit.positions.end());
            out.hits.push_back(std::move(hit));
        }
    };
    alternatives(false);
    if (missing.empty()) rank();
    const bool widens = std::any_of(q.clauses.begin(), q.clauses.end(), [](const FulltextClause& c) { return c.typo; });
    if (missing.empty() && out.hits.empty() && q.clauses.size() > 1 && widens) {
        alternatives(true);  // a typo that is a word of its own ("clutter" for "cluster")
        if (missing.empty()) rank();
    }
    if (!missing.empty()) {
        out.hits.clear();
        out.missing.assign(missing.begin(), missing.end());
        return out;
    }

    std::sort(out.hits.begin(), out.hits.end(), [](const FulltextHit& a, const FulltextHit& b) {
        return a.score != b.score ? a.score > b.score : a.doc < b.doc;
    });
    std::set<std::string> terms;
    for (const auto& alts : clauses)
        for (const Alternative& a : alts) terms.emplace(a.term);
    out.terms.assign(terms.begin(), terms.end());
    return out;
}

namespace {

// `text` escaped, the bytes of the tokens whose term is in `terms` marked,
// from the window of kFulltextExcerptWords tokens holding the most of them
// (`whole`: all of the text, as a title or heading).
std::string marked(std::string_view text, const std::set<std::string_view>& terms, const Tokenizer& tokenizer, bool whole) {
    std::vector<Token> tokens;
    tokenizer.tokenize(text, tokens);
    std::vector<size_t> hits;
    for (size_t i = 0; i < tokens.size(); ++i)
        if (terms.count(tokens[i].term)) hits.push_back(i);
    size_t from = 0, to = tokens.size();  // tokens [from, to)
    if (!whole && tokens.size() > kFulltextExcerptWords) {
        size_t best = 0, best_count = 0;
        for (size_t h = 0, e = 0; h < hits.size(); ++h) {  // a window starting at each hit
            while (e < hits.size() && hits[e] < hits[h] + kFulltextExcerptWords) ++e;
            if (e - h > best_count) best_count = e - h, best = hits[h];
        }
        from = best >= 5 ? best - 5 : 0;  // some words before the first match
        to = std::min(tokens.size(), from + kFulltextExcerptWords);
        if (to == tokens.size()) from = to - kFulltextExcerptWords;
    }
    const size_t begin = from == 0 ? 0 : tokens[from].begin;
    const size_t end = to == tokens.size() ? text.size() : tokens[to - 1].end;
    // The marked byte ranges, overlapping ones (CJK bigrams) merged.
    std::vector<std::pair<size_t, size_t>> ranges;
    for (size_t i : hits) {
        if (i < from || i >= to) continue;
        if (!ranges.empty() && tokens[i].begin <= ranges.back().second)
            ranges.back().second = std::max<size_t>(ranges.back().second, tokens[i].end);
        else
            ranges.emplace_back(tokens[i].begin, tokens[i].end);
    }
    std::string out;
    if (begin > 0) out += "… ";
    size_t at = begin;
    for (const auto& [b, e] : ranges) {
        html_escape_append(out, text.substr(at, b - at));
        out += "<mark>";
        html_escape_append(out, text.substr(b, e - b));
        out += "</mark>";
        at = e;
    }
    html_escape_append(out, text.substr(at, end - at));
    if (end < text.size()) out += " …";
    return out;
}

}  // namespace

FulltextPostExcerpts fulltext_excerpts(const FulltextDocFile& doc, const FulltextHit& hit,
                                       const std::vector<std::string>& terms, const Tokenizer& tokenizer,
                                       size_t max_sections) {
    const std::set<std::string_view> wanted(terms.begin(), terms.end());
    FulltextPostExcerpts out;
    out.title_html = marked(doc.title, wanted, tokenizer, true);
    out.route = doc.route;
    std::vector<size_t> count(doc.sections.size(), 0);
    for (uint32_t p : hit.positions) {
        if (p < doc.body_at || doc.sections.empty()) continue;
        const auto it = std::upper_bound(doc.sections.begin(), doc.sections.end(), p,
                                         [](uint32_t v, const FulltextDocFile::Section& s) { return v < s.at; });
        if (it != doc.sections.begin()) ++count[size_t(it - doc.sections.begin()) - 1];
    }
    std::vector<size_t> order;
    for (size_t i = 0; i < count.size(); ++i)
        if (count[i]) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return count[a] > count[b]; });
    if (order.empty())  // the words are in the title or tags: the post's beginning
        for (size_t i = 0; i < doc.sections.size() && order.empty(); ++i)
            if (!doc.sections[i].text.empty()) order.push_back(i);
    if (order.size() > max_sections) order.resize(max_sections);
    for (size_t i : order) {
        const FulltextDocFile::Section& s = doc.sections[i];
        out.sections.push_back({s.id, marked(s.heading, wanted, tokenizer, true), marked(s.text, wanted, tokenizer, false)});
    }
    return out;
}

}  // namespace blog
