#!/usr/bin/env bash
# Print the median of every criterion benchmark run so far (target/criterion/*/new), which is the
# figure the README quotes. Run after `cargo bench --bench search` (and index_build, startup).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d target/criterion ]] || { echo "no benchmark results yet: run cargo bench first" >&2; exit 2; }
find target/criterion -path '*/new/estimates.json' -print0 | sort -z | while IFS= read -r -d '' f; do
  name=${f#target/criterion/}
  name=${name%/new/estimates.json}
  python3 - "$f" "$name" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["median"]
def fmt(ns):
    return f"{ns / 1e6:.1f} ms" if ns >= 1e6 else f"{ns / 1e3:.1f} µs"
lo, hi = d["confidence_interval"]["lower_bound"], d["confidence_interval"]["upper_bound"]
print(f"{sys.argv[2]:<48} median {fmt(d['point_estimate']):>10}   [{fmt(lo)} – {fmt(hi)}]")
PY
done
