// Where the bytes of the shipped engine go: dist/blog-core.wasm (the list
// engine, on every first visit; BENCH_SIZE_ENGINE=blog-full for the full one,
// loaded with the first post) by section,
// by function (the 20 biggest) and by origin (our code, md4c, nlohmann-json,
// libc++, libc), plus every file a first visit downloads, raw / gzip -9 /
// brotli. Each table has a column of change since the last run (read from
// bench/results/size.json before it is overwritten), so a change shows
// where the bytes went. A benchmark, not a test: no thresholds.
//
// Run: make dist && node bench/size.mjs
//   BENCH_SIZE_ENGINE=blog-full   the full engine (Markdown) instead
//   BENCH_SIZE_NAMES=0   skip the relink with names (below)
//
// The shipped module has no name section (emscripten strips it at -O3) and
// its exports are minified: the glue (blog-core.js) maps them back to C
// names. For every function's name, this script relinks build/wasm's objects
// (the ones make dist copied from, read-only) with the same link command
// plus --profiling-funcs into build/bench/names/ (~10 s): same objects, same
// optimisations, a name section kept. wasm-opt orders functions differently
// when names are kept, so call indices (and a few bytes) differ: names are
// given to the shipped functions by nearest body size, marked ≈ when the
// sizes are not equal. Results: bench/results/size.json.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, RESULTS_DIR, ROOT, WORK, assertDist, codeState, machine, table, writeResults } from './lib/common.mjs';
import { parseWasm } from './lib/wasm-parse.mjs';

// The engine to take apart, and its CMake target (wasm/CMakeLists.txt).
const ENGINE = process.env.BENCH_SIZE_ENGINE === 'blog-full' ? 'blog-full' : 'blog-core';
const TARGET = ENGINE === 'blog-full' ? 'blog_wasm' : 'blog_wasm_list';
const WASM_FILE = path.join(DIST, `${ENGINE}.wasm`);
const GLUE_FILE = path.join(DIST, `${ENGINE}.js`);
// make wasm's output folder (CMake); BENCH_WASM_BUILD names another (build/wasm-size/wasm)
const BUILD_WASM = process.env.BENCH_WASM_BUILD ? path.resolve(process.env.BENCH_WASM_BUILD) : path.join(ROOT, 'build/wasm/wasm');
const NAMES_DIR = path.join(WORK, 'names', ENGINE);
const RESULTS = path.join(RESULTS_DIR, ENGINE === 'blog-core' ? 'size.json' : 'size-full.json');
const TOP = 20;

const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const br = (buf) => zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const n = (x) => (x === undefined || x === null ? '—' : x.toLocaleString('en-US'));
const pct = (x, of) => `${((100 * x) / of).toFixed(1)}%`;
const delta = (now, before) => {
  if (before === undefined || before === null) return 'new';
  const d = now - before;
  return d === 0 ? '0' : `${d > 0 ? '+' : '−'}${Math.abs(d).toLocaleString('en-US')}`;
};

assertDist();
const previous = fs.existsSync(RESULTS) ? JSON.parse(fs.readFileSync(RESULTS, 'utf8')) : null;
const wasmBytes = fs.readFileSync(WASM_FILE);
const wasm = parseWasm(wasmBytes);

// ---------------------------------------------------------------- the glue's names for exports and imports

const glue = fs.readFileSync(GLUE_FILE, 'utf8');
const exportName = new Map();  // minified export -> C name
// Emscripten's glue: Module["_blog_alloc"]=Module["asm"]["h"]; minified by
// make-dist (esbuild): n._blog_alloc=n.asm.h.
for (const m of glue.matchAll(/Module\["(\w+)"\]=Module\["asm"\]\["(\w+)"\]|([\w$]+)\.(_\w+)=\3\.asm\.(\w+)/g)) {
  if (m[1]) exportName.set(m[2], m[1]);
  else exportName.set(m[5], m[4]);
}
const fnLabel = new Map();  // function index -> "_blog_alloc (export)"
for (const e of wasm.exports) {
  if (e.kind === 'function' && exportName.has(e.name)) fnLabel.set(e.index, exportName.get(e.name).replace(/^_/, ''));
}

// ---------------------------------------------------------------- names from a relink with --profiling-funcs

