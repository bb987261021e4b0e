#include "tool/hugo_url.hpp"

#include "core/url/url.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/util/utf8.hpp"

namespace blog::tool {

namespace {

// Go's unicode package as Go 1.19 (Hugo 0.111.3's Debian build) has it:
// Unicode 13.0. Generated from the UCD (Python's unicodedata, Perl's Age
// property to leave out what Unicode 14 added).
bool is_hex(uint32_t c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return c - 'A' + 10;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string trim(std::string_view s, std::string_view cut) {
    size_t b = s.find_first_not_of(cut);
    if (b == std::string_view::npos) return "";
    size_t e = s.find_last_not_of(cut);
    return std::string(s.substr(b, e - b + 1));
}

std::string lower(std::string_view s) { return url_lower(s); }

// --- Go's net/url, the parts URLEscape uses -------------------------------

enum class Part { Path, Fragment };

// net/url's shouldEscape for encodePath and encodeFragment.
bool should_escape(unsigned char c, Part part) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return false;
    switch (c) {
    case '-': case '_': case '.': case '~':
        return false;
    case '$': case '&': case '+': case ',': case '/': case ':': case ';': case '=': case '?': case '@':
        return part == Part::Path ? c == '?' : false;
    default:
        break;
    }
    if (part == Part::Fragment && (c == '!' || c == '(' || c == ')' || c == '*')) return false;
    return true;
}

std::string escape(std::string_view s, Part part) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        if (should_escape(c, part)) {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    return out;
}

// net/url's unescape; nullopt for a '%' without two hex digits.
std::optional<std::string> unescape(std::string_view s, bool plus_is_space) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%') {
            if (i + 2 >= s.size()) return std::nullopt;
            if (!is_hex(static_cast<unsigned char>(s[i + 1])) || !is_hex(static_cast<unsigned char>(s[i + 2])))
                return std::nullopt;
            out += char(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else if (s[i] == '+' && plus_is_space) {
            out += ' ';
        } else {
            out += s[i];
        }
    }
    return out;
}

// net/url's validEncoded.
bool valid_encoded(std::string_view s, Part part) {
    for (char ch : s) {
        switch (ch) {
        case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+': case ',':
        case ';': case '=': case ':': case '@': case '[': case ']': case '%':
            continue;
        default:
            if (should_escape(static_cast<unsigned char>(ch), part)) return false;
        }
    }
    return true;
}

// A part as url.URL keeps it (the decoded value, and the raw text when it is
// not the default encoding) and writes it back (EscapedPath, EscapedFragment).
std::string reencode(std::string_view raw, Part part) {
    auto decoded = unescape(raw, false);
    if (!decoded) return escape(raw, part);  // Go fails to parse; encode the '%' too
    if (escape(*decoded, part) != raw && valid_encoded(raw, part)) return std::string(raw);
    return escape(*decoded, part);
}

// --- Go's path package -----------------------------------------------------

// path.Clean
std::string path_clean(std::string_view p) {
    if (p.empty()) return ".";
    bool rooted = p[0] == '/';
    std::vector<std::string_view> parts;
    size_t i = 0;
    while (i < p.size()) {
        size_t j = p.find('/', i);
        if (j == std::string_view::npos) j = p.size();
        std::string_view seg = p.substr(i, j - i);
        i = j + 1;
        if (seg.empty() || seg == ".") continue;
        if (seg == "..") {
            if (!parts.empty() && parts.back() != "..") parts.pop_back();
            else if (!rooted) parts.push_back(seg);
            continue;
        }
        parts.push_back(seg);
    }
    std::string out = rooted ? "/" : "";
    for (size_t k = 0; k < parts.size(); ++k) {
        if (k) out += '/';
        out += parts[k];
    }
    if (out.empty()) return ".";
    return out;
}

// path.Join
std::string path_join(std::initializer_list<std::string_view> elems) {
    std::string joined;
    bool any = false;
    for (auto e : elems) {
        if (e.empty() && !any) continue;
        if (any) joined += '/';
        joined += e;
        any = true;
    }
    return any ? path_clean(joined) : "";
}

std::string path_join(const std::vector<std::string>& elems) {
    std::string joined;
    bool any = false;
    for (const auto& e : elems) {
        if (e.empty() && !any) continue;
        if (any) joined += '/';
        joined += e;
        any = true;
    }
    return any ? path_clean(joined) : "";
}

// page_paths.go's pjoin: path.Join keeping one trailing slash.
std::string pjoin(std::initializer_list<std::string_view> elems) {
    bool had_slash = ends_with(*(elems.end() - 1), "/");
    std::string joined = path_join(elems);
    if (had_slash && !ends_with(joined, "/")) joined += '/';
    return joined;
}

std::string add_suffix(std::string_view s, std::string_view suffix) { return trim(s, "/") + std::string(suffix); }

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    size_t i = 0;
    while (true) {
        size_t j = s.find(sep, i);
        if (j == std::string_view::npos) {
            out.emplace_back(s.substr(i));
            return out;
        }
        out.emplace_back(s.substr(i, j - i));
        i = j + 1;
    }
}

}  // namespace

