// Lighthouse on the first-visit sites (issue 9): Lighthouse 12's Node API
// (installed with the peers by bench/peers.sh) drives Debian's Chromium
// (/usr/bin/chromium, started by chrome-launcher: never a downloaded
// browser) with its default configuration: mobile (formFactor mobile, a
// Moto G Power screen), simulated throttling (Lantern: 150 ms RTT,
// 1.6 Mbit/s, 4× CPU slowdown), the performance category only. A new
// Chromium for every run; BENCH_LIGHTHOUSE_RUNS runs of each site,
// interleaved (run k of every site, then run k+1, in a rotated order); the
// median and min–max are reported. A benchmark, not a test: no thresholds.
//
// The sites are first-visit's (bench/lib/sites.mjs writes them): static (the
// floor), us (dist/, hash routes), us-built (`wasm-blog build`, path
// routes), docsify4, docsify5, zero-md, all from the same posts, served by
// bench/lib/server.mjs on 127.0.0.1, behind a small front on another port
// that compresses what a static host compresses (gzip -9 of text,
// JavaScript, JSON, Markdown, SVG and wasm, when the browser asks: GitHub
// Pages, Netlify and Cloudflare all do), for every site alike, so that
// Lighthouse's bytes are a real host's, as the issue's byte targets are
// gzip. BENCH_LIGHTHOUSE_GZIP=0 serves them uncompressed, as first-visit
// does (and as the issue's reference figures were taken), a
// host's. Other hosts resolve to "not found" at once, as in first-visit
// (Docsify 4's theme imports Google Fonts).
//
// Printed: a table of the sites (performance score, FCP, LCP, TBT, CLS,
// Speed Index, bytes as Lighthouse counts them: transfer sizes), then, from
// the run nearest the median LCP, what Lighthouse says about our no-build
// site (us): the LCP element and its phases, the requests and the network
// dependency tree, script and main-thread time, bytes per file, the failing
// audits by the metric savings Lighthouse estimates; and for the built site
// (us-built), where its LCP comes from.
//
// Run: make dist && node bench/lighthouse.mjs
//   BENCH_LIGHTHOUSE_RUNS=3     runs per site (the median and min–max are reported)
//   BENCH_LIGHTHOUSE_GZIP=1     0: uncompressed (default 1: gzip -9, as a static host sends it)
//   BENCH_SITES=us,static       only these rows
// Sites, and every run's Lighthouse report (LHR JSON: open it in the
// Lighthouse viewer): build/bench/lighthouse/. Results: bench/results/lighthouse.json.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import {
  WORK, assertDist, codeState, peersOrError, envInt, machine, peerImport, runLine, spread, stats, table, writeResults,
} from './lib/common.mjs';
import { startStaticServer } from './lib/server.mjs';
import { readPosts, setUpSites, siteList } from './lib/sites.mjs';

const RUNS = envInt('BENCH_LIGHTHOUSE_RUNS', 3);
const GZIP = process.env.BENCH_LIGHTHOUSE_GZIP !== '0';
const only = process.env.BENCH_SITES ? process.env.BENCH_SITES.split(',').map((s) => s.trim()) : null;
const SITES = path.join(WORK, 'lighthouse');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

// ---------------------------------------------------------------- the front

// What a static host compresses (GitHub Pages, Netlify, Cloudflare: text
// types, JavaScript, JSON, SVG, wasm); fonts and images go as they are.
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|wasm)|image\/svg\+xml)/;

// A front for server.mjs: forwards each request and, when the browser
// accepts gzip and the type is compressible, answers with the body
// compressed at level 9 (computed once per path), Content-Encoding: gzip.
async function startGzipFront(backend) {
  const cache = new Map();  // path -> gzipped body (the server's files do not change during a run)
  const server = http.createServer((req, res) => {
    const up = http.request(backend + req.url, { method: req.method, headers: { ...req.headers, 'accept-encoding': 'identity' } }, (r) => {
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => {
        const body = Buffer.concat(chunks);
        const headers = { ...r.headers };
        const gzip = r.statusCode === 200 && req.method === 'GET' && /\bgzip\b/.test(req.headers['accept-encoding'] || '') &&
          COMPRESSIBLE.test(headers['content-type'] || '');
        if (!gzip) {
          res.writeHead(r.statusCode, headers);
          res.end(body);
          return;
        }
        const url = new URL(req.url, 'http://localhost').pathname;
        let z = cache.get(url);
        if (!z) cache.set(url, (z = zlib.gzipSync(body, { level: 9 })));
        res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'Accept-Encoding', 'content-length': z.length });
        res.end(z);
      });
    });
    up.on('error', (err) => { res.writeHead(502); res.end(String(err.message)); });
    req.pipe(up);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

