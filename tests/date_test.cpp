#include <catch2/catch.hpp>

#include "core/date/date.hpp"

using namespace blog;

TEST_CASE("date: an RFC 3339 date shows its own day and the seed's tooltip") {
    auto d = date_parse("2022-07-24T21:42:07-07:00");
    REQUIRE(d.ok());
    CHECK(date_format_long(d.value()) == "July 24, 2022");
    CHECK(date_format_tooltip(d.value()) == "2022-07-24 21:42:07 -0700 -0700");
}
