#include "core/document/document.hpp"

#include <nlohmann/json.hpp>

#include "core/html/escape.hpp"

namespace blog {

namespace {

void meta_tag(std::string& out, const char* attr, const char* name, const std::string& content) {
    if (content.empty()) return;
    out.append("<meta ").append(attr).append("=\"").append(name).append("\" content=\"");
    html_escape_append(out, content);
    out.append("\">\n");
}

// JSON for a <script type="application/ld+json"> block: '<' only occurs in
// strings, where \u003c stands for it, so no "</script>" or "<!--" can end or
// change the block whatever the post's title says.
std::string script_safe_json(const nlohmann::json& value) {
    std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        if (c == '<') out.append("\\u003c");
        else out.push_back(c);
    }
    return out;
}

}  // namespace

std::string document_head(const DocumentMeta& meta) {
    std::string out = "<title>";
    html_escape_append(out, meta.title);
    out.append("</title>\n");
    meta_tag(out, "name", "description", meta.description);
    if (!meta.canonical_url.empty()) {
        out.append("<link rel=\"canonical\" href=\"");
        html_escape_append(out, meta.canonical_url);
        out.append("\">\n");
    }
    for (const auto& [lang, url] : meta.alternates) {
        out.append("<link rel=\"alternate\" hreflang=\"");
        html_escape_append(out, lang);
        out.append("\" href=\"");
        html_escape_append(out, url);
        out.append("\">\n");
    }
    meta_tag(out, "property", "og:title", meta.article ? meta.article->headline : meta.title);
    meta_tag(out, "property", "og:description", meta.description);
    meta_tag(out, "property", "og:type", meta.article ? "article" : "website");
    meta_tag(out, "property", "og:url", meta.canonical_url);
    meta_tag(out, "property", "og:site_name", meta.site_name);
    meta_tag(out, "property", "og:image", meta.image);
    if (!meta.article) return out;

    const DocumentMeta::Article& a = *meta.article;
    if (a.published) meta_tag(out, "property", "article:published_time", date_format_rfc3339(*a.published));
    if (a.modified) meta_tag(out, "property", "article:modified_time", date_format_rfc3339(*a.modified));
    for (const std::string& tag : a.tags) meta_tag(out, "property", "article:tag", tag);

    nlohmann::json ld = {{"@context", "https://schema.org"}, {"@type", "BlogPosting"}, {"headline", a.headline}};
    if (!meta.description.empty()) ld["description"] = meta.description;
    if (a.published) ld["datePublished"] = date_format_rfc3339(*a.published);
    if (a.modified || a.published) ld["dateModified"] = date_format_rfc3339(a.modified ? *a.modified : *a.published);
    if (!a.author.empty()) ld["author"] = {{"@type", "Person"}, {"name", a.author}};
    if (!meta.canonical_url.empty()) ld["mainEntityOfPage"] = {{"@type", "WebPage"}, {"@id", meta.canonical_url}};
    if (!meta.image.empty()) ld["image"] = meta.image;
    if (!a.tags.empty()) ld["keywords"] = a.tags;
    out.append("<script type=\"application/ld+json\">").append(script_safe_json(ld)).append("</script>\n");
    return out;
}

}  // namespace blog
