// First visit in the browser: headless Debian Chromium (playwright-core,
// /usr/bin/chromium), a localhost HTTP server started here, a new browser
// context for every load (cold cache), BENCH_LOADS loads of each site,
// interleaved (load k of every site, then load k+1, in a rotated order).
// For each load: navigation -> the first post's title visible; a click on
// the first entry -> the post's body visible; what was transferred (request
// count, bytes raw and gzip -9) for each of the two steps. A benchmark, not a
// test: no thresholds. Sites, all from the same ten posts (posts/*.md):
//
//   static      the floor: plain HTML pages generated here (the list, a page
//               per post with its body rendered by our core), no script
//   us          dist/ as make dist leaves it (hash routes, index.json)
//   us-built    `wasm-blog build` of the repository for this server's origin
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
//
// Run: make dist && node bench/first-visit.mjs
//   BENCH_LOADS=9          loads per site (the median and min–max are reported)
//   BENCH_SITES=us,static  only these rows
// Peers: build/bench-peers/ (bench/peers.sh installs what is missing).
// Sites: build/bench/first-visit/. Results: bench/results/first-visit.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  DIST, PEER_MODULES, ROOT, WORK, assertDist, codeState, ensurePeers, envInt, loadCore, machine,
  renderInCore, runLine, spread, stats, table, withBytes, writeResults,
} from './lib/common.mjs';
import { startStaticServer } from './lib/server.mjs';
import { visibilityProbe } from './lib/visible.mjs';

const LOADS = envInt('BENCH_LOADS', 9);
const only = process.env.BENCH_SITES ? process.env.BENCH_SITES.split(',').map((s) => s.trim()) : null;
const SITES = path.join(WORK, 'first-visit');
const TOOL = path.join(ROOT, 'build/native/wasm-blog');
const CHROMIUM = '/usr/bin/chromium';
// The browser tests' arguments (tests/browser/harness.mjs), plus: every host
// but this machine resolves to "not found" at once, so a peer's request to a
// CDN or a font service fails fast instead of waiting on a network that
// this machine does not have. Such requests are counted ("external").
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
const WAIT_MS = 20000;      // for a title or a body to show
const QUIET_MS = 300;       // no request for this long: the step's transfers are over
const QUIET_MAX_MS = 5000;

// ---------------------------------------------------------------- the posts

const index = JSON.parse(fs.readFileSync(path.join(DIST, 'posts/index.json'), 'utf8'));
const listed = index.posts.filter((p) => !p.hidden && !p.file.includes('/'));  // the ten posts/*.md
const FIRST = listed[0];
const TITLE = FIRST.title;
// A sentence of the first post's last paragraph: shown only once the whole body is.
const BODY = lastSentence(fs.readFileSync(path.join(ROOT, 'posts', FIRST.file), 'utf8'));

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
const meta = (p) => [shownDate(p), p.author || index.author].filter(Boolean).join(' · ');
const summary = (p) => (p.summary || '') + (p.summary && p.truncated ? '…' : '');
const bodyOf = (p) => stripFrontMatter(fs.readFileSync(path.join(ROOT, 'posts', p.file), 'utf8'));

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
function peerMarkdown(linkOf) {
  const files = {};
  files['README.md'] = `# ${index.title}\n\n${index.description}\n\n` +
    listed.map((p) => `[**${p.title}**](${linkOf(p)})\n\n${meta(p)}\n\n${summary(p)}\n`).join('\n');
  for (const p of listed) files[`posts/${p.file}`] = `# ${p.title}\n\n*${meta(p)}*\n\n${bodyOf(p)}`;
  return files;
}

// ---------------------------------------------------------------- the sites

async function writeStatic() {
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
  writeTree(path.join(SITES, 'static'), files);
}

