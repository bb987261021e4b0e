// <wasm-blog src="posts/index.json" page-size="10">: the blog as one custom
// element. Everything the reader sees is decided by the C++ core (compiled to
// blog-core.wasm); this file is the platform's end of it: fetching, writing
// the core's HTML into a shadow root, listening to the URL hash, scrolling.
// Only what the core cannot say is worded here: the screen before the engine
// has arrived, and the engine's own failure.
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
// screen stays as it is, the message above it with "Try again" (_showBeside);
// a navigation to another screen meanwhile shows that screen's message as a
// page without served markup would.
//
// Several <wasm-blog> elements on one page share one instance of the module;
// each has its own handle into it (its own index, cache and route).

const assetUrl = (name) => new URL(name, import.meta.url).href;
// The engine comes in two builds of the one core (wasm/CMakeLists.txt):
// "list" (blog-core: the index and its list pages, a tag's or a category's
// included) is what a widget starts with; "full" (blog-full: the same and the
// Markdown engine, the terms overviews, the archive and search) is
// loaded when the list engine asks for a post's file (a post opened, or a
// link to one about to be: see _prefetch) or says a route needs it
// (_upgradeFor), and the widget hands its route over to it (_upgrade). A
// built site's post page starts with the full one.
const ENGINES = {
  list: { glue: assetUrl('blog-core.js'), wasm: assetUrl('blog-core.wasm') },
  full: { glue: assetUrl('blog-full.js'), wasm: assetUrl('blog-full.wasm') },
};
const encoder = new TextEncoder();
// How long the engine's files may go without a response before the widget
// says so, unless response-timeout says otherwise. Mirrors the core's
// ControllerConfig::response_timeout_ms (the core is what is being loaded;
// resilience.test.mjs checks the mirror).
const DEFAULT_RESPONSE_TIMEOUT_MS = 15000;

// Trusted Types: every HTML sink of the widget (its screens, highlight.js's
// markup, KaTeX's script) goes through one policy named "wasm-blog", so the
// widget works on pages that send
//   Content-Security-Policy: require-trusted-types-for 'script'; trusted-types wasm-blog
// createHTML passes the string through: the policy is not the sanitiser. The
// HTML comes from the core, which escapes every index string and, unless the
// blog opts in with "unsafeHtml", omits raw HTML from posts and drops script
// URLs; highlight.js escapes the code it marks up. createScriptURL admits only
// scripts shipped beside this module (vendor/katex).
const ASSET_BASE = assetUrl('./');
let policy;  // undefined: not created yet; null: no Trusted Types (or refused)
function trustedPolicy() {
  if (policy === undefined) {
    policy = null;
    if (typeof trustedTypes !== 'undefined' && trustedTypes.createPolicy) {
      try {
        policy = trustedTypes.createPolicy('wasm-blog', {
          createHTML: (html) => html,
          createScriptURL: (url) => {
            if (new URL(url, ASSET_BASE).href.startsWith(ASSET_BASE)) return url;
            throw new TypeError(`wasm-blog: ${url} is not one of the widget's own scripts`);
          },
        });
      } catch {
        policy = null;  // the page's CSP does not allow the name: the sinks will say so
      }
    }
  }
  return policy;
}
export const trusted = {
  html: (html) => { const p = trustedPolicy(); return p ? p.createHTML(html) : html; },
  scriptURL: (url) => { const p = trustedPolicy(); return p ? p.createScriptURL(url) : url; },
};

// The engine could not be fetched or started; the message is for the reader.
class EngineError extends Error {}
const reasonOf = (err) => (err && err.message ? err.message : String(err));

// Words a fetch of `url` that failed without a response. The browser says
// only "Failed to fetch"; for another origin, a second request in no-cors
// mode tells a server that answers but does not let this page read it
// (CORS) from one that cannot be reached.
async function networkFailure(url, err, signal) {
  const reason = reasonOf(err);
  let target;
  try {
    target = new URL(url, document.baseURI);
  } catch {
    return reason;
  }
  if (target.origin === location.origin || !(err instanceof TypeError) || (signal && signal.aborted)) return reason;
  const probe = new AbortController();
  const stop = () => probe.abort();
  if (signal) signal.addEventListener('abort', stop, { once: true });
  try {
    await fetch(target.href, { mode: 'no-cors', cache: 'no-store', signal: probe.signal });
    return `the server at ${target.origin} does not allow this page to read it `
      + `(no CORS header: its response has no Access-Control-Allow-Origin for ${location.origin})`;
  } catch {
    return `the server at ${target.origin} could not be reached (${reason})`;
  } finally {
    probe.abort();  // the status was all we needed, not the body
    if (signal) signal.removeEventListener('abort', stop);
  }
}
// Worded as the core words its own requests' timeouts ("15 s", "800 ms", "1500 ms").
const duration = (ms) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);
const noResponse = (ms) => `no response from the server after ${duration(ms)}`;
// Sizes as the core words them in messages (core/util/size_text.hpp):
// "90 bytes", "812 KB", "4.0 MB".
function sizeText(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1048576) return `${Math.floor((bytes + 512) / 1024)} KB`;
  const tenths = Math.floor((bytes * 10 + 524288) / 1048576);
  return `${Math.floor(tenths / 10)}.${tenths % 10} MB`;
}
// A response whose headers came but whose body stopped arriving for ms:
// what came of it, and of how much when the server said (declared, 0: not).
function bodyStalled(ms, received, declared) {
  const wait = `nothing more for ${duration(ms)}`;
  if (!received) return `the server answered but sent none of it (${wait.replace(' more', '')}).`;
  return `the server stopped sending it after ${sizeText(received)}${declared ? ` of ${sizeText(declared)}` : ''} (${wait}).`;
}

