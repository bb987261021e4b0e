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
// Sites: bench/lib/sites.mjs writes them into build/bench/first-visit/.
// Results: bench/results/first-visit.json.
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  WORK, assertDist, codeState, peersOrError, envInt, machine, runLine, spread, stats, table, writeResults,
} from './lib/common.mjs';
import { startStaticServer } from './lib/server.mjs';
import { readPosts, setUpSites, siteList } from './lib/sites.mjs';
import { visibilityProbe } from './lib/visible.mjs';
import { quiet, until } from './lib/wait.mjs';

const LOADS = envInt('BENCH_LOADS', 9);
const only = process.env.BENCH_SITES ? process.env.BENCH_SITES.split(',').map((s) => s.trim()) : null;
const SITES = path.join(WORK, 'first-visit');
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

const posts = readPosts();
const TITLE = posts.title;
// A sentence of the first post's last paragraph: shown only once the whole body is.
const BODY = posts.body;

// ---------------------------------------------------------------- one load

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
    await quiet(server, QUIET_MS, QUIET_MAX_MS);
    const first = transferred(server.log.slice(at0));
    const at = await page.evaluate((t) => window.__benchFind(t), TITLE);
    if (!at) return { error: 'the title could not be found to click it', errors, external };
    const at1 = server.log.length;
    await page.mouse.click(at.x, at.y);
    if (!(await until(() => marks.body && marks.click, WAIT_MS))) {
      return { error: `the post's body ("${BODY}") was not visible within ${WAIT_MS / 1000} s of the click on <${at.tag}>`, errors, external, first };
    }
    await quiet(server, QUIET_MS, QUIET_MAX_MS);
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
const { versions, peerError } = peersOrError();

const server = await startStaticServer([]);
const sites = siteList({ code, versions, only });
await setUpSites(sites, { dir: SITES, server, posts, peerError });

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
