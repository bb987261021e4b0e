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

// A value as the reader's events give it: a scalar (a string's text a view,
// valid during the event only), or the start of a container.
struct Event {
    enum Kind : unsigned char { Absent, Scalar_, Array, Object };
    Kind kind = Absent;
    Scalar scalar;
    std::string_view text;
};

// A value as a message shows it: "an array", "an object", or its JSON text
// (shortened). The one description of a value every problem uses.
std::string kind_of(const Event& e) {
    if (e.kind == Event::Array) return "an array";
    if (e.kind == Event::Object) return "an object";
    switch (e.scalar.kind) {
        case Scalar::Null: return "null";
        case Scalar::Boolean: return e.scalar.boolean ? "true" : "false";
        case Scalar::Number: return shown_text(json_number_text(e.scalar.number));
        default: return shown(e.text);
    }
}

long long whole_number(const JsonNumber& n) {
    return n.kind == JsonNumber::Integer ? n.integer : static_cast<long long>(n.unsigned_integer);
}

// A value kept: a field of a post entry (a container's kind only), or one of
// the site's fields as a small tree (repeated keys keep their last value;
// containers kept only three levels deep, TreeBuilder, so the recursion of
// its destructor is bounded).
struct Value {
    Event::Kind kind = Event::Absent;
    Scalar scalar;
    std::string text;               // a string's
    std::vector<std::string> keys;  // an object's, each once, in the order first given
    std::vector<Value> items;       // an array's elements, or the values of `keys`

    void set(const Event& e) {
        kind = e.kind;
        scalar = e.scalar;
        if (kind == Event::Scalar_ && scalar.kind == Scalar::String) text.assign(e.text.data(), e.text.size());
    }
    operator Event() const { return {kind, scalar, text}; }  // for kind_of (the view lives as long as the value)
    bool present() const { return kind != Event::Absent; }
    bool is_string() const { return kind == Event::Scalar_ && scalar.kind == Scalar::String; }
    bool is_boolean() const { return kind == Event::Scalar_ && scalar.kind == Scalar::Boolean; }
    const Value* find(std::string_view key) const {
        if (kind != Event::Object) return nullptr;
        for (size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == key) return &items[i];
        return nullptr;
    }
    Value* find(std::string_view key) { return const_cast<Value*>(static_cast<const Value&>(*this).find(key)); }
    // The member `key`, added (absent) when missing.
    Value& member(std::string_view key) {
        for (size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == key) return items[i];
        keys.emplace_back(key);
        return items.emplace_back();
    }
};

// url_is_safe's policy, in the messages of the URLs it refuses.
constexpr const char* kLinkPolicy = "only http:, https:, mailto:, tel: and relative URLs are allowed";
constexpr const char* kImagePolicy =
    "only http:, https:, relative and data:image/{png,gif,jpeg,webp} URLs are allowed";


// An entry's required and optional fields (a post, a menu entry, a
// language…): "posts[3].date: expected RFC 3339 date, got ..."; the first
// problem found is the one reported.
struct EntryCheck {
    std::string where;  // "posts[3]", "menu[3]"
    std::string problem;

