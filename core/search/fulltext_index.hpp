// Full-text search's index: what the posts say, as a few static files a
// query fetches only part of. The native tool builds it (fulltext_build);
// the browser reads it back (the parsers below) and queries it
// (core/search/fulltext_query.hpp). Every file is deterministic for the same
// posts. Paths are relative to the folder of posts/index.json, whose
// "search" field names the manifest (docs/index-schema.md, "Full-text search").
//
//   search/manifest.json   small, fetched first: the language, the field
//       weights and average lengths, the shards' term ranges and names, and
//       per post its slug and four one-byte lengths (enough to rank).
//   search/t/<hash>.txt    a term shard: the terms of one contiguous range
//       [start_i, start_i+1), each with its postings (a text format, below).
//       Named by a hash of its bytes: a host may cache it forever.
//   search/d/<n>.json      post n's excerpt data: title, route, sections
//       (heading id, heading text, the word position it starts at, text).
//
// A term shard: the line "wasm-blog-fts 1", then one line per term in
// byte order, "<term>\t<postings>". Postings: one group per post, separated
// by ' ', in post order; a group is the post's number (the first group's as
// it is, the next ones' as the difference from the previous) followed by
// the term's positions in the post, each as its difference from the
// previous one (the first from 0), written after the letter of its field
// when the field changes (t title, g tags, h headings, b body) or after ','
// when it does not: "0t0b12,40 3b7" is post 0 at position 0 of the title
// and 12 and 52 of the body, post 3 at 7 of the body. A field's term
// frequency is the count of its positions.
//
// Positions number a post's words: the title's, then its tags', then each
// section's heading and body, with a gap of one between two fields or
// sections so that a phrase never spans them.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/markdown/plain_text.hpp"
#include "core/util/result.hpp"

namespace blog {

enum FulltextField : uint8_t { kFieldTitle, kFieldTags, kFieldHeadings, kFieldBody, kFieldCount };

// Field weights of BM25F: a word in the title counts as this many in the body.
inline constexpr std::array<double, kFieldCount> kFulltextWeights = {8, 4, 2, 1};

// Bounds that keep a huge or hostile post's index small and its build quick.
// Of a post, the first kIndexedBytes bytes of text (title, tags, sections in
// order) are indexed, and the first kStoredBytes of its sections' text
// (kStoredSections sections at most) are stored for excerpts: a match
// beyond them ranks the post but shows its heading without an excerpt.
inline constexpr size_t kFulltextIndexedBytes = size_t(512) << 10;
inline constexpr size_t kFulltextStoredBytes = size_t(64) << 10;
inline constexpr size_t kFulltextStoredSections = 200;
// A shard is closed once its text would pass this many bytes (about 16 KiB
// gzipped for prose); a term whose postings alone are larger has a shard of
// its own (postings are never split).
inline constexpr size_t kFulltextShardBytes = size_t(48) << 10;

// A post as the index takes it.
struct FulltextDocument {
    std::string slug;   // the post's slug in posts/index.json
    std::string route;  // where the post is, for links ("posts/a-trip/")
    std::string title;
    std::vector<std::string> tags;
    std::vector<TextSection> sections;  // RenderedMarkdown::sections
};

struct FulltextFile {
    std::string path;   // relative to the index's folder: "search/manifest.json"
    std::string bytes;
};

// The index of `docs` (post n is docs[n]; give them in the index's order)
// in `language` (the site's language tag: the tokenizer and its stemmer).
// The manifest first, then the shards in term order, then the posts' files.
std::vector<FulltextFile> fulltext_build(const std::vector<FulltextDocument>& docs, std::string_view language);

inline constexpr std::string_view kFulltextManifestPath = "search/manifest.json";

// A post's length in one field, in a byte (Lucene's norms): exact up to 15,
// then within about 5% (a log scale).
uint8_t fulltext_length_encode(uint32_t length);
uint32_t fulltext_length_decode(uint8_t code);

// search/manifest.json, read.
struct FulltextManifest {
    std::string language;  // the tag the tokenizer is made with ("en-us")
    std::string stemmer;   // its stemmer's name, "" for none
    size_t docs = 0;
    std::array<double, kFieldCount> weights = kFulltextWeights;
    std::array<double, kFieldCount> average{};  // words per post, per field
    std::vector<std::string> shard_starts;  // sorted; the first is ""
    std::vector<std::string> shard_files;   // relative to the manifest: "t/<hash>.txt"
    std::vector<std::string> slugs;         // per post
    std::vector<std::array<uint8_t, kFieldCount>> lengths;  // per post, encoded
};

// Errors "fulltext-manifest": not JSON, a field of the wrong type or size,
// counts that disagree, shard starts out of order. At most 64 MiB.
Result<FulltextManifest> fulltext_manifest_parse(std::string_view text);

// A term shard, read: its terms in order, each with its postings as
// written (checked when read) and how many posts it is in.
struct FulltextShard {
    std::vector<std::string> terms;
    std::vector<std::string> postings;
    std::vector<uint32_t> doc_counts;
};

// Errors "fulltext-shard": a bad first line, a line without a tab, terms
// out of order, postings that do not follow the format or overflow.
Result<FulltextShard> fulltext_shard_parse(std::string_view text);

// One post's positions of a term, decoded.
struct FulltextPosting {
    uint32_t doc = 0;
    std::array<uint32_t, kFieldCount> tf{};
    std::vector<uint32_t> positions;  // ascending
    std::vector<uint8_t> fields;      // the field of each position
};
// Postings as a shard holds them (fulltext_shard_parse checked them); an
// empty list for text that does not follow the format.
std::vector<FulltextPosting> fulltext_postings_decode(std::string_view postings);

// search/d/<n>.json, read.
struct FulltextDocFile {
    struct Section {
        std::string id, heading;
        uint32_t at = 0;    // the position of its first word (its heading's)
        std::string text;   // its body, cut at kFulltextStoredBytes for the post
    };
    std::string title, route;
    uint32_t body_at = 0;   // the position after the title and tags
    std::vector<Section> sections;
};

// Errors "fulltext-doc". At most 16 MiB.
Result<FulltextDocFile> fulltext_doc_parse(std::string_view text);

// "d/<n>.json": post n's file, relative to the manifest.
std::string fulltext_doc_path(size_t doc);

}  // namespace blog
