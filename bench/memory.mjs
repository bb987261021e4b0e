// Memory over a long visit: one page that opens post after post, 1,000 in
// all, for us and for Docsify (4 and 5) side by side in one run. A
// benchmark, not a test: no thresholds.
//
// The same generated blog for each (BENCH_MEMORY_POSTS posts, default 1,000,
// ~3 KB of Markdown each with a heading, a list, a code block and a link):
// ours through dist/ (hash routes, #/posts/<slug>), Docsify through its
// router (#/posts/<slug>). Each post ends in a sentence of its own; a post
// counts as shown when that sentence is in the page (a shadow root
// included). After 10 posts and after the last one: a full garbage
// collection (CDP HeapProfiler.collectGarbage), then the JS heap in use and
// the DOM's node count (CDP Performance.getMetrics) and, for us, the wasm
// module's linear memory (which never shrinks: its high-water mark) and
// what the core's cache of rendered posts holds.
//
// Run: make dist && node bench/memory.mjs
//   BENCH_MEMORY_POSTS=N       posts opened (default 1000)
//   BENCH_MEMORY_ONLY=us,docsify4   some of the sites
// Results: bench/results/memory.json.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  DIST, PEER_MODULES, WORK, assertDist, codeState, peersOrError, envInt, machine, runLine, table, writeResults,
} from './lib/common.mjs';
import { prng } from './lib/prng.mjs';
import { startStaticServer } from './lib/server.mjs';

const POSTS = envInt('BENCH_MEMORY_POSTS', 1000);
const ONLY = process.env.BENCH_MEMORY_ONLY ? process.env.BENCH_MEMORY_ONLY.split(',') : null;
const CHECKPOINT = 10;
const DIR = path.join(WORK, 'memory');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--js-flags=--expose-gc'];

// ---------------------------------------------------------------- the blog

const WORDS = ('system service cluster node scheduler paper design latency throughput failure replica consensus leader ' +
  'follower log storage index query cache memory disk network packet queue worker thread process container image ' +
  'kernel build compiler parser token grammar type value pointer reference closure function method interface module')
  .split(' ');
const slugOf = (i) => `p${String(i).padStart(5, '0')}`;
const endOf = (i) => `Post ${i} ends here.`;

function writeBlog() {
  const rand = prng(20261126);
  const words = (n) => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  const posts = [];
  const files = {};
  for (let i = 0; i < POSTS; i++) {
    const slug = slugOf(i);
    const day = new Date(Date.UTC(2024, 0, 1) - i * 86400000).toISOString().slice(0, 10);
    posts.push({ slug, title: `Post ${i}: ${words(4)}`, date: day, summary: words(30), tags: [WORDS[i % 7]] });
    files[`${slug}.md`] = `## ${words(3)}\n\n${words(120)}\n\n- ${words(8)}\n- ${words(8)}\n- [${words(2)}](https://example.com/${i})\n\n` +
      `\`\`\`\n${words(10)}\n${words(10)}\n\`\`\`\n\n### ${words(2)}\n\n${words(200)}\n\n${endOf(i)}\n`;
  }
  const ours = path.join(DIR, 'us');
  const docsify = path.join(DIR, 'docsify');
  for (const dir of [path.join(ours, 'posts'), path.join(docsify, 'posts')]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(ours, 'posts/index.json'), JSON.stringify({ title: 'Memory', author: 'Bench', posts }));
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(ours, 'posts', name), text);
    fs.writeFileSync(path.join(docsify, 'posts', name), `# ${posts[Number(name.slice(1, 6))].title}\n\n${text}`);
  }
  fs.writeFileSync(path.join(ours, 'index.html'), fs.readFileSync(path.join(DIST, 'index.html'), 'utf8')
    .replace(/(href|src)="(?!posts\/|data:)([^"]+)"/g, '$1="/dist/$2"'));
  fs.writeFileSync(path.join(docsify, 'README.md'), '# Memory\n');
  const docsifyPage = (css, js) => '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="UTF-8">\n<title>Memory</title>\n'
    + `<link rel="icon" href="data:,">\n<link rel="stylesheet" href="${css}">\n</head>\n<body>\n<div id="app"></div>\n`
    + `<script>window.$docsify = { name: "Memory" };</script>\n<script src="${js}"></script>\n</body>\n</html>\n`;
  fs.writeFileSync(path.join(docsify, 'v4.html'), docsifyPage('/peers/docsify4/lib/themes/vue.css', '/peers/docsify4/lib/docsify.min.js'));
  fs.writeFileSync(path.join(docsify, 'v5.html'), docsifyPage('/peers/docsify5/dist/themes/core.min.css', '/peers/docsify5/dist/docsify.min.js'));
}

