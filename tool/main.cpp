// wasm-blog: the native tool. Command-line parsing only; the work is in the
// modules beside it (site, front_matter, index_writer, build).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/search/fulltext_query.hpp"
#include "core/search/fulltext_session.hpp"
#include "tool/build.hpp"
#include "tool/index_writer.hpp"
#include "tool/search_writer.hpp"
#include "tool/site.hpp"
#include "tool/site_files.hpp"

// The widget's files when --assets is not given: the repository's dist/
// (`make dist`), set by tool/CMakeLists.txt.
#ifndef BLOG_DEFAULT_ASSETS
#define BLOG_DEFAULT_ASSETS "dist"
#endif

namespace {

const char kUsage[] =
    "usage: wasm-blog <command> [options]\n"
    "\n"
    "commands:\n"
    "  index SITE       print the posts/index.json of a Hugo-style site folder\n"
    "  build SITE OUT   write the whole site into OUT: prerendered pages, feeds,\n"
    "                   sitemap, the posts and the widget, ready for a static host\n"
    "  search DIR WORDS the posts a reader finds for WORDS in the full-text index\n"
    "                   beside DIR/index.json, ranked, with their excerpts\n"
    "\n"
    "  wasm-blog <command> --help   shows a command's options\n";

// The paged index's options, shared by both commands' usage texts.
#define BLOG_SPLIT_USAGE \
    "  --first N       entries in index.json of a paged index (default 100)\n" \
    "  --part-size N   entries in each further file, index-2.json, index-3.json…\n" \
    "                  (default 2000; 0: one file whatever the size)\n" \
    "                  A site of more than 200 posts is paged; with --first or\n" \
    "                  --part-size, any site of more than --first posts is.\n"

const char kIndexUsage[] =
    "usage: wasm-blog index SITE [--drafts] [--future] [--expired] [--check]\n"
    "       wasm-blog index SITE --out DIR [--first N] [--part-size N] [--drafts] …\n"
    "\n"
    "Reads SITE's config (hugo.toml, hugo.yaml, config.toml, config.yaml or\n"
    "site.json) and every .md under SITE/content/posts/ (or SITE/posts/), and\n"
    "prints posts/index.json on stdout, as one file whatever the site's size.\n"
    "With --out DIR, writes DIR/index.json instead, paged for a big site\n"
    "(index.json holds the first posts, DIR/index-2.json… the rest). Problems\n"
    "go to stderr as file:line: message, then their count (\"wasm-blog index:\n"
    "1 error, 2 warnings\"); any error writes no index and exits with status 1.\n"
    "\n"
    "  --drafts        include posts with draft: true\n"
    "  --future        include posts whose publishDate (or date) is after now\n"
    "  --expired       include posts whose expiryDate is before now\n"
    "  --check         print only the problems; exit 1 if there are any\n"
    "  --out DIR       write DIR/index.json and its parts (DIR is created), and\n"
    "                  the full-text search index in DIR/search/\n"
    BLOG_SPLIT_USAGE;

const char kBuildUsage[] =
    "usage: wasm-blog build SITE OUT [--base-url URL] [--drafts] [--future] [--expired]\n"
    "                      [--assets DIR] [--first N] [--part-size N]\n"
    "\n"
    "Reads the Hugo-style SITE as `wasm-blog index` does and writes a complete\n"
    "static site into OUT: every screen prerendered by the widget's own core\n"
    "(index.html, page/N/, posts/<slug>/, tags/, tags/<tag>/, categories/,\n"
    "categories/<category>/, archive/, search/, 404.html), posts/index.json\n"
    "(paged for a big site) with the posts' files and their bundles' images, a\n"
    "redirect page for each alias, the RSS feeds (index.xml,\n"
    "tags/<tag>/index.xml and categories/<category>/index.xml), sitemap.xml,\n"
    "robots.txt and the widget's files.\n"
    "OUT is replaced as a whole once everything is written (into a temporary\n"
    "folder beside it); on any error OUT is left as it was and the exit status\n"
    "is 1. OUT must be new, empty or an earlier build, and may not be SITE,\n"
    "contain SITE, or be inside SITE's content folder (SITE/public is fine).\n"
    "Problems go to stderr as file:line: message, then their count\n"
    "(\"wasm-blog build: 1 error, 2 warnings\"); a summary of what was built goes\n"
    "to stdout.\n"
    "\n"
    "  --base-url URL  the address the site is served from, an absolute http(s)\n"
    "                  URL such as https://example.com/blog/ (default: baseURL in\n"
    "                  SITE's config); its path is where the pages live\n"
    "  --drafts        include posts with draft: true\n"
    "  --future        include posts whose publishDate (or date) is after now\n"
    "  --expired       include posts whose expiryDate is before now\n"
    "  --assets DIR    the widget's files to copy, a `make dist` folder (its\n"
    "                  index.html and posts/ are left out); default:\n"
    "                  " BLOG_DEFAULT_ASSETS "\n"
    BLOG_SPLIT_USAGE;

// --first and --part-size as given on the command line.
struct SplitOptions {
    blog::tool::IndexSplit split;
    bool given = false;  // --first or --part-size: any site larger than --first is paged
};

// The option at args[i] when it is `name`, as "--name VALUE" (i moves past
// the value) or "--name=VALUE": Given with `value` set, Missing when a
// separate value is not there, NotThis for another argument.
enum class OptionValue { NotThis, Given, Missing };
OptionValue option_value(const std::vector<std::string>& args, size_t& i, const std::string& name, std::string& value) {
    const std::string& a = args[i];
    if (a == name) {
        if (i + 1 >= args.size()) return OptionValue::Missing;
        value = args[++i];
        return OptionValue::Given;
    }
    if (a.compare(0, name.size() + 1, name + "=") == 0) {
        value = a.substr(name.size() + 1);
        return OptionValue::Given;
    }
    return OptionValue::NotThis;
}

// Reads "--first N", "--first=N" and the same for --part-size, the option at
// args[i] (i moves past a separate value); `matched` tells whether it was one
// of them. Returns false with `error` set when its value is bad.
bool split_option(const std::vector<std::string>& args, size_t& i, SplitOptions& out, bool& matched,
                  std::string& error) {
    matched = false;
    for (const char* name : {"--first", "--part-size"}) {
        const std::string n = name;
        std::string value;
        const OptionValue given = option_value(args, i, n, value);
        if (given == OptionValue::NotThis) continue;
        matched = true;
        if (given == OptionValue::Missing) {
            error = n + " needs a number";
            return false;
        }
        const bool first = n == "--first";
        const size_t least = first ? 1 : 0;
        // Digits only, at most 9 of them: no sign, no overflow.
        if (value.empty() || value.size() > 9 || value.find_first_not_of("0123456789") != std::string::npos ||
            std::stoul(value) < least) {
            error = n + ": expected a whole number " + (first ? "of at least 1" : "(0: never paged)") + ", got \"" +
                    value + "\"";
            return false;
        }
        (first ? out.split.first : out.split.part) = std::stoul(value);
        out.given = true;
        return true;
    }
    return true;
}

// The threshold follows --first only when an option was given.
blog::tool::IndexSplit split_of(const SplitOptions& o) {
    blog::tool::IndexSplit s = o.split;
    if (o.given) s.threshold = s.first;
    return s;
}

// A command's options, for options_read: switches, options with a value
// ("--out DIR" or "--out=DIR"), the paged index's --first and --part-size,
// and what is left (the command's SITE, OUT…).
struct OptionSwitch {
    const char* name;
    bool* on;
};
struct OptionWithValue {
    const char* name;
    const char* needs;    // "a folder": "--out needs a folder" when the value is missing
    std::string* value;   // never left empty: an empty value is an error
    bool* given = nullptr;
};
struct CommandOptions {
    const char* command;  // "index": messages start "wasm-blog index: "
    const char* usage;    // printed for --help, and after an unknown option or a missing value
    std::vector<OptionSwitch> switches;
    std::vector<OptionWithValue> values;
    SplitOptions* split;
    // An argument that is not an option; returns false after printing why it is not taken.
    std::function<bool(const std::string&)> operand;
};

// Reads `args` as `c` says: -1 when they were all taken, else the status to
// exit with (0 after --help, 2 after a message on stderr).
int options_read(const std::vector<std::string>& args, const CommandOptions& c) {
    const std::string prefix = std::string("wasm-blog ") + c.command + ": ";
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        bool matched = false;
        std::string bad;
        if (!split_option(args, i, *c.split, matched, bad)) {
            std::cerr << prefix << bad << "\n";
            return 2;
        }
        if (matched) continue;
        if (a == "--help" || a == "-h") {
            std::cout << c.usage;
            return 0;
        }
        for (const OptionSwitch& s : c.switches)
            if (a == s.name) *s.on = matched = true;
        for (const OptionWithValue& o : c.values) {
            if (matched) break;
            const OptionValue given = option_value(args, i, o.name, *o.value);
            if (given == OptionValue::NotThis) continue;
            matched = true;
            if (given == OptionValue::Missing) {
                std::cerr << prefix << o.name << " needs " << o.needs << "\n" << c.usage;
                return 2;
            }
            if (o.given) *o.given = true;
            if (o.value->empty()) {
                std::cerr << prefix << o.name << " is empty\n";
                return 2;
            }
        }
        if (matched) continue;
        if (!a.empty() && a[0] == '-') {
            std::cerr << prefix << "unknown option " << a << "\n" << c.usage;
            return 2;
        }
        if (!c.operand(a)) return 2;
    }
    return -1;
}

