// The sites the browser benchmarks load (bench/first-visit.mjs,
// bench/lighthouse.mjs), all from the same ten posts (posts/*.md, as listed
// in DIST/posts/index.json):
//
//   static      the floor: plain HTML pages generated here (the list, a page
//               per post with its body rendered by our core), no script
//   us          DIST as make dist leaves it (hash routes, index.json)
//   us-built    `wasm-blog build` of the repository for the server's origin
//               (prerendered pages with path routes; the widget takes over)
//   docsify4    Docsify 4 (lib/docsify.min.js + themes/vue.css)
//   docsify5    Docsify 5 (dist/docsify.min.js + themes/core.min.css)
//   zero-md     zero-md 3 with its loaders pointed at local, minified copies
//               of what it imports from a CDN by default, and a four-line
//               hash router (zero-md shows one Markdown file; it has none)
//
// Peers get the posts with the YAML front matter stripped and the title,
// date and author written as the first lines; their home page is a Markdown
// list of the same entries (title link, date, summary) as ours.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, PEER_MODULES, ROOT, loadCore, renderInCore, withBytes } from './common.mjs';

export const TOOL = path.join(ROOT, 'build/native/wasm-blog');
export const SITE_KEYS = ['static', 'us', 'us-built', 'docsify4', 'docsify5', 'zero-md'];

// ---------------------------------------------------------------- the posts

