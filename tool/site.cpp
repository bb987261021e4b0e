#include "tool/site.hpp"
#include "tool/site_i18n.hpp"

#include <cctype>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <set>
#include <system_error>

#include <nlohmann/json.hpp>

#include "core/markdown/markdown.hpp"
#include "core/route/route.hpp"
#include "core/url/url.hpp"
#include "core/util/utf8.hpp"
#include "tool/build.hpp"
#include "tool/data_tree.hpp"
#include "tool/hugo_config.hpp"
#include "tool/hugo_url.hpp"
#include "tool/site_files.hpp"

namespace blog::tool {
namespace fs = std::filesystem;
namespace {

// PaperMod's byline for a list of authors: "A", "A & B", "A, B & C".
std::string authors_joined(const std::vector<std::string>& authors) {
    std::string out;
    for (size_t i = 0; i < authors.size(); ++i) {
        if (i) out += i + 1 == authors.size() ? " & " : ", ";
        out += authors[i];
    }
    return out;
}

// The offset of the first byte that is not part of well-formed UTF-8; npos
// when the text is valid.
size_t utf8_first_bad(const std::string& s) {
    const size_t valid = utf8_valid_prefix(s);
    return valid == s.size() ? std::string::npos : valid;
}

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return s;
}

// PaperMod's archives and search pages: the blog's own screens, not posts.
bool screen_layout(const FrontMatter& fm) {
    const std::string layout = lower_ascii(fm.layout.empty() ? fm.type : fm.layout);
    return layout == "archives" || layout == "archive" || layout == "search";
}

// The deepest folder above a page that is a section (has an _index.md),
// else its first folder: Hugo's current section ("posts/2021", "posts").
// A bundle's own folder is the page, not a section.
std::string current_section(const std::string& file, const std::set<std::string>& branches) {
    std::string dir = file.substr(0, file.rfind('/') == std::string::npos ? 0 : file.rfind('/'));
    const bool bundle = file.size() >= 8 && file.compare(file.size() - 8, 8, "index.md") == 0 &&
                        (file.size() == 8 || file[file.size() - 9] == '/');
    if (bundle) dir = dir.substr(0, dir.rfind('/') == std::string::npos ? 0 : dir.rfind('/'));
    const std::string first = dir.substr(0, dir.find('/'));
    while (!dir.empty()) {
        if (branches.count(dir + "/")) return dir;
        const size_t slash = dir.rfind('/');
        dir = slash == std::string::npos ? std::string() : dir.substr(0, slash);
    }
    return first;
}

// The index's key of a page at `url`: its last segment, in the characters a
// slug may hold, made unique among `taken` ("x", "x-2").
std::string slug_key(const std::string& url, std::set<std::string>& taken) {
    std::string last = url;
    if (!last.empty() && last.back() == '/') last.pop_back();
    if (last.size() > 5 && last.compare(last.size() - 5, 5, ".html") == 0) last.resize(last.size() - 5);
    last = last.substr(last.rfind('/') == std::string::npos ? 0 : last.rfind('/') + 1);
    std::string key;
    for (unsigned char c : last) key += index_slug_char(c) ? char(c) : '-';
    if (key.empty() || key == "." || key == "..") key = "page";
    std::string unique = key;
    for (int n = 2; !taken.insert(unique).second; ++n) unique = key + "-" + std::to_string(n);
    return unique;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }

// Each image the post shows from the site (a relative reference, as
// RenderedMarkdown::images has it) that is not a file beside the post: a
// warning at the first line of the file naming it (the body's first line when
// the text as written differs, e.g. an entity). Links from the host's root
// ("/images/x.png"), other hosts and fragments are not the site's to check.
void image_warnings(const RenderedMarkdown& rendered, const std::string& text, size_t body_begin, size_t body_line,
                    const fs::path& post_path, const std::string& file, std::vector<Problem>& problems) {
    for (const std::string& target : rendered.images) {
        const std::string ref = target.substr(0, target.find_first_of("?#"));
        if (ref.empty() || ref[0] == '/' || url_has_scheme(ref)) continue;
        std::error_code ec;
        if (fs::exists(post_path.parent_path().string() + "/" + url_percent_decode(ref), ec)) continue;
        const size_t at = text.find(target, body_begin);
        const size_t line =
            at == std::string::npos ? body_line : 1 + size_t(std::count(text.begin(), text.begin() + long(at), '\n'));
        problems.push_back({file, line, "image " + in_quotes(target) + " is not in the site (the page shows a broken image)",
                            true});
    }
}

// Whether Hugo's markup settings hold nothing but goldmark.renderer.unsafe
// (which the index's "rawHtml" carries).
bool markup_only_unsafe(const DataValue* markup) {
    auto iequal_ascii = [](std::string_view a, std::string_view b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                   return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
               });
    };
    if (!markup || markup->kind != DataValue::Kind::Map) return false;
    for (const auto& [k, g] : markup->entries) {
        if (!iequal_ascii(k, "goldmark") || g.kind != DataValue::Kind::Map) return false;
        for (const auto& [k2, r] : g.entries) {
            if (!iequal_ascii(k2, "renderer") || r.kind != DataValue::Kind::Map) return false;
            for (const auto& [k3, v] : r.entries)
                if (!iequal_ascii(k3, "unsafe")) return false;
        }
    }
    return true;
}

