// Full-text search (core/search/fulltext_index, fulltext_query): an index
// built in memory from a handful of posts, read back as the browser reads
// it, and queried. The expectations hold for any tokenizer of the header
// (words chosen whose stem is the word itself).
#include <catch2/catch.hpp>

#include <chrono>
#include <map>

#include "core/markdown/markdown.hpp"
#include "core/search/fulltext_query.hpp"

using namespace blog;

namespace {

FulltextDocument post(std::string slug, std::string title, std::vector<std::string> tags, std::string markdown) {
    MarkdownOptions o;
    o.collect_sections = true;
    FulltextDocument d;
    d.slug = slug;
    d.route = "posts/" + slug + "/";
    d.title = std::move(title);
    d.tags = std::move(tags);
    d.sections = markdown_render(markdown, o).value().sections;
    return d;
}

std::vector<FulltextDocument> sample_posts() {
    return {
        post("airships", "A history of airships", {"history"},
             "Balloons came first.\n\n## Early days\n\nHydrogen was cheap and dangerous.\n\n"
             "## The golden age\n\nPassengers crossed the ocean in comfort, dining on fine china.\n\n"
             "## The end\n\nAfter a famous fire over New Jersey the zeppelin era was over."),
        post("tea", "Brewing green tea", {"drinks"},
             "Use water below boiling.\n\n## Kettle\n\nA kettle with a thermometer helps. Green tea likes 80 degrees."),
        post("garden", "Notes from the garden", {"garden", "outdoors"},
             "Tomatoes ripened late this year. The green shed needs paint; tea on the porch after work.\n\n"
             "## Pests\n\nSlugs ate the lettuce. `<script>alert(1)</script>` is not a pest."),
        post("gardening-tools", "Tools I use", {"outdoors"},
             "A spade, a rake and a wheelbarrow. The garden would be nothing without them.\n\n"
             "## Moth traps\n\nA lamp and a sheet catch moths at night."),
        post("chinese", "Learning languages", {"languages"}, "我喜欢学习中文。每天练习写字。\n\n## Grammar\n\nTones are hard."),
    };
}

struct Site {
    std::vector<FulltextFile> files;
    FulltextManifest manifest;
    FulltextShards shards;  // all of them
    std::map<std::string, std::string> by_path;
};

Site site_of(const std::vector<FulltextDocument>& docs, std::string_view language = "en") {
    Site s;
    s.files = fulltext_build(docs, language);
    for (const FulltextFile& f : s.files) s.by_path[f.path] = f.bytes;
    s.manifest = fulltext_manifest_parse(s.by_path.at("search/manifest.json")).value();
    for (const std::string& name : s.manifest.shard_files)
        s.shards[name] = fulltext_shard_parse(s.by_path.at("search/" + name)).value();
    return s;
}

FulltextResults run(const Site& s, std::string_view query) {
    const Tokenizer tokenizer(s.manifest.language);
    return fulltext_search(s.manifest, s.shards, fulltext_query_parse(query, tokenizer));
}

std::vector<std::string> slugs(const Site& s, std::string_view query) {
    std::vector<std::string> out;
    for (const FulltextHit& h : run(s, query).hits) out.push_back(s.manifest.slugs[h.doc]);
    return out;
}

}  // namespace

TEST_CASE("fulltext: a word only deep in one post's body finds that post first") {
    const Site s = site_of(sample_posts());
    CHECK(slugs(s, "zeppelin") == std::vector<std::string>{"airships"});
    CHECK(slugs(s, "Hydrogen") == std::vector<std::string>{"airships"});
}

TEST_CASE("fulltext: a title match outranks a body match") {
    const Site s = site_of(sample_posts());
    const std::vector<std::string> found = slugs(s, "garden ");
    REQUIRE(found.size() == 2);
    CHECK(found[0] == "garden");
    CHECK(found[1] == "gardening-tools");
}

TEST_CASE("fulltext: every word must match") {
    const Site s = site_of(sample_posts());
    CHECK(slugs(s, "kettle thermometer") == std::vector<std::string>{"tea"});
    CHECK(slugs(s, "kettle zeppelin").empty());
    CHECK(slugs(s, "nonexistentword zeppelin").empty());
}

