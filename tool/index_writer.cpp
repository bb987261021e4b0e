#include "tool/index_writer.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace blog::tool {

std::string index_write(const Site& site) {
    using json = nlohmann::ordered_json;
    json root = json::object();
    root["title"] = site.config.title;
    std::string author;
    for (size_t i = 0; i < site.config.authors.size(); ++i)
        author += (i ? (i + 1 == site.config.authors.size() ? " & " : ", ") : "") + site.config.authors[i];
    if (!author.empty()) root["author"] = author;
    if (!site.config.description.empty()) root["description"] = site.config.description;
    if (!site.config.language_code.empty()) root["language"] = site_page_language(site.config);
    // PaperMod's params, only as the config sets them (the core's defaults are PaperMod's).
    if (!site.config.default_theme.empty()) root["defaultTheme"] = site.config.default_theme;
    if (site.config.show_page_nums) root["showPageNums"] = *site.config.show_page_nums;
    for (const PostSwitchField& f : kPostSwitchFields)
        if (const std::optional<bool>& v = site.config.switches.*f.post) root[f.name] = *v;

    std::vector<const SitePost*> order;
    for (const SitePost& p : site.posts) order.push_back(&p);
    std::stable_sort(order.begin(), order.end(), [](const SitePost* a, const SitePost* b) {
        if (a->date.has_value() != b->date.has_value()) return a->date.has_value();
        return a->date && date_unix_seconds(*a->date) > date_unix_seconds(*b->date);
    });

    json posts = json::array();
    for (const SitePost* p : order) {
        const FrontMatter& fm = p->front;
        json e = json::object();
        e["slug"] = p->slug;
        e["title"] = p->title;
        if (p->date) e["date"] = date_format_rfc3339(*p->date);
        if (p->lastmod) e["lastmod"] = date_format_rfc3339(*p->lastmod);
        if (!p->author.empty()) e["author"] = p->author;
        e["summary"] = p->summary;
        e["truncated"] = p->truncated;
        if (!fm.tags.empty()) e["tags"] = fm.tags;
        if (!fm.categories.empty()) e["categories"] = fm.categories;
        e["file"] = p->file;
        if (fm.hidden_in_home_list) e["hidden"] = true;
        e["wordCount"] = p->word_count;
        e["readingTime"] = p->reading_time;
        if (!fm.description.empty()) e["description"] = fm.description;
        for (const PostSwitchField& f : kPostSwitchFields)  // the post's own, when it sets them
            if (const std::optional<bool>& v = fm.switches.*f.post) e[f.name] = *v;
        if (!fm.cover_image.empty()) {
            json cover = {{"image", fm.cover_image}};
            if (!fm.cover_alt.empty()) cover["alt"] = fm.cover_alt;
            if (!fm.cover_caption.empty()) cover["caption"] = fm.cover_caption;
            e["cover"] = cover;
        }
        if (!fm.aliases.empty()) e["aliases"] = fm.aliases;
        if (fm.weight != 0) e["weight"] = fm.weight;
        posts.push_back(std::move(e));
    }
    root["posts"] = std::move(posts);
    // bytes that are not UTF-8 become U+FFFD (markdown_render repairs the body the same way)
    return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace blog::tool