function writeDocsify(key, { css, js }) {
  const files = peerMarkdown((p) => `posts/${p.file}`);
  files['index.html'] = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="UTF-8">\n<title>${esc(index.title)}</title>\n` +
    '<meta name="viewport" content="width=device-width,initial-scale=1">\n<link rel="icon" href="data:,">\n' +
    `<link rel="stylesheet" href="${css}">\n</head>\n<body>\n<div id="app"></div>\n` +
    `<script>window.$docsify = { name: ${JSON.stringify(index.title)} };</script>\n<script src="${js}"></script>\n</body>\n</html>\n`;
  writeTree(path.join(SITES, key), files);
}

// zero-md: its own build (dist/index.min.js) and, for each module it imports
// from a CDN (src/lib/presets.js), the local file a CDN would serve: marked's
// ESM build minified (the CDN's marked.esm.min.js), the marked-* extensions
// bundled and minified (as the CDN's "+esm" bundles), highlight.js's
// es/highlight.min.js and KaTeX's katex.mjs as published, the stylesheets
// minified (github-markdown-css is published unminified).
async function writeZeroMd() {
  const esbuild = (await import(path.join(PEER_MODULES, 'esbuild/lib/main.js'))).default;
  const bundle = async (contents) => (await esbuild.build({
    stdin: { contents, resolveDir: path.dirname(PEER_MODULES), loader: 'js' }, bundle: true, format: 'esm',
    minify: true, write: false, platform: 'browser', target: 'es2020', logLevel: 'silent',
  })).outputFiles[0].contents;
  const minify = async (file, loader) => Buffer.from((await esbuild.transform(fs.readFileSync(file, 'utf8'), { loader, minify: true })).code);
  const mod = (p) => path.join(PEER_MODULES, p);
  const files = peerMarkdown((p) => `#/posts/${p.slug}`);
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
  writeTree(path.join(SITES, 'zero-md'), files);
}

function buildOurs(origin) {
  const out = path.join(SITES, 'built');
  fs.rmSync(out, { recursive: true, force: true });
  if (!fs.existsSync(TOOL)) return { error: `${path.relative(ROOT, TOOL)} is missing (make native-tool)` };
  const r = spawnSync(TOOL, ['build', ROOT, out, '--base-url', `${origin}/built/`, '--assets', DIST], { encoding: 'utf8' });
  if (r.status !== 0) return { error: `wasm-blog build failed: ${(r.stderr || '').trim().split('\n')[0]}` };
  return { dir: out };
}

// ---------------------------------------------------------------- one load

async function until(fn, timeout) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) return null;
    await new Promise((r) => setTimeout(r, 5));
  }
}

// Waits until no request is in flight and none has come for QUIET_MS.
async function quiet(server) {
  const end = Date.now() + QUIET_MAX_MS;
  let seen = server.log.length;
  let since = Date.now();
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, 25));
    if (server.log.length !== seen || server.inFlight() > 0) {
      seen = server.log.length;
      since = Date.now();
    } else if (Date.now() - since >= QUIET_MS) {
      return;
    }
  }
}

const transferred = (entries) => ({
  requests: entries.length, bytes: entries.reduce((a, e) => a + e.bytes, 0), gzip: entries.reduce((a, e) => a + e.gzip, 0),
  notFound: entries.filter((e) => e.status === 404).map((e) => e.path),
  paths: entries.map((e) => e.path),
});

