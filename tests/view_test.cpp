#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/page/page.hpp"
#include "core/view/views.hpp"
#include "tests/support.hpp"

using namespace blog;
using namespace blog::test;

namespace {

SiteIndex sample_site() { return parse_ok(sample_file("tests/fixtures/sample-index.json")); }

RenderedMarkdown render(std::string_view text, const std::string& slug = "x") {
    MarkdownOptions o;
    o.base_url = "posts/" + slug + ".md";
    o.self_route = "#/posts/" + slug;
    auto r = markdown_render(text, o);
    if (!r.ok()) FAIL(r.error().message);
    return std::move(r).value();
}

std::optional<Summary> index_summary(const Post& post) {
    if (!post.summary) return std::nullopt;
    return Summary{*post.summary, post.truncated};
}

size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
    return n;
}

// The text between `from` and the next `to` (both excluded), or "" if absent.
std::string between(const std::string& s, const std::string& from, const std::string& to) {
    size_t b = s.find(from);
    if (b == std::string::npos) return {};
    b += from.size();
    size_t e = s.find(to, b);
    return e == std::string::npos ? std::string() : s.substr(b, e - b);
}

// Slugs of the entries of a list screen, in order.
std::vector<std::string> listed_slugs(const std::string& html) {
    std::vector<std::string> out;
    const std::string marker = "<a class=\"entry-link\" aria-label=\"";
    for (size_t at = html.find(marker); at != std::string::npos; at = html.find(marker, at + 1))
        out.push_back(between(html.substr(at), "href=\"#/posts/", "\""));
    return out;
}

std::string words(size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += "word ";
    return out;
}

}  // namespace

TEST_CASE("view: a list entry of the sample blog has PaperMod's markup") {
    SiteIndex site = sample_site();
    const Post* post = site.find("lets-go");
    REQUIRE(post);
    CHECK(view_list_entry(*post, index_summary(*post)) ==
          "<article class=\"post-entry\">\n"
          "<header class=\"entry-header\"><h2 class=\"entry-hint-parent\">Lets Go</h2></header>\n"
          "<div class=\"entry-content\"><p>Go I have been writing go since a little after last year. I actually "
          "remember hearing about go when it first came out, back then I honestly never thought I’d be getting paid to "
          "work in it. Even though I’ve been writing code in go for a while, I don’t think I know the language in "
          "enough depth to consider myself a go expert. I want to change that. So I am going to start writing about go "
          "here as a way to “learn in public” Expect posts on the following topics:...</p></div>\n"
          "<footer class=\"entry-footer\"><span title=\"2022-07-24 21:42:07 -0700 -0700\">July 24, "
          "2022</span>&nbsp;·&nbsp;Jose Villalta</footer>\n"
          "<a class=\"entry-link\" aria-label=\"post link to Lets Go\" href=\"#/posts/lets-go\"></a>\n"
          "</article>\n");
}

TEST_CASE("view: \"...\" follows a summary only when the post goes on") {
    SiteIndex site = sample_site();
    const Post& post = *site.find("lets-go");
    SECTION("truncated") {
        CHECK(contains(view_list_entry(post, Summary{"Short.", true}), "<p>Short....</p>"));
    }
    SECTION("not truncated") {
        std::string entry = view_list_entry(post, Summary{"Short.", false});
        CHECK(contains(entry, "<p>Short.</p>"));
        CHECK_FALSE(contains(entry, "..."));
    }
    SECTION("the seed's \"New blog!\" says truncated: false") {
        const Post& new_blog = *site.find("new-blog");
        CHECK(contains(view_list_entry(new_blog, index_summary(new_blog)),
                       "<p>Started a new page to write about tech stuff. Work in Progress</p>"));
    }
    SECTION("no summary (not known yet, or empty): no content at all") {
        CHECK_FALSE(contains(view_list_entry(post, std::nullopt), "entry-content"));
        CHECK_FALSE(contains(view_list_entry(post, Summary{"", true}), "entry-content"));
    }
}

TEST_CASE("view: an entry without a date has the author alone in its footer") {
    SiteIndex site = sample_site();
    const Post& post = *site.find("new-blog");
    CHECK(view_date(post).empty());
    CHECK(contains(view_list_entry(post, index_summary(post)),
                   "<footer class=\"entry-footer\">Jose Villalta</footer>\n"));
    SECTION("neither date nor author: no footer") {
        SiteIndex bare = parse_ok(R"({"posts": [{"slug": "a", "title": "A"}]})");
        CHECK_FALSE(contains(view_list_entry(bare.posts[0], std::nullopt), "entry-footer"));
    }
    SECTION("a date but no author: the date alone") {
        SiteIndex bare = parse_ok(R"({"posts": [{"slug": "a", "title": "A", "date": "2022-07-24"}]})");
        CHECK(contains(view_list_entry(bare.posts[0], std::nullopt),
                       "<footer class=\"entry-footer\"><span title=\"2022-07-24 00:00:00 +0000 UTC\">July 24, "
                       "2022</span></footer>"));
    }
}

TEST_CASE("view: the list is paginated") {
    SiteIndex site = sample_site();
    const std::vector<std::string>& all = seed_slugs();
    SECTION("page size 10: one page, no pagination") {
        Screen s = view_list(site, ListQuery{1, 10, ""});
        CHECK(listed_slugs(s.html) == all);
        CHECK_FALSE(contains(s.html, "pagination"));
        CHECK(s.title == "Jose Villalta");
        CHECK(view_page_count(site, ListQuery{1, 10, ""}) == 1);
    }
    SECTION("page size 5, page 1: posts 1-5 and a link to page 2") {
        Screen s = view_list(site, ListQuery{1, 5, ""});
        CHECK(listed_slugs(s.html) == std::vector<std::string>(all.begin(), all.begin() + 5));
        CHECK(contains(s.html, "<footer class=\"page-footer\"><nav class=\"pagination\">"
                               "<a class=\"next\" href=\"#/page/2\">Next&nbsp;»</a></nav></footer>\n"));
        CHECK_FALSE(contains(s.html, "class=\"prev\""));
        CHECK(view_page_count(site, ListQuery{1, 5, ""}) == 2);
    }
    SECTION("page size 5, page 2: posts 6-10, a link back to #/ and no next") {
        Screen s = view_list(site, ListQuery{2, 5, ""});
        CHECK(listed_slugs(s.html) == std::vector<std::string>(all.begin() + 5, all.end()));
        CHECK(contains(s.html, "<footer class=\"page-footer\"><nav class=\"pagination\">"
                               "<a class=\"prev\" href=\"#/\">«&nbsp;Prev</a></nav></footer>\n"));
        CHECK_FALSE(contains(s.html, "class=\"next\""));
        CHECK(s.title == "Page 2 | Jose Villalta");
    }
    SECTION("a middle page links both ways") {
        Screen s = view_list(site, ListQuery{2, 3, ""});
        CHECK(listed_slugs(s.html) == std::vector<std::string>(all.begin() + 3, all.begin() + 6));
        CHECK(contains(s.html, "<a class=\"prev\" href=\"#/\">«&nbsp;Prev</a><a class=\"next\" "
                               "href=\"#/page/3\">Next&nbsp;»</a>"));
        CHECK(view_page_count(site, ListQuery{1, 3, ""}) == 4);
    }
    SECTION("a page out of range is a not-found screen") {
        for (int page : {3, 0, -1, 100}) {
            INFO(page);
            Screen s = view_list(site, ListQuery{page, 5, ""});
            CHECK(s.title == "Page not found | Jose Villalta");
            CHECK(contains(s.html, "<div class=\"not-found\" role=\"alert\"><h1>Page not found</h1><p>Page " +
                                       std::to_string(page) +
                                       " does not exist: the list has 2 pages.</p><p><a class=\"back\" "
                                       "href=\"#/\">« Back to the list</a></p></div>\n"));
            CHECK(listed_slugs(s.html).empty());
        }
    }
    SECTION("an empty blog has one page that says so") {
        SiteIndex empty = parse_ok(R"({"title": "T", "posts": []})");
        CHECK(view_page_count(empty, ListQuery{}) == 1);
        CHECK(contains(view_list(empty, ListQuery{}).html, "<p class=\"empty\">No posts yet.</p>"));
        CHECK(contains(view_list(empty, ListQuery{2, 10, ""}).html, "the list has 1 page."));
    }
}

