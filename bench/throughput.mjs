// Markdown -> HTML throughput, MB/s, in Node: our core (the shipped wasm,
// dist/blog-full.wasm, and the same C++ compiled natively) side by side with
// markdown-wasm, md4w, marked, markdown-it, commonmark.js and micromark, on
// three documents: 1 MB of the CommonMark spec, 1 MB of prose, a 10 KB post.
// A benchmark, not a test: no thresholds.
//
// Run: make dist && node bench/throughput.mjs
//   BENCH_ROUNDS=3      rounds; in each, every library runs in a fresh Node
//                       process (its own heap and JIT), in a rotated order
//   BENCH_MIN_MS=400    per document and round: at least this long, and at
//                       least BENCH_MIN_RUNS (3) renders, each timed alone,
//                       after BENCH_WARMUP_MS (300) of untimed renders
//   BENCH_LIBS=a,b      only these rows (keys: see LIBS below)
// Peers come from build/bench-peers/ (bench/peers.sh installs what is missing).
// The native row is bench/lib/md_render.cpp built with g++ -O3 from core/ and
// md4c's sources into build/bench/md_render. A last table times the same
// driver on a post full of raw HTML, with the raw HTML omitted and sanitized
// (core/html/sanitize): the sanitizer's cost.
// Results: bench/results/throughput.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  ROOT, WORK, assertDist, codeState, decoder, encoder, ensurePeers, envInt, loadCore, machine, pause,
  peerImport, peerRequire, peerVersion, renderInCore, runLine, sig, stats, table, withBytes, writeResults,
} from './lib/common.mjs';

const SELF = fileURLToPath(import.meta.url);
const DOCS_DIR = path.join(WORK, 'throughput');
const MIB = 1048576;
const MD4C = path.join(ROOT, 'deps/md4c-0.5.3');

// md4c's flags for the GitHub dialect (MD_DIALECT_GITHUB) plus LaTeX math:
// what our core uses (core/markdown: default_parser_flags), given by name to
// the two other md4c-based libraries so that all three parse the same syntax.
const MD4C_GFM_MATH = ['PERMISSIVE_URL_AUTO_LINKS', 'PERMISSIVE_EMAIL_AUTO_LINKS', 'PERMISSIVE_WWW_AUTOLINKS',
  'TABLES', 'STRIKETHROUGH', 'TASK_LISTS', 'LATEX_MATH_SPANS'];

