// The peers of bench/search.mjs: how each builds its index (in Node, as its
// docs show) and how a page queries it. Each engine's client is one function,
// run as it is both in Node (recall, MRR) and in Chromium (keystroke →
// results): client({ lib, base, getText }) → { search(q) → Promise<[{ id, title }]> },
// where `lib` is the engine's module, `getText(name)` reads one of its index
// files. The client functions are copied into the pages with toString(), so
// they name nothing outside themselves.
//
// Options (what each peer's docs give for search-as-you-type):
//   pagefind    Pagefind's defaults: `pagefind.search(q)` (every word a prefix
//               match, "quoted phrases" exact; no typo tolerance), the first
//               ten results' `data()` loaded for their titles, as its UI does;
//               indexed with its Node API (`createIndex`, `addCustomRecord`
//               with the title, tags and text, `writeFiles`); the corpus's
//               language forced (`forceLanguage`: en, or zh for the CJK blog,
//               whose Japanese posts Pagefind would otherwise put in an index
//               of their own that a page in another language does not search)
//   fuse        PaperMod's way (assets/js/fastsearch.js, layouts/index.json):
//               index.json of { title, content, permalink, summary } for every
//               post (PaperMod's index has no tags), `new Fuse(data, { distance:
//               100, threshold: 0.4, ignoreLocation: true, keys: ['title',
//               'permalink', 'summary', 'content'] })`, Fuse's basic build;
//               `fuse.search(q, { limit: 10 })` (PaperMod renders every result
//               unless `fuseOpts.limit` is set, and debounces input by 150 ms:
//               not timed here)
//   minisearch  fields title, tags, content, title stored; `searchOptions:
//               { prefix: true, fuzzy: 0.2, boost: { title: 2 } }` (its
//               README's options); the index is `JSON.stringify(miniSearch)`,
//               loaded with `MiniSearch.loadJSON`
//   flexsearch  a Document index of title, tags, content, title stored,
//               `tokenize: "forward"` (prefixes), `encoder: Charset.LatinBalance`;
//               `search(q, { limit: 10,
//               suggest: true, merge: true, enrich: true })` (its README's
//               "Fuzzy-Search" list: forward tokenizer, balance encoder,
//               suggestions; the first ten of the merged fields shown); for
//               the CJK blog `encoder: Charset.CJK` (a term per character)
//               with `tokenize: "strict", context: true` (its contextual
//               index, which scores neighbouring characters) and no
//               suggestions (which let single characters match: measured on
//               the CJK queries, recall@10 0.06 forward with suggestions,
//               0.12 forward without, 0.24 contextual with, 0.65 contextual
//               without); `export()` / `import()` of every key, in one JSON
//   lunr        ref id, fields title (boost 10), tags, content; a query per
//               word as its guide shows: the word (boost 100), the word* (boost
//               10) and, from 5 letters, the word~1 (boost 1); the index is
//               `JSON.stringify(idx)` plus a map of ids to titles (lunr keeps
//               no documents), loaded with `lunr.Index.load`. Its tokenizer
//               splits on spaces and hyphens: CJK text is one token per run
//               (lunr-languages' zh needs nodejieba, a native module: not used)
//
// As a command (bench/search.mjs runs it in a child process, with a timeout):
//   node bench/lib/search-engines.mjs run ENGINE CORPUS_DIR BUDGET_S
//   builds ENGINE's index of CORPUS_DIR/docs.json into CORPUS_DIR/engines/ENGINE/
//   (kept while its stamp matches), then runs CORPUS_DIR/queries.json in Node
//   for at most BUDGET_S seconds (the kinds taken in turn) and writes
//   CORPUS_DIR/engines/ENGINE.result.json.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PEER_MODULES, peerImport, peerVersion } from './common.mjs';

const ADAPTER_VERSION = 2;  // all engines' indexes are built again when it changes; an engine's `v`, its own

export const LANG_OF = (corpus) => (corpus === 'cjk' ? 'zh' : 'en');
const permalink = (id) => `/posts/${id}/`;

// ---------------------------------------------------------------- clients (self-contained)

function fuseClient({ lib, getText }) {
  const Fuse = lib.default;
  return getText('index.json').then((text) => {
    const fuse = new Fuse(JSON.parse(text), { distance: 100, threshold: 0.4, ignoreLocation: true,
                                              keys: ['title', 'permalink', 'summary', 'content'] });
    return {
      search: async (q) => fuse.search(q, { limit: 10 })
        .map((r) => ({ id: r.item.permalink.split('/').filter(Boolean).pop(), title: r.item.title })),
    };
  });
}

