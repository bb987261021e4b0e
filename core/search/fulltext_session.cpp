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

namespace {

std::shared_ptr<FulltextSession> session_create() { return std::make_shared<FulltextSession>(); }

void session_asked(FulltextSession& session, const std::string& url) { session.files[url] = FulltextSession::Pending{}; }

bool session_forget_failed(FulltextSession& session) {
    bool any = false;
    for (auto it = session.files.begin(); it != session.files.end();) {
        if (it->second.failed) {
            it = session.files.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

bool session_arrived(FulltextSession& session, FulltextFileKind kind, const std::string& key, const std::string& url,
                     std::string_view body, const std::string& failure) {
    auto it = session.files.find(url);
    if (it == session.files.end() || it->second.failed) return false;
    std::string error = failure;
    if (error.empty())
        if (std::string problem = fulltext_session_receive(session, kind, key, body); !problem.empty())
            error = url + ": " + problem;
    if (error.empty()) {
        session.files.erase(it);
    } else {
        it->second.failed = true;
        it->second.error = "The search could not read its index. " + error;
    }
    return true;
}

}  // namespace

const FulltextHooks kFulltextHooks = {session_create, session_asked, session_forget_failed, session_arrived};

}  // namespace blog