function stripFrontMatter(text) {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return m ? text.slice(m[0].length) : text;
}
function lastSentence(md) {
  const paras = stripFrontMatter(md).trim().split(/\n{2,}/).filter((p) => /^[A-Za-z]/.test(p) && !/[`*_[\]]/.test(p));
  const last = paras.at(-1).replace(/\s+/g, ' ').trim();
  const sentences = last.split(/(?<=[.!?])\s+/);
  return sentences.at(-1).replace(/[.!?]$/, '').split(' ').slice(-5).join(' ');
}
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function shownDate(p) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(p.date || '');
  return m ? `${MONTHS[+m[2] - 1]} ${+m[3]}, ${m[1]}` : '';
}
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const bodyOf = (p) => stripFrontMatter(fs.readFileSync(path.join(ROOT, 'posts', p.file), 'utf8'));

// The blog's index (dist's posts/index.json), the posts every site shows
// (posts/*.md, not hidden, not in a folder), the first one's title and a
// sentence of its last paragraph (shown only once the whole body is).
export function readPosts(dist = DIST) {
  const index = JSON.parse(fs.readFileSync(path.join(dist, 'posts/index.json'), 'utf8'));
  const listed = index.posts.filter((p) => !p.hidden && !p.file.includes('/'));  // the ten posts/*.md
  const first = listed[0];
  return {
    index, listed, first, title: first.title,
    body: lastSentence(fs.readFileSync(path.join(ROOT, 'posts', first.file), 'utf8')),
    meta: (p) => [shownDate(p), p.author || index.author].filter(Boolean).join(' · '),
    summary: (p) => (p.summary || '') + (p.summary && p.truncated ? '…' : ''),
  };
}

function writeTree(dir, files) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [rel, content] of Object.entries(files)) {
    const f = path.join(dir, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    if (content instanceof Uint8Array || typeof content === 'string') fs.writeFileSync(f, content);
    else fs.cpSync(content.copy, f, { recursive: true });
  }
}

// Markdown for the peers: a home list and the posts (title and meta first).
function peerMarkdown(posts, linkOf) {
  const { index, listed, meta, summary } = posts;
  const files = {};
  files['README.md'] = `# ${index.title}\n\n${index.description}\n\n` +
    listed.map((p) => `[**${p.title}**](${linkOf(p)})\n\n${meta(p)}\n\n${summary(p)}\n`).join('\n');
  for (const p of listed) files[`posts/${p.file}`] = `# ${p.title}\n\n*${meta(p)}*\n\n${bodyOf(p)}`;
  return files;
}

// ---------------------------------------------------------------- the sites

async function writeStatic(posts, dir) {
  const { index, listed, meta, summary } = posts;
  const core = await loadCore();
  const render = (md) => withBytes(core, md, (ptr, n) => renderInCore(core, ptr, n, { text: true }).html);
  const style = '<style>body{font:16px/1.6 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem}' +
    'article{margin:1.5rem 0}h2{margin:0;font-size:1.25rem}footer{color:#666;font-size:.875rem}' +
    'pre{overflow:auto;background:#f4f4f4;padding:.75rem}img{max-width:100%}</style>';
  const head = (title) => `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${esc(title)}</title>\n<link rel="icon" href="data:,">\n${style}\n</head>\n`;
  const files = {};
  files['index.html'] = head(index.title) + `<body>\n<header><a href="./">${esc(index.title)}</a></header>\n<main>\n` +
    listed.map((p) => `<article>\n<h2><a href="posts/${p.slug}.html">${esc(p.title)}</a></h2>\n<p>${esc(summary(p))}</p>\n<footer>${esc(meta(p))}</footer>\n</article>\n`).join('') +
    '</main>\n</body>\n</html>\n';
  for (const p of listed) {
    files[`posts/${p.slug}.html`] = head(`${p.title} | ${index.title}`) + `<body>\n<header><a href="../">${esc(index.title)}</a></header>\n<main>\n<article>\n` +
      `<h1>${esc(p.title)}</h1>\n<footer>${esc(meta(p))}</footer>\n${render(bodyOf(p))}</article>\n</main>\n</body>\n</html>\n`;
  }
  writeTree(path.join(dir, 'static'), files);
}

function writeDocsify(posts, dir, key, { css, js }) {
  const { index } = posts;
  const files = peerMarkdown(posts, (p) => `posts/${p.file}`);
  files['index.html'] = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="UTF-8">\n<title>${esc(index.title)}</title>\n` +
    '<meta name="viewport" content="width=device-width,initial-scale=1">\n<link rel="icon" href="data:,">\n' +
    `<link rel="stylesheet" href="${css}">\n</head>\n<body>\n<div id="app"></div>\n` +
    `<script>window.$docsify = { name: ${JSON.stringify(index.title)} };</script>\n<script src="${js}"></script>\n</body>\n</html>\n`;
  writeTree(path.join(dir, key), files);
}

// zero-md: its own build (dist/index.min.js) and, for each module it imports
// from a CDN (src/lib/presets.js), the local file a CDN would serve: marked's
// ESM build minified (the CDN's marked.esm.min.js), the marked-* extensions
// bundled and minified (as the CDN's "+esm" bundles), highlight.js's
// es/highlight.min.js and KaTeX's katex.mjs as published, the stylesheets
// minified (github-markdown-css is published unminified).
async function writeZeroMd(posts, dir) {
  const { index } = posts;
  const esbuild = (await import(path.join(PEER_MODULES, 'esbuild/lib/main.js'))).default;
  const bundle = async (contents) => (await esbuild.build({
    stdin: { contents, resolveDir: path.dirname(PEER_MODULES), loader: 'js' }, bundle: true, format: 'esm',
    minify: true, write: false, platform: 'browser', target: 'es2020', logLevel: 'silent',
  })).outputFiles[0].contents;
  const minify = async (file, loader) => Buffer.from((await esbuild.transform(fs.readFileSync(file, 'utf8'), { loader, minify: true })).code);
  const mod = (p) => path.join(PEER_MODULES, p);
  const files = peerMarkdown(posts, (p) => `#/posts/${p.slug}`);
  files['list.md'] = files['README.md'];
  delete files['README.md'];
  files['vendor/zero-md.min.js'] = fs.readFileSync(mod('zero-md/dist/index.min.js'));
  files['vendor/marked.esm.min.js'] = await minify(mod('marked/lib/marked.esm.js'), 'js');
  files['vendor/marked-base-url.min.js'] = await bundle("export { baseUrl } from 'marked-base-url';");
  files['vendor/marked-highlight.min.js'] = await bundle("export { markedHighlight } from 'marked-highlight';");
  files['vendor/marked-gfm-heading-id.min.js'] = await bundle("export { gfmHeadingId } from 'marked-gfm-heading-id';");
  files['vendor/marked-alert.min.js'] = await bundle("export { default } from 'marked-alert';");
  files['vendor/highlight.min.js'] = fs.readFileSync(mod('@highlightjs/cdn-assets/es/highlight.min.js'));
  files['vendor/katex.mjs'] = fs.readFileSync(mod('katex/dist/katex.mjs'));
  files['vendor/github-markdown.min.css'] = await minify(mod('github-markdown-css/github-markdown.css'), 'css');
  files['vendor/github.min.css'] = fs.readFileSync(mod('@highlightjs/cdn-assets/styles/github.min.css'));
  files['vendor/github-dark.min.css'] = fs.readFileSync(mod('@highlightjs/cdn-assets/styles/github-dark.min.css'));
  files['vendor/katex.min.css'] = fs.readFileSync(mod('katex/dist/katex.min.css'));
  files['vendor/fonts'] = { copy: mod('katex/dist/fonts') };
  // zero-md's documented extension point: a subclass whose load() passes
  // its own loaders and sets the style template (the preset, local URLs).
  files['index.html'] = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(index.title)}</title>
<link rel="icon" href="data:,">
<script type="module">
import ZeroMd from './vendor/zero-md.min.js';
const v = new URL('./vendor/', import.meta.url).href;
const link = (href, media) => \`<link rel="stylesheet" href="\${v}\${href}"\${media ? \` media="\${media}"\` : ''}>\`;
customElements.define('zero-md', class extends ZeroMd {
  async load() {
    await super.load({
      marked: async () => new (await import('./vendor/marked.esm.min.js')).Marked({ async: true }),
      markedBaseUrl: async () => (await import('./vendor/marked-base-url.min.js')).baseUrl,
      markedHighlight: async () => (await import('./vendor/marked-highlight.min.js')).markedHighlight,
      markedGfmHeadingId: async () => (await import('./vendor/marked-gfm-heading-id.min.js')).gfmHeadingId,
      markedAlert: async () => (await import('./vendor/marked-alert.min.js')).default,
      hljs: async () => (await import('./vendor/highlight.min.js')).default,
      katex: async () => (await import('./vendor/katex.mjs')).default,
      mermaid: async () => { throw new Error('mermaid is not served here (no post has a diagram)'); },
    });
    this.template = '<style>:host{display:block;position:relative;contain:content;}:host([hidden]){display:none;}</style>' +
      link('github-markdown.min.css') + link('github.min.css') + link('github-dark.min.css', '(prefers-color-scheme:dark)') + link('katex.min.css');
  }
});
// A hash router: zero-md shows one file.
const view = document.querySelector('zero-md');
const route = () => {
  const m = /^#\\/posts\\/([\\w.-]+)$/.exec(location.hash);
  view.src = m ? \`posts/\${m[1]}.md\` : 'list.md';
};
addEventListener('hashchange', route);
route();
</script>
</head>
<body>
<zero-md></zero-md>
</body>
</html>
`;
  writeTree(path.join(dir, 'zero-md'), files);
}

function buildOurs(dir, origin) {
  const out = path.join(dir, 'built');
  fs.rmSync(out, { recursive: true, force: true });
  if (!fs.existsSync(TOOL)) return { error: `${path.relative(ROOT, TOOL)} is missing (make native-tool)` };
  const r = spawnSync(TOOL, ['build', ROOT, out, '--base-url', `${origin}/built/`, '--assets', DIST], { encoding: 'utf8' });
  if (r.status !== 0) return { error: `wasm-blog build failed: ${(r.stderr || '').trim().split('\n')[0]}` };
  return { dir: out };
}

// ---------------------------------------------------------------- the list

// The six sites (key, label, URL path, version), in SITE_KEYS order; `only`
// (a list of keys) keeps those. versions: bench/peers.sh --list as a map.
export function siteList({ code, versions = {}, only = null }) {
  return [
    { key: 'static', label: 'static HTML (the floor)', path: '/static/', version: 'generated here' },
    { key: 'us', label: 'wasm-blog, dist/ (hash routes)', path: '/us/', version: `dist/ (commit ${code.commit ?? '?'}${code.dirty ? '+' : ''})` },
    { key: 'us-built', label: 'wasm-blog, built (path routes)', path: '/built/', version: 'wasm-blog build --assets dist' },
    { key: 'docsify4', label: 'Docsify 4', path: '/docsify4/', version: versions.docsify4, peer: true },
    { key: 'docsify5', label: 'Docsify 5', path: '/docsify5/', version: versions.docsify5, peer: true },
    { key: 'zero-md', label: 'zero-md 3 (local copies of its CDN imports)', path: '/zero-md/', version: versions['zero-md'], peer: true },
  ].filter((s) => !only || only.includes(s.key));
}

// Writes each site of `sites` into `dir` (the built one for `origin`, the
// address the browser will load it from; the server's by default) and
// mounts it on `server` (bench/lib/server.mjs) at its path, with DIST at
// /us/ and the peers' node_modules at /peers/. A site that cannot be set up
// gets `setupError` (its first line) and is left out by the caller.
export async function setUpSites(sites, { dir, server, posts, peerError = null, origin = server.origin }) {
  server.mount('/us/', DIST);
  server.mount('/static/', path.join(dir, 'static'));
  fs.mkdirSync(dir, { recursive: true });
  for (const s of sites) {
    try {
      if (s.peer && peerError) throw new Error(peerError);
      if (s.key === 'static') await writeStatic(posts, dir);
      else if (s.key === 'us-built') {
        const b = buildOurs(dir, origin);
        if (b.error) throw new Error(b.error);
        server.mount('/built/', b.dir);
      } else if (s.key === 'docsify4') {
        writeDocsify(posts, dir, 'docsify4', { css: '/peers/docsify4/lib/themes/vue.css', js: '/peers/docsify4/lib/docsify.min.js' });
        server.mount('/docsify4/', path.join(dir, 'docsify4'));
      } else if (s.key === 'docsify5') {
        writeDocsify(posts, dir, 'docsify5', { css: '/peers/docsify5/dist/themes/core.min.css', js: '/peers/docsify5/dist/docsify.min.js' });
        server.mount('/docsify5/', path.join(dir, 'docsify5'));
      } else if (s.key === 'zero-md') {
        await writeZeroMd(posts, dir);
        server.mount('/zero-md/', path.join(dir, 'zero-md'));
      }
    } catch (err) {
      s.setupError = String(err.message || err).split('\n')[0];
    }
  }
  server.mount('/peers/', PEER_MODULES);
}
