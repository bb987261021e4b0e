#include "core/route/route.hpp"

#include "core/url/url.hpp"

namespace blog {

namespace {

// Positive page numbers without leading zeros or signs; 0 when invalid.
int parse_page(std::string_view s) {
    if (s.empty() || s.size() > 9 || s[0] == '0') return 0;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return 0;
        v = v * 10 + (c - '0');
    }
    return v;
}

Route not_found(std::string_view hash) {
    Route r;
    r.kind = Route::Kind::NotFound;
    r.raw = std::string(hash);
    return r;
}

}  // namespace

Route route_parse(std::string_view hash) {
    std::string_view h = hash;
    if (!h.empty() && h[0] == '#') h.remove_prefix(1);
    Route r;
    r.raw = std::string(hash);
    if (h.empty() || h == "/") return r;
    if (h[0] != '/') return not_found(hash);
    h.remove_prefix(1);
    if (!h.empty() && h.back() == '/' && h.find('#') == std::string_view::npos) h.remove_suffix(1);

    auto take = [&](std::string_view prefix) {
        if (h.substr(0, prefix.size()) != prefix) return false;
        h.remove_prefix(prefix.size());
        return true;
    };
    if (take("page/")) {
        r.page = parse_page(h);
        return r.page ? r : not_found(hash);
    }
    if (take("posts/")) {
        size_t sharp = h.find('#');
        std::string_view slug = h.substr(0, sharp);
        if (slug.empty() || slug.find('/') != std::string_view::npos) return not_found(hash);
        r.kind = Route::Kind::Post;
        r.slug = url_percent_decode(slug);
        if (sharp != std::string_view::npos) r.anchor = url_percent_decode(h.substr(sharp + 1));
        return r;
    }
    if (take("tags/")) {
        size_t slash = h.find('/');
        std::string_view tag = h.substr(0, slash);
        if (tag.empty()) return not_found(hash);
        r.kind = Route::Kind::Tag;
        r.tag = url_percent_decode(tag);
        if (slash != std::string_view::npos) {
            std::string_view rest = h.substr(slash + 1);
            if (rest.substr(0, 5) != "page/") return not_found(hash);
            r.page = parse_page(rest.substr(5));
            if (!r.page) return not_found(hash);
        }
        return r;
    }
    return not_found(hash);
}

std::string route_list_href(int page) {
    return page <= 1 ? "#/" : "#/page/" + std::to_string(page);
}

std::string route_post_href(std::string_view slug, std::string_view anchor) {
    std::string href = "#/posts/" + url_percent_encode(slug);
    if (!anchor.empty()) href += "#" + url_percent_encode(anchor);
    return href;
}

std::string route_tag_href(std::string_view tag, int page) {
    std::string href = "#/tags/" + url_percent_encode(tag);
    if (page > 1) href += "/page/" + std::to_string(page);
    return href;
}

std::string route_href(const Route& route) {
    switch (route.kind) {
        case Route::Kind::List: return route_list_href(route.page);
        case Route::Kind::Post: return route_post_href(route.slug, route.anchor);
        case Route::Kind::Tag: return route_tag_href(route.tag, route.page);
        case Route::Kind::NotFound: break;
    }
    return route.raw;
}

}  // namespace blog
