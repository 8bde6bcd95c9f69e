#!/usr/bin/env bash
# Browser tests: start `madoguchi serve --demo` on a fresh SQLite file, drive Debian's
# Chromium with playwright-core, check every page with axe-core, stop the server.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${MADOGUCHI_BIN:-${CARGO_TARGET_DIR:-$root/target}/debug/madoguchi}"

if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
if [ ! -x "$bin" ]; then
  (cd "$root" && cargo build -p madoguchi)
fi
(cd "$here" && npm ci --no-audit --no-fund --silent)

work="$(mktemp -d)"
out="$work/stdout.log"
(cd "$work" && exec "$bin" serve --demo --listen 127.0.0.1:0 --database-url "sqlite:$work/m.db" >"$out" 2>"$work/stderr.log") &
server=$!
trap 'kill -TERM $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q "read it at" "$out" 2>/dev/null && break
  sleep 0.2
done
url="$(grep -o 'Open http://[0-9.:]*/' "$out" | head -1 | sed 's/^Open //')"
[ -n "$url" ] || { echo "the server did not start:"; cat "$work/stderr.log"; exit 1; }
export BASE_URL="${url%/}" MADOGUCHI_STDOUT="$out"
cd "$here"
node --test --test-concurrency=1 ./*.test.mjs
