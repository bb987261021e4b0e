// Search: the reader's words matched against the listed posts' titles, tags
// and summaries (the index carries no body text), without regard to case or
// to the diacritics of Latin letters ("deja" finds "Déjà-vu", "aeo" finds
// "Æø"). The posts' fields are folded once, when the index is loaded
// (SearchIndex); a query folds only its own words, so typing re-reads no
// index. Every word must be found (AND), as a part of a word ("bor" finds
// "Borg"). Results rank posts whose title holds more of the words first,
// then those whose tags do, then the rest (the words are in the summary),
// newer first within each rank (the index's order). Found words are
// highlighted with <mark> in the original text, escaped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/index/post_index.hpp"

namespace blog {

// `text` folded for matching, appended to `out`: ASCII letters lower-cased;
// the Latin letters of Latin-1 Supplement and Latin Extended-A as ASCII
// ("É" "e", "Æ" "ae", "ß" "ss", "Ł" "l", "ĳ" "ij"); combining diacritical
// marks (U+0300–U+036F) dropped; typographic quotes as ASCII ones (’ '), a
// no-break space as a space; everything else as it is (bytes that are not
// UTF-8 one by one). With `from`, each byte appended gets the offset in
// `text` of the character it came from.
void search_fold_append(std::string& out, std::string_view text, std::vector<uint32_t>* from = nullptr);
std::string search_fold(std::string_view text);

// The query's words, folded, split at spaces, repeats dropped; none for a
// query of spaces.
std::vector<std::string> search_words(std::string_view query);

// The listed posts' fields, folded once.
struct SearchEntry {
    size_t post = 0;  // position in SiteIndex::posts
    std::string title;
    std::string summary;  // the index's summary, "" when it has none
    std::vector<std::string> tags;
};

struct SearchIndex {
    std::vector<SearchEntry> entries;  // in the index's order: newest first
};

// Folds the listed posts (index_listed: hidden ones are not searched, as
// they are not listed). The index refers to `site`'s posts by position: it
// belongs with that SiteIndex.
SearchIndex search_index_build(const SiteIndex& site);

struct SearchHit {
    size_t post = 0;       // position in SiteIndex::posts
    size_t title_words = 0;  // how many of the words the title holds
    size_t tag_words = 0;    // how many a tag holds
};

// The posts holding every word, ranked (see above); none without words.
std::vector<SearchHit> search_run(const SearchIndex& index, const std::vector<std::string>& words);

// `text` as HTML (escaped), each stretch where a word is found (in the
// folded text) wrapped in <mark>…</mark>; a stretch covers whole characters
// of `text`, combining marks after it included.
std::string search_highlight(std::string_view text, const std::vector<std::string>& words);

}  // namespace blog
