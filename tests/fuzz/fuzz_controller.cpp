// The app controller (core/app) driven by fuzzed navigations and fetch
// results (timeouts included), answered in fuzzed order, stale ids included,
// with the reader's "Try again" (Controller::retry). A fake Fetcher
// records requests; a fake Display records frames.
// Properties:
//   - an answer to an id the controller is not waiting for shows nothing;
//   - after each navigation, every frame shown belongs to that route: a post
//     route shows that post (loading or read), its not-found or an error; a
//     list or tag route a list, a not-found page or an error; never another
//     route's screen;
//   - once every request is answered, the last frame matches the final route:
//     the index failed -> the error; a post -> the post as its last answer
//     left it (read, not found on 404, error otherwise); a list -> the list
//     (or not-found past the last page), never "Loading…".
// Input: a stream of operations (navigate to a route of a small alphabet;
// answer the k-th pending request with a status (or a timeout) and a body;
// answer a stale id; "Try again"; type in the search box); when it runs out,
// every pending request is answered in turn.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/app/controller.hpp"
#include "core/url/url.hpp"
#include "fuzz_check.hpp"

namespace {

const char* const kRoutes[] = {
    "#/", "#/page/2", "#/page/3", "#/posts/a", "#/posts/b", "#/posts/c", "#/posts/z", "#/posts/missing",
    "#/posts/a#intro", "#/tags/t", "#/tags/u", "#/tags/none", "#/tags/t/page/2", "#/categories", "#/categories/t", "#/categories/none", "junk", "#/nope", "",
    "#/archive", "#/search?q=post", "#/search?q=zz%20top", "#/search",
};

const char* const kQueries[] = {"post", "P\xc3\xb6st a", "zz", "", "  ", "<b>"};

const char* const kIndexBodies[] = {
    R"({"title":"T","author":"Me","posts":[
  {"slug":"a","title":"Post A","date":"2022-07-24T21:42:07-07:00","tags":["t"],"categories":["t"]},
  {"slug":"b","title":"Post B","date":"2021-01-01","tags":["t","u"],"summary":"given"},
  {"slug":"c","title":"Post C","date":"2020-01-01","hidden":true,"tags":["u"]},
  {"slug":"bad slug","title":"x"},
  {"slug":"d","title":"Draft","draft":true}]})",
    R"({"title":"Other","posts":[{"slug":"a","title":"Other A"},{"slug":"z","title":"Post Z","tags":["t"]}]})",
    R"({"posts": [)",
    R"([])",
    R"({"posts":[]})",
};

const char* const kPostBodies[] = {
    "# Intro\n\nHello *world*.\n",
    "",
    "[x](../javascript:alert(1)) and <script>alert(1)</script>\n",
    "Before <!--more--> after.\n",
    "$x^2$ and\n\n```c\nint x;\n```\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
};

const int kStatuses[] = {200, 200, 200, 404, 500, 0, -1};  // -1: no response in time
constexpr unsigned kStatusCount = sizeof kStatuses / sizeof kStatuses[0];

enum class Shown { Loading, Error, NotFound, Post, List };

