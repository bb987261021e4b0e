#!/usr/bin/env bash
# Installs everything the build and the tests need, from Debian's archive and npm.
# Safe to run twice: each step checks first and does nothing when already done.
#   - Debian packages: emscripten, nlohmann-json3-dev, catch2, chromium, fonts
#   - md4c 0.5.3 source from Debian's source package (unstable suite) into deps/ (git-ignored)
#   - Snowball 3.1.1 (the stemmers' compiler and algorithms) and snowball-data (their
#     vocabularies, for the tokenizer's tests) from Debian's source packages, into deps/
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
# Snowball 3.1.1 (unstable): the compiler (C) and the .sbl algorithms that the
# build turns into the search tokenizer's stemmers; snowball-data: each
# algorithm's vocabulary and expected stems, read by tests/tokenizer_test.cpp.
SNOWBALL_VERSION=3.1.1
SNOWBALL_DEBIAN_VERSION=3.1.1-1
SNOWBALL_SHA256=d8714aa91ed4333654708472a7a98b529c867a8f99b05c5e66febf4ca72c44c7
SNOWBALL_DIR=deps/snowball-$SNOWBALL_VERSION
SNOWBALL_DATA_VERSION=0+20260605
SNOWBALL_DATA_DEBIAN_VERSION=0+20260605-1
SNOWBALL_DATA_SHA256=5f17c5ed8e9daec99f3cf2d17dd9b7465109854aa1329a476be92eb6546bcd90
SNOWBALL_DATA_DIR=deps/snowball-data-$SNOWBALL_DATA_VERSION
TOOLS=(clang libclang-rt-14-dev libgumbo-dev python3-feedparser)  # libFuzzer + sanitizers (make fuzz); gumbo: the HTML5 parser the Markdown fuzz target reads output with; feedparser: the feed tests
PACKAGES=(cmake make g++ python3 dpkg-dev emscripten nlohmann-json3-dev catch2 chromium nodejs npm
          libyaml-cpp-dev libtomlplusplus-dev
          unicode-data  # /usr/share/unicode: the search tokenizer's tables, WordBreakTest.txt
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

# A deb-src entry for md4c's suite (Snowball's too), derived from the machine's own apt
# configuration (the URI of its main archive; no host is named here). Source
# only: it changes no binary package of the machine.
src_list=/etc/apt/sources.list.d/wasm-blog-md4c-src.sources
need_src=0
[ -f "$MD4C_DIR/src/md4c.c" ] || need_src=1
[ -f "$SNOWBALL_DIR/compiler/driver.c" ] || need_src=1
[ -f "$SNOWBALL_DATA_DIR/english/voc.txt" ] || need_src=1
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

# fetch_source PACKAGE DEBIAN_VERSION TARBALL SHA256 DIR: Debian's orig
# tarball of PACKAGE (apt-get source --tar-only), checked, unpacked into DIR
# without its top folder; nothing when DIR/CHECK_FILE is there.
fetch_source() {
  local package=$1 version=$2 tarball=$3 sha=$4 dir=$5 check=$6
  [ ! -f "$dir/$check" ] || return 0
  echo "setup: fetching $package $version source from Debian's source package ($MD4C_SUITE)"
  mkdir -p deps
  ( cd deps
    [ -f "$tarball" ] || apt-get source --tar-only "$package=$version" >/dev/null 2>&1 ||
      { echo "setup: apt-get source --tar-only $package=$version failed (is $tarball in the archive?)" >&2; exit 1; }
    echo "$sha  $tarball" | sha256sum -c --quiet
    local name; name=$(basename "$dir")
    rm -rf "$name.tmp" && mkdir "$name.tmp"
    tar xzf "$tarball" -C "$name.tmp" --strip-components=1
    rm -rf "$name" && mv "$name.tmp" "$name" )
}
if [ "$need_src" = 1 ]; then
  fetch_source md4c "$MD4C_DEBIAN_VERSION" "md4c_$MD4C_VERSION.orig.tar.gz" "$MD4C_SHA256" "$MD4C_DIR" src/md4c.c
  fetch_source snowball "$SNOWBALL_DEBIAN_VERSION" "snowball_$SNOWBALL_VERSION.orig.tar.gz" \
    "$SNOWBALL_SHA256" "$SNOWBALL_DIR" compiler/driver.c
  fetch_source snowball-data "$SNOWBALL_DATA_DEBIAN_VERSION" "snowball-data_$SNOWBALL_DATA_VERSION.orig.tar.gz" \
    "$SNOWBALL_DATA_SHA256" "$SNOWBALL_DATA_DIR" english/voc.txt
fi

if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/katex ] || [ ! -d node_modules/@highlightjs/cdn-assets ] || [ ! -x node_modules/.bin/esbuild ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --ignore-scripts
fi
echo "setup: ok"
