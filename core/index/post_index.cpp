#include "core/index/post_index.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>

#include "core/index/json_reader.hpp"
#include "core/url/url.hpp"
#include "core/util/size_text.hpp"
#include "core/util/utf8.hpp"

namespace blog {

namespace {

// A value's text in a message, cut to 60 bytes ("..." after 57).
std::string shown_text(std::string s) {
    if (s.size() > 60) s = utf8_truncate(s, 57) + "...";  // never half a character
    return s;
}

// A string as JSON writes it (quoted; '"', '\\' and control characters
// escaped, \u001f in lower case; the rest as it is), shortened.
std::string shown(std::string_view v) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    s.reserve(v.size() < 64 ? v.size() + 2 : 66);
    s += '"';
    for (char ch : v) {
        if (s.size() > 61) break;  // enough to be cut to 57
        const unsigned char c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': s += "\\\""; break;
            case '\\': s += "\\\\"; break;
            case '\b': s += "\\b"; break;
            case '\f': s += "\\f"; break;
            case '\n': s += "\\n"; break;
            case '\r': s += "\\r"; break;
            case '\t': s += "\\t"; break;
            default:
                if (c < 0x20) s += "\\u00", s += kHex[c >> 4], s += kHex[c & 15];
                else s += ch;
        }
    }
    if (s.size() <= 61) s += '"';
    return shown_text(std::move(s));
}

// A scalar as the reader gives it (a string's text is kept apart).
struct Scalar {
    enum Kind : unsigned char { Null, Boolean, Number, String };
    Kind kind = Null;
    bool boolean = false;
    JsonNumber number;  // its text: a view of the index's bytes
};

std::string kind_of(const Scalar& v, std::string_view text = {}) {
    switch (v.kind) {
        case Scalar::Null: return "null";
        case Scalar::Boolean: return v.boolean ? "true" : "false";
        case Scalar::Number: return shown_text(json_number_text(v.number));
        default: return shown(text);
    }
}

long long whole_number(const JsonNumber& n) {
    return n.kind == JsonNumber::Integer ? n.integer : static_cast<long long>(n.unsigned_integer);
}

// One of the site's fields, as a small tree (repeated keys keep their last
// value). Containers are kept only three levels deep (TreeBuilder), so the
// recursion of its destructor is bounded.
struct Value {
    enum Kind : unsigned char { Scalar_, Array, Object };
    Kind kind = Scalar_;
    Scalar scalar;
    std::string text;              // a string's
    std::vector<std::string> keys;  // an object's, each once, in the order first given
    std::vector<Value> items;       // an array's elements, or the values of `keys`

    bool is_string() const { return kind == Scalar_ && scalar.kind == Scalar::String; }
    bool is_boolean() const { return kind == Scalar_ && scalar.kind == Scalar::Boolean; }
    const Value* find(std::string_view key) const {
        if (kind != Object) return nullptr;
        for (size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == key) return &items[i];
        return nullptr;
    }
    // The member `key`, added (null) when missing.
    Value& member(std::string_view key) {
        for (size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == key) return items[i];
        keys.emplace_back(key);
        return items.emplace_back();
    }
};

std::string kind_of(const Value& v) {
    if (v.kind == Value::Array) return "an array";
    if (v.kind == Value::Object) return "an object";
    return kind_of(v.scalar, v.text);
}

// url_is_safe's policy, in the messages of the URLs it refuses.
constexpr const char* kLinkPolicy = "only http:, https:, mailto:, tel: and relative URLs are allowed";
constexpr const char* kImagePolicy =
    "only http:, https:, relative and data:image/{png,gif,jpeg,webp} URLs are allowed";

// A post's file: relative, no ".." (but one "../" first), no scheme, no leading '/', no '\', '?', '#'.
const char* file_problem(const std::string& f, bool from_root = false) {
    if (f.empty()) return "must not be empty";
    if (f[0] == '/') return "must be a relative path, not start with \"/\"";
    if (f.find(':') != std::string::npos) return "must be a relative path without a scheme";
    if (f.find('\\') != std::string::npos) return "must use \"/\" between folders";
    if (f.find_first_of("?#") != std::string::npos) return "must not contain \"?\" or \"#\"";
    // One "../" first: the blog's root, where a built Hugo site publishes
    // its content (index.json is in posts/); never above it.
    size_t pos = from_root && f.compare(0, 3, "../") == 0 ? 3 : 0;
    while (pos <= f.size()) {
        size_t end = f.find('/', pos);
        if (end == std::string::npos) end = f.size();
        if (f.compare(pos, end - pos, "..") == 0 && end - pos == 2) return "must not contain \"..\"";
        pos = end + 1;
    }
    return nullptr;
}

struct EntryReader {
    const Value& entry;
    std::string where;  // "menu[3]"
    std::string problem;

    const Value* field(const char* name) const { return entry.find(name); }
    bool fail(const char* name, const std::string& why) {
        if (problem.empty()) problem = where + "." + name + ": " + why;
        return false;
    }
    bool string(const char* name, std::string& out, bool required) {
        const Value* v = field(name);
        if (!v) return required ? fail(name, "missing (required)") : true;
        if (!v->is_string()) return fail(name, "expected a string, got " + kind_of(*v));
        out = v->text;
        if (required && out.find_first_not_of(" \t\r\n") == std::string::npos)
            return fail(name, "must not be empty");
        return true;
    }
};

// A language tag as HTML's lang takes it (BCP 47's shape, not its registry):
// letters, then '-'-separated groups of letters and digits, 1 to 8 each.
bool language_ok(std::string_view tag) {
    if (tag.empty() || tag.size() > 35) return false;
    for (size_t start = 0, group = 0;; ++group) {
        const size_t end = tag.find('-', start);
        const std::string_view part = tag.substr(start, end == std::string_view::npos ? end : end - start);
        if (part.empty() || part.size() > 8) return false;
        for (char c : part) {
            const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            const bool digit = c >= '0' && c <= '9';
            if (!letter && !(digit && group > 0)) return false;
        }
        if (end == std::string_view::npos) return true;
        start = end + 1;
    }
}

// "menu"'s entries and "homeInfo.socialIcons": each an object with a
// non-empty "name" and "url"; a bad one (or a script URL) is a problem and
// is left out, the others stay.
template <class Link>
void read_links(const Value& list, const std::string& prefix, std::vector<Link>& out, std::vector<std::string>& problems) {
    for (size_t i = 0; i < list.items.size(); ++i) {
        const Value& entry = list.items[i];
        const std::string where = prefix + "[" + std::to_string(i) + "]";
        if (entry.kind != Value::Object) {
            problems.push_back(where + ": expected an object with \"name\" and \"url\", got " + kind_of(entry));
            continue;
        }
        EntryReader r{entry, where, {}};
        Link link;
        bool ok = r.string("name", link.name, true) && r.string("url", link.url, true);
        if (ok && !url_is_safe(link.url, UrlUse::Link))
            ok = r.fail("url", std::string(kLinkPolicy) + ", got " + shown(link.url));
        if (ok) out.push_back(std::move(link));
        else problems.push_back(r.problem);
    }
}

