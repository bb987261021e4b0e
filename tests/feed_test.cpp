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

TEST_CASE("feed: a category's RSS, found by Hugo's key, is at the category's path and named as its posts spell it") {
    SiteIndex site = parse_ok(R"({"title": "T", "posts": [
        {"slug": "a", "title": "A", "date": "2022-01-02", "categories": ["Release Notes"]},
        {"slug": "b", "title": "B", "date": "2022-01-01", "categories": ["release notes"]},
        {"slug": "c", "title": "C", "date": "2022-01-03", "tags": ["Release Notes"]}]})");
    FeedOptions o;
    o.base_url = kBase;
    o.taxonomy = Taxonomy::Categories;
    o.tag = "release-notes";  // the key the build writes the feed under
    const std::string rss = feed_rss(site, o);
    CHECK(contains(rss, "<title>Release Notes on T</title>"));
    CHECK(contains(rss, "<link>https://example.com/blog/categories/release-notes/</link>"));
    CHECK(contains(rss, "<atom:link href=\"https://example.com/blog/categories/release-notes/index.xml\""));
    CHECK(contains(rss, "<title>A</title>"));
    CHECK(contains(rss, "<title>B</title>"));
    CHECK_FALSE(contains(rss, "<title>C</title>"));  // a tag of the same name is another term
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

namespace {

// The characters XML 1.0 forbids (its Char production) in `xml`, one line
// each ("U+FFFE at 412"); bytes that are not UTF-8 are forbidden too.
std::vector<std::string> forbidden_in_xml(const std::string& xml) {
    std::vector<std::string> found;
    auto hex = [](unsigned cp) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", cp);
        return std::string(buf);
    };
    for (size_t i = 0; i < xml.size();) {
        const unsigned char b = static_cast<unsigned char>(xml[i]);
        const size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
        unsigned cp = n == 1 ? b : n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
        bool ok = n > 0 && i + n <= xml.size();
        for (size_t k = 1; ok && k < n; ++k) {
            const unsigned char c = static_cast<unsigned char>(xml[i + k]);
            ok = (c & 0xC0) == 0x80;
            cp = cp << 6 | (c & 0x3F);
        }
        const size_t shortest = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (!ok || n != shortest) {
            found.push_back("byte " + std::to_string(b) + " (not UTF-8) at " + std::to_string(i));
            ++i;
            continue;
        }
        const bool xml_char = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                              (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
        if (!xml_char) found.push_back(hex(cp) + " at " + std::to_string(i));
        i += n;
    }
    return found;
}

// Each character XML 1.0 forbids, as an index may hold it (JSON escapes
// for the characters, raw bytes for what is not UTF-8), between "a" and "b".
const char* const kForbidden[] = {
    "\\u0000", "\\u0001", "\\u0008", "\\u000b", "\\u000c", "\\u001f",  // C0 controls but tab, LF, CR
    "\\ufffe", "\\uffff",                                               // the two non-characters XML refuses
    "\xED\xA0\x80", "\xED\xBF\xBF",                                     // encoded surrogates (JSON refuses "\\ud800")
    "\xC0\xAF", "\xFF", "\xE2\x82",                                     // overlong, never UTF-8, cut short
};

}  // namespace

TEST_CASE("feed: the RSS and the sitemap are well-formed XML whatever character the index or a post holds") {
    // Each alone, then all of them together (read by feedparser too).
    std::vector<std::string> cases(std::begin(kForbidden), std::end(kForbidden));
    cases.push_back("");
    for (const char* bad : kForbidden) cases.back() += bad;
    for (const std::string& b : cases) {
        const std::string json = "{\"title\": \"Site a" + b + "b\", \"author\": \"Au a" + b + "b\", \"posts\": ["
                                 "{\"slug\": \"p\", \"title\": \"Title a" + b + "b\", \"date\": \"2022-07-24T21:42:07Z\","
                                 " \"summary\": \"Sum a" + b + "b\", \"tags\": [\"t a" + b + "b\"]},"
                                 "{\"slug\": \"q\", \"title\": \"Q\", \"summary\": \"Sum a" + b + "b\", \"tags\": [\"t a" + b + "b\"]}]}";
        auto parsed = index_parse(json, "posts/index.json");
        REQUIRE(parsed.ok());
        const SiteIndex& site = parsed.value();
        REQUIRE(site.posts.size() == 2);
        // The post's HTML as the tool hands it: the character as the index
        // decoded it, and as raw bytes (a post's bytes are as written).
        const std::string raw = site.posts[0].title.substr(7, site.posts[0].title.size() - 8) + b;
        const FeedPostHtml html = [&](const Post& p) -> std::optional<std::string> {
            if (p.slug != "p") return std::nullopt;
            return "<p>Body a" + raw + "b]]><![CDATA[</p>";
        };
        FeedOptions o;
        o.base_url = kBase;
        const std::string site_feed = feed_rss(site, o, html);
        o.tag = site.posts[0].tags[0];
        const std::string tag_feed = feed_rss(site, o, html);
        const std::string sitemap = feed_sitemap(kBase, {{"", std::nullopt}, {"tags/" + o.tag + "/", std::nullopt}});
        for (const std::string* xml : {&site_feed, &tag_feed, &sitemap}) {
            INFO("the index's character " << b << " in:\n" << *xml);
            CHECK(forbidden_in_xml(*xml) == std::vector<std::string>{});
        }
        INFO("the index's character " << b);
        CHECK(contains(site_feed, "]]&gt;&lt;![CDATA["));  // the HTML is escaped text: no CDATA to break out of
        if (&b != &cases.back()) continue;
        CHECK(parsed_by_feedparser(site_feed).rfind("title: Site a", 0) == 0);
        CHECK(parsed_by_feedparser(tag_feed).rfind("title: t a", 0) == 0);
    }
}

TEST_CASE("feed: U+FFFE, U+FFFF and bytes that are not UTF-8 become U+FFFD; C0 controls are dropped; the rest is kept") {
    auto feed_title = [](const std::string& title) {
        SiteIndex site;
        site.title = title;
        FeedOptions o;
        o.base_url = kBase;
        const std::string rss = feed_rss(site, o);
        const size_t b = rss.find("<title>") + 7;
        return rss.substr(b, rss.find("</title>") - b);
    };
    CHECK(feed_title("a\xEF\xBF\xBE" "b\xEF\xBF\xBF" "c") == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
    CHECK(feed_title("a\xED\xA0\x80" "b") == "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "b");  // as a browser decodes it
    CHECK(feed_title("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(feed_title(std::string("a\0b\x01\x1F" "c", 6)) == "abc");
    CHECK(feed_title("tab\there\nnew\rline") == "tab\there\nnew\rline");
    // Allowed in XML 1.0, kept: C1 controls, DEL, U+FFFD, other non-characters, astral characters.
    const std::string allowed = "\xC2\x80\xC2\x9F\x7F\xEF\xBF\xBD\xEF\xB7\x90\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF";
    CHECK(feed_title(allowed) == allowed);
    CHECK(feed_title("\xEF\xBF") == "\xEF\xBF\xBD");  // a cut U+FFFF: one replacement, nothing read past the end
}