async function loadOnce(browser, server, site) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const marks = {};
  const external = [];
  const errors = [];
  try {
    await context.exposeBinding('__benchMark', (_source, name, value) => { marks[name] ??= value; });
    await context.addInitScript(visibilityProbe, { title: TITLE, body: BODY });
    context.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(server.origin) && !u.startsWith('data:')) external.push(u);
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    const at0 = server.log.length;
    await page.goto(server.origin + site.path, { waitUntil: 'commit' });
    if (!(await until(() => marks.title && marks.origin, WAIT_MS))) {
      return { error: `the title "${TITLE}" was not visible within ${WAIT_MS / 1000} s`, errors, external };
    }
    await quiet(server);
    const first = transferred(server.log.slice(at0));
    const at = await page.evaluate((t) => window.__benchFind(t), TITLE);
    if (!at) return { error: 'the title could not be found to click it', errors, external };
    const at1 = server.log.length;
    await page.mouse.click(at.x, at.y);
    if (!(await until(() => marks.body && marks.click, WAIT_MS))) {
      return { error: `the post's body ("${BODY}") was not visible within ${WAIT_MS / 1000} s of the click on <${at.tag}>`, errors, external, first };
    }
    await quiet(server);
    const click = transferred(server.log.slice(at1));
    return {
      titleMs: marks.title.frame - marks.origin, titleDomMs: marks.title.dom - marks.origin,
      bodyMs: marks.body.frame - marks.click.dom, bodyDomMs: marks.body.dom - marks.click.dom,
      first, click, external, errors, clicked: at.tag,
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- run

assertDist();
const m0 = machine();
const code = codeState();
let versions = {};
let peerError = null;
try {
  versions = ensurePeers();
} catch (err) {
  peerError = String(err.message || err);
}

const server = await startStaticServer([['/us/', DIST], ['/static/', path.join(SITES, 'static')]]);
const sites = [
  { key: 'static', label: 'static HTML (the floor)', path: '/static/', version: 'generated here' },
  { key: 'us', label: 'wasm-blog, dist/ (hash routes)', path: '/us/', version: `dist/ (commit ${code.commit ?? '?'}${code.dirty ? '+' : ''})` },
  { key: 'us-built', label: 'wasm-blog, built (path routes)', path: '/built/', version: 'wasm-blog build --assets dist' },
  { key: 'docsify4', label: 'Docsify 4', path: '/docsify4/', version: versions.docsify4, peer: true },
  { key: 'docsify5', label: 'Docsify 5', path: '/docsify5/', version: versions.docsify5, peer: true },
  { key: 'zero-md', label: 'zero-md 3 (local copies of its CDN imports)', path: '/zero-md/', version: versions['zero-md'], peer: true },
].filter((s) => !only || only.includes(s.key));

fs.mkdirSync(SITES, { recursive: true });
for (const s of sites) {
  try {
    if (s.peer && peerError) throw new Error(peerError);
    if (s.key === 'static') await writeStatic();
    else if (s.key === 'us-built') {
      const b = buildOurs(server.origin);
      if (b.error) throw new Error(b.error);
      server.mount('/built/', b.dir);
    } else if (s.key === 'docsify4') {
      writeDocsify('docsify4', { css: '/peers/docsify4/lib/themes/vue.css', js: '/peers/docsify4/lib/docsify.min.js' });
      server.mount('/docsify4/', path.join(SITES, 'docsify4'));
    } else if (s.key === 'docsify5') {
      writeDocsify('docsify5', { css: '/peers/docsify5/dist/themes/core.min.css', js: '/peers/docsify5/dist/docsify.min.js' });
      server.mount('/docsify5/', path.join(SITES, 'docsify5'));
    } else if (s.key === 'zero-md') {
      await writeZeroMd();
      server.mount('/zero-md/', path.join(SITES, 'zero-md'));
    }
  } catch (err) {
    s.setupError = String(err.message || err).split('\n')[0];
  }
}
server.mount('/peers/', PEER_MODULES);

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const browserVersion = browser.version();
const results = Object.fromEntries(sites.map((s) => [s.key, { loads: [], failures: [] }]));
const live = sites.filter((s) => !s.setupError);
// One untimed load of each site first (the browser process and the server's cache warm).
for (const s of live) await loadOnce(browser, server, s).catch(() => {});
for (let k = 0; k < LOADS; k++) {
  const order = live.map((_, i) => live[(i + k) % live.length]);
  for (const s of order) {
    let r;
    try {
      r = await loadOnce(browser, server, s);
    } catch (err) {
      r = { error: String(err.message || err).split('\n')[0] };
    }
    if (r.error) results[s.key].failures.push(r);
    else results[s.key].loads.push(r);
    console.error(`load ${k + 1}/${LOADS} ${s.key}: ${r.error ? `failed: ${r.error}` : `title ${r.titleMs.toFixed(0)} ms, body ${r.bodyMs.toFixed(0)} ms`}`);
  }
}
await browser.close();
await server.close();

// ---------------------------------------------------------------- report

const rows = sites.map((s) => {
  const { loads, failures } = results[s.key];
  const st = (f) => stats(loads.map(f));
  const last = loads.at(-1);
  return {
    key: s.key, label: s.label, version: s.version ?? null, path: s.path,
    error: s.setupError ?? (loads.length ? null : failures[0]?.error ?? 'no load'),
    loads: loads.length, failed: failures.length, failures: failures.map((f) => f.error),
    titleMs: st((l) => l.titleMs), titleDomMs: st((l) => l.titleDomMs), bodyMs: st((l) => l.bodyMs), bodyDomMs: st((l) => l.bodyDomMs),
    first: last && { requests: st((l) => l.first.requests).median, bytes: st((l) => l.first.bytes).median, gzip: st((l) => l.first.gzip).median, paths: last.first.paths, notFound: last.first.notFound },
    click: last && { requests: st((l) => l.click.requests).median, bytes: st((l) => l.click.bytes).median, gzip: st((l) => l.click.gzip).median, paths: last.click.paths, notFound: last.click.notFound },
    external: last ? [...new Set(last.external)] : [],
    pageErrors: last ? [...new Set(last.errors)] : [],
    clicked: last?.clicked,
  };
});

const m1 = machine();
const ms = (s) => spread(s, (x) => x.toFixed(0));
const kb = (b) => (b === undefined || b === null ? '—' : (b / 1024).toFixed(1));
console.log('## First visit in the browser: our blog side by side with the no-build Markdown blogs');
console.log('');
console.log(`- ${runLine(m0, code, `load average ${m1.loadAverage[0]} at the end`)}`);
console.log(`- ${browserVersion ? `Chromium ${browserVersion}` : 'Chromium'} headless (/usr/bin/chromium, playwright-core), viewport 1280×800, a new browser context per load (cold cache), ${LOADS} loads per site after one untimed load each, the sites interleaved; localhost HTTP/1.1, no throttling: the times are CPU and round trips on this machine, a floor for a real network`);
console.log(`- "title visible": navigation start → the first animation frame in which the first post's title ("${TITLE}") is in the DOM (or a shadow root), laid out and not hidden; "body visible": the click on that title → the same for a sentence of the post's last paragraph ("${BODY}")`);
console.log('- ms: median (min–max)');
console.log('');
console.log(table([['site', 'l'], ['version', 'l'], ['title visible, ms', 'r'], ['click → body visible, ms', 'r'], ['loads', 'r']],
  rows.map((r) => r.error && !r.loads
    ? [r.label, r.version ?? '—', `failed: ${r.error}`, '—', `0 of ${LOADS}`]
    : [r.label, r.version ?? '—', ms(r.titleMs), ms(r.bodyMs), `${r.loads}${r.failed ? ` (+${r.failed} failed)` : ''}`])));
console.log('');
console.log('Transferred: response bodies (headers left out), served uncompressed; gzip is each body compressed with gzip -9 (what a host that compresses would send). "First visit": from navigation until the page is idle after the title shows (no request for 300 ms); "click": from the click until idle after the body shows. Files cached by the first step are not fetched again (Cache-Control: max-age=600).');
console.log('');
console.log(table([['site', 'l'], ['first visit: requests', 'r'], ['KB', 'r'], ['KB gzip', 'r'], ['click: requests', 'r'], ['KB', 'r'], ['KB gzip', 'r'], ['other hosts (blocked)', 'l']],
  rows.map((r) => (r.first
    ? [r.label, r.first.requests, kb(r.first.bytes), kb(r.first.gzip), r.click?.requests ?? '—', kb(r.click?.bytes), kb(r.click?.gzip),
       r.external.length ? r.external.map((u) => new URL(u).host).join(', ') : 'none']
    : [r.label, '—', '—', '—', '—', '—', '—', r.error ?? '—']))));
const notes = rows.filter((r) => r.first).map((r) => `- ${r.label}: first visit ${r.first.paths.join(' ')}; click ${r.click?.paths.join(' ') || '—'}` +
  (r.first.notFound.length || r.click?.notFound.length ? ` (404: ${[...r.first.notFound, ...(r.click?.notFound ?? [])].join(' ')})` : '') +
  (r.pageErrors.length ? `; page errors: ${r.pageErrors.slice(0, 3).join(' | ')}` : ''));
console.log('');
console.log('What each load fetched (the last load):');
console.log('');
for (const n of notes) console.log(n);
const failed = rows.filter((r) => r.failures.length);
if (failed.length) {
  console.log('');
  for (const r of failed) console.log(`- ${r.label}: ${r.failed} load(s) failed: ${[...new Set(r.failures)].join('; ')}`);
}
const out = writeResults('first-visit', {
  loads: LOADS, browser: browserVersion, machine: { ...m0, loadAverageAtEnd: m1.loadAverage }, code, title: TITLE, bodyText: BODY,
  peers: versions, rows,
});
console.log('');
console.log(`JSON: ${out}`);