std::string hugo_make_path(std::string_view name, bool keep_case) { return url_urlize(name, keep_case); }

std::string hugo_url_escape(std::string_view path) {
    size_t hash = path.find('#');
    std::string_view rest = path.substr(0, hash);
    std::string_view fragment = hash == std::string_view::npos ? std::string_view() : path.substr(hash + 1);
    size_t question = rest.find('?');
    std::string_view query;
    bool force_query = false;
    if (question != std::string_view::npos) {
        query = rest.substr(question + 1);
        force_query = query.empty();
        rest = rest.substr(0, question);
    }
    std::string out = reencode(rest, Part::Path);
    if (force_query || !query.empty()) out += "?" + std::string(query);
    auto decoded_fragment = unescape(fragment, false);
    if (!fragment.empty() && !(decoded_fragment && decoded_fragment->empty()))
        out += "#" + reencode(fragment, Part::Fragment);
    return out;
}

std::string hugo_urlize(std::string_view text, bool keep_case) {
    return hugo_url_escape(hugo_make_path(text, keep_case));
}

std::string hugo_term_key(std::string_view term, bool keep_case) { return hugo_make_path(term, keep_case); }

// --- The page as Hugo sees its file ---------------------------------------

namespace {

enum class Kind { Home, Section, Page, Taxonomy, Term };

struct PageFile {
    Kind kind = Kind::Page;
    std::string dir;              // File().Dir(): "posts/2021/", "" at the root
    std::string base_name;        // TranslationBaseName: "My Name", "index"
    std::string content_base;     // ContentBaseName: a bundle's folder name, else base_name
    std::string bundle_path;      // "posts/2021/My Name", a bundle's "posts/trip"
    std::string section;          // Section(): the first folder, "" at the root
    std::vector<std::string> sections;  // a section page's folders
};

PageFile page_file(std::string_view file) {
    PageFile f;
    size_t slash = file.rfind('/');
    f.dir = slash == std::string_view::npos ? "" : std::string(file.substr(0, slash + 1));
    std::string name(slash == std::string_view::npos ? file : file.substr(slash + 1));
    size_t dot = name.rfind('.');
    f.base_name = dot == std::string::npos ? name : name.substr(0, dot);
    f.content_base = f.base_name;
    std::string dir_path = trim(f.dir, "/");
    if (f.base_name == "_index") {
        f.kind = dir_path.empty() ? Kind::Home : Kind::Section;
        if (!dir_path.empty()) f.sections = split(dir_path, '/');
        f.section = f.sections.empty() ? "" : f.sections[0];
        f.bundle_path = dir_path;
        return f;
    }
    if (f.base_name == "index" && !dir_path.empty()) {
        size_t s = dir_path.rfind('/');
        f.content_base = s == std::string::npos ? dir_path : dir_path.substr(s + 1);
        f.bundle_path = dir_path;
    } else {
        f.bundle_path = dir_path.empty() ? f.base_name : dir_path + "/" + f.base_name;
    }
    size_t first = f.bundle_path.find('/');
    if (first != std::string::npos) f.section = f.bundle_path.substr(0, first);
    return f;
}

std::string current_section(const HugoPageFacts& page, const PageFile& f) {
    return page.current_section.empty() ? f.section : trim(page.current_section, "/");
}

// The reference date: the page's, else Go's zero time.
struct Civil {
    int year = 1, month = 1, day = 1;
};

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int year_day(const Civil& d) {
    static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    return before[d.month - 1] + d.day + (d.month > 2 && leap(d.year) ? 1 : 0);
}

// 0 is Sunday, as Go's time.Weekday.
int week_day(const Civil& d) {
    // Days from civil (H. Hinnant), 1970-01-01 a Thursday.
    int y = d.year - (d.month <= 2 ? 1 : 0);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    int64_t days = era * 146097 + doe - 719468;
    return int(((days % 7) + 7 + 4) % 7);
}

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};
const char* const kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// attributeRegexp `:\w+(\[.+?\])?`: the tokens of a pattern, ':' included.
std::vector<std::string> pattern_tokens(std::string_view s) {
    auto word = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    };
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        if (s[i] != ':' || i + 1 >= s.size() || !word(s[i + 1])) {
            ++i;
            continue;
        }
        size_t j = i + 1;
        while (j < s.size() && word(s[j])) ++j;
        if (j < s.size() && s[j] == '[') {
            size_t close = std::string_view::npos;
            for (size_t k = j + 2; k < s.size() && s[k - 1] != '\n'; ++k) {
                if (s[k] == '\n') break;
                if (s[k] == ']') {
                    close = k;
                    break;
                }
            }
            if (close != std::string_view::npos) j = close + 1;
        }
        out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