std::string counted(size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// Prints the problems on stderr, then, when there are any, the count as the
// last line ("wasm-blog build: 2 errors, 1 warning"), so that a blogger sees
// how many scrolled past.
void problems_print(const char* command, const std::vector<blog::tool::Problem>& problems) {
    size_t warnings = 0;
    for (const blog::tool::Problem& p : problems) {
        std::cerr << blog::tool::problem_text(p) << "\n";
        if (p.warning) ++warnings;
    }
    if (problems.empty()) return;
    std::cerr << "wasm-blog " << command << ": " << counted(problems.size() - warnings, "error") << ", "
              << counted(warnings, "warning") << "\n";
}

int command_build(const std::vector<std::string>& args) {
    blog::tool::BuildOptions options;
    options.site_options.now = static_cast<int64_t>(std::time(nullptr));
    options.assets = BLOG_DEFAULT_ASSETS;
    std::vector<std::string> dirs;
    SplitOptions split;
    const CommandOptions command{
        "build", kBuildUsage,
        {{"--drafts", &options.site_options.drafts}, {"--future", &options.site_options.future},
         {"--expired", &options.site_options.expired}},
        {{"--base-url", "a URL", &options.base_url}, {"--assets", "a folder", &options.assets}},
        &split,
        [&](const std::string& a) { return dirs.push_back(a), true; }};
    if (const int status = options_read(args, command); status >= 0) return status;
    if (dirs.size() != 2 || dirs[0].empty() || dirs[1].empty()) {
        std::cerr << "wasm-blog build: " << (dirs.size() < 2 ? "SITE and OUT are needed" : "one SITE and one OUT only")
                  << "\n" << kBuildUsage;
        return 2;
    }
    options.site = dirs[0];
    options.out = dirs[1];
    options.index_split = split_of(split);
    const blog::tool::BuildResult result = blog::tool::site_build(options);
    problems_print("build", result.problems);
    if (!result.ok()) return 1;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", result.seconds);
    std::cout << "wasm-blog build: " << counted(result.posts, "post") << ", " << counted(result.pages, "page") << ", "
              << counted(result.redirects, "redirect") << ", " << counted(result.feeds, "feed") << " into "
              << options.out << " (" << seconds << " s)\n";
    return std::cout.good() ? 0 : 1;
}

// Writes the index's files into `dir` (created when missing, and the
// folders of files in one): each to a temporary name then renamed, the
// parts and the search files before index.json, so that an index.json read
// meanwhile never names a file not yet there.
bool index_files_write(const std::string& dir, const std::vector<blog::tool::IndexFile>& files) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (!fs::is_directory(dir, ec)) {
        std::cerr << "wasm-blog index: --out " << dir << ": cannot create the folder"
                  << (ec ? ": " + ec.message() : std::string()) << "\n";
        return false;
    }
    for (size_t k = files.size(); k-- > 0;) {
        const fs::path path = fs::path(dir) / files[k].name;
        fs::create_directories(path.parent_path(), ec);
        const fs::path tmp = fs::path(dir) / (files[k].name + ".tmp");
        {
            std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
            out << files[k].text;
            out.close();
            if (!out) {
                std::cerr << "wasm-blog index: " << tmp.string() << ": cannot write the file\n";
                fs::remove(tmp, ec);
                return false;
            }
        }
        fs::rename(tmp, path, ec);
        if (ec) {
            std::cerr << "wasm-blog index: " << path.string() << ": cannot write the file: " << ec.message() << "\n";
            fs::remove(tmp, ec);
            return false;
        }
    }
    return true;
}