function minisearchClient({ lib, getText }) {
  const MiniSearch = lib.default;
  return getText('index.json').then((text) => {
    const ms = MiniSearch.loadJSON(text, { fields: ['title', 'tags', 'content'], storeFields: ['title'],
                                           searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 2 } } });
    return { search: async (q) => ms.search(q).slice(0, 10).map((r) => ({ id: r.id, title: r.title })) };
  });
}

function flexsearchClient({ lib, getText, lang }) {
  const { Document, Charset } = lib;
  return getText('index.json').then(async (text) => {
    const parts = JSON.parse(text);
    const cjk = lang === 'zh' || lang === 'ja';
    const index = new Document({ document: { id: 'id', index: ['title', 'tags', 'content'], store: ['title'] },
                                 ...(cjk ? { encoder: Charset.CJK, tokenize: 'strict', context: true }
                                   : { encoder: Charset.LatinBalance, tokenize: 'forward' }) });
    for (const [key, data] of parts) await index.import(key, data);
    // merge: true gives each field's ten: the first ten of the merged list are shown
    return {
      search: async (q) => index.search(q, { limit: 10, suggest: !cjk, merge: true, enrich: true })
        .slice(0, 10).map((r) => ({ id: r.id, title: r.doc?.title })),
    };
  });
}

function lunrClient({ lib, getText }) {
  const lunr = lib.default;
  return getText('index.json').then((text) => {
    const data = JSON.parse(text);
    const idx = lunr.Index.load(data.index);
    return {
      search: async (q) => {
        const words = lunr.tokenizer(q).map((t) => lunr.trimmer(t).toString().toLowerCase()).filter(Boolean);
        if (!words.length) return [];
        const hits = idx.query((query) => {
          for (const w of words) {
            query.term(w, { boost: 100 });
            query.term(w, { boost: 10, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
            if (w.length >= 5) query.term(w, { boost: 1, usePipeline: false, editDistance: 1 });
          }
        });
        return hits.slice(0, 10).map((h) => ({ id: h.ref, title: data.titles[h.ref] }));
      },
    };
  });
}

function pagefindClient({ lib }) {
  // lib: the module pagefind.js of the index's folder (it finds the rest beside itself)
  return Promise.resolve(lib.init ? lib.init() : null).then(() => ({
    search: async (q) => {
      const s = await lib.search(q);
      const top = await Promise.all(s.results.slice(0, 10).map((r) => r.data()));
      return top.map((d) => ({ id: d.url.split('/').filter(Boolean).pop(), title: d.meta?.title }));
    },
  }));
}

// ---------------------------------------------------------------- engines

// lib: [package, entry source for esbuild] (the browser gets it bundled and
// minified, as a CDN serves it); null for Pagefind, whose files are its own.
export const ENGINES = {
  pagefind: {
    label: 'Pagefind', pkg: 'pagefind', lib: null, client: pagefindClient, nodeQuery: false,
    async build(docs, out, { lang }) {
      const pagefind = await peerImport('pagefind');
      const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
      if (!index) throw new Error(`pagefind createIndex: ${errors.join('; ')}`);
      for (const d of docs) {
        const r = await index.addCustomRecord({ url: permalink(d.id), language: lang, meta: { title: d.title },
                                                content: `${d.title}\n${d.tags.join(' ')}\n${d.content}` });
        if (r.errors?.length) throw new Error(`pagefind addCustomRecord ${d.id}: ${r.errors.join('; ')}`);
      }
      const w = await index.writeFiles({ outputPath: out });
      if (w.errors?.length) throw new Error(`pagefind writeFiles: ${w.errors.join('; ')}`);
      await pagefind.close();
    },
    // The files a search page can fetch: the JS API (and its worker, if any),
    // the wasm of the index's language, the metadata, every index chunk, every
    // fragment (the UI's files, the other languages' wasm, the playground: never fetched).
    searchFiles: (files, { lang }) => {
      const wasm = files.includes(`wasm.${lang}.pagefind`) ? `wasm.${lang}.pagefind` : 'wasm.unknown.pagefind';
      return files.filter((f) => !/^pagefind-(ui|modular-ui|component-ui|highlight)/.test(f) &&
        !f.startsWith('playground/') && (!/^wasm\./.test(f) || f === wasm));
    },
  },
  fuse: {
    label: 'Fuse.js (PaperMod)', pkg: 'fuse.js', lib: "export { default } from 'fuse.js/basic';", client: fuseClient, nodeQuery: true,
    async build(docs, out) {
      const data = docs.map((d) => ({ title: d.title, content: d.content, permalink: permalink(d.id), summary: d.summary }));
      fs.writeFileSync(path.join(out, 'index.json'), JSON.stringify(data));
    },
  },
  minisearch: {
    label: 'MiniSearch', pkg: 'minisearch', lib: "export { default } from 'minisearch';", client: minisearchClient, nodeQuery: true,
    async build(docs, out) {
      const { default: MiniSearch } = await peerImport('minisearch');
      const ms = new MiniSearch({ fields: ['title', 'tags', 'content'], storeFields: ['title'],
                                  searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 2 } } });
      ms.addAll(docs.map((d) => ({ id: d.id, title: d.title, tags: d.tags.join(' '), content: d.content })));
      fs.writeFileSync(path.join(out, 'index.json'), JSON.stringify(ms));
    },
  },
  flexsearch: {
    label: 'FlexSearch', v: 2, pkg: 'flexsearch', lib: "export { Document, Charset } from 'flexsearch';", client: flexsearchClient, nodeQuery: true,
    async build(docs, out, { lang }) {
      const { Document, Charset } = await peerImport('flexsearch');
      const cjk = lang === 'zh' || lang === 'ja';
      const index = new Document({ document: { id: 'id', index: ['title', 'tags', 'content'], store: ['title'] },
                                   ...(cjk ? { encoder: Charset.CJK, tokenize: 'strict', context: true }
                                     : { encoder: Charset.LatinBalance, tokenize: 'forward' }) });
      for (const d of docs) index.add({ id: d.id, title: d.title, tags: d.tags.join(' '), content: d.content });
      const parts = [];
      await index.export((key, data) => { parts.push([key, data]); });
      fs.writeFileSync(path.join(out, 'index.json'), JSON.stringify(parts));
    },
  },
  lunr: {
    label: 'lunr', pkg: 'lunr', lib: "export { default } from 'lunr';", client: lunrClient, nodeQuery: true,
    async build(docs, out) {
      const { default: lunr } = await peerImport('lunr');
      const idx = lunr(function () {
        this.ref('id');
        this.field('title', { boost: 10 });
        this.field('tags');
        this.field('content');
        for (const d of docs) this.add({ id: d.id, title: d.title, tags: d.tags.join(' '), content: d.content });
      });
      const titles = Object.fromEntries(docs.map((d) => [d.id, d.title]));
      fs.writeFileSync(path.join(out, 'index.json'), JSON.stringify({ index: idx, titles }));
    },
  },
};

