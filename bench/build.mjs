// Build speed against Hugo: one generated Hugo-style site per size (100,
// 1,000 and 10,000 posts of ~3 KB), built by Debian's `hugo` and by our
// `wasm-blog build`, each K times into a fresh output folder, side by side in
// one run. Reported as HTML pages written per second (alias redirect pages
// left out), and our pages/s as a multiple of Hugo's. A benchmark, not a test:
// it never fails on a slow result, and a missing or failing build command is
// a row of the table, not a crash.
//
// Run: node bench/build.mjs   (needs build/native/wasm-blog: make native)
//   BENCH_BUILD_SIZES=100,1000  the sizes (default 100,1000,10000)
//   BENCH_RUNS=3                builds per tool and size (the median is reported)
//   BENCH_WASM_BLOG=path        another wasm-blog binary (default build/native/wasm-blog)
//
// Hugo gets minimal layouts written into the generated site (a base, a post
// page, a paginated list, the home page): PaperMod is not in Debian. Hugo's
// defaults do the rest (tag pages, RSS for every list, sitemap, robots off).
// Sites: build/bench-sites/N/; outputs: build/bench-out/N/<tool>/ (git-ignored).
// Results: bench/results/build.json.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from './lib/prng.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SITES = path.join(ROOT, 'build/bench-sites');
const OUTS = path.join(ROOT, 'build/bench-out');
const RESULTS = path.join(ROOT, 'bench/results/build.json');
const BASE_URL = 'https://example.com/';
const WASM_BLOG = path.resolve(ROOT, process.env.BENCH_WASM_BLOG || 'build/native/wasm-blog');
const RUNS = Math.max(1, parseInt(process.env.BENCH_RUNS || '3', 10) || 3);
const SIZES = (process.env.BENCH_BUILD_SIZES || '100,1000,10000')
  .split(',').map((s) => parseInt(s.replace(/[_\s]/g, ''), 10)).filter((n) => n > 0);
const TIMEOUT_MS = 30 * 60 * 1000;  // per build

// ---------------------------------------------------------------- hugo

const setup = spawnSync('bash', [path.join(ROOT, 'bench/setup.sh')], { stdio: 'inherit' });
if (setup.status !== 0) console.error('bench/setup.sh failed: Hugo rows will show the error');
const hugoVersionRun = spawnSync('hugo', ['version'], { encoding: 'utf8' });
const hugoVersion = hugoVersionRun.status === 0 ? hugoVersionRun.stdout.trim() : null;
// Hugo 0.128 renamed `paginate` to pagination.pagerSize (and later refuses the
// old key); Debian 12 has 0.111. Our tool reads both names.
const hugoMinor = /v0\.(\d+)/.exec(hugoVersion || '')?.[1];
const oldPaginate = hugoMinor !== undefined && Number(hugoMinor) < 128;
// Feeds of the 20 latest posts, as ours: Hugo's default is every post in every
// feed (34 MB of RSS at 10,000 posts), work our pages/s would not count.
// rssLimit became services.rss.limit in Hugo 0.114.
const oldRssLimit = hugoMinor !== undefined && Number(hugoMinor) < 114;

// ---------------------------------------------------------------- the site

// mulberry32: a small seeded PRNG, so every run writes the same sites.

const WORDS = ('system service cluster node scheduler paper design latency throughput failure replica ' +
  'consensus leader follower log storage index query cache memory disk network packet queue worker ' +
  'thread process container image kernel build compiler parser token grammar type value pointer ' +
  'reference closure function method interface module package library version release deploy ' +
  'rollback monitor alert metric trace span request response client server protocol message batch ' +
  'stream window partition shard key range merge compaction snapshot checkpoint recovery journal ' +
  'the a of to and in is that for it with as on be by this an are from or which one can we our ' +
  'simple small large fast slow careful honest early late every most some often rarely always never')
  .split(' ');
