#!/usr/bin/env bash
# Installs everything the build and the tests need, from Debian's archive and npm.
# Safe to run twice: each step checks first and does nothing when already done.
#   - Debian packages: emscripten, nlohmann-json3-dev, catch2, chromium, fonts
#   - md4c 0.5.3 source from Debian's source package (unstable suite) into deps/ (git-ignored)
#   - from npm (package-lock.json) into node_modules/: playwright-core (browser tests),
#     esbuild (make dist minifies the widget's JS and CSS), highlight.js and KaTeX (dist/vendor/)
set -euo pipefail
cd "$(dirname "$0")/.."

# md4c 0.5.3 (Debian's unstable suite): 0.4.8, in Debian 12, is quadratic on
# hostile input and reads past unterminated buffers (see SECURITY.md).
MD4C_VERSION=0.5.3
MD4C_DEBIAN_VERSION=0.5.3-1
MD4C_SUITE=sid
MD4C_SHA256=bc2e3bf85e5e6235ee5246778d608048e0a572d9d84538e5ef9e7d4b59a28ad6
MD4C_DIR=deps/md4c-$MD4C_VERSION
TOOLS=(clang libclang-rt-14-dev libgumbo-dev python3-feedparser)  # libFuzzer + sanitizers (make fuzz); gumbo: the HTML5 parser the Markdown fuzz target reads output with; feedparser: the feed tests
PACKAGES=(cmake make g++ python3 dpkg-dev emscripten nlohmann-json3-dev catch2 chromium nodejs npm
          libyaml-cpp-dev libtomlplusplus-dev
          fonts-wqy-zenhei fonts-noto-color-emoji)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${PACKAGES[@]}" "${TOOLS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# A machine whose node/npm come from elsewhere (nodesource) keeps them.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]:-}"

# A deb-src entry for md4c's suite, derived from the machine's own apt
# configuration (the URI of its main archive; no host is named here). Source
# only: it changes no binary package of the machine.
src_list=/etc/apt/sources.list.d/wasm-blog-md4c-src.sources
need_src=0
[ -f "$MD4C_DIR/src/md4c.c" ] || need_src=1
updated_for_src=1
if [ "$need_src" = 1 ] && [ ! -f "$src_list" ]; then
  uri=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    # the first stanza that is not the security archive
    uri=$(awk 'BEGIN{RS=""} !/security/ { if (match($0, /URIs:[ \t]*[^ \t\n]+/)) { u=substr($0, RSTART, RLENGTH); sub(/URIs:[ \t]*/, "", u); print u; exit } }' /etc/apt/sources.list.d/debian.sources)
    keyring=$(awk 'BEGIN{RS=""} !/security/ { if (match($0, /Signed-By:[ \t]*[^ \t\n]+/)) { k=substr($0, RSTART, RLENGTH); sub(/Signed-By:[ \t]*/, "", k); print k; exit } }' /etc/apt/sources.list.d/debian.sources)
  elif [ -f /etc/apt/sources.list ]; then
    uri=$(grep -E '^deb ' /etc/apt/sources.list | grep -v security | head -1 | awk '{for (i=2;i<=NF;i++) if ($i ~ /:\/\//) {print $i; exit}}')
  fi
  [ -n "$uri" ] || { echo "setup: no Debian archive found in the machine's apt configuration" >&2; exit 1; }
  { echo "Types: deb-src"; echo "URIs: $uri"; echo "Suites: $MD4C_SUITE"; echo "Components: main"
    [ -z "${keyring:-}" ] || echo "Signed-By: $keyring"; } | as_root tee "$src_list" >/dev/null
  updated_for_src=0
fi
# The list of an earlier set-up (every suite of the machine as deb-src) is not needed.
[ ! -f /etc/apt/sources.list.d/wasm-blog-deb-src.sources ] || as_root rm -f /etc/apt/sources.list.d/wasm-blog-deb-src.sources

if [ "${#missing[@]}" -gt 0 ] || { [ "$need_src" = 1 ] && [ "$updated_for_src" = 0 ]; }; then
  echo "setup: apt-get update"
  as_root apt-get update -qq
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "$need_src" = 1 ]; then
  echo "setup: fetching md4c $MD4C_VERSION source from Debian's source package ($MD4C_SUITE)"
  mkdir -p deps
  ( cd deps
    tarball="md4c_$MD4C_VERSION.orig.tar.gz"
    [ -f "$tarball" ] || apt-get source --tar-only "md4c=$MD4C_DEBIAN_VERSION" >/dev/null 2>&1
    echo "$MD4C_SHA256  $tarball" | sha256sum -c --quiet
    rm -rf "md4c-$MD4C_VERSION.tmp" && mkdir "md4c-$MD4C_VERSION.tmp"
    tar xzf "$tarball" -C "md4c-$MD4C_VERSION.tmp" --strip-components=1
    rm -rf "md4c-$MD4C_VERSION" && mv "md4c-$MD4C_VERSION.tmp" "md4c-$MD4C_VERSION" )
fi

if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/katex ] || [ ! -d node_modules/@highlightjs/cdn-assets ] || [ ! -x node_modules/.bin/esbuild ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --ignore-scripts
fi
echo "setup: ok"
