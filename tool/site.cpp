#include "tool/site.hpp"

#include <cctype>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <set>
#include <system_error>

#include "core/markdown/markdown.hpp"
#include "core/url/url.hpp"
#include "tool/data_tree.hpp"
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

bool slug_char_ok(unsigned char c) {  // the core's rule for posts[].slug
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c >= 0x80;
}

// The offset of the first byte that is not part of well-formed UTF-8
// (overlongs, surrogates and code points past U+10FFFF included); npos when
// the text is valid.
size_t utf8_first_bad(const std::string& s) {
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        size_t n = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
        if (c < 0x80) n = 0;
        else if (c >= 0xC2 && c <= 0xDF) n = 1;
        else if (c == 0xE0) n = 2, lo = 0xA0;
        else if (c == 0xED) n = 2, hi = 0x9F;
        else if (c >= 0xE1 && c <= 0xEF) n = 2;
        else if (c == 0xF0) n = 3, lo = 0x90;
        else if (c >= 0xF1 && c <= 0xF3) n = 3;
        else if (c == 0xF4) n = 3, hi = 0x8F;
        else return i;
        if (n && i + n >= s.size()) return i;  // cut short at the end
        for (size_t k = 1; k <= n; ++k) {
            const unsigned char b = static_cast<unsigned char>(s[i + k]);
            if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return i;
        }
        i += n + 1;
    }
    return std::string::npos;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }

// Each Hugo shortcode ({{< … >}} or {{% … %}}) in the body: a warning with
// its line; the text stays as it is.
void shortcode_warnings(const std::string& body, size_t body_line, const std::string& file,
                        std::vector<Problem>& problems) {
    size_t pos = 0;
    while ((pos = body.find("{{", pos)) != std::string::npos) {
        if (pos + 2 >= body.size() || (body[pos + 2] != '<' && body[pos + 2] != '%')) {
            pos += 2;
            continue;
        }
        const std::string close = body[pos + 2] == '<' ? ">}}" : "%}}";
        size_t end = body.find(close, pos + 3);
        std::string code = end == std::string::npos ? body.substr(pos, 40) : body.substr(pos, end + 3 - pos);
        if (code.size() > 60) code = code.substr(0, 57) + "...";
        std::replace(code.begin(), code.end(), '\n', ' ');
        const size_t line = body_line + size_t(std::count(body.begin(), body.begin() + long(pos), '\n'));
        problems.push_back({file, line, "Hugo shortcode " + code + " is not executed; it is left as text", true});
        pos = end == std::string::npos ? body.size() : end + 3;
    }
}

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

// Both ways of naming the page size: pagination.pagerSize (Hugo 0.128+), paginate.
int page_size_of(const DataValue& root) {
    const DataValue* v = nullptr;
    if (auto* p = root.find("pagination")) v = p->find("pagerSize");
    if (!v) v = root.find("paginate");
    if (!v || v->kind != DataValue::Kind::Number) return 0;
    return std::atoi(v->text.c_str());
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
    if (const DataValue* ours = params.find("wasmBlog"); ours && ours->kind == DataValue::Kind::Map) {
        const DataValue* v = ours->find("publishActiveFiles");
        if (v && v->kind == DataValue::Kind::Bool) site.config.publish_active_files = v->boolean;
        else if (v && v->kind != DataValue::Kind::Null)
            site.problems.push_back({shown, v->line, "params.wasmBlog.publishActiveFiles: expected true or false, got " +
                                                         data_kind_name(*v)});
    }
    if (const DataValue* v = params.find("defaultTheme"); v && v->kind != DataValue::Kind::Null) {
        const bool ok = v->kind == DataValue::Kind::String && (v->text == "auto" || v->text == "light" || v->text == "dark");
        if (ok) site.config.default_theme = v->text;
        else site.problems.push_back({shown, v->line, "params.defaultTheme: expected \"auto\", \"light\" or \"dark\", got " +
                                                          (v->kind == DataValue::Kind::String ? in_quotes(v->text)
                                                                                              : data_kind_name(*v))});
    }
}