// "languages": [{"lang", "name", "url"}]; a bad entry is a problem and left out.
void read_languages(const Value& list, SiteIndex& site) {
    if (list.kind != Value::Array) {
        site.problems.push_back("languages: expected an array of {\"lang\", \"name\", \"url\"} objects, got " +
                                kind_of(list));
        return;
    }
    for (size_t i = 0; i < list.items.size(); ++i) {
        const Value& entry = list.items[i];
        const std::string where = "languages[" + std::to_string(i) + "]";
        if (entry.kind != Value::Object) {
            site.problems.push_back(where + ": expected an object with \"lang\" and \"url\", got " + kind_of(entry));
            continue;
        }
        EntryReader r{entry, where, {}};
        LanguageLink link;
        bool ok = r.string("lang", link.lang, true) && r.string("url", link.url, true) &&
                  r.string("name", link.name, false);
        if (ok && !url_is_safe(link.url, UrlUse::Link))
            ok = r.fail("url", std::string(kLinkPolicy) + ", got " + shown(link.url));
        if (ok) site.languages.push_back(std::move(link));
        else site.problems.push_back(r.problem);
    }
}

// "menu": the header's entries; not an array, a problem and the default menu.
void read_menu(const Value& menu, SiteIndex& site) {
    if (menu.kind != Value::Array) {
        site.problems.push_back("menu: expected an array of {\"name\", \"url\"} objects, got " + kind_of(menu) +
                                "; the default menu is shown");
        return;
    }
    site.menu.emplace();
    read_links(menu, "menu", *site.menu, site.problems);
}

// A bool field of `object`; a value that is not one is a problem and ignored.
std::optional<bool> soft_bool(const Value& object, const char* name, const std::string& where,
                              std::vector<std::string>& problems) {
    const Value* v = object.find(name);
    if (!v) return std::nullopt;
    if (v->is_boolean()) return v->scalar.boolean;
    problems.push_back(where + name + ": expected true or false, got " + kind_of(*v) + "; ignored");
    return std::nullopt;
}

// "i18n": {"next": "下一页", "readingTime": {"other": "{n} 分钟"}, "months":
// [12 names], …}: a text, a plural text's forms (or one text for all), a
// list of names. Each bad member is a problem and stays English.
void read_i18n(const Value& value, SiteIndex& site) {
    if (value.kind != Value::Object) {
        site.problems.push_back("i18n: expected an object of the interface's words, got " + kind_of(value) + "; ignored");
        return;
    }
    for (size_t i = 0; i < value.keys.size(); ++i) {
        const std::string& key = value.keys[i];
        const Value& v = value.items[i];
        bool ok = v.is_string() && ui_text_set(site.text, key, {}, v.text);
        if (v.kind == Value::Object) {
            ok = true;
            for (size_t f = 0; f < v.keys.size(); ++f)
                ok = v.items[f].is_string() && ui_text_set(site.text, key, v.keys[f], v.items[f].text) && ok;
        } else if (v.kind == Value::Array) {
            std::string names;
            ok = true;
            for (const Value& name : v.items) {
                ok = ok && name.is_string() && name.text.find('|') == std::string::npos;
                names += (&name == &v.items[0] ? "" : "|") + name.text;
            }
            ok = ok && ui_text_set(site.text, key, {}, names);
        }
        if (!ok)
            site.problems.push_back("i18n." + key +
                                    ": expected a text (or {\"one\", \"other\"…} texts, or a list of 12 month or 7 "
                                    "day names) for a known key, got " + kind_of(v) + "; ignored");
    }
}

// "homeInfo": {"title", "content", "socialIcons": [{"name", "url"}]}. A bad
// field is a problem and left out; a bad icon (or a script URL) too.
void read_home_info(const Value& value, SiteIndex& site) {
    if (value.kind != Value::Object) {
        site.problems.push_back("homeInfo: expected an object with \"title\", \"content\" and \"socialIcons\", got " +
                                kind_of(value) + "; ignored");
        return;
    }
    HomeInfo info;
    for (const char* name : {"title", "content"}) {
        const Value* v = value.find(name);
        if (!v) continue;
        if (v->is_string()) (name[0] == 't' ? info.title : info.content) = v->text;
        else site.problems.push_back(std::string("homeInfo.") + name + ": expected a string, got " + kind_of(*v) + "; ignored");
    }
    if (const Value* icons = value.find("socialIcons")) {
        if (icons->kind != Value::Array)
            site.problems.push_back("homeInfo.socialIcons: expected an array of {\"name\", \"url\"} objects, got " +
                                    kind_of(*icons) + "; ignored");
        else
            read_links(*icons, "homeInfo.socialIcons", info.social_icons, site.problems);
    }
    site.home_info = std::move(info);
}

// A paged index's "parts" (files relative to index.json, as a post's "file")
// and "total" (a whole number). Either missing or bad: a problem each, and
// the index is this one file (its posts are all the blog has).
void read_parts(const Value& root, SiteIndex& site) {
    const Value* files = root.find("parts");
    const Value* total = root.find("total");
    if (!files && !total) return;
    const size_t before = site.problems.size();
    IndexParts parts;
    if (!files || files->kind != Value::Array) {
        site.problems.push_back("parts: expected an array of file names (with \"total\"), got " +
                                (files ? kind_of(*files) : std::string("nothing")));
    } else {
        for (size_t i = 0; i < files->items.size(); ++i) {
            const Value& f = files->items[i];
            const char* why = f.is_string() ? file_problem(f.text) : "must be a string";
            if (why) site.problems.push_back("parts[" + std::to_string(i) + "]: " + why + ", got " + kind_of(f));
            else parts.files.push_back(f.text);
        }
    }
    const bool whole = total && total->kind == Value::Scalar_ && total->scalar.kind == Scalar::Number &&
                       (total->scalar.number.kind == JsonNumber::Unsigned ||
                        (total->scalar.number.kind == JsonNumber::Integer && total->scalar.number.integer >= 0));
    if (!whole) site.problems.push_back("total: expected how many posts the home list shows in all (a whole number), got " +
                                        (total ? kind_of(*total) : std::string("nothing")));
    else parts.total = static_cast<size_t>(whole_number(total->scalar.number));
    if (site.problems.size() == before) site.parts = std::move(parts);
    else site.problems.back() += "; the posts of this file are all that is shown";
}

