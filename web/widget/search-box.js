// The search box. The core draws the search screen (<input
// data-action="search"> in #searchbox, results below it); the box hands it
// what the reader types and keeps the URL in step without a history entry
// per keystroke. Every screen is rewritten whole, the box included, so the
// element calls _before (is the box focused, where is the caret) before it
// writes a screen and _after once it is written (focus and caret back on
// the new box). "/" anywhere in the page, outside a text field, focuses the
// box, or opens the search screen (the menu's entry with accesskey "/") and
// then focuses it.
const isBox = (box) => box instanceof HTMLInputElement && box.dataset.action === 'search';

export class SearchBox {
  _keep = null;       // the caret of the focused box, for the next screen's
  _hadFocus = false;  // the widget had focus before the screen was written
  _wanted = false;    // "/" asked for the box before its screen was there
  _searching = false; // the screen on show is being written for a query
  _urlNext = null;    // the words not yet written into the URL
  _urlTimer = 0;
  _urlAt = undefined; // the URL last written, to tell whether the reader left it

  constructor(el) {
    this._el = el;
    const root = this._el.shadowRoot;
    const typed = (event) => {
      if (isBox(event.target) && !event.isComposing) this._search(event.target.value);
    };
    root.addEventListener('input', typed);
    root.addEventListener('compositionend', typed);  // an IME's text, once composed
    // Capture: before the widget's own click handling moves to another screen.
    root.addEventListener('click', () => this._flushUrl(), true);
    // Enter in the box opens the first result (the placeholder's "↵").
    root.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.isComposing || !isBox(event.target)) return;
      const first = this._el._view.querySelector('#searchResults a.entry-link');
      if (first) {
        event.preventDefault();
        first.click();
      }
    });
  }

  _before() {
    const box = this._el.shadowRoot.activeElement;
    this._keep = box && box.matches('input[data-action="search"]')
      ? { start: box.selectionStart, end: box.selectionEnd, dir: box.selectionDirection } : null;
    this._hadFocus = document.activeElement === this._el;
  }

  _after(frame) {
    if (this._searching) this._el._route = this._el._session._href();
    const box = this._el._view.querySelector('input[data-action="search"]');
    const keep = this._keep;
    this._keep = null;
    if (!box) return;  // "Loading…" first: a wanted focus waits for the box
    if (keep) {
      box.focus({ preventScroll: true });
      box.setSelectionRange(keep.start, keep.end, keep.dir);
    } else if (this._wanted || (this._hadFocus && frame.scroll !== 'keep')) {
      box.focus({ preventScroll: true });
      box.setSelectionRange(box.value.length, box.value.length);
    }
    this._wanted = false;
  }

  // The search screen for `query`; the URL follows: replaced while typing,
  // a new entry when the reader comes from another screen (push).
  _search(query, { push = false } = {}) {
    if (!this._el._handle) return;
    const session = this._el._session;
    this._searching = true;
    try {
      session._query(query);
    } finally {
      this._searching = false;
    }
    // The list engine shows "Loading…" for the search screen: the full one
    // takes the route over (the core's, with the words typed).
    const href = session._href();
    this._el._route = href;
    session._upgradeFor(href);
    if (this._el._routing === 'internal') return;
    if (push) {
      this._el._router._saveScroll();
      history.pushState({}, '', href);
    } else {
      this._replaceUrl(href);
    }
  }

  // Browsers limit how often a page may replace its URL (Safari: 100 times
  // in 30 s, then an exception): the first keystroke's words are written at
  // once, then at most once per 300 ms, the last ones when the reader
  // pauses, unless the reader has gone elsewhere meanwhile.
  _replaceUrl(href) {
    this._urlNext = href;
    if (this._urlTimer) return;
    const write = () => {
      const next = this._urlNext;
      this._urlNext = null;
      this._urlTimer = 0;
      if (next === null || (this._urlAt !== undefined && location.href !== this._urlAt)) {
        this._urlAt = undefined;
        return;
      }
      try {
        history.replaceState(history.state, '', next);
      } catch {
        // over the browser's limit: the next write catches up
      }
      this._urlAt = location.href;
      this._urlTimer = setTimeout(write, 300);
    };
    this._urlAt = undefined;  // a first write: wherever the page is
    write();
  }

  // Before the reader leaves the search screen by a click (a result, a link):
  // the words not yet written go into its history entry now.
  _flushUrl() {
    if (!this._urlTimer || this._urlNext === null) return;
    clearTimeout(this._urlTimer);
    this._urlTimer = 0;
    try {
      history.replaceState(history.state, '', this._urlNext);
    } catch {
      // over the browser's limit
    }
    this._urlNext = null;
  }

  // "/": the box if it is on show, else the search screen (as a click on
  // the menu's entry would open it; without one, the core's search route).
  _open() {
    const view = this._el._view;
    const box = view.querySelector('input[data-action="search"]');
    if (box) {
      box.focus();
      return;
    }
    this._wanted = true;
    const link = view.querySelector('#menu a[accesskey="/"]');
    if (link) link.click();
    else this._search('', { push: true });
  }
}

// "/" in the page: the widget the key was pressed in, else the one that
// follows the URL (an internal one answers only inside itself).
export function listenForSlash(isWidget) {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const path = event.composedPath();
    if (path.some((n) => n instanceof HTMLElement && (n.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(n.tagName)))) return;
    const widget = path.find(isWidget)
      || [...document.querySelectorAll('wasm-blog')].find((w) => w._handle && w._routing !== 'internal');
    if (!widget || !widget._handle || !widget._view) return;
    event.preventDefault();
    widget._search._open();
  });
}
