// The reader's theme and the site's default. The reader's: "dark", "light",
// or null to follow prefers-color-scheme (the stylesheet does that by
// itself), kept in localStorage ("wasm-blog-theme") for every widget and the
// next visit; where storage is blocked, for this page only. A click on any
// [data-action="theme"] in a screen switches between light and dark.
//
// The site's own default (the index's "defaultTheme": "light", "dark", or
// "auto" for the system's), which the reader's choice overrides. The core
// gives it with each screen (frame.theme); a built page says it before any
// script runs (<html data-default-theme>, <wasm-blog data-default-theme>),
// and the last one seen for an index is kept (localStorage), so that a
// reload of a dark-by-default blog does not first paint in light.
import { page, widgets } from './page.js';

const THEME_KEY = 'wasm-blog-theme';
const SITE_THEME_KEY = 'wasm-blog-site-theme:';
const themeKnown = (t) => (t === 'dark' || t === 'light' ? t : null);
function stored(key) {
  try {
    return themeKnown(localStorage.getItem(key));
  } catch {
    return null;
  }
}
let choice = stored(THEME_KEY);

// Our own pages (index.html, a built site's pages) say so with
// <html data-wasm-blog-page>: their background follows the theme too. A host
// page's root is never touched. A built site's page is also known by its
// path-routed widget, until it carries the attribute (wasm-blog.css has the
// same selector for the page's background).
const OWN_PAGE = ':root:is([data-wasm-blog-page], :has(> body > wasm-blog[routing="path"]))';
function applyPage() {
  const root = document.documentElement;
  if (!root.matches(OWN_PAGE)) return;
  // The page's own blog: the widget that follows the URL, else the first.
  const owner = page._owner || widgets.values().next().value;
  const theme = choice || (owner ? owner._theme._site : themeKnown(root.dataset.defaultTheme));
  if (theme) root.setAttribute('data-theme', theme);
  else root.removeAttribute('data-theme');
}
// At once, as the module runs: index.html loads it with blocking="render",
// so the first paint already has the reader's theme.
applyPage();

// One widget's theme: its site's default, and the roots that show it.
export class WidgetTheme {
  constructor(el) {
    this._el = el;
    // The last default seen for the widget's index (what localStorage holds).
    this._saved = stored(SITE_THEME_KEY + el._indexKey());
    // The site's default theme, when it is not "auto".
    this._site = themeKnown(el.dataset.defaultTheme) || this._saved;
  }

  // The theme the widget shows: the reader's choice, else its site's
  // default; null to follow prefers-color-scheme (the stylesheet does).
  _shown() {
    return choice || this._site;
  }

  // The reader's theme on the widget's roots (the view, a prerendered
  // screen, the notice above it), and on our own page.
  _apply() {
    const theme = this._shown();
    for (const root of this._el._roots()) {
      if (!root) continue;
      if (theme) root.setAttribute('data-theme', theme);
      else root.removeAttribute('data-theme');
    }
    applyPage();
  }

  // The site's default theme as the core gives it with a screen
  // ("auto", "light", "dark"; "" or undefined: not known yet).
  _from(theme) {
    if (!theme) return;
    const site = themeKnown(theme);
    if (site !== this._site) {
      this._site = site;
      this._apply();
    }
    // Written when it changes, not with every screen.
    if (this._saved === site) return;
    this._saved = site;
    try {
      if (site) localStorage.setItem(SITE_THEME_KEY + this._el._indexKey(), site);
      else localStorage.removeItem(SITE_THEME_KEY + this._el._indexKey());
    } catch {
      // storage blocked
    }
  }

  // The other theme than the one this widget shows, for every widget.
  _toggle() {
    const shown = this._shown() || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
    choice = shown === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(THEME_KEY, choice);
    } catch {
      // storage blocked: the choice holds for this page
    }
    applyPage();
    for (const widget of widgets) widget._theme._apply();
  }
}