// The site's own fields, read from the tree of them (a few small values):
// each bad one is a problem and left out.
void read_site_fields(const Value& root, SiteIndex& site) {
    auto top_string = [&](const char* name, std::string& out) {
        const Value* v = root.find(name);
        if (!v) return;
        if (v->is_string()) out = v->text;
        else site.problems.push_back(std::string(name) + ": expected a string, got " + kind_of(*v));
    };
    top_string("title", site.title);
    top_string("author", site.author);
    top_string("description", site.description);
    if (const Value* v = root.find("unsafeHtml")) {
        if (v->is_boolean()) site.unsafe_html = v->scalar.boolean;
        else site.problems.push_back("unsafeHtml: expected true or false, got " + kind_of(*v));
    }
    if (const Value* v = root.find("rawHtml")) {
        if (v->is_string() && (v->text == "omit" || v->text == "sanitize")) site.sanitize_html = v->text == "sanitize";
        else site.problems.push_back("rawHtml: expected \"omit\" or \"sanitize\", got " + kind_of(*v) + "; raw HTML is omitted");
    }

    if (const Value* v = root.find("language")) {
        if (v->is_string() && language_ok(v->text)) site.language = v->text;
        else site.problems.push_back("language: expected a language tag such as \"en\" or \"pt-BR\", got " + kind_of(*v));
    }
    if (const Value* v = root.find("menu")) read_menu(*v, site);
    if (const Value* v = root.find("homeInfo")) read_home_info(*v, site);
    if (const Value* v = root.find("languages")) read_languages(*v, site);
    top_string("copyright", site.copyright);
    if (const Value* v = root.find("i18n")) read_i18n(*v, site);
    top_string("dateFormat", site.date_format);
    if (const Value* v = root.find("defaultTheme")) {
        const bool ok = v->is_string() && (v->text == "auto" || v->text == "light" || v->text == "dark");
        if (ok) site.default_theme = v->text;
        else site.problems.push_back("defaultTheme: expected \"auto\", \"light\" or \"dark\", got " + kind_of(*v) + "; \"auto\" is used");
    }
    if (auto v = soft_bool(root, "showPageNums", "", site.problems)) site.show_page_nums = *v;
    if (auto v = soft_bool(root, "hasCJKLanguage", "", site.problems)) site.has_cjk_language = *v;
    if (auto v = soft_bool(root, "mathPassthrough", "", site.problems)) site.math_passthrough = *v;
    for (const PostSwitchField& f : kPostSwitchFields)
        if (auto v = soft_bool(root, f.name, "", site.problems)) site.switches.*f.site = *v;
    if (const Value* v = root.find("shortcodes")) {
        if (v->kind != Value::Object) site.problems.push_back("shortcodes: expected an object of template texts, got " + kind_of(*v));
        else
            for (size_t i = 0; i < v->keys.size(); ++i)
                if (v->items[i].is_string()) site.shortcodes.emplace_back(v->keys[i], v->items[i].text);
    }
    read_parts(root, site);
}

// The site's fields read_site_fields reads; the reader keeps no other key of
// the top object but "posts".
bool is_site_field(std::string_view key) {
    for (std::string_view name : {"title", "author", "description", "unsafeHtml", "rawHtml", "language", "menu",
                                  "homeInfo", "copyright", "defaultTheme", "showPageNums", "parts", "total", "languages",
                                  "hasCJKLanguage", "i18n", "dateFormat", "shortcodes", "mathPassthrough"})
        if (key == name) return true;
    for (const PostSwitchField& f : kPostSwitchFields)
        if (key == f.name) return true;
    return false;
}

// ---------------------------------------------------------------- the reader
//
// index.json is read in one pass of json_read (core/index/json_reader.hpp):
// each entry of "posts" goes straight into a Post, without a tree of the
// array (at 10,000 posts a tree was most of the time and memory of a
// parse). An entry's fields are kept as the file gives them, a repeated key
// keeping its last value, and checked when the entry ends, in the order and
// with the messages of the tree-walking reader this replaced, whatever the
// order of the keys. The site's own fields are small: they are built into a
// small tree (Value) and read by read_site_fields.

// Bytes that are not UTF-8 are first replaced by U+FDD0, a noncharacter
// kept for a program's internal use (no index holds it), so that the fields
// they were in can be found after parsing; there it becomes U+FFFD.
constexpr std::string_view kRepairMark = "\xEF\xB7\x90";  // U+FDD0

void replace_repair_marks(std::string& s) {
    for (size_t at = 0; (at = s.find(kRepairMark, at)) != std::string::npos; at += kRepairMark.size())
        s.replace(at, kRepairMark.size(), "\xEF\xBF\xBD");
}

// A value as the reader's events give it: a scalar, or the start of a container.
struct Event {
    enum Kind : unsigned char { Scalar_, Array, Object };
    Kind kind;
    Scalar scalar;
    std::string_view text;  // a string's: valid during the event only
};

std::string kind_of(const Event& e) {
    if (e.kind == Event::Array) return "an array";
    if (e.kind == Event::Object) return "an object";
    return kind_of(e.scalar, e.text);
}

// One field of a post entry, as the entry gives it.
struct Field {
    enum Type : unsigned char { Absent, String, Scalar_, Array, Object };
    Type type = Absent;
    std::string text;  // String: the value
    Scalar scalar;     // Scalar_: null, a boolean or a number

    void set(const Event& e) {
        switch (e.kind) {
            case Event::Array: type = Array; break;
            case Event::Object: type = Object; break;
            default:
                if (e.scalar.kind == Scalar::String) type = String, text.assign(e.text.data(), e.text.size());
                else type = Scalar_, scalar = e.scalar;
        }
    }
    bool present() const { return type != Absent; }
    bool is_string() const { return type == String; }
    bool is_boolean() const { return type == Scalar_ && scalar.kind == Scalar::Boolean; }
};

std::string kind_of(const Field& f) {
    switch (f.type) {
        case Field::String: return shown(f.text);
        case Field::Array: return "an array";
        case Field::Object: return "an object";
        default: return kind_of(f.scalar);
    }
}

// "tags" and "categories": an array of non-empty strings.
struct ListField {
    Field self;                                       // Array, or what else the value is
    std::vector<std::string> items;                   // its non-empty strings, in order
    std::vector<std::pair<size_t, std::string>> bad;  // every other element: its index and kind_of
    size_t count = 0;                                 // elements seen