TEST_CASE("view: a tag's list has the posts with the tag, hidden ones included") {
    SiteIndex site = sample_site();
    SECTION("a tag") {
        Screen s = view_list(site, ListQuery{1, 10, "google"});
        CHECK(listed_slugs(s.html) == std::vector<std::string>{"paper-day-8-omega", "paper-day-7-borg"});
        CHECK(contains(s.html, "<header class=\"page-header\"><h1>google</h1></header>\n"));
        CHECK(s.title == "google | Jose Villalta");
    }
    SECTION("the hidden sample post is listed under its tag") {
        CHECK(listed_slugs(view_list(site, ListQuery{1, 10, "markdown"}).html) ==
              std::vector<std::string>{"markdown-features"});
    }
    SECTION("pagination links stay in the tag") {
        Screen s = view_list(site, ListQuery{2, 2, "distributed-systems"});
        CHECK(contains(s.html, "<a class=\"prev\" href=\"#/tags/distributed-systems\">«&nbsp;Prev</a>"
                               "<a class=\"next\" href=\"#/tags/distributed-systems/page/3\">Next&nbsp;»</a>"));
        CHECK(s.title == "distributed-systems · Page 2 | Jose Villalta");
    }
    SECTION("a tag no post has is not found") {
        Screen s = view_list(site, ListQuery{1, 10, "nope"});
        CHECK(s.title == "Tag not found | Jose Villalta");
        CHECK(contains(s.html, "<h1>Tag not found</h1><p>No post has the tag \u201cnope\u201d.</p>"));
    }
}

TEST_CASE("view: the post's meta line has its date, reading time, words and author") {
    SiteIndex site = sample_site();
    const Post& post = *site.find("lets-go");
    const std::string markdown = sample_post_body("posts/lets-go.md");
    RenderedMarkdown body = render(markdown, "lets-go");

    // Words counted independently: the source's whitespace-separated tokens
    // less the ones that are only markup (heading marks, bullets, fences).
    size_t expected_words = 0;
    std::istringstream tokens(markdown);
    for (std::string token; tokens >> token;)
        if (token != "##" && token != "-" && token.rfind("```", 0) != 0) ++expected_words;
    CHECK(expected_words == 444);
    CHECK(body.word_count == expected_words);

    Screen s = view_post(site, post, &body);
    CHECK(contains(s.html, "<div class=\"post-meta\"><span title=\"2022-07-24 21:42:07 -0700 -0700\">July 24, "
                           "2022</span>&nbsp;·&nbsp;3 min&nbsp;·&nbsp;444 words&nbsp;·&nbsp;Jose Villalta</div>"));
    CHECK(s.title == "Lets Go | Jose Villalta");
    CHECK(contains(s.html, "<h1 class=\"post-title\">Lets Go</h1>"));
    // The sample turns the copy buttons on; without them the body is as rendered.
    CHECK(count(s.html, "class=\"copy-code\"") == count(body.html, "</pre>"));
    SiteIndex plain = site;
    plain.switches.show_code_copy_buttons = false;
    CHECK(contains(view_post(plain, *plain.find("lets-go"), &body).html,
                   "<div class=\"post-content\">" + body.html + "</div>"));

    SECTION("a Chinese post: each character a word, 501 a minute (Hugo's CJK rule)") {
        SiteIndex bare = parse_ok(R"({"showReadingTime": true, "showWordCount": true,
                                      "posts": [{"slug": "a", "title": "A"}]})");
        std::string text;
        for (int i = 0; i < 1002; ++i) text += "\xE5\xAD\x97";  // 字
        MarkdownOptions cjk;
        cjk.cjk = true;
        RenderedMarkdown zh = markdown_render(text, cjk).value();
        CHECK(contains(view_post(bare, bare.posts[0], &zh).html,
                       "<div class=\"post-meta\">2 min&nbsp;·&nbsp;1002 words</div>"));
    }
    SECTION("one word, no date") {
        SiteIndex bare = parse_ok(R"({"author": "A", "showReadingTime": true, "showWordCount": true,
                                      "posts": [{"slug": "a", "title": "A"}]})");
        RenderedMarkdown one = render("hello");
        CHECK(contains(view_post(bare, bare.posts[0], &one).html,
                       "<div class=\"post-meta\">1 min&nbsp;·&nbsp;1 word&nbsp;·&nbsp;A</div>"));
    }
    SECTION("214 words take two minutes") {
        SiteIndex bare = parse_ok(R"({"showReadingTime": true, "showWordCount": true,
                                      "posts": [{"slug": "a", "title": "A"}]})");
        RenderedMarkdown long_body = render(words(214));
        CHECK(contains(view_post(bare, bare.posts[0], &long_body).html,
                       "<div class=\"post-meta\">2 min&nbsp;·&nbsp;214 words</div>"));
    }
    SECTION("while the body loads: the date and author, and a loading notice") {
        Screen loading = view_post(site, post, nullptr);
        CHECK(contains(loading.html, "<div class=\"post-meta\"><span title=\"2022-07-24 21:42:07 -0700 -0700\">July "
                                     "24, 2022</span>&nbsp;·&nbsp;Jose Villalta</div>"));
        CHECK(contains(loading.html, "<p class=\"loading\" aria-busy=\"true\">Loading…</p>"));
        CHECK_FALSE(contains(loading.html, "post-content"));
        CHECK(loading.title == "Lets Go | Jose Villalta");
    }
}

