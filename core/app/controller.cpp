#include "core/app/controller.hpp"

#include "core/url/url.hpp"

namespace blog {

Controller::Controller(ControllerConfig config, Fetcher& fetcher, Display& display)
    : config_(std::move(config)), fetcher_(fetcher), display_(display) {
    if (config_.page_size < 1) config_.page_size = 10;
}

void Controller::navigate(std::string_view hash) {
    Route next = route_parse(hash);
    route_changed_ = true;  // every navigation scrolls: to the top, or to its heading
    route_ = std::move(next);
    // A new navigation retries what failed before (the network may be back,
    // the file may have been published meanwhile).
    if (index_state_ == IndexState::Failed) index_state_ = IndexState::Idle;
    if (route_.kind == Route::Kind::Post) {
        auto it = posts_.find(route_.slug);
        if (it != posts_.end() && !it->second.error.empty()) posts_.erase(it);
    }
    render();
}

void Controller::request(const std::string& url, std::string key, size_t max_bytes) {
    uint32_t id = next_request_++;
    pending_.emplace(id, std::move(key));
    fetcher_.fetch(id, FetchRequest{url, config_.response_timeout_ms, max_bytes});
}

void Controller::retry() {
    bool again = false;
    if (index_state_ == IndexState::Failed) {
        index_state_ = IndexState::Idle;
        again = true;
    }
    for (auto it = posts_.begin(); it != posts_.end();) {
        if (!it->second.loading && !it->second.error.empty() && it->second.retryable) {
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

std::string Controller::failure_message(const std::string& url, const FetchResponse& response) const {
    if (response.timed_out)
        return "Could not load " + url + ": no response from the server after " +
               duration_text(config_.response_timeout_ms) + ".";
    if (response.status == 0)
        return "Could not load " + url + ": " + (response.error.empty() ? "network error" : response.error);
    return "Could not load " + url + ": HTTP " + std::to_string(response.status);
}

std::string Controller::post_url(const Post& post) const {
    return url_resolve(config_.index_url, post.file);
}

std::string Controller::link_route(std::string_view resolved) const {
    auto it = url_to_slug_.find(std::string(resolved));
    return it == url_to_slug_.end() ? std::string() : route_post_href(it->second);
}

void Controller::load_post(const Post& post) {
    PostState& state = posts_[post.slug];
    if (state.loading || state.rendered || !state.error.empty()) return;
    state.loading = true;
    request(post_url(post), post.slug, MarkdownOptions::kMaxInputBytes);
}

std::optional<Summary> Controller::summary_for(const Post& post) {
    auto it = posts_.find(post.slug);
    if (it != posts_.end() && it->second.rendered)
        return Summary{it->second.rendered->summary, it->second.rendered->summary_truncated};
    if (it == posts_.end() || (!it->second.loading && it->second.error.empty())) load_post(post);
    return std::nullopt;
}

void Controller::fetch_done(uint32_t request_id, FetchResponse response) {
    auto it = pending_.find(request_id);
    if (it == pending_.end()) return;
    std::string key = std::move(it->second);
    pending_.erase(it);

    const bool ok = !response.timed_out && response.status >= 200 && response.status < 300;

    if (key.empty()) {  // the index
        if (response.too_large) {
            index_state_ = IndexState::Failed;
            index_error_ = index_size_problem(config_.index_url, response.declared_size);
        } else if (!ok) {
            index_state_ = IndexState::Failed;
            index_error_ = failure_message(config_.index_url, response);
        } else {
            auto parsed = index_parse(response.body, config_.index_url);
            if (parsed) {
                site_ = std::move(parsed).value();
                index_state_ = IndexState::Loaded;
                for (const Post& p : site_->posts) url_to_slug_.emplace(post_url(p), p.slug);
            } else {
                index_state_ = IndexState::Failed;
                index_error_ = parsed.error().message;
            }
        }
        render();
        return;
    }

    const Post* post = site_ ? site_->find(key) : nullptr;
    PostState& state = posts_[key];
    state.loading = false;
    if (!post) return;
    if (response.too_large) {
        state.error = post_url(*post) + ": " + markdown_size_problem(response.declared_size, MarkdownOptions::kMaxInputBytes);
    } else if (!ok) {
        state.error = failure_message(post_url(*post), response);
        state.missing = response.status == 404;
        state.retryable = true;
    } else {
        MarkdownOptions options;
        options.unsafe = site_->unsafe_html;
        options.base_url = post_url(*post);
        options.self_route = route_post_href(post->slug);
        options.link_route = [this](std::string_view resolved) { return link_route(resolved); };
        auto rendered = markdown_render(response.body, options);
        if (rendered) state.rendered = std::move(rendered).value();
        else state.error = post_url(*post) + ": " + rendered.error().message;  // the same next time: no retry
    }
    // A post the current screen does not show (a summary for another page,
    // or a post the reader already left) updates the cache only.
    bool visible = (route_.kind == Route::Kind::Post && route_.slug == key) ||
                   ((route_.kind == Route::Kind::List || route_.kind == Route::Kind::Tag) && !post->summary);
    if (visible) {
        route_changed_ = route_.kind == Route::Kind::Post;
        render();
    }
}

void Controller::render() {
    Frame frame;
    const bool scroll = route_changed_;
    route_changed_ = false;
    frame.scroll = scroll ? Frame::Scroll::Top : Frame::Scroll::Keep;

    if (index_state_ == IndexState::Idle) {
        index_state_ = IndexState::Loading;
        request(config_.index_url, "", kMaxIndexBytes);
    }
    Screen screen;
    if (index_state_ == IndexState::Loading) {
        screen = view_loading(nullptr);
    } else if (index_state_ == IndexState::Failed) {
        screen = view_error(nullptr, index_error_, ErrorAction::Retry);  // the file may be fixed or the network back
    } else {
        const SiteIndex& site = *site_;
        switch (route_.kind) {
            case Route::Kind::List:
            case Route::Kind::Tag: {
                ListQuery q{route_.page, config_.page_size, route_.tag};
                screen = view_list(site, q, [this](const Post& p) { return summary_for(p); });
                break;
            }
            case Route::Kind::Post: {
                const Post* post = site.find(route_.slug);
                if (!post) {
                    screen = view_not_found(&site, "Post not found",
                                            "There is no post \u201c" + route_.slug + "\u201d in this blog.");
                    break;
                }
                load_post(*post);
                PostState& state = posts_[post->slug];
                if (state.missing) {
                    screen = view_not_found(&site, "Post not found", state.error);
                } else if (!state.error.empty()) {
                    screen = view_error(&site, state.error, state.retryable ? ErrorAction::Retry : ErrorAction::None);
                } else {
                    screen = view_post(site, *post, state.rendered ? &*state.rendered : nullptr);
                    if (state.rendered) {
                        frame.needs_code = state.rendered->has_code;
                        frame.needs_math = state.rendered->has_math;
                        if (scroll && !route_.anchor.empty()) {
                            frame.scroll = Frame::Scroll::Anchor;
                            frame.anchor = route_.anchor;
                        }
                    }
                }
                break;
            }
            case Route::Kind::NotFound:
                screen = view_not_found(&site, "Page not found", "Nothing lives at \u201c" + route_.raw + "\u201d.");
                break;
        }
    }
    frame.html = std::move(screen.html);
    frame.title = std::move(screen.title);
    display_.show(frame);
}

}  // namespace blog
