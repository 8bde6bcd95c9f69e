#!/usr/bin/env bash
# Browser tests: start `madoguchi serve --demo` on a fresh SQLite file, drive Debian's
# Chromium with playwright-core, check every page with axe-core, stop the server.
#
#   MADOGUCHI_BIN=path/to/madoguchi bash tests/e2e/run.sh
#
# MADOGUCHI_BIN defaults to target/debug/madoguchi (under CARGO_TARGET_DIR if set), built
# with `cargo build -p madoguchi` when absent. Only 127.0.0.1 is ever contacted; no
# browser is downloaded (playwright-core drives /usr/bin/chromium from Debian).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${MADOGUCHI_BIN:-${CARGO_TARGET_DIR:-$root/target}/debug/madoguchi}"
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac

if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
if [ ! -x /usr/bin/turnserver ]; then
  # The built-in room's TURN test (room.test.mjs) runs coturn on 127.0.0.1.
  echo "== installing coturn"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq coturn >/dev/null
fi
if [ ! -x "$bin" ]; then
  echo "== building $bin"
  (cd "$root" && cargo build -p madoguchi)
fi
(cd "$here" && npm ci --no-audit --no-fund --silent)
# room.test.mjs starts servers of its own (a test clock, coturn, a PostgreSQL pair).
export MADOGUCHI_BIN="$bin"

work="$(mktemp -d)"
servers=()
stop_servers() {
  for server in "${servers[@]}"; do
    if kill -0 "$server" 2>/dev/null; then
      kill -TERM "$server" 2>/dev/null || true
      # A graceful stop takes well under a second; never hang the run on it.
      for _ in $(seq 1 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "$server" 2>/dev/null || true
      wait "$server" 2>/dev/null || true
    fi
  done
  rm -rf "$work"
}
trap stop_servers EXIT

# start NAME [FLAGS…]: a demo server on its own SQLite file; sets $url to its address.
start() {
  local name="$1"; shift
  local out="$work/$name.stdout.log"
  # The product reads every MADOGUCHI_… variable as configuration and refuses unknown ones,
  # so the harness's own MADOGUCHI_BIN must not reach it.
  # The suite registers more than the default ten accounts an hour from 127.0.0.1 (the limit
  # itself is tested in the Rust tests), so the demo servers here allow more.
  (cd "$work" && exec env -u MADOGUCHI_BIN MADOGUCHI_SECURITY__REGISTRATIONS_PER_HOUR=200 \
    "$bin" serve --demo "$@" --listen 127.0.0.1:0 \
    --database-url "sqlite:$work/$name.db" >"$out" 2>"$work/$name.stderr.log") &
  servers+=("$!")
  url=""
  for _ in $(seq 1 300); do
    url="$(grep -o 'Open http://127\.0\.0\.1:[0-9]*/' "$out" 2>/dev/null | head -1 | sed 's/^Open //' || true)"
    [ -n "$url" ] && break
    kill -0 "${servers[-1]}" 2>/dev/null || break
    sleep 0.2
  done
  if [ -z "$url" ]; then
    echo "error: the server did not start ($bin); its output:" >&2
    cat "$out" "$work/$name.stderr.log" >&2 || true
    exit 1
  fi
  # The demo credentials are printed right after the address; some tests read them.
  for _ in $(seq 1 25); do grep -q '^Demo staff' "$out" && break; sleep 0.2; done
}

start e2e
echo "== browser tests against $url"
export BASE_URL="${url%/}" MADOGUCHI_STDOUT="$work/e2e.stdout.log"
# A second server whose clock the tests move forward (no-shows, the day of a consultation).
start clock --test-clock
export CLOCK_BASE_URL="${url%/}" CLOCK_STDOUT="$work/clock.stdout.log"
cd "$here"
status=0
# E2E_FILES narrows the run while working on one flow, e.g. E2E_FILES=./records.test.mjs.
# shellcheck disable=SC2086
node --test --test-concurrency=1 ${E2E_FILES:-./*.test.mjs} || status=$?
if [ "$status" -ne 0 ]; then
  for f in "$work"/*.stderr.log; do
    echo "== server log $(basename "$f") (last 40 lines)"
    tail -n 40 "$f" || true
  done
fi
exit "$status"
