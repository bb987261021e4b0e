// The app controller: keeps what is known (the index, the posts fetched and
// rendered, the requests in flight), asks the page model (core/page) for the
// screen of the current route, runs the fetches that screen still needs
// (through the platform's Fetcher) and shows it (through its Display).
// One Controller per widget; it holds no global state.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/app/post_cache.hpp"
#include "core/index/post_index.hpp"
#include "core/markdown/markdown.hpp"
#include "core/page/page.hpp"
#include "core/page/post_links.hpp"
#include "core/route/route.hpp"
#include "core/search/search.hpp"
#include "core/view/views.hpp"

namespace blog {

struct FetchResponse {
    int status = 0;       // HTTP status; 0 when the request failed without one
    std::string body;
    std::string error;    // the network error when status is 0
    bool timed_out = false;  // nothing arrived (headers, or more of the body) within the timeout; status is 0
    bool too_large = false;  // the body was over the request's max_bytes: the platform stopped reading
    size_t declared_size = 0;  // with too_large: the size the server declared (Content-Length), 0 if none
};

// What the controller asks the platform to fetch.
struct FetchRequest {
    std::string url;
    // Bounds the wait for the response's status and headers, and any pause
    // in its body (0: none): when nothing arrives for that long, the platform
    // abandons the request and answers with FetchResponse::timed_out. A body
    // that keeps arriving is never cut off (a slow connection is not a dead one).
    uint32_t response_timeout_ms = 0;
    // The most the body may have (0: no limit). A bigger one is not read
    // into memory: the platform stops and answers with too_large.
    size_t max_bytes = 0;
    // A post's Markdown (not the index or one of its files): the browser's
    // list engine, which renders none, hands over to the full one for it.
    bool post = false;
};

// Fetches URLs for the controller. fetch() starts a request and returns; the
// platform later calls Controller::fetch_done with the same id.
class Fetcher {
public:
    virtual ~Fetcher() = default;
    virtual void fetch(uint32_t request_id, const FetchRequest& request) = 0;
};

// What the platform does with a screen.
struct Frame {
    enum class Scroll { Keep, Top, Anchor };
    std::string html;
    std::string title;
    Scroll scroll = Scroll::Keep;
    std::string anchor;      // heading id when scroll == Anchor
    bool needs_code = false; // the screen has code blocks to highlight
    bool needs_math = false; // the screen has math to typeset
    bool complete = true;    // nothing on it is still awaited (Page::complete)
    std::string kind = "list";  // what the screen is (Screen::kind)
    std::string lang = "en"; // the screen's language, for the view's lang attribute (Page::lang)
    bool rtl = false;        // written right to left: the view's dir attribute (Page::rtl)
    std::string theme;  // the site's default theme: "auto", "light" or "dark"; "" not known yet (Page::theme)
};

class Display {
public:
    virtual ~Display() = default;
    virtual void show(const Frame& frame) = 0;
};

struct ControllerConfig {
    // Post files resolve against it. The browser passes an absolute URL (the
    // src attribute resolved against the page), so that links in posts resolve
    // against an absolute base.
    std::string index_url = "posts/index.json";
    int page_size = 10;
    // How long a request may go without a response before the screen says so
    // (with a retry control) instead of loading forever; 0: no limit.
    uint32_t response_timeout_ms = 15000;
    // Hash routes ("#/posts/x"), or a built site's path routes under a root
    // ("/blog/posts/x/"): what navigate() reads and the screens' links say.
    RouteLinks links;
};

class Controller {
public:
    // render_post renders a post's Markdown. nullptr: a build without the
    // Markdown engine, the browser's list engine (wasm/: the index and the
    // list pages, half the full engine's bytes). Its platform hands the
    // route over to the full engine before a post file arrives (it starts
    // loading it when this core asks for one); one that arrives anyway fails
    // with a message saying so. `screens` builds the terms, archive and
    // search screens; the list engine passes an empty table, and those routes
    // are "Loading…" until the full engine takes them over. Default
    // arguments, not fields of the config: a caller that passes nullptr and
    // IndexScreens{} names neither page_render_post nor page_index_screens,
    // so that the linker leaves their code out. `post_links` maps the posts'
    // Markdown URLs to their routes for render_post (nullptr with it).
    Controller(ControllerConfig config, Fetcher& fetcher, Display& display,
               PostRenderer render_post = page_render_post, IndexScreens screens = page_index_screens(),
               PostLinkMap post_links = post_links_route);

    // Shows the screen for a URL hash ("#/posts/lets-go"), or with path routes
    // for a path and its fragment ("/blog/posts/lets-go/#why-go"), fetching
    // what it needs.
    void navigate(std::string_view location);

    // The reader is about to go to `location` (read as navigate reads it): a
    // pointer rests on its link, or is pressed on it. The files its screen
    // needs (a post's Markdown) start loading now and nothing is shown, so
    // that the navigation finds them on their way or there. Does nothing
    // before the index is loaded or for a screen that needs nothing; returns
    // how many fetches it started.
    int prefetch(std::string_view location);

