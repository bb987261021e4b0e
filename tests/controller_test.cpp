#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/app/controller.hpp"
#include "tests/support.hpp"

using namespace blog;
using namespace blog::test;

namespace {

// Records requests; the test answers them later through fetch_done.
struct FakeFetcher : Fetcher {
    struct Request {
        uint32_t id;
        std::string url;
        uint32_t timeout_ms;
        size_t max_bytes;
    };
    std::vector<Request> requests;
    void fetch(uint32_t request_id, const FetchRequest& r) override {
        requests.push_back({request_id, r.url, r.response_timeout_ms, r.max_bytes});
    }

    std::vector<std::string> urls() const {
        std::vector<std::string> out;
        for (const Request& r : requests) out.push_back(r.url);
        return out;
    }
};

// Records every frame shown.
struct FakeDisplay : Display {
    std::vector<Frame> frames;
    void show(const Frame& frame) override { frames.push_back(frame); }
};

struct App {
    FakeFetcher fetcher;
    FakeDisplay display;
    Controller controller;

    explicit App(ControllerConfig config = {}) : controller(std::move(config), fetcher, display) {}

    // The id of the latest request for `url`.
    uint32_t latest(const std::string& url) const {
        for (auto it = fetcher.requests.rbegin(); it != fetcher.requests.rend(); ++it)
            if (it->url == url) return it->id;
        FAIL("no request for " << url);
        return 0;
    }
    // Answers the latest request for `url`.
    void respond(const std::string& url, int status, std::string body = {}, std::string error = {}) {
        controller.fetch_done(latest(url), FetchResponse{status, std::move(body), std::move(error)});
    }
    void respond_ok(const std::string& url, std::string body) { respond(url, 200, std::move(body)); }

    // The platform gave up on the latest request for `url`: no response in time.
    void time_out(const std::string& url) {
        FetchResponse r;
        r.timed_out = true;
        controller.fetch_done(latest(url), std::move(r));
    }
    // The platform stopped reading the latest request for `url`: over max_bytes.
    void too_large(const std::string& url, size_t declared) {
        FetchResponse r;
        r.too_large = true;
        r.declared_size = declared;
        controller.fetch_done(latest(url), std::move(r));
    }
    size_t requests_for(const std::string& url) const {
        size_t n = 0;
        for (const auto& r : fetcher.requests) n += r.url == url;
        return n;
    }

    const Frame& last() const {
        REQUIRE_FALSE(display.frames.empty());
        return display.frames.back();
    }
    size_t frame_count() const { return display.frames.size(); }
    size_t request_count() const { return fetcher.requests.size(); }
};

const char* const kLoading = "<p class=\"loading\" aria-busy=\"true\">Loading…</p>";

// A small index: posts "a" (with a summary) and "x" and "y" (without).
const char* const kSmallIndex = R"({
    "title": "Small", "author": "Ann",
    "posts": [
        {"slug": "a", "title": "Post A", "date": "2022-07-03", "summary": "Summary of A from the index"},
        {"slug": "x", "title": "Post X", "date": "2022-07-02"},
        {"slug": "y", "title": "Post Y", "date": "2022-07-01", "file": "2022/y.md"}
    ]})";

}  // namespace

TEST_CASE("controller: the list shows a loading frame, then the list once the index arrives") {
    App app;
    app.controller.navigate("#/");
    CHECK(app.fetcher.urls() == std::vector<std::string>{"posts/index.json"});
    REQUIRE(app.frame_count() == 1);
    CHECK(contains(app.last().html, kLoading));
    CHECK(app.last().title == "");
    CHECK(app.last().scroll == Frame::Scroll::Top);

    app.respond_ok("posts/index.json", sample_file("tests/fixtures/sample-index.json"));
    REQUIRE(app.frame_count() == 2);
    const Frame& list = app.last();
    CHECK(list.title == "Jose Villalta");
    CHECK(contains(list.html, "<h2 class=\"entry-hint-parent\">Lets Go</h2>"));
    CHECK(contains(list.html, "<h2 class=\"entry-hint-parent\">New blog!</h2>"));
    CHECK_FALSE(contains(list.html, "Sample: Markdown features"));
    CHECK_FALSE(contains(list.html, kLoading));
    CHECK(list.scroll == Frame::Scroll::Keep);  // the navigation already scrolled
    CHECK_FALSE(list.needs_code);
    CHECK_FALSE(list.needs_math);
    // Every listed post has a summary in the index: nothing more to fetch.
    CHECK(app.request_count() == 1);
}

TEST_CASE("controller: the index is fetched once, however often the reader navigates") {
    App app;
    app.controller.navigate("#/");
    app.controller.navigate("#/page/2");
    app.controller.navigate("#/tags/go");
    CHECK(app.fetcher.urls() == std::vector<std::string>{"posts/index.json"});
    CHECK(app.frame_count() == 3);
    app.respond_ok("posts/index.json", sample_file("tests/fixtures/sample-index.json"));
    CHECK(app.last().title == "go | Jose Villalta");  // the route the reader is on now
    app.controller.navigate("#/");
    CHECK(app.request_count() == 1);
    CHECK(app.last().title == "Jose Villalta");
}

TEST_CASE("controller: a post is fetched next to the index, then shown") {
    App app;
    app.controller.navigate("#/posts/lets-go");
    app.respond_ok("posts/index.json", sample_file("tests/fixtures/sample-index.json"));
    CHECK(app.fetcher.urls() == std::vector<std::string>{"posts/index.json", "posts/lets-go.md"});
    SECTION("while it loads: its header and a loading notice") {
        CHECK(app.last().title == "Lets Go | Jose Villalta");
        CHECK(contains(app.last().html, "<h1 class=\"post-title\">Lets Go</h1>"));
        CHECK(contains(app.last().html, kLoading));
    }
    SECTION("once it arrives: the rendered post, scrolled to the top") {
        app.respond_ok("posts/lets-go.md", sample_file("posts/lets-go.md"));
        const Frame& f = app.last();
        CHECK(f.title == "Lets Go | Jose Villalta");
        CHECK(contains(f.html, "<h2 id=\"why-go\">Why go?<a class=\"anchor\" aria-hidden=\"true\" "
                               "href=\"#/posts/lets-go#why-go\">#</a></h2>"));
        CHECK(contains(f.html, "July 24, 2022</span>&nbsp;·&nbsp;3 min&nbsp;·&nbsp;444 words&nbsp;·&nbsp;Jose Villalta"));
        CHECK_FALSE(contains(f.html, kLoading));
        CHECK(f.scroll == Frame::Scroll::Top);
        CHECK(f.needs_code);  // a go code block
        CHECK_FALSE(f.needs_math);
        CHECK(app.request_count() == 2);
    }
}

TEST_CASE("controller: without a post renderer (the list engine) the list needs no post, a post's file is still asked for, and one that arrives anyway says why it is not shown") {
    FakeFetcher fetcher;
    FakeDisplay display;
    Controller controller(ControllerConfig{}, fetcher, display, nullptr);
    controller.navigate("#/");
    controller.fetch_done(fetcher.requests.at(0).id, FetchResponse{200, sample_file("tests/fixtures/sample-index.json"), {}});
    REQUIRE_FALSE(display.frames.empty());
    CHECK(contains(display.frames.back().html, "<h2 class=\"entry-hint-parent\">Lets Go</h2>"));
    CHECK(display.frames.back().complete);
    CHECK(fetcher.urls() == std::vector<std::string>{"posts/index.json"});

    // A post: its header at once from the index, and its file asked for (the
    // platform hands the route to the full engine before it arrives).
    controller.navigate("#/posts/lets-go");
    CHECK(fetcher.urls() == std::vector<std::string>{"posts/index.json", "posts/lets-go.md"});
    CHECK(contains(display.frames.back().html, "<h1 class=\"post-title\">Lets Go</h1>"));
    CHECK(contains(display.frames.back().html, kLoading));

    controller.fetch_done(fetcher.requests.back().id, FetchResponse{200, sample_file("posts/lets-go.md"), {}});
    CHECK(display.frames.back().kind == "error");
    CHECK(contains(display.frames.back().html,
                   "posts/lets-go.md: this build of the blog has no Markdown engine to render it"));
}

