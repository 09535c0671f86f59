#!/usr/bin/env bash
# Load test: /api/search throughput over the relevance queries (tests/relevance.toml, rotated by
# scripts/load.lua) as a share of /healthz throughput on the same server, 64 connections. Prints
# both rates, the ratio and the error counts; exits non-zero below the target or on any error.
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
#   TARGET_RATIO  the pass mark (default 0.5)
set -euo pipefail

cd "$(dirname "$0")/.."
ADDR="${1:-127.0.0.1:18080}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
TARGET_RATIO="${TARGET_RATIO:-0.5}"
QUERIES="tests/relevance.toml"

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
  cargo build --release --quiet --bin talentdex
  WORK_DIR=$(mktemp -d)
  cache_flag=()
  [[ -n "${SEARCH_CACHE:-}" ]] && cache_flag=(--search-cache "$SEARCH_CACHE")
  target/release/talentdex --index "$WORK_DIR/index" serve --addr "$ADDR" "${cache_flag[@]}" \
    >"$WORK_DIR/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    healthy && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK_DIR/server.log" >&2; die "the server stopped"; }
    sleep 0.5
  done
  healthy || die "the server did not answer within 60 s"
  echo "target: target/release/talentdex started on $ADDR (search cache: ${SEARCH_CACHE:-default})"
fi

# run NAME URL [SCRIPT ARG]: warm up, measure, and print "rate errors" for the measurement.
run() {
  local name=$1 url=$2
  local script=()
  [[ $# -ge 4 ]] && script=(-s "$3" "$url" -- "$4") || script=("$url")
  local out
  if [[ "$WARMUP" -gt 0 ]]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "${script[@]}" >/dev/null
  fi
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${script[@]}")
  echo "$out" | sed "s/^/  [$name] /" >&2
  local rate non2xx sockets
  rate=$(echo "$out" | awk '/^Requests\/sec:/ {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx or 3xx responses:/ {print $NF}')
  sockets=$(echo "$out" | awk -F'[ ,]+' '/Socket errors:/ {print $4 + $6 + $8 + $10}')
  echo "${rate:-0} $(( ${non2xx:-0} + ${sockets:-0} ))"
}

echo "wrk: $THREADS threads, $CONNECTIONS connections, ${WARMUP}s warm-up + ${DURATION}s per endpoint"
read -r health_rate health_errors < <(run healthz "http://$ADDR/healthz")
read -r search_rate search_errors < <(run search "http://$ADDR" scripts/load.lua "$QUERIES")

ratio=$(awk -v s="$search_rate" -v h="$health_rate" 'BEGIN { if (h > 0) printf "%.3f", s / h; else print "0" }')
echo
printf '/healthz     %12.1f req/s   errors %s\n' "$health_rate" "$health_errors"
printf '/api/search  %12.1f req/s   errors %s   (%s queries rotated)\n' "$search_rate" "$search_errors" \
  "$(grep -c '^q = ' "$QUERIES")"
echo "ratio search/healthz: $ratio (target >= $TARGET_RATIO, 0 errors)"

pass=$(awk -v r="$ratio" -v t="$TARGET_RATIO" 'BEGIN { print (r >= t) ? 1 : 0 }')
if [[ "$pass" == 1 && "$health_errors" == 0 && "$search_errors" == 0 ]]; then
  echo "PASS"
else
  echo "FAIL"
  exit 1
fi
