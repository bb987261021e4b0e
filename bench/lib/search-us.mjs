// "us" in bench/search.mjs: our full-text search, side by side with the peers.
//
// Our search landed on main (24ca855: core/search, tool/search_writer,
// docs/search.md) while this benchmark was written. What is measured:
//
//   1. Build: our native tool over the corpus's site folder,
//        wasm-blog index CORPUS_DIR --out CORPUS_DIR/engines/us/posts
//      (CORPUS_DIR is build/bench/search/<corpus>/, a Hugo-style folder with
//      hugo.toml and content/posts/*.md, YAML front matter title/date/tags),
//      which writes beside index.json the search index: search/manifest.json,
//      search/t/<hash>.txt (term shards), search/d/<n>.json (a post's title,
//      route and sections' text). Timed by the wall clock. The tool is
//      build/native/wasm-blog (`make native`) or BENCH_WASM_BLOG.
//   2. Files: every file under engines/us/posts/search/, raw and gzip -9,
//      as the peers' index files are counted. posts/index.json is not
//      counted: the blog loads it for its list anyway.
//   3. Queries, native: `wasm-blog search DIR --batch --json`, the core's
//      query functions as the browser calls them (parse, the shards needed,
//      search until complete), one JSON line per query: its first ten slugs,
//      their post numbers and the shards it read: recall@10 and MRR, and
//      the Node column's query time (parse + search, shards in memory).
//   4. A first query's bytes, from the documented file layout (not from
//      Chromium): the manifest, the shards the query read, and the files of
//      the posts it shows (search/d/<n>.json of its first ten), for the same
//      first queries as the peers' cold loads (the median).
//
//   5. Chromium: the same page as the peers' (search.mjs, pageHtml) around
//      `client` below, which drives our widget as a page embedding it
//      would: when the page loads it imports dist/wasm-blog.js (the one
//      script) and adds a <wasm-blog routing="internal"> for the corpus's
//      posts/index.json, whose list is on screen before the first
//      keystroke, as on the blog's own page (the blog, not its search:
//      the peers' pages load nothing before it either); each query then
//      shows its screen (`#/search?q=`), and the results are the
//      full-text ones (not the title search's, shown while the shards
//      come), read from the widget's own list once it is no longer busy.
//      So the first query's bytes are what a reader's browser fetches to
//      search the blog it reads: the engine that searches (blog-full,
//      unless the widget had it already), the manifest, the shards, the
//      shown posts' files. `make dist` builds dist/.

// The contract bench/search.mjs expects:
//   usSearch({ corpusDir, corpus, budgetS, timeoutS, cold }) → Promise<{
//     engine: 'us', corpus, version, build: { ms }, files: [{ name, bytes, gzip }],
//     node: { loadMs, total, run, queries: [{ kind, q, ms, ids, recall, rr }] },
//     firstFetch: { requests, bytes, gzip, paths }, page?: { base, libUrl, client, mounts }, todo?: string }>
// or throws NotBuiltYet (the row says why).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT, WORK, median } from './common.mjs';
import { interleave, scoreQuery } from './search-engines.mjs';

export class NotBuiltYet extends Error {
  constructor(why = '') {
    super(`not built yet${why ? `: ${why}` : ''}`);
    this.name = 'NotBuiltYet';
  }
}

export const TOOL = process.env.BENCH_WASM_BLOG ? path.resolve(process.env.BENCH_WASM_BLOG) : path.join(ROOT, 'build/native/wasm-blog');

function listFiles(dir, prefix = '') {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...listFiles(path.join(dir, e.name), `${prefix}${e.name}/`));
    else out.push(prefix + e.name);
  }
  return out.sort();
}

