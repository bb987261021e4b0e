// "us" in bench/search.mjs: our full-text search, side by side with the peers.
//
// TODO(search): not built yet. Our search (the index writer and the query
// engine in core/, another engineer's work) is not merged, so this adapter
// measures nothing and bench/search.mjs prints "us: not built yet" in its row
// for every corpus. No figure is made up here: fill in `usSearch` once our
// search lands. What it will need:
//
//   1. Build: our native tool over the corpus's site folder,
//        build/native/wasm-blog index CORPUS_DIR --out CORPUS_DIR/engines/us/posts
//      (CORPUS_DIR is build/bench/search/<corpus>/, a Hugo-style folder with
//      hugo.toml and content/posts/*.md, YAML front matter title/date/tags),
//      writing beside index.json the search index: `search/manifest.json`
//      and its shards. Time it as search-engines.mjs times the peers' builds
//      (wall and CPU of the child process).
//   2. Files: every file under engines/us/posts/search/ (the manifest and
//      every shard) counted as the peers' index files are (raw and gzip -9),
//      plus the engine a search page loads (dist/blog-full.wasm and its glue,
//      or a search-only module if there is one) as the peers' library JS is.
//   3. Queries in Node, for recall@10 and MRR: either a native query runner
//      (a `wasm-blog search DIR QUERY…` command, or a small driver like
//      bench/lib/md_render.cpp, answering JSON lines of post slugs), or the
//      wasm engine in Node (`loadCore('blog-full')` from common.mjs, the
//      manifest and shards handed in as the widget hands over fetched
//      files). Return the slugs (a post's file name without `.md`: the ids
//      of docs.json and queries.json).
//   4. Chromium: search.mjs writes the same page as for the peers (its
//      pageHtml) around our `client`, a self-contained function like the
//      peers' in search-engines.mjs: client({ lib, lang, getText }) →
//      { search(q) → Promise<[{ id, title }]> }, `lib` being the module at
//      `libUrl` (our engine's glue, or a search-only module), `getText` a
//      fetch under `base`. The keystroke → results frame and the manifest
//      and shards fetched for the first query then come as for the peers.
//      (Our widget's own search screen, `#/search?q=`, is another page to
//      time once it uses the index.)
//
// The contract bench/search.mjs expects once it is filled in:
//   usSearch({ corpusDir, corpus, budgetS }) → Promise<{
//     version, build: { ms, cpuMs }, files: [{ name, bytes, gzip }],
//     node: { loadMs, total, run, queries: [{ kind, q, ms, ids, recall, rr }] },
//     page?: { base, libUrl, client, mounts: [[urlPrefix, dir], …] }   // the Chromium rows
//   }>
// and until then throws NotBuiltYet.

export class NotBuiltYet extends Error {
  constructor() {
    super('not built yet');
    this.name = 'NotBuiltYet';
  }
}

// eslint-disable-next-line no-unused-vars
export async function usSearch({ corpusDir, corpus, budgetS }) {
  throw new NotBuiltYet();
}
