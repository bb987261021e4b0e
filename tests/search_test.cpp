// Search: folding (case and Latin diacritics), AND semantics, ranking,
// highlighting in the original text, and the search screen.
#include <catch2/catch.hpp>

#include "core/search/search.hpp"
#include "core/view/views.hpp"
#include "tests/support.hpp"

using namespace blog;
using namespace blog::test;

namespace {

// The slugs of the hits, in rank order.
std::vector<std::string> slugs(const SiteIndex& site, const std::vector<SearchHit>& hits) {
    std::vector<std::string> out;
    for (const SearchHit& h : hits) out.push_back(site.posts[h.post].slug);
    return out;
}

size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

std::vector<std::string> find(const SiteIndex& site, std::string_view query) {
    return slugs(site, search_run(search_index_build(site), search_words(query)));
}

}  // namespace

TEST_CASE("search: folding ignores case and the diacritics of Latin letters") {
    CHECK(search_fold("Déjà-vu") == "deja-vu");
    CHECK(search_fold("ÆØÅ æøå") == "aeoa aeoa");
    CHECK(search_fold("Straße") == "strasse");
    CHECK(search_fold("Þórr Œuvre ĲSSEL") == "thorr oeuvre ijssel");
    CHECK(search_fold("Łódź Čeština İstanbul ıi Ŀl ſ") == "lodz cestina istanbul ii ll s");
    CHECK(search_fold("ÀÁÂÃÄÅ àáâãäå ÇçÑñÐð ÝýÿŸ") == "aaaaaa aaaaaa ccnndd yyyy");
    SECTION("combining marks are dropped: a decomposed é is an e") {
        CHECK(search_fold("De\xcc\x81ja\xcc\x80") == "deja");
    }
    SECTION("typographic quotes and a no-break space read as typed on a keyboard") {
        CHECK(search_fold("I\u2019ve \u201cfun\u201d\u00a0x") == "i've \"fun\" x");
    }
    SECTION("× and ÷ are not letters; other scripts stay as they are") {
        CHECK(search_fold("2×3÷1") == "2×3÷1");
        CHECK(search_fold("Ελληνικά 日本") == "Ελληνικά 日本");
    }
    SECTION("every letter of the two blocks folds to lower-case ASCII") {
        for (unsigned cp = 0xC0; cp < 0x180; ++cp) {
            if (cp == 0xD7 || cp == 0xF7) continue;
            std::string ch;
            ch += char(0xC0 | (cp >> 6));
            ch += char(0x80 | (cp & 0x3F));
            const std::string folded = search_fold(ch);
            INFO("U+" << std::hex << cp << " -> " << folded);
            CHECK((folded.size() == 1 || folded.size() == 2));
            for (char c : folded) CHECK((c >= 'a' && c <= 'z'));
        }
    }
    SECTION("bytes that are not UTF-8 are kept one by one") {
        CHECK(search_fold("A\xff\xc3") == "a\xff\xc3");
    }
    SECTION("each folded byte knows the character it came from") {
        std::string out;
        std::vector<uint32_t> from;
        search_fold_append(out, "Æb\xc3\xa9", &from);
        CHECK(out == "aebe");
        CHECK(from == std::vector<uint32_t>{0, 0, 2, 3});
    }
}

TEST_CASE("search: a query's words are folded, split at spaces, without repeats") {
    CHECK(search_words("  Déjà   VU déjà\tvu ") == std::vector<std::string>{"deja", "vu"});
    CHECK(search_words("").empty());
    CHECK(search_words(" \t\u00a0 ").empty());
}

TEST_CASE("search: \"deja\" finds \"Déjà-vu\", and \"DÉJÀ\" does too") {
    SiteIndex site = parse_ok(R"({"posts": [
        {"slug": "dv", "title": "Déjà-vu", "date": "2022-07-02"},
        {"slug": "other", "title": "Something else", "date": "2022-07-01"}]})");
    CHECK(find(site, "deja") == std::vector<std::string>{"dv"});
    CHECK(find(site, "DÉJÀ") == std::vector<std::string>{"dv"});
    CHECK(find(site, "déjà-vu") == std::vector<std::string>{"dv"});
}