// Rejects with EngineError(`its engine (url) could not be loaded (no response …)`)
// when `promise` has not settled within ms.
function within(promise, ms, url, onTimeout = () => {}) {
  let timer;
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => {
      reject(new EngineError(`its engine (${url}) could not be loaded (${noResponse(ms)})`));
      onTimeout();  // after: the race is decided by the rejection above
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// URLs whose last request failed (no response, a stalled body, an error
// status, a network error): the next request (a "Try again") goes past the
// HTTP cache. A request still pending for the URL, such as a built page's
// <link rel="preload"> that no abort ends, holds the cache's lock on it, and
// a request through the cache would wait behind it instead of asking the
// server again.
const failedUrls = new Set();
const cacheFor = (url) => (failedUrls.has(url) ? 'no-store' : 'default');
// Records how a request for url ended (ok: a 2xx response, read whole).
function requestEnded(url, ok) {
  if (ok) failedUrls.delete(url);
  else failedUrls.add(url);
}

// Fetches and compiles an engine's .wasm: a promise of the WebAssembly.Module,
// compiled while it downloads (streaming) when the server sends the wasm MIME
// type, from an ArrayBuffer otherwise. Started beside the import of the glue,
// so that the download and the compile do not wait for it.
// Like the core's requests, only the wait for the response is bounded.
async function compileEngine(timeoutMs, ENGINE_WASM) {
  let response;
  const request = new AbortController();
  try {
    response = await within(fetch(ENGINE_WASM, { credentials: 'same-origin', signal: request.signal, cache: cacheFor(ENGINE_WASM) }),
      timeoutMs, ENGINE_WASM, () => request.abort());
  } catch (err) {
    requestEnded(ENGINE_WASM, false);
    if (err instanceof EngineError) throw err;
    throw new EngineError(`its engine (${ENGINE_WASM}) could not be loaded (${await networkFailure(ENGINE_WASM, err)})`);
  }
  requestEnded(ENGINE_WASM, response.ok);
  if (!response.ok) throw new EngineError(`its engine (${ENGINE_WASM}) could not be loaded (HTTP ${response.status})`);
  try {
    const type = (response.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
    if (type === 'application/wasm' && typeof WebAssembly.compileStreaming === 'function') {
      return await WebAssembly.compileStreaming(response);
    }
    return await WebAssembly.compile(await response.arrayBuffer());
  } catch (err) {
    throw new EngineError(`its engine (${ENGINE_WASM}) could not be started (${reasonOf(err)})`);
  }
}

// One instance of each engine for the page, loaded the first time a widget
// asks for it; the first widget's response-timeout bounds the downloads.
const corePromises = { list: null, full: null };
let fullLoaded = false;  // a widget that starts once the full engine is there starts with it
function loadCore(kind, timeoutMs) {
  if (!corePromises[kind]) {
    const { glue: ENGINE_GLUE, wasm: ENGINE_WASM } = ENGINES[kind];
    // The module and the glue download together.
    const compiled = compileEngine(timeoutMs, ENGINE_WASM);
    compiled.catch(() => {});  // awaited below, once the glue is in; not an unhandled rejection meanwhile
    corePromises[kind] = (async () => {
      let createBlogCore;
      try {
        ({ default: createBlogCore } = await within(import(ENGINE_GLUE), timeoutMs, ENGINE_GLUE));
      } catch (err) {
        if (err instanceof EngineError) throw err;
        throw new EngineError(`its engine (${ENGINE_GLUE}) could not be loaded (${reasonOf(err)})`);
      }
      const core = await new Promise((resolve, reject) => {
        createBlogCore({
          instantiateWasm(imports, receiveInstance) {
            compiled
              .then((module) => WebAssembly.instantiate(module, imports)
                .then((instance) => receiveInstance(instance, module),
                  (err) => { throw new EngineError(`its engine (${ENGINE_WASM}) could not be started (${reasonOf(err)})`); }))
              .catch(reject);
            return {};  // the exports arrive through receiveInstance
          },
        }).then(resolve, (err) => reject(err instanceof EngineError ? err
          : new EngineError(`its engine (${ENGINE_WASM}) could not be started (${reasonOf(err)})`)));
      });
      core.blogHosts = new Map();  // handle -> element, read by the EM_JS imports
      if (kind === 'full') fullLoaded = true;
      return core;
    })();
    corePromises[kind].catch(() => { corePromises[kind] = null; });  // "Try again" starts over
  }
  return corePromises[kind];
}

// Every connected widget (a theme choice reaches them all; one that could
// not load the engine starts when another one has it).
const widgets = new Set();
// The one widget that follows the page's URL (routing "hash" or "path").
let urlOwner = null;

// A hash the blog routes: "" and "#" (the list) or "#/…". Any other
// ("#section-2") is an anchor of the host page.
const isBlogHash = (hash) => hash === '' || hash === '#' || hash.startsWith('#/');

// The reader's theme: "dark", "light", or null to follow prefers-color-scheme
// (the stylesheet does that by itself). Kept in localStorage; where storage
// is blocked, for this page only.
const THEME_KEY = 'wasm-blog-theme';
function themeStored() {
  try {
    const theme = localStorage.getItem(THEME_KEY);
    return theme === 'dark' || theme === 'light' ? theme : null;
  } catch {
    return null;
  }
}
let themeChoice = themeStored();
// The site's own default (the index's "defaultTheme": "light", "dark", or
// "auto" for the system's), which the reader's choice overrides. The core
// gives it with each screen (frame.theme); a built page says it before any
// script runs (<html data-default-theme>, <wasm-blog data-default-theme>),
// and the last one seen for an index is kept (localStorage), so that a
// reload of a dark-by-default blog does not first paint in light.
const SITE_THEME_KEY = 'wasm-blog-site-theme:';
const themeKnown = (t) => (t === 'dark' || t === 'light' ? t : null);
function siteThemeStored(indexUrl) {
  try {
    return themeKnown(localStorage.getItem(SITE_THEME_KEY + indexUrl));
  } catch {
    return null;
  }
}
// Our own pages (index.html, a built site's pages) say so with
// <html data-wasm-blog-page>: their background follows the theme too. A host
// page's root is never touched. A built site's page is also known by its
// path-routed widget, until it carries the attribute (wasm-blog.css has the
// same selector for the page's background).
const OWN_PAGE = ':root:is([data-wasm-blog-page], :has(> body > wasm-blog[routing="path"]))';
function themeApplyPage() {
  const root = document.documentElement;
  if (!root.matches(OWN_PAGE)) return;
  // The page's own blog: the widget that follows the URL, else the first.
  const owner = urlOwner || widgets.values().next().value;
  const theme = themeChoice || (owner ? owner._siteTheme : themeKnown(root.dataset.defaultTheme));
  if (theme) root.setAttribute('data-theme', theme);
  else root.removeAttribute('data-theme');
}
// At once, as the module runs: index.html loads it with blocking="render",
// so the first paint already has the reader's theme.
themeApplyPage();
// The other theme than the one `widget` shows.
function themeToggle(widget) {
  const shown = widget._theme() || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  themeChoice = shown === 'dark' ? 'light' : 'dark';
  try {
    localStorage.setItem(THEME_KEY, themeChoice);
  } catch {
    // storage blocked: the choice holds for this page
  }
  themeApplyPage();
  for (const widget of widgets) widget._applyTheme();
}

// What a screen is when the core has not said (the engine's own failure):
// read from the markup. The core's screens carry their kind (frame.kind).
function screenKind(view) {
  const main = view.querySelector('main');
  if (!main) return 'loading';
  if (main.querySelector(':scope > .notice-error')) return 'error';
  if (main.querySelector(':scope > .not-found')) return 'not-found';
  if (main.querySelector(':scope > p.loading, :scope > article.post-single > p.loading')) return 'loading';
  if (main.querySelector(':scope > article.post-single')) return 'post';
  if (main.querySelector(':scope > .page-header')) return main.querySelector(':scope > .post-entry') ? 'tag' : 'tags';
  return 'list';
}

// The rules of the page's own <link rel="stylesheet"> of `url` (our own
// pages link wasm-blog.css for their background and a prerendered screen),
// so that the file is not downloaded a second time; null when the page has
// no such link or its rules cannot be read (another origin without CORS).
function linkedSheetText(url) {
  const link = [...document.querySelectorAll('link[rel~="stylesheet"]')].find((l) => l.href === url);
  if (!link) return Promise.resolve(null);
  const read = () => {
    try {
      return link.sheet ? [...link.sheet.cssRules].map((rule) => rule.cssText).join('\n') : null;
    } catch {
      return null;
    }
  };
  if (link.sheet) return Promise.resolve(read());
  // Still loading (or failed, which fires no more events: then a fetch after 3 s).
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 3000);
    const done = () => { clearTimeout(timer); resolve(read()); };
    link.addEventListener('load', done, { once: true });
    link.addEventListener('error', done, { once: true });
  });
}

let sheetPromise = null;  // one constructable stylesheet shared by every shadow root
function loadSheet() {
  if (!sheetPromise) {
    const url = assetUrl('wasm-blog.css');
    sheetPromise = linkedSheetText(url)
      .then((linked) => linked ?? fetch(url).then((r) => (r.ok ? r.text() : '')))
      .catch(() => '')
      .then((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        return sheet;
      });
  }
  return sheetPromise;
}