    void reset() {
        self.type = Field::Absent;
        items.clear();
        bad.clear();
        count = 0;
    }
    void add(const Event& e) {
        const size_t i = count++;
        if (i >= kMaxPostTerms) return;  // counted, not read: reported by bound_post_terms
        if (e.kind == Event::Scalar_ && e.scalar.kind == Scalar::String && !e.text.empty()) items.emplace_back(e.text);
        else bad.emplace_back(i, kind_of(e));
    }
};
// "cover": {"image", "alt", "caption", "hiddenInList", "hiddenInSingle"}.
struct CoverField {
    Field self;  // Object, or what else the value is
    Field image, alt, caption, in_list, in_single;  // in_list, in_single: "hiddenInList", "hiddenInSingle"

    void reset() { self.type = image.type = alt.type = caption.type = in_list.type = in_single.type = Field::Absent; }
};

constexpr size_t kSwitchCount = std::size(kPostSwitchFields);

// A post entry's fields, as read so far.
struct PostFields {
    Field slug, title, date, author, summary, truncated, draft, hidden, file, description, weight, url, cjk;
    Field switches[kSwitchCount];
    ListField tags, categories, translations;
    CoverField cover;

    void reset() {
        for (Field* f : {&slug, &title, &date, &author, &summary, &truncated, &draft, &hidden, &file, &description, &weight, &url, &cjk})
            f->type = Field::Absent;
        for (Field& f : switches) f.type = Field::Absent;
        tags.reset();
        categories.reset();
        translations.reset();
        cover.reset();
    }
    // Any of the fields read_post_extras reads.
    bool has_extras() const {
        bool any = description.present() || weight.present() || cover.self.present() || categories.self.present() ||
                   translations.self.present() || cjk.present();
        for (const Field& f : switches) any = any || f.present();
        return any;
    }
};

// Key matching, called for every key of every post: the lengths first (most
// keys differ in length from most names), without a call per comparison.
inline bool same_key(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size()) == 0;
}

// The switches' names as string_views (their lengths known at compile time).
constexpr std::array<std::string_view, kSwitchCount> kSwitchNames = [] {
    std::array<std::string_view, kSwitchCount> names{};
    for (size_t i = 0; i < kSwitchCount; ++i) names[i] = kPostSwitchFields[i].name;
    return names;
}();

// The entry's fields with one value each (by name, in the order a post of
// `wasm-blog index` writes them, the commonest first).
constexpr std::pair<std::string_view, Field PostFields::*> kPostScalarFields[] = {
    {"slug", &PostFields::slug},       {"title", &PostFields::title},     {"date", &PostFields::date},
    {"summary", &PostFields::summary}, {"truncated", &PostFields::truncated}, {"file", &PostFields::file},
    {"author", &PostFields::author},   {"hidden", &PostFields::hidden},   {"draft", &PostFields::draft},
    {"description", &PostFields::description}, {"weight", &PostFields::weight}, {"url", &PostFields::url},
};

// "posts[3].date: expected RFC 3339 date, got ..." for one entry: the first
// problem found is the one reported.
struct EntryCheck {
    size_t position;
    std::string problem;

    std::string where() const { return "posts[" + std::to_string(position) + "]"; }
    bool fail(const char* name, const std::string& why) {
        if (problem.empty()) problem = where() + "." + name + ": " + why;
        return false;
    }
    bool string(const char* name, Field& f, std::string& out, bool required) {
        if (!f.present()) return required ? fail(name, "missing (required)") : true;
        if (!f.is_string()) return fail(name, "expected a string, got " + kind_of(f));
        out = std::move(f.text);
        if (required && out.find_first_not_of(" \t\r\n") == std::string::npos) return fail(name, "must not be empty");
        return true;
    }
    bool boolean(const char* name, const Field& f, bool& out) {
        if (!f.present()) return true;
        if (!f.is_boolean()) return fail(name, "expected true or false, got " + kind_of(f));
        out = f.scalar.boolean;
        return true;
    }
};

// A post's optional fields that never cost it its place: description,
// weight, cover, categories and the switches. A bad value is a problem and ignored.
void read_post_extras(PostFields& f, const std::string& where, Post& post, std::vector<std::string>& problems) {
    const std::string at = where + ".";
    if (f.description.present()) {
        if (f.description.is_string()) post.description = std::move(f.description.text);
        else problems.push_back(at + "description: expected a string, got " + kind_of(f.description) + "; ignored");
    }
    if (f.weight.present()) {
        const Scalar& w = f.weight.scalar;
        if (f.weight.type == Field::Scalar_ && w.kind == Scalar::Number && w.number.kind != JsonNumber::Float)
            post.weight = whole_number(w.number);  // beyond a long long: wrapped, as nlohmann's get<long long>
        else problems.push_back(at + "weight: expected a whole number, got " + kind_of(f.weight) + "; ignored");
    }
    if (const CoverField& c = f.cover; c.self.present()) {
        if (c.self.type != Field::Object || !c.image.is_string() || c.image.text.empty()) {
            problems.push_back(at + "cover: expected an object with a non-empty \"image\", got " + kind_of(c.self) + "; ignored");
        } else if (!url_is_safe(c.image.text, UrlUse::Image)) {
            problems.push_back(at + "cover.image: " + kImagePolicy + ", got " + shown(c.image.text) + "; ignored");
        } else {
            Cover cover;
            cover.image = c.image.text;
            for (const char* name : {"alt", "caption"}) {
                const Field& v = name[0] == 'a' ? c.alt : c.caption;
                if (!v.present()) continue;
                if (v.is_string()) (name[0] == 'a' ? cover.alt : cover.caption) = v.text;
                else problems.push_back(at + "cover." + name + ": expected a string, got " + kind_of(v) + "; ignored");
            }
            cover.hidden_in_list = c.in_list.is_boolean() && c.in_list.scalar.boolean;
            cover.hidden_in_single = c.in_single.is_boolean() && c.in_single.scalar.boolean;
            post.cover = std::move(cover);
        }
    }
    if (f.categories.self.present()) {
        if (f.categories.self.type != Field::Array) {
            problems.push_back(at + "categories: expected an array of strings, got " + kind_of(f.categories.self) + "; ignored");
        } else {
            for (const auto& [i, kind] : f.categories.bad)
                problems.push_back(at + "categories[" + std::to_string(i) + "]: expected a non-empty string, got " + kind +
                                   "; left out");
            post.categories = std::move(f.categories.items);
        }
    }
    if (f.translations.self.present()) {
        if (f.translations.self.type != Field::Array) {
            problems.push_back(at + "translations: expected an array of URLs, got " + kind_of(f.translations.self) +
                               "; ignored");
        } else {
            for (const auto& [i, kind] : f.translations.bad)
                problems.push_back(at + "translations[" + std::to_string(i) + "]: expected a URL, got " + kind + "; left out");
            for (std::string& url : f.translations.items) {
                if (url_is_safe(url, UrlUse::Link)) post.translations.push_back(std::move(url));
                else problems.push_back(at + "translations: " + std::string(kLinkPolicy) + ", got " + shown(url) + "; left out");
            }
        }
    }
    if (f.cjk.present()) {
        if (f.cjk.is_boolean()) post.cjk = f.cjk.scalar.boolean;
        else problems.push_back(at + "isCJKLanguage: expected true or false, got " + kind_of(f.cjk) + "; ignored");
    }
    for (size_t i = 0; i < kSwitchCount; ++i) {
        const Field& v = f.switches[i];
        if (!v.present()) continue;
        if (v.is_boolean()) post.switches.*kPostSwitchFields[i].post = v.scalar.boolean;
        else problems.push_back(at + kPostSwitchFields[i].name + ": expected true or false, got " + kind_of(v) + "; ignored");
    }
}


