// <wasm-blog>: the element itself. It owns the attributes, the lifecycle
// (connected: start; disconnected: every listener, request and handle
// goes), the shadow root and its stylesheet, the screen on show and the
// events; the other jobs are the modules beside it: the engines and the
// hand-over between them (engines.js, through exports.js), requests
// (network.js), routing (routing.js), a built page's served screen
// (served.js), the theme (theme.js) and the search box (search-box.js).
// The attributes, events and methods are described in ../wasm-blog.js.
import { assetUrl, parsed, trusted } from './trusted.js';
import { EngineError, reasonOf, Requests } from './network.js';
import { EngineSession, loadEngine, fullLoaded, DEFAULT_RESPONSE_TIMEOUT_MS } from './engines.js';
import { ROUTINGS } from './routing.js';
import { ServedScreen } from './served.js';
import { WidgetTheme } from './theme.js';
import { SearchBox, listenForSlash } from './search-box.js';
import { errorNotice, mainWith, loadingScreen, screenKind } from './screens.js';
import { loadSheet } from './sheet.js';
import { page, widgets } from './page.js';

// Highlighting and math, loaded only for screens that have them (files of
// their own beside the widget; not bundled into it).
const enhancers = {
  code: () => import(assetUrl('enhance-code.js')),
  math: () => import(assetUrl('enhance-math.js')),
};

// The link an event is on, inside the widget (`root`).
function inside(event, root) {
  const all = event.composedPath();
  return all.slice(0, all.indexOf(root));
}
const linkIn = (path) => path.find((n) => n instanceof HTMLAnchorElement) || null;

// What a click on a screen's [data-action] does, given the element and the action's node.
const ACTIONS = {
  retry: (el) => el.retry(),
  theme: (el) => el._theme._toggle(),
  // The scroll-to-top button; the keyboard continues from the top of the screen too.
  top(el) {
    const top = el.getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top: Math.min(window.scrollY, top), behavior: 'smooth' });
    const first = el._view.querySelector('.logo a, main h1, main h2');
    if (first) first.focus({ preventScroll: true });
  },
  // The core's button at the end of a <pre>.
  'copy-code'(el, action) {
    const code = action.parentNode && action.parentNode.querySelector('code');
    if (code && navigator.clipboard) navigator.clipboard.writeText(code.textContent).catch(() => {});
    action.textContent = 'copied!';
    setTimeout(() => { action.textContent = 'copy'; }, 2000);
  },
};

