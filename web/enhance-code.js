// Syntax highlighting for code blocks, loaded only when a post has code with
// a language. The core marks blocks <pre><code class="language-xxx">; this
// loads highlight.js's core and the grammars the page needs from vendor/.
// A block with Hugo's hl_lines or linenos holds one <span class="line"> per
// line (its number in data-n, drawn by CSS): its lines stay, highlighted.

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
    // A block with Hugo's line options keeps its line spans (highlighted,
    // numbered: the core's markup); each gets its line of highlighted code.
    const lines = block.querySelectorAll(':scope > .line');
    if (lines.length) {
      const parts = splitLines(result.value);
      lines.forEach((line, i) => { line.innerHTML = trusted.html(parts[i] || ''); });
    } else {
      block.innerHTML = trusted.html(result.value);
    }
    block.classList.add('hljs');
    block.dataset.highlighted = 'yes';
  }
}

// highlight.js's HTML (escaped text and <span class="hljs-…"> tags) cut into
// lines, each ending with its newline: the spans open at a line break are
// closed before it and opened again after it, so that each line stands alone.
export function splitLines(html) {
  const lines = [];
  const open = [];
  let line = '';
  for (const [token] of html.matchAll(/<span[^>]*>|<\/span>|\n|[^<\n]+/g)) {
    if (token === '\n') {
      lines.push(line + '</span>'.repeat(open.length) + '\n');
      line = open.join('');
    } else {
      if (token === '</span>') open.pop();
      else if (token[0] === '<') open.push(token);
      line += token;
    }
  }
  lines.push(line + '</span>'.repeat(open.length));
  return lines;
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