// The bound on a post's terms (kMaxPostTerms) for one taxonomy: `list` is
// what the entry gave (the elements past the bound were counted, not read).
void bound_post_terms(const ListField& list, Taxonomy taxonomy, const std::string& where,
                      std::vector<std::string>& problems) {
    if (list.count <= kMaxPostTerms) return;
    const std::string name(taxonomy_name(taxonomy));
    problems.push_back(where + "." + name + ": " + std::to_string(list.count) + " " + name + ", more than the " +
                       std::to_string(kMaxPostTerms) + " a post may have; the first " + std::to_string(kMaxPostTerms) +
                       " are kept");
}

// Builds the tree of one of the site's fields from its events (a repeated
// key keeps its last value).
class TreeBuilder {
public:
    // Containers this deep are kept empty (their contents skipped): no
    // message reads below homeInfo.socialIcons[i].url, the third level, or
    // shows more of a container than "an array" or "an object".
    static constexpr size_t kDepth = 3;

    void begin(Value* target) { target_ = target; }
    bool active() const { return target_ != nullptr; }
    size_t depth() const { return stack_.size(); }
    void value(const Event& e) {
        Value& v = *slot();
        v = Value{};
        v.scalar = e.scalar;
        if (e.scalar.kind == Scalar::String) v.text.assign(e.text.data(), e.text.size());
        if (stack_.empty()) target_ = nullptr;
    }
    // An empty container where one too deep is skipped.
    void empty_container(bool object) {
        Value& v = *slot();
        v = Value{};
        v.kind = object ? Value::Object : Value::Array;
    }
    void start(bool object) {
        Value* s = slot();
        *s = Value{};
        s->kind = object ? Value::Object : Value::Array;
        stack_.push_back(s);
    }
    void key(std::string_view k) { key_.assign(k.data(), k.size()); }
    void end() {
        stack_.pop_back();
        if (stack_.empty()) target_ = nullptr;
    }

private:
    Value* slot() {
        if (stack_.empty()) return target_;
        Value& top = *stack_.back();
        if (top.kind == Value::Object) return &top.member(key_);
        return &top.items.emplace_back();
    }

    Value* target_ = nullptr;
    std::vector<Value*> stack_;  // the open containers (one grows only while none inside it is open)
    std::string key_;
};

// What the next value is, in the container the reader is in.
enum class Target : unsigned char {
    Root,        // the file's top value
    Ignored,     // a field the index does not read (its contents are skipped)
    Posts,       // "posts"
    SiteField,   // one of the site's fields (site_field_)
    Entry,       // an element of "posts"
    PostField,   // a field of the entry (field_)
    PostList,    // the entry's "tags" or "categories" (list_)
    ListItem,    // an element of list_
    Cover,       // the entry's "cover"
    CoverField,  // "image", "alt" or "caption" of the cover (field_)
};

// json_read's handler for the index: the posts and the site's fields.
class IndexReader {
public:
    explicit IndexReader(bool repaired) : repaired_(repaired) { site_fields.kind = Value::Object; }

    void null() { value(Event{Event::Scalar_, {}, {}}); }
    void boolean(bool b) {
        Event e{Event::Scalar_, {}, {}};
        e.scalar.kind = Scalar::Boolean;
        e.scalar.boolean = b;
        value(e);
    }
    void number(const JsonNumber& n) {
        Event e{Event::Scalar_, {}, {}};
        e.scalar.kind = Scalar::Number;
        e.scalar.number = n;
        value(e);
    }
    void string(std::string_view s) {
        if (skip_) return;
        if (repaired_ && s.find(kRepairMark) != std::string_view::npos) {
            scratch_.assign(s.data(), s.size());
            replace_repair_marks(scratch_);
            s = scratch_;
        }
        Event e{Event::Scalar_, {}, s};
        e.scalar.kind = Scalar::String;
        value(e);
    }
    void start_object() { start(Event::Object); }
    void start_array() { start(Event::Array); }
    void end_object() { end(); }
    void end_array() { end(); }
    void key(std::string_view k);

    // What was read.
    bool root_object = false;
    std::string root_kind;          // kind_of the top value when it is not an object
    Value site_fields;              // the site's fields, as a tree
    bool has_posts = false, posts_array = false;
    std::string posts_kind;         // kind_of "posts" when it is not an array
    std::vector<Post> posts;        // published, in file order
    std::vector<std::string> post_problems;
    size_t skipped_entries = 0;
    std::unordered_map<std::string, size_t> first_use;  // slug -> position, drafts included
    std::unordered_map<std::string, size_t> url_use;    // url -> position, drafts included
    std::vector<std::string> drafts;                    // their slugs

private:
    enum class Frame : unsigned char { Root, Posts, Post, List, Cover };

    Target target() const {
        if (frames_.empty()) return Target::Root;
        switch (frames_.back()) {
            case Frame::Posts: return Target::Entry;
            case Frame::List: return Target::ListItem;
            default: return key_target_;  // an object's: set by its key
        }
    }
    void value(const Event& e);
    void start(Event::Kind kind);
    void end();
    void push(Frame f) { frames_.push_back(f); }
    Target post_key(std::string_view k);
    void entry_not_object(const Event& e) {
        post_problems.push_back("posts[" + std::to_string(entries_++) + "]: expected an object, got " + kind_of(e));
        ++skipped_entries;
    }
    void finish_post();

    const bool repaired_;
    std::vector<Frame> frames_;  // the containers read, outermost first
    size_t skip_ = 0;            // > 0: inside a value not read, this many containers deep
    Target key_target_ = Target::Ignored;
    TreeBuilder tree_;
    Value* site_field_ = nullptr;
    Field* field_ = nullptr;
    ListField* list_ = nullptr;
    PostFields post_;
    size_t entries_ = 0;  // elements of "posts" seen
    std::string scratch_;  // a string with its repair marks replaced
};

