#include "tool/build.hpp"

#include "core/i18n/i18n.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <system_error>
#include <unordered_map>

#include "core/document/document.hpp"
#include "core/feed/feed.hpp"
#include "core/html/escape.hpp"
#include "core/index/post_index.hpp"
#include "core/page/page.hpp"
#include "core/page/post_links.hpp"
#include "core/route/route.hpp"
#include "core/url/url.hpp"
#include "core/view/views.hpp"
#include "tool/index_writer.hpp"
#include "tool/search_writer.hpp"

namespace blog::tool {
namespace fs = std::filesystem;
namespace {

const char kTool[] = "wasm-blog build";
// A term's feed carries a post's HTML up to this size, its summary beyond.
constexpr size_t kMaxTermFeedPostBytes = size_t(64) << 10;
// An SVG of a bundle is read to be checked for script: at most this size.
constexpr size_t kMaxSvgBytes = size_t(8) << 20;
const char kBaseUrlRule[] = "the base URL must be an absolute http(s) URL such as https://example.com/blog/";

std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return s;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// A path with its links resolved as far as it exists, without a trailing '/'.
fs::path canonical_of(const std::string& path) {
    std::string p = path;
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec);
    fs::path c = fs::weakly_canonical(abs, ec);
    if (ec) c = abs.lexically_normal();
    std::string s = c.string();
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
}

// `inner` is `outer` or somewhere inside it.
bool within(const fs::path& inner, const fs::path& outer) {
    const std::string i = inner.string(), o = outer.string();
    return i == o || starts_with(i, o == "/" ? o : o + "/");
}

// The files of the built site, decided before any is written: text, or a file
// copied as it is. Each says what it is, for a message about a collision.
struct Output {
    std::string text;
    fs::path copy_from;  // non-empty: the file to copy
    std::string what;
};

class Plan {
public:
    // Prepended to every path given: a language's folder ("fr/"), "" for the
    // default language's site at OUT's root.
    std::string prefix;

    // What already holds `path` (the same file, a file where a folder of it
    // would go, or a folder it would replace), or "" when it is free.
    std::string taken_by(const std::string& rel) const {
        const std::string path = prefix + rel;
        if (auto it = files_.find(path); it != files_.end()) return it->second.what;
        for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
            if (auto it = files_.find(path.substr(0, slash)); it != files_.end()) return it->second.what;
        auto below = files_.lower_bound(path + "/");
        if (below != files_.end() && starts_with(below->first, path + "/")) return below->second.what;
        return {};
    }
    // False (and nothing added) when the path is taken.
    bool add(const std::string& rel, Output output) {
        if (!taken_by(rel).empty()) return false;
        files_.emplace(prefix + rel, std::move(output));
        return true;
    }
    const std::map<std::string, Output>& files() const { return files_; }

private:
    std::map<std::string, Output> files_;  // by path relative to OUT
};

// Every file under `dir` (links followed, each folder once), with its path
// relative to `dir`. Hidden names (".DS_Store", ".git") are not published.
// `follow(path)` says why a symbolic link may not be followed ("" when it
// may); a refused one is reported with `refused(rel, why)`.
template <class OnFile, class Follow, class Refused>
void walk_files(const fs::path& dir, const std::string& rel, std::set<std::string>& seen, const OnFile& on_file,
                const Follow& follow, const Refused& refused) {
    std::error_code ec;
    if (!seen.insert(fs::weakly_canonical(dir, ec).string()).second) return;
    for (const fs::directory_entry& e : site_folder_entries(dir)) {
        const std::string name = e.path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        if (std::string why = e.is_symlink(ec) ? follow(e.path()) : std::string(); !why.empty()) {
            refused(rel + name, why);
            continue;
        }
        if (e.is_directory(ec)) walk_files(e.path(), rel + name + "/", seen, on_file, follow, refused);
        else if (e.is_regular_file(ec)) on_file(e.path(), rel + name);
    }
}

bool write_text(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    return !out.fail();
}

// The newest of the posts' dates (lastmod, else date), for a list's sitemap entry.
std::optional<Timestamp> newest(const std::vector<std::optional<Timestamp>>& dates) {
    std::optional<Timestamp> best;
    for (const auto& d : dates)
        if (d && (!best || date_unix_seconds(*d) > date_unix_seconds(*best))) best = d;
    return best;
}

// Everything the build decides, then writes.
struct Builder {
    const BuildOptions& options;
    BuildResult& result;
    Site site;
    std::string shown_site;  // SITE as named in messages
    BaseUrl base;
    std::string lang = "en", feed_language = "en-us";
    std::string asset_root;  // where the widget's files are: the site's root, whatever the language
    SiteIndex index;
    std::vector<IndexFile> index_files;  // posts/index.json, then a paged index's parts
    std::unordered_map<std::string, const SitePost*> by_slug;
    PageConfig config;
    std::unordered_map<std::string, PostEntry> entries;
    std::vector<SitemapEntry> sitemap;
    std::vector<std::string> tags, categories;  // of every post, sorted
    // Each term's posts (places in index.posts, in list order), by taxonomy.
    std::map<std::string, std::vector<size_t>> term_posts[2];
    const std::vector<std::string>& terms(Taxonomy t) const { return t == Taxonomy::Categories ? categories : tags; }
    Plan& plan;
    fs::path out, assets;  // canonical
    // The language built: "" for the default one, at OUT's root; else its
    // key ("fr"), a blog of its own under OUT/fr/ (Hugo's language prefix).
    std::string language;

