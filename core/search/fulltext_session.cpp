#include "core/search/fulltext_session.hpp"

#include <cstdlib>

namespace blog {

size_t fulltext_file_limit(FulltextFileKind kind) {
    switch (kind) {
        case FulltextFileKind::Manifest: return size_t(64) << 20;
        case FulltextFileKind::Shard: return size_t(16) << 20;
        case FulltextFileKind::Doc: return size_t(16) << 20;
    }
    return 0;
}

std::string fulltext_session_receive(FulltextSession& session, FulltextFileKind kind, const std::string& key,
                                     std::string_view body) {
    switch (kind) {
        case FulltextFileKind::Manifest: {
            auto parsed = fulltext_manifest_parse(body);
            if (!parsed) return parsed.error().message;
            session.manifest = std::move(parsed).value();
            session.tokenizer = std::make_shared<const Tokenizer>(session.manifest->language);
            return {};
        }
        case FulltextFileKind::Shard: {
            auto parsed = fulltext_shard_parse(body);
            if (!parsed) return parsed.error().message;
            session.shards.insert_or_assign(key, std::move(parsed).value());
            return {};
        }
        case FulltextFileKind::Doc: {
            auto parsed = fulltext_doc_parse(body);
            if (!parsed) return parsed.error().message;
            session.docs.insert_or_assign(uint32_t(std::strtoul(key.c_str(), nullptr, 10)), std::move(parsed).value());
            return {};
        }
    }
    return "unknown file";
}

}  // namespace blog