TEST_CASE("fulltext: a phrase matches only posts with its words adjacent") {
    const Site s = site_of(sample_posts());
    const std::vector<std::string> words = slugs(s, "green tea ");
    CHECK(words.size() == 2);  // "tea" and "garden" hold both words
    CHECK(slugs(s, "\"green tea\"") == std::vector<std::string>{"tea"});
    CHECK(slugs(s, "\"tea green\"").empty());
}

TEST_CASE("fulltext: one typo is forgiven in a word of five letters or more (typed with four: a letter short), not in a shorter one") {
    const Site s = site_of(sample_posts());
    CHECK(slugs(s, "zepelin ") == std::vector<std::string>{"airships"});   // a letter dropped
    CHECK(slugs(s, "zeppelni ") == std::vector<std::string>{"airships"});  // two swapped
    CHECK(slugs(s, "zeppelim ") == std::vector<std::string>{"airships"});  // one changed
    CHECK(slugs(s, "lamp ") == std::vector<std::string>{"gardening-tools"});
    CHECK(slugs(s, "lamq ").empty());  // a four-letter word: no typo forgiven
    CHECK(slugs(s, "spde ") == std::vector<std::string>{"gardening-tools"});  // "spade", a letter short
    CHECK(slugs(s, "zepelinn ").empty());  // two edits
}

TEST_CASE("fulltext: a typo that is a word of its own is forgiven when the words together match no post") {
    std::vector<FulltextDocument> posts = sample_posts();
    posts.push_back(post("manners", "Table manners", {}, "Children should comport themselves well."));
    const Site s = site_of(posts);
    // "comport" is a word of the blog, one edit from "comfort"; no post has
    // it with "ocean", and the airships post has "ocean" and "comfort".
    CHECK(slugs(s, "ocean comport ") == std::vector<std::string>{"airships"});
    CHECK(slugs(s, "children comport ") == std::vector<std::string>{"manners"});  // found as typed: no typo
    CHECK(slugs(s, "zeppelin ripened ").empty());  // no post has both, nor words one edit from them
    CHECK(slugs(s, "kettle thermometer") == std::vector<std::string>{"tea"});
}

TEST_CASE("fulltext: a typo that changes how the word stems still finds it") {
    const Site s = site_of(sample_posts());
    // "passengerz" stems as itself, far from "passeng"; one edit away is
    // "passengers", whose stem it is.
    CHECK(slugs(s, "passengerz ") == std::vector<std::string>{"airships"});
    CHECK(slugs(s, "ripenedd ") == std::vector<std::string>{"garden"});  // a letter added after the suffix
    CHECK(slugs(s, "ripenneddd ").empty());                              // three edits
}

TEST_CASE("fulltext: the last word is a prefix unless the query ends in a space") {
    const Site s = site_of(sample_posts());
    CHECK(slugs(s, "zepp") == std::vector<std::string>{"airships"});
    CHECK(slugs(s, "zepp ").empty());
    CHECK(slugs(s, "\"zepp\"").empty());
    CHECK(slugs(s, "zepp fire").empty());  // only the last word
    CHECK(slugs(s, "fire zepp") == std::vector<std::string>{"airships"});
    CHECK(slugs(s, "zepp fire ").empty());
}

TEST_CASE("fulltext: a two-character Chinese word is found in a post") {
    const Site s = site_of(sample_posts(), "zh-cn");
    CHECK(slugs(s, "中文") == std::vector<std::string>{"chinese"});
    CHECK(slugs(s, "学习中文") == std::vector<std::string>{"chinese"});  // adjacent bigrams: a phrase
    CHECK(slugs(s, "中国").empty());
}

namespace {

// Posts of made-up words: many terms, so many shards.
std::vector<FulltextDocument> many_posts(size_t n) {
    std::vector<FulltextDocument> docs = sample_posts();
    uint32_t seed = 7;
    const auto next = [&] { return seed = seed * 1103515245u + 12345u; };
    for (size_t i = 0; i < n; ++i) {
        std::string body;
        for (int w = 0; w < 300; ++w) {
            std::string word;
            const int len = 4 + int(next() >> 16) % 6;
            for (int k = 0; k < len; ++k) word += char('a' + (next() >> 16) % 26);
            body += word + (w % 12 == 11 ? ".\n\n" : " ");
        }
        docs.push_back(post("generated-" + std::to_string(i), "Generated " + std::to_string(i), {}, body));
    }
    return docs;
}

}  // namespace

