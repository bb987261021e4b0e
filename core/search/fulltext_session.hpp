// What a reader's browser knows of the blog's full-text index
// (core/search/fulltext_index.hpp) while they search: the manifest, the
// shards and the posts' files fetched so far, and the files asked for and
// not yet here or failed. The controller keeps one per loaded index and
// hands each fetched file to fulltext_session_receive; the search screen
// (page_build) reads it, and says which files it still needs.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/search/fulltext_index.hpp"
#include "core/search/fulltext_query.hpp"
#include "core/search/tokenizer.hpp"

namespace blog {

// Which file of the index a fetch is for.
enum class FulltextFileKind : uint8_t { Manifest, Shard, Doc };

struct FulltextSession {
    // A file asked for and not parsed into the session: on its way, or failed
    // (with what the reader reads; "Try again" asks for it once more).
    struct Pending {
        bool failed = false;
        std::string error;
    };
    std::optional<FulltextManifest> manifest;
    std::shared_ptr<const Tokenizer> tokenizer;  // the manifest's language's
    FulltextShards shards;                       // by the manifest's file name
    std::map<uint32_t, FulltextDocFile> docs;    // by the post's number
    std::unordered_map<std::string, Pending> files;  // by URL

    const Pending* pending(const std::string& url) const {
        auto it = files.find(url);
        return it == files.end() ? nullptr : &it->second;
    }
};

// The most bytes each kind of file may have (the parsers' own limits).
size_t fulltext_file_limit(FulltextFileKind kind);

// What the controller does with a session, through a table, so that a
// build without the full-text search screen (the browser's list engine)
// links none of it (IndexScreens::fulltext_hooks).
struct FulltextHooks {
    std::shared_ptr<FulltextSession> (*create)();
    void (*asked)(FulltextSession& session, const std::string& url);  // on its way
    bool (*forget_failed)(FulltextSession& session);  // "Try again": true when one had failed
    // A fetch of the session's ended: `failure` is "" when the file arrived
    // whole (`body`, parsed in), else what went wrong. False when the
    // session was not awaiting `url`.
    bool (*arrived)(FulltextSession& session, FulltextFileKind kind, const std::string& key, const std::string& url,
                    std::string_view body, const std::string& failure);
};
extern const FulltextHooks kFulltextHooks;

// Parses a fetched file into `session`: the manifest (and the tokenizer of
// its language), a shard under `key` (its file name in the manifest) or a
// post's file under `key` (its number). "" when it is in, else what is wrong
// with it (the parser's message), for the caller to show with its URL.
std::string fulltext_session_receive(FulltextSession& session, FulltextFileKind kind, const std::string& key,
                                     std::string_view body);

}  // namespace blog
