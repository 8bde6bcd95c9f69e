#!/usr/bin/env bash
# The figures in docs/performance.md, in one run: for each backend the HTTP booking rate
# (closed loop, 64 clients), the in-process ceilings (the booking use case, and the bare
# transaction), the HTTP latency at a fixed offered rate (open loop), and the seminar
# opening (1,000 users for 100 seats at once; on PostgreSQL also across two replicas).
# Usage: bench/perf.sh [sqlite|postgres|both]   (PostgreSQL at 127.0.0.1:5432, user postgres)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${CARGO_TARGET_DIR:-$root/target}/release"
which="${1:-both}"
rate="${RATE:-1000}"
secs="${SECONDS_PER_RUN:-10}"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
common=(--clients 64 --users 400 --days 20 --seconds "$secs")

# shellcheck source=bench/common.sh
. "$root/bench/common.sh"
run() { echo; echo "### $*"; "$bin/madoguchi-bench" "$@" | grep -E "mode|bookings/s|latency|refusals|consistency|time to full|answers|cancellations"; }
opening=(--scenario seminar-opening --users 1000 --seats 100 --waitlist 850 --clients 64)

for b in sqlite postgres; do
  [ "$which" = both ] || [ "$which" = "$b" ] || continue
  echo; echo "## $b"
  u=$(fresh "$b" perf_http); serve "$u" 18181
  run --base-url http://127.0.0.1:18181 --database-url "$u" "${common[@]}"
  kill %1; wait %1 2>/dev/null || true
  u=$(fresh "$b" perf_rate); serve "$u" 18182
  run --base-url http://127.0.0.1:18182 --database-url "$u" "${common[@]}" --rate "$rate"
  kill %1; wait %1 2>/dev/null || true
  run --store-only --database-url "$(fresh "$b" perf_store)" "${common[@]}"
  run --store-only --raw --database-url "$(fresh "$b" perf_raw)" "${common[@]}"
  # The seminar opening: 1,000 users for 100 seats and 850 waiting places, at once.
  u=$(fresh "$b" perf_sem); serve "$u" 18185
  run --base-url http://127.0.0.1:18185 --database-url "$u" "${opening[@]}"
  kill %1; wait %1 2>/dev/null || true
  run --store-only --database-url "$(fresh "$b" perf_sem_store)" "${opening[@]}"
  if [ "$b" = postgres ]; then
    u=$(fresh "$b" perf_two); serve "$u" 18183; serve "$u" 18184
    run --base-url http://127.0.0.1:18183,http://127.0.0.1:18184 --database-url "$u" "${common[@]}"
    run --base-url http://127.0.0.1:18183,http://127.0.0.1:18184 --database-url "$u" "${opening[@]}"
    kill %1 %2; wait 2>/dev/null || true
  fi
done
