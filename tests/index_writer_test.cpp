#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/index/post_index.hpp"
#include "tests/temp_dir.hpp"
#include "core/search/fulltext_query.hpp"
#include "tool/index_writer.hpp"
#include "tool/search_writer.hpp"
#include "tool/site.hpp"

namespace fs = std::filesystem;
using blog::tool::IndexFile;
using blog::tool::IndexSplit;
using blog::tool::index_write;
using blog::tool::index_write_files;
using json = nlohmann::ordered_json;

namespace {

// A real folder, removed at the end of the test.
struct TempDir : blog::test::TempDir {
    TempDir() : blog::test::TempDir("wasm-blog-index-writer-test") {}
};

std::string two(size_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// A site of n posts, p-00001.md …: dates over twenty years, every 97th post
// undated, every 50th hidden from the home list, every 500th with a weight
// (the last first), a tag or two. Read as `wasm-blog index` reads it.
blog::tool::Site generated_site(const TempDir& tmp, size_t n) {
    tmp.write("hugo.toml", "title = \"Many\"\nbaseURL = \"https://example.org/\"\n"
                           "[params]\nauthor = \"Ana\"\nShowToc = true\n");
    for (size_t i = 1; i <= n; ++i) {
        std::string num = std::to_string(i);
        num.insert(0, 5 - num.size(), '0');
        std::string fm = "---\ntitle: Post " + num + "\n";
        if (i % 97 != 0)
            fm += "date: " + std::to_string(2000 + i % 20) + "-" + two(1 + i * 7 % 12) + "-" + two(1 + i * 13 % 28) +
                  "T" + two(i % 24) + ":00:00Z\n";
        if (i % 50 == 0) fm += "hiddenInHomeList: true\n";
        if (i % 500 == 0) fm += "weight: " + std::to_string(10 - i / 500) + "\n";
        fm += "tags: [t" + std::to_string(i % 7) + (i % 3 ? ", common" : "") + "]\n---\n";
        tmp.write("content/posts/p-" + num + ".md", fm + "Words of post " + num + ".\n");
    }
    blog::tool::SiteOptions options;
    options.now = 1735689600;  // 2025-01-01
    blog::tool::Site site = blog::tool::site_read(tmp.root.string(), options);
    std::string problems;
    for (const blog::tool::Problem& p : site.problems) problems += blog::tool::problem_text(p) + "\n";
    INFO(problems);
    REQUIRE(site.ok());
    REQUIRE(site.posts.size() == n);
    return site;
}

// The generated sites of n posts, each read once per run (Catch runs a test
// case again for each of its sections).
const blog::tool::Site& generated_site(size_t n) {
    static std::map<size_t, blog::tool::Site> sites;
    auto it = sites.find(n);
    if (it == sites.end()) {
        TempDir tmp;
        it = sites.emplace(n, generated_site(tmp, n)).first;
    }
    return it->second;
}

std::vector<std::string> names_of(const std::vector<IndexFile>& files) {
    std::vector<std::string> out;
    for (const IndexFile& f : files) out.push_back(f.name);
    return out;
}

// The core reads `text` as the widget does, without a problem.
blog::SiteIndex read_back(const std::string& text, const std::string& name) {
    blog::Result<blog::SiteIndex> r = blog::index_parse(text, "posts/" + name);
    if (!r) FAIL(name + ": " + r.error().message);
    blog::SiteIndex index = std::move(r).value();
    std::string problems;
    for (const std::string& p : index.problems) problems += name + ": " + p + "\n";
    INFO(problems);
    CHECK(index.problems.empty());
    return index;
}

size_t hidden_count(const blog::tool::Site& site) {
    size_t n = 0;
    for (const blog::tool::SitePost& p : site.posts) n += p.front.hidden_in_home_list;
    return n;
}

}  // namespace

TEST_CASE("index writer: a site of 2,345 posts is index.json with the first 100 and parts of 2,000 and 245") {
    const blog::tool::Site& site = generated_site(2345);
    const std::vector<IndexFile> files = index_write_files(site, IndexSplit{});
    REQUIRE(names_of(files) == std::vector<std::string>{"index.json", "index-2.json", "index-3.json"});
    const json whole = json::parse(index_write(site));
    const json first = json::parse(files[0].text);
    const json part2 = json::parse(files[1].text);
    const json part3 = json::parse(files[2].text);

    SECTION("index.json holds the site's fields, the first entries, the parts and the home list's length") {
        CHECK(first["posts"].size() == 100);
        CHECK(first["parts"] == json::array({"index-2.json", "index-3.json"}));
        CHECK(first["total"] == 2345 - hidden_count(site));
        CHECK(hidden_count(site) == 46);
        json fields = first;
        fields.erase("posts");
        fields.erase("parts");
        fields.erase("total");
        json whole_fields = whole;
        whole_fields.erase("posts");
        CHECK(fields == whole_fields);
        CHECK(fields["title"] == "Many");
        CHECK(fields["showToc"] == true);
    }
    SECTION("each part holds only its entries") {
        CHECK(part2.size() == 1);
        CHECK(part2["posts"].size() == 2000);
        CHECK(part3.size() == 1);
        CHECK(part3["posts"].size() == 245);
    }
    SECTION("the entries, file after file, are the single file's") {
        json all = json::array();
        for (const json* f : {&first, &part2, &part3})
            for (const json& e : (*f)["posts"]) all.push_back(e);
        CHECK(all == whole["posts"]);
        CHECK(files[0].text.back() == '\n');
        CHECK(files[2].text.back() == '\n');
    }
    SECTION("the core reads every file, each in the list's order, and index.json has the list's first posts") {
        const blog::SiteIndex listed = read_back(index_write(site), "index.json");
        size_t at = 0;
        for (const IndexFile& f : files) {
            const blog::SiteIndex index = read_back(f.text, f.name);
            for (size_t i = 0; i < index.posts.size(); ++i, ++at) {
                INFO(f.name << " posts[" << i << "]");
                CHECK(index.posts[i].position == i);
                REQUIRE(at < listed.posts.size());
                CHECK(index.posts[i].slug == listed.posts[at].slug);
            }
        }
        CHECK(at == 2345);
        // the weighted posts lead the list (weight 6 first), undated ones close it
        CHECK(listed.posts.front().slug == "p-02000");
        CHECK(!listed.posts.back().date.has_value());
    }
}

TEST_CASE("index writer: a site of 200 posts is one file, and 201 is paged") {
    blog::tool::Site site = generated_site(201);
    SECTION("201 posts: the first 100, then one part of 101") {
        const std::vector<IndexFile> files = index_write_files(site, IndexSplit{});
        REQUIRE(names_of(files) == std::vector<std::string>{"index.json", "index-2.json"});
        CHECK(json::parse(files[0].text)["posts"].size() == 100);
        CHECK(json::parse(files[1].text)["posts"].size() == 101);
    }
    SECTION("200 posts: index_write's text, with no new key") {
        site.posts.pop_back();
        const std::vector<IndexFile> files = index_write_files(site, IndexSplit{});
        REQUIRE(names_of(files) == std::vector<std::string>{"index.json"});
        CHECK(files[0].text == index_write(site));
        const json one = json::parse(files[0].text);
        CHECK(one["posts"].size() == 200);
        CHECK(!one.contains("parts"));
        CHECK(!one.contains("total"));
    }
}

TEST_CASE("index writer: a part size of 0 is one file whatever the size") {
    const blog::tool::Site& site = generated_site(2345);
    const std::vector<IndexFile> files = index_write_files(site, IndexSplit{100, 0, 1000});
    REQUIRE(files.size() == 1);
    CHECK(files[0].name == "index.json");
    CHECK(files[0].text == index_write(site));
}

TEST_CASE("index writer: the first file's and the parts' sizes are the split's") {
    const blog::tool::Site& site = generated_site(23);
    SECTION("5 first, then parts of 10: 5, 10 and 8") {
        const std::vector<IndexFile> files = index_write_files(site, IndexSplit{5, 10, 5});
        REQUIRE(names_of(files) == std::vector<std::string>{"index.json", "index-2.json", "index-3.json"});
        CHECK(json::parse(files[0].text)["posts"].size() == 5);
        CHECK(json::parse(files[1].text)["posts"].size() == 10);
        CHECK(json::parse(files[2].text)["posts"].size() == 8);
        CHECK(json::parse(files[0].text)["total"] == 23);
    }
    SECTION("a part exactly full: 3, then 10 and 10") {
        const std::vector<IndexFile> files = index_write_files(site, IndexSplit{3, 10, 3});
        REQUIRE(files.size() == 3);
        CHECK(json::parse(files[2].text)["posts"].size() == 10);
    }
    SECTION("a site no larger than the first file or the threshold is one file") {
        CHECK(index_write_files(site, IndexSplit{23, 10, 5}).size() == 1);
        CHECK(index_write_files(site, IndexSplit{5, 10, 23}).size() == 1);
        CHECK(index_write_files(site, IndexSplit{5, 10, 22}).size() == 3);
    }
}

TEST_CASE("index writer: the entries are in the blog's order, a weight first, then newest first, undated last") {
    TempDir tmp;
    tmp.write("hugo.toml", "title = \"Order\"\n");
    tmp.write("content/posts/a.md", "---\ntitle: A\ndate: 2024-01-01\n---\n");
    tmp.write("content/posts/b.md", "---\ntitle: B\nweight: 2\ndate: 2020-01-01\n---\n");
    tmp.write("content/posts/c.md", "---\ntitle: C\n---\n");
    tmp.write("content/posts/d.md", "---\ntitle: D\nweight: 1\n---\n");
    tmp.write("content/posts/e.md", "---\ntitle: E\ndate: 2025-01-01\n---\n");
    tmp.write("content/posts/f.md", "---\ntitle: F\n---\n");
    blog::tool::SiteOptions options;
    options.now = 1800000000;
    const blog::tool::Site site = blog::tool::site_read(tmp.root.string(), options);
    REQUIRE(site.ok());
    std::vector<std::string> slugs;
    const json written = json::parse(index_write(site));
    for (const json& e : written["posts"]) slugs.push_back(e["slug"]);
    CHECK(slugs == std::vector<std::string>{"d", "b", "e", "a", "c", "f"});
    const blog::SiteIndex index = read_back(index_write(site), "index.json");
    for (size_t i = 0; i < index.posts.size(); ++i) CHECK(index.posts[i].position == i);
}

TEST_CASE("index writer: the search index's files go beside index.json, which names the manifest") {
    TempDir tmp;
    tmp.write("content/posts/deep.md", "---\ntitle: Deep\ntags: [travel]\n---\nIntro.\n\n## Far below\n\nA zeppelin passed.\n");
    tmp.write("hugo.toml", "title = \"Few\"\nbaseURL = \"https://example.org/\"\nlanguageCode = \"en-us\"\n");
    for (int i = 1; i <= 30; ++i)
        tmp.write("content/posts/p" + std::to_string(i) + ".md",
                  "---\ntitle: Post " + std::to_string(i) + "\ndate: 2020-01-" + two(size_t(i)) + "\n---\nWords.\n");
    blog::tool::SiteOptions options;
    options.now = 1735689600;
    const blog::tool::Site site = blog::tool::site_read(tmp.root.string(), options);
    REQUIRE(site.ok());
    const std::vector<IndexFile> files = blog::tool::search_write_files(site);
    REQUIRE(files.size() >= 1 + 1 + 31);
    CHECK(files[0].name == "search/manifest.json");
    const blog::FulltextManifest m = blog::fulltext_manifest_parse(files[0].text).value();
    CHECK(m.docs == 31);
    CHECK(m.stemmer == "english");
    const json index = json::parse(index_write_files(site, IndexSplit{}, blog::tool::kSearchManifest)[0].text);
    CHECK(index["search"] == "search/manifest.json");
    std::vector<std::string> slugs;
    for (const json& p : index["posts"]) slugs.push_back(p["slug"]);
    CHECK(slugs == m.slugs);  // post n of the search index is the index's n-th
    CHECK(read_back(index.dump(), "index.json").search == "search/manifest.json");

    blog::FulltextShards shards;
    for (const IndexFile& f : files)
        if (f.name.rfind("search/t/", 0) == 0) shards[f.name.substr(7)] = blog::fulltext_shard_parse(f.text).value();
    const blog::FulltextResults r = blog::fulltext_search(m, shards, blog::fulltext_query_parse("zeppelin ", blog::Tokenizer("en")));
    REQUIRE(r.hits.size() == 1);
    CHECK(m.slugs[r.hits[0].doc] == "deep");
    for (const IndexFile& f : files)
        if (f.name == "search/" + blog::fulltext_doc_path(r.hits[0].doc)) {
            const blog::FulltextDocFile doc = blog::fulltext_doc_parse(f.text).value();
            REQUIRE(doc.sections.size() == 2);
            CHECK(doc.sections[1].id == "far-below");
            CHECK(doc.sections[1].text == "A zeppelin passed.");
        }
}
