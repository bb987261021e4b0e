#include <catch2/catch.hpp>

#include "core/date/date.hpp"
#include "tests/support.hpp"

using namespace blog;

TEST_CASE("date: an RFC 3339 date shows its own day and the seed's tooltip") {
    Timestamp t = test::parsed_date("2022-07-24T21:42:07-07:00");
    CHECK(t.year == 2022);
    CHECK(t.month == 7);
    CHECK(t.day == 24);
    CHECK(t.hour == 21);
    CHECK(t.minute == 42);
    CHECK(t.second == 7);
    CHECK(t.offset_minutes == -420);
    CHECK_FALSE(t.date_only);
    CHECK_FALSE(t.utc_z);
    CHECK(date_format_long(t) == "July 24, 2022");
    CHECK(date_format_tooltip(t) == "2022-07-24 21:42:07 -0700 -0700");
    CHECK(date_format_rfc3339(t) == "2022-07-24T21:42:07-07:00");
}

TEST_CASE("date: the visible day is the day in the post's own offset, not in UTC") {
    SECTION("late evening west of UTC is still the same day, though UTC is on the next") {
        Timestamp t = test::parsed_date("2022-07-24T23:30:00-07:00");
        CHECK(date_format_long(t) == "July 24, 2022");
        CHECK(date_format_tooltip(t) == "2022-07-24 23:30:00 -0700 -0700");
    }
    SECTION("early morning east of UTC is already the next day, though UTC is still on the previous") {
        Timestamp t = test::parsed_date("2022-07-25T01:00:00+09:00");
        CHECK(date_format_long(t) == "July 25, 2022");
        CHECK(date_format_tooltip(t) == "2022-07-25 01:00:00 +0900 +0900");
    }
    SECTION("an offset with minutes keeps them") {
        Timestamp t = test::parsed_date("2022-12-31T23:59:59+05:30");
        CHECK(t.offset_minutes == 330);
        CHECK(date_format_long(t) == "December 31, 2022");
        CHECK(date_format_tooltip(t) == "2022-12-31 23:59:59 +0530 +0530");
        CHECK(date_format_rfc3339(t) == "2022-12-31T23:59:59+05:30");
    }
    SECTION("every month has its English name") {
        const char* const names[] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};
        for (int m = 1; m <= 12; ++m) {
            std::string text = "2021-" + std::string(m < 10 ? "0" : "") + std::to_string(m) + "-01";
            CHECK(date_format_long(test::parsed_date(text.c_str())) == std::string(names[m - 1]) + " 1, 2021");
        }
    }
}

TEST_CASE("date: a date-only or 'Z' date is UTC and its tooltip says so") {
    SECTION("date only: midnight UTC") {
        Timestamp t = test::parsed_date("2022-07-24");
        CHECK(t.date_only);
        CHECK(date_format_long(t) == "July 24, 2022");
        CHECK(date_format_tooltip(t) == "2022-07-24 00:00:00 +0000 UTC");
        CHECK(date_format_rfc3339(t) == "2022-07-24");
        CHECK(date_unix_seconds(t) == 1658620800);
    }
    SECTION("Z") {
        Timestamp t = test::parsed_date("2022-07-24T21:42:07Z");
        CHECK(t.utc_z);
        CHECK(t.offset_minutes == 0);
        CHECK(date_format_tooltip(t) == "2022-07-24 21:42:07 +0000 UTC");
        CHECK(date_format_rfc3339(t) == "2022-07-24T21:42:07Z");
    }
    SECTION("lower-case z and t, and a space as the separator") {
        CHECK(date_format_tooltip(test::parsed_date("2022-07-24t21:42:07z")) == "2022-07-24 21:42:07 +0000 UTC");
        CHECK(date_format_tooltip(test::parsed_date("2022-07-24 21:42:07-07:00")) == "2022-07-24 21:42:07 -0700 -0700");
    }
    SECTION("fractional seconds are accepted") {
        Timestamp t = test::parsed_date("2022-07-24T21:42:07.123456-07:00");
        CHECK(t.second == 7);
        CHECK(date_format_long(t) == "July 24, 2022");
        // The tooltip prints them as Go does: trailing zeros dropped.
        CHECK(date_format_tooltip(t) == "2022-07-24 21:42:07.123456 -0700 -0700");
        CHECK(date_format_tooltip(test::parsed_date("2022-07-24T21:42:07.500Z")) == "2022-07-24 21:42:07.5 +0000 UTC");
        CHECK(date_format_tooltip(test::parsed_date("2022-07-24T21:42:07.000-07:00")) == "2022-07-24 21:42:07 -0700 -0700");
        CHECK(date_format_rfc3339(t) == "2022-07-24T21:42:07.123456-07:00");
    }
}

