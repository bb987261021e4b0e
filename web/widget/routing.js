// How a widget routes, one strategy per mode (the routing attribute):
//   "hash" (default): the page's URL hash ("#/posts/lets-go"); sets document.title.
//   "path": a built site's real paths under `root` (history.pushState); the
//           core says which paths are the blog's.
//   "internal": inside the widget, leaving the host's URL and title alone.
// Each strategy says where the page is (_location), the first screen
// (_first), what a click on a link does (_click), which route a link
// prefetches (_target), and listens to the history it follows. Hash and
// path routing remember the reading position in the history entry, so that
// Back returns to it (the browser's own restoration runs before we render).

// A hash the blog routes: "" and "#" (the list) or "#/…". Any other
// ("#section-2") is an anchor of the host page.
export const isBlogHash = (hash) => hash === '' || hash === '#' || hash.startsWith('#/');
const historyState = () => (history.state && typeof history.state === 'object' ? history.state : {});

// A link's href as a URL against the page, or null when it is not one
// ("http://[", "///javascript:…": the browser's default is left to it).
function hrefUrl(href) {
  try {
    return new URL(href, location.href);
  } catch {
    return null;
  }
}

// Routes inside the widget: the base of the other two.
class InternalRouting {
  _restoreY = null;  // scroll position to restore (Back/Forward)

  constructor(el) {
    this._el = el;
  }

  _listen() {}
  _unlisten() {}

  // Where the page is, as the core reads it.
  _location() {
    return location.hash;
  }

  // The `route` attribute; the page stays where it is (the reader went nowhere yet).
  _first() {
    return { route: this._el.getAttribute('route') || '#/', keepScroll: true };
  }

  // A link's route for a prefetch, or null when it is not the blog's.
  _target(href) {
    return href.startsWith('#/') ? href : null;
  }

  // A click on one of the widget's routes ("#/posts/x") navigates inside
  // the widget instead of changing the host's URL.
  _click(event, href, plain) {
    if (!href.startsWith('#/') || !plain) return;
    event.preventDefault();
    this._el.navigate(href);
  }
}

// Hash and path routing: the page's URL, and the reading position in its history entry.
class UrlRouting extends InternalRouting {
  _scrollTimer = 0;

  constructor(el, event, onEvent) {
    super(el);
    this._event = event;
    this._onEvent = () => {
      this._stopTimer();
      onEvent();
    };
    this._onScroll = () => {
      if (!this._scrollTimer) this._scrollTimer = setTimeout(() => this._saveScroll(), 150);
    };
  }

  _listen() {
    window.addEventListener(this._event, this._onEvent);
    window.addEventListener('scroll', this._onScroll, { passive: true });
  }

  _unlisten() {
    window.removeEventListener(this._event, this._onEvent);
    window.removeEventListener('scroll', this._onScroll);
    this._stopTimer();
  }

  _stopTimer() {
    clearTimeout(this._scrollTimer);
    this._scrollTimer = 0;
  }

  _saveScroll() {
    this._stopTimer();
    history.replaceState({ ...historyState(), wasmBlogScrollY: Math.round(window.scrollY) }, '');
  }

  // Back/Forward: the position the entry remembers.
  _restoreFromState() {
    const y = historyState().wasmBlogScrollY;
    this._restoreY = typeof y === 'number' ? y : null;
  }
}

class HashRouting extends UrlRouting {
  constructor(el) {
    super(el, 'hashchange', () => this._hashChanged());
  }

  _hashChanged() {
    const state = historyState();
    if (!isBlogHash(location.hash)) {
      // The host page's own anchor: the browser scrolls to it and the
      // screen stays. The entry remembers the screen, for Back/Forward.
      if (typeof state.wasmBlogRoute !== 'string') {
        history.replaceState({ ...state, wasmBlogRoute: this._el._route }, '');
      } else if (state.wasmBlogRoute !== this._el._route) {
        this._el._go(state.wasmBlogRoute, true);
      }
      return;
    }
    if (location.hash === this._el._route) return;  // back from a host anchor to the screen on show
    this._restoreFromState();
    this._el.navigate(location.hash);
  }

  // A host anchor in the URL ("#section-2") shows the list, as an empty
  // hash does, and leaves the page where the browser scrolled it.
  _first() {
    const where = this._location();
    if (isBlogHash(where)) return { route: where };
    history.replaceState({ ...historyState(), wasmBlogRoute: '' }, '');
    return { route: '', keepScroll: true };
  }

  // The browser changes the hash (a history entry) and hashchange comes a
  // task later, as much as a frame or two: the screen is asked for now, and
  // that hashchange then finds it on show. The reading position is saved
  // before the browser leaves the entry.
  _click(event, href, plain) {
    if (!href.startsWith('#/')) return;
    // The route as location.hash will spell it (percent-encoded), so that
    // hashchange finds it on show and does not render it again.
    const target = hrefUrl(href);
    if (!target) return;
    this._saveScroll();
    if (plain && target.hash !== location.hash) {
      this._restoreY = null;
      this._el.navigate(target.hash);
    }
  }
}

class PathRouting extends UrlRouting {
  constructor(el) {
    super(el, 'popstate', () => {
      this._restoreFromState();
      this._el.navigate(this._location());
    });
  }

  // The path and its fragment (the query too: the search screen's words,
  // "/blog/search/?q=borg").
  _location() {
    return location.pathname + location.search + location.hash;
  }

  _first() {
    return { route: this._location() };
  }

  _target(href) {
    const url = hrefUrl(href);
    return url && url.origin === location.origin ? url.pathname + url.search + url.hash : null;
  }

  // A link to one of the blog's screens (the core decides which paths are)
  // stays in the page: pushState, and the core shows the screen.
  _click(event, href, plain) {
    const url = hrefUrl(href);
    if (!url || !plain || url.origin !== location.origin || !this._el._handle) return;
    // An anchor of a served screen whose takeover failed: the browser scrolls to it.
    if (this._el._served._besideOf(url)) return;
    const where = url.pathname + url.hash;
    if (!this._el._session._isRoute(where)) return;
    event.preventDefault();
    this._saveScroll();
    if (url.href !== location.href) history.pushState({}, '', url.href);
    this._restoreY = null;
    this._el.navigate(where);
  }
}

export const ROUTINGS = { internal: InternalRouting, hash: HashRouting, path: PathRouting };
