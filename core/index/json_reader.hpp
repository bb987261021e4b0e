// A JSON reader written for index.json: RFC 8259 text (one value, an
// optional UTF-8 BOM, whitespace around it, nothing after it) read in one
// pass as events to a handler, without a tree and without recursion (the
// containers open are a stack of bytes, at most kJsonMaxDepth deep).
//
// It takes what nlohmann's SAX parser took, and says where and why as it
// did: the same line and column (bytes from the line's start, the byte that
// failed included; the end of the text counts as one byte) and the same
// text for a syntax error ("syntax error while parsing object key -
// unexpected ','; expected string literal"), so that messages did not
// change when it replaced nlohmann in the index. Also as nlohmann: a NUL byte
// outside a string ends the text; "\u" escapes must pair surrogates. Its
// own: a number beyond a double's range names its real line and column, and
// containers nested deeper than kJsonMaxDepth fail with a message.
//
// Numbers are not converted to double (no strtod): an integer that fits 64
// bits is given as one; anything else as its text (json_number_text shows it
// the way nlohmann's dump() wrote the double).
//
// The text must be valid UTF-8 (index_parse repairs it first): bytes of 0x80
// and over are copied into strings unchecked.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace blog {

// Containers (arrays and objects) inside one another; more fails the text.
inline constexpr size_t kJsonMaxDepth = 1000000;

// A number as written.
struct JsonNumber {
    enum Kind : unsigned char {
        Integer,   // negative (or -0), fits a long long: `integer`
        Unsigned,  // non-negative, fits an unsigned long long: `unsigned_integer`
        Float,     // a fraction, an exponent, or an integer too large: only `text`
    };
    Kind kind = Unsigned;
    long long integer = 0;
    unsigned long long unsigned_integer = 0;
    std::string_view text;  // the literal, a view of the reader's input
};

// The number as nlohmann's dump() wrote the double it parsed: integers in
// full; a Float's shortest digits, "100.0", "1.5", "0.0001", "1e-05",
// "1.2345e+300", "-0.0". Exact for up to 15 significant digits in a
// double's normal range; a longer Float is rounded to 17 digits (the double's
// own shortest form may be shorter).
std::string json_number_text(const JsonNumber& number);

// Where and why a text is not JSON.
struct JsonSyntaxError {
    size_t line = 0;    // 1-based
    size_t column = 0;  // bytes read on the line, the failing one included
    std::string message;
};

// The tokens of the text, one at a time. `string()` and `number()` are
// valid until the next call of next().
class JsonLexer {
public:
    enum Token : unsigned char {
        BeginArray, EndArray, BeginObject, EndObject, NameSeparator, ValueSeparator,
        String, Number, True, False, Null, End, Error,
    };

    explicit JsonLexer(std::string_view text) : text_(text) {}

    Token next();
    std::string_view string() const { return string_; }
    const JsonNumber& number() const { return number_; }
    // The last Number token is a Float beyond a double's range (nlohmann: "number overflow").
    bool number_overflows() const;

    // The error for token `last` where `expected` (a token's name, or
    // nullptr) was, in `context` ("object key"): nlohmann's wording.
    JsonSyntaxError syntax_error(Token last, const char* expected, const char* context) const;
    JsonSyntaxError overflow_error() const;
    JsonSyntaxError depth_error() const;

private:
    Token fail(const char* why, size_t at);
    Token scan_string();
    Token scan_number();
    Token scan_literal(const char* word, size_t length, Token token);
    JsonSyntaxError error_at(std::string message) const;

    std::string_view text_;
    size_t pos_ = 0;          // the next byte to read
    size_t consumed_ = 0;     // bytes read by the last token (the end counts as one)
    size_t token_start_ = 0;  // where nlohmann's "last read" starts: the last string or number
    const char* why_ = nullptr;  // Error: the lexical error
    std::string why_text_;       // its text, when made for the input
    bool newline_after_number_ = false;  // the last token: a number, and a newline after it
    std::string_view string_;
    std::string buffer_;      // a string with escapes, unescaped
    JsonNumber number_;
};

// The names syntax errors use for what was expected.
inline constexpr const char* kJsonExpectValue = "'[', '{', or a literal";

// Reads `text`, calling the handler's null(), boolean(bool),
// number(const JsonNumber&), string(std::string_view), key(std::string_view),
// start_object(), end_object(), start_array(), end_array() (a view is valid
// during the call only). false with `error` set when the text is not JSON;
// the events before the error were given.
template <class Handler>
bool json_read(std::string_view text, Handler& handler, JsonSyntaxError& error) {
    using T = JsonLexer::Token;
    JsonLexer lex(text);
    std::vector<unsigned char> open;  // the containers open: 1 an array, 0 an object
    const auto fail = [&](T last, const char* expected, const char* context) {
        error = lex.syntax_error(last, expected, context);
        return false;
    };
    T token = lex.next();
    for (;;) {
        switch (token) {  // a value
            case T::BeginObject:
                if (open.size() >= kJsonMaxDepth) return error = lex.depth_error(), false;
                handler.start_object();
                if ((token = lex.next()) == T::EndObject) {
                    handler.end_object();
                    break;
                }
                if (token != T::String) return fail(token, "string literal", "object key");
                handler.key(lex.string());
                if ((token = lex.next()) != T::NameSeparator) return fail(token, "':'", "object separator");
                open.push_back(0);
                token = lex.next();
                continue;
            case T::BeginArray:
                if (open.size() >= kJsonMaxDepth) return error = lex.depth_error(), false;
                handler.start_array();
                if ((token = lex.next()) == T::EndArray) {
                    handler.end_array();
                    break;
                }
                open.push_back(1);
                continue;
            case T::String: handler.string(lex.string()); break;
            case T::Number:
                if (lex.number().kind == JsonNumber::Float && lex.number_overflows())
                    return error = lex.overflow_error(), false;
                handler.number(lex.number());
                break;
            case T::True: handler.boolean(true); break;
            case T::False: handler.boolean(false); break;
            case T::Null: handler.null(); break;
            case T::Error: return fail(token, nullptr, "value");
            default: return fail(token, kJsonExpectValue, "value");  // End too, an empty text's included
        }
        // A value was read: what follows it in its container.
        for (;;) {
            if (open.empty()) {
                token = lex.next();
                return token == T::End || fail(token, "end of input", "value");
            }
            token = lex.next();
            if (open.back()) {
                if (token == T::ValueSeparator) break;
                if (token != T::EndArray) return fail(token, "']'", "array");
                handler.end_array();
                open.pop_back();
                continue;
            }
            if (token == T::ValueSeparator) {
                if ((token = lex.next()) != T::String) return fail(token, "string literal", "object key");
                handler.key(lex.string());
                if ((token = lex.next()) != T::NameSeparator) return fail(token, "':'", "object separator");
                break;
            }
            if (token != T::EndObject) return fail(token, "'}'", "object");
            handler.end_object();
            open.pop_back();
        }
        token = lex.next();
    }
}

}  // namespace blog