const char* const kAttributes[] = {"year",    "month",    "monthname", "day",   "weekday",        "weekdayname", "yearday",
                                   "section", "sections", "title",     "slug",  "slugorfilename", "filename"};

bool known_attribute(std::string_view attr) {
    for (const char* a : kAttributes)
        if (attr == a) return true;
    return starts_with(attr, "sections[");
}

// Whether Go's time.Format would change `attr` (Hugo then takes it as a date
// layout): an approximation of time.nextStdChunk for \w characters.
bool looks_like_go_layout(std::string_view a) {
    for (size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= '1' && c <= '5') return true;
        if (c == '0' && i + 1 < a.size() && a[i + 1] >= '0' && a[i + 1] <= '6') return true;
        auto rest_lower = [&](size_t k) { return k < a.size() && a[k] >= 'a' && a[k] <= 'z'; };
        if ((a.substr(i, 3) == "Jan" || a.substr(i, 3) == "Mon") && !rest_lower(i + 3)) return true;
        if (a.substr(i, 7) == "January" || a.substr(i, 6) == "Monday") return true;
        if (a.substr(i, 3) == "MST" || a.substr(i, 2) == "PM" || a.substr(i, 2) == "pm") return true;
    }
    return false;
}

Error permalink_error(std::string_view pattern, const char* what, const char* code = "permalink") {
    return Error{code, "error expanding \"" + std::string(pattern) + "\": " + what};
}

// The attribute check of parse and validate.
std::optional<Error> check_attribute(std::string_view pattern, std::string_view attr) {
    if (known_attribute(attr)) return std::nullopt;
    if (looks_like_go_layout(attr))
        return permalink_error(pattern, "a Go time layout in a permalink is not supported here",
                               "permalink-unsupported");
    return permalink_error(pattern, "permalink attribute not recognised");
}