    Builder(const BuildOptions& o, BuildResult& r, Plan& p, std::string lang = {})
        : options(o), result(r), plan(p), language(std::move(lang)) {}

    void error(const std::string& file, size_t line, const std::string& message) {
        result.problems.push_back({file, line, message, false});
    }
    void error(const std::string& message) { error(kTool, 0, message); }
    bool ok() const { return result.ok(); }

    bool read_site() {
        shown_site = options.site;
        while (shown_site.size() > 1 && shown_site.back() == '/') shown_site.pop_back();
        SiteOptions site_options = options.site_options;
        site_options.language = language;
        site_options.all_languages = true;
        site = site_read(options.site, site_options);
        result.problems.insert(result.problems.end(), site.problems.begin(), site.problems.end());
        return site.ok();
    }

    bool choose_base_url() {
        if (!options.base_url.empty()) {
            Result<BaseUrl> b = build_base_url(options.base_url);
            if (!b) {
                error("--base-url " + in_quotes(options.base_url) + ": " + b.error().message);
                return false;
            }
            base = b.value();
        } else if (!site.config.base_url.empty()) {
            Result<BaseUrl> b = build_base_url(site.config.base_url);
            if (!b) {
                error(site.config.file, site.config.base_url_line,
                      "baseURL " + in_quotes(site.config.base_url) + ": " + b.error().message +
                          " (or pass --base-url URL)");
                return false;
            }
            base = b.value();
        } else {
            const std::string config = site.config.file.empty() ? shown_site + "/hugo.toml" : site.config.file;
            error("no base URL: set baseURL in " + config + " or pass --base-url URL (" + kBaseUrlRule + ")");
            return false;
        }
        // languageCode "en-us": the page's language is "en", the feed's "en-us".
        const std::string code = lower(site.config.language_code);
        if (!code.empty() && code.find_first_of("\"<>& \t") == std::string::npos) {
            feed_language = code;
        }
        lang = site_page_language(site.config);
        asset_root = base.root;
        if (!language.empty()) {  // Hugo's prefix: https://example.org/fr/
            base.root += language + "/";
            base.url += language + "/";
        }
        return true;
    }

    // OUT is replaced as a whole: it must not hold the site or the widget's
    // files, nor be where the site's posts are read from.
    bool check_folders() {
        const fs::path site_dir = canonical_of(options.site);
        out = canonical_of(options.out);
        assets = canonical_of(options.assets);
        std::error_code ec;
        const std::string shown_out = in_quotes(options.out);
        const fs::path content = fs::is_directory(site_dir / "content", ec) ? site_dir / "content" : site_dir / "posts";
        if (out == site_dir) {
            error("OUT " + shown_out + " is SITE itself: the build replaces OUT as a whole; choose another folder "
                  "(SITE/public is fine)");
        } else if (within(site_dir, out)) {
            error("OUT " + shown_out + " contains SITE " + in_quotes(shown_site) +
                  ": the build replaces OUT as a whole; choose another folder (SITE/public is fine)");
        } else if (within(out, content)) {
            error("OUT " + shown_out + " is inside SITE's content folder " + in_quotes(content.string()) +
                  ": the built files would be read as the site's; choose another folder (SITE/public is fine)");
        } else if (within(assets, out)) {
            error("OUT " + shown_out + " contains ASSETS " + in_quotes(options.assets) +
                  ": the build replaces OUT as a whole, and copies the widget's files from ASSETS");
        } else if (within(out, assets)) {
            error("OUT " + shown_out + " is inside ASSETS " + in_quotes(options.assets) +
                  ": the build copies ASSETS into OUT; choose another folder");
        }
        if (!ok()) return false;
        const fs::file_status status = fs::symlink_status(options.out, ec);
        if (fs::exists(status) && !fs::is_directory(fs::status(options.out, ec))) {
            error("OUT " + shown_out + " exists and is not a folder");
            return false;
        }
        // OUT is replaced as a whole: only an empty folder or an earlier
        // build (its index and widget are there) may be, never a folder of
        // someone's own files given by mistake.
        if (fs::is_directory(out, ec) && !fs::is_empty(out, ec) &&
            !(fs::is_regular_file(out / "posts" / "index.json", ec) && fs::is_regular_file(out / "wasm-blog.js", ec))) {
            error("OUT " + shown_out + " is a folder that is not empty and not an earlier build (no posts/index.json "
                  "and wasm-blog.js): the build replaces OUT as a whole; choose a new or empty folder");
            return false;
        }
        for (const char* name : {"wasm-blog.js", "blog-core.wasm", "blog-full.wasm"})
            if (!fs::is_regular_file(assets / name, ec)) {
                error(options.assets + " has no " + name + ": run make dist first, or pass --assets DIR");
                return false;
            }
        return true;
    }