TEST_CASE("view: the table of contents appears with two or more h2-h4 headings, and nests") {
    SiteIndex site = parse_ok(R"({"showToc": true, "posts": [{"slug": "x", "title": "X"}]})");
    const Post& post = site.posts[0];
    auto toc = [&](const char* markdown) {
        RenderedMarkdown body = render(markdown);
        return between(view_post(site, post, &body).html, "<div class=\"inner\">", "</div></details></div>");
    };
    const std::string has_toc = "<div class=\"toc\">";
    SECTION("none for a single heading, or for h1, h5 and h6 only") {
        for (const char* md : {"text", "## Only", "# A\n# B\n##### C\n###### D", "# T\n## Only\n##### five"}) {
            INFO(md);
            RenderedMarkdown body = render(md);
            CHECK_FALSE(contains(view_post(site, post, &body).html, has_toc));
        }
    }
    SECTION("two flat headings") {
        RenderedMarkdown body = render("## A\n## B");
        CHECK(contains(view_post(site, post, &body).html,
                       "<div class=\"toc\"><details><summary accesskey=\"c\" title=\"(Alt + C)\"><span "
                       "class=\"details\">Table of Contents</span></summary><div class=\"inner\"><ul><li><a "
                       "href=\"#/posts/x#a\" aria-label=\"A\">A</a></li><li><a href=\"#/posts/x#b\" "
                       "aria-label=\"B\">B</a></li></ul></div></details></div>\n<div class=\"post-content\">"));
    }
    SECTION("nested levels") {
        CHECK(toc("## A\n### B\n### C\n## D\n#### E\n## F") ==
              "<ul><li><a href=\"#/posts/x#a\" aria-label=\"A\">A</a><ul><li><a href=\"#/posts/x#b\" "
              "aria-label=\"B\">B</a></li><li><a href=\"#/posts/x#c\" aria-label=\"C\">C</a></li></ul></li><li><a "
              "href=\"#/posts/x#d\" aria-label=\"D\">D</a><ul><li><a href=\"#/posts/x#e\" "
              "aria-label=\"E\">E</a></li></ul></li><li><a href=\"#/posts/x#f\" aria-label=\"F\">F</a></li></ul>");
    }
    SECTION("closing two levels at once") {
        CHECK(toc("## a\n### b\n#### c\n## d") ==
              "<ul><li><a href=\"#/posts/x#a\" aria-label=\"a\">a</a><ul><li><a href=\"#/posts/x#b\" "
              "aria-label=\"b\">b</a><ul><li><a href=\"#/posts/x#c\" aria-label=\"c\">c</a></li></ul></li></ul></li>"
              "<li><a href=\"#/posts/x#d\" aria-label=\"d\">d</a></li></ul>");
    }
    SECTION("the shallowest level present is the top; h1 is left out") {
        CHECK(toc("# Title\n### a\n#### b\n### c") ==
              "<ul><li><a href=\"#/posts/x#a\" aria-label=\"a\">a</a><ul><li><a href=\"#/posts/x#b\" "
              "aria-label=\"b\">b</a></li></ul></li><li><a href=\"#/posts/x#c\" aria-label=\"c\">c</a></li></ul>");
    }
    SECTION("every list opened is closed") {
        for (const char* md : {"## a\n#### b\n### c\n## d", "### a\n## b\n### c", "## a\n### b\n#### c",
                               "#### a\n### b\n## c"}) {
            INFO(md);
            std::string t = toc(md);
            CHECK(count(t, "<ul>") == count(t, "</ul>"));
            CHECK(count(t, "<li>") == count(t, "</li>"));
            CHECK(t.rfind("<ul>", 0) == 0);
        }
    }
    SECTION("non-ASCII headings link to their percent-encoded ids") {
        CHECK(toc("## Ünï\n## b") ==
              "<ul><li><a href=\"#/posts/x#%C3%BCn%C3%AF\" aria-label=\"Ünï\">Ünï</a></li><li><a "
              "href=\"#/posts/x#b\" aria-label=\"b\">b</a></li></ul>");
    }
}

TEST_CASE("view: a post's tags link to their lists") {
    SiteIndex site = sample_site();
    const Post& post = *site.find("lets-go");
    RenderedMarkdown body = render("text", "lets-go");
    CHECK(contains(view_post(site, post, &body).html,
                   "<ul class=\"post-tags\"><li><a href=\"#/tags/go\">go</a></li><li><a "
                   "href=\"#/tags/learning-in-public\">learning-in-public</a></li></ul>"));
    SECTION("no tags, no list") {
        SiteIndex bare = parse_ok(R"({"posts": [{"slug": "a", "title": "A"}]})");
        CHECK_FALSE(contains(view_post(bare, bare.posts[0], &body).html, "post-tags"));
    }
}

TEST_CASE("view: a post links to the newer post as \"« Prev\" and the older as \"Next »\"") {
    SiteIndex site = sample_site();
    RenderedMarkdown body = render("text");
    SECTION("a middle post links both ways") {
        Screen s = view_post(site, *site.find("paper-day-8-omega"), &body);
        CHECK(contains(s.html,
                       "<nav class=\"paginav\"><a class=\"prev\" href=\"#/posts/lets-go\"><span "
                       "class=\"title\">«&nbsp;Prev</span><br><span>Lets Go</span></a><a class=\"next\" "
                       "href=\"#/posts/paper-day-7-borg\"><span class=\"title\">Next&nbsp;»</span><br><span>Paper every "
                       "day. Day Seven: Large-scale cluster management at Google with Borg</span></a></nav>"));
    }
    SECTION("the newest post has no \"« Prev\"") {
        Screen s = view_post(site, *site.find("lets-go"), &body);
        CHECK(contains(s.html, "<nav class=\"paginav\"><a class=\"next\" href=\"#/posts/paper-day-8-omega\">"));
        CHECK_FALSE(contains(s.html, "«&nbsp;Prev"));
    }
    SECTION("the oldest post has no \"Next »\"") {
        Screen s = view_post(site, *site.find("new-blog"), &body);
        CHECK(contains(s.html, "<nav class=\"paginav\"><a class=\"prev\" href=\"#/posts/paper-day-1-mesos\">"));
        CHECK_FALSE(contains(s.html, "Next&nbsp;»"));
    }
    SECTION("a hidden post links nowhere, and no listed post links to it") {
        CHECK_FALSE(contains(view_post(site, *site.find("markdown-features"), &body).html, "paginav"));
        CHECK(contains(view_post(site, *site.find("paper-day-1-mesos"), &body).html,
                       "<a class=\"next\" href=\"#/posts/new-blog\">"));
    }
}

TEST_CASE("view: text from the index is escaped wherever it lands") {
    SiteIndex site = parse_ok(R"({
        "title": "<Blog> & \"Co\"",
        "author": "Eve <eve@example.com>",
        "showPostNavLinks": true,
        "posts": [
            {"slug": "a", "title": "<script>alert(\"t\")</script>", "date": "2022-07-24",
             "summary": "<img src=x onerror=alert('s')>", "tags": ["<b>&\"'"]},
            {"slug": "b", "title": "It's \"quoted\"", "author": "O'Brien & <Sons>"}
        ]})");
    const Post& a = *site.find("a");
    const Post& b = *site.find("b");
    const std::string entry = view_list_entry(a, index_summary(a));
    CHECK(contains(entry, "<h2 class=\"entry-hint-parent\">&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;</h2>"));
    CHECK(contains(entry, "<p>&lt;img src=x onerror=alert(&#39;s&#39;)&gt;...</p>"));
    CHECK(contains(entry, "&nbsp;·&nbsp;Eve &lt;eve@example.com&gt;</footer>"));
    CHECK(contains(entry, "aria-label=\"post link to &lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;\""));
    CHECK_FALSE(contains(entry, "<script"));
    CHECK_FALSE(contains(entry, "<img"));

    const std::string entry_b = view_list_entry(b, std::nullopt);
    CHECK(contains(entry_b, ">It&#39;s &quot;quoted&quot;</h2>"));
    CHECK(contains(entry_b, "<footer class=\"entry-footer\">O&#39;Brien &amp; &lt;Sons&gt;</footer>"));

    RenderedMarkdown body = render("text");
    const std::string post = view_post(site, a, &body).html;
    CHECK(contains(post, "<h1 class=\"post-title\">&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;</h1>"));
    CHECK(contains(post, "<li><a href=\"#/tags/b\">&lt;b&gt;&amp;&quot;&#39;</a></li>"));
    CHECK(contains(post, "&nbsp;·&nbsp;Eve &lt;eve@example.com&gt;</div>"));
    CHECK(contains(post, "<span>It&#39;s &quot;quoted&quot;</span>"));  // the next post's title
    CHECK(contains(post, "title=\"&lt;Blog&gt; &amp; &quot;Co&quot; (Alt + H)\">&lt;Blog&gt; &amp; &quot;Co&quot;</a>"));
    CHECK(contains(post, "<span>&copy; 2022 <a href=\"#/\">&lt;Blog&gt; &amp; &quot;Co&quot;</a></span>"));
    CHECK_FALSE(contains(post, "<script"));

    SECTION("a tag list's heading and the not-found message") {
        CHECK(contains(view_list(site, ListQuery{1, 10, "<b>&\"'"}).html,
                       "<h1>&lt;b&gt;&amp;&quot;&#39;</h1>"));
        CHECK(contains(view_list(site, ListQuery{1, 10, "<i>"}).html,
                       "<p>No post has the tag \u201c&lt;i&gt;\u201d.</p>"));
        CHECK(contains(view_not_found(&site, "<h>", "<m>").html, "<h1>&lt;h&gt;</h1><p>&lt;m&gt;</p>"));
        CHECK(contains(view_error(&site, "\"<e>\"").html,
                       "<div class=\"notice notice-error\" role=\"alert\"><p>&quot;&lt;e&gt;&quot;</p></div>"));
        CHECK(contains(view_error(&site, "<e>", ErrorAction::Retry).html,
                       "<div class=\"notice notice-error\" role=\"alert\"><p>&lt;e&gt;</p><p><button type=\"button\" "
                       "class=\"retry\" data-action=\"retry\">Try again</button></p></div>"));
    }
}

