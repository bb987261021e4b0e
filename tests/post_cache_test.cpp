#include <catch2/catch.hpp>

#include <string>

#include "core/app/post_cache.hpp"

using namespace blog;

namespace {

// A rendered post whose HTML is `html_bytes` long.
void put_rendered(PostCache& cache, const std::string& slug, size_t html_bytes) {
    PostEntry& entry = cache.at(slug);
    entry.state = PostEntry::State::Rendered;
    entry.rendered = RenderedMarkdown{};
    entry.rendered->html = std::string(html_bytes, 'x');
}

// What one post of `html_bytes` costs the budget.
size_t cost(size_t html_bytes) {
    PostCache one(size_t(-1));
    put_rendered(one, "p", html_bytes);
    return one.bytes();
}

}  // namespace

TEST_CASE("post cache: a post asked for is known, loading, until it is rendered") {
    PostCache cache(1000);
    CHECK(cache.find("a") == nullptr);
    cache.at("a");
    REQUIRE(cache.find("a") != nullptr);
    CHECK(cache.find("a")->state == PostEntry::State::Loading);
    CHECK(cache.bytes() == 0);  // only rendered posts count
    CHECK(cache.size() == 1);
    CHECK(cache.entries().count("a") == 1);
}

TEST_CASE("post cache: the bytes counted are the rendered posts' HTML, headings, summary and images") {
    PostCache cache(size_t(-1));
    put_rendered(cache, "a", 100);
    const size_t html_only = cache.bytes();
    CHECK(html_only >= 100);
    PostEntry& a = cache.at("a");
    a.rendered->summary = std::string(10, 's');
    a.rendered->headings.push_back(Heading{2, "why", "Why"});
    a.rendered->images.push_back("a.png");
    CHECK(cache.bytes() > html_only + 10 + 3 + 3 + 5);
}

TEST_CASE("post cache: over the budget, the least recently shown post goes and the post just read stays") {
    const size_t one = cost(1000);
    PostCache cache(3 * one);
    for (const char* slug : {"a", "b", "c"}) {
        put_rendered(cache, slug, 1000);
        cache.shown(slug);
        cache.trim(slug);
    }
    CHECK(cache.size() == 3);  // at the budget: nothing dropped
    cache.shown("a");          // the reader goes back to a: b is now the oldest
    put_rendered(cache, "d", 1000);
    cache.shown("d");
    cache.trim("d");
    CHECK(cache.bytes() <= 3 * one);
    CHECK(cache.find("b") == nullptr);
    CHECK(cache.find("a") != nullptr);
    CHECK(cache.find("c") != nullptr);
    CHECK(cache.find("d") != nullptr);
}

TEST_CASE("post cache: a post fetched for a summary and never shown goes before any post shown") {
    const size_t one = cost(1000);
    PostCache cache(2 * one);
    put_rendered(cache, "read", 1000);
    cache.shown("read");
    put_rendered(cache, "summary", 1000);  // on a list: never on show
    put_rendered(cache, "next", 1000);
    cache.shown("next");
    cache.trim("next");
    CHECK(cache.find("summary") == nullptr);
    CHECK(cache.find("read") != nullptr);
    CHECK(cache.find("next") != nullptr);
}

TEST_CASE("post cache: the post on show stays, however big; loading and failed entries are never dropped") {
    PostCache cache(1000);
    cache.at("loading");
    cache.at("failed").state = PostEntry::State::Failed;
    put_rendered(cache, "old", 500);
    cache.shown("old");
    put_rendered(cache, "big", 5000);
    cache.shown("big");
    cache.trim("big");
    CHECK(cache.find("big") != nullptr);
    CHECK(cache.find("old") == nullptr);
    CHECK(cache.find("loading") != nullptr);
    CHECK(cache.find("failed") != nullptr);
    CHECK(cache.bytes() > cache.max_bytes());  // one post alone may be over the budget
    // With no post on show, the big one goes too.
    cache.trim("");
    CHECK(cache.find("big") == nullptr);
    CHECK(cache.bytes() == 0);
}

TEST_CASE("post cache: erase_if drops the entries it is told to, and says how many") {
    PostCache cache(1000);
    cache.at("a").error = "Could not load a";
    cache.at("b");
    CHECK(cache.erase_if([](const PostEntry& e) { return !e.error.empty(); }) == 1);
    CHECK(cache.find("a") == nullptr);
    CHECK(cache.find("b") != nullptr);
    cache.erase("b");
    CHECK(cache.size() == 0);
}
