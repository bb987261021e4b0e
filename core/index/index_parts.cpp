// A paged index's further files merged into the index (post_index.hpp,
// IndexParts): the posts of each follow those known, in its order.
#include "core/index/post_index.hpp"

#include <algorithm>

namespace blog {

void index_append_part(SiteIndex& site, SiteIndex&& part) {
    // Grown geometrically, not to the exact size: a blog of fifty parts
    // would otherwise move every post fifty times and leave each old buffer
    // behind (727 MB of wasm memory for 100,000 posts, bench/scale.mjs).
    const size_t needed = site.posts.size() + part.posts.size();
    if (site.posts.capacity() < needed) site.posts.reserve(std::max(needed, site.posts.capacity() * 2));
    for (Post& post : part.posts) {
        if (site.by_slug.count(post.slug)) {
            site.problems.push_back(part.source + ": post \"" + post.slug +
                                    "\" left out: its slug is already used by a post listed before it");
            ++site.skipped_entries;
            continue;
        }
        if (!post.url.empty() && site.by_url.count(post.url)) {
            site.problems.push_back(part.source + ": post \"" + post.slug + "\" left out: its url \"" + post.url +
                                    "\" is already used by a post listed before it");
            ++site.skipped_entries;
            continue;
        }
        const size_t at = site.posts.size();
        post.position = at;
        site.by_slug.emplace(post.slug, at);
        site.by_file.emplace(post.file, at);
        if (!post.url.empty()) site.by_url.emplace(post.url, at);
        if (post.date) site.newest_year = std::max(site.newest_year, post.date->year);
        site.posts.push_back(std::move(post));
    }
    for (std::string& problem : part.problems) site.problems.push_back(std::move(problem));
    site.skipped_entries += part.skipped_entries;
    ++site.parts_merged;
}

}  // namespace blog
