// The post index at 100 to 100,000 posts: our wasm core (dist/blog-core.wasm)
// parsing and validating index.json and showing the list, against JSON.parse
// plus the equivalent validation in JavaScript, side by side in one Node
// process. A benchmark, not a test: no thresholds.
//
// Ours is driven as the widget drives it, through the controller: a stub
// host (Module.blogHosts.get(handle) -> { fetch(), show() }, the EM_JS
// imports of wasm/blog_wasm.cpp), blog_create, blog_navigate("#/") (the core
// asks for the index), then the index's bytes are copied into linear memory
// (timed apart) and blog_fetch_done is timed until the list's show() (parse,
// validation, sorting, lookups, list page 1). Then, with the index loaded,
// blog_navigate("#/") again (list page 1) and to a tag's page, each timed to
// its show(). Every run uses a fresh widget (blog_destroy after).
//
// JavaScript: TextDecoder + JSON.parse, then the checks of core/index
// (post_index.cpp: required strings, slug characters, unique slugs, dates,
// file paths, tags, booleans, drafts left out, newest first, lookups by slug
// and file), then list page 1 and the tag page as HTML strings with the
// same markup (escaped), from the parsed index.
//
// Run: make dist && node bench/index.mjs
//   BENCH_INDEX_SIZES=100,1000,10000,100000   the sizes, in posts
//   BENCH_INDEX_RUNS=N                        runs per size (default 30/15/7/3 by size)
// Indexes: build/bench/index/N.json (seeded, the same bytes every run).
// Results: bench/results/index.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  ROOT, WORK, assertDist, codeState, envInt, envList, loadCore, machine, pause, runLine, sig, spread, stats, table,
  withBytes, writeResults,
} from './lib/common.mjs';
import { TAGS, indexEntries, indexSite } from './lib/index-gen.mjs';

// Garbage collection between runs: re-run with --expose-gc when it is not on.
if (!globalThis.gc) {
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const SIZES = envList('BENCH_INDEX_SIZES', [100, 1000, 10000, 100000]);
const runsFor = (n) => envInt('BENCH_INDEX_RUNS', n <= 100 ? 30 : n <= 1000 ? 15 : n <= 10000 ? 7 : 3);
const DIR = path.join(WORK, 'index');
const INDEX_URL = 'http://127.0.0.1/posts/index.json';
const PAGE_SIZE = 10;

// ---------------------------------------------------------------- the index

const TAG = TAGS[0];  // the tag page measured (about 1 post in 12 carries it)

// index.json as `wasm-blog index` writes it (dist/posts/index.json), n posts
// (bench/lib/index-gen.mjs), one file.
function writeIndex(n) {
  const file = path.join(DIR, `${n}.json`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(DIR, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(indexSite(indexEntries(n))) + '\n');  // compact: 100,000 posts stay under the core's 64 MB limit
  return file;
}

// ---------------------------------------------------------------- ours, through the controller

class Widget {
  constructor(core) {
    this.core = core;
    this.fetches = [];
    this.shown = null;
    this.handle = withBytes(core, INDEX_URL, (p, n) => withBytes(core, '', (rp, rn) => core._blog_create(p, n, rp, rn, PAGE_SIZE, 0)));
    core.blogHosts.set(this.handle, {
      fetch: (id, url) => this.fetches.push({ id, url }),
      show: (frame) => { this.shownAt = performance.now(); this.shown = frame; },
    });
  }
  navigate(hash) {
    this.shown = null;
    const t0 = performance.now();
    withBytes(this.core, hash, (p, n) => this.core._blog_navigate(this.handle, p, n));
    return this.shownAt - t0;
  }
  destroy() {
    this.core.blogHosts.delete(this.handle);
    this.core._blog_destroy(this.handle);
  }
}

function oursOnce(core, bytes) {
  const w = new Widget(core);
  try {
    w.navigate('#/');  // the loading screen, and a request for the index
    const request = w.fetches.find((f) => f.url === INDEX_URL);
    if (!request) throw new Error('the core did not ask for the index');
    const c0 = performance.now();
    const ptr = core._blog_alloc(bytes.length);
    core.HEAPU8.set(bytes, ptr);
    const copyMs = performance.now() - c0;
    w.shown = null;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    core._blog_fetch_done(w.handle, request.id, 200, ptr, bytes.length);
    const loadMs = w.shownAt - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuLoadMs = (cpu.user + cpu.system) / 1000;
    core._blog_free(ptr);
    if (!w.shown || !w.shown.complete || !w.shown.html.includes('post-entry')) throw new Error(`the list was not shown: ${w.shown?.html.slice(0, 200)}`);
    const listMs = w.navigate('#/');
    const listHtml = w.shown.html.length;
    const tagMs = w.navigate(`#/tags/${encodeURIComponent(TAG)}`);
    if (!w.shown.html.includes('post-entry')) throw new Error('the tag page shows no post');
    return { copyMs, loadMs, cpuLoadMs, listMs, tagMs, listHtml };
  } finally {
    w.destroy();
  }
}

// ---------------------------------------------------------------- JavaScript: the same checks

const SLUG_OK = /^[A-Za-z0-9\-_.\u0080-\uFFFF]+$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function parseDate(s) {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const [y, mo, d, h = 0, mi = 0, sec = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => (x === undefined ? undefined : +x));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && leap ? 29 : DAYS[mo - 1]) || h > 23 || mi > 59 || sec > 60) return null;
  let offsetMin = 0;
  const z = m[8];
  if (z && z !== 'Z') {
    const digits = z.replace(':', '');
    offsetMin = (z[0] === '-' ? -1 : 1) * (+digits.slice(1, 3) * 60 + +digits.slice(3, 5));
  }
  return { y, mo, d, h, mi, sec, zone: z ?? '', offsetMin, unix: Date.UTC(y, mo - 1, d, h, mi, sec) / 1000 - offsetMin * 60 };
}

