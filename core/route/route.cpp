#include "core/route/route.hpp"

#include "core/index/post_index.hpp"
#include "core/url/url.hpp"
#include "core/util/utf8.hpp"

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

Route not_found(std::string_view raw) {
    Route r;
    r.kind = Route::Kind::NotFound;
    r.raw = std::string(raw);
    return r;
}

// The reader's words in a query string ("q=d%C3%A9j%C3%A0+vu&x=1"): the
// first "q", '+' read as a space (as a form writes it), percent-decoded;
// bytes that are not UTF-8 become U+FFFD (the words are shown and echoed).
std::string search_query(std::string_view qs) {
    for (;;) {
        const size_t amp = qs.find('&');
        const std::string_view pair = qs.substr(0, amp);
        if (pair.substr(0, 2) == "q=") {
            std::string plus(pair.substr(2));
            for (char& c : plus)
                if (c == '+') c = ' ';
            std::string words = url_percent_decode(plus);
            if (utf8_valid_prefix(words) != words.size()) words = utf8_repair(words).text;
            return words;
        }
        if (pair == "q" || amp == std::string_view::npos) return {};
        qs.remove_prefix(amp + 1);
    }
}

// The route below the root, without its leading '/': "", "page/2",
// "posts/x" (with `anchor` apart), "tags", "tags/go/page/2", "categories",
// "categories/notes", "archive", "search" (with its query string apart). A
// trailing '/' has been removed.
Route parse_rest(std::string_view h, std::string_view anchor, std::string_view raw, std::string_view query = {}) {
    Route r;
    r.raw = std::string(raw);
    if (h.empty()) return r;
    if (h[0] == '/') return not_found(raw);  // "#//", "/blog//"
    if (h.substr(0, 5) == "page/" && (h.size() == 5 || (h[5] >= '0' && h[5] <= '9') || h[5] == '-' || h[5] == '+')) {
        h.remove_prefix(5);
        r.page = parse_page(h);
        return r.page ? r : not_found(raw);
    }
    const bool ugly = h.size() > 5 && h.substr(h.size() - 5) == ".html";  // Hugo's uglyURLs: "posts/x.html"
    if (h.substr(0, 6) == "posts/" && h.size() > 6 && h.find('/', 6) == std::string_view::npos && !ugly) {
        r.kind = Route::Kind::Post;
        r.slug = url_percent_decode(h.substr(6));
        r.path = "posts/" + r.slug + "/";
        r.anchor = url_percent_decode(anchor);
        return r;
    }
    if (h == "archive" || h == "archives") {  // "archives": PaperMod's page of the same screen
        r.kind = Route::Kind::Archive;
        return r;
    }
    if (h == "search") {
        r.kind = Route::Kind::Search;
        r.query = search_query(query);
        return r;
    }
    for (Taxonomy taxonomy : kTaxonomies) {
        const std::string_view name = taxonomy_name(taxonomy);
        r.taxonomy = taxonomy;
        if (h == name) {
            r.kind = Route::Kind::Tags;
            return r;
        }
        if (h.substr(0, name.size()) != name || h.substr(name.size(), 1) != "/") continue;
        h.remove_prefix(name.size() + 1);
        // The term may hold '/' (Hugo's "ci/cd" for "CI/CD"); "/page/N" ends it.
        std::string_view term = h;
        if (size_t at = h.rfind("/page/"); at != std::string_view::npos) {
            r.page = parse_page(h.substr(at + 6));
            if (!r.page) return not_found(raw);
            term = h.substr(0, at);
        }
        if (term.empty() || term.find("//") != std::string_view::npos) return not_found(raw);
        r.kind = Route::Kind::Tag;
        r.tag = url_percent_decode(term);
        return r;
    }
    // A post's own place: "posts/2021/x", "about", "posts/x.html", Hugo's
    // "page/about" (a section named page), "archive/2014" (a taxonomy named
    // archive); never a list's page ("page/2x"), a query (Hugo's URLs have
    // none) nor a site's own file.
    if (h.find("//") != std::string_view::npos || h.find('?') != std::string_view::npos || h == "page" ||
        h == "404.html")
        return not_found(raw);
    r = Route{};
    r.raw = std::string(raw);
    r.kind = Route::Kind::Post;
    r.path = url_percent_decode(h);
    if (!ugly) r.path += '/';
    r.anchor = url_percent_decode(anchor);
    return r;
}

