#!/usr/bin/env bash
# Load test: /api/search throughput over the relevance queries (tests/relevance.toml and
# tests/relevance_people.toml, rotated by scripts/load.lua) as a share of /healthz throughput on
# the same server, 64 connections — once plain and once with `Accept-Encoding: br, gzip`, as
# browsers send it, so both ratios come from one run on one server. Prints the rates, p50/p99
# latency, bytes per answer, the ratios, the error counts and — for a server it started — the
# server's resident memory before and after; exits non-zero below a target, on any error, over
# the p99 bound, or when memory grew by more than MAX_RSS_GROWTH percent.
#
# Issue 15, every request searched afresh: SEARCH_CACHE=0 scripts/load.sh
#
# The soak of issue 7: DURATION=60 CONNECTIONS=256 scripts/load.sh
#
# Needs wrk — Debian/Ubuntu: `sudo apt-get update && sudo apt-get install -y wrk`
#             macOS: `brew install wrk`
#
# Usage: scripts/load.sh [HOST:PORT]
#   With HOST:PORT, targets a running server there (it should be a release build). Without, builds
#   `target/release/talentdex` if needed and starts it on 127.0.0.1:18080 with its index in a
#   temporary directory, and stops it at the end. Only loopback addresses are accepted.
# Environment:
#   DURATION      seconds per measurement (default 10; 1–120)
#   WARMUP        seconds of warm-up per endpoint before measuring (default 2; 0–30)
#   CONNECTIONS   open connections (default 64)
#   THREADS       wrk threads (default 2)
#   SEARCH_CACHE  for a started server: search answers it caches (default: the server's
#                 default; 0 measures every request searched and serialised afresh)
#   TARGET_RATIO  the pass mark, plain answers (default 0.5)
#   TARGET_RATIO_COMPRESSED  the pass mark, compressed answers (default 0.35)
#   MAX_P99_MS    the largest accepted p99 latency of search, in ms (default 20)
#   QUERIES       the query files rotated (default tests/relevance.toml tests/relevance_people.toml)
#   ENCODING      the Accept-Encoding of the compressed run (default "br, gzip")
#   BINARY        the server to start (default target/release/talentdex, built when missing);
#                 another build's binary measures a baseline on the same machine
#   MAX_RSS_GROWTH  largest accepted growth of the server's memory, percent (default 10)
set -euo pipefail

cd "$(dirname "$0")/.."
ADDR="${1:-127.0.0.1:18080}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
TARGET_RATIO="${TARGET_RATIO:-0.5}"
TARGET_RATIO_COMPRESSED="${TARGET_RATIO_COMPRESSED:-0.35}"
MAX_P99_MS="${MAX_P99_MS:-20}"
MAX_RSS_GROWTH="${MAX_RSS_GROWTH:-10}"
QUERIES="${QUERIES:-tests/relevance.toml tests/relevance_people.toml}"
ENCODING="${ENCODING:-br, gzip}"

die() { echo "load.sh: $*" >&2; exit 2; }

command -v wrk >/dev/null || die "wrk not found; install it: sudo apt-get update && sudo apt-get install -y wrk (macOS: brew install wrk)"
[[ "$DURATION" =~ ^[0-9]+$ && "$DURATION" -ge 1 && "$DURATION" -le 120 ]] || die "DURATION must be 1–120 seconds"
[[ "$WARMUP" =~ ^[0-9]+$ && "$WARMUP" -le 30 ]] || die "WARMUP must be 0–30 seconds"
[[ "$CONNECTIONS" =~ ^[0-9]+$ && "$CONNECTIONS" -ge 1 ]] || die "CONNECTIONS must be a positive number"
HOST="${ADDR%:*}"
PORT="${ADDR##*:}"
case "$HOST" in
  127.*|localhost|"[::1]") ;;
  *) die "only loopback addresses (127.x.x.x, localhost, [::1]) are load-tested, not $HOST" ;;
esac
[[ "$PORT" =~ ^[0-9]+$ ]] || die "no port in $ADDR"

healthy() {
  local reply
  reply=$({ exec 3<>"/dev/tcp/${HOST//[\[\]]/}/$PORT" \
    && printf 'GET /healthz HTTP/1.0\r\nHost: %s\r\n\r\n' "$HOST" >&3 && cat <&3; } 2>/dev/null) || return 1
  [[ "$reply" == *'"ok"'* ]]
}

SERVER_PID=""
WORK_DIR=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [[ -n "$WORK_DIR" ]]; then rm -rf "$WORK_DIR"; fi
}
trap cleanup EXIT

if [[ $# -ge 1 ]]; then
  healthy || die "no talentdex answers /healthz at $ADDR"
  echo "target: the running server at $ADDR"
else
  healthy && die "something already answers at $ADDR; pass it as an argument to target it"
  BINARY="${BINARY:-target/release/talentdex}"
  [[ "$BINARY" == target/release/talentdex ]] && cargo build --release --quiet --bin talentdex
  WORK_DIR=$(mktemp -d)
  cache_flag=()
  [[ -n "${SEARCH_CACHE:-}" ]] && cache_flag=(--search-cache "$SEARCH_CACHE")
  "$BINARY" --index "$WORK_DIR/index" serve --addr "$ADDR" "${cache_flag[@]}" \
    >"$WORK_DIR/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    healthy && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK_DIR/server.log" >&2; die "the server stopped"; }
    sleep 0.5
  done
  healthy || die "the server did not answer within 60 s"
  echo "target: $BINARY started on $ADDR (search cache: ${SEARCH_CACHE:-default})"
fi

# The started server's resident memory in KiB (empty when targeting someone else's server).
rss_kib() {
  [[ -n "$SERVER_PID" ]] && awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || true
}

# Milliseconds of a wrk latency figure (`850.00us`, `7.97ms`, `1.02s`).
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000
    printf "%.2f", n }'
}