    bool fail(const char* name, const std::string& why) {
        if (problem.empty()) problem = where + "." + name + ": " + why;
        return false;
    }
    // `v` (nullptr: not given) into `out` (its text moved there): a string; a required one not blank.
    bool string(const char* name, Value* v, std::string& out, bool required) {
        if (!v || !v->present()) return required ? fail(name, "missing (required)") : true;
        if (!v->is_string()) return fail(name, "expected a string, got " + kind_of(*v));
        out = std::move(v->text);
        if (required && out.find_first_not_of(" \t\r\n") == std::string::npos) return fail(name, "must not be empty");
        return true;
    }
    bool boolean(const char* name, const Value& v, bool& out) {
        if (!v.present()) return true;
        if (!v.is_boolean()) return fail(name, "expected true or false, got " + kind_of(v));
        out = v.scalar.boolean;
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
void read_links(Value& list, const std::string& prefix, std::vector<Link>& out, std::vector<std::string>& problems) {
    for (size_t i = 0; i < list.items.size(); ++i) {
        Value& entry = list.items[i];
        const std::string where = prefix + "[" + std::to_string(i) + "]";
        if (entry.kind != Event::Object) {
            problems.push_back(where + ": expected an object with \"name\" and \"url\", got " + kind_of(entry));
            continue;
        }
        EntryCheck r{where, {}};
        Link link;
        bool ok = r.string("name", entry.find("name"), link.name, true) && r.string("url", entry.find("url"), link.url, true);
        if (ok && !url_is_safe(link.url, UrlUse::Link))
            ok = r.fail("url", std::string(kLinkPolicy) + ", got " + shown(link.url));
        if (ok) out.push_back(std::move(link));
        else problems.push_back(r.problem);
    }
}

// "languages": [{"lang", "name", "url"}]; a bad entry is a problem and left out.
void read_languages(Value& list, SiteIndex& site) {
    if (list.kind != Event::Array) {
        site.problems.push_back("languages: expected an array of {\"lang\", \"name\", \"url\"} objects, got " +
                                kind_of(list));
        return;
    }
    for (size_t i = 0; i < list.items.size(); ++i) {
        Value& entry = list.items[i];
        const std::string where = "languages[" + std::to_string(i) + "]";
        if (entry.kind != Event::Object) {
            site.problems.push_back(where + ": expected an object with \"lang\" and \"url\", got " + kind_of(entry));
            continue;
        }
        EntryCheck r{where, {}};
        LanguageLink link;
        bool ok = r.string("lang", entry.find("lang"), link.lang, true) && r.string("url", entry.find("url"), link.url, true) &&
                  r.string("name", entry.find("name"), link.name, false);
        if (ok && !url_is_safe(link.url, UrlUse::Link))
            ok = r.fail("url", std::string(kLinkPolicy) + ", got " + shown(link.url));
        if (ok) site.languages.push_back(std::move(link));
        else site.problems.push_back(r.problem);
    }
}

// "menu": the header's entries; not an array, a problem and the default menu.
void read_menu(Value& menu, SiteIndex& site) {
    if (menu.kind != Event::Array) {
        site.problems.push_back("menu: expected an array of {\"name\", \"url\"} objects, got " + kind_of(menu) +
                                "; the default menu is shown");
        return;
    }
    site.menu.emplace();
    read_links(menu, "menu", *site.menu, site.problems);
}

// "i18n": {"next": "下一页", "readingTime": {"other": "{n} 分钟"}, "months":
// [12 names], …}: a text, a plural text's forms (or one text for all), a
// list of names. Each bad member is a problem and stays English.
void read_i18n(const Value& value, SiteIndex& site) {
    if (value.kind != Event::Object) {
        site.problems.push_back("i18n: expected an object of the interface's words, got " + kind_of(value) + "; ignored");
        return;
    }
    for (size_t i = 0; i < value.keys.size(); ++i) {
        const std::string& key = value.keys[i];
        const Value& v = value.items[i];
        bool ok = v.is_string() && ui_text_set(site.text, key, {}, v.text);
        if (v.kind == Event::Object) {
            ok = true;
            for (size_t f = 0; f < v.keys.size(); ++f)
                ok = v.items[f].is_string() && ui_text_set(site.text, key, v.keys[f], v.items[f].text) && ok;
        } else if (v.kind == Event::Array) {
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
void read_home_info(Value& value, SiteIndex& site) {
    if (value.kind != Event::Object) {
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
    if (Value* icons = value.find("socialIcons")) {
        if (icons->kind != Event::Array)
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
void read_parts(Value& root, SiteIndex& site) {
    const Value* files = root.find("parts");
    const Value* total = root.find("total");
    if (!files && !total) return;
    const size_t before = site.problems.size();
    IndexParts parts;
    if (!files || files->kind != Event::Array) {
        site.problems.push_back("parts: expected an array of file names (with \"total\"), got " +
                                (files ? kind_of(*files) : std::string("nothing")));
    } else {
        for (size_t i = 0; i < files->items.size(); ++i) {
            const Value& f = files->items[i];
            const char* why = f.is_string() ? index_file_problem(f.text) : "must be a string";
            if (why) site.problems.push_back("parts[" + std::to_string(i) + "]: " + why + ", got " + kind_of(f));
            else parts.files.push_back(f.text);
        }
    }
    const bool whole = total && total->kind == Event::Scalar_ && total->scalar.kind == Scalar::Number &&
                       (total->scalar.number.kind == JsonNumber::Unsigned ||
                        (total->scalar.number.kind == JsonNumber::Integer && total->scalar.number.integer >= 0));
    if (!whole) site.problems.push_back("total: expected how many posts the home list shows in all (a whole number), got " +
                                        (total ? kind_of(*total) : std::string("nothing")));
    else parts.total = static_cast<size_t>(whole_number(total->scalar.number));
    if (site.problems.size() == before) site.parts = std::move(parts);
    else site.problems.back() += "; the posts of this file are all that is shown";
}

// One of the site's own fields (`key`, its value `v`, `root` the others): a
// bad one is a problem and left out. "parts" and "total" are read together,
// at the later of the two.
void read_site_field(std::string_view key, Value& v, Value& root, SiteIndex& site) {
    const auto top_string = [&](std::string& out) {
        if (v.is_string()) out = v.text;
        else site.problems.push_back(std::string(key) + ": expected a string, got " + kind_of(v));
    };
    if (key == "title") return top_string(site.title);
    if (key == "author") return top_string(site.author);
    if (key == "description") return top_string(site.description);
    if (key == "copyright") return top_string(site.copyright);
    if (key == "dateFormat") return top_string(site.date_format);
    if (key == "unsafeHtml") {
        if (v.is_boolean()) site.unsafe_html = v.scalar.boolean;
        else site.problems.push_back("unsafeHtml: expected true or false, got " + kind_of(v));
    } else if (key == "rawHtml") {
        if (v.is_string() && (v.text == "omit" || v.text == "sanitize")) site.sanitize_html = v.text == "sanitize";
        else site.problems.push_back("rawHtml: expected \"omit\" or \"sanitize\", got " + kind_of(v) + "; raw HTML is omitted");
    } else if (key == "language") {
        if (v.is_string() && language_ok(v.text)) site.language = v.text;
        else site.problems.push_back("language: expected a language tag such as \"en\" or \"pt-BR\", got " + kind_of(v));
    } else if (key == "search") {
        const char* why = v.is_string() ? index_file_problem(v.text) : "must be the search manifest's file";
        if (!why) site.search = v.text;
        else site.problems.push_back(std::string("search: ") + why + ", got " + kind_of(v) + "; full-text search is off");
    } else if (key == "menu") {
        read_menu(v, site);
    } else if (key == "homeInfo") {
        read_home_info(v, site);
    } else if (key == "languages") {
        read_languages(v, site);
    } else if (key == "i18n") {
        read_i18n(v, site);
    } else if (key == "defaultTheme") {
        const bool ok = v.is_string() && (v.text == "auto" || v.text == "light" || v.text == "dark");
        if (ok) site.default_theme = v.text;
        else site.problems.push_back("defaultTheme: expected \"auto\", \"light\" or \"dark\", got " + kind_of(v) + "; \"auto\" is used");
    } else if (key == "shortcodes") {
        if (v.kind != Event::Object) site.problems.push_back("shortcodes: expected an object of template texts, got " + kind_of(v));
        else
            for (size_t i = 0; i < v.keys.size(); ++i)
                if (v.items[i].is_string()) site.shortcodes.emplace_back(v.keys[i], v.items[i].text);
    } else if (key == "parts" || key == "total") {
        read_parts(root, site);
    } else {
        bool* out = key == "showPageNums" ? &site.show_page_nums : key == "hasCJKLanguage" ? &site.has_cjk_language
                  : key == "mathPassthrough" ? &site.math_passthrough : nullptr;
        for (const PostSwitchField& f : kPostSwitchFields)
            if (key == f.name) out = &(site.switches.*f.site);
        if (v.is_boolean() && out) *out = v.scalar.boolean;
        else site.problems.push_back(std::string(key) + ": expected true or false, got " + kind_of(v) + "; ignored");
    }
}

// The site's fields read_site_field reads; the reader keeps no other key of
// the top object but "posts".
bool is_site_field(std::string_view key) {
    for (std::string_view name : {"title", "author", "description", "unsafeHtml", "rawHtml", "language", "search", "menu",
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
// keeping its last value, and checked when the entry ends in a fixed order,
// whatever the order of the keys. The site's own fields are small: each is
// built into a small tree (Value) and read by read_site_field once the file
// has been read (a repeated key keeps its last value). Problems are given in
// the order of the file: where an entry, a site field or a string ends.

// Bytes that are not UTF-8 are first replaced by U+FDD0, a noncharacter
// kept for a program's internal use (no index holds it), so that the reader
// can name the strings they were in; there it becomes U+FFFD.
constexpr std::string_view kRepairMark = "\xEF\xB7\x90";  // U+FDD0

void replace_repair_marks(std::string& s) {
    for (size_t at = 0; (at = s.find(kRepairMark, at)) != std::string::npos; at += kRepairMark.size())
        s.replace(at, kRepairMark.size(), "\xEF\xBF\xBD");
}

// "tags" and "categories": an array of non-empty strings.
struct ListField {
    Value self;                                       // Array, or what else the value is
    std::vector<std::string> items;                   // its non-empty strings, in order
    std::vector<std::pair<size_t, std::string>> bad;  // every other element: its index and kind_of
    size_t count = 0;                                 // elements seen

    void reset() {
        self.kind = Event::Absent;
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
    Value self;  // Object, or what else the value is
    Value image, alt, caption, in_list, in_single;  // in_list, in_single: "hiddenInList", "hiddenInSingle"

    void reset() { self.kind = image.kind = alt.kind = caption.kind = in_list.kind = in_single.kind = Event::Absent; }
};

constexpr size_t kSwitchCount = std::size(kPostSwitchFields);

// A post entry's fields, as read so far.
struct PostFields {
    Value slug, title, date, author, summary, truncated, draft, hidden, file, description, weight, url, cjk;
    Value switches[kSwitchCount];
    ListField tags, categories, translations;
    CoverField cover;

    void reset() {
        for (Value* f : {&slug, &title, &date, &author, &summary, &truncated, &draft, &hidden, &file, &description, &weight, &url, &cjk})
            f->kind = Event::Absent;
        for (Value& f : switches) f.kind = Event::Absent;
        tags.reset();
        categories.reset();
        translations.reset();
        cover.reset();
    }
    // Any of the fields read_post_extras reads.
    bool has_extras() const {
        bool any = description.present() || weight.present() || cover.self.present() || categories.self.present() ||
                   translations.self.present() || cjk.present();
        for (const Value& f : switches) any = any || f.present();
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
constexpr std::pair<std::string_view, Value PostFields::*> kPostScalarFields[] = {
    {"slug", &PostFields::slug},       {"title", &PostFields::title},     {"date", &PostFields::date},
    {"summary", &PostFields::summary}, {"truncated", &PostFields::truncated}, {"file", &PostFields::file},
    {"author", &PostFields::author},   {"hidden", &PostFields::hidden},   {"draft", &PostFields::draft},
    {"description", &PostFields::description}, {"weight", &PostFields::weight}, {"url", &PostFields::url},
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
        if (f.weight.kind == Event::Scalar_ && w.kind == Scalar::Number && w.number.kind != JsonNumber::Float)
            post.weight = whole_number(w.number);  // beyond a long long: wrapped, as nlohmann's get<long long>
        else problems.push_back(at + "weight: expected a whole number, got " + kind_of(f.weight) + "; ignored");
    }
    if (const CoverField& c = f.cover; c.self.present()) {
        if (c.self.kind != Event::Object || !c.image.is_string() || c.image.text.empty()) {
            problems.push_back(at + "cover: expected an object with a non-empty \"image\", got " + kind_of(c.self) + "; ignored");
        } else if (!url_is_safe(c.image.text, UrlUse::Image)) {
            problems.push_back(at + "cover.image: " + kImagePolicy + ", got " + shown(c.image.text) + "; ignored");
        } else {
            Cover cover;
            cover.image = c.image.text;
            for (const char* name : {"alt", "caption"}) {
                const Value& v = name[0] == 'a' ? c.alt : c.caption;
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
        if (f.categories.self.kind != Event::Array) {
            problems.push_back(at + "categories: expected an array of strings, got " + kind_of(f.categories.self) + "; ignored");
        } else {
            for (const auto& [i, kind] : f.categories.bad)
                problems.push_back(at + "categories[" + std::to_string(i) + "]: expected a non-empty string, got " + kind +
                                   "; left out");
            post.categories = std::move(f.categories.items);
        }
    }
    if (f.translations.self.present()) {
        if (f.translations.self.kind != Event::Array) {
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
        const Value& v = f.switches[i];
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
        v.set(e);
        if (stack_.empty()) target_ = nullptr;
    }
    // An empty container where one too deep is skipped.
    void empty_container(bool object) {
        Value& v = *slot();
        v = Value{};
        v.kind = object ? Event::Object : Event::Array;
    }
    void start(bool object) {
        Value* s = slot();
        *s = Value{};
        s->kind = object ? Event::Object : Event::Array;
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
        if (top.kind == Event::Object) return &top.member(key_);
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

// json_read's handler for the index, the one pass over the file: the posts
// (each entry checked as it ends), the site's fields (kept as small trees,
// read when the file has been), and, when bytes were not UTF-8, the path of
// each string holding one ("posts[3].title: not valid UTF-8; ..."). Problems
// are kept in the order their values end in the file.
class IndexReader {
public:
    explicit IndexReader(bool repaired) : repaired_(repaired) { site_fields.kind = Event::Object; }

    void null() { scalar(Event{Event::Scalar_, {}, {}}); }
    void boolean(bool b) {
        Event e{Event::Scalar_, {}, {}};
        e.scalar.kind = Scalar::Boolean;
        e.scalar.boolean = b;
        scalar(e);
    }
    void number(const JsonNumber& n) {
        Event e{Event::Scalar_, {}, {}};
        e.scalar.kind = Scalar::Number;
        e.scalar.number = n;
        scalar(e);
    }
    void string(std::string_view s) {
        ++events_;
        if (repaired_) {
            path_value();
            if (s.find(kRepairMark) != std::string_view::npos) {
                scratch_.assign(s.data(), s.size());
                replace_repair_marks(scratch_);
                s = scratch_;
                problems.push_back(path_.substr(!path_.empty() && path_[0] == '.' ? 1 : 0) + std::string(kRepairNote));
                ++repair_notes;
            }
        }
        Event e{Event::Scalar_, {}, s};
        e.scalar.kind = Scalar::String;
        value(e);
        stamp();
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
    std::vector<size_t> site_field_end;  // where each of site_fields' values ended (its last, for a repeated key)
    bool has_posts = false, posts_array = false;
    std::string posts_kind;         // kind_of "posts" when it is not an array
    std::vector<Post> posts;        // published, in file order
    std::vector<std::string> problems;  // the posts' and the repair notes, in file order
    std::vector<size_t> problem_at;     // where each was found: the events read by then
    size_t repair_notes = 0;            // of the problems, "…: not valid UTF-8; …"
    size_t skipped_entries = 0;
    std::unordered_map<std::string, size_t> first_use;  // slug -> position, drafts included
    std::unordered_map<std::string, size_t> url_use;    // url -> position, drafts included
    std::vector<std::string> drafts;                    // their slugs

private:
    enum class Frame : unsigned char { Root, Posts, Post, List, Cover };
    static constexpr std::string_view kRepairNote = ": not valid UTF-8; the bad bytes are shown as \xEF\xBF\xBD";

    Target target() const {
        if (frames_.empty()) return Target::Root;
        switch (frames_.back()) {
            case Frame::Posts: return Target::Entry;
            case Frame::List: return Target::ListItem;
            default: return key_target_;  // an object's: set by its key
        }
    }
    void scalar(const Event& e) {
        ++events_;
        if (repaired_) path_value();
        value(e);
        stamp();
    }
    void value(const Event& e);
    void start(Event::Kind kind);
    void end();
    void push(Frame f) { frames_.push_back(f); }
    Target post_key(std::string_view k);
    void entry_not_object(const Event& e) {
        problems.push_back("posts[" + std::to_string(entries_++) + "]: expected an object, got " + kind_of(e));
        ++skipped_entries;
    }
    void finish_post();
    // The event read: the problems it gave are placed there.
    void stamp() { problem_at.resize(problems.size(), events_); }

    // The path of the value being read ("posts[3].title"), kept only when
    // bytes were repaired (a repair note names it).
    struct PathStep {
        bool object;
        size_t size;     // path_'s length at the container
        size_t index;    // an array's next element
    };
    void path_value() {  // a value begins: in an array, its index is the path's last step
        if (steps_.empty() || steps_.back().object) return;
        PathStep& step = steps_.back();
        path_.resize(step.size);
        path_.append("[").append(std::to_string(step.index++)).append("]");
    }

    const bool repaired_;
    std::vector<Frame> frames_;  // the containers read, outermost first
    size_t skip_ = 0;            // > 0: inside a value not read, this many containers deep
    Target key_target_ = Target::Ignored;
    TreeBuilder tree_;
    size_t site_field_ = 0;      // SiteField: the member of site_fields
    Value* field_ = nullptr;
    ListField* list_ = nullptr;
    PostFields post_;
    size_t entries_ = 0;  // elements of "posts" seen
    size_t events_ = 0;
    size_t posts_begin_ = 0, posts_end_ = 0;  // the problems of "posts" (a repeated "posts" drops them)
    size_t posts_notes_ = 0;  // repair notes before "posts", then (after it) in it
    bool in_posts_ = false;   // "posts" is the root's last key
    std::vector<PathStep> steps_;
    std::string path_;
    std::string scratch_;  // a string with its repair marks replaced
};

void IndexReader::value(const Event& e) {
    if (skip_) return;
    if (tree_.active()) return tree_.value(e);
    switch (target()) {
        case Target::Root: root_kind = kind_of(e); break;
        case Target::Ignored: break;
        case Target::Posts: posts_kind = kind_of(e); break;
        case Target::SiteField:
            tree_.begin(&site_fields.items[site_field_]), tree_.value(e);
            site_field_end[site_field_] = events_;
            break;
        case Target::Entry: entry_not_object(e); break;
        case Target::PostField:
        case Target::CoverField: field_->set(e); break;
        case Target::PostList: list_->self.set(e); break;
        case Target::ListItem: list_->add(e); break;
        case Target::Cover: post_.cover.self.set(e); break;
    }
}

void IndexReader::start(Event::Kind kind) {
    ++events_;
    const bool object = kind == Event::Object;
    if (repaired_) {
        path_value();
        steps_.push_back({object, path_.size(), 0});
    }
    if (skip_) {
        ++skip_;
        return;
    }
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
            tree_.begin(&site_fields.items[site_field_]);
            return tree_.start(object);
        case Target::Entry:
            if (object) {
                post_.reset();
                return push(Frame::Post);
            }
            entry_not_object(e);
            stamp();
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
    ++events_;
    if (repaired_) steps_.pop_back();
    if (skip_) {
        --skip_;
        return;
    }
    if (tree_.active()) {
        tree_.end();
        if (!tree_.active()) site_field_end[site_field_] = events_;
        return;
    }
    const Frame f = frames_.back();
    frames_.pop_back();
    if (f == Frame::Post) finish_post(), stamp();
}

void IndexReader::key(std::string_view k) {
    ++events_;
    if (repaired_) {
        path_.resize(steps_.back().size);
        path_.append(".").append(k.data(), k.size());
    }
    if (skip_) return;
    if (tree_.active()) return tree_.key(k);
    switch (frames_.back()) {
        case Frame::Root:
            if (in_posts_) posts_end_ = problems.size(), posts_notes_ = repair_notes - posts_notes_, in_posts_ = false;
            if (k == "posts") {  // a repeated "posts" replaces the first, and its problems
                if (has_posts) {
                    problems.erase(problems.begin() + posts_begin_, problems.begin() + posts_end_);
                    problem_at.erase(problem_at.begin() + posts_begin_, problem_at.begin() + posts_end_);
                    repair_notes -= posts_notes_;
                }
                posts_begin_ = problems.size();
                posts_notes_ = repair_notes;
                in_posts_ = true;
                has_posts = true;
                posts_array = false;
                posts.clear();
                skipped_entries = 0;
                first_use.clear();
                url_use.clear();
                drafts.clear();
                entries_ = 0;
                key_target_ = Target::Posts;
            } else if (is_site_field(k)) {
                site_field_ = size_t(&site_fields.member(k) - site_fields.items.data());
                site_field_end.resize(site_fields.items.size());
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
    EntryCheck r{"posts[" + std::to_string(pos) + "]", {}};
    Post post;
    post.position = pos;
    bool draft = false;
    std::string date_text, summary, file;
    bool ok = r.string("slug", &f.slug, post.slug, true) && r.string("title", &f.title, post.title, true);
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
    ok = ok && r.string("date", &f.date, date_text, false) && r.string("author", &f.author, post.author, false) &&
         r.string("summary", &f.summary, summary, false) && r.boolean("truncated", f.truncated, post.truncated) &&
         r.boolean("draft", f.draft, draft) && r.boolean("hidden", f.hidden, post.hidden) &&
         r.string("file", &f.file, file, false) && r.string("url", &f.url, post.url, false);
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
        if (const char* why = index_file_problem(file, true)) ok = r.fail("file", std::string(why) + ", got " + shown(file));
    }
    if (ok && f.tags.self.present()) {
        if (f.tags.self.kind != Event::Array)
            ok = r.fail("tags", "expected an array of strings, got " + kind_of(f.tags.self));
        else if (!f.tags.bad.empty())
            ok = r.fail("tags", "[" + std::to_string(f.tags.bad[0].first) + "]: expected a non-empty string, got " +
                                    f.tags.bad[0].second);
        else
            post.tags = std::move(f.tags.items);
    }
    if (!ok) {
        problems.push_back(r.problem);
        ++skipped_entries;
        return;
    }
    first_use.emplace(post.slug, pos);
    if (!post.url.empty()) url_use.emplace(post.url, pos);
    if (draft) return drafts.push_back(std::move(post.slug));
    if (f.has_extras()) read_post_extras(f, r.where, post, problems);
    bound_post_terms(f.tags, Taxonomy::Tags, r.where, problems);
    bound_post_terms(f.categories, Taxonomy::Categories, r.where, problems);
    if (f.summary.present()) post.summary = std::move(summary);
    post.file = f.file.present() ? std::move(file) : post.slug + ".md";
    posts.push_back(std::move(post));
}

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

const char* index_file_problem(std::string_view f, bool from_root) {
    if (f.empty()) return "must not be empty";
    if (f[0] == '/') return "must be a relative path, not start with \"/\"";
    if (f.find(':') != std::string_view::npos) return "must be a relative path without a scheme";
    if (f.find('\\') != std::string_view::npos) return "must use \"/\" between folders";
    if (f.find_first_of("?#") != std::string_view::npos) return "must not contain \"?\" or \"#\"";
    // One "../" first: the blog's root, where a built Hugo site publishes
    // its content (index.json is in posts/); never above it.
    size_t pos = from_root && f.compare(0, 3, "../") == 0 ? 3 : 0;
    while (pos <= f.size()) {
        size_t end = f.find('/', pos);
        if (end == std::string_view::npos) end = f.size();
        if (f.compare(pos, end - pos, "..") == 0 && end - pos == 2) return "must not contain \"..\"";
        pos = end + 1;
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
    if (!reader.has_posts) return Error{"schema", src + ": \"posts\" is missing: expected an array of posts"};
    if (!reader.posts_array) return Error{"schema", src + ": \"posts\": expected an array of posts, got " + reader.posts_kind};

    SiteIndex site;
    site.source = src;
    if (repair.replaced && reader.repair_notes == 0) {  // the bad bytes were in keys
        std::string lines;
        for (size_t l : repair.lines) lines += (lines.empty() ? "" : ", ") + std::to_string(l);
        site.problems.push_back(src + ": not valid UTF-8 at line " + lines + "; the bad bytes were replaced");
    }
    // The site's fields in the order their values ended in the file, each
    // one's problems among the posts' where it ended.
    std::vector<size_t> order(reader.site_field_end.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return reader.site_field_end[a] < reader.site_field_end[b]; });
    Value& fields = reader.site_fields;
    const auto field_end = [&](std::string_view key) {
        for (size_t i = 0; i < fields.keys.size(); ++i)
            if (fields.keys[i] == key) return reader.site_field_end[i];
        return size_t(0);
    };
    size_t next = 0;  // the reader's next problem
    const auto problems_until = [&](size_t at) {
        for (; next < reader.problems.size() && reader.problem_at[next] <= at; ++next)
            site.problems.push_back(std::move(reader.problems[next]));
    };
    for (size_t i : order) {
        const std::string& key = fields.keys[i];
        if ((key == "parts" || key == "total") && field_end(key == "parts" ? "total" : "parts") > reader.site_field_end[i])
            continue;  // read with the other, which ends later
        problems_until(reader.site_field_end[i]);
        read_site_field(key, fields.items[i], fields, site);
    }
    problems_until(SIZE_MAX);
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