TEST_CASE("fulltext: a query reads only the shards holding its terms") {
    const Site s = site_of(many_posts(300));
    REQUIRE(s.manifest.shard_files.size() > 20);
    const Tokenizer tokenizer(s.manifest.language);
    const FulltextQuery one = fulltext_query_parse("zeppelin ", tokenizer);
    const std::vector<std::string> need = fulltext_query_shards(s.manifest, one);
    CHECK(need.size() == 1);
    FulltextShards given;
    for (const std::string& f : need) given[f] = s.shards.at(f);
    const FulltextResults r = fulltext_search(s.manifest, given, one);
    CHECK(r.complete());
    REQUIRE(r.hits.size() == 1);
    CHECK(s.manifest.slugs[r.hits[0].doc] == "airships");
    // Two words far apart in the alphabet: two shards.
    CHECK(fulltext_query_shards(s.manifest, fulltext_query_parse("airships zeppelin ", tokenizer)).size() == 2);
}

TEST_CASE("fulltext: results come only once every shard needed has arrived, typos' shards asked for after") {
    const Site s = site_of(many_posts(300));
    const Tokenizer tokenizer(s.manifest.language);
    SECTION("missing shards: no results, the files named") {
        const FulltextQuery q = fulltext_query_parse("airships zeppelin ", tokenizer);
        const std::vector<std::string> need = fulltext_query_shards(s.manifest, q);
        FulltextShards given;
        FulltextResults r = fulltext_search(s.manifest, given, q);
        CHECK_FALSE(r.complete());
        CHECK(r.hits.empty());
        CHECK(r.missing == need);
        given[need[1]] = s.shards.at(need[1]);  // the second arrives first
        r = fulltext_search(s.manifest, given, q);
        CHECK(r.hits.empty());
        CHECK(r.missing == std::vector<std::string>{need[0]});
        given[need[0]] = s.shards.at(need[0]);
        r = fulltext_search(s.manifest, given, q);
        CHECK(r.complete());
        REQUIRE(r.hits.size() == 1);
    }
    SECTION("a word with no exact match asks for its typo shards") {
        const FulltextQuery q = fulltext_query_parse("zepelin ", tokenizer);
        FulltextShards given;
        for (const std::string& f : fulltext_query_shards(s.manifest, q)) given[f] = s.shards.at(f);
        FulltextResults r = fulltext_search(s.manifest, given, q);
        REQUIRE_FALSE(r.complete());
        CHECK(r.missing.size() <= kFulltextTypoShards);
        for (const std::string& f : r.missing) given[f] = s.shards.at(f);
        r = fulltext_search(s.manifest, given, q);
        CHECK(r.complete());
        REQUIRE(r.hits.size() == 1);
        CHECK(s.manifest.slugs[r.hits[0].doc] == "airships");
    }
}

TEST_CASE("fulltext: excerpts mark the words, escape the post's text and link the section's heading") {
    const Site s = site_of(sample_posts());
    const Tokenizer tokenizer(s.manifest.language);
    const FulltextResults r = run(s, "lettuce ");
    REQUIRE(r.hits.size() == 1);
    const FulltextDocFile doc =
        fulltext_doc_parse(s.by_path.at("search/" + fulltext_doc_path(r.hits[0].doc))).value();
    const FulltextPostExcerpts e = fulltext_excerpts(doc, r.hits[0], r.terms, tokenizer);
    CHECK(e.title_html == "Notes from the garden");
    CHECK(e.route == "posts/garden/");
    REQUIRE(e.sections.size() == 1);
    CHECK(e.sections[0].heading_id == "pests");
    CHECK(e.sections[0].heading_html == "Pests");
    CHECK(e.sections[0].html == "Slugs ate the <mark>lettuce</mark>. &lt;script&gt;alert(1)&lt;/script&gt; is not a pest.");

    const FulltextResults t = run(s, "garden ");
    const FulltextPostExcerpts title = fulltext_excerpts(
        fulltext_doc_parse(s.by_path.at("search/" + fulltext_doc_path(t.hits[0].doc))).value(), t.hits[0], t.terms, tokenizer);
    CHECK(title.title_html == "Notes from the <mark>garden</mark>");
    REQUIRE(title.sections.size() == 1);  // only in the title and tags: the post's beginning
    CHECK(title.sections[0].heading_id == "");
}