// The response's body as bytes, or null once it grows past maxBytes (0: no
// limit), when reading stops. A body that stops arriving for idleMs (0: no
// limit) is given up: onIdle(bytes received so far) is called and the read
// fails. A slow body that keeps arriving is never cut off.
async function readBody(response, maxBytes, idleMs, onIdle) {
  if ((!maxBytes && !idleMs) || !response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    let idle = 0;
    const next = idleMs > 0
      ? Promise.race([reader.read(), new Promise((_, reject) => {
        // Reject before cancelling: a cancel ends the pending read as "done",
        // which would pass the half body off as the whole.
        idle = setTimeout(() => { onIdle(total); reject(new Error('stalled')); reader.cancel().catch(() => {}); }, idleMs);
      })])
      : reader.read();
    const { done, value } = await next.finally(() => clearTimeout(idle));
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { body.set(c, at); at += c.length; }
  return body;
}

// Copies bytes into the module's memory for the duration of fn(ptr, len).
function withBytes(core, bytes, fn) {
  const ptr = core._blog_alloc(bytes.length);
  try {
    core.HEAPU8.set(bytes, ptr);  // HEAPU8 is re-read: memory may have grown
    return fn(ptr, bytes.length);
  } finally {
    core._blog_free(ptr);
  }
}

const enhancers = {
  code: () => import('./enhance-code.js'),
  math: () => import('./enhance-math.js'),
};

// A link's href as a URL against the page, or null when it is not one
// ("http://[", "///javascript:…": the browser's default is left to it).
function hrefUrl(href) {
  try {
    return new URL(href, location.href);
  } catch {
    return null;
  }
}

// <div class="notice notice-error"> saying `text`, with "Try again", as the
// core's error screens have it.
function errorNotice(text) {
  const box = document.createElement('div');
  box.className = 'notice notice-error';
  box.setAttribute('role', 'alert');
  const message = document.createElement('p');
  message.textContent = text;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'retry';
  button.dataset.action = 'retry';
  button.textContent = 'Try again';
  const line = document.createElement('p');
  line.append(button);
  box.append(message, line);
  return box;
}

// <main class="main"> holding `children`, as the core's screens have it.
function mainWith(...children) {
  const main = document.createElement('main');
  main.className = 'main';
  main.append(...children);
  return main;
}

export class WasmBlogElement extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this._core = null;
    this._handle = 0;
    this._connected = false;
    this._gen = 0;           // bumped by _stop: a start still awaiting the engine is dropped
    this._route = '';        // the route of the screen on show (or asked for)
    this._keepScroll = false;  // the screen is for a host anchor: the page's scroll is the browser's
    this._engineFailed = false;
    this._engine = null;     // the engine of _handle: "list" or "full" (ENGINES)
    this._upgrading = null;  // the full engine's load, while the route waits for it
    this._handoff = false;   // the full engine's first screens after an upgrade (see show)
    this._indexAnswer = null;   // the list engine's index response, for the full one
    // url -> { answer, post }: what the list engine asked for that the full
    // one will want: post files, and a paged index's other files until the
    // list engine's screen is complete (then they are not kept: a screen that
    // waited for a post was not complete).
    this._carried = new Map();
    this._requests = new Set();  // AbortControllers of the requests in flight
    this._restoreY = null;   // scroll position to restore (Back/Forward)
    this._scrollTimer = 0;
    this._siteTheme = null;  // the site's default theme, when it is not "auto"
    this._onHashChange = () => {
      clearTimeout(this._scrollTimer);
      this._scrollTimer = 0;
      const state = history.state && typeof history.state === 'object' ? history.state : {};
      if (!isBlogHash(location.hash)) {
        // The host page's own anchor: the browser scrolls to it and the
        // screen stays. The entry remembers the screen, for Back/Forward.
        if (typeof state.wasmBlogRoute !== 'string') {
          history.replaceState({ ...state, wasmBlogRoute: this._route }, '');
        } else if (state.wasmBlogRoute !== this._route) {
          this._go(state.wasmBlogRoute, { keepScroll: true });
        }
        return;
      }
      if (location.hash === this._route) return;  // back from a host anchor to the screen on show
      const y = state.wasmBlogScrollY;
      this._restoreY = typeof y === 'number' ? y : null;
      this.navigate(location.hash);
    };
    // Remembers the reading position in the history entry, so that Back
    // returns to it (the browser's own restoration runs before we render).
    this._onScroll = () => {
      if (!this._scrollTimer) this._scrollTimer = setTimeout(() => this._saveScroll(), 150);
    };
    this._onClick = (event) => this._click(event);
    // Prefetch: a link of the blog's that the reader is about to open (a
    // pointer resting on it for 65 ms, pressed on it, or the keyboard's focus
    // on it) has the files of its screen loaded before the click; the core
    // decides which (blog_prefetch).
    this._hoverTimer = 0;
    this._onPointerOver = (event) => {
      const link = this._linkOf(event);
      if (link === this._hovered) return;
      clearTimeout(this._hoverTimer);
      this._hovered = link;
      if (link) this._hoverTimer = setTimeout(() => this._prefetch(link), 65);
    };
    this._onPointerOut = (event) => {
      if (this._hovered && !this._hovered.contains(event.relatedTarget)) {
        clearTimeout(this._hoverTimer);
        this._hovered = null;
      }
    };
    this._onPointerDown = (event) => { const link = this._linkOf(event); if (link) this._prefetch(link); };
    // The scroll-to-top button shows once the widget's top is 800 px above
    // the window and the widget is still in view (PaperMod: the page's 800 px).
    this._onTopScroll = () => {
      if (this._topFrame) return;
      this._topFrame = requestAnimationFrame(() => {
        this._topFrame = 0;
        const box = this.getBoundingClientRect();
        this._view.toggleAttribute('data-scrolled', box.top < -800 && box.bottom > 0);
      });
    };
    this._onPopState = () => {
      clearTimeout(this._scrollTimer);
      this._scrollTimer = 0;
      const y = history.state && history.state.wasmBlogScrollY;
      this._restoreY = typeof y === 'number' ? y : null;
      this.navigate(this._location());
    };
  }

  static get observedAttributes() { return ['src', 'page-size', 'routing', 'root', 'response-timeout', 'route']; }

  get src() { return this.getAttribute('src') || 'posts/index.json'; }
  set src(value) { this.setAttribute('src', value); }
  get pageSize() { return parseInt(this.getAttribute('page-size') || '10', 10) || 10; }
  set pageSize(value) { this.setAttribute('page-size', String(value)); }
  // "hash" (default): routes by the page's URL hash and sets document.title.
  // "internal": routes inside the widget, leaving the host's URL and title alone.
  // "path": a built site's real paths under `root` (history.pushState).
  // Only the page's first "hash" or "path" widget follows the URL; the
  // others route as "internal" (wasm-blog-ready's detail.routing says which).
  get routing() {
    const r = this.getAttribute('routing');
    return r === 'internal' || r === 'path' ? r : 'hash';
  }
  set routing(value) { this.setAttribute('routing', value); }
  get root() { return this.getAttribute('root') || '/'; }
  set root(value) { this.setAttribute('root', value); }
  // Milliseconds without a response before a request is given up; 0: the core's default (15 s).
  get responseTimeout() { return Math.max(0, parseInt(this.getAttribute('response-timeout') || '0', 10) || 0); }
  set responseTimeout(value) { this.setAttribute('response-timeout', String(value)); }

  connectedCallback() {
    this._connected = true;
    widgets.add(this);
    if (!this.shadowRoot.firstChild) {
      this._view = document.createElement('div');
      this._view.className = 'wasm-blog';
      // A prerendered screen stays on show, through a slot, until the core's
      // own render of the route is ready (see show).
      const served = this.routing === 'path' ? this.querySelector(':scope > div.wasm-blog') : null;
      if (served) {
        this._prerendered = served;
        this._servedPage = location.pathname + location.search;  // the page it is the screen of
        this.shadowRoot.append(document.createElement('slot'));
      } else {
        this.shadowRoot.append(this._view);
      }
    }
    this._siteThemeSaved = siteThemeStored(this._indexKey());
    this._siteTheme = themeKnown(this.dataset.defaultTheme) || this._siteThemeSaved;
    this._applyTheme();  // before anything is painted: no flash of the other theme
    this._begin();
  }

  disconnectedCallback() {
    this._connected = false;
    widgets.delete(this);
    this._end();
  }

  // A changed attribute starts the widget again (once for several changes
  // made together); `route` only shows its screen.
  attributeChangedCallback(name, old, value) {
    if (!this._connected || old === value) return;
    if (name === 'route') {
      if (this._routing === 'internal') this.navigate(value || '#/');
      return;
    }
    if (this._restartQueued) return;
    this._restartQueued = true;
    queueMicrotask(() => {
      this._restartQueued = false;
      if (!this._connected) return;
      this._end();
      this._begin();
    });
  }

  // Decides how the widget routes, listens, and starts it.
  _begin() {
    const wanted = this.routing;
    if (wanted !== 'internal' && !urlOwner) urlOwner = this;
    this._routing = wanted !== 'internal' && urlOwner !== this ? 'internal' : wanted;
    if (this._prerendered && this._routing !== 'path') {
      // Not a built page's own widget after all: the core renders its screens.
      this.shadowRoot.replaceChildren(this._view);
      this._prerendered.remove();
      this._prerendered = null;
    }
    if (this._routing === 'hash') {
      window.addEventListener('hashchange', this._onHashChange);
    } else if (this._routing === 'path') {
      window.addEventListener('popstate', this._onPopState);
    }
    if (this._routing !== 'internal') window.addEventListener('scroll', this._onScroll, { passive: true });
    window.addEventListener('scroll', this._onTopScroll, { passive: true });
    this.shadowRoot.addEventListener('click', this._onClick);
    this.shadowRoot.addEventListener('pointerover', this._onPointerOver);
    this.shadowRoot.addEventListener('pointerout', this._onPointerOut);
    this.shadowRoot.addEventListener('pointerdown', this._onPointerDown);
    this.shadowRoot.addEventListener('focusin', this._onPointerDown);
    this._start();
  }

  // Undoes _begin: every listener, timer, request and the handle.
  _end() {
    window.removeEventListener('hashchange', this._onHashChange);
    window.removeEventListener('popstate', this._onPopState);
    window.removeEventListener('scroll', this._onScroll);
    window.removeEventListener('scroll', this._onTopScroll);
    cancelAnimationFrame(this._topFrame);
    this._topFrame = 0;
    this.shadowRoot.removeEventListener('click', this._onClick);
    this.shadowRoot.removeEventListener('pointerover', this._onPointerOver);
    this.shadowRoot.removeEventListener('pointerout', this._onPointerOut);
    this.shadowRoot.removeEventListener('pointerdown', this._onPointerDown);
    this.shadowRoot.removeEventListener('focusin', this._onPointerDown);
    clearTimeout(this._hoverTimer);
    this._hovered = null;
    clearTimeout(this._scrollTimer);
    this._scrollTimer = 0;
    this._stop();
    this._pendingRoute = undefined;
    if (urlOwner === this) urlOwner = null;
  }

  // The theme this widget shows: the reader's choice, else its site's
  // default; null to follow prefers-color-scheme (the stylesheet does).
  _theme() {
    return themeChoice || this._siteTheme;
  }

  // The reader's theme on the view root (and a prerendered screen's, and
  // the notice above it).
  _applyTheme() {
    const theme = this._theme();
    for (const root of [this._view, this._prerendered, this._beside]) {
      if (!root) continue;
      if (theme) root.setAttribute('data-theme', theme);
      else root.removeAttribute('data-theme');
    }
    themeApplyPage();
  }

  // The site's default theme as the core gives it with a screen
  // ("auto", "light", "dark"; "" or undefined: not known yet).
  _siteThemeFrom(theme) {
    if (!theme) return;
    const site = themeKnown(theme);
    if (site !== this._siteTheme) {
      this._siteTheme = site;
      this._applyTheme();
    }
    // Written when it changes, not with every screen.
    if (this._siteThemeSaved === site) return;
    this._siteThemeSaved = site;
    try {
      if (site) localStorage.setItem(SITE_THEME_KEY + this._indexKey(), site);
      else localStorage.removeItem(SITE_THEME_KEY + this._indexKey());
    } catch {
      // storage blocked
    }
  }

  _indexKey() {
    return new URL(this.src, document.baseURI).href;
  }

  _saveScroll() {
    clearTimeout(this._scrollTimer);
    this._scrollTimer = 0;
    const state = history.state && typeof history.state === 'object' ? history.state : {};
    history.replaceState({ ...state, wasmBlogScrollY: Math.round(window.scrollY) }, '');
  }

  // A click on one of the widget's routes ("#/posts/x"): in hash mode, save
  // the reading position before the browser leaves the entry; in internal
  // mode, navigate inside the widget instead of changing the host's URL.
  // A click on a screen's "Try again" ([data-action="retry"]) retries; one
  // on the theme toggle ([data-action="theme"]) switches the theme.
  _click(event) {
    const all = event.composedPath();
    const path = all.slice(0, all.indexOf(this.shadowRoot));  // inside the widget only
    const action = path.find((n) => n instanceof HTMLElement && n.dataset.action);
    if (action && action.dataset.action === 'retry') {
      event.preventDefault();
      this.retry();
      return;
    }
    if (action && action.dataset.action === 'theme') {
      event.preventDefault();
      themeToggle(this);
      return;
    }
    if (action && action.dataset.action === 'top') {  // the scroll-to-top button
      event.preventDefault();
      const top = this.getBoundingClientRect().top + window.scrollY;
      window.scrollTo({ top: Math.min(window.scrollY, top), behavior: 'smooth' });
      // The keyboard continues from the top of the screen too.
      const first = this._view.querySelector('.logo a, main h1, main h2');
      if (first) first.focus({ preventScroll: true });
      return;
    }
    if (action && action.dataset.action === 'copy-code') {  // the core's button at the end of a <pre>
      event.preventDefault();
      const code = action.parentNode && action.parentNode.querySelector('code');
      if (code && navigator.clipboard) navigator.clipboard.writeText(code.textContent).catch(() => {});
      action.textContent = 'copied!';
      setTimeout(() => { action.textContent = 'copy'; }, 2000);
      return;
    }
    const link = path.find((n) => n instanceof HTMLAnchorElement);
    const href = link && link.getAttribute('href');
    if (!href) return;
    const plain = !(event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || event.altKey || (link.target && link.target !== '_self') || link.hasAttribute('download'));
    if (this._routing === 'path') {
      // A link to one of the blog's screens (the core decides which paths are)
      // stays in the page: pushState, and the core shows the screen.
      const url = hrefUrl(href);
      if (!url || !plain || url.origin !== location.origin || !this._handle) return;
      // An anchor of a served screen whose takeover failed: the browser scrolls to it.
      if (this._beside && url.pathname + url.search === this._servedPage && url.hash) return;
      const where = url.pathname + url.hash;
      const ours = withBytes(this._core, encoder.encode(where), (p, n) => this._core._blog_is_route(this._handle, p, n));
      if (!ours) return;
      event.preventDefault();
      this._saveScroll();
      if (url.href !== location.href) history.pushState({}, '', url.href);
      this._restoreY = null;
      this.navigate(where);
      return;
    }
    if (!href.startsWith('#/')) return;
    if (this._routing === 'hash') {
      // The browser changes the hash (a history entry) and hashchange comes
      // a task later, as much as a frame or two: the screen is asked for now,
      // and that hashchange then finds it on show.
      // The route as location.hash will spell it (percent-encoded), so that
      // hashchange finds it on show and does not render it again.
      const target = hrefUrl(href);
      if (!target) return;
      this._saveScroll();
      if (plain && target.hash !== location.hash) {
        this._restoreY = null;
        this.navigate(target.hash);
      }
      return;
    }
    if (!plain) return;
    event.preventDefault();
    this.navigate(href);
  }

  // The link an event is on, inside the widget.
  _linkOf(event) {
    const all = event.composedPath();
    return all.slice(0, all.indexOf(this.shadowRoot)).find((n) => n instanceof HTMLAnchorElement) || null;
  }

  // Starts loading what the screen behind `link` needs, if it is one of the
  // blog's (the core says: anything else starts nothing).
  _prefetch(link) {
    const href = link.getAttribute('href');
    if (!href || !this._handle) return;
    let where = href;
    if (this._routing === 'path') {
      const url = hrefUrl(href);
      if (!url || url.origin !== location.origin) return;
      where = url.pathname + url.search + url.hash;
    } else if (!href.startsWith('#/')) {
      return;
    }
    withBytes(this._core, encoder.encode(where), (p, n) => this._core._blog_prefetch(this._handle, p, n));
    // A screen of the full engine's: it takes over now, as for a post's file.
    this._upgradeFor(where);
  }

  // Where the page is, as the core reads it: the hash, or the path and its fragment.
  _location() {
    // (the query too: the search screen's words, "/blog/search/?q=borg")
    return this._routing === 'path' ? location.pathname + location.search + location.hash : location.hash;
  }

  // The first screen: the page's URL, or the `route` attribute (internal,
  // which leaves the page where it is: the reader went nowhere yet).
  // A host anchor in the URL ("#section-2") shows the list, as an empty hash
  // does, and leaves the page where the browser scrolled it.
  _firstRoute() {
    if (this._routing === 'internal') return { route: this.getAttribute('route') || '#/', keepScroll: true };
    const where = this._location();
    if (this._routing === 'path' || isBlogHash(where)) return { route: where };
    const state = history.state && typeof history.state === 'object' ? history.state : {};
    history.replaceState({ ...state, wasmBlogRoute: '' }, '');
    return { route: '', keepScroll: true };
  }

  async _start() {
    if (this._handle || this._starting) return;
    this._starting = true;
    this._engineFailed = false;
    const gen = this._gen;
    // Something to see at once, before the engine (and the stylesheet) arrive.
    if (!this._prerendered) this._showLoading();
    loadSheet().then((sheet) => { this.shadowRoot.adoptedStyleSheets = [sheet]; });
    // Absolute, so that the core resolves post files and links in posts
    // against an absolute base (a relative one lets "../" reach a scheme). A
    // built site's pages were rendered against the path from the host's
    // root ("/blog/posts/index.json"), which is as safe: the widget passes
    // the same, so that its screens are the prerendered bytes.
    const index = new URL(this.src, document.baseURI);
    const indexUrl = this._routing === 'path' && index.origin === location.origin ? index.pathname : index.href;
    this._indexUrl = indexUrl;
    // Every first screen needs the index: its request starts now, beside the
    // engine's download, and is the one the core's first request gets.
    this._early = { url: indexUrl, request: new AbortController() };
    this._requests.add(this._early.request);
    this._early.response = fetch(indexUrl, { signal: this._early.request.signal, cache: cacheFor(indexUrl) });
    this._early.response.catch(() => {});  // read (or aborted) when the core asks
    // The list engine, unless the full one is there already or the first
    // screen is one of the full one's (a post, the archive...: a built page
    // says so, data-engine="full"): then the full one at once.
    const kind = fullLoaded || (this._prerendered && this.dataset.engine === 'full') ? 'full' : 'list';
    let core;
    try {
      [core] = await Promise.all([loadCore(kind, this.responseTimeout || DEFAULT_RESPONSE_TIMEOUT_MS), loadSheet()]);
    } catch (err) {
      if (gen !== this._gen) return;  // stopped or started again meanwhile
      this._starting = false;
      // Not remembered: the next navigation, "Try again" or another widget
      // loads the engine again.
      this._engineFailed = true;
      if (this._connected) this._showEngineError(err);
      return;
    }
    if (gen !== this._gen) return;
    this._starting = false;
    if (!this._connected) return;
    this._core = core;
    this._engine = kind;
    this._handle = this._create(core);
    const first = this._firstRoute();
    this._go(this._pendingRoute !== undefined ? this._pendingRoute : first.route,
      { keepScroll: this._pendingRoute === undefined && first.keepScroll });
    this._pendingRoute = undefined;
    this.dispatchEvent(new CustomEvent('wasm-blog-ready', {
      detail: { src: indexUrl, routing: this._routing }, bubbles: true, composed: true,
    }));
    // Widgets that could not load the engine have it now.
    for (const widget of widgets) if (widget._engineFailed) widget._start();
  }

  // A controller for this widget in `core`, registered for its imports.
  _create(core) {
    const root = this._routing === 'path' ? this.root : '';
    const handle = withBytes(core, encoder.encode(this._indexUrl), (p, n) => withBytes(core, encoder.encode(root),
      (rp, rn) => core._blog_create(p, n, rp, rn, this.pageSize, this.responseTimeout)));
    core.blogHosts.set(handle, this);
    return handle;
  }

  // The list engine asked for a post's file: the full engine takes the route
  // over. Loaded once per page; meanwhile the list engine's screen stays (a
  // post's title and meta, "Loading…" for its body) and the file downloads.
  // The full engine's controller starts on the same route with the index
  // bytes already here (the list engine's response, not fetched again) and
  // the post files the list engine asked for (_carried), and the list
  // engine's controller goes.
  async _upgrade() {
    if (this._upgrading || this._engine !== 'list') return;
    const gen = this._gen;
    this._upgrading = loadCore('full', this.responseTimeout || DEFAULT_RESPONSE_TIMEOUT_MS);
    let core;
    try {
      core = await this._upgrading;
    } catch (err) {
      if (gen !== this._gen) return;
      this._upgrading = null;
      this._upgradeFailed = true;  // "Try again" loads it again
      if (this._connected) this._showEngineError(err);
      return;
    }
    if (gen !== this._gen || !this._connected) return;
    this._upgrading = null;
    const old = { core: this._core, handle: this._handle };
    this._core = core;
    this._engine = 'full';
    this._handle = this._create(core);
    this._handoff = true;
    old.core.blogHosts.delete(old.handle);
    old.core._blog_destroy(old.handle);
    withBytes(core, encoder.encode(this._route), (p, n) => core._blog_navigate(this._handle, p, n));
  }

  _stop() {
    this._gen += 1;
    this._starting = false;
    this._engineFailed = false;
    this._upgradeFailed = false;
    this._upgrading = null;
    this._handoff = false;
    this._siteKnown = false;
    this._removeBeside();
    this._servedMissing = false;
    this._indexAnswer = null;
    this._early = null;
    this._carried.clear();
    for (const request of this._requests) request.abort();
    this._requests.clear();
    if (!this._handle) return;
    this._core.blogHosts.delete(this._handle);
    this._core._blog_destroy(this._handle);
    this._handle = 0;
    this._engine = null;
  }

  _showLoading() {
    const p = document.createElement('p');
    p.className = 'loading';
    p.setAttribute('aria-busy', 'true');
    p.textContent = 'Loading…';  // the core's own loading screen says the same
    this._view.replaceChildren(mainWith(p));
    this._shownHtml = null;
    this.removeAttribute('data-kind');
  }

  // The engine did not arrive: the core cannot word this one.
  _showEngineError(err) {
    const box = errorNotice(err instanceof EngineError ? `The blog could not start: ${err.message}.`
      : `The blog could not start: ${reasonOf(err)}.`);
    const button = box.querySelector('button');
    if (this._prerendered) {
      if (!this._handle || this._onServedPage()) {
        this._showBeside(box, 'engine');
        return;
      }
      this._dropServed();  // the reader has left the served screen
    }
    this._view.replaceChildren(mainWith(box));
    this._shownHtml = null;
    this.setAttribute('data-kind', 'error');
    if (this._refocus) {
      this._refocus = false;
      button.focus();
    }
    this._announce({ kind: screenKind(this._view), route: this._route, error: 'engine' });
  }

  // "Try again": fetches what failed once more, without reloading the page.
  // A reader who pressed it from the keyboard keeps a place to continue from:
  // the next screen's heading, or the next "Try again".
  retry() {
    this._refocus = this.shadowRoot.activeElement !== null;
    this._removeBeside();  // back if it fails again
    this._servedMissing = false;
    if (this._upgradeFailed) {
      this._upgradeFailed = false;
      this._upgrade();
    } else if (this._handle) {
      this._core._blog_retry(this._handle);
    } else {
      this._start();
    }
  }

  // Shows the screen for a route: "#/posts/lets-go", or with routing="path"
  // a path and its fragment ("/blog/posts/lets-go/#why-go").
  navigate(hash) {
    this._go(hash);
  }

  // keepScroll: the screen is not where the reader went (a host anchor is):
  // the page is not scrolled to the widget.
  _go(route, { keepScroll = false } = {}) {
    this._route = route || '';
    this._keepScroll = keepScroll;
    if (!this._handle) {
      // The engine is not there (yet): a navigation tries again if it failed.
      this._pendingRoute = this._route;
      if (this._engineFailed && this._connected) this._start();
      return;
    }
    withBytes(this._core, encoder.encode(this._route), (p, n) => this._core._blog_navigate(this._handle, p, n));
    this._upgradeFor(this._route);
  }

  // A screen the list engine cannot build (a post, the tags' or categories'
  // overview, the archive, search: the core says which) needs the full
  // engine: loaded now, beside the index and the post, and the route handed
  // over to it (_upgrade); meanwhile the list engine shows "Loading…".
  _upgradeFor(route) {
    if (this._engine === 'list'
      && withBytes(this._core, encoder.encode(route), (p, n) => this._core._blog_route_needs_full(this._handle, p, n))) {
      this._upgrade();
    }
  }

  // Called by the core: start a request and answer it with blog_fetch_done,
  // or with blog_fetch_timed_out when no response (status and headers) came
  // within timeoutMs. Once the headers are in, the body may take its time.
  // The list engine's request for a post's Markdown (`post`) starts the full
  // engine (_upgrade) and is kept for it: the list engine never gets a post,
  // which it could not render.
  fetch(requestId, url, timeoutMs, maxBytes, post) {
    const handle = this._handle;
    const core = this._core;
    const isIndex = url === this._indexUrl;
    let answer;
    if (this._engine === 'full' && isIndex && this._indexAnswer) {
      answer = this._indexAnswer;  // the list engine's, handed over
      this._indexAnswer = null;
    } else if (this._engine === 'full' && this._carried.has(url)) {
      answer = this._carried.get(url).answer;
      this._carried.delete(url);
    } else {
      answer = this._request(url, timeoutMs, maxBytes);
      if (this._engine === 'list') {
        if (isIndex) {
          this._indexAnswer = answer;
        } else {
          this._carried.set(url, { answer, post });
          if (post) {
            this._upgrade();
            return;
          }
        }
      }
    }
    answer.then((a) => {
      if (this._handle !== handle) return;  // the widget (or its engine) changed meanwhile
      // A served post whose Markdown is missing: not found for the core, a
      // failed fetch for the page that shows it (see show).
      if (this._prerendered && a.status === 404) this._servedMissing = true;
      if (a.tooLarge) core._blog_fetch_too_large(handle, requestId, a.declared);
      else if (a.timedOut) core._blog_fetch_timed_out(handle, requestId);
      else withBytes(core, a.body, (p, n) => core._blog_fetch_done(handle, requestId, a.status, p, n));
    });
  }

  // Fetches url: a promise of its answer, never rejected:
  // { status, body } (status 0: body is the network error's text, or says
  // that the body stopped arriving, as the core words it: "Could not load
  // <url>: <this>"), { timedOut } (no response within timeoutMs), or
  // { tooLarge, declared } (over maxBytes, the body is not read into memory:
  // the download stops; declared: the Content-Length, 0 if none).
  _request(url, timeoutMs, maxBytes) {
    const early = this._early && this._early.url === url ? this._early : null;
    if (early) {
      this._requests.delete(early.request);
      this._early = null;
    }
    const request = early ? early.request : new AbortController();
    this._requests.add(request);
    let timedOut = false;  // no response (headers) within timeoutMs
    let stalled = null;    // the body stopped arriving: { received, declared }
    const timer = timeoutMs > 0 ? setTimeout(() => { timedOut = true; request.abort(); }, timeoutMs) : 0;
    const tooLarge = (declared) => {
      request.abort();
      return { tooLarge: true, declared };
    };
    return (early ? early.response : fetch(url, { signal: request.signal, cache: cacheFor(url) }))
      .then(async (response) => {
        clearTimeout(timer);
        const declared = Number(response.headers.get('Content-Length')) || 0;
        if (maxBytes > 0 && declared > maxBytes) return tooLarge(declared);
        // The same timeout bounds a pause in the body: bytes that stop coming
        // are a dead connection, not a slow one. A compressed body's
        // Content-Length is not the size of what is read.
        const whole = response.headers.get('Content-Encoding') ? 0 : declared;
        const body = await readBody(response, maxBytes, timeoutMs, (received) => { stalled = { received, declared: whole }; });
        if (!body) return tooLarge(0);
        requestEnded(url, response.ok);
        return { status: response.status, body };
      })
      .catch(async (err) => {
        clearTimeout(timer);
        requestEnded(url, false);
        if (stalled) return { status: 0, body: encoder.encode(bodyStalled(timeoutMs, stalled.received, stalled.declared)) };
        if (timedOut) return { timedOut: true };
        return { status: 0, body: encoder.encode(await networkFailure(url, err, request.signal)) };
      })
      .finally(() => this._requests.delete(request));
  }

  // A prerendered screen (routing="path") until the core's render of the same
  // route is complete: then the served markup is kept, node for node, when
  // it is what the core would show (so nothing flashes or moves), and is
  // replaced when it is not (an older build, another 404 path).
  _takeOver(frame) {
    const served = this._prerendered;
    if (!frame.complete) return false;  // the core is still loading: the served page stays
    this._prerendered = null;
    const fresh = document.createElement('template');
    fresh.innerHTML = trusted.html(frame.html);
    const same = fresh.innerHTML === served.innerHTML;
    this._beside = null;  // replaced with the rest of the shadow root
    if (same) {
      this._view = served;
      this._shownHtml = frame.html;
      this.shadowRoot.replaceChildren(served);
    } else {
      this.shadowRoot.replaceChildren(this._view);
      served.remove();
    }
    this._tookOver = same ? 'kept' : 'replaced';
    return same;
  }

  // The served screen gives way to the core's (a failure after the reader
  // navigated elsewhere).
  _dropServed() {
    this.shadowRoot.replaceChildren(this._view);
    this._prerendered.remove();
    this._prerendered = null;
    this._beside = null;
  }

  // True while the route is the page the served screen is of (its fragment aside).
  _onServedPage() {
    return (this._route || this._location()).split('#')[0] === this._servedPage;
  }

  // What the takeover of a served screen needs failed: `notice` (a
  // .notice-error, the message and "Try again" if it can be retried) goes
  // above the served screen, which stays as it is, and wasm-blog-error says
  // so (detail.served). Replaced by the next failure, removed by "Try again"
  // and by the takeover.
  _showBeside(notice, code) {
    const box = document.createElement('div');
    box.className = 'wasm-blog beside';
    const theme = this._theme();
    if (theme) box.setAttribute('data-theme', theme);
    box.append(notice);
    if (this._beside) this._beside.replaceWith(box);
    else this.shadowRoot.prepend(box);
    this._beside = box;
    const retry = notice.querySelector('button.retry');
    if (this._refocus && retry) {
      this._refocus = false;
      retry.focus({ preventScroll: true });
    }
    const message = notice.querySelector('p');
    this.dispatchEvent(new CustomEvent('wasm-blog-error', {
      detail: { message: message ? message.textContent : '', code, route: this._route || this._location(), served: true },
      bubbles: true,
      composed: true,
    }));
  }

  // An error before any screen was shown is the index's, unless the core has
  // shown the post's screen waiting for its Markdown (as _announce reads it).
  _siteKnownFrom(frame) {
    if (this._siteKnown || frame.kind === 'error') return;
    if (frame.kind !== 'loading') {
      this._siteKnown = true;
      return;
    }
    try {
      const screen = document.createElement('template');
      screen.innerHTML = trusted.html(frame.html);
      if (screen.content.querySelector('main > article')) this._siteKnown = true;
    } catch {
      // Trusted Types refuse the policy: show() says so
    }
  }

  _removeBeside() {
    if (this._beside) this._beside.remove();
    this._beside = null;
  }

  // The core's error screen for the served page: its notice goes above the
  // served screen (_showBeside); a "not found" that a file's 404 caused, as
  // a notice with "Try again". False when the frame has none to take.
  _showBesideFrom(frame) {
    let notice;
    try {
      const screen = document.createElement('template');
      screen.innerHTML = trusted.html(frame.html);
      notice = screen.content.querySelector('main > .notice-error');
      const missing = frame.kind === 'not-found' && screen.content.querySelector('main > .not-found > h1 + p');
      if (missing) notice = errorNotice(missing.textContent);
    } catch {
      return false;  // Trusted Types refuse the policy: show() says so
    }
    if (!notice) return false;
    this._showBeside(notice, this._siteKnown ? 'post' : 'index');
    return true;
  }

  // Called by the core with a screen to show.
  show(frame) {
    if (this._handoff) {
      // The full engine's first screens after the list engine's: the list
      // engine's stays until the full one has more to show than "Loading…",
      // and is not touched when the full one's is the same (a press on a
      // link under way must land on the element it started on); the reader
      // stays where they are on the route already shown.
      if (frame.kind === 'loading') return;
      this._handoff = false;
      if (frame.html === this._shownHtml) return;
      if (frame.scroll === 'top') frame = { ...frame, scroll: 'keep' };
      // Focus in the screen (a reader at the keyboard) moves to the new one's heading.
      if (document.activeElement === this) this._refocus = true;
    }
    if (this._engine === 'list' && frame.complete) {
      for (const [url, carried] of this._carried) if (!carried.post) this._carried.delete(url);
    }
    this._searchBefore();  // navigation block, at the end of this file
    this._siteThemeFrom(frame.theme);
    if (this._prerendered) {
      // A failure on the served page leaves the served screen as it is.
      if ((frame.kind === 'error' || (frame.kind === 'not-found' && this._servedMissing)) && this._onServedPage()
        && this._showBesideFrom(frame)) return;
      if (!frame.complete) {
        this._siteKnownFrom(frame);
        return;
      }
      if (this._takeOver(frame)) {
        if (this._refocus) {
          // "Try again" from the keyboard: the screen's heading next.
          this._refocus = false;
          const heading = this._view.querySelector('main h1, main h2');
          if (heading) {
            heading.setAttribute('tabindex', '-1');
            heading.focus({ preventScroll: true });
          }
        }
        this._enhance(frame);
        return;
      }
    }
    // A reader who navigated from inside the widget (keyboard, screen reader)
    // continues from the new screen's heading, not from the top of the page.
    const hadFocus = document.activeElement === this;
    try {
      this._view.innerHTML = trusted.html(frame.html);
      this._shownHtml = frame.html;
    } catch (err) {
      // Trusted Types enforced without allowing this widget's policy name.
      const p = document.createElement('p');
      p.textContent = 'The blog cannot show its pages: this page\'s Content-Security-Policy does not allow '
        + 'the Trusted Types policy "wasm-blog" (add it to the trusted-types directive).';
      const box = document.createElement('div');
      box.className = 'notice notice-error';
      box.setAttribute('role', 'alert');
      box.append(p);
      this._view.replaceChildren(mainWith(box));
      this._shownHtml = null;
      this._announce({ kind: 'error', route: this._route, error: 'csp' });
      throw err;  // reported to the page's error handlers as well
    }
    if ((hadFocus && frame.scroll !== 'keep') || this._refocus) {
      const heading = this._view.querySelector('main h1, main h2');
      const retry = this._view.querySelector('button.retry');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
      } else if (retry) {
        retry.focus({ preventScroll: true });
      }
      if (heading || retry) this._refocus = false;  // else still loading: the next screen
    }
    if (frame.title && this._routing !== 'internal') document.title = frame.title;
    if (this._restoreY !== null) {
      // Back/Forward: where the reader was; kept until the screen is tall enough.
      window.scrollTo(0, this._restoreY);
      if (Math.abs(window.scrollY - this._restoreY) <= 1) this._restoreY = null;
    } else if (frame.scroll === 'top' && !this._keepScroll) {
      const top = this.getBoundingClientRect().top + window.scrollY;
      if (window.scrollY > top) window.scrollTo(0, top);
    } else if (frame.scroll === 'anchor') {
      const target = this.shadowRoot.getElementById(frame.anchor);
      if (target) target.scrollIntoView();
    }
    this._enhance(frame);
  }

  // Highlighting and math, loaded only for screens that have them; then the
  // screen is announced as rendered.
  _enhance(frame) {
    this._searchAfter(frame);  // navigation block, at the end of this file
    const shown = { title: frame.title, complete: frame.complete, kind: frame.kind || screenKind(this._view), route: this._route };
    // The screen's kind on the element: the stylesheet's list background
    // (and the host's own CSS, if it wants) follows it.
    this.setAttribute('data-kind', shown.kind);
    const pending = [];
    if (frame.needsCode) pending.push(enhancers.code().then((m) => m.enhance(this._view, assetUrl, trusted)));
    if (frame.needsMath) pending.push(enhancers.math().then((m) => m.enhance(this._view, assetUrl, this.shadowRoot, trusted)));
    Promise.allSettled(pending).then(() => this._announce(shown));
  }

  // wasm-blog-rendered, and wasm-blog-error for an error screen.
  // detail.prerendered: for the first screen of a built page, "kept" (the
  // served markup was the core's screen and stays as it is) or "replaced".
  // An error's code: "engine" and "csp" are the widget's own; the core's is
  // "index" until a screen has shown the blog's index, "post" after.
  _announce({ title = '', complete = true, kind, route, error }) {
    const detail = { title, route, kind, complete };
    if (this._tookOver) {
      detail.prerendered = this._tookOver;
      this._tookOver = null;
    }
    if (kind !== 'error' && kind !== 'loading') this._siteKnown = true;
    if (kind === 'loading' && this._view.querySelector('main > article')) this._siteKnown = true;
    this.dispatchEvent(new CustomEvent('wasm-blog-rendered', { detail, bubbles: true, composed: true }));
    if (kind !== 'error') return;
    const message = this._view.querySelector('main > .notice-error p');
    this.dispatchEvent(new CustomEvent('wasm-blog-error', {
      detail: { message: message ? message.textContent : '', code: error || (this._siteKnown ? 'post' : 'index'), route },
      bubbles: true,
      composed: true,
    }));
  }
}