TEST_CASE("search: every word must be found, in any of title, tags and summary") {
    SiteIndex site = parse_ok(R"({"posts": [
        {"slug": "borg", "title": "Borg at Google", "date": "2022-07-03", "tags": ["papers"], "summary": "Cluster management."},
        {"slug": "omega", "title": "Omega", "date": "2022-07-02", "tags": ["papers", "google"], "summary": "Borg's successor."},
        {"slug": "go", "title": "Lets Go", "date": "2022-07-01", "tags": ["go"], "summary": "Learning in public."}]})");
    CHECK(find(site, "borg") == std::vector<std::string>{"borg", "omega"});
    CHECK(find(site, "borg google") == std::vector<std::string>{"borg", "omega"});
    CHECK(find(site, "borg cluster") == std::vector<std::string>{"borg"});
    CHECK(find(site, "borg public").empty());
    CHECK(find(site, "bor").size() == 2);  // a part of a word is enough: results as the reader types
    SECTION("a query without words finds nothing (the screen shows only the box)") {
        CHECK(find(site, "").empty());
        CHECK(find(site, "   ").empty());
    }
}

TEST_CASE("search: title matches rank first, then tags, then summaries, newer first within a rank") {
    SiteIndex site = parse_ok(R"({"posts": [
        {"slug": "summary-new", "title": "A", "date": "2022-07-06", "summary": "about kubernetes"},
        {"slug": "tag-new", "title": "B", "date": "2022-07-05", "tags": ["kubernetes"]},
        {"slug": "title-new", "title": "Kubernetes, newer", "date": "2022-07-04"},
        {"slug": "summary-old", "title": "C", "date": "2022-07-03", "summary": "more kubernetes"},
        {"slug": "tag-old", "title": "D", "date": "2022-07-02", "tags": ["k8s", "kubernetes"]},
        {"slug": "title-old", "title": "Kubernetes, older", "date": "2022-07-01"},
        {"slug": "undated", "title": "Kubernetes, undated"},
        {"slug": "hidden", "title": "Kubernetes, hidden", "date": "2022-07-07", "hidden": true}]})");
    CHECK(find(site, "kubernetes") == std::vector<std::string>{"title-new", "title-old", "undated", "tag-new",
                                                               "tag-old", "summary-new", "summary-old"});
    SECTION("with several words, the more of them a title holds the higher") {
        SiteIndex two = parse_ok(R"({"posts": [
            {"slug": "one", "title": "Paper one", "date": "2022-07-02", "summary": "day"},
            {"slug": "both", "title": "Paper day", "date": "2022-07-01"}]})");
        CHECK(find(two, "paper day") == std::vector<std::string>{"both", "one"});
    }
    SECTION("hidden posts are not searched, as they are not listed") {
        CHECK(find(site, "hidden").empty());
    }
}

TEST_CASE("search: found words are marked in the original text, which stays escaped") {
    const std::vector<std::string> borg = search_words("borg");
    CHECK(search_highlight("Large-scale Borg at Google", borg) == "Large-scale <mark>Borg</mark> at Google");
    CHECK(search_highlight("Déjà-vu", search_words("deja")) == "<mark>Déjà</mark>-vu");
    CHECK(search_highlight("<script>alert(1)</script> Borg & co", borg) ==
          "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Borg</mark> &amp; co");
    CHECK(search_highlight("<script>", search_words("script")) == "&lt;<mark>script</mark>&gt;");
    CHECK(search_highlight("a \"quote\"", search_words("quo")) == "a &quot;<mark>quo</mark>te&quot;");
    SECTION("a match inside a two-letter fold marks the whole letter") {
        CHECK(search_highlight("Æther", search_words("ether")) == "<mark>Æther</mark>");
        CHECK(search_highlight("Straße", search_words("ss")) == "Stra<mark>ß</mark>e");
    }
    SECTION("a decomposed letter is marked with its combining mark") {
        CHECK(search_highlight("De\xcc\x81ja\xcc\x80 vu", search_words("deja")) == "<mark>De\xcc\x81ja\xcc\x80</mark> vu");
    }
    SECTION("overlapping and adjacent finds are one mark; every occurrence is marked") {
        CHECK(search_highlight("borgborg", search_words("borg rgb")) == "<mark>borgborg</mark>");
        CHECK(search_highlight("go, go, GO", search_words("go")) == "<mark>go</mark>, <mark>go</mark>, <mark>GO</mark>");
    }
    SECTION("no words, no marks") {
        CHECK(search_highlight("a < b", {}) == "a &lt; b");
    }
}

