// Sizes as a reader reads them in messages: "90 bytes", "812 KB", "4.0 MB".
#pragma once

#include <cstddef>
#include <string>

namespace blog {

inline std::string size_text(size_t bytes) {
    if (bytes < 1024) return std::to_string(bytes) + " bytes";
    if (bytes < (size_t(1) << 20)) return std::to_string((bytes + 512) / 1024) + " KB";
    size_t tenths = (bytes * 10 + (size_t(1) << 19)) >> 20;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

}  // namespace blog
