// Our full-text queries, native, for bench/search.mjs (bench/lib/search-us.mjs
// compiles it against a native CMake build's libraries: libblog_core.a and
// libblog_stemmer.a). The core's own functions, as the browser calls them
// (core/search/fulltext_query.hpp): parse, the shards it needs, search until
// complete (a typo's shards asked for by the search), the first ten posts.
//
//   search_query DIR < queries     one query per line (UTF-8)
//
// DIR holds search/manifest.json (`wasm-blog index --out DIR`). Prints one
// JSON line per query: {"ids": [slug…] (at most ten, best first), "docs":
// [n…] (their numbers: search/d/<n>.json), "shards": [file…] (the shards
// read for it, relative to search/), "ms": time of parse + search with
// every shard already parsed in memory (the shards' reading and parsing
// left out)}. A shard is read and parsed once, then kept for later queries.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/search/fulltext_index.hpp"
#include "core/search/fulltext_query.hpp"
#include "core/search/tokenizer.hpp"

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "search_query: cannot read " << path << "\n";
        std::exit(1);
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') { out += '\\'; out += char(c); }
        else if (c < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", c); out += b; }
        else out += char(c);
    }
    return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: search_query DIR < queries\n";
        return 2;
    }
    const std::string dir = std::string(argv[1]) + "/search/";
    auto manifest_r = blog::fulltext_manifest_parse(read_file(dir + "manifest.json"));
    if (!manifest_r) {
        std::cerr << "search_query: manifest.json: " << manifest_r.error().message << "\n";
        return 1;
    }
    const blog::FulltextManifest& manifest = manifest_r.value();
    const blog::Tokenizer tokenizer(manifest.language);
    std::map<std::string, blog::FulltextShard> parsed;  // every shard read so far
    std::string line;
    while (std::getline(std::cin, line)) {
        std::vector<std::string> read;
        blog::FulltextShards shards;
        auto fetch = [&](const std::vector<std::string>& files) {
            for (const std::string& f : files) {
                if (shards.count(f)) continue;
                auto it = parsed.find(f);
                if (it == parsed.end()) {
                    auto s = blog::fulltext_shard_parse(read_file(dir + f));
                    if (!s) {
                        std::cerr << "search_query: " << f << ": " << s.error().message << "\n";
                        std::exit(1);
                    }
                    it = parsed.emplace(f, std::move(s.value())).first;
                }
                shards.emplace(f, it->second);
                read.push_back(f);
            }
        };
        // First pass: which shards (reading them is not timed).
        blog::FulltextQuery query = blog::fulltext_query_parse(line, tokenizer);
        fetch(blog::fulltext_query_shards(manifest, query));
        blog::FulltextResults results = blog::fulltext_search(manifest, shards, query);
        for (int round = 0; !results.complete() && round < 8; round++) {
            fetch(results.missing);
            results = blog::fulltext_search(manifest, shards, query);
        }
        // Timed: the same query again with its shards in memory.
        const auto t0 = std::chrono::steady_clock::now();
        blog::FulltextQuery again = blog::fulltext_query_parse(line, tokenizer);
        blog::FulltextResults timed = blog::fulltext_search(manifest, shards, again);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        (void)timed;
        std::string out = "{\"complete\":";
        out += results.complete() ? "true" : "false";
        out += ",\"ids\":[";
        std::string docs;
        for (size_t i = 0; i < results.hits.size() && i < 10; i++) {
            const uint32_t d = results.hits[i].doc;
            if (i) { out += ','; docs += ','; }
            out += json_string(d < manifest.slugs.size() ? manifest.slugs[d] : std::string());
            docs += std::to_string(d);
        }
        out += "],\"docs\":[" + docs + "],\"shards\":[";
        for (size_t i = 0; i < read.size(); i++) out += (i ? "," : "") + json_string(read[i]);
        char b[64];
        std::snprintf(b, sizeof b, "],\"ms\":%.4f}", ms);
        out += b;
        std::cout << out << "\n" << std::flush;
    }
    return 0;
}