    // The index the widget will read, read back by the core as the widget
    // reads it: index.json, then each part of a paged index appended in
    // order. The pages are prerendered from the whole of it.
    bool read_index() {
        index_files = index_write_files(site, options.index_split, kSearchManifest);
        for (size_t k = 0; k < index_files.size(); ++k) {
            const std::string name = "posts/" + index_files[k].name;
            const std::string why = " (the index written is not one the blog reads)";
            Result<SiteIndex> parsed = index_parse(index_files[k].text, base.url + name);
            if (!parsed) {
                error(name + ": " + parsed.error().message + why);
                return false;
            }
            SiteIndex file = std::move(parsed).value();
            for (const std::string& p : file.problems) error(name + ": " + p + why);
            // Each file's entries are in the list's order already: a paged
            // index's first file must hold the first posts the blog lists.
            for (size_t i = 0; i < file.posts.size(); ++i)
                if (file.posts[i].position != i) {
                    error(name + ": post " + in_quotes(file.posts[i].slug) + " is not where the blog lists it" + why);
                    break;
                }
            if (k == 0) index = std::move(file);
            else index_append_part(index, std::move(file));
        }
        if (!ok()) return false;
        if (index.posts.size() != site.posts.size())
            error("posts/index.json: " + std::to_string(index.posts.size()) + " posts read back, " +
                  std::to_string(site.posts.size()) + " written (the index written is not one the blog reads)");
        for (const SitePost& p : site.posts) by_slug[p.slug] = &p;
        for (const Post& p : index.posts) {
            if (!by_slug.count(p.slug)) error("posts/index.json: post " + in_quotes(p.slug) + " is not in the site");
        }
        for (size_t i = 0; i < index.posts.size(); ++i)
            for (Taxonomy taxonomy : kTaxonomies) {
                std::map<std::string, std::vector<size_t>>& posts_of = term_posts[size_t(taxonomy)];
                for (const std::string& term : index_post_terms(index.posts[i], taxonomy)) {
                    std::vector<size_t>& at = posts_of[url_term_key(term)];  // Hugo merges terms by key
                    if (at.empty() || at.back() != i) at.push_back(i);  // a term twice in a post counts once
                }
            }
        for (const auto& [term, at] : term_posts[size_t(Taxonomy::Tags)]) tags.push_back(term);
        for (const auto& [term, at] : term_posts[size_t(Taxonomy::Categories)]) categories.push_back(term);
        result.posts += index.posts.size();
        return ok();
    }

    const SitePost& source_of(const Post& post) const { return *by_slug.at(post.slug); }

    // The index cut to one term's posts: a term's screens and feed read only
    // its own posts, so each term costs what its posts cost, not the whole
    // site (the core's lists scan every post's terms: over every term, that
    // was terms × posts × terms per post).
    SiteIndex term_index(Taxonomy taxonomy, const std::string& term) {
        // Everything of the index but its posts and their lookups, copied
        // whole (so no field is forgotten), then the term's posts.
        std::vector<Post> posts;
        std::unordered_map<std::string, size_t> slugs, files;
        posts.swap(index.posts), slugs.swap(index.by_slug), files.swap(index.by_file);
        SiteIndex cut = index;
        posts.swap(index.posts), slugs.swap(index.by_slug), files.swap(index.by_file);
        const std::vector<size_t>& at = term_posts[size_t(taxonomy)].at(term);
        cut.posts.reserve(at.size());
        for (size_t i : at) {
            cut.by_slug.emplace(index.posts[i].slug, cut.posts.size());
            cut.by_file.emplace(index.posts[i].file, cut.posts.size());
            cut.posts.push_back(index.posts[i]);
        }
        return cut;
    }

    // Every post rendered as the widget renders it at the built site's paths.
    bool render_posts() {
        config.index_url = base.root + "posts/index.json";
        config.page_size = site.config.page_size > 0 ? site.config.page_size : 10;
        config.links = RouteLinks::paths(base.root);
        const PostLinks post_links(index, config);
        const PostLinkRoute link_route = post_links.function();
        // Shortcodes shown as their inner content: one line each, with
        // how many uses in how many posts.
        struct Unsupported {
            size_t uses = 0;
            std::set<std::string> posts;
        };
        std::map<std::pair<std::string, std::string>, Unsupported> unsupported;
        for (const Post& p : index.posts) {
            const SitePost& sp = source_of(p);
            Result<RenderedMarkdown> r = page_render_post(sp.text, index, p, config, link_route);
            if (!r) {
                error(sp.source, 0, r.error().message);
                continue;
            }
            // (Malformed ones are reported by site_read.)
            for (const ShortcodeProblem& sc : r.value().shortcode_problems)
                if (sc.kind != ShortcodeProblem::Kind::Malformed)
                    result.problems.push_back({sp.source, sc.line, sc.message, sc.kind != ShortcodeProblem::Kind::MissingRef});
            for (const ShortcodeUnsupported& u : r.value().shortcodes_unsupported) {
                Unsupported& e = unsupported[{u.name, u.reason}];
                e.uses += u.count;
                e.posts.insert(sp.source);
            }
            PostEntry entry;
            entry.state = PostEntry::State::Rendered;
            entry.rendered = std::move(r).value();
            entries.emplace(p.slug, std::move(entry));
        }
        for (const auto& [key, e] : unsupported)
            result.problems.push_back(
                {kTool, 0,
                 "shortcode \"" + key.first + "\" (" + key.second + "): shown as its inner content, " +
                     std::to_string(e.uses) + (e.uses == 1 ? " use" : " uses") + " in " + std::to_string(e.posts.size()) +
                     (e.posts.size() == 1 ? " post" : " posts") +
                     (key.second == "no template" ? "" : " (layouts/shortcodes/" + key.first + ".html)"),
                 true});
        return ok();
    }

    std::string page_path(const Route& route) const {
        return route_href(route, config.links).substr(base.root.size());  // "posts/x/"
    }

