#!/usr/bin/env bash
# Copies the front-end libraries the widget loads on demand into dist/vendor/,
# from the npm packages pinned in package-lock.json (never from a CDN):
#   highlight.js (@highlightjs/cdn-assets): core + the languages below, as ES modules
#   KaTeX: the UMD build, its stylesheet and woff2 fonts
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist/vendor}
nm=${NODE_MODULES:-node_modules}
hl=$nm/@highlightjs/cdn-assets
kx=$nm/katex/dist
for f in "$hl/es/core.min.js" "$kx/katex.min.js"; do
  [ -f "$f" ] || { echo "make-vendor: $f missing: run scripts/setup.sh" >&2; exit 1; }
done
# The grammars are the ones web/enhance-code.js maps fence names to (one table).
LANGS=$(node --input-type=module -e "import { GRAMMARS } from './web/enhance-code.js'; console.log([...new Set(Object.values(GRAMMARS))].join(' '))")
mkdir -p "$out/highlight/languages" "$out/katex/fonts"
cp "$hl/es/core.min.js" "$hl/LICENSE" "$out/highlight/"
cp "$hl/styles/github-dark.min.css" "$out/highlight/theme.css"
for l in $LANGS; do cp "$hl/es/languages/$l.min.js" "$out/highlight/languages/"; done
cp "$kx/katex.min.js" "$kx/katex.min.css" "$out/katex/"
cp "$nm"/katex/LICENSE "$out/katex/"
cp "$kx"/fonts/*.woff2 "$out/katex/fonts/"