TEST_CASE("search: the search screen has PaperMod's box, the results and what to say when none match") {
    SiteIndex site = parse_ok(R"({"title": "T", "posts": [
        {"slug": "a", "title": "<script>alert(1)</script> Borg", "date": "2022-07-24", "summary": "About borg.", "tags": ["google"]},
        {"slug": "b", "title": "Other", "date": "2022-07-23", "summary": "Nothing."}]})");
    const SearchIndex index = search_index_build(site);
    SECTION("an empty query shows nothing but the box") {
        Screen s = view_search(site, index, "");
        CHECK(s.title == "Search | T");
        CHECK(contains(s.html, "<div id=\"searchbox\" role=\"search\"><label class=\"search-label\" for=\"searchInput\">"));
        CHECK(contains(s.html, "<input id=\"searchInput\" type=\"search\" data-action=\"search\" placeholder=\"Search \u21b5\" "
                               "autocomplete=\"off\" spellcheck=\"false\" value=\"\">"));
        CHECK(contains(s.html, "<ul id=\"searchResults\" aria-label=\"search results\"></ul>"));
        CHECK_FALSE(contains(s.html, "post-entry"));
        CHECK_FALSE(contains(s.html, "No posts match"));
    }
    SECTION("results: marked, escaped title and summary, date, tags, a link to the post") {
        Screen s = view_search(site, index, "borg");
        CHECK(contains(s.html, "value=\"borg\""));
        CHECK(contains(s.html, "<li class=\"post-entry\"><header class=\"entry-header\"><h2 class=\"entry-hint-parent\">"
                               "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Borg</mark></h2></header>"
                               "<div class=\"entry-content\"><p>About <mark>borg</mark>....</p></div>"
                               "<footer class=\"entry-footer\"><span title=\"2022-07-24 00:00:00 +0000 UTC\">July 24, 2022"
                               "</span>&nbsp;·&nbsp;#google</footer><a class=\"entry-link\" aria-label=\"post link to "
                               "&lt;script&gt;alert(1)&lt;/script&gt; Borg\" href=\"#/posts/a\"></a></li>"));
        CHECK_FALSE(contains(s.html, "<script>"));
        CHECK(count(s.html, "class=\"post-entry\"") == 1);
    }
    SECTION("no match says so, with the query escaped") {
        Screen s = view_search(site, index, "  <zz>  ");
        CHECK(contains(s.html, "<p class=\"search-empty\">No posts match \u201c&lt;zz&gt;\u201d.</p>"));
        CHECK(contains(s.html, "value=\"  &lt;zz&gt;  \""));
    }
    SECTION("links follow the site's links") {
        Screen s = view_search(site, index, "borg", RouteLinks::paths("/blog/"));
        CHECK(contains(s.html, "href=\"/blog/posts/a/\""));
    }
}

TEST_CASE("search: at most kSearchShown results are shown, and the screen says how many match") {
    std::string json = R"({"posts": [)";
    for (int i = 0; i < 60; ++i)
        json += std::string(i ? "," : "") + R"({"slug": "p)" + std::to_string(i) + R"(", "title": "Post )" +
                std::to_string(i) + R"("})";
    json += "]}";
    SiteIndex site = parse_ok(json);
    Screen s = view_search(site, search_index_build(site), "post");
    CHECK(count(s.html, "class=\"post-entry\"") == kSearchShown);
    CHECK(contains(s.html, "<p class=\"search-more\">60 posts match; the first 50 are shown."));
}

TEST_CASE("search: the index is folded once, by position in the site's posts") {
    SiteIndex site = parse_ok(R"({"posts": [
        {"slug": "h", "title": "Hidden Ünïcode", "hidden": true},
        {"slug": "a", "title": "Ünïcode", "date": "2022-07-02", "summary": "Sümmary", "tags": ["Çä"]}]})");
    SearchIndex index = search_index_build(site);
    REQUIRE(index.entries.size() == 1);
    CHECK(site.posts[index.entries[0].post].slug == "a");
    CHECK(index.entries[0].title == "unicode");
    CHECK(index.entries[0].summary == "summary");
    CHECK(index.entries[0].tags == std::vector<std::string>{"ca"});
}
