// A real folder for the tool's tests (the build, the index writer), removed
// at the end of the test: real files, as the tool reads and writes them.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace blog::test {

struct TempDir {
    std::filesystem::path root;
    // prefix: the test file's, so that a folder left by a crash says whose it is.
    explicit TempDir(const std::string& prefix) {
        static int n = 0;
        root = std::filesystem::temp_directory_path() /
               (prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        std::filesystem::remove_all(root);
        std::filesystem::create_directories(root);
    }
    ~TempDir() { std::filesystem::remove_all(root); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    void write(const std::string& rel, const std::string& text) const {
        std::filesystem::create_directories((root / rel).parent_path());
        std::ofstream(root / rel, std::ios::binary) << text;
    }
    std::string at(const std::string& rel) const { return (root / rel).string(); }
};

}  // namespace blog::test
