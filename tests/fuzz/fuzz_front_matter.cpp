// The native tool's structured-data parsers (tool/data_tree, tool/front_matter:
// YAML by yaml-cpp, TOML by toml++, JSON by nlohmann). Properties:
//   - front_matter_parse on the input as a post file (its first bytes choose
//     the format, as the real splitter does) never crashes or throws; every
//     problem names the file and a line within the file;
//   - data_parse on the input after its first byte, in the format the first
//     byte chooses (as hugo.yaml, hugo.toml or site.json is read), never
//     crashes or throws; an error has a message and a line within the text; a
//     tree is a map, nested at most DataLimits::kMaxDepth deep, of at most
//     kMaxValues values and max_text_bytes(size) bytes of text (without YAML's
//     aliases: at most one value per byte and twice the input's bytes of
//     text), each value's line within the text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "tool/data_tree.hpp"
#include "tool/front_matter.hpp"

namespace {

using blog::tool::DataFormat;
using blog::tool::DataLimits;
using blog::tool::DataValue;

size_t lines_in(std::string_view text) {
    size_t n = 1;
    for (char c : text) n += c == '\n';
    return n;
}

struct Measure {
    size_t depth = 0, values = 0, text = 0, worst_line = 0;
};

// Iterative: a tree deeper than the limit must be reported, not overflow here.
Measure measure(const DataValue& root) {
    Measure m;
    std::vector<std::pair<const DataValue*, size_t>> todo{{&root, 1}};
    while (!todo.empty()) {
        auto [v, depth] = todo.back();
        todo.pop_back();
        ++m.values;
        m.text += v->text.size();
        if (v->line > m.worst_line) m.worst_line = v->line;
        const bool container = v->kind == DataValue::Kind::List || v->kind == DataValue::Kind::Map;
        if (container && depth > m.depth) m.depth = depth;
        for (const auto& item : v->items) todo.push_back({&item, depth + 1});
        for (const auto& [key, item] : v->entries) {
            m.text += key.size();
            todo.push_back({&item, depth + 1});
        }
    }
    return m;
}

const char* format_name(DataFormat f) { return f == DataFormat::Yaml ? "YAML" : f == DataFormat::Toml ? "TOML" : "JSON"; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::Scope scope(data, size);
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    // As a post file.
    const std::string file = "content/posts/fuzz.md";
    const blog::tool::FrontMatterDocument doc = blog::tool::front_matter_parse(input, file);
    const size_t file_lines = lines_in(input);
    for (const blog::tool::Problem& p : doc.problems) {
        FUZZ_CHECK(p.file == file, "a problem names \"" + p.file + "\"");
        FUZZ_CHECK(p.line >= 1 && p.line <= file_lines, "line " + std::to_string(p.line) + " of a file of " +
                                                            std::to_string(file_lines) + " lines: " + p.message);
        FUZZ_CHECK(!p.message.empty(), "an empty message at line " + std::to_string(p.line));
    }

    // As a config file, the format chosen by the first byte.
    if (size == 0) return 0;
    const DataFormat format = data[0] % 3 == 0 ? DataFormat::Yaml : data[0] % 3 == 1 ? DataFormat::Toml : DataFormat::Json;
    const std::string_view text = input.substr(1);
    const size_t text_lines = lines_in(text);
    const blog::tool::DataParse parsed = blog::tool::data_parse(text, format);
    const std::string what = std::string(format_name(format)) + ": ";
    if (!parsed.ok) {
        FUZZ_CHECK(!parsed.error.message.empty(), what + "an error without a message");
        FUZZ_CHECK(parsed.error.line >= 1 && parsed.error.line <= text_lines,
                   what + "error line " + std::to_string(parsed.error.line) + " of " + std::to_string(text_lines) +
                       ": " + parsed.error.message);
        return 0;
    }
    FUZZ_CHECK(parsed.value.kind == DataValue::Kind::Map, what + "the top level is " + blog::tool::data_kind_name(parsed.value));
    const Measure m = measure(parsed.value);
    FUZZ_CHECK(m.depth <= DataLimits::kMaxDepth, what + "a tree " + std::to_string(m.depth) + " levels deep");
    FUZZ_CHECK(m.values <= DataLimits::kMaxValues, what + std::to_string(m.values) + " values");
    FUZZ_CHECK(m.text <= DataLimits::max_text_bytes(text.size()),
               what + std::to_string(m.text) + " bytes of text from " + std::to_string(text.size()));
    if (format != DataFormat::Yaml) {  // no aliases: the tree is no bigger than the text
        FUZZ_CHECK(m.values <= text.size() + 1, what + std::to_string(m.values) + " values from " +
                                                    std::to_string(text.size()) + " bytes");
        FUZZ_CHECK(m.text <= 2 * text.size(), what + std::to_string(m.text) + " bytes of text from " +
                                                  std::to_string(text.size()));
    }
    FUZZ_CHECK(m.worst_line <= text_lines, what + "a value at line " + std::to_string(m.worst_line) + " of " +
                                               std::to_string(text_lines));
    return 0;
}
