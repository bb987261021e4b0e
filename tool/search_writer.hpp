// The search index writer: a read site's full-text search files
// (core/search/fulltext_index.hpp), beside posts/index.json, whose "search"
// field names the manifest (docs/index-schema.md, "Full-text search"). The
// posts go in the index's order (post n of the search index is the index's
// n-th entry); their text is the plain text site_read collected by section.
#pragma once

#include <vector>

#include "tool/index_writer.hpp"
#include "tool/site.hpp"

namespace blog::tool {

// index.json's "search": the manifest, relative to index.json.
inline constexpr const char* kSearchManifest = "search/manifest.json";

// The files, named relative to the posts folder ("search/manifest.json",
// "search/t/<hash>.txt", "search/d/<n>.json"), the manifest first. The
// stemmer is the site's language's (languageCode, else the language key).
std::vector<IndexFile> search_write_files(const Site& site);

}  // namespace blog::tool
