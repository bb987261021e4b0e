// The head of a prerendered page: title, description, canonical, Open Graph,
// JSON-LD, escaped for where each lands.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/document/document.hpp"
#include "tests/support.hpp"

using namespace blog;
using namespace blog::test;

namespace {

DocumentMeta post_meta() {
    DocumentMeta m;
    m.title = "Lets Go | Jose Villalta";
    m.description = "Go I have been writing go since 2016";
    m.canonical_url = "https://example.com/blog/posts/lets-go/";
    m.site_name = "Jose Villalta";
    DocumentMeta::Article a;
    a.headline = "Lets Go";
    a.published = date_parse("2022-07-24T21:42:07-07:00").value();
    a.author = "Jose Villalta";
    a.tags = {"go"};
    m.article = a;
    return m;
}

// The JSON-LD block of a head, parsed.
nlohmann::json json_ld(const std::string& head) {
    const std::string open = "<script type=\"application/ld+json\">";
    size_t b = head.find(open);
    REQUIRE(b != std::string::npos);
    b += open.size();
    size_t e = head.find("</script>", b);
    REQUIRE(e != std::string::npos);
    return nlohmann::json::parse(head.substr(b, e - b));
}

}  // namespace

TEST_CASE("document: a post's head has its title, description, canonical URL, Open Graph and JSON-LD") {
    const std::string head = document_head(post_meta());
    CHECK(contains(head, "<title>Lets Go | Jose Villalta</title>\n"
                         "<meta name=\"description\" content=\"Go I have been writing go since 2016\">\n"
                         "<link rel=\"canonical\" href=\"https://example.com/blog/posts/lets-go/\">\n"
                         "<meta property=\"og:title\" content=\"Lets Go\">\n"));
    CHECK(contains(head, "<meta property=\"og:type\" content=\"article\">"));
    CHECK(contains(head, "<meta property=\"og:url\" content=\"https://example.com/blog/posts/lets-go/\">"));
    CHECK(contains(head, "<meta property=\"article:published_time\" content=\"2022-07-24T21:42:07-07:00\">"));
    CHECK(contains(head, "<meta property=\"article:tag\" content=\"go\">"));
    const nlohmann::json ld = json_ld(head);
    CHECK(ld["@type"] == "BlogPosting");
    CHECK(ld["headline"] == "Lets Go");
    CHECK(ld["datePublished"] == "2022-07-24T21:42:07-07:00");
    CHECK(ld["author"]["name"] == "Jose Villalta");
    CHECK(ld["mainEntityOfPage"]["@id"] == "https://example.com/blog/posts/lets-go/");
}

TEST_CASE("document: a list page is a website, without JSON-LD") {
    DocumentMeta m;
    m.title = "Jose Villalta";
    m.canonical_url = "https://example.com/blog/";
    const std::string head = document_head(m);
    CHECK(contains(head, "<meta property=\"og:type\" content=\"website\">"));
    CHECK_FALSE(contains(head, "ld+json"));
    CHECK_FALSE(contains(head, "name=\"description\""));  // none given, none written
}

TEST_CASE("document: hostile titles stay text in every place they land") {
    DocumentMeta m = post_meta();
    const std::string evil = "</title><script>alert(1)</script>\" onload=\"x <!-- </script>";
    m.title = evil;
    m.description = evil;
    m.article->headline = evil;
    m.article->author = evil;
    const std::string head = document_head(m);
    CHECK(contains(head, "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload=&quot;x"));
    // One script element only, ours, and it ends where we end it.
    CHECK(head.find("<script") == head.find("<script type=\"application/ld+json\">"));
    CHECK(head.find("<script", head.find("<script") + 1) == std::string::npos);
    CHECK(head.find("</script>") == head.rfind("</script>"));
    CHECK_FALSE(contains(head.substr(head.find("ld+json")), "<!--"));
    CHECK(json_ld(head)["headline"] == evil);  // the data survives, escaped as \u003c
}