// toSliceFunc: :sections[low:high], [n], [last]. Where Hugo would panic
// (an index past the end, low > high) the result is empty.
std::vector<std::string> slice_sections(std::string_view cut_in, const std::vector<std::string>& s) {
    std::string cut;
    for (char c : trim(cut_in, " \t\n\r\v\f")) cut += char(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (cut.empty()) return s;
    if (cut.size() < 3 || cut.front() != '[' || cut.back() != ']') return {};
    auto to_n = [&](const std::string& t, bool low) -> size_t {
        if (t.empty()) return low ? 0 : s.size();
        if (t == "last") return s.empty() ? 0 : s.size() - 1;
        long n = 0;
        bool digits = !t.empty();
        size_t k = (t[0] == '-' || t[0] == '+') ? 1 : 0;
        if (k == t.size()) digits = false;
        for (size_t m = k; m < t.size() && digits; ++m) digits = t[m] >= '0' && t[m] <= '9';
        if (digits) {
            for (size_t m = k; m < t.size() && n < 1000000; ++m) n = n * 10 + (t[m] - '0');
            if (t[0] == '-') n = -n;
        }
        if (n < 0) n = 0;
        return std::min(size_t(n), s.size());
    };
    std::string ops = cut.substr(1, cut.size() - 2);
    size_t colon = ops.find(':');
    if (s.empty()) return {};
    if (colon == std::string::npos) {
        size_t n = to_n(ops, true);
        if (n >= s.size() || s[n].empty()) return {};
        return {s[n]};
    }
    std::string high = ops.substr(colon + 1);
    high = high.substr(0, high.find(':'));
    size_t a = to_n(ops.substr(0, colon), true), b = to_n(high, false);
    if (a > b) return {};
    return std::vector<std::string>(s.begin() + long(a), s.begin() + long(b));
}

std::string filename_of(const PageFile& f) {
    // pageToPermalinkFilename: a bundle's index is named by its folder.
    if (f.base_name == "index") {
        std::string dir = f.dir.empty() ? "" : f.dir.substr(0, f.dir.size() - 1);
        size_t s = dir.rfind('/');
        return s == std::string::npos ? dir : dir.substr(s + 1);
    }
    return f.base_name;
}

std::string attribute_value(std::string_view attr, const HugoPageFacts& page, const PageFile& f, bool keep_case,
                            bool is_term) {
    Civil d;
    if (page.date) d = Civil{page.date->year, page.date->month, page.date->day};
    std::string slug = trim(page.slug, "-");
    if (attr == "year") return std::to_string(d.year);
    if (attr == "month") return two_digits(d.month);
    if (attr == "monthname") return kMonths[(d.month - 1 + 12) % 12];
    if (attr == "day") return two_digits(d.day);
    if (attr == "weekday") return std::to_string(week_day(d));
    if (attr == "weekdayname") return kWeekdays[week_day(d)];
    if (attr == "yearday") return std::to_string(year_day(d));
    if (attr == "section") return f.section;
    std::string sections = current_section(page, f);
    if (attr == "sections") return sections;
    if (starts_with(attr, "sections")) {
        auto entries = sections.empty() ? std::vector<std::string>() : split(sections, '/');
        return path_join(slice_sections(attr.substr(8), entries));
    }
    std::string file_name = is_term ? "" : filename_of(f);
    if (attr == "title") return hugo_urlize(page.title, keep_case);
    if (attr == "slug") return hugo_urlize(slug.empty() ? page.title : slug, keep_case);
    if (attr == "slugorfilename") return hugo_urlize(slug.empty() ? file_name : slug, keep_case);
    if (attr == "filename") return hugo_urlize(file_name, keep_case);
    return "";
}

Result<std::string> expand(std::string_view pattern, const HugoPageFacts& page, const PageFile& f, bool keep_case,
                           bool is_term) {
    auto checked = hugo_permalink_check(pattern);
    if (!checked) return checked.error();
    std::string out(pattern);
    for (const std::string& token : pattern_tokens(pattern)) {
        std::string value = attribute_value(std::string_view(token).substr(1), page, f, keep_case, is_term);
        size_t at = out.find(token);
        if (at != std::string::npos) out.replace(at, token.size(), value);
    }
    return out;
}

const std::string* permalink_for(const HugoUrlOptions& options, std::string_view key) {
    for (const auto& [k, pattern] : options.permalinks)
        if (trim(k, " /") == key) return &pattern;
    return nullptr;
}

// createTargetPathDescriptor's expansion: the expanded pattern,
// query-unescaped; "" when there is no pattern or unescaping fails.
Result<std::string> expanded_permalink(const HugoPageFacts& page, const PageFile& f, const HugoUrlOptions& options,
                                       bool is_term) {
    const std::string* pattern = permalink_for(options, f.section);
    if (!pattern) return std::string();
    auto e = expand(*pattern, page, f, options.disable_path_to_lower, is_term);
    if (!e) return e.error();
    auto unescaped = unescape(e.value(), true);
    return unescaped ? *unescaped : std::string();
}

struct Descriptor {
    Kind kind = Kind::Page;
    std::vector<std::string> sections;
    std::string base_name, dir, url, expanded;
    bool ugly = false, keep_case = false;
};

// page_paths.go's CreateTargetPaths for the HTML output format, one language.
HugoPath create_target_paths(const Descriptor& d) {
    const std::string suffix = ".html", type_base = "index";
    std::string page_path = "/", link;
    bool needs_base = true;
    bool is_ugly = d.ugly;
    bool base_is_type = !d.base_name.empty() && d.base_name == type_base;
    if (d.expanded.empty() && base_is_type) is_ugly = true;
    auto is_html_index = [](std::string_view s) { return ends_with(s, "/index.html"); };

    if (d.kind != Kind::Page && d.url.empty() && !d.sections.empty()) {
        if (!d.expanded.empty()) {
            page_path = pjoin({page_path, d.expanded});
        } else {  // pjoin(d.Sections...)
            page_path = path_join(d.sections);
            if (ends_with(d.sections.back(), "/") && !ends_with(page_path, "/")) page_path += "/";
        }
        needs_base = false;
    }

    if (d.kind != Kind::Home && !d.url.empty()) {
        page_path = pjoin({page_path, d.url});
        link = page_path;
        bool has_dot = d.url.find('.') != std::string::npos;
        bool has_slash = ends_with(d.url, "/");
        if (has_slash || !has_dot) page_path = pjoin({page_path, type_base + suffix});
        if (!is_html_index(page_path)) link = page_path;
        else if (!has_slash) link += "/";
    } else if (d.kind == Kind::Page) {
        if (!d.expanded.empty()) {
            page_path = pjoin({page_path, d.expanded});
        } else {
            if (!d.dir.empty()) page_path = pjoin({page_path, d.dir});
            if (!d.base_name.empty()) page_path = pjoin({page_path, d.base_name});
        }
        link = page_path;
        if (base_is_type && ends_with(link, d.base_name)) link.resize(link.size() - d.base_name.size());
        link += "/";
        page_path = is_ugly ? add_suffix(page_path, suffix) : pjoin({page_path, type_base + suffix});
        if (!is_html_index(page_path)) link = page_path;
    } else {
        std::string base = (needs_base || !is_ugly) ? type_base : "";
        link = page_path;
        page_path = base.empty() ? add_suffix(page_path, suffix) : path_join({page_path, add_suffix(base, suffix)});
        if (!is_html_index(page_path)) link = page_path;
        else link += "/";
    }

    page_path = pjoin({"/", page_path});
    bool had_slash = ends_with(link, "/");
    link = trim(link, "/");
    if (had_slash) link += "/";
    if (!starts_with(link, "/")) link = "/" + link;
    if (d.kind != Kind::Page || d.url.empty()) {
        page_path = hugo_make_path(page_path, d.keep_case);
        link = hugo_make_path(link, d.keep_case);
    }
    return HugoPath{link.substr(1), page_path.substr(1)};
}

}  // namespace

