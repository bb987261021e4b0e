#include "tool/front_matter.hpp"

#include <algorithm>
#include <charconv>

#include "core/markdown/markdown.hpp"
#include "tool/data_tree.hpp"
#include "tool/site_files.hpp"

namespace blog::tool {
namespace {

size_t count_lines(std::string_view text) { return size_t(std::count(text.begin(), text.end(), '\n')); }

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return s;
}

struct Reader {
    const std::string& file;
    size_t first_line;  // the file's line of the block's line 1
    FrontMatter& fm;
    std::vector<Problem>& problems;

    size_t at(const DataValue& v) const { return first_line + (v.line ? v.line : 1) - 1; }
    void error(const DataValue& v, const std::string& key, const std::string& what) {
        problems.push_back({file, at(v), key + ": " + what, false});
    }
    void note(const std::string& key, const DataValue& v) { fm.lines[key] = at(v); }

    // Scalars read as text: Hugo accepts a number where a string is expected.
    bool text(const DataValue& v, const std::string& key, std::string& out) {
        note(key, v);
        using K = DataValue::Kind;
        if (v.kind == K::String || v.kind == K::Number || v.kind == K::Date) {
            out = v.text;
            return true;
        }
        if (v.kind == K::Null) return true;
        error(v, key, "expected a string, got " + data_kind_name(v));
        return false;
    }
    void boolean(const DataValue& v, const std::string& key, bool& out) {
        note(key, v);
        if (v.kind == DataValue::Kind::Bool) out = v.boolean;
        else if (v.kind != DataValue::Kind::Null) error(v, key, "expected true or false, got " + data_kind_name(v));
    }
    // A bool that may be left unset (null is unset too).
    void optional_boolean(const DataValue& v, const std::string& key, std::optional<bool>& out) {
        note(key, v);
        if (v.kind == DataValue::Kind::Bool) out = v.boolean;
        else if (v.kind != DataValue::Kind::Null) error(v, key, "expected true or false, got " + data_kind_name(v));
    }
    // A whole number (Hugo's weight; TOML and YAML numbers, or the same as text).
    void integer(const DataValue& v, const std::string& key, long long& out) {
        note(key, v);
        using K = DataValue::Kind;
        if (v.kind == K::Null) return;
        const std::string& t = v.text;
        long long n = 0;
        const char* end = t.data() + t.size();
        auto r = std::from_chars(t.data() + (!t.empty() && t[0] == '+'), end, n);
        if ((v.kind == K::Number || v.kind == K::String) && !t.empty() && r.ec == std::errc() && r.ptr == end) out = n;
        else error(v, key, "expected a whole number, got " + (v.kind == K::Number || v.kind == K::String ? "\"" + t + "\"" : data_kind_name(v)));
    }
    // A list of strings, or one string standing for a list of one.
    void list(const DataValue& v, const std::string& key, std::vector<std::string>& out) {
        note(key, v);
        using K = DataValue::Kind;
        if (v.kind == K::Null) return;
        if (v.kind == K::String || v.kind == K::Number) {
            out.push_back(v.text);
            return;
        }
        if (v.kind != K::List) {
            error(v, key, "expected a list of strings, got " + data_kind_name(v));
            return;
        }
        for (size_t i = 0; i < v.items.size(); ++i) {
            const DataValue& item = v.items[i];
            if (item.kind == K::String || item.kind == K::Number) out.push_back(item.text);
            else error(item, key + "[" + std::to_string(i) + "]", "expected a string, got " + data_kind_name(item));
        }
    }

