// Syntax highlighting for code blocks, loaded only when a post has code with
// a language. The core marks blocks <pre><code class="language-xxx">; this
// loads highlight.js's core and the grammars the page needs from vendor/.

// Fence names -> grammar files in vendor/highlight/languages/. This table is
// the one list: scripts/make-vendor.sh ships exactly the grammars named here.
export const GRAMMARS = {
  bash: 'bash', sh: 'bash', zsh: 'bash', shell: 'shell', console: 'shell',
  c: 'c', h: 'c',
  cpp: 'cpp', 'c++': 'cpp', cc: 'cpp', cxx: 'cpp', hpp: 'cpp',
  css: 'css', diff: 'diff', patch: 'diff',
  go: 'go', golang: 'go',
  java: 'java',
  javascript: 'javascript', js: 'javascript', mjs: 'javascript', jsx: 'javascript',
  json: 'json',
  markdown: 'markdown', md: 'markdown',
  python: 'python', py: 'python',
  rust: 'rust', rs: 'rust',
  sql: 'sql',
  typescript: 'typescript', ts: 'typescript',
  xml: 'xml', html: 'xml', svg: 'xml',
  yaml: 'yaml', yml: 'yaml',
};

let hljsPromise = null;
const grammarPromises = new Map();

// `trusted.html` turns highlight.js's markup into the page's TrustedHTML (see
// wasm-blog.js); without it, a plain string.
export async function enhance(root, assetUrl, trusted = { html: (s) => s }) {
  const blocks = [...root.querySelectorAll('pre > code[class*="language-"]')];
  const wanted = new Map();
  for (const block of blocks) {
    const lang = [...block.classList].find((c) => c.startsWith('language-')).slice(9).toLowerCase();
    if (GRAMMARS[lang]) wanted.set(block, lang);
  }
  if (!wanted.size) return;
  ensureTheme(root, assetUrl);
  if (!hljsPromise) hljsPromise = import(assetUrl('vendor/highlight/core.min.js')).then((m) => m.default);
  const hljs = await hljsPromise;
  await Promise.all([...new Set(wanted.values())].map((lang) => {
    const file = GRAMMARS[lang];
    if (!grammarPromises.has(file)) {
      grammarPromises.set(file, import(assetUrl(`vendor/highlight/languages/${file}.min.js`))
        .then((m) => hljs.registerLanguage(file, m.default)));
    }
    return grammarPromises.get(file);
  }));
  for (const [block, lang] of wanted) {
    if (block.dataset.highlighted) continue;
    // highlight.js escapes the code text itself; no HTML from the post is parsed.
    const result = hljs.highlight(block.textContent, { language: GRAMMARS[lang], ignoreIllegals: true });
    block.innerHTML = trusted.html(result.value);
    block.classList.add('hljs');
    block.dataset.highlighted = 'yes';
  }
}

function ensureTheme(root, assetUrl) {
  const host = root.getRootNode();
  if (host.querySelector && host.querySelector('link[data-wasm-blog="highlight"]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = assetUrl('vendor/highlight/theme.css');
  link.dataset.wasmBlog = 'highlight';
  (host === document ? document.head : host).prepend(link);
}
