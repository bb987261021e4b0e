// wasm-blog: the native tool. Command-line parsing only; the work is in the
// modules beside it (site, front_matter, index_writer, build).
#include <cstdio>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

#include "tool/build.hpp"
#include "tool/index_writer.hpp"
#include "tool/site.hpp"

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

const char kBuildUsage[] =
    "usage: wasm-blog build SITE OUT [--base-url URL] [--drafts] [--future] [--expired]\n"
    "                      [--assets DIR]\n"
    "\n"
    "Reads the Hugo-style SITE as `wasm-blog index` does and writes a complete\n"
    "static site into OUT: every screen prerendered by the widget's own core\n"
    "(index.html, page/N/, posts/<slug>/, tags/, tags/<tag>/, categories/,\n"
    "categories/<category>/, archive/, search/, 404.html), posts/index.json\n"
    "with the posts' files and their bundles' images, a redirect page for each\n"
    "alias, the RSS feeds (index.xml, tags/<tag>/index.xml and\n"
    "categories/<category>/index.xml), sitemap.xml, robots.txt and the widget's\n"
    "files.\n"
    "OUT is replaced as a whole once everything is written (into a temporary\n"
    "folder beside it); on any error OUT is left as it was and the exit status\n"
    "is 1. OUT must be new, empty or an earlier build, and may not be SITE,\n"
    "contain SITE, or be inside SITE's content folder (SITE/public is fine).\n"
    "Problems go to stderr as file:line: message; a summary line goes to\n"
    "stdout.\n"
    "\n"
    "  --base-url URL  the address the site is served from, an absolute http(s)\n"
    "                  URL such as https://example.com/blog/ (default: baseURL in\n"
    "                  SITE's config); its path is where the pages live\n"
    "  --drafts        include posts with draft: true\n"
    "  --future        include posts whose publishDate (or date) is after now\n"
    "  --expired       include posts whose expiryDate is before now\n"
    "  --assets DIR    the widget's files to copy, a `make dist` folder (its\n"
    "                  index.html and posts/ are left out); default:\n"
    "                  " BLOG_DEFAULT_ASSETS "\n";

std::string counted(size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

int command_build(const std::vector<std::string>& args) {
    blog::tool::BuildOptions options;
    options.site_options.now = static_cast<int64_t>(std::time(nullptr));
    options.assets = BLOG_DEFAULT_ASSETS;
    std::vector<std::string> dirs;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        // "--base-url URL" or "--base-url=URL"; the same for --assets
        auto value = [&](const std::string& name, std::string& out) {
            if (a == name) {
                if (i + 1 >= args.size()) return false;
                out = args[++i];
                return true;
            }
            if (a.compare(0, name.size() + 1, name + "=") == 0) {
                out = a.substr(name.size() + 1);
                return true;
            }
            return false;
        };
        if (a == "--help" || a == "-h") {
            std::cout << kBuildUsage;
            return 0;
        } else if (a == "--drafts") {
            options.site_options.drafts = true;
        } else if (a == "--future") {
            options.site_options.future = true;
        } else if (a == "--expired") {
            options.site_options.expired = true;
        } else if (a.compare(0, 10, "--base-url") == 0 || a.compare(0, 8, "--assets") == 0) {
            const bool base = a.compare(0, 10, "--base-url") == 0;
            if (!value(base ? "--base-url" : "--assets", base ? options.base_url : options.assets)) {
                std::cerr << "wasm-blog build: " << (base ? "--base-url needs a URL" : "--assets needs a folder")
                          << "\n" << kBuildUsage;
                return 2;
            }
            if ((base ? options.base_url : options.assets).empty()) {
                std::cerr << "wasm-blog build: " << (base ? "--base-url" : "--assets") << " is empty\n";
                return 2;
            }
        } else if (!a.empty() && a[0] == '-') {
            std::cerr << "wasm-blog build: unknown option " << a << "\n" << kBuildUsage;
            return 2;
        } else {
            dirs.push_back(a);
        }
    }
    if (dirs.size() != 2 || dirs[0].empty() || dirs[1].empty()) {
        std::cerr << "wasm-blog build: " << (dirs.size() < 2 ? "SITE and OUT are needed" : "one SITE and one OUT only")
                  << "\n" << kBuildUsage;
        return 2;
    }
    options.site = dirs[0];
    options.out = dirs[1];
    const blog::tool::BuildResult result = blog::tool::site_build(options);
    for (const blog::tool::Problem& p : result.problems) std::cerr << blog::tool::problem_text(p) << "\n";
    if (!result.ok()) return 1;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", result.seconds);
    std::cout << "wasm-blog build: " << counted(result.posts, "post") << ", " << counted(result.pages, "page") << ", "
              << counted(result.redirects, "redirect") << ", " << counted(result.feeds, "feed") << " into "
              << options.out << " (" << seconds << " s)\n";
    return std::cout.good() ? 0 : 1;
}

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
    if (args[0] == "build") return command_build({args.begin() + 1, args.end()});
    std::cerr << "wasm-blog: unknown command " << args[0] << "\n" << kUsage;
    return 2;
}