export class WasmBlogElement extends HTMLElement {
  _connected = false;
  _gen = 0;             // bumped by _stop: a start still awaiting the engine is dropped
  _starting = false;
  _engineFailed = false;  // not remembered: a navigation, "Try again" or another widget loads it again
  _session = null;      // the controller in an engine (engines.js), once one is there
  _requests = new Requests();
  _route = '';          // the route of the screen on show (or asked for)
  _pendingRoute = undefined;  // asked for before the engine was there
  _keepScroll = false;  // the screen is for a host anchor: the page's scroll is the browser's
  _refocus = false;     // "Try again" from the keyboard: focus goes to the next screen
  _shownHtml = null;    // the core's HTML on show (null: one of the widget's own screens)
  _siteKnown = false;   // a screen has shown the blog's index: an error is then the post's
  _router = null;       // routing.js, in effect between _begin and _end
  _theme = null;        // theme.js, made on each connection (it reads src)
  _routing = 'hash';    // its mode, as wasm-blog-ready says it
  _restartQueued = false;
  _hovered = null;      // the link a prefetch is waiting on
  _hoverTimer = 0;
  _topFrame = 0;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this._view = document.createElement('div');
    this._view.className = 'wasm-blog';
    this._served = new ServedScreen(this);
    this._search = new SearchBox(this);
    // Prefetch: a link of the blog's that the reader is about to open (a
    // pointer resting on it for 65 ms, pressed on it, or the keyboard's focus
    // on it) has the files of its screen loaded before the click; the core
    // decides which (blog_prefetch).
    const onPointerOver = (event) => {
      const link = linkIn(inside(event, this.shadowRoot));
      if (link === this._hovered) return;
      clearTimeout(this._hoverTimer);
      this._hovered = link;
      if (link) this._hoverTimer = setTimeout(() => this._prefetch(link), 65);
    };
    const onPointerOut = (event) => {
      if (this._hovered && !this._hovered.contains(event.relatedTarget)) {
        clearTimeout(this._hoverTimer);
        this._hovered = null;
      }
    };
    const onPointerDown = (event) => { const link = linkIn(inside(event, this.shadowRoot)); if (link) this._prefetch(link); };
    // The shadow root's listeners, added by _begin, removed by _end.
    this._listeners = [['click', (event) => this._click(event)], ['pointerover', onPointerOver],
      ['pointerout', onPointerOut], ['pointerdown', onPointerDown], ['focusin', onPointerDown]];
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
  }

  static get observedAttributes() { return ['src', 'page-size', 'routing', 'root', 'response-timeout', 'route']; }

  get src() { return this.getAttribute('src') || 'posts/index.json'; }
  set src(value) { this.setAttribute('src', value); }
  get pageSize() { return parseInt(this.getAttribute('page-size') || '10', 10) || 10; }
  set pageSize(value) { this.setAttribute('page-size', value); }
  // "hash" (default), "internal" or "path" (routing.js). Only the page's
  // first "hash" or "path" widget follows the URL; the others route as
  // "internal" (wasm-blog-ready's detail.routing says which).
  get routing() {
    const r = this.getAttribute('routing');
    return r === 'internal' || r === 'path' ? r : 'hash';
  }
  set routing(value) { this.setAttribute('routing', value); }
  get root() { return this.getAttribute('root') || '/'; }
  set root(value) { this.setAttribute('root', value); }
  // Milliseconds without a response before a request is given up; 0: the core's default (15 s).
  get responseTimeout() { return Math.max(0, parseInt(this.getAttribute('response-timeout') || '0', 10) || 0); }
  set responseTimeout(value) { this.setAttribute('response-timeout', value); }

  // The engine's handle and module (bench/memory.mjs reads _core).
  get _handle() { return this._session ? this._session._handle : 0; }
  get _core() { return this._session && this._session._module; }

  connectedCallback() {
    this._connected = true;
    if (!this.shadowRoot.firstChild) {
      // A prerendered screen stays on show, through a slot, until the core's
      // own render of the route is ready (served.js).
      if (this.routing === 'path' && this._served._adopt()) this.shadowRoot.append(document.createElement('slot'));
      else this.shadowRoot.append(this._view);
    }
    this._theme = new WidgetTheme(this);
    widgets.add(this);
    this._theme._apply();  // before anything is painted: no flash of the other theme
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

  // The roots that show the theme: the view, a prerendered screen, the notice above it.
  _roots() {
    return [this._view, this._served._node, this._served._beside];
  }

  _indexKey() {
    return new URL(this.src, document.baseURI).href;
  }

  // Decides how the widget routes, listens, and starts it.
  _begin() {
    const wanted = this.routing;
    if (wanted !== 'internal' && !page._owner) page._owner = this;
    this._routing = wanted !== 'internal' && page._owner !== this ? 'internal' : wanted;
    // A Back/Forward position not reached yet outlives a restart (an attribute changed).
    const restoreY = this._router ? this._router._restoreY : null;
    this._router = new ROUTINGS[this._routing](this);
    this._router._restoreY = restoreY;
    if (this._served._node && this._routing !== 'path') this._served._drop();
    this._router._listen();
    window.addEventListener('scroll', this._onTopScroll, { passive: true });
    for (const [type, listener] of this._listeners) this.shadowRoot.addEventListener(type, listener);
    this._start();
  }

  // Undoes _begin: every listener, timer, request and the handle.
  _end() {
    this._router._unlisten();
    window.removeEventListener('scroll', this._onTopScroll);
    cancelAnimationFrame(this._topFrame);
    this._topFrame = 0;
    for (const [type, listener] of this._listeners) this.shadowRoot.removeEventListener(type, listener);
    clearTimeout(this._hoverTimer);
    this._hovered = null;
    this._stop();
    this._pendingRoute = undefined;
    if (page._owner === this) page._owner = null;
  }

  // A click on a screen's action ([data-action]: "Try again", the theme
  // toggle, back to the top, copy a code block), else on a link: the
  // routing decides (routing.js).
  _click(event) {
    const path = inside(event, this.shadowRoot);
    const action = path.find((n) => n instanceof HTMLElement && n.dataset.action);
    const name = action && action.dataset.action;
    if (name && Object.hasOwn(ACTIONS, name)) {
      event.preventDefault();
      ACTIONS[name](this, action);
      return;
    }
    const link = linkIn(path);
    const href = link && link.getAttribute('href');
    if (!href) return;
    const plain = !(event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || event.altKey || (link.target && link.target !== '_self') || link.hasAttribute('download'));
    this._router._click(event, href, plain);
  }

  // Starts loading what the screen behind `link` needs, if it is one of the
  // blog's (the core says: anything else starts nothing).
  _prefetch(link) {
    const href = link.getAttribute('href');
    const where = href && this._handle ? this._router._target(href) : null;
    if (where !== null) this._session._prefetch(where);
  }

  async _start() {
    if (this._handle || this._starting) return;
    this._starting = true;
    this._engineFailed = false;
    const gen = this._gen;
    // Something to see at once, before the engine (and the stylesheet) arrive.
    if (!this._served._node) this._showLoading();
    loadSheet().then((sheet) => { this.shadowRoot.adoptedStyleSheets = [sheet]; });
    // The list engine, unless the full one is there already or the first
    // screen is one of the full one's (a post, the archive...: a built page
    // says so, data-engine="full"): then the full one at once.
    const kind = fullLoaded || (this._served._node && this.dataset.engine === 'full') ? 'full' : 'list';
    const session = this._openSession();
    let core;
    try {
      [core] = await Promise.all([loadEngine(kind, this.responseTimeout || DEFAULT_RESPONSE_TIMEOUT_MS), loadSheet()]);
    } catch (err) {
      if (gen !== this._gen) return;  // stopped or started again meanwhile
      this._starting = false;
      this._engineFailed = true;
      if (this._connected) this._showEngineError(err);
      return;
    }
    if (gen !== this._gen) return;
    this._starting = false;
    if (!this._connected) return;
    session._open(core, kind);
    this._session = session;
    const first = this._router._first();
    const pending = this._pendingRoute;
    this._pendingRoute = undefined;
    this._go(pending ?? first.route, pending === undefined && first.keepScroll);
    this._fire('wasm-blog-ready', { src: session._indexUrl, routing: this._routing });
    // Widgets that could not load the engine have it now.
    for (const widget of widgets) if (widget._engineFailed) widget._start();
  }

  // A session for the index at `src`, whose request starts now: every first
  // screen needs it, so it downloads beside the engine, and is the one the
  // core's first request gets.
  _openSession() {
    // Absolute, so that the core resolves post files and links in posts
    // against an absolute base (a relative one lets "../" reach a scheme). A
    // built site's pages were rendered against the path from the host's
    // root ("/blog/posts/index.json"), which is as safe: the widget passes
    // the same, so that its screens are the prerendered bytes.
    const index = new URL(this.src, document.baseURI);
    const path = this._routing === 'path';
    const indexUrl = path && index.origin === location.origin ? index.pathname : index.href;
    this._requests._early(indexUrl);
    return new EngineSession(this, indexUrl, path ? this.root : '');
  }

  _stop() {
    this._gen += 1;
    this._starting = false;
    this._engineFailed = false;
    this._siteKnown = false;
    this._served._removeBeside();
    this._served._missing = false;
    this._requests._stop();
    if (this._session) this._session._close();
    this._session = null;
  }

  _showLoading() {
    this._view.replaceChildren(loadingScreen());
    this._shownHtml = null;
    this.removeAttribute('data-kind');
  }


  // Called by the session: the full engine did not arrive.
  _engineLost(err) {
    if (this._connected) this._showEngineError(err);
  }

  // Called by the session with each answer it hands the core: a served
  // post whose Markdown is missing is not found for the core, a failed
  // fetch for the page that shows it (served.js).
  _answered(answer) {
    if (this._served._node && answer._status === 404) this._served._missing = true;
  }

  // The engine did not arrive: the core cannot word this one.
  _showEngineError(err) {
    const box = errorNotice(`The blog could not start: ${err instanceof EngineError ? err.message : reasonOf(err)}.`);
    const served = this._served;
    if (served._node) {
      if (!this._handle || served._onPage()) {
        served._showBeside(box, 'engine');
        return;
      }
      served._drop();  // the reader has left the served screen
    }
    this._view.replaceChildren(mainWith(box));
    this._shownHtml = null;
    this.setAttribute('data-kind', 'error');
    if (this._refocus) {
      this._refocus = false;
      box.querySelector('button').focus();
    }
    this._announce({ kind: screenKind(this._view), route: this._route, error: 'engine' });
  }

  // "Try again": fetches what failed once more, without reloading the page.
  // A reader who pressed it from the keyboard keeps a place to continue from:
  // the next screen's heading, or the next "Try again".
  retry() {
    this._refocus = this.shadowRoot.activeElement !== null;
    this._served._removeBeside();  // back if it fails again
    this._served._missing = false;
    const session = this._session;
    if (session && session._upgradeFailed) session._upgrade();
    else if (session) session._retry();
    else this._start();
  }

  // Shows the screen for a route: "#/posts/lets-go", or with routing="path"
  // a path and its fragment ("/blog/posts/lets-go/#why-go").
  navigate(hash) {
    this._go(hash);
  }

  // keepScroll: the screen is not where the reader went (a host anchor is):
  // the page is not scrolled to the widget.
  _go(route, keepScroll = false) {
    this._route = route || '';
    this._keepScroll = keepScroll;
    if (!this._handle) {
      // The engine is not there (yet): a navigation tries again if it failed.
      this._pendingRoute = this._route;
      if (this._engineFailed && this._connected) this._start();
      return;
    }
    this._session._navigate(this._route);
  }

  // Called by the session with a screen to show.
  show(frame) {
    this._search._before();
    this._theme._from(frame.theme);
    const served = this._served;
    if (served._node) {
      if (served._failed(frame)) return;
      if (!frame.complete) {
        this._siteKnownFrom(frame);  // the served screen stays while the core loads
        return;
      }
      if (served._takeOver(frame)) {
        if (this._refocus) {
          // "Try again" from the keyboard: the screen's heading next.
          this._refocus = false;
          this._focusHeading();
        }
        this._enhance(frame);
        return;
      }
    }
    // A reader who navigated from inside the widget (keyboard, screen reader)
    // continues from the new screen's heading, not from the top of the page.
    const hadFocus = document.activeElement === this;
    this._write(frame.html);
    if ((hadFocus && frame.scroll !== 'keep') || this._refocus) {
      const retry = this._view.querySelector('button.retry');
      if (this._focusHeading()) {
        this._refocus = false;
      } else if (retry) {
        retry.focus({ preventScroll: true });
        this._refocus = false;
      }  // else still loading: the next screen
    }
    if (frame.title && this._routing !== 'internal') document.title = frame.title;
    this._scroll(frame);
    this._enhance(frame);
  }

  // The core's HTML into the view, through the Trusted Types policy.
  _write(html) {
    try {
      this._view.innerHTML = trusted.html(html);
      this._shownHtml = html;
    } catch (err) {
      // Trusted Types enforced without allowing this widget's policy name.
      this._view.replaceChildren(mainWith(errorNotice('The blog cannot show its pages: this page\'s Content-Security-Policy does not allow '
        + 'the Trusted Types policy "wasm-blog" (add it to the trusted-types directive).', false)));
      this._shownHtml = null;
      this._announce({ kind: 'error', route: this._route, error: 'csp' });
      throw err;  // reported to the page's error handlers as well
    }
  }

  // Focus on the screen's heading; false when it has none.
  _focusHeading() {
    const heading = this._view.querySelector('main h1, main h2');
    if (!heading) return false;
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
    return true;
  }

  _scroll(frame) {
    const router = this._router;
    if (router._restoreY !== null) {
      // Back/Forward: where the reader was; kept until the screen is tall enough.
      window.scrollTo(0, router._restoreY);
      if (Math.abs(window.scrollY - router._restoreY) <= 1) router._restoreY = null;
    } else if (frame.scroll === 'top' && !this._keepScroll) {
      const top = this.getBoundingClientRect().top + window.scrollY;
      if (window.scrollY > top) window.scrollTo(0, top);
    } else if (frame.scroll === 'anchor') {
      const target = this.shadowRoot.getElementById(frame.anchor);
      if (target) target.scrollIntoView();
    }
  }

  // The screen's language and direction, the search box, highlighting and
  // math (loaded only for screens that have them); then the screen is
  // announced as rendered.
  _enhance(frame) {
    if (frame.lang) this._view.lang = frame.lang;
    if (frame.rtl) this._view.dir = 'rtl';  // the core says (i18n_rtl): Arabic, Persian, Hebrew…
    else this._view.removeAttribute('dir');
    this._search._after(frame);
    const shown = { title: frame.title, complete: frame.complete, kind: frame.kind || screenKind(this._view), route: this._route };
    // The screen's kind on the element: the stylesheet's list background
    // (and the host's own CSS, if it wants) follows it.
    this.setAttribute('data-kind', shown.kind);
    const pending = [];
    if (frame.needsCode) pending.push(enhancers.code().then((m) => m.enhance(this._view, assetUrl, trusted)));
    if (frame.needsMath) pending.push(enhancers.math().then((m) => m.enhance(this._view, assetUrl, this.shadowRoot, trusted)));
    Promise.allSettled(pending).then(() => this._announce(shown));
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
      if (parsed(frame.html).content.querySelector('main > article')) this._siteKnown = true;
    } catch {
      // Trusted Types refuse the policy: show() says so
    }
  }

  // wasm-blog-rendered, and wasm-blog-error for an error screen.
  // detail.prerendered: for the first screen of a built page, "kept" (the
  // served markup was the core's screen and stays as it is) or "replaced".
  // An error's code: "engine" and "csp" are the widget's own; the core's is
  // "index" until a screen has shown the blog's index, "post" after.
  _announce({ title = '', complete = true, kind, route, error }) {
    const detail = { title, route, kind, complete };
    if (this._served._tookOver) {
      detail.prerendered = this._served._tookOver;
      this._served._tookOver = null;
    }
    if (kind !== 'error' && kind !== 'loading') this._siteKnown = true;
    if (kind === 'loading' && this._view.querySelector('main > article')) this._siteKnown = true;
    this._fire('wasm-blog-rendered', detail);
    if (kind !== 'error') return;
    const message = this._view.querySelector('main > .notice-error p');
    this._fire('wasm-blog-error', { message: message ? message.textContent : '', code: error || (this._siteKnown ? 'post' : 'index'), route });
  }

  _fire(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

listenForSlash((n) => n instanceof WasmBlogElement);
