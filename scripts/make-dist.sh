#!/usr/bin/env bash
# Assembles the deployable site: dist/ = web/ + the wasm build + posts/ +
# the front-end libraries the widget loads on demand (from node_modules).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/wasm/wasm}
out=${2:-dist}
rm -rf "$out.tmp"
mkdir -p "$out.tmp"
cp web/index.html web/*.js web/*.css "$out.tmp/"
cp "$build/blog-core.js" "$build/blog-core.wasm" "$out.tmp/"
cp -r posts "$out.tmp/posts"
if [ -x scripts/make-vendor.sh ]; then bash scripts/make-vendor.sh "$out.tmp/vendor"; fi
rm -rf "$out"
mv "$out.tmp" "$out"
echo "dist: $(find "$out" -type f | wc -l) files in $out/"
