#include "core/index/post_index.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <nlohmann/json.hpp>

#include "core/url/url.hpp"
#include "core/util/size_text.hpp"
#include "core/util/utf8.hpp"

namespace blog {

using json = nlohmann::json;

namespace {

std::string shown(const json& v) {
    std::string s = v.dump();
    if (s.size() > 60) s = s.substr(0, 57) + "...";
    return s;
}

std::string kind_of(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
        case json::value_t::string: return shown(v);
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return shown(v);
    }
}

bool slug_char_ok(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c >= 0x80;
}

// A post's file: relative, no "..", no scheme, no leading '/', no '\', '?', '#'.
const char* file_problem(const std::string& f) {
    if (f.empty()) return "must not be empty";
    if (f[0] == '/') return "must be a relative path, not start with \"/\"";
    if (f.find(':') != std::string::npos) return "must be a relative path without a scheme";
    if (f.find('\\') != std::string::npos) return "must use \"/\" between folders";
    if (f.find_first_of("?#") != std::string::npos) return "must not contain \"?\" or \"#\"";
    size_t pos = 0;
    while (pos <= f.size()) {
        size_t end = f.find('/', pos);
        if (end == std::string::npos) end = f.size();
        if (f.compare(pos, end - pos, "..") == 0 && end - pos == 2) return "must not contain \"..\"";
        pos = end + 1;
    }
    return nullptr;
}

struct EntryReader {
    const json& entry;
    std::string where;  // "posts[3]"
    std::string problem;

