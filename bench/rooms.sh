#!/usr/bin/env bash
# The built-in room under load (MT-3): 500 rooms happening now, 1,000 WebSocket clients (a
# job seeker and a counsellor each), signalling messages echoed for 20 s. Prints the round
# trip (p50/p99), messages lost, and the server's RSS and CPU time (docs/performance.md).
# Usage: bench/rooms.sh [sqlite|postgres|postgres2]   (PostgreSQL at 127.0.0.1:5432, user postgres)
#   postgres2: two `serve` processes on one database; job seekers on the first, counsellors
#   on the second, so every message crosses through LISTEN/NOTIFY. RSS and CPU of both are
#   printed after the run (CPU since each started).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${CARGO_TARGET_DIR:-$root/target}/${PROFILE:-release}"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
# shellcheck source=bench/common.sh
. "$root/bench/common.sh"
ulimit -n 8192
mode="${1:-sqlite}"
backend="$mode"; [ "$mode" = postgres2 ] && backend=postgres
u=$(fresh "$backend" perf_rooms); serve "$u" 18191; first=$!
base=http://127.0.0.1:18191
if [ "$mode" = postgres2 ]; then
  serve "$u" 18192; second=$!
  base="$base,http://127.0.0.1:18192"
fi
status=0
"$bin/madoguchi-bench" --scenario rooms --users "${ROOMS:-500}" --seconds "${SECONDS_PER_RUN:-20}" \
  --base-url "$base" --database-url "$u" --server-pid "$first" || status=$?
if [ "$mode" = postgres2 ]; then
  for pid in "$first" "$second"; do
    echo "serve $pid: RSS $(awk '/VmRSS/ {printf "%.1f MiB", $2/1024}' "/proc/$pid/status"), CPU $(ps -o time= -p "$pid" | tr -d ' ') since start"
  done
fi
exit "$status"
