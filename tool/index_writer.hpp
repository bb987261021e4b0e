// The index writer: a read site as posts/index.json, in the schema the core's
// index_parse reads (README, "The index"), extended with what the list would
// otherwise need the Markdown for (wordCount, readingTime, the computed
// summary and truncated) and the front-matter fields later screens use.
#pragma once

#include <string>

#include "tool/site.hpp"

namespace blog::tool {

// Pretty-printed JSON, newest post first, ending with a newline. Every post's
// "file" is relative to the index, which sits in the posts folder.
std::string index_write(const Site& site);

}  // namespace blog::tool
