// wasm-blog: the native tool. Command-line parsing only; the work is in the
// modules beside it (site, front_matter, index_writer).
#include <cstdio>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

#include "tool/index_writer.hpp"
#include "tool/site.hpp"

namespace {

const char kUsage[] =
    "usage: wasm-blog <command> [options]\n"
    "\n"
    "commands:\n"
    "  index SITE   print the posts/index.json of a Hugo-style site folder\n"
    "\n"
    "  wasm-blog <command> --help   shows a command's options\n";

const char kIndexUsage[] =
    "usage: wasm-blog index SITE [--drafts] [--future] [--expired] [--check]\n"
    "\n"
    "Reads SITE's config (hugo.toml, hugo.yaml, config.toml, config.yaml or\n"
    "site.json) and every .md under SITE/content/posts/ (or SITE/posts/), and\n"
    "prints posts/index.json on stdout. Problems go to stderr as\n"
    "file:line: message; any error prints no index and exits with status 1.\n"
    "\n"
    "  --drafts    include posts with draft: true\n"
    "  --future    include posts whose publishDate (or date) is after now\n"
    "  --expired   include posts whose expiryDate is before now\n"
    "  --check     print only the problems; exit 1 if there are any\n";

int command_index(const std::vector<std::string>& args) {
    blog::tool::SiteOptions options;
    options.now = static_cast<int64_t>(std::time(nullptr));
    bool check = false;
    std::string dir;
    for (const std::string& a : args) {
        if (a == "--help" || a == "-h") {
            std::cout << kIndexUsage;
            return 0;
        } else if (a == "--drafts") {
            options.drafts = true;
        } else if (a == "--future") {
            options.future = true;
        } else if (a == "--expired") {
            options.expired = true;
        } else if (a == "--check") {
            check = true;
        } else if (!a.empty() && a[0] == '-') {
            std::cerr << "wasm-blog index: unknown option " << a << "\n" << kIndexUsage;
            return 2;
        } else if (dir.empty()) {
            dir = a;
        } else {
            std::cerr << "wasm-blog index: one SITE only, got " << dir << " and " << a << "\n";
            return 2;
        }
    }
    if (dir.empty()) {
        std::cerr << "wasm-blog index: SITE is missing\n" << kIndexUsage;
        return 2;
    }
    blog::tool::Site site = blog::tool::site_read(dir, options);
    for (const blog::tool::Problem& p : site.problems) std::cerr << blog::tool::problem_text(p) << "\n";
    if (check) return site.problems.empty() ? 0 : 1;
    if (!site.ok()) return 1;
    std::cout << blog::tool::index_write(site);
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
    std::cerr << "wasm-blog: unknown command " << args[0] << "\n" << kUsage;
    return 2;
}