TEST_CASE("controller: post files resolve against the index's URL") {
    ControllerConfig config;
    config.index_url = "https://example.com/blog/posts/index.json";
    App app(config);
    app.controller.navigate("#/posts/markdown-features");
    app.respond_ok("https://example.com/blog/posts/index.json", sample_file("tests/fixtures/sample-index.json"));
    CHECK(app.fetcher.urls().back() == "https://example.com/blog/posts/features/markdown-features.md");
    app.respond_ok("https://example.com/blog/posts/features/markdown-features.md",
                   sample_file("posts/features/markdown-features.md"));
    const Frame& f = app.last();
    CHECK(f.title == "Sample: Markdown features | Jose Villalta");
    SECTION("images resolve against the post's file") {
        CHECK(contains(f.html, "<img src=\"https://example.com/blog/posts/features/img/diagram.svg\" "
                               "alt=\"Architecture diagram\" loading=\"lazy\">"));
    }
    SECTION("a link to another post's Markdown becomes its route") {
        CHECK(contains(f.html, "<a href=\"#/posts/paper-day-1-mesos\">the first paper post</a>"));
    }
    SECTION("an in-page link stays in the post's route") {
        CHECK(contains(f.html, "<a href=\"#/posts/markdown-features#tables\">jump to the table</a>"));
    }
    SECTION("the frame asks for highlighting and typesetting") {
        CHECK(f.needs_code);
        CHECK(f.needs_math);
    }
}

TEST_CASE("controller: a route with a heading scrolls to it") {
    App app;
    app.controller.navigate("#/posts/lets-go#why-go");
    app.respond_ok("posts/index.json", sample_file("tests/fixtures/sample-index.json"));
    CHECK(app.last().scroll != Frame::Scroll::Anchor);  // the heading is not there yet
    app.respond_ok("posts/lets-go.md", sample_file("posts/lets-go.md"));
    CHECK(app.last().scroll == Frame::Scroll::Anchor);
    CHECK(app.last().anchor == "why-go");

    SECTION("another heading of the post already shown: no fetch, straight there") {
        app.controller.navigate("#/posts/lets-go#how-im-going-to-do-this");
        CHECK(app.last().scroll == Frame::Scroll::Anchor);
        CHECK(app.last().anchor == "how-im-going-to-do-this");
        CHECK(app.request_count() == 2);
    }
    SECTION("a percent-encoded heading is decoded") {
        app.controller.navigate("#/posts/lets-go#%C3%BCn%C3%AF");
        CHECK(app.last().anchor == "ünï");
    }
    SECTION("the post without a heading: back to the top") {
        app.controller.navigate("#/posts/lets-go");
        CHECK(app.last().scroll == Frame::Scroll::Top);
        CHECK(app.last().anchor.empty());
    }
}

TEST_CASE("controller: an unknown slug is \"Post not found\" without a fetch") {
    App app;
    app.controller.navigate("#/posts/no-such-post");
    app.respond_ok("posts/index.json", sample_file("tests/fixtures/sample-index.json"));
    CHECK(app.request_count() == 1);
    CHECK(app.last().title == "Post not found | Jose Villalta");
    CHECK(contains(app.last().html, "<h1>Post not found</h1><p>There is no post \u201cno-such-post\u201d in this blog.</p>"));
    SECTION("a draft is not a post") {
        App drafts;
        drafts.controller.navigate("#/posts/d");
        drafts.respond_ok("posts/index.json", R"({"posts": [{"slug": "d", "title": "D", "draft": true}]})");
        CHECK(contains(drafts.last().html, "<h1>Post not found</h1>"));
        CHECK(drafts.request_count() == 1);
    }
}

TEST_CASE("controller: a post whose file is missing is \"Post not found\" naming the file") {
    App app;
    app.controller.navigate("#/posts/x");
    app.respond_ok("posts/index.json", kSmallIndex);
    app.respond("posts/x.md", 404, "<html>Not Found</html>");
    CHECK(app.last().title == "Post not found | Small");
    CHECK(contains(app.last().html, "<h1>Post not found</h1><p>Could not load posts/x.md: HTTP 404</p>"));
    SECTION("a file in a folder is named with its folder") {
        app.controller.navigate("#/posts/y");
        app.respond("posts/2022/y.md", 404);
        CHECK(contains(app.last().html, "<p>Could not load posts/2022/y.md: HTTP 404</p>"));
    }
}

TEST_CASE("controller: a post that cannot be loaded for another reason is an error") {
    App app;
    app.controller.navigate("#/posts/x");
    app.respond_ok("posts/index.json", kSmallIndex);
    SECTION("a server error") {
        app.respond("posts/x.md", 500, "oops");
        CHECK(app.last().title == "Error | Small");
        CHECK(contains(app.last().html,
                       "<div class=\"notice notice-error\" role=\"alert\"><p>Could not load posts/x.md: HTTP "
                       "500</p><p><button type=\"button\" class=\"retry\" data-action=\"retry\">Try "
                       "again</button></p></div>"));
    }
    SECTION("a network error") {
        app.respond("posts/x.md", 0, "", "TypeError: Failed to fetch");
        CHECK(contains(app.last().html, "<p>Could not load posts/x.md: TypeError: Failed to fetch</p>"));
    }
}

TEST_CASE("controller: an index that cannot be loaded is an error naming it") {
    App app;
    app.controller.navigate("#/");
    SECTION("HTTP 404") {
        app.respond("posts/index.json", 404, "Not Found");
        CHECK(app.last().title == "Error");
        CHECK(contains(app.last().html,
                       "<div class=\"notice notice-error\" role=\"alert\"><p>Could not load posts/index.json: HTTP "
                       "404</p><p><button type=\"button\" class=\"retry\" data-action=\"retry\">Try "
                       "again</button></p></div>"));
    }
    SECTION("a network error with the platform's message") {
        app.respond("posts/index.json", 0, "", "TypeError: Failed to fetch");
        CHECK(contains(app.last().html, "<p>Could not load posts/index.json: TypeError: Failed to fetch</p>"));
    }
    SECTION("a network error without a message") {
        app.respond("posts/index.json", 0);
        CHECK(contains(app.last().html, "<p>Could not load posts/index.json: network error</p>"));
    }
    SECTION("not valid JSON") {
        app.respond_ok("posts/index.json", "{\"posts\": [\n  {\"slug\": \"a\",}\n]}");
        CHECK(contains(app.last().html,
                       "<p>posts/index.json: not valid JSON at line 2, column 16: syntax error while parsing object "
                       "key - unexpected &#39;}&#39;; expected string literal</p>"));
    }
    SECTION("no posts array") {
        app.respond_ok("posts/index.json", "{}");
        CHECK(contains(app.last().html, "<p>posts/index.json: &quot;posts&quot; is missing: expected an array of posts</p>"));
    }
    SECTION("the next navigation tries again, and shows the list once the index is there") {
        app.respond("posts/index.json", 404);
        const size_t before = app.request_count();
        app.controller.navigate("#/");
        CHECK(app.request_count() == before + 1);
        CHECK(contains(app.last().html, "Loading"));
        app.respond("posts/index.json", 404);
        CHECK(contains(app.last().html, "<p>Could not load posts/index.json: HTTP 404</p>"));
        app.controller.navigate("#/");
        app.respond_ok("posts/index.json", "{\"title\": \"Back\", \"posts\": [{\"slug\": \"a\", \"title\": \"A\"}]}");
        CHECK(contains(app.last().html, "<h2 class=\"entry-hint-parent\">A</h2>"));
    }
    SECTION("the name in messages is the configured URL") {
        ControllerConfig config;
        config.index_url = "data/blog.json";
        App other(config);
        other.controller.navigate("#/");
        other.respond("data/blog.json", 403);
        CHECK(contains(other.last().html, "<p>Could not load data/blog.json: HTTP 403</p>"));
    }
}