TEST_CASE("view: entries left out of the index are listed in a notice naming the file") {
    SECTION("one entry") {
        SiteIndex site = parse_ok(R"({"title": "T", "posts": [
            {"slug": "a", "title": "A"}, {"slug": "b", "title": "B"}, {"slug": "c", "title": "C"},
            {"slug": "d", "title": "D", "date": "24/07/2022"}]})");
        Screen s = view_list(site, ListQuery{});
        CHECK(contains(s.html, "<main class=\"main list\">\n<div class=\"notice notice-warn\" role=\"status\"><p>One entry "
                               "of posts/index.json was left out:</p><ul><li>posts[3].date: expected RFC 3339 date, "
                               "got &quot;24/07/2022&quot;</li></ul></div>\n<article class=\"first-entry post-entry\">"));
        CHECK(listed_slugs(s.html) == std::vector<std::string>{"a", "b", "c"});
    }
    SECTION("several entries") {
        SiteIndex site = parse_ok(R"({"posts": [{"title": "no slug"}, {"slug": "a", "title": "A"},
                                                {"slug": "a", "title": "again"}]})");
        CHECK(contains(view_list(site, ListQuery{}).html,
                       "<p>2 entries of posts/index.json were left out:</p><ul><li>posts[0].slug: missing "
                       "(required)</li><li>posts[2].slug: &quot;a&quot; is already used by posts[1]</li></ul>"));
    }
    SECTION("a field of the site that is ignored is not called an entry") {
        SiteIndex site = parse_ok(R"({"title": 42, "posts": [{"slug": "a", "title": "A"}, {"slug": "b"}]})");
        CHECK(contains(view_list(site, ListQuery{}).html,
                       "<p>Left out of posts/index.json:</p><ul><li>title: expected a string, got 42</li>"
                       "<li>posts[1].title: missing (required)</li></ul>"));
    }
    SECTION("no notice when every entry is fine") {
        CHECK_FALSE(contains(view_list(sample_site(), ListQuery{}).html, "notice-warn"));
    }
}

TEST_CASE("view: the page around every screen") {
    SiteIndex site = sample_site();
    SECTION("header and footer carry the site's title, the footer PaperMod's \"© <year> <title>\"") {
        std::string html = view_list(site, ListQuery{}).html;
        CHECK(html.rfind("<header class=\"header\"><nav class=\"nav\"><div class=\"logo\"><a href=\"#/\" accesskey=\"h\" "
                         "title=\"Jose Villalta (Alt + H)\">Jose Villalta</a><div class=\"logo-switches\"><button "
                         "type=\"button\" id=\"theme-toggle\" accesskey=\"t\" title=\"(Alt + T)\" data-action=\"theme\" "
                         "aria-label=\"Toggle theme\">",
                         0) == 0);
        CHECK(contains(html, "</button></div></div><ul id=\"menu\">"
                         "<li><a href=\"#/archive\" title=\"Archive\"><span>Archive</span></a></li>"
                         "<li><a href=\"#/search\" title=\"Search (Alt + /)\" accesskey=\"/\"><span>Search</span></a></li>"
                         "<li><a href=\"#/tags\" title=\"Tags\"><span>Tags</span></a></li></ul></nav></header>\n<main "
                         "class=\"main list\">\n"));
        // The year is the newest post's (the core has no clock).
        CHECK(contains(html, "</main>\n<footer class=\"footer\"><span>&copy; 2022 <a href=\"#/\">Jose Villalta</a></span> · "
                             "<span>Rendered in your browser by wasm-blog</span></footer>\n"));
    }
    SECTION("loading and errors, before the index is known") {
        Screen loading = view_loading(nullptr);
        CHECK(loading.title == "");
        CHECK(loading.kind == std::string("loading"));
        CHECK(loading.html.rfind("<header class=\"header\"><nav class=\"nav\"><div class=\"logo\"><div "
                                 "class=\"logo-switches\"><button type=\"button\" id=\"theme-toggle\"",
                                 0) == 0);
        CHECK(contains(loading.html, "</button></div></div></nav></header>\n<main "
                                     "class=\"main\">\n<p class=\"loading\" aria-busy=\"true\">Loading…</p>\n</main>\n<footer "
                                     "class=\"footer\"><span>Rendered in your browser by wasm-blog</span></footer>\n"));
        Screen error = view_error(nullptr, "Could not load posts/index.json: HTTP 404");
        CHECK(error.title == "Error");
        CHECK(contains(error.html, "<p>Could not load posts/index.json: HTTP 404</p>"));
        CHECK(error.kind == std::string("error"));
        CHECK_FALSE(contains(error.html, "data-action=\"retry\""));
        CHECK(contains(view_error(nullptr, "x", ErrorAction::Retry).html,
                       "<p><button type=\"button\" class=\"retry\" data-action=\"retry\">Try again</button></p>"));
    }
    SECTION("not found") {
        Screen s = view_not_found(&site, "Post not found", "There is no post \u201cx\u201d in this blog.");
        CHECK(s.title == "Post not found | Jose Villalta");
        CHECK(contains(s.html, "<div class=\"not-found\" role=\"alert\"><h1>Post not found</h1><p>There is no post "
                               "\u201cx\u201d in this blog.</p><p><a class=\"back\" href=\"#/\">« Back to the "
                               "list</a></p></div>\n"));
    }
}

TEST_CASE("view: a list entry takes its summary from the lookup when the index has none") {
    SiteIndex site = parse_ok(R"({"posts": [{"slug": "a", "title": "A"}, {"slug": "b", "title": "B", "summary": "From the index"}]})");
    std::vector<std::string> asked;
    SummaryLookup lookup = [&asked](const Post& p) -> std::optional<Summary> {
        asked.push_back(p.slug);
        return Summary{"From the Markdown", true};
    };
    std::string html = view_list(site, ListQuery{}, lookup).html;
    CHECK(contains(html, "<p>From the Markdown...</p>"));
    CHECK(contains(html, "<p>From the index...</p>"));
    CHECK(asked == std::vector<std::string>{"a"});
    SECTION("without a lookup the entry has no summary yet") {
        CHECK(count(view_list(site, ListQuery{}).html, "entry-content") == 1);
    }
}

TEST_CASE("view: the header's menu is Archive, Search and Tags, the current screen's entry active") {
    SiteIndex site = sample_site();
    const std::string active_tags =
        "<li><a href=\"#/tags\" title=\"Tags\" aria-current=\"page\"><span class=\"active\">Tags</span></a></li>";
    CHECK(contains(view_tags(site).html, active_tags));
    CHECK(contains(view_list(site, ListQuery{1, 10, "go"}).html, active_tags));  // a tag's list is under Tags
    CHECK(contains(view_archive(site).html,
                   "<a href=\"#/archive\" title=\"Archive\" aria-current=\"page\"><span class=\"active\">Archive</span></a>"));
    CHECK(contains(view_search(site, search_index_build(site), "x").html,
                   "<a href=\"#/search\" title=\"Search (Alt + /)\" accesskey=\"/\" aria-current=\"page\">"
                   "<span class=\"active\">Search</span></a>"));
    for (const std::string& html : {view_list(site, ListQuery{}).html, view_post(site, site.posts[0], nullptr).html,
                                    view_not_found(&site, "Post not found", "x").html}) {
        CHECK(contains(html, "<ul id=\"menu\">"));
        CHECK_FALSE(contains(html, "active"));
    }
    SECTION("a built site's menu links by path") {
        const std::string html = view_archive(site, RouteLinks::paths("/blog/")).html;
        CHECK(contains(html, "<ul id=\"menu\"><li><a href=\"/blog/archive/\" title=\"Archive\" aria-current=\"page\">"));
        CHECK(contains(html, "<a href=\"/blog/search/\" title=\"Search (Alt + /)\" accesskey=\"/\">"));
    }
    SECTION("before the index is known there is no menu") {
        CHECK_FALSE(contains(view_loading(nullptr).html, "menu"));
    }
}

