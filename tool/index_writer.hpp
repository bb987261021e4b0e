// The index writer: a read site as posts/index.json, in the schema the core's
// index_parse reads (docs/index-schema.md), extended with what the list would
// otherwise need the Markdown for (wordCount, readingTime, the computed
// summary and truncated) and the front-matter fields later screens use.
//
// A big site's index is paged (docs/index-schema.md, "A big blog: the paged index"):
// index.json holds the site's fields, the first entries of the list,
// "parts" (the names of the files holding the next entries) and "total"
// (how many posts the home list shows); each part is {"posts": [...]}. The
// entries, concatenated in file order, are the single file's "posts".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tool/site.hpp"

namespace blog::tool {

// Pretty-printed JSON, in Hugo's list order (a weight first, lower first;
// then newest first; undated posts last), ending with a newline. Every
// post's "file" is relative to the index, which sits in the posts folder.
std::string index_write(const Site& site);
// The same with "search": `search` (the full-text search manifest, relative
// to index.json; tool/search_writer) unless it is empty.
std::string index_write_with(const Site& site, std::string_view search);

// The posts in the list's order, the core's (index_parse sorts the same way):
// a weight before none, lower first; then newest first; undated posts last;
// ties in file-name order. A paged index relies on it: its first file must
// hold the list's first posts; the search index numbers its posts so.
std::vector<const SitePost*> index_order(const Site& site);

// How a big site's index is split.
struct IndexSplit {
    size_t first = 100;       // entries in index.json (ten list pages of ten), at least 1
    size_t part = 2000;       // entries in each part; 0: never paged
    size_t threshold = 200;   // a site with more posts than this is paged (index.json stays
                              // near 100 KB: the first paint downloads no more)
};

// True when a site of `posts` posts is written as several files.
bool index_paged(size_t posts, const IndexSplit& split);

struct IndexFile {
    std::string name;  // relative to the posts folder: "index.json", "index-2.json", …
    std::string text;  // pretty-printed JSON ending with a newline
};

// The files of the site's index, index.json first, then its parts in list
// order. A site that is not paged is one file, index_write's text.
// `search`: as index_write_with's, in index.json.
std::vector<IndexFile> index_write_files(const Site& site, const IndexSplit& split, std::string_view search = {});

}  // namespace blog::tool
