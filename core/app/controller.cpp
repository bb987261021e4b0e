#include "core/app/controller.hpp"

#include "core/route/route_kind.hpp"
#include "core/url/url.hpp"
#include "core/util/utf8.hpp"

namespace blog {

Controller::Controller(ControllerConfig config, Fetcher& fetcher, Display& display, PostRenderer render_post,
                       IndexScreens screens, PostLinkMap post_links)
    : config_(std::move(config)),
      fetcher_(fetcher),
      display_(display),
      render_post_(render_post),
      screens_(screens),
      post_links_map_(post_links) {
    if (config_.page_size < 1) config_.page_size = 10;
}

void Controller::navigate(std::string_view location) {
    route_ = route_parse_location(location, config_.links);
    route_changed_ = true;  // every navigation scrolls: to the top, or to its heading
    // A new navigation retries what failed before (the network may be back,
    // the file may have been published meanwhile).
    if (index_state_ == SiteState::Index::Failed) index_state_ = SiteState::Index::Unknown;
    if (route_.kind == Route::Kind::Post) {
        const std::string slug = shown_post_key();
        if (const PostEntry* entry = posts_.find(slug); entry && !entry->error.empty()) posts_.erase(slug);
    }
    render();
}

void Controller::search(std::string_view query) {
    const bool was_search = route_.kind == Route::Kind::Search;
    Route r;
    r.kind = Route::Kind::Search;
    r.query = std::string(query);
    if (utf8_valid_prefix(r.query) != r.query.size()) r.query = utf8_repair(r.query).text;
    r.raw = blog::route_href(r, config_.links);
    route_ = std::move(r);
    route_changed_ = !was_search;  // typing keeps the reader's place
    render();
}

int Controller::prefetch(std::string_view location) {
    if (index_state_ != SiteState::Index::Loaded) return 0;
    const Route route = route_parse_location(location, config_.links);
    if (!route_kind_needs(route.kind).found) return 0;
    // The page model says what that screen needs, as it would on navigate;
    // the screen itself is not shown.
    SiteState state{index_state_, index_error_, &*site_, &posts_.entries(), search_ ? &*search_ : nullptr, &parts_,
                    fulltext_.get()};
    int started = 0;
    for (const PageNeed& need : page_build(route, state, page_config(), screens_).needs) {
        if (need.slug.empty() && need.part == PageNeed::kNoPart && !need.fulltext) continue;
        start(need);
        ++started;
    }
    return started;
}

unsigned Controller::route_facts(std::string_view location) const {
    const Route route = route_parse_location(location, config_.links);
    const RouteKindNeeds needs = route_kind_needs(route.kind);
    // A place that is not "posts/<slug>" is a screen of the blog only when a
    // post of the index is there (else a file of the host: Hugo's redirect
    // pages, a static/ page), and a place no post is at is a not-found
    // screen, which any engine shows.
    const bool post_there = route.kind == Route::Kind::Post && site_ && index_post_at(*site_, route.path);
    const bool screen = route.kind == Route::Kind::Post && route.slug.empty() ? post_there : needs.found;
    const bool needs_full = !(needs.renderer == RouteKindNeeds::Renderer::Post && site_ && !post_there) &&
                            !page_has_renderer(needs.renderer, render_post_, screens_);
    return (screen ? kScreen : 0u) | (needs_full ? kNeedsFull : 0u);
}

void Controller::start(const PageNeed& need) {
    Request what;
    if (need.fulltext) {
        if (!fulltext_ || !screens_.fulltext_hooks) return;
        screens_.fulltext_hooks->asked(*fulltext_, need.url);
        what.kind = Request::Kind::Fulltext;
        what.slug = need.fulltext_key;
        what.url = need.url;
        what.fulltext = need.fulltext_kind;
    } else if (need.part != PageNeed::kNoPart) {
        parts_[need.part] = PartEntry{};  // Loading
        what.kind = Request::Kind::Part;
        what.part = need.part;
    } else if (need.slug.empty()) {
        index_state_ = SiteState::Index::Loading;
        what.kind = Request::Kind::Index;
    } else {
        posts_.at(need.slug) = PostEntry{};  // Loading
        what.kind = Request::Kind::Post;
        what.slug = need.slug;
    }
    const bool post = what.kind == Request::Kind::Post;
    const uint32_t id = next_request_++;
    pending_.emplace(id, std::move(what));
    fetcher_.fetch(id, FetchRequest{need.url, config_.response_timeout_ms, need.max_bytes, post});
}

void Controller::retry() {
    bool again = false;
    for (auto it = parts_.begin(); it != parts_.end();) {
        if (it->second.state == PartEntry::State::Failed) {
            it = parts_.erase(it);
            again = true;
        } else {
            ++it;
        }
    }
    if (index_state_ == SiteState::Index::Failed) {
        index_state_ = SiteState::Index::Unknown;
        again = true;
    }
    if (posts_.erase_if([](const PostEntry& entry) { return !entry.error.empty() && entry.retryable; })) again = true;
    if (fulltext_ && screens_.fulltext_hooks && screens_.fulltext_hooks->forget_failed(*fulltext_)) again = true;
    if (again) render();  // shows "Loading…" and requests what the screen needs
}

namespace {

// "15 s", "800 ms", "1500 ms" (web/widget/network.js words the engine's timeout the same way).
std::string duration_text(uint32_t ms) {
    if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
    return std::to_string(ms) + " ms";
}

bool succeeded(const FetchResponse& response) {
    return !response.timed_out && response.status >= 200 && response.status < 300;
}

}  // namespace

std::string Controller::shown_post_key() const {
    if (site_)
        if (const Post* post = index_post_at(*site_, route_.path)) return post->slug;
    return route_.slug;
}

std::string Controller::failure_message(const std::string& url, const FetchResponse& response) const {
    if (response.too_large) return "Could not load " + url + ": it is larger than the blog allows";
    if (response.timed_out)
        return "Could not load " + url + ": no response from the server after " +
               duration_text(config_.response_timeout_ms) + ".";
    if (response.status == 0)
        return "Could not load " + url + ": " + (response.error.empty() ? "network error" : response.error);
    return "Could not load " + url + ": HTTP " + std::to_string(response.status);
}

void Controller::fetch_done(uint32_t request_id, FetchResponse response) {
    auto it = pending_.find(request_id);
    if (it == pending_.end()) return;
    Request what = std::move(it->second);
    pending_.erase(it);
    switch (what.kind) {
        case Request::Kind::Index: index_done(std::move(response)); return;
        case Request::Kind::Post: post_done(what.slug, std::move(response)); return;
        case Request::Kind::Part: part_done(what.part, std::move(response)); return;
        case Request::Kind::Fulltext: {
            if (!fulltext_ || !screens_.fulltext_hooks) return;
            const std::string failure = succeeded(response) && !response.too_large ? std::string()
                                                                                    : failure_message(what.url, response);
            if (screens_.fulltext_hooks->arrived(*fulltext_, what.fulltext, what.slug, what.url, response.body, failure) &&
                route_.kind == Route::Kind::Search)
                render();
            return;
        }
    }
}

void Controller::index_done(FetchResponse response) {
    index_state_ = SiteState::Index::Failed;
    if (response.too_large) {
        index_error_ = index_size_problem(config_.index_url, response.declared_size);
    } else if (!succeeded(response)) {
        index_error_ = failure_message(config_.index_url, response);
    } else if (auto parsed = index_parse(response.body, config_.index_url); !parsed) {
        index_error_ = parsed.error().message;
    } else {
        site_ = std::move(parsed).value();
        search_.reset();  // folded when a search screen first needs it
        fulltext_.reset();
        parts_.clear();
        parts_arrived_.clear();
        // A part of an earlier load is not one of this index's.
        for (auto p = pending_.begin(); p != pending_.end();)
            p = p->second.kind == Request::Kind::Part || p->second.kind == Request::Kind::Fulltext ? pending_.erase(p)
                                                                                                : std::next(p);
        index_state_ = SiteState::Index::Loaded;
        post_links_ = nullptr;
    }
    render();
}

void Controller::post_done(const std::string& key, FetchResponse response) {
    const Post* post = site_ ? site_->find(key) : nullptr;
    if (!post) return;
    PostEntry& entry = posts_.at(key);
    entry = PostEntry{};
    entry.state = PostEntry::State::Failed;
    if (response.too_large) {
        entry.error = post_url(*post) + ": " + markdown_size_problem(response.declared_size, MarkdownOptions::kMaxInputBytes);
    } else if (!succeeded(response)) {
        entry.error = failure_message(post_url(*post), response);
        if (response.status == 404) entry.state = PostEntry::State::Missing;
        entry.retryable = true;
    } else if (!render_post_) {
        entry.error = post_url(*post) + ": this build of the blog has no Markdown engine to render it";
    } else {
        if (!post_links_ && post_links_map_) post_links_ = post_links_map_(*site_, page_config());
        auto rendered = render_post_(response.body, *site_, *post, page_config(), post_links_);
        if (rendered) {
            entry.state = PostEntry::State::Rendered;
            entry.rendered = std::move(rendered).value();
        } else {
            entry.error = post_url(*post) + ": " + rendered.error().message;  // the same next time: no retry
        }
    }
    // A post the current screen does not show (a summary for another page,
    // or a post the reader already left) updates the cache only.
    bool visible = (route_.kind == Route::Kind::Post && shown_post_key() == key) ||
                   (route_kind_needs(route_.kind).summaries && !post->summary);
    if (visible) {
        route_changed_ = route_.kind == Route::Kind::Post;
        render();
    }
    posts_.trim(route_.kind == Route::Kind::Post ? shown_post_key() : std::string());
}

// A file of a paged index: merged into the index when it is the next one,
// with any that arrived before it and follow it; the screen on show is
// built again if it was waiting (for this file or another).
void Controller::part_done(size_t part, FetchResponse response) {
    if (!site_ || part < site_->parts_merged || part >= site_->parts.files.size()) return;
    const std::string url = url_resolve(config_.index_url, site_->parts.files[part]);
    const bool ok = succeeded(response);
    PartEntry& entry = parts_[part];
    entry.state = PartEntry::State::Failed;
    if (response.too_large) {
        entry.error = index_size_problem(url, response.declared_size);
    } else if (!ok) {
        entry.error = failure_message(url, response);
    } else if (auto parsed = index_parse(response.body, url); !parsed) {
        entry.error = parsed.error().message;
    } else {
        entry.state = PartEntry::State::Loading;  // until it is merged
        parts_arrived_.insert_or_assign(part, std::move(parsed).value());
        bool merged = false;
        for (auto next = parts_arrived_.find(site_->parts_merged); next != parts_arrived_.end();
             next = parts_arrived_.find(site_->parts_merged)) {
            parts_.erase(next->first);
            index_append_part(*site_, std::move(next->second));
            parts_arrived_.erase(next);
            merged = true;
        }
        if (merged) {
            search_.reset();       // folded again, with the new posts, by the next search screen
            post_links_ = nullptr;  // mapped again, with them, by the next post rendered
        }
    }
    if (!shown_complete_) render();
}

void Controller::render() {
    if (route_.kind == Route::Kind::Post) posts_.shown(shown_post_key());
    // The index's search fields are folded once, by the first search screen:
    // a reader who never searches does not pay for it when the index loads.
    if (route_.kind == Route::Kind::Search && site_ && site_->whole() && !search_ && screens_.search_index_build)
        search_ = screens_.search_index_build(*site_);
    if (route_.kind == Route::Kind::Search && site_ && !site_->search.empty() && !fulltext_ && screens_.fulltext_hooks)
        fulltext_ = screens_.fulltext_hooks->create();
    const bool scroll = route_changed_;
    route_changed_ = false;
    SiteState state{index_state_, index_error_, site_ ? &*site_ : nullptr, &posts_.entries(),
                    search_ ? &*search_ : nullptr, &parts_, fulltext_.get()};
    Page page = page_build(route_, state, page_config(), screens_);
    for (const PageNeed& need : page.needs) start(need);
    shown_complete_ = page.complete;
    Frame frame;
    frame.scroll = !scroll ? Frame::Scroll::Keep
                   : page.scroll == Page::Scroll::Anchor ? Frame::Scroll::Anchor
                                                         : Frame::Scroll::Top;
    frame.anchor = std::move(page.anchor);
    frame.needs_code = page.needs_code;
    frame.needs_math = page.needs_math;
    frame.complete = page.complete;
    frame.lang = std::move(page.lang);
    frame.rtl = page.rtl;
    frame.theme = std::move(page.theme);
    frame.kind = page.screen.kind;
    frame.html = std::move(page.screen.html);
    frame.title = std::move(page.screen.title);
    display_.show(frame);
}

}  // namespace blog