function fileProblem(f) {
  if (!f) return 'must not be empty';
  if (f[0] === '/') return 'must be a relative path';
  if (f.includes(':')) return 'must be a relative path without a scheme';
  if (f.includes('\\')) return 'must use "/" between folders';
  if (/[?#]/.test(f)) return 'must not contain "?" or "#"';
  if (f.split('/').includes('..')) return 'must not contain ".."';
  return null;
}

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

function jsIndexValidate(root) {
  if (!isObject(root)) throw new Error('expected a JSON object at the top');
  const site = { title: '', author: '', description: '', posts: [], problems: [], bySlug: new Map(), byFile: new Map() };
  for (const k of ['title', 'author', 'description']) {
    if (k in root) {
      if (typeof root[k] === 'string') site[k] = root[k];
      else site.problems.push(`${k}: expected a string`);
    }
  }
  if (!Array.isArray(root.posts)) throw new Error('"posts": expected an array of posts');
  const firstUse = new Map();
  const entries = root.posts;
  for (let pos = 0; pos < entries.length; pos++) {
    const e = entries[pos];
    const where = `posts[${pos}]`;
    if (!isObject(e)) { site.problems.push(`${where}: expected an object`); continue; }
    let problem = null;
    const fail = (name, why) => { problem ||= `${where}.${name}: ${why}`; return false; };
    const str = (name, required) => {
      const v = e[name];
      if (v === undefined) return required ? fail(name, 'missing (required)') : true;
      if (typeof v !== 'string') return fail(name, 'expected a string');
      if (required && !v.trim()) return fail(name, 'must not be empty');
      return true;
    };
    const bool = (name) => e[name] === undefined || typeof e[name] === 'boolean' || fail(name, 'expected true or false');
    let ok = str('slug', true) && str('title', true);
    if (ok && !SLUG_OK.test(e.slug)) ok = fail('slug', 'expected letters, digits, "-", "_" or "."');
    if (ok && firstUse.has(e.slug)) ok = fail('slug', `is already used by posts[${firstUse.get(e.slug)}]`);
    ok = ok && str('date', false) && str('author', false) && str('summary', false) && bool('truncated') &&
      bool('draft') && bool('hidden') && str('file', false);
    let date = null;
    if (ok && e.date !== undefined) {
      date = parseDate(e.date);
      if (!date) ok = fail('date', 'not a date');
    }
    if (ok && e.file !== undefined) {
      const why = fileProblem(e.file);
      if (why) ok = fail('file', why);
    }
    if (ok && e.tags !== undefined) {
      if (!Array.isArray(e.tags)) ok = fail('tags', 'expected an array of strings');
      else for (let i = 0; ok && i < e.tags.length; i++) {
        if (typeof e.tags[i] !== 'string' || !e.tags[i]) ok = fail('tags', `[${i}]: expected a non-empty string`);
      }
    }
    if (!ok) { site.problems.push(problem); continue; }
    firstUse.set(e.slug, pos);
    if (e.draft) continue;
    site.posts.push({ slug: e.slug, title: e.title, date, author: e.author || site.author,
                      summary: e.summary, truncated: e.truncated ?? true, tags: e.tags ? [...e.tags] : [],
                      file: e.file ?? `${e.slug}.md`, hidden: e.hidden ?? false, position: pos });
  }
  // Newest first; undated posts after every dated one, in file order (a stable sort).
  site.posts.sort((a, b) => (a.date && b.date ? b.date.unix - a.date.unix : a.date ? -1 : b.date ? 1 : 0));
  site.posts.forEach((p, i) => { site.bySlug.set(p.slug, i); site.byFile.set(p.file, i); });
  return site;
}

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ESC[c]);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const two = (x) => String(x).padStart(2, '0');

function jsDate(p) {
  const d = p.date;
  if (!d) return '';
  const z = d.zone === 'Z' || !d.zone ? '+0000 UTC' : `${d.zone.replace(':', '')} ${d.zone.replace(':', '')}`;
  return `<span title="${d.y}-${two(d.mo)}-${two(d.d)} ${two(d.h)}:${two(d.mi)}:${two(d.sec)} ${z}">${MONTHS[d.mo - 1]} ${d.d}, ${d.y}</span>`;
}

function jsList(site, tag = '', page = 1) {
  const listed = site.posts.filter((p) => (tag ? p.tags.includes(tag) : !p.hidden));
  const pages = Math.max(1, Math.ceil(listed.length / PAGE_SIZE));
  const home = '#/';
  let html = `<header class="header"><nav class="nav"><div class="logo"><a href="${home}" accesskey="h" title="${esc(site.title)} (Alt + H)">${esc(site.title)}</a></div></nav></header>\n<main class="main">\n`;
  if (tag) html += `<header class="page-header"><h1>${esc(tag)}</h1></header>\n`;
  for (const p of listed.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)) {
    html += '<article class="post-entry">\n' +
      `<header class="entry-header"><h2 class="entry-hint-parent">${esc(p.title)}</h2></header>\n` +
      (p.summary ? `<div class="entry-content"><p>${esc(p.summary)}${p.truncated ? '...' : ''}</p></div>\n` : '') +
      `<footer class="entry-footer">${jsDate(p)}&nbsp;·&nbsp;${esc(p.author)}</footer>\n` +
      `<a class="entry-link" aria-label="post link to ${esc(p.title)}" href="#/posts/${encodeURIComponent(p.slug)}"></a>\n</article>\n`;
  }
  if (pages > 1) {
    const base = tag ? `#/tags/${encodeURIComponent(tag)}` : '#';
    html += '<footer class="page-footer"><nav class="pagination">' +
      (page > 1 ? `<a class="prev" href="${page === 2 ? (tag ? base : '#/') : `${base}/page/${page - 1}`}">«&nbsp;Prev</a>` : '') +
      (page < pages ? `<a class="next" href="${base}/page/${page + 1}">Next&nbsp;»</a>` : '') + '</nav></footer>\n';
  }
  html += `</main>\n<footer class="footer"><span>&copy; ${esc(site.author)}</span> · <span>Rendered in your browser by wasm-blog</span></footer>\n`;
  return html;
}