Result<bool> hugo_permalink_check(std::string_view pattern) {
    // validate: the pattern without its first character, segment by segment.
    if (pattern.empty()) return permalink_error(pattern, "permalink ill-formed");
    auto fragments = split(pattern.substr(1), '/');
    bool bail = false;
    for (const auto& fragment : fragments) {
        if (bail) return permalink_error(pattern, "permalink ill-formed");
        if (fragment.empty()) {
            bail = true;
            continue;
        }
        for (const auto& token : pattern_tokens(fragment)) {
            if (known_attribute(std::string_view(token).substr(1))) continue;
            // validate reports any attribute it does not know as ill-formed
            if (looks_like_go_layout(std::string_view(token).substr(1)))
                return *check_attribute(pattern, std::string_view(token).substr(1));
            return permalink_error(pattern, "permalink ill-formed");
        }
    }
    // parse: the attributes of the whole pattern
    for (const auto& token : pattern_tokens(pattern))
        if (auto e = check_attribute(pattern, std::string_view(token).substr(1))) return *e;
    return true;
}

Result<std::string> hugo_permalink_expand(std::string_view pattern, const HugoPageFacts& page) {
    return expand(pattern, page, page_file(page.file), false, false);
}

Result<HugoPath> hugo_page_path(const HugoPageFacts& page, const HugoUrlOptions& options) {
    if (starts_with(page.url, "http://") || starts_with(page.url, "https://"))
        return Error{"url", "URLs with protocol (http*) not supported: \"" + page.url + "\". In page \"" +
                                page.file + "\""};
    PageFile f = page_file(page.file);
    Descriptor d;
    d.kind = f.kind;
    d.sections = f.kind == Kind::Page ? std::vector<std::string>{} : f.sections;
    d.dir = f.dir;
    d.url = page.url;
    d.ugly = options.ugly_urls;
    d.keep_case = options.disable_path_to_lower;
    std::string slug = trim(page.slug, "-");
    if (f.kind == Kind::Page) {
        std::string base = f.base_name;
        if (base != f.content_base) {  // a leaf bundle: named by its folder
            d.dir = f.dir.substr(0, f.dir.size() - f.content_base.size() - 1);
            base = f.content_base;
        }
        d.base_name = slug.empty() ? base : slug;
        auto e = expanded_permalink(page, f, options, false);
        if (!e) return e.error();
        d.expanded = e.value();
    } else {
        d.base_name = slug.empty() ? f.base_name : slug;
    }
    return create_target_paths(d);
}

