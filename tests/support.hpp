// Helpers shared by the unit tests: the sample blog's files and small checks.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/date/date.hpp"
#include "core/index/post_index.hpp"
#include "core/markdown/markdown.hpp"

namespace blog::test {

// A date the test spells out (RFC 3339 or YYYY-MM-DD), parsed.
inline Timestamp parsed_date(const char* text) {
    auto d = date_parse(text);
    INFO(text);
    REQUIRE(d.ok());
    return d.value();
}

// A file of the repository ("posts/index.json"), read whole; BLOG_SOURCE_DIR
// is set by tests/CMakeLists.txt (ctest runs in the build folder).
inline std::string sample_file(const std::string& relative) {
    const std::string path = std::string(BLOG_SOURCE_DIR) + "/" + relative;
    std::ifstream in(path, std::ios::binary);
    INFO(path);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// A sample post's Markdown without its front matter (what the blog renders).
inline std::string sample_post_body(const std::string& relative) {
    const std::string text = sample_file(relative);
    return text.substr(markdown_front_matter(text).body_begin);
}

inline SiteIndex parse_ok(const std::string& json) {
    auto r = index_parse(json, "posts/index.json");
    if (!r.ok()) FAIL(r.error().message);
    return std::move(r).value();
}

// The slugs of the seed blog's posts, in the seed's (newest first) order.
inline const std::vector<std::string>& seed_slugs() {
    static const std::vector<std::string> slugs = {
        "lets-go",
        "paper-day-8-omega",
        "paper-day-7-borg",
        "paper-day-6-hints-for-computer-design",
        "paper-day-5-internet-scale-services",
        "paper-day-4-harvest-yield",
        "paper-day-3-container-design-patterns",
        "paper-day-2-kubernetes",
        "paper-day-1-mesos",
        "new-blog",
    };
    return slugs;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace blog::test