void IndexReader::value(const Event& e) {
    if (skip_) return;
    if (tree_.active()) return tree_.value(e);
    switch (target()) {
        case Target::Root: root_kind = kind_of(e); break;
        case Target::Ignored: break;
        case Target::Posts: posts_kind = kind_of(e); break;
        case Target::SiteField: tree_.begin(site_field_), tree_.value(e); break;
        case Target::Entry: entry_not_object(e); break;
        case Target::PostField:
        case Target::CoverField: field_->set(e); break;
        case Target::PostList: list_->self.set(e); break;
        case Target::ListItem: list_->add(e); break;
        case Target::Cover: post_.cover.self.set(e); break;
    }
}

void IndexReader::start(Event::Kind kind) {
    if (skip_) {
        ++skip_;
        return;
    }
    const bool object = kind == Event::Object;
    if (tree_.active()) {
        if (tree_.depth() < TreeBuilder::kDepth) return tree_.start(object);
        tree_.empty_container(object);
        skip_ = 1;
        return;
    }
    const Event e{kind, {}, {}};
    switch (target()) {
        case Target::Root:
            if (object) return root_object = true, push(Frame::Root);
            root_kind = kind_of(e);
            break;
        case Target::Ignored: break;
        case Target::Posts:
            if (!object) return posts_array = true, push(Frame::Posts);
            posts_kind = kind_of(e);
            break;
        case Target::SiteField:
            tree_.begin(site_field_);
            return tree_.start(object);
        case Target::Entry:
            if (object) {
                post_.reset();
                return push(Frame::Post);
            }
            entry_not_object(e);
            break;
        case Target::PostField:
        case Target::CoverField: field_->set(e); break;
        case Target::PostList:
            list_->self.set(e);
            if (!object) return push(Frame::List);
            break;
        case Target::ListItem: list_->add(e); break;
        case Target::Cover:
            post_.cover.self.set(e);
            if (object) return push(Frame::Cover);
            break;
    }
    skip_ = 1;  // a container not read further
}

void IndexReader::end() {
    if (skip_) {
        --skip_;
        return;
    }
    if (tree_.active()) return tree_.end();
    const Frame f = frames_.back();
    frames_.pop_back();
    if (f == Frame::Post) finish_post();
}

void IndexReader::key(std::string_view k) {
    if (skip_) return;
    if (tree_.active()) return tree_.key(k);
    switch (frames_.back()) {
        case Frame::Root:
            if (k == "posts") {  // a repeated "posts" replaces the first
                has_posts = true;
                posts_array = false;
                posts.clear();
                post_problems.clear();
                skipped_entries = 0;
                first_use.clear();
                url_use.clear();
                drafts.clear();
                entries_ = 0;
                key_target_ = Target::Posts;
            } else if (is_site_field(k)) {
                site_field_ = &site_fields.member(k);
                key_target_ = Target::SiteField;
            } else {
                key_target_ = Target::Ignored;
            }
            break;
        case Frame::Post: key_target_ = post_key(k); break;
        case Frame::Cover:
            field_ = k == "image" ? &post_.cover.image : k == "alt" ? &post_.cover.alt : k == "caption" ? &post_.cover.caption
                     : k == "hiddenInList" ? &post_.cover.in_list : k == "hiddenInSingle" ? &post_.cover.in_single : nullptr;
            key_target_ = field_ ? Target::CoverField : Target::Ignored;
            break;
        default: break;  // arrays have no keys
    }
}

Target IndexReader::post_key(std::string_view k) {
    for (const auto& [name, member] : kPostScalarFields)
        if (same_key(k, name)) {
            field_ = &(post_.*member);
            return Target::PostField;
        }
    if (same_key(k, "tags") || same_key(k, "categories") || same_key(k, "translations")) {
        list_ = k.size() == 4 ? &post_.tags : k.size() == 10 ? &post_.categories : &post_.translations;
        list_->reset();
        return Target::PostList;
    }
    if (same_key(k, "cover")) {
        post_.cover.reset();
        return Target::Cover;
    }
    if (same_key(k, "isCJKLanguage")) {
        field_ = &post_.cjk;
        return Target::PostField;
    }
    for (size_t i = 0; i < kSwitchCount; ++i)
        if (same_key(k, kSwitchNames[i])) {
            field_ = &post_.switches[i];
            return Target::PostField;
        }
    return Target::Ignored;
}

// An entry ends: checked in a fixed order, whatever the order of its keys;
// the first problem leaves it out.
void IndexReader::finish_post() {
    PostFields& f = post_;
    const size_t pos = entries_++;
    EntryCheck r{pos, {}};
    Post post;
    post.position = pos;
    bool draft = false;
    std::string date_text, summary, file;
    bool ok = r.string("slug", f.slug, post.slug, true) && r.string("title", f.title, post.title, true);
    if (ok) {
        for (unsigned char c : post.slug)
            if (!index_slug_char(c)) {
                ok = r.fail("slug", "expected letters, digits, \"-\", \"_\" or \".\", got " + shown(post.slug));
                break;
            }
    }
    if (ok) {
        if (auto seen = first_use.find(post.slug); seen != first_use.end())
            ok = r.fail("slug", shown(post.slug) + " is already used by posts[" + std::to_string(seen->second) + "]");
    }
    ok = ok && r.string("date", f.date, date_text, false) && r.string("author", f.author, post.author, false) &&
         r.string("summary", f.summary, summary, false) && r.boolean("truncated", f.truncated, post.truncated) &&
         r.boolean("draft", f.draft, draft) && r.boolean("hidden", f.hidden, post.hidden) &&
         r.string("file", f.file, file, false) && r.string("url", f.url, post.url, false);
    if (ok && f.date.present()) {
        auto d = date_parse(date_text);
        if (d) post.date = d.value();
        else ok = r.fail("date", d.error().message);
    }
    if (ok && f.url.present()) {
        if (const char* why = index_url_problem(post.url)) ok = r.fail("url", std::string(why) + ", got " + shown(post.url));
        else if (auto seen = url_use.find(post.url); seen != url_use.end())
            ok = r.fail("url", shown(post.url) + " is already used by posts[" + std::to_string(seen->second) + "]");
    }
    if (ok && f.file.present()) {
        if (const char* why = file_problem(file, true)) ok = r.fail("file", std::string(why) + ", got " + shown(file));
    }
    if (ok && f.tags.self.present()) {
        if (f.tags.self.type != Field::Array)
            ok = r.fail("tags", "expected an array of strings, got " + kind_of(f.tags.self));
        else if (!f.tags.bad.empty())
            ok = r.fail("tags", "[" + std::to_string(f.tags.bad[0].first) + "]: expected a non-empty string, got " +
                                    f.tags.bad[0].second);
        else
            post.tags = std::move(f.tags.items);
    }
    if (!ok) {
        post_problems.push_back(r.problem);
        ++skipped_entries;
        return;
    }
    first_use.emplace(post.slug, pos);
    if (!post.url.empty()) url_use.emplace(post.url, pos);
    if (draft) return drafts.push_back(std::move(post.slug));
    if (f.has_extras()) read_post_extras(f, r.where(), post, post_problems);
    bound_post_terms(f.tags, Taxonomy::Tags, r.where(), post_problems);
    bound_post_terms(f.categories, Taxonomy::Categories, r.where(), post_problems);
    if (f.summary.present()) post.summary = std::move(summary);
    post.file = f.file.present() ? std::move(file) : post.slug + ".md";
    posts.push_back(std::move(post));
}

