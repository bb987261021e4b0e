// Full-text search side by side with the peers: Pagefind, Fuse.js (as
// PaperMod uses it), MiniSearch, FlexSearch, lunr, and us (bench/lib/search-us.mjs:
// our index by `wasm-blog index --out`, our queries natively; in Chromium
// still a TODO). For each corpus and engine, one
// printed table: the index's files (raw, gzip -9), what a first query
// fetches, recall@10 and MRR on labelled queries, and keystroke → results in
// headless Chromium, cold (nothing loaded before the keystroke) and warm.
//
//   corpora   bench/lib/search-corpora.mjs: sample (posts/*.md), prose (10,000
//             generated posts), cjk (400 Chinese and Japanese posts), written
//             under build/bench/search/<corpus>/ with queries.json
//   engines   bench/lib/search-engines.mjs: each built and queried in Node in
//             a child process (with a timeout), its index under
//             build/bench/search/<corpus>/engines/<engine>/ (kept while the
//             corpus and the peer's version are the same)
//   browser   /usr/bin/chromium via playwright-core, a page per engine and
//             corpus served by bench/lib/server.mjs: an <input>; on its
//             `input` event the engine is loaded if it is not yet (its library
//             and index fetched), the query run, the first ten titles written
//             into a list; the time is from the event's timeStamp to the next
//             animation frame. Cold: a new browser context per load, the
//             first query typed; warm: the next queries in the same page.
//             Pagefind has no Node query API: its recall and MRR come from
//             Chromium (every labelled query, in that warm page)
//
// Run: node bench/search.mjs [--corpus sample,prose,cjk] [--engines pagefind,fuse,minisearch,flexsearch,lunr,us]
//   BENCH_SEARCH_QUERIES=50        labelled queries per kind and corpus
//   BENCH_SEARCH_PROSE_POSTS=10000 posts of the prose corpus
//   BENCH_SEARCH_CJK_POSTS=400     posts of the CJK corpus
//   BENCH_SEARCH_NODE_BUDGET=40    seconds of Node queries per engine and corpus (the kinds in turn)
//   BENCH_SEARCH_BUILD_TIMEOUT=600 seconds for one engine's build and Node queries (the child is killed)
//   BENCH_SEARCH_COLD=3            cold loads (new context) per engine and corpus
//   BENCH_SEARCH_WARM=20           warm queries timed per engine and corpus
//   BENCH_SEARCH_QUERY_TIMEOUT=60  seconds for one query in Chromium to show its results
//   BENCH_SEARCH_BROWSER_BUDGET=60 seconds of Chromium per engine and corpus (warm queries and Pagefind's recall)
//   BENCH_SEARCH_BROWSER_MAX_MB=200 an index bigger than this (raw, all its files) is not loaded in Chromium
//                                  (the row says so): no site ships it, and the page would take GBs
// Results: bench/results/search.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  ROOT, WORK, codeState, envInt, fixed, machine, peersOrError, runLine, spread, stats, table, writeResults,
} from './lib/common.mjs';
import { startStaticServer } from './lib/server.mjs';
import { quiet } from './lib/wait.mjs';
import { CORPORA, ensureCorpus } from './lib/search-corpora.mjs';
import { ENGINES, ENGINE_NAMES, LANG_OF, buildLib, interleave, scoreQuery } from './lib/search-engines.mjs';
import { NotBuiltYet, usSearch } from './lib/search-us.mjs';

