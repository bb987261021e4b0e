#include "core/view/views.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

#include "core/date/date.hpp"
#include "core/html/escape.hpp"
#include "core/route/route.hpp"
#include "core/url/url.hpp"
#include "core/util/utf8.hpp"

namespace blog {

// PaperMod's top-link with its own markup (its SVG is a filled triangle; this
// one a chevron): a button, so that no hash is touched.
const char* const kTopLink =
    "<button type=\"button\" class=\"top-link\" data-action=\"top\" aria-label=\"go to top\" "
    "title=\"Go to Top (Alt + G)\" accesskey=\"g\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"12\" "
    "height=\"12\" viewBox=\"0 0 24 24\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"3\" "
    "stroke-linecap=\"round\" stroke-linejoin=\"round\" aria-hidden=\"true\"><path d=\"M5 16l7-7 7 7\"></path>"
    "</svg></button>\n";

namespace {

const char* const kSep = "&nbsp;·&nbsp;";

void attr(std::string& out, std::string_view text) { html_escape_append(out, text); }

// The menu's entries as the header shows them: (name, href). A URL written
// as a hash route ("#/archive") is that route in the blog's own links (a
// path on a built site), so one index serves both; others stay as written.
struct MenuLink {
    std::string name;
    std::string href;
    bool route = true;  // the blog's own href (already encoded)
};

std::vector<MenuLink> menu_links(const SiteIndex& site, const RouteLinks& links) {
    std::vector<MenuLink> out;
    if (!site.menu) {
        out.push_back({site.text.archive, route_archive_href(links)});
        out.push_back({site.text.search, route_search_href({}, links)});
        out.push_back({site.text.tags, route_tags_href(links)});
        return out;
    }
    for (const MenuEntry& e : *site.menu) {
        MenuLink link{e.name, e.url, false};
        if (e.url.rfind("#/", 0) == 0) {
            const Route r = route_parse(e.url);
            if (r.kind != Route::Kind::NotFound) link = {e.name, route_href(r, links), true};
        }
        out.push_back(std::move(link));
    }
    return out;
}

// PaperMod's menu: <ul id="menu"><li><a href title><span>Name</span></a></li>…;
// the entry whose href is `current` has <span class="active"> (and
// aria-current), the search screen's entry the access key "/".
std::string menu_html(const SiteIndex& site, const RouteLinks& links, std::string_view current) {
    const std::string search = route_search_href({}, links);
    std::string out = "<ul id=\"menu\">";
    for (const MenuLink& link : menu_links(site, links)) {
        std::string href;
        if (link.route) html_escape_append(href, link.href);
        else url_escape_append(href, link.href);
        // Judged as given and as written (index_parse has refused script URLs already).
        if (!url_is_safe(link.href, UrlUse::Link) || !url_is_safe(href, UrlUse::Link)) continue;
        const bool active = !current.empty() && link.href == current;
        out += "<li><a href=\"" + href + "\" title=\"";
        attr(out, link.name);
        out += link.href == search ? " (Alt + /)\" accesskey=\"/\"" : "\"";
        if (active) out += " aria-current=\"page\"";
        out += active ? "><span class=\"active\">" : "><span>";
        html_escape_append(out, link.name);
        out += "</span></a></li>";
    }
    out += "</ul>";
    return out;
}

const char* const kThemeToggle =
    "<div class=\"logo-switches\"><button type=\"button\" id=\"theme-toggle\" accesskey=\"t\" title=\"(Alt + T)\" "
    "data-action=\"theme\" aria-label=\"Toggle theme\"><svg class=\"moon\" xmlns=\"http://www.w3.org/2000/svg\" "
    "width=\"24\" height=\"18\" viewBox=\"0 0 24 24\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" "
    "stroke-linecap=\"round\" stroke-linejoin=\"round\" aria-hidden=\"true\"><path d=\"M21 12.79A9 9 0 1 1 11.21 3 7 "
    "7 0 0 0 21 12.79z\"></path></svg><svg class=\"sun\" xmlns=\"http://www.w3.org/2000/svg\" width=\"24\" "
    "height=\"18\" viewBox=\"0 0 24 24\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" "
    "stroke-linecap=\"round\" stroke-linejoin=\"round\" aria-hidden=\"true\"><circle cx=\"12\" cy=\"12\" "
    "r=\"5\"></circle><line x1=\"12\" y1=\"1\" x2=\"12\" y2=\"3\"></line><line x1=\"12\" y1=\"21\" x2=\"12\" "
    "y2=\"23\"></line><line x1=\"4.22\" y1=\"4.22\" x2=\"5.64\" y2=\"5.64\"></line><line x1=\"18.36\" "
    "y1=\"18.36\" x2=\"19.78\" y2=\"19.78\"></line><line x1=\"1\" y1=\"12\" x2=\"3\" y2=\"12\"></line><line "
    "x1=\"21\" y1=\"12\" x2=\"23\" y2=\"12\"></line><line x1=\"4.22\" y1=\"19.78\" x2=\"5.64\" "
    "y2=\"18.36\"></line><line x1=\"18.36\" y1=\"5.64\" x2=\"19.78\" y2=\"4.22\"></line></svg></button></div>";

// The header (site title, menu), `main_html`, the footer, the top link. `current`: the
// href of the menu entry this screen belongs to ("#/tags" on a tag's list), "" for none.
// `list`: PaperMod's list look (its body.list: a grey page under white cards),
// for every screen but a post's and the error and loading screens.
// PaperMod's language switch, after the theme toggle: a post's
// translations, else (any other screen) the site's other languages' homes;
// each named as PaperMod does, its key in title case ("fr" is "Fr").
std::string lang_switch_html(const SiteIndex& site, const Post* post) {
    std::vector<const LanguageLink*> shown;
    std::vector<std::string_view> urls;
    if (post) {
        for (const std::string& url : post->translations)
            if (const LanguageLink* l = index_language_of(site, url)) shown.push_back(l), urls.push_back(url);
    } else {
        for (const LanguageLink& l : site.languages) shown.push_back(&l), urls.push_back(l.url);
    }
    if (shown.empty()) return {};
    std::string out = "<ul class=\"lang-switch\"><li>|</li>";
    for (size_t i = 0; i < shown.size(); ++i) {
        const LanguageLink& l = *shown[i];
        std::string text = l.lang;
        for (size_t k = 0; k < text.size(); ++k)
            if ((k == 0 || !std::isalpha(static_cast<unsigned char>(text[k - 1]))) && text[k] >= 'a' && text[k] <= 'z')
                text[k] = char(text[k] - 'a' + 'A');
        const std::string& name = l.name.empty() ? text : l.name;
        out += "<li><a href=\"";
        attr(out, urls[i]);
        out += "\" title=\"";
        attr(out, name);
        out += "\" aria-label=\"";
        attr(out, name);
        out += "\" hreflang=\"";
        attr(out, l.lang);
        out += "\">";
        html_escape_append(out, text);
        out += "</a></li>";
    }
    return out + "</ul>";
}

std::string page_shell(const SiteIndex* site, std::string_view main_html, const RouteLinks& links,
                       std::string_view current = {}, bool list = false, const Post* post = nullptr) {
    std::string out;
    out.reserve(main_html.size() + 1024);
    out += "<header class=\"header\"><nav class=\"nav\"><div class=\"logo\">";
    if (site && !site->title.empty()) {
        out += "<a href=\"";
        attr(out, route_list_href(1, links));
        out += "\" accesskey=\"h\" title=\"";
        attr(out, site->title);
        out += " (Alt + H)\">";
        html_escape_append(out, site->title);
        out += "</a>";
    }
    // PaperMod's theme toggle; the platform acts on data-action="theme"
    // (classes, not PaperMod's ids: a page may hold several widgets).
    const std::string_view toggle = kThemeToggle;
    out += toggle.substr(0, toggle.size() - 6);  // without its "</div>": the language switch goes in it
    if (site) out += lang_switch_html(*site, post);
    out += "</div></div>";
    if (site) out += menu_html(*site, links, current);
    out += list ? "</nav></header>\n<main class=\"main list\">\n" : "</nav></header>\n<main class=\"main\">\n";
    out += main_html;
    out += "</main>\n<footer class=\"footer\">";
    // PaperMod's: the site's copyright, else "© <year> <title>" linking home;
    // the year is the newest post's (the core has no clock: a prerendered
    // page and the widget must agree).
    if (site && !site->copyright.empty()) {
        out += "<span>";
        html_escape_append(out, site->copyright);
        out += "</span> · ";
    } else if (site && !site->title.empty()) {
        out += "<span>&copy; ";
        if (site->newest_year > 0) out += std::to_string(site->newest_year) + " ";
        out += "<a href=\"";
        attr(out, route_list_href(1, links));
        out += "\">";
        html_escape_append(out, site->title);
        out += "</a></span> · ";
    }
    out += "<span>Rendered in your browser by wasm-blog</span></footer>\n";
    out += kTopLink;
    return out;
}

std::string with_site(std::string_view title, const SiteIndex* site) {
    std::string t(title);
    if (site && !site->title.empty()) t += (t.empty() ? "" : " | ") + site->title;
    return t;
}

std::optional<Summary> summary_of(const Post& post, const SummaryLookup& summaries) {
    if (post.summary) return Summary{*post.summary, post.truncated};
    if (summaries) return summaries(post);
    return std::nullopt;
}

std::string problems_notice(const SiteIndex& site) {
    if (site.problems.empty()) return {};
    const std::string source = site.source.empty() ? "index.json" : site.source;
    const size_t n = site.problems.size();
    std::string out = "<div class=\"notice notice-warn\" role=\"status\"><p>";
    if (site.skipped_entries == n) {  // only whole post entries
        out += n == 1 ? "One entry of " : std::to_string(n) + " entries of ";
        html_escape_append(out, source);
        out += n == 1 ? " was left out:" : " were left out:";
    } else {
        out += "Left out of ";
        html_escape_append(out, source);
        out += ":";
    }
    out += "</p><ul>";
    for (const std::string& p : site.problems) {
        out += "<li>";
        html_escape_append(out, p);
        out += "</li>";
    }
    out += "</ul></div>\n";
    return out;
}

std::string toc_html(const std::vector<Heading>& headings, const Post& post, const RouteLinks& links,
                     bool open, const std::string& label) {
    std::vector<const Heading*> entries;
    for (const Heading& h : headings)
        if (h.level >= 2 && h.level <= 4) entries.push_back(&h);
    if (entries.size() < 2) return {};
    int base = 4;
    for (const Heading* h : entries) base = std::min(base, h->level);
    std::string out =
        std::string(open ? "<div class=\"toc\"><details open>" : "<div class=\"toc\"><details>") +
        "<summary accesskey=\"c\" title=\"(Alt + C)\">"
        "<span class=\"details\">" + html_escape(label) + "</span></summary><div class=\"inner\">";
    int depth = 0;
    for (const Heading* h : entries) {
        int want = h->level - base + 1;
        if (depth == 0) {
            out += "<ul>";
            depth = 1;
        } else if (want > depth) {
            out += "<ul>";  // inside the open <li>; never skips a level
            ++depth;
        } else {
            out += "</li>";
            for (; depth > std::max(want, 1); --depth) out += "</ul></li>";
        }
        out += "<li><a href=\"";
        attr(out, route_post_href(post, h->id, links));
        out += "\" aria-label=\"";
        attr(out, h->text);
        out += "\">";
        html_escape_append(out, h->text);
        out += "</a>";
    }
    out += "</li>";
    for (; depth > 1; --depth) out += "</ul></li>";
    out += "</ul></div></details></div>\n";
    return out;
}


// PaperMod's cover: <figure class="entry-cover"><img …>[<figcaption>]</figure>;
// "" when the image, once resolved against the index, is not safe to show.
std::string cover_html(const Post& post, std::string_view index_url, bool single, const RenderedMarkdown* body = nullptr) {
    if (!post.cover) return {};
    const Cover& c = *post.cover;
    if (single ? c.hidden_in_single : c.hidden_in_list) return {};
    const std::string src = index_url.empty() ? c.image : url_resolve(index_url, c.image);
    if (!url_is_safe(src, UrlUse::Image)) return {};
    std::string out = "<figure class=\"entry-cover\"><img loading=\"";
    out += single ? "eager" : "lazy";
    out += "\" src=\"";
    url_escape_append(out, src);
    out += "\" alt=\"";
    attr(out, c.alt);
    out += "\">";
    // The caption is Markdown, shown once the post is rendered
    // (page_render_post); none when it renders to nothing visible (an
    // archetype's "<text>" placeholder).
    if (single && body && body->cover_caption_html.find_first_not_of(" \n") != std::string::npos &&
        body->cover_caption_html.rfind("<!--", 0) != 0)
        out += "<figcaption>" + body->cover_caption_html + "</figcaption>";
    out += "</figure>\n";
    return out;
}

// PaperMod's home info: title, text (a blank line starts a paragraph) and
// the social links, in place of the newest post's first-entry.
std::string home_info_html(const HomeInfo& info) {
    std::string out = "<article class=\"first-entry home-info\">\n<header class=\"entry-header\"><h1>";
    html_escape_append(out, info.title);
    out += "</h1></header>\n<div class=\"entry-content\">";
    size_t at = 0;
    const std::string& text = info.content;
    while (at < text.size()) {
        size_t end = text.find("\n\n", at);
        if (end == std::string::npos) end = text.size();
        const size_t b = text.find_first_not_of(" \t\r\n", at);
        if (b != std::string::npos && b < end) {
            size_t e = text.find_last_not_of(" \t\r\n", end - 1);
            out += "<p>";
            html_escape_append(out, std::string_view(text).substr(b, e - b + 1));
            out += "</p>";
        }
        at = end + 2;
    }
    out += "</div>\n";
    if (!info.social_icons.empty()) {
        out += "<footer class=\"entry-footer\"><div class=\"social-icons\">";
        for (const SocialIcon& icon : info.social_icons) {
            std::string href;
            url_escape_append(href, icon.url);
            if (!url_is_safe(href, UrlUse::Link)) continue;
            out += "<a href=\"" + href + "\" target=\"_blank\" rel=\"noopener noreferrer me\" title=\"";
            attr(out, icon.name);
            out += "\">";
            html_escape_append(out, icon.name);
            out += "</a>";
        }
        out += "</div></footer>\n";
    }
    out += "</article>\n";
    return out;
}

// A copy button at the end of each <pre> of a rendered post.
std::string with_copy_buttons(const std::string& html, const std::string& label) {
    const std::string kButton =
        "<button type=\"button\" class=\"copy-code\" data-action=\"copy-code\">" + html_escape(label) + "</button>";
    std::string out;
    out.reserve(html.size() + 512);
    size_t at = 0;
    for (size_t end; (end = html.find("</pre>", at)) != std::string::npos; at = end + 6) {
        out.append(html, at, end - at);
        out += kButton;
        out += "</pre>";
    }
    out.append(html, at, std::string::npos);
    return out;
}
}  // namespace

std::string view_date(const Post& post, const SiteIndex* site) {
    if (!post.date) return {};
    std::string out = "<span title=\"";
    attr(out, date_format_tooltip(*post.date));
    out += "\">";
    html_escape_append(out, site ? date_format_layout(*post.date, site->date_format, site->text.dates)
                                 : date_format_long(*post.date));
    out += "</span>";
    return out;
}


namespace {
// Saturating: a paged index's "total" is the index's word, whatever it says.
int page_count(size_t posts, int page_size) {
    const size_t size = size_t(std::max(1, page_size));
    const size_t pages = posts / size + (posts % size != 0);
    return int(std::clamp<size_t>(pages, 1, size_t(std::numeric_limits<int>::max())));
}
}  // namespace

int view_page_count(const SiteIndex& site, const ListQuery& query) {
    return page_count(query.total ? query.total : index_listed(site, query.taxonomy, query.tag).size(), query.page_size);
}

std::string view_list_entry(const Post& post, const std::optional<Summary>& summary, const RouteLinks& links,
                            std::string_view article_class, std::string_view index_url, const SiteIndex* site) {
    std::string out = "<article class=\"";
    attr(out, article_class);
    out += "\">\n";
    out += cover_html(post, index_url, false);
    out += "<header class=\"entry-header\"><h2 class=\"entry-hint-parent\">";
    html_escape_append(out, post.title);
    out += "</h2></header>\n";
    if (summary && !summary->text.empty()) {
        out += "<div class=\"entry-content\"><p>";
        html_escape_append(out, summary->text);
        if (summary->truncated) out += "...";
        out += "</p></div>\n";
    }
    std::string date = view_date(post, site);
    if (!date.empty() || !post.author.empty()) {
        out += "<footer class=\"entry-footer\">" + date;
        if (!date.empty() && !post.author.empty()) out += kSep;
        html_escape_append(out, post.author);
        out += "</footer>\n";
    }
    out += "<a class=\"entry-link\" aria-label=\"post link to ";
    attr(out, post.title);
    out += "\" href=\"";
    attr(out, route_post_href(post, {}, links));
    out += "\"></a>\n</article>\n";
    return out;
}

Screen view_list(const SiteIndex& site, const ListQuery& query, const SummaryLookup& summaries,
                 const RouteLinks& links, std::string_view index_url) {
    std::vector<const Post*> posts = index_listed(site, query.taxonomy, query.tag);
    // The term as its first post spells it ("macOS" at /tags/macos/).
    std::string term_name = query.tag;
    if (!posts.empty()) {
        const std::string key = url_term_key(query.tag);
        for (const std::string& t : index_post_terms(*posts[0], query.taxonomy))
            if (url_term_key(t) == key) {
                term_name = t;
                break;
            }
    }
    const int pages = page_count(query.total ? query.total : posts.size(), query.page_size);
    const size_t size = size_t(std::max(1, query.page_size));
    const bool is_term = !query.tag.empty();
    const bool is_category = query.taxonomy == Taxonomy::Categories;
    if (query.page < 1 || query.page > pages) {
        std::string msg = "Page " + std::to_string(query.page) + " does not exist: the list has " +
                          std::to_string(pages) + (pages == 1 ? " page." : " pages.");
        return view_not_found(&site, "Page not found", msg, links);
    }
    if (is_term && posts.empty()) {
        return is_category ? view_not_found(&site, "Category not found",
                                            "No post is in the category " + view_quote(query.tag) + ".", links)
                           : view_not_found(&site, "Tag not found", "No post has the tag " + view_quote(query.tag) + ".",
                                            links);
    }

    std::string main;
    if (is_term) {
        main += "<header class=\"page-header\"><h1>";
        html_escape_append(main, term_name);
        main += "</h1></header>\n";
    }
    main += problems_notice(site);
    const bool home_first = !is_term && query.page == 1;
    if (home_first && site.home_info) main += home_info_html(*site.home_info);
    if (posts.empty()) main += "<p class=\"empty\">No posts yet.</p>\n";
    const size_t first = size_t(query.page - 1) * size;
    for (size_t i = first; i < posts.size() && i < first + size; ++i) {
        // PaperMod's term pages (a tag's or a category's) mark their entries "tag-entry".
        const char* cls = is_term ? "post-entry tag-entry"
                          : home_first && i == 0 && !site.home_info ? "first-entry post-entry"
                                                                      : "post-entry";
        main += view_list_entry(*posts[i], summary_of(*posts[i], summaries), links, cls, index_url, &site);
    }
    if (pages > 1) {
        auto href = [&](int page) {
            return is_term ? route_term_href(query.taxonomy, query.tag, page, links) : route_list_href(page, links);
        };
        main += "<footer class=\"page-footer\"><nav class=\"pagination\">";
        // PaperMod's showPageNums: "«&nbsp;Prev&nbsp;1/3", "Next&nbsp;3/3&nbsp;»".
        auto nums = [&](int page) {
            return site.show_page_nums ? "&nbsp;" + std::to_string(page) + "/" + std::to_string(pages) : std::string();
        };
        if (query.page > 1)
            main += "<a class=\"prev\" href=\"" + html_escape(href(query.page - 1)) + "\">«&nbsp;" + html_escape(site.text.prev) +
                    nums(query.page - 1) + "</a>";
        if (query.page < pages)
            main += "<a class=\"next\" href=\"" + html_escape(href(query.page + 1)) + "\">" + html_escape(site.text.next) + nums(query.page + 1) +
                    "&nbsp;»</a>";
        main += "</nav></footer>\n";
    }
    std::string title = is_term ? term_name : std::string();
    if (query.page > 1) title += (title.empty() ? "" : " · ") + i18n_count(site.text.page, query.page);
    const std::string current = is_term ? route_terms_href(query.taxonomy, links) : route_list_href(1, links);
    const char* kind = !is_term ? "list" : is_category ? "category" : "tag";
    return Screen{page_shell(&site, main, links, current, true), with_site(title, &site), kind};
}

Screen view_post(const SiteIndex& site, const Post& post, const RenderedMarkdown* body, const RouteLinks& links,
                 std::string_view index_url) {
    const PostSwitches show = index_post_switches(site, post);
    std::string main = "<article class=\"post-single\">\n<header class=\"post-header\">";
    if (show.show_bread_crumbs)
        main += "<div class=\"breadcrumbs\"><a href=\"" + html_escape(route_list_href(1, links)) + "\">" + html_escape(site.text.home) + "</a></div>\n";
    main += "<h1 class=\"post-title\">";
    html_escape_append(main, post.title);
    main += "</h1>\n";
    if (!post.description.empty()) {
        main += "<div class=\"post-description\">";
        html_escape_append(main, post.description);
        main += "</div>\n";
    }
    main += "<div class=\"post-meta\">";
    std::string meta = view_date(post, &site);
    auto add = [&](const std::string& part) {
        if (part.empty()) return;
        if (!meta.empty()) meta += kSep;
        meta += part;
    };
    const size_t minutes = body ? std::max<size_t>(1, body->reading_minutes) : 0;
    if (body && show.show_reading_time) add(html_escape(i18n_plural(site.text.reading_time, site.language, (long long)minutes)));
    if (body && show.show_word_count)
        add(html_escape(i18n_plural(site.text.words, site.language, (long long)body->word_count)));
    add(html_escape(post.author));
    main += meta + "</div>\n</header>\n";
    main += cover_html(post, index_url, true, body);
    if (!body) {
        main += "<p class=\"loading\" aria-busy=\"true\">Loading…</p>\n</article>\n";
        return Screen{page_shell(&site, main, links, {}, false, &post), with_site(post.title, &site), "loading"};
    }
    if (show.show_toc) main += toc_html(body->headings, post, links, show.toc_open, site.text.toc);
    main += "<div class=\"post-content\">";
    main += show.show_code_copy_buttons ? with_copy_buttons(body->html, site.text.copy) : body->html;
    main += "</div>\n<footer class=\"post-footer\">";
    if (!post.tags.empty()) {
        main += "<ul class=\"post-tags\">";
        for (const std::string& tag : post.tags) {
            main += "<li><a href=\"" + html_escape(route_tag_href(tag, 1, links)) + "\">";
            html_escape_append(main, tag);
            main += "</a></li>";
        }
        main += "</ul>";
    }
    std::vector<const Post*> listed = index_listed(site);
    auto it = std::find(listed.begin(), listed.end(), &post);
    if (show.show_post_nav_links && it != listed.end() && listed.size() > 1) {
        const Post* newer = it == listed.begin() ? nullptr : *(it - 1);
        const Post* older = it + 1 == listed.end() ? nullptr : *(it + 1);
        main += "<nav class=\"paginav\">";
        if (newer) {
            main += "<a class=\"prev\" href=\"" + html_escape(route_post_href(*newer, {}, links)) +
                    "\"><span class=\"title\">«&nbsp;" + html_escape(site.text.prev) + "</span><br><span>";
            html_escape_append(main, newer->title);
            main += "</span></a>";
        }
        if (older) {
            main += "<a class=\"next\" href=\"" + html_escape(route_post_href(*older, {}, links)) +
                    "\"><span class=\"title\">" + html_escape(site.text.next) + "&nbsp;»</span><br><span>";
            html_escape_append(main, older->title);
            main += "</span></a>";
        }
        main += "</nav>";
    }
    main += "</footer>\n</article>\n";
    return Screen{page_shell(&site, main, links, {}, false, &post), with_site(post.title, &site), "post"};
}

Screen view_terms(const SiteIndex& site, Taxonomy taxonomy, const RouteLinks& links) {
    // Terms merged by their key (url_term_key, as Hugo merges "macOS" and
    // "MacOS"), named as the first listed post spells them, in the keys'
    // order; a post's term counts once. Sorted, then counted in runs: n log n
    // in the terms of the listed posts (a search per term made 10^5 tags a
    // 17-second screen).
    std::vector<std::pair<std::string, std::string_view>> all, own;  // key, name
    for (const Post* post : index_listed(site)) {
        own.clear();
        for (const std::string& t : index_post_terms(*post, taxonomy)) own.emplace_back(url_term_key(t), t);
        std::stable_sort(own.begin(), own.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        own.erase(std::unique(own.begin(), own.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                  own.end());
        all.insert(all.end(), own.begin(), own.end());
    }
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::pair<std::string_view, size_t>> terms;
    for (size_t i = 0, end; i < all.size(); i = end) {
        for (end = i + 1; end < all.size() && all[end].first == all[i].first;) ++end;
        terms.emplace_back(all[i].second, end - i);
    }
    const std::string heading = taxonomy == Taxonomy::Tags         ? site.text.tags
                                : taxonomy == Taxonomy::Categories ? site.text.categories
                                                                   : std::string(taxonomy_title(taxonomy));
    std::string main = "<header class=\"page-header\"><h1>" + heading + "</h1></header>\n";
    if (terms.empty()) {
        main += "<p class=\"empty\">No " + std::string(taxonomy_name(taxonomy)) + " yet.</p>\n";
    } else {
        main += "<ul class=\"terms-tags\">";  // PaperMod's class for every taxonomy's terms
        const size_t shown = std::min(terms.size(), kMaxIndexTerms);
        for (size_t i = 0; i < shown; ++i) {
            const auto& [term, count] = terms[i];
            main += "<li><a href=\"" + html_escape(route_term_href(taxonomy, term, 1, links)) + "\">";
            html_escape_append(main, term);
            main += " <sup><strong><sup>" + std::to_string(count) + "</sup></strong></sup></a></li>";
        }
        main += "</ul>\n";
        if (shown < terms.size())  // the page's size stays bounded, whatever the index holds
            main += "<p class=\"terms-more\">The first " + std::to_string(shown) + " of " +
                    std::to_string(terms.size()) + " " + std::string(taxonomy_name(taxonomy)) + " are listed.</p>\n";
    }
    return Screen{page_shell(&site, main, links, route_terms_href(taxonomy, links), true), with_site(heading, &site),
                  taxonomy == Taxonomy::Categories ? "categories" : "tags"};
}

Screen view_tags(const SiteIndex& site, const RouteLinks& links) { return view_terms(site, Taxonomy::Tags, links); }

namespace {

// " <sup class="archive-count">n</sup>" after a year's or a month's name.
std::string archive_count(size_t n) { return "<sup class=\"archive-count\">&nbsp;&nbsp;" + std::to_string(n) + "</sup>"; }

std::string archive_entry(const SiteIndex& site, const Post& post, const RouteLinks& links) {
    std::string out = "<div class=\"archive-entry\"><h3 class=\"archive-entry-title\"><a href=\"";
    attr(out, route_post_href(post, {}, links));
    out += "\">";
    html_escape_append(out, post.title);
    out += "</a></h3><div class=\"archive-meta\">";
    std::string date = view_date(post, &site);
    out += date;
    if (!date.empty() && !post.author.empty()) out += kSep;
    html_escape_append(out, post.author);
    out += "</div></div>\n";
    return out;
}

}  // namespace

Screen view_archive(const SiteIndex& site, const RouteLinks& links) {
    // Grouped by the year and month each post shows (its own offset), the
    // groups newest first and, within one, the index's order (newest first).
    std::vector<const Post*> posts = index_listed(site);
    auto key = [](const Post* p) { return p->date ? p->date->year * 12 + (p->date->month - 1) : -1; };
    // By date, not the list's order (a weight pins a post in the list only).
    std::stable_sort(posts.begin(), posts.end(), [&](const Post* a, const Post* b) {
        if (key(a) != key(b)) return key(a) > key(b);
        return a->date && b->date && date_unix_seconds(*a->date) > date_unix_seconds(*b->date);
    });

    std::string main = "<header class=\"page-header\"><h1>" + html_escape(site.text.archive) + "</h1></header>\n";
    if (posts.empty()) main += "<p class=\"empty\">No posts yet.</p>\n";
    for (size_t i = 0; i < posts.size();) {
        const Post& first = *posts[i];
        const bool dated = first.date.has_value();
        size_t year_end = i;
        while (year_end < posts.size() && (dated ? posts[year_end]->date && posts[year_end]->date->year == first.date->year
                                                 : !posts[year_end]->date))
            ++year_end;
        main += "<div class=\"archive-year\"><h2 class=\"archive-year-header\">";
        main += dated ? std::to_string(first.date->year) : std::string("Undated");
        main += archive_count(year_end - i) + "</h2>\n";
        if (!dated) {
            main += "<div class=\"archive-posts\">\n";
            for (; i < year_end; ++i) main += archive_entry(site, *posts[i], links);
            main += "</div>\n</div>\n";
            continue;
        }
        while (i < year_end) {
            const int month = posts[i]->date->month;
            size_t month_end = i;
            while (month_end < year_end && posts[month_end]->date->month == month) ++month_end;
            main += "<div class=\"archive-month\"><h3 class=\"archive-month-header\">";
            html_escape_append(main, date_format_layout(*posts[i]->date, "January", site.text.dates));
            main += archive_count(month_end - i) + "</h3>\n<div class=\"archive-posts\">\n";
            for (; i < month_end; ++i) main += archive_entry(site, *posts[i], links);
            main += "</div>\n</div>\n";
        }
        main += "</div>\n";
    }
    return Screen{page_shell(&site, main, links, route_archive_href(links), true), with_site(site.text.archive, &site), "archive"};
}

namespace {

// A post of the search results as PaperMod's list shows one: its title
// (`title_html`, escaped and marked), `content` under it, the date and tags
// (marked with `words`), the link over the whole entry.
void search_entry(std::string& main, const SiteIndex& site, const Post& post, const std::string& title_html,
                  const std::string& content, const std::vector<std::string>& words, const RouteLinks& links) {
    main += "<li class=\"post-entry\"><header class=\"entry-header\"><h2 class=\"entry-hint-parent\">";
    main += title_html;
    main += "</h2></header>";
    main += content;
    std::string footer = view_date(post, &site);
    if (!post.tags.empty()) {
        if (!footer.empty()) footer += kSep;
        for (size_t t = 0; t < post.tags.size(); ++t)
            footer += (t ? ", #" : "#") + search_highlight(post.tags[t], words);
    }
    if (!footer.empty()) main += "<footer class=\"entry-footer\">" + footer + "</footer>";
    main += "<a class=\"entry-link\" aria-label=\"post link to ";
    attr(main, post.title);
    main += "\" href=\"";
    attr(main, route_post_href(post, {}, links));
    main += "\"></a></li>\n";
}

// The full-text results: each post with its best sections, each section's
// heading a link to it (the text before the first heading links to the post).
void fulltext_results(std::string& main, const SiteIndex& site, const FulltextView& view,
                      const std::vector<std::string>& words, const RouteLinks& links) {
    for (const FulltextResult& result : view.results) {
        const Post& post = *result.post;
        std::string content;
        if (!result.excerpts.sections.empty()) {
            content += "<ul class=\"search-sections\">";
            for (const FulltextExcerpt& section : result.excerpts.sections) {
                content += "<li>";
                if (!section.heading_id.empty()) {
                    content += "<a class=\"search-section\" href=\"";
                    attr(content, route_post_href(post, section.heading_id, links));
                    content += "\">" + section.heading_html + "</a>";
                }
                if (!section.html.empty()) content += "<p>" + section.html + "</p>";
                content += "</li>";
            }
            content += "</ul>";
        } else if (result.excerpts.title_html.empty() && post.summary && !post.summary->empty()) {
            content += "<div class=\"entry-content\"><p>" + search_highlight(*post.summary, words);
            if (post.truncated) content += "...";
            content += "</p></div>";
        }
        search_entry(main, site, post,
                     result.excerpts.title_html.empty() ? search_highlight(post.title, words) : result.excerpts.title_html,
                     content, words, links);
    }
}

}  // namespace

Screen view_search(const SiteIndex& site, const SearchIndex& index, std::string_view query,
                   const RouteLinks& links, const FulltextView* fulltext) {
    const bool full = fulltext && !fulltext->busy && fulltext->problem.empty();
    std::string main =
        "<header class=\"page-header\"><h1>" + html_escape(site.text.search) +
        "</h1></header>\n<div id=\"searchbox\" role=\"search\">"
        "<label class=\"search-label\" for=\"searchInput\">";
    main += site.search.empty() ? "Search the posts by title, tag or summary" : "Search the posts";
    main += "</label>"
        "<input id=\"searchInput\" type=\"search\" data-action=\"search\" placeholder=\"" +
        html_escape(site.text.search) + " \u21b5\" autocomplete=\"off\" spellcheck=\"false\" value=\"";
    attr(main, query);
    main += "\">\n";
    if (fulltext && !fulltext->problem.empty()) {
        main += "<div class=\"notice notice-error\" role=\"alert\"><p>";
        html_escape_append(main, fulltext->problem);
        main += "</p><p><button type=\"button\" class=\"retry\" data-action=\"retry\">Try again</button></p></div>\n";
    }
    main += fulltext && fulltext->busy ? "<ul id=\"searchResults\" aria-label=\"search results\" aria-busy=\"true\">"
                                       : "<ul id=\"searchResults\" aria-label=\"search results\">";
    const std::vector<std::string> words = search_words(query);
    size_t total = 0, shown = 0;
    if (full) {
        fulltext_results(main, site, *fulltext, words, links);
        total = fulltext->total;
        shown = kFulltextShown;
    } else {
        const std::vector<SearchHit> hits = search_run(index, words);
        for (size_t i = 0; i < hits.size() && i < kSearchShown; ++i) {
            const Post& post = site.posts[hits[i].post];
            std::string content;
            if (post.summary && !post.summary->empty()) {
                content += "<div class=\"entry-content\"><p>" + search_highlight(*post.summary, words);
                if (post.truncated) content += "...";
                content += "</p></div>";
            }
            search_entry(main, site, post, search_highlight(post.title, words), content, words, links);
        }
        total = hits.size();
        shown = kSearchShown;
    }
    main += "</ul>\n";
    const bool settled = !fulltext || full;
    if (settled && !words.empty() && total == 0) {
        size_t b = query.find_first_not_of(" \t\r\n"), e = query.find_last_not_of(" \t\r\n");
        main += "<p class=\"search-empty\">No posts match ";
        html_escape_append(main, view_quote(query.substr(b, e - b + 1)));
        main += ".</p>\n";
    } else if (settled && total > shown) {
        main += "<p class=\"search-more\">" + std::to_string(total) + " posts match; the first " +
                std::to_string(shown) + " are shown. More words narrow the search.</p>\n";
    }
    main += "</div>\n";
    return Screen{page_shell(&site, main, links, route_search_href({}, links), true), with_site(site.text.search, &site), "search"};
}

std::string view_quote(std::string_view text) {
    if (text.size() <= kQuoteMaxBytes) return "\u201c" + std::string(text) + "\u201d";
    return "\u201c" + utf8_truncate(text, kQuoteMaxBytes) + "\u2026\u201d";
}

Screen view_not_found(const SiteIndex* site, std::string_view heading, std::string_view message,
                      const RouteLinks& links) {
    std::string main = "<div class=\"not-found\" role=\"alert\"><h1>";
    html_escape_append(main, heading);
    main += "</h1><p>";
    html_escape_append(main, message);
    main += "</p><p><a class=\"back\" href=\"" + html_escape(route_list_href(1, links)) +
            "\">« Back to the list</a></p></div>\n";
    return Screen{page_shell(site, main, links), with_site(heading, site), "not-found"};
}

Screen view_error(const SiteIndex* site, std::string_view message, ErrorAction action, const RouteLinks& links) {
    std::string main = "<div class=\"notice notice-error\" role=\"alert\"><p>";
    html_escape_append(main, message);
    main += "</p>";
    if (action == ErrorAction::Retry) main += "<p><button type=\"button\" class=\"retry\" data-action=\"retry\">Try again</button></p>";
    main += "</div>\n";
    return Screen{page_shell(site, main, links), with_site("Error", site), "error"};
}

Screen view_loading(const SiteIndex* site, const RouteLinks& links) {
    return Screen{page_shell(site, "<p class=\"loading\" aria-busy=\"true\">Loading…</p>\n", links),
                  with_site("", site), "loading"};
}

}  // namespace blog
