// A built site's served screen (routing="path"): every page of a site built
// by `wasm-blog build` is a real file whose <wasm-blog> already holds the
// screen (<div class="wasm-blog">), readable without JavaScript. It stays on
// show, through a slot, until the core's render of the same route is
// complete: then the served markup is kept, node for node, when it is what
// the core would show (so nothing flashes or moves), and is replaced when it
// is not (an older build, another 404 path). What the takeover needs (the
// engine, the index, the post's Markdown) may fail: the served screen stays
// as it is, the message above it with "Try again" (_showBeside); a
// navigation to another screen meanwhile shows that screen's message as a
// page without served markup would.
import { parsed } from './trusted.js';
import { errorNotice } from './screens.js';

export class ServedScreen {
  _node = null;      // the served <div class="wasm-blog">, until the takeover
  _page = '';        // the page it is the screen of (path and query)
  _beside = null;    // the notice above it
  _missing = false;  // the post's Markdown was a 404: not found for the core, a failed fetch here
  _tookOver = null;  // "kept" or "replaced", for the first screen's wasm-blog-rendered

  constructor(el) {
    this._el = el;
  }

  // Takes the element's served screen, if it has one: true then.
  _adopt() {
    const node = this._el.querySelector(':scope > div.wasm-blog');
    if (!node) return false;
    this._node = node;
    this._page = location.pathname + location.search;
    return true;
  }

  // Not a built page's own widget after all: the core renders its screens.
  _drop() {
    this._el.shadowRoot.replaceChildren(this._el._view);
    this._node.remove();
    this._node = null;
    this._beside = null;
  }

  // True while the route is the page the served screen is of (its fragment aside).
  _onPage() {
    return this._route().split('#')[0] === this._page;
  }

  // The route on show, or the page's (before the first navigation).
  _route() {
    return this._el._route || this._el._router._location();
  }

  // A link to an anchor of the served screen while its notice shows: the browser scrolls.
  _besideOf(url) {
    return this._beside && url.pathname + url.search === this._page && url.hash;
  }

  // The core's complete screen for the route: true when the served markup is it.
  _takeOver(frame) {
    const served = this._node;
    this._node = null;
    const same = parsed(frame.html).innerHTML === served.innerHTML;
    this._beside = null;  // replaced with the rest of the shadow root
    if (same) {
      this._el._view = served;
      this._el._shownHtml = frame.html;
      this._el.shadowRoot.replaceChildren(served);
    } else {
      this._el.shadowRoot.replaceChildren(this._el._view);
      served.remove();
    }
    this._tookOver = same ? 'kept' : 'replaced';
    return same;
  }

  // What the takeover needs failed: `notice` (a .notice-error, the message
  // and "Try again" if it can be retried) goes above the served screen, which
  // stays as it is, and wasm-blog-error says so (detail.served). Replaced by
  // the next failure, removed by "Try again" and by the takeover.
  _showBeside(notice, code) {
    const box = document.createElement('div');
    box.className = 'wasm-blog beside';
    const theme = this._el._theme._shown();
    if (theme) box.setAttribute('data-theme', theme);
    box.append(notice);
    if (this._beside) this._beside.replaceWith(box);
    else this._el.shadowRoot.prepend(box);
    this._beside = box;
    const retry = notice.querySelector('button.retry');
    if (this._el._refocus && retry) {
      this._el._refocus = false;
      retry.focus({ preventScroll: true });
    }
    const message = notice.querySelector('p');
    this._el._fire('wasm-blog-error', { message: message ? message.textContent : '', code, route: this._route(), served: true });
  }

  _removeBeside() {
    if (this._beside) this._beside.remove();
    this._beside = null;
  }

  // A failure on the served page (an error screen, or a not-found its
  // post's 404 caused) leaves the served screen as it is: true then.
  _failed(frame) {
    return (frame.kind === 'error' || (frame.kind === 'not-found' && this._missing)) && this._onPage()
      && this._showBesideFrom(frame);
  }

  // The core's error screen for the served page: its notice goes above the
  // served screen; a "not found" that a file's 404 caused, as a notice with
  // "Try again". False when the frame has none to take.
  _showBesideFrom(frame) {
    let notice;
    try {
      const screen = parsed(frame.html);
      notice = screen.content.querySelector('main > .notice-error');
      const missing = frame.kind === 'not-found' && screen.content.querySelector('main > .not-found > h1 + p');
      if (missing) notice = errorNotice(missing.textContent);
    } catch {
      return false;  // Trusted Types refuse the policy: show() says so
    }
    if (!notice) return false;
    this._showBeside(notice, this._el._siteKnown ? 'post' : 'index');
    return true;
  }
}
