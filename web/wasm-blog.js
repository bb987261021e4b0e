// <wasm-blog src="posts/index.json" page-size="10">: the blog as one custom
// element. Everything the reader sees is decided by the C++ core (compiled to
// blog-core.wasm); the widget is the platform's end of it: fetching, writing
// the core's HTML into a shadow root, listening to the URL, scrolling. Only
// what the core cannot say is worded here: the screen before the engine has
// arrived, and the engine's own failure.
//
// This file is the entry a page loads (one script, one custom element); the
// widget's modules are in widget/, one job each (widget/element.js says
// which), and make dist bundles them into this one file
// (scripts/make-dist.sh; the engines' exports it calls are checked then,
// widget/exports.js).
//
// Attributes: src (the index, relative to the page), page-size, routing
// ("hash", "internal" or "path"), route (internal routing's first screen),
// root (path routing: the site's root path, default "/"), and
// response-timeout: milliseconds a request may go without a response, or its
// body without a byte, before the screen says so, with a "Try again" button
// (default: the core's, 15000).
// Changing src, page-size, routing, root or response-timeout later starts
// the widget again; changing route shows that screen (internal routing).
//
// Only one widget on a page follows its URL: the first with routing "hash"
// (the default) or "path". Any other routes inside itself, as "internal"
// does, so that two widgets never fight over the URL. A URL hash that is
// not one of the blog's ("#section-2" rather than "#/…") is the host page's
// own: the widget keeps its screen and the browser scrolls as usual.
//
// Events, on the element (bubbling, composed):
//   wasm-blog-ready     the engine is loaded and the widget started;
//                       detail { src, routing } (routing as it is in effect)
//   wasm-blog-rendered  a screen is shown (code and math done); detail
//                       { title, route, kind, complete, prerendered? }
//   wasm-blog-error     the screen is an error; detail { message, code, route },
//                       code "engine" | "index" | "post" | "csp"; served: true
//                       when a built page keeps its served screen and shows
//                       the message above it (no wasm-blog-rendered then)
//
// Theme: a click on any [data-action="theme"] in a screen switches between
// light and dark, and keeps the choice (localStorage "wasm-blog-theme") for
// every widget and the next visit; without a choice the stylesheet follows
// prefers-color-scheme. On our own pages (<html data-wasm-blog-page>) the
// page's root gets the theme too.
//
// routing="path" is a site built by `wasm-blog build`: every screen is a real
// file whose <wasm-blog> already holds the screen (<div class="wasm-blog">),
// readable without JavaScript. The widget takes that markup over without
// re-rendering it when the core's screen for the route is the same, then
// navigates with history.pushState between real paths. What the takeover
// needs (the engine, the index, the post's Markdown) may fail: the served
// screen stays as it is, the message above it with "Try again";
// a navigation to another screen meanwhile shows that screen's message as a
// page without served markup would.
//
// Several <wasm-blog> elements on one page share one instance of the module;
// each has its own handle into it (its own index, cache and route).

import { WasmBlogElement } from './widget/element.js';

export { WasmBlogElement };
// The Trusted Types policy the enhancers write through (widget/trusted.js).
export { trusted } from './widget/trusted.js';

if (!customElements.get('wasm-blog')) customElements.define('wasm-blog', WasmBlogElement);
