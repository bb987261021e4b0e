#include "core/markdown/code_block.hpp"

#include <algorithm>
#include <cmath>

namespace blog {

namespace {

// Numbers are kept within this magnitude: far past any line a post has, and
// no overflow when a block's line count is added to one.
constexpr int64_t kNumberLimit = int64_t(1) << 50;

int64_t clamp_number(double v) {
    if (!(v == v)) return 0;  // NaN
    if (v > double(kNumberLimit)) return kNumberLimit;
    if (v < -double(kNumberLimit)) return -kNumberLimit;
    return int64_t(v);  // toward zero, as Go's int(float64)
}

// Go's strconv.Atoi on a whole string: an optional sign, then digits only.
bool parse_int(std::string_view s, int64_t& out) {
    size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    if (i == s.size()) return false;
    int64_t v = 0;
    for (; i < s.size(); ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = std::min(v * 10 + (s[i] - '0'), kNumberLimit);
    }
    out = negative ? -v : v;
    return true;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '.' || c == '-'; }
bool is_ascii_punct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

// A goldmark attribute value; only what the options read is kept.
struct Value {
    enum class Kind { Number, String, Bool, Null, Array, Object };
    Kind kind = Kind::Null;
    double number = 0;
    bool boolean = false;
    std::string text;
    std::vector<Value> items;  // Array (at most kMaxRanges kept)
};

// goldmark's attribute syntax (parser/attribute.go, v1.5): {name=value,
// #id, .class ...}; a value is a number, "string", [array], {object}, true,
// false, null or a bare word. Any error fails the whole list, as there.
class AttributeParser {
public:
    explicit AttributeParser(std::string_view s) : s_(s) {}

    // Calls on(name, value) for each name=value, in order; false when the
    // list does not parse (nothing should then be applied).
    template <class F>
    bool parse_list(F&& on) {
        skip_spaces();
        if (peek() != '{') return false;
        ++i_;
        for (;;) {
            if (peek() == '}') return true;
            std::string_view name;
            Value v;
            if (!parse_attribute(name, v, 0)) return false;
            on(name, v);
            skip_spaces();
            if (peek() == ',') {
                ++i_;
                skip_spaces();
            }
        }
    }

private:
    // Nested arrays and objects deeper than this fail the list (no recursion
    // a hostile info string can drive).
    static constexpr int kMaxDepth = 8;

    int peek() const { return i_ < s_.size() ? static_cast<unsigned char>(s_[i_]) : -1; }
    void skip_spaces() {
        while (i_ < s_.size() && is_space(s_[i_])) ++i_;
    }

    bool parse_attribute(std::string_view& name, Value& v, int depth) {
        skip_spaces();
        if (peek() == '#' || peek() == '.') {
            name = peek() == '#' ? "id" : "class";
            ++i_;
            const size_t b = i_;
            while (i_ < s_.size() && !is_space(s_[i_]) &&
                   (!is_ascii_punct(s_[i_]) || s_[i_] == '_' || s_[i_] == '-' || s_[i_] == ':' || s_[i_] == '.'))
                ++i_;
            v.kind = Value::Kind::String;
            v.text.assign(s_.substr(b, i_ - b));
            return true;
        }
        if (i_ >= s_.size() || !is_name_start(s_[i_])) return false;
        const size_t b = i_;
        while (i_ < s_.size() && is_name_char(s_[i_])) ++i_;
        name = s_.substr(b, i_ - b);
        skip_spaces();
        if (peek() != '=') return false;
        ++i_;
        skip_spaces();
        if (!parse_value(v, depth)) return false;
        return name != "class" || v.kind == Value::Kind::String;
    }

    bool parse_value(Value& v, int depth) {
        skip_spaces();
        const int c = peek();
        if (c < 0) return false;
        if (c == '{') return parse_object(v, depth + 1);
        if (c == '[') return parse_array(v, depth + 1);
        if (c == '"') return parse_string(v);
        if (c == '-' || c == '+' || (c >= '0' && c <= '9')) return parse_number(v);
        return parse_word(v);
    }

    bool parse_object(Value& v, int depth) {
        if (depth > kMaxDepth) return false;
        v.kind = Value::Kind::Object;
        ++i_;
        for (;;) {
            if (peek() == '}') {
                ++i_;
                return true;
            }
            std::string_view name;
            Value inner;
            if (!parse_attribute(name, inner, depth)) return false;
            skip_spaces();
            if (peek() == ',') {
                ++i_;
                skip_spaces();
            }
        }
    }