    // One screen as a whole page; `meta` without its title, which is the screen's.
    // `from`: the index the screen is made from (a term's cut, for its screens).
    void prerender(const Route& route, DocumentMeta meta, const std::optional<Timestamp>& lastmod,
                   const SiteIndex* from = nullptr, const std::string& at = {}) {
        const SiteState state{SiteState::Index::Loaded, "", from ? from : &index, &entries};
        const Page page = page_build(route, state, config);
        const std::string file = at.empty() ? route_file(route) : at + "index.html";  // `at`: another path of it
        if (!page.complete || !page.needs.empty()) {
            error(file + ": the screen is not complete (" + std::to_string(page.needs.size()) +
                  " files still needed): a bug in the build");
            return;
        }
        const bool found = route.kind != Route::Kind::NotFound;
        meta.title = page.screen.title;
        if (found) meta.canonical_url = base.origin + (at.empty() ? route_href(route, config.links) : base.root + url_path_encode(at));
        BuildDocument doc;
        doc.lang = lang;
        doc.head = document_head(meta);
        doc.root = base.root;
        doc.asset_root = asset_root;
        doc.site_title = index.title;
        doc.page_size = config.page_size;
        doc.kind = page.screen.kind;
        doc.full_engine = page_needs_renderers(route);
        doc.theme = page.theme;
        doc.screen_html = page.screen.html;
        const std::string what = found ? "the page " + page_path(route) : std::string("the 404 page");
        if (!plan.add(file, {build_document(doc), {}, what}))
            error(file + ": two screens of the site have the same file (" + plan.taken_by(file) + ")");
        ++result.pages;
        if (found) sitemap.push_back({at.empty() ? page_path(route) : url_path_encode(at), lastmod});
    }

    std::optional<Timestamp> post_lastmod(const Post& p) const {
        const SitePost& sp = source_of(p);
        return sp.lastmod ? sp.lastmod : p.date;
    }

    std::optional<Timestamp> list_lastmod(const std::vector<const Post*>& posts) const {
        std::vector<std::optional<Timestamp>> dates;
        for (const Post* p : posts) dates.push_back(post_lastmod(*p));
        return newest(dates);
    }

    // A cover image as an absolute URL, found as PaperMod finds it: a file
    // beside the post (a bundle's own image), else from the site's base URL
    // (Hugo's absURL); "" when it is not an http(s) URL.
    std::string cover_url(const Post& p, const std::string& cover) const {
        if (cover.empty()) return {};
        const std::string ref = cover.substr(0, cover.find_first_of("?#"));
        std::error_code ec;
        const bool beside = !ref.empty() && ref[0] != '/' && !url_has_scheme(ref) &&
                            fs::exists(fs::path(source_of(p).source).parent_path().string() + "/" +
                                           url_percent_decode(ref), ec);
        const std::string url =
            url_resolve(beside ? url_resolve(base.url + "posts/index.json", p.file) : base.url, cover);
        const std::string scheme = url_effective_scheme(url);
        return scheme == "http" || scheme == "https" ? url : std::string();
    }

    void prerender_all() {
        DocumentMeta site_meta;
        site_meta.description = index.description;
        site_meta.site_name = index.title;

        const std::optional<Timestamp> home_lastmod = list_lastmod(index_listed(index));
        const int pages = view_page_count(index, ListQuery{1, config.page_size, ""});
        for (int n = 1; n <= pages; ++n) {
            Route r;
            r.page = n;
            DocumentMeta meta = site_meta;
            if (n == 1 && !site.config.language_homes.empty()) {  // hreflang: the home in each language
                meta.alternates.emplace_back(site.config.language, base.url);
                for (const SiteConfig::LanguageHome& l : site.config.language_homes)
                    meta.alternates.emplace_back(l.lang, base.origin + l.url);
            }
            prerender(r, meta, home_lastmod);
        }
        for (const Post& p : index.posts) {  // hidden posts too: reachable by their route
            const SitePost& sp = source_of(p);
            Route r;
            r.kind = Route::Kind::Post;
            r.path = index_post_path(p);
            if (p.url.empty()) r.slug = p.slug;
            DocumentMeta meta = site_meta;
            // PaperMod's rule: the front matter's description, else the summary.
            meta.description = !sp.front.description.empty() ? sp.front.description : p.summary.value_or("");
            meta.image = cover_url(p, sp.front.cover_image);
            meta.article = DocumentMeta::Article{p.title, p.date, sp.lastmod, p.author, p.tags};
            if (!sp.translations.empty()) {  // hreflang: the page itself and its translations
                meta.alternates.emplace_back(site.config.language, base.origin + route_href(r, config.links));
                for (const auto& [other, path] : sp.translations) meta.alternates.emplace_back(other, base.origin + path);
            }
            prerender(r, meta, post_lastmod(p));
        }
        for (Route::Kind kind : {Route::Kind::Archive, Route::Kind::Search}) {
            Route r;  // the search screen without a query: the reader's words come in the browser
            r.kind = kind;
            prerender(r, site_meta, home_lastmod);
            if (kind == Route::Kind::Archive && site.archives_page) prerender(r, site_meta, home_lastmod, nullptr, "archives/");
        }
        for (Taxonomy taxonomy : kTaxonomies) {
            Route terms_page;  // as Hugo, whether or not any post has a term
            terms_page.kind = Route::Kind::Tags;
            terms_page.taxonomy = taxonomy;
            prerender(terms_page, site_meta, home_lastmod);
            // Every term a post has: a hidden post's tags are links on its page too.
            for (const std::string& term : terms(taxonomy)) {
                const SiteIndex cut = term_index(taxonomy, term);
                const std::optional<Timestamp> term_lastmod = list_lastmod(index_listed(cut, taxonomy, term));
                const int term_pages = view_page_count(cut, ListQuery{1, config.page_size, term, taxonomy});
                for (int n = 1; n <= term_pages; ++n) {
                    Route r;
                    r.kind = Route::Kind::Tag;
                    r.taxonomy = taxonomy;
                    r.tag = term;
                    r.page = n;
                    prerender(r, site_meta, term_lastmod, &cut);
                }
            }
        }
        Route not_found;
        not_found.kind = Route::Kind::NotFound;
        prerender(not_found, site_meta, std::nullopt);
    }