// Removes the search files of an earlier run that `files` does not hold
// (shards are named by their content: each change leaves old names behind).
void search_files_prune(const std::string& dir, const std::vector<blog::tool::IndexFile>& files) {
    namespace fs = std::filesystem;
    std::set<std::string> kept;
    for (const blog::tool::IndexFile& f : files) kept.insert(f.name);
    std::error_code ec;
    for (const char* folder : {"search/t", "search/d"}) {
        std::vector<fs::path> stale;
        for (fs::directory_iterator it(fs::path(dir) / folder, ec), end; !ec && it != end; it.increment(ec))
            if (it->is_regular_file(ec) && !kept.count(std::string(folder) + "/" + it->path().filename().string()))
                stale.push_back(it->path());
        for (const fs::path& p : stale) fs::remove(p, ec);
    }
}

int command_index(const std::vector<std::string>& args) {
    blog::tool::SiteOptions options;
    options.now = static_cast<int64_t>(std::time(nullptr));
    bool check = false;
    std::string dir, out;
    bool has_out = false;
    SplitOptions split;
    const CommandOptions command{
        "index", kIndexUsage,
        {{"--drafts", &options.drafts}, {"--future", &options.future}, {"--expired", &options.expired},
         {"--check", &check}},
        {{"--out", "a folder", &out, &has_out}},
        &split,
        [&](const std::string& a) {
            if (dir.empty()) return dir = a, true;
            std::cerr << "wasm-blog index: one SITE only, got " << dir << " and " << a << "\n";
            return false;
        }};
    if (const int status = options_read(args, command); status >= 0) return status;
    if (dir.empty()) {
        std::cerr << "wasm-blog index: SITE is missing\n" << kIndexUsage;
        return 2;
    }
    if (check && has_out) {
        std::cerr << "wasm-blog index: --check writes no index; it cannot go with --out\n";
        return 2;
    }
    if (split.given && !has_out) {
        std::cerr << "wasm-blog index: --first and --part-size need --out DIR (stdout gets the whole index as one "
                     "file)\n";
        return 2;
    }
    blog::tool::Site site = blog::tool::site_read(dir, options);
    problems_print("index", site.problems);
    if (check) return site.problems.empty() ? 0 : 1;
    if (!site.ok()) return 1;
    if (has_out) {
        std::vector<blog::tool::IndexFile> files =
            blog::tool::index_write_files(site, split_of(split), blog::tool::kSearchManifest);
        const size_t index_files = files.size();
        for (blog::tool::IndexFile& f : blog::tool::search_write_files(site)) files.push_back(std::move(f));
        if (!index_files_write(out, files)) return 1;
        search_files_prune(out, files);
        std::cout << "wasm-blog index: " << counted(site.posts.size(), "post") << " into "
                  << (std::filesystem::path(out) / "index.json").string();
        if (index_files > 1) std::cout << " and " << counted(index_files - 1, "part") << " beside it";
        std::cout << ", its search index in " << (std::filesystem::path(out) / "search").string() << "\n";
        return std::cout.good() ? 0 : 1;
    }
    std::cout << blog::tool::index_write(site);
    return std::cout.good() ? 0 : 1;
}

