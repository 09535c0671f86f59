#!/usr/bin/env bash
# The index damage matrix: for every kind of index file × kind of damage, damage a fresh index
# and open it with `talentdex search` (which opens, verifies, and rebuilds when it must); print
# what happened. Then damage every file of the index of a running server (loopback) and check
# that it keeps answering. Bounded: one build and one open per cell.
#
#   scripts/attack/index_damage.sh [path/to/talentdex]
set -u
BIN=${1:-target/release/talentdex}
CORPUS=${CORPUS:-corpus}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null' EXIT
"$BIN" --corpus "$CORPUS" --index "$WORK/pristine" index >/dev/null 2>&1 || { echo "cannot build"; exit 1; }

damage() { # file kind
  case "$2" in
    flip) python3 - "$1" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
for i in range(len(b) // 3, len(b) // 3 + 4):
    if i < len(b):
        b[i] ^= 0xFF
open(p, "wb").write(bytes(b))
PY
    ;;
    truncate) truncate -s $(( $(stat -c %s "$1") / 2 )) "$1" ;;
    empty) : > "$1" ;;
    delete) rm -f "$1" ;;
  esac
}

printf '%-14s %-9s %s\n' file damage outcome
for file in $(ls "$WORK/pristine/tantivy"); do
  ext=${file##*.}
  [ "$file" = "$ext" ] && ext=$file
  for kind in flip truncate empty delete; do
    rm -rf "$WORK/cell"; cp -r "$WORK/pristine" "$WORK/cell"
    damage "$WORK/cell/tantivy/$file" "$kind"
    out=$("$BIN" --corpus "$CORPUS" --index "$WORK/cell" search 芯片 --json 2>"$WORK/err")
    rc=$?
    why=$(grep -oE '(the index [a-z ]*: [^;"]*|no index yet)' "$WORK/err" | head -1 | cut -c1-70)
    hits=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null || echo "-")
    if [ $rc -eq 0 ] && [ -n "$why" ]; then verdict="rebuilt, $hits hits ($why)";
    elif [ $rc -eq 0 ]; then verdict="opened as it is, $hits hits";
    else verdict="FAILED exit $rc: $(tail -1 "$WORK/err" | cut -c1-80)"; fi
    printf '%-14s %-9s %s\n' "*.$ext" "$kind" "$verdict"
  done
done

# While serving: damage every file, then ask.
PORT=${PORT:-18931}
rm -rf "$WORK/live"; cp -r "$WORK/pristine" "$WORK/live"
"$BIN" --corpus "$CORPUS" --index "$WORK/live" serve --addr 127.0.0.1:$PORT 2>"$WORK/serve.log" &
SERVER=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done
for f in "$WORK"/live/tantivy/*; do truncate -s 0 "$f"; done
s=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/search?q=%E8%8A%AF%E7%89%87")
r=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")
alive=$(kill -0 $SERVER 2>/dev/null && echo alive || echo dead)
echo "every file truncated to 0 while serving: search $s, readyz $r, server $alive"
