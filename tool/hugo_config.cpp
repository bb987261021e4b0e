#include "tool/hugo_config.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string_view>
#include <system_error>

#include "tool/site_files.hpp"

namespace blog::tool {
namespace fs = std::filesystem;
namespace {

using Kind = DataValue::Kind;

// Files read from config/ at most, and folders below config/_default/: a
// config folder is a handful of files, and each file may be 1 MiB.
constexpr size_t kMaxConfigFiles = 100;
constexpr size_t kMaxConfigFolderDepth = 8;

std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool iequal(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// Hugo's Params.Set: a map over a map merges key by key (keys compared
// without case), anything else replaces what was there, key spelling
// included.
void merge_into(DataValue& dst, const DataValue& src) {
    for (const auto& entry : src.entries) {
        const auto& [k, v] = entry;
        auto it = std::find_if(dst.entries.begin(), dst.entries.end(), [&](const auto& e) { return iequal(e.first, entry.first); });
        if (it == dst.entries.end()) {
            dst.entries.emplace_back(k, v);
        } else if (it->second.kind == Kind::Map && v.kind == Kind::Map) {
            merge_into(it->second, v);
        } else {
            it->first = k;
            it->second = v;
        }
    }
}

// One file's tree with keys that differ only in case made one (the later
// wins, as lower-casing them does in Hugo).
DataValue normalized(const DataValue& v) {
    DataValue out = v;
    if (v.kind == Kind::Map) {
        out.entries.clear();
        for (const auto& [k, item] : v.entries) {
            DataValue one;
            one.kind = Kind::Map;
            one.entries.emplace_back(k, normalized(item));
            merge_into(out, one);
        }
    } else if (v.kind == Kind::List) {
        for (DataValue& item : out.items) item = normalized(item);
    }
    return out;
}

DataValue* find_mut(DataValue& map, std::string_view key) {
    for (auto& [k, v] : map.entries)
        if (iequal(k, key)) return &v;
    return nullptr;
}

// Hugo's RenameKeys: menu is read as menus, at the root and in each language.
void rename_menu(DataValue& map) {
    for (auto& [k, v] : map.entries)
        if (iequal(k, "menu")) k = "menus";
}
void rename_keys(DataValue& root) {
    rename_menu(root);
    if (DataValue* langs = find_mut(root, "languages"); langs && langs->kind == Kind::Map)
        for (auto& [k, lang] : langs->entries)
            if (lang.kind == Kind::Map) rename_menu(lang);
}

DataValue map_of(std::string key, DataValue value, size_t line) {
    DataValue m;
    m.kind = Kind::Map;
    m.line = line;
    m.entries.emplace_back(std::move(key), std::move(value));
    return m;
}

bool ends_with_ci(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && iequal(std::string_view(s).substr(s.size() - suffix.size()), suffix);
}

// The format Hugo gives a config file by its extension (any case), or false.
bool config_format(const std::string& name, DataFormat& format) {
    if (ends_with_ci(name, ".toml")) format = DataFormat::Toml;
    else if (ends_with_ci(name, ".yaml") || ends_with_ci(name, ".yml")) format = DataFormat::Yaml;
    else if (ends_with_ci(name, ".json")) format = DataFormat::Json;
    else return false;
    return true;
}

struct Reader {
    const fs::path& site_root;
    const std::string& shown_dir;
    HugoConfigRead& out;
    size_t files_read = 0;

    void error(const std::string& file, size_t line, const std::string& message) {
        out.problems.push_back({file, line, message});
    }

    // The file parsed, or false with the problem recorded.
    bool parse(const fs::path& path, const std::string& shown, DataFormat format, DataValue& value) {
        if (std::string refused = site_path_refusal(path, site_root); !refused.empty()) {
            error(shown, 0, refused);
            return false;
        }
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) {
            error(shown, 0, "not a file");
            return false;
        }
        if (++files_read > kMaxConfigFiles) {
            if (files_read == kMaxConfigFiles + 1)
                error(shown, 0, "more than " + std::to_string(kMaxConfigFiles) + " config files; the rest are not read");
            return false;
        }
        std::string text, why;
        if (!site_file_read(path, SiteLimits::kMaxConfigBytes, "a config file", text, why)) {
            error(shown, 0, why);
            return false;
        }
        DataParse parsed = data_parse(text, format);
        if (!parsed.ok) {
            error(shown, parsed.error.line, parsed.error.message);
            return false;
        }
        value = normalized(parsed.value);
        return true;
    }

    void add(const std::string& shown, DataValue tree) {
        rename_keys(tree);
        merge_into(out.config.root, tree);
        out.config.files.push_back(shown);
        out.config.sources.emplace_back(shown, std::move(tree));
    }

    // config/_default/ or config/production/, as Hugo's LoadConfigFromDir
    // walks it: names in byte order, subfolders included (a link to a folder
    // is not followed), only .toml, .yaml, .yml and .json files.
    void read_dir(const fs::path& dir, const std::string& shown, size_t depth) {
        for (const fs::directory_entry& e : site_folder_entries(dir)) {
            const std::string name = e.path().filename().string();
            if (name.empty() || name[0] == '.') continue;  // hidden: editors' files, never the site's config
            const std::string shown_file = shown + "/" + name;
            std::error_code ec;
            if (!e.is_symlink(ec) && e.is_directory(ec)) {
                if (depth < kMaxConfigFolderDepth) read_dir(e.path(), shown_file, depth + 1);
                else error(shown_file, 0, "config folders nest too deep; not read");
                continue;
            }
            DataFormat format;
            if (!config_format(name, format)) continue;
            DataValue item;
            if (!parse(e.path(), shown_file, format, item)) continue;
            item.line = 0;  // a key made by the file's name: the file as a whole
            // paths.Filename: the name without its extension; hugo and config
            // (case as written) are the root.
            const std::string base = name.substr(0, name.rfind('.'));
            if (base == "hugo" || base == "config") {
                add(shown_file, std::move(item));
                continue;
            }
            const size_t dot = base.rfind('.');
            if (dot == std::string::npos) {
                add(shown_file, map_of(base, std::move(item), 0));
                continue;
            }
            const std::string key = base.substr(0, dot), lang = base.substr(dot + 1);
            if (key == "menu" || key == "menus" || key == "params") item = map_of(key, std::move(item), 0);
            add(shown_file, map_of("languages", map_of(lang, std::move(item), 0), 0));
        }
    }
};

// Values read as Hugo's cast package reads them, a value of the wrong kind
// being an error at its line with the key as the config writes it.
struct Fields {
    const HugoConfig& config;
    std::vector<Problem>& problems;