void config_read(const fs::path& dir, const fs::path& site_root, const std::string& shown_dir, Site& site) {
    static const char* const kNames[] = {"hugo.toml", "hugo.yaml", "config.toml", "config.yaml", "site.json"};
    for (const char* name : kNames) {
        const fs::path path = dir / name;
        std::error_code ec;
        if (!fs::exists(fs::symlink_status(path, ec))) continue;
        const std::string shown = shown_dir + "/" + name;
        site.config.file = shown;
        if (std::string refused = site_path_refusal(path, site_root); !refused.empty()) {
            site.problems.push_back({shown, 0, refused});
            return;
        }
        if (!fs::is_regular_file(path, ec)) {
            site.problems.push_back({shown, 0, "not a file"});
            return;
        }
        std::string text, why;
        if (!site_file_read(path, SiteLimits::kMaxConfigBytes, "a config file", text, why)) {
            site.problems.push_back({shown, 0, why});
            return;
        }
        const std::string n = name;
        DataFormat format = n.size() > 5 && n.compare(n.size() - 5, 5, ".toml") == 0 ? DataFormat::Toml
                            : n.compare(n.size() - 5, 5, ".json") == 0            ? DataFormat::Json
                                                                                   : DataFormat::Yaml;
        DataParse parsed = data_parse(text, format);
        if (!parsed.ok) {
            site.problems.push_back({shown, parsed.error.line, parsed.error.message});
            return;
        }
        const DataValue& root = parsed.value;
        auto str = [&](const DataValue* v, const char* key, std::string& out) {
            if (!v || v->kind == DataValue::Kind::Null) return;
            if (v->kind == DataValue::Kind::String) out = v->text;
            else site.problems.push_back({shown, v->line, std::string(key) + ": expected a string, got " + data_kind_name(*v)});
        };
        str(root.find("title"), "title", site.config.title);
        str(root.find("baseURL"), "baseURL", site.config.base_url);
        if (const DataValue* v = root.find("baseURL")) site.config.base_url_line = v->line;
        str(root.find("languageCode"), "languageCode", site.config.language_code);
        if (const DataValue* params = root.find("params")) {
            str(params->find("description"), "params.description", site.config.description);
            params_read(*params, shown, site);
            if (const DataValue* a = params->find("author")) {
                if (a->kind == DataValue::Kind::String) site.config.authors.push_back(a->text);
                else if (a->kind == DataValue::Kind::List)
                    for (const DataValue& item : a->items)
                        if (item.kind == DataValue::Kind::String) site.config.authors.push_back(item.text);
            }
        }
        site.config.page_size = page_size_of(root);
        return;
    }
}

