#include "core/index/post_index.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/url/url.hpp"
#include "core/util/size_text.hpp"
#include "core/util/utf8.hpp"

namespace blog {

using json = nlohmann::json;

namespace {

// Collects the first syntax error's position without exceptions.
struct ErrorSax : nlohmann::json_sax<json> {
    bool found = false;
    size_t line = 0, column = 0;
    std::string what;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string& last_token,
                     const nlohmann::detail::exception& ex) override {
        found = true;
        what = ex.what();
        // nlohmann's message: "[json.exception.parse_error.101] parse error at line L, column C: msg"
        size_t at = what.find("line ");
        if (at != std::string::npos) {
            line = std::strtoul(what.c_str() + at + 5, nullptr, 10);
            size_t col = what.find("column ", at);
            if (col != std::string::npos) column = std::strtoul(what.c_str() + col + 7, nullptr, 10);
        }
        size_t colon = what.find(": ", at == std::string::npos ? 0 : at);
        what = colon == std::string::npos ? what : what.substr(colon + 2);
        (void)last_token;
        return false;
    }
};

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

// A post's optional fields that never cost it its place: description,
// weight, cover, categories and the switches. A bad value is a problem and ignored.
void read_post_extras(const json& entry, const std::string& where, Post& post, std::vector<std::string>& problems) {
    const std::string at = where + ".";
    if (auto it = entry.find("description"); it != entry.end()) {
        if (it->is_string()) post.description = it->get<std::string>();
        else problems.push_back(at + "description: expected a string, got " + kind_of(*it) + "; ignored");
    }
    if (auto it = entry.find("weight"); it != entry.end()) {
        if (it->is_number_integer()) post.weight = it->get<long long>();
        else problems.push_back(at + "weight: expected a whole number, got " + kind_of(*it) + "; ignored");
    }
    if (auto it = entry.find("cover"); it != entry.end()) {
        const json& c = *it;
        const auto image = c.is_object() ? c.find("image") : c.end();
        if (!c.is_object() || image == c.end() || !image->is_string() || image->get_ref<const std::string&>().empty()) {
            problems.push_back(at + "cover: expected an object with a non-empty \"image\", got " + kind_of(c) + "; ignored");
        } else if (!url_is_safe(image->get_ref<const std::string&>(), UrlUse::Image)) {
            problems.push_back(at + "cover.image: a script URL is not allowed, got " + shown(*image) + "; ignored");
        } else {
            Cover cover;
            cover.image = image->get<std::string>();
            for (const char* name : {"alt", "caption"}) {
                auto f = c.find(name);
                if (f == c.end()) continue;
                if (f->is_string()) (name[0] == 'a' ? cover.alt : cover.caption) = f->get<std::string>();
                else problems.push_back(at + "cover." + name + ": expected a string, got " + kind_of(*f) + "; ignored");
            }
            post.cover = std::move(cover);
        }
    }
    if (auto it = entry.find("categories"); it != entry.end()) {
        if (!it->is_array()) {
            problems.push_back(at + "categories: expected an array of strings, got " + kind_of(*it) + "; ignored");
        } else {
            for (size_t i = 0; i < it->size(); ++i) {
                const json& c = (*it)[i];
                if (c.is_string() && !c.get_ref<const std::string&>().empty()) post.categories.push_back(c.get<std::string>());
                else problems.push_back(at + "categories[" + std::to_string(i) + "]: expected a non-empty string, got " +
                                        kind_of(c) + "; left out");
            }
        }
    }
    for (const PostSwitchField& f : kPostSwitchFields) post.switches.*f.post = soft_bool(entry, f.name, at, problems);
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

namespace {

// Bytes that are not UTF-8 are first replaced by U+FDD0, a noncharacter
// kept for a program's internal use (no index holds it), so that the fields
// they were in can be found after parsing; there it becomes U+FFFD.
constexpr std::string_view kRepairMark = "\xEF\xB7\x90";  // U+FDD0

// Names each string field holding the mark ("posts[3].title") and replaces
// the mark by U+FFFD.
void report_replacements(json& value, const std::string& where, std::vector<std::string>& out) {
    if (value.is_string()) {
        std::string& s = value.get_ref<std::string&>();
        if (s.find(kRepairMark) == std::string::npos) return;
        for (size_t at; (at = s.find(kRepairMark)) != std::string::npos;) s.replace(at, kRepairMark.size(), "\xEF\xBF\xBD");
        out.push_back(where + ": not valid UTF-8; the bad bytes are shown as \xEF\xBF\xBD");
    } else if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) report_replacements(*it, where + "." + it.key(), out);
    } else if (value.is_array()) {
        for (size_t i = 0; i < value.size(); ++i)
            report_replacements(value[i], where + "[" + std::to_string(i) + "]", out);
    }
}

}  // namespace

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
    json root = json::parse(text.begin(), text.end(), nullptr, false);
    if (root.is_discarded()) {
        ErrorSax sax;
        json::sax_parse(text.begin(), text.end(), &sax);
        std::string msg = src + ": not valid JSON";
        if (sax.found)
            msg += " at line " + std::to_string(sax.line) + ", column " + std::to_string(sax.column) +
                   ": " + sax.what;
        return Error{"json", msg};
    }
    if (!root.is_object()) return Error{"schema", src + ": expected a JSON object at the top, got " + kind_of(root)};

    SiteIndex site;
    site.source = src;
    if (repair.replaced) {
        std::vector<std::string> where;
        report_replacements(root, "", where);
        for (std::string& w : where) site.problems.push_back(w.substr(w[0] == '.' ? 1 : 0));
        if (where.empty()) {  // in a key, or a field we do not read
            std::string lines;
            for (size_t l : repair.lines) lines += (lines.empty() ? "" : ", ") + std::to_string(l);
            site.problems.push_back(src + ": not valid UTF-8 at line " + lines + "; the bad bytes were replaced");
        }
    }
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

    auto posts_it = root.find("posts");
    if (posts_it == root.end()) return Error{"schema", src + ": \"posts\" is missing: expected an array of posts"};
    if (!posts_it->is_array())
        return Error{"schema", src + ": \"posts\": expected an array of posts, got " + kind_of(*posts_it)};

    std::unordered_map<std::string, size_t> first_use;  // slug -> position, drafts included
    size_t position = 0;
    for (const json& entry : *posts_it) {
        const size_t pos = position++;
        const std::string where = "posts[" + std::to_string(pos) + "]";
        if (!entry.is_object()) {
            site.problems.push_back(where + ": expected an object, got " + kind_of(entry));
            ++site.skipped_entries;
            continue;
        }
        EntryReader r{entry, where, {}};
        Post post;
        post.position = pos;
        bool draft = false;
        std::string date_text, summary, file;
        bool has_summary = entry.contains("summary");
        bool ok = r.string("slug", post.slug, true) && r.string("title", post.title, true);
        if (ok) {
            for (unsigned char c : post.slug)
                if (!slug_char_ok(c)) {
                    ok = r.fail("slug", "expected letters, digits, \"-\", \"_\" or \".\", got " + shown(entry["slug"]));
                    break;
                }
        }
        if (ok) {
            if (auto seen = first_use.find(post.slug); seen != first_use.end())
                ok = r.fail("slug", shown(entry["slug"]) + " is already used by posts[" +
                                        std::to_string(seen->second) + "]");
        }
        ok = ok && r.string("date", date_text, false) && r.string("author", post.author, false) &&
             r.string("summary", summary, false) && r.boolean("truncated", post.truncated) &&
             r.boolean("draft", draft) && r.boolean("hidden", post.hidden) &&
             r.string("file", file, false);
        if (ok && r.field("date")) {
            auto d = date_parse(date_text);
            if (d) post.date = d.value();
            else ok = r.fail("date", d.error().message);
        }
        if (ok && r.field("file")) {
            if (const char* why = file_problem(file)) ok = r.fail("file", std::string(why) + ", got " + shown(entry["file"]));
        }
        if (ok && r.field("tags")) {
            const json& tags = *r.field("tags");
            if (!tags.is_array()) ok = r.fail("tags", "expected an array of strings, got " + kind_of(tags));
            for (size_t i = 0; ok && i < tags.size(); ++i) {
                if (!tags[i].is_string() || tags[i].get_ref<const std::string&>().empty())
                    ok = r.fail("tags", "[" + std::to_string(i) + "]: expected a non-empty string, got " + kind_of(tags[i]));
                else post.tags.push_back(tags[i].get<std::string>());
            }
        }
        if (!ok) {
            site.problems.push_back(r.problem);
            ++site.skipped_entries;
            continue;
        }
        first_use.emplace(post.slug, pos);
        if (draft) continue;
        read_post_extras(entry, where, post, site.problems);
        if (has_summary) post.summary = summary;
        if (post.author.empty()) post.author = site.author;
        post.file = r.field("file") ? file : post.slug + ".md";
        site.posts.push_back(std::move(post));
    }

    // Hugo's default order: a weight before none, lower first; then newest
    // first; undated posts after all dated ones, in file order.
    std::stable_sort(site.posts.begin(), site.posts.end(), [](const Post& a, const Post& b) {
        if (a.weight != b.weight) {
            if (a.weight == 0 || b.weight == 0) return b.weight == 0;
            return a.weight < b.weight;
        }
        if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
        if (!a.date) return false;
        return date_unix_seconds(*a.date) > date_unix_seconds(*b.date);
    });
    for (size_t i = 0; i < site.posts.size(); ++i) {
        site.by_slug.emplace(site.posts[i].slug, i);
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