    // `path` finds the file (hugo_config_origin); `name` is the key as the
    // message shows it, the path joined when "".
    void wrong(const std::vector<std::string>& path, const DataValue& v, const std::string& expected,
               const std::string& name = "") {
        problems.push_back({hugo_config_origin(config, path).first, v.line,
                            (name.empty() ? joined(path) : name) + ": expected " + expected + ", got " +
                                data_kind_name(v)});
    }
    void warn(const std::vector<std::string>& path, const DataValue& v, const std::string& message) {
        problems.push_back({hugo_config_origin(config, path).first, v.line, message, true});
    }

    static bool scalar(const DataValue& v) {
        return v.kind == Kind::String || v.kind == Kind::Number || v.kind == Kind::Bool || v.kind == Kind::Date;
    }

    // A string, or a number, boolean or date as its text (cast.ToString).
    bool text(const DataValue* v, const std::vector<std::string>& path, std::string& out) {
        if (!v || v->kind == Kind::Null) return false;
        if (!scalar(*v)) {
            wrong(path, *v, "a string");
            return false;
        }
        out = v->text;
        return true;
    }

    // An integer, or a string holding one (cast.ToInt).
    bool integer(const DataValue* v, const std::vector<std::string>& path, int& out, const std::string& name = "") {
        if (!v || v->kind == Kind::Null) return false;
        if (v->kind == Kind::Number || v->kind == Kind::String) {
            char* end = nullptr;
            const double d = std::strtod(v->text.c_str(), &end);
            if (end && *end == '\0' && !v->text.empty() && d == std::floor(d) && std::fabs(d) < 1e9) {
                out = int(d);
                return true;
            }
        }
        wrong(path, *v, "a whole number", name);
        return false;
    }

    // true or false, or a string saying so (cast.ToBool).
    bool boolean(const DataValue* v, const std::vector<std::string>& path, bool& out) {
        if (!v || v->kind == Kind::Null) return false;
        if (v->kind == Kind::Bool) {
            out = v->boolean;
            return true;
        }
        if (v->kind == Kind::String && (iequal(v->text, "true") || iequal(v->text, "false"))) {
            out = iequal(v->text, "true");
            return true;
        }
        wrong(path, *v, "true or false");
        return false;
    }

