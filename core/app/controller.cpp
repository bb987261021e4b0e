#include "core/app/controller.hpp"

#include "core/url/url.hpp"
#include "core/util/utf8.hpp"

namespace blog {

Controller::Controller(ControllerConfig config, Fetcher& fetcher, Display& display, PostRenderer render_post,
                       IndexScreens screens)
    : config_(std::move(config)), fetcher_(fetcher), display_(display), render_post_(render_post), screens_(screens) {
    if (config_.page_size < 1) config_.page_size = 10;
}

void Controller::navigate(std::string_view location) {
    route_ = route_parse_location(location, config_.links);
    route_changed_ = true;  // every navigation scrolls: to the top, or to its heading
    // A new navigation retries what failed before (the network may be back,
    // the file may have been published meanwhile).
    if (index_state_ == SiteState::Index::Failed) index_state_ = SiteState::Index::Unknown;
    if (route_.kind == Route::Kind::Post) {
        auto it = posts_.find(shown_post_key());
        if (it != posts_.end() && !it->second.error.empty()) posts_.erase(it);
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
    if (route.kind == Route::Kind::NotFound) return 0;
    // The page model says what that screen needs, as it would on navigate;
    // the screen itself is not shown.
    SiteState state{index_state_, index_error_, &*site_, &posts_, search_ ? &*search_ : nullptr, &parts_};
    int started = 0;
    for (const PageNeed& need : page_build(route, state, page_config(), screens_).needs) {
        if (need.slug.empty() && need.part == PageNeed::kNoPart) continue;
        start(need);
        ++started;
    }
    return started;
}

bool Controller::needs_full_build(std::string_view location) const {
    const Route route = route_parse_location(location, config_.links);
    switch (route.kind) {
        // A place no post of the index is at is a not-found screen, which any engine shows.
        case Route::Kind::Post: return !render_post_ && (!site_ || index_post_at(*site_, route.path));
        case Route::Kind::Tags: return !screens_.terms;
        case Route::Kind::Archive: return !screens_.archive;
        case Route::Kind::Search: return !screens_.search;
        case Route::Kind::List:
        case Route::Kind::Tag:
        case Route::Kind::NotFound: return false;
    }
    return false;
}

bool Controller::is_route(std::string_view location) const {
    const Route route = route_parse_location(location, config_.links);
    // A place that is not "posts/<slug>" is a screen of the blog only when a
    // post of the index is there (else a file of the host: Hugo's redirect
    // pages, a static/ page).
    if (route.kind == Route::Kind::Post && route.slug.empty()) return site_ && index_post_at(*site_, route.path);
    return route.kind != Route::Kind::NotFound;
}

void Controller::request(const std::string& url, std::string key, size_t max_bytes) {
    uint32_t id = next_request_++;
    const bool post = !key.empty();
    pending_.emplace(id, std::move(key));
    fetcher_.fetch(id, FetchRequest{url, config_.response_timeout_ms, max_bytes, post});
}

void Controller::start(const PageNeed& need) {
    if (need.part != PageNeed::kNoPart) {
        parts_[need.part] = PartEntry{};  // Loading
        uint32_t id = next_request_++;
        pending_parts_.emplace(id, need.part);
        fetcher_.fetch(id, FetchRequest{need.url, config_.response_timeout_ms, need.max_bytes});
        return;
    }
    if (need.slug.empty()) index_state_ = SiteState::Index::Loading;
    else posts_[need.slug] = PostEntry{};  // Loading
    request(need.url, need.slug, need.max_bytes);
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
    for (auto it = posts_.begin(); it != posts_.end();) {
        if (!it->second.error.empty() && it->second.retryable) {
            it = posts_.erase(it);
            again = true;
        } else {
            ++it;
        }
    }
    if (again) render();  // shows "Loading…" and requests what the screen needs
}

namespace {

// "15 s", "800 ms", "1500 ms" (web/wasm-blog.js words the engine's timeout the same way).
std::string duration_text(uint32_t ms) {
    if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
    return std::to_string(ms) + " ms";
}

}  // namespace

std::string Controller::shown_post_key() const {
    if (site_)
        if (const Post* post = index_post_at(*site_, route_.path)) return post->slug;
    return route_.slug;
}

std::string Controller::failure_message(const std::string& url, const FetchResponse& response) const {
    if (response.timed_out)
        return "Could not load " + url + ": no response from the server after " +
               duration_text(config_.response_timeout_ms) + ".";
    if (response.status == 0)
        return "Could not load " + url + ": " + (response.error.empty() ? "network error" : response.error);
    return "Could not load " + url + ": HTTP " + std::to_string(response.status);
}

std::string Controller::link_route(std::string_view resolved) const {
    auto it = url_to_slug_.find(std::string(resolved));
    if (it == url_to_slug_.end() || !site_) return std::string();
    const Post* post = site_->find(it->second);
    return post ? route_post_href(*post, {}, config_.links) : std::string();
}

void Controller::fetch_done(uint32_t request_id, FetchResponse response) {
    if (auto part = pending_parts_.find(request_id); part != pending_parts_.end()) {
        const size_t number = part->second;
        pending_parts_.erase(part);
        part_done(number, std::move(response));
        return;
    }
    auto it = pending_.find(request_id);
    if (it == pending_.end()) return;
    std::string key = std::move(it->second);
    pending_.erase(it);

    const bool ok = !response.timed_out && response.status >= 200 && response.status < 300;

    if (key.empty()) {  // the index
        index_state_ = SiteState::Index::Failed;
        if (response.too_large) {
            index_error_ = index_size_problem(config_.index_url, response.declared_size);
        } else if (!ok) {
            index_error_ = failure_message(config_.index_url, response);
        } else if (auto parsed = index_parse(response.body, config_.index_url); !parsed) {
            index_error_ = parsed.error().message;
        } else {
            site_ = std::move(parsed).value();
            search_.reset();  // folded when a search screen first needs it
            parts_.clear();
            parts_arrived_.clear();
            pending_parts_.clear();  // a part of an earlier load is not one of this index's
            index_state_ = SiteState::Index::Loaded;
            for (const Post& p : site_->posts) url_to_slug_.emplace(post_url(p), p.slug);
        }
        render();
        return;
    }

    const Post* post = site_ ? site_->find(key) : nullptr;
    if (!post) return;
    PostEntry& entry = posts_[key];
    entry = PostEntry{};
    entry.state = PostEntry::State::Failed;
    if (response.too_large) {
        entry.error = post_url(*post) + ": " + markdown_size_problem(response.declared_size, MarkdownOptions::kMaxInputBytes);
    } else if (!ok) {
        entry.error = failure_message(post_url(*post), response);
        if (response.status == 404) entry.state = PostEntry::State::Missing;
        entry.retryable = true;
    } else if (!render_post_) {
        entry.error = post_url(*post) + ": this build of the blog has no Markdown engine to render it";
    } else {
        auto rendered = render_post_(response.body, *site_, *post, page_config(),
                                            [this](std::string_view resolved) { return link_route(resolved); });
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
                   ((route_.kind == Route::Kind::List || route_.kind == Route::Kind::Tag) && !post->summary);
    if (visible) {
        route_changed_ = route_.kind == Route::Kind::Post;
        render();
    }
    trim_post_cache();
}

// A file of a paged index: merged into the index when it is the next one,
// with any that arrived before it and follow it; the screen on show is
// built again if it was waiting (for this file or another).
void Controller::part_done(size_t part, FetchResponse response) {
    if (!site_ || part < site_->parts_merged || part >= site_->parts.files.size()) return;
    const std::string url = url_resolve(config_.index_url, site_->parts.files[part]);
    const bool ok = !response.timed_out && response.status >= 200 && response.status < 300;
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
            const size_t first_new = site_->posts.size();
            parts_.erase(next->first);
            index_append_part(*site_, std::move(next->second));
            parts_arrived_.erase(next);
            for (size_t i = first_new; i < site_->posts.size(); ++i)
                url_to_slug_.emplace(post_url(site_->posts[i]), site_->posts[i].slug);
            merged = true;
        }
        if (merged) search_.reset();  // folded again, with the new posts, by the next search screen
    }
    if (!shown_complete_) render();
}

namespace {

size_t rendered_bytes(const PostEntry& entry) {
    if (!entry.rendered) return 0;
    const RenderedMarkdown& r = *entry.rendered;
    size_t n = sizeof(RenderedMarkdown) + r.html.size() + r.summary.size();
    for (const Heading& h : r.headings) n += sizeof(Heading) + h.id.size() + h.text.size();
    for (const std::string& image : r.images) n += sizeof(std::string) + image.size();
    return n;
}

}  // namespace

size_t Controller::post_cache_bytes() const {
    size_t total = 0;
    for (const auto& [slug, entry] : posts_) total += rendered_bytes(entry);
    return total;
}

void Controller::trim_post_cache() {
    size_t total = post_cache_bytes();
    while (total > kPostCacheBytes) {
        // The least recently shown rendered post, not the one on show (a
        // post fetched for a summary and never shown is the oldest of all).
        auto oldest = posts_.end();
        uint64_t oldest_at = UINT64_MAX;
        for (auto it = posts_.begin(); it != posts_.end(); ++it) {
            if (!it->second.rendered) continue;
            if (route_.kind == Route::Kind::Post && it->first == shown_post_key()) continue;
            auto at = shown_at_.find(it->first);
            const uint64_t when = at == shown_at_.end() ? 0 : at->second;
            if (when < oldest_at) {
                oldest_at = when;
                oldest = it;
            }
        }
        if (oldest == posts_.end()) return;
        total -= rendered_bytes(oldest->second);
        shown_at_.erase(oldest->first);
        posts_.erase(oldest);
    }
}

void Controller::render() {
    if (route_.kind == Route::Kind::Post) shown_at_[shown_post_key()] = ++tick_;
    // The index's search fields are folded once, by the first search screen:
    // a reader who never searches does not pay for it when the index loads.
    if (route_.kind == Route::Kind::Search && site_ && site_->whole() && !search_ && screens_.search_index_build)
        search_ = screens_.search_index_build(*site_);
    const bool scroll = route_changed_;
    route_changed_ = false;
    SiteState state{index_state_, index_error_, site_ ? &*site_ : nullptr, &posts_, search_ ? &*search_ : nullptr,
                    &parts_};
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
