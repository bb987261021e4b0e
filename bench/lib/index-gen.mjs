// Synthetic post indexes for the benchmarks: n posts with the fields
// `wasm-blog index` writes (title, date with an offset, 40-word summary, 1–4
// of 30 tags, file, counts), seeded, the same bytes on every machine. One
// file, or paged as docs/index-schema.md ("A big blog: the paged index") says:
// index.json with the site's fields, the first posts, "parts" and "total";
// index-2.json, … each {"posts": [...]}.
//
// As a module: indexEntries, indexSite, listOrder, writePagedIndex.
// As a command:
//   node bench/lib/index-gen.mjs --posts 100000 --out DIR [--paged] [--first N] [--part-size N]
//                                [--markdown] [--pretty] [--seed N]
//   writes DIR/index.json (and DIR/index-N.json with --paged), DIR/<slug>.md
//   stub posts with --markdown, and prints the bytes of index.json and of the
//   largest part.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from './prng.mjs';

const WORDS = ('system service cluster node scheduler paper design latency throughput failure replica consensus ' +
  'leader follower log storage index query cache memory disk network packet queue worker thread process container ' +
  'image kernel build compiler parser token grammar type value pointer reference closure function method interface ' +
  'module package library version release deploy rollback monitor alert metric trace span request response client ' +
  'server protocol message batch stream window partition shard key range merge compaction snapshot checkpoint ' +
  'the a of to and in is that for it with as on be by this an are from or which one can we our I’ve don’t “learn”').split(' ');
export const TAGS = ['go', 'rust', 'c++', 'python', 'javascript', 'wasm', 'linux', 'kubernetes', 'docker', 'distributed-systems',
  'databases', 'networking', 'security', 'performance', 'testing', 'compilers', 'papers', 'mesos', 'borg', 'omega',
  'storage', 'consensus', 'raft', 'paxos', 'markdown', 'hugo', 'web', 'css', 'tooling', 'career'];

// The split of docs/index-schema.md: a site of more than `threshold` posts is paged,
// `first` posts in index.json, `part` in each further file.
export const SPLIT = Object.freeze({ first: 100, part: 2000, threshold: 200 });