// eslint-disable-next-line no-unused-vars
export async function usSearch({ corpusDir, corpus, budgetS, timeoutS = 600, cold = 3 }) {
  if (!fs.existsSync(TOOL)) throw new NotBuiltYet(`${path.relative(ROOT, TOOL)} is missing (make native, or BENCH_WASM_BLOG)`);
  const out = path.join(corpusDir, 'engines', 'us', 'posts');
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const t0 = performance.now();
  const r = spawnSync(TOOL, ['index', corpusDir, '--out', out], { encoding: 'utf8', timeout: timeoutS * 1000, killSignal: 'SIGKILL' });
  const ms = performance.now() - t0;
  if (r.status !== 0) {
    throw new Error(r.signal ? `wasm-blog index timed out after ${timeoutS} s` : `wasm-blog index: exit ${r.status}: ${(r.stderr || '').trim().split('\n').slice(-2).join(' | ')}`);
  }
  const search = path.join(out, 'search');
  if (!fs.existsSync(path.join(search, 'manifest.json'))) {
    throw new NotBuiltYet(`${path.relative(ROOT, TOOL)} wrote no search/manifest.json (a tool from before full-text search)`);
  }
  const files = listFiles(search).map((name) => {
    const body = fs.readFileSync(path.join(search, name));
    return { name: `search/${name}`, bytes: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length };
  });
  const result = { engine: 'us', corpus, version: null, tool: path.relative(ROOT, TOOL) || TOOL, build: { ms, cached: false }, files,
                  node: null, firstFetch: null, todo: null };
  // 3. the queries, native

  const { queries } = JSON.parse(fs.readFileSync(path.join(corpusDir, 'queries.json'), 'utf8'));
  const order = interleave(queries);
  const t1 = performance.now();
  const q = spawnSync(TOOL, ['search', out, '--batch', '--json'], { input: order.map((x) => x.q.replace(/\n/g, ' ')).join('\n') + '\n', encoding: 'utf8',
                                       timeout: timeoutS * 1000, killSignal: 'SIGKILL', maxBuffer: 256 << 20 });
  if (q.status !== 0) throw new Error(`wasm-blog search: ${q.signal ? `timed out after ${timeoutS} s` : `exit ${q.status}: ${(q.stderr || '').trim().split('\n').slice(-2).join(' | ')}`}`);
  const lines = q.stdout.trim().split('\n').map((l) => JSON.parse(l));
  if (lines.length !== order.length) throw new Error(`wasm-blog search answered ${lines.length} of ${order.length} queries`);
  result.node = {
    loadMs: performance.now() - t1, total: queries.length, run: lines.length, native: true,
    queries: order.map((x, i) => ({ kind: x.kind, q: x.q, ms: lines[i].ms, ids: lines[i].slugs,
                                    ...scoreQuery(lines[i].slugs, x.relevant) })),
  };
  // 4. a first query's files, from the layout: manifest, its shards, its posts' files
  const size = new Map(files.map((f) => [f.name, f]));
  const fetches = order.slice(0, cold).map((x, i) => {
    const names = ['search/manifest.json', ...lines[i].shards.map((f) => `search/${f}`), ...lines[i].docs.map((d) => `search/d/${d}.json`)];
    const got = names.map((n) => size.get(n)).filter(Boolean);
    return { requests: got.length, bytes: got.reduce((a, f) => a + f.bytes, 0), gzip: got.reduce((a, f) => a + f.gzip, 0), paths: names };
  });
  result.firstFetch = { requests: median(fetches.map((f) => f.requests)), bytes: median(fetches.map((f) => f.bytes)),
                        gzip: median(fetches.map((f) => f.gzip)), paths: fetches.at(-1)?.paths ?? [], fromLayout: true };
  // 5. Chromium: our widget on the page (client below), if dist/ is built
  if (fs.existsSync(path.join(DIST, 'wasm-blog.js'))) {
    result.page = { base: `/us/${corpus}/posts/`, libUrl: '/us-dist/wasm-blog.js', client, preload: true,
                    mounts: [[`/us/${corpus}/`, path.dirname(out)], ['/us-dist/', DIST]] };
  } else {
    result.todo = 'Chromium: not run (dist/ is not built: make dist)';
  }
  return result;
}

const DIST = path.join(ROOT, 'dist');

// Runs in the search page (search.mjs, pageHtml), where `base` is the
// corpus's posts/ folder; `lib` is our widget's module (it defines
// <wasm-blog>). One widget for the page; each query shows its search screen
// and answers with the full-text results' post slugs, in order. Made when
// the page loads (page.preload), the widget's list shown.
async function client({ lib }) {  // eslint-disable-line no-unused-vars
  const el = document.createElement('wasm-blog');
  el.setAttribute('routing', 'internal');
  el.setAttribute('src', `${base}index.json`);  // eslint-disable-line no-undef
  document.body.append(el);
  await new Promise((resolve, reject) => {  // the blog's list on screen
    el.addEventListener('wasm-blog-rendered', (ev) => { if (ev.detail.complete && ev.detail.kind !== 'loading') resolve(); });
    el.addEventListener('wasm-blog-error', (ev) => reject(new Error(`the widget: ${ev.detail.message}`)), { once: true });
  });
  const slugOf = (href) => decodeURIComponent(href.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop());
  let waiting = null;
  el.addEventListener('wasm-blog-rendered', (ev) => {
    if (!waiting || ev.detail.kind !== 'search' || !ev.detail.complete) return;
    const root = el.shadowRoot;
    if (root.querySelector('[aria-busy="true"], #searchResults[aria-busy]')) return;  // the title search's, while shards come
    const box = root.querySelector('#searchInput');
    if (box && box.value !== waiting.q) return;  // an earlier query's screen
    const hits = [...root.querySelectorAll('#searchResults > li a.entry-link')].map((a) => ({
      id: slugOf(a.getAttribute('href')), title: a.closest('li').querySelector('h2')?.textContent ?? '' }));
    const w = waiting;
    waiting = null;
    w.resolve(hits);
  });
  el.addEventListener('wasm-blog-error', (ev) => {
    if (waiting) { const w = waiting; waiting = null; w.reject(new Error(`the widget: ${ev.detail.message}`)); }
  });
  return {
    search(q) {
      return new Promise((resolve, reject) => {
        waiting = { q, resolve, reject };
        el.navigate(`#/search?q=${encodeURIComponent(q)}`);
      });
    },
  };
}