TEST_CASE("controller: a post already fetched is not fetched again") {
    App app;
    app.controller.navigate("#/posts/lets-go");
    app.respond_ok("posts/index.json", sample_file("tests/fixtures/sample-index.json"));
    app.respond_ok("posts/lets-go.md", sample_file("posts/lets-go.md"));
    app.controller.navigate("#/");
    app.controller.navigate("#/posts/paper-day-8-omega");
    app.respond_ok("posts/paper-day-8-omega.md", sample_file("posts/paper-day-8-omega.md"));
    const size_t requests = app.request_count();
    CHECK(requests == 3);

    app.controller.navigate("#/posts/lets-go");
    CHECK(app.request_count() == requests);
    CHECK(contains(app.last().html, "<h2 id=\"why-go\">"));
    CHECK(app.last().scroll == Frame::Scroll::Top);

    SECTION("a post still loading is not requested twice") {
        app.controller.navigate("#/posts/paper-day-7-borg");
        app.controller.navigate("#/");
        app.controller.navigate("#/posts/paper-day-7-borg");
        CHECK(app.request_count() == requests + 1);
    }
}

TEST_CASE("controller: unknown and stale request ids are ignored") {
    App app;
    app.controller.navigate("#/posts/x");
    SECTION("an id never handed out") {
        app.controller.fetch_done(999, FetchResponse{200, "{}", ""});
        CHECK(app.frame_count() == 1);
        CHECK(contains(app.last().html, kLoading));
    }
    SECTION("an id answered twice") {
        const uint32_t id = app.fetcher.requests.at(0).id;
        app.controller.fetch_done(id, FetchResponse{200, kSmallIndex, ""});
        const size_t frames = app.frame_count();
        app.controller.fetch_done(id, FetchResponse{404, "", ""});
        CHECK(app.frame_count() == frames);
        app.controller.navigate("#/posts/a");
        CHECK(app.last().title == "Post A | Small");  // the index still stands
    }
    SECTION("a post the reader has left arrives: cached, not shown") {
        app.respond_ok("posts/index.json", kSmallIndex);
        app.controller.navigate("#/posts/a");
        const size_t frames = app.frame_count();
        app.respond_ok("posts/x.md", "# X body");
        CHECK(app.frame_count() == frames);
        CHECK(app.last().title == "Post A | Small");
        app.controller.navigate("#/posts/x");
        CHECK(contains(app.last().html, "<h1 id=\"x-body\">X body"));
        CHECK(app.fetcher.urls() == std::vector<std::string>{"posts/index.json", "posts/x.md", "posts/a.md"});
    }
}

TEST_CASE("controller: an entry without a summary in the index gets one from its Markdown") {
    App app;
    app.controller.navigate("#/");
    app.respond_ok("posts/index.json", kSmallIndex);
    // "a" has a summary; "x" and "y" are fetched for theirs.
    CHECK(app.fetcher.urls() == std::vector<std::string>{"posts/index.json", "posts/x.md", "posts/2022/y.md"});
    CHECK(contains(app.last().html, "<p>Summary of A from the index...</p>"));
    CHECK_FALSE(contains(app.last().html, "Summary of X"));

    std::string long_x = "Summary of X.";
    for (int i = 0; i < 80; ++i) long_x += " more";
    long_x += ". The next sentence.";
    app.respond_ok("posts/x.md", long_x);
    CHECK(contains(app.last().html, "<p>Summary of X. more more"));
    // Hugo's rule: past 70 words, on to the sentence's end; truncated
    CHECK(contains(app.last().html, " more more....</p>"));
    CHECK_FALSE(contains(app.last().html, "The next sentence"));
    CHECK(app.last().scroll == Frame::Scroll::Keep);  // the reader is not moved

    app.respond_ok("posts/2022/y.md", "Short Y.\n\n<!--more-->\n\nRest of Y.");
    CHECK(contains(app.last().html, "<p>Short Y....</p>"));
    CHECK(contains(app.last().html, "<p>Summary of A from the index...</p>"));
    CHECK(app.request_count() == 3);

    SECTION("the fetched post is then shown without another fetch") {
        app.controller.navigate("#/posts/y");
        CHECK(contains(app.last().html, "<p>Rest of Y.</p>"));
        CHECK(app.request_count() == 3);
    }
    SECTION("a post that could not be fetched is listed without a summary, and not fetched again") {
        App failing;
        failing.controller.navigate("#/");
        failing.respond_ok("posts/index.json", kSmallIndex);
        failing.respond("posts/x.md", 404);
        CHECK(contains(failing.last().html, "<h2 class=\"entry-hint-parent\">Post X</h2></header>\n<footer"));
        failing.controller.navigate("#/");
        CHECK(failing.request_count() == 3);
    }
}

TEST_CASE("controller: routes that lead nowhere are \"Page not found\"") {
    App app;
    app.controller.navigate("#/foo");
    app.respond_ok("posts/index.json", sample_file("tests/fixtures/sample-index.json"));
    CHECK(app.last().title == "Page not found | Jose Villalta");
    CHECK(contains(app.last().html, "<p>Nothing lives at \u201c#/foo\u201d.</p>"));
    SECTION("a page past the end of the list") {
        app.controller.navigate("#/page/2");
        CHECK(contains(app.last().html, "<p>Page 2 does not exist: the list has 1 page.</p>"));
    }
    SECTION("with a smaller page size, that page exists") {
        ControllerConfig config;
        config.page_size = 5;
        App small(config);
        small.controller.navigate("#/page/2");
        small.respond_ok("posts/index.json", sample_file("tests/fixtures/sample-index.json"));
        CHECK(small.last().title == "Page 2 | Jose Villalta");
        CHECK(contains(small.last().html, "<a class=\"prev\" href=\"#/\">«&nbsp;Prev</a>"));
    }
    SECTION("a hash that needs escaping is escaped in the message") {
        app.controller.navigate("#/<script>");
        CHECK(contains(app.last().html, "<p>Nothing lives at \u201c#/&lt;script&gt;\u201d.</p>"));
    }
}

TEST_CASE("controller: raw HTML in posts is omitted unless the site opts in") {
    const char* body = "Some <b>bold</b> text.";
    SECTION("default") {
        App app;
        app.controller.navigate("#/posts/p");
        app.respond_ok("posts/index.json", R"({"posts": [{"slug": "p", "title": "P"}]})");
        app.respond_ok("posts/p.md", body);
        CHECK(contains(app.last().html, "<p>Some <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> text.</p>"));
    }
    SECTION("\"unsafeHtml\": true") {
        App app;
        app.controller.navigate("#/posts/p");
        app.respond_ok("posts/index.json", R"({"unsafeHtml": true, "posts": [{"slug": "p", "title": "P"}]})");
        app.respond_ok("posts/p.md", body);
        CHECK(contains(app.last().html, "<p>Some <b>bold</b> text.</p>"));
    }
}

TEST_CASE("controller: every request carries the response timeout, 15 s unless configured") {
    App app;
    app.controller.navigate("#/posts/x");
    app.respond_ok("posts/index.json", kSmallIndex);
    REQUIRE(app.request_count() == 2);
    CHECK(app.fetcher.requests[0].timeout_ms == 15000);
    CHECK(app.fetcher.requests[1].timeout_ms == 15000);
    ControllerConfig config;
    config.response_timeout_ms = 800;
    App quick(config);
    quick.controller.navigate("#/");
    CHECK(quick.fetcher.requests.at(0).timeout_ms == 800);
}