function relinkWithNames() {
  if (process.env.BENCH_SIZE_NAMES === '0') return { skipped: 'BENCH_SIZE_NAMES=0' };
  const linkTxt = path.join(BUILD_WASM, `CMakeFiles/${TARGET}.dir/link.txt`);
  if (!fs.existsSync(linkTxt)) return { skipped: `${path.relative(ROOT, linkTxt)} is missing (run make wasm)` };
  const built = path.join(BUILD_WASM, `${ENGINE}.wasm`);
  if (!fs.existsSync(built) || !fs.readFileSync(built).equals(wasmBytes)) {
    return { skipped: `${path.relative(ROOT, built)} is not the file in ${path.relative(ROOT, DIST)}/ (rebuilt since make dist?): names would be of other code` };
  }
  const out = path.join(NAMES_DIR, `${ENGINE}.js`);
  const outWasm = path.join(NAMES_DIR, `${ENGINE}.wasm`);
  const stamp = path.join(NAMES_DIR, 'source.sha1');
  const sha = (b) => crypto.createHash('sha1').update(b).digest('hex');
  const want = sha(wasmBytes);
  if (fs.existsSync(outWasm) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want) return { file: outWasm, cached: true };
  fs.mkdirSync(NAMES_DIR, { recursive: true });
  // The CMake link command, its output redirected, with --profiling-funcs.
  const words = fs.readFileSync(linkTxt, 'utf8').trim().split(/\s+/);
  const o = words.indexOf('-o');
  if (o < 0) return { skipped: 'no -o in the link command' };
  words[o + 1] = out;
  words.push('--profiling-funcs');
  const t0 = Date.now();
  const r = spawnSync(words[0], words.slice(1), { cwd: BUILD_WASM, encoding: 'utf8',
    env: { ...process.env, NODE_PATH: process.env.NODE_PATH || '/usr/share/nodejs' } });
  if (r.status !== 0) return { skipped: `relink failed: ${(r.stderr || String(r.error)).trim().split('\n').slice(0, 2).join(' ')}` };
  fs.writeFileSync(stamp, want);
  return { file: outWasm, seconds: (Date.now() - t0) / 1000 };
}

const names = relinkWithNames();
let named = null;
if (names.file) {
  const bytes = fs.readFileSync(names.file);
  named = { bytes, wasm: parseWasm(bytes) };
}

// Shipped function index -> { name, exact } by nearest body size (greedy, biggest first).
const nameOf = new Map();
if (named) {
  const pool = named.wasm.functions.map((f) => ({ size: f.bodySize, name: named.wasm.names.get(f.index) ?? `function ${f.index}`, used: false }))
    .sort((a, b) => b.size - a.size);
  for (const f of [...wasm.functions].sort((a, b) => b.bodySize - a.bodySize)) {
    let best = null;
    for (const c of pool) {
      if (c.used) continue;
      const d = Math.abs(c.size - f.bodySize);
      if (!best || d < best.d) best = { c, d };
      if (c.size < f.bodySize - best.d) break;  // sorted: no closer one further down
    }
    if (best && best.d <= Math.max(16, f.bodySize * 0.01)) {
      best.c.used = true;
      nameOf.set(f.index, { name: best.c.name, exact: best.d === 0 });
    }
  }
}

// Shortens a demangled C++ name for a table: std::__2:: -> std::, nlohmann's
// long basic_json<...> spelled json, template arguments of 60+ characters cut.
function shortName(s) {
  let t = s.replace(/std::__2::/g, 'std::').replace(/nlohmann::json_abi_v\d+_\d+_\d+::/g, 'nlohmann::')
    .replace(/nlohmann::basic_json<std::map, std::vector, std::basic_string<char, std::char_traits<char>, std::allocator<char> >, bool, long long, unsigned long long, double, std::allocator, nlohmann::adl_serializer, std::vector<unsigned char, std::allocator<unsigned char> > >/g, 'json')
    .replace(/std::basic_string<char, std::char_traits<char>, std::allocator<char> >/g, 'std::string')
    .replace(/std::basic_string_view<char, std::char_traits<char> >/g, 'std::string_view');
  // cut long template argument lists, innermost first
  for (let guard = 0; guard < 20 && t.length > 110; guard++) {
    const m = /<[^<>]{40,}>/.exec(t);
    if (!m) break;
    t = t.slice(0, m.index) + '<…>' + t.slice(m.index + m[0].length);
  }
  return t.length > 140 ? t.slice(0, 137) + '…' : t;
}