    // The feeds carry each post's HTML with absolute URLs (a feed reader has
    // no page to resolve them against): rendered again from the base URL.
    void write_feeds() {
        PageConfig abs = config;
        abs.index_url = base.url + "posts/index.json";
        abs.links = RouteLinks::paths(base.url);  // heading anchors and links to posts absolute too
        const PostLinks post_links(index, abs);
        const PostLinkRoute link_route = post_links.function();
        std::unordered_map<std::string, std::optional<std::string>> html;
        FeedPostHtml post_html = [&](const Post& p) -> std::optional<std::string> {
            auto it = html.find(p.slug);
            if (it != html.end()) return it->second;
            Result<RenderedMarkdown> r = page_render_post(source_of(p).text, index, p, abs, link_route);
            std::optional<std::string> out;
            if (r) out = r.value().html;
            html.emplace(p.slug, out);
            return out;
        };
        // A post is in as many feeds as it has terms: a term's feed carries
        // its HTML up to kMaxTermFeedPostBytes, its summary beyond, so that
        // the feeds grow with the posts' terms, not with terms × text.
        FeedPostHtml term_post_html = [&](const Post& p) -> std::optional<std::string> {
            std::optional<std::string> html = post_html(p);
            if (html && html->size() > kMaxTermFeedPostBytes) return std::nullopt;
            return html;
        };
        FeedOptions feed;
        feed.base_url = base.url;
        feed.language = feed_language;
        feed.limit = 20;
        add_file("index.xml", feed_rss(index, feed, post_html), "the site's feed");
        ++result.feeds;
        for (const std::string& tag : tags) {
            feed.tag = tag;
            add_file("tags/" + tag + "/index.xml", feed_rss(term_index(Taxonomy::Tags, tag), feed, term_post_html),
                     "the feed of tag " + in_quotes(tag));
            ++result.feeds;
        }
        feed.taxonomy = Taxonomy::Categories;
        for (const std::string& category : categories) {
            feed.tag = category;
            add_file("categories/" + category + "/index.xml",
                     feed_rss(term_index(Taxonomy::Categories, category), feed, term_post_html),
                     "the feed of category " + in_quotes(category));
            ++result.feeds;
        }
        add_file("sitemap.xml", feed_sitemap(base.url, sitemap), "the sitemap");
        // The site's own static/robots.txt is published instead, as Hugo does.
        std::error_code ec;
        if (site.static_dir.empty() || !fs::exists(fs::path(site.static_dir) / "robots.txt", ec))
            add_file("robots.txt", feed_robots(base.url), "robots.txt");
        for (IndexFile& f : index_files)
            add_file("posts/" + f.name, std::move(f.text), f.name == "index.json" ? "the index" : "a part of the index");
        for (IndexFile& f : search_write_files(site)) add_file("posts/" + f.name, std::move(f.text), "the search index");
    }

    void add_file(const std::string& path, std::string text, const std::string& what) {
        if (!plan.add(path, {std::move(text), {}, what}))
            error(path + ": " + what + " would overwrite " + plan.taken_by(path));
    }
    void add_copy(const std::string& path, const fs::path& from, const std::string& what) {
        if (!plan.add(path, {{}, from, what})) error(path + ": " + what + " would overwrite " + plan.taken_by(path));
    }