TEST_CASE("view: the index's menu replaces the default, and hash routes in it follow the site's links") {
    SiteIndex site = parse_ok(R"({"title": "T", "menu": [
        {"name": "Home", "url": "#/"},
        {"name": "Archive", "url": "#/archive"},
        {"name": "Find", "url": "#/search"},
        {"name": "About <me>", "url": "/about/?a=1&b=2"},
        {"name": "Code", "url": "https://example.com/x y"}
    ], "posts": [{"slug": "a", "title": "A", "date": "2022-07-01"}]})");
    const std::string html = view_list(site, ListQuery{}).html;
    CHECK(contains(html, "<ul id=\"menu\"><li><a href=\"#/\" title=\"Home\" aria-current=\"page\"><span class=\"active\">"
                         "Home</span></a></li><li><a href=\"#/archive\" title=\"Archive\"><span>Archive</span></a></li>"
                         "<li><a href=\"#/search\" title=\"Find (Alt + /)\" accesskey=\"/\"><span>Find</span></a></li>"
                         "<li><a href=\"/about/?a=1&amp;b=2\" title=\"About &lt;me&gt;\"><span>About &lt;me&gt;</span>"
                         "</a></li><li><a href=\"https://example.com/x%20y\" title=\"Code\"><span>Code</span></a></li></ul>"));
    const std::string built = view_list(site, ListQuery{}, {}, RouteLinks::paths("/blog/")).html;
    CHECK(contains(built, "<li><a href=\"/blog/archive/\" title=\"Archive\">"));
    CHECK(contains(built, "<li><a href=\"/blog/\" title=\"Home\" aria-current=\"page\">"));
    SECTION("an empty menu is no entries") {
        SiteIndex none = parse_ok(R"({"menu": [], "posts": []})");
        CHECK(contains(view_list(none, ListQuery{}).html, "<ul id=\"menu\"></ul>"));
    }
}

TEST_CASE("view: the archive groups every listed post by year, then month, newest first, with counts") {
    SiteIndex site = parse_ok(R"({"title": "T", "author": "Ann", "posts": [
        {"slug": "a", "title": "A <b>", "date": "2023-01-05"},
        {"slug": "b", "title": "B", "date": "2022-12-31T23:30:00-05:00"},
        {"slug": "c", "title": "C", "date": "2022-07-24T21:42:07-07:00"},
        {"slug": "d", "title": "D", "date": "2022-07-02"},
        {"slug": "h", "title": "Hidden", "date": "2022-07-03", "hidden": true},
        {"slug": "u", "title": "Undated one"},
        {"slug": "v", "title": "Undated two", "author": ""}
    ]})");
    const Screen s = view_archive(site);
    CHECK(s.title == "Archive | T");
    CHECK(contains(s.html, "<main class=\"main list\">\n<header class=\"page-header\"><h1>Archive</h1></header>\n"
        "<div class=\"archive-year\"><h2 class=\"archive-year-header\">2023<sup class=\"archive-count\">&nbsp;&nbsp;1</sup></h2>\n"
        "<div class=\"archive-month\"><h3 class=\"archive-month-header\">January<sup class=\"archive-count\">&nbsp;&nbsp;1</sup></h3>\n"
        "<div class=\"archive-posts\">\n"
        "<div class=\"archive-entry\"><h3 class=\"archive-entry-title\"><a href=\"#/posts/a\">A &lt;b&gt;</a></h3>"
        "<div class=\"archive-meta\"><span title=\"2023-01-05 00:00:00 +0000 UTC\">January 5, 2023</span>&nbsp;·&nbsp;Ann</div></div>\n"
        "</div>\n</div>\n</div>\n"
        "<div class=\"archive-year\"><h2 class=\"archive-year-header\">2022<sup class=\"archive-count\">&nbsp;&nbsp;3</sup></h2>\n"
        "<div class=\"archive-month\"><h3 class=\"archive-month-header\">December<sup class=\"archive-count\">&nbsp;&nbsp;1</sup></h3>\n"));
    CHECK(contains(s.html, "<h3 class=\"archive-month-header\">July<sup class=\"archive-count\">&nbsp;&nbsp;2</sup></h3>\n"
                           "<div class=\"archive-posts\">\n<div class=\"archive-entry\"><h3 class=\"archive-entry-title\">"
                           "<a href=\"#/posts/c\">C</a>"));
    SECTION("a post is in the month it shows (its own offset), not the reader's") {
        // 2022-12-31T23:30-05:00 is 2023 in UTC, and stays in December 2022.
        CHECK(between(s.html, "December", "</div>\n</div>").find("#/posts/b") != std::string::npos);
    }
    SECTION("posts without a date are last, under \"Undated\"") {
        CHECK(contains(s.html, "<div class=\"archive-year\"><h2 class=\"archive-year-header\">Undated<sup class=\"archive-count\">"
                               "&nbsp;&nbsp;2</sup></h2>\n<div class=\"archive-posts\">\n<div class=\"archive-entry\">"
                               "<h3 class=\"archive-entry-title\"><a href=\"#/posts/u\">Undated one</a></h3>"
                               "<div class=\"archive-meta\">Ann</div></div>\n<div class=\"archive-entry\"><h3 class=\"archive-entry-title\">"
                               "<a href=\"#/posts/v\">Undated two</a></h3><div class=\"archive-meta\">Ann</div></div>\n</div>\n</div>\n</main>"));
    }
    SECTION("hidden posts are not listed, as on the home list") {
        CHECK_FALSE(contains(s.html, "Hidden"));
    }
    SECTION("the order of entries is newest first, years and months too") {
        std::vector<size_t> at;
        for (const char* slug : {"#/posts/a", "#/posts/b", "#/posts/c", "#/posts/d", "#/posts/u", "#/posts/v"})
            at.push_back(s.html.find(slug));
        CHECK(std::is_sorted(at.begin(), at.end()));
    }
    SECTION("an empty blog says so") {
        CHECK(contains(view_archive(parse_ok(R"({"posts": []})")).html, "<p class=\"empty\">No posts yet.</p>"));
    }
}

