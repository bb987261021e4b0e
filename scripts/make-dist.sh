#!/usr/bin/env bash
# Assembles the no-build site: dist/ = web/ + the wasm build + posts/ (the
# Markdown files and their resources) + the front-end libraries the widget
# loads on demand (from node_modules). Hash routes, nothing prerendered: copy
# it to any static host as it is. posts/index.json is generated from the
# posts' front matter and ./hugo.toml by the native tool (`wasm-blog index .`).
# The JavaScript (the widget, its enhancers, the engine's glue) and the CSS
# are minified with esbuild (pinned in package.json, installed by setup.sh):
# identifiers, whitespace and comments, no syntax lowered, no source maps —
# the readable sources are web/; BLOG_MINIFY=0 copies them as they are (for
# debugging in the browser). The widget's private members (this._view, _go…)
# get short names too (--mangle-props), all but the engines' exports
# (core._blog_*, ___*) and `_core`, which bench/memory.mjs reads; a browser test
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
esbuild=node_modules/.bin/esbuild
if [ "$minify" != 0 ] && [ ! -x "$esbuild" ]; then
  echo "make-dist: $esbuild missing: run scripts/setup.sh (or BLOG_MINIFY=0 for unminified files)" >&2
  exit 1
fi
rm -rf "$out.tmp"
mkdir -p "$out.tmp"
if [ "$minify" = 0 ]; then
  cp web/index.html "$out.tmp/"
else
  perl -0pe 's/<!--.*?-->\n?//gs' web/index.html > "$out.tmp/index.html"
fi
# The two engines (wasm/CMakeLists.txt): blog-core, the list's, and blog-full.
cp "$build/blog-core.wasm" "$build/blog-full.wasm" "$out.tmp/"
# Each file alone (no bundling: the widget imports its enhancers and the glue
# at run time by name). --format=esm keeps the modules' export names.
for f in web/*.js web/*.css "$build/blog-core.js" "$build/blog-full.js"; do
  if [ "$minify" = 0 ]; then
    cp "$f" "$out.tmp/"
  else
    case "$f" in
      web/wasm-blog.js) fmt=(--format=esm '--mangle-props=^_' '--reserve-props=^(_blog_|__|_core$)') ;;
      *.js) fmt=(--format=esm) ;;
      *) fmt=() ;;
    esac
    "$esbuild" "$f" --minify "${fmt[@]}" --log-level=warning --outfile="$out.tmp/$(basename "$f")"
  fi
done
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
