#include <catch2/catch.hpp>

#include <string>

#include "core/util/utf8.hpp"

using blog::utf8_next;
using blog::utf8_truncate;

TEST_CASE("utf8: truncating keeps whole characters, never half of one") {
    const std::string cafe = "caf\xc3\xa9";  // "café": é is 2 bytes
    CHECK(utf8_truncate(cafe, 10) == cafe);
    CHECK(utf8_truncate(cafe, 5) == cafe);
    CHECK(utf8_truncate(cafe, 4) == "caf");  // é would be cut: left out
    CHECK(utf8_truncate(cafe, 3) == "caf");
    CHECK(utf8_truncate(cafe, 0) == "");
    const std::string emoji = "a\xf0\x9f\x98\x80" "b";  // U+1F600, 4 bytes
    for (size_t n = 1; n <= 4; ++n) CHECK(utf8_truncate(emoji, n) == "a");
    CHECK(utf8_truncate(emoji, 5) == "a\xf0\x9f\x98\x80");
    const std::string euro = "\xe2\x82\xac\xe2\x82\xac";  // two U+20AC, 3 bytes each
    CHECK(utf8_truncate(euro, 5) == "\xe2\x82\xac");
    CHECK(utf8_truncate(euro, 3) == "\xe2\x82\xac");
    CHECK(utf8_truncate(euro, 2) == "");
}

TEST_CASE("utf8: truncating ill-formed text counts each bad byte as a character") {
    CHECK(utf8_truncate("ab\xff\xff" "cd", 3) == "ab\xff");
    CHECK(utf8_truncate("ab\x80\x80\x80\x80", 4) == "ab\x80\x80");  // stray continuation bytes
    CHECK(utf8_truncate("ab\xc3", 2) == "ab");
}

TEST_CASE("utf8: utf8_next decodes one character and refuses ill-formed bytes") {
    const std::string text = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xff";
    size_t i = 0;
    unsigned cp = 0;
    REQUIRE(utf8_next(text, i, cp));
    CHECK((cp == 'a' && i == 1));
    REQUIRE(utf8_next(text, i, cp));
    CHECK((cp == 0xE9 && i == 3));
    REQUIRE(utf8_next(text, i, cp));
    CHECK((cp == 0x20AC && i == 6));
    REQUIRE(utf8_next(text, i, cp));
    CHECK((cp == 0x1F600 && i == 10));
    CHECK(!utf8_next(text, i, cp));
    CHECK(i == 10);
    i = text.size();
    CHECK(!utf8_next(text, i, cp));
}

TEST_CASE("utf8: utf8_decode gives the code point and length, or the bytes one U+FFFD replaces") {
    using blog::utf8_decode;
    const auto decoded = [](std::string_view text, size_t i = 0) {
        const blog::Utf8Char c = utf8_decode(text, i);
        return std::to_string(c.cp) + "/" + std::to_string(c.length) + "/" + std::to_string(c.maximal);
    };
    CHECK(decoded("a") == "97/1/1");
    CHECK(decoded("\xc3\xa9") == "233/2/2");
    CHECK(decoded("\xf4\x8f\xbf\xbf") == "1114111/4/4");  // U+10FFFF
    CHECK(decoded("") == "0/0/0");                       // the end
    CHECK(decoded("ab", 2) == "0/0/0");
    CHECK(decoded("\xff") == "0/0/1");
    CHECK(decoded("\xc0\xaf") == "0/0/1");                 // overlong: the lead byte alone
    CHECK(decoded("\xed\xa0\x80") == "0/0/1");             // a surrogate
    CHECK(decoded("\xf4\x90\x80\x80") == "0/0/1");         // above U+10FFFF
    CHECK(decoded("\xe2\x82") == "0/0/2");                 // cut short at the end: both bytes
    CHECK(decoded("\xf0\x9f\x98" "a") == "0/0/3");         // cut short before 'a'
}
