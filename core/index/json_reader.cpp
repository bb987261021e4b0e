#include "core/index/json_reader.hpp"

#include "core/util/utf8.hpp"

#include <cstring>

namespace blog {

namespace {

bool is_digit(int c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string decimal(unsigned long long v) {
    char buf[24];
    char* p = buf + sizeof buf;
    do *--p = char('0' + v % 10);
    while (v /= 10);
    return std::string(p, buf + sizeof buf - p);
}

// Control characters' names, as nlohmann's messages give them.
constexpr const char* kControlNames[32] = {
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
    "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"};

// "U+000A" for a byte under 0x20.
std::string control_code(unsigned char c) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    return std::string("U+00") + kHex[c >> 4] + kHex[c & 15];
}

// A Float's value as 0.DIGITS × 10^exponent: significant digits without
// leading or trailing zeros (none: zero).
struct Decimal {
    bool negative = false;
    std::string digits;
    long long exponent = 0;
};

Decimal decimal_of(std::string_view t) {
    Decimal d;
    size_t i = 0;
    if (i < t.size() && t[i] == '-') d.negative = true, ++i;
    long long point = 0;  // where the decimal point is, after the significant digits' start
    bool fraction = false;
    for (; i < t.size(); ++i) {
        const char c = t[i];
        if (c == '.') {
            fraction = true;
            continue;
        }
        if (!is_digit(c)) break;
        if (d.digits.empty() && c == '0') {  // a leading zero
            if (fraction) --point;
            continue;
        }
        d.digits += c;
        if (!fraction) ++point;
    }
    long long e = 0;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        const bool minus = i < t.size() && t[i] == '-';
        if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
        for (; i < t.size() && is_digit(t[i]); ++i)
            if (e < 1000000000) e = e * 10 + (t[i] - '0');  // far beyond any double: saturated
        if (minus) e = -e;
    }
    while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
    d.exponent = point + e;
    return d;
}

// 0.DIGITS compared with 0.BOUND (digit strings, the shorter padded with zeros).
int compare_digits(std::string_view digits, std::string_view bound) {
    for (size_t i = 0; i < digits.size() || i < bound.size(); ++i) {
        const char a = i < digits.size() ? digits[i] : '0', b = i < bound.size() ? bound[i] : '0';
        if (a != b) return a < b ? -1 : 1;
    }
    return 0;
}

// The smallest value that rounds to infinity (2^1024 - 2^970, halfway past
// the largest double; the tie rounds to even, up) as 0.DIGITS × 10^309.
constexpr std::string_view kOverflowDigits =
    "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692"
    "887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842"
    "914819860834936475292719074168444365510704342711559699508093042880177904174497792";
constexpr long long kOverflowExponent = 309;
// Half the smallest subnormal (2^-1075; smaller rounds to zero) as 0.DIGITS × 10^-323, its first digits.
constexpr std::string_view kUnderflowDigits = "2470328229206232720882843964341106861825";
constexpr long long kUnderflowExponent = -323;

}  // namespace

bool JsonLexer::number_overflows() const {
    const Decimal d = decimal_of(number_.text);
    if (d.digits.empty() || d.exponent < kOverflowExponent) return false;
    return d.exponent > kOverflowExponent || compare_digits(d.digits, kOverflowDigits) >= 0;
}

std::string json_number_text(const JsonNumber& number) {
    if (number.kind == JsonNumber::Integer)
        return number.integer < 0 ? "-" + decimal(0ULL - static_cast<unsigned long long>(number.integer)) : decimal(number.integer);
    if (number.kind == JsonNumber::Unsigned) return decimal(number.unsigned_integer);
    Decimal d = decimal_of(number.text);
    const std::string sign = d.negative ? "-" : "";
    if (d.digits.empty() || d.exponent < kUnderflowExponent ||
        (d.exponent == kUnderflowExponent && compare_digits(d.digits, kUnderflowDigits) <= 0))
        return sign + "0.0";
    if (d.digits.size() > 17) {  // 17 digits tell any two doubles apart
        const bool up = d.digits[17] >= '5';
        d.digits.resize(17);
        if (up) {
            size_t i = 17;
            while (i > 0 && d.digits[i - 1] == '9') d.digits[--i] = '0';
            if (i == 0) d.digits.insert(d.digits.begin(), '1'), ++d.exponent;
            else ++d.digits[i - 1];
        }
        while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
    }
    // nlohmann's layout (its format_buffer, kMinExp -4, kMaxExp 15): digits
    // k, decimal point after n of them.
    const std::string& s = d.digits;
    const long long k = static_cast<long long>(s.size()), n = d.exponent;
    if (k <= n && n <= 15) return sign + s + std::string(size_t(n - k), '0') + ".0";
    if (0 < n && n <= 15) return sign + s.substr(0, size_t(n)) + "." + s.substr(size_t(n));
    if (-4 < n && n <= 0) return sign + "0." + std::string(size_t(-n), '0') + s;
    std::string out = sign + s[0];
    if (k > 1) out += "." + s.substr(1);
    const long long e = n - 1;
    out += e < 0 ? "e-" : "e+";
    const std::string digits = decimal(static_cast<unsigned long long>(e < 0 ? -e : e));
    return out + (digits.size() < 2 ? "0" : "") + digits;
}