// PaperMod's params the index carries (SiteConfig's switches, default_theme
// and show_page_nums); a value of the wrong kind is an error at its line,
// named as PaperMod spells it.
void params_read(const DataValue& params, const std::string& shown, Site& site) {
    auto boolean = [&](const char* name, std::optional<bool>& out) {
        const DataValue* v = params.find(name);  // case-insensitive: "showToc" finds ShowToc
        if (!v || v->kind == DataValue::Kind::Null) return;
        if (v->kind == DataValue::Kind::Bool) {
            out = v->boolean;
            return;
        }
        std::string shown_name = name;
        shown_name[0] = char(std::toupper(static_cast<unsigned char>(shown_name[0])));
        site.problems.push_back(
            {shown, v->line, "params." + shown_name + ": expected true or false, got " + data_kind_name(*v)});
    };
    for (const PostSwitchField& f : kPostSwitchFields) boolean(f.name, site.config.switches.*f.post);
    boolean("showPageNums", site.config.show_page_nums);
    if (const DataValue* cover = params.find("cover"); cover && cover->kind == DataValue::Kind::Map) {
        auto flag = [&](const char* name, std::optional<bool>& out) {
            const DataValue* v = cover->find(name);
            if (v && v->kind == DataValue::Kind::Bool) out = v->boolean;
            else if (v && v->kind != DataValue::Kind::Null)
                site.problems.push_back({shown, v->line, std::string("params.cover.") + name + ": expected true or false, got " +
                                                             data_kind_name(*v)});
        };
        flag("hidden", site.config.cover_hidden);
        flag("hiddenInList", site.config.cover_hidden_in_list);
        flag("hiddenInSingle", site.config.cover_hidden_in_single);
    }
    if (const DataValue* ours = params.find("wasmBlog"); ours && ours->kind == DataValue::Kind::Map) {
        const DataValue* v = ours->find("publishActiveFiles");
        if (v && v->kind == DataValue::Kind::Bool) site.config.publish_active_files = v->boolean;
        else if (v && v->kind != DataValue::Kind::Null)
            site.problems.push_back({shown, v->line, "params.wasmBlog.publishActiveFiles: expected true or false, got " +
                                                         data_kind_name(*v)});
        if (const DataValue* raw = ours->find("rawHtml"); raw && raw->kind != DataValue::Kind::Null) {
            if (raw->kind == DataValue::Kind::String && (raw->text == "omit" || raw->text == "sanitize"))
                site.config.sanitize_html = raw->text == "sanitize";
            else
                site.problems.push_back({shown, raw->line, "params.wasmBlog.rawHtml: expected \"omit\" or \"sanitize\", got " +
                                                               data_kind_name(*raw)});
        }
    }
    if (const DataValue* v = params.find("defaultTheme"); v && v->kind != DataValue::Kind::Null) {
        const bool ok = v->kind == DataValue::Kind::String && (v->text == "auto" || v->text == "light" || v->text == "dark");
        if (ok) site.config.default_theme = v->text;
        else site.problems.push_back({shown, v->line, "params.defaultTheme: expected \"auto\", \"light\" or \"dark\", got " +
                                                          (v->kind == DataValue::Kind::String ? in_quotes(v->text)
                                                                                              : data_kind_name(*v))});
    }
}

// The site's settings from Hugo's merged config (tool/hugo_config). Kept
// as problems: the config's own, and one warning per setting read that the
// blog does not honour.
// The shortcode templates of one folder, each a regular file (no link) of
// at most 64 KB, at most 200 of them; a name already known is kept.
void read_shortcode_templates(const fs::path& folder, bool theme, std::vector<std::pair<std::string, std::string>>& out) {
    static const char* const kBuiltIn[] = {"figure", "youtube", "vimeo", "gist", "tweet", "twitter", "x", "instagram",
                                           "highlight", "ref", "relref", "param", "details", "collapse", "rawhtml", "inTextImg"};
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(folder, ec))) return;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end && files.size() < 200; it.increment(ec))
        if (it->path().extension() == ".html" && fs::is_regular_file(it->symlink_status(ec))) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
        const std::string name = f.stem().string();
        if (std::any_of(out.begin(), out.end(), [&](const auto& kv) { return kv.first == name; })) continue;
        if (theme && std::find(std::begin(kBuiltIn), std::end(kBuiltIn), name) != std::end(kBuiltIn)) continue;
        if (fs::file_size(f, ec) > (64u << 10) || ec) continue;
        std::ifstream in(f, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        out.emplace_back(name, text.str());
    }
}