# Bytes of a wrk transfer figure (`12.5MB`).
to_bytes() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /KB$/) n *= 1024; else if (v ~ /MB$/) n *= 1048576; else if (v ~ /GB$/) n *= 1073741824
    printf "%.0f", n }'
}

# run NAME URL [SCRIPT ARGS...]: warm up, measure, and print "rate errors p50 p99 bytes" for the
# measurement (bytes: per answer, body and headers). HEADER, when set, is sent with every request.
run() {
  local name=$1 url=$2
  shift 2
  local script=()
  [[ $# -ge 2 ]] && script=(-s "$1" "$url" -- "${@:2}") || script=("$url")
  local header=()
  [[ -n "${HEADER:-}" ]] && header=(-H "$HEADER")
  local out
  if [[ "$WARMUP" -gt 0 ]]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "${header[@]}" "${script[@]}" >/dev/null
  fi
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${header[@]}" "${script[@]}")
  echo "$out" | sed "s/^/  [$name] /" >&2
  local rate non2xx sockets
  rate=$(echo "$out" | awk '/^Requests\/sec:/ {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx or 3xx responses:/ {print $NF}')
  sockets=$(echo "$out" | awk -F'[ ,]+' '/Socket errors:/ {print $4 + $6 + $8 + $10}')
  local p50 p99
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  local transfer
  transfer=$(echo "$out" | awk '/^Transfer\/sec:/ {print $2}')
  local bytes
  bytes=$(awk -v t="$(to_bytes "${transfer:-0}")" -v r="${rate:-0}" 'BEGIN { if (r > 0) printf "%.0f", t / r; else print 0 }')
  echo "${rate:-0} $(( ${non2xx:-0} + ${sockets:-0} )) ${p50:--} ${p99:--} $bytes"
}

echo "wrk: $THREADS threads, $CONNECTIONS connections, ${WARMUP}s warm-up + ${DURATION}s per endpoint"
# Memory is compared from after a warm-up (the answer cache full, buffers grown) to the end, so
# growth means a leak, not the service settling in.
if [[ -n "$SERVER_PID" && "$WARMUP" -gt 0 ]]; then
  # shellcheck disable=SC2086 # QUERIES is a list of files
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s scripts/load.lua "http://$ADDR" -- $QUERIES >/dev/null
fi
rss_before=$(rss_kib)
# shellcheck disable=SC2086
{
  read -r health_rate health_errors health_p50 health_p99 _ < <(run healthz "http://$ADDR/healthz")
  read -r search_rate search_errors search_p50 search_p99 search_bytes < <(run search "http://$ADDR" scripts/load.lua $QUERIES)
  read -r zip_rate zip_errors zip_p50 zip_p99 zip_bytes < <(HEADER="Accept-Encoding: $ENCODING" run search-compressed "http://$ADDR" scripts/load.lua $QUERIES)
}
rss_after=$(rss_kib)

ratio_of() { awk -v s="$1" -v h="$health_rate" 'BEGIN { if (h > 0) printf "%.3f", s / h; else print "0" }'; }
ratio=$(ratio_of "$search_rate")
zip_ratio=$(ratio_of "$zip_rate")
# shellcheck disable=SC2086
queries=$(cat $QUERIES | grep -c '^q = ')
echo
printf '/healthz                 %10.1f req/s   p50 %-8s p99 %-8s errors %s\n' "$health_rate" "$health_p50" "$health_p99" "$health_errors"
printf '/api/search              %10.1f req/s   p50 %-8s p99 %-8s errors %s   %s bytes/answer (%s queries rotated)\n' \
  "$search_rate" "$search_p50" "$search_p99" "$search_errors" "$search_bytes" "$queries"
printf '/api/search %-12s %10.1f req/s   p50 %-8s p99 %-8s errors %s   %s bytes/answer\n' "($ENCODING)" \
  "$zip_rate" "$zip_p50" "$zip_p99" "$zip_errors" "$zip_bytes"
echo "ratio search/healthz, plain: $ratio (target >= $TARGET_RATIO)"
echo "ratio search/healthz, compressed: $zip_ratio (target >= $TARGET_RATIO_COMPRESSED)"
worst_p99=$(awk -v a="$(to_ms "$search_p99")" -v b="$(to_ms "$zip_p99")" 'BEGIN { print (a > b) ? a : b }')
echo "search p99, worse of the two: ${worst_p99} ms (target <= ${MAX_P99_MS} ms)"
rss_ok=1
if [[ -n "$rss_before" && -n "$rss_after" ]]; then
  growth=$(awk -v a="$rss_before" -v b="$rss_after" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')
  echo "server memory (RSS): ${rss_before} KiB before, ${rss_after} KiB after: ${growth}% (target <= ${MAX_RSS_GROWTH}%)"
  rss_ok=$(awk -v g="$growth" -v m="$MAX_RSS_GROWTH" 'BEGIN { print (g <= m) ? 1 : 0 }')
fi

pass=$(awk -v r="$ratio" -v t="$TARGET_RATIO" -v z="$zip_ratio" -v tz="$TARGET_RATIO_COMPRESSED" \
  -v p="$worst_p99" -v mp="$MAX_P99_MS" -v m="$rss_ok" \
  'BEGIN { print (r >= t && z >= tz && p <= mp && m == 1) ? 1 : 0 }')
if [[ "$pass" == 1 && "$health_errors" == 0 && "$search_errors" == 0 && "$zip_errors" == 0 ]]; then
  echo "PASS"
else
  echo "FAIL"
  exit 1
fi
