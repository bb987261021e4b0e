#include "tool/data_tree.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iterator>
#include <new>
#include <optional>
#include <unordered_map>

#define TOML_EXCEPTIONS 0   // parse results carry the error and its position
#define TOML_HEADER_ONLY 1  // Debian's shared library is built with exceptions
#include <nlohmann/json.hpp>
#include <toml++/toml.h>
#include <yaml-cpp/depthguard.h>  // YAML::DeepRecursion, not in yaml.h
#include <yaml-cpp/yaml.h>

#include "core/util/utf8.hpp"

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

std::string with_commas(size_t n) {
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string too_deep() { return "nesting deeper than " + std::to_string(DataLimits::kMaxDepth) + " levels"; }

// What a conversion may still build (DataLimits); the first bound crossed
// becomes the parse's error, and the conversion stops there.
struct Budget {
    size_t values_left = DataLimits::kMaxValues;
    size_t text_budget = 0, text_left = 0;
    // Only YAML's aliases let a text name more values, or more text, than it
    // holds: the message then says so.
    bool values_need_aliases = false, text_needs_aliases = false;
    bool failed = false;
    DataError error;

    static std::string limit_message(bool aliases, const std::string& what) {
        return aliases ? "aliases expand to more than " + what + " (an alias bomb?)" : "more than " + what;
    }
    bool fail(size_t line, std::string message) {
        if (!failed) failed = true, error = {line, std::move(message)};
        return false;
    }
    // One more value at `depth` (the top-level map is at 1); containers
    // deeper than the limit are refused.
    bool value(size_t line, size_t depth, bool container) {
        if (failed) return false;
        if (container && depth > DataLimits::kMaxDepth) return fail(line, too_deep());
        if (values_left == 0)
            return fail(line, limit_message(values_need_aliases, with_commas(DataLimits::kMaxValues) + " values"));
        --values_left;
        return true;
    }
    bool text(size_t line, size_t bytes) {
        if (failed) return false;
        if (bytes > text_left)
            return fail(line, limit_message(text_needs_aliases, with_commas(text_budget) + " bytes of text"));
        text_left -= bytes;
        return true;
    }
};

// A key given twice keeps its first place and its last value, as
// Hugo does for YAML and JSON front matter (go-yaml and encoding/json
// decoding into a map; TOML refuses the second, and so does toml++).
void map_keep_last_of_each_key(DataValue& map) {
    auto& e = map.entries;
    if (e.size() < 2) return;
    std::unordered_map<std::string_view, size_t> first;
    first.reserve(e.size());
    std::vector<bool> drop(e.size(), false);
    bool any = false;
    for (size_t i = 0; i < e.size(); ++i) {
        auto [it, fresh] = first.emplace(e[i].first, i);
        if (!fresh) e[it->second].second = std::move(e[i].second), drop[i] = any = true;
    }
    if (!any) return;
    size_t kept = 0;
    for (size_t i = 0; i < e.size(); ++i)
        if (!drop[i]) {
            if (kept != i) e[kept] = std::move(e[i]);
            ++kept;
        }
    e.resize(kept);
}

// YAML: yaml-cpp 0.7 (YAML 1.2 core schema for plain scalars: true/false,
// null/~, numbers); quoted scalars are always strings. yaml-cpp keeps one
// node per anchor, an alias pointing at it, so its own parse of an alias
// bomb is small; the blow-up would be here, which the budget stops. Its
// parser refuses nesting past its own DepthGuard (a few hundred levels);
// the depth here is ours. Recursion at most kMaxDepth deep.
DataValue from_yaml(const YAML::Node& node, size_t depth, Budget& budget) {
    DataValue v;
    v.line = size_t(node.Mark().line) + 1;
    const bool container = node.Type() == YAML::NodeType::Sequence || node.Type() == YAML::NodeType::Map;
    if (!budget.value(v.line, depth, container)) return v;
    switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null: v.kind = DataValue::Kind::Null; break;
        case YAML::NodeType::Scalar: {
            if (!budget.text(v.line, node.Scalar().size())) return v;
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
            for (const YAML::Node& item : node) {
                v.items.push_back(from_yaml(item, depth + 1, budget));
                if (budget.failed) return v;
            }
            break;
        case YAML::NodeType::Map:
            v.kind = DataValue::Kind::Map;
            for (const auto& kv : node) {
                std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
                if (!budget.text(v.line, key.size())) return v;
                DataValue item = from_yaml(kv.second, depth + 1, budget);
                if (budget.failed) return v;
                if (kv.second.IsNull()) item.line = size_t(kv.first.Mark().line) + 1;
                v.entries.emplace_back(std::move(key), std::move(item));
            }
            map_keep_last_of_each_key(v);  // yaml-cpp keeps both
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

// The shortest text that reads back as the same double, with a ".0" when it
// would look whole ("2.0", "3.14", "1e+300"): std::to_string wrote 1e300 as
// 300 digits, a 60-fold growth from the text.
std::string toml_float(double f) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, f);
    std::string out(buf, r.ec == std::errc() ? r.ptr : buf);
    if (out.find_first_of(".eEn") == std::string::npos) out += ".0";  // "n": inf, nan
    return out;
}

// The TOML value's depth is checked by the scan before toml++ builds the
// tree (toml_check_before_parse); this is the exact check, and recursion here is
// at most kMaxDepth deep.
DataValue from_toml(const toml::node& node, size_t depth, Budget& budget, size_t near_line = 1) {
    DataValue v;
    v.line = node.source().begin.line;
    const size_t at = v.line ? v.line : near_line;  // an implicit table has no source: its key's line
    const bool container = node.is_table() || node.is_array();
    if (!budget.value(at, depth, container)) return v;
    if (auto* t = node.as_table()) {
        v.kind = DataValue::Kind::Map;
        for (auto&& [key, item] : *t) {
            const size_t key_line = key.source().begin.line ? size_t(key.source().begin.line) : at;
            if (!budget.text(key_line, key.str().size())) return v;
            DataValue child = from_toml(item, depth + 1, budget, key_line);
            if (budget.failed) return v;
            if (!child.line) child.line = key.source().begin.line;
            v.entries.emplace_back(std::string(key.str()), std::move(child));
        }
    } else if (auto* a = node.as_array()) {
        v.kind = DataValue::Kind::List;
        for (auto&& item : *a) {
            v.items.push_back(from_toml(item, depth + 1, budget, at));
            if (budget.failed) return v;
        }
    } else if (auto* s = node.as_string()) {
        v.kind = DataValue::Kind::String, v.text = s->get();
    } else if (auto* b = node.as_boolean()) {
        v.kind = DataValue::Kind::Bool, v.boolean = b->get(), v.text = b->get() ? "true" : "false";
    } else if (auto* i = node.as_integer()) {
        v.kind = DataValue::Kind::Number, v.text = std::to_string(i->get());
    } else if (auto* f = node.as_floating_point()) {
        v.kind = DataValue::Kind::Number, v.text = toml_float(f->get());
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
    budget.text(at, v.text.size());
    return v;
}

// How deep a TOML text nests, found before toml++ sees it: toml++ 3.3 bounds
// arrays and inline tables (TOML_MAX_NESTED_VALUES, 256) but not dotted keys
// or table headers, and recurses over the tree it built (update_region_ends,
// the destructors), so 3x10^4 levels of `a.a.a… = 1` overflow the stack
// inside toml::parse. The estimate per value: the table it is in (1 + the
// header's keys, +1 for [[an array of tables]]), the dotted key's keys, the
// arrays and inline tables around it; strings and comments skipped. A header
// that goes through arrays of tables ([[a]] then [[a.b]]) nests one level
// more per array than counted, so the real depth is at most twice the
// estimate: small for toml++'s recursion, and from_toml checks it exactly.
// Text that is not TOML may be misread: toml++ rejects it anyway.
// `hint` gets what the scan saw that toml++ will refuse, said as a blogger
// would fix it (an unterminated string or array at the line that opens it):
// the message for toml++'s failure, when it fails at or after that line.
std::optional<DataError> toml_check_before_parse(std::string_view text, std::optional<DataError>& hint) {
    const size_t limit = DataLimits::kMaxDepth;
    struct Open {
        char kind;     // '[' an array, '{' an inline table
        size_t depth;  // its own depth
        size_t line;   // where it opens
    };
    std::vector<Open> open;
    size_t line = 1, table_depth = 1, value_parent = 1;
    bool expect_key = true;  // a statement's start, or after '{' or ',' in an inline table
    const size_t n = text.size();
    auto at = [&](size_t i, char c) { return i < n && text[i] == c; };
    // Skips a string starting at i (quote q, maybe tripled); returns the index past it.
    auto skip_string = [&](size_t i) {
        const char q = text[i];
        const bool triple = at(i + 1, q) && at(i + 2, q);
        const size_t opened = line;
        auto unterminated = [&] {
            if (hint) return;
            std::string what = std::string("unterminated quoted string: the ") + (triple ? "triple " : "") +
                               (q == '"' ? "double" : "single") + " quote on this line is never closed";
            if (!triple) what += " (a TOML string ends on its line; \"\"\" strings may span lines)";
            hint = DataError{opened, what};
        };
        i += triple ? 3 : 1;
        while (i < n) {
            const char c = text[i];
            if (c == '\\' && q == '"') {
                i += 2;
                if (i - 1 < n && text[i - 1] == '\n') ++line;
                continue;
            }
            if (c == '\n') {
                if (!triple) {
                    unterminated();
                    return i;
                }
                ++line;
            }
            if (c == q && (!triple || (at(i + 1, q) && at(i + 2, q)))) {
                i += triple ? 3 : 1;
                while (triple && at(i, q)) ++i;  // up to two quotes may end the content
                return i;
            }
            ++i;
        }
        unterminated();
        return i;
    };
    // toml++ 3.3 reaches __builtin_unreachable (undefined behaviour) when it
    // asks whether a character from U+00A1 on is whitespace, which it does
    // wherever whitespace may be: outside strings and comments, TOML 1.0 has
    // only ASCII, so such a byte is refused here before toml++ sees it.
    auto non_ascii = [&](size_t i) { return static_cast<unsigned char>(text[i]) >= 0x80; };
    const std::string not_ascii = "a character that is not ASCII outside a string or comment";
    auto deeper = [&](size_t depth) -> std::optional<DataError> {
        if (depth > limit) return DataError{line, too_deep()};
        return std::nullopt;
    };
    // A key, maybe dotted, from i up to one of `stops`: its parts counted
    // into `keys` (strings skipped); false on a byte that is not ASCII.
    auto count_keys = [&](size_t& i, const char* stops, size_t& keys) {
        auto stop = [stops](char c) {
            for (const char* s = stops; *s; ++s)
                if (*s == c) return true;
            return false;  // NUL included: it stops no key
        };
        while (i < n && !stop(text[i])) {
            if (text[i] == '"' || text[i] == '\'') {
                i = skip_string(i);
                continue;
            }
            if (non_ascii(i)) return false;
            if (text[i] == '.') ++keys;
            ++i;
        }
        return true;
    };
    for (size_t i = 0; i < n;) {
        const char c = text[i];
        if (c == '\n') {
            ++line, ++i;
            if (open.empty()) expect_key = true;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
            continue;
        }
        if (c == '#') {
            while (i < n && text[i] != '\n') ++i;
            continue;
        }
        if (non_ascii(i)) return DataError{line, not_ascii};
        if (expect_key && open.empty() && c == '[') {  // [table] or [[array of tables]]
            const bool array = at(i + 1, '[');
            i += array ? 2 : 1;
            size_t keys = 1;
            if (!count_keys(i, "]\n", keys)) return DataError{line, not_ascii};
            table_depth = 1 + keys + (array ? 1 : 0);
            if (auto e = deeper(table_depth)) return e;
            while (i < n && text[i] == ']') ++i;
            continue;
        }
        if (expect_key) {  // a key, maybe dotted, up to '='
            const size_t base = open.empty() ? table_depth : open.back().depth, start = i;
            size_t keys = 1;
            if (!count_keys(i, "=\n}#", keys)) return DataError{line, not_ascii};
            value_parent = base + keys - 1;  // the dotted key's tables
            if (auto e = deeper(value_parent)) return e;
            if (at(i, '=')) ++i, expect_key = false;
            else if (i == start) expect_key = false;  // "{}", or a '}' where a key was due: read it as a value's
            continue;
        }
        if (c == '"' || c == '\'') {
            i = skip_string(i);
            continue;
        }
        if (c == '[' || c == '{') {
            open.push_back({c, value_parent + 1, line});
            if (auto e = deeper(open.back().depth)) return e;
            value_parent = open.back().depth;
            expect_key = c == '{';
        } else if (c == ']' || c == '}') {
            if (!open.empty()) open.pop_back();
            if (!open.empty()) value_parent = open.back().depth;
        } else if (c == ',' && !open.empty()) {
            value_parent = open.back().depth;
            expect_key = open.back().kind == '{';
        }
        ++i;
    }
    if (!open.empty() && !hint)
        hint = DataError{open.front().line, open.front().kind == '[' ? "unterminated list: the \"[\" on this line is never closed"
                                                                    : "unterminated table: the \"{\" on this line is never closed"};
    return std::nullopt;
}

// JSON: nlohmann's SAX parser (iterative: no recursion, whatever the depth)
// builds the tree here, with an explicit stack and the budget checked at
// every value. Not nlohmann's DOM: its ordered_json looks each key up
// linearly, so an object of 10^5 keys took 9 s.
//
// A pointer into the text that records how far nlohmann's lexer has read:
// its SAX events carry no position, so this gives each value its line.
struct TrackedChar {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;
    const char* p = nullptr;
    const char** reached = nullptr;
    reference operator*() const { return *p; }
    TrackedChar& operator++() {
        *reached = ++p;
        return *this;
    }
    TrackedChar operator++(int) {
        TrackedChar before = *this;
        ++*this;
        return before;
    }
    bool operator==(const TrackedChar& o) const { return p == o.p; }
    bool operator!=(const TrackedChar& o) const { return p != o.p; }
};

class JsonBuilder {
public:
    using json = nlohmann::json;
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    JsonBuilder(std::string_view text, Budget& budget) : text_(text), reached_(text.data()), budget_(budget) {}

    const char** reached() { return &reached_; }
    DataValue& root() { return root_; }
    bool has_error() const { return has_error_; }
    const DataError& error() const { return error_; }

    bool null() { return add(DataValue::Kind::Null, {}, false); }
    bool boolean(bool b) {
        if (!add(DataValue::Kind::Bool, b ? "true" : "false", false)) return false;
        last_->boolean = b;
        return true;
    }
    bool number_integer(number_integer_t n) { return add(DataValue::Kind::Number, std::to_string(n), true); }
    bool number_unsigned(number_unsigned_t n) { return add(DataValue::Kind::Number, std::to_string(n), true); }
    // nlohmann's own text for a double, as its DOM dump wrote it
    bool number_float(number_float_t f, const string_t&) { return add(DataValue::Kind::Number, json(f).dump(), true); }
    bool string(string_t& s) { return add(DataValue::Kind::String, std::move(s), false); }
    bool binary(binary_t&) { return add(DataValue::Kind::Null, {}, false); }  // not in JSON text
    bool start_object(std::size_t) { return open(DataValue::Kind::Map); }
    bool start_array(std::size_t) { return open(DataValue::Kind::List); }
    bool key(string_t& k) {
        if (!budget_.text(line(false), k.size())) return false;
        key_ = std::move(k);
        return true;
    }
    bool end_object() {
        map_keep_last_of_each_key(*stack_.back());
        stack_.pop_back();
        return true;
    }
    bool end_array() {
        stack_.pop_back();
        return true;
    }
    bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& e) {
        std::string what = e.what();
        // "[json.exception.parse_error.101] parse error at line 3, column 5: …": keep what follows
        if (size_t colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
        has_error_ = true;
        error_ = {line_at(byte ? byte - 1 : 0), what};
        return false;
    }

private:
    // The line of text_[byte]: lines are counted once, as events come in order.
    size_t line_at(size_t byte) {
        byte = std::min(byte, text_.size());
        for (; counted_ < byte; ++counted_)
            if (text_[counted_] == '\n') ++line_;
        for (; counted_ > byte; --counted_)
            if (text_[counted_ - 1] == '\n') --line_;
        return line_;
    }
    // The line of the token just read; a number's end is known only from the
    // character after it, which the lexer has read too.
    size_t line(bool lookahead) {
        size_t end = size_t(reached_ - text_.data());
        if (lookahead && end) --end;
        while (end > 0 && (text_[end - 1] == ' ' || text_[end - 1] == '\t' || text_[end - 1] == '\r' || text_[end - 1] == '\n')) --end;
        return line_at(end ? end - 1 : 0);
    }
    bool place(DataValue&& v) {
        if (stack_.empty()) {
            root_ = std::move(v);
            last_ = &root_;
        } else if (stack_.back()->kind == DataValue::Kind::List) {
            stack_.back()->items.push_back(std::move(v));
            last_ = &stack_.back()->items.back();
        } else {
            stack_.back()->entries.emplace_back(std::move(key_), std::move(v));
            last_ = &stack_.back()->entries.back().second;
        }
        return true;
    }
    bool add(DataValue::Kind kind, std::string text, bool lookahead) {
        const size_t at = line(lookahead);
        if (!budget_.value(at, stack_.size() + 1, false) || !budget_.text(at, text.size())) return false;
        DataValue v;
        v.kind = kind, v.text = std::move(text), v.line = at;
        return place(std::move(v));
    }
    bool open(DataValue::Kind kind) {
        const size_t at = line(false);
        if (!budget_.value(at, stack_.size() + 1, true)) return false;
        DataValue v;
        v.kind = kind, v.line = at;
        place(std::move(v));
        // a container stays the last of its parent until it closes: the pointer holds
        stack_.push_back(last_);
        return true;
    }
    std::string_view text_;
    const char* reached_;
    Budget& budget_;
    DataValue root_;
    std::vector<DataValue*> stack_;  // the open containers, innermost last
    DataValue* last_ = nullptr;
    std::string key_;
    size_t counted_ = 0, line_ = 1;
    bool has_error_ = false;
    DataError error_;
};

size_t line_count(std::string_view text) { return 1 + size_t(std::count(text.begin(), text.end(), '\n')); }

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

namespace {

// Where yaml-cpp 0.7 is more lenient than Hugo's go-yaml, found before
// yaml-cpp sees the text (one pass, forward only; memory: the open flow
// collections). Each case is one Hugo 0.111.3 refuses: yaml-cpp reads an
// unterminated quoted string to the end of the text (the keys after it
// become its words), and takes tabs after "-" or "?" and control
// characters; for an unterminated "[" or "{" and for tabs in the
// indentation it has an error too, but at the wrong line or with a message
// that does not say what is wrong. The reading is an approximation of
// YAML's where it must be: when it cannot tell, it says nothing and leaves
// the text to yaml-cpp (a plain scalar that may go on over the next line,
// a block scalar's lines).
std::optional<DataError> yaml_check_before_parse(std::string_view text) {
    const size_t n = text.size();
    // Characters YAML does not allow anywhere, comments included (go-yaml:
    // "control characters are not allowed"); its NEL (U+0085) is a line
    // break to go-yaml and is left to yaml-cpp.
    {
        size_t line = 1;
        for (size_t i = 0; i < n;) {
            const unsigned char b = static_cast<unsigned char>(text[i]);
            if (b == '\n') ++line;
            if (b >= 0x20 && b < 0x7F) {
                ++i;
                continue;
            }
            unsigned cp = 0;
            if (!utf8_next(text, i, cp)) return DataError{line, "not valid UTF-8: save the file as UTF-8"};
            const bool allowed = cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x85 || (cp >= 0xA0 && cp <= 0xD7FF) ||
                                 (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
            if (!allowed) {
                char hex[16];
                std::snprintf(hex, sizeof hex, "U+%04X", cp);
                return DataError{line, std::string("a control character (") + hex + ") that YAML does not allow"};
            }
        }
    }
    const std::string tab_indent = "a tab in the indentation: YAML indents with spaces only";
    struct Open {
        char kind;  // '[' or '{'
        size_t line;
    };
    std::vector<Open> flow;
    size_t line = 1, i = 0;
    bool plain = false;        // a plain scalar in block context may go on over the next line
    size_t plain_indent = 0;   // the indentation of the line it started on
    bool block_scalar = false; // the lines after a "|" or ">" header
    bool block_explicit = false;
    size_t block_parent = 0, block_indent = 0;  // 0: not known yet
    bool content = false;      // a document has begun: a marker after it ends the scan
    bool explicit_key = false; // a block "?" waits for its ":"
    auto at = [&](size_t k, char c) { return k < n && text[k] == c; };
    auto blank = [&](size_t k) { return k >= n || text[k] == ' ' || text[k] == '\t' || text[k] == '\n' || text[k] == '\r'; };
    auto flow_indicator = [&](size_t k) {
        return k < n && (text[k] == ',' || text[k] == '[' || text[k] == ']' || text[k] == '{' || text[k] == '}');
    };
    auto end_of_line = [&](size_t k) { return k >= n || text[k] == '\n' || (text[k] == '\r' && (k + 1 >= n || text[k + 1] == '\n')); };
    // "---" or "..." at the start of the line at k, alone or before a blank.
    auto marker = [&](size_t k) {
        return k + 3 <= n && (text.compare(k, 3, "---") == 0 || text.compare(k, 3, "...") == 0) && blank(k + 3);
    };
    auto unclosed = [&](const Open& o) {
        return DataError{o.line, o.kind == '[' ? "unterminated list: the \"[\" on this line is never closed"
                                               : "unterminated map: the \"{\" on this line is never closed"};
    };
    // Skips the quoted scalar opening at i; an error when it never ends.
    auto skip_quoted = [&](size_t& k) -> std::optional<DataError> {
        const char q = text[k];
        const size_t opened = line;
        const std::string what = std::string("unterminated quoted string: the ") + (q == '"' ? "double" : "single") +
                                 " quote on this line is never closed";
        for (++k; k < n; ++k) {
            const char c = text[k];
            if (c == '\\' && q == '"') {
                if (k + 1 < n && text[k + 1] == '\n') ++line;
                ++k;
                continue;
            }
            if (c == q) {
                if (q == '\'' && at(k + 1, '\'')) {  // '' is a quote inside
                    ++k;
                    continue;
                }
                ++k;
                return std::nullopt;
            }
            if (c == '\n') {
                ++line;
                if (marker(k + 1)) return DataError{opened, what + " (a \"---\" or \"...\" line ends the document)"};
            }
        }
        return DataError{opened, what};
    };
    while (i < n) {
        // One line: its indentation first.
        const size_t line_start = i;
        size_t spaces = 0;
        while (i < n && text[i] == ' ') ++i, ++spaces;
        if (block_scalar) {
            const bool tab = at(i, '\t');
            if (!block_explicit && tab && (block_indent == 0 || spaces < block_indent))
                return DataError{line, tab_indent};
            const bool empty = end_of_line(i) || (tab && block_explicit);
            if (empty || (block_indent ? spaces >= block_indent : spaces > block_parent)) {
                if (!empty && !block_indent && !block_explicit) block_indent = spaces;
                while (i < n && text[i] != '\n') ++i;
                if (i < n) ++i, ++line;
                continue;
            }
            block_scalar = false;
        }
        if (flow.empty()) {
            if (spaces == 0 && marker(i)) {
                if (content || text[i] == '.') return std::nullopt;  // the rest is another document: not read
                i += 3;
            }
            // A tab among the spaces before anything on the line: go-yaml
            // refuses it, but where a plain scalar may go on (its
            // continuation line may start with blanks) only at column 0.
            size_t k = i;
            while (k < n && (text[k] == ' ' || text[k] == '\t')) ++k;
            const bool has_tab = std::find(text.begin() + line_start, text.begin() + k, '\t') != text.begin() + k;
            const bool continues = plain && !end_of_line(k) && text[k] != '#' && k - line_start > plain_indent;
            if (has_tab && !(plain && text[line_start] != '\t')) return DataError{line, tab_indent};
            if (!end_of_line(k) && !continues) plain = false;
            if (!end_of_line(k) && text[k] == '#') plain = false;
            i = k;
            if (continues) {
                // the plain scalar's next words, up to ": " or " #"
                while (i < n && text[i] != '\n') {
                    if (text[i] == ':' && blank(i + 1)) break;
                    if (text[i] == '#' && (text[i - 1] == ' ' || text[i - 1] == '\t')) break;
                    ++i;
                }
            }
        }
        // The rest of the line, token by token.
        bool token_start = !plain;
        bool after_entry = false;  // just after a block "-" or "?" (`entry`): no tab may follow
        char entry = '-';
        bool first_token = true;   // nothing before on this line (a plain scalar there may belong to a less indented parent)
        bool after_quoted = false;
        const size_t indent = spaces;
        if (plain) first_token = false;  // the line goes on a plain scalar: a ":" on it follows its words
        while (i < n && text[i] != '\n') {
            const char c = text[i];
            if (c == ' ' || c == '\r') {
                ++i;
                continue;
            }
            if (c == '\t') {
                if (after_entry) return DataError{line, std::string("a tab after \"") + entry + "\": YAML indents with spaces only"};
                ++i;
                continue;
            }
            if (c == '#' && (i == line_start || text[i - 1] == ' ' || text[i - 1] == '\t')) {
                if (flow.empty()) plain = false;
                while (i < n && text[i] != '\n') ++i;
                break;
            }
            content = true;
            after_entry = false;
            const bool in_flow = !flow.empty();
            if (in_flow && (c == ',' || c == '[' || c == '{')) {
                if (c != ',') flow.push_back({c, line});
                ++i, token_start = true, after_quoted = false, plain = false;
                continue;
            }
            if (in_flow && (c == ']' || c == '}')) {
                if (flow.back().kind != (c == ']' ? '[' : '{')) return std::nullopt;  // mismatched: yaml-cpp says so
                flow.pop_back();
                ++i, token_start = false, after_quoted = false, plain = false;
                continue;
            }
            if (c == ':' && (blank(i + 1) || after_quoted || (in_flow && flow_indicator(i + 1)))) {
                if (!in_flow && first_token && !explicit_key)  // yaml-cpp reads a null key and the value is lost
                    return DataError{line, "a value without a key: the line starts with \":\""};
                if (!in_flow && first_token) explicit_key = false;
                ++i, token_start = true, after_quoted = false, plain = false, first_token = false;
                continue;
            }
            if (!token_start) {
                ++i;
                continue;
            }
            if (c == '"' || c == '\'') {
                if (auto e = skip_quoted(i)) return e;
                token_start = false, after_quoted = true, plain = false, first_token = false;
                continue;
            }
            after_quoted = false;
            if (c == '[' || c == '{') {
                flow.push_back({c, line});
                ++i, first_token = false;
                continue;
            }
            if (c == '&' || c == '!') {  // an anchor or a tag: a value may follow
                while (i < n && !blank(i) && !(in_flow && flow_indicator(i))) ++i;
                continue;
            }
            if (!in_flow && (c == '-' || c == '?') && blank(i + 1)) {
                ++i, after_entry = true, entry = c, first_token = false;
                if (c == '?') explicit_key = true;
                continue;
            }
            if (!in_flow && (c == '|' || c == '>')) {  // a block scalar's header; its lines follow
                block_scalar = true, block_explicit = false, block_parent = indent, block_indent = 0;
                for (++i; i < n && text[i] != '\n' && text[i] != ' ' && text[i] != '\t'; ++i)
                    if (text[i] >= '1' && text[i] <= '9') block_explicit = true;
                while (i < n && text[i] != '\n') ++i;
                break;
            }
            // a plain scalar: its characters are its own up to ": " or " #"
            token_start = false, plain = true;
            plain_indent = first_token ? 0 : indent;
            first_token = false;
            ++i;
        }
        if (i < n) ++i, ++line;
    }
    if (!flow.empty()) return unclosed(flow.back());
    return std::nullopt;
}

DataParse parse_yaml(std::string_view text, Budget& budget) {
    DataParse out;
    if (auto e = yaml_check_before_parse(text)) {
        out.error = *e;
        return out;
    }
    try {
        YAML::Node root = YAML::Load(std::string(text));
        if (root.IsNull()) {
            out.value.kind = DataValue::Kind::Map;
            out.ok = true;
            return out;
        }
        // More values than the text has bytes, or more text than it has
        // (escapes grow at most 3 bytes from 2): only aliases do that.
        budget.values_need_aliases = text.size() < DataLimits::kMaxValues;
        budget.text_needs_aliases = true;
        out.value = from_yaml(root, 1, budget);
    } catch (const YAML::DeepRecursion& e) {
        out.error = {size_t(e.mark.line < 0 ? 0 : e.mark.line) + 1, too_deep()};
        return out;
    } catch (const YAML::Exception& e) {
        out.error = {size_t(e.mark.line < 0 ? 0 : e.mark.line) + 1, e.msg};
        return out;
    }
    out.ok = true;
    return out;
}

DataParse parse_toml(std::string_view text, Budget& budget) {
    DataParse out;
    std::optional<DataError> hint;
    if (auto e = toml_check_before_parse(text, hint)) {
        out.error = *e;
        return out;
    }
    toml::parse_result r = toml::parse(text);
    if (!r) {
        out.error = {r.error().source().begin.line ? size_t(r.error().source().begin.line) : 1,
                     std::string(r.error().description())};
        if (hint && hint->line <= out.error.line) out.error = *hint;
        return out;
    }
    out.value = from_toml(r.table(), 1, budget);
    if (!out.value.line) out.value.line = 1;
    out.ok = true;
    return out;
}

DataParse parse_json(std::string_view text, Budget& budget) {
    DataParse out;
    JsonBuilder builder(text, budget);
    const TrackedChar first{text.data(), builder.reached()}, last{text.data() + text.size(), builder.reached()};
    if (!nlohmann::json::sax_parse(first, last, &builder)) {
        if (builder.has_error()) out.error = builder.error();
        else if (!budget.failed) out.error = {1, "not JSON"};
        return out;
    }
    out.value = std::move(builder.root());
    out.ok = true;
    return out;
}

}  // namespace

DataParse data_parse(std::string_view text, DataFormat format) {
    DataParse out;
    Budget budget;
    budget.text_budget = budget.text_left = DataLimits::max_text_bytes(text.size());
    try {
        switch (format) {
            case DataFormat::Yaml: out = parse_yaml(text, budget); break;
            case DataFormat::Toml: out = parse_toml(text, budget); break;
            case DataFormat::Json: out = parse_json(text, budget); break;
        }
    } catch (const std::bad_alloc&) {
        out = {};
        out.error = {1, "out of memory"};
    } catch (const std::exception& e) {
        out = {};
        out.error = {1, e.what()};
    }
    if (budget.failed) {
        out.ok = false;
        out.value = {};
        out.error = budget.error;
    }
    if (out.ok && out.value.kind != DataValue::Kind::Map) {
        out.ok = false;
        out.error = {out.value.line ? out.value.line : 1, "expected a map of keys and values, got " + data_kind_name(out.value)};
    }
    // a library's mark may sit past the last line (at the end of the text)
    out.error.line = std::max<size_t>(1, std::min(out.error.line, line_count(text)));
    return out;
}

}  // namespace blog::tool
