#include "core/page/page.hpp"

#include "core/url/url.hpp"

namespace blog {

namespace {

const PostEntry* find_entry(const SiteState& state, const std::string& slug) {
    if (!state.posts) return nullptr;
    auto it = state.posts->find(slug);
    return it == state.posts->end() ? nullptr : &it->second;
}

PageNeed post_need(const PageConfig& config, const Post& post) {
    return PageNeed{page_post_url(config, post), post.slug, MarkdownOptions::kMaxInputBytes};
}

void build_post(Page& page, const Route& route, const SiteState& state, const PageConfig& config) {
    const SiteIndex& site = *state.site;
    const Post* post = site.find(route.slug);
    if (!post) {
        page.screen = view_not_found(&site, "Post not found",
                                     "There is no post \u201c" + route.slug + "\u201d in this blog.", config.links);
        return;
    }
    const PostEntry* entry = find_entry(state, post->slug);
    if (!entry) page.needs.push_back(post_need(config, *post));
    if (entry && entry->state == PostEntry::State::Missing) {
        page.screen = view_not_found(&site, "Post not found", entry->error, config.links);
    } else if (entry && entry->state == PostEntry::State::Failed) {
        page.screen = view_error(&site, entry->error, entry->retryable ? ErrorAction::Retry : ErrorAction::None,
                                 config.links);
    } else {
        const RenderedMarkdown* body = entry && entry->rendered ? &*entry->rendered : nullptr;
        page.complete = body != nullptr;
        page.screen = view_post(site, *post, body, config.links, config.index_url);
        if (body) {
            page.needs_code = body->has_code;
            page.needs_math = body->has_math;
            if (!route.anchor.empty()) {
                page.scroll = Page::Scroll::Anchor;
                page.anchor = route.anchor;
            }
        }
    }
}

}  // namespace

std::string page_post_url(const PageConfig& config, const Post& post) {
    return url_resolve(config.index_url, post.file);
}

MarkdownOptions page_markdown_options(const SiteIndex& site, const Post& post, const PageConfig& config,
                                      PostLinkRoute link_route) {
    MarkdownOptions options;
    options.unsafe = site.unsafe_html;
    options.base_url = page_post_url(config, post);
    options.self_route = route_post_href(post.slug, {}, config.links);
    options.link_route = std::move(link_route);
    return options;
}

Result<RenderedMarkdown> page_render_post(std::string_view file_text, const SiteIndex& site, const Post& post,
                                          const PageConfig& config, PostLinkRoute link_route) {
    const FrontMatterSplit split = markdown_front_matter(file_text);
    return markdown_render(file_text.substr(split.body_begin),
                           page_markdown_options(site, post, config, std::move(link_route)));
}

Page page_build(const Route& route, const SiteState& state, const PageConfig& config) {
    Page page;
    switch (state.index) {
        case SiteState::Index::Unknown:
            page.needs.push_back(PageNeed{config.index_url, "", kMaxIndexBytes});
            page.screen = view_loading(nullptr, config.links);
            page.complete = false;
            return page;
        case SiteState::Index::Loading:
            page.screen = view_loading(nullptr, config.links);
            page.complete = false;
            return page;
        case SiteState::Index::Failed:
            // The file may be fixed, or the network back: the reader may try again.
            page.screen = view_error(nullptr, state.index_error, ErrorAction::Retry, config.links);
            return page;
        case SiteState::Index::Loaded:
            break;
    }
    const SiteIndex& site = *state.site;
    page.lang = site.language;
    page.theme = site.default_theme;
    switch (route.kind) {
        case Route::Kind::List:
        case Route::Kind::Tag: {
            // An entry without a summary in the index shows the one from its
            // Markdown once that is known; until then the Markdown is needed.
            ListQuery query{route.page, config.page_size, route.tag, route.taxonomy};
            page.screen = view_list(site, query, [&](const Post& post) -> std::optional<Summary> {
                const PostEntry* entry = find_entry(state, post.slug);
                if (entry && entry->rendered) return Summary{entry->rendered->summary, entry->rendered->summary_truncated};
                if (!entry) page.needs.push_back(post_need(config, post));
                if (!entry || entry->state == PostEntry::State::Loading) page.complete = false;
                return std::nullopt;
            }, config.links, config.index_url);
            break;
        }
        case Route::Kind::Tags:
            page.screen = view_terms(site, route.taxonomy, config.links);
            break;
        case Route::Kind::Archive:
            page.screen = view_archive(site, config.links);
            break;
        case Route::Kind::Search:
            if (state.search) {
                page.screen = view_search(site, *state.search, route.query, config.links);
            } else {
                page.screen = view_search(site, search_index_build(site), route.query, config.links);
            }
            break;
        case Route::Kind::Post:
            build_post(page, route, state, config);
            break;
        case Route::Kind::NotFound:
            page.screen = view_not_found(&site, "Page not found",
                                         route.raw.empty() ? std::string("Nothing lives at this address.")
                                                           : "Nothing lives at \u201c" + route.raw + "\u201d.",
                                         config.links);
            break;
    }
    return page;
}

}  // namespace blog