// ---------------------------------------------------------------- a visit

// True when post i's last sentence is in the page (or a shadow root of it).
function shown(text) {
  const roots = [document, ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean)];
  return roots.some((r) => (r.body || r).textContent.includes(text));
}

async function measure(page, cdp, site) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  const wasm = site.key === 'us' ? await page.evaluate(() => {
    const el = document.querySelector('wasm-blog');
    return el && el._core ? el._core.HEAPU8.length : null;
  }) : null;
  return { jsHeap: metric('JSHeapUsedSize'), nodes: metric('Nodes'), listeners: metric('JSEventListeners'), wasm };
}

async function visit(browser, server, site) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(server.origin + site.path);
    const started = Date.now();
    const out = {};
    for (let i = 0; i < POSTS; i++) {
      await page.evaluate((h) => { location.hash = h; }, `#/posts/${slugOf(i)}`);
      await page.waitForFunction(shown, endOf(i), { timeout: 15000, polling: 'raf' });
      if (i + 1 === CHECKPOINT) out.at10 = await measure(page, cdp, site);
    }
    out.atEnd = await measure(page, cdp, site);
    out.seconds = (Date.now() - started) / 1000;
    out.errors = errors.slice(0, 3);
    return out;
  } catch (err) {
    return { error: String(err.message || err).split('\n')[0], errors };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- run

assertDist();
const m0 = machine();
const code = codeState();
const { versions, peerError } = peersOrError();
writeBlog();
const server = await startStaticServer([['/dist/', DIST], ['/us/', path.join(DIR, 'us')],
  ['/docsify/', path.join(DIR, 'docsify')], ['/peers/', PEER_MODULES]]);
const sites = [
  { key: 'us', label: 'wasm-blog, dist/', path: '/us/', version: `dist/ (commit ${code.commit ?? '?'}${code.dirty ? '+' : ''})` },
  { key: 'docsify4', label: 'Docsify 4', path: '/docsify/v4.html', version: versions.docsify4, peer: true },
  { key: 'docsify5', label: 'Docsify 5', path: '/docsify/v5.html', version: versions.docsify5, peer: true },
].filter((s) => !ONLY || ONLY.includes(s.key));

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const rows = [];
for (const site of sites) {
  const r = site.peer && peerError ? { error: peerError } : await visit(browser, server, site);
  rows.push({ ...site, ...r });
  process.stderr.write(`memory: ${site.label}: ${r.error ?? `${r.seconds.toFixed(1)} s`}\n`);
}
const browserVersion = browser.version();
await browser.close();
await server.close();

const mb = (b) => (b == null ? '—' : (b / 1048576).toFixed(2));
const growth = (a, b) => (a == null || b == null ? '—' : `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)} %`);
console.log(`\n### Memory: ${POSTS.toLocaleString('en-US')} posts opened one after another in one page\n`);
console.log(runLine(m0, code, `Chromium ${browserVersion} headless`));
console.log(`- After ${CHECKPOINT} posts and after ${POSTS}, each after two full garbage collections: the JS heap in use and the DOM's nodes (CDP Performance.getMetrics); for us also the wasm linear memory (it never shrinks: its high-water mark). Growth: after ${POSTS} against after ${CHECKPOINT}.\n`);
console.log(table([['site', 'l'], ['version', 'l'], [`JS heap after ${CHECKPOINT}, MB`, 'r'], [`after ${POSTS}`, 'r'], ['growth', 'r'],
  [`wasm memory after ${CHECKPOINT}, MB`, 'r'], [`after ${POSTS}`, 'r'], ['growth', 'r'], [`DOM nodes after ${CHECKPOINT}`, 'r'], [`after ${POSTS}`, 'r'], ['time, s', 'r']],
rows.map((r) => (r.error ? [r.label, r.version ?? '—', `failed: ${r.error}`, '', '', '', '', '', '', '', ''] : [
  r.label, r.version ?? '—', mb(r.at10.jsHeap), mb(r.atEnd.jsHeap), growth(r.at10.jsHeap, r.atEnd.jsHeap),
  mb(r.at10.wasm), mb(r.atEnd.wasm), growth(r.at10.wasm, r.atEnd.wasm), r.at10.nodes, r.atEnd.nodes, r.seconds.toFixed(1),
]))));
writeResults('memory', { machine: m0, code, browser: browserVersion, posts: POSTS, rows });