JsonLexer::Token JsonLexer::fail(const char* why, size_t at) {
    why_ = why;
    consumed_ = at < text_.size() ? at + 1 : text_.size() + 1;
    return Error;
}

JsonLexer::Token JsonLexer::next() {
    newline_after_number_ = false;
    const size_t n = text_.size();
    const char* s = text_.data();
    if (pos_ == 0 && n > 0 && static_cast<unsigned char>(s[0]) == 0xEF) {  // a BOM, once
        for (size_t i = 1; i < 3; ++i)
            if (i >= n || static_cast<unsigned char>(s[i]) != (i == 1 ? 0xBB : 0xBF))
                return fail("invalid BOM; must be 0xEF 0xBB 0xBF if given", i);
        pos_ = 3;
    }
    while (pos_ < n && (s[pos_] == ' ' || s[pos_] == '\n' || s[pos_] == '\r' || s[pos_] == '\t')) ++pos_;
    if (pos_ >= n) {
        consumed_ = n + 1;
        return End;
    }
    const char c = s[pos_];
    Token single;
    switch (c) {
        case '{': single = BeginObject; break;
        case '}': single = EndObject; break;
        case '[': single = BeginArray; break;
        case ']': single = EndArray; break;
        case ':': single = NameSeparator; break;
        case ',': single = ValueSeparator; break;
        case '"': return scan_string();
        case 't': return scan_literal("true", 4, True);
        case 'f': return scan_literal("false", 5, False);
        case 'n': return scan_literal("null", 4, Null);
        case '\0': consumed_ = pos_ + 1; return End;  // as nlohmann: NUL ends the text
        default:
            if (c == '-' || is_digit(c)) return scan_number();
            return fail("invalid literal", pos_);
    }
    consumed_ = ++pos_;
    return single;
}

JsonLexer::Token JsonLexer::scan_literal(const char* word, size_t length, Token token) {
    for (size_t i = 1; i < length; ++i)
        if (pos_ + i >= text_.size() || text_[pos_ + i] != word[i]) return fail("invalid literal", pos_ + i);
    consumed_ = pos_ += length;
    return token;
}

JsonLexer::Token JsonLexer::scan_string() {
    const size_t n = text_.size();
    const char* s = text_.data();
    token_start_ = pos_;
    size_t i = pos_ + 1;
    const size_t begin = i;
    bool escaped = false;
    for (;;) {
        // The plain run: bytes copied as they are.
        size_t run = i;
        while (run < n) {
            const unsigned char b = static_cast<unsigned char>(s[run]);
            if (b == '"' || b == '\\' || b < 0x20) break;
            ++run;
        }
        if (escaped) buffer_.append(s + i, run - i);
        i = run;
        if (i >= n) return fail("invalid string: missing closing quote", i);
        const unsigned char b = static_cast<unsigned char>(s[i]);
        if (b == '"') break;
        if (b < 0x20) {
            // nlohmann's "invalid string: control character U+000A (LF) must be escaped to \u000A or \n".
            const std::string code = control_code(b);
            std::string& why = why_text_;
            why = "invalid string: control character " + code + " (" + kControlNames[b] + ") must be escaped to \\u" +
                  code.substr(2);
            const char* named = b == 8 ? "b" : b == 9 ? "t" : b == 10 ? "n" : b == 12 ? "f" : b == 13 ? "r" : nullptr;
            if (named) why += std::string(" or \\") + named;
            return fail(why.c_str(), i);
        }
        if (!escaped) {
            buffer_.assign(s + begin, i - begin);
            escaped = true;
        }
        if (++i >= n) return fail("invalid string: forbidden character after backslash", i);
        switch (s[i]) {
            case '"': buffer_ += '"'; break;
            case '\\': buffer_ += '\\'; break;
            case '/': buffer_ += '/'; break;
            case 'b': buffer_ += '\b'; break;
            case 'f': buffer_ += '\f'; break;
            case 'n': buffer_ += '\n'; break;
            case 'r': buffer_ += '\r'; break;
            case 't': buffer_ += '\t'; break;
            case 'u': {
                const auto hex4 = [&](size_t at, unsigned& out) -> size_t {  // 0, or where a non-hex digit is
                    out = 0;
                    for (size_t k = 0; k < 4; ++k) {
                        const int h = at + k < n ? hex_value(s[at + k]) : -1;
                        if (h < 0) return at + k;
                        out = out * 16 + unsigned(h);
                    }
                    return 0;
                };
                unsigned cp = 0;
                if (size_t bad = hex4(i + 1, cp)) return fail("invalid string: '\\u' must be followed by 4 hex digits", bad);
                i += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    const char* unpaired = "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF";
                    if (i + 1 >= n || s[i + 1] != '\\') return fail(unpaired, i + 1);
                    if (i + 2 >= n || s[i + 2] != 'u') return fail(unpaired, i + 2);
                    unsigned low = 0;
                    if (size_t bad = hex4(i + 3, low)) return fail("invalid string: '\\u' must be followed by 4 hex digits", bad);
                    i += 6;
                    if (low < 0xDC00 || low > 0xDFFF) return fail(unpaired, i);
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return fail("invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF", i);
                }
                if (cp == 0) buffer_ += '\0';  // a JSON string keeps "\u0000" (utf8_append writes U+FFFD)
                else utf8_append(buffer_, cp);
                break;
            }
            default: return fail("invalid string: forbidden character after backslash", i);
        }
        ++i;
    }
    string_ = escaped ? std::string_view(buffer_) : text_.substr(begin, i - begin);
    consumed_ = pos_ = i + 1;
    return String;
}

