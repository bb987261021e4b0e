// The widget's stylesheet (wasm-blog.css), one constructable stylesheet
// shared by every shadow root.
import { assetUrl } from './trusted.js';

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

let sheetPromise = null;
export function loadSheet() {
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