struct Found {
    fs::path path;
    std::string file;          // relative to the posts folder
    std::string default_slug;  // the file name, or the bundle's folder name
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
        const fs::path bundle_index = dir / "index.md";
        if (depth > 0 && fs::exists(fs::symlink_status(bundle_index, ec))) {
            if (std::string refused = site_path_refusal(bundle_index, site_root); !refused.empty()) {
                refuse(rel + "index.md", refused);
                return;
            }
            if (fs::is_regular_file(bundle_index, ec)) {
                out.push_back({bundle_index, rel + "index.md", dir.filename().string()});
                return;
            }
        }
        for (const fs::directory_entry& e : site_folder_entries(dir)) {
            const std::string name = e.path().filename().string();
            if (name.empty() || name[0] == '.') continue;  // hidden, as Hugo leaves it (.git, .draft.md)
            if (std::string refused = e.is_symlink(ec) ? site_path_refusal(e.path(), site_root) : std::string();
                !refused.empty()) {
                refuse(rel + name, refused);
                continue;
            }
            if (e.is_directory(ec)) {
                walk(e.path(), rel + name + "/", depth + 1);
            } else if (e.is_regular_file(ec) && name.size() > 3 && name.compare(name.size() - 3, 3, ".md") == 0 &&
                       name != "_index.md") {
                out.push_back({e.path(), rel + name, name.substr(0, name.size() - 3)});
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

bool Site::ok() const {
    return std::none_of(problems.begin(), problems.end(), [](const Problem& p) { return !p.warning; });
}

Result<Timestamp> site_date_parse(const std::string& text) {
    Result<Timestamp> r = date_parse(text);
    if (r || text.size() < 19) return r;
    // "YYYY-MM-DDTHH:MM:SS[.frac]" with no offset: Hugo's local time, UTC here.
    const std::string tail = text.substr(19);
    if ((text[10] == 'T' || text[10] == ' ') &&
        (tail.empty() || (tail[0] == '.' && tail.find_first_not_of("0123456789", 1) == std::string::npos))) {
        Result<Timestamp> utc = date_parse(text + "Z");
        if (utc) return utc;
    }
    return r;
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
    config_read(root, site.root, shown, site);

    // content/ and its posts folder are read only when, links resolved, they are SITE's own.
    auto inside = [&](const std::string& rel) {
        const std::string refused = site_path_refusal(root / rel, site.root);
        if (refused.empty()) return true;
        site.problems.push_back({shown + "/" + rel, 0, refused});
        return false;
    };
    const bool has_content = fs::exists(fs::symlink_status(root / "content", ec));
    if (has_content && !inside("content")) return site;
    const std::string posts_rel = has_content ? "content/posts" : "posts";
    const fs::path posts_dir = root / posts_rel;
    const std::string shown_posts = shown + "/" + posts_rel;
    if (fs::exists(fs::symlink_status(posts_dir, ec)) && !inside(posts_rel)) return site;
    if (!fs::is_directory(posts_dir, ec)) {
        site.problems.push_back({shown_posts, 0, has_content ? "no posts folder: expected content/posts/"
                                                             : "no posts folder: expected content/posts/ or posts/"});
        return site;
    }
    site.posts_dir = shown_posts;
    std::vector<Found> found;
    PostsWalk{site.root, shown_posts, found, site.problems, {}}.walk(posts_dir, "", 0);

    std::vector<std::pair<std::string, std::string>> slugs;  // slug -> the file that has it
    for (const Found& f : found) {
        const std::string source = shown_posts + "/" + f.file;
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
        const FrontMatter& fm = doc.front;
        auto fail = [&](const std::string& key, const std::string& what) {
            site.problems.push_back({source, fm.line_of(key), what});
        };

        SitePost post;
        post.source = source;
        post.file = f.file;
        post.front = fm;
        post.slug = blank(fm.slug) ? f.default_slug : fm.slug;
        for (unsigned char c : post.slug)
            if (!slug_char_ok(c)) {
                fail("slug", std::string(blank(fm.slug) ? "the file name gives the slug " : "slug: ") +
                                 in_quotes(post.slug) + (blank(fm.slug) ? "" : ",") +
                                 " which may only hold letters, digits, \"-\", \"_\" or \".\"" +
                                 (blank(fm.slug) ? ": set slug in the front matter" : ""));
                break;
            }
        if (fm.title && !blank(*fm.title)) {
            post.title = *fm.title;
        } else {
            post.title = f.default_slug;
            site.problems.push_back({source, fm.line_of("title"),
                                     "no title: the file name " + in_quotes(f.default_slug) + " is used", true});
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
        for (size_t i = 0; i < fm.tags.size(); ++i)
            if (blank(fm.tags[i])) fail("tags", "tags[" + std::to_string(i) + "]: a tag must not be empty");
        for (size_t i = 0; i < fm.categories.size(); ++i)
            if (blank(fm.categories[i]))
                fail("categories", "categories[" + std::to_string(i) + "]: a category must not be empty");
        if (!blank(post.slug)) {
            auto seen = std::find_if(slugs.begin(), slugs.end(), [&](const auto& s) { return s.first == post.slug; });
            if (seen != slugs.end())
                fail("slug", "slug " + in_quotes(post.slug) + " is already used by " + seen->second);
            else
                slugs.emplace_back(post.slug, source);
        }

        Result<RenderedMarkdown> rendered = markdown_render(doc.body);
        if (!rendered) fail("", rendered.error().message);
        shortcode_warnings(doc.body, doc.body_line, source, site.problems);
        if (rendered)
            image_warnings(rendered.value(), text, text.size() - doc.body.size(), doc.body_line, f.path, source,
                           site.problems);

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
        post.author = authors_joined(fm.authors);
        post.word_count = rendered.value().word_count;
        post.reading_time = (post.word_count + 212) / 213;
        if (fm.summary) {
            post.summary = *fm.summary;
            post.truncated = true;
        } else {
            post.summary = rendered.value().summary;
            post.truncated = rendered.value().summary_truncated;
        }
        post.text = std::move(text);
        site.posts.push_back(std::move(post));
    }
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
