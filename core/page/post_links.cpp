#include "core/page/post_links.hpp"

#include <utility>

namespace blog {

PostLinks::PostLinks(const SiteIndex& site, PageConfig config) : site_(&site), config_(std::move(config)) { add(0); }

void PostLinks::add(size_t first) {
    for (size_t i = first; i < site_->posts.size(); ++i)
        slug_at_.emplace(page_post_url(config_, site_->posts[i]), site_->posts[i].slug);
}

std::string PostLinks::link_route(std::string_view resolved) const {
    auto it = slug_at_.find(std::string(resolved));
    if (it == slug_at_.end()) return std::string();
    const Post* post = site_->find(it->second);
    return post ? route_post_href(*post, {}, config_.links) : std::string();
}

}  // namespace blog
