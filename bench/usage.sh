#!/usr/bin/env bash
# PV-1's cost: HTTP booking throughput with the usage record on and off, in one session,
# alternating off/on runs so machine noise falls on both. After each "on" run the server
# is stopped gracefully and `audit verify` checks every entry arrived, chained (PV-3). On
# PostgreSQL it ends with two `serve` processes recording into one database.
# Usage: bench/usage.sh [sqlite|postgres|both]   (ROUNDS, SECONDS_PER_RUN)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${CARGO_TARGET_DIR:-$root/target}/release"
which="${1:-both}"
rounds="${ROUNDS:-3}"
secs="${SECONDS_PER_RUN:-10}"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

# shellcheck source=bench/common.sh
. "$root/bench/common.sh"

one() { # backend record(true|false) -> bookings/s
  local u pid rate
  u=$(fresh "$1" "perf_usage_$2")
  MADOGUCHI_USAGE__RECORD="$2" serve "$u" 18191
  pid=$!
  rate=$("$bin/madoguchi-bench" --base-url http://127.0.0.1:18191 --database-url "$u" \
    --clients 64 --users 400 --days 20 --seconds "$secs" | tee "$work/bench.log" \
    | sed -n 's/.*bookings\/s: \([0-9]*\).*/\1/p')
  kill -TERM "$pid"; wait "$pid" || true
  if [ "$2" = true ]; then
    "$bin/madoguchi" audit --database-url "$u" verify | tail -1 >&2
  fi
  echo "$rate"
}

for b in sqlite postgres; do
  [ "$which" = both ] || [ "$which" = "$b" ] || continue
  off=0; on=0
  for r in $(seq 1 "$rounds"); do
    x=$(one "$b" false); y=$(one "$b" true)
    echo "$b round $r: usage record off $x bookings/s, on $y bookings/s"
    off=$((off + x)); on=$((on + y))
  done
  awk -v b="$b" -v off="$off" -v on="$on" -v n="$rounds" \
    'BEGIN { printf "%s: off %.0f/s, on %.0f/s (mean of %d), on/off = %.1f%%\n", b, off/n, on/n, n, 100*on/off }'
  if [ "$b" = postgres ]; then
    # Two replicas recording into one database: one chain each, both whole after the stop.
    u=$(fresh postgres perf_usage_two)
    pids=()
    for port in 18193 18194; do serve "$u" "$port"; pids+=("$!"); done
    "$bin/madoguchi-bench" --base-url http://127.0.0.1:18193,http://127.0.0.1:18194 --database-url "$u" \
      --clients 64 --users 400 --days 20 --seconds "$secs" | grep -E "bookings/s|consistency"
    kill -TERM "${pids[@]}"; wait "${pids[@]}" || true
    "$bin/madoguchi" audit --database-url "$u" verify
  fi
done
