// Dates of posts: the two accepted forms (RFC 3339 with an offset, or a plain
// YYYY-MM-DD) and the ways they are shown. A date is always shown in its own
// offset, never in the reader's time zone, so every reader sees the same day.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.hpp"

namespace blog {

struct Timestamp {
    int year = 1970, month = 1, day = 1;
    int hour = 0, minute = 0, second = 0;
    int offset_minutes = 0;  // east of UTC: -07:00 is -420
    std::string fraction;    // digits after the seconds' '.', trailing zeros dropped (at most 9)
    bool date_only = false;  // "2022-07-24": midnight, UTC
    bool utc_z = false;      // written with "Z"
};

// Parses "2022-07-24T21:42:07-07:00" (fractional seconds, 'Z', 't'/' ' as
// separator accepted) or "2022-07-24". The error message quotes the input.
Result<Timestamp> date_parse(std::string_view text);

// Seconds since the Unix epoch of the instant; sorts posts.
int64_t date_unix_seconds(const Timestamp& t);

// "July 24, 2022": the visible date, in the post's own offset.
std::string date_format_long(const Timestamp& t);

// Month and weekday names of a language: 12 months, 12 short months, 7
// weekdays from Sunday, 7 short ones. A list of another length: English's.
struct DateNames {
    std::vector<std::string> months, months_short, days, days_short;
};

// `t` written with a Go layout (Hugo's params.DateFormat), as Hugo 0.111's
// time.Format writes it: "January 2, 2006", "2006-01-02", "Mon, 02 Jan 06
// 15:04 MST"... Go's verbs: January Jan 01 1 Monday Mon 02 2 _2 2006 06 15
// 03 3 04 4 05 5 PM pm MST -0700 -07:00 -07 Z0700 Z07:00 Z07 and a
// fraction (.000, .999); any other text is copied. Names from `names`
// (English where it has none); AM/PM stay English, as in Hugo.
std::string date_format_layout(const Timestamp& t, std::string_view layout, const DateNames& names = {});

// "2022-07-24 21:42:07 -0700 -0700": the tooltip, exactly as Hugo prints a
// time.Time with a numeric zone (fractional seconds as Go prints them,
// "21:42:07.5"); date-only and 'Z' dates print "+0000 UTC".
std::string date_format_tooltip(const Timestamp& t);

// "2022-07-24T21:42:07-07:00": for <time datetime> and feeds.
std::string date_format_rfc3339(const Timestamp& t);

// "Sun, 24 Jul 2022 21:42:07 -0700": RSS's pubDate, as Hugo writes it (Go's
// RFC1123Z), in the post's own offset; date-only and 'Z' dates are "+0000".
std::string date_format_rfc1123z(const Timestamp& t);

}  // namespace blog