    const json* field(const char* name) const {
        auto it = entry.find(name);
        return it == entry.end() ? nullptr : &*it;
    }
    bool fail(const char* name, const std::string& why) {
        if (problem.empty()) problem = where + "." + name + ": " + why;
        return false;
    }
    bool string(const char* name, std::string& out, bool required) {
        const json* v = field(name);
        if (!v) return required ? fail(name, "missing (required)") : true;
        if (!v->is_string()) return fail(name, "expected a string, got " + kind_of(*v));
        out = v->get<std::string>();
        if (required && out.find_first_not_of(" \t\r\n") == std::string::npos)
            return fail(name, "must not be empty");
        return true;
    }
    bool boolean(const char* name, bool& out) {
        const json* v = field(name);
        if (!v) return true;
        if (!v->is_boolean()) return fail(name, "expected true or false, got " + kind_of(*v));
        out = v->get<bool>();
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

// "menu": each entry an object with a non-empty "name" and "url"; a bad one
// (or a script URL) is a problem and is left out, the others stay.
void read_menu(const json& menu, SiteIndex& site) {
    if (!menu.is_array()) {
        site.problems.push_back("menu: expected an array of {\"name\", \"url\"} objects, got " + kind_of(menu) +
                                "; the default menu is shown");
        return;
    }
    site.menu.emplace();
    for (size_t i = 0; i < menu.size(); ++i) {
        const json& entry = menu[i];
        const std::string where = "menu[" + std::to_string(i) + "]";
        if (!entry.is_object()) {
            site.problems.push_back(where + ": expected an object with \"name\" and \"url\", got " + kind_of(entry));
            continue;
        }
        EntryReader r{entry, where, {}};
        MenuEntry e;
        bool ok = r.string("name", e.name, true) && r.string("url", e.url, true);
        if (ok && !url_is_safe(e.url, UrlUse::Link))
            ok = r.fail("url", "a script URL is not allowed, got " + shown(entry["url"]));
        if (ok) site.menu->push_back(std::move(e));
        else site.problems.push_back(r.problem);
    }
}


// A bool field of `object`; a value that is not one is a problem and ignored.
std::optional<bool> soft_bool(const json& object, const char* name, const std::string& where,
                              std::vector<std::string>& problems) {
    auto it = object.find(name);
    if (it == object.end()) return std::nullopt;
    if (it->is_boolean()) return it->get<bool>();
    problems.push_back(where + name + ": expected true or false, got " + kind_of(*it) + "; ignored");
    return std::nullopt;
}

// "homeInfo": {"title", "content", "socialIcons": [{"name", "url"}]}. A bad
// field is a problem and left out; a bad icon (or a script URL) too.
void read_home_info(const json& value, SiteIndex& site) {
    if (!value.is_object()) {
        site.problems.push_back("homeInfo: expected an object with \"title\", \"content\" and \"socialIcons\", got " +
                                kind_of(value) + "; ignored");
        return;
    }
    HomeInfo info;
    for (const char* name : {"title", "content"}) {
        auto it = value.find(name);
        if (it == value.end()) continue;
        if (it->is_string()) (name[0] == 't' ? info.title : info.content) = it->get<std::string>();
        else site.problems.push_back(std::string("homeInfo.") + name + ": expected a string, got " + kind_of(*it) + "; ignored");
    }
    if (auto it = value.find("socialIcons"); it != value.end()) {
        if (!it->is_array()) {
            site.problems.push_back("homeInfo.socialIcons: expected an array of {\"name\", \"url\"} objects, got " +
                                    kind_of(*it) + "; ignored");
        } else {
            for (size_t i = 0; i < it->size(); ++i) {
                const json& entry = (*it)[i];
                const std::string where = "homeInfo.socialIcons[" + std::to_string(i) + "]";
                if (!entry.is_object()) {
                    site.problems.push_back(where + ": expected an object with \"name\" and \"url\", got " + kind_of(entry));
                    continue;
                }
                EntryReader r{entry, where, {}};
                SocialIcon icon;
                bool ok = r.string("name", icon.name, true) && r.string("url", icon.url, true);
                if (ok && !url_is_safe(icon.url, UrlUse::Link))
                    ok = r.fail("url", "a script URL is not allowed, got " + shown(entry["url"]));
                if (ok) info.social_icons.push_back(std::move(icon));
                else site.problems.push_back(r.problem);
            }
        }
    }
    site.home_info = std::move(info);
}

// The site's own fields, read from the nlohmann tree of them (a few small
// values): each bad one is a problem and left out.
void read_site_fields(const json& root, SiteIndex& site) {
    auto top_string = [&](const char* name, std::string& out) {
        auto it = root.find(name);
        if (it == root.end()) return;
        if (it->is_string()) out = it->get<std::string>();
        else site.problems.push_back(std::string(name) + ": expected a string, got " + kind_of(*it));
    };
    top_string("title", site.title);
    top_string("author", site.author);
    top_string("description", site.description);
    if (auto it = root.find("unsafeHtml"); it != root.end()) {
        if (it->is_boolean()) site.unsafe_html = it->get<bool>();
        else site.problems.push_back("unsafeHtml: expected true or false, got " + kind_of(*it));
    }

    if (auto it = root.find("language"); it != root.end()) {
        if (it->is_string() && language_ok(it->get_ref<const std::string&>())) site.language = it->get<std::string>();
        else site.problems.push_back("language: expected a language tag such as \"en\" or \"pt-BR\", got " + kind_of(*it));
    }
    if (auto it = root.find("menu"); it != root.end()) read_menu(*it, site);
    if (auto it = root.find("homeInfo"); it != root.end()) read_home_info(*it, site);
    top_string("copyright", site.copyright);
    if (auto it = root.find("defaultTheme"); it != root.end()) {
        const bool ok = it->is_string() && (*it == "auto" || *it == "light" || *it == "dark");
        if (ok) site.default_theme = it->get<std::string>();
        else site.problems.push_back("defaultTheme: expected \"auto\", \"light\" or \"dark\", got " + kind_of(*it) + "; \"auto\" is used");
    }
    if (auto v = soft_bool(root, "showPageNums", "", site.problems)) site.show_page_nums = *v;
    for (const PostSwitchField& f : kPostSwitchFields)
        if (auto v = soft_bool(root, f.name, "", site.problems)) site.switches.*f.site = *v;
}

// The site's fields read_site_fields reads; the reader keeps no other key of
// the top object but "posts".
bool is_site_field(std::string_view key) {
    for (std::string_view name : {"title", "author", "description", "unsafeHtml", "language", "menu", "homeInfo",
                                  "copyright", "defaultTheme", "showPageNums"})
        if (key == name) return true;
    for (const PostSwitchField& f : kPostSwitchFields)
        if (key == f.name) return true;
    return false;
}

// ---------------------------------------------------------------- the SAX reader
//
// index.json is read in one pass of nlohmann's SAX parser (json::sax_parse):
// each entry of "posts" goes straight into a Post, without a tree of the
// array (at 10,000 posts the tree was most of the time and memory of a
// parse). An entry's fields are kept as the file gives them, a repeated key
// keeping its last value as nlohmann's tree does, and checked when the entry
// ends, in the order and with the messages of the tree-walking reader this
// replaced, whatever the order of the keys. The site's own fields are small:
// they are built into a nlohmann tree and read by read_site_fields.

// Bytes that are not UTF-8 are first replaced by U+FDD0, a noncharacter
// kept for a program's internal use (no index holds it), so that the fields
// they were in can be found after parsing; there it becomes U+FFFD.
constexpr std::string_view kRepairMark = "\xEF\xB7\x90";  // U+FDD0

void replace_repair_marks(std::string& s) {
    for (size_t at = 0; (at = s.find(kRepairMark, at)) != std::string::npos; at += kRepairMark.size())
        s.replace(at, kRepairMark.size(), "\xEF\xBF\xBD");
}

// " at line 3, column 18: syntax error while parsing object key - ..." from
// nlohmann's "[json.exception.parse_error.101] parse error at line 3, column 18: ...".
std::string syntax_error_text(const nlohmann::detail::exception& ex) {
    std::string what = ex.what();
    size_t line = 0, column = 0;
    size_t at = what.find("line ");
    if (at != std::string::npos) {
        line = std::strtoul(what.c_str() + at + 5, nullptr, 10);
        size_t col = what.find("column ", at);
        if (col != std::string::npos) column = std::strtoul(what.c_str() + col + 7, nullptr, 10);
    }
    size_t colon = what.find(": ", at == std::string::npos ? 0 : at);
    what = colon == std::string::npos ? what : what.substr(colon + 2);
    return " at line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + what;
}

// A value as a SAX event gives it: a scalar, or the start of a container.
struct Event {
    enum Kind : unsigned char { Null, Boolean, Integer, Unsigned, Float, String, Array, Object };
    Kind kind;
    bool boolean = false;
    json::number_integer_t integer = 0;
    json::number_unsigned_t unsigned_integer = 0;
    json::number_float_t number = 0;
    json::string_t* string = nullptr;  // nlohmann's buffer: valid during the event only
};

// A scalar event's value as nlohmann's tree holds it.
json scalar_json(const Event& e) {
    switch (e.kind) {
        case Event::Boolean: return e.boolean;
        case Event::Integer: return e.integer;
        case Event::Unsigned: return e.unsigned_integer;
        case Event::Float: return e.number;
        case Event::String: return *e.string;
        default: return nullptr;
    }
}

std::string kind_of(const Event& e) {
    if (e.kind == Event::Array) return "an array";
    if (e.kind == Event::Object) return "an object";
    return kind_of(scalar_json(e));
}

// One field of a post entry, as the entry gives it.
struct Field {
    enum Type : unsigned char { Absent, String, Scalar, Array, Object };
    Type type = Absent;
    std::string text;  // String: the value
    json scalar;       // Scalar: null, a boolean or a number

    void set(const Event& e) {
        switch (e.kind) {
            case Event::String: type = String, text.assign(*e.string); break;
            case Event::Array: type = Array; break;
            case Event::Object: type = Object; break;
            default: type = Scalar, scalar = scalar_json(e); break;
        }
    }
    bool present() const { return type != Absent; }
    bool is_string() const { return type == String; }
    bool is_boolean() const { return type == Scalar && scalar.is_boolean(); }
};

std::string kind_of(const Field& f) {
    switch (f.type) {
        case Field::String: return kind_of(json(f.text));
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
        if (e.kind == Event::String && !e.string->empty()) items.push_back(*e.string);
        else bad.emplace_back(i, kind_of(e));
    }
};

// "cover": {"image", "alt", "caption"}.
struct CoverField {
    Field self;  // Object, or what else the value is
    Field image, alt, caption;

    void reset() { self.type = image.type = alt.type = caption.type = Field::Absent; }
};

constexpr size_t kSwitchCount = std::size(kPostSwitchFields);

// A post entry's fields, as read so far.
struct PostFields {
    Field slug, title, date, author, summary, truncated, draft, hidden, file, description, weight;
    Field switches[kSwitchCount];
    ListField tags, categories;
    CoverField cover;

    void reset() {
        for (Field* f : {&slug, &title, &date, &author, &summary, &truncated, &draft, &hidden, &file, &description, &weight})
            f->type = Field::Absent;
        for (Field& f : switches) f.type = Field::Absent;
        tags.reset();
        categories.reset();
        cover.reset();
    }
    // Any of the fields read_post_extras reads.
    bool has_extras() const {
        bool any = description.present() || weight.present() || cover.self.present() || categories.self.present();
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
    {"description", &PostFields::description}, {"weight", &PostFields::weight},
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
        out = f.scalar.get<bool>();
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
        if (f.weight.type == Field::Scalar && f.weight.scalar.is_number_integer()) post.weight = f.weight.scalar.get<long long>();
        else problems.push_back(at + "weight: expected a whole number, got " + kind_of(f.weight) + "; ignored");
    }
    if (const CoverField& c = f.cover; c.self.present()) {
        if (c.self.type != Field::Object || !c.image.is_string() || c.image.text.empty()) {
            problems.push_back(at + "cover: expected an object with a non-empty \"image\", got " + kind_of(c.self) + "; ignored");
        } else if (!url_is_safe(c.image.text, UrlUse::Image)) {
            problems.push_back(at + "cover.image: a script URL is not allowed, got " + shown(json(c.image.text)) + "; ignored");
        } else {
            Cover cover;
            cover.image = c.image.text;
            for (const char* name : {"alt", "caption"}) {
                const Field& v = name[0] == 'a' ? c.alt : c.caption;
                if (!v.present()) continue;
                if (v.is_string()) (name[0] == 'a' ? cover.alt : cover.caption) = v.text;
                else problems.push_back(at + "cover." + name + ": expected a string, got " + kind_of(v) + "; ignored");
            }
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
    for (size_t i = 0; i < kSwitchCount; ++i) {
        const Field& v = f.switches[i];
        if (!v.present()) continue;
        if (v.is_boolean()) post.switches.*kPostSwitchFields[i].post = v.scalar.get<bool>();
        else problems.push_back(at + kPostSwitchFields[i].name + ": expected true or false, got " + kind_of(v) + "; ignored");
    }
}

// Builds the nlohmann tree of one of the site's fields from its events, as
// nlohmann's parser does (a repeated key keeps its last value).
class TreeBuilder {
public:
    // Containers this deep are kept empty (their contents skipped): no
    // message reads below homeInfo.socialIcons[i].url, the third level, or
    // shows more of a container than "an array" or "an object".
    static constexpr size_t kDepth = 3;

    void begin(json* target) { target_ = target; }
    bool active() const { return target_ != nullptr; }
    size_t depth() const { return stack_.size(); }
    void value(json v) {
        *slot() = std::move(v);
        if (stack_.empty()) target_ = nullptr;
    }
    void start(bool object) {
        json* s = slot();
        *s = object ? json::object() : json::array();
        stack_.push_back(s);
    }
    void key(const std::string& k) { key_ = k; }
    void end() {
        stack_.pop_back();
        if (stack_.empty()) target_ = nullptr;
    }

private:
    json* slot() {
        if (stack_.empty()) return target_;
        json& top = *stack_.back();
        if (!top.is_array()) return &top[key_];
        top.push_back(nullptr);
        return &top.back();
    }

    json* target_ = nullptr;
    std::vector<json*> stack_;  // the open containers (an array grows only while none inside it is open)
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

// nlohmann's SAX interface (the member functions json::sax_parse calls; no
// virtual calls). Never stops the parse but on a syntax error, which it keeps.
// With `whole`, it builds the file's whole tree there instead (for the rare
// report of repaired bytes: one reader, so one copy of nlohmann's parser).
class IndexReader {
public:
    explicit IndexReader(bool repaired, json* whole = nullptr)
        : repaired_(repaired), whole_(whole), site_field_(whole) {}

    bool null() { return value(Event{Event::Null}); }
    bool boolean(bool b) {
        Event e{Event::Boolean};
        e.boolean = b;
        return value(e);
    }
    bool number_integer(json::number_integer_t i) {
        Event e{Event::Integer};
        e.integer = i;
        return value(e);
    }
    bool number_unsigned(json::number_unsigned_t u) {
        Event e{Event::Unsigned};
        e.unsigned_integer = u;
        return value(e);
    }
    bool number_float(json::number_float_t d, const json::string_t&) {
        Event e{Event::Float};
        e.number = d;
        return value(e);
    }
    bool string(json::string_t& s) {
        if (repaired_) replace_repair_marks(s);
        Event e{Event::String};
        e.string = &s;
        return value(e);
    }
    bool binary(json::binary_t&) { return true; }  // not in JSON text
    bool start_object(std::size_t) { return start(Event::Object); }
    bool start_array(std::size_t) { return start(Event::Array); }
    bool end_object() { return end(); }
    bool end_array() { return end(); }
    bool key(json::string_t& k);
    bool parse_error(std::size_t, const std::string&, const json::exception& ex) {
        syntax_error = syntax_error_text(ex);
        return false;
    }

    // What was read.
    std::string syntax_error;       // " at line L, column C: ..." of the first syntax error
    bool root_object = false;
    std::string root_kind;          // kind_of the top value when it is not an object
    json site_fields = json::object();  // the site's fields, as a tree
    bool has_posts = false, posts_array = false;
    std::string posts_kind;         // kind_of "posts" when it is not an array
    std::vector<Post> posts;        // published, in file order
    std::vector<std::string> post_problems;
    size_t skipped_entries = 0;
    std::unordered_map<std::string, size_t> first_use;  // slug -> position, drafts included
    std::vector<std::string> drafts;                    // their slugs

private:
    enum class Frame : unsigned char { Root, Posts, Post, List, Cover };

    Target target() const {
        if (frames_.empty()) return whole_ ? Target::SiteField : Target::Root;
        switch (frames_.back()) {
            case Frame::Posts: return Target::Entry;
            case Frame::List: return Target::ListItem;
            default: return key_target_;  // an object's: set by its key
        }
    }
    bool value(const Event& e);
    bool start(Event::Kind kind);
    bool end();
    bool push(Frame f) {
        frames_.push_back(f);
        return true;
    }
    Target post_key(std::string_view k);
    void entry_not_object(const Event& e) {
        post_problems.push_back("posts[" + std::to_string(entries_++) + "]: expected an object, got " + kind_of(e));
        ++skipped_entries;
    }
    void finish_post();

    const bool repaired_;
    json* const whole_;
    std::vector<Frame> frames_;  // the containers read, outermost first
    size_t skip_ = 0;            // > 0: inside a value not read, this many containers deep
    Target key_target_ = Target::Ignored;
    TreeBuilder tree_;
    json* site_field_;
    Field* field_ = nullptr;
    ListField* list_ = nullptr;
    PostFields post_;
    size_t entries_ = 0;  // elements of "posts" seen
};

bool IndexReader::value(const Event& e) {
    if (skip_) return true;
    if (tree_.active()) {
        tree_.value(scalar_json(e));
        return true;
    }
    switch (target()) {
        case Target::Root: root_kind = kind_of(e); break;
        case Target::Ignored: break;
        case Target::Posts: posts_kind = kind_of(e); break;
        case Target::SiteField: tree_.begin(site_field_), tree_.value(scalar_json(e)); break;
        case Target::Entry: entry_not_object(e); break;
        case Target::PostField:
        case Target::CoverField: field_->set(e); break;
        case Target::PostList: list_->self.set(e); break;
        case Target::ListItem: list_->add(e); break;
        case Target::Cover: post_.cover.self.set(e); break;
    }
    return true;
}

bool IndexReader::start(Event::Kind kind) {
    if (skip_) {
        ++skip_;
        return true;
    }
    const bool object = kind == Event::Object;
    if (tree_.active()) {
        if (tree_.depth() < TreeBuilder::kDepth || whole_) {
            tree_.start(object);
            return true;
        }
        tree_.value(object ? json::object() : json::array());
        skip_ = 1;
        return true;
    }
    const Event e{kind};
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
            tree_.start(object);
            return true;
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
    return true;
}

bool IndexReader::end() {
    if (skip_) {
        --skip_;
        return true;
    }
    if (tree_.active()) {
        tree_.end();
        return true;
    }
    const Frame f = frames_.back();
    frames_.pop_back();
    if (f == Frame::Post) finish_post();
    return true;
}

bool IndexReader::key(json::string_t& k) {
    if (skip_) return true;
    if (tree_.active()) {
        tree_.key(k);
        return true;
    }
    switch (frames_.back()) {
        case Frame::Root:
            if (k == "posts") {  // a repeated "posts" replaces the first
                has_posts = true;
                posts_array = false;
                posts.clear();
                post_problems.clear();
                skipped_entries = 0;
                first_use.clear();
                drafts.clear();
                entries_ = 0;
                key_target_ = Target::Posts;
            } else if (is_site_field(k)) {
                site_field_ = &site_fields[k];
                key_target_ = Target::SiteField;
            } else {
                key_target_ = Target::Ignored;
            }
            break;
        case Frame::Post: key_target_ = post_key(k); break;
        case Frame::Cover:
            field_ = k == "image" ? &post_.cover.image : k == "alt" ? &post_.cover.alt : k == "caption" ? &post_.cover.caption : nullptr;
            key_target_ = field_ ? Target::CoverField : Target::Ignored;
            break;
        default: break;  // arrays have no keys
    }
    return true;
}

Target IndexReader::post_key(std::string_view k) {
    for (const auto& [name, member] : kPostScalarFields)
        if (same_key(k, name)) {
            field_ = &(post_.*member);
            return Target::PostField;
        }
    if (same_key(k, "tags") || same_key(k, "categories")) {
        list_ = k.size() == 4 ? &post_.tags : &post_.categories;
        list_->reset();
        return Target::PostList;
    }
    if (same_key(k, "cover")) {
        post_.cover.reset();
        return Target::Cover;
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
            if (!slug_char_ok(c)) {
                ok = r.fail("slug", "expected letters, digits, \"-\", \"_\" or \".\", got " + shown(json(post.slug)));
                break;
            }
    }
    if (ok) {
        if (auto seen = first_use.find(post.slug); seen != first_use.end())
            ok = r.fail("slug", shown(json(post.slug)) + " is already used by posts[" + std::to_string(seen->second) + "]");
    }
    ok = ok && r.string("date", f.date, date_text, false) && r.string("author", f.author, post.author, false) &&
         r.string("summary", f.summary, summary, false) && r.boolean("truncated", f.truncated, post.truncated) &&
         r.boolean("draft", f.draft, draft) && r.boolean("hidden", f.hidden, post.hidden) &&
         r.string("file", f.file, file, false);
    if (ok && f.date.present()) {
        auto d = date_parse(date_text);
        if (d) post.date = d.value();
        else ok = r.fail("date", d.error().message);
    }
    if (ok && f.file.present()) {
        if (const char* why = file_problem(file)) ok = r.fail("file", std::string(why) + ", got " + shown(json(file)));
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
    if (draft) return drafts.push_back(std::move(post.slug));
    if (f.has_extras()) read_post_extras(f, r.where(), post, post_problems);
    if (f.summary.present()) post.summary = std::move(summary);
    post.file = f.file.present() ? std::move(file) : post.slug + ".md";
    posts.push_back(std::move(post));
}

// "posts[3].title: not valid UTF-8; ..." for each string of the file's tree
// (`root`) holding the mark, in the tree's order: an object's members by
// key (nlohmann's tree is a std::map), an array's elements in order. A walk
// with a stack of its own: the tree may be nested a million levels deep.
std::vector<std::string> repaired_fields(const json& root) {
    struct Visit {
        const json* value;
        size_t path_size;
        json::const_iterator next;
        size_t index;
    };
    std::vector<std::string> out;
    std::string path;  // ".posts[3].title"
    std::vector<Visit> stack{{&root, 0, root.cbegin(), 0}};
    while (!stack.empty()) {
        Visit& v = stack.back();
        if (!v.value->is_structured() || v.next == v.value->cend()) {
            stack.pop_back();
            continue;
        }
        path.resize(v.path_size);
        if (v.value->is_object()) path.append(".").append(v.next.key());
        else path.append("[").append(std::to_string(v.index)).append("]");
        const json& child = *v.next++;
        ++v.index;
        if (child.is_structured()) stack.push_back({&child, path.size(), child.cbegin(), 0});
        else if (child.is_string() && child.get_ref<const std::string&>().find(kRepairMark) != std::string::npos)
            out.push_back(path.substr(path[0] == '.' ? 1 : 0) + ": not valid UTF-8; the bad bytes are shown as \xEF\xBF\xBD");
    }
    return out;
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
    // not the whole index (nlohmann rejects ill-formed UTF-8).
    Utf8Repair repair;
    if (utf8_valid_prefix(text) != text.size()) {
        repair = utf8_repair(text, kRepairMark);
        text = repair.text;
    }
    IndexReader reader(repair.replaced > 0);
    if (!json::sax_parse(text.data(), text.data() + text.size(), &reader))
        return Error{"json", src + ": not valid JSON" + reader.syntax_error};
    if (!reader.root_object) return Error{"schema", src + ": expected a JSON object at the top, got " + reader.root_kind};

    SiteIndex site;
    site.source = src;
    if (repair.replaced) {
        json whole;
        IndexReader tree(false, &whole);  // the marks kept, to be found
        json::sax_parse(text.data(), text.data() + text.size(), &tree);
        site.problems = repaired_fields(whole);
        if (site.problems.empty()) {  // in a key, or a field we do not read
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
    for (const Post& p : site.posts) {
        const std::vector<std::string>& terms = index_post_terms(p, taxonomy);
        if (term.empty()) {
            if (!p.hidden) out.push_back(&p);
        } else if (std::find(terms.begin(), terms.end(), term) != terms.end()) {
            out.push_back(&p);
        }
    }
    return out;
}

const std::vector<std::string>& index_post_terms(const Post& post, Taxonomy taxonomy) {
    return taxonomy == Taxonomy::Categories ? post.categories : post.tags;
}

}  // namespace blog