// ---------------------------------------------------------------- one run

let lighthouse;
let chromeLauncher;

async function runOnce(url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

const num = (lhr, id) => {
  const v = lhr.audits[id]?.numericValue;
  return Number.isFinite(v) ? v : null;
};

// The figures of one run (null where Lighthouse has none).
function figures(lhr) {
  const score = lhr.categories.performance?.score;
  return {
    score: Number.isFinite(score) ? score * 100 : null,
    fcp: num(lhr, 'first-contentful-paint'), lcp: num(lhr, 'largest-contentful-paint'),
    tbt: num(lhr, 'total-blocking-time'), cls: num(lhr, 'cumulative-layout-shift'),
    si: num(lhr, 'speed-index'), tti: num(lhr, 'interactive'),
    bytes: num(lhr, 'total-byte-weight'),
    requests: lhr.audits['network-requests']?.details?.items?.length ?? null,
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
  };
}

// ---------------------------------------------------------------- findings

const text = (v) => (v && typeof v === 'object' ? (v.formattedDefault ?? v.i18nId ?? JSON.stringify(v)) : v);
const shortUrl = (u, origin) => (typeof u === 'string' && origin && u.startsWith(origin) ? u.slice(origin.length) : u);

// What Lighthouse says about one run, in plain data: the LCP element and its
// phases, the audits that fail (score below 0.9) with their savings, the
// critical request chain, script and main-thread time, bytes per file.
function findings(lhr, origin) {
  const a = lhr.audits;
  const out = {};
  const lcpEl = a['largest-contentful-paint-element']?.details?.items ?? [];
  const node = lcpEl[0]?.items?.[0]?.node;
  if (node) {
    out.lcpElement = { selector: node.selector, label: node.nodeLabel, snippet: node.snippet,
                       inShadowRoot: /#document-fragment/.test(node.path ?? '') };
  }
  const m = a.metrics?.details?.items?.[0];
  if (m) out.observed = { fcpMs: m.observedFirstContentfulPaint, lcpMs: m.observedLargestContentfulPaint, loadMs: m.observedLoad };
  const phases = lcpEl[1]?.items;
  if (phases) out.lcpPhases = phases.map((p) => ({ phase: text(p.phase), ms: p.timing, percent: p.percent }));
  // The insight (observed, in the unthrottled trace) beside Lantern's phases.
  const insight = a['lcp-breakdown-insight']?.details?.items?.find((i) => i.type === 'table')?.items;
  if (insight) out.lcpPhasesObserved = insight.map((p) => ({ phase: text(p.label ?? p.subpart), ms: p.duration }));

  const perf = lhr.categories.performance.auditRefs;
  const failing = [];
  for (const ref of perf) {
    // (the LCP element and the dependency tree are printed above the table)
    if (ref.group === 'metrics' || ['largest-contentful-paint-element', 'network-dependency-tree-insight', 'critical-request-chains'].includes(ref.id)) continue;
    const au = a[ref.id];
    if (!au || au.score === null || au.score >= 0.9 || au.scoreDisplayMode === 'notApplicable') continue;
    if (au.scoreDisplayMode === 'informative' && !au.metricSavings) continue;
    const savings = au.metricSavings ?? {};
    const items = au.details?.type === 'checklist'  // document-latency-insight: the checks that fail
      ? Object.values(au.details.items).filter((c) => c && c.value === false).map((c) => ({ label: c.label }))
      : (Array.isArray(au.details?.items) ? au.details.items : []).filter((i) => i && typeof i === 'object' && !i.type);
    failing.push({
      id: au.id, title: au.title, score: au.score, displayValue: au.displayValue ?? null,
      savingsMs: au.details?.overallSavingsMs ?? null, savingsBytes: au.details?.overallSavingsBytes ?? null,
      metricSavings: savings,
      items: items.slice(0, 5).map((i) => ({
        url: shortUrl(i.url ?? i.source?.url ?? i.node?.selector ?? i.label ?? i.groupLabel ?? i.entity, origin),
        totalBytes: i.totalBytes ?? i.transferSize ?? null, wastedBytes: i.wastedBytes ?? null, wastedMs: i.wastedMs ?? null,
      })),
    });
  }
  const weight = (f) => Object.values(f.metricSavings).reduce((x, y) => x + (y || 0), 0) + (f.savingsMs || 0);
  failing.sort((x, y) => weight(y) - weight(x) || x.score - y.score);
  out.failing = failing;

  // The network dependency tree (the insight: every request the page's
  // first render waited on, with when each ended in the observed load), and
  // Lighthouse's older critical request chain (high-priority requests only).
  const tree = a['network-dependency-tree-insight']?.details?.items?.find((i) => i.value?.type === 'network-tree')?.value;
  if (tree?.chains) {
    const flat = [];
    const walk = (nodes, depth) => {
      for (const n of Object.values(nodes || {})) {
        flat.push({ url: shortUrl(n.url, origin), depth, endMs: n.navStartToEndTime, transferSize: n.transferSize, longest: Boolean(n.isLongest) });
        walk(n.children, depth + 1);
      }
    };
    walk(tree.chains, 0);
    out.dependencyTree = { longestMs: tree.longestChain?.duration ?? null, requests: flat };
  }
  const chains = a['critical-request-chains']?.details;
  if (chains?.chains) {
    const longest = (tree) => {
      let best = [];
      for (const n of Object.values(tree || {})) {
        const rest = longest(n.children);
        if (rest.length + 1 > best.length) best = [n.request, ...rest];
      }
      return best;
    };
    const path0 = longest(chains.chains);
    const t0 = path0[0]?.startTime ?? 0;
    out.criticalChain = {
      durationMs: chains.longestChain?.duration ?? null, length: chains.longestChain?.length ?? null,
      transferSize: chains.longestChain?.transferSize ?? null,
      requests: path0.map((r) => ({ url: shortUrl(r.url, origin), endMs: Math.round((r.endTime - t0) * 1000), transferSize: r.transferSize })),
    };
  }
  const table2 = (id, map) => (Array.isArray(a[id]?.details?.items) ? a[id].details.items : []).map(map);
  out.bootup = table2('bootup-time', (i) => ({ url: shortUrl(i.url, origin), totalMs: i.total, scriptingMs: i.scripting, parseCompileMs: i.scriptParseCompile }));
  out.mainThread = table2('mainthread-work-breakdown', (i) => ({ group: i.groupLabel ?? i.group, ms: i.duration }));
  out.bytesByFile = table2('total-byte-weight', (i) => ({ url: shortUrl(i.url, origin), bytes: i.totalBytes }));
  out.requests = table2('network-requests', (i) => ({
    url: shortUrl(i.url, origin), startMs: i.networkRequestTime, endMs: i.networkEndTime, transferSize: i.transferSize,
    resourceSize: i.resourceSize, type: i.resourceType, priority: i.priority,
  }));
  return out;
}

// ---------------------------------------------------------------- run

const t0 = Date.now();
assertDist();
const m0 = machine();
const code = codeState();
const { versions, peerError } = peersOrError();
if (!versions.lighthouse) throw new Error(`Lighthouse is not installed in build/bench-peers (bash bench/peers.sh)${peerError ? `: ${peerError}` : ''}`);
lighthouse = (await peerImport('lighthouse')).default;
chromeLauncher = await peerImport('chrome-launcher');

const posts = readPosts();
const server = await startStaticServer([]);
const front = GZIP ? await startGzipFront(server.origin) : null;
const origin = front ? front.origin : server.origin;
const sites = siteList({ code, versions, only });
await setUpSites(sites, { dir: SITES, server, posts, peerError, origin });
const live = sites.filter((s) => !s.setupError);

let chromiumVersion = null;  // the user agent Lighthouse records says 156.0.0.0 (reduced)
// One untimed load of each site first (playwright-core, the same Chromium):
// the server's file cache and the front's gzip cache are warm before a run.
{
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', CHROMIUM_FLAGS.at(-1)] });
  chromiumVersion = browser.version();
  for (const s of live) {
    const page = await browser.newPage();
    await page.goto(origin + s.path, { waitUntil: 'networkidle', timeout: 30000 }).catch(() => {});
    await page.close();
  }
  await browser.close();
}

// Every run's report (LHR JSON, ~0.5–0.8 MB each) goes to lhr/SITE-RUN.json.
const lhrDir = path.join(SITES, 'lhr');
fs.rmSync(lhrDir, { recursive: true, force: true });
fs.mkdirSync(lhrDir, { recursive: true });
const results = Object.fromEntries(sites.map((s) => [s.key, { runs: [], failures: [], lhrs: [] }]));
for (let k = 0; k < RUNS; k++) {
  const order = live.map((_, i) => live[(i + k) % live.length]);
  for (const s of order) {
    const started = Date.now();
    let lhr = null;
    let error = null;
    try {
      lhr = await runOnce(origin + s.path);
      if (lhr.runtimeError) error = `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`;
    } catch (err) {
      error = String(err.message || err).split('\n')[0];
    }
    const secs = ((Date.now() - started) / 1000).toFixed(0);
    if (error) {
      results[s.key].failures.push(error);
      console.error(`run ${k + 1}/${RUNS} ${s.key}: failed (${secs} s): ${error}`);
      continue;
    }
    const f = { ...figures(lhr), report: `${s.key}-${k + 1}.json` };
    fs.writeFileSync(path.join(lhrDir, f.report), JSON.stringify(lhr));
    results[s.key].runs.push(f);
    results[s.key].lhrs.push(lhr);
    console.error(`run ${k + 1}/${RUNS} ${s.key}: score ${f.score?.toFixed(0)}, FCP ${f.fcp?.toFixed(0)} ms, LCP ${f.lcp?.toFixed(0)} ms, TBT ${f.tbt?.toFixed(0)} ms (${secs} s)`);
  }
}
await front?.close();
await server.close();

// ---------------------------------------------------------------- report

let lighthouseVersion = null;
let settings = null;
const rows = sites.map((s) => {
  const { runs, failures, lhrs } = results[s.key];
  const st = (k) => stats(runs.map((r) => r[k]).filter((x) => x !== null));
  const row = {
    key: s.key, label: s.label, version: s.version ?? null, path: s.path,
    error: s.setupError ?? (runs.length ? null : failures[0] ?? 'no run'),
    runs: runs.length, failed: failures.length, failures, each: runs,
    score: st('score'), fcpMs: st('fcp'), lcpMs: st('lcp'), tbtMs: st('tbt'), cls: st('cls'), speedIndexMs: st('si'),
    interactiveMs: st('tti'), bytes: st('bytes'), requests: st('requests'), benchmarkIndex: st('benchmarkIndex'),
  };
  if (lhrs.length) {
    // The run whose LCP is nearest the median: its findings and its report.
    const mid = row.lcpMs?.median ?? 0;
    const off = (r) => Math.abs((r.lcp ?? 0) - mid);
    const i = runs.reduce((best, r, j) => (off(r) < off(runs[best]) ? j : best), 0);
    const lhr = lhrs[i];
    lighthouseVersion ??= lhr.lighthouseVersion;
    chromiumVersion ??= /Chrome\/([\d.]+)/.exec(lhr.environment?.hostUserAgent ?? '')?.[1] ?? null;
    settings ??= lhr.configSettings;
    row.medianReport = runs[i].report;
    row.findings = findings(lhr, origin);
    row.warnings = [...new Set(lhrs.flatMap((l) => l.runWarnings ?? []).map(String))];
  }
  return row;
});

const m1 = machine();
const secs = (x) => (x / 1000).toFixed(2);
const ms0 = (x) => x.toFixed(0);
const score = (x) => x.toFixed(0);
const cls = (x) => x.toFixed(3);
const kb = (x) => (x / 1024).toFixed(1);
const th = settings?.throttling;
const screen = settings?.screenEmulation;
console.log('## Lighthouse: our blog side by side with the no-build Markdown blogs');
console.log('');
console.log(`- ${runLine(m0, code, `load average ${m1.loadAverage[0]} at the end`)}`);
console.log(`- Lighthouse ${lighthouseVersion ?? versions.lighthouse ?? '?'} (Node API), Chromium ${chromiumVersion ?? '?'} headless (/usr/bin/chromium via chrome-launcher: ${CHROMIUM_FLAGS.slice(0, 3).join(' ')}), a new Chromium per run; ` +
  `default config: ${settings?.formFactor ?? 'mobile'}${screen ? ` (${screen.width}×${screen.height}, DPR ${screen.deviceScaleFactor})` : ''}, ` +
  `throttling ${settings?.throttlingMethod ?? 'simulate'}${th ? ` (RTT ${th.rttMs} ms, ${(th.throughputKbps / 1024).toFixed(1)} Mbit/s, CPU ×${th.cpuSlowdownMultiplier})` : ''}, performance category only`);
console.log(`- ${RUNS} run(s) per site, the sites interleaved, after one untimed load of each; localhost HTTP/1.1 (bench/lib/server.mjs)` +
  (GZIP ? ', gzip -9 as a static host sends it (text, JavaScript, JSON, Markdown, SVG, wasm; BENCH_LIGHTHOUSE_GZIP=0: uncompressed)' : ', uncompressed as first-visit serves it (BENCH_LIGHTHOUSE_GZIP=0; by default gzip -9 as a static host)') +
  `; Lighthouse's CPU benchmark index ${spread(stats(rows.flatMap((r) => (r.benchmarkIndex ? [r.benchmarkIndex.median] : []))), ms0)} (lower: a slower or busier machine; the simulation scales the observed CPU time by the slowdown, so a busy machine inflates TBT and the paints)`);
console.log('- median (min–max); seconds unless said; "bytes": total byte weight as Lighthouse counts it (transfer sizes, headers included)');
console.log('');
console.log(table([['site', 'l'], ['version', 'l'], ['score', 'r'], ['FCP', 'r'], ['LCP', 'r'], ['TBT, ms', 'r'], ['CLS', 'r'], ['Speed Index', 'r'], ['KB', 'r'], ['requests', 'r'], ['runs', 'r']],
  rows.map((r) => (r.error && !r.runs
    ? [r.label, r.version ?? '—', `failed: ${r.error}`, '—', '—', '—', '—', '—', '—', '—', `0 of ${RUNS}`]
    : [r.label, r.version ?? '—', spread(r.score, score), spread(r.fcpMs, secs), spread(r.lcpMs, secs), spread(r.tbtMs, ms0),
       spread(r.cls, cls), spread(r.speedIndexMs, secs), spread(r.bytes, kb), r.requests ? ms0(r.requests.median) : '—',
       `${r.runs}${r.failed ? ` (+${r.failed} failed)` : ''}`]))));

// What Lighthouse says about our sites: all of it for the no-build site
// (us), where the LCP comes from for the built one.
const lcpLines = (f) => {
  const lines = [];
  if (f.lcpElement) {
    lines.push(`- LCP element: \`${f.lcpElement.selector ?? '?'}\`${f.lcpElement.inShadowRoot ? " (in <wasm-blog>'s shadow root)" : ''} ("${String(f.lcpElement.label ?? '').slice(0, 80)}")` +
      (f.observed ? `; observed (unthrottled) FCP ${ms0(f.observed.fcpMs)} ms, LCP ${ms0(f.observed.lcpMs)} ms, load ${ms0(f.observed.loadMs)} ms` : ''));
  }
  if (f.lcpPhases) lines.push(`- LCP phases (simulated): ${f.lcpPhases.map((p) => `${p.phase} ${ms0(p.ms)} ms (${p.percent})`).join(', ')}`);
  if (f.lcpPhasesObserved) lines.push(`- LCP phases (observed, unthrottled trace): ${f.lcpPhasesObserved.map((p) => `${p.phase} ${ms0(p.ms)} ms`).join(', ')}`);
  if (f.requests.length) {
    lines.push(`- Requests (observed start → end, transfer KB, priority): ` +
      f.requests.map((r) => `${r.url} ${ms0(r.startMs ?? 0)} → ${ms0(r.endMs ?? 0)} ms, ${kb(r.transferSize ?? 0)} KB, ${r.priority}`).join('; '));
  }
  return lines;
};
const us = rows.find((r) => r.key === 'us' && r.findings);
if (us) {
  const f = us.findings;
  console.log('');
  console.log(`### What Lighthouse finds on ${us.label} (the run nearest the median LCP)`);
  console.log('');
  for (const l of lcpLines(f)) console.log(l);
  if (f.dependencyTree) {
    console.log(`- Network dependency tree (render-blocking chains, observed, unthrottled): ` +
      f.dependencyTree.requests.map((r) => `${r.depth ? `${'→ '.repeat(r.depth)}` : ''}${r.url} (${kb(r.transferSize ?? 0)} KB, ends ${ms0(r.endMs)} ms)`).join(', '));
  }
  if (f.bootup.length) console.log(`- Script time (simulated CPU): ${f.bootup.slice(0, 4).map((b) => `${b.url} ${ms0(b.totalMs)} ms (parse/compile ${ms0(b.parseCompileMs ?? 0)})`).join('; ')}`);
  if (f.mainThread.length) console.log(`- Main thread: ${f.mainThread.slice(0, 5).map((b) => `${b.group} ${ms0(b.ms)} ms`).join(', ')}`);
  if (f.bytesByFile.length) console.log(`- Bytes by file: ${f.bytesByFile.slice(0, 6).map((b) => `${b.url} ${kb(b.bytes)} KB`).join(', ')}`);
  console.log('');
  console.log('Failing audits (score below 0.9), by the metric savings Lighthouse estimates:');
  console.log('');
  console.log(table([['audit', 'l'], ['shows', 'l'], ['est. savings', 'l'], ['where', 'l']],
    f.failing.map((x) => [
      `${x.title} (\`${x.id}\`)`, x.displayValue ?? '—',
      [...Object.entries(x.metricSavings).filter(([, v]) => v).map(([k, v]) => `${k} ${k === 'CLS' ? v.toFixed(3) : `${ms0(v)} ms`}`),
       ...(x.savingsBytes ? [`${kb(x.savingsBytes)} KB`] : [])].join(', ') || '—',
      x.items.filter((i) => i.url).slice(0, 3).map((i) => `${i.url}${i.wastedBytes ? ` (${kb(i.wastedBytes)} KB)` : i.wastedMs ? ` (${ms0(i.wastedMs)} ms)` : ''}`).join(', ') || '—',
    ])));
  if (us.warnings.length) {
    console.log('');
    console.log(`Lighthouse's warnings: ${us.warnings.join(' | ')}`);
  }
}
const built = rows.find((r) => r.key === 'us-built' && r.findings);
if (built) {
  console.log('');
  console.log(`### Where the LCP of ${built.label} comes from (the run nearest the median LCP)`);
  console.log('');
  for (const l of lcpLines(built.findings)) console.log(l);
}
const failed = rows.filter((r) => r.failures.length);
if (failed.length) {
  console.log('');
  for (const r of failed) console.log(`- ${r.label}: ${r.failed} run(s) failed: ${[...new Set(r.failures)].join('; ')}`);
}
const elapsed = (Date.now() - t0) / 1000;
const out = writeResults('lighthouse', {
  runs: RUNS, gzip: GZIP, lighthouse: lighthouseVersion, browser: chromiumVersion, chromiumFlags: CHROMIUM_FLAGS,
  settings: settings && { formFactor: settings.formFactor, throttlingMethod: settings.throttlingMethod, throttling: settings.throttling, screenEmulation: settings.screenEmulation },
  machine: { ...m0, loadAverageAtEnd: m1.loadAverage }, code, peers: versions, seconds: Math.round(elapsed), rows,
});
console.log('');
console.log(`${Math.round(elapsed)} s in all. JSON: ${out}; every run's Lighthouse report: ${path.relative(process.cwd(), lhrDir)}/SITE-RUN.json` +
  ` (the run nearest the median LCP: ${rows.filter((r) => r.medianReport).map((r) => r.medianReport).join(', ')})`);
