#!/usr/bin/env bash
# Runs every fuzz target for a set time and prints a table. `make fuzz` calls
# it after building build/fuzz (clang, -fsanitize=fuzzer,address,undefined).
#   tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
# Each target starts from its seeds (tests/fuzz/corpus/<target>/, its
# regressions; for Markdown also md4c's seed corpus and the shared hostile
# corpus tests/corpus/hostile-markdown.json) and grows a working
# corpus in BUILD_DIR/fuzz-corpus/<target>/ that later runs reuse. A finding
# (crash, failed property, leak, timeout, out of memory) is saved in
# BUILD_DIR/findings/<target>/; copy it to tests/fuzz/regressions/<target>/,
# named after the bug, so that CTest replays it. Exit status 1 on findings.
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${1:?build folder}
seconds=${2:-60}
shift 2 || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(index markdown route date url controller front_matter md4c)
md4c_seeds=$(ls -d deps/md4c-*/test/fuzzers/seed-corpus 2>/dev/null | head -1)

max_len() {
  case $1 in
    index|front_matter) echo 8192 ;; markdown|md4c) echo 4096 ;; controller) echo 256 ;;
    url) echo 256 ;; route) echo 128 ;; date) echo 64 ;; *) echo 4096 ;;
  esac
}

rows=()
total_findings=0
for t in "${targets[@]}"; do
  exe="$build/tests/fuzz/fuzz_$t"
  [ -x "$exe" ] || { echo "run.sh: $exe not built" >&2; exit 2; }
  work="$build/fuzz-corpus/$t" findings="$build/findings/$t" log="$build/fuzz-$t.log"
  mkdir -p "$work" "$findings"
  seeds=()
  [ -d "tests/fuzz/corpus/$t" ] && seeds+=("tests/fuzz/corpus/$t")
  [ -d "tests/fuzz/regressions/$t" ] && seeds+=("tests/fuzz/regressions/$t")
  if [ "$t" = markdown ] || [ "$t" = md4c ]; then [ -n "$md4c_seeds" ] && seeds+=("$md4c_seeds"); fi
  if [ "$t" = markdown ] && [ -f tests/corpus/hostile-markdown.json ]; then
    python3 tests/fuzz/hostile_seeds.py tests/corpus/hostile-markdown.json "$build/hostile-inputs" >/dev/null &&
      seeds+=("$build/hostile-inputs")
  fi
  before=$(find "$findings" -type f | wc -l)
  echo "fuzz: $t for ${seconds}s (max_len $(max_len "$t"))" >&2
  start=$(date +%s.%N)
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$exe" -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$findings/" "$work" "${seeds[@]}" >"$log" 2>&1
  rc=$?
  end=$(date +%s.%N)
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  [ -n "$execs" ] || execs=$(grep -o '^#[0-9]*' "$log" | tr -d '#' | tail -1)
  corpus=$(grep -o 'corp: [0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  after=$(find "$findings" -type f | wc -l)
  found=$((after - before))
  [ "$rc" = 0 ] || [ "$found" -gt 0 ] || found="rc=$rc"
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.0f", b-a}')
  rate=$(awk -v e="${execs:-0}" -v s="$secs" 'BEGIN{printf "%.0f", (s > 0) ? e / s : 0}')
  rows+=("$t|$secs|${execs:-?}|$rate|${corpus:-?}|$found")
  if [ "$found" != 0 ]; then
    total_findings=$((total_findings + 1))
    echo "fuzz: $t: finding(s) in $findings/ (log: $log):" >&2
    grep -A6 -E '\*\*\* fuzz property failed|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error' "$log" | head -20 >&2
  fi
done

printf '\n| %-10s | %7s | %12s | %9s | %6s | %-8s |\n' target seconds executions "exec/s" corpus findings
printf '|%s|%s|%s|%s|%s|%s|\n' ------------ --------- -------------- ----------- -------- ----------
for r in "${rows[@]}"; do
  IFS='|' read -r t s e x c f <<<"$r"
  printf '| %-10s | %7s | %12s | %9s | %6s | %-8s |\n' "$t" "$s" "$e" "$x" "$c" "$f"
done
if [ "$total_findings" -gt 0 ]; then
  echo "Reproduce: $build/tests/fuzz/fuzz_<target> <file>; keep it as tests/fuzz/regressions/<target>/<the-bug>." >&2
  exit 1
fi
