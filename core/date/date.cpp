#include "core/date/date.hpp"

#include <algorithm>

#include "core/util/utf8.hpp"

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
    std::string shown = utf8_truncate(text, 64);  // never half a character
    return Error{"date", "expected RFC 3339 date, got \"" + shown + "\""};
}

// Appends v in decimal, zero-padded to `width` characters as printf's "%0*d"
// writes it (a '-' counts in the width). Dates are formatted with this rather
// than snprintf: in the wasm build printf brings its float formatting and
// long-double arithmetic along (~15 KB), and the core has no other use for them.
void append_padded(std::string& out, int v, int width = 0) {
    char digits[12];
    unsigned u = v < 0 ? 0u - unsigned(v) : unsigned(v);
    int n = 0;
    do {
        digits[n++] = char('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) {
        out.push_back('-');
        --width;
    }
    for (int i = n; i < width; ++i) out.push_back('0');
    while (n) out.push_back(digits[--n]);
}

// "2022-07-24"
void append_ymd(std::string& out, const Timestamp& t) {
    append_padded(out, t.year, 4);
    out.push_back('-');
    append_padded(out, t.month, 2);
    out.push_back('-');
    append_padded(out, t.day, 2);
}

// "21:42:07"
void append_hms(std::string& out, const Timestamp& t) {
    append_padded(out, t.hour, 2);
    out.push_back(':');
    append_padded(out, t.minute, 2);
    out.push_back(':');
    append_padded(out, t.second, 2);
}

// "-0700", or "-07:00" with the colon.
void append_offset(std::string& out, int minutes, bool colon) {
    int a = minutes < 0 ? -minutes : minutes;
    out.push_back(minutes < 0 ? '-' : '+');
    append_padded(out, a / 60, 2);
    if (colon) out.push_back(':');
    append_padded(out, a % 60, 2);
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

std::string date_format_long(const Timestamp& t) { return date_format_layout(t, "January 2, 2006"); }

namespace {

// English names, each list in one string: "January|February|...".
constexpr std::string_view kEnglish[] = {
    "January|February|March|April|May|June|July|August|September|October|November|December",
    "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
    "Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday",
    "Sun|Mon|Tue|Wed|Thu|Fri|Sat"};

// Name `i` of list `which` (0 months, 1 short months, 2 days, 3 short days).
void append_name(std::string& out, const DateNames& names, int which, int i) {
    const std::vector<std::string>* lists[] = {&names.months, &names.months_short, &names.days, &names.days_short};
    const std::vector<std::string>& own = *lists[which];
    if (own.size() == (which < 2 ? 12u : 7u)) {
        out += own[size_t(i)];
        return;
    }
    std::string_view all = kEnglish[which];
    for (; i > 0; --i) all.remove_prefix(all.find('|') + 1);
    out += all.substr(0, all.find('|'));
}

// The length of the zone verb `rest` starts with (-07:00 6, -0700 5, -07 3), else 0.
size_t zone_verb(std::string_view rest) {
    if (rest[0] != '-' && rest[0] != 'Z') return 0;
    for (std::string_view v : {"07:00", "0700", "07"})
        if (rest.compare(1, v.size(), v) == 0) return v.size() + 1;
    return 0;
}

}  // namespace

std::string date_format_layout(const Timestamp& t, std::string_view layout, const DateNames& names) {
    std::string out;
    const bool utc = t.date_only || t.utc_z;
    const int hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
    for (size_t i = 0; i < layout.size();) {
        const std::string_view rest = layout.substr(i);
        auto take = [&](std::string_view verb) {
            if (rest.compare(0, verb.size(), verb) != 0) return false;
            i += verb.size();
            return true;
        };
        if (take("January")) append_name(out, names, 0, t.month - 1);
        else if (take("Jan")) append_name(out, names, 1, t.month - 1);
        else if (take("Monday") || take("Mon")) {
            int64_t d = (days_from_civil(t.year, t.month, t.day) + 4) % 7;  // 1970-01-01 was a Thursday
            append_name(out, names, rest[3] == 'd' ? 2 : 3, int(d < 0 ? d + 7 : d));
        } else if (take("MST")) {
            if (utc) out += "UTC";
            else append_offset(out, t.offset_minutes, false);
        } else if (take("2006")) append_padded(out, t.year, 4);
        else if (take("01")) append_padded(out, t.month, 2);
        else if (take("02")) append_padded(out, t.day, 2);
        else if (take("03")) append_padded(out, hour12, 2);
        else if (take("04")) append_padded(out, t.minute, 2);
        else if (take("05")) append_padded(out, t.second, 2);
        else if (take("06")) append_padded(out, t.year % 100, 2);
        else if (take("15")) append_padded(out, t.hour, 2);
        else if (take("_2006")) {
            out.push_back('_');
            append_padded(out, t.year, 4);
        } else if (take("_2")) {
            if (t.day < 10) out.push_back(' ');
            append_padded(out, t.day);
        } else if (take("1")) append_padded(out, t.month);
        else if (take("2")) append_padded(out, t.day);
        else if (take("3")) append_padded(out, hour12);
        else if (take("4")) append_padded(out, t.minute);
        else if (take("5")) append_padded(out, t.second);
        else if (take("PM")) out += t.hour < 12 ? "AM" : "PM";
        else if (take("pm")) out += t.hour < 12 ? "am" : "pm";
        else if (const size_t n = zone_verb(rest)) {  // -0700 -07:00 -07 Z0700 Z07:00 Z07
            i += n;
            if (rest[0] == 'Z' && (utc || t.offset_minutes == 0)) {
                out.push_back('Z');
            } else {
                append_offset(out, utc ? 0 : t.offset_minutes, n == 6);
                if (n == 3) out.resize(out.size() - 2);
            }
        } else if ((rest[0] == '.' || rest[0] == ',') && rest.size() > 1 && (rest[1] == '0' || rest[1] == '9')) {
            size_t n = 1;
            while (n < rest.size() && rest[n] == rest[1]) ++n;
            if (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') {  // not a fraction: "2006.01"
                out.push_back(rest[0]);
                ++i;
                continue;
            }
            std::string digits = t.fraction;
            digits.resize(n - 1, '0');
            if (rest[1] == '9') {  // .999: trailing zeros and an empty fraction dropped
                while (!digits.empty() && digits.back() == '0') digits.pop_back();
                if (!digits.empty()) out += '.' + digits;
            } else {
                out += rest[0] + digits;
            }
            i += n;
        } else {
            out.push_back(rest[0]);
            ++i;
        }
    }
    return out;
}

std::string date_format_tooltip(const Timestamp& t) {
    std::string out;
    append_ymd(out, t);
    out.push_back(' ');
    append_hms(out, t);
    if (!t.fraction.empty()) out.append(".").append(t.fraction);
    if (t.date_only || t.utc_z) return out + " +0000 UTC";
    out.push_back(' ');
    append_offset(out, t.offset_minutes, false);
    out.push_back(' ');
    append_offset(out, t.offset_minutes, false);
    return out;
}

std::string date_format_rfc1123z(const Timestamp& t) {
    static const char* const days[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int64_t d = days_from_civil(t.year, t.month, t.day) % 7;
    std::string out = days[d < 0 ? d + 7 : d];
    out.append(", ");
    append_padded(out, t.day, 2);
    out.push_back(' ');
    out.append(months[t.month - 1]);
    out.push_back(' ');
    append_padded(out, t.year, 4);
    out.push_back(' ');
    append_hms(out, t);
    out.push_back(' ');
    append_offset(out, t.date_only || t.utc_z ? 0 : t.offset_minutes, false);
    return out;
}

std::string date_format_rfc3339(const Timestamp& t) {
    std::string out;
    append_ymd(out, t);
    if (t.date_only) return out;
    out.push_back('T');
    append_hms(out, t);
    if (!t.fraction.empty()) out.append(".").append(t.fraction);
    if (t.utc_z) out.push_back('Z');
    else append_offset(out, t.offset_minutes, true);
    return out;
}

}  // namespace blog
