// Feeds, sitemap and robots.txt: what feed readers and crawlers read.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

#include "core/feed/feed.hpp"
#include "tests/support.hpp"

using namespace blog;
using namespace blog::test;

namespace {

const char* const kBase = "https://example.com/blog/";

const char* const kIndex = R"({
    "title": "Jose's <Blog> & notes", "author": "Jose Villalta",
    "posts": [
        {"slug": "lets-go", "title": "Lets Go", "date": "2022-07-24T21:42:07-07:00",
         "summary": "Go I have been writing go since 2016", "tags": ["go"]},
        {"slug": "paper-day-8", "title": "Paper Day 8: <Omega> & \"friends\"", "date": "2022-07-23T10:00:00Z",
         "summary": "Omega \u0001 is a scheduler", "tags": ["papers", "go"], "author": "Guest"},
        {"slug": "new-blog", "title": "New blog!", "summary": "Started a new page"}
    ]})";

// What Debian's feedparser (a real feed reader's parser) reads in `xml`.
std::string parsed_by_feedparser(const std::string& xml) {
    char path[] = "/tmp/wasm-blog-feed-XXXXXX";
    int fd = mkstemp(path);
    REQUIRE(fd >= 0);
    close(fd);
    { std::ofstream(path, std::ios::binary) << xml; }
    const std::string out_path = std::string(path) + ".out";
    const std::string cmd = "/usr/bin/python3 " + std::string(BLOG_SOURCE_DIR) + "/tests/feed_check.py " + path +
                            " > " + out_path + " 2>&1";
    const int rc = std::system(cmd.c_str());
    std::ifstream in(out_path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::remove(path);
    std::remove(out_path.c_str());
    INFO(text);
    CHECK(rc == 0);
    return text;
}

}  // namespace

TEST_CASE("feed: the site's RSS has the newest posts with absolute links, dates in their own offset") {
    SiteIndex site = parse_ok(kIndex);
    FeedOptions o;
    o.base_url = kBase;
    const std::string rss = feed_rss(site, o, [](const Post& p) -> std::optional<std::string> {
        if (p.slug == "lets-go") return std::string("<p>Go <a href=\"https://example.com/x\">x</a></p>");
        return std::nullopt;
    });
    CHECK(contains(rss, "<title>Jose&#39;s &lt;Blog&gt; &amp; notes</title>\n"
                        "    <link>https://example.com/blog/</link>\n"
                        "    <description>Recent content on Jose&#39;s &lt;Blog&gt; &amp; notes</description>\n"));
    CHECK(contains(rss, "<lastBuildDate>Sun, 24 Jul 2022 21:42:07 -0700</lastBuildDate>"));
    CHECK(contains(rss, "<atom:link href=\"https://example.com/blog/index.xml\" rel=\"self\""));
    CHECK(contains(rss, "    <item>\n"
                        "      <title>Lets Go</title>\n"
                        "      <link>https://example.com/blog/posts/lets-go/</link>\n"
                        "      <pubDate>Sun, 24 Jul 2022 21:42:07 -0700</pubDate>\n"
                        "      <dc:creator>Jose Villalta</dc:creator>\n"
                        "      <guid>https://example.com/blog/posts/lets-go/</guid>\n"
                        "      <description>&lt;p&gt;Go &lt;a href=&quot;https://example.com/x&quot;&gt;x&lt;/a&gt;&lt;/p&gt;"
                        "</description>\n"));
    CHECK(contains(rss, "<title>Paper Day 8: &lt;Omega&gt; &amp; &quot;friends&quot;</title>"));
    CHECK(contains(rss, "<description>Omega  is a scheduler</description>"));  // no control character
    CHECK(rss.find("<title>Lets Go</title>") < rss.find("<title>New blog!</title>"));  // newest first
    CHECK_FALSE(contains(rss.substr(rss.find("<title>New blog!</title>")), "<pubDate>"));  // undated

    CHECK(parsed_by_feedparser(rss) ==
          "title: Jose's <Blog> & notes\n"
          "link: https://example.com/blog/\n"
          "entry: Lets Go | https://example.com/blog/posts/lets-go/ | Sun, 24 Jul 2022 21:42:07 -0700 | Jose Villalta\n"
          "entry: Paper Day 8: <Omega> & \"friends\" | https://example.com/blog/posts/paper-day-8/ | "
          "Sat, 23 Jul 2022 10:00:00 +0000 | Guest\n"
          "entry: New blog! | https://example.com/blog/posts/new-blog/ | - | Jose Villalta\n");
}

TEST_CASE("feed: a tag's RSS holds only its posts, at the tag's path") {
    SiteIndex site = parse_ok(kIndex);
    FeedOptions o;
    o.base_url = kBase;
    o.tag = "papers";
    const std::string rss = feed_rss(site, o);
    CHECK(contains(rss, "<title>papers on Jose&#39;s &lt;Blog&gt; &amp; notes</title>"));
    CHECK(contains(rss, "<link>https://example.com/blog/tags/papers/</link>"));
    CHECK(contains(rss, "<atom:link href=\"https://example.com/blog/tags/papers/index.xml\""));
    CHECK(contains(rss, "<title>Paper Day 8"));
    CHECK_FALSE(contains(rss, "<title>Lets Go</title>"));
    CHECK(contains(parsed_by_feedparser(rss), "entry: Paper Day 8"));
}

TEST_CASE("feed: the feed holds the newest 20 posts") {
    std::string json = R"({"title": "Many", "posts": [)";
    for (int i = 0; i < 25; ++i) {
        char day[16];
        std::snprintf(day, sizeof day, "2022-01-%02d", i + 1);
        json += std::string(i ? "," : "") + R"({"slug": "p)" + std::to_string(i) + R"(", "title": "P)" +
                std::to_string(i) + R"(", "date": ")" + day + "\"}";
    }
    json += "]}";
    FeedOptions o;
    o.base_url = kBase;
    const std::string rss = feed_rss(parse_ok(json), o);
    size_t items = 0;
    for (size_t at = 0; (at = rss.find("<item>", at)) != std::string::npos; ++at) ++items;
    CHECK(items == 20);
    CHECK(contains(rss, "<title>P24</title>"));
    CHECK_FALSE(contains(rss, "<title>P4</title>"));
}

TEST_CASE("feed: the sitemap lists every page with its date, and robots.txt names it") {
    auto date = date_parse("2022-07-24T21:42:07-07:00");
    REQUIRE(date.ok());
    const std::string xml = feed_sitemap(kBase, {{"", std::nullopt}, {"posts/lets-go/", date.value()},
                                                 {"tags/a&b/", std::nullopt}});
    CHECK(xml ==
          "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n"
          "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
          "  <url>\n    <loc>https://example.com/blog/</loc>\n  </url>\n"
          "  <url>\n    <loc>https://example.com/blog/posts/lets-go/</loc>\n"
          "    <lastmod>2022-07-24T21:42:07-07:00</lastmod>\n  </url>\n"
          "  <url>\n    <loc>https://example.com/blog/tags/a&amp;b/</loc>\n  </url>\n"
          "</urlset>\n");
    CHECK(feed_robots(kBase) == "User-agent: *\nAllow: /\nSitemap: https://example.com/blog/sitemap.xml\n");
}