Result<HugoPath> hugo_term_path(std::string_view plural, std::string_view term, const HugoUrlOptions& options) {
    std::string key = hugo_term_key(term, options.disable_path_to_lower);
    Descriptor d;
    d.kind = key.empty() ? Kind::Taxonomy : Kind::Term;
    d.sections = key.empty() ? std::vector<std::string>{std::string(plural)}
                             : std::vector<std::string>{std::string(plural), key};
    d.ugly = options.ugly_urls;
    d.keep_case = options.disable_path_to_lower;
    if (d.kind == Kind::Term) {
        HugoPageFacts facts;
        facts.title = std::string(term);
        PageFile f;
        f.section = std::string(plural);
        f.kind = Kind::Term;
        facts.current_section = std::string(plural) + "/" + key;
        auto e = expanded_permalink(facts, f, options, true);
        if (!e) return e.error();
        d.expanded = e.value();
    }
    return create_target_paths(d);
}

HugoPath hugo_taxonomy_path(std::string_view plural, const HugoUrlOptions& options) {
    Descriptor d;
    d.kind = Kind::Taxonomy;
    d.sections = {std::string(plural)};
    d.ugly = options.ugly_urls;
    d.keep_case = options.disable_path_to_lower;
    return create_target_paths(d);
}

std::string hugo_content_order_key(const HugoPageFacts& page) {
    PageFile f = page_file(page.file);
    std::string key;
    if (f.kind == Kind::Home) {
        key = "/";
    } else if (f.kind == Kind::Section) {
        key = "/" + f.bundle_path + "/";
    } else {
        std::string section = current_section(page, f);
        std::string below = f.bundle_path;
        if (!section.empty() && starts_with(below, section + "/")) below = below.substr(section.size() + 1);
        key = (section.empty() ? "/" : "/" + section + "/") + "__hb_" + below + "__hl_";
    }
    return lower(key);
}

}  // namespace blog::tool
