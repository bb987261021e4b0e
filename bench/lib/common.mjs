// Shared helpers for the benchmarks: paths, statistics, Markdown tables, the
// machine's state, the results file, the peers folder and our wasm core
// loaded in Node. Benchmarks print tables and never fail on a slow result.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// BENCH_DIST measures another dist folder (e.g. build/dist-size), BENCH_WORK
// keeps scratch files apart (two people benchmarking on one machine).
export const DIST = process.env.BENCH_DIST ? path.resolve(process.env.BENCH_DIST) : path.join(ROOT, 'dist');
export const PEERS = path.join(ROOT, 'build/bench-peers');
export const PEER_MODULES = path.join(PEERS, 'node_modules');
export const WORK = process.env.BENCH_WORK ? path.resolve(process.env.BENCH_WORK)
  : path.join(ROOT, 'build/bench');  // scratch files of the benchmarks (git-ignored)

// ---------------------------------------------------------------- statistics

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (!n) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

// Linear-interpolated quantile (q in 0..1).
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo] + (s[hi] - s[lo]) * (at - lo);
}

// The summary every table shows: median, min, max, interquartile range, n.
export function stats(xs) {
  const v = xs.filter((x) => Number.isFinite(x));
  if (!v.length) return null;
  return { median: median(v), min: Math.min(...v), max: Math.max(...v),
           p25: quantile(v, 0.25), p75: quantile(v, 0.75), n: v.length };
}

// ---------------------------------------------------------------- formatting

export const int = (x) => Math.round(x).toLocaleString('en-US');
export const kb = (bytes, d = 1) => (bytes / 1024).toFixed(d);
export function fixed(x, d) {
  if (x === undefined || x === null || !Number.isFinite(x)) return '—';
  return x.toFixed(d);
}
// A number with about three significant digits (1234 -> 1,234; 12.3; 0.123).
export function sig(x) {
  if (x === undefined || x === null || !Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  if (a >= 100) return int(x);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toFixed(3);
}
// "median (min–max)" of a stats() object, with format f.
export function spread(s, f = sig) {
  if (!s) return '—';
  return s.n > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median);
}

const cell = (x) => String(x ?? '—').replace(/\|/g, '\\|').replace(/\n/g, ' ');

// A Markdown table: columns is [[header, align ('l' | 'r')], ...], rows arrays of cells.
export function table(columns, rows) {
  const out = [];
  out.push(`| ${columns.map(([h]) => cell(h)).join(' | ')} |`);
  out.push(`|${columns.map(([, a]) => (a === 'r' ? '---:' : '---')).join('|')}|`);
  for (const r of rows) out.push(`| ${r.map(cell).join(' | ')} |`);
  return out.join('\n');
}

// ---------------------------------------------------------------- the run

