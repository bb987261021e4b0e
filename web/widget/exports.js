// The engines' C exports (wasm/blog_wasm.cpp) that the widget calls, each
// called here and nowhere else. Strings cross as (ptr, len) of UTF-8 bytes
// copied into the module's memory for the call; a handle is a widget's
// controller in one engine (blog_create … blog_destroy).
//
// ENGINE_EXPORTS is the one list of the engines' exports: which engine
// exports each name (wasm/CMakeLists.txt reads it to link blog-core, "list",
// and blog-full, "full"; "bench": called by a benchmark, not the widget);
// scripts/check-exports.mjs reads it at make dist, checks that every
// `_blog_*` name the widget's modules use is listed here and used only in
// this file, and that each engine's built glue and .wasm export it. It is
// not shipped (nothing in the bundle reads it).
export const ENGINE_EXPORTS = {
  _blog_alloc: 'list full',           // (bytes) -> ptr
  _blog_free: 'list full',            // (ptr)
  _blog_create: 'list full',          // (index ptr, len, root ptr, len, page size, timeout ms) -> handle
  _blog_destroy: 'list full',         // (handle)
  _blog_navigate: 'list full',        // (handle, route ptr, len): shows (blog_host_show), fetches
  _blog_prefetch: 'list full',        // (handle, route ptr, len) -> fetches started
  _blog_route_facts: 'list full',     // (handle, route ptr, len) -> bits: 1 one of the blog's screens, 2 only blog-full builds it
  _blog_retry: 'list full',           // (handle)
  _blog_search: 'list full',          // (handle, query ptr, len)
  _blog_route_href: 'list full',      // (handle, len ptr) -> ptr to free: the route on show
  _blog_fetch_done: 'list full',      // (handle, request id, status, body ptr, len)
  _blog_fetch_timed_out: 'list full', // (handle, request id)
  _blog_fetch_too_large: 'list full', // (handle, request id, declared bytes)
  _blog_render_markdown: 'full bench', // (md ptr, len, len ptr) -> ptr to free: bench/pathological.mjs, not the widget
};

import { encoder } from './network.js';

const decoder = new TextDecoder();

// Copies bytes (a string is encoded) into the module's memory for the
// duration of fn(ptr, len).
function withBytes(core, bytes, fn) {
  if (typeof bytes === 'string') bytes = encoder.encode(bytes);
  const ptr = core._blog_alloc(bytes.length);
  try {
    core.HEAPU8.set(bytes, ptr);  // HEAPU8 is re-read: memory may have grown
    return fn(ptr, bytes.length);
  } finally {
    core._blog_free(ptr);
  }
}

// A widget's controller in an engine: the engine's module and the handle
// into it. Every call of the engine goes through one of these methods.
export class Controller {
  _module = null;  // the engine's instance (its Module object)
  _handle = 0;     // 0: none (not created yet, or destroyed)
  // The core's answers about routes (is it the blog's, does only blog-full
  // build it, has its prefetch started: "name route" -> answer), kept until
  // the core's state changes (an answer, a retry): the events of one click
  // (pointer down, focus, click) cross the boundary once per question, not
  // once per event.
  _answers = new Map();

  // Creates the controller in `module` (an engine's instance).
  _create(module, indexUrl, root, pageSize, timeoutMs) {
    this._module = module;
    this._answers.clear();
    this._handle = withBytes(module, indexUrl,
      (p, n) => withBytes(module, root, (rp, rn) => module._blog_create(p, n, rp, rn, pageSize, timeoutMs)));
  }

  _destroy() {
    if (this._handle) this._module._blog_destroy(this._handle);
    this._handle = 0;
  }

  // Shows the screen of `route` (blog_host_show, synchronously) and fetches what it needs.
  _show(route) { this._call(route, '_blog_navigate'); }
  // Starts loading what `route`'s screen needs; shows nothing.
  _preload(route) { this._ask(route, '_blog_prefetch'); }
  // True when `route` (a hash, or a path and fragment) is one of the blog's screens.
  _isRoute(route) { return (this._ask(route, '_blog_route_facts') & 1) !== 0; }
  // True when `route`'s screen is one only blog-full builds (always false in blog-full).
  _needsFull(route) { return (this._ask(route, '_blog_route_facts') & 2) !== 0; }

  _retry() {
    this._answers.clear();
    this._module._blog_retry(this._handle);
  }
  // The search screen for `query`.
  _query(query) { this._call(query, '_blog_search'); }

  // Answers request `id` with a response of the network (network.js).
  _answer(id, a) {
    const m = this._module;
    this._answers.clear();
    if (a._tooLarge) m._blog_fetch_too_large(this._handle, id, a._declared);
    else if (a._timedOut) m._blog_fetch_timed_out(this._handle, id);
    else withBytes(m, a._body, (p, n) => m._blog_fetch_done(this._handle, id, a._status, p, n));
  }

  // The core's route for the screen on show ("#/search?q=borg", or a path).
  _href() {
    const m = this._module;
    const lenPtr = m._blog_alloc(4);
    try {
      const ptr = m._blog_route_href(this._handle, lenPtr);
      const len = new Uint32Array(m.HEAPU8.buffer, lenPtr, 1)[0];
      try {
        return decoder.decode(m.HEAPU8.subarray(ptr, ptr + len));
      } finally {
        m._blog_free(ptr);
      }
    } finally {
      m._blog_free(lenPtr);
    }
  }

  // The answer of a question about `route`, asked once while the core's state stays.
  _ask(route, name) {
    const key = `${name} ${route}`;
    if (!this._answers.has(key)) this._answers.set(key, this._call(route, name));
    return this._answers.get(key);
  }

  // export(handle, ptr, len) with `text` in the module's memory.
  _call(text, name) {
    return withBytes(this._module, text, (p, n) => this._module[name](this._handle, p, n));
  }
}