const decoder = new TextDecoder();
function jsOnce(bytes) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const root = JSON.parse(decoder.decode(bytes));
  const t1 = performance.now();
  const site = jsIndexValidate(root);
  const t2 = performance.now();
  const list = jsList(site);
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const tagHtml = jsList(site, TAG);
  const t4 = performance.now();
  if (!tagHtml.includes('post-entry')) throw new Error('JS: the tag page shows no post');
  return { decodeParseMs: t1 - t0, parseValidateMs: t2 - t0, listMs: t3 - t2, tagMs: t4 - t3, listHtml: list.length,
           cpuLoadMs: (cpu.user + cpu.system) / 1000 };
}

// ---------------------------------------------------------------- run

assertDist();
const m0 = machine();
const code = codeState();
const core = await loadCore('blog-core');  // the list engine: what reads the index on a first visit
const rows = [];
for (const n of SIZES) {
  const file = writeIndex(n);
  const bytes = new Uint8Array(fs.readFileSync(file));
  const runs = runsFor(n);
  const ours = [];
  const js = [];
  let error = null;
  // one untimed run each (JIT warm-up, memory growth), then alternate
  try { oursOnce(core, bytes); } catch (err) { error = `ours: ${err.message}`; }
  jsOnce(bytes);
  for (let k = 0; k < runs; k++) {
    const order = k % 2 ? ['js', 'ours'] : ['ours', 'js'];
    for (const who of order) {
      globalThis.gc();
      await pause(5);
      if (who === 'ours' && !error) {
        try { ours.push(oursOnce(core, bytes)); } catch (err) { error = `ours: ${err.message}`; }
      } else if (who === 'js') {
        js.push(jsOnce(bytes));
      }
    }
  }
  const pick = (xs, k) => stats(xs.map((x) => x[k]));
  const row = {
    posts: n, bytes: bytes.length, runs, error,
    ours: { copyMs: pick(ours, 'copyMs'), loadMs: pick(ours, 'loadMs'), cpuLoadMs: pick(ours, 'cpuLoadMs'), listMs: pick(ours, 'listMs'), tagMs: pick(ours, 'tagMs'), listHtml: ours[0]?.listHtml },
    js: { decodeParseMs: pick(js, 'decodeParseMs'), parseValidateMs: pick(js, 'parseValidateMs'),
          loadMs: stats(js.map((x) => x.parseValidateMs + x.listMs)), cpuLoadMs: pick(js, 'cpuLoadMs'), listMs: pick(js, 'listMs'), tagMs: pick(js, 'tagMs'), listHtml: js[0]?.listHtml },
  };
  rows.push(row);
  console.error(`${n} posts (${(bytes.length / 1048576).toFixed(1)} MB): ours ${sig(row.ours.loadMs?.median)} ms, JS ${sig(row.js.loadMs?.median)} ms (${runs} runs)`);
}

