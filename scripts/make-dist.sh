#!/usr/bin/env bash
# Assembles the no-build site: dist/ = web/ + the wasm build + posts/ (the
# Markdown files and their resources) + the front-end libraries the widget
# loads on demand (from node_modules). Hash routes, nothing prerendered: copy
# it to any static host as it is. posts/index.json is generated from the
# posts' front matter and ./hugo.toml by the native tool (`wasm-blog index .`).
# The widget (web/wasm-blog.js and its modules in web/widget/) is bundled
# into one file, dist/wasm-blog.js, with esbuild (pinned in package.json,
# installed by setup.sh), after scripts/check-exports.mjs has checked that
# every engine export it calls is exported by the engines built. The
# JavaScript (the widget, its enhancers, the engine's glue) and the CSS are
# minified: identifiers, whitespace and comments, no syntax lowered, no
# source maps — the readable sources are web/; BLOG_MINIFY=0 bundles the
# widget without minifying and copies the rest as they are (for debugging in
# the browser). The widget's private members (this._view, _go…) get short
# names too (--mangle-props), all but the engines' exports (core._blog_*,
# ___*) and `_core`, which bench/memory.mjs reads; a browser test
# (engines.test.mjs) checks that no short name shadows one of HTMLElement's.
# index.html loses its comments. Sizes: bench/size.mjs, tests/size/.
#   make-dist.sh [WASM_BUILD [OUT [TOOL]]]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/wasm/wasm}
out=${2:-dist}
tool=${3:-build/native/wasm-blog}
[ -x "$tool" ] || { echo "make-dist: $tool missing: run make dist (it builds the native tool)" >&2; exit 1; }
minify=${BLOG_MINIFY:-1}
# NODE_MODULES: where setup.sh installed the npm packages (a worktree may use
# its main checkout's).
node_modules=${NODE_MODULES:-node_modules}
export NODE_MODULES=$node_modules
esbuild=$node_modules/.bin/esbuild
if [ ! -x "$esbuild" ]; then
  echo "make-dist: $esbuild missing: run scripts/setup.sh (it bundles the widget's modules)" >&2
  exit 1
fi
node scripts/check-exports.mjs "$build" || { echo "make-dist: $out/ is unchanged" >&2; exit 1; }
rm -rf "$out.tmp"
mkdir -p "$out.tmp"
if [ "$minify" = 0 ]; then
  cp web/index.html "$out.tmp/"
else
  perl -0pe 's/<!--.*?-->\n?//gs' web/index.html > "$out.tmp/index.html"
fi
# The two engines (wasm/CMakeLists.txt): blog-core, the list's, and blog-full.
cp "$build/blog-core.wasm" "$build/blog-full.wasm" "$out.tmp/"
# The widget: its modules bundled into one file. Its enhancers and the
# engines' glue stay files of their own (the widget imports them at run time,
# by URL); --format=esm keeps the modules' export names.
widget=(--bundle --format=esm --log-level=warning --outfile="$out.tmp/wasm-blog.js")
if [ "$minify" != 0 ]; then widget+=(--minify '--mangle-props=^_' '--reserve-props=^(_blog_|__|_core$)'); fi
"$esbuild" web/wasm-blog.js "${widget[@]}"
for f in web/enhance-*.js web/*.css "$build/blog-core.js" "$build/blog-full.js"; do
  if [ "$minify" = 0 ]; then
    cp "$f" "$out.tmp/"
  else
    case "$f" in
      *.js) fmt=(--format=esm) ;;
      *) fmt=() ;;
    esac
    "$esbuild" "$f" --minify "${fmt[@]}" --log-level=warning --outfile="$out.tmp/$(basename "$f")"
  fi
done
# The posts as written (front matter included: the widget skips it), less any
# index.json left in posts/ by hand: the index is the tool's, with its
# full-text search files beside it (posts/search/).
cp -r posts "$out.tmp/posts"
rm -rf "$out.tmp/posts/index.json" "$out.tmp/posts/search"
if ! "$tool" index . --out "$out.tmp/posts" >/dev/null; then
  echo "make-dist: $tool index . failed (the messages above name the file and line); $out/ is unchanged" >&2
  rm -rf "$out.tmp"
  exit 1
fi
if [ -x scripts/make-vendor.sh ]; then bash scripts/make-vendor.sh "$out.tmp/vendor"; fi
rm -rf "$out"
mv "$out.tmp" "$out"
echo "dist: $(find "$out" -type f | wc -l) files in $out/"