TEST_CASE("view: the home list's first page has PaperMod's first-entry, or the home info instead") {
    SECTION("without home info: the newest post is the first-entry, no card") {
        SiteIndex site = parse_ok(R"({"title": "T", "posts": [{"slug": "a", "title": "A", "date": "2022-07-02"},
                                                              {"slug": "b", "title": "B", "date": "2022-07-01"}]})");
        const std::string html = view_list(site, ListQuery{}).html;
        CHECK(contains(html, "<main class=\"main list\">\n<article class=\"first-entry post-entry\">\n<header "
                             "class=\"entry-header\"><h2 class=\"entry-hint-parent\">A</h2>"));
        CHECK(count(html, "<article class=\"post-entry\">") == 1);
        CHECK_FALSE(contains(html, "home-info"));
        SECTION("only on the first page, never on a tag's list") {
            CHECK_FALSE(contains(view_list(site, ListQuery{2, 1, ""}).html, "first-entry"));
            SiteIndex tagged = parse_ok(R"({"posts": [{"slug": "a", "title": "A", "tags": ["go"]}]})");
            const std::string tag = view_list(tagged, ListQuery{1, 10, "go"}).html;
            CHECK(contains(tag, "<article class=\"post-entry tag-entry\">"));
            CHECK_FALSE(contains(tag, "first-entry"));
        }
    }
    SECTION("with home info: its title, text and social links first, every post a card") {
        SiteIndex site = parse_ok(R"({"title": "T", "homeInfo": {"title": "Hi <you>", "content": "One & two\n\nThree",
            "socialIcons": [{"name": "github", "url": "https://github.com/x"}]},
            "posts": [{"slug": "a", "title": "A", "date": "2022-07-02"}]})");
        const std::string html = view_list(site, ListQuery{}).html;
        CHECK(contains(html, "<main class=\"main list\">\n<article class=\"first-entry home-info\">\n<header "
                             "class=\"entry-header\"><h1>Hi &lt;you&gt;</h1></header>\n<div class=\"entry-content\">"
                             "<p>One &amp; two</p><p>Three</p></div>\n<footer class=\"entry-footer\"><div class=\"social-icons\">"
                             "<a href=\"https://github.com/x\" target=\"_blank\" rel=\"noopener noreferrer me\" title=\"github\">"
                             "github</a></div></footer>\n</article>\n<article class=\"post-entry\">"));
        CHECK_FALSE(contains(html, "first-entry post-entry"));
        CHECK_FALSE(contains(view_list(site, ListQuery{2, 1, ""}).html, "home-info"));  // past the end: not found
    }
}

TEST_CASE("view: the footer is the index's copyright, else \"© <newest post's year> <title>\"") {
    SiteIndex site = parse_ok(R"({"title": "T", "copyright": "CC BY <4.0>", "posts": []})");
    CHECK(contains(view_list(site, ListQuery{}).html,
                   "<footer class=\"footer\"><span>CC BY &lt;4.0&gt;</span> · <span>Rendered in your browser by wasm-blog"));
    SiteIndex undated = parse_ok(R"({"title": "T", "posts": [{"slug": "a", "title": "A"}]})");
    CHECK(contains(view_list(undated, ListQuery{}).html, "<footer class=\"footer\"><span>&copy; <a href=\"#/\">T</a></span>"));
}

TEST_CASE("view: showPageNums adds PaperMod's page numbers to the pagination") {
    std::string posts;
    for (int i = 0; i < 3; ++i) posts += std::string(i ? "," : "") + "{\"slug\": \"p" + std::to_string(i) + "\", \"title\": \"P\"}";
    SiteIndex site = parse_ok("{\"showPageNums\": true, \"posts\": [" + posts + "]}");
    CHECK(contains(view_list(site, ListQuery{2, 1, ""}).html,
                   "<nav class=\"pagination\"><a class=\"prev\" href=\"#/\">«&nbsp;Prev&nbsp;1/3</a>"
                   "<a class=\"next\" href=\"#/page/3\">Next&nbsp;3/3&nbsp;»</a></nav>"));
}

TEST_CASE("view: a post's description, cover and switches") {
    SiteIndex site = parse_ok(R"({"title": "T", "showToc": true, "showReadingTime": true, "showWordCount": true,
        "showPostNavLinks": true, "showBreadCrumbs": true, "posts": [
        {"slug": "a", "title": "A", "date": "2022-07-02", "description": "About <a>",
         "cover": {"image": "img/c.png", "alt": "A \"cat\"", "caption": "By *me* <script>x()</script>"}},
        {"slug": "b", "title": "B", "date": "2022-07-01", "showToc": false, "showReadingTime": false,
         "showWordCount": false, "showPostNavLinks": false, "showBreadCrumbs": false, "showCodeCopyButtons": true},
        {"slug": "c", "title": "C", "date": "2022-06-01", "tocOpen": true}]})");
    const std::string text = "## One\n\ntext\n\n## Two\n\n```\ncode\n```\n";
    const RenderedMarkdown body = render(text);
    // The post's own render carries its cover caption as Markdown (page_render_post).
    const RenderedMarkdown body_a = page_render_post(text, site, *site.find("a"), PageConfig{}, {}).value();
    const std::string a = view_post(site, *site.find("a"), &body_a, {}, "/blog/posts/index.json").html;
    CHECK(contains(a, "<h1 class=\"post-title\">A</h1>\n<div class=\"post-description\">About &lt;a&gt;</div>\n"
                      "<div class=\"post-meta\">"));
    CHECK(contains(a, "</header>\n<figure class=\"entry-cover\"><img loading=\"eager\" src=\"/blog/posts/img/c.png\" "
                      "alt=\"A &quot;cat&quot;\"><figcaption>By <em>me</em> <!-- raw HTML omitted -->x()<!-- raw HTML omitted --></figcaption></figure>\n<div class=\"toc\">"));
    CHECK(contains(a, "<div class=\"breadcrumbs\">"));
    CHECK(contains(a, "<div class=\"toc\"><details><summary"));
    CHECK(contains(a, " min&nbsp;·&nbsp;"));
    CHECK(contains(a, " words"));
    CHECK(contains(a, "class=\"paginav\""));
    CHECK_FALSE(contains(a, "copy-code"));

    const std::string b = view_post(site, *site.find("b"), &body).html;
    CHECK_FALSE(contains(b, "breadcrumbs"));
    CHECK_FALSE(contains(b, "class=\"toc\""));
    CHECK_FALSE(contains(b, " min"));
    CHECK_FALSE(contains(b, " words"));
    CHECK_FALSE(contains(b, "paginav"));
    CHECK_FALSE(contains(b, "post-description"));
    CHECK(contains(b, "</code><button type=\"button\" class=\"copy-code\" data-action=\"copy-code\">copy</button></pre>"));
    CHECK(count(b, "class=\"copy-code\"") == 1);  // one per code block

    CHECK(contains(view_post(site, *site.find("c"), &body).html, "<div class=\"toc\"><details open><summary"));

    SECTION("with PaperMod's defaults a post shows none of the switched parts") {
        SiteIndex bare = parse_ok(R"({"posts": [{"slug": "a", "title": "A", "date": "2022-07-02"},
                                                 {"slug": "b", "title": "B", "date": "2022-07-01"}]})");
        const std::string html = view_post(bare, *bare.find("a"), &body).html;
        for (const char* part : {"breadcrumbs", "class=\"toc\"", " min", " words", "paginav", "copy-code"}) {
            INFO(part);
            CHECK_FALSE(contains(html, part));
        }
        CHECK(contains(html, "<div class=\"post-meta\"><span title=\"2022-07-02 00:00:00 +0000 UTC\">July 2, 2022</span></div>"));
    }

    SECTION("the list card has the cover, lazily, without a caption") {
        const std::string list = view_list(site, ListQuery{}, {}, {}, "posts/index.json").html;
        CHECK(contains(list, "<article class=\"first-entry post-entry\">\n<figure class=\"entry-cover\"><img loading=\"lazy\" "
                             "src=\"posts/img/c.png\" alt=\"A &quot;cat&quot;\"></figure>\n<header class=\"entry-header\">"));
        CHECK_FALSE(contains(list, "figcaption"));
    }
    SECTION("a caption that renders to nothing (an archetype's <text>) is no caption; hidden covers are not shown") {
        SiteIndex odd = parse_ok(R"({"posts": [{"slug": "a", "title": "A", "date": "2022-07-02",
            "cover": {"image": "x.png", "caption": "<text>", "hiddenInList": true}},
            {"slug": "b", "title": "B", "date": "2022-07-01", "cover": {"image": "y.png", "hiddenInSingle": true}}]})");
        const RenderedMarkdown ra = page_render_post("x", odd, *odd.find("a"), PageConfig{}, {}).value();
        const std::string single = view_post(odd, *odd.find("a"), &ra).html;
        CHECK(contains(single, "entry-cover"));
        CHECK_FALSE(contains(single, "figcaption"));
        CHECK_FALSE(contains(single, "text&gt;"));
        const std::string list = view_list(odd, ListQuery{}).html;
        CHECK_FALSE(contains(list, "x.png"));
        CHECK(contains(list, "y.png"));
        const RenderedMarkdown rb = page_render_post("x", odd, *odd.find("b"), PageConfig{}, {}).value();
        CHECK_FALSE(contains(view_post(odd, *odd.find("b"), &rb).html, "y.png"));
    }
    SECTION("without the index URL, the cover image is as written") {
        SiteIndex odd = parse_ok(R"({"posts": [{"slug": "a", "title": "A", "cover": {"image": "x.png"}}]})");
        CHECK(contains(view_list(odd, ListQuery{}).html, "src=\"x.png\""));
    }
}

