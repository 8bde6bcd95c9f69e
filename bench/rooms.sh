#!/usr/bin/env bash
# The built-in room under load (MT-3): 500 rooms happening now, 1,000 WebSocket clients (a
# job seeker and a counsellor each), signalling messages echoed for 20 s. Prints the round
# trip (p50/p99) and the server's RSS and CPU time (docs/performance.md).
# Usage: bench/rooms.sh [sqlite|postgres]   (PostgreSQL at 127.0.0.1:5432, user postgres)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${CARGO_TARGET_DIR:-$root/target}/${PROFILE:-release}"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
# shellcheck source=bench/common.sh
. "$root/bench/common.sh"
ulimit -n 8192
u=$(fresh "${1:-sqlite}" perf_rooms); serve "$u" 18191
"$bin/madoguchi-bench" --scenario rooms --users "${ROOMS:-500}" --seconds "${SECONDS_PER_RUN:-20}" \
  --base-url http://127.0.0.1:18191 --database-url "$u" --server-pid "$!"
