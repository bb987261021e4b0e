// The head of a prerendered page: what crawlers, link previews, feed readers
// and reader modes read without running the widget — <title>, description,
// canonical URL, Open Graph, and JSON-LD BlogPosting for a post. A pure
// function of plain data; every value is escaped for where it lands.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date/date.hpp"

namespace blog {

struct DocumentMeta {
    std::string title;          // the document's title: "Lets Go | Jose Villalta"
    std::string description;    // the page's summary or the site's description
    std::string canonical_url;  // absolute: "https://example.com/blog/posts/lets-go/"
    std::string site_name;
    std::string image;          // absolute URL of a cover image, or ""

    // A post's page (og:type article, JSON-LD BlogPosting); otherwise a website page.
    struct Article {
        std::string headline;
        std::optional<Timestamp> published;
        std::optional<Timestamp> modified;
        std::string author;
        std::vector<std::string> tags;
    };
    std::optional<Article> article;
    // The page in each of a multilingual site's languages, itself included:
    // (language, absolute URL), as <link rel="alternate" hreflang>.
    std::vector<std::pair<std::string, std::string>> alternates;
};

// The elements that go inside <head> (after <meta charset>), one per line.
std::string document_head(const DocumentMeta& meta);

}  // namespace blog