const char kSearchUsage[] =
    "usage: wasm-blog search DIR [WORDS...] [--limit N] [--batch [--json]]\n"
    "\n"
    "The posts a reader's query finds in the full-text index that `wasm-blog\n"
    "build` or `index --out` wrote beside DIR/index.json (DIR/search/), ranked as\n"
    "the search screen ranks them, by the same code: a line per post (rank,\n"
    "score, slug, title), its best sections' excerpts under it.\n"
    "\n"
    "  --limit N   show the first N posts (default 10)\n"
    "  --batch     read one query per line from stdin and print, per query, one\n"
    "              line of the slugs found, best first, separated by spaces\n"
    "  --json      with --batch, a JSON line per query instead: {\"slugs\": [...],\n"
    "              \"docs\": [post numbers], \"shards\": [the shard files it read],\n"
    "              \"ms\": parse and search, with its shards already read}\n";

// A file of DIR's search index, read whole within the browser's limit for
// its kind; false after saying on stderr which file and why.
bool search_file_read(const std::filesystem::path& path, blog::FulltextFileKind kind, std::string& out) {
    std::string why;
    if (blog::tool::site_file_read(path, blog::fulltext_file_limit(kind), "a search file", out, why)) return true;
    std::cerr << "wasm-blog search: " << path.string() << " " << why;
    if (kind == blog::FulltextFileKind::Manifest) std::cerr << " (write it with wasm-blog build, or wasm-blog index SITE --out DIR)";
    std::cerr << "\n";
    return false;
}

