#!/usr/bin/env bash
# Installs everything the build and the tests need, from Debian's archive and npm.
# Safe to run twice: each step checks first and does nothing when already done.
#   - Debian packages: emscripten, nlohmann-json3-dev, catch2, chromium, fonts
#   - md4c 0.5.3 source from Debian's source package (unstable suite) into deps/ (git-ignored)
#   - Snowball 2.2.0 (the stemmers' compiler and algorithms) from Debian's source package
#     (the machine's own release, bookworm) into deps/
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
# Snowball 2.2.0 (Debian 12's, from the machine's own suite): the compiler (C)
# and the .sbl algorithms that the build turns into the search tokenizer's
# stemmers. The same version as Debian 12's libstemmer-tools, whose stemwords
# the tokenizer's stems are compared with (tests/tool/stemwords_compare.py).
SNOWBALL_VERSION=2.2.0
SNOWBALL_DEBIAN_VERSION=2.2.0-2
SNOWBALL_SHA256=425cdb5fba13a01db59a1713780f0662e984204f402d3dae1525bda9e6d30f1a
SNOWBALL_DIR=deps/snowball-$SNOWBALL_VERSION
TOOLS=(clang libclang-rt-14-dev lld libgumbo-dev python3-feedparser  # libFuzzer + sanitizers (make fuzz, make test); lld: the sanitized build's linker; gumbo: the HTML5 parser the Markdown fuzz target reads output with; feedparser: the feed tests
       libstemmer-tools  # Debian's stemwords (Snowball 2.2.0), the stemmers' reference in the tests
       # the word lists the stemmers are compared on (/usr/share/dict)
       wamerican wbritish wfrench wngerman wspanish witalian wportuguese wdutch wswedish wnorwegian wdanish)
PACKAGES=(cmake make g++ python3 dpkg-dev emscripten nlohmann-json3-dev catch2 chromium nodejs npm
          chromium-headless-shell  # the browser tests' Chromium (chromium: the benchmarks, Lighthouse)
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

# A deb-src list for md4c's suite (sid) and the machine's own release (Snowball),
# derived from the machine's apt configuration (the URI and suite of its main
# archive; no host is named here). Source only: it changes no binary package
# of the machine. A list written before without the machine's suite is rewritten.
src_list=/etc/apt/sources.list.d/wasm-blog-md4c-src.sources
need_src=0
[ -f "$MD4C_DIR/src/md4c.c" ] || need_src=1
[ -f "$SNOWBALL_DIR/compiler/driver.c" ] || need_src=1
updated_for_src=1
if [ "$need_src" = 1 ]; then
  uri="" keyring="" own_suite=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    # the first stanza that is not the security archive: its URI, keyring and first suite
    stanza() { awk -v key="$1" 'BEGIN{RS=""} !/security/ { if (match($0, key ":[ \t]*[^ \t\n]+")) { v=substr($0, RSTART, RLENGTH); sub(key ":[ \t]*", "", v); print v; exit } }' /etc/apt/sources.list.d/debian.sources; }
    uri=$(stanza URIs); keyring=$(stanza Signed-By); own_suite=$(stanza Suites)
  elif [ -f /etc/apt/sources.list ]; then
    # "deb [options] URI SUITE COMPONENTS...": the first that is not the security archive
    read -r uri own_suite < <(grep -E '^deb[ \t]' /etc/apt/sources.list | grep -v security | head -1 |
      awk '{for (i=2;i<NF;i++) if ($i ~ /:\/\//) {print $i, $(i+1); exit}}') || true
  fi
  [ -n "$uri" ] && [ -n "$own_suite" ] || { echo "setup: no Debian archive found in the machine's apt configuration" >&2; exit 1; }
  suites="$MD4C_SUITE"
  [ "$own_suite" = "$MD4C_SUITE" ] || suites="$MD4C_SUITE $own_suite"
  have_suites=$(sed -n 's/^Suites:[ \t]*//p' "$src_list" 2>/dev/null || true)
  if [ "$have_suites" != "$suites" ]; then
    { echo "Types: deb-src"; echo "URIs: $uri"; echo "Suites: $suites"; echo "Components: main"
      [ -z "$keyring" ] || echo "Signed-By: $keyring"; } | as_root tee "$src_list" >/dev/null
    updated_for_src=0
  fi
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
  echo "setup: fetching $package $version source from Debian's source package"
  mkdir -p deps
  ( cd deps
    # A list written by an earlier run that stopped before its apt-get update:
    # update once and try again.
    [ -f "$tarball" ] || apt-get source --tar-only "$package=$version" >/dev/null 2>&1 ||
      { as_root apt-get update -qq && apt-get source --tar-only "$package=$version" >/dev/null 2>&1; } ||
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
fi

if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/katex ] || [ ! -d node_modules/@highlightjs/cdn-assets ] || [ ! -x node_modules/.bin/esbuild ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --ignore-scripts
fi
echo "setup: ok"
