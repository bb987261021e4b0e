#include "core/page/page.hpp"

#include <algorithm>

#include "core/i18n/i18n.hpp"
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

// A paged index (IndexParts): the files up to `upto` (the first `upto` of
// SiteIndex::parts.files) that a screen needs. Those not asked for yet go
// into page.needs; says whether any is still to come, and which one failed.
struct PartsWait {
    bool pending = false;
    const PartEntry* failed = nullptr;
};

PartsWait ask_parts(Page& page, const SiteState& state, const PageConfig& config, size_t upto) {
    const SiteIndex& site = *state.site;
    PartsWait wait;
    upto = std::min(upto, site.parts.files.size());
    for (size_t i = site.parts_merged; i < upto; ++i) {
        wait.pending = true;
        const PartEntry* known = nullptr;
        if (state.parts) {
            auto it = state.parts->find(i);
            if (it != state.parts->end()) known = &it->second;
        }
        if (known && known->state == PartEntry::State::Failed && !wait.failed) wait.failed = known;
        if (!known)
            page.needs.push_back(PageNeed{url_resolve(config.index_url, site.parts.files[i]), "", kMaxIndexBytes, i});
    }
    return wait;
}

// A screen that needs the files up to `upto`: "Loading…" while one is to
// come, the failure of one (with "Try again"). True when the screen is that.
bool wait_for_parts(Page& page, const SiteState& state, const PageConfig& config, size_t upto) {
    const PartsWait wait = ask_parts(page, state, config, upto);
    if (wait.failed) {
        page.screen = view_error(state.site, wait.failed->error, ErrorAction::Retry, config.links);
        return true;
    }
    if (!wait.pending) return false;
    page.screen = view_loading(state.site, config.links);
    page.complete = false;
    return true;
}

// How many of a paged index's files the home list's page `page_number`
// needs: enough for its posts, estimated from the posts the files still to
// come hold on average ("total" over their number).
size_t parts_for_list_page(const SiteIndex& site, int page_number, int page_size) {
    const size_t listed = index_listed(site).size();
    const size_t size = size_t(std::max(1, page_size));
    // A page past the end needs nothing: it is not found.
    if (size_t(std::max(1, page_number) - 1) * size >= site.parts.total) return 0;
    const size_t want = std::min(site.parts.total, size_t(std::max(1, page_number)) * size);
    if (listed >= want) return 0;
    const size_t files_left = site.parts.files.size() - site.parts_merged;
    const size_t posts_left = site.parts.total > listed ? site.parts.total - listed : 1;
    const size_t per_file = std::max<size_t>(1, posts_left / std::max<size_t>(1, files_left));
    return site.parts_merged + (want - listed + per_file - 1) / per_file;
}

