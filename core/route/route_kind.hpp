// What each kind of route needs, one row per Route::Kind: the page model
// (page_build, page_needs_renderers), the controller (which engine shows a
// route, which screens a fetched post shows on) and the tool (a built page
// that starts with the full engine) read this table instead of switching on
// the kind, so that a new kind is a row here, its spelling in route.cpp and
// its screen in page_build.
#pragma once

#include <cstddef>

#include "core/route/route.hpp"

namespace blog {

struct RouteKindNeeds {
    Route::Kind kind;  // the row's kind (the table is indexed by it)
    // What makes the screen besides the views every build has: nothing, the
    // post renderer (PostRenderer) or one of the index's screens
    // (IndexScreens). A build without it (the browser's list engine) shows
    // "Loading…" and the platform hands the route over to one with it.
    enum class Renderer { None, Post, Terms, Archive, Search };
    Renderer renderer;
    // The screen lists posts with their summaries: the Markdown of a post
    // the index has no summary for is fetched for it and shows on it.
    bool summaries;
    // The screen is one of the blog's (a list, a post, a taxonomy's terms,
    // the archive, search), not the not-found screen of an unknown route.
    bool found;
};

// Indexed by Route::Kind, in its order (checked below).
inline constexpr RouteKindNeeds kRouteKinds[] = {
    {Route::Kind::List, RouteKindNeeds::Renderer::None, true, true},
    {Route::Kind::Post, RouteKindNeeds::Renderer::Post, false, true},
    {Route::Kind::Tag, RouteKindNeeds::Renderer::None, true, true},
    {Route::Kind::Tags, RouteKindNeeds::Renderer::Terms, false, true},
    {Route::Kind::Archive, RouteKindNeeds::Renderer::Archive, false, true},
    {Route::Kind::Search, RouteKindNeeds::Renderer::Search, false, true},
    {Route::Kind::NotFound, RouteKindNeeds::Renderer::None, false, false},
};

constexpr bool route_kinds_in_order() {
    for (size_t i = 0; i < sizeof(kRouteKinds) / sizeof(kRouteKinds[0]); ++i)
        if (size_t(kRouteKinds[i].kind) != i) return false;
    return true;
}
static_assert(route_kinds_in_order() && sizeof(kRouteKinds) / sizeof(kRouteKinds[0]) == size_t(Route::Kind::NotFound) + 1,
              "one row per Route::Kind, in its order (NotFound is the last)");

constexpr const RouteKindNeeds& route_kind_needs(Route::Kind kind) { return kRouteKinds[size_t(kind)]; }

}  // namespace blog