TEST_CASE("date: February 29 exists only in leap years") {
    SECTION("leap years") {
        for (const char* text : {"2024-02-29", "2000-02-29", "2020-02-29T12:00:00Z", "1996-02-29"}) {
            INFO(text);
            CHECK(date_parse(text).ok());
        }
        CHECK(date_format_long(test::parsed_date("2024-02-29")) == "February 29, 2024");
    }
    SECTION("common years, including centuries not divisible by 400") {
        for (const char* text : {"2023-02-29", "1900-02-29", "2100-02-29", "2022-02-29T12:00:00Z"}) {
            INFO(text);
            auto d = date_parse(text);
            REQUIRE_FALSE(d.ok());
            CHECK(d.error().message == "expected RFC 3339 date, got \"" + std::string(text) + "\"");
        }
    }
    SECTION("the day after February 29 is March 1") {
        CHECK(date_unix_seconds(test::parsed_date("2024-03-01")) - date_unix_seconds(test::parsed_date("2024-02-29")) == 86400);
        CHECK(date_unix_seconds(test::parsed_date("2023-03-01")) - date_unix_seconds(test::parsed_date("2023-02-28")) == 86400);
    }
}

TEST_CASE("date: an invalid date is an error that quotes it") {
    const char* bad[] = {
        "24/07/2022",                  // not RFC 3339 at all
        "2022-02-30",                  // no such day
        "2022-04-31",                  // no such day
        "2022-13-01",                  // month 13
        "2022-00-10",                  // month 0
        "2022-07-00",                  // day 0
        "2022-07-24T21:42:07",         // the offset is missing
        "2022-07-24T21:42",            // no seconds
        "2022-07-24T24:00:00Z",        // hour 24
        "2022-07-24T21:60:00Z",        // minute 60
        "2022-07-24T21:42:07+0700",    // offset without a colon
        "2022-07-24T21:42:07+24:00",   // offset hour 24
        "2022-07-24T21:42:07.Z",       // a dot without digits
        "2022-07-24T21:42:07Zjunk",    // trailing text
        "2022-07-24X21:42:07Z",        // unknown separator
        "2022-7-24",                   // one-digit month
        "July 24, 2022",
        "",
    };
    for (const char* text : bad) {
        INFO(text);
        auto d = date_parse(text);
        REQUIRE_FALSE(d.ok());
        CHECK(d.error().code == "date");
        CHECK(d.error().message == "expected RFC 3339 date, got \"" + std::string(text) + "\"");
    }
    SECTION("the message a user reads") {
        auto d = date_parse("24/07/2022");
        REQUIRE_FALSE(d.ok());
        CHECK(d.error().message == "expected RFC 3339 date, got \"24/07/2022\"");
    }
}

TEST_CASE("date: dates order by instant, whatever their offsets") {
    SECTION("the same instant written in three offsets") {
        int64_t a = date_unix_seconds(test::parsed_date("2022-07-25T04:42:07Z"));
        CHECK(date_unix_seconds(test::parsed_date("2022-07-24T21:42:07-07:00")) == a);
        CHECK(date_unix_seconds(test::parsed_date("2022-07-25T13:42:07+09:00")) == a);
        CHECK(a == 1658724127);
    }
    SECTION("a later wall-clock day can be the earlier instant") {
        // 2022-07-25 01:00 in Tokyo is 2022-07-24 16:00 UTC; 10:00 in California is 17:00 UTC.
        int64_t tokyo = date_unix_seconds(test::parsed_date("2022-07-25T01:00:00+09:00"));
        int64_t california = date_unix_seconds(test::parsed_date("2022-07-24T10:00:00-07:00"));
        CHECK(tokyo < california);
        CHECK(california - tokyo == 3600);
    }
    SECTION("the epoch and dates before it") {
        CHECK(date_unix_seconds(test::parsed_date("1970-01-01T00:00:00Z")) == 0);
        CHECK(date_unix_seconds(test::parsed_date("1970-01-01T00:00:00+01:00")) == -3600);
        CHECK(date_unix_seconds(test::parsed_date("1969-12-31")) == -86400);
    }
}

TEST_CASE("date: RSS dates are RFC 1123 with a numeric zone, in the post's own offset, as Hugo writes them") {
    auto fmt = [](const char* text) {
        auto d = date_parse(text);
        REQUIRE(d.ok());
        return date_format_rfc1123z(d.value());
    };
    CHECK(fmt("2022-07-24T21:42:07-07:00") == "Sun, 24 Jul 2022 21:42:07 -0700");
    CHECK(fmt("2022-07-25T04:42:07Z") == "Mon, 25 Jul 2022 04:42:07 +0000");
    CHECK(fmt("2022-07-24") == "Sun, 24 Jul 2022 00:00:00 +0000");
    CHECK(fmt("1969-12-31T23:59:59+05:30") == "Wed, 31 Dec 1969 23:59:59 +0530");
    CHECK(fmt("2000-02-29T12:00:00.25+01:00") == "Tue, 29 Feb 2000 12:00:00 +0100");
}