TEST_CASE("fulltext: an excerpt of a long section is a window around the words") {
    std::string body;
    for (int i = 0; i < 200; ++i) body += "filler ";
    body += "the zeppelin landed ";
    for (int i = 0; i < 200; ++i) body += "filler ";
    const Site s = site_of({post("long", "Long", {}, body)});
    const FulltextResults r = run(s, "zeppelin ");
    REQUIRE(r.hits.size() == 1);
    const FulltextPostExcerpts e = fulltext_excerpts(fulltext_doc_parse(s.by_path.at("search/d/0.json")).value(),
                                                     r.hits[0], r.terms, Tokenizer(s.manifest.language));
    REQUIRE(e.sections.size() == 1);
    const std::string& html = e.sections[0].html;
    CHECK(html.rfind("… filler", 0) == 0);
    CHECK(html.find("<mark>zeppelin</mark> landed") != std::string::npos);
    CHECK(html.size() < 300);
}

TEST_CASE("fulltext: a hostile query is bounded") {
    const Site s = site_of(many_posts(100));
    const Tokenizer tokenizer(s.manifest.language);
    std::string query;
    while (query.size() < 10000) query += ".*[( a" + std::to_string(query.size()) + " ";
    std::string words;
    for (int i = 0; i < 1000; ++i) words += "w" + std::to_string(i) + " ";
    for (const std::string& q : {query, words, std::string(10000, '"'), std::string(10000, 'z')}) {
        const auto start = std::chrono::steady_clock::now();
        const FulltextQuery parsed = fulltext_query_parse(q, tokenizer);
        CHECK(parsed.truncated);
        size_t terms = 0;
        for (const FulltextClause& c : parsed.clauses) terms += c.terms.size();
        CHECK(terms <= kFulltextQueryTerms);
        CHECK(fulltext_query_shards(s.manifest, parsed).size() <= kFulltextQueryTerms * kFulltextPrefixShards);
        fulltext_search(s.manifest, s.shards, parsed);
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(500));
    }
}

TEST_CASE("fulltext: a 4 MiB post's index is bounded in size and time") {
    std::string body;
    uint32_t seed = 1;
    while (body.size() < (size_t(4) << 20) - 100) {
        seed = seed * 1103515245u + 12345u;
        body += "word" + std::to_string((seed >> 16) % 5000) + ((seed >> 8) % 20 == 0 ? ".\n\n## Part\n\n" : " ");
    }
    const auto start = std::chrono::steady_clock::now();
    const std::vector<FulltextFile> files = fulltext_build({post("huge", "Huge", {}, body)}, "en");
    const auto took = std::chrono::steady_clock::now() - start;
    size_t total = 0, doc = 0;
    for (const FulltextFile& f : files) {
        total += f.bytes.size();
        if (f.path == "search/d/0.json") doc = f.bytes.size();
    }
    CHECK(doc < kFulltextStoredBytes + 32 * 1024);  // the stored text, with the headings' entries
    CHECK(total < size_t(2) << 20);
    CHECK(took < std::chrono::seconds(5));
}

TEST_CASE("fulltext: the index is the same bytes for the same posts") {
    const std::vector<FulltextFile> a = fulltext_build(sample_posts(), "en"), b = fulltext_build(sample_posts(), "en");
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].path == b[i].path);
        CHECK(a[i].bytes == b[i].bytes);
    }
}

TEST_CASE("fulltext: a post's lengths are kept in a byte each") {
    for (uint32_t n : {0u, 1u, 15u, 16u, 17u, 100u, 1000u, 50000u, 400000u}) {
        const uint32_t back = fulltext_length_decode(fulltext_length_encode(n));
        CHECK(back <= n);
        CHECK(double(n - back) <= 0.05 * n);
    }
}

