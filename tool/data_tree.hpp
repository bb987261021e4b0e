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

// Parses text whose top level must be a map. On failure, the error has the
// line relative to the text and what went wrong (the caller adds the file
// and shifts the line).
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