TEST_CASE("view: weight pins posts in the list and prev/next, not in the archive") {
    SiteIndex site = parse_ok(R"({"posts": [{"slug": "new", "title": "New", "date": "2022-07-02"},
        {"slug": "pinned", "title": "Pinned", "date": "2020-01-01", "weight": 1}]})");
    CHECK(listed_slugs(view_list(site, ListQuery{}).html) == std::vector<std::string>{"pinned", "new"});
    const std::string archive = view_archive(site).html;
    CHECK(archive.find("#/posts/new") < archive.find("#/posts/pinned"));
}

TEST_CASE("view: the categories page and a category's list are the tags' screens for categories") {
    SiteIndex site = parse_ok(R"({"title": "T", "posts": [
        {"slug": "a", "title": "A", "date": "2022-07-04", "summary": "s", "categories": ["notes", "<c>", "notes"]},
        {"slug": "b", "title": "B", "date": "2022-07-03", "summary": "s", "categories": ["notes"], "tags": ["notes"]},
        {"slug": "c", "title": "C", "date": "2022-07-02", "summary": "s", "categories": ["aside"], "hidden": true},
        {"slug": "d", "title": "D", "date": "2022-07-01", "summary": "s", "categories": ["notes"]}]})");
    SECTION("every category of the listed posts with its count, by name, as PaperMod's terms page") {
        Screen s = view_terms(site, Taxonomy::Categories);
        CHECK(s.kind == std::string("categories"));
        CHECK(s.title == "Categories | T");
        CHECK(contains(s.html, "<header class=\"page-header\"><h1>Categories</h1></header>\n<ul class=\"terms-tags\">"
                               "<li><a href=\"#/categories/c\">&lt;c&gt; <sup><strong><sup>1</sup></strong></sup></a></li>"
                               "<li><a href=\"#/categories/notes\">notes <sup><strong><sup>3</sup></strong></sup></a></li></ul>\n"));
        CHECK_FALSE(contains(s.html, "aside"));  // only hidden posts have it
        CHECK(contains(view_terms(parse_ok(R"({"posts": []})"), Taxonomy::Categories).html,
                       "<p class=\"empty\">No categories yet.</p>"));
        CHECK(view_terms(site, Taxonomy::Tags).html == view_tags(site).html);
    }
    SECTION("a category's posts, hidden ones included, paged within the category") {
        Screen s = view_list(site, ListQuery{1, 2, "notes", Taxonomy::Categories});
        CHECK(s.kind == std::string("category"));
        CHECK(s.title == "notes | T");
        CHECK(contains(s.html, "<header class=\"page-header\"><h1>notes</h1></header>\n<article class=\"post-entry tag-entry\">"));
        CHECK(listed_slugs(s.html) == std::vector<std::string>{"a", "b"});
        CHECK(contains(s.html, "<a class=\"next\" href=\"#/categories/notes/page/2\">Next&nbsp;»</a>"));
        CHECK(listed_slugs(view_list(site, ListQuery{2, 2, "notes", Taxonomy::Categories}).html) ==
              std::vector<std::string>{"d"});
        CHECK(view_page_count(site, ListQuery{1, 2, "notes", Taxonomy::Categories}) == 2);
        CHECK(view_page_count(site, ListQuery{1, 2, "notes"}) == 1);  // the tag
        CHECK(listed_slugs(view_list(site, ListQuery{1, 10, "aside", Taxonomy::Categories}).html) ==
              std::vector<std::string>{"c"});
        CHECK(listed_slugs(view_list(site, ListQuery{1, 10, "notes"}).html) == std::vector<std::string>{"b"});  // the tag
    }
    SECTION("a category no post is in is not found") {
        Screen s = view_list(site, ListQuery{1, 10, "nope", Taxonomy::Categories});
        CHECK(s.kind == std::string("not-found"));
        CHECK(s.title == "Category not found | T");
        CHECK(contains(s.html, "<h1>Category not found</h1><p>No post is in the category \u201cnope\u201d.</p>"));
    }
    SECTION("a menu entry for the categories is active on their screens, on a built site too") {
        SiteIndex menu = parse_ok(R"({"menu": [{"name": "Categories", "url": "#/categories"}, {"name": "Tags", "url": "#/tags"}],
                                      "posts": [{"slug": "a", "title": "A", "categories": ["x"]}]})");
        const std::string active =
            "<li><a href=\"/categories/\" title=\"Categories\" aria-current=\"page\"><span class=\"active\">Categories</span></a></li>"
            "<li><a href=\"/tags/\" title=\"Tags\"><span>Tags</span></a></li>";
        const RouteLinks links = RouteLinks::paths("/");
        CHECK(contains(view_terms(menu, Taxonomy::Categories, links).html, active));
        CHECK(contains(view_list(menu, ListQuery{1, 10, "x", Taxonomy::Categories}, {}, links).html, active));
    }
    SECTION("as PaperMod's, neither a list entry nor a post shows its categories") {
        SiteIndex shown = parse_ok(R"({"posts": [{"slug": "a", "title": "A", "categories": ["notes"], "tags": ["go"]}]})");
        RenderedMarkdown body = render("text", "a");
        const std::string post = view_post(shown, shown.posts[0], &body).html;
        CHECK(contains(post, "<ul class=\"post-tags\"><li><a href=\"#/tags/go\">go</a></li></ul>"));
        CHECK_FALSE(contains(post, "categories"));
        CHECK_FALSE(contains(view_list(shown, ListQuery{}).html, "categories"));
    }
}

TEST_CASE("view: every screen ends with PaperMod's go-to-top control, a button that touches no hash") {
    SiteIndex site = sample_site();
    const std::string top =
        "<button type=\"button\" class=\"top-link\" data-action=\"top\" aria-label=\"go to top\" "
        "title=\"Go to Top (Alt + G)\" accesskey=\"g\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"12\" "
        "height=\"12\" viewBox=\"0 0 24 24\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"3\" "
        "stroke-linecap=\"round\" stroke-linejoin=\"round\" aria-hidden=\"true\"><path d=\"M5 16l7-7 7 7\"></path>"
        "</svg></button>\n";
    CHECK(kTopLink == top);
    RenderedMarkdown body = render("text", "lets-go");
    for (const Screen& s : {view_list(site, ListQuery{}), view_post(site, *site.find("lets-go"), &body),
                            view_post(site, *site.find("lets-go"), nullptr), view_tags(site),
                            view_terms(site, Taxonomy::Categories), view_archive(site),
                            view_search(site, search_index_build(site), "go"), view_not_found(&site, "h", "m"),
                            view_error(nullptr, "e"), view_loading(nullptr)}) {
        INFO(s.kind);
        CHECK(count(s.html, "class=\"top-link\"") == 1);
        CHECK(s.html.size() >= top.size());
        CHECK(s.html.compare(s.html.size() - top.size(), top.size(), top) == 0);  // after the footer
        CHECK(contains(s.html, "</footer>\n" + top));
        CHECK_FALSE(contains(s.html, "href=\"#top\""));
    }
}