TEST_CASE("controller: a request without a response in time ends in a message with a retry control") {
    const std::string retry = "<button type=\"button\" class=\"retry\" data-action=\"retry\">Try again</button>";
    SECTION("the index") {
        App app;
        app.controller.navigate("#/");
        app.time_out("posts/index.json");
        CHECK(app.last().title == "Error");
        CHECK(contains(app.last().html,
                       "<p>Could not load posts/index.json: no response from the server after 15 s.</p>"));
        CHECK(contains(app.last().html, retry));
        CHECK_FALSE(contains(app.last().html, "Loading"));
    }
    SECTION("a post") {
        App app;
        app.controller.navigate("#/posts/x");
        app.respond_ok("posts/index.json", kSmallIndex);
        app.time_out("posts/x.md");
        CHECK(app.last().title == "Error | Small");
        CHECK(contains(app.last().html, "<p>Could not load posts/x.md: no response from the server after 15 s.</p>"));
        CHECK(contains(app.last().html, retry));
    }
    SECTION("the message states the configured time") {
        for (auto [ms, words] : {std::pair<uint32_t, const char*>{800, "800 ms"}, {1500, "1500 ms"}, {30000, "30 s"}}) {
            ControllerConfig config;
            config.response_timeout_ms = ms;
            App app(config);
            app.controller.navigate("#/");
            app.time_out("posts/index.json");
            CHECK(contains(app.last().html, std::string("no response from the server after ") + words + "."));
        }
    }
}

TEST_CASE("controller: retry fetches what failed again, on the same route") {
    SECTION("a failed index: loading, then the list") {
        App app;
        app.controller.navigate("#/page/2");
        app.respond("posts/index.json", 500);
        CHECK(contains(app.last().html, "data-action=\"retry\""));
        app.controller.retry();
        CHECK(app.requests_for("posts/index.json") == 2);
        CHECK(contains(app.last().html, "Loading"));
        std::string index = "{\"title\": \"T\", \"posts\": [";
        for (int i = 0; i < 12; ++i)
            index += std::string(i ? "," : "") + "{\"slug\": \"p" + std::to_string(i) + "\", \"title\": \"P" +
                     std::to_string(i) + "\", \"summary\": \"s\"}";
        index += "]}";
        app.respond_ok("posts/index.json", index);
        CHECK(contains(app.last().html, "<h2 class=\"entry-hint-parent\">P10</h2>"));  // still page 2
        CHECK_FALSE(contains(app.last().html, "notice-error"));
    }
    SECTION("a post that timed out: loading, then the post") {
        App app;
        app.controller.navigate("#/posts/x");
        app.respond_ok("posts/index.json", kSmallIndex);
        app.time_out("posts/x.md");
        app.controller.retry();
        CHECK(app.requests_for("posts/x.md") == 2);
        CHECK(app.requests_for("posts/index.json") == 1);  // the index is not fetched again
        CHECK_FALSE(contains(app.last().html, "notice-error"));
        app.respond_ok("posts/x.md", "# Hello\n\nBody text.");
        CHECK(contains(app.last().html, "<p>Body text.</p>"));
    }
    SECTION("a network error on a post") {
        App app;
        app.controller.navigate("#/posts/x");
        app.respond_ok("posts/index.json", kSmallIndex);
        app.respond("posts/x.md", 0, "", "TypeError: Failed to fetch");
        app.controller.retry();
        app.respond_ok("posts/x.md", "Second time lucky.");
        CHECK(contains(app.last().html, "<p>Second time lucky.</p>"));
    }
    SECTION("a late answer to the abandoned request changes nothing") {
        App app;
        app.controller.navigate("#/");
        app.time_out("posts/index.json");
        const uint32_t first = app.fetcher.requests.at(0).id;
        app.controller.retry();
        app.controller.fetch_done(first, FetchResponse{200, "{\"title\": \"Stale\", \"posts\": []}", ""});
        CHECK(contains(app.last().html, "Loading"));
    }
    SECTION("nothing failed: nothing is fetched again") {
        App app;
        app.controller.navigate("#/posts/x");
        app.respond_ok("posts/index.json", kSmallIndex);
        app.respond_ok("posts/x.md", "Fine.");
        const size_t frames = app.frame_count();
        app.controller.retry();
        CHECK(app.request_count() == 2);
        CHECK(app.frame_count() == frames);
    }
}

TEST_CASE("controller: every request carries the most its body may have, and a bigger one is a message") {
    App app;
    app.controller.navigate("#/posts/x");
    REQUIRE(app.request_count() == 1);
    CHECK(app.fetcher.requests[0].max_bytes == kMaxIndexBytes);
    SECTION("an index over the limit, declared by the server") {
        app.too_large("posts/index.json", size_t(70) << 20);
        CHECK(contains(app.last().html,
                       "posts/index.json: the index is 70.0 MB, more than the 64.0 MB an index may have"));
    }
    SECTION("a post over the limit, its size not declared") {
        app.respond_ok("posts/index.json", kSmallIndex);
        REQUIRE(app.request_count() == 2);
        CHECK(app.fetcher.requests[1].url == "posts/x.md");
        CHECK(app.fetcher.requests[1].max_bytes == MarkdownOptions::kMaxInputBytes);
        app.too_large("posts/x.md", 0);
        CHECK(contains(app.last().html, "posts/x.md: the post is larger than the 4.0 MB a post may have"));
        CHECK_FALSE(contains(app.last().html, "data-action=\"retry\""));  // the same file again would be as big
        app.controller.navigate("#/");
        CHECK(contains(app.last().html, "Post A"));  // the rest of the blog goes on
    }
}

TEST_CASE("controller: on a built site it reads paths under the root, and knows which paths are screens") {
    ControllerConfig config;
    config.index_url = "/blog/posts/index.json";
    config.links = RouteLinks::paths("/blog/");
    App app(config);
    app.controller.navigate("/blog/posts/x/#part");
    app.respond_ok("/blog/posts/index.json", kSmallIndex);
    CHECK(app.fetcher.urls().back() == "/blog/posts/x.md");
    CHECK_FALSE(app.last().complete);
    app.respond_ok("/blog/posts/x.md", "---\ntitle: X\n---\n## Part\n\nText.\n");
    const Frame& f = app.last();
    CHECK(f.complete);
    CHECK(f.scroll == Frame::Scroll::Anchor);
    CHECK(f.anchor == "part");
    CHECK(contains(f.html, "<h2 id=\"part\">Part<a class=\"anchor\" aria-hidden=\"true\" href=\"/blog/posts/x/#part\">"));
    CHECK_FALSE(contains(f.html, "title: X"));

    CHECK(app.controller.is_route("/blog/"));
    CHECK(app.controller.is_route("/blog/tags/go/"));
    CHECK(app.controller.is_route("/blog/posts/a/#h"));
    CHECK_FALSE(app.controller.is_route("/blog/index.xml"));
    CHECK_FALSE(app.controller.is_route("/blog/posts/x.md"));
    CHECK_FALSE(app.controller.is_route("/elsewhere/"));
    CHECK_FALSE(app.controller.is_route("#/posts/a"));
}