export const ENGINE_NAMES = Object.keys(ENGINES);

// ---------------------------------------------------------------- files

function listFiles(dir, prefix = '') {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + e.name;
    if (e.isDirectory()) out.push(...listFiles(path.join(dir, e.name), `${rel}/`));
    else out.push(rel);
  }
  return out.sort();
}

// [{ name, bytes, gzip }] of the index files a browser may fetch (gzip -9 of
// each; Pagefind's files are gzip already, and count as they are).
export function indexFiles(engine, dir, ctx) {
  let names = listFiles(dir).filter((f) => !f.startsWith('.'));
  if (ENGINES[engine].searchFiles) names = ENGINES[engine].searchFiles(names, ctx);
  return names.map((name) => {
    const body = fs.readFileSync(path.join(dir, name));
    return { name, bytes: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length };
  });
}

// The engine's library for the browser: its package bundled and minified by
// esbuild (a peer, bench/peers.sh) into LIBDIR/<engine>.min.mjs.
export function buildLib(engine, libDir) {
  const e = ENGINES[engine];
  if (!e.lib) return null;
  fs.mkdirSync(libDir, { recursive: true });
  const out = path.join(libDir, `${engine}.min.mjs`);
  const stamp = path.join(libDir, `${engine}.stamp`);
  const want = `${peerVersion(e.pkg)} ${e.lib}`;
  if (fs.existsSync(out) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want) return out;
  const entry = path.join(path.dirname(PEER_MODULES), `search-entry-${engine}.mjs`);
  fs.writeFileSync(entry, `${e.lib}\n`);
  const esbuild = path.join(PEER_MODULES, '.bin/esbuild');
  const r = spawnSync(esbuild, [entry, '--bundle', '--minify', '--format=esm', `--outfile=${out}`, '--log-level=warning'],
    { encoding: 'utf8', cwd: path.dirname(PEER_MODULES) });
  if (r.status !== 0) throw new Error(`esbuild ${engine}: ${r.stderr || r.error}`);
  fs.writeFileSync(stamp, want);
  return out;
}

