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

serve() { # url port
  "$bin/madoguchi" migrate --database-url "$1" >/dev/null
  MADOGUCHI_DATABASE__MAX_CONNECTIONS=16 "$bin/madoguchi" serve --listen "127.0.0.1:$2" --database-url "$1" \
    >"$work/serve-$2.log" 2>&1 &
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null && return 0; sleep 0.1; done
  return 1
}
fresh() { # backend name -> url
  if [ "$1" = sqlite ]; then echo "sqlite:$work/$2.db"; else
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $2" -c "CREATE DATABASE $2" >/dev/null
    echo "postgres://postgres@127.0.0.1:5432/$2"; fi
}
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
