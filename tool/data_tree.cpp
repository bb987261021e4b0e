#include "tool/data_tree.hpp"

#include <cstdio>
#include <exception>

#define TOML_EXCEPTIONS 0   // parse results carry the error and its position
#define TOML_HEADER_ONLY 1  // Debian's shared library is built with exceptions
#include <nlohmann/json.hpp>
#include <toml++/toml.h>
#include <yaml-cpp/yaml.h>

namespace blog::tool {
namespace {

bool iequal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// YAML: yaml-cpp 0.7 (YAML 1.2 core schema for plain scalars: true/false,
// null/~, numbers); quoted scalars are always strings.
DataValue from_yaml(const YAML::Node& node) {
    DataValue v;
    v.line = size_t(node.Mark().line) + 1;
    switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null: v.kind = DataValue::Kind::Null; break;
        case YAML::NodeType::Scalar: {
            v.text = node.Scalar();
            v.kind = DataValue::Kind::String;
            if (node.Tag() == "?") {  // plain, not quoted
                const std::string& s = v.text;
                if (s == "true" || s == "True" || s == "TRUE") {
                    v.kind = DataValue::Kind::Bool, v.boolean = true;
                } else if (s == "false" || s == "False" || s == "FALSE") {
                    v.kind = DataValue::Kind::Bool, v.boolean = false;
                } else if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") {
                    v.kind = DataValue::Kind::Null;
                } else if (s.find_first_not_of("+-0123456789.eE_") == std::string::npos &&
                           s.find_first_of("0123456789") != std::string::npos &&
                           s.find('-', 1) == std::string::npos) {
                    v.kind = DataValue::Kind::Number;
                }
            }
            break;
        }
        case YAML::NodeType::Sequence:
            v.kind = DataValue::Kind::List;
            for (const YAML::Node& item : node) v.items.push_back(from_yaml(item));
            break;
        case YAML::NodeType::Map:
            v.kind = DataValue::Kind::Map;
            for (const auto& kv : node) {
                std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
                DataValue item = from_yaml(kv.second);
                if (kv.second.IsNull()) item.line = size_t(kv.first.Mark().line) + 1;
                v.entries.emplace_back(std::move(key), std::move(item));
            }
            break;
    }
    return v;
}

std::string two(int n) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", n);
    return buf;
}

std::string toml_date(const toml::date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(d.year), int(d.month), int(d.day));
    return buf;
}

std::string toml_time(const toml::time& t) {
    std::string out = two(t.hour) + ":" + two(t.minute) + ":" + two(t.second);
    if (t.nanosecond) {
        char buf[16];
        std::snprintf(buf, sizeof buf, ".%09u", unsigned(t.nanosecond));
        std::string frac = buf;
        while (frac.back() == '0') frac.pop_back();
        out += frac;
    }
    return out;
}

DataValue from_toml(const toml::node& node) {
    DataValue v;
    v.line = node.source().begin.line;
    if (auto* t = node.as_table()) {
        v.kind = DataValue::Kind::Map;
        for (auto&& [key, item] : *t) {
            DataValue child = from_toml(item);
            if (!child.line) child.line = key.source().begin.line;
            v.entries.emplace_back(std::string(key.str()), std::move(child));
        }
    } else if (auto* a = node.as_array()) {
        v.kind = DataValue::Kind::List;
        for (auto&& item : *a) v.items.push_back(from_toml(item));
    } else if (auto* s = node.as_string()) {
        v.kind = DataValue::Kind::String, v.text = s->get();
    } else if (auto* b = node.as_boolean()) {
        v.kind = DataValue::Kind::Bool, v.boolean = b->get(), v.text = b->get() ? "true" : "false";
    } else if (auto* i = node.as_integer()) {
        v.kind = DataValue::Kind::Number, v.text = std::to_string(i->get());
    } else if (auto* f = node.as_floating_point()) {
        v.kind = DataValue::Kind::Number, v.text = std::to_string(f->get());
    } else if (auto* d = node.as_date()) {
        v.kind = DataValue::Kind::Date, v.text = toml_date(d->get());
    } else if (auto* dt = node.as_date_time()) {
        const toml::date_time& x = dt->get();
        v.kind = DataValue::Kind::Date;
        v.text = toml_date(x.date) + "T" + toml_time(x.time);
        if (x.offset) {
            int m = x.offset->minutes;
            if (m == 0) {
                v.text += "Z";
            } else {
                v.text += m < 0 ? "-" : "+";
                m = m < 0 ? -m : m;
                v.text += two(m / 60) + ":" + two(m % 60);
            }
        }
    } else if (auto* tm = node.as_time()) {
        v.kind = DataValue::Kind::String, v.text = toml_time(tm->get());
    }
    return v;
}