std::string normal_root(std::string_view root) {
    std::string r(root);
    if (url_has_scheme(r)) {  // links for a page read elsewhere (a feed): absolute
        if (r.back() != '/') r += '/';
        return r;
    }
    if (r.empty() || r[0] != '/') r.insert(r.begin(), '/');
    if (r.back() != '/') r += '/';
    return r;
}

std::string join(const RouteLinks& links, std::string_view rest) {
    // rest: "" or "posts/x" (no slashes at either end)
    if (links.style == RouteLinks::Style::Hash) return "#/" + std::string(rest);
    std::string out = links.root;
    if (!rest.empty()) {
        out += rest;
        out += '/';
    }
    return out;
}

}  // namespace

RouteLinks RouteLinks::paths(std::string root) {
    RouteLinks links;
    links.style = Style::Path;
    links.root = normal_root(root);
    return links;
}

Route route_parse(std::string_view hash) {
    std::string_view h = hash;
    if (!h.empty() && h[0] == '#') h.remove_prefix(1);
    if (h.empty() || h == "/") return parse_rest({}, {}, hash);
    if (h[0] != '/') return not_found(hash);
    h.remove_prefix(1);
    // "#/search?q=…": all after the '?' is the query string, a '#' included
    // (the reader typed it). Elsewhere a '?' stays part of the route, as before.
    if (size_t q = h.find('?'); q != std::string_view::npos) {
        const std::string_view before = h.substr(0, q);
        if (before == "search" || before == "search/") return parse_rest("search", {}, hash, h.substr(q + 1));
    }
    size_t sharp = h.find('#');
    std::string_view anchor;
    if (sharp != std::string_view::npos) {
        anchor = h.substr(sharp + 1);
        h = h.substr(0, sharp);
        // Only a post has a heading: "#/posts/x#h", not "#/posts/x/#h".
        if (h.empty() || h.back() == '/') return not_found(hash);
    } else if (h.size() > 1 && h.back() == '/') {
        h.remove_suffix(1);
    }
    Route r = parse_rest(h, anchor, hash);
    return anchor.empty() || r.kind == Route::Kind::Post ? r : not_found(hash);
}

Route route_parse_path(std::string_view path, std::string_view root_in) {
    const std::string root = normal_root(root_in);
    std::string_view p = path;
    std::string_view anchor;
    if (size_t sharp = p.find('#'); sharp != std::string_view::npos) {
        anchor = p.substr(sharp + 1);
        p = p.substr(0, sharp);
    }
    std::string_view query;  // read by the search screen only
    if (size_t q = p.find('?'); q != std::string_view::npos) {
        query = p.substr(q + 1);
        p = p.substr(0, q);
    }
    // "/blog" is the root "/blog/" without its slash.
    if (p.size() + 1 == root.size() && root.compare(0, p.size(), p) == 0) p = root;
    if (p.substr(0, root.size()) != root) return not_found(path);
    p.remove_prefix(root.size());
    constexpr std::string_view kIndex = "index.html";
    if (p.size() >= kIndex.size() && p.substr(p.size() - kIndex.size()) == kIndex &&
        (p.size() == kIndex.size() || p[p.size() - kIndex.size() - 1] == '/'))
        p.remove_suffix(kIndex.size());
    if (p.size() > 1 && p.back() == '/') {
        p.remove_suffix(1);
    } else if (size_t slash = p.rfind('/'); p.find('.', slash == std::string_view::npos ? 0 : slash) !=
                                                std::string_view::npos &&
                                            (p.size() < 5 || p.substr(p.size() - 5) != ".html")) {
        return not_found(path);  // a file beside the screens ("index.xml", "posts/x.md"), not a screen
    }
    return parse_rest(p, anchor, path, query);
}

