// Routes: the URL hash the blog navigates by. "#/" the list, "#/page/N" a
// page of it, "#/posts/<slug>" a post (optionally "#/posts/<slug>#<heading>"),
// "#/tags/<tag>" (and "/page/N") the posts with a tag; anything else is a
// not-found route. Parsing and building are inverse: route_href(route_parse(h)).
#pragma once

#include <string>
#include <string_view>

namespace blog {

struct Route {
    enum class Kind { List, Post, Tag, NotFound };
    Kind kind = Kind::List;
    int page = 1;        // List and Tag
    std::string slug;    // Post
    std::string anchor;  // Post: heading id to scroll to ("" for the top)
    std::string tag;     // Tag
    std::string raw;     // the hash as given, for messages
};

Route route_parse(std::string_view hash);

std::string route_href(const Route& route);
std::string route_list_href(int page = 1);
std::string route_post_href(std::string_view slug, std::string_view anchor = {});
std::string route_tag_href(std::string_view tag, int page = 1);

}  // namespace blog