export function git(...args) {
  const r = spawnSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

// What every results file records about the machine and the code measured.
export function machine() {
  const cpus = os.cpus();
  return { cpus: cpus.length, cpuModel: cpus[0]?.model?.trim(), loadAverage: os.loadavg().map((x) => +x.toFixed(2)),
           node: process.version, platform: `${os.type()} ${os.release()}` };
}

export function codeState() {
  const commit = git('rev-parse', '--short', 'HEAD');
  const dirty = Boolean(git('status', '--porcelain', '--', 'core', 'wasm', 'web', 'CMakeLists.txt'));
  return { commit, dirty };
}

// The line above each set of tables: the machine, its load, the commit.
export function runLine(m = machine(), c = codeState(), extra = '') {
  return `${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}, load average ${m.loadAverage[0]} at the start; ` +
    `commit ${c.commit ?? '?'}${c.dirty ? ' (+ uncommitted changes in core/, wasm/ or web/)' : ''}${extra ? `; ${extra}` : ''}`;
}

// BENCH_RESULTS writes the results files elsewhere (default bench/results/).
export const RESULTS_DIR = process.env.BENCH_RESULTS ? path.resolve(process.env.BENCH_RESULTS) : path.join(ROOT, 'bench/results');
export function writeResults(name, data) {
  const file = path.join(RESULTS_DIR, `${name}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ bench: name, date: new Date().toISOString(), ...data }, null, 2) + '\n');
  return path.relative(ROOT, file);
}

export function envInt(name, fallback) {
  const v = parseInt(String(process.env[name] ?? '').replace(/[_,\s]/g, ''), 10);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export function envList(name, fallback) {
  const s = process.env[name];
  if (!s) return fallback;
  return s.split(',').map((x) => parseInt(x.replace(/[_\s]/g, ''), 10)).filter((n) => n > 0);
}

// Lets the event loop and the garbage collector breathe between measurements.
export const pause = (ms = 0) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- peers

// Runs bench/peers.sh (installs only what is missing) and returns a map of
// installed peer versions, or throws with the script's output.
// ensurePeers() for a benchmark that measures us even when the peers cannot
// be installed: { versions, peerError } (versions {} and the error's text).
export function peersOrError() {
  try {
    return { versions: ensurePeers(), peerError: null };
  } catch (err) {
    return { versions: {}, peerError: String(err.message || err) };
  }
}

export function ensurePeers() {
  const r = spawnSync('bash', [path.join(ROOT, 'bench/peers.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`bench/peers.sh failed (exit ${r.status})`);
  const list = spawnSync('bash', [path.join(ROOT, 'bench/peers.sh'), '--list'], { encoding: 'utf8' });
  return Object.fromEntries(list.stdout.trim().split('\n').map((l) => l.split(' ')));
}

// The version of a package installed in build/bench-peers/ (read from its
// package.json on disk: some packages do not export it).
export function peerVersion(name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(PEER_MODULES, name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

// require() and import() of packages installed in build/bench-peers/. The
// import goes through a one-line module in that folder, so that packages
// resolve with the ESM conditions of their "exports" (micromark has no
// require entry).
export const peerRequire = createRequire(path.join(PEERS, 'package.json'));
export async function peerImport(name) {
  const loader = path.join(PEERS, 'import.mjs');
  const source = 'export const load = (name) => import(name);\n';
  if (!fs.existsSync(loader) || fs.readFileSync(loader, 'utf8') !== source) fs.writeFileSync(loader, source);
  const { load } = await import(loader);
  return load(name);
}

// ---------------------------------------------------------------- our core in Node

export function assertDist() {
  for (const f of ['index.html', 'wasm-blog.js', 'blog-core.js', 'blog-core.wasm', 'blog-full.js', 'blog-full.wasm', 'posts/index.json']) {
    if (!fs.existsSync(path.join(DIST, f))) throw new Error(`${path.relative(ROOT, DIST)}/${f} is missing: run make dist first`);
  }
}

// A shipped module (dist/<engine>.{js,wasm}, built for the web) started in
// Node: its glue is an ES module that finds the .wasm from import.meta.url,
// so the binary is passed in (wasmBinary). The glue is copied to a .mjs so
// that Node needs no package type to load it. engine: "blog-full" (the full
// engine, Markdown included: what renders posts) or "blog-core" (the list
// engine: what reads the index on a first visit).
export async function loadCore(engine = 'blog-full', dir = DIST) {
  fs.mkdirSync(WORK, { recursive: true });
  const glue = path.join(WORK, `${engine}-${process.pid}.mjs`);
  fs.copyFileSync(path.join(dir, `${engine}.js`), glue);
  try {
    const { default: create } = await import(glue);
    const core = await create({ wasmBinary: fs.readFileSync(path.join(dir, `${engine}.wasm`)) });
    core.blogHosts = new Map();
    return core;
  } finally {
    fs.rmSync(glue, { force: true });
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Copies bytes into the module's memory for the duration of fn(ptr, len).
export function withBytes(core, bytes, fn) {
  if (typeof bytes === 'string') bytes = encoder.encode(bytes);
  const ptr = core._blog_alloc(bytes.length);
  try {
    core.HEAPU8.set(bytes, ptr);  // HEAPU8 re-read: memory may have grown
    return fn(ptr, bytes.length);
  } finally {
    core._blog_free(ptr);
  }
}

// _blog_render_markdown on bytes already in memory at (ptr, len); returns
// the HTML's length in bytes (-1 when the core refused), and the HTML when
// asked for.
export function renderInCore(core, ptr, len, { text = false } = {}) {
  const lenPtr = core._blog_alloc(4);
  try {
    const out = core._blog_render_markdown(ptr, len, lenPtr);
    if (!out) return { bytes: -1 };
    const n = new DataView(core.HEAPU8.buffer).getUint32(lenPtr, true);
    const html = text ? decoder.decode(core.HEAPU8.subarray(out, out + n)) : undefined;
    core._blog_free(out);
    return { bytes: n, html };
  } finally {
    core._blog_free(lenPtr);
  }
}

export { encoder, decoder };