    bool parse_array(Value& v, int depth) {
        if (depth > kMaxDepth) return false;
        v.kind = Value::Kind::Array;
        ++i_;
        for (bool first = true;; first = false) {
            // goldmark: a comma between items, or only spaces; "[]" is empty,
            // "[1,]" and "[,1]" do not parse.
            if (!first && peek() == ',') ++i_;
            else if (peek() == ']') {
                ++i_;
                return true;
            }
            skip_spaces();
            Value item;
            if (!parse_value(item, depth)) return false;
            if (v.items.size() < CodeBlockInfo::kMaxRanges) v.items.push_back(std::move(item));
            skip_spaces();
        }
    }

    bool parse_string(Value& v) {
        v.kind = Value::Kind::String;
        ++i_;
        while (i_ < s_.size()) {
            const char c = s_[i_];
            if (c == '\\' && i_ + 1 < s_.size()) {
                const char n = s_[i_ + 1];
                switch (n) {
                    case '"': case '/': case '\\': v.text += n; i_ += 2; continue;
                    case 'b': v.text += '\b'; i_ += 2; continue;
                    case 'f': v.text += '\f'; i_ += 2; continue;
                    case 'n': v.text += '\n'; i_ += 2; continue;
                    case 'r': v.text += '\r'; i_ += 2; continue;
                    case 't': v.text += '\t'; i_ += 2; continue;
                    default: v.text += '\\'; ++i_; continue;
                }
            }
            ++i_;
            if (c == '"') return true;
            v.text += c;
        }
        return false;  // never closed
    }