    void read(const DataValue& root) {
        auto field = [&](const char* name) { return root.find(name); };
        if (auto* v = field("title")) {
            std::string t;
            if (text(*v, "title", t) && v->kind != DataValue::Kind::Null) fm.title = t;
        }
        if (auto* v = field("date")) text(*v, "date", fm.date);
        if (auto* v = field("lastmod")) text(*v, "lastmod", fm.lastmod);
        if (auto* v = field("publishDate")) text(*v, "publishdate", fm.publish_date);
        if (auto* v = field("expiryDate")) text(*v, "expirydate", fm.expiry_date);
        if (auto* v = field("draft")) boolean(*v, "draft", fm.draft);
        if (auto* v = field("slug")) text(*v, "slug", fm.slug);
        if (auto* v = field("tags")) list(*v, "tags", fm.tags);
        if (auto* v = field("categories")) list(*v, "categories", fm.categories);
        if (auto* v = field("summary")) {
            std::string s;
            if (text(*v, "summary", s) && v->kind != DataValue::Kind::Null) fm.summary = s;
        }
        if (auto* v = field("description")) text(*v, "description", fm.description);
        if (auto* v = field("author")) list(*v, "author", fm.authors);
        if (auto* v = field("isCJKLanguage")) optional_boolean(*v, "iscjklanguage", fm.is_cjk_language);
        if (auto* v = field("hiddenInHomeList")) boolean(*v, "hiddeninhomelist", fm.hidden_in_home_list);
        for (const PostSwitchField& f : kPostSwitchFields) {  // "showToc" finds PaperMod's ShowToc
            const DataValue* v = field(f.name);
            if (!v) continue;
            // math is a theme's own param, read by its templates as Go reads any
            // value ({{ if .Params.math }}): "mdp" turns it on, "" or 0 off.
            if (std::string_view(f.name) == "math" && v->kind != DataValue::Kind::Bool &&
                v->kind != DataValue::Kind::Null && v->kind != DataValue::Kind::Map && v->kind != DataValue::Kind::List) {
                note("math", *v);
                fm.switches.*f.post = !v->text.empty() && v->text != "0";
                continue;
            }
            optional_boolean(*v, lower(f.name), fm.switches.*f.post);
        }
        if (auto* v = field("cover")) {
            note("cover", *v);
            if (v->kind == DataValue::Kind::Map) {
                if (auto* c = v->find("image")) text(*c, "cover.image", fm.cover_image);
                if (auto* c = v->find("alt")) text(*c, "cover.alt", fm.cover_alt);
                if (auto* c = v->find("caption")) text(*c, "cover.caption", fm.cover_caption);
                if (auto* c = v->find("hidden")) optional_boolean(*c, "cover.hidden", fm.cover_hidden);
                if (auto* c = v->find("hiddenInList")) optional_boolean(*c, "cover.hiddeninlist", fm.cover_hidden_in_list);
                if (auto* c = v->find("hiddenInSingle")) optional_boolean(*c, "cover.hiddeninsingle", fm.cover_hidden_in_single);
            } else if (v->kind != DataValue::Kind::Null) {
                error(*v, "cover", "expected a map with image and alt, got " + data_kind_name(*v));
            }
        }
        if (auto* v = field("aliases")) list(*v, "aliases", fm.aliases);
        if (auto* v = field("weight")) integer(*v, "weight", fm.weight);
        for (const auto& [key, v] : root.entries) {  // a custom taxonomy's terms, whatever its name
            std::vector<std::string>& out = fm.lists[lower(key)];
            if (v.kind == DataValue::Kind::String) out.push_back(v.text);
            else if (v.kind == DataValue::Kind::List)
                for (const DataValue& item : v.items)
                    if (item.kind == DataValue::Kind::String || item.kind == DataValue::Kind::Number) out.push_back(item.text);
            if (out.empty()) fm.lists.erase(lower(key));
            else fm.lines[lower(key)] = at(v);
        }
        if (auto* v = field("url")) text(*v, "url", fm.url);
        if (auto* v = field("layout")) text(*v, "layout", fm.layout);
        if (auto* v = field("type")) text(*v, "type", fm.type);
        if (auto* v = field("translationKey")) text(*v, "translationkey", fm.translation_key);
        if (auto* v = field("headless")) boolean(*v, "headless", fm.headless);
        for (const char* name : {"build", "_build"}) {
            const DataValue* b = field(name);
            if (!b || b->kind != DataValue::Kind::Map) continue;
            if (auto* v = b->find("render")) {
                if (v->kind == DataValue::Kind::Bool) fm.build_render = v->boolean ? "always" : "never";
                else text(*v, std::string(name) + ".render", fm.build_render);
            }
            if (auto* v = b->find("list")) {
                if (v->kind == DataValue::Kind::Bool) fm.build_list = v->boolean ? "always" : "never";
                else text(*v, std::string(name) + ".list", fm.build_list);
            }
        }
    }
};

}  // namespace

std::string problem_text(const Problem& p) {
    // line 0: the problem is the file or folder as a whole
    // file names and messages quote the site's bytes: none reaches a terminal raw
    return terminal_safe(p.file + (p.line ? ":" + std::to_string(p.line) : std::string()) + ": " +
                         (p.warning ? "warning: " : "") + p.message);
}

size_t FrontMatter::line_of(const std::string& key) const {
    auto it = lines.find(key);
    return it == lines.end() ? 1 : it->second;
}

bool FrontMatterDocument::ok() const {
    return std::none_of(problems.begin(), problems.end(), [](const Problem& p) { return !p.warning; });
}

FrontMatterDocument front_matter_parse(std::string_view text, const std::string& file) {
    FrontMatterDocument doc;
    // The core's split, so that the widget renders the same body.
    const FrontMatterSplit split = markdown_front_matter(text);
    DataFormat format = DataFormat::Json;
    std::string_view first = split.format == FrontMatterSplit::Format::Yaml ? "---" : "+++";
    switch (split.format) {
        case FrontMatterSplit::Format::None:
            doc.body = std::string(text.substr(split.body_begin));
            return doc;  // no front matter: every field is absent
        case FrontMatterSplit::Format::Yaml: format = DataFormat::Yaml; break;
        case FrontMatterSplit::Format::Toml: format = DataFormat::Toml; break;
        case FrontMatterSplit::Format::Json: break;
    }
    if (!split.closed) {
        doc.problems.push_back({file, 1, format == DataFormat::Json
            ? std::string("JSON front matter: the object opened with \"{\" is never closed")
            : "front matter opened with \"" + std::string(first) + "\" is never closed (a line \"" +
                  std::string(first) + "\" must end it)"});
        return doc;
    }
    std::string_view block = text.substr(split.block_begin, split.block_end - split.block_begin);
    const size_t block_line = format == DataFormat::Json ? 1 + count_lines(text.substr(0, split.block_begin)) : 2;
    const size_t body_start = split.body_begin;
    doc.body_line = split.body_line;
    doc.body = std::string(text.substr(body_start));
    DataParse parsed = data_parse(block, format);
    if (!parsed.ok) {
        const char* name = format == DataFormat::Yaml ? "YAML" : format == DataFormat::Toml ? "TOML" : "JSON";
        doc.problems.push_back({file, block_line + parsed.error.line - 1,
                                std::string(name) + " front matter: " + parsed.error.message});
        return doc;
    }
    Reader reader{file, block_line, doc.front, doc.problems};
    reader.read(parsed.value);
    return doc;
}

}  // namespace blog::tool