const TAGS = ['go', 'rust', 'c++', 'python', 'javascript', 'wasm', 'linux', 'kubernetes', 'docker',
  'distributed-systems', 'databases', 'networking', 'security', 'performance', 'testing', 'compilers',
  'papers', 'mesos', 'borg', 'omega', 'storage', 'consensus', 'raft', 'paxos', 'markdown', 'hugo',
  'web', 'css', 'tooling', 'career'];
const LANGS = [
  ['go', 'func main() {\n\tfor i := 0; i < 10; i++ {\n\t\tfmt.Println("tick", i)\n\t}\n}'],
  ['python', 'def retry(fn, attempts=3):\n    for i in range(attempts):\n        try:\n            return fn()\n        except IOError:\n            time.sleep(2 ** i)'],
  ['cpp', 'template <typename T>\nT clamp(T v, T lo, T hi) {\n    return v < lo ? lo : hi < v ? hi : v;\n}'],
  ['sh', 'for f in content/posts/*.md; do\n  wc -w "$f"\ndone | sort -n | tail -5'],
  ['json', '{\n  "replicas": 3,\n  "leader": "node-1",\n  "term": 42\n}'],
];

function postText(i, total) {
  const r = prng(0x5eed0000 + i);
  const pick = (arr) => arr[Math.floor(r() * arr.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS));
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const sentence = () => {
    const w = words(6 + Math.floor(r() * 12));
    const k = Math.floor(r() * w.length);
    const style = r();
    if (style < 0.15) w[k] = `*${w[k]}*`;
    else if (style < 0.25) w[k] = `**${w[k]}**`;
    else if (style < 0.35) w[k] = `\`${w[k]}()\``;
    else if (style < 0.45) w[k] = `[${w[k]}](https://example.org/${w[k]}/${i % 97})`;
    return cap(w.join(' ')) + '.';
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(r() * 4) }, sentence).join(' ');
  const title = cap(words(3 + Math.floor(r() * 4)).join(' ')) + ` (${i + 1})`;
  // dates spread over ten years, one post every few hours-to-days, all distinct
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  const date = new Date(start + Math.floor(((i + r() * 0.5) / total) * span / 60000) * 60000);
  const tags = [...new Set(Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(TAGS)))];

  const target = 2300 + Math.floor(r() * 500);  // ~3 KB of file
  const parts = [paragraph()];
  let n = 0;
  while (parts.join('\n\n').length < target) {
    switch (n++ % 6) {
      case 0: parts.push(`## ${cap(words(2 + Math.floor(r() * 4)).join(' '))}`); break;
      case 1: parts.push(paragraph()); break;
      case 2: { const ordered = r() < 0.4;
        parts.push(Array.from({ length: 3 + Math.floor(r() * 3) }, (_, k) => (ordered ? `${k + 1}. ` : '- ') + sentence()).join('\n'));
        break; }
      case 3: { const [lang, code] = pick(LANGS); parts.push('```' + lang + '\n' + code + '\n```'); break; }
      case 4: parts.push(r() < 0.5 ? `> ${sentence()} ${sentence()}` : `### ${cap(words(3).join(' '))}`); break;
      default: parts.push(paragraph());
    }
  }
  const fm = ['---', `title: "${title}"`, `date: ${date.toISOString().replace('.000Z', 'Z')}`,
    `tags: [${tags.map((t) => `"${t}"`).join(', ')}]`, '---'].join('\n');
  return `${fm}\n\n${parts.join('\n\n')}\n`;
}

