#!/usr/bin/env bash
# Installs everything the build and the tests need, from Debian's archive and npm.
# Safe to run twice: each step checks first and does nothing when already done.
#   - Debian packages: emscripten, nlohmann-json3-dev, catch2, chromium, fonts
#   - md4c 0.4.8 source from Debian's source package into deps/ (git-ignored)
#   - playwright-core from npm (package-lock.json) into node_modules/
set -euo pipefail
cd "$(dirname "$0")/.."

MD4C_VERSION=0.4.8
MD4C_SHA256=4a457df853425b6bb6e3457aa1d1a13bccec587a04c38c622b1013a0da41439f
PACKAGES=(cmake make g++ python3 dpkg-dev emscripten nlohmann-json3-dev catch2 chromium nodejs npm
          fonts-wqy-zenhei fonts-noto-color-emoji)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# A machine whose node/npm come from elsewhere (nodesource) keeps them.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]:-}"

# deb-src entries derived from the machine's own apt configuration (no host named here).
src_list=/etc/apt/sources.list.d/wasm-blog-deb-src.sources
need_src=0
[ -d "deps/md4c-release-$MD4C_VERSION" ] || need_src=1
if [ "$need_src" = 1 ] && [ ! -f "$src_list" ]; then
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | as_root tee "$src_list" >/dev/null
  elif [ -f /etc/apt/sources.list ]; then
    grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' | as_root tee "${src_list%.sources}.list" >/dev/null
  fi
  updated_for_src=0
else
  updated_for_src=1
fi

if [ "${#missing[@]}" -gt 0 ] || { [ "$need_src" = 1 ] && [ "$updated_for_src" = 0 ]; }; then
  echo "setup: apt-get update"
  as_root apt-get update -qq
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "$need_src" = 1 ]; then
  echo "setup: fetching md4c $MD4C_VERSION source from Debian's source package"
  mkdir -p deps
  ( cd deps
    apt-get source --tar-only "md4c=$MD4C_VERSION-1" >/dev/null 2>&1 || apt-get source --tar-only md4c
    tarball="md4c_$MD4C_VERSION.orig.tar.gz"
    echo "$MD4C_SHA256  $tarball" | sha256sum -c --quiet
    tar xzf "$tarball" )
fi

if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/katex ] || [ ! -d node_modules/@highlightjs/cdn-assets ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --ignore-scripts
fi
echo "setup: ok"
