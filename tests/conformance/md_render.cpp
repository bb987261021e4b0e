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
#include "md4c-html.h"
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
        "  --flavor=md4c-html  md4c-html itself (md_html, as md2html calls it): the reference\n"
        "  --batch        many inputs in one run: records \"OPTIONS\\nLENGTH\\nBYTES\" on stdin,\n"
        "                 answers \"STATUS LENGTH\\nBYTES\" (tests/conformance/batch.py)\n"
        "  MD_RENDER_OPTIONS in the environment: options read before the command line's\n",
        to);
}

// What one rendering asks for.
struct Run {
    blog::MarkdownOptions options;
    bool reference = false;  // md4c-html's own md_html, not ours
    bool batch = false;
};

// Options for one rendering: the command line's, then a batch record's own.
// False (with a message on stderr) for an unknown option; `help` for -h.
bool apply_options(const std::vector<std::string>& args, Run& run, bool& help) {
    for (const std::string& a : args) {
        const char* arg = a.c_str();
        bool known = false;
        for (const FlagOption& f : kParserFlags) {
            if (std::strcmp(arg, f.name) == 0) {
                run.options.parser_flags |= f.flag;
                known = true;
            }
        }
        if (known) continue;
        if (std::strcmp(arg, "--flavor=md4c") == 0) {
            run.options.flavor = blog::MarkdownOptions::Flavor::Md4cHtml;
            run.reference = false;
        } else if (std::strcmp(arg, "--flavor=blog") == 0) {
            run.options.flavor = blog::MarkdownOptions::Flavor::Blog;
            run.reference = false;
        } else if (std::strcmp(arg, "--flavor=md4c-html") == 0) {
            run.reference = true;
        } else if (std::strcmp(arg, "--unsafe") == 0) {
            run.options.unsafe = true;
        } else if (std::strncmp(arg, "--max-output-factor=", 20) == 0) {
            run.options.max_output_factor = std::strtoul(arg + 20, nullptr, 10);
        } else if (std::strncmp(arg, "--base=", 7) == 0) {
            run.options.base_url = arg + 7;
        } else if (std::strcmp(arg, "--batch") == 0) {
            run.batch = true;
        } else if (std::strcmp(arg, "-h") == 0 || std::strcmp(arg, "--help") == 0) {
            help = true;
        } else {
            std::fprintf(stderr, "md_render: unknown option '%s'\n", arg);
            return false;
        }
    }
    return true;
}

void append_chunk(const MD_CHAR* text, MD_SIZE size, void* out) {
    static_cast<std::string*>(out)->append(text, size);
}

// The HTML of `input`, or false with the reason in `html`.
bool render(const std::string& input, const Run& run, std::string& html) {
    if (run.reference) {
        html.clear();
        // md2html's renderer flags (md2html.c), so this is md2html's output.
        const unsigned flags = MD_HTML_FLAG_DEBUG | MD_HTML_FLAG_SKIP_UTF8_BOM;
        if (md_html(input.data(), MD_SIZE(input.size()), append_chunk, &html, run.options.parser_flags, flags) != 0) {
            html = "md_html failed";
            return false;
        }
        return true;
    }
    auto rendered = blog::markdown_render(input, run.options);
    if (!rendered) {
        html = rendered.error().code + ": " + rendered.error().message;
        return false;
    }
    html = std::move(rendered.value().html);
    return true;
}

// --batch: records "OPTIONS\nLENGTH\nBYTES" on stdin, each rendered with the
// command line's options and its own; answers "STATUS LENGTH\nBYTES" (status 0:
// the HTML, 1: the error). One process for a whole suite: under ASan a
// process costs more than the rendering.
int run_batch(const Run& base) {
    std::string options_line, length_line, input, html;
    while (std::getline(std::cin, options_line) && std::getline(std::cin, length_line)) {
        std::istringstream words(options_line);
        std::vector<std::string> args;
        for (std::string w; words >> w;) args.push_back(w);
        Run run = base;
        bool help = false;
        if (!apply_options(args, run, help)) return 2;
        input.assign(std::strtoul(length_line.c_str(), nullptr, 10), '\0');
        if (!std::cin.read(&input[0], std::streamsize(input.size())) && !input.empty()) {
            std::fputs("md_render: a batch record ends early\n", stderr);
            return 1;
        }
        const bool ok = render(input, run, html);
        std::printf("%d %zu\n", ok ? 0 : 1, html.size());
        std::fwrite(html.data(), 1, html.size(), stdout);
    }
    return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    Run run;
    run.options.flavor = blog::MarkdownOptions::Flavor::Md4cHtml;
    run.options.parser_flags = 0;

    std::vector<std::string> args;
    if (const char* env = std::getenv("MD_RENDER_OPTIONS")) {
        std::istringstream words(env);
        for (std::string w; words >> w;) args.push_back(w);
    }
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    bool help = false;
    if (!apply_options(args, run, help)) {
        print_usage(stderr);
        return 2;
    }
    if (help) {
        print_usage(stdout);
        return 0;
    }
    if (run.batch) return run_batch(run);

    std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (std::cin.bad()) {
        std::fputs("md_render: cannot read standard input\n", stderr);
        return 1;
    }
    std::string html;
    if (!render(input, run, html)) {
        std::fprintf(stderr, "md_render: %s\n", html.c_str());
        return 1;
    }
    if (std::fwrite(html.data(), 1, html.size(), stdout) != html.size() || std::fflush(stdout) != 0) {
        std::fputs("md_render: cannot write standard output\n", stderr);
        return 1;
    }
    return 0;
}