    // What a link to `location` (read as navigate reads it) is, from one
    // reading of it, as bits: kScreen, one of the blog's screens, not a file
    // beside them (a feed, an image) or a stranger's path; kNeedsFull, its
    // screen needs what this controller was built without: a post (no post
    // renderer), or the terms, archive or search screen (no IndexScreens for
    // it). The browser's list engine then starts loading the full one at
    // once, beside the index, and hands the route over. Never kNeedsFull for
    // a controller built with everything.
    enum RouteFacts : unsigned { kScreen = 1, kNeedsFull = 2 };
    unsigned route_facts(std::string_view location) const;
    bool is_route(std::string_view location) const { return route_facts(location) & kScreen; }
    bool needs_full_build(std::string_view location) const { return route_facts(location) & kNeedsFull; }

    // The platform's answer to Fetcher::fetch. Unknown or stale ids are ignored.
    void fetch_done(uint32_t request_id, FetchResponse response);

    // The reader's "Try again" on an error screen: forgets the failed fetches
    // (the index, posts) and requests the same URLs again, on the same route.
    void retry();

    // The reader typed in the search box: the route becomes the search screen
    // for `query` and it is shown (without scrolling when it already was the
    // search screen). The index is neither fetched again nor folded again:
    // only the query's words are. The platform then replaces its URL with
    // route_href() (no new history entry per keystroke).
    void search(std::string_view query);

    // The current route as the blog links it ("#/search?q=borg", or a path).
    std::string route_href() const { return blog::route_href(route_, config_.links); }

    const ControllerConfig& config() const { return config_; }
    // What is loaded: the parsed index (null until it is loaded) and its
    // folded search fields (null until a search screen first needs them).
    // They stay the same objects until the index is loaded again.
    const SiteIndex* site() const { return site_ ? &*site_ : nullptr; }
    const SearchIndex* search_index() const { return search_ ? &*search_ : nullptr; }

    // Rendered posts are kept for the reader's return, the least recently
    // shown dropped once they hold more than this (their HTML, headings,
    // summary): a reader who opens a thousand posts in one visit keeps the
    // memory of a few hundred kilobytes. The post on show is always kept.
    static constexpr size_t kPostCacheBytes = size_t(1) << 20;
    // What the kept posts hold now (kPostCacheBytes, or one post over it).
    size_t post_cache_bytes() const { return posts_.bytes(); }
    size_t posts_known() const { return posts_.size(); }

private:
    // What a request in flight was for.
    struct Request {
        enum class Kind { Index, Post, Part, Fulltext };
        Kind kind = Kind::Index;
        std::string slug;  // Post: the post's slug; Fulltext: the file's key (PageNeed::fulltext_key)
        size_t part = 0;   // Part: the file's number in SiteIndex::parts.files
        std::string url;   // Fulltext: the file's URL
        FulltextFileKind fulltext = FulltextFileKind::Manifest;
    };

    void render();
    void start(const PageNeed& need);  // marks what `need` is as loading, and requests it
    void index_done(FetchResponse response);
    void post_done(const std::string& slug, FetchResponse response);
    void part_done(size_t part, FetchResponse response);
    PageConfig page_config() const { return PageConfig{config_.index_url, config_.page_size, config_.links}; }
    std::string post_url(const Post& post) const { return page_post_url(page_config(), post); }
    std::string failure_message(const std::string& url, const FetchResponse& response) const;

    ControllerConfig config_;
    Fetcher& fetcher_;
    Display& display_;
    PostRenderer render_post_;  // null: no Markdown engine in this build
    IndexScreens screens_;      // null entries: screens not in this build
    Route route_;
    // The slug of the post the route shows (the posts' cache is keyed by
    // slug), as the index finds it at the route's path; the route's own slug
    // before the index is known.
    std::string shown_post_key() const;
    bool route_changed_ = true;
    SiteState::Index index_state_ = SiteState::Index::Unknown;
    std::string index_error_;
    std::optional<SiteIndex> site_;
    std::optional<SearchIndex> search_;  // search_index_build(*site_), folded once per index
    // The full-text index's files, for this index: made by the first search
    // screen of an index with "search" (screens_.fulltext_hooks).
    std::shared_ptr<FulltextSession> fulltext_;
    PostLinkMap post_links_map_;  // null: no Markdown engine in this build
    PostLinkRoute post_links_;    // site_'s posts by their Markdown's URL; built for the first
                                  // post rendered, dropped when posts are added
    PostCache posts_{kPostCacheBytes};     // what is known of each post, by slug
    std::unordered_map<uint32_t, Request> pending_;  // the requests in flight, by id
    // A paged index's files: what is known of those not merged; those
    // arrived before an earlier one (merged in order).
    std::unordered_map<size_t, PartEntry> parts_;
    std::map<size_t, SiteIndex> parts_arrived_;
    bool shown_complete_ = false;  // the screen on show awaits nothing (a part that arrives re-renders it if not)
    uint32_t next_request_ = 1;
};

}  // namespace blog
