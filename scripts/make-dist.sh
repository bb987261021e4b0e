#!/usr/bin/env bash
# Assembles the no-build site: dist/ = web/ + the wasm build + posts/ (the
# Markdown files and their resources) + the front-end libraries the widget
# loads on demand (from node_modules). Hash routes, nothing prerendered: copy
# it to any static host as it is. posts/index.json is generated from the
# posts' front matter and ./hugo.toml by the native tool (`wasm-blog index .`).
#   make-dist.sh [WASM_BUILD [OUT [TOOL]]]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/wasm/wasm}
out=${2:-dist}
tool=${3:-build/native/wasm-blog}
[ -x "$tool" ] || { echo "make-dist: $tool missing: run make dist (it builds the native tool)" >&2; exit 1; }
rm -rf "$out.tmp"
mkdir -p "$out.tmp"
cp web/index.html web/*.js web/*.css "$out.tmp/"
cp "$build/blog-core.js" "$build/blog-core.wasm" "$out.tmp/"
# The posts as written (front matter included: the widget skips it), less any
# index.json left in posts/ by hand: the index is the tool's.
cp -r posts "$out.tmp/posts"
rm -f "$out.tmp/posts/index.json"
if ! "$tool" index . > "$out.tmp/posts/index.json"; then
  echo "make-dist: $tool index . failed (the messages above name the file and line); $out/ is unchanged" >&2
  rm -rf "$out.tmp"
  exit 1
fi
if [ -x scripts/make-vendor.sh ]; then bash scripts/make-vendor.sh "$out.tmp/vendor"; fi
rm -rf "$out"
mv "$out.tmp" "$out"
echo "dist: $(find "$out" -type f | wc -l) files in $out/"
