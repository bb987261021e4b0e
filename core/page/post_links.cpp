#include "core/page/post_links.hpp"

#include <memory>
#include <utility>

namespace blog {

PostLinks::PostLinks(const SiteIndex& site, PageConfig config) : site_(&site), config_(std::move(config)) {
    for (const Post& post : site.posts) slug_at_.emplace(page_post_url(config_, post), post.slug);
}

std::string PostLinks::link_route(std::string_view resolved) const {
    auto it = slug_at_.find(std::string(resolved));
    if (it == slug_at_.end()) return std::string();
    const Post* post = site_->find(it->second);
    return post ? route_post_href(*post, {}, config_.links) : std::string();
}

PostLinkRoute post_links_route(const SiteIndex& site, const PageConfig& config) {
    auto links = std::make_shared<const PostLinks>(site, config);
    return [links](std::string_view resolved) { return links->link_route(resolved); };
}

}  // namespace blog
