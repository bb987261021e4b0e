#include "tool/index_writer.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/url/url.hpp"

namespace blog::tool {

namespace {

using json = nlohmann::ordered_json;

// Whether the layout uses the short form of a name ("Jan" but not only "January").
bool uses_short(std::string layout, const std::string& full, const std::string& short_form) {
    for (size_t at; (at = layout.find(full)) != std::string::npos;) layout.erase(at, full.size());
    return layout.find(short_form) != std::string::npos;
}

// The index's "i18n": the words and names of `text` that are not English's;
// of the names, the months (the archive's headings) and those the date
// format uses.
json index_i18n(const UiText& text, const std::string& date_format) {
    const UiText english;
    const std::string layout = date_format.empty() ? SiteIndex{}.date_format : date_format;
    json out = json::object();
    for (const UiTextField& f : kUiTextFields) {
        if (f.text && text.*f.text != english.*f.text) out[f.key] = text.*f.text;
        if (f.plural && (text.*f.plural).forms != (english.*f.plural).forms) {
            json forms = json::object();
            for (size_t i = 0; i < kPluralFormNames.size(); ++i)
                if (!(text.*f.plural).forms[i].empty()) forms[kPluralFormNames[i]] = (text.*f.plural).forms[i];
            out[f.key] = std::move(forms);
        }
        const bool wanted = f.names == &DateNames::months ||
                            (f.names == &DateNames::months_short && uses_short(layout, "January", "Jan")) ||
                            (f.names == &DateNames::days && layout.find("Monday") != std::string::npos) ||
                            (f.names == &DateNames::days_short && uses_short(layout, "Monday", "Mon"));
        if (f.names && wanted && !(text.dates.*f.names).empty()) out[f.key] = text.dates.*f.names;
    }
    return out;
}

// The site's fields: everything of index.json but "posts" (and a paged
// index's "parts" and "total").
json index_site_fields(const SiteConfig& config) {
    json root = json::object();
    root["title"] = config.title;
    std::string author;
    for (size_t i = 0; i < config.authors.size(); ++i)
        author += (i ? (i + 1 == config.authors.size() ? " & " : ", ") : "") + config.authors[i];
    if (!author.empty()) root["author"] = author;
    if (!config.description.empty()) root["description"] = config.description;
    if (!config.language_code.empty()) root["language"] = site_page_language(config);
    // PaperMod's params, only as the config sets them (the core's defaults are PaperMod's).
    if (!config.default_theme.empty()) root["defaultTheme"] = config.default_theme;
    if (config.show_page_nums) root["showPageNums"] = *config.show_page_nums;
    for (const PostSwitchField& f : kPostSwitchFields)
        if (const std::optional<bool>& v = config.switches.*f.post) root[f.name] = *v;
    if (!config.copyright.empty()) root["copyright"] = config.copyright;
    if (!config.has_cjk_language) root["hasCJKLanguage"] = false;
    if (config.sanitize_html) root["rawHtml"] = "sanitize";
    if (config.math_passthrough) root["mathPassthrough"] = true;
    if (json words = index_i18n(config.text, config.date_format); !words.empty()) root["i18n"] = std::move(words);
    if (!config.date_format.empty() && config.date_format != SiteIndex{}.date_format) root["dateFormat"] = config.date_format;
    if (!config.language_homes.empty()) {
        json languages = json::array();
        for (const SiteConfig::LanguageHome& l : config.language_homes)
            languages.push_back({{"lang", l.lang}, {"name", l.name}, {"url", l.url}});
        root["languages"] = std::move(languages);
    }
    if (!config.menu.empty()) {
        json menu = json::array();
        for (const SiteConfig::Menu& m : config.menu) {
            // A pageRef names a page by its content path: its URL from the site's root.
            std::string url = m.url;
            if (url.empty() && !m.page_ref.empty()) {
                url = m.page_ref;
                if (url.front() != '/') url.insert(url.begin(), '/');
                if (url.back() != '/') url += '/';
            }
            if (!m.name.empty() && !url.empty()) menu.push_back({{"name", m.name}, {"url", url}});
        }
        root["menu"] = std::move(menu);
    }
    if (!config.home_info_title.empty() || !config.home_info_content.empty()) {
        json home = {{"title", config.home_info_title}, {"content", config.home_info_content}};
        if (!config.social_icons.empty()) {
            json icons = json::array();
            for (const auto& [name, url] : config.social_icons) icons.push_back({{"name", name}, {"url", url}});
            home["socialIcons"] = std::move(icons);
        }
        root["homeInfo"] = std::move(home);
    }
    if (!config.shortcodes.empty()) {
        json templates = json::object();
        for (const auto& [name, text] : config.shortcodes) templates[name] = text;
        root["shortcodes"] = std::move(templates);
    }
    return root;
}

}  // namespace

std::vector<const SitePost*> index_order(const Site& site) {
    std::vector<const SitePost*> order;
    order.reserve(site.posts.size());
    for (const SitePost& p : site.posts) order.push_back(&p);
    std::stable_sort(order.begin(), order.end(), [](const SitePost* a, const SitePost* b) {
        const long long wa = a->front.weight, wb = b->front.weight;
        if (wa != wb) {
            if (wa == 0 || wb == 0) return wb == 0;
            return wa < wb;
        }
        if (a->date.has_value() != b->date.has_value()) return a->date.has_value();
        return a->date && date_unix_seconds(*a->date) > date_unix_seconds(*b->date);
    });
    return order;
}

namespace {

json index_entry(const Site& site, const SitePost& p) {
    const FrontMatter& fm = p.front;
    json e = json::object();
    e["slug"] = p.slug;
    e["title"] = p.title;
    if (p.date) e["date"] = date_format_rfc3339(*p.date);
    if (p.lastmod) e["lastmod"] = date_format_rfc3339(*p.lastmod);
    if (!p.author.empty()) e["author"] = p.author;
    e["summary"] = p.summary;
    e["truncated"] = p.truncated;
    if (!fm.tags.empty()) e["tags"] = fm.tags;
    if (!fm.categories.empty()) e["categories"] = fm.categories;
    e["file"] = site.index_file(p);  // a URL relative to the index: "../posts/My%20Trip.md"
    if (!p.url.empty() && p.url != "posts/" + p.slug + "/") e["url"] = p.url;
    if (fm.hidden_in_home_list || !p.listed) e["hidden"] = true;
    e["wordCount"] = p.word_count;
    e["readingTime"] = p.reading_time;
    if (fm.is_cjk_language) e["isCJKLanguage"] = *fm.is_cjk_language;
    if (!fm.description.empty()) e["description"] = fm.description;
    for (const PostSwitchField& f : kPostSwitchFields)  // the post's own, when it sets them
        if (const std::optional<bool>& v = fm.switches.*f.post) e[f.name] = *v;
    if (!fm.cover_image.empty()) {
        json cover = {{"image", site.cover_url(p)}};
        if (!fm.cover_alt.empty()) cover["alt"] = fm.cover_alt;
        if (!fm.cover_caption.empty()) cover["caption"] = fm.cover_caption;
        // PaperMod's .Param "cover.hiddenInList" | default (.Param "cover.hidden"): the post's, else the site's.
        const SiteConfig& c = site.config;
        const bool hidden = fm.cover_hidden.value_or(c.cover_hidden.value_or(false));
        if (fm.cover_hidden_in_list.value_or(c.cover_hidden_in_list.value_or(false)) || hidden) cover["hiddenInList"] = true;
        if (fm.cover_hidden_in_single.value_or(c.cover_hidden_in_single.value_or(false)) || hidden) cover["hiddenInSingle"] = true;
        e["cover"] = cover;
    }
    if (!fm.aliases.empty()) e["aliases"] = fm.aliases;
    if (!p.translations.empty()) {
        json urls = json::array();
        for (const auto& [lang, url] : p.translations) urls.push_back(url);
        e["translations"] = std::move(urls);
    }
    if (fm.weight != 0) e["weight"] = fm.weight;
    return e;
}

// The entries of order[begin, end).
json index_entries(const Site& site, const std::vector<const SitePost*>& order, size_t begin, size_t end) {
    json posts = json::array();
    for (size_t i = begin; i < end; ++i) posts.push_back(index_entry(site, *order[i]));
    return posts;
}

std::string index_text(const json& root) {
    // bytes that are not UTF-8 become U+FFFD (markdown_render repairs the body the same way)
    return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string index_write(const Site& site) { return index_write_with(site, {}); }

std::string index_write_with(const Site& site, std::string_view search) {
    const std::vector<const SitePost*> order = index_order(site);
    json root = index_site_fields(site.config);
    if (!search.empty()) root["search"] = std::string(search);
    root["posts"] = index_entries(site, order, 0, order.size());
    return index_text(root);
}

bool index_paged(size_t posts, const IndexSplit& split) {
    return split.part > 0 && posts > split.threshold && posts > split.first;
}

std::vector<IndexFile> index_write_files(const Site& site, const IndexSplit& split, std::string_view search) {
    if (!index_paged(site.posts.size(), split)) return {{"index.json", index_write_with(site, search)}};
    const std::vector<const SitePost*> order = index_order(site);
    const size_t first = std::max<size_t>(split.first, 1);
    std::vector<IndexFile> files(1 + (order.size() - first + split.part - 1) / split.part);
    json parts = json::array();
    for (size_t k = 1; k < files.size(); ++k) {
        const size_t begin = first + (k - 1) * split.part;
        files[k].name = "index-" + std::to_string(k + 1) + ".json";
        files[k].text = index_text(json{{"posts", index_entries(site, order, begin, std::min(order.size(), begin + split.part))}});
        parts.push_back(files[k].name);
    }
    json root = index_site_fields(site.config);
    if (!search.empty()) root["search"] = std::string(search);
    root["posts"] = index_entries(site, order, 0, first);
    root["parts"] = std::move(parts);
    // The home list's length: hidden posts (hiddenInHomeList) are not in it.
    root["total"] = std::count_if(order.begin(), order.end(),
                                  [](const SitePost* p) { return !p->front.hidden_in_home_list && p->listed; });
    files[0] = {"index.json", index_text(root)};
    return files;
}

}  // namespace blog::tool
