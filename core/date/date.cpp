#include "core/date/date.hpp"

#include <algorithm>
#include <cstdio>

namespace blog {

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

// Reads exactly n digits at text[pos]; false if any is not a digit.
bool digits(std::string_view text, size_t pos, size_t n, int& out) {
    if (pos + n > text.size()) return false;
    int v = 0;
    for (size_t i = 0; i < n; ++i) {
        char c = text[pos + i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

// Days from 1970-01-01 to y-m-d (proleptic Gregorian), Howard Hinnant's algorithm.
int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Error bad_date(std::string_view text) {
    std::string shown(text.substr(0, 64));
    return Error{"date", "expected RFC 3339 date, got \"" + shown + "\""};
}

}  // namespace

Result<Timestamp> date_parse(std::string_view text) {
    Timestamp t;
    if (!digits(text, 0, 4, t.year) || text.size() < 10 || text[4] != '-' ||
        !digits(text, 5, 2, t.month) || text[7] != '-' || !digits(text, 8, 2, t.day))
        return bad_date(text);
    if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > days_in_month(t.year, t.month))
        return bad_date(text);
    if (text.size() == 10) {
        t.date_only = true;
        return t;
    }
    char sep = text[10];
    if ((sep != 'T' && sep != 't' && sep != ' ') || text.size() < 19 ||
        !digits(text, 11, 2, t.hour) || text[13] != ':' || !digits(text, 14, 2, t.minute) ||
        text[16] != ':' || !digits(text, 17, 2, t.second))
        return bad_date(text);
    if (t.hour > 23 || t.minute > 59 || t.second > 60) return bad_date(text);
    size_t pos = 19;
    if (pos < text.size() && text[pos] == '.') {
        size_t start = ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        if (pos == start) return bad_date(text);
        t.fraction = std::string(text.substr(start, std::min<size_t>(pos - start, 9)));
        while (!t.fraction.empty() && t.fraction.back() == '0') t.fraction.pop_back();
    }
    if (pos >= text.size()) return bad_date(text);  // the offset is required
    if ((text[pos] == 'Z' || text[pos] == 'z') && pos + 1 == text.size()) {
        t.utc_z = true;
        return t;
    }
    int oh = 0, om = 0;
    if ((text[pos] != '+' && text[pos] != '-') || pos + 6 != text.size() ||
        !digits(text, pos + 1, 2, oh) || text[pos + 3] != ':' || !digits(text, pos + 4, 2, om) ||
        oh > 23 || om > 59)
        return bad_date(text);
    t.offset_minutes = (text[pos] == '-' ? -1 : 1) * (oh * 60 + om);
    return t;
}

int64_t date_unix_seconds(const Timestamp& t) {
    return days_from_civil(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 +
           t.second - int64_t(t.offset_minutes) * 60;
}

std::string date_format_long(const Timestamp& t) {
    static const char* const months[] = {"January", "February", "March",     "April",
                                         "May",     "June",     "July",      "August",
                                         "September", "October", "November", "December"};
    return std::string(months[t.month - 1]) + " " + std::to_string(t.day) + ", " +
           std::to_string(t.year);
}

static std::string numeric_offset(int minutes, bool colon) {
    char buf[16];
    int a = minutes < 0 ? -minutes : minutes;
    std::snprintf(buf, sizeof buf, colon ? "%c%02d:%02d" : "%c%02d%02d", minutes < 0 ? '-' : '+',
                  a / 60, a % 60);
    return buf;
}

std::string date_format_tooltip(const Timestamp& t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", t.year, t.month, t.day, t.hour,
                  t.minute, t.second);
    std::string out = buf;
    if (!t.fraction.empty()) out += "." + t.fraction;
    if (t.date_only || t.utc_z) return out + " +0000 UTC";
    std::string off = numeric_offset(t.offset_minutes, false);
    return out + " " + off + " " + off;
}

std::string date_format_rfc1123z(const Timestamp& t) {
    static const char* const days[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int64_t d = days_from_civil(t.year, t.month, t.day) % 7;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d ", days[d < 0 ? d + 7 : d], t.day,
                  months[t.month - 1], t.year, t.hour, t.minute, t.second);
    return buf + numeric_offset(t.date_only || t.utc_z ? 0 : t.offset_minutes, false);
}

std::string date_format_rfc3339(const Timestamp& t) {
    char buf[32];
    if (t.date_only) {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", t.year, t.month, t.day, t.hour,
                  t.minute, t.second);
    std::string out = buf;
    if (!t.fraction.empty()) out += "." + t.fraction;
    return out + (t.utc_z ? "Z" : numeric_offset(t.offset_minutes, true));
}

}  // namespace blog