TEST_CASE("controller: search shows the search screen for the words typed, without fetching or parsing again") {
    App app;
    app.controller.navigate("#/search");
    app.respond_ok("posts/index.json", sample_file("tests/fixtures/sample-index.json"));
    CHECK(contains(app.last().html, "<input id=\"searchInput\""));
    CHECK_FALSE(contains(app.last().html, "post-entry"));
    const SiteIndex* site = app.controller.site();
    const SearchIndex* folded = app.controller.search_index();
    REQUIRE(site);
    REQUIRE(folded);

    // The reader types "borg", letter by letter.
    std::string typed;
    for (char c : std::string("borg")) {
        typed += c;
        const size_t frames = app.frame_count();
        app.controller.search(typed);
        REQUIRE(app.frame_count() == frames + 1);
        CHECK(app.last().scroll == Frame::Scroll::Keep);  // typing does not move the page
        CHECK(contains(app.last().html, "value=\"" + typed + "\""));
        CHECK(app.controller.route_href() == "#/search?q=" + typed);
    }
    const Frame& f = app.last();
    CHECK(f.title == "Search | Jose Villalta");
    CHECK(contains(f.html, "<mark>Borg</mark>"));
    CHECK(contains(f.html, "href=\"#/posts/paper-day-7-borg\""));
    CHECK(app.request_count() == 1);                       // the index was fetched once
    CHECK(app.controller.site() == site);                  // and parsed once
    CHECK(app.controller.search_index() == folded);        // and folded once
    CHECK(folded->entries.size() == index_listed(*site).size());

    SECTION("no match says so; clearing the box leaves the box alone") {
        app.controller.search("zzz");
        CHECK(contains(app.last().html, "No posts match \u201czzz\u201d."));
        app.controller.search("");
        CHECK_FALSE(contains(app.last().html, "post-entry"));
        CHECK_FALSE(contains(app.last().html, "No posts match"));
        CHECK(app.controller.route_href() == "#/search");
    }
    SECTION("a search from another screen is a new screen: it scrolls to the top") {
        app.controller.navigate("#/");
        app.controller.search("go");
        CHECK(app.last().scroll == Frame::Scroll::Top);
    }
    SECTION("the words typed are the route's, read back by navigate") {
        app.controller.search("d\u00e9j\u00e0 vu");
        CHECK(app.controller.route_href() == "#/search?q=d%C3%A9j%C3%A0%20vu");
        const std::string html = app.last().html;
        app.controller.navigate(app.controller.route_href());
        CHECK(app.last().html == html);
    }
}

TEST_CASE("controller: a search typed before the index arrives is shown once it does") {
    App app;
    app.controller.navigate("#/search");
    app.controller.search("omega");
    CHECK(contains(app.last().html, kLoading));
    CHECK(app.request_count() == 1);
    app.respond_ok("posts/index.json", sample_file("tests/fixtures/sample-index.json"));
    CHECK(contains(app.last().html, "value=\"omega\""));
    CHECK(contains(app.last().html, "<mark>Omega</mark>"));
}

TEST_CASE("controller: on a built site the search route is a path with the words in its query") {
    ControllerConfig config;
    config.index_url = "/blog/posts/index.json";
    config.links = RouteLinks::paths("/blog/");
    App app(config);
    app.controller.navigate("/blog/search/?q=post");
    app.respond_ok("/blog/posts/index.json", kSmallIndex);
    CHECK(contains(app.last().html, "value=\"post\""));
    app.controller.search("post a");
    CHECK(app.controller.route_href() == "/blog/search/?q=post%20a");
    CHECK(app.controller.is_route("/blog/search/?q=x"));
    CHECK(app.controller.is_route("/blog/archive/"));
}

TEST_CASE("controller: each frame carries the screen's language") {
    App app;
    app.controller.navigate("#/");
    CHECK(app.last().lang == "en");
    app.respond_ok("posts/index.json", R"({"language": "de", "posts": [{"slug": "a", "title": "A", "summary": "s"}]})");
    CHECK(app.last().lang == "de");
}

TEST_CASE("controller: each frame carries the site's default theme, none until the index says") {
    App app;
    app.controller.navigate("#/");
    CHECK(app.last().theme.empty());  // Loading: not known, which is not "auto"
    app.respond_ok("posts/index.json", R"({"defaultTheme": "dark", "posts": [{"slug": "a", "title": "A", "summary": "s"}]})");
    CHECK(app.last().theme == "dark");
    app.controller.navigate("#/categories");
    CHECK(app.last().theme == "dark");
    CHECK(app.last().kind == "categories");
}

TEST_CASE("controller: a category's list is shown again when a summary it waits for arrives") {
    App app;
    app.controller.navigate("#/categories/notes");
    app.respond_ok("posts/index.json", R"({"posts": [{"slug": "x", "title": "X", "categories": ["notes"]}]})");
    CHECK(app.last().kind == "category");
    CHECK_FALSE(app.last().complete);
    const size_t before = app.frame_count();
    app.respond_ok("posts/x.md", "Words of X.");
    CHECK(app.frame_count() == before + 1);
    CHECK(app.last().complete);
    CHECK(contains(app.last().html, "<p>Words of X.</p>"));
}

TEST_CASE("controller: a prefetched post loads without a screen, and opening it then shows it at once, fetched once") {
    App app;
    CHECK(app.controller.prefetch("#/posts/a") == 0);  // no index yet: nothing to go on
    app.controller.navigate("#/");
    app.respond_ok("posts/index.json", kSmallIndex);
    const size_t frames = app.frame_count();
    const size_t requests = app.request_count();  // the index, and summaries of x and y

    CHECK(app.controller.prefetch("#/posts/a") == 1);
    CHECK(app.request_count() == requests + 1);
    CHECK(app.fetcher.requests.back().url == "posts/a.md");
    CHECK(app.fetcher.requests.back().max_bytes == MarkdownOptions::kMaxInputBytes);
    CHECK(app.controller.prefetch("#/posts/a") == 0);  // already on its way
    app.respond_ok("posts/a.md", "# A\n\nThe body of A.\n");
    CHECK(app.frame_count() == frames);  // the reader is still on the list
    CHECK(contains(app.last().html, "Post X"));

    app.controller.navigate("#/posts/a");
    CHECK(app.frame_count() == frames + 1);  // straight to the post, no "Loading…"
    CHECK(contains(app.last().html, "The body of A."));
    CHECK(app.last().complete);
    CHECK(app.last().scroll == Frame::Scroll::Top);
    CHECK(app.requests_for("posts/a.md") == 1);
}

TEST_CASE("controller: opening a post whose prefetch is still on its way shows it when it arrives") {
    App app;
    app.controller.navigate("#/");
    app.respond_ok("posts/index.json", kSmallIndex);
    CHECK(app.controller.prefetch("#/posts/a") == 1);
    app.controller.navigate("#/posts/a");
    CHECK(contains(app.last().html, kLoading));
    CHECK(app.requests_for("posts/a.md") == 1);
    app.respond_ok("posts/a.md", "The body of A.\n");
    CHECK(contains(app.last().html, "The body of A."));
    CHECK(app.last().scroll == Frame::Scroll::Top);
}

TEST_CASE("controller: prefetching a screen that needs nothing, or no screen, starts nothing") {
    App app;
    app.controller.navigate("#/posts/a");
    app.respond_ok("posts/index.json", kSmallIndex);
    app.respond_ok("posts/a.md", "A.\n");
    const size_t requests = app.request_count();
    CHECK(app.controller.prefetch("#/posts/a") == 0);  // already here
    CHECK(app.controller.prefetch("#/tags") == 0);
    CHECK(app.controller.prefetch("#/posts/nope") == 0);
    CHECK(app.controller.prefetch("#/nowhere") == 0);
    CHECK(app.controller.prefetch("https://example.com/") == 0);
    CHECK(app.request_count() == requests);
    CHECK(contains(app.last().html, "A."));  // and the screen on show is left alone
}

