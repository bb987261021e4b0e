// md4c's pathological inputs (deps/md4c-0.5.3/test/pathological-tests.py),
// rendered by the shipped wasm build (dist/blog-full.{js,wasm}) in headless
// Chromium at growing sizes. Linear time shows as a growth exponent near 1:
// exponent = log2(time(2n) / time(n)), from the two largest sizes.
// Run: make bench  (or: make dist && node bench/pathological.mjs)
import { startServer, launchBrowser } from '../tests/browser/harness.mjs';

const cases = {
  'nested strong emph': (n) => '*a **a '.repeat(n) + 'b' + ' a** a*'.repeat(n),
  'many emph closers with no openers': (n) => 'a_ '.repeat(n),
  'many emph openers with no closers': (n) => '_a '.repeat(n),
  'many 3-emph openers with no closers': (n) => 'a***'.repeat(n),
  'many link closers with no openers': (n) => 'a]'.repeat(n),
  'many link openers with no closers': (n) => '[a'.repeat(n),
  'mismatched openers and closers': (n) => '*a_ '.repeat(n),
  'openers and closers multiple of 3': (n) => 'a**b' + 'c* '.repeat(n),
  'link openers and emph closers': (n) => '[ a_'.repeat(n),
  'nested brackets': (n) => '['.repeat(n) + 'a' + ']'.repeat(n),
  'nested block quotes': (n) => '> '.repeat(n) + 'a',
  'backticks': (n) => Array.from({ length: Math.round(Math.sqrt(n) * 4) }, (_, i) => 'e' + '`'.repeat(i + 1)).join(''),
  'many links': (n) => '[t](/u) '.repeat(n),
  'many references': (n) => Array.from({ length: n * 2 }, (_, i) => `[${i + 1}]: u\n`).join('') + '[0] '.repeat(n),
  // md4c's case is 1000 levels deep; here the 1000-level staircase repeats to grow the input.
  'deeply nested lists': (n) => Array.from({ length: n / 100 }, (_, i) => '  '.repeat(i % 1000) + '* a\n').join(''),
  'many html openers and closers': (n) => '<>'.repeat(n),
  'many html proc. inst. openers': (n) => 'x' + '<?'.repeat(n),
  'many html CDATA openers': (n) => 'x' + '<![CDATA['.repeat(n),
  'many backticks and escapes': (n) => '\\``'.repeat(n),
  'many broken link titles': (n) => '[ (]('.repeat(n),
  'broken thematic break': (n) => '* '.repeat(n) + 'a',
  // added to md4c's suite after 0.4.8
  'nested invalid link references': (n) => '['.repeat(n) + ']'.repeat(n) + '\n\n[a]: /b',
  'many broken permissive autolinks': (n) => 'www._'.repeat(n) + 'x',
  'many broken links': (n) => ']([\n'.repeat(n),
};

// Issue 6's cases, each at the size given there, with the blog's flags and
// limits (what a reader's tab does with them). md4c 0.4.8 took 16-64 s or
// wrote 40-64 MB of HTML on these.
const fullSize = {
  'nested invalid link references (100 KB)': '['.repeat(50000) + ']'.repeat(50000) + '\n\n[a]: /b',
  'broken permissive autolinks (250 KB)': 'www._'.repeat(50000) + 'x',
  'table of 2000 columns (20 KB)': 'th|'.repeat(2000) + '\n' + '---|'.repeat(2000) + '\n' + 'td\n'.repeat(2000),
  'repeated link-reference uses (40 KB)': '[x]: ' + 'x'.repeat(8000) + '\n[x]'.repeat(8000),
  'md4c huge table (80 KB)': 'th|'.repeat(10000) + '\n' + '-|'.repeat(10000) + '\n' + 'td\n'.repeat(10000),
  'wide header over many rows (12 KB)': 'th|'.repeat(128) + '\n' + '-|'.repeat(128) + '\n' + 'td\n'.repeat(4000),
  'an ordinary 20 MB post': ('Some *prose* with a [link](x.md) and `code`.\n\n').repeat(Math.ceil(20 * 1048576 / 46)),
};
const sizes = [25000, 50000, 100000, 200000];

const server = await startServer();  // the browser tests' server over dist/
const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(server.url(server.write('blank.html', '<!doctype html><meta charset="utf-8"><title>bench</title>')));
await page.evaluate(async () => {
  const { default: create } = await import('/blog-full.js');
  const core = await create();
  const enc = new TextEncoder();
  window.renderOnce = (text) => {
    const bytes = enc.encode(text);
    const ptr = core._blog_alloc(bytes.length);
    const lenPtr = core._blog_alloc(4);
    core.HEAPU8.set(bytes, ptr);
    const t0 = performance.now();
    const out = core._blog_render_markdown(ptr, bytes.length, lenPtr);
    const ms = performance.now() - t0;
    const len = new DataView(core.HEAPU8.buffer).getUint32(lenPtr, true);  // re-read: memory may have grown
    core._blog_free(out);
    core._blog_free(lenPtr);
    core._blog_free(ptr);
    return { ms, bytes: bytes.length, out: out ? len : -1 };
  };
  window.render = (text, reps) => {
    let best = Infinity, r;
    for (let i = 0; i < reps; i++) { r = window.renderOnce(text); best = Math.min(best, r.ms); }
    return { ...r, ms: best };
  };
});

const rows = [];
for (const [name, make] of Object.entries(cases)) {
  const times = [];  // null where the input is over the 4 MB post limit
  let last;
  for (const n of sizes) {
    const text = make(n);
    const r = await page.evaluate(([t]) => window.render(t, 3), [text]);
    times.push(r.out < 0 ? null : r.ms);
    if (r.out >= 0) last = r;
  }
  const ok = times.filter((t) => t !== null);
  const k = ok.length - 1;
  const exponent = k > 0 ? Math.log2(Math.max(ok[k], 0.05) / Math.max(ok[k - 1], 0.05)) : NaN;
  rows.push({ name, kb: (last.bytes / 1024).toFixed(0),
              ms: times.map((t) => (t === null ? 'limit' : t.toFixed(2))).join(' / '),
              mbs: (last.bytes / 1048576 / (ok[k] / 1000)).toFixed(1), exponent: exponent.toFixed(2) });
}
const fullRows = [];
for (const [name, text] of Object.entries(fullSize)) {
  const r = await page.evaluate(([t]) => window.render(t, 1), [text]);
  fullRows.push({ name, kb: (r.bytes / 1024).toFixed(0), ms: r.ms.toFixed(1),
                  out: r.out < 0 ? 'stopped by a limit (SECURITY.md)' : `${(r.out / 1024).toFixed(0)} KB of HTML` });
}
await browser.close();
await server.close();

const pad = (s, w) => String(s).padEnd(w);
console.log(`md4c pathological inputs, wasm build in Chromium; n = ${sizes.join(', ')} (best of 3)`);
console.log(`${pad('case', 38)} ${pad('KB@max', 7)} ${pad('ms at each n', 34)} ${pad('MB/s', 7)} growth exponent`);
for (const r of rows) console.log(`${pad(r.name, 38)} ${pad(r.kb, 7)} ${pad(r.ms, 34)} ${pad(r.mbs, 7)} ${r.exponent}`);

console.log('');
console.log("Issue 6's hostile posts at full size, blog flags and limits, wasm build in Chromium (one run)");
console.log(`${pad('case', 42)} ${pad('KB in', 7)} ${pad('ms', 8)} result`);
for (const r of fullRows) console.log(`${pad(r.name, 42)} ${pad(r.kb, 7)} ${pad(r.ms, 8)} ${r.out}`);