// ---------------------------------------------------------------- run in Node

// Ranks of the relevant posts in the first ten: recall@10 and reciprocal rank.
export function scoreQuery(ids, relevant) {
  const top = ids.slice(0, 10);
  const found = relevant.filter((r) => top.includes(r)).length;
  const first = top.findIndex((id) => relevant.includes(id));
  return { recall: found / relevant.length, rr: first < 0 ? 0 : 1 / (first + 1) };
}

// Queries in turn by kind (known, phrase, typo, … one of each, then again),
// so that a budget cut short still covers every kind.
export function interleave(queries) {
  const kinds = [...new Set(queries.map((q) => q.kind))];
  const by = kinds.map((k) => queries.filter((q) => q.kind === k));
  const out = [];
  for (let i = 0; by.some((l) => i < l.length); i++) for (const l of by) if (i < l.length) out.push(l[i]);
  return out;
}

async function run(engine, corpusDir, budgetS) {
  const e = ENGINES[engine];
  const corpus = path.basename(corpusDir);
  const lang = LANG_OF(corpus);
  const out = path.join(corpusDir, 'engines', engine);
  const stampWant = JSON.stringify({ v: ADAPTER_VERSION, ...(e.v ? { ev: e.v } : {}), version: peerVersion(e.pkg),
                                     corpus: fs.readFileSync(path.join(corpusDir, '.bench-stamp'), 'utf8') });
  const stampFile = path.join(out, '.bench-stamp');
  const metaFile = path.join(out, '.build.json');
  let build;
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stampWant && fs.existsSync(metaFile)) {
    build = { ...JSON.parse(fs.readFileSync(metaFile, 'utf8')), cached: true };
  } else {
    const docs = JSON.parse(fs.readFileSync(path.join(corpusDir, 'docs.json'), 'utf8'));
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await e.build(docs, out, { lang });
    const cpu = process.cpuUsage(cpu0);
    build = { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, heapMB: process.memoryUsage().rss / 1048576 };
    fs.writeFileSync(metaFile, JSON.stringify(build));
    fs.writeFileSync(stampFile, stampWant);
    build.cached = false;
  }
  const files = indexFiles(engine, out, { lang });
  const result = { engine, corpus, version: peerVersion(e.pkg), build, files, node: null };
  if (e.nodeQuery) {
    const { queries } = JSON.parse(fs.readFileSync(path.join(corpusDir, 'queries.json'), 'utf8'));
    const lib = await import(buildLib(engine, path.join(path.dirname(corpusDir), 'lib')));
    const t0 = performance.now();
    const searcher = await e.client({ lib, lang, getText: async (name) => fs.readFileSync(path.join(out, name), 'utf8') });
    const loadMs = performance.now() - t0;
    const per = [];
    const end = Date.now() + budgetS * 1000;
    for (const q of interleave(queries)) {
      if (Date.now() > end) break;
      const t = performance.now();
      const hits = await searcher.search(q.q);
      const ms = performance.now() - t;
      per.push({ kind: q.kind, q: q.q, ms, ids: hits.map((h) => h.id), ...scoreQuery(hits.map((h) => h.id), q.relevant) });
    }
    result.node = { loadMs, total: queries.length, run: per.length, queries: per };
  }
  fs.writeFileSync(path.join(corpusDir, 'engines', `${engine}.result.json`), JSON.stringify(result));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [cmd, engine, corpusDir, budget] = process.argv.slice(2);
  if (cmd !== 'run' || !ENGINES[engine] || !corpusDir) {
    console.error('usage: node bench/lib/search-engines.mjs run ENGINE CORPUS_DIR [BUDGET_S]');
    process.exit(2);
  }
  run(engine, path.resolve(corpusDir), Number(budget) || 60).catch((err) => {
    console.error(`search-engines ${engine}: ${err.stack || err}`);
    process.exit(1);
  });
}