void config_read(const fs::path& dir, const fs::path& site_root, const std::string& shown_dir, bool hugo_site,
                 const std::string& language, Site& site) {
    HugoConfigRead read = hugo_config_read(dir, site_root, shown_dir);
    // Another language than the default: the config was reported with it.
    if (!language.empty()) read.problems.erase(std::remove_if(read.problems.begin(), read.problems.end(),
                                                               [](const Problem& p) { return p.warning; }),
                                               read.problems.end());
    for (Problem& p : read.problems) {
        // A folder without content/ is the blog's own layout: a config is optional there.
        if (!read.found && !hugo_site) continue;
        site.problems.push_back(std::move(p));
    }
    if (!read.found) return;
    const HugoConfig& c = read.config;
    SiteConfig& out = site.config;
    out.file = c.files.empty() ? shown_dir + "/hugo.toml" : c.files.front();
    out.title = c.title;
    out.base_url = c.base_url;
    out.base_url_line = c.base_url_line;
    if (!c.base_url_file.empty()) out.file = c.base_url_file;
    out.language_code = c.language_code;
    out.description = c.description;
    out.authors = c.authors;
    out.page_size = c.paginate;
    out.main_sections = c.main_sections;
    for (const auto& [section, pattern] : c.permalinks) out.permalinks[section] = pattern;
    out.disable_path_to_lower = c.disable_path_to_lower;
    out.ugly_urls = c.ugly_urls;
    out.copyright = c.copyright;
    out.sanitize_html = c.markup_unsafe;  // Hugo's unsafe: kept, made safe (never passed through)
    out.math_passthrough = c.math_passthrough;
    read_shortcode_templates(dir / "layouts" / "shortcodes", false, out.shortcodes);
    read_shortcode_templates(dir / "layouts" / "_shortcodes", false, out.shortcodes);
    for (const std::string& theme : c.theme) {
        if (theme.find('/') != std::string::npos || theme.find("..") != std::string::npos) continue;
        read_shortcode_templates(dir / "themes" / theme / "layouts" / "shortcodes", true, out.shortcodes);
        read_shortcode_templates(dir / "themes" / theme / "layouts" / "_shortcodes", true, out.shortcodes);
    }
    out.summary_length = c.summary_length > 0 ? size_t(c.summary_length) : 70;
    out.has_cjk_language = c.has_cjk_language;
    for (const HugoMenuEntry& e : c.main)
        if (e.parent.empty()) out.menu.push_back({e.name, e.url, e.page_ref});
    out.default_language = c.default_content_language;
    out.language = language.empty() ? c.default_content_language : language;
    for (const HugoLanguage& l : c.languages) {
        if (l.disabled) continue;
        out.languages.push_back(l.key);
        out.language_names[l.key] = l.language_name;
        if (l.key == c.default_content_language) out.default_content_dir = l.content_dir;
        if (l.key != out.language) continue;
        // The language's own settings over the site's.
        out.content_dir = l.content_dir;
        if (!l.title.empty()) out.title = l.title;
        if (!l.language_code.empty()) out.language_code = l.language_code;
        for (const HugoMenu& m : l.menus)
            if (m.name == "main") {
                out.menu.clear();
                for (const HugoMenuEntry& e : m.entries)
                    if (e.parent.empty()) out.menu.push_back({e.name, e.url, e.page_ref});
            }
        if (l.params.kind == DataValue::Kind::Map) {
            if (const DataValue* d = l.params.find("description"); d && d->kind == DataValue::Kind::String)
                out.description = d->text;
            if (const DataValue* d = l.params.find("DateFormat"); d && d->kind == DataValue::Kind::String)
                out.date_format = d->text;
        }
    }
    if (out.language_code.empty() && c.languages.size() > 1) out.language_code = out.language;
    for (const HugoLanguage& l : c.languages)
        if (l.key != c.default_content_language && !l.disabled) out.other_languages.push_back(l.key);
    const std::string params_file = c.files.empty() ? out.file : c.files.back();
    if (c.params.kind == DataValue::Kind::Map) {
        params_read(c.params, params_file, site);
        if (const DataValue* d = c.params.find("DateFormat"); d && d->kind == DataValue::Kind::String && out.date_format.empty())
            out.date_format = d->text;
        if (const DataValue* h = c.params.find("homeInfoParams"); h && h->kind == DataValue::Kind::Map) {
            if (const DataValue* t = h->find("Title"); t && t->kind == DataValue::Kind::String) out.home_info_title = t->text;
            if (const DataValue* t = h->find("Content"); t && t->kind == DataValue::Kind::String)
                out.home_info_content = t->text;
        }
        if (const DataValue* icons = c.params.find("socialIcons"); icons && icons->kind == DataValue::Kind::List)
            for (const DataValue& icon : icons->items) {
                const DataValue* name = icon.find("name");
                const DataValue* url = icon.find("url");
                if (name && url && name->kind == DataValue::Kind::String && url->kind == DataValue::Kind::String)
                    out.social_icons.emplace_back(name->text, url->text);
            }
    }
    out.taxonomies = c.taxonomies;
    out.text = site_i18n_read(dir, c.theme, out.language, shown_dir, site.problems);
    static const std::vector<std::string> kHonoured = {
        "title", "baseURL", "languageCode", "params", "paginate", "pagination", "permalinks", "taxonomies",
        "disablePathToLower", "uglyURLs", "copyright", "menus", "menu", "defaultContentLanguage", "languages",
        "theme", "summaryLength", "hasCJKLanguage", "enableRobotsTXT"};  // robots.txt is always written
    // markup is honoured when all it sets is goldmark.renderer.unsafe.
    std::vector<std::string> honoured = kHonoured;
    if (markup_only_unsafe(c.root.find("markup"))) honoured.push_back("markup");
    if (language.empty())  // said once, with the default language
        for (Problem& p : hugo_config_unhonoured(c, honoured)) site.problems.push_back(std::move(p));
}

// The length of a Markdown file's extension (".md", or Hugo's other name
// ".markdown"); 0 when it is not one.
size_t markdown_ext_length(const std::string& name) {
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".md") == 0) return 3;
    if (name.size() > 9 && name.compare(name.size() - 9, 9, ".markdown") == 0) return 9;
    return 0;
}
// The name without its extension's length; 0 when it is not Markdown.
size_t markdown_name_length(const std::string& name) {
    const size_t ext = markdown_ext_length(name);
    return ext ? name.size() - ext : 0;
}
// "fr" of "post.fr.md" (a language tag before the extension); "" when none.
std::string language_suffix(const std::string& name) {
    const size_t stem = markdown_name_length(name);
    const size_t dot = stem ? name.rfind('.', stem - 1) : std::string::npos;
    if (dot == std::string::npos || dot == 0 || dot + 1 >= stem) return {};
    const std::string tag = name.substr(dot + 1, stem - dot - 1);
    if (tag.size() < 2 || tag.size() > 12) return {};
    for (char c : tag)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_')) return {};
    return tag;
}

struct Found {
    fs::path path;
    std::string file;          // relative to the posts folder
    std::string default_slug;  // the file name, or the bundle's folder name
    bool bundle = false;       // a leaf bundle's index.md
};

// Every post file under the posts folder: a folder with an index.md is a
// page bundle (its other .md files are its resources, not posts); _index.md
// is a section's page, not a post. Each real folder is read once (a link
// back to a folder already read is skipped: `ln -s . loop` costs nothing),
// every link must stay inside SITE, and folders nest at most
// SiteLimits::kMaxFolderDepth deep.
struct PostsWalk {
    const fs::path& site_root;
    const std::string& shown_root;
    std::vector<Found>& out;
    std::vector<Problem>& problems;
    std::set<std::string> seen;  // real paths of the folders read
    std::set<std::string> branches = {};  // folders with an _index.md ("posts/2021/"), a section's page
    std::vector<std::string> bundles = {};  // leaf bundles' folders ("posts/trip/")

    void refuse(const std::string& rel, const std::string& why) { problems.push_back({shown_root + "/" + rel, 0, why}); }

