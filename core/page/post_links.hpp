// The map from a post's Markdown URL (page_post_url) to the post, to turn a
// link in a post, once resolved against the post's file
// ("/blog/posts/x.md"), into the route of the post it names
// (MarkdownOptions::link_route). The controller and the tool's build (its
// pages and its feeds) render posts with it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/index/post_index.hpp"
#include "core/page/page.hpp"

namespace blog {

class PostLinks {
public:
    // Every post of `site`, at the URLs `config` gives them. `site` is not
    // copied: it must outlive this object, and posts appended to it later
    // (a paged index's files) are not known to it.
    PostLinks(const SiteIndex& site, PageConfig config);

    // The route of the post whose Markdown is at `resolved`, as
    // config.links spells it; "" when no post is there.
    std::string link_route(std::string_view resolved) const;

    // link_route as a PageConfig's renderer takes it; valid as long as this object.
    PostLinkRoute function() const {
        return [this](std::string_view resolved) { return link_route(resolved); };
    }

private:
    const SiteIndex* site_;
    PageConfig config_;
    std::unordered_map<std::string, std::string> slug_at_;  // URL -> slug; the first post at a URL keeps it
};

// A PostLinks of `site` as a PostLinkRoute that owns it: what the
// controller renders posts with. Passed as a pointer (PostLinkMap), as
// PostRenderer is, so that the list engine, which renders no post, leaves
// the map's code out.
PostLinkRoute post_links_route(const SiteIndex& site, const PageConfig& config);
using PostLinkMap = PostLinkRoute (*)(const SiteIndex& site, const PageConfig& config);

}  // namespace blog