const LAYOUTS = {
  '_default/baseof.html': `<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} | {{ site.Title }}{{ end }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AlternativeOutputFormats }}<link rel="{{ .Rel }}" type="{{ .MediaType.Type }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a> <nav><a href="{{ "tags/" | relURL }}">Tags</a></nav></header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer>&copy; {{ now.Year }} {{ site.Params.author }}</footer>
</body>
</html>
`,
  '_default/single.html': `{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "January 2, 2006" }}</time> · {{ .ReadingTime }} min · {{ site.Params.author }}</p>
{{ .Content }}
{{ with .GetTerms "tags" }}<ul class="tags">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
<nav class="paginav">{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">« {{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }} »</a>{{ end }}</nav>
</article>
{{ end }}
`,
  '_default/list.html': `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ range .Paginator.Pages }}{{ partial "entry.html" . }}{{ end }}
{{ template "_internal/pagination.html" . }}
{{ end }}
`,
  'index.html': `{{ define "main" }}
{{ range (.Paginate (where site.RegularPages "Section" "posts")).Pages }}{{ partial "entry.html" . }}{{ end }}
{{ template "_internal/pagination.html" . }}
{{ end }}
`,
  'partials/entry.html': `<article class="entry">
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
{{ with .Summary }}<div class="summary">{{ . }}</div>{{ end }}
{{ if not .Date.IsZero }}<p class="meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "January 2, 2006" }}</time></p>{{ end }}
</article>
`,
};

// A site is written again only when this script or the Hugo version changed
// (a stamp in the folder): 10,000 files take half a minute on a busy disk.
const SCRIPT_HASH = crypto.createHash('sha256').update(fs.readFileSync(fileURLToPath(import.meta.url)))
  .update(String(hugoVersion)).digest('hex').slice(0, 16);

function writeSite(n) {
  const dir = path.join(SITES, String(n));
  const stamp = path.join(dir, '.bench-stamp');
  try {
    const [hash, bytes] = fs.readFileSync(stamp, 'utf8').trim().split(' ');
    if (hash === SCRIPT_HASH && Number(bytes) > 0) return { dir, bytes: Number(bytes), reused: true };
  } catch { /* no stamp: write the site */ }
  fs.rmSync(dir, { recursive: true, force: true });
  const posts = path.join(dir, 'content/posts');
  fs.mkdirSync(posts, { recursive: true });
  const pagination = oldPaginate ? 'paginate = 10\n\n[pagination]\n  pagerSize = 10\n' : '[pagination]\n  pagerSize = 10\n';
  fs.writeFileSync(path.join(dir, 'hugo.toml'), `baseURL = "${BASE_URL}"
languageCode = "en-us"
title = "Bench blog (${n} posts)"
${oldRssLimit ? 'rssLimit = 20\n' : ''}${pagination}
${oldRssLimit ? '' : '[services.rss]\n  limit = 20\n\n'}[taxonomies]
  tag = "tags"

[params]
  author = "Bench Author"
  description = "A generated site for bench/build.mjs."
`);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const text = postText(i, n);
    bytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(posts, `post-${String(i + 1).padStart(5, '0')}.md`), text);
  }
  for (const [rel, text] of Object.entries(LAYOUTS)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'layouts', rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'layouts', rel), text);
  }
  fs.writeFileSync(stamp, `${SCRIPT_HASH} ${bytes}\n`);
  return { dir, bytes, reused: false };
}

// ---------------------------------------------------------------- running

// HTML files under dir, alias redirect pages (Hugo's page/1/) left out;
// post pages are those under a post-NNNNN folder or file.
function countPages(dir) {
  let pages = 0, aliases = 0, postPages = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) { walk(p); continue; }
      if (!e.isFile() || !e.name.endsWith('.html')) continue;
      if (fs.statSync(p).size < 2048 && /http-equiv=["']?refresh/i.test(fs.readFileSync(p, 'utf8'))) { aliases++; continue; }
      pages++;
      if (/post-\d{5}(?:\/index)?\.html$/.test(p.split(path.sep).join('/'))) postPages++;
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return { pages, aliases, postPages };
}

// CPU seconds (user + system) of this process's waited-for children, from
// /proc (Linux): a build's CPU time is the difference around its spawnSync.
// Wall clock is the measure; CPU time shows how much of it was a busy machine.
const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
function childCpuSeconds() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');  // from field 3 (state)
    return (Number(f[13]) + Number(f[14])) / TICKS;  // cutime, cstime (fields 16, 17)
  } catch { return NaN; }
}

