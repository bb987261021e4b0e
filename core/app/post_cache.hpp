// The controller's rendered posts, kept for the reader's return: what is
// known of each post's Markdown (PostEntry, by slug), and when each was last
// on show. Once the rendered posts hold more than the budget (their HTML,
// headings, summary, images), the least recently shown ones are dropped; the
// post on show never is. Entries still loading or failed cost nothing and
// are never dropped by the budget.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/page/page.hpp"

namespace blog {

class PostCache {
public:
    using Entries = std::unordered_map<std::string, PostEntry>;  // by slug

    explicit PostCache(size_t max_bytes) : max_bytes_(max_bytes) {}

    // What is known of the post `slug`; null when it was never asked for (or dropped).
    const PostEntry* find(const std::string& slug) const;
    // The entry of `slug`, made (Loading) when there is none.
    PostEntry& at(const std::string& slug) { return entries_[slug]; }
    void erase(const std::string& slug) { entries_.erase(slug); }
    // Drops every entry `drop` says so of; returns how many.
    template <typename Pred>
    size_t erase_if(Pred drop) {
        size_t n = 0;
        for (auto it = entries_.begin(); it != entries_.end();) {
            if (drop(it->second)) {
                it = entries_.erase(it);
                ++n;
            } else {
                ++it;
            }
        }
        return n;
    }

    // The post `slug` is on show now: the most recently shown of all.
    void shown(const std::string& slug) { shown_at_[slug] = ++tick_; }

    // Drops the least recently shown rendered posts (one fetched for a
    // summary and never shown first of all) until the rendered ones hold at
    // most the budget, never `on_show` (the slug of the post on show; ""
    // when the screen shows none). One post alone may be over the budget.
    void trim(std::string_view on_show);

    // What the rendered posts hold now.
    size_t bytes() const;
    size_t max_bytes() const { return max_bytes_; }
    size_t size() const { return entries_.size(); }
    // Every entry, for the page model (SiteState::posts); valid as long as the cache.
    const Entries& entries() const { return entries_; }

private:
    size_t max_bytes_;
    Entries entries_;
    std::unordered_map<std::string, uint64_t> shown_at_;  // slug -> when its post was last on show (a tick)
    uint64_t tick_ = 0;
};

}  // namespace blog
