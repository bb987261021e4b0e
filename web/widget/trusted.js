// Where the widget's files are, and the one Trusted Types policy every HTML
// sink of the widget goes through (its screens, highlight.js's markup,
// KaTeX's script), so that the widget works on pages that send
//   Content-Security-Policy: require-trusted-types-for 'script'; trusted-types wasm-blog
// createHTML passes the string through: the policy is not the sanitiser. The
// HTML comes from the core, which escapes every index string and, unless the
// blog opts in with "unsafeHtml", omits raw HTML from posts and drops script
// URLs; highlight.js escapes the code it marks up. createScriptURL admits only
// scripts shipped beside this module (vendor/katex).

// A file shipped beside the widget (dist/ is flat: the bundle's own URL).
export const assetUrl = (name) => new URL(name, import.meta.url).href;
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
// A screen's HTML parsed, not shown: a <template> (Trusted Types may refuse: it throws then).
export function parsed(html) {
  const template = document.createElement('template');
  template.innerHTML = trusted.html(html);
  return template;
}

export const trusted = {
  html: (html) => { const p = trustedPolicy(); return p ? p.createHTML(html) : html; },
  scriptURL: (url) => { const p = trustedPolicy(); return p ? p.createScriptURL(url) : url; },
};