// n entries in file order (dates at random, not sorted). The default seed is
// bench/index.mjs's: the same entries it has always measured.
export function indexEntries(n, seed = 0x1dec0000 + n) {
  const r = prng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const start = Date.UTC(2012, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  const posts = [];
  for (let i = 0; i < n; i++) {
    const title = cap(Array.from({ length: 3 + Math.floor(r() * 6) }, () => pick(WORDS)).join(' ')) + ` (${i + 1})`;
    const when = new Date(start + Math.floor((r() * span) / 1000) * 1000);
    const offset = pick([-7, -8, 0, 1, 2, 5.5, 9]);
    const local = new Date(when.getTime() + offset * 3600000).toISOString().slice(0, 19);
    const oh = Math.floor(Math.abs(offset));
    const om = Math.round((Math.abs(offset) - oh) * 60);
    const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${String(oh).padStart(2, '0')}:${String(om).padStart(2, '0')}`;
    const words = 300 + Math.floor(r() * 1500);
    const summary = cap(Array.from({ length: 40 }, () => pick(WORDS)).join(' ')) + '.';
    const slug = `post-${String(i + 1).padStart(6, '0')}`;
    posts.push({ slug, title, date: local + zone, summary, truncated: true,
                 tags: [...new Set(Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(TAGS)))],
                 file: `${slug}.md`, wordCount: words, readingTime: Math.max(1, Math.ceil(words / 213)) });
  }
  return posts;
}

// index.json's site around the entries.
export function indexSite(posts) {
  return { title: 'Jose Villalta', author: 'Jose Villalta',
           description: 'Notes on Go, distributed systems and a paper every day.', posts };
}

// The entries in the list's order, the core's and `wasm-blog index`'s: a
// weight first (lower first), then newest first, undated last; ties keep
// their order (Array.prototype.sort is stable).
export function listOrder(posts) {
  const key = (p) => ({ w: Number.isInteger(p.weight) && p.weight !== 0 ? p.weight : null,
                        t: typeof p.date === 'string' ? Date.parse(p.date) : NaN });
  return posts.map((p) => [key(p), p]).sort(([a], [b]) => {
    if (a.w !== b.w) return a.w === null ? 1 : b.w === null ? -1 : a.w - b.w;
    const ad = !Number.isNaN(a.t);
    const bd = !Number.isNaN(b.t);
    if (ad !== bd) return ad ? -1 : 1;
    return ad ? b.t - a.t : 0;
  }).map(([, p]) => p);
}

// Writes site (index.json's object, "posts" included) into dir, the posts in
// the list's order: one index.json when the site has `threshold` posts or
// fewer (or part is 0), else index.json with the first `first` posts,
// "parts" and "total" (the posts not hidden), and index-2.json, … of `part`
// posts each. Compact JSON unless pretty (two spaces, as the tool writes).
// Returns the files written: [{ name, bytes, posts }], index.json first.
export function writePagedIndex(dir, site, { first = SPLIT.first, part = SPLIT.part, threshold = SPLIT.threshold,
                                             pretty = false } = {}) {
  if (!(first >= 1) || !(part >= 0)) throw new Error(`writePagedIndex: first must be ≥ 1 and part ≥ 0, got ${first} and ${part}`);
  const { posts: unordered, ...fields } = site;
  const posts = listOrder(unordered);
  const text = (value) => JSON.stringify(value, null, pretty ? 2 : undefined) + '\n';
  const files = [];
  const paged = part > 0 && posts.length > threshold && posts.length > first;
  if (!paged) {
    files.push({ name: 'index.json', text: text({ ...fields, posts }), posts: posts.length });
  } else {
    const parts = [];
    for (let at = first, k = 2; at < posts.length; at += part, k++) {
      const slice = posts.slice(at, at + part);
      parts.push({ name: `index-${k}.json`, text: text({ posts: slice }), posts: slice.length });
    }
    const total = posts.filter((p) => p.hidden !== true).length;
    files.push({ name: 'index.json', text: text({ ...fields, posts: posts.slice(0, first), parts: parts.map((p) => p.name), total }),
                 posts: first }, ...parts);
  }
  fs.mkdirSync(dir, { recursive: true });
  // the parts before index.json: an index.json never names a part not yet written
  for (const f of [...files].reverse()) fs.writeFileSync(path.join(dir, f.name), f.text);
  return files.map(({ name, text: t, posts: n }) => ({ name, bytes: Buffer.byteLength(t), posts: n }));
}

// A short post for an entry: front matter (so the folder is also a site
// `wasm-blog index` reads), the summary, then a little more.
export function stubPost(p) {
  const q = JSON.stringify;  // a JSON string is a YAML double-quoted scalar
  return `---\ntitle: ${q(p.title)}\ndate: ${q(p.date)}\ntags: [${p.tags.map(q).join(', ')}]\nsummary: ${q(p.summary)}\n---\n\n` +
    `${p.summary}\n\n<!--more-->\n\nThe rest of ${p.slug}: a short paragraph, a [link](https://example.com/), \`code\`.\n`;
}

// ---------------------------------------------------------------- the command

function main(argv) {
  const usage = 'usage: node bench/lib/index-gen.mjs --posts N --out DIR [--paged] [--first N] [--part-size N] ' +
    '[--markdown] [--pretty] [--seed N]';
  const opts = { paged: false, markdown: false, pretty: false, first: SPLIT.first, part: SPLIT.part };
  const whole = (name, v, least) => {
    if (!/^\d{1,9}$/.test(v ?? '') || +v < least) throw new Error(`${name}: expected a whole number of at least ${least}, got ${JSON.stringify(v ?? '')}\n${usage}`);
    return +v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--posts') opts.posts = whole(a, argv[++i], 1);
    else if (a === '--out') opts.out = argv[++i];
    else if (a === '--first') opts.first = whole(a, argv[++i], 1);
    else if (a === '--part-size') opts.part = whole(a, argv[++i], 0);
    else if (a === '--seed') opts.seed = whole(a, argv[++i], 0);
    else if (a === '--paged') opts.paged = true;
    else if (a === '--markdown') opts.markdown = true;
    else if (a === '--pretty') opts.pretty = true;
    else if (a === '--help' || a === '-h') { console.log(usage); return; }
    else throw new Error(`unknown option ${a}\n${usage}`);
  }
  if (!opts.posts || !opts.out) throw new Error(`--posts and --out are needed\n${usage}`);
  const posts = indexEntries(opts.posts, opts.seed);
  const files = writePagedIndex(opts.out, indexSite(posts), {
    first: opts.first, part: opts.part, threshold: opts.paged ? SPLIT.threshold : Infinity, pretty: opts.pretty });
  if (opts.markdown) for (const p of posts) fs.writeFileSync(path.join(opts.out, p.file), stubPost(p));
  const kb = (n) => `${n.toLocaleString('en-US')} bytes (${n < 1048576 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1048576).toFixed(1)} MiB`})`;
  console.log(`${path.join(opts.out, 'index.json')}: ${kb(files[0].bytes)}, ${files[0].posts} posts` +
              (files.length > 1 ? `, ${files.length - 1} parts` : ''));
  const parts = files.slice(1);
  if (parts.length) {
    const largest = parts.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.log(`largest part: ${largest.name}: ${kb(largest.bytes)}, ${largest.posts} posts`);
    console.log(`all files: ${kb(files.reduce((s, f) => s + f.bytes, 0))}`);
  }
  if (opts.markdown) console.log(`${posts.length} stub posts beside it`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    console.error(`index-gen: ${err.message}`);
    process.exit(1);
  }
}
