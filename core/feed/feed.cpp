#include "core/feed/feed.hpp"

#include "core/html/escape.hpp"
#include "core/route/route.hpp"
#include "core/url/url.hpp"
#include "core/util/utf8.hpp"

namespace blog {

namespace {

// XML text, for every field of every XML file here (element text and
// attribute values alike): escaped, and holding only characters XML 1.0
// allows (its Char production), else the file is not well-formed and
// readers refuse all of it. An index field or a post may hold any of them:
// C0 controls but tab, LF and CR are dropped; U+FFFE, U+FFFF and bytes that
// are not UTF-8 (encoded surrogates included) become U+FFFD. C1 controls
// (U+0080..U+009F) are allowed in XML 1.0 and kept.
void xml_text_append(std::string& out, std::string_view text) {
    Utf8Repair repair;  // the bad sequences as U+FFFD; then text is well-formed UTF-8
    if (utf8_valid_prefix(text) != text.size()) {
        repair = utf8_repair(text);
        text = repair.text;
    }
    std::string clean;
    clean.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char u = static_cast<unsigned char>(text[i]);
        if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') continue;
        // U+FFFE and U+FFFF: EF BF BE, EF BF BF (a lead byte EF is never a continuation).
        if (u == 0xEF && i + 2 < text.size() && text[i + 1] == '\xBF' &&
            (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
            clean += "\xEF\xBF\xBD";
            i += 2;
            continue;
        }
        clean.push_back(text[i]);
    }
    html_escape_append(out, clean);
}

void element(std::string& out, const char* indent, const char* name, std::string_view text) {
    out.append(indent).append("<").append(name).append(">");
    xml_text_append(out, text);
    out.append("</").append(name).append(">\n");
}

}  // namespace

std::string feed_post_url(std::string_view base_url, const Post& post) {
    return std::string(base_url) + url_path_encode(index_post_path(post));
}

std::string feed_rss(const SiteIndex& site, const FeedOptions& options, const FeedPostHtml& html) {
    const std::vector<const Post*> posts = index_listed(site, options.taxonomy, options.tag);
    const std::string& base = options.base_url;
    // A term's feed is at its page (Hugo's key: "tags/ci/cd/"), named as its
    // newest post spells it ("macOS" at tags/macos/).
    const std::string home =
        options.tag.empty() ? base : route_term_href(options.taxonomy, options.tag, 1, RouteLinks::paths(base));
    std::string term = options.tag;
    if (!posts.empty() && !term.empty()) {
        const std::string key = url_term_key(term);
        for (const std::string& t : index_post_terms(*posts[0], options.taxonomy))
            if (url_term_key(t) == key) {
                term = t;
                break;
            }
    }
    const std::string title = term.empty() ? site.title : term + " on " + site.title;

    std::string out =
        "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n"
        "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
        "  <channel>\n";
    element(out, "    ", "title", title);
    element(out, "    ", "link", home);
    element(out, "    ", "description", "Recent content on " + title);
    element(out, "    ", "generator", "wasm-blog");
    element(out, "    ", "language", options.language);
    for (const Post* p : posts) {  // newest first: the first dated post is the newest
        if (!p->date) continue;
        element(out, "    ", "lastBuildDate", date_format_rfc1123z(*p->date));
        break;
    }
    out.append("    <atom:link href=\"");
    xml_text_append(out, home + "index.xml");
    out.append("\" rel=\"self\" type=\"application/rss+xml\" />\n");

    size_t count = 0;
    for (const Post* p : posts) {
        if (options.limit && count++ == options.limit) break;
        const std::string link = feed_post_url(base, *p);
        out.append("    <item>\n");
        element(out, "      ", "title", p->title);
        element(out, "      ", "link", link);
        if (p->date) element(out, "      ", "pubDate", date_format_rfc1123z(*p->date));
        if (!p->author.empty()) element(out, "      ", "dc:creator", p->author);
        element(out, "      ", "guid", link);
        std::optional<std::string> body = html ? html(*p) : std::nullopt;
        element(out, "      ", "description", body ? *body : p->summary.value_or(""));
        out.append("    </item>\n");
    }
    out.append("  </channel>\n</rss>\n");
    return out;
}

std::string feed_sitemap(std::string_view base_url, const std::vector<SitemapEntry>& entries) {
    std::string out =
        "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const SitemapEntry& e : entries) {
        out.append("  <url>\n");
        element(out, "    ", "loc", std::string(base_url) + e.path);
        if (e.lastmod) element(out, "    ", "lastmod", date_format_rfc3339(*e.lastmod));
        out.append("  </url>\n");
    }
    out.append("</urlset>\n");
    return out;
}

std::string feed_robots(std::string_view base_url) {
    return "User-agent: *\nAllow: /\nSitemap: " + std::string(base_url) + "sitemap.xml\n";
}

}  // namespace blog