// ---- navigation: the search box (issue 8) -------------------------------
// The core draws the search screen (<input data-action="search"> in
// #searchbox, results below it); the widget hands it what the reader types
// and keeps the URL in step without a history entry per keystroke. Every
// screen is rewritten whole, the box included, so show() calls
// _searchBefore (is the box focused, where is the caret) and _enhance calls
// _searchAfter (focus and caret back on the new box; the screen's lang).
// "/" anywhere in the page, outside a text field, focuses the box, or opens
// the search screen (the menu's entry with accesskey "/") and then focuses it.
const searchDecoder = new TextDecoder();
Object.assign(WasmBlogElement.prototype, {
  _searchBefore() {
    const box = this.shadowRoot.activeElement;
    this._searchKeep = box && box.matches('input[data-action="search"]')
      ? { start: box.selectionStart, end: box.selectionEnd, dir: box.selectionDirection } : null;
    this._searchHadFocus = document.activeElement === this;
  },

  _searchAfter(frame) {
    if (frame.lang) this._view.lang = frame.lang;
    if (frame.rtl) this._view.dir = 'rtl';  // the core says (i18n_rtl): Arabic, Persian, Hebrew…
    else this._view.removeAttribute('dir');
    if (!this._searchListening) {
      this._searchListening = true;
      const typed = (event) => {
        const box = event.target;
        if (!(box instanceof HTMLInputElement) || box.dataset.action !== 'search' || event.isComposing) return;
        this._search(box.value);
      };
      this.shadowRoot.addEventListener('input', typed);
      this.shadowRoot.addEventListener('compositionend', typed);  // an IME's text, once composed
      // Capture: before the widget's own click handling moves to another screen.
      this.shadowRoot.addEventListener('click', () => this._searchFlushUrl(), true);
      // Enter in the box opens the first result (the placeholder's "↵").
      this.shadowRoot.addEventListener('keydown', (event) => {
        const box = event.target;
        if (event.key !== 'Enter' || event.isComposing || !(box instanceof HTMLInputElement) || box.dataset.action !== 'search') return;
        const first = this._view.querySelector('#searchResults a.entry-link');
        if (first) {
          event.preventDefault();
          first.click();
        }
      });
    }
    if (this._searching) this._route = this._searchHref();
    const box = this._view.querySelector('input[data-action="search"]');
    const keep = this._searchKeep;
    this._searchKeep = null;
    if (!box) return;  // "Loading…" first: a wanted focus waits for the box
    if (keep) {
      box.focus({ preventScroll: true });
      box.setSelectionRange(keep.start, keep.end, keep.dir);
    } else if (this._searchWanted || (this._searchHadFocus && frame.scroll !== 'keep')) {
      box.focus({ preventScroll: true });
      box.setSelectionRange(box.value.length, box.value.length);
    }
    this._searchWanted = false;
  },

  // The core's route for the screen on show ("#/search?q=borg", or a path).
  _searchHref() {
    const core = this._core;
    const lenPtr = core._blog_alloc(4);
    try {
      const ptr = core._blog_route_href(this._handle, lenPtr);
      const len = new Uint32Array(core.HEAPU8.buffer, lenPtr, 1)[0];
      try {
        return searchDecoder.decode(core.HEAPU8.subarray(ptr, ptr + len));
      } finally {
        core._blog_free(ptr);
      }
    } finally {
      core._blog_free(lenPtr);
    }
  },

  // The search screen for `query`; the URL follows: replaced while typing,
  // a new entry when the reader comes from another screen (push).
  _search(query, { push = false } = {}) {
    if (!this._handle) return;
    this._searching = true;
    try {
      withBytes(this._core, encoder.encode(query), (p, n) => this._core._blog_search(this._handle, p, n));
    } finally {
      this._searching = false;
    }
    // The list engine shows "Loading…" for the search screen: the full one
    // takes the route over (the core's, with the words typed).
    const href = this._searchHref();
    this._route = href;
    this._upgradeFor(href);
    if (this._routing === 'internal') return;
    if (push) {
      this._saveScroll();
      history.pushState({}, '', href);
    } else {
      this._searchReplaceUrl(href);
    }
  },

  // Browsers limit how often a page may replace its URL (Safari: 100 times
  // in 30 s, then an exception): the first keystroke's words are written at
  // once, then at most once per 300 ms, the last ones when the reader
  // pauses, unless the reader has gone elsewhere meanwhile.
  _searchReplaceUrl(href) {
    this._searchUrlNext = href;
    if (this._searchUrlTimer) return;
    const write = () => {
      const next = this._searchUrlNext;
      this._searchUrlNext = null;
      this._searchUrlTimer = 0;
      if (next === null || (this._searchUrlAt !== undefined && location.href !== this._searchUrlAt)) {
        this._searchUrlAt = undefined;
        return;
      }
      try {
        history.replaceState(history.state, '', next);
      } catch {
        // over the browser's limit: the next write catches up
      }
      this._searchUrlAt = location.href;
      this._searchUrlTimer = setTimeout(write, 300);
    };
    this._searchUrlAt = undefined;  // a first write: wherever the page is
    write();
  },

  // Before the reader leaves the search screen by a click (a result, a link):
  // the words not yet written go into its history entry now.
  _searchFlushUrl() {
    if (!this._searchUrlTimer || this._searchUrlNext === null) return;
    clearTimeout(this._searchUrlTimer);
    this._searchUrlTimer = 0;
    try {
      history.replaceState(history.state, '', this._searchUrlNext);
    } catch {
      // over the browser's limit
    }
    this._searchUrlNext = null;
  },

  // "/": the box if it is on show, else the search screen (as a click on
  // the menu's entry would open it; without one, the core's search route).
  _searchOpen() {
    const box = this._view.querySelector('input[data-action="search"]');
    if (box) {
      box.focus();
      return;
    }
    this._searchWanted = true;
    const link = this._view.querySelector('#menu a[accesskey="/"]');
    if (link) link.click();
    else this._search('', { push: true });
  },
});

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
  const path = event.composedPath();
  if (path.some((n) => n instanceof HTMLElement && (n.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(n.tagName)))) return;
  // The widget the key was pressed in, else the one that follows the URL (an
  // internal one answers only inside itself).
  const widget = path.find((n) => n instanceof WasmBlogElement)
    || [...document.querySelectorAll('wasm-blog')].find((w) => w._handle && w._routing !== 'internal');
  if (!widget || !widget._handle || !widget._view) return;
  event.preventDefault();
  widget._searchOpen();
});
// ---- end of navigation: the search box ----------------------------------

if (!customElements.get('wasm-blog')) customElements.define('wasm-blog', WasmBlogElement);