void build_post(Page& page, const Route& route, const SiteState& state, const PageConfig& config) {
    const SiteIndex& site = *state.site;
    const Post* post = index_post_at(site, route.path.empty() ? "posts/" + route.slug + "/" : route.path);
    bool next_pending = false;
    if (!site.whole()) {
        // Not known yet: it may be in a file still to come.
        if (!post && wait_for_parts(page, state, config, site.parts.files.size())) return;
        // The last post listed so far needs the next file for its "Next" link.
        if (post) {
            bool older_known = false;
            for (size_t i = size_t(post - site.posts.data()) + 1; i < site.posts.size() && !older_known; ++i)
                older_known = !site.posts[i].hidden;
            if (!older_known) {
                const PartsWait wait = ask_parts(page, state, config, site.parts_merged + 1);
                next_pending = wait.pending && !wait.failed;
            }
        }
    }
    if (!post) {
        page.screen = view_not_found(&site, route.slug.empty() ? "Page not found" : "Post not found",
                                     route.slug.empty() ? "Nothing lives at " + view_quote(route.raw) + "."
                                                        : "There is no post " + view_quote(route.slug) + " in this blog.",
                                     config.links);
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
        page.complete = body != nullptr && !next_pending;
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

void build_list(Page& page, const Route& route, const SiteState& state, const PageConfig& config) {
    const SiteIndex& site = *state.site;
    // An entry without a summary in the index shows the one from its
    // Markdown once that is known; until then the Markdown is needed.
    const bool home = route.kind == Route::Kind::List;
    const size_t upto = !site.whole() ? home ? parts_for_list_page(site, route.page, config.page_size)
                                             : site.parts.files.size()
                                      : 0;
    if (upto && wait_for_parts(page, state, config, upto)) return;
    ListQuery query{route.page, config.page_size, route.tag, route.taxonomy};
    if (home && !site.whole()) query.total = site.parts.total;
    page.screen = view_list(site, query, [&](const Post& post) -> std::optional<Summary> {
        const PostEntry* entry = find_entry(state, post.slug);
        if (entry && entry->rendered) return Summary{entry->rendered->summary, entry->rendered->summary_truncated};
        if (!entry) page.needs.push_back(post_need(config, post));
        if (!entry || entry->state == PostEntry::State::Loading) page.complete = false;
        return std::nullopt;
    }, config.links, config.index_url);
}

// A screen made from the whole index by an IndexScreens entry: "Loading…"
// in a build without it, until a build that has it takes the route over
// (nothing is fetched for it); else once every file of a paged index is in.
void build_index_screen(Page& page, const Route& route, const SiteState& state, const PageConfig& config,
                        const IndexScreens& screens, RouteKindNeeds::Renderer renderer) {
    const SiteIndex& site = *state.site;
    if (!page_has_renderer(renderer, nullptr, screens)) {
        page.screen = view_loading(&site, config.links);
        page.complete = false;
        return;
    }
    if (wait_for_parts(page, state, config, site.parts.files.size())) return;
    switch (renderer) {
        case RouteKindNeeds::Renderer::Terms: page.screen = screens.terms(site, route.taxonomy, config.links); break;
        case RouteKindNeeds::Renderer::Archive: page.screen = screens.archive(site, config.links); break;
        case RouteKindNeeds::Renderer::Search:
            if (!site.search.empty() && screens.fulltext)
                screens.fulltext(page, route, state, config);
            else
                page.screen = screens.search(site, state.search, route.query, config.links);
            break;
        case RouteKindNeeds::Renderer::None:
        case RouteKindNeeds::Renderer::Post: break;
    }
}

// IndexScreens::search: view_search over the fields folded, or folded now.
Screen search_screen(const SiteIndex& site, const SearchIndex* folded, std::string_view query,
                     const RouteLinks& links) {
    if (folded) return view_search(site, *folded, query, links);
    return view_search(site, search_index_build(site), query, links);
}

// The state of a file of the full-text index at `url`: asked for now when it
// never was (into page.needs). Says whether it is here, and fills `problem`
// with its failure.
enum class FileWait { Here, Coming, Failed };
FileWait ask_fulltext_file(Page& page, const FulltextSession* session, const std::string& url,
                           FulltextFileKind kind, const std::string& key, bool here, std::string& problem) {
    if (here) return FileWait::Here;
    const FulltextSession::Pending* pending = session ? session->pending(url) : nullptr;
    if (pending && pending->failed) {
        if (problem.empty()) problem = pending->error;
        return FileWait::Failed;
    }
    if (!pending) {
        PageNeed need{url, "", fulltext_file_limit(kind)};
        need.fulltext = true;
        need.fulltext_kind = kind;
        need.fulltext_key = key;
        page.needs.push_back(std::move(need));
    }
    return FileWait::Coming;
}

// IndexScreens::fulltext: the manifest first (as soon as the screen opens),
// then the shards the query needs (its words', then its typos'), then the
// files of the posts shown (their excerpts). Until the shards are in, the
// title, tag and summary search's results, busy.
void fulltext_screen(Page& page, const Route& route, const SiteState& state, const PageConfig& config) {
    const SiteIndex& site = *state.site;
    const FulltextSession* session = state.fulltext;
    FulltextView view;
    auto show = [&] {
        page.complete = page.complete && !view.busy;
        if (state.search) {
            page.screen = view_search(site, *state.search, route.query, config.links, &view);
        } else {
            page.screen = view_search(site, search_index_build(site), route.query, config.links, &view);
        }
    };
    const std::string manifest_url = url_resolve(config.index_url, site.search);
    if (search_words(route.query).empty()) {
        // The screen opened (or emptied): the manifest comes now, unasked,
        // so that the first word typed waits only for its shards. Its
        // failure is said when a word needs it. (Without a session, as when
        // the tool writes the page, nothing is fetched.)
        std::string later;
        if (session) ask_fulltext_file(page, session, manifest_url, FulltextFileKind::Manifest, "", !!session->manifest, later);
        show();
        return;
    }
    const bool have_manifest = session && session->manifest;
    const FileWait manifest = ask_fulltext_file(page, session, manifest_url, FulltextFileKind::Manifest, "",
                                                have_manifest, view.problem);
    if (manifest != FileWait::Here) {
        view.busy = manifest == FileWait::Coming;
        show();
        return;
    }
    const FulltextManifest& index = *session->manifest;
    const FulltextQuery query = fulltext_query_parse(route.query, *session->tokenizer);
    auto ask_shards = [&](const std::vector<std::string>& names) {
        bool coming = false, failed = false;
        for (const std::string& name : names) {
            const FileWait wait = ask_fulltext_file(page, session, url_resolve(manifest_url, name), FulltextFileKind::Shard,
                                                    name, session->shards.count(name) > 0, view.problem);
            coming |= wait == FileWait::Coming;
            failed |= wait == FileWait::Failed;
        }
        view.busy = coming && !failed;
        return !coming && !failed;
    };
    if (!ask_shards(fulltext_query_shards(index, query))) {
        show();
        return;
    }
    FulltextResults results = fulltext_search(index, session->shards, query);
    if (!results.complete()) {
        ask_shards(results.missing);
        show();
        return;
    }
    view.total = results.hits.size();
    for (const FulltextHit& hit : results.hits) {
        if (view.results.size() == kFulltextShown) break;
        const Post* post = hit.doc < index.slugs.size() ? site.find(index.slugs[hit.doc]) : nullptr;
        if (!post) continue;
        FulltextResult result;
        result.post = post;
        auto doc = session->docs.find(hit.doc);
        std::string ignored;  // a post whose file failed shows without excerpts
        const std::string key = std::to_string(hit.doc);
        const FileWait wait = ask_fulltext_file(page, session, url_resolve(manifest_url, fulltext_doc_path(hit.doc)),
                                                FulltextFileKind::Doc, key, doc != session->docs.end(), ignored);
        if (wait == FileWait::Here) result.excerpts = fulltext_excerpts(doc->second, hit, results.terms, *session->tokenizer);
        if (wait == FileWait::Coming) page.complete = false;
        view.results.push_back(std::move(result));
    }
    show();
}

}  // namespace

std::string page_post_url(const PageConfig& config, const Post& post) {
    return url_resolve(config.index_url, post.file);
}

MarkdownOptions page_markdown_options(const SiteIndex& site, const Post& post, const PageConfig& config,
                                      PostLinkRoute link_route) {
    MarkdownOptions options;
    options.unsafe = site.unsafe_html;
    if (site.sanitize_html) options.raw_html = MarkdownOptions::RawHtml::Sanitize;
    if (site.math_passthrough) options.math = MathDelimiters::Passthrough;
    else if (index_post_switches(site, post).math) options.math = MathDelimiters::Escaped;
    options.base_url = page_post_url(config, post);
    options.self_route = route_post_href(post, {}, config.links);
    options.link_route = std::move(link_route);
    if (!site.shortcodes.empty()) options.shortcodes.templates = &site.shortcodes;
    options.shortcodes.ref = [&site, &post, links = config.links](std::string_view target) -> std::string {
        return page_ref_href(site, post, target, links);
    };
    return options;
}

std::string page_ref_href(const SiteIndex& site, const Post& from, std::string_view target, const RouteLinks& links) {
    const size_t sharp = target.find('#');
    const std::string_view anchor = sharp == std::string_view::npos ? std::string_view() : target.substr(sharp + 1);
    std::string_view path = target.substr(0, sharp);
    while (!path.empty() && path[0] == '/') path.remove_prefix(1);
    while (!path.empty() && path.back() == '/') path.remove_suffix(1);
    if (path.empty()) return route_post_href(from, anchor, links);  // "#h": this page
    // Hugo looks pages up by their path in lower case.
    const std::string want = url_lower(path);
    const bool has_ext = want.size() > 3 && want.compare(want.size() - 3, 3, ".md") == 0;
    auto ends_with = [](std::string_view s, std::string_view tail) {
        return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0 &&
               (s.size() == tail.size() || s[s.size() - tail.size() - 1] == '/');
    };
    for (const Post& p : site.posts) {
        std::string file = url_lower(url_percent_decode(p.file));
        while (file.compare(0, 3, "../") == 0) file.erase(0, 3);
        std::string at = url_lower(index_post_path(p));
        if (!at.empty() && at.back() == '/') at.pop_back();
        const bool hit = has_ext ? ends_with(file, want)
                                 : ends_with(file, want + ".md") || ends_with(file, want + "/index.md") ||
                                       ends_with(file, want + "/_index.md") || p.slug == want || at == want;
        if (hit) return route_post_href(p, anchor, links);
    }
    // A section's or a term's page ("/categories/til", "posts/_index.md"):
    // a list the blog has at that path, as Hugo finds it.
    std::string list = want;
    if (list.size() >= 9 && list.compare(list.size() - 9, 9, "_index.md") == 0) list.resize(list.size() - 9);
    else if (has_ext || list.find('/') == std::string::npos) return {};
    while (!list.empty() && list.back() == '/') list.pop_back();
    if (list.empty()) return route_list_href(1, links);
    // Known to be one: a term of tags or categories, or a folder some post is in.
    bool known = list.rfind("tags/", 0) == 0 || list.rfind("categories/", 0) == 0;
    for (size_t i = 0; !known && i < site.posts.size(); ++i)
        known = url_lower(index_post_path(site.posts[i])).rfind(list + "/", 0) == 0;
    return known ? route_path_href(list + "/", anchor, links) : std::string();
}

Result<RenderedMarkdown> page_render_post(std::string_view file_text, const SiteIndex& site, const Post& post,
                                          const PageConfig& config, PostLinkRoute link_route) {
    const FrontMatterSplit split = markdown_front_matter(file_text);
    MarkdownOptions options = page_markdown_options(site, post, config, std::move(link_route));
    options.cjk = markdown_is_cjk(file_text, site.has_cjk_language, post.cjk);
    // .Page.Params: the front matter's top-level scalars (no YAML parser in
    // the browser's engine: core/shortcode's small reader).
    if (file_text.find("{{", split.body_begin) != std::string_view::npos) {
        options.shortcodes.page_params = shortcode_front_matter_params(
            file_text.substr(split.block_begin, split.block_end - split.block_begin),
            split.format == FrontMatterSplit::Format::Yaml, split.format == FrontMatterSplit::Format::Toml);
        options.shortcodes.first_line = split.body_line;
    }
    Result<RenderedMarkdown> r = markdown_render(file_text.substr(split.body_begin), options);
    if (r && post.cover && !post.cover->caption.empty()) {
        // PaperMod's caption is Markdown (markdownify); an archetype's
        // "<text>" placeholder is raw HTML, omitted or dropped as Hugo would.
        MarkdownOptions caption = options;
        caption.expand_shortcodes = false;
        r.value().cover_caption_html = markdown_inline_html(post.cover->caption, caption);
    }
    return r;
}

IndexScreens page_index_screens() {
    IndexScreens screens;
    screens.terms = view_terms;
    screens.archive = view_archive;
    screens.search = search_screen;
    screens.search_index_build = search_index_build;
    screens.fulltext = fulltext_screen;
    screens.fulltext_hooks = &kFulltextHooks;
    return screens;
}

bool page_needs_renderers(const Route& route) {
    return route_kind_needs(route.kind).renderer != RouteKindNeeds::Renderer::None;
}

bool page_has_renderer(RouteKindNeeds::Renderer renderer, PostRenderer render_post, const IndexScreens& screens) {
    switch (renderer) {
        case RouteKindNeeds::Renderer::None: return true;
        case RouteKindNeeds::Renderer::Post: return render_post != nullptr;
        case RouteKindNeeds::Renderer::Terms: return screens.terms != nullptr;
        case RouteKindNeeds::Renderer::Archive: return screens.archive != nullptr;
        case RouteKindNeeds::Renderer::Search: return screens.search != nullptr;
    }
    return false;
}

Page page_build(const Route& route, const SiteState& state, const PageConfig& config, const IndexScreens& screens) {
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
    page.rtl = i18n_rtl(site.language);
    page.theme = site.default_theme;
    const RouteKindNeeds& needs = route_kind_needs(route.kind);
    if (needs.summaries) {
        build_list(page, route, state, config);
    } else if (needs.renderer == RouteKindNeeds::Renderer::Post) {
        build_post(page, route, state, config);
    } else if (needs.renderer != RouteKindNeeds::Renderer::None) {
        build_index_screen(page, route, state, config, screens, needs.renderer);
    } else {
        page.screen = view_not_found(&site, "Page not found",
                                     route.raw.empty() ? std::string("Nothing lives at this address.")
                                                       : "Nothing lives at " + view_quote(route.raw) + ".",
                                     config.links);
    }
    return page;
}

}  // namespace blog