// Each library: what it is, the options it runs with, and setup() returning
// prepare(text) -> a function that renders text once and returns the HTML.
const LIBS = {
  'ours-wasm': {
    label: 'wasm-blog core, wasm (dist/blog-full.wasm)',
    options: 'blog defaults: md4c GitHub dialect + LaTeX math, safe (raw HTML left out), heading ids and anchors; string in, string out (TextEncoder, copy into memory, render, TextDecoder)',
    version: () => 'dist/',
    async setup() {
      const core = await loadCore();
      return (text) => () => {
        let html;
        withBytes(core, encoder.encode(text), (p, n) => { html = renderInCore(core, p, n, { text: true }).html; });
        return html;
      };
    },
  },
  'ours-wasm-call': {
    label: 'wasm-blog core, wasm: the render call alone',
    options: 'as above, input already in linear memory, the HTML left there (no string conversion)',
    version: () => 'dist/',
    async setup() {
      const core = await loadCore();
      return (text) => {
        const bytes = encoder.encode(text);
        const ptr = core._blog_alloc(bytes.length);
        core.HEAPU8.set(bytes, ptr);
        return () => renderInCore(core, ptr, bytes.length).bytes;
      };
    },
  },
  'ours-native': {
    label: 'wasm-blog core, native (g++ -O3)',
    options: 'as the wasm row; timed inside the process (bench/lib/md_render.cpp)',
    native: true,
  },
  'markdown-wasm': {
    label: 'markdown-wasm (md4c in wasm)',
    options: `parseFlags ${MD4C_GFM_MATH.join('|')} (our md4c flags); raw HTML allowed; output as string`,
    version: () => peerVersion('markdown-wasm'),
    async setup() {
      const md = peerRequire('markdown-wasm');
      await md.ready;
      const flags = MD4C_GFM_MATH.reduce((a, k) => a | md.ParseFlags[k], 0);
      return (text) => () => md.parse(text, { parseFlags: flags });
    },
  },
  md4w: {
    label: 'md4w (md4c in wasm, Zig)',
    options: `init("fast"), parseFlags ${MD4C_GFM_MATH.join('|').replace('TASK_LISTS', 'TASKLISTS').replace('WWW_AUTOLINKS', 'WWW_AUTO_LINKS')} (our md4c flags); raw HTML allowed`,
    version: () => peerVersion('md4w'),
    async setup() {
      const { init, mdToHtml } = await peerImport('md4w');
      await init('fast');
      const parseFlags = MD4C_GFM_MATH.map((k) => k.replace('TASK_LISTS', 'TASKLISTS').replace('WWW_AUTOLINKS', 'WWW_AUTO_LINKS'));
      return (text) => () => mdToHtml(text, { parseFlags });
    },
  },
  marked: {
    label: 'marked',
    options: 'marked.parse, defaults: gfm: true (tables, strikethrough, autolinks), no math',
    version: () => peerVersion('marked'),
    async setup() {
      const { Marked } = await peerImport('marked');
      const m = new Marked({ gfm: true });
      return (text) => () => m.parse(text);
    },
  },
  'markdown-it': {
    label: 'markdown-it',
    options: 'default preset (CommonMark + tables + strikethrough) with linkify: true; no task lists, no math',
    version: () => peerVersion('markdown-it'),
    async setup() {
      const { default: MarkdownIt } = await peerImport('markdown-it');
      const md = new MarkdownIt({ linkify: true });
      return (text) => () => md.render(text);
    },
  },
  commonmark: {
    label: 'commonmark.js',
    options: 'Parser + HtmlRenderer, defaults: CommonMark only (no GFM extension exists)',
    version: () => peerVersion('commonmark'),
    async setup() {
      const { Parser, HtmlRenderer } = await peerImport('commonmark');
      const parser = new Parser();
      const renderer = new HtmlRenderer();
      return (text) => () => renderer.render(parser.parse(text));
    },
  },
  micromark: {
    label: 'micromark',
    options: 'with micromark-extension-gfm (gfm() + gfmHtml()); no math',
    version: () => `${peerVersion('micromark')} + gfm ${peerVersion('micromark-extension-gfm')}`,
    async setup() {
      const { micromark } = await peerImport('micromark');
      const { gfm, gfmHtml } = await peerImport('micromark-extension-gfm');
      const options = { extensions: [gfm()], htmlExtensions: [gfmHtml()] };
      return (text) => () => micromark(text, options);
    },
  },
};

// ---------------------------------------------------------------- documents

function stripFrontMatter(text) {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return m ? text.slice(m[0].length) : text;
}

// Repeats `unit` (whole lines) up to `size` bytes, cut at the last line end.
function repeatTo(unit, size) {
  let out = '';
  while (Buffer.byteLength(out) < size) out += unit.endsWith('\n') ? unit : unit + '\n';
  let buf = Buffer.from(out).subarray(0, size);
  const nl = buf.lastIndexOf(10);
  return buf.subarray(0, nl + 1).toString('utf8');
}

function postBodies() {
  const dir = path.join(ROOT, 'posts');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort()
    .map((f) => stripFrontMatter(fs.readFileSync(path.join(dir, f), 'utf8')));
}