    // The posts' files as they are (the widget skips their front matter), and
    // every other file of the posts folder but a left-out post's bundle. A
    // file that could run script on the blog's origin when opened (HTML,
    // JavaScript, an SVG with script) is published only when the site says
    // so (params.wasmBlog.publishActiveFiles), and each is reported.
    void copy_posts() {
        const bool active_ok = site.config.publish_active_files;
        const std::string opt_in = "params.wasmBlog.publishActiveFiles";
        // One file of the site's content, published at `to` unless it could
        // run script (reported either way).
        auto publish = [&](const fs::path& path, const std::string& rel, const std::string& to) {
            const std::string shown = site.posts_dir + "/" + rel;
            std::string why;         // why it could run script
            bool may_opt_in = true;  // false: not published whatever the site says
            switch (bundle_file_kind(rel)) {
                case BundleFileKind::Passive: break;
                case BundleFileKind::Svg: {
                    std::string svg, error;
                    if (!site_file_read(path, kMaxSvgBytes, "an SVG drawing", svg, error)) {
                        why = "it " + error, may_opt_in = false;
                    } else if (std::string active = svg_active_content(svg); !active.empty()) {
                        why = "it holds " + active + ", which would run on the blog's origin when it is opened";
                    }
                    break;
                }
                case BundleFileKind::Active:
                    why = "a file of this type can run script on the blog's origin when it is opened";
                    break;
            }
            if (!why.empty()) {
                if (!active_ok || !may_opt_in) {
                    result.problems.push_back(
                        {shown, 0, "not published: " + why + (may_opt_in ? " (set " + opt_in + " = true to publish it)" : ""),
                         true});
                    return;
                }
                result.problems.push_back({shown, 0, "published because " + opt_in + " is set: " + why, true});
            }
            add_copy(to, path, shown);
        };
        auto is_markdown = [](const std::string& rel) {
            return (rel.size() > 3 && rel.compare(rel.size() - 3, 3, ".md") == 0) ||
                   (rel.size() > 9 && rel.compare(rel.size() - 9, 9, ".markdown") == 0);
        };
        auto follow = [&](const fs::path& path) { return site_path_refusal(path, site.root); };
        auto refused = [&](const std::string& rel, const std::string& why) { error(site.posts_dir + "/" + rel, 0, why); };

        for (const SitePost& p : site.posts) add_file(site.published_file(p), p.text, p.source);
        if (site.hugo) {
            // A leaf bundle's resources where Hugo publishes them: beside its
            // page (post/my-trip/photo.png), whatever its folder's name.
            for (const SitePost& p : site.posts) {
                if (!p.bundle || p.generated) continue;
                const std::string dir = p.file.substr(0, p.file.rfind('/') + 1);
                const std::string page = site.published_file(p).substr(0, site.published_file(p).rfind('/') + 1);
                std::set<std::string> seen;
                walk_files(
                    fs::path(site.posts_dir) / dir, "", seen,
                    [&](const fs::path& path, const std::string& rel) {
                        if (!is_markdown(rel)) publish(path, dir + rel, page + rel);
                    },
                    follow, [&](const std::string& rel, const std::string& why) { refused(dir + rel, why); });
            }
            if (!language.empty()) return;  // the rest of content/ once, with the default language
        }
        // Every other file of the folder read, at its place, but a bundle's
        // in a Hugo site (published above) and a left-out bundle's (a
        // draft's images stay unpublished).
        std::vector<std::string> skipped = site.hugo ? site.bundle_dirs : std::vector<std::string>{};
        for (const std::string& f : site.left_out_files) {
            const size_t slash = f.rfind('/');
            if (slash != std::string::npos && f.compare(slash + 1, 5, "index") == 0) skipped.push_back(f.substr(0, slash + 1));
        }
        std::set<std::string> seen;
        walk_files(
            site.posts_dir, "", seen,
            [&](const fs::path& path, const std::string& rel) {
                if (is_markdown(rel)) return;
                for (const std::string& b : skipped)
                    if (starts_with(rel, b)) return;
                publish(path, rel, site.out_folder() + rel);
            },
            follow, refused);
    }

    // The widget's files: a `make dist` folder without its own page and sample posts.
    void copy_assets() {
        std::set<std::string> seen;
        walk_files(
            assets, "", seen,
            [&](const fs::path& path, const std::string& rel) {
                if (rel == "index.html" || starts_with(rel, "posts/")) return;
                add_copy(rel, path, (fs::path(options.assets) / rel).string());
            },
            [](const fs::path&) { return std::string(); }, [](const std::string&, const std::string&) {});
    }

    // Hugo's redirect pages, written last: an alias may not replace a file of the site.
    void add_aliases() {
        for (const SitePost& sp : site.posts) {  // in reading order, as the site's problems are
            const Post& p = *index.find(sp.slug);
            for (const std::string& alias : sp.front.aliases) {
                Result<std::string> file = build_alias_file(alias);
                const size_t line = sp.front.line_of("aliases");
                if (!file) {
                    error(sp.source, line, "aliases: " + in_quotes(alias) + ": " + file.error().message);
                    continue;
                }
                if (file.value() == route_file(post_route(p))) continue;  // the page's own URL: nothing to redirect
                const std::string taken = plan.taken_by(file.value());
                if (!taken.empty()) {
                    error(sp.source, line, "aliases: " + in_quotes(alias) + " would overwrite " + taken);
                    continue;
                }
                plan.add(file.value(), {build_alias_page(feed_post_url(base.url, p), lang), {},
                                        "the redirect " + in_quotes(alias) + " of " + sp.source});
                ++result.redirects;
            }
        }
    }

    // Hugo's pages the blog shows as one of its own screens (a section's
    // list, PaperMod's archives and search pages): a redirect at their URL,
    // unless a file of the site is there.
    void add_screen_redirects() {
        for (const auto& [path, screen] : site.redirects) {
            Result<std::string> file = build_alias_file("/" + path);
            if (!file || !plan.taken_by(file.value()).empty()) continue;
            plan.add(file.value(), {build_alias_page(base.url + url_path_encode(screen), lang), {},
                                    "the redirect from Hugo's page /" + path});
            ++result.redirects;
        }
    }

    // SITE/static/ as it is, at OUT's root, as Hugo copies it; a file that
    // would replace one the build writes is an error.
    void copy_static() {
        if (site.static_dir.empty()) return;
        std::set<std::string> seen;
        walk_files(
            site.static_dir, "", seen,
            [&](const fs::path& path, const std::string& rel) {
                add_copy(rel, path, site.static_dir + "/" + rel);
            },
            [&](const fs::path& path) { return site_path_refusal(path, site.root); },
            [&](const std::string& rel, const std::string& why) { error(site.static_dir + "/" + rel, 0, why); });
    }