// "posts[3].title: not valid UTF-8; ..." for each string of the file
// holding a repair mark, in the order of the tree the reader before this one
// walked: an object's members by key (bytes compared, as std::map sorts
// them), an array's elements in order; a value replaced by a repeated key
// is not named. json_read's handler, without a tree (the file may be nested
// a million levels deep): each marked string's path is kept with a key that
// sorts as that walk went, and a repeated key drops the strings found in
// the value it replaces.
class RepairFinder {
public:
    void null() { scalar(); }
    void boolean(bool) { scalar(); }
    void number(const JsonNumber&) { scalar(); }
    void string(std::string_view s) {
        enter();
        if (s.find(kRepairMark) != std::string_view::npos) found_.push_back({sort_, path_});
        leave();
    }
    void start_object() { start(true); }
    void start_array() { start(false); }
    void end_object() { end(); }
    void end_array() { end(); }
    void key(std::string_view k) {
        Open& o = open_.back();
        path_.resize(o.path_size);
        path_.append(".").append(k.data(), k.size());
        sort_.resize(o.sort_size);
        for (char c : k) {
            if (c == '\0') sort_.append("\0\1", 2);  // so that "\0\0" ends a key, before any longer one
            else sort_ += c;
        }
        sort_.append("\0\0", 2);
        std::string id(reinterpret_cast<const char*>(&o.serial), sizeof o.serial);
        id.append(k.data(), k.size());
        const size_t member = members_.size();
        members_.push_back({found_.size(), found_.size()});
        auto [it, first] = last_member_.try_emplace(std::move(id), member);
        if (!first) {  // the earlier value is replaced: its strings are not named
            dropped_.push_back({members_[it->second].first, members_[it->second].end});
            it->second = member;
        }
        o.member = member;
    }

    std::vector<std::string> problems() {
        std::vector<int> depth(found_.size() + 1, 0);
        for (const auto& d : dropped_) ++depth[d.first], --depth[d.end];
        std::vector<size_t> kept;
        long long in = 0;
        for (size_t i = 0; i < found_.size(); ++i)
            if ((in += depth[i]) == 0) kept.push_back(i);
        // Stable by position (kept holds distinct positions): std::sort's code
        // is a third of stable_sort's in the engine (issue 9).
        std::sort(kept.begin(), kept.end(), [&](size_t a, size_t b) {
            const int order = found_[a].sort.compare(found_[b].sort);
            return order != 0 ? order < 0 : a < b;
        });
        std::vector<std::string> out;
        for (size_t i : kept) {
            const std::string& path = found_[i].path;
            out.push_back(path.substr(!path.empty() && path[0] == '.' ? 1 : 0) +
                          ": not valid UTF-8; the bad bytes are shown as \xEF\xBF\xBD");
        }
        return out;
    }

private:
    struct Open {
        bool object;
        size_t path_size, sort_size;
        size_t index = 0;   // an array's next element
        size_t serial = 0;  // an object's number, for last_member_
        size_t member = 0;  // an object's member being read (in members_)
    };
    struct Range {
        size_t first, end;  // in found_
    };
    struct Found {
        std::string sort, path;
    };

    // A value begins: in an array, its index is the path's last step.
    void enter() {
        if (open_.empty() || open_.back().object) return;
        Open& o = open_.back();
        path_.resize(o.path_size);
        path_.append("[").append(std::to_string(o.index)).append("]");
        sort_.resize(o.sort_size);
        for (int shift = 56; shift >= 0; shift -= 8) sort_ += char((o.index >> shift) & 0xFF);
        ++o.index;
    }
    // A value ended: in an object, the strings found in it are its member's.
    void leave() {
        if (!open_.empty() && open_.back().object) members_[open_.back().member].end = found_.size();
    }
    void scalar() {
        enter();
        leave();
    }
    void start(bool object) {
        enter();
        open_.push_back({object, path_.size(), sort_.size()});
        if (object) open_.back().serial = objects_++;
    }
    void end() {
        open_.pop_back();
        leave();
    }

    std::vector<Open> open_;
    std::string path_;  // ".posts[3].title"
    std::string sort_;  // the path as a key that sorts as the walk went
    std::vector<Found> found_;
    std::vector<Range> members_;  // each member read: the strings found in its value
    std::vector<Range> dropped_;  // members replaced by a repeated key
    std::unordered_map<std::string, size_t> last_member_;  // object serial + key -> its last member
    size_t objects_ = 0;
};

// Hugo's default order: a weight before none, lower first; then newest
// first; undated posts after all dated ones, in file order. Sorted as keys,
// then moved once.
std::vector<Post> sort_posts(std::vector<Post>& posts) {
    struct Key {
        long long weight;
        int64_t seconds;
        size_t at;  // file order among the posts: the sort is stable
        bool dated;
    };
    std::vector<Key> keys;
    keys.reserve(posts.size());
    for (size_t i = 0; i < posts.size(); ++i) {
        const Post& p = posts[i];
        keys.push_back({p.weight, p.date ? date_unix_seconds(*p.date) : 0, i, p.date.has_value()});
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        if (a.weight != b.weight) {
            if (a.weight == 0 || b.weight == 0) return b.weight == 0;
            return a.weight < b.weight;
        }
        if (a.dated != b.dated) return a.dated;
        if (a.dated && a.seconds != b.seconds) return a.seconds > b.seconds;
        return a.at < b.at;
    });
    std::vector<Post> sorted;
    sorted.reserve(posts.size());
    for (const Key& k : keys) sorted.push_back(std::move(posts[k.at]));
    return sorted;
}

}  // namespace

const Post* SiteIndex::find(std::string_view slug) const {
    auto it = by_slug.find(std::string(slug));
    return it == by_slug.end() ? nullptr : &posts[it->second];
}

