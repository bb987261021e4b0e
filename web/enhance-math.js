// Math typesetting with KaTeX, loaded only when a post has $...$ or $$...$$.
// The core marks math as <span class="math inline|display"> holding the TeX
// source as text; KaTeX renders it with trust off (no \href, no HTML).

let katexPromise = null;

function loadScript(src, trusted) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = trusted.scriptURL(src);  // a TrustedScriptURL under Trusted Types
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

function addStylesheet(parent, href) {
  if (parent.querySelector(`link[href="${href}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  parent.prepend(link);
}

// katex.render builds DOM nodes (no HTML strings), so only the script's URL
// goes through `trusted` (see wasm-blog.js).
export async function enhance(root, assetUrl, shadowRoot, trusted = { scriptURL: (u) => u }) {
  const css = assetUrl('vendor/katex/katex.min.css');
  // @font-face only takes effect in the document; the layout rules must be
  // inside the shadow root too.
  addStylesheet(document.head, css);
  if (shadowRoot) addStylesheet(shadowRoot, css);
  if (!katexPromise) {
    katexPromise = window.katex ? Promise.resolve(window.katex)
      : loadScript(assetUrl('vendor/katex/katex.min.js'), trusted).then(() => window.katex);
  }
  const katex = await katexPromise;
  for (const el of root.querySelectorAll('.math.inline, .math.display')) {
    if (el.dataset.typeset) continue;
    const tex = el.textContent;
    katex.render(tex, el, { displayMode: el.classList.contains('display'), throwOnError: false, trust: false });
    el.dataset.typeset = 'yes';
    el.setAttribute('data-tex', tex);
  }
}
