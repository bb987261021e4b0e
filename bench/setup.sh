#!/usr/bin/env bash
# Installs what bench/build.mjs compares against: Debian's hugo, from the
# machine's own apt configuration (no host is named here). Safe to run twice:
# does nothing when a hugo is already on PATH.
set -euo pipefail

if command -v hugo >/dev/null 2>&1; then
  exit 0
fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

echo "bench/setup: installing Debian's hugo (apt-get install hugo)" >&2
export DEBIAN_FRONTEND=noninteractive
if ! as_root apt-get install -y -qq --no-install-recommends hugo >/dev/null; then
  # a machine whose package lists are stale or empty
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends hugo >/dev/null
fi
command -v hugo >/dev/null 2>&1 || { echo "bench/setup: hugo is still not on PATH" >&2; exit 1; }