int command_search(const std::vector<std::string>& args) {
    std::string dir, limit_text = "10", words;
    bool batch = false, json = false;
    SplitOptions split;
    const CommandOptions command{
        "search", kSearchUsage, {{"--batch", &batch}, {"--json", &json}}, {{"--limit", "a number", &limit_text}}, &split,
        [&](const std::string& a) {
            if (dir.empty()) return dir = a, true;
            words += (words.empty() ? "" : " ") + a;
            return true;
        }};
    if (const int status = options_read(args, command); status >= 0) return status;
    if (dir.empty()) {
        std::cerr << "wasm-blog search: DIR is missing\n" << kSearchUsage;
        return 2;
    }
    if (json && !batch) {
        std::cerr << "wasm-blog search: --json goes with --batch\n";
        return 2;
    }
    char* end = nullptr;
    const unsigned long limit = std::strtoul(limit_text.c_str(), &end, 10);
    if (!end || *end || limit == 0) {
        std::cerr << "wasm-blog search: --limit needs a number above 0, got " << limit_text << "\n";
        return 2;
    }
    const std::filesystem::path search = std::filesystem::path(dir) / "search";
    std::string manifest_text;
    if (!search_file_read(search / "manifest.json", blog::FulltextFileKind::Manifest, manifest_text)) return 1;
    auto manifest = blog::fulltext_manifest_parse(manifest_text);
    if (!manifest) {
        std::cerr << "wasm-blog search: " << (search / "manifest.json").string() << ": " << manifest.error().message << "\n";
        return 1;
    }
    const blog::Tokenizer tokenizer(manifest.value().language);
    blog::FulltextShards shards;
    // The ranked posts for one query, reading the shards it asks for as a browser fetches them.
    std::vector<std::string> read_now;  // the shards the last query needed (--json)
    auto run = [&](const std::string& text, blog::FulltextResults& results) -> bool {
        const blog::FulltextQuery query = blog::fulltext_query_parse(text, tokenizer);
        std::vector<std::string> wanted = blog::fulltext_query_shards(manifest.value(), query);
        read_now.clear();
        for (int round = 0; round < 3; ++round) {
            read_now.insert(read_now.end(), wanted.begin(), wanted.end());
            for (const std::string& name : wanted) {
                if (shards.count(name)) continue;
                std::string bytes;
                if (!search_file_read(search / name, blog::FulltextFileKind::Shard, bytes)) return false;
                auto shard = blog::fulltext_shard_parse(bytes);
                if (!shard) {
                    std::cerr << "wasm-blog search: " << (search / name).string() << ": " << shard.error().message << "\n";
                    return false;
                }
                shards.emplace(name, std::move(shard).value());
            }
            results = blog::fulltext_search(manifest.value(), shards, query);
            if (results.complete()) return true;
            wanted = results.missing;
        }
        return results.complete();
    };
    if (batch) {
        for (std::string line; std::getline(std::cin, line);) {
            blog::FulltextResults results;
            if (!run(line, results)) return 1;
            const size_t shown = std::min<size_t>(results.hits.size(), limit);
            if (!json) {
                for (size_t i = 0; i < shown; ++i) std::cout << (i ? " " : "") << manifest.value().slugs[results.hits[i].doc];
                std::cout << "\n";
                continue;
            }
            // Timed again with every shard in memory: the query's own cost.
            const auto start = std::chrono::steady_clock::now();
            const blog::FulltextQuery query = blog::fulltext_query_parse(line, tokenizer);
            results = blog::fulltext_search(manifest.value(), shards, query);
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            nlohmann::json out = {{"slugs", nlohmann::json::array()}, {"docs", nlohmann::json::array()},
                                  {"shards", read_now}, {"ms", ms}};
            for (size_t i = 0; i < shown; ++i) {
                out["slugs"].push_back(manifest.value().slugs[results.hits[i].doc]);
                out["docs"].push_back(results.hits[i].doc);
            }
            std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        }
        return std::cout.good() ? 0 : 1;
    }
    blog::FulltextResults results;
    if (!run(words, results)) return 1;
    std::cout << counted(results.hits.size(), "post") << " found\n";
    for (size_t i = 0; i < results.hits.size() && i < limit; ++i) {
        const blog::FulltextHit& hit = results.hits[i];
        std::string bytes;
        const std::filesystem::path doc_path = search / blog::fulltext_doc_path(hit.doc);
        auto doc = search_file_read(doc_path, blog::FulltextFileKind::Doc, bytes)
                       ? blog::fulltext_doc_parse(bytes)
                       : blog::Result<blog::FulltextDocFile>(blog::Error{"fulltext-doc", "cannot be read"});
        std::printf("%zu. %.3f %s", i + 1, hit.score, manifest.value().slugs[hit.doc].c_str());
        if (!doc) {
            std::printf("  (%s)\n", doc.error().message.c_str());
            continue;
        }
        std::printf("  %s\n", doc.value().title.c_str());
        const blog::FulltextPostExcerpts excerpts = blog::fulltext_excerpts(doc.value(), hit, results.terms, tokenizer);
        for (const blog::FulltextExcerpt& e : excerpts.sections)
            std::printf("     %s%s%s\n", e.heading_id.empty() ? "" : "#", e.heading_id.c_str(),
                        e.html.empty() ? "" : (": " + e.html).c_str());
    }
    return std::cout.good() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::cerr << kUsage;
        return 2;
    }
    if (args[0] == "--help" || args[0] == "-h") {
        std::cout << kUsage;
        return 0;
    }
    if (args[0] == "index") return command_index({args.begin() + 1, args.end()});
    if (args[0] == "build") return command_build({args.begin() + 1, args.end()});
    if (args[0] == "search") return command_search({args.begin() + 1, args.end()});
    std::cerr << "wasm-blog: unknown command " << args[0] << "\n" << kUsage;
    return 2;
}