function buildOnce(tool, site, out) {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const [cmd, args] = tool.command(site, out);
  const c0 = childCpuSeconds();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, timeout: TIMEOUT_MS });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpuSeconds = childCpuSeconds() - c0;
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : `exit ${r.status ?? r.signal}`;
    const err = `${why}${r.stderr ? ': ' + r.stderr.trim() : ''}`;
    return { error: err.split('\n').slice(0, 8).join('\n') };
  }
  return { seconds, cpuSeconds, stderr: (r.stderr || '').trim() };
}

const tools = [
  { name: 'hugo', command: (site, out) => ['hugo', ['--quiet', '--source', site, '--destination', out]],
    available: () => (hugoVersion ? null : 'hugo is not installed (bench/setup.sh failed)') },
  { name: 'wasm-blog', command: (site, out) => [WASM_BLOG, ['build', site, out, '--base-url', BASE_URL]],
    available: () => {
      if (!fs.existsSync(WASM_BLOG)) return `${path.relative(ROOT, WASM_BLOG)} not found (make native)`;
      const h = spawnSync(WASM_BLOG, ['--help'], { encoding: 'utf8' });
      return /^\s*build\b/m.test(`${h.stdout}${h.stderr}`) ? null : `${path.relative(ROOT, WASM_BLOG)} has no build command yet`;
    } },
];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const git = (...args) => { const r = spawnSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' }); return r.status === 0 ? r.stdout.trim() : null; };

const loadAtStart = os.loadavg().map((x) => +x.toFixed(2));
const results = [];
const sites = [];
for (const n of SIZES) {
  const t0 = Date.now();
  const { dir, bytes, reused } = writeSite(n);
  sites.push({ posts: n, dir: path.relative(ROOT, dir), averagePostBytes: Math.round(bytes / n) });
  console.error(`site of ${n} posts (${(bytes / n / 1024).toFixed(1)} KB each) ${reused ? 'kept from an earlier run' : `written in ${((Date.now() - t0) / 1000).toFixed(1)} s`}`);
  const rows = Object.fromEntries(tools.map((t) => [t.name, { size: n, tool: t.name, runs: [], cpuRuns: [], error: t.available() }]));
  for (let k = 0; k < RUNS; k++) {
    // alternate which tool goes first, so neither always gets the warmer cache
    const order = k % 2 ? [...tools].reverse() : tools;
    for (const t of order) {
      const row = rows[t.name];
      if (row.error) continue;
      const out = path.join(OUTS, String(n), t.name);
      const r = buildOnce(t, dir, out);
      if (r.error) { row.error = r.error; continue; }
      row.runs.push(r.seconds);
      row.cpuRuns.push(r.cpuSeconds);
      if (k === 0) Object.assign(row, countPages(out), { stderr: r.stderr || undefined });
      console.error(`  ${n} posts, ${t.name}, run ${k + 1}: ${r.seconds.toFixed(3)} s`);
    }
  }
  for (const t of tools) {
    const [cmd, args] = t.command(path.relative(ROOT, dir), path.relative(ROOT, path.join(OUTS, String(n), t.name)));
    const row = rows[t.name];
    row.command = [path.isAbsolute(cmd) ? path.relative(ROOT, cmd) : cmd, ...args].join(' ');
    if (row.runs.length && !row.error) {
      row.medianSeconds = median(row.runs);
      row.minSeconds = Math.min(...row.runs);
      row.maxSeconds = Math.max(...row.runs);
      row.pagesPerSecond = row.pages / row.medianSeconds;
      row.medianCpuSeconds = median(row.cpuRuns);
    } else if (!row.error) row.error = 'no run';
    if (row.error) { delete row.runs; delete row.cpuRuns; }
  }
  const hugo = rows.hugo;
  for (const t of tools) {
    const row = rows[t.name];
    if (row.pagesPerSecond && hugo.pagesPerSecond) row.ratioVsHugo = row.pagesPerSecond / hugo.pagesPerSecond;
    results.push(row);
  }
}

// ---------------------------------------------------------------- report

const commit = git('rev-parse', '--short', 'HEAD');
const dirty = git('status', '--porcelain', '--', 'core', 'tool', 'CMakeLists.txt') ? ' (+ uncommitted changes in core/ or tool/)' : '';
const cpus = os.cpus();
const machine = { cpus: cpus.length, loadAverage: { atStart: loadAtStart, atEnd: os.loadavg().map((x) => +x.toFixed(2)) }, cpuModel: cpus[0]?.model?.trim(), node: process.version, platform: `${os.type()} ${os.release()}` };

const fmt = (x, d = 3) => (x === undefined ? '—' : x.toFixed(d));
const rate = (x) => (x === undefined ? '—' : x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
console.log(`## Build time, ${SIZES.map((n) => n.toLocaleString('en-US')).join(' / ')} posts of ~3 KB: wasm-blog build vs Hugo`);
console.log('');
console.log(`- hugo: ${hugoVersion ?? 'not installed'}, with minimal layouts written into the generated site (baseof, single, paginated list and home, one summary partial; Hugo's own tag pages, RSS (limited to 20 items, as ours) and sitemap). Not PaperMod: PaperMod is not in Debian.`);
console.log(`- wasm-blog: ${path.relative(ROOT, WASM_BLOG)} at commit ${commit ?? '?'}${dirty}`);
console.log(`- ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, load average ${loadAtStart[0]} at the start and ${machine.loadAverage.atEnd[0]} at the end; ${RUNS} run(s) per tool and size, wall clock, each into a fresh output folder, the two tools alternating`);
console.log('- HTML pages: .html files written, alias redirect pages left out; pages/s = HTML pages / median; ratio = our pages/s ÷ Hugo\'s (above 1: faster per page)');
console.log('- CPU s: user + system seconds of the build (median), all its threads: next to the wall clock, it shows a loaded machine or a tool using several cores');
console.log('');
console.log('| size | tool | median s | min–max s | CPU s | HTML pages | pages/s | ratio vs Hugo |');
console.log('|---:|---|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  if (r.error) {
    console.log(`| ${r.size.toLocaleString('en-US')} | ${r.tool} | — | — | — | — | — | failed: ${r.error.split('\n')[0].replace(/\|/g, '\\|')} |`);
    continue;
  }
  const postsNote = r.postPages === r.size ? '' : ` (${r.postPages} post pages)`;
  console.log(`| ${r.size.toLocaleString('en-US')} | ${r.tool} | ${fmt(r.medianSeconds)} | ${fmt(r.minSeconds)}–${fmt(r.maxSeconds)} | ${fmt(r.medianCpuSeconds, 2)} | ` +
    `${r.pages.toLocaleString('en-US')}${postsNote} | ${rate(r.pagesPerSecond)} | ${r.ratioVsHugo === undefined ? '—' : r.ratioVsHugo.toFixed(2) + '×'} |`);
}
const failed = results.filter((r) => r.error);
if (failed.length) {
  console.log('');
  for (const r of failed) console.log(`${r.tool} at ${r.size} posts: ${r.error.includes('\n') ? `\n\`\`\`\n${r.error}\n\`\`\`` : r.error}`);
}

fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
fs.writeFileSync(RESULTS, JSON.stringify({
  bench: 'build', date: new Date().toISOString(), runs: RUNS, baseURL: BASE_URL,
  hugo: { version: hugoVersion, layouts: 'minimal (bench/build.mjs), not PaperMod' },
  wasmBlog: { binary: path.relative(ROOT, WASM_BLOG), commit, dirty: Boolean(dirty) },
  machine, sites, results,
}, null, 2) + '\n');
console.log('');
console.log(`JSON: ${path.relative(ROOT, RESULTS)}`);
