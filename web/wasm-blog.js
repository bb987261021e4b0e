// <wasm-blog src="posts/index.json" page-size="10">: the blog as one custom
// element. Everything the reader sees is decided by the C++ core (compiled to
// blog-core.wasm); this file is the platform's end of it: fetching, writing
// the core's HTML into a shadow root, listening to the URL hash, scrolling.
//
// Several <wasm-blog> elements on one page share one instance of the module;
// each has its own handle into it (its own index, cache and route).
import createBlogCore from './blog-core.js';

const assetUrl = (name) => new URL(name, import.meta.url).href;
const encoder = new TextEncoder();

let corePromise = null;
function loadCore() {
  if (!corePromise) {
    corePromise = createBlogCore().then((core) => {
      core.blogHosts = new Map();  // handle -> element, read by the EM_JS imports
      return core;
    });
  }
  return corePromise;
}

let sheetPromise = null;  // one constructable stylesheet shared by every shadow root
function loadSheet() {
  if (!sheetPromise) {
    sheetPromise = fetch(assetUrl('wasm-blog.css'))
      .then((r) => (r.ok ? r.text() : ''))
      .catch(() => '')
      .then((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        return sheet;
      });
  }
  return sheetPromise;
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

export class WasmBlogElement extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this._core = null;
    this._handle = 0;
    this._restoreY = null;   // scroll position to restore (Back/Forward)
    this._scrollTimer = 0;
    this._onHashChange = () => {
      clearTimeout(this._scrollTimer);
      this._scrollTimer = 0;
      const y = history.state && history.state.wasmBlogScrollY;
      this._restoreY = typeof y === 'number' ? y : null;
      this.navigate(location.hash);
    };
    // Remembers the reading position in the history entry, so that Back
    // returns to it (the browser's own restoration runs before we render).
    this._onScroll = () => {
      if (!this._scrollTimer) this._scrollTimer = setTimeout(() => this._saveScroll(), 150);
    };
    this._onClick = (event) => this._click(event);
  }

  get src() { return this.getAttribute('src') || 'posts/index.json'; }
  set src(value) { this.setAttribute('src', value); }
  get pageSize() { return parseInt(this.getAttribute('page-size') || '10', 10) || 10; }
  set pageSize(value) { this.setAttribute('page-size', String(value)); }
  // "hash" (default): routes by the page's URL hash and sets document.title.
  // "internal": routes inside the widget, leaving the host's URL and title alone.
  get routing() { return this.getAttribute('routing') === 'internal' ? 'internal' : 'hash'; }
  set routing(value) { this.setAttribute('routing', value); }

  connectedCallback() {
    if (!this.shadowRoot.firstChild) {
      this._view = document.createElement('div');
      this._view.className = 'wasm-blog';
      this.shadowRoot.append(this._view);
    }
    this._routing = this.routing;
    if (this._routing === 'hash') {
      window.addEventListener('hashchange', this._onHashChange);
      window.addEventListener('scroll', this._onScroll, { passive: true });
    }
    this.shadowRoot.addEventListener('click', this._onClick);
    this._start();
  }

  disconnectedCallback() {
    window.removeEventListener('hashchange', this._onHashChange);
    window.removeEventListener('scroll', this._onScroll);
    this.shadowRoot.removeEventListener('click', this._onClick);
    clearTimeout(this._scrollTimer);
    this._scrollTimer = 0;
    this._stop();
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
  _click(event) {
    const link = event.composedPath().find((n) => n instanceof HTMLAnchorElement);
    const href = link && link.getAttribute('href');
    if (!href || !href.startsWith('#/')) return;
    if (this._routing === 'hash') {
      this._saveScroll();
      return;
    }
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.navigate(href);
  }

  async _start() {
    if (this._handle || this._starting) return;
    this._starting = true;
    let core, sheet;
    try {
      [core, sheet] = await Promise.all([loadCore(), loadSheet()]);
    } catch (err) {
      this._starting = false;
      this._view.textContent = `Could not load the blog engine (${assetUrl('blog-core.wasm')}): ${err && err.message ? err.message : err}`;
      this._view.setAttribute('role', 'alert');
      return;
    }
    this._starting = false;
    if (!this.isConnected) return;
    this.shadowRoot.adoptedStyleSheets = [sheet];
    this._core = core;
    const url = encoder.encode(this.src);
    this._handle = withBytes(core, url, (p, n) => core._blog_create(p, n, this.pageSize));
    core.blogHosts.set(this._handle, this);
    this.navigate(this._routing === 'hash' ? location.hash : this.getAttribute('route') || '#/');
  }

  _stop() {
    if (!this._handle) return;
    this._core.blogHosts.delete(this._handle);
    this._core._blog_destroy(this._handle);
    this._handle = 0;
  }

  // Shows the screen for a route ("#/posts/lets-go").
  navigate(hash) {
    if (!this._handle) return;
    withBytes(this._core, encoder.encode(hash || ''), (p, n) => this._core._blog_navigate(this._handle, p, n));
  }

  // Called by the core: start a request and answer it with blog_fetch_done.
  fetch(requestId, url) {
    const handle = this._handle;
    const done = (status, bytes) => {
      if (this._handle !== handle) return;  // the widget went away meanwhile
      withBytes(this._core, bytes, (p, n) => this._core._blog_fetch_done(handle, requestId, status, p, n));
    };
    fetch(url)
      .then(async (response) => done(response.status, new Uint8Array(await response.arrayBuffer())))
      .catch((err) => done(0, encoder.encode(String(err && err.message ? err.message : err))));
  }

  // Called by the core with a screen to show.
  show(frame) {
    // A reader who navigated from inside the widget (keyboard, screen reader)
    // continues from the new screen's heading, not from the top of the page.
    const hadFocus = document.activeElement === this;
    this._view.innerHTML = frame.html;
    if (hadFocus && frame.scroll !== 'keep') {
      const heading = this._view.querySelector('main h1, main h2');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
      }
    }
    if (frame.title && this._routing === 'hash') document.title = frame.title;
    if (this._restoreY !== null) {
      // Back/Forward: where the reader was; kept until the screen is tall enough.
      window.scrollTo(0, this._restoreY);
      if (Math.abs(window.scrollY - this._restoreY) <= 1) this._restoreY = null;
    } else if (frame.scroll === 'top') {
      const top = this.getBoundingClientRect().top + window.scrollY;
      if (window.scrollY > top) window.scrollTo(0, top);
    } else if (frame.scroll === 'anchor') {
      const target = this.shadowRoot.getElementById(frame.anchor);
      if (target) target.scrollIntoView();
    }
    const pending = [];
    if (frame.needsCode) pending.push(enhancers.code().then((m) => m.enhance(this._view, assetUrl)));
    if (frame.needsMath) pending.push(enhancers.math().then((m) => m.enhance(this._view, assetUrl, this.shadowRoot)));
    Promise.allSettled(pending).then(() => {
      this.dispatchEvent(new CustomEvent('wasm-blog-rendered', { detail: { title: frame.title }, bubbles: true, composed: true }));
    });
  }
}

if (!customElements.get('wasm-blog')) customElements.define('wasm-blog', WasmBlogElement);