    // A string or a list of strings.
    bool strings(const DataValue* v, const std::vector<std::string>& path, std::vector<std::string>& out) {
        if (!v || v->kind == Kind::Null) return false;
        if (scalar(*v)) {
            out = {v->text};
            return true;
        }
        if (v->kind == Kind::List && std::all_of(v->items.begin(), v->items.end(), scalar)) {
            out.clear();
            for (const DataValue& item : v->items) out.push_back(item.text);
            return true;
        }
        wrong(path, *v, "a string or a list of strings");
        return false;
    }

    bool map(const DataValue* v, const std::vector<std::string>& path) {
        if (!v || v->kind == Kind::Null) return false;
        if (v->kind == Kind::Map) return true;
        wrong(path, *v, "a map");
        return false;
    }

    // Hugo's defaultMenuEntrySort.
    static int compare_names(const std::string& a, const std::string& b) {
        const size_t n = std::min(a.size(), b.size());
        for (size_t i = 0; i < n; ++i) {
            const int x = std::tolower(static_cast<unsigned char>(a[i])), y = std::tolower(static_cast<unsigned char>(b[i]));
            if (x != y) return x < y ? -1 : 1;
        }
        if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
        return a.compare(b) < 0 ? -1 : a.compare(b) > 0 ? 1 : 0;
    }
    static bool menu_less(const HugoMenuEntry& a, const HugoMenuEntry& b) {
        if (a.weight == b.weight) {
            const int c = compare_names(a.name, b.name);
            return c == 0 ? a.identifier < b.identifier : c < 0;
        }
        if (b.weight == 0) return true;
        if (a.weight == 0) return false;
        return a.weight < b.weight;
    }

    // `menus` (a map of lists of entries) at `path`.
    std::vector<HugoMenu> menus(const DataValue& v, const std::vector<std::string>& path) {
        std::vector<HugoMenu> out;
        if (!map(&v, path)) return out;
        for (const auto& [name, list] : v.entries) {
            std::vector<std::string> at = path;
            at.push_back(name);
            if (list.kind != Kind::List) {
                wrong(at, list, "a list of menu entries");
                continue;
            }
            const std::string file = hugo_config_origin(config, at).first;
            HugoMenu menu{name, {}};
            for (size_t i = 0; i < list.items.size(); ++i) {
                const DataValue& item = list.items[i];
                const std::string entry = joined(at) + "[" + std::to_string(i) + "]";
                if (item.kind != Kind::Map) {
                    wrong(at, item, "a map (name, url, weight…)", entry);
                    continue;
                }
                HugoMenuEntry e;
                e.file = file;
                e.line = item.line;
                auto field = [&](const char* key, std::string& s) {
                    const DataValue* f = item.find(key);
                    if (f && f->kind != Kind::Null && !scalar(*f)) wrong(at, *f, "a string", entry + "." + key);
                    else if (f && f->kind != Kind::Null) s = f->text;
                };
                field("name", e.name);
                field("url", e.url);
                field("pageRef", e.page_ref);
                field("identifier", e.identifier);
                field("parent", e.parent);
                field("title", e.title);
                field("pre", e.pre);
                field("post", e.post);
                integer(item.find("weight"), at, e.weight, entry + ".weight");
                menu.entries.push_back(std::move(e));
            }
            std::stable_sort(menu.entries.begin(), menu.entries.end(), menu_less);
            // Hugo keys entries by identifier, else name: the last in order wins.
            std::vector<HugoMenuEntry> kept;
            for (HugoMenuEntry& e : menu.entries) {
                auto same = std::find_if(kept.begin(), kept.end(), [&](const HugoMenuEntry& k) { return k.key() == e.key(); });
                if (same != kept.end()) {
                    problems.push_back({same->file, same->line,
                                        joined(at) + ": another entry has the key \"" + e.key() +
                                            "\" (its identifier, else its name); Hugo shows only one: give each an identifier",
                                        true});
                    kept.erase(same);
                }
                kept.push_back(std::move(e));
            }
            menu.entries = std::move(kept);
            out.push_back(std::move(menu));
        }
        return out;
    }