// Where a function comes from, by its name.
function origin(name) {
  if (!name) return 'unknown';
  const ns = /([A-Za-z_]\w*)::/.exec(name)?.[1];
  if (ns === 'blog' || ns === 'Widget') return 'wasm-blog (core/, wasm/)';  // Widget: wasm/blog_wasm.cpp
  if (ns === 'nlohmann' || name.includes('nlohmann::')) return 'nlohmann-json';
  if (ns === 'std' || ns === '__cxxabiv1' || ns === 'abi') return 'libc++ / libc++abi (templates included)';
  if (ns) return `other C++ (${ns}::)`;
  if (/^(md_|MD_|entity_|md4c)/.test(name)) return 'md4c';
  if (/^blog_/.test(name)) return 'wasm-blog (core/, wasm/)';
  if (/^(__(div|mul|add|sub|ext|trunc|fix|float|unord|eq|ne|lt|le|gt|ge|ashl|ashr|lshr|mulo|udiv|umod|div|mod)\w*|__multi3|__lshrti3|__ashlti3)$/.test(name)) return 'compiler-rt (soft float, 128-bit ints)';
  return 'libc (musl, dlmalloc) and emscripten runtime';
}

// ---------------------------------------------------------------- tables

const total = wasmBytes.length;
const codeSection = wasm.sections.find((s) => s.id === 10);
const sections = wasm.sections.map((s) => {
  const bytes = wasmBytes.subarray(s.offset, s.offset + s.size);
  const label = s.id === 0 ? `custom "${s.custom}"` : s.name;
  let what = '';
  if (s.id === 10) what = `${n(wasm.functions.length)} function bodies (${n(wasm.imports.functions)} imported functions besides)`;
  else if (s.id === 11) what = `${wasm.data.segments} segments, ${n(wasm.data.bytes)} bytes of payload (static data: md4c's entity table, strings, tables)`;
  else if (s.id === 7) what = `${wasm.exports.length} exports (names minified)`;
  else if (s.id === 2) what = `${wasm.imports.functions} functions`;
  return { section: label, id: s.id, bytes: s.size, gzip: gz(bytes), what };
});
const codeTotal = wasm.functions.reduce((a, f) => a + f.bodySize, 0);
const functions = [...wasm.functions].sort((a, b) => b.bodySize - a.bodySize).map((f) => {
  const nm = nameOf.get(f.index);
  const exp = fnLabel.get(f.index);
  return { index: f.index, bytes: f.bodySize, gzip: gz(wasmBytes.subarray(f.offset, f.offset + f.bodySize)),
           name: nm?.name ?? null, nameExact: nm?.exact ?? null, export: exp ?? null, origin: origin(nm?.name ?? (exp ? `blog_${exp}` : null)) };
});
const byOrigin = new Map();
for (const f of functions) {
  const o = byOrigin.get(f.origin) || { origin: f.origin, functions: 0, bytes: 0 };
  o.functions++;
  o.bytes += f.bytes;
  byOrigin.set(f.origin, o);
}
const origins = [...byOrigin.values()].sort((a, b) => b.bytes - a.bytes);

// Every file of dist/ that the first visit downloads (vendor/ loads later, on demand).
const firstVisit = ['index.html', 'wasm-blog.js', 'wasm-blog.css', 'blog-core.js', 'blog-core.wasm', 'posts/index.json'];
const lazy = ['blog-full.js', 'blog-full.wasm', 'enhance-code.js', 'enhance-math.js'];
const files = [...firstVisit.map((f) => [f, 'first visit']), ...lazy.map((f) => [f, f.startsWith('blog-full') ? 'a post' : 'on demand'])]
  .filter(([f]) => fs.existsSync(path.join(DIST, f)))
  .map(([f, when]) => {
    const b = fs.readFileSync(path.join(DIST, f));
    return { file: f, when, bytes: b.length, gzip: gz(b), brotli: br(b) };
  });

// ---------------------------------------------------------------- print

const prev = previous || {};
const prevSection = new Map((prev.sections || []).map((s) => [s.section, s]));
const prevOrigin = new Map((prev.origins || []).map((o) => [o.origin, o]));
const prevFile = new Map((prev.files || []).map((f) => [f.file, f]));
const code = codeState();
const m = machine();
// Without an earlier run the change column is left out.
const withDelta = (columns, rows) => (previous ? table(columns, rows)
  : table(columns.filter(([h]) => h !== sinceLabel), rows.map((r) => r.filter((_, i) => columns[i][0] !== sinceLabel))));
const sinceLabel = previous ? `Δ bytes since ${previous.date?.slice(0, 16).replace('T', ' ')} (${previous.code?.commit ?? '?'})` : 'Δ bytes (no earlier run)';

