// "us" in bench/search.mjs: our full-text search, side by side with the peers.
//
// Half done. Our search landed on main (24ca855: core/search, tool/search_writer,
// docs/search.md) while this benchmark was written; what is measured so far:
//
//   1. Build (done): our native tool over the corpus's site folder,
//        wasm-blog index CORPUS_DIR --out CORPUS_DIR/engines/us/posts
//      (CORPUS_DIR is build/bench/search/<corpus>/, a Hugo-style folder with
//      hugo.toml and content/posts/*.md, YAML front matter title/date/tags),
//      which writes beside index.json the search index: search/manifest.json,
//      search/t/<hash>.txt (term shards), search/d/<n>.json (a post's title,
//      route and sections' text). Timed by the wall clock. The tool is
//      build/native/wasm-blog (`make native`) or BENCH_WASM_BLOG.
//   2. Files (done): every file under engines/us/posts/search/, raw and
//      gzip -9, as the peers' index files are counted. posts/index.json is
//      not counted: the blog loads it for its list anyway.
//
// TODO(search), not measured yet (the table says "TODO"; no figure stands in):
//   3. Queries in Node, for recall@10 and MRR: either a native query runner
//      (a `wasm-blog search DIR QUERY…` command, or a small driver like
//      bench/lib/md_render.cpp over core/search/fulltext_query, answering
//      JSON lines of post slugs), or the wasm engine in Node
//      (`loadCore('blog-full')` from common.mjs, the controller's full-text
//      session driven as the widget drives it: the manifest, the query's
//      shards and the shown posts' files handed over as fetched). Return the
//      slugs (a post's file name without `.md`: the ids of docs.json and
//      queries.json) in `node: { loadMs, total, run, queries: [{ kind, q,
//      ms, ids, recall, rr }] }` (search-engines.mjs's scoreQuery gives
//      recall and rr).
//   4. Chromium: search.mjs writes the same page as for the peers (its
//      pageHtml) around our `client`, a self-contained function like the
//      peers' in search-engines.mjs: client({ lib, lang, getText }) →
//      { search(q) → Promise<[{ id, title }]> }, `lib` being the module at
//      `libUrl` (our engine's glue, or a search-only module), `getText` a
//      fetch under `base`; return it as `page: { base, libUrl, client,
//      mounts: [[urlPrefix, dir], …] }`. The keystroke → results frame and
//      the manifest, shards and post files fetched for the first query then
//      come as for the peers. (Our widget's own search screen,
//      `#/search?q=`, is another page worth timing.)
//
// The contract bench/search.mjs expects:
//   usSearch({ corpusDir, corpus, budgetS }) → Promise<{
//     engine: 'us', corpus, version, build: { ms }, files: [{ name, bytes, gzip }],
//     node: null | {...}, page?: {...}, todo?: string }>
// or throws NotBuiltYet (the row says why).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT } from './common.mjs';

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
export async function usSearch({ corpusDir, corpus, budgetS, timeoutS = 600 }) {
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
  return { engine: 'us', corpus, version: null, tool: path.relative(ROOT, TOOL) || TOOL, build: { ms, cached: false }, files,
           node: null, todo: 'TODO: queries (search-us.mjs)' };
}