    void walk(const fs::path& dir, const std::string& rel, size_t depth) {
        std::error_code ec;
        const fs::path real = fs::canonical(dir, ec);
        if (ec || !seen.insert(real.string()).second) return;
        if (depth > SiteLimits::kMaxFolderDepth) {
            refuse(rel, "folders nest more than " + std::to_string(SiteLimits::kMaxFolderDepth) +
                            " deep below the posts folder; not read");
            return;
        }
        const std::vector<fs::directory_entry> entries = site_folder_entries(dir);
        // A leaf bundle: a folder with an index.md (or a translation of it,
        // index.fr.md); its other files are its resources.
        bool bundle = false;
        for (const fs::directory_entry& e : depth > 0 ? entries : std::vector<fs::directory_entry>{}) {
            const std::string name = e.path().filename().string();
            const size_t stem = markdown_name_length(name);
            const bool index = stem && name.rfind("index", 0) == 0 &&
                               (stem == 5 || (name[5] == '.' && stem == 6 + language_suffix(name).size()));
            if (!index) continue;
            if (std::string refused = site_path_refusal(e.path(), site_root); !refused.empty()) {
                refuse(rel + name, refused);
                return;
            }
            if (!fs::is_regular_file(e.path(), ec)) continue;
            out.push_back({e.path(), rel + name, dir.filename().string(), true});
            bundle = true;
        }
        if (bundle) {
            bundles.push_back(rel);
            return;
        }
        for (const fs::directory_entry& e : entries) {
            const std::string name = e.path().filename().string();
            if (name.empty() || name[0] == '.') continue;  // hidden, as Hugo leaves it (.git, .draft.md)
            if (std::string refused = e.is_symlink(ec) ? site_path_refusal(e.path(), site_root) : std::string();
                !refused.empty()) {
                refuse(rel + name, refused);
                continue;
            }
            if (e.is_directory(ec)) {
                walk(e.path(), rel + name + "/", depth + 1);
            } else if (name.rfind("_index.", 0) == 0 && markdown_name_length(name)) {
                branches.insert(rel);  // a section's page (_index.md, _index.en.md)
            } else if (e.is_regular_file(ec) && markdown_name_length(name)) {
                out.push_back({e.path(), rel + name, name.substr(0, markdown_name_length(name))});
            }
        }
    }
};

}  // namespace

std::string site_page_language(const SiteConfig& config) {
    std::string code = config.language_code.substr(0, config.language_code.find_first_of("-_"));
    for (char& c : code) c = char(std::tolower(static_cast<unsigned char>(c)));
    const bool ok = code.size() >= 2 && code.size() <= 8 &&
                    std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    return ok ? code : "en";
}

std::string Site::published_file(const SitePost& post) const {
    if (!hugo) return "posts/" + post.file;
    if (!post.bundle) return post.file;  // beside its folder's files, as its author sees them
    std::string page = post.url;
    if (page.empty() || page.back() == '/') return page + "index.md";
    const size_t dot = page.rfind('.');
    return (dot == std::string::npos || dot < page.rfind('/') + 1 ? page : page.substr(0, dot)) + ".md";
}

// Whether `image` (a relative reference) is a file of the bundle at `post_path`.
bool cover_in_bundle(const fs::path& post_path, const std::string& image) {
    std::error_code ec;
    const std::string ref = image.substr(0, image.find_first_of("?#"));
    return post_path.filename() == "index.md" && fs::is_regular_file(post_path.parent_path() / url_percent_decode(ref), ec);
}

bool cover_relative(const std::string& image) {
    return !image.empty() && image[0] != '/' && !url_has_scheme(image);
}

std::string Site::cover_url(const SitePost& post) const {
    const std::string& image = post.front.cover_image;
    if (!hugo || !cover_relative(image)) return image;
    if (cover_in_bundle(post.source, image)) {
        const std::string file = index_file(post);
        return file.substr(0, file.rfind('/') + 1) + image;
    }
    return "../" + image;  // the index is posts/index.json: the site's root is ../
}

std::string Site::index_file(const SitePost& post) const {
    return hugo ? "../" + url_path_encode(published_file(post)) : url_path_encode(post.file);
}

bool Site::ok() const {
    return std::none_of(problems.begin(), problems.end(), [](const Problem& p) { return !p.warning; });
}

Result<Timestamp> site_date_parse(const std::string& text) {
    Result<Timestamp> r = date_parse(text);
    if (r || text.size() < 16) return r;
    // Hugo's other spellings of a date and time (its cast.ToTime layouts):
    // "2021-01-05 10:19:28 +0100", "2021-01-05T10:19:28-07:00",
    // "2021-01-05 10:19", "2021-01-05 10:19:28.5 -0700 MST"; no offset is
    // Hugo's local time, UTC here. Rewritten as RFC 3339 for the core.
    auto digits = [&](size_t at, size_t n) {
        if (at + n > text.size()) return false;
        for (size_t i = at; i < at + n; ++i)
            if (text[i] < '0' || text[i] > '9') return false;
        return true;
    };
    if (!digits(0, 4) || text[4] != '-' || !digits(5, 2) || text[7] != '-' || !digits(8, 2) ||
        (text[10] != 'T' && text[10] != ' ') || !digits(11, 1))
        return r;
    // Go reads an hour of one digit too ("T9:14:26").
    const size_t h = digits(11, 2) ? 2 : 1;
    if (text.size() < 14 + h || text[11 + h] != ':' || !digits(12 + h, 2)) return r;
    std::string out = text.substr(0, 10) + "T" + (h == 1 ? "0" : "") + text.substr(11, h + 3);
    size_t i = 14 + h;
    if (i < text.size() && text[i] == ':' && digits(i + 1, 2)) {
        out += text.substr(i, 3);
        i += 3;
        if (i < text.size() && text[i] == '.') {
            size_t j = i + 1;
            while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
            if (j > i + 1) out += text.substr(i, j - i);
            i = j;
        }
    } else {
        out += ":00";
    }
    while (i < text.size() && text[i] == ' ') ++i;
    std::string zone = "Z";
    if (i < text.size() && (text[i] == 'Z' || text[i] == 'z')) {
        ++i;
    } else if (i < text.size() && (text[i] == '+' || text[i] == '-') && digits(i + 1, 2)) {
        zone = text.substr(i, 3) + ":";
        i += 3;
        if (i < text.size() && text[i] == ':') ++i;
        if (digits(i, 2)) {
            zone += text.substr(i, 2);
            i += 2;
        } else {
            zone += "00";
        }
    }
    while (i < text.size() && text[i] == ' ') ++i;
    // A zone's name after the offset ("MST", "UTC"), as Go writes a time.
    while (i < text.size() && text[i] >= 'A' && text[i] <= 'Z') ++i;
    if (i != text.size()) return r;
    Result<Timestamp> again = date_parse(out + zone);
    return again ? again : r;
}