// JSON: nlohmann keeps no positions in its tree, so every value carries the
// line of the opening brace (line 1) and json_key_lines then gives each
// top-level key its own line; parse errors carry their own line.
DataValue from_json(const nlohmann::ordered_json& j) {
    DataValue v;
    v.line = 1;
    switch (j.type()) {
        case nlohmann::json::value_t::object:
            v.kind = DataValue::Kind::Map;
            for (auto it = j.begin(); it != j.end(); ++it) v.entries.emplace_back(it.key(), from_json(it.value()));
            break;
        case nlohmann::json::value_t::array:
            v.kind = DataValue::Kind::List;
            for (const auto& item : j) v.items.push_back(from_json(item));
            break;
        case nlohmann::json::value_t::string: v.kind = DataValue::Kind::String, v.text = j.get<std::string>(); break;
        case nlohmann::json::value_t::boolean:
            v.kind = DataValue::Kind::Bool, v.boolean = j.get<bool>(), v.text = v.boolean ? "true" : "false";
            break;
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
        case nlohmann::json::value_t::number_float: v.kind = DataValue::Kind::Number, v.text = j.dump(); break;
        default: v.kind = DataValue::Kind::Null; break;
    }
    return v;
}

// The line of each key of the top-level object of valid JSON text, in order.
std::vector<size_t> json_key_lines(std::string_view text) {
    std::vector<size_t> lines;
    size_t line = 1, depth = 0, string_line = 0;
    bool in_string = false, after_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') ++line;
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false, after_string = true;
            continue;
        }
        if (c == '"') {
            in_string = true, string_line = line;
        } else if (c == ':' && after_string && depth == 1) {
            lines.push_back(string_line);
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
        }
        if (c != '"' && c != ' ' && c != '\t' && c != '\r' && c != '\n') after_string = false;
    }
    return lines;
}

size_t line_of_byte(std::string_view text, size_t byte) {
    size_t line = 1;
    for (size_t i = 0; i < byte && i < text.size(); ++i)
        if (text[i] == '\n') ++line;
    return line;
}

}  // namespace

const DataValue* DataValue::find(std::string_view key) const {
    for (const auto& [k, v] : entries)
        if (iequal(k, key)) return &v;
    return nullptr;
}

std::string data_kind_name(const DataValue& v) {
    switch (v.kind) {
        case DataValue::Kind::Null: return "nothing";
        case DataValue::Kind::String: return "a string";
        case DataValue::Kind::Bool: return "a boolean";
        case DataValue::Kind::Number: return "a number";
        case DataValue::Kind::Date: return "a date";
        case DataValue::Kind::List: return "a list";
        case DataValue::Kind::Map: return "a map";
    }
    return "a value";
}

DataParse data_parse(std::string_view text, DataFormat format) {
    DataParse out;
    switch (format) {
        case DataFormat::Yaml:
            try {
                YAML::Node root = YAML::Load(std::string(text));
                if (root.IsNull()) {
                    out.value.kind = DataValue::Kind::Map;
                    out.ok = true;
                    return out;
                }
                out.value = from_yaml(root);
            } catch (const YAML::Exception& e) {
                out.error = {size_t(e.mark.line < 0 ? 0 : e.mark.line) + 1, e.msg};
                return out;
            } catch (const std::exception& e) {
                out.error = {1, e.what()};
                return out;
            }
            break;
        case DataFormat::Toml: {
            toml::parse_result r = toml::parse(text);
            if (!r) {
                out.error = {r.error().source().begin.line ? size_t(r.error().source().begin.line) : 1,
                             std::string(r.error().description())};
                return out;
            }
            out.value = from_toml(r.table());
            if (!out.value.line) out.value.line = 1;
            break;
        }
        case DataFormat::Json:
            try {
                // ordered_json keeps the file's key order, so keys and lines pair up
                out.value = from_json(nlohmann::ordered_json::parse(text.begin(), text.end()));
                if (out.value.kind == DataValue::Kind::Map) {
                    const std::vector<size_t> lines = json_key_lines(text);
                    if (lines.size() == out.value.entries.size())
                        for (size_t i = 0; i < lines.size(); ++i) out.value.entries[i].second.line = lines[i];
                }
            } catch (const nlohmann::ordered_json::parse_error& e) {
                std::string what = e.what();
                // "[json.exception.parse_error.101] parse error at line 3, column 5: …": keep what follows
                if (size_t colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
                out.error = {line_of_byte(text, e.byte ? e.byte - 1 : 0), what};
                return out;
            }
            break;
    }
    if (out.value.kind != DataValue::Kind::Map) {
        out.error = {out.value.line ? out.value.line : 1, "expected a map of keys and values, got " + data_kind_name(out.value)};
        return out;
    }
    out.ok = true;
    return out;
}

}  // namespace blog::tool