    static Route post_route(const Post& p) {
        Route r;
        r.kind = Route::Kind::Post;
        r.path = index_post_path(p);
        if (p.url.empty()) r.slug = p.slug;
        return r;
    }

    // Every file into a fresh folder beside OUT, which then takes OUT's place.
    void write() {
        const fs::path parent = out.parent_path();
        const std::string name = out.filename().string();
        const std::string pid = std::to_string(::getpid());
        const fs::path tmp = parent / ("." + name + ".tmp-" + pid);
        std::error_code ec;
        fs::create_directories(parent, ec);
        fs::remove_all(tmp, ec);
        if (!fs::create_directory(tmp, ec)) {
            error("cannot create " + tmp.string() + ": " + ec.message());
            return;
        }
        for (const auto& [rel, output] : plan.files()) {
            const fs::path target = tmp / rel;
            fs::create_directories(target.parent_path(), ec);
            if (ec) {
                error("cannot create " + target.parent_path().string() + ": " + ec.message());
                break;
            }
            if (!output.copy_from.empty()) {
                fs::copy_file(output.copy_from, target, ec);
                if (ec) {
                    error("cannot copy " + output.copy_from.string() + " to " + target.string() + ": " + ec.message());
                    break;
                }
            } else if (!write_text(target, output.text)) {
                error("cannot write " + target.string());
                break;
            }
        }
        if (!ok()) {
            fs::remove_all(tmp, ec);
            return;
        }
        if (fs::exists(fs::symlink_status(out, ec))) {
            const fs::path old = parent / ("." + name + ".old-" + pid);
            fs::remove_all(old, ec);
            fs::rename(out, old, ec);
            if (ec) {
                error("cannot move " + out.string() + " aside: " + ec.message());
                fs::remove_all(tmp, ec);
                return;
            }
            fs::rename(tmp, out, ec);
            if (ec) {
                error("cannot move the built site to " + out.string() + ": " + ec.message());
                std::error_code back;
                fs::rename(old, out, back);
                fs::remove_all(tmp, back);
                return;
            }
            fs::remove_all(old, ec);
            if (ec) result.problems.push_back({kTool, 0, "the previous " + out.string() + " is left in " +
                                                             old.string() + ": " + ec.message(), true});
        } else {
            fs::rename(tmp, out, ec);
            if (ec) {
                error("cannot move the built site to " + out.string() + ": " + ec.message());
                fs::remove_all(tmp, ec);
            }
        }
    }

    // Everything but the writing: the files go into `plan`, shared by the
    // languages' builds.
    // The site read and its URL known: what the languages' builds share
    // (each other's homes and translations) is then set into `site`.
    bool prepare() { return read_site() && choose_base_url(); }

    void run() {
        if (!check_folders() || !read_index() || !render_posts()) return;
        prerender_all();
        write_feeds();
        copy_posts();
        if (language.empty()) {  // one copy of the widget and of static/, at the root
            copy_assets();
            copy_static();
        }
        add_aliases();
        add_screen_redirects();
    }
};

// What a multilingual site's languages know of each other: each one's
// other languages' homes (the language switch), and each page's
// translations (Hugo pairs them by translationKey, else by path).
void link_languages(std::vector<std::unique_ptr<Builder>>& builders) {
    if (builders.size() < 2) return;
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> by_key;  // key -> (lang, path)
    for (auto& b : builders) {
        const std::string lang = b->site.config.language;
        for (SitePost& p : b->site.posts)
            if (!p.translation_key.empty())
                by_key[p.translation_key].emplace_back(lang, b->base.root + url_path_encode(p.path()));
    }
    for (auto& b : builders) {
        SiteConfig& config = b->site.config;
        for (auto& other : builders)
            if (other != b) {
                const std::string& lang = other->site.config.language;
                auto name = config.language_names.find(lang);
                config.language_homes.push_back(
                    {lang, name == config.language_names.end() ? std::string() : name->second, other->base.root});
            }
        for (SitePost& p : b->site.posts) {
            auto it = by_key.find(p.translation_key);
            if (it == by_key.end()) continue;
            for (const auto& [lang, path] : it->second)
                if (lang != config.language) p.translations.emplace_back(lang, path);
        }
    }
}

}  // namespace

bool BuildResult::ok() const {
    return std::none_of(problems.begin(), problems.end(), [](const Problem& p) { return !p.warning; });
}

Result<BaseUrl> build_base_url(const std::string& text) {
    const Error bad{"base-url", kBaseUrlRule};
    for (unsigned char c : text)
        if (c <= 0x20 || c == 0x7F || c == '\\' || c == '"' || c == '<' || c == '>' || c == '?' || c == '#')
            return bad;
    const std::string l = lower(text);
    const size_t scheme = starts_with(l, "http://") ? 7 : starts_with(l, "https://") ? 8 : 0;
    if (!scheme) return bad;
    const size_t path = text.find('/', scheme);
    const std::string authority = text.substr(scheme, path == std::string::npos ? std::string::npos : path - scheme);
    const size_t colon = authority.rfind(':');
    const std::string host = authority.substr(0, colon);
    const std::string port = colon == std::string::npos ? std::string() : authority.substr(colon + 1);
    if (host.empty() || authority.find('@') != std::string::npos ||
        (colon != std::string::npos && (port.empty() || port.find_first_not_of("0123456789") != std::string::npos)))
        return bad;
    BaseUrl b;
    b.origin = l.substr(0, scheme) + authority;
    b.root = path == std::string::npos ? "/" : text.substr(path);
    if (b.root.back() != '/') b.root += '/';
    // "/blog/": segments between the slashes, none empty, "." or "..".
    for (size_t i = 1; i < b.root.size();) {
        const size_t next = b.root.find('/', i);
        const std::string seg = b.root.substr(i, next - i);
        if (seg.empty() || seg == "." || seg == "..") return bad;
        i = next + 1;
    }
    b.url = b.origin + b.root;
    return b;
}