TEST_CASE("controller: opening a thousand posts keeps the cache of rendered posts bounded, and recent ones come back without a fetch") {
    std::string index = R"({"title": "Many", "posts": [)";
    for (int i = 0; i < 1000; ++i)
        index += std::string(i ? "," : "") + R"({"slug": "p)" + std::to_string(i) + R"(", "title": "P", "summary": "s"})";
    index += "]}";
    App app;
    app.controller.navigate("#/");
    app.respond_ok("posts/index.json", index);
    const std::string body = "# Title\n\n" + std::string(8000, 'w') + "\n\n## Two\n\nText.\n";  // ~8 KB of HTML
    size_t most = 0;
    for (int i = 0; i < 1000; ++i) {
        const std::string slug = "p" + std::to_string(i);
        app.controller.navigate("#/posts/" + slug);
        app.respond_ok("posts/" + slug + ".md", body);
        REQUIRE(contains(app.last().html, "Text."));
        most = std::max(most, app.controller.post_cache_bytes());
    }
    CHECK(most <= Controller::kPostCacheBytes + 9000);  // at most one post over the bound
    CHECK(app.controller.posts_known() < 200);
    CHECK(app.controller.post_cache_bytes() > Controller::kPostCacheBytes / 2);  // it is used, not emptied
    // The post before last is still there: shown at once, no request.
    const size_t requests = app.request_count();
    app.controller.navigate("#/posts/p998");
    CHECK(contains(app.last().html, "Text."));
    CHECK(app.request_count() == requests);
    // The first one was dropped: it is fetched again, and shown.
    app.controller.navigate("#/posts/p0");
    CHECK(contains(app.last().html, kLoading));
    CHECK(app.requests_for("posts/p0.md") == 2);
    app.respond_ok("posts/p0.md", body);
    CHECK(contains(app.last().html, "Text."));
}

TEST_CASE("controller: the post on show is never dropped, however big") {
    App app;
    app.controller.navigate("#/posts/a");
    app.respond_ok("posts/index.json", kSmallIndex);
    app.respond_ok("posts/a.md", std::string(Controller::kPostCacheBytes + 1000, 'x'));
    CHECK(app.controller.posts_known() >= 1);
    CHECK(app.controller.post_cache_bytes() > Controller::kPostCacheBytes);
    app.controller.navigate("#/posts/a");  // again: from the cache
    CHECK(app.requests_for("posts/a.md") == 1);
    CHECK(contains(app.last().html, "xxxx"));
}

TEST_CASE("controller: the search fields are folded when a search screen first needs them, not when the index loads") {
    App app;
    app.controller.navigate("#/");
    app.respond_ok("posts/index.json", sample_file("tests/fixtures/sample-index.json"));
    CHECK(app.controller.site());
    CHECK(app.controller.search_index() == nullptr);  // the list needs none
    app.controller.navigate("#/tags");
    CHECK(app.controller.search_index() == nullptr);
    app.controller.navigate("#/search?q=borg");
    const SearchIndex* folded = app.controller.search_index();
    REQUIRE(folded);
    CHECK(contains(app.last().html, "<mark>Borg</mark>"));
    app.controller.navigate("#/");
    app.controller.search("omega");
    CHECK(app.controller.search_index() == folded);  // once
    CHECK(contains(app.last().html, "<mark>Omega</mark>"));
}

namespace {

// A paged index (docs/index-schema.md, "A big blog: the paged index"): six posts, two a
// file, two a list page.
const char* const kPagedIndex = R"({
    "title": "Paged", "author": "Ann", "total": 6,
    "parts": ["index-2.json", "index-3.json"],
    "posts": [
        {"slug": "a", "title": "Post A", "date": "2024-06-06", "summary": "A.", "tags": ["one"]},
        {"slug": "b", "title": "Post B", "date": "2024-06-05", "summary": "B."}
    ]})";
const char* const kPagedPart2 = R"({"posts": [
        {"slug": "c", "title": "Post C", "date": "2024-06-04", "summary": "C.", "tags": ["one"]},
        {"slug": "d", "title": "Post D", "date": "2024-06-03", "summary": "D."}]})";
const char* const kPagedPart3 = R"({"posts": [
        {"slug": "e", "title": "Post E", "date": "2024-06-02", "summary": "E.", "tags": ["one"]},
        {"slug": "f", "title": "Post F", "date": "2024-06-01", "summary": "F."}]})";

ControllerConfig paged_config() {
    ControllerConfig config;
    config.page_size = 2;
    return config;
}

}  // namespace

TEST_CASE("paged index: the first list page needs index.json alone, and counts its pages from the index's total") {
    App app(paged_config());
    app.controller.navigate("#/");
    app.respond_ok("posts/index.json", kPagedIndex);
    CHECK(app.fetcher.urls() == std::vector<std::string>{"posts/index.json"});
    CHECK(app.last().complete);
    CHECK(contains(app.last().html, "Post A"));
    CHECK(contains(app.last().html, "Post B"));
    CHECK(contains(app.last().html, "href=\"#/page/2\""));  // Next: three pages in all
    app.controller.navigate("#/page/4");
    CHECK(contains(app.last().html, "Page 4 does not exist: the list has 3 pages."));
    CHECK(app.request_count() == 1);
}

TEST_CASE("paged index: list page 3 asks for the files up to it, and shows its posts once they are merged in order") {
    App app(paged_config());
    app.controller.navigate("#/page/3");
    app.respond_ok("posts/index.json", kPagedIndex);
    CHECK(app.fetcher.urls() == std::vector<std::string>{"posts/index.json", "posts/index-2.json", "posts/index-3.json"});
    CHECK(contains(app.last().html, kLoading));
    CHECK_FALSE(app.last().complete);
    // The third file first: it waits for the second.
    app.respond_ok("posts/index-3.json", kPagedPart3);
    CHECK(contains(app.last().html, kLoading));
    CHECK(app.controller.site()->parts_merged == 0);
    app.respond_ok("posts/index-2.json", kPagedPart2);
    CHECK(app.controller.site()->parts_merged == 2);
    CHECK(app.last().complete);
    CHECK(contains(app.last().html, "Post E"));
    CHECK(contains(app.last().html, "Post F"));
    CHECK_FALSE(contains(app.last().html, "Post D"));
    CHECK(contains(app.last().html, "href=\"#/page/2\""));  // Prev
    CHECK(app.request_count() == 3);
}

TEST_CASE("paged index: a post not in index.json, a tag, the archive and search need every file") {
    App app(paged_config());
    app.controller.navigate("#/");
    app.respond_ok("posts/index.json", kPagedIndex);
    SECTION("a post in the last file") {
        app.controller.navigate("#/posts/e");
        CHECK(app.fetcher.urls() == std::vector<std::string>{"posts/index.json", "posts/index-2.json", "posts/index-3.json"});
        app.respond_ok("posts/index-2.json", kPagedPart2);
        app.respond_ok("posts/index-3.json", kPagedPart3);
        CHECK(app.fetcher.urls().back() == "posts/e.md");
        CHECK(contains(app.last().html, "<h1 class=\"post-title\">Post E</h1>"));
    }
    SECTION("a slug in no file is not found once every file is in") {
        app.controller.navigate("#/posts/zzz");
        CHECK(contains(app.last().html, kLoading));
        app.respond_ok("posts/index-2.json", kPagedPart2);
        app.respond_ok("posts/index-3.json", kPagedPart3);
        CHECK(contains(app.last().html, "There is no post \u201czzz\u201d in this blog."));
    }
    SECTION("a tag lists its posts from every file") {
        app.controller.navigate("#/tags/one");
        CHECK(contains(app.last().html, kLoading));
        app.respond_ok("posts/index-2.json", kPagedPart2);
        app.respond_ok("posts/index-3.json", kPagedPart3);
        CHECK(contains(app.last().html, "Post A"));
        CHECK(contains(app.last().html, "Post C"));
        CHECK_FALSE(contains(app.last().html, "Post B"));
        app.controller.navigate("#/tags/one/page/2");
        CHECK(contains(app.last().html, "Post E"));
        CHECK(app.request_count() == 3);
    }
    SECTION("the archive and search") {
        app.controller.navigate("#/archive");
        app.respond_ok("posts/index-2.json", kPagedPart2);
        app.respond_ok("posts/index-3.json", kPagedPart3);
        CHECK(contains(app.last().html, "Post F"));
        app.controller.navigate("#/search?q=post");
        CHECK(contains(app.last().html, "Post F"));
        CHECK(app.request_count() == 3);
    }
}