const usage = 'usage: node bench/search.mjs [--corpus sample,prose,cjk] [--engines ' + [...ENGINE_NAMES, 'us'].join(',') + ']';
function parseArgs(argv) {
  const o = { corpora: CORPORA, engines: [...ENGINE_NAMES, 'us'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const list = (v, all, what) => {
      const l = String(v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      const bad = l.filter((x) => !all.includes(x));
      if (!l.length || bad.length) throw new Error(`${what}: unknown ${bad.join(', ') || '(none given)'}; one or more of ${all.join(',')}\n${usage}`);
      return l;
    };
    const [k, inline] = a.includes('=') ? a.split(/=(.*)/s) : [a, undefined];
    if (k === '--corpus' || k === '--corpora') o.corpora = list(inline ?? argv[++i], CORPORA, k);
    else if (k === '--engines' || k === '--engine') o.engines = list(inline ?? argv[++i], [...ENGINE_NAMES, 'us'], k);
    else if (k === '--help' || k === '-h') { console.log(usage); process.exit(0); }
    else throw new Error(`unknown option ${a}\n${usage}`);
  }
  return o;
}
const opts = parseArgs(process.argv.slice(2));

const PER_KIND = envInt('BENCH_SEARCH_QUERIES', 50);
const PROSE_POSTS = envInt('BENCH_SEARCH_PROSE_POSTS', 10000);
const CJK_POSTS = envInt('BENCH_SEARCH_CJK_POSTS', 400);
const NODE_BUDGET = envInt('BENCH_SEARCH_NODE_BUDGET', 40);
const BUILD_TIMEOUT = envInt('BENCH_SEARCH_BUILD_TIMEOUT', 600);
const COLD = envInt('BENCH_SEARCH_COLD', 3);
const WARM = envInt('BENCH_SEARCH_WARM', 20);
const QUERY_TIMEOUT = envInt('BENCH_SEARCH_QUERY_TIMEOUT', 60) * 1000;
const BROWSER_BUDGET = envInt('BENCH_SEARCH_BROWSER_BUDGET', 60) * 1000;
const BROWSER_MAX_MB = envInt('BENCH_SEARCH_BROWSER_MAX_MB', 200);
const DIR = path.join(WORK, 'search');
const LIB = path.join(DIR, 'lib');
const PAGES = path.join(DIR, 'pages');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
const log = (s) => console.error(`search: ${s}`);
const t00 = Date.now();
const phase = {};

// ---------------------------------------------------------------- corpora

const m0 = machine();
const code = codeState();
const peerEngines = opts.engines.filter((e) => e !== 'us');
const { versions, peerError } = peerEngines.length ? peersOrError() : { versions: {}, peerError: null };
if (peerError) log(`the peers could not be installed: ${peerError}`);

let t = Date.now();
const corpora = {};
for (const c of opts.corpora) {
  corpora[c] = ensureCorpus(c, { root: ROOT, work: DIR, perKind: PER_KIND, prosePosts: PROSE_POSTS, cjkPosts: CJK_POSTS, log });
}
phase.corpora = Date.now() - t;

// ---------------------------------------------------------------- build and Node queries

t = Date.now();
const results = {};  // `${corpus}/${engine}` -> { ...child result, error?, browser? }
const key = (c, e) => `${c}/${e}`;
for (const c of opts.corpora) {
  const corpusDir = corpora[c].dir;
  for (const e of opts.engines) {
    if (e === 'us') {
      try {
        const t1 = Date.now();
        results[key(c, e)] = await usSearch({ corpusDir, corpus: c, budgetS: NODE_BUDGET, timeoutS: BUILD_TIMEOUT, cold: COLD });
        log(`${c} us: indexed by ${results[key(c, e)].tool} in ${(results[key(c, e)].build.ms / 1000).toFixed(1)} s (${((Date.now() - t1) / 1000).toFixed(1)} s)`);
      } catch (err) {
        results[key(c, e)] = { engine: 'us', corpus: c, error: String(err.message || err), notBuilt: err instanceof NotBuiltYet };
        log(`${c} us: ${results[key(c, e)].error}`);
      }
      continue;
    }
    if (peerError) { results[key(c, e)] = { engine: e, corpus: c, error: `peers not installed: ${peerError}` }; continue; }
    const t1 = Date.now();
    const resultFile = path.join(corpusDir, 'engines', `${e}.result.json`);
    fs.rmSync(resultFile, { force: true });
    const r = spawnSync(process.execPath, ['--max-old-space-size=12000', path.join(ROOT, 'bench/lib/search-engines.mjs'), 'run', e, corpusDir, String(NODE_BUDGET)],
      { encoding: 'utf8', timeout: BUILD_TIMEOUT * 1000, killSignal: 'SIGKILL', maxBuffer: 64 << 20 });
    if (r.status !== 0 || !fs.existsSync(resultFile)) {
      const why = r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL' ? `timed out after ${BUILD_TIMEOUT} s (BENCH_SEARCH_BUILD_TIMEOUT)`
        : `exit ${r.status}: ${(r.stderr || '').trim().split('\n').slice(-3).join(' | ')}`;
      log(`${c} ${e}: FAILED: ${why}`);
      results[key(c, e)] = { engine: e, corpus: c, error: why };
      continue;
    }
    results[key(c, e)] = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    const res = results[key(c, e)];
    log(`${c} ${e}: ${res.build.cached ? 'index kept' : `built in ${(res.build.ms / 1000).toFixed(1)} s`}` +
        `${res.node ? `, ${res.node.run}/${res.node.total} queries in Node` : ''} (${((Date.now() - t1) / 1000).toFixed(1)} s)`);
  }
}
phase.build = Date.now() - t;

// ---------------------------------------------------------------- Chromium

// The search page of one engine and corpus: the client function of
// search-engines.mjs, loaded on the first input event.
// preload (ours): the client is made when the page loads (our widget shows
// the blog's list, as on the blog's own page), not on the first keystroke.
function pageHtml({ engine, corpus, base, libUrl, client = ENGINES[engine].client, preload = false }) {
  const lang = LANG_OF(corpus);
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>search: ${engine} ${corpus}</title></head>
<body><input id="q" type="search" autocomplete="off" style="width:40em"><ol id="results"></ol>
<script type="module">
const client = ${client.toString()};
const base = ${JSON.stringify(base)};
const libUrl = ${JSON.stringify(libUrl)};
const lang = ${JSON.stringify(lang)};
const input = document.getElementById('q');
const list = document.getElementById('results');
let searcher = null;
let seq = 0;
window.__done = [];
const getText = async (name) => {
  const r = await fetch(base + name);
  if (!r.ok) throw new Error(name + ': HTTP ' + r.status);
  return r.text();
};
const ensure = () => searcher ??= (async () => {
  const lib = await import(libUrl);
  if (${JSON.stringify(engine)} === 'pagefind') await lib.options({ basePath: base });
  return client({ lib, lang, getText });
})();
input.addEventListener('input', async (ev) => {
  const t0 = ev.timeStamp;
  const n = ++seq;
  const q = input.value;
  try {
    const hits = await (await ensure()).search(q);
    if (n !== seq) return;
    list.replaceChildren(...hits.map((h) => {
      const li = document.createElement('li');
      li.textContent = h.title ?? h.id;
      li.dataset.id = h.id;
      return li;
    }));
    requestAnimationFrame(() => window.__done.push({ n, q, ms: performance.now() - t0, ids: hits.map((h) => h.id) }));
  } catch (e) {
    window.__done.push({ n, q, error: String((e && e.stack) || e) });
  }
});
${preload ? 'ensure().then(() => { window.__ready = true; }, (e) => { window.__done.push({ error: String((e && e.stack) || e) }); });' : 'window.__ready = true;'}
</script></body></html>
`;
}

const fetched = (entries) => ({ requests: entries.length, bytes: entries.reduce((a, x) => a + x.bytes, 0),
                                gzip: entries.reduce((a, x) => a + x.gzip, 0), paths: entries.map((x) => x.path),
                                notFound: entries.filter((x) => x.status === 404).map((x) => x.path) });

// Types q into the page's box (one input event, as a paste or the last
// keystroke of a typed query) and waits for its results' frame.
async function ask(page, q) {
  const before = await page.evaluate(() => { document.getElementById('q').value = ''; return window.__done.length; });
  await page.focus('#q');
  await page.keyboard.insertText(q);
  try {
    await page.waitForFunction((n) => window.__done.length > n, before, { timeout: QUERY_TIMEOUT, polling: 10 });
  } catch {
    throw new Error(`no results for ${JSON.stringify(q)} within ${QUERY_TIMEOUT / 1000} s (BENCH_SEARCH_QUERY_TIMEOUT)`);
  }
  const r = await page.evaluate(() => window.__done.at(-1));
  if (r.error) throw new Error(`the page failed on ${JSON.stringify(q)}: ${r.error.split('\n')[0]}`);
  return r;
}

// us: r.page ({ base, libUrl, client, mounts }: search-us.mjs) in place of the peers' files.
async function browserRun(browser, server, c, e, files, us = null) {
  const indexBytes = files.reduce((a, f) => a + f.bytes, 0);
  if (indexBytes > BROWSER_MAX_MB * 1048576) {
    const error = `not run: the index is ${(indexBytes / 1048576).toFixed(0)} MB, over BENCH_SEARCH_BROWSER_MAX_MB (${BROWSER_MAX_MB})`;
    log(`${c} ${e}: Chromium ${error}`);
    return { cold: [], warm: [], errors: [], error };
  }
  const corpus = corpora[c];
  const { queries } = JSON.parse(fs.readFileSync(path.join(corpus.dir, 'queries.json'), 'utf8'));
  const order = interleave(queries);
  const base = us ? us.base : `/${c}/${e}/`;
  const libUrl = us ? us.libUrl : e === 'pagefind' ? `${base}pagefind.js` : `/lib/${path.basename(buildLib(e, LIB))}`;
  fs.mkdirSync(PAGES, { recursive: true });
  fs.writeFileSync(path.join(PAGES, `${c}-${e}.html`), pageHtml({ engine: e, corpus: c, base, libUrl, ...(us ? { client: us.client, preload: !!us.preload } : {}) }));
  const url = `${server.origin}/pages/${c}-${e}.html`;
  const out = { cold: [], warm: [], again: [], errors: [], pagefind: null };
  // The server reads a file and computes its gzip -9 size on the first
  // request (seconds for a 78 MB index.json): every file of 256 KB or more is
  // requested once here, untimed, so that no cold load pays for it.
  const big = [libUrl, ...files.filter((f) => f.bytes >= 262144).map((f) => base + f.name)];
  for (const u of big) await fetch(server.origin + u).then((r) => r.arrayBuffer()).catch(() => {});
  let end = Infinity;
  let context = null;
  try {
    for (let k = 0; k < COLD; k++) {
      if (context) await context.close();
      context = await browser.newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(QUERY_TIMEOUT);
      page.on('pageerror', (err) => out.errors.push(err.message));
      await page.goto(url, { waitUntil: 'load', timeout: 20000 });
      await page.waitForFunction(() => window.__ready === true, null, { timeout: 20000 });
      await quiet(server, 100, 2000);
      const at0 = server.log.length;
      const q = order[k % order.length];
      const r = await ask(page, q.q);
      await quiet(server, 300, 5000);
      out.cold.push({ q: q.q, ms: r.ms, fetched: fetched(server.log.slice(at0)) });
      log(`${c} ${e}: cold ${k + 1}/${COLD} ${r.ms.toFixed(0)} ms, ${(out.cold.at(-1).fetched.bytes / 1024).toFixed(0)} KB fetched`);
      if (k === COLD - 1) {
        // warm: the next queries in this page (Pagefind: every labelled query, for its recall)
        const rest = e === 'pagefind' ? order : order.slice(COLD, COLD + WARM);
        const seen = [];
        const warmFrom = e === 'pagefind' ? COLD : 0;  // order[0..COLD) were the cold queries
        end = Date.now() + BROWSER_BUDGET;
        for (const [i, wq] of rest.entries()) {
          if (Date.now() > end) { out.cutShort = true; break; }
          const w = await ask(page, wq.q);
          if (i >= warmFrom && out.warm.length < WARM) out.warm.push({ q: wq.q, ms: w.ms });
          seen.push({ kind: wq.kind, q: wq.q, ms: w.ms, ids: w.ids, ...scoreQuery(w.ids, wq.relevant) });
        }
        if (e === 'pagefind') out.pagefind = { total: queries.length, run: seen.length, queries: seen };
        // again: the warm queries once more, everything they need already fetched
        for (const wq of out.warm) out.again.push({ q: wq.q, ms: (await ask(page, wq.q)).ms });
      }
    }
  } catch (err) {
    out.error = String(err.message || err).split('\n')[0];
    log(`${c} ${e}: Chromium FAILED: ${out.error}`);
  } finally {
    if (context) await context.close().catch(() => {});
  }
  return out;
}

t = Date.now();
const live = Object.values(results).filter((r) => !r.error && (r.engine !== 'us' || r.page));
let browserVersion = null;
if (live.length) {
  const server = await startStaticServer([['/lib/', LIB], ['/pages/', PAGES]]);
  for (const c of opts.corpora) for (const e of peerEngines) server.mount(`/${c}/${e}/`, path.join(corpora[c].dir, 'engines', e));
  for (const r of live) if (r.page) for (const [prefix, dir] of r.page.mounts) server.mount(prefix, dir);
  let browser = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30000 });
    browserVersion = browser.version();
    for (const r of live) r.browser = await browserRun(browser, server, r.corpus, r.engine, r.files, r.page ?? null);
  } catch (err) {
    log(`Chromium FAILED: ${err.message}`);
    for (const r of live) r.browser ??= { error: `Chromium: ${String(err.message || err).split('\n')[0]}` };
  } finally {
    if (browser) await browser.close().catch(() => {});
    await server.close();
  }
}
phase.browser = Date.now() - t;

// ---------------------------------------------------------------- report

const m1 = machine();
const KB = (b) => (b === undefined || b === null || !Number.isFinite(b) ? '—' : (b / 1024).toFixed(b < 10240 ? 1 : 0));
const MB = (b) => (b / 1048576).toFixed(1);
const ms = (s) => spread(s, (x) => x.toFixed(x < 10 ? 1 : 0));
const mean = (xs) => (xs.length ? xs.reduce((a, x) => a + x, 0) / xs.length : NaN);

// Fewer queries than this in the time budget (Fuse.js on the prose corpus:
// about a minute a query) give no recall or MRR, only the count.
const MIN_SCORED = 20;
function scored(r) {
  const qs = r.node?.queries ?? r.browser?.pagefind?.queries ?? null;
  if (!qs) return null;
  if (qs.length < MIN_SCORED) return { tooFew: true, run: qs.length, total: r.node?.total ?? r.browser?.pagefind?.total, kinds: {} };
  const kinds = [...new Set(qs.map((q) => q.kind))];
  const total = r.node?.total ?? r.browser?.pagefind?.total;
  return {
    recall: mean(qs.map((q) => q.recall)), mrr: mean(qs.map((q) => q.rr)), run: qs.length, total,
    where: r.node ? (r.node.native ? 'native' : 'Node') : 'Chromium',
    kinds: Object.fromEntries(kinds.map((k) => {
      const l = qs.filter((q) => q.kind === k);
      return [k, { recall: mean(l.map((q) => q.recall)), mrr: mean(l.map((q) => q.rr)), n: l.length }];
    })),
  };
}

const rows = [];
for (const c of opts.corpora) {
  for (const e of opts.engines) {
    const r = results[key(c, e)];
    const label = e === 'us' ? 'us' : ENGINES[e].label;
    const sc = r && !r.error ? scored(r) : null;
    const files = r?.files ?? [];
    const b = r?.browser;
    const cold = b?.cold?.length ? b.cold : null;
    const lib = e !== 'us' && ENGINES[e].lib && fs.existsSync(path.join(LIB, `${e}.min.mjs`)) ? fs.statSync(path.join(LIB, `${e}.min.mjs`)).size : null;
    rows.push({
      corpus: c, engine: e, label, version: r?.version ?? versions[ENGINES[e]?.pkg] ?? null, error: r?.error ?? null,
      files: files.length, bytes: files.reduce((a, f) => a + f.bytes, 0), gzip: files.reduce((a, f) => a + f.gzip, 0),
      libBytes: lib, build: r?.build ?? null, scores: sc,
      // What Chromium fetched; ours from the file layout when it did not run.
      first: cold ? { requests: stats(cold.map((x) => x.fetched.requests)).median, bytes: stats(cold.map((x) => x.fetched.bytes)).median,
                      gzip: stats(cold.map((x) => x.fetched.gzip)).median, paths: cold.at(-1).fetched.paths } : r?.firstFetch ?? null,
      coldMs: cold ? stats(cold.map((x) => x.ms)) : null,
      warmMs: b?.warm?.length ? stats(b.warm.map((x) => x.ms)) : null,
      againMs: b?.again?.length ? stats(b.again.map((x) => x.ms)) : null,
      nodeMs: r?.node?.queries?.length ? stats(r.node.queries.map((q) => q.ms)) : null,
      nodeLoadMs: r?.node?.loadMs ?? null,
      todo: r?.todo ?? null, tool: r?.tool ?? null,
      browserError: b?.error ?? null, pageErrors: [...new Set(b?.errors ?? [])].slice(0, 3), cutShort: b?.cutShort ?? false,
    });
  }
}

const describe = (c) => {
  const s = corpora[c];
  return `${c}: ${s.docs.toLocaleString('en-US')} posts, ${s.words ? `${s.words.toLocaleString('en-US')} words, ` : ''}` +
    `${s.textBytes < 1048576 ? `${KB(s.textBytes)} KB` : `${MB(s.textBytes)} MB`} of text${s.vocabulary ? `; vocabulary ${s.vocabulary}` : s.source ? ` (${s.source})` : ''}; ` +
    `queries ${Object.entries(s.queries).map(([k, n]) => `${k} ${n}`).join(', ')}`;
};

console.log('## Full-text search: us side by side with the peers');
console.log('');
console.log(`- ${runLine(m0, code, `load average ${m1.loadAverage[0]} at the end`)}`);
console.log(`- ${browserVersion ? `Chromium ${browserVersion}` : 'Chromium'} headless (/usr/bin/chromium, playwright-core); localhost HTTP/1.1, responses uncompressed, no throttling`);
for (const c of opts.corpora) console.log(`- ${describe(c)}`);
console.log(`- index: every file a search page may fetch for the index (Pagefind: pagefind.js, its worker, the language's wasm, the metadata, every index chunk and fragment; the others: their one serialized JSON), raw and gzip -9 (Pagefind's chunks are gzip already); JS: the library bundled and minified by esbuild (Pagefind: in its files)`);
console.log(`- first query: what the page fetched from the keystroke until idle, nothing loaded before (library, index, Pagefind's chunks and the first ten results' fragments; us: the widget, both engines, the post index, the manifest, the shards and the shown posts' files), median of ${COLD} cold loads`);
console.log(`- recall@10 and MRR (of the first relevant post in the first ten): mean over the labelled queries, in Node (Pagefind: in Chromium; us: native, wasm-blog search --batch --json over the core's query functions); "n of N" when the time budget (BENCH_SEARCH_NODE_BUDGET, ${NODE_BUDGET} s) stopped short of all, and no score under ${MIN_SCORED} queries`);
console.log(`- keystroke → results: the input event's timeStamp → the animation frame after the first ten titles are written, ms; cold: median (min–max) of ${COLD} new contexts, the library and index loaded on that keystroke; warm: median (min–max) of up to ${WARM} further queries in the same page (at most ${BROWSER_BUDGET / 1000} s of them); again: the same warm queries once more, all they need fetched; every index file of 256 KB or more requested once before, untimed (the server's first read)`);
console.log('');
const cells = (r) => {
  if (r.error) return [r.corpus, r.engine === 'us' ? `**us: ${r.error}**` : `${r.label}: failed: ${r.error}`, '—', '—', '—', '—', '—', '—', '—', '—', '—'];
  const sc = r.scores;
  return [
    r.corpus, `${r.label}${r.version ? ` ${r.version}` : ''}${r.tool ? ` (${r.tool})` : ''}`,
    `${r.files === 1 ? '1 file' : `${r.files.toLocaleString('en-US')} files`}, ${KB(r.bytes)} / ${KB(r.gzip)}`,
    r.libBytes ? KB(r.libBytes) : r.engine === 'us' ? '—' : '(in index)',
    r.first ? `${r.first.requests}, ${KB(r.first.bytes)} / ${KB(r.first.gzip)}${r.first.fromLayout ? ' (from the file layout)' : ''}` : r.browserError ? `failed: ${r.browserError}` : '—',
    sc && !sc.tooFew ? fixed(sc.recall, 2) : '—',
    sc && !sc.tooFew ? fixed(sc.mrr, 2) : '—',
    sc ? (sc.run < sc.total ? `${sc.run} of ${sc.total}${sc.tooFew ? ` (under ${MIN_SCORED}: no score)` : ''}` : String(sc.run)) : '—',
    r.coldMs ? ms(r.coldMs) : r.todo ?? '—', ms(r.warmMs), ms(r.againMs),
    r.build ? `${(r.build.ms / 1000).toFixed(1)}${r.build.cached ? ' (kept)' : ''}` : '—',
  ];
};
console.log(table([['corpus', 'l'], ['engine', 'l'], ['index, KB raw / gzip', 'r'], ['JS KB', 'r'], ['first query: requests, KB raw / gzip', 'r'],
  ['recall@10', 'r'], ['MRR', 'r'], ['queries', 'r'], ['cold, ms', 'r'], ['warm, ms', 'r'], ['again, ms', 'r'], ['build, s', 'r']], rows.map(cells)));

const kindsAll = [...new Set(rows.flatMap((r) => Object.keys(r.scores?.kinds ?? {})))];
if (kindsAll.length) {
  console.log('');
  console.log('Recall@10 / MRR by kind of query (n run):');
  console.log('');
  console.log(table([['corpus', 'l'], ['engine', 'l'], ...kindsAll.map((k) => [k, 'r']), ['Node (us: native): load ms, query ms median (min–max)', 'r']],
    rows.filter((r) => r.scores && !r.scores.tooFew).map((r) => [r.corpus, r.label,
      ...kindsAll.map((k) => { const x = r.scores.kinds[k]; return x ? `${fixed(x.recall, 2)} / ${fixed(x.mrr, 2)} (${x.n})` : '—'; }),
      r.nodeMs ? `${r.nodeLoadMs.toFixed(0)}; ${ms(r.nodeMs)}` : '—'])));
}
const notes = rows.filter((r) => r.first || r.pageErrors.length || r.cutShort);
if (notes.length) {
  console.log('');
  console.log('What each first query fetched (the last cold load):');
  console.log('');
  for (const r of notes) {
    const p = r.first?.paths ?? [];
    const shown = p.length > 8 ? [...p.slice(0, 6), `… ${p.length - 6} more`] : p;
    console.log(`- ${r.corpus} ${r.label}: ${shown.join(' ') || '—'}${r.cutShort ? '; the Chromium budget stopped the warm queries short' : ''}` +
      (r.pageErrors.length ? `; page errors: ${r.pageErrors.join(' | ')}` : ''));
  }
}
const total = Date.now() - t00;
console.log('');
console.log(`Run: ${(total / 1000).toFixed(0)} s (corpora ${(phase.corpora / 1000).toFixed(0)} s, builds and Node queries ${(phase.build / 1000).toFixed(0)} s, Chromium ${(phase.browser / 1000).toFixed(0)} s).`);
const out = writeResults('search', {
  machine: { ...m0, loadAverageAtEnd: m1.loadAverage }, code, browser: browserVersion, peers: versions,
  settings: { PER_KIND, PROSE_POSTS, CJK_POSTS, NODE_BUDGET, BUILD_TIMEOUT, COLD, WARM, QUERY_TIMEOUT, BROWSER_BUDGET },
  corpora, rows, phaseMs: { ...phase, total },
  detail: Object.fromEntries(Object.entries(results).map(([k, r]) => [k, { build: r.build, files: r.files, error: r.error,
    browser: r.browser && { cold: r.browser.cold, warm: r.browser.warm, error: r.browser.error } }])),
});
console.log('');
console.log(`JSON: ${out}`);
