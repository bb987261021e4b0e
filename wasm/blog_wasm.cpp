// The C boundary between the core and the browser. Bulk text crosses as
// (pointer, length) in linear memory, never as C strings on the stack.
// Every widget owns one handle; nothing per-widget lives in a global.
//
// Imports (JS, see EM_JS below) call into Module.blogHosts.get(handle), the
// session registered by web/widget/engines.js (EngineSession).
//
// Built twice (wasm/CMakeLists.txt): blog-full, the whole core, and, with
// BLOG_WASM_LIST_ENGINE, blog-core, the list engine: the same boundary
// without the Markdown engine (md4c, the renderer, the entity table) and
// without the terms, archive and search screens, which the widget loads
// first and hands a route to blog-full for once the core asks for a post's
// file or says a route needs it (blog_route_facts).
#include <emscripten/emscripten.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "core/app/controller.hpp"
#ifndef BLOG_WASM_LIST_ENGINE
#include "core/markdown/markdown.hpp"
#endif

// Starts a request; the widget answers with blog_fetch_done or, when no
// response arrived within timeout_ms (0: no limit), blog_fetch_timed_out, or,
// when the body is over max_bytes (0: no limit), blog_fetch_too_large.
// post: 1 for a post's Markdown (the list engine's platform hands over to the
// full engine for it), 0 for the index or one of its files.
EM_JS(void, blog_host_fetch,
      (void* handle, uint32_t request_id, const char* url, size_t url_len, uint32_t timeout_ms, size_t max_bytes,
       int post), {
    const host = Module.blogHosts.get(handle);
    if (host) host.fetch(request_id, UTF8ToString(url, url_len), timeout_ms, max_bytes, post != 0);
});

EM_JS(void, blog_host_show,
      (void* handle, const char* html, size_t html_len, const char* title, size_t title_len, int scroll,
       const char* anchor, size_t anchor_len, int needs, const char* lang, size_t lang_len, const char* kind,
       size_t kind_len, const char* theme, size_t theme_len),
      {
          const host = Module.blogHosts.get(handle);
          if (host)
              host.show({
                  html: UTF8ToString(html, html_len),
                  title: UTF8ToString(title, title_len),
                  scroll: ['keep', 'top', 'anchor'][scroll],
                  anchor: UTF8ToString(anchor, anchor_len),
                  needsCode: (needs & 1) != 0,
                  needsMath: (needs & 2) != 0,
                  complete: (needs & 4) != 0,
                  rtl: (needs & 8) != 0,
                  lang: UTF8ToString(lang, lang_len),
                  kind: UTF8ToString(kind, kind_len),
                  theme: UTF8ToString(theme, theme_len),
              });
      });

namespace {

// One widget: its controller and the two platform ends the controller talks to.
struct Widget final : blog::Fetcher, blog::Display {
    std::unique_ptr<blog::Controller> controller;

    void fetch(uint32_t request_id, const blog::FetchRequest& r) override {
        blog_host_fetch(this, request_id, r.url.data(), r.url.size(), r.response_timeout_ms, r.max_bytes, r.post ? 1 : 0);
    }
    void show(const blog::Frame& f) override {
        int scroll = f.scroll == blog::Frame::Scroll::Top ? 1 : f.scroll == blog::Frame::Scroll::Anchor ? 2 : 0;
        int needs = (f.needs_code ? 1 : 0) | (f.needs_math ? 2 : 0) | (f.complete ? 4 : 0) | (f.rtl ? 8 : 0);
        blog_host_show(this, f.html.data(), f.html.size(), f.title.data(), f.title.size(), scroll,
                       f.anchor.data(), f.anchor.size(), needs, f.lang.data(), f.lang.size(), f.kind.data(),
                       f.kind.size(), f.theme.data(), f.theme.size());
    }
};

}  // namespace