// "[text](target)" with the text's Markdown characters escaped.
std::string markdown_link(const std::string& text, const std::string& target) {
    std::string out = "[";
    for (char c : text) {
        if (std::string_view("\\`*_{}[]()#+-.!<>|~").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out + "](<" + target + ">)";
}

// A link from the page at `from` ("series/noi/") to the page at `to`.
std::string relative_link(const std::string& from, const std::string& to) {
    std::string up;
    for (char c : from)
        if (c == '/') up += "../";
    return up + to;
}

// A page the tool writes for one of Hugo's (a taxonomy's, a section's): a
// Markdown list of links at `url`, in no list of its own, so that it answers
// in the built site and in the widget alike. Not over a page of the site,
// nor over one of the blog's own screens.
void add_generated_page(Site& site, std::map<std::string, std::string>& urls, std::set<std::string>& slug_keys,
                        const std::string& source, const std::string& url, const std::string& title,
                        const std::string& body, std::optional<Timestamp> date) {
    if (url.empty() || index_url_problem(url) || !urls.emplace(url, source).second) return;
    SitePost page;
    page.generated = true;
    page.bundle = true;  // published in its page's folder
    page.url = url;
    page.source = source;
    page.title = title;
    page.front.title = title;
    page.date = date;
    // JSON front matter, which the core skips.
    page.text = "{\"title\": " + nlohmann::json(title).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
                "}\n\n" + body;
    page.listed = false;
    page.slug = slug_key(url, slug_keys);
    Result<RenderedMarkdown> rendered = markdown_render(body);
    if (rendered) {
        page.summary = rendered.value().summary;
        page.truncated = rendered.value().summary_truncated;
        page.word_count = rendered.value().word_count;
    }
    site.posts.push_back(std::move(page));
}

// A custom taxonomy (Hugo's series…): its terms' pages and its list page,
// at Hugo's URLs, as generated pages. Tags and categories have the blog's
// own screens; a taxonomy whose list would be one of them (archive/) keeps it.
void custom_taxonomy_pages(Site& site, const HugoUrlOptions& url_options, std::map<std::string, std::string>& urls,
                           std::set<std::string>& slug_keys, const std::string& shown) {
    const size_t posts = site.posts.size();
    for (const auto& taxonomy : site.config.taxonomies) {
        const std::string& plural = taxonomy.second;  // (a lambda cannot capture a structured binding in C++17)
        if (plural == "tags" || plural == "categories") continue;
        struct Term {
            std::string name;
            std::vector<size_t> posts;
        };
        std::map<std::string, Term> terms;  // by Hugo's key
        for (size_t i = 0; i < posts; ++i) {
            auto it = site.posts[i].front.lists.find(plural);
            if (it == site.posts[i].front.lists.end()) continue;
            for (const std::string& name : it->second) {
                if (blank(name)) continue;
                Term& t = terms[hugo_term_key(name, url_options.disable_path_to_lower)];
                if (t.name.empty()) t.name = name;
                if (t.posts.empty() || t.posts.back() != i) t.posts.push_back(i);
            }
        }
        if (terms.empty()) continue;
        auto add_page = [&](const std::string& url, const std::string& title, const std::string& body,
                            std::optional<Timestamp> date) {
            add_generated_page(site, urls, slug_keys, shown + " (taxonomy " + plural + ")", url, title, body, date);
        };
        const HugoPath list = hugo_taxonomy_path(plural, url_options);
        std::string list_body;
        for (const auto& [key, term] : terms) {
            Result<HugoPath> at = hugo_term_path(plural, term.name, url_options);
            if (!at) continue;
            std::string body;
            std::optional<Timestamp> newest;
            for (size_t i : term.posts) {
                const SitePost& p = site.posts[i];
                body += "- " + markdown_link(p.title, relative_link(at.value().link, p.url)) + "\n";
                if (p.date && (!newest || date_unix_seconds(*p.date) > date_unix_seconds(*newest))) newest = p.date;
            }
            add_page(at.value().link, term.name, body, newest);
            list_body += "- " + markdown_link(term.name, relative_link(list.link, at.value().link)) + " (" +
                         std::to_string(term.posts.size()) + ")\n";
        }
        std::string heading = plural;
        if (!heading.empty() && heading[0] >= 'a' && heading[0] <= 'z') heading[0] = char(heading[0] - 'a' + 'A');
        add_page(list.link, heading, list_body, std::nullopt);
    }
}

// What the built site makes folders and files of, checked here so that
// `index --check` finds what `build` would refuse: a slug of the blog's own
// layout and each term's key must be folders (no empty segment, "." or
// ".."), and an alias must be a path of the site that is not another page's.
void names_check(Site& site) {
    auto folder_ok = [](const std::string& name) {
        return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos;
    };
    auto path_ok = [&](const std::string& path) {
        for (size_t i = 0; i <= path.size();) {
            const size_t next = std::min(path.find('/', i), path.size());
            if (!folder_ok(path.substr(i, next - i))) return false;
            i = next + 1;
        }
        return true;
    };
    std::map<std::string, const SitePost*> pages;  // the file of each page -> its post
    for (const SitePost& p : site.posts) {
        if (p.url.empty() && !folder_ok(p.slug))
            site.problems.push_back({p.source, p.front.line_of("slug"),
                                     "slug " + in_quotes(p.slug) + " cannot be a folder of the built site (not \".\" or \"..\")"});
        const std::string path = p.path();
        pages.emplace(path.back() == '/' ? path + "index.html" : path, &p);
    }
    for (const char* key : {"tags", "categories"}) {
        std::set<std::string> reported;
        for (const SitePost& p : site.posts)
            for (const std::string& term : key[0] == 't' ? p.front.tags : p.front.categories) {
                const std::string folder = url_term_key(term);
                if (path_ok(folder) || !reported.insert(folder).second) continue;
                site.problems.push_back({p.source, p.front.line_of(key),
                                         std::string(key) + ": " + in_quotes(term) + " is at " + key + "/" + folder +
                                             "/, which cannot be a folder of the built site (an empty segment, \".\" or \"..\")"});
            }
    }
    for (const SitePost& p : site.posts) {
        const std::string own = p.path().back() == '/' ? p.path() + "index.html" : p.path();
        for (const std::string& alias : p.front.aliases) {
            const size_t line = p.front.line_of("aliases");
            Result<std::string> file = build_alias_file(alias);
            if (!file) {
                site.problems.push_back({p.source, line, "aliases: " + in_quotes(alias) + ": " + file.error().message});
                continue;
            }
            auto other = pages.find(file.value());
            if (file.value() != own && other != pages.end()) {
                site.problems.push_back({p.source, line, "aliases: " + in_quotes(alias) + " would overwrite the page of " +
                                                             other->second->source});
                continue;
            }
            // One of the blog's own screens (tags/, page/2/, archive/…).
            const Route screen = route_parse_path("/" + file.value(), "/");
            if (screen.kind != Route::Kind::Post && screen.kind != Route::Kind::NotFound) {
                std::string page = file.value();
                if (page.size() >= 10 && page.compare(page.size() - 10, 10, "index.html") == 0) page.resize(page.size() - 10);
                site.problems.push_back({p.source, line, "aliases: " + in_quotes(alias) + " would overwrite the page " + page});
            }
        }
    }
}

Site site_read(const std::string& dir, const SiteOptions& options) {
    Site site;
    std::string shown = dir;
    while (shown.size() > 1 && shown.back() == '/') shown.pop_back();
    const fs::path root(dir);
    std::error_code ec;
    const std::optional<fs::path> real_root = site_root_of(dir);
    if (!real_root) {
        site.problems.push_back({shown, 0, "not a folder"});
        return site;
    }
    site.root = *real_root;
    const bool hugo = fs::exists(fs::symlink_status(root / "content", ec));
    config_read(root, site.root, shown, hugo, options.language, site);

    // content/ (or posts/) is read only when, links resolved, it is SITE's own.
    auto inside = [&](const std::string& rel) {
        const std::string refused = site_path_refusal(root / rel, site.root);
        if (refused.empty()) return true;
        site.problems.push_back({shown + "/" + rel, 0, refused});
        return false;
    };
    if (hugo && !inside("content")) return site;
    // The default language's contentDir ("content/en"), else content/.
    std::string posts_rel = hugo ? site.config.content_dir : "posts";
    if (posts_rel.empty() || posts_rel.find("..") != std::string::npos || posts_rel[0] == '/') posts_rel = "content";
    while (posts_rel.size() > 1 && posts_rel.back() == '/') posts_rel.pop_back();
    const fs::path posts_dir = root / posts_rel;
    const std::string shown_posts = shown + "/" + posts_rel;
    if (fs::exists(fs::symlink_status(posts_dir, ec)) && !inside(posts_rel)) return site;
    if (!fs::is_directory(posts_dir, ec)) {
        site.problems.push_back({shown_posts, 0, hugo ? "not a folder" : "no posts folder: expected content/ or posts/"});
        return site;
    }
    if (fs::exists(fs::symlink_status(root / "static", ec)) && inside("static") && fs::is_directory(root / "static", ec))
        site.static_dir = shown + "/static";
    site.posts_dir = shown_posts;
    site.hugo = hugo;
    std::vector<Found> found;
    PostsWalk walk{site.root, shown_posts, found, site.problems, {}};
    walk.walk(posts_dir, "", 0);
    site.bundle_dirs = walk.bundles;

    HugoUrlOptions url_options;
    url_options.permalinks = site.config.permalinks;
    url_options.disable_path_to_lower = site.config.disable_path_to_lower;
    url_options.ugly_urls = site.config.ugly_urls;
    std::map<std::string, size_t> other_language_pages;  // "fr" -> pages left out
    std::map<std::string, std::string> urls;               // url -> the file at it
    std::set<std::string> slug_keys;
    std::map<std::string, size_t> section_pages;            // section (or type) -> published pages
    std::vector<std::pair<std::string, std::string>> slugs;  // slug -> the file that has it
    for (const Found& f : found) {
        const std::string source = shown_posts + "/" + f.file;
        // "post.fr.md": a translation. The default language's is the page
        // itself; another language's is not built (said once, at the end).
        std::string url_file = f.file;  // the file as Hugo names the page, without its language
        std::string default_slug = f.default_slug;
        if (hugo) {
            const size_t slash = f.file.rfind('/');
            const std::string name = f.file.substr(slash == std::string::npos ? 0 : slash + 1);
            std::string lang = lower_ascii(language_suffix(name));
            const std::vector<std::string>& known = site.config.languages;
            if (std::find(known.begin(), known.end(), lang) == known.end()) lang.clear();  // "v1.2.md" is no language
            // A page without a language is its folder's: the default
            // language's, or the language read when it has a contentDir of its own.
            const bool own_dir = site.config.content_dir != site.config.default_content_dir;
            const std::string& of = lang.empty() ? (own_dir ? site.config.language : site.config.default_language) : lang;
            if (of != site.config.language) {
                if (!options.all_languages) ++other_language_pages[of];
                continue;
            }
            if (!lang.empty()) {
                {
                    const size_t dot = markdown_name_length(name) - lang.size() - 1;
                    url_file = f.file.substr(0, f.file.size() - name.size()) + name.substr(0, dot) + ".md";
                    if (name.rfind("index.", 0) != 0) default_slug = name.substr(0, dot);
                }
            }
            if (url_file.size() > 9 && url_file.compare(url_file.size() - 9, 9, ".markdown") == 0)
                url_file.replace(url_file.size() - 9, 9, ".md");
        }
        std::string text, why;
        if (!site_file_read(f.path, MarkdownOptions::kMaxInputBytes, "a post", text, why)) {
            site.problems.push_back({source, 0, why});
            continue;
        }
        if (size_t bad = utf8_first_bad(text); bad != std::string::npos) {
            const size_t line = 1 + size_t(std::count(text.begin(), text.begin() + long(bad), '\n'));
            site.problems.push_back({source, line, "not valid UTF-8: save the file as UTF-8"});
            continue;
        }
        FrontMatterDocument doc = front_matter_parse(text, source);
        const size_t errors_before = size_t(std::count_if(site.problems.begin(), site.problems.end(),
                                                          [](const Problem& p) { return !p.warning; }));
        site.problems.insert(site.problems.end(), doc.problems.begin(), doc.problems.end());
        if (!doc.ok()) continue;
        FrontMatter& fm = doc.front;
        auto fail = [&](const std::string& key, const std::string& what) {
            site.problems.push_back({source, fm.line_of(key), what});
        };

        SitePost post;
        post.source = source;
        post.file = f.file;
        post.bundle = f.bundle;
        post.front = fm;
        post.slug = blank(fm.slug) ? default_slug : fm.slug;
        for (unsigned char c : hugo ? std::string() : post.slug)
            if (!index_slug_char(c)) {
                fail("slug", std::string(blank(fm.slug) ? "the file name gives the slug " : "slug: ") +
                                 in_quotes(post.slug) + (blank(fm.slug) ? "" : ",") +
                                 " which may only hold letters, digits, \"-\", \"_\" or \".\"" +
                                 (blank(fm.slug) ? ": set slug in the front matter" : ""));
                break;
            }
        if (fm.title && !blank(*fm.title)) {
            post.title = *fm.title;
        } else {
            post.title = default_slug;
            if (fm.layout.empty() && !fm.headless)
                site.problems.push_back({source, fm.line_of("title"),
                                         "no title: the file name " + in_quotes(default_slug) + " is used", true});
        }
        auto date_field = [&](const std::string& key, const std::string& text, std::optional<Timestamp>& out) {
            if (blank(text)) return;
            Result<Timestamp> d = site_date_parse(text);
            if (d) out = d.value();
            else fail(key, key + ": " + d.error().message);
        };
        std::optional<Timestamp> publish, expiry;
        date_field("date", fm.date, post.date);
        date_field("lastmod", fm.lastmod, post.lastmod);
        date_field("publishdate", fm.publish_date, publish);
        date_field("expirydate", fm.expiry_date, expiry);
        for (const auto* terms : {&fm.tags, &fm.categories}) {
            const char* key = terms == &fm.tags ? "tags" : "categories";
            if (terms->size() > SiteLimits::kMaxTermsPerPost)
                fail(key, std::string(key) + ": " + std::to_string(terms->size()) + " " + key + ", more than the " +
                              std::to_string(SiteLimits::kMaxTermsPerPost) + " a post may have");
        }
        // An empty term is no term, as Hugo leaves it out: a warning.
        for (auto* terms : {&doc.front.tags, &doc.front.categories}) {
            const char* key = terms == &doc.front.tags ? "tags" : "categories";
            for (size_t i = 0; i < terms->size(); ++i)
                if (blank((*terms)[i]))
                    site.problems.push_back({source, fm.line_of(key),
                                             std::string(key) + "[" + std::to_string(i) + "]: empty; left out", true});
            terms->erase(std::remove_if(terms->begin(), terms->end(), [](const std::string& t) { return blank(t); }),
                         terms->end());
        }
        post.front.tags = fm.tags;
        post.front.categories = fm.categories;
        if (hugo) {
            // Where Hugo puts the page; two pages at one URL is the one collision.
            HugoPageFacts facts;
            facts.file = url_file;
            facts.current_section = current_section(url_file, walk.branches);
            facts.slug = fm.slug;
            facts.url = fm.url;
            facts.title = fm.title ? *fm.title : std::string();
            facts.date = post.date;
            Result<HugoPath> path = hugo_page_path(facts, url_options);
            if (!path) {
                fail(fm.url.empty() ? "slug" : "url", path.error().message);
            } else {
                post.url = path.value().link;
                auto [at, fresh] = urls.emplace(post.url, source);
                if (post.url.empty())  // a slug of "..", or content/index.md: Hugo writes it over the home page
                    fail(fm.url.empty() ? "slug" : "url",
                         "the page's URL is the home page's (/): the page would replace the blog's list; set slug or url");
                else if (const char* why = screen_layout(fm) ? nullptr : index_url_problem(post.url))  // the index's rule, at its line
                    fail(fm.url.empty() ? "slug" : "url", "the page's URL /" + post.url + " cannot be one of the blog's: " + why);
                else if (!fresh)
                    fail(fm.url.empty() ? "slug" : "url", "the page's URL /" + post.url + " is also that of " + at->second +
                                                              ": two pages cannot have one URL");
            }
            const size_t slash = url_file.find('/');
            const bool bundle_at_root = slash != std::string::npos && url_file.find('/', slash + 1) == std::string::npos &&
                                        url_file.compare(slash + 1, std::string::npos, "index.md") == 0;
            post.section = slash == std::string::npos || bundle_at_root ? std::string() : url_file.substr(0, slash);
        } else if (!blank(post.slug)) {
            auto seen = std::find_if(slugs.begin(), slugs.end(), [&](const auto& s) { return s.first == post.slug; });
            if (seen != slugs.end())
                fail("slug", "slug " + in_quotes(post.slug) + " is already used by " + seen->second);
            else
                slugs.emplace_back(post.slug, source);
        }

        MarkdownOptions markdown;
        markdown.collect_sections = true;  // for the search index (tool/search_writer)
        markdown.summary_words = site.config.summary_length;
        markdown.cjk = markdown_is_cjk(text, site.config.has_cjk_language, fm.is_cjk_language);
        if (!site.config.shortcodes.empty()) markdown.shortcodes.templates = &site.config.shortcodes;
        markdown.shortcodes.first_line = doc.body_line;
        if (site.config.math_passthrough) markdown.math = MathDelimiters::Passthrough;
        else if (fm.switches.math.value_or(site.config.switches.math.value_or(false))) markdown.math = MathDelimiters::Escaped;
        Result<RenderedMarkdown> rendered = markdown_render(doc.body, markdown);
        if (!rendered) fail("", rendered.error().message);
        // A shortcode left as text (malformed): a warning at its line. Refs
        // and params are judged by the build, which knows every page.
        if (rendered)
            for (const ShortcodeProblem& sc : rendered.value().shortcode_problems)
                if (sc.kind == ShortcodeProblem::Kind::Malformed) site.problems.push_back({source, sc.line, sc.message, true});
        if (rendered)
            image_warnings(rendered.value(), text, text.size() - doc.body.size(), doc.body_line, f.path, source,
                           site.problems);
        if (site.hugo && cover_relative(fm.cover_image) && !cover_in_bundle(f.path, fm.cover_image)) {
            std::error_code ec;
            const std::string ref = url_percent_decode(fm.cover_image.substr(0, fm.cover_image.find_first_of("?#")));
            if (!fs::is_regular_file(site.root / "static" / ref, ec))
                site.problems.push_back({source, fm.line_of("cover"),
                                         "cover image " + in_quotes(fm.cover_image) +
                                             " is neither in the page's bundle nor in static/ (the page shows a broken image)",
                                         true});
        }

        const size_t errors_after = size_t(std::count_if(site.problems.begin(), site.problems.end(),
                                                         [](const Problem& p) { return !p.warning; }));
        if (errors_after != errors_before) continue;

        // Hugo's publishing rules: publishDate (else date) in the future, or
        // expiryDate in the past, keep a post out, as draft: true does.
        const std::optional<Timestamp>& when = publish ? publish : post.date;
        if ((fm.draft && !options.drafts) || (when && date_unix_seconds(*when) > options.now && !options.future) ||
            (expiry && date_unix_seconds(*expiry) < options.now && !options.expired)) {
            ++site.left_out;
            site.left_out_files.push_back(f.file);
            continue;
        }
        if (fm.headless || fm.build_render == "never") {  // not a page of the site (a headless bundle)
            site.left_out_files.push_back(f.file);
            continue;
        }
        if (hugo) {
            // PaperMod's archives and search pages are the blog's own screens.
            const std::string layout = lower_ascii(fm.layout.empty() ? fm.type : fm.layout);
            if (screen_layout(fm)) {
                const std::string screen = layout == "search" ? "search/" : "archive/";
                // PaperMod's archives/ is the archive screen itself (a route of the blog).
                if (post.url == "archives/" && screen == "archive/") site.archives_page = true;
                else if (post.url != screen) site.redirects.emplace_back(post.url, screen);
                continue;
            }
            if (fm.build_list == "never" || fm.build_list == "local") post.listed = false;
            post.slug = slug_key(post.url, slug_keys);
            post.translation_key = !fm.translation_key.empty() ? "key:" + fm.translation_key
                                                                : url_file.substr(0, url_file.rfind('.'));
            ++section_pages[fm.type.empty() ? post.section : lower_ascii(fm.type)];
        }
        post.author = authors_joined(fm.authors);
        post.word_count = rendered.value().word_count;
        post.reading_time = rendered.value().reading_minutes;
        post.sections = std::move(rendered.value().sections);
        if (fm.summary && !fm.summary->empty()) {  // Hugo: summary: '' is the automatic one
            post.summary = *fm.summary;
            post.truncated = true;
        } else {
            post.summary = rendered.value().summary;
            post.truncated = rendered.value().summary_truncated;
        }
        post.text = std::move(text);
        site.posts.push_back(std::move(post));
    }
    if (hugo) {
        // The list shows the main sections: params.mainSections, else
        // Hugo's default, the section with most pages.
        std::vector<std::string> main = site.config.main_sections;
        if (main.empty()) {
            size_t most = 0;
            for (const auto& [section, n] : section_pages)
                if (!section.empty() && n > most) most = n, main = {section};
        }
        for (SitePost& p : site.posts) {
            const std::string type = p.front.type.empty() ? p.section : lower_ascii(p.front.type);
            if (std::find(main.begin(), main.end(), type) == main.end()) p.listed = false;
        }
        custom_taxonomy_pages(site, url_options, urls, slug_keys, shown);
        // A section's list page (Hugo's "posts/", "notes/", "posts/2021/" of
        // an _index.md): the blog's home list when it is the one main
        // section's; else a generated list of its pages, newest first.
        std::set<std::string> sections(walk.branches.begin(), walk.branches.end());
        for (const SitePost& p : site.posts)
            if (!p.section.empty()) sections.insert(p.section + "/");
        const size_t read = site.posts.size();
        for (const std::string& dir : sections) {
            if (dir.empty()) continue;
            HugoPageFacts facts;
            facts.file = dir + "_index.md";
            Result<HugoPath> path = hugo_page_path(facts, url_options);
            if (!path || path.value().link.empty() || urls.count(path.value().link)) continue;
            const std::string& link = path.value().link;
            if (main.size() == 1 && dir == main[0] + "/") {
                site.redirects.emplace_back(link, "");
                continue;
            }
            std::vector<const SitePost*> in;
            for (size_t i = 0; i < read; ++i)
                if (!site.posts[i].generated && site.posts[i].file.compare(0, dir.size(), dir) == 0)
                    in.push_back(&site.posts[i]);
            std::stable_sort(in.begin(), in.end(), [](const SitePost* a, const SitePost* b) {
                if (a->date.has_value() != b->date.has_value()) return a->date.has_value();
                return a->date && date_unix_seconds(*a->date) > date_unix_seconds(*b->date);
            });
            std::string body;
            for (const SitePost* p : in) body += "- " + markdown_link(p->title, relative_link(link, p->url)) + "\n";
            std::string name = dir.substr(0, dir.size() - 1);
            name = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
            if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = char(name[0] - 'a' + 'A');
            add_generated_page(site, urls, slug_keys, shown_posts + "/" + dir + " (section)", link, name,
                               in.empty() ? std::string("No pages yet.\n") : body,
                               in.empty() ? std::nullopt : in.front()->date);
        }
        // The header's menu goes straight to the screen a redirect leads to.
        for (SiteConfig::Menu& m : site.config.menu)
            for (const auto& [from, to] : site.redirects)
                if (m.url == "/" + from || m.url == "/" + from.substr(0, from.size() - 1)) m.url = "/" + to;
        for (const auto& [lang, n] : other_language_pages)
            site.problems.push_back({shown_posts, 0, std::to_string(n) + (n == 1 ? " page" : " pages") + " in \"" + lang +
                                                         "\" left out: the blog builds the default language (\"" +
                                                         site.config.default_language + "\") only",
                                     true});
    }
    names_check(site);
    // Each term is a page and a feed of the built site, and a line of the
    // terms pages: their number is bounded as each post's is.
    for (const char* key : {"tags", "categories"}) {
        std::set<std::string> terms;
        for (const SitePost& p : site.posts)
            for (const std::string& t : key[0] == 't' ? p.front.tags : p.front.categories) terms.insert(t);
        if (terms.size() > SiteLimits::kMaxTerms)
            site.problems.push_back({shown_posts, 0, "the posts have " + std::to_string(terms.size()) + " " + key +
                                                         ", more than the " + std::to_string(SiteLimits::kMaxTerms) +
                                                         " a site may have"});
    }
    return site;
}

}  // namespace blog::tool