Result<std::string> build_alias_file(const std::string& alias) {
    std::string path = alias;
    const bool from_root = !path.empty() && path[0] == '/';
    if (from_root) path.erase(0, 1);
    const bool file = path.size() > 5 && lower(path.substr(path.size() - 5)) == ".html";
    if (!file && !path.empty() && path.back() == '/') path.pop_back();
    if (path.empty()) return Error{"alias", "the site's home page cannot be an alias"};
    for (size_t i = 0; i <= path.size();) {
        const size_t next = std::min(path.find('/', i), path.size());
        const std::string seg = path.substr(i, next - i);
        if (seg.empty()) return Error{"alias", "an empty segment (\"//\") is not a path of the site"};
        if (seg == "." || seg == "..") return Error{"alias", "\"" + seg + "\" would leave the built site's folder"};
        i = next + 1;
    }
    if (!from_root) path = "posts/" + path;
    return file ? path : path + "/index.html";
}

std::string build_alias_page(const std::string& url, const std::string& lang) {
    const std::string u = html_escape(url);
    return "<!DOCTYPE html><html lang=\"" + html_escape(lang) + "\"><head><title>" + u +
           "</title><link rel=\"canonical\" href=\"" + u +
           "\"><meta name=\"robots\" content=\"noindex\"><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" "
           "content=\"0; url=" + u + "\"></head></html>";
}

std::string build_document(const BuildDocument& doc) {
    const std::string root = html_escape(doc.root);
    std::string out;
    out.reserve(doc.screen_html.size() + doc.head.size() + 1024);
    // The site's default theme, when it is not the reader's system's, for the
    // page's styles before the widget runs, and for the widget.
    const std::string theme =
        doc.theme.empty() || doc.theme == "auto" ? std::string() : " data-default-theme=\"" + html_escape(doc.theme) + "\"";
    // A language written right to left (ar, fa, he, ur…) gives the page its direction.
    const char* dir = i18n_rtl(doc.lang) ? " dir=\"rtl\"" : "";
    out += "<!doctype html>\n<html lang=\"" + html_escape(doc.lang) + "\"" + dir + " data-wasm-blog-page" + theme +
           ">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += doc.head;
    out += "<meta name=\"color-scheme\" content=\"light dark\">\n";
    out += "<link rel=\"icon\" href=\"data:,\">\n";
    const std::string assets = html_escape(doc.asset_root.empty() ? doc.root : doc.asset_root);
    out += "<link rel=\"stylesheet\" href=\"" + assets + "wasm-blog.css\">\n";
    out += "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"" + root + "index.xml\" title=\"" +
           html_escape(doc.site_title) + "\">\n";
    // The engine and the index start loading with the page, not after the
    // widget's script has run (the screen on show is already here; these
    // make the takeover, and the next screen, come sooner). A post's,
    // terms', archive's or search's page starts with the full engine (the
    // list's has none of those screens: page_needs_renderers), every other
    // with the list's (web/widget/engines.js); data-engine tells the widget.
    const std::string engine = doc.full_engine ? "blog-full" : "blog-core";
    out += "<link rel=\"modulepreload\" href=\"" + assets + engine + ".js\">\n";
    out += "<link rel=\"preload\" href=\"" + assets + engine + ".wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n";
    out += "<link rel=\"preload\" href=\"" + root + "posts/index.json\" as=\"fetch\" type=\"application/json\" crossorigin>\n";
    out += "<script type=\"module\" src=\"" + assets + "wasm-blog.js\"></script>\n";
    out += "</head>\n<body>\n";
    out += "<wasm-blog src=\"" + root + "posts/index.json\" routing=\"path\" root=\"" + root + "\" page-size=\"" +
           std::to_string(doc.page_size) + "\" data-kind=\"" + html_escape(doc.kind) + "\"" +
           (doc.full_engine ? " data-engine=\"full\"" : "") + theme +
           "><div class=\"wasm-blog\">";
    out += doc.screen_html;
    out += "</div></wasm-blog>\n</body>\n</html>\n";
    return out;
}

BuildResult site_build(const BuildOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    BuildResult result;
    Plan plan;
    // The default language at OUT's root, and each other language of the
    // site as a blog of its own under its prefix (Hugo's /fr/): its pages,
    // index, feeds and sitemap there.
    std::vector<std::unique_ptr<Builder>> builders;
    builders.push_back(std::make_unique<Builder>(options, result, plan));
    if (builders[0]->prepare())
        for (const std::string& language : builders[0]->site.config.other_languages) {
            builders.push_back(std::make_unique<Builder>(options, result, plan, language));
            if (!builders.back()->prepare()) break;
        }
    if (result.ok()) {
        link_languages(builders);
        for (auto& b : builders) {
            if (!result.ok()) break;
            plan.prefix = b->language.empty() ? std::string() : b->language + "/";
            b->run();
        }
    }
    plan.prefix.clear();
    if (result.ok()) builders[0]->write();
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace blog::tool