    static std::string joined(const std::vector<std::string>& path) {
        std::string s;
        for (const std::string& p : path) s += (s.empty() ? "" : ".") + p;
        return s;
    }
};

// Section -> pattern entries of one map of permalinks.
void permalinks_read(const DataValue& map, const std::vector<std::string>& path, bool allow_kinds, Fields& f,
                     std::vector<std::pair<std::string, std::string>>& out) {
    for (const auto& [k, v] : map.entries) {
        std::vector<std::string> at = path;
        at.push_back(k);
        if (allow_kinds && v.kind == Kind::Map) {
            if (iequal(k, "page")) {
                permalinks_read(v, at, false, f, out);
            } else {
                f.warn(at, v, Fields::joined(at) + ": patterns for " + k +
                                  " pages are read by Hugo 0.114 and later, not by Hugo 0.111; not honoured");
            }
            continue;
        }
        std::string pattern;
        if (!f.text(&v, at, pattern)) continue;
        const size_t b = k.find_first_not_of(" /"), e = k.find_last_not_of(" /");
        out.emplace_back(b == std::string::npos ? "" : lower(k.substr(b, e - b + 1)), pattern);
    }
}

void languages_read(HugoConfig& c, Fields& f, std::vector<Problem>& problems) {
    const DataValue* global_menus = c.root.find("menus");
    std::vector<HugoMenu> site_menus;
    if (global_menus) site_menus = f.menus(*global_menus, {"menus"});

    std::vector<std::string> disabled;
    f.strings(c.root.find("disableLanguages"), {"disableLanguages"}, disabled);

    std::string content_dir = "content";
    f.text(c.root.find("contentDir"), {"contentDir"}, content_dir);

    const DataValue* langs = c.root.find("languages");
    if (langs && langs->kind != Kind::Null && !f.map(langs, {"languages"})) langs = nullptr;
    if (!langs || langs->kind != Kind::Map || langs->entries.empty()) {
        HugoLanguage l;
        l.key = c.default_content_language;
        l.language_code = c.language_code;
        l.title = c.title;
        l.content_dir = content_dir;
        l.params.kind = Kind::Map;
        l.menus = site_menus;
        c.languages.push_back(std::move(l));
    } else {
        for (const auto& [key, v] : langs->entries) {
            const std::vector<std::string> at = {"languages", key};
            if (!f.map(&v, at)) continue;
            HugoLanguage l;
            l.key = lower(key);
            auto sub = [&](const char* name) {
                std::vector<std::string> p = at;
                p.push_back(name);
                return p;
            };
            l.language_code = c.language_code;
            f.text(v.find("languageCode"), sub("languageCode"), l.language_code);
            f.text(v.find("languageName"), sub("languageName"), l.language_name);
            l.title = c.title;
            f.text(v.find("title"), sub("title"), l.title);
            f.integer(v.find("weight"), sub("weight"), l.weight);
            l.content_dir = content_dir;
            f.text(v.find("contentDir"), sub("contentDir"), l.content_dir);
            f.boolean(v.find("disabled"), sub("disabled"), l.disabled);
            for (const std::string& d : disabled)
                if (iequal(d, l.key)) l.disabled = true;
            l.params.kind = Kind::Map;
            if (const DataValue* p = v.find("params"); f.map(p, sub("params"))) l.params = *p;
            if (const DataValue* m = v.find("menus")) l.menus = f.menus(*m, sub("menus"));
            else l.menus = site_menus;
            c.languages.push_back(std::move(l));
        }
        // langs.Languages.Less, made a strict order: Hugo 0.111's comparator
        // says both "0 before 5" and "5 before 0", so that mixing unset and
        // set weights gives an order that changes from run to run; its menus
        // put unset weights last, and so does this.
        std::stable_sort(c.languages.begin(), c.languages.end(), [](const HugoLanguage& a, const HugoLanguage& b) {
            if (a.weight == b.weight) return a.key < b.key;
            if (b.weight == 0) return true;
            if (a.weight == 0) return false;
            return a.weight < b.weight;
        });
    }

    // Named where it is set, else where languages are.
    const DataValue* dcl = c.root.find("defaultContentLanguage");
    const std::string dcl_key = dcl ? "defaultContentLanguage" : "languages";
    const auto origin = hugo_config_origin(c, {dcl_key});
    const size_t dcl_line = dcl ? dcl->line : origin.second;
    for (const std::string& d : disabled)
        if (iequal(d, c.default_content_language))
            problems.push_back({hugo_config_origin(c, {"disableLanguages"}).first,
                                c.root.find("disableLanguages")->line,
                                "disableLanguages: cannot disable the default language \"" + c.default_content_language + "\""});
    const auto dflt = std::find_if(c.languages.begin(), c.languages.end(),
                                   [&](const HugoLanguage& l) { return l.key == c.default_content_language; });
    if (dflt == c.languages.end()) {
        problems.push_back({origin.first, dcl_line,
                            "defaultContentLanguage \"" + c.default_content_language +
                                "\" does not match any language in languages"});
        c.menus = site_menus;
    } else {
        c.menus = dflt->menus;
    }
    for (const HugoMenu& m : c.menus)
        if (iequal(m.name, "main")) c.main = m.entries;
}

}  // namespace

bool HugoConfigRead::ok() const {
    return std::none_of(problems.begin(), problems.end(), [](const Problem& p) { return !p.warning; });
}

std::pair<std::string, size_t> hugo_config_origin(const HugoConfig& config, const std::vector<std::string>& path) {
    for (auto it = config.sources.rbegin(); it != config.sources.rend(); ++it) {
        const DataValue* v = &it->second;
        for (const std::string& key : path) {
            v = v->kind == Kind::Map ? v->find(key) : nullptr;
            if (!v) break;
        }
        if (v) return {it->first, v->line};
    }
    return {"", 0};
}

HugoConfigRead hugo_config_read(const fs::path& site_dir, const fs::path& site_root_real, const std::string& shown_dir) {
    HugoConfigRead out;
    HugoConfig& c = out.config;
    c.root.kind = Kind::Map;
    c.params.kind = Kind::Map;
    Reader reader{site_root_real, shown_dir, out};
    std::error_code ec;

    // config.DefaultConfigNames × ValidConfigFileExtensions: the first that exists.
    static const char* const kNames[] = {"hugo.toml",   "hugo.yaml",   "hugo.yml",   "hugo.json",
                                         "config.toml", "config.yaml", "config.yml", "config.json"};
    for (const char* name : kNames) {
        const fs::path path = site_dir / name;
        if (!fs::exists(fs::symlink_status(path, ec))) continue;
        out.found = true;
        const std::string shown = shown_dir + "/" + name;
        DataFormat format = DataFormat::Yaml;
        config_format(name, format);
        DataValue tree;
        if (reader.parse(path, shown, format, tree)) reader.add(shown, std::move(tree));
        break;
    }
    // config/_default/, then the environment's folder (`hugo` builds for production).
    for (const char* env : {"_default", "production"}) {
        const std::string rel = std::string("config/") + env;
        const fs::path dir = site_dir / rel;
        if (!fs::exists(fs::symlink_status(dir, ec))) continue;
        if (std::string refused = site_path_refusal(dir, site_root_real); !refused.empty()) {
            out.found = true;
            reader.error(shown_dir + "/" + rel, 0, refused);
            continue;
        }
        if (!fs::is_directory(dir, ec)) continue;
        if (std::string(env) == "_default") out.found = true;
        reader.read_dir(dir, shown_dir + "/" + rel, 0);
    }
    if (!out.found) {
        out.problems.push_back({shown_dir, 0,
                                "no config file: expected hugo.toml, hugo.yaml, hugo.yml, hugo.json, config.toml, "
                                "config.yaml, config.yml, config.json or config/_default/"});
        return out;
    }

    Fields f{c, out.problems};
    const DataValue& r = c.root;
    f.text(r.find("title"), {"title"}, c.title);
    if (f.text(r.find("baseURL"), {"baseURL"}, c.base_url)) {
        c.base_url_file = hugo_config_origin(c, {"baseURL"}).first;
        c.base_url_line = r.find("baseURL")->line;
    }
    f.text(r.find("languageCode"), {"languageCode"}, c.language_code);
    if (f.text(r.find("defaultContentLanguage"), {"defaultContentLanguage"}, c.default_content_language))
        c.default_content_language = lower(c.default_content_language);
    if (c.default_content_language.empty()) c.default_content_language = "en";
    f.boolean(r.find("defaultContentLanguageInSubdir"), {"defaultContentLanguageInSubdir"},
              c.default_content_language_in_subdir);
    f.text(r.find("copyright"), {"copyright"}, c.copyright);
    f.integer(r.find("summaryLength"), {"summaryLength"}, c.summary_length);
    f.boolean(r.find("hasCJKLanguage"), {"hasCJKLanguage"}, c.has_cjk_language);
    if (const DataValue* m = r.find("markup"); m && m->kind == Kind::Map)
        if (const DataValue* g = m->find("goldmark"); g && g->kind == Kind::Map) {
            if (const DataValue* rd = g->find("renderer"); rd && rd->kind == Kind::Map)
                f.boolean(rd->find("unsafe"), {"markup", "goldmark", "renderer", "unsafe"}, c.markup_unsafe);
            if (const DataValue* e = g->find("extensions"); e && e->kind == Kind::Map)
                if (const DataValue* p = e->find("passthrough"); p && p->kind == Kind::Map)
                    f.boolean(p->find("enable"), {"markup", "goldmark", "extensions", "passthrough", "enable"},
                              c.math_passthrough);
        }
    f.boolean(r.find("disablePathToLower"), {"disablePathToLower"}, c.disable_path_to_lower);
    f.boolean(r.find("uglyURLs"), {"uglyURLs"}, c.ugly_urls);
    f.integer(r.find("paginate"), {"paginate"}, c.paginate);
    if (const DataValue* p = r.find("pagination"); f.map(p, {"pagination"}))
        f.integer(p->find("pagerSize"), {"pagination", "pagerSize"}, c.paginate);
    f.strings(r.find("theme"), {"theme"}, c.theme);

    if (const DataValue* p = r.find("permalinks"); f.map(p, {"permalinks"}))
        permalinks_read(*p, {"permalinks"}, true, f, c.permalinks);

    if (const DataValue* t = r.find("taxonomies"); t && t->kind != Kind::Null) {
        if (f.map(t, {"taxonomies"}))
            for (const auto& [singular, plural] : t->entries) {
                std::string p;
                if (f.text(&plural, {"taxonomies", singular}, p)) c.taxonomies.emplace_back(lower(singular), lower(p));
            }
    } else {
        c.taxonomies = {{"tag", "tags"}, {"category", "categories"}};
    }

    if (const DataValue* p = r.find("params"); f.map(p, {"params"})) {
        c.params = *p;
        f.text(p->find("description"), {"params", "description"}, c.description);
        // A theme's author may be a map (LoveIt's {name, email, link}): its name.
        const DataValue* author = p->find("author");
        if (author && author->kind == Kind::Map) {
            if (const DataValue* name = author->find("name"); name && name->kind == Kind::String && !name->text.empty())
                c.authors.push_back(name->text);
        } else {
            f.strings(author, {"params", "author"}, c.authors);
        }
        f.strings(p->find("mainSections"), {"params", "mainSections"}, c.main_sections);
    }

    languages_read(c, f, out.problems);
    return out;
}

const std::vector<HugoOutputSetting>& hugo_output_settings() {
    // Hugo 0.111's settings (hugolib/config.go's defaults, config.ConfigRootKeysSet
    // and the documented site settings) that change the pages, feeds or
    // files a build writes. Settings about the build itself (publishDir,
    // cleanDestinationDir, timeout, watch…) are not here.
    static const std::vector<HugoOutputSetting> kSettings = {
        {"baseURL", "Hugo would make every link absolute with it"},
        {"title", "Hugo would show it as the site's title"},
        {"languageCode", "Hugo would write it in the pages and feeds"},
        {"copyright", "Hugo would show it in the footer and feeds"},
        {"languages", "Hugo would build one site per language"},
        {"defaultContentLanguage", "Hugo would make it the site's language"},
        {"defaultContentLanguageInSubdir", "Hugo would put the default language under its own folder"},
        {"disableLanguages", "Hugo would leave these languages out"},
        {"contentDir", "Hugo would read the content from that folder"},
        {"menus", "Hugo would show these menus"},
        {"sectionPagesMenu", "Hugo would make a menu of the sections"},
        {"permalinks", "Hugo would publish pages at these URLs"},
        {"taxonomies", "Hugo would build these term pages"},
        {"disablePathToLower", "Hugo would keep the letter case of URLs"},
        {"uglyURLs", "Hugo would publish page.html instead of page/index.html"},
        {"canonifyURLs", "Hugo would make relative URLs absolute"},
        {"relativeURLs", "Hugo would make every URL relative"},
        {"removePathAccents", "Hugo would remove accents from URLs"},
        {"paginate", "Hugo would put this many pages in a list page"},
        {"pagination", "Hugo would page lists this way"},
        {"paginatePath", "Hugo would name the list pages' folders this way"},
        {"summaryLength", "Hugo would cut summaries at this many words"},
        {"hasCJKLanguage", "Hugo would count words and cut summaries for Chinese, Japanese and Korean"},
        {"disableKinds", "Hugo would leave out pages of these kinds"},
        {"outputs", "Hugo would write these output formats"},
        {"outputFormats", "Hugo would write these output formats"},
        {"mediaTypes", "Hugo would use these media types"},
        {"markup", "Hugo would render Markdown with these settings"},
        {"enableEmoji", "Hugo would turn :emoji: codes into emoji"},
        {"footnoteReturnLinkContents", "Hugo would write this in footnotes' return links"},
        {"footnoteAnchorPrefix", "Hugo would prefix footnote anchors"},
        {"titleCaseStyle", "Hugo would capitalise titles this way"},
        {"pluralizeListTitles", "Hugo would pluralise list titles"},
        {"rssLimit", "Hugo would put this many items in feeds"},
        {"sitemap", "Hugo would write the sitemap this way"},
        {"enableRobotsTXT", "Hugo would write robots.txt"},
        {"disableAliases", "Hugo would not write alias redirects"},
        {"disableHugoGeneratorInject", "Hugo would not add its generator tag"},
        {"enableGitInfo", "Hugo would take dates from Git"},
        {"frontmatter", "Hugo would take pages' dates from these fields"},
        {"timeZone", "Hugo would read dates without an offset in this time zone"},
        {"related", "Hugo would list related content this way"},
        {"minify", "Hugo would minify the output"},
        {"imaging", "Hugo would process images this way"},
        {"services", "Hugo would add these services (analytics, Disqus, RSS)"},
        {"privacy", "Hugo would change its embedded services for privacy"},
        {"googleAnalytics", "Hugo would add Google Analytics"},
        {"disqusShortname", "Hugo would add Disqus comments"},
        {"cascade", "Hugo would set these front matter values on pages"},
        {"module", "Hugo would mount these modules and folders"},
        {"theme", "Hugo would render the pages with this theme's templates"},
        {"themesDir", "Hugo would look for themes in this folder"},
        {"staticDir", "Hugo would copy static files from this folder"},
        {"layoutDir", "Hugo would read templates from this folder"},
        {"dataDir", "Hugo would read data files from this folder"},
        {"assetDir", "Hugo would read assets from this folder"},
        {"i18nDir", "Hugo would read translations from this folder"},
        {"enableInlineShortcodes", "Hugo would run inline shortcodes"},
        {"enableMissingTranslationPlaceholders", "Hugo would show placeholders for missing translations"},
        {"refLinksErrorLevel", "Hugo would fail or warn on broken ref links"},
        {"refLinksNotFoundURL", "Hugo would link broken refs here"},
        {"buildDrafts", "Hugo would publish drafts"},
        {"buildFuture", "Hugo would publish future posts"},
        {"buildExpired", "Hugo would publish expired posts"},
        {"ignoreFiles", "Hugo would skip these content files"},
        {"security", "Hugo would allow or deny these functions"},
        {"build", "Hugo would write build stats and cache busters this way"},
    };
    return kSettings;
}

std::vector<Problem> hugo_config_unhonoured(const HugoConfig& config, const std::vector<std::string>& honoured) {
    std::vector<Problem> out;
    const auto& settings = hugo_output_settings();
    for (const auto& entry : config.root.entries) {
        const std::string& key = entry.first;
        auto s = std::find_if(settings.begin(), settings.end(), [&](const HugoOutputSetting& h) { return iequal(h.key, key); });
        if (s == settings.end()) continue;
        if (std::any_of(honoured.begin(), honoured.end(), [&](const std::string& h) { return iequal(h, key); })) continue;
        const auto origin = hugo_config_origin(config, {key});
        out.push_back({origin.first, origin.second, key + " is set but not honoured: " + s->effect, true});
    }
    // In reading order: files as merged, then lines.
    auto file_index = [&](const Problem& p) {
        return size_t(std::find(config.files.begin(), config.files.end(), p.file) - config.files.begin());
    };
    std::stable_sort(out.begin(), out.end(), [&](const Problem& a, const Problem& b) {
        const size_t fa = file_index(a), fb = file_index(b);
        return fa != fb ? fa < fb : a.line < b.line;
    });
    return out;
}

}  // namespace blog::tool
