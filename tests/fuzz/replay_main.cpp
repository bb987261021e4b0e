// Replays a fuzz target without libFuzzer: runs LLVMFuzzerTestOneInput over
// every file of the folders (and files) given, in name order. Registered with
// CTest per target over tests/fuzz/regressions/<target>/ and corpus/<target>/;
// a property that fails aborts with the file's name. Zero inputs is a failure
// too: a replay that checks nothing cannot fail.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        fs::path p(argv[i]);
        if (fs::is_directory(p)) {
            for (const auto& e : fs::directory_iterator(p))
                if (e.is_regular_file() && e.path().filename().string()[0] != '.') files.push_back(e.path().string());
        } else if (fs::is_regular_file(p)) {
            files.push_back(p.string());
        } else {
            std::fprintf(stderr, "replay: %s: no such file or folder\n", argv[i]);
            return 2;
        }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        std::fprintf(stderr, "replay: no inputs given\n");
        return 2;
    }
    for (const std::string& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        fuzz::current_input().name = f.c_str();
        // A copy of exactly the file's size, as libFuzzer passes it: ASan sees reads past the end.
        std::vector<uint8_t> data(bytes.begin(), bytes.end());
        LLVMFuzzerTestOneInput(data.empty() ? nullptr : data.data(), data.size());
    }
    std::printf("replayed %zu inputs, every property held\n", files.size());
    return 0;
}
