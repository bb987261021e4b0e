// Full-text search's queries (the index: core/search/fulltext_index.hpp),
// pure functions the browser calls between its fetches:
//
//   1. fulltext_query_parse: the reader's text as clauses.
//   2. fulltext_query_shards: the shard files it needs first (fetch them).
//   3. fulltext_search over the manifest and the shards fetched (in any
//      order, any subset): the posts ranked, or, while a shard it needs has
//      not arrived, no posts and the files still missing (fetch them and
//      call again). A word with no exact match, or words that together
//      match no post, ask for their typo shards only then, so that a query
//      that finds its posts never fetches them.
//   4. fulltext_excerpts, for the few posts shown, from their files
//      (search/d/<n>.json): the best sections, each an escaped excerpt with
//      the words in <mark>, and the heading's anchor.
//
// The rules: every clause must match (AND). A word matches its term (folded
// and stemmed as the index's words are); the query's last word, unless the
// query ends in a space or a quote, also matches the terms that start with
// it as typed and folded (two bytes or more; the kFulltextPrefixTerms in
// most posts). A word of five characters or more that matches nothing,
// exactly or as a prefix, matches the terms one edit away (a letter
// changed, added, dropped, or two swapped; typed with four characters,
// only the five-character terms it is a letter short of), searched among
// the terms with the same first character, in the kFulltextTypoShards
// shards of that range nearest the word, or whose stem is that of a word
// one edit from the one typed; so does every such word of a query whose
// words together match no post, besides its own term (a typo that is a
// word of its own: "clutter" for "cluster"). "A phrase" matches its words
// at adjacent positions; a word the tokenizer cuts in several terms (CJK
// bigrams, "e-mail") is a phrase. Posts rank by BM25F with the manifest's field weights (k1 1.2, b
// 0.75 in every field); a prefix's expansion counts 0.8 of an exact match, a
// typo's 0.6; ties go in the index's order.
//
// Bounds: the first kFulltextQueryBytes bytes of a query are read, and its
// first kFulltextQueryTerms terms; FulltextQuery::truncated says when more
// was left.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/search/fulltext_index.hpp"
#include "core/search/tokenizer.hpp"

namespace blog {

inline constexpr size_t kFulltextQueryBytes = 256;
inline constexpr size_t kFulltextQueryTerms = 12;
inline constexpr size_t kFulltextPrefixTerms = 50;
inline constexpr size_t kFulltextPrefixShards = 4;
inline constexpr size_t kFulltextTypoShards = 8;
inline constexpr size_t kFulltextTypoChars = 5;
inline constexpr size_t kFulltextTypoVariantChars = 24;
inline constexpr size_t kFulltextHitPositions = 256;  // positions kept per hit

struct FulltextClause {
    std::vector<std::string> terms;  // one: a word; more: a phrase
    std::string folded;              // a word as typed, folded (prefix and typos)
    bool prefix = false;             // terms starting with `folded` match too
    bool typo = false;               // one edit forgiven when nothing matches
    // Typed one character short of kFulltextTypoChars: only a word of
    // kFulltextTypoChars, the letter the reader left out, is forgiven.
    bool typo_longer_only = false;
    // The stems of the words one edit from the word as typed (sorted): a
    // typo that changes how the word stems ("schedulign") still finds its
    // term ("schedul"). For words of at most kFulltextTypoVariantChars.
    std::vector<std::string> typo_terms;
};

struct FulltextQuery {
    std::vector<FulltextClause> clauses;
    bool truncated = false;  // the query was longer than its bounds
};

// The query's clauses: "quoted text" a phrase, other words each a clause;
// repeated clauses once. `tokenizer`: the manifest's language's.
FulltextQuery fulltext_query_parse(std::string_view query, const Tokenizer& tokenizer);

// The shard files (manifest's names, in term order) the query's words and
// its prefix need; a typo's shards are asked for later by fulltext_search.
std::vector<std::string> fulltext_query_shards(const FulltextManifest& manifest, const FulltextQuery& query);

// Shards fetched and parsed, by file name as the manifest gives it.
using FulltextShards = std::map<std::string, FulltextShard>;

struct FulltextHit {
    uint32_t doc = 0;                 // the post's number (manifest.slugs[doc])
    double score = 0;
    std::vector<uint32_t> positions;  // where its words matched, ascending (at most kFulltextHitPositions)
};

struct FulltextResults {
    std::vector<FulltextHit> hits;      // best first; none unless complete()
    std::vector<std::string> terms;     // the index's terms that matched, sorted: for excerpts
    std::vector<std::string> missing;   // shard files needed and not given
    bool complete() const { return missing.empty(); }
};

// The posts matching every clause, ranked; or, while a shard the query
// needs is missing, no posts and `missing` (never partial results).
FulltextResults fulltext_search(const FulltextManifest& manifest, const FulltextShards& shards, const FulltextQuery& query);

struct FulltextExcerpt {
    std::string heading_id;    // the anchor ("" for the text before the first heading)
    std::string heading_html;  // escaped, words marked
    std::string html;          // a window of words around the matches, escaped, words in <mark>
};

struct FulltextPostExcerpts {
    std::string title_html;  // escaped, words marked
    std::string route;
    std::vector<FulltextExcerpt> sections;  // the best first
};

// A post's excerpts: its sections holding the most of the hit's positions
// (at most `max_sections`; the first section when the words are only in the
// title or tags), each with an excerpt of about kFulltextExcerptWords words
// whose terms (through `tokenizer`) are among `terms` marked.
inline constexpr size_t kFulltextExcerptWords = 30;
FulltextPostExcerpts fulltext_excerpts(const FulltextDocFile& doc, const FulltextHit& hit,
                                       const std::vector<std::string>& terms, const Tokenizer& tokenizer,
                                       size_t max_sections = 3);

}  // namespace blog