function writeDocs() {
  fs.mkdirSync(DOCS_DIR, { recursive: true });
  const docs = [];
  // 1. The CommonMark spec (md4c 0.5.3's test/spec.txt, CommonMark 0.31:
  // prose, headings, lists, and ~650 examples as fenced code) repeated to 1 MiB.
  const spec = fs.readFileSync(path.join(MD4C, 'test/spec.txt'), 'utf8');
  docs.push({ key: 'spec', name: 'CommonMark spec text, 1 MB', text: repeatTo(spec, MIB),
              from: 'deps/md4c-0.5.3/test/spec.txt repeated to 1 MiB' });
  // 2. Prose: the sample posts' paragraphs (no headings, lists or code), repeated.
  const paragraphs = postBodies().flatMap((b) => b.split(/\n{2,}/))
    .map((p) => p.trim()).filter((p) => p && !/^(#|```|[-*+] |\d+\. |>|\||!\[|\$\$|<)/.test(p));
  docs.push({ key: 'prose', name: 'prose, 1 MB', text: repeatTo(paragraphs.join('\n\n') + '\n\n', MIB),
              from: `the ${paragraphs.length} plain paragraphs of posts/*.md repeated to 1 MiB` });
  // 3. A 10 KB post: the features sample (tables, math, code, lists, task
  // lists, footnote-style links) followed by posts, cut at a block to <= 10 KiB.
  const features = stripFrontMatter(fs.readFileSync(path.join(ROOT, 'posts/features/markdown-features.md'), 'utf8'));
  const blocks = [features, ...postBodies()].join('\n\n').split(/\n{2,}/);
  let post = '';
  for (const b of blocks) {
    if (Buffer.byteLength(post + b + '\n\n') > 10240) break;
    post += b + '\n\n';
  }
  docs.push({ key: 'post', name: 'a 10 KB post', text: post,
              from: 'posts/features/markdown-features.md then posts/*.md, whole blocks up to 10 KiB' });
  for (const d of docs) {
    d.file = path.join(DOCS_DIR, `${d.key}.md`);
    fs.writeFileSync(d.file, d.text);
    d.bytes = Buffer.byteLength(d.text);
    delete d.text;
  }
  return docs;
}

// ---------------------------------------------------------------- child: one library

async function child(key, docsJson, warmupMs, minRuns, minMs) {
  const docs = JSON.parse(docsJson);
  const lib = LIBS[key];
  const out = { key, version: null, docs: {} };
  try {
    out.version = lib.version();
    const prepare = await lib.setup();
    for (const d of docs) {
      const text = fs.readFileSync(d.file, 'utf8');
      const run = prepare(text);
      const f0 = performance.now();
      const first = run();
      const firstMs = performance.now() - f0;
      const outBytes = typeof first === 'string' ? Buffer.byteLength(first) : first;
      // warm-up (the first render counts: a slow library is not run again for it)
      for (const start = performance.now(); firstMs < warmupMs && performance.now() - start < warmupMs - firstMs;) run();
      if (globalThis.gc) globalThis.gc();
      await pause(10);
      const ms = [];
      const cpu0 = process.cpuUsage();
      const start = performance.now();
      while (ms.length < minRuns || performance.now() - start < minMs) {
        const t0 = performance.now();
        run();
        ms.push(performance.now() - t0);
      }
      const cpu = process.cpuUsage(cpu0);
      out.docs[d.key] = { outBytes, ms, cpuMsPerRender: (cpu.user + cpu.system) / 1000 / ms.length };
    }
  } catch (err) {
    out.error = String(err && err.stack ? err.stack.split('\n').slice(0, 2).join(' ') : err);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

if (process.argv[2] === '--child') {
  const [, , , key, docsJson, warmupMs, minRuns, minMs] = process.argv;
  await child(key, docsJson, Number(warmupMs), Number(minRuns), Number(minMs));
  process.exit(0);
}

// ---------------------------------------------------------------- parent

const ROUNDS = envInt('BENCH_ROUNDS', 3);
const MIN_MS = envInt('BENCH_MIN_MS', 400);
const MIN_RUNS = envInt('BENCH_MIN_RUNS', 3);
const WARMUP_MS = envInt('BENCH_WARMUP_MS', 300);
const only = process.env.BENCH_LIBS ? process.env.BENCH_LIBS.split(',').map((s) => s.trim()) : null;
const keys = Object.keys(LIBS).filter((k) => !only || only.includes(k));

assertDist();
const m0 = machine();
let peerError = null;
try {
  ensurePeers();
} catch (err) {
  peerError = String(err.message || err);
}
const docs = writeDocs();

// The native driver, rebuilt when a source is newer than the binary.
function buildNative() {
  const bin = path.join(WORK, 'md_render');
  // The renderer and what it calls: every source of these core folders.
  const dirs = ['core/markdown', 'core/shortcode', 'core/html', 'core/url', 'core/util', 'core/date', 'core/i18n'];
  const cxx = ['bench/lib/md_render.cpp', ...dirs.flatMap((d) => fs.readdirSync(path.join(ROOT, d))
    .filter((f) => f.endsWith('.cpp')).sort().map((f) => `${d}/${f}`))];
  const c = ['src/md4c.c', 'src/entity.c'].map((f) => path.join(MD4C, f));
  const sources = [...cxx.map((f) => path.join(ROOT, f)), ...c, path.join(ROOT, 'core/html/entity_table.py'),
    ...dirs.flatMap((d) => fs.readdirSync(path.join(ROOT, d)).map((f) => path.join(ROOT, d, f)))];
  const newest = Math.max(...sources.map((f) => fs.statSync(f).mtimeMs));
  if (fs.existsSync(bin) && fs.statSync(bin).mtimeMs > newest) return { bin };
  fs.mkdirSync(WORK, { recursive: true });
  // The renderer's HTML entity table, generated from md4c's entity.c as the
  // CMake build does (core/html/entity_table.py).
  const table = path.join(WORK, 'md_render-entity_table.cpp');
  const gen = spawnSync('python3', [path.join(ROOT, 'core/html/entity_table.py'), path.join(MD4C, 'src/entity.c'), table], { encoding: 'utf8' });
  if (gen.status !== 0) return { error: `entity_table.py: ${(gen.stderr || gen.error || '').toString().trim().split('\n')[0]}` };
  const objs = [];
  for (const f of c) {
    const o = path.join(WORK, `md_render-${path.basename(f, '.c')}.o`);
    const r = spawnSync('gcc', ['-O3', '-DNDEBUG', '-DMD4C_USE_UTF8', '-c', f, '-o', o], { encoding: 'utf8' });
    if (r.status !== 0) return { error: `gcc ${path.basename(f)}: ${(r.stderr || r.error || '').toString().trim().split('\n')[0]}` };
    objs.push(o);
  }
  const r = spawnSync('g++', ['-std=c++17', '-O3', '-DNDEBUG', '-fno-exceptions', `-I${ROOT}`, `-I${path.join(MD4C, 'src')}`,
    ...cxx.map((f) => path.join(ROOT, f)), table, ...objs, '-o', bin], { encoding: 'utf8' });
  if (r.status !== 0) return { error: `g++: ${(r.stderr || r.error || '').toString().trim().split('\n').slice(0, 3).join(' ')}` };
  return { bin };
}

function runNative(native) {
  if (native.error) return { key: 'ours-native', error: native.error, docs: {} };
  const r = spawnSync(native.bin, [String(WARMUP_MS), String(MIN_RUNS), String(MIN_MS), ...docs.map((d) => d.file)],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) return { key: 'ours-native', error: `md_render exited ${r.status}: ${r.stderr.trim()}`, docs: {} };
  const out = { key: 'ours-native', version: 'g++ -O3 of the working tree', docs: {} };
  for (const line of r.stdout.trim().split('\n')) {
    const j = JSON.parse(line);
    const d = docs.find((x) => x.file === j.file);
    out.docs[d.key] = j.error ? { error: j.error } : { outBytes: j.out, ms: j.ms, cpuMsPerRender: j.cpuMsPerRender };
  }
  return out;
}

const native = keys.includes('ours-native') ? buildNative() : null;

// A post full of raw HTML (what a Hugo blog with unsafe: true writes:
// details, figures, images, video, a YouTube embed, tables, kbd, and some
// script and handlers to drop), repeated to 1 MiB; rendered by the native
// driver with raw HTML omitted and sanitized, in alternation, ROUNDS times.
function rawHtmlDoc() {
  const block = [
    '<details>\n<summary>Show the <kbd>Ctrl</kbd>+<kbd>C</kbd> output</summary>\n\nSome *Markdown* inside, with a [link](other.md).\n\n</details>',
    '<figure>\n<img src="photo.png" alt="A photo &amp; its caption" width="640" height="480" onerror="alert(1)">\n<figcaption>The <u>caption</u>, H<sub>2</sub>O, x<sup>2</sup></figcaption>\n</figure>',
    '<div class="note" id="n1" style="color:red">\n<p>A note with <mark>marked</mark> text and <abbr title="HyperText Markup Language">HTML</abbr>.</p>\n</div>',
    '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay" allowfullscreen></iframe>',
    '<video src="clip.mp4" poster="clip.jpg" controls muted playsinline></video>',
    '<table>\n<tr><th scope="col">Key</th><th>Value</th></tr>\n<tr><td>a</td><td colspan="1">1</td></tr>\n</table>',
    'Inline <span class="x">span</span>, <a href="https://example.com/" target="_blank">a link</a>, <br> and <script>alert(1)</script> dropped.',
    '<center><font color="red">Old markup</font></center>',
  ].join('\n\n') + '\n\n';
  const file = path.join(DOCS_DIR, 'raw-html.md');
  fs.writeFileSync(file, repeatTo(block, MIB));
  return { file, bytes: fs.statSync(file).size };
}

function runRawHtml(doc) {
  if (!native || native.error) return null;
  const modes = { omit: { ms: [], cpuMs: [] }, sanitize: { ms: [], cpuMs: [] } };
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of round % 2 ? ['sanitize', 'omit'] : ['omit', 'sanitize']) {
      const r = spawnSync(native.bin, [`--raw-html=${mode}`, String(WARMUP_MS), String(MIN_RUNS), String(MIN_MS), doc.file],
        { encoding: 'utf8', maxBuffer: 64 << 20 });
      if (r.status !== 0) return { error: `md_render --raw-html=${mode} exited ${r.status}` };
      const j = JSON.parse(r.stdout.trim().split('\n').pop());
      modes[mode].ms.push(...j.ms);
      modes[mode].cpuMs.push(j.cpuMsPerRender);
      modes[mode].outBytes = j.out;
    }
  }
  for (const m of Object.values(modes)) {
    m.mbPerSecond = stats(m.ms.map((ms) => doc.bytes / MIB / (ms / 1000)));
    m.mbPerCpuSecond = stats(m.cpuMs.map((ms) => doc.bytes / MIB / (ms / 1000)));
    m.ms = stats(m.ms);
    m.cpuMs = stats(m.cpuMs);
  }
  return modes;
}
const collected = Object.fromEntries(keys.map((k) => [k, { key: k, version: null, error: null, docs: {} }]));
const docsArg = JSON.stringify(docs.map(({ key, file }) => ({ key, file })));
for (let round = 0; round < ROUNDS; round++) {
  const order = keys.map((_, i) => keys[(i + round) % keys.length]);
  for (const key of order) {
    const t0 = Date.now();
    let result;
    if (LIBS[key].native) {
      result = runNative(native);
    } else if (peerError && !key.startsWith('ours')) {
      result = { key, error: peerError, docs: {} };
    } else {
      const r = spawnSync(process.execPath, ['--expose-gc', SELF, '--child', key, docsArg, String(WARMUP_MS), String(MIN_RUNS), String(MIN_MS)],
        { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 10 * 60 * 1000 });
      const line = (r.stdout || '').trim().split('\n').pop();
      try {
        result = JSON.parse(line);
      } catch {
        result = { key, error: `child exited ${r.status}${r.signal ? ` (${r.signal})` : ''}: ${(r.stderr || '').trim().split('\n').slice(-2).join(' ')}`, docs: {} };
      }
    }
    const c = collected[key];
    c.version ||= result.version;
    if (result.error) c.error ||= result.error;
    for (const [dk, v] of Object.entries(result.docs)) {
      const slot = (c.docs[dk] ||= { outBytes: v.outBytes, ms: [], cpuMs: [] });
      if (v.error) { c.docs[dk].error = v.error; continue; }
      slot.ms.push(...v.ms);
      slot.cpuMs.push(v.cpuMsPerRender);
    }
    console.error(`round ${round + 1}/${ROUNDS}: ${key} ${((Date.now() - t0) / 1000).toFixed(1)} s${result.error ? ` (${result.error.slice(0, 120)})` : ''}`);
  }
}

// ---------------------------------------------------------------- report

const results = [];
for (const key of keys) {
  const c = collected[key];
  const row = { key, label: LIBS[key].label, version: c.version, options: LIBS[key].options, error: c.error || undefined, docs: {} };
  for (const d of docs) {
    const v = c.docs[d.key];
    if (!v || !v.ms.length) { row.docs[d.key] = { error: v?.error || c.error || 'no run' }; continue; }
    const mbs = v.ms.map((ms) => d.bytes / MIB / (ms / 1000));
    const cpuMbs = v.cpuMs.map((ms) => d.bytes / MIB / (ms / 1000));
    row.docs[d.key] = { outBytes: v.outBytes, renders: v.ms.length, ms: stats(v.ms), mbPerSecond: stats(mbs),
                        cpuMsPerRender: stats(v.cpuMs), mbPerCpuSecond: stats(cpuMbs) };
  }
  results.push(row);
}

const m1 = machine();
const code = codeState();
console.log(`## Markdown → HTML throughput in Node (MB/s, MB = 2^20 bytes of input)`);
console.log('');
console.log(`- ${runLine(m0, code, `load average ${m1.loadAverage[0]} at the end`)}`);
console.log(`- ${ROUNDS} rounds; in each, every library in a fresh Node process (rotated order), per document ${WARMUP_MS} ms of untimed renders, then ≥ ${MIN_RUNS} renders and ≥ ${MIN_MS} ms, each render timed alone; cells: median MB/s over all timed renders (25th–75th percentile)`);
for (const d of docs) console.log(`- ${d.name}: ${d.bytes.toLocaleString('en-US')} bytes, ${d.from}`);
console.log('');
const pct = (s) => (s ? `${sig(s.median)} (${sig(s.p25)}–${sig(s.p75)})` : '—');
const ours = results.find((r) => r.key === 'ours-wasm');
console.log(table(
  [['library', 'l'], ['version', 'l'], ...docs.map((d) => [d.name, 'r']), ['HTML out, spec', 'r'], ['vs ours (wasm), spec', 'r']],
  results.map((r) => {
    const cells = docs.map((d) => (r.docs[d.key].error ? `failed: ${r.docs[d.key].error.slice(0, 80)}` : pct(r.docs[d.key].mbPerSecond)));
    const spec = r.docs.spec;
    const ratio = spec?.mbPerSecond && ours?.docs.spec?.mbPerSecond ? `${(spec.mbPerSecond.median / ours.docs.spec.mbPerSecond.median).toFixed(2)}×` : '—';
    return [r.label, r.version ?? '—', ...cells, spec?.outBytes ? `${(spec.outBytes / 1024).toFixed(0)} KB` : '—', ratio];
  })));
console.log('');
console.log(`By CPU time (user + system of the process, all its threads, over each round's timed renders; median of the ${ROUNDS} rounds): what a library costs when it has a core, the steadier figure on a busy machine`);
console.log('');
console.log(table(
  [['library', 'l'], ...docs.map((d) => [`${d.name}, MB/CPU-s`, 'r']), ['vs ours (wasm), spec', 'r']],
  results.map((r) => {
    const spec = r.docs.spec;
    const ratio = spec?.mbPerCpuSecond && ours?.docs.spec?.mbPerCpuSecond ? `${(spec.mbPerCpuSecond.median / ours.docs.spec.mbPerCpuSecond.median).toFixed(2)}×` : '—';
    return [r.label, ...docs.map((d) => (r.docs[d.key].error ? 'failed' : sig(r.docs[d.key].mbPerCpuSecond?.median))), ratio];
  })));
console.log('');
const rawDoc = rawHtmlDoc();
const rawHtml = runRawHtml(rawDoc);
if (rawHtml && !rawHtml.error) {
  console.log(`Raw HTML: the sanitizer's cost (wasm-blog core, native g++ -O3; a post full of raw HTML, ${rawDoc.bytes.toLocaleString('en-US')} bytes: details, figures, images, video, a YouTube iframe, tables, script and handlers; ${ROUNDS} runs per mode, alternated)`);
  console.log('');
  const omitCpu = rawHtml.omit.mbPerCpuSecond.median;
  console.log(table(
    [['raw HTML', 'l'], ['MB/s', 'r'], ['MB/CPU-s', 'r'], ['HTML out', 'r'], ['vs omitted', 'r']],
    ['omit', 'sanitize'].map((mode) => {
      const m = rawHtml[mode];
      return [mode === 'omit' ? 'omitted (default)' : 'sanitized (rawHtml: "sanitize")', pct(m.mbPerSecond),
        sig(m.mbPerCpuSecond.median), `${(m.outBytes / 1024).toFixed(0)} KB`, `${(m.mbPerCpuSecond.median / omitCpu).toFixed(2)}×`];
    })));
  console.log('');
} else if (rawHtml?.error) {
  console.log(`Raw HTML: the sanitizer's cost: failed: ${rawHtml.error}`);
  console.log('');
}
console.log('Options each library ran with:');
console.log('');
for (const r of results) console.log(`- ${r.label}: ${r.options}`);
const file = writeResults('throughput', {
  rounds: ROUNDS, warmupMs: WARMUP_MS, minRuns: MIN_RUNS, minMs: MIN_MS, unit: 'MB/s, MB = 2^20 bytes of input',
  machine: { ...m0, loadAverageAtEnd: m1.loadAverage }, code,
  documents: docs.map(({ key, name, bytes, from, file: f }) => ({ key, name, bytes, from, file: path.relative(ROOT, f) })),
  results,
  rawHtml: rawHtml ? { document: { file: path.relative(ROOT, rawDoc.file), bytes: rawDoc.bytes }, ...rawHtml } : null,
});
console.log('');
console.log(`JSON: ${file}`);
