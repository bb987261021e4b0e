#!/usr/bin/env bash
# Installs the peers that bench/first-visit.mjs, bench/throughput.mjs and
# bench/search.mjs measure against (and Lighthouse, for bench/lighthouse.mjs), from npm, into
# build/bench-peers/ (git-ignored; its own package.json and
# package-lock.json). Safe to run twice: it installs only
# the packages that are missing or at another version, and does nothing when
# every one is there. No registry host is named: npm uses the machine's own
# configuration.
#
#   bash bench/peers.sh            install what is missing
#   bash bench/peers.sh --list     print "name version" for what is installed
#
# Versions are pinned so that two runs of the benchmarks compare the same
# code; change them here (and say so in bench/README.md).
#
# --ignore-scripts: docsify 5's post-install runs husky, which fails outside
# a git checkout of docsify; no peer needs an install script (md4w and
# markdown-wasm ship their .wasm in the package, pagefind its binary in
# @pagefind/<platform>).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PREFIX="$ROOT/build/bench-peers"

# name (as installed under node_modules/) = npm spec
PEERS=(
  # first visit: the no-build Markdown blogs/viewers
  "docsify4=npm:docsify@4.13.1"        # two majors side by side, by alias
  "docsify5=npm:docsify@5.0.0"
  "zero-md=zero-md@3.1.8"
  # what zero-md 3.1.8 imports from a CDN by default (src/lib/presets.js:
  # marked@18, marked-base-url@1, marked-highlight@2, marked-gfm-heading-id@4,
  # marked-alert@2, highlight.js 11, KaTeX's stylesheet, github-markdown-css@5),
  # served locally instead
  "marked=marked@18.2.1"
  "marked-base-url=marked-base-url@1.1.10"
  "marked-highlight=marked-highlight@2.2.4"
  "marked-gfm-heading-id=marked-gfm-heading-id@4.1.4"
  "marked-alert=marked-alert@2.1.2"
  "github-slugger=github-slugger@2.0.0"
  "github-markdown-css=github-markdown-css@5.9.0"
  "@highlightjs/cdn-assets=@highlightjs/cdn-assets@11.12.0"
  "katex=katex@0.19.1"
  # minifies those, as the CDN serves them minified (marked.esm.min.js, +esm
  # bundles, *.min.css); npm ships them unminified. Its binary comes in the
  # @esbuild/<platform> package it depends on.
  "esbuild=esbuild@0.28.2"
  # throughput: Markdown -> HTML in Node
  "markdown-wasm=markdown-wasm@1.2.0"
  "md4w=md4w@0.2.7"
  "markdown-it=markdown-it@15.0.3"
  "commonmark=commonmark@0.31.2"
  "micromark=micromark@4.0.3"
  "micromark-extension-gfm=micromark-extension-gfm@3.0.0"
  # lighthouse.mjs: Lighthouse's Node API; it drives Debian's Chromium
  # (/usr/bin/chromium) through chrome-launcher, one of its dependencies.
  # puppeteer-core, another, downloads no browser.
  "lighthouse=lighthouse@12.8.2"
  # search.mjs: full-text search engines. Pagefind runs its own native
  # binary, shipped in the @pagefind/<platform> package it depends on
  # (optional dependencies: npm installs the one for this machine).
  "pagefind=pagefind@1.6.0"
  "fuse.js=fuse.js@7.5.0"
  "minisearch=minisearch@7.2.0"
  "flexsearch=flexsearch@0.8.212"
  "lunr=lunr@2.3.9"
)

# "name version" for each peer ("name " when it is not installed), one node run.
installed() {
  node -e '
    const fs = require("fs"), path = require("path");
    for (const name of process.argv.slice(1)) {
      let v = "";
      try { v = JSON.parse(fs.readFileSync(path.join(process.env.PREFIX, "node_modules", name, "package.json"), "utf8")).version || ""; } catch {}
      console.log(`${name} ${v}`);
    }' "${PEERS[@]%%=*}"
}
export PREFIX

if [ "${1:-}" = "--list" ]; then
  installed
  exit 0
fi

mkdir -p "$PREFIX"
if [ ! -f "$PREFIX/package.json" ]; then
  cat >"$PREFIX/package.json" <<'EOF'
{
  "name": "wasm-blog-bench-peers",
  "private": true,
  "description": "The peers bench/ measures against (bench/peers.sh installs them; never shipped)."
}
EOF
fi

declare -A have=()
while read -r name version; do have["$name"]="$version"; done < <(installed)
missing=()
for p in "${PEERS[@]}"; do
  name="${p%%=*}"
  spec="${p#*=}"
  [ "${have[$name]:-}" = "${spec##*@}" ] && continue
  if [ "$name" = "${spec%@*}" ]; then missing+=("$spec"); else missing+=("$name@$spec"); fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
echo "bench/peers.sh: npm install ${missing[*]}" >&2
npm install --prefix "$PREFIX" --ignore-scripts --no-audit --no-fund --save-exact --loglevel=error "${missing[@]}" >&2