    bool parse_number(Value& v) {
        v.kind = Value::Kind::Number;
        double sign = 1;
        if (peek() == '-' || peek() == '+') sign = s_[i_++] == '-' ? -1 : 1;
        auto digits = [&](double& into) {
            size_t n = 0;
            for (; i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9'; ++i_, ++n)
                into = std::min(into * 10 + (s_[i_] - '0'), 1e300);
            return n;
        };
        double whole = 0;
        if (digits(whole) == 0) return false;
        double fraction = 0, scale = 1;
        if (peek() == '.') {
            ++i_;
            for (; i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9'; ++i_)
                if (scale < 1e300) fraction += (s_[i_] - '0') / (scale *= 10);
        }
        double exponent = 0, exp_sign = 1;
        if (peek() == 'e' || peek() == 'E') {
            ++i_;
            if (peek() == '-' || peek() == '+') exp_sign = s_[i_++] == '-' ? -1 : 1;
            if (digits(exponent) == 0) return false;
        }
        v.number = sign * (whole + fraction) * std::pow(10.0, exp_sign * std::min(exponent, 400.0));
        return true;
    }

    bool parse_word(Value& v) {
        if (i_ >= s_.size() || !is_name_start(s_[i_])) return false;
        const size_t b = i_;
        while (i_ < s_.size() && is_name_char(s_[i_])) ++i_;
        const std::string_view w = s_.substr(b, i_ - b);
        if (w == "true" || w == "false") {
            v.kind = Value::Kind::Bool;
            v.boolean = w == "true";
        } else if (w == "null") {
            v.kind = Value::Kind::Null;
        } else {
            v.kind = Value::Kind::String;
            v.text.assign(w);
        }
        return true;
    }

    std::string_view s_;
    size_t i_ = 0;
};

bool name_is(std::string_view name, std::string_view lower) {
    if (name.size() != lower.size()) return false;
    for (size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z') c = char(c + 32);
        if (c != lower[i]) return false;
    }
    return true;
}

// hl_lines=[2, "4-5"]: each number a line, each "a-b" string a range; other
// items, and strings that are not numbers, are skipped (Hugo's attributes).
std::vector<CodeLineRange> ranges_from_array(const Value& v) {
    std::vector<CodeLineRange> ranges;
    for (const Value& item : v.items) {
        if (item.kind == Value::Kind::Number) {
            const int64_t n = clamp_number(item.number);
            ranges.push_back({n, n});
        } else if (item.kind == Value::Kind::String) {
            const std::string_view s = item.text;
            const size_t dash = s.find('-');
            int64_t first = 0, last = 0;
            if (!parse_int(s.substr(0, dash), first)) continue;
            last = first;
            if (dash != std::string_view::npos) {
                const size_t end = s.find('-', dash + 1);  // "2-4-6": 2 to 4
                if (!parse_int(s.substr(dash + 1, end == std::string_view::npos ? end : end - dash - 1), last))
                    continue;
            }
            ranges.push_back({first, last});
        }
    }
    return ranges;
}

// hl_lines="1 3-5" (or a number): fields separated by spaces, each a line
// or a range; one field that is not a number and nothing is highlighted
// (Hugo's hlLinesToRanges fails whole).
std::vector<CodeLineRange> ranges_from_text(std::string_view s) {
    std::vector<CodeLineRange> ranges;
    for (size_t p = 0; p < s.size();) {
        size_t q = s.find(' ', p);
        if (q == std::string_view::npos) q = s.size();
        std::string_view field = s.substr(p, q - p);
        p = q + 1;
        while (!field.empty() && is_space(field.front())) field.remove_prefix(1);
        while (!field.empty() && is_space(field.back())) field.remove_suffix(1);
        if (field.empty()) continue;
        const size_t dash = field.find('-');
        int64_t first = 0, last = 0;
        if (!parse_int(field.substr(0, dash), first)) return {};
        last = first;
        if (dash != std::string_view::npos) {
            const size_t end = field.find('-', dash + 1);
            if (!parse_int(field.substr(dash + 1, end == std::string_view::npos ? end : end - dash - 1), last))
                return {};
        }
        if (ranges.size() < CodeBlockInfo::kMaxRanges) ranges.push_back({first, last});
    }
    return ranges;
}

// Go's formatting of a float64 when it is a whole number ("2"), else a text
// Atoi rejects: what hl_lines=2 becomes before it is read as lines.
std::string number_text(double v) {
    if (v != std::floor(v) || std::fabs(v) > double(kNumberLimit)) return "x";
    return std::to_string(int64_t(v));
}

}  // namespace

CodeBlockInfo code_block_info(std::string_view info) {
    CodeBlockInfo out;
    // The language: the info string's first word, up to a "{" (goldmark's
    // Language, then Hugo's getLang).
    size_t word_end = 0;
    while (word_end < info.size() && !is_space(info[word_end])) ++word_end;
    out.language = info.substr(0, std::min(word_end, info.find('{')));

    const size_t brace = info.find('{');
    if (brace == std::string_view::npos) return out;

    // Applied only when the whole list parses; the last of a key wins.
    const Value* hl = nullptr;
    const Value* linenos = nullptr;
    const Value* start = nullptr;
    std::vector<std::pair<std::string, Value>> kept;  // the values the options read
    kept.reserve(4);
    AttributeParser parser(info.substr(brace));
    const bool ok = parser.parse_list([&](std::string_view name, Value& v) {
        if (name_is(name, "hl_lines") || name_is(name, "linenos") || name_is(name, "linenostart"))
            kept.emplace_back(std::string(name), std::move(v));
    });
    if (!ok) return out;
    for (const auto& [name, v] : kept) {
        if (name_is(name, "hl_lines")) hl = &v;
        else if (name_is(name, "linenos")) linenos = &v;
        else start = &v;
    }

    if (start) {
        int64_t n = 0;
        if (start->kind == Value::Kind::Number) out.line_number_start = clamp_number(start->number);
        else if (start->kind == Value::Kind::String && parse_int(start->text, n)) out.line_number_start = n;
        else if (start->kind == Value::Kind::Bool) out.line_number_start = start->boolean ? 1 : 0;
    }
    if (linenos) {
        switch (linenos->kind) {
            case Value::Kind::Bool: out.line_numbers = linenos->boolean; break;
            case Value::Kind::Number: out.line_numbers = linenos->number != 0; break;
            case Value::Kind::String: out.line_numbers = linenos->text != "false"; break;  // true, table, inline, ...
            default: break;
        }
    }
    if (hl) {
        switch (hl->kind) {
            case Value::Kind::Array: out.highlighted = ranges_from_array(*hl); break;
            case Value::Kind::String: out.highlighted = ranges_from_text(hl->text); break;
            case Value::Kind::Number: out.highlighted = ranges_from_text(number_text(hl->number)); break;
            default: break;
        }
    }
    return out;
}

CodeLineMarkup::CodeLineMarkup(const CodeBlockInfo& info)
    : ranges_(info.highlighted), numbers_(info.line_numbers), start_(info.line_number_start) {
    ranges_.erase(std::remove_if(ranges_.begin(), ranges_.end(),
                                 [](const CodeLineRange& r) { return r.last < r.first || r.last < 1; }),
                  ranges_.end());
    std::sort(ranges_.begin(), ranges_.end(),
              [](const CodeLineRange& a, const CodeLineRange& b) { return a.first < b.first; });
}

std::string_view CodeLineMarkup::next_line_open() {
    ++line_;
    while (range_ < ranges_.size() && ranges_[range_].last < line_) ++range_;
    const bool hl = range_ < ranges_.size() && ranges_[range_].first <= line_;
    tag_.assign(hl ? "<span class=\"line hl\"" : "<span class=\"line\"");
    if (numbers_) {
        tag_ += " data-n=\"";
        tag_ += std::to_string(start_ + line_ - 1);
        tag_ += '"';
    }
    tag_ += '>';
    return tag_;
}

}  // namespace blog