TEST_CASE("fulltext: a hostile manifest, shard or post file is an error, not a crash") {
    const Site s = site_of(sample_posts());
    const std::string manifest = s.by_path.at("search/manifest.json");
    const std::string shard = s.by_path.at("search/" + s.manifest.shard_files[0]);
    const std::string doc = s.by_path.at("search/d/0.json");
    SECTION("truncated") {
        for (size_t n = 0; n + 1 < manifest.size(); n += 7) CHECK_FALSE(fulltext_manifest_parse(manifest.substr(0, n)));
        for (size_t n = 0; n + 1 < doc.size(); n += 5) CHECK_FALSE(fulltext_doc_parse(doc.substr(0, n)));
        for (size_t n = 0; n + 1 < shard.size(); n += 3) {
            const Result<FulltextShard> r = fulltext_shard_parse(shard.substr(0, n));
            if (n < 16 || shard[n - 1] != '\n') CHECK_FALSE(r);  // a whole line short is a shard still
        }
    }
    SECTION("wrong types and sizes") {
        const auto error_of = [](std::string_view text) { return fulltext_manifest_parse(text).error().message; };
        CHECK(error_of("[]") == "search manifest: expected an object at the top");
        CHECK(error_of("{}") == "search manifest: \"version\": expected 1");
        CHECK(fulltext_manifest_parse("{\"version\":\"1\"}").error().code == "fulltext-manifest");
        CHECK_FALSE(fulltext_manifest_parse("{\"version\":1,\"docs\":{\"a\":[[[]]]}}"));
        CHECK_FALSE(fulltext_manifest_parse(std::string(100000, '[')));
        std::string bad = manifest;
        bad.replace(bad.find("\"docs\":"), 8, "\"docs\":9");  // more posts than slugs
        CHECK_FALSE(fulltext_manifest_parse(bad));
        CHECK_FALSE(fulltext_doc_parse("{\"title\":1}"));
        CHECK_FALSE(fulltext_doc_parse("{\"sections\":[{\"at\":-1}]}"));
        CHECK(fulltext_doc_parse("{\"title\":\"x\",\"sections\":[]}"));
    }
    SECTION("a shard's file elsewhere than beside the manifest") {
        const std::string name = s.manifest.shard_files[0];
        for (const std::string other : {"../../secret.txt", "https://elsewhere.example/t.txt", "/t/x.txt", "t/a?b"}) {
            std::string bad = manifest;
            bad.replace(bad.find("\"" + name + "\""), name.size() + 2, "\"" + other + "\"");
            const auto r = fulltext_manifest_parse(bad);
            REQUIRE_FALSE(r);
            CHECK(r.error().message.find("\"files\"[0] must") != std::string::npos);
        }
    }
    SECTION("huge numbers") {
        CHECK(fulltext_manifest_parse("{\"version\":1,\"docs\":1e300}").error().message ==
              "search manifest: \"docs\": expected a count of posts up to 10,000,000");
        CHECK_FALSE(fulltext_manifest_parse("{\"version\":1,\"docs\":99999999999999999999999}"));
        CHECK_FALSE(fulltext_shard_parse("wasm-blog-fts 1\nabc\t99999999999b1\n"));
        CHECK_FALSE(fulltext_shard_parse("wasm-blog-fts 1\nabc\t4294967295b1 1b1\n"));
        CHECK_FALSE(fulltext_shard_parse("wasm-blog-fts 1\nabc\t0b4294967295,1\n"));
        CHECK(fulltext_shard_parse("wasm-blog-fts 1\nabc\t0b4294967295\n"));
        CHECK_FALSE(fulltext_doc_parse("{\"sections\":[{\"at\":4294967296}]}"));
    }
    SECTION("bad postings and order") {
        for (const char* text : {"wasm-blog-fts 2\n", "wasm-blog-fts 1\nabc\n", "wasm-blog-fts 1\n\tb1\n",
                                 "wasm-blog-fts 1\nabc\t0\n", "wasm-blog-fts 1\nabc\t0x1\n", "wasm-blog-fts 1\nabc\t0,1\n",
                                 "wasm-blog-fts 1\nabc\t0b1 0b1\n", "wasm-blog-fts 1\nb\t0b1\na\t0b1\n",
                                 "wasm-blog-fts 1\nabc\t0b1 \n", "wasm-blog-fts 1\nabc\t0b1"})
            CHECK_FALSE(fulltext_shard_parse(text));
    }
    SECTION("a post number beyond the manifest's posts is ignored") {
        FulltextShards shards = s.shards;
        const std::string& name = s.manifest.shard_files[0];
        shards[name] = fulltext_shard_parse("wasm-blog-fts 1\nzeppelin\t4000b1\n").value();
        FulltextManifest m = s.manifest;
        m.shard_starts = {""};
        m.shard_files = {name};
        CHECK(fulltext_search(m, shards, fulltext_query_parse("zeppelin ", Tokenizer("en"))).hits.empty());
    }
}
