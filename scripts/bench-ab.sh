#!/usr/bin/env bash
# Compare two builds of one criterion benchmark on a shared, noisy machine: run binary A and
# binary B alternately, ROUNDS times each, and print every round's median and the median of the
# B/A ratios (the figure docs/figures.md quotes). Stop other builds first.
#
#   scripts/bench-ab.sh A_BINARY B_BINARY FILTER [ROUNDS]
#   scripts/bench-ab.sh /tmp/base-search target/release/deps/search-<hash> 'relevance_set_per_query$' 5
#
# Binaries are the `target/release/deps/<bench>-<hash>` files `cargo bench --no-run` prints; copy
# the "before" one aside before rebuilding. FILTER must select exactly one benchmark.
set -euo pipefail
[[ $# -ge 3 ]] || { sed -n '2,10p' "$0" >&2; exit 2; }
a=$1 b=$2 filter=$3 rounds=${4:-5}
cd "$(dirname "$0")/.."
for bin in "$a" "$b"; do
  [[ -x $bin ]] || { echo "not an executable: $bin" >&2; exit 2; }
done
median_of_last_run() {
  # criterion writes the run's estimates under target/criterion/<group>/<name>/new.
  local f
  f=$(find target/criterion -path '*/new/estimates.json' -newer "$1" -print | head -n 1)
  [[ -n $f ]] || { echo "no estimates written: does '$filter' select a benchmark?" >&2; exit 1; }
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["median"]["point_estimate"])' "$f"
}
stamp=$(mktemp)
trap 'rm -f "$stamp"' EXIT
ratios=()
for ((round = 1; round <= rounds; round++)); do
  row=()
  for bin in "$a" "$b"; do
    touch "$stamp"
    sleep 1
    "$bin" --bench --warm-up-time 2 --measurement-time 6 "$filter" >/dev/null 2>&1
    row+=("$(median_of_last_run "$stamp")")
  done
  ratio=$(python3 -c "print(f'{${row[1]} / ${row[0]}:.3f}')")
  ratios+=("$ratio")
  python3 -c "
a, b = ${row[0]}, ${row[1]}
fmt = lambda ns: f'{ns / 1e6:.2f} ms' if ns >= 1e6 else f'{ns / 1e3:.1f} µs'
print(f'round $round: A {fmt(a):>10}   B {fmt(b):>10}   B/A $ratio')"
done
python3 -c "
import statistics, sys
print(f'median B/A over $rounds rounds: {statistics.median(float(r) for r in sys.argv[1:]):.3f}')" "${ratios[@]}"