extern "C" {

// Allocates n bytes in linear memory for the caller to fill; free with blog_free.
EMSCRIPTEN_KEEPALIVE void* blog_alloc(size_t n) { return std::malloc(n ? n : 1); }
EMSCRIPTEN_KEEPALIVE void blog_free(void* p) { std::free(p); }

// Creates a widget's controller for the index at index_url (absolute, or a
// path from the host's root: post files and links in posts resolve against
// it). root: "" for hash routes, else the built site's root path ("/blog/")
// under which routes are paths. page_size and response_timeout_ms (how long
// a request may go without a response) use the core's defaults when <= 0.
// The strings are copied; the caller keeps them.
EMSCRIPTEN_KEEPALIVE Widget* blog_create(const char* index_url, size_t index_url_len, const char* root,
                                         size_t root_len, int page_size, int response_timeout_ms) {
    auto* w = new Widget();
    blog::ControllerConfig config;
    config.index_url.assign(index_url, index_url_len);
    if (root_len > 0) config.links = blog::RouteLinks::paths(std::string(root, root_len));
    if (page_size > 0) config.page_size = page_size;
    if (response_timeout_ms > 0) config.response_timeout_ms = static_cast<uint32_t>(response_timeout_ms);
#ifdef BLOG_WASM_LIST_ENGINE
    // No post renderer and no terms, archive or search screens: nothing names
    // the Markdown engine, view_terms, view_archive or the search, so the
    // linker leaves them out (the size budget, tests/size, fails if they are
    // ever back). Those routes go to blog-full (blog_route_facts).
    w->controller = std::make_unique<blog::Controller>(std::move(config), *w, *w, nullptr, blog::IndexScreens{}, nullptr);
#else
    w->controller = std::make_unique<blog::Controller>(std::move(config), *w, *w);
#endif
    return w;
}

EMSCRIPTEN_KEEPALIVE void blog_destroy(Widget* w) { delete w; }

// Shows the screen for a URL hash (or, with path routes, a path and its
// fragment); calls blog_host_show (synchronously) and
// blog_host_fetch for anything that must be loaded first.
EMSCRIPTEN_KEEPALIVE void blog_navigate(Widget* w, const char* hash, size_t hash_len) {
    w->controller->navigate(std::string_view(hash, hash_len));
}

// The reader is about to open `location` (a hash, or a path and fragment):
// the files its screen needs start loading (blog_host_fetch), nothing is
// shown. Returns how many fetches started.
EMSCRIPTEN_KEEPALIVE int blog_prefetch(Widget* w, const char* location, size_t len) {
    return w->controller->prefetch(std::string_view(location, len));
}

// What a link to a path and fragment (path routes) or hash is, from one
// reading of it: bit 1, one of the blog's screens, so that a click on it
// stays in the page; bit 2, a screen this engine cannot build, which
// blog-full does (in the list engine a post, the tags' or categories'
// overview, the archive and search; never in blog-full).
EMSCRIPTEN_KEEPALIVE unsigned blog_route_facts(Widget* w, const char* location, size_t len) {
    return w->controller->route_facts(std::string_view(location, len));
}

// Completes request `id`: status is the HTTP status, or 0 with body holding
// the network error's text. The body is copied; the caller frees it.
EMSCRIPTEN_KEEPALIVE void blog_fetch_done(Widget* w, uint32_t id, int status, const char* body, size_t len) {
    blog::FetchResponse r;
    r.status = status;
    (status == 0 ? r.error : r.body).assign(body, len);
    w->controller->fetch_done(id, std::move(r));
}

// Completes request `id` that got no response (not even headers) within the
// timeout blog_host_fetch was given; the widget has abandoned it.
EMSCRIPTEN_KEEPALIVE void blog_fetch_timed_out(Widget* w, uint32_t id) {
    blog::FetchResponse r;
    r.timed_out = true;
    w->controller->fetch_done(id, std::move(r));
}

// Completes request `id` whose body was over its max_bytes: the widget stopped
// reading. declared_size is the server's Content-Length, 0 when it sent none.
EMSCRIPTEN_KEEPALIVE void blog_fetch_too_large(Widget* w, uint32_t id, size_t declared_size) {
    blog::FetchResponse r;
    r.too_large = true;
    r.declared_size = declared_size;
    w->controller->fetch_done(id, std::move(r));
}

// The reader's "Try again" (a click on [data-action="retry"] in a screen):
// fetches what failed again, on the same route.
EMSCRIPTEN_KEEPALIVE void blog_retry(Widget* w) { w->controller->retry(); }

// The reader typed in the search box ([data-action="search"]): shows the
// search screen for the query (UTF-8, copied; the caller keeps it), through
// blog_host_show, synchronously. The widget then replaces its URL with
// blog_route_href's, so that typing adds no history entry.
EMSCRIPTEN_KEEPALIVE void blog_search(Widget* w, const char* query, size_t len) {
    w->controller->search(std::string_view(query, len));
}

// The current route as the widget's links write it ("#/search?q=borg", or
// with path routes "/blog/search/?q=borg"). Returns a buffer of *out_len
// bytes that the caller frees with blog_free.
EMSCRIPTEN_KEEPALIVE char* blog_route_href(Widget* w, size_t* out_len) {
    const std::string href = w->controller->route_href();
    char* out = static_cast<char*>(std::malloc(href.size() + 1));
    std::memcpy(out, href.data(), href.size());
    *out_len = href.size();
    return out;
}

#ifndef BLOG_WASM_LIST_ENGINE
// Renders Markdown with the blog's defaults (safe). Returns a buffer of
// *out_len bytes that the caller frees with blog_free; nullptr on failure.
EMSCRIPTEN_KEEPALIVE char* blog_render_markdown(const char* text, size_t len, size_t* out_len) {
    *out_len = 0;
    auto r = blog::markdown_render(std::string_view(text, len));
    if (!r) return nullptr;
    const std::string& html = r.value().html;
    char* out = static_cast<char*>(std::malloc(html.size() + 1));
    std::memcpy(out, html.data(), html.size());
    *out_len = html.size();
    return out;
}
#endif

}  // extern "C"