std::string index_post_path(const Post& post) {
    return post.url.empty() ? "posts/" + post.slug + "/" : post.url;
}

const Post* index_post_at(const SiteIndex& site, std::string_view path) {
    if (auto it = site.by_url.find(std::string(path)); it != site.by_url.end()) return &site.posts[it->second];
    constexpr std::string_view kPosts = "posts/";
    if (path.size() > kPosts.size() + 1 && path.substr(0, kPosts.size()) == kPosts && path.back() == '/') {
        const std::string_view slug = path.substr(kPosts.size(), path.size() - kPosts.size() - 1);
        if (slug.find('/') == std::string_view::npos) return site.find(slug);
    }
    return nullptr;
}

const char* index_url_problem(std::string_view url) {
    if (url.empty()) return "expected a path below the site's root";
    if (url.front() == '/') return "expected a path relative to the site's root (no leading '/')";
    if (url.back() != '/' && (url.size() < 5 || url.substr(url.size() - 5) != ".html"))
        return "expected a path ending in '/' or \".html\"";
    for (unsigned char c : url)
        if (c < 0x20 || c == 0x7F || c == '?' || c == '#' || c == '%' || c == '\\')
            return "expected no '?', '#', '%', '\\' or control characters";
    size_t start = 0;
    while (start < url.size()) {
        size_t slash = url.find('/', start);
        if (slash == std::string_view::npos) slash = url.size();
        const std::string_view seg = url.substr(start, slash - start);
        if (seg.empty() || seg == "." || seg == "..") return "expected segments that are not empty, \".\" or \"..\"";
        start = slash + 1;
    }
    const std::string_view first = url.substr(0, url.find('/'));
    const bool list_page = first == "page" && url.size() > 5 && url[5] >= '0' && url[5] <= '9';
    if (list_page || first == "tags" || first == "categories" || url == "archive/" || url == "archives/" ||
        url == "search/")
        return "expected a path that is not one of the blog's own screens";
    return nullptr;
}

const Post* SiteIndex::find_by_file(std::string_view file) const {
    auto it = by_file.find(std::string(file));
    return it == by_file.end() ? nullptr : &posts[it->second];
}

std::string index_size_problem(std::string_view source_name, size_t bytes) {
    return std::string(source_name) +
           (bytes ? ": the index is " + size_text(bytes) + ", more than the " : ": the index is larger than the ") +
           size_text(kMaxIndexBytes) + " an index may have";
}

Result<SiteIndex> index_parse(std::string_view text, std::string_view source_name) {
    const std::string src(source_name);
    if (text.size() > kMaxIndexBytes) return Error{"too-large", index_size_problem(src, text.size())};
    // One bad byte costs one character (U+FFFD), reported with its entry,
    // not the whole index (JSON text must be UTF-8).
    Utf8Repair repair;
    if (utf8_valid_prefix(text) != text.size()) {
        repair = utf8_repair(text, kRepairMark);
        text = repair.text;
    }
    IndexReader reader(repair.replaced > 0);
    JsonSyntaxError syntax;
    if (!json_read(text, reader, syntax))
        return Error{"json", src + ": not valid JSON at line " + std::to_string(syntax.line) + ", column " +
                                 std::to_string(syntax.column) + ": " + syntax.message};
    if (!reader.root_object) return Error{"schema", src + ": expected a JSON object at the top, got " + reader.root_kind};

    SiteIndex site;
    site.source = src;
    if (repair.replaced) {
        RepairFinder finder;  // a second pass, over the marks kept
        json_read(text, finder, syntax);
        site.problems = finder.problems();
        if (site.problems.empty()) {  // in a key
            std::string lines;
            for (size_t l : repair.lines) lines += (lines.empty() ? "" : ", ") + std::to_string(l);
            site.problems.push_back(src + ": not valid UTF-8 at line " + lines + "; the bad bytes were replaced");
        }
    }
    read_site_fields(reader.site_fields, site);

    if (!reader.has_posts) return Error{"schema", src + ": \"posts\" is missing: expected an array of posts"};
    if (!reader.posts_array) return Error{"schema", src + ": \"posts\": expected an array of posts, got " + reader.posts_kind};
    site.problems.insert(site.problems.end(), std::make_move_iterator(reader.post_problems.begin()),
                         std::make_move_iterator(reader.post_problems.end()));
    site.skipped_entries = reader.skipped_entries;
    for (Post& p : reader.posts)
        if (p.author.empty()) p.author = site.author;
    site.posts = sort_posts(reader.posts);
    // The slugs of the published posts are the keys of first_use without the
    // drafts': it becomes by_slug, each value set to the post's place in the list.
    for (const std::string& d : reader.drafts) reader.first_use.erase(d);
    site.by_slug = std::move(reader.first_use);
    site.by_file.reserve(site.posts.size());
    for (size_t i = 0; i < site.posts.size(); ++i) {
        site.by_slug.find(site.posts[i].slug)->second = i;
        site.by_file.emplace(site.posts[i].file, i);
        if (!site.posts[i].url.empty()) site.by_url.emplace(site.posts[i].url, i);
        if (site.posts[i].date) site.newest_year = std::max(site.newest_year, site.posts[i].date->year);
    }
    return site;
}

PostSwitches index_post_switches(const SiteIndex& site, const Post& post) {
    PostSwitches out = site.switches;
    for (const PostSwitchField& f : kPostSwitchFields)
        if (post.switches.*f.post) out.*f.site = *(post.switches.*f.post);
    return out;
}

std::vector<const Post*> index_listed(const SiteIndex& site, std::string_view tag) {
    return index_listed(site, Taxonomy::Tags, tag);
}

std::vector<const Post*> index_listed(const SiteIndex& site, Taxonomy taxonomy, std::string_view term) {
    std::vector<const Post*> out;
    const std::string key = term.empty() ? std::string() : url_term_key(term);
    for (const Post& p : site.posts) {
        const std::vector<std::string>& terms = index_post_terms(p, taxonomy);
        if (term.empty()) {
            if (!p.hidden) out.push_back(&p);
        } else {
            for (const std::string& t : terms)
                if (t == term || url_term_key(t) == key) {
                    out.push_back(&p);
                    break;
                }
        }
    }
    return out;
}

const LanguageLink* index_language_of(const SiteIndex& site, std::string_view url) {
    const LanguageLink* best = nullptr;
    for (const LanguageLink& l : site.languages)
        if (url.substr(0, l.url.size()) == l.url && (!best || l.url.size() > best->url.size())) best = &l;
    return best;
}

const std::vector<std::string>& index_post_terms(const Post& post, Taxonomy taxonomy) {
    return taxonomy == Taxonomy::Categories ? post.categories : post.tags;
}

}  // namespace blog
