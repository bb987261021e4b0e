// Dates (core/date). Properties:
//   - date_parse on any text never crashes; a failure is a "date" error that
//     quotes the text;
//   - a parsed date formats (RFC 3339) to text that parses back to the same
//     timestamp, and formatting that again gives the same text;
//   - any valid timestamp built from the input's bytes does the same, and its
//     Unix seconds agree with the C library's timegm (an independent
//     calendar); the long and tooltip forms show its year and day.
#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>

#include "core/date/date.hpp"
#include "fuzz_check.hpp"

namespace {

std::string describe(const blog::Timestamp& t) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "{%d-%d-%d %d:%d:%d off %d frac \"%s\"%s%s}", t.year, t.month, t.day, t.hour,
                  t.minute, t.second, t.offset_minutes, t.fraction.c_str(), t.date_only ? " date-only" : "",
                  t.utc_z ? " Z" : "");
    return buf;
}

bool same(const blog::Timestamp& a, const blog::Timestamp& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day && a.hour == b.hour && a.minute == b.minute &&
           a.second == b.second && a.offset_minutes == b.offset_minutes && a.fraction == b.fraction &&
           a.date_only == b.date_only && a.utc_z == b.utc_z;
}

void check_round_trip(const blog::Timestamp& t) {
    const std::string text = blog::date_format_rfc3339(t);
    auto back = blog::date_parse(text);
    FUZZ_CHECK(back.ok(), describe(t) + " formats to \"" + text + "\", which does not parse: " +
                              (back.ok() ? "" : back.error().message));
    FUZZ_CHECK(same(back.value(), t), describe(t) + " formats to \"" + text + "\", which parses to " + describe(back.value()));
    FUZZ_CHECK(blog::date_format_rfc3339(back.value()) == text, "formatting \"" + text + "\" again differs");
    FUZZ_CHECK(blog::date_unix_seconds(back.value()) == blog::date_unix_seconds(t), "Unix seconds differ for \"" + text + "\"");

    const std::string year = std::to_string(t.year);
    const std::string long_form = blog::date_format_long(t);
    FUZZ_CHECK(long_form.size() >= year.size() && long_form.compare(long_form.size() - year.size(), year.size(), year) == 0,
               "date_format_long " + describe(t) + " is \"" + long_form + "\"");
    const std::string tooltip = blog::date_format_tooltip(t);
    FUZZ_CHECK(tooltip.compare(0, 10, text.substr(0, 10)) == 0,
               "date_format_tooltip " + describe(t) + " is \"" + tooltip + "\", RFC 3339 \"" + text + "\"");

    std::tm tm{};
    tm.tm_year = t.year - 1900;
    tm.tm_mon = t.month - 1;
    tm.tm_mday = t.day;
    tm.tm_hour = t.hour;
    tm.tm_min = t.minute;
    tm.tm_sec = t.second;
    const int64_t expected = static_cast<int64_t>(timegm(&tm)) - int64_t(t.offset_minutes) * 60;
    FUZZ_CHECK(blog::date_unix_seconds(t) == expected,
               describe(t) + ": date_unix_seconds " + std::to_string(blog::date_unix_seconds(t)) + ", timegm gives " +
                   std::to_string(expected));
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::Scope scope(data, size);
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    auto parsed = blog::date_parse(text);
    if (parsed.ok()) {
        const blog::Timestamp& t = parsed.value();
        FUZZ_CHECK(t.month >= 1 && t.month <= 12 && t.day >= 1 && t.day <= 31 && t.hour >= 0 && t.hour <= 23 &&
                       t.minute >= 0 && t.minute <= 59 && t.second >= 0 && t.second <= 60 && t.fraction.size() <= 9,
                   "out-of-range field in " + describe(t));
        check_round_trip(t);
    } else {
        FUZZ_CHECK(parsed.error().code == "date", "error code \"" + parsed.error().code + "\"");
        const std::string quoted(text.substr(0, 64));
        FUZZ_CHECK(parsed.error().message.find("\"" + quoted) != std::string::npos,
                   "the message does not quote the text: " + parsed.error().message);
    }

    // A timestamp from the bytes, every field in range.
    if (size >= 12) {
        blog::Timestamp t;
        auto u = [&](size_t i) { return static_cast<unsigned>(data[i]); };
        t.year = static_cast<int>((u(0) << 8 | u(1)) % 10000);
        t.month = 1 + static_cast<int>(u(2) % 12);
        static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const int dim = t.month == 2 && leap(t.year) ? 29 : days[t.month - 1];
        t.day = 1 + static_cast<int>(u(3) % dim);
        const unsigned kind = u(4) % 3;  // date only, Z, numeric offset
        if (kind == 0) {
            t.date_only = true;
        } else {
            t.hour = static_cast<int>(u(5) % 24);
            t.minute = static_cast<int>(u(6) % 60);
            t.second = static_cast<int>(u(7) % 61);
            for (size_t i = 0; i < u(8) % 10 && 12 + i < size; ++i) t.fraction += static_cast<char>('0' + u(12 + i) % 10);
            while (!t.fraction.empty() && t.fraction.back() == '0') t.fraction.pop_back();
            if (kind == 1) t.utc_z = true;
            else t.offset_minutes = (u(9) & 1 ? -1 : 1) * static_cast<int>((u(10) % 24) * 60 + u(11) % 60);
        }
        check_round_trip(t);
    }
    return 0;
}
