// md_render: Markdown on stdin, HTML on stdout, through blog::markdown_render.
// Takes md2html's extension flags so that md4c's own test runner
// (test/run-testsuite.py -p md_render) can drive our renderer exactly as it
// drives md2html. With no --f* flag the parser flags are 0 (plain
// CommonMark), as in md2html.
//
// md4c's runner passes an example's own flags only to a program named with no
// options of its own, so options that hold for a whole run can also come from
// the environment: MD_RENDER_OPTIONS="--flavor=md4c --unsafe", read before argv.
#include <cstdio>
#include <cstring>
#include <iostream>
#include <cstdlib>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "core/markdown/markdown.hpp"

extern "C" {
#include "md4c.h"
}

namespace {

struct FlagOption {
    const char* name;
    unsigned flag;
};

// The md2html options of the same names.
constexpr FlagOption kParserFlags[] = {
    {"--ftables", MD_FLAG_TABLES},
    {"--fstrikethrough", MD_FLAG_STRIKETHROUGH},
    {"--ftasklists", MD_FLAG_TASKLISTS},
    {"--fpermissive-url-autolinks", MD_FLAG_PERMISSIVEURLAUTOLINKS},
    {"--fpermissive-www-autolinks", MD_FLAG_PERMISSIVEWWWAUTOLINKS},
    {"--fpermissive-email-autolinks", MD_FLAG_PERMISSIVEEMAILAUTOLINKS},
    {"--fpermissive-autolinks", MD_FLAG_PERMISSIVEAUTOLINKS},
    {"--flatex-math", MD_FLAG_LATEXMATHSPANS},
    {"--fwiki-links", MD_FLAG_WIKILINKS},
    {"--funderline", MD_FLAG_UNDERLINE},
    {"--fhard-soft-breaks", MD_FLAG_HARD_SOFT_BREAKS},
    {"--fcollapse-whitespace", MD_FLAG_COLLAPSEWHITESPACE},
    {"--fpermissive-atx-headers", MD_FLAG_PERMISSIVEATXHEADERS},
    {"--fno-indented-code", MD_FLAG_NOINDENTEDCODEBLOCKS},
    {"--fno-html-blocks", MD_FLAG_NOHTMLBLOCKS},
    {"--fno-html-spans", MD_FLAG_NOHTMLSPANS},
    {"--fno-html", MD_FLAG_NOHTML},
};

void print_usage(std::FILE* to) {
    std::fputs(
        "usage: md_render [--flavor=md4c|blog] [--unsafe] [--ftables] [--fstrikethrough]\n"
        "                 [--ftasklists] [--fpermissive-url-autolinks]\n"
        "                 [--fpermissive-www-autolinks] [--fpermissive-email-autolinks]\n"
        "                 [--flatex-math] [--fwiki-links] [--funderline] [--fhard-soft-breaks]\n"
        "                 [--fcollapse-whitespace] [--fpermissive-autolinks] [--fno-html] ...\n"
        "                 [--base=URL] < in.md > out.html\n"
        "  --flavor=md4c  md4c-html's markup byte for byte (the default of this tool)\n"
        "  --flavor=blog  the blog's markup (heading ids, lazy images, math spans)\n"
        "  --unsafe       pass raw HTML through and keep every link target\n"
        "  --base=URL     resolve relative links and images against URL (blog flavor)\n"
        "  --max-output-factor=N  stop when the HTML outgrows N times the input (0: never)\n"
        "  MD_RENDER_OPTIONS in the environment: options read before the command line's\n",
        to);
}

}  // namespace

int main(int argc, char** argv) {
    blog::MarkdownOptions options;
    options.flavor = blog::MarkdownOptions::Flavor::Md4cHtml;
    options.parser_flags = 0;

    std::vector<std::string> args;
    if (const char* env = std::getenv("MD_RENDER_OPTIONS")) {
        std::istringstream words(env);
        for (std::string w; words >> w;) args.push_back(w);
    }
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);

    for (const std::string& a : args) {
        const char* arg = a.c_str();
        bool known = false;
        for (const FlagOption& f : kParserFlags) {
            if (std::strcmp(arg, f.name) == 0) {
                options.parser_flags |= f.flag;
                known = true;
            }
        }
        if (known) continue;
        if (std::strcmp(arg, "--flavor=md4c") == 0) {
            options.flavor = blog::MarkdownOptions::Flavor::Md4cHtml;
        } else if (std::strcmp(arg, "--flavor=blog") == 0) {
            options.flavor = blog::MarkdownOptions::Flavor::Blog;
        } else if (std::strcmp(arg, "--unsafe") == 0) {
            options.unsafe = true;
        } else if (std::strncmp(arg, "--max-output-factor=", 20) == 0) {
            options.max_output_factor = std::strtoul(arg + 20, nullptr, 10);
        } else if (std::strncmp(arg, "--base=", 7) == 0) {
            options.base_url = arg + 7;
        } else if (std::strcmp(arg, "-h") == 0 || std::strcmp(arg, "--help") == 0) {
            print_usage(stdout);
            return 0;
        } else {
            std::fprintf(stderr, "md_render: unknown option '%s'\n", arg);
            print_usage(stderr);
            return 2;
        }
    }

    std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (std::cin.bad()) {
        std::fputs("md_render: cannot read standard input\n", stderr);
        return 1;
    }

    auto rendered = blog::markdown_render(input, options);
    if (!rendered) {
        std::fprintf(stderr, "md_render: %s: %s\n", rendered.error().code.c_str(),
                     rendered.error().message.c_str());
        return 1;
    }
    const std::string& html = rendered.value().html;
    if (std::fwrite(html.data(), 1, html.size(), stdout) != html.size() || std::fflush(stdout) != 0) {
        std::fputs("md_render: cannot write standard output\n", stderr);
        return 1;
    }
    return 0;
}
