#include "core/app/post_cache.hpp"

namespace blog {

namespace {

size_t rendered_bytes(const PostEntry& entry) {
    if (!entry.rendered) return 0;
    const RenderedMarkdown& r = *entry.rendered;
    size_t n = sizeof(RenderedMarkdown) + r.html.size() + r.summary.size();
    for (const Heading& h : r.headings) n += sizeof(Heading) + h.id.size() + h.text.size();
    for (const std::string& image : r.images) n += sizeof(std::string) + image.size();
    return n;
}

}  // namespace

const PostEntry* PostCache::find(const std::string& slug) const {
    auto it = entries_.find(slug);
    return it == entries_.end() ? nullptr : &it->second;
}

size_t PostCache::bytes() const {
    size_t total = 0;
    for (const auto& [slug, entry] : entries_) total += rendered_bytes(entry);
    return total;
}

void PostCache::trim(std::string_view on_show) {
    size_t total = bytes();
    while (total > max_bytes_) {
        auto oldest = entries_.end();
        uint64_t oldest_at = UINT64_MAX;
        for (auto it = entries_.begin(); it != entries_.end(); ++it) {
            if (!it->second.rendered || it->first == on_show) continue;
            auto at = shown_at_.find(it->first);
            const uint64_t when = at == shown_at_.end() ? 0 : at->second;
            if (when < oldest_at) {
                oldest_at = when;
                oldest = it;
            }
        }
        if (oldest == entries_.end()) return;
        total -= rendered_bytes(oldest->second);
        shown_at_.erase(oldest->first);
        entries_.erase(oldest);
    }
}

}  // namespace blog
