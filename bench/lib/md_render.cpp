// The native core's Markdown renderer, timed: the same blog::markdown_render
// (default options: GitHub dialect + LaTeX math, safe, our markup) that the
// wasm build exports as blog_render_markdown. bench/throughput.mjs compiles
// it (g++ -O3, from core/ and md4c's sources) into build/bench/md_render.
//
// usage: md_render [--raw-html=omit|sanitize] WARMUP_MS MIN_RUNS MIN_MS FILE...
// --raw-html: MarkdownOptions::raw_html (default omit), so that one post
// times with its raw HTML omitted and sanitized (core/html/sanitize).
// For each file: renders it for WARMUP_MS untimed, then at least MIN_RUNS
// times and for at least MIN_MS, each render timed on its own; prints one
// JSON line per file: {"file":..., "bytes":N, "out":N, "cpuMsPerRender":x,
// "ms":[...]} (CPU time of the process over the timed renders, per render).
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/markdown/markdown.hpp"

namespace {

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
    blog::MarkdownOptions options;
    if (argc > 1 && std::string(argv[1]).rfind("--raw-html=", 0) == 0) {
        const std::string mode = argv[1] + 11;
        if (mode == "sanitize") options.raw_html = blog::MarkdownOptions::RawHtml::Sanitize;
        else if (mode != "omit") argc = 0;  // usage
        ++argv;
        --argc;
    }
    if (argc < 5) {
        std::fprintf(stderr, "usage: md_render [--raw-html=omit|sanitize] WARMUP_MS MIN_RUNS MIN_MS FILE...\n");
        return 2;
    }
    const double warmup_ms = std::atof(argv[1]);
    const int min_runs = std::atoi(argv[2]);
    const double min_ms = std::atof(argv[3]);
    for (int a = 4; a < argc; ++a) {
        std::ifstream in(argv[a], std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "md_render: cannot read %s\n", argv[a]);
            return 1;
        }
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string text = ss.str();
        size_t out = 0;
        auto render = [&]() -> bool {
            auto r = blog::markdown_render(text, options);
            if (!r) return false;
            out = r.value().html.size();
            return true;
        };
        if (!render()) {
            std::printf("{\"file\":\"%s\",\"bytes\":%zu,\"error\":\"the core refused the input\"}\n", argv[a], text.size());
            continue;
        }
        for (double start = now_ms(); now_ms() - start < warmup_ms;) render();
        std::vector<double> times;
        const double cpu0 = cpu_ms();
        const double start = now_ms();
        while (static_cast<int>(times.size()) < min_runs || now_ms() - start < min_ms) {
            const double t0 = now_ms();
            render();
            times.push_back(now_ms() - t0);
        }
        const double cpu_per_render = (cpu_ms() - cpu0) / static_cast<double>(times.size());
        std::printf("{\"file\":\"%s\",\"bytes\":%zu,\"out\":%zu,\"cpuMsPerRender\":%.6f,\"ms\":[", argv[a], text.size(), out, cpu_per_render);
        for (size_t i = 0; i < times.size(); ++i) std::printf("%s%.4f", i ? "," : "", times[i]);
        std::printf("]}\n");
    }
    return 0;
}
