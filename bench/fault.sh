#!/usr/bin/env bash
# Fault check: kill -9 the server in the middle of a booking run, restart it, and prove that
# every booking answered 201 is present and confirmed and nothing is over capacity.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${CARGO_TARGET_DIR:-$root/target}/${PROFILE:-debug}"
work="$(mktemp -d)"
db="sqlite:$work/fault.db"
port=$((20000 + RANDOM % 20000))
start() { "$dir/madoguchi" serve --listen "127.0.0.1:$port" --database-url "$db" >>"$work/server.log" 2>&1 & server=$!; }
wait_up() { for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

"$dir/madoguchi" migrate --database-url "$db" >/dev/null
start; wait_up
"$dir/madoguchi-bench" --base-url "http://127.0.0.1:$port" --database-url "$db" --clients 16 --users 60 --days 10 \
  --seconds 20 --record "$work/acked.txt" >"$work/bench.log" 2>&1 &
bench=$!
# Kill the server while bookings are in flight.
for _ in $(seq 1 200); do [ -s "$work/acked.txt" ] && [ "$(wc -l <"$work/acked.txt")" -ge 50 ] && break; sleep 0.05; done
kill -9 "$server"
wait "$server" 2>/dev/null || true
wait "$bench" || true
# The restarted server must come up on the same file and stop cleanly.
start; wait_up
kill -TERM "$server"
wait "$server"
"$dir/madoguchi-bench" --verify "$work/acked.txt" --database-url "$db"
