// What feed readers and crawlers read: an RSS 2.0 feed at Hugo's path
// (index.xml, one per tag), sitemap.xml and robots.txt, as pure functions of
// the parsed index and the posts' HTML. Every URL in them is absolute, made
// from the site's base URL, so a blog migrated from Hugo keeps its
// subscribers. The native tool writes them; nothing here does I/O.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date/date.hpp"
#include "core/index/post_index.hpp"

namespace blog {

struct FeedOptions {
    std::string base_url;          // absolute, ends with '/': "https://example.com/blog/"
    std::string language = "en-us";
    size_t limit = 20;             // the newest posts in the feed (Hugo's default)
    std::string tag;               // "" for the site's feed, else the term's (its key, or as a post spells it)
    Taxonomy taxonomy = Taxonomy::Tags;  // the term's: a tag, or a category
};

// A post's page: base_url + "posts/<slug>/" (the slug percent-encoded).
std::string feed_post_url(std::string_view base_url, const Post& post);

// A post's HTML for the feed (absolute URLs in it), or nullopt to use its summary.
using FeedPostHtml = std::function<std::optional<std::string>(const Post&)>;

// The RSS 2.0 feed of the listed posts (newest first), or of one tag's posts:
// index.xml, or tags/<tag>/index.xml.
std::string feed_rss(const SiteIndex& site, const FeedOptions& options, const FeedPostHtml& html = {});

struct SitemapEntry {
    std::string path;                 // below base_url: "", "posts/lets-go/"
    std::optional<Timestamp> lastmod;
};

// sitemap.xml (sitemaps.org 0.9) of the given pages.
std::string feed_sitemap(std::string_view base_url, const std::vector<SitemapEntry>& entries);

// robots.txt: everything allowed, and where the sitemap is.
std::string feed_robots(std::string_view base_url);

}  // namespace blog