TEST_CASE("paged index: a file that fails says so with Try again, which asks for it again") {
    App app(paged_config());
    app.controller.navigate("#/archive");
    app.respond_ok("posts/index.json", kPagedIndex);
    app.respond_ok("posts/index-2.json", kPagedPart2);
    app.respond("posts/index-3.json", 404);
    CHECK(app.last().kind == "error");
    CHECK(contains(app.last().html, "Could not load posts/index-3.json: HTTP 404"));
    CHECK(contains(app.last().html, "data-action=\"retry\""));
    app.controller.retry();
    CHECK(app.requests_for("posts/index-3.json") == 2);
    app.respond_ok("posts/index-3.json", kPagedPart3);
    CHECK(contains(app.last().html, "Post F"));
}

TEST_CASE("paged index: the last post of a file waits for the next file for its Next link") {
    App app(paged_config());
    app.controller.navigate("#/posts/b");
    app.respond_ok("posts/index.json", R"({"title": "Paged", "showPostNavLinks": true, "total": 6,
        "parts": ["index-2.json", "index-3.json"],
        "posts": [{"slug": "a", "title": "Post A", "date": "2024-06-06"},
                  {"slug": "b", "title": "Post B", "date": "2024-06-05"}]})");
    CHECK(app.fetcher.urls() == std::vector<std::string>{"posts/index.json", "posts/index-2.json", "posts/b.md"});
    app.respond_ok("posts/b.md", "Body of B.\n");
    CHECK_FALSE(app.last().complete);
    app.respond_ok("posts/index-2.json", kPagedPart2);
    CHECK(app.last().complete);
    CHECK(contains(app.last().html, "href=\"#/posts/c\""));
    CHECK(app.request_count() == 3);
}

TEST_CASE("controller: a route needs the full build when its screen is one the controller was built without, known before the index is") {
    FakeFetcher fetcher;
    FakeDisplay display;
    Controller list(ControllerConfig{}, fetcher, display, nullptr, IndexScreens{});
    for (const char* location : {"#/posts/lets-go", "#/posts/lets-go#why-go", "#/tags", "#/categories", "#/archive",
                                 "#/search", "#/search?q=borg"}) {
        INFO(location);
        CHECK(list.needs_full_build(location));
    }
    for (const char* location : {"#/", "", "#/page/2", "#/tags/go", "#/categories/notes", "#/page/2x"}) {
        INFO(location);
        CHECK_FALSE(list.needs_full_build(location));
    }
    ControllerConfig paths;
    paths.links = RouteLinks::paths("/blog/");
    Controller built(paths, fetcher, display, nullptr, IndexScreens{});
    CHECK(built.needs_full_build("/blog/posts/lets-go/"));
    CHECK(built.needs_full_build("/blog/archive/"));
    CHECK_FALSE(built.needs_full_build("/blog/page/2/"));
    CHECK_FALSE(built.needs_full_build("/blog/tags/go/"));

    App full;
    for (const char* location : {"#/posts/lets-go", "#/tags", "#/archive", "#/search?q=borg", "#/"}) {
        INFO(location);
        CHECK_FALSE(full.controller.needs_full_build(location));
    }
    CHECK(fetcher.requests.empty());
    CHECK(full.request_count() == 0);
}

TEST_CASE("controller: without index screens (the list engine) the terms, archive and search are Loading and incomplete, the lists are shown") {
    FakeFetcher fetcher;
    FakeDisplay display;
    ControllerConfig config;
    config.page_size = 4;
    Controller list(config, fetcher, display, nullptr, IndexScreens{});
    list.navigate("#/archive");
    list.fetch_done(fetcher.requests.at(0).id, FetchResponse{200, sample_file("tests/fixtures/sample-index.json"), {}});
    for (const char* location : {"#/archive", "#/tags", "#/categories", "#/search?q=borg"}) {
        INFO(location);
        list.navigate(location);
        const Frame& f = display.frames.back();
        CHECK(f.kind == "loading");
        CHECK_FALSE(f.complete);
        CHECK(contains(f.html, kLoading));
        CHECK(contains(f.html, "Jose Villalta"));  // the site's header: the index is known
    }
    list.search("omega");
    CHECK(display.frames.back().kind == "loading");
    CHECK_FALSE(display.frames.back().complete);
    CHECK(list.route_href() == "#/search?q=omega");  // the route the full engine takes over
    CHECK(list.search_index() == nullptr);           // nothing folded
    CHECK(fetcher.urls() == std::vector<std::string>{"posts/index.json"});

    list.navigate("#/");
    CHECK(display.frames.back().kind == "list");
    CHECK(display.frames.back().complete);
    CHECK(contains(display.frames.back().html, "<h2 class=\"entry-hint-parent\">Lets Go</h2>"));
    list.navigate("#/page/2");
    CHECK(display.frames.back().kind == "list");
    CHECK(display.frames.back().complete);
    CHECK(contains(display.frames.back().html, "href=\"#/posts/paper-day-4-harvest-yield\""));
    list.navigate("#/tags/kubernetes");
    CHECK(display.frames.back().kind == "tag");
    CHECK(display.frames.back().complete);
    CHECK(contains(display.frames.back().html, "href=\"#/posts/paper-day-2-kubernetes\""));
    CHECK_FALSE(contains(display.frames.back().html, "href=\"#/posts/lets-go\""));
    CHECK(fetcher.urls() == std::vector<std::string>{"posts/index.json"});
}

TEST_CASE("controller: with every screen (the full engine, the default) the terms, archive and search are what page_build makes") {
    App app;
    app.controller.navigate("#/archive");
    app.respond_ok("posts/index.json", sample_file("tests/fixtures/sample-index.json"));
    const SiteIndex* site = app.controller.site();
    REQUIRE(site);
    const PageConfig config{"posts/index.json", 10, {}};
    for (const char* location : {"#/archive", "#/tags", "#/categories", "#/search?q=borg"}) {
        INFO(location);
        app.controller.navigate(location);
        const Page page = page_build(route_parse(location), SiteState{SiteState::Index::Loaded, "", site}, config);
        CHECK(std::string(page.screen.kind) != "loading");
        CHECK(app.last().kind == page.screen.kind);
        CHECK(app.last().complete);
        CHECK(app.last().html == page.screen.html);
    }
    CHECK(app.controller.search_index() != nullptr);
}

TEST_CASE("paged index: a total far beyond the posts there are counts the pages only until every file is in") {
    App app(paged_config());
    app.controller.navigate("#/");
    app.respond_ok("posts/index.json", R"({"title": "Paged", "total": 18446744073709551615,
        "parts": ["index-2.json"],
        "posts": [{"slug": "a", "title": "Post A", "date": "2024-06-06"},
                  {"slug": "b", "title": "Post B", "date": "2024-06-05"}]})");
    CHECK(contains(app.last().html, "Post A"));
    CHECK(contains(app.last().html, "href=\"#/page/2\""));
    app.controller.navigate("#/page/2");
    app.respond_ok("posts/index-2.json", kPagedPart2);
    CHECK(contains(app.last().html, "Post C"));
    CHECK_FALSE(contains(app.last().html, "href=\"#/page/3\""));  // every file is in: the real count
    app.controller.navigate("#/page/3");
    CHECK(contains(app.last().html, "Page 3 does not exist: the list has 2 pages."));
}