console.log(`## Size of the engine: dist/${ENGINE}.wasm${ENGINE === 'blog-core' ? ' (the list engine, on every first visit)' : ' (the full engine, loaded with the first post)'}`);
console.log('');
console.log(`- ${n(total)} bytes raw, ${n(gz(wasmBytes))} gzip -9, ${n(br(wasmBytes))} brotli 11; commit ${code.commit ?? '?'}${code.dirty ? ' (+ uncommitted changes in core/, wasm/ or web/)' : ''}`);
console.log(`- function names: the shipped module has ${wasm.names.size ? `a name section (${wasm.names.size} names)` : 'no name section (stripped), and minified export names'}; ` +
  (named ? `names below come from build/wasm's objects relinked with --profiling-funcs (${names.cached ? 'cached' : `${names.seconds.toFixed(0)} s`}), matched by nearest body size (${[...nameOf.values()].filter((x) => x.exact).length} exact, ${[...nameOf.values()].filter((x) => !x.exact).length} ≈ within 1%, ${wasm.functions.length - nameOf.size} unmatched of ${wasm.functions.length})`
    : `no names: ${names.skipped}; functions are listed by index (exports named from the glue)`));
console.log(`- gzip columns: each part compressed alone (gzip -9), a guide to what it costs on the wire; the parts' sum is more than the whole file's`);
console.log('');
console.log('### By section');
console.log('');
console.log(withDelta([['section', 'l'], ['bytes', 'r'], ['share', 'r'], ['gzip alone', 'r'], [sinceLabel, 'r'], ['what', 'l']],
  [...sections.map((s) => [s.section, n(s.bytes), pct(s.bytes, total), n(s.gzip), delta(s.bytes, prevSection.get(s.section)?.bytes), s.what]),
   ['header', '8', pct(8, total), '', '', '\\0asm and version'],
   ['**total**', `**${n(total)}**`, '100%', n(gz(wasmBytes)), delta(total, prev.total), '']]));
console.log('');
console.log(`### The ${TOP} biggest functions (of ${n(wasm.functions.length)}; code section ${n(codeSection?.size)} bytes, bodies ${n(codeTotal)})`);
console.log('');
console.log(table([['#', 'r'], ['index', 'r'], ['bytes', 'r'], ['share of code', 'r'], ['gzip alone', 'r'], ['function', 'l']],
  functions.slice(0, TOP).map((f, i) => [i + 1, f.index, n(f.bytes), pct(f.bytes, codeTotal), n(f.gzip),
    (f.name ? `${f.nameExact ? '' : '≈ '}\`${shortName(f.name)}\`` : '(name stripped)') + (f.export ? ` — export ${f.export}` : '')])));
if (named) {
  console.log('');
  console.log(`### Code by origin (function names; ${n(codeTotal)} bytes of bodies)`);
  console.log('');
  console.log('By each function\'s own name: library code inlined into ours counts as ours (index_parse holds the inlined JSON reader).');
  console.log('');
  console.log(withDelta([['origin', 'l'], ['functions', 'r'], ['bytes', 'r'], ['share of code', 'r'], [sinceLabel, 'r']],
    origins.map((o) => [o.origin, n(o.functions), n(o.bytes), pct(o.bytes, codeTotal), delta(o.bytes, prevOrigin.get(o.origin)?.bytes)])));
}
console.log('');
console.log('### What a first visit downloads from dist/ (and what loads on demand)');
console.log('');
const fv = files.filter((f) => f.when === 'first visit');
const sum = (k) => fv.reduce((a, f) => a + f[k], 0);
console.log(withDelta([['file', 'l'], ['when', 'l'], ['bytes', 'r'], ['gzip -9', 'r'], ['brotli 11', 'r'], [sinceLabel, 'r']],
  [...files.map((f) => [f.file, f.when, n(f.bytes), n(f.gzip), n(f.brotli), delta(f.bytes, prevFile.get(f.file)?.bytes)]),
   ['**first visit**', '', `**${n(sum('bytes'))}**`, `**${n(sum('gzip'))}**`, `**${n(sum('brotli'))}**`, delta(sum('bytes'), prev.firstVisitBytes)]]));
console.log('');
console.log('(vendor/: highlight.js and KaTeX, loaded only by a post with code or math; posts/*.md: one per post opened.)');

const file = writeResults('size', {
  file: `dist/${ENGINE}.wasm`, total, gzip: gz(wasmBytes), brotli: br(wasmBytes), code, machine: { node: m.node },
  names: named ? { from: 'build/wasm objects relinked with --profiling-funcs', matchedExact: [...nameOf.values()].filter((x) => x.exact).length, matchedNear: [...nameOf.values()].filter((x) => !x.exact).length, unmatched: wasm.functions.length - nameOf.size } : { skipped: names.skipped },
  sections, data: wasm.data, imports: wasm.imports, functionCount: wasm.functions.length, codeBodies: codeTotal,
  origins, topFunctions: functions.slice(0, 100), files, firstVisitBytes: sum('bytes'), firstVisitGzip: sum('gzip'),
});
console.log('');
console.log(`JSON: ${file}`);
