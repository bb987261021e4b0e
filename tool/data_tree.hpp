// Structured data read from YAML, TOML or JSON into one small tree that keeps
// each value's line, so that front matter and site config are read by one
// reader whatever their format. The parsers live only here (and only in the
// native tool): yaml-cpp throws, toml++ is built with TOML_EXCEPTIONS=0, and
// every failure leaves as an error value (a line and a message).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/util/result.hpp"

namespace blog::tool {

struct DataValue {
    enum class Kind { Null, String, Bool, Number, Date, List, Map };
    Kind kind = Kind::Null;
    std::string text;   // String, Number, Date (RFC 3339 / YYYY-MM-DD); Bool: "true"/"false"
    bool boolean = false;
    std::vector<DataValue> items;                           // List
    std::vector<std::pair<std::string, DataValue>> entries; // Map, in file order
    size_t line = 0;    // 1-based, relative to the parsed text

    // Case-insensitive key lookup (Hugo's rule for front matter and config);
    // nullptr when absent.
    const DataValue* find(std::string_view key) const;
};

// "a string", "a list", … for messages.
std::string data_kind_name(const DataValue& v);

enum class DataFormat { Yaml, Toml, Json };

// What one parse may build, whatever the text: the site folder is untrusted,
// and Hugo's front matter and config are a few levels deep and a few hundred
// values. Each bound crossed is an error value ("nesting deeper than 64
// levels"), never a crash: the text is checked before a parser that recurses
// sees it, and the conversion to DataValue counts what it builds.
struct DataLimits {
    // Maps and lists one inside another, the top-level map being the first.
    static constexpr size_t kMaxDepth = 64;
    // Values in the whole tree, a YAML alias counted each time it is used
    // (a 1 KB alias bomb names 10^9 of them). Above 10^5, so that a post of
    // 10^5 tags reaches the site's own, clearer, limit on tags.
    static constexpr size_t kMaxValues = 200000;
    // Bytes of text (strings, keys, numbers) in the whole tree: twice the
    // input plus 1 MiB. Without aliases the text is at most about the input.
    static constexpr size_t max_text_bytes(size_t input_bytes) { return 2 * input_bytes + (size_t(1) << 20); }
};

// Parses text whose top level must be a map. On failure, the error has the
// line relative to the text (1 to the text's last line) and what went wrong
// (the caller adds the file and shifts the line). Never throws.
struct DataError {
    size_t line = 1;
    std::string message;
};
struct DataParse {
    bool ok = false;
    DataValue value;
    DataError error;
};
DataParse data_parse(std::string_view text, DataFormat format);

}  // namespace blog::tool