JsonLexer::Token JsonLexer::scan_number() {
    const size_t n = text_.size();
    const char* s = text_.data();
    token_start_ = pos_;
    size_t i = pos_;
    const bool negative = s[i] == '-';
    if (negative && (++i >= n || !is_digit(s[i]))) return fail("invalid number; expected digit after '-'", i);
    // The integer part: at most one leading zero ("01" is 0, then 1).
    unsigned long long value = 0;
    bool fits = true;
    if (s[i] == '0') {
        ++i;
    } else {
        for (; i < n && is_digit(s[i]); ++i) {
            const unsigned d = unsigned(s[i] - '0');
            if (value > (~0ULL - d) / 10) fits = false;
            else value = value * 10 + d;
        }
    }
    bool is_float = false;
    if (i < n && s[i] == '.') {
        is_float = true;
        if (++i >= n || !is_digit(s[i])) return fail("invalid number; expected digit after '.'", i);
        while (i < n && is_digit(s[i])) ++i;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        is_float = true;
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) {
            if (++i >= n || !is_digit(s[i])) return fail("invalid number; expected digit after exponent sign", i);
        } else if (i >= n || !is_digit(s[i])) {
            return fail("invalid number; expected '+', '-', or digit after exponent", i);
        }
        while (i < n && is_digit(s[i])) ++i;
    }
    number_.text = text_.substr(pos_, i - pos_);
    if (!is_float && fits && negative && value <= (1ULL << 63)) {
        number_.kind = JsonNumber::Integer;
        number_.integer = value == (1ULL << 63) ? static_cast<long long>(-0x7FFFFFFFFFFFFFFFLL - 1) : -static_cast<long long>(value);
    } else if (!is_float && fits && !negative) {
        number_.kind = JsonNumber::Unsigned;
        number_.unsigned_integer = value;
    } else {
        number_.kind = JsonNumber::Float;
    }
    consumed_ = pos_ = i;
    // nlohmann read the byte after the number and put it back; a newline
    // put back left its column at 0.
    newline_after_number_ = i < n && s[i] == '\n';
    return Number;
}

JsonSyntaxError JsonLexer::error_at(std::string message) const {
    // Line and column after `consumed_` bytes, as nlohmann counts them: a
    // newline read starts the next line at column 0.
    const size_t read = consumed_ < text_.size() ? consumed_ : text_.size();
    JsonSyntaxError e;
    e.line = 1;
    size_t line_start = 0;
    for (const char* p = text_.data(); (p = static_cast<const char*>(std::memchr(p, '\n', text_.data() + read - p)));) {
        ++e.line;
        line_start = size_t(++p - text_.data());
    }
    e.column = newline_after_number_ ? 0 : consumed_ - line_start;
    e.message = std::move(message);
    return e;
}

JsonSyntaxError JsonLexer::syntax_error(Token last, const char* expected, const char* context) const {
    static constexpr const char* kNames[] = {"'['", "']'", "'{'", "'}'", "':'", "','", "string literal", "number literal",
                                             "true literal", "false literal", "null literal", "end of input", "<parse error>"};
    std::string m = std::string("syntax error while parsing ") + context + " - ";
    if (last == Error) {
        // "; last read: '...'": what was read since the last string or number
        // began, control characters as <U+000A>.
        m += why_;
        m += "; last read: '";
        const size_t end = consumed_ < text_.size() ? consumed_ : text_.size();
        for (size_t i = token_start_; i < end; ++i) {
            const unsigned char b = static_cast<unsigned char>(text_[i]);
            if (b < 0x20) m += "<" + control_code(b) + ">";
            else m += char(b);
        }
        m += "'";
    } else {
        m += std::string("unexpected ") + kNames[last];
    }
    if (expected) m += std::string("; expected ") + expected;
    return error_at(std::move(m));
}

JsonSyntaxError JsonLexer::overflow_error() const {
    return error_at("number overflow parsing '" + std::string(number_.text) + "'");
}

JsonSyntaxError JsonLexer::depth_error() const {
    return error_at("syntax error while parsing value - more than " + decimal(kJsonMaxDepth) +
                    " arrays and objects inside one another");
}

}  // namespace blog