const char* shown_name(Shown s) {
    switch (s) {
        case Shown::Loading: return "loading";
        case Shown::Error: return "error";
        case Shown::NotFound: return "not found";
        case Shown::Post: return "post";
        case Shown::List: return "list";
    }
    return "?";
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

Shown classify(const blog::Frame& f) {
    if (contains(f.html, "class=\"loading\"")) return Shown::Loading;
    if (contains(f.html, "notice-error")) return Shown::Error;
    if (contains(f.html, "class=\"not-found\"")) return Shown::NotFound;
    if (contains(f.html, "class=\"post-single\"")) return Shown::Post;
    return Shown::List;
}

struct Request {
    uint32_t id;
    std::string url;
};

struct FakeFetcher : blog::Fetcher {
    std::vector<Request> pending;
    void fetch(uint32_t id, const blog::FetchRequest& r) override { pending.push_back({id, r.url}); }
};

struct FakeDisplay : blog::Display {
    std::vector<blog::Frame> frames;
    void show(const blog::Frame& frame) override { frames.push_back(frame); }
};

struct Bytes {
    const uint8_t* p;
    size_t n;
    bool empty() const { return n == 0; }
    uint8_t next() {
        if (!n) return 0;
        --n;
        return *p++;
    }
};

struct Harness {
    blog::ControllerConfig config = make_config();
    FakeFetcher fetcher;
    FakeDisplay display;
    blog::Controller controller{config, fetcher, display};

    std::string log;                            // what happened, for messages
    bool navigated = false;
    blog::Route route;                          // the current route
    size_t frames_at_navigation = 0;
    std::optional<blog::SiteIndex> site;        // the index the controller accepted, by the model
    bool index_failed = false;
    std::map<std::string, int> post_status;     // URL -> status of its last answer
    std::vector<uint32_t> answered;

    static blog::ControllerConfig make_config() {
        blog::ControllerConfig c;
        c.index_url = "posts/index.json";
        c.page_size = 2;
        return c;
    }

    std::string where() const { return "\n    operations: " + log; }

    void navigate(const char* hash) {
        log += std::string("navigate(\"") + hash + "\") ";
        navigated = true;
        route = blog::route_parse(hash);
        frames_at_navigation = display.frames.size();
        // A navigation retries a failed index (the controller's documented behaviour).
        controller.navigate(hash);
        FUZZ_CHECK(display.frames.size() > frames_at_navigation, "navigate shows nothing" + where());
        check_frames_since_navigation();
    }

    void answer(size_t k, uint8_t choice) {
        if (fetcher.pending.empty()) return;
        Request req = fetcher.pending[k % fetcher.pending.size()];
        fetcher.pending.erase(fetcher.pending.begin() + static_cast<long>(k % fetcher.pending.size()));
        blog::FetchResponse resp;
        const int status = kStatuses[choice % kStatusCount];
        const unsigned body = choice / kStatusCount;
        const bool is_index = req.url == config.index_url;
        if (status < 0) {
            resp.timed_out = true;
        } else {
            resp.status = status;
            if (status == 0) resp.error = "connection refused";
            else if (is_index) resp.body = kIndexBodies[body % 5];
            else resp.body = kPostBodies[body % 6];
        }
        log += "answer(" + std::to_string(req.id) + " " + req.url + ": " +
               (status < 0 ? std::string("timed out") : std::to_string(status)) +
               (status > 0 ? " body " + std::to_string(body % (is_index ? 5 : 6)) : "") + ") ";

        // The model: what the controller now knows.
        const bool ok = !resp.timed_out && resp.status >= 200 && resp.status < 300;
        if (is_index) {
            auto parsed = ok ? blog::index_parse(resp.body, config.index_url) : blog::Result<blog::SiteIndex>(blog::Error{});
            if (parsed) {
                site = std::move(parsed).value();
                index_failed = false;
            } else {
                index_failed = true;
            }
        } else {
            post_status[req.url] = resp.timed_out ? -1 : resp.status;
        }
        answered.push_back(req.id);
        controller.fetch_done(req.id, std::move(resp));
        check_frames_since_navigation();
    }

    void answer_stale(uint8_t choice) {
        uint32_t id = answered.empty() || (choice & 1) ? 100000u + choice : answered[choice % answered.size()];
        for (const Request& r : fetcher.pending)
            if (r.id == id) return;
        log += "stale(" + std::to_string(id) + ") ";
        const size_t before = display.frames.size();
        const size_t requests = fetcher.pending.size();
        blog::FetchResponse resp;
        resp.status = 200;
        resp.body = kIndexBodies[0];
        controller.fetch_done(id, std::move(resp));
        FUZZ_CHECK(display.frames.size() == before, "an answer to stale id " + std::to_string(id) + " showed a frame" + where());
        FUZZ_CHECK(fetcher.pending.size() == requests, "an answer to stale id " + std::to_string(id) + " started a request" + where());
    }

    // The reader types in the search box: a search route, shown at once.
    void search(const char* query) {
        log += std::string("search(\"") + query + "\") ";
        navigated = true;
        route = blog::Route{};
        route.kind = blog::Route::Kind::Search;
        route.query = query;
        route.raw = blog::route_href(route);
        frames_at_navigation = display.frames.size();
        controller.search(query);
        FUZZ_CHECK(display.frames.size() > frames_at_navigation, "search shows nothing" + where());
        FUZZ_CHECK(controller.route_href() == route.raw, "the route after search is " + controller.route_href() + where());
        check_frames_since_navigation();
    }

    // "Try again": the route stays; what failed is requested again.
    void retry() {
        log += "retry() ";
        frames_at_navigation = std::min(frames_at_navigation, display.frames.size());
        controller.retry();
        check_frames_since_navigation();
    }

    std::string post_title(const std::string& slug) const {
        const blog::Post* p = site ? site->find(slug) : nullptr;
        return p ? p->title : "";
    }

    // Every frame since the last navigation belongs to its route.
    void check_frames_since_navigation() {
        if (!navigated) return;
        for (size_t i = frames_at_navigation; i < display.frames.size(); ++i) {
            const blog::Frame& f = display.frames[i];
            const Shown s = classify(f);
            const std::string what = std::string("frame ") + std::to_string(i) + " (" + shown_name(s) + ", title \"" +
                                     fuzz::escaped(f.title) + "\") for route \"" + fuzz::escaped(route.raw) + "\"";
            switch (route.kind) {
                case blog::Route::Kind::Post:
                    FUZZ_CHECK(s != Shown::List, what + ": a list on a post route" + where());
                    if (s == Shown::Post) {
                        const std::string title = post_title(route.slug);
                        FUZZ_CHECK(!title.empty() && contains(f.html, "<h1 class=\"post-title\">" + title + "</h1>"),
                                   what + ": not the post \"" + route.slug + "\"" + where());
                    }
                    break;
                case blog::Route::Kind::List:
                case blog::Route::Kind::Tag:
                case blog::Route::Kind::Tags:
                case blog::Route::Kind::Archive:
                case blog::Route::Kind::Search:
                    FUZZ_CHECK(s != Shown::Post, what + ": a post on a list route" + where());
                    break;
                case blog::Route::Kind::NotFound:
                    FUZZ_CHECK(s != Shown::Post && s != Shown::List, what + ": a page on a not-found route" + where());
                    break;
            }
        }
    }

    void check_final() {
        if (!navigated) return;
        FUZZ_CHECK(fetcher.pending.empty(), "requests still pending" + where());
        FUZZ_CHECK(display.frames.size() > frames_at_navigation, "nothing shown after the last navigation" + where());
        const blog::Frame& f = display.frames.back();
        const Shown s = classify(f);
        Shown expected = Shown::Error;
        if (index_failed || !site) {
            expected = Shown::Error;
        } else {
            switch (route.kind) {
                case blog::Route::Kind::NotFound: expected = Shown::NotFound; break;
                case blog::Route::Kind::Tags:
                    FUZZ_CHECK(contains(f.html, "<h1>" + std::string(blog::taxonomy_title(route.taxonomy)) + "</h1>"),
                               "the terms route does not show its terms page" + where());
                    expected = s;
                    break;
                case blog::Route::Kind::Archive:
                    FUZZ_CHECK(contains(f.html, "<h1>Archive</h1>"), "the archive route does not show the archive" + where());
                    expected = Shown::List;
                    break;
                case blog::Route::Kind::Search:
                    FUZZ_CHECK(contains(f.html, "<h1>Search</h1>") && contains(f.html, "data-action=\"search\""),
                               "the search route does not show the search box" + where());
                    expected = Shown::List;
                    break;
                case blog::Route::Kind::List:
                case blog::Route::Kind::Tag: {
                    blog::ListQuery q{route.page, config.page_size, route.tag, route.taxonomy};
                    const bool missing = route.page > blog::view_page_count(*site, q) ||
                                         (!route.tag.empty() && blog::index_listed(*site, route.taxonomy, route.tag).empty());
                    expected = missing ? Shown::NotFound : Shown::List;
                    break;
                }
                case blog::Route::Kind::Post: {
                    const blog::Post* p = site->find(route.slug);
                    if (!p) {
                        expected = Shown::NotFound;
                        break;
                    }
                    auto it = post_status.find(blog::url_resolve(config.index_url, p->file));
                    FUZZ_CHECK(it != post_status.end(), "the post \"" + route.slug + "\" was never fetched" + where());
                    const int status = it->second;
                    expected = status >= 200 && status < 300 ? Shown::Post : status == 404 ? Shown::NotFound : Shown::Error;
                    break;
                }
            }
        }
        FUZZ_CHECK(s == expected, std::string("the last frame is ") + shown_name(s) + " (title \"" + fuzz::escaped(f.title) +
                                      "\"), expected " + shown_name(expected) + " for route \"" + fuzz::escaped(route.raw) +
                                      "\"" + where());
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::Scope scope(data, size);
    Bytes in{data, size};
    Harness h;
    size_t ops = 0;
    while (!in.empty() && ops++ < 200) {
        const uint8_t op = in.next();
        switch (op % 4) {
            case 0: h.navigate(kRoutes[in.next() % (sizeof kRoutes / sizeof kRoutes[0])]); break;
            case 1:
            case 2: {
                const uint8_t k = in.next();
                h.answer(k, in.next());
                break;
            }
            case 3:
                if (op & 4) h.retry();
                else if (op & 8) h.search(kQueries[in.next() % (sizeof kQueries / sizeof kQueries[0])]);
                else h.answer_stale(in.next());
                break;
        }
    }
    // Answer whatever is left, oldest first, successfully (the fuzzed part
    // above decides the failures and the order).
    for (int round = 0; !h.fetcher.pending.empty(); ++round) {
        FUZZ_CHECK(round < 1000, "requests keep coming" + h.where());
        h.answer(0, 0);
    }
    h.check_final();
    return 0;
}