Route route_parse_location(std::string_view location, const RouteLinks& links) {
    return links.style == RouteLinks::Style::Path ? route_parse_path(location, links.root) : route_parse(location);
}

std::string route_list_href(int page, const RouteLinks& links) {
    return page <= 1 ? join(links, "") : join(links, "page/" + std::to_string(page));
}

std::string route_post_href(std::string_view slug, std::string_view anchor, const RouteLinks& links) {
    std::string href = join(links, "posts/" + url_percent_encode(slug));
    if (!anchor.empty()) href += "#" + url_percent_encode(anchor);
    return href;
}

std::string route_path_href(std::string_view path, std::string_view anchor, const RouteLinks& links) {
    std::string href;
    if (links.style == RouteLinks::Style::Hash) {
        std::string_view p = path;
        if (!p.empty() && p.back() == '/') p.remove_suffix(1);
        href = "#/" + url_path_encode(p);
    } else {
        href = links.root + url_path_encode(path);
    }
    if (!anchor.empty()) href += "#" + url_percent_encode(anchor);
    return href;
}

std::string route_post_href(const Post& post, std::string_view anchor, const RouteLinks& links) {
    if (post.url.empty()) return route_post_href(post.slug, anchor, links);
    return route_path_href(post.url, anchor, links);
}

std::string route_term_href(Taxonomy taxonomy, std::string_view term, int page, const RouteLinks& links) {
    std::string rest = std::string(taxonomy_name(taxonomy)) + "/" + url_path_encode(url_term_key(term));
    if (page > 1) rest += "/page/" + std::to_string(page);
    return join(links, rest);
}

std::string route_terms_href(Taxonomy taxonomy, const RouteLinks& links) {
    return join(links, taxonomy_name(taxonomy));
}

std::string route_tag_href(std::string_view tag, int page, const RouteLinks& links) {
    return route_term_href(Taxonomy::Tags, tag, page, links);
}

std::string route_tags_href(const RouteLinks& links) { return route_terms_href(Taxonomy::Tags, links); }

std::string route_archive_href(const RouteLinks& links) { return join(links, "archive"); }

std::string route_search_href(std::string_view query, const RouteLinks& links) {
    std::string href = join(links, "search");
    if (!query.empty()) href += "?q=" + url_percent_encode(query);
    return href;
}

std::string route_href(const Route& route, const RouteLinks& links) {
    switch (route.kind) {
        case Route::Kind::List: return route_list_href(route.page, links);
        case Route::Kind::Post:
            if (!route.slug.empty() || route.path.empty()) return route_post_href(route.slug, route.anchor, links);
            return route_path_href(route.path, route.anchor, links);
        case Route::Kind::Tag: return route_term_href(route.taxonomy, route.tag, route.page, links);
        case Route::Kind::Tags: return route_terms_href(route.taxonomy, links);
        case Route::Kind::Archive: return route_archive_href(links);
        case Route::Kind::Search: return route_search_href(route.query, links);
        case Route::Kind::NotFound: break;
    }
    return route.raw;
}

std::string route_file(const Route& route) {
    auto paged = [](std::string dir, int page) {
        if (page > 1) dir += "page/" + std::to_string(page) + "/";
        return dir + "index.html";
    };
    switch (route.kind) {
        case Route::Kind::List: return paged("", route.page);
        case Route::Kind::Post: {
            const std::string path = route.path.empty() ? "posts/" + route.slug + "/" : route.path;
            return path.back() == '/' ? path + "index.html" : path;
        }
        case Route::Kind::Tag: return paged(std::string(taxonomy_name(route.taxonomy)) + "/" + route.tag + "/", route.page);
        case Route::Kind::Tags: return std::string(taxonomy_name(route.taxonomy)) + "/index.html";
        case Route::Kind::Archive: return "archive/index.html";
        case Route::Kind::Search: return "search/index.html";
        case Route::Kind::NotFound: break;
    }
    return "404.html";
}

}  // namespace blog