namespace {

// The terms page's entries in order: (name as shown, count).
std::vector<std::pair<std::string, int>> terms_listed(const std::string& html) {
    std::vector<std::pair<std::string, int>> out;
    const std::string open = "\">", count = " <sup><strong><sup>";
    const size_t list = html.find("<ul class=\"terms-tags\">");
    for (size_t at = html.find("<li><a href=\"", list); list != std::string::npos && at != std::string::npos;
         at = html.find("<li><a href=\"", at + 1)) {
        const size_t name = html.find(open, at) + open.size();
        const size_t sup = html.find(count, name);
        out.emplace_back(html.substr(name, sup - name), std::stoi(html.substr(sup + count.size(), 12)));
    }
    return out;
}

// An index of `posts` posts, each with `per_post` tags of its own
// ("tag-000123"), "common" twice and, for every other post, "shared".
std::string many_tags_index(size_t posts, size_t per_post) {
    std::string json = R"({"title": "T", "posts": [)";
    for (size_t p = 0; p < posts; ++p) {
        json += std::string(p ? "," : "") + R"({"slug": "p)" + std::to_string(p) + R"(", "title": "P", "tags": ["common")";
        for (size_t i = 0; i < per_post; ++i) {
            char tag[16];
            std::snprintf(tag, sizeof tag, "tag-%06zu", (posts - 1 - p) * per_post + i);  // later posts, smaller names
            json += std::string(",\"") + tag + "\"";
        }
        json += p % 2 ? R"(, "shared", "common"]})" : R"(, "common"]})";
    }
    return json + "]}";
}

}  // namespace

TEST_CASE("view: the tags page of an index with 100,000 tags lists each once, with its count, by name") {
    const SiteIndex site = parse_ok(many_tags_index(200, 499));  // 99,800 tags of one post, "common", "shared"
    REQUIRE(site.problems.empty());
    const auto terms = terms_listed(view_tags(site).html);
    REQUIRE(terms.size() == 99802);
    CHECK(terms[0] == std::pair<std::string, int>("common", 200));  // twice on a post: counted once
    CHECK(terms[1] == std::pair<std::string, int>("shared", 100));
    CHECK(terms[2] == std::pair<std::string, int>("tag-000000", 1));
    CHECK(terms.back() == std::pair<std::string, int>("tag-099799", 1));
    CHECK(std::is_sorted(terms.begin(), terms.end()));
    CHECK(std::adjacent_find(terms.begin(), terms.end(),
                             [](const auto& a, const auto& b) { return a.first == b.first; }) == terms.end());
}

TEST_CASE("view: past 100,000 different tags, the tags page lists the first 100,000 by name and says how many there are") {
    static_assert(kMaxIndexTerms == 100000);
    const SiteIndex site = parse_ok(many_tags_index(201, 499));  // 100,299 tags of one post, "common", "shared"
    REQUIRE(site.problems.empty());
    const std::string html = view_tags(site).html;
    const auto terms = terms_listed(html);
    REQUIRE(terms.size() == 100000);
    CHECK(terms[0] == std::pair<std::string, int>("common", 201));
    CHECK(terms.back() == std::pair<std::string, int>("tag-099997", 1));
    CHECK(contains(html, "</ul>\n<p class=\"terms-more\">The first 100000 of 100301 tags are listed.</p>\n"));
}

TEST_CASE("view: a post with a thousand tags links each, in the index's order, and its prev/next links stay") {
    SiteIndex site = parse_ok(R"({"showPostNavLinks": true, "posts": [)"
                              R"({"slug": "new", "title": "New", "date": "2022-07-03"},)"
                              R"({"slug": "many", "title": "Many", "date": "2022-07-02", "tags": [)" +
                              [] {
                                  std::string tags;
                                  for (int i = 999; i >= 0; --i) tags += "\"t" + std::to_string(i) + (i ? "\"," : "\"");
                                  return tags;
                              }() + R"(]}, {"slug": "old", "title": "Old", "date": "2022-07-01"}]})");
    REQUIRE(site.problems.empty());
    const RenderedMarkdown body = render("Body.", "many");
    const std::string html = view_post(site, *site.find("many"), &body).html;
    CHECK(contains(html, "<ul class=\"post-tags\"><li><a href=\"#/tags/t999\">t999</a></li><li><a href=\"#/tags/t998\">"));
    CHECK(contains(html, "<li><a href=\"#/tags/t0\">t0</a></li></ul>"));
    size_t links = 0;
    for (size_t at = html.find("<li><a href=\"#/tags/"); at != std::string::npos; at = html.find("<li><a href=\"#/tags/", at + 1))
        ++links;
    CHECK(links == 1000);
    CHECK(contains(html, "<a class=\"prev\" href=\"#/posts/new\">"));
    CHECK(contains(html, "<a class=\"next\" href=\"#/posts/old\">"));
}

TEST_CASE("view: the screens speak the index's language: its words, its date format and month names") {
    SiteIndex site = parse_ok(R"J({"title": "博客", "language": "zh", "showPageNums": true, "showReadingTime": true,
        "showWordCount": true, "showToc": true, "showBreadCrumbs": true, "showCodeCopyButtons": true,
        "showPostNavLinks": true,
        "i18n": {"prev": "上一页", "next": "下一页", "toc": "目录", "home": "主页", "copy": "复制",
                 "readingTime": {"one": "1 分钟", "other": "{n} 分钟"}, "words": {"one": "字", "other": "{n} 字"},
                 "archive": "归档", "search": "搜索", "tags": "标签", "page": "第 {n} 页",
                 "months": ["一月","二月","三月","四月","五月","六月","七月","八月","九月","十月","十一月","十二月"]},
        "posts": [{"slug": "a", "title": "A", "date": "2022-07-24T21:42:07-07:00", "summary": "s"},
                  {"slug": "b", "title": "B", "date": "2022-06-01", "summary": "s"},
                  {"slug": "c", "title": "C", "date": "2022-05-01", "summary": "s"}]})J");
    ListQuery q;
    q.page_size = 1;
    q.page = 2;
    const Screen list = view_list(site, q);
    CHECK(contains(list.html, ">«&nbsp;上一页&nbsp;1/3</a>"));
    CHECK(contains(list.html, ">下一页&nbsp;3/3&nbsp;»</a>"));
    CHECK(contains(list.html, ">六月 1, 2022</span>"));
    CHECK(contains(list.html, "<span>归档</span>"));
    CHECK(list.title == "第 2 页 | 博客");
    RenderedMarkdown body;
    body.html = "<h2 id=\"x\">x</h2><h2 id=\"y\">y</h2><pre><code>z</code></pre>";
    body.headings = {{2, "x", "x"}, {2, "y", "y"}};
    body.word_count = 1;
    const Screen post = view_post(site, site.posts[1], &body);
    CHECK(contains(post.html, "<div class=\"post-meta\"><span title=\"2022-06-01 00:00:00 +0000 UTC\">六月 1, 2022</span>&nbsp;·&nbsp;1 分钟&nbsp;·&nbsp;1 字</div>"));
    CHECK(contains(post.html, "<span class=\"details\">目录</span>"));
    CHECK(contains(post.html, ">主页</a></div>"));
    CHECK(contains(post.html, "data-action=\"copy-code\">复制</button>"));
    CHECK(contains(post.html, "<span class=\"title\">«&nbsp;上一页</span>"));
    CHECK(contains(post.html, "<span class=\"title\">下一页&nbsp;»</span>"));
    CHECK(contains(view_archive(site).html, "<h3 class=\"archive-month-header\">七月"));
    CHECK(contains(view_archive(site).html, "<h1>归档</h1>"));
    CHECK(contains(view_tags(site).html, "<h1>标签</h1>"));
    SECTION("the date format is a Go layout") {
        site.date_format = "2006-01-02";
        CHECK(contains(view_list(site, q).html, ">2022-06-01</span>"));
    }
}