const m1 = machine();
const ms = (s) => spread(s, sig);
console.log('## The post index: parse + validate + list page 1, our wasm core vs JSON.parse + the same checks in JavaScript (Node)');
console.log('');
console.log(`- ${runLine(m0, code, `load average ${m1.loadAverage[0]} at the end`)}`);
console.log(`- index.json with the fields \`wasm-blog index\` writes, compact (no indentation, so that 100,000 posts stay under the core's 64 MB limit), ~${Math.round(rows[0].bytes / rows[0].posts)} bytes a post: title, date with offset, 40-word summary, 1–4 of 30 tags, file, counts; page size ${PAGE_SIZE}; tag page: "${TAG}"`);
console.log('- ours: dist/blog-core.wasm driven through the controller with stub host functions; "index → list shown" is blog_fetch_done of the index until show() of list page 1 (parse, validation, sorting, lookups, the page); copying the bytes into linear memory is the next column, not included');
console.log('- JavaScript: TextDecoder + JSON.parse, then the checks of core/index/post_index.cpp, a stable sort, lookups by slug and file, then the page as an HTML string; "index → list shown" is their sum');
console.log('- ms, median (min–max) over the runs; each run a fresh widget, the two alternating');
console.log('');
console.log(table([['posts', 'r'], ['index.json', 'r'], ['runs', 'r'],
  ['ours: index → list shown', 'r'], ['copy into wasm memory', 'r'], ['JS: decode + JSON.parse', 'r'], ['JS: + checks, sort, lookups', 'r'], ['JS: index → list shown', 'r'], ['ours ÷ JS', 'r']],
  rows.map((r) => [r.posts.toLocaleString('en-US'), `${(r.bytes / 1048576).toFixed(2)} MB`, r.runs,
    r.error ? `failed: ${r.error}` : ms(r.ours.loadMs), ms(r.ours.copyMs), ms(r.js.decodeParseMs), ms(r.js.parseValidateMs), ms(r.js.loadMs),
    r.ours.loadMs && r.js.loadMs ? `${(r.ours.loadMs.median / r.js.loadMs.median).toFixed(2)}×` : '—'])));
console.log('');
console.log('The same "index → list shown", by the CPU time of the process (user + system, all threads: GC helpers included), ms, median (min–max): the steadier figure on a busy machine');
console.log('');
console.log(table([['posts', 'r'], ['ours, CPU ms', 'r'], ['JS, CPU ms', 'r'], ['ours ÷ JS', 'r'], ['ours, MB/CPU-s', 'r'], ['JS, MB/CPU-s', 'r']],
  rows.map((r) => [r.posts.toLocaleString('en-US'), ms(r.ours.cpuLoadMs), ms(r.js.cpuLoadMs),
    r.ours.cpuLoadMs && r.js.cpuLoadMs ? `${(r.ours.cpuLoadMs.median / r.js.cpuLoadMs.median).toFixed(2)}×` : '—',
    r.ours.cpuLoadMs ? sig(r.bytes / 1048576 / (r.ours.cpuLoadMs.median / 1000)) : '—',
    r.js.cpuLoadMs ? sig(r.bytes / 1048576 / (r.js.cpuLoadMs.median / 1000)) : '—'])));
console.log('');
console.log('With the index loaded (ms, median (min–max)):');
console.log('');
console.log(table([['posts', 'r'], ['ours: list page 1', 'r'], ['JS: list page 1', 'r'], [`ours: tag page "${TAG}"`, 'r'], [`JS: tag page "${TAG}"`, 'r']],
  rows.map((r) => [r.posts.toLocaleString('en-US'), ms(r.ours.listMs), ms(r.js.listMs), ms(r.ours.tagMs), ms(r.js.tagMs)])));
const out = writeResults('index', { machine: { ...m0, loadAverageAtEnd: m1.loadAverage }, code, pageSize: PAGE_SIZE, tag: TAG, rows });
console.log('');
console.log(`JSON: ${out}`);