TEST_CASE("controller: a right-to-left blog's screens say so, a left-to-right one's do not") {
    for (const char* lang : {"ar", "fa", "he", "en", "zh"}) {
        App app;
        app.controller.navigate("#/");
        app.respond_ok("posts/index.json", std::string("{\"language\": \"") + lang +
                                               "\", \"posts\": [{\"slug\": \"a\", \"title\": \"A\", \"summary\": \"S\"}]}");
        INFO(lang);
        CHECK(app.last().lang == lang);
        CHECK(app.last().rtl == (lang[0] == 'a' || lang[0] == 'f' || lang[0] == 'h'));
    }
}

namespace {

// The sample index with a full-text index beside it ("search"), of the
// first three listed posts with bodies of our own, and its files by URL.
struct FulltextSite {
    std::string index;
    std::map<std::string, std::string> files;  // URL -> bytes
    std::vector<std::string> slugs;
};

FulltextSite fulltext_site() {
    FulltextSite site;
    site.index = sample_file("tests/fixtures/sample-index.json");
    site.index.insert(site.index.find('{') + 1, "\"search\": \"search/manifest.json\", ");
    auto parsed = index_parse(site.index, "posts/index.json");
    REQUIRE(parsed);
    const std::vector<const Post*> listed = index_listed(parsed.value());
    REQUIRE(listed.size() >= 3);
    const char* bodies[3] = {
        "Intro text about clusters.\n\n## Scheduling\n\nThe scheduler places <script>alert(1)</script> tasks on machines by priority.\n",
        "Nothing about that here.\n\n## Memory\n\nGarbage collection pauses matter.\n",
        "## Notes\n\nMachines again, but only once.\n",
    };
    std::vector<FulltextDocument> docs;
    for (size_t i = 0; i < 3; ++i) {
        FulltextDocument d;
        d.slug = listed[i]->slug;
        d.route = "posts/" + d.slug + "/";
        d.title = listed[i]->title;
        auto rendered = markdown_render(bodies[i], [] {
            MarkdownOptions o;
            o.collect_sections = true;
            return o;
        }());
        REQUIRE(rendered);
        d.sections = rendered.value().sections;
        docs.push_back(std::move(d));
        site.slugs.push_back(listed[i]->slug);
    }
    for (FulltextFile& f : fulltext_build(docs, "en")) site.files["posts/" + f.path] = std::move(f.bytes);
    return site;
}

// Shows `route` (a search screen) with the site's index answered: the
// manifest is the request that follows, whatever was typed.
void open_search(App& app, const FulltextSite& site, const std::string& route) {
    app.controller.navigate(route);
    app.respond_ok("posts/index.json", site.index);
    CHECK(app.fetcher.urls().back() == "posts/search/manifest.json");
}

}  // namespace

TEST_CASE("controller: full-text search fetches the manifest, then only the shards of the words, then the shown posts' files") {
    const FulltextSite site = fulltext_site();
    App app;
    open_search(app, site, "#/search?q=machines");
    // Until the manifest is here: the title search's results, busy.
    CHECK(contains(app.last().html, "aria-busy=\"true\""));
    CHECK_FALSE(app.last().complete);
    app.respond_ok("posts/search/manifest.json", site.files.at("posts/search/manifest.json"));
    std::vector<std::string> shards;
    for (const std::string& url : app.fetcher.urls())
        if (url.find("/search/t/") != std::string::npos) shards.push_back(url);
    REQUIRE_FALSE(shards.empty());
    size_t shard_files = 0;
    for (const auto& [url, bytes] : site.files) shard_files += url.find("/search/t/") != std::string::npos;
    CHECK(shards.size() <= shard_files);
    // Shards answered in reverse order: the results come once all are in.
    for (auto it = shards.rbegin(); it != shards.rend(); ++it) app.respond_ok(*it, site.files.at(*it));
    CHECK_FALSE(contains(app.last().html, "aria-busy"));
    // Two posts say "machines"; their files are asked for, for excerpts.
    std::vector<std::string> docs;
    for (const std::string& url : app.fetcher.urls())
        if (url.find("/search/d/") != std::string::npos) docs.push_back(url);
    CHECK(docs.size() == 2);
    CHECK(contains(app.last().html, "href=\"#/posts/" + site.slugs[0] + "\""));
    CHECK(contains(app.last().html, "href=\"#/posts/" + site.slugs[2] + "\""));
    CHECK_FALSE(contains(app.last().html, "href=\"#/posts/" + site.slugs[1] + "\""));
    CHECK_FALSE(app.last().complete);
    for (const std::string& url : docs) app.respond_ok(url, site.files.at(url));
    const std::string& html = app.last().html;
    CHECK(app.last().complete);
    CHECK(contains(html, "<mark>machines</mark>"));
    CHECK(contains(html, "href=\"#/posts/" + site.slugs[0] + "#scheduling\""));  // the section's heading
    CHECK_FALSE(contains(html, "<script>"));
    // Typing on asks only for what is not here yet.
    const size_t before = app.request_count();
    app.controller.search("machines");
    CHECK(app.request_count() == before);

    SECTION("a shard that fails says so, and Try again asks for it again") {
        App other;
        other.controller.navigate("#/search?q=garbage");
        other.respond_ok("posts/index.json", site.index);
        other.respond_ok("posts/search/manifest.json", site.files.at("posts/search/manifest.json"));
        const std::string shard = other.fetcher.urls().back();
        REQUIRE(shard.find("/search/t/") != std::string::npos);
        other.respond(shard, 404);
        CHECK(contains(other.last().html, "The search could not read its index. Could not load " + shard + ": HTTP 404"));
        CHECK(contains(other.last().html, "data-action=\"retry\""));
        other.controller.retry();
        CHECK(other.fetcher.urls().back() == shard);
        other.respond_ok(shard, site.files.at(shard));
        CHECK_FALSE(contains(other.last().html, "notice-error"));
        CHECK(contains(other.last().html, "href=\"#/posts/" + site.slugs[1] + "\""));
    }
    SECTION("a manifest that is not one says which file and what is wrong") {
        App other;
        other.controller.navigate("#/search?q=machines");
        other.respond_ok("posts/index.json", site.index);
        other.respond_ok("posts/search/manifest.json", "{\"version\": 1, \"docs\": \"many\"}");
        CHECK(contains(other.last().html, "The search could not read its index. posts/search/manifest.json: "));
        CHECK(contains(other.last().html, "notice-error"));
    }
}

TEST_CASE("controller: the search screen asks for the manifest as it opens, so the first word waits only for its shards") {
    const FulltextSite site = fulltext_site();
    App app;
    open_search(app, site, "#/search");
    // Nothing typed: the box, not busy, whether the manifest is here or not.
    CHECK_FALSE(contains(app.last().html, "aria-busy"));
    CHECK(app.last().complete);
    app.respond_ok("posts/search/manifest.json", site.files.at("posts/search/manifest.json"));
    const size_t before = app.request_count();
    app.controller.search("machines");
    // The first word: its shards only, the manifest not asked for again.
    size_t manifests = 0, shards = 0;
    const std::vector<std::string> urls = app.fetcher.urls();
    for (size_t i = 0; i < urls.size(); ++i) {
        const std::string& url = urls[i];
        manifests += url == "posts/search/manifest.json";
        shards += i >= before && url.find("/search/t/") != std::string::npos;
    }
    CHECK(manifests == 1);
    CHECK(shards >= 1);
    CHECK(app.request_count() == before + shards);

    SECTION("a manifest that failed is said when a word needs it, and asked for again") {
        App other;
        open_search(other, site, "#/search");
        other.respond("posts/search/manifest.json", 503, "busy");
        CHECK_FALSE(contains(other.last().html, "notice-error"));  // nothing typed: nothing to say
        other.controller.search("machines");
        CHECK(contains(other.last().html, "notice-error"));
        other.controller.retry();
        CHECK(other.fetcher.urls().back() == "posts/search/manifest.json");
    }
}
