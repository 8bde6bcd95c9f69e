#!/usr/bin/env bash
# The calendar files (rule NO-4) checked with PyPI's `icalendar`, in a venv under the cache
# directory, against what `madoguchi serve --demo` really writes: the downloads of
# /api/v1/reservations/{id}/calendar.ics and the attachments of the mail in its demo
# mailbox, through a booking, a move, a cancellation and a seminar place (check.py).
#
#   MADOGUCHI_BIN=path/to/madoguchi bash tests/ics/check.sh
#
# MADOGUCHI_BIN defaults to target/debug/madoguchi (under CARGO_TARGET_DIR if set), built
# when absent. Only 127.0.0.1 is contacted once the venv is installed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${MADOGUCHI_BIN:-${CARGO_TARGET_DIR:-$root/target}/debug/madoguchi}"
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
venv="${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi-ics-venv"

stamp="$venv/madoguchi-requirements.txt"
if ! cmp -s "$here/requirements.txt" "$stamp" || [ ! -x "$venv/bin/python" ]; then
  echo "== installing icalendar into $venv"
  if ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
  fi
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  cp "$here/requirements.txt" "$stamp"
fi
if [ ! -x "$bin" ]; then
  echo "== building $bin"
  (cd "$root" && cargo build -p madoguchi)
fi

work="$(mktemp -d)"
server=""
stop_server() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop_server EXIT

# The product reads every MADOGUCHI_… variable as configuration and refuses unknown ones.
(cd "$work" && exec env -u MADOGUCHI_BIN "$bin" serve --demo --listen 127.0.0.1:0 \
  --database-url "sqlite:$work/ics.db" >"$work/server.log" 2>"$work/server.err") &
server=$!
url=""
for _ in $(seq 1 300); do
  url="$(grep -o 'Open http://127\.0\.0\.1:[0-9]*' "$work/server.log" 2>/dev/null | head -1 | sed 's/^Open //' || true)"
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$url" ]; then
  echo "error: the server did not start ($bin):" >&2
  cat "$work/server.log" "$work/server.err" >&2
  exit 1
fi
for _ in $(seq 1 25); do grep -q '^Demo job seeker' "$work/server.log" && break; sleep 0.2; done

echo "== calendar files of $url"
status=0
"$venv/bin/python" "$here/check.py" "$url" "$work/server.log" "$work/data/mail" || status=$?
if [ "$status" -ne 0 ]; then
  echo "error: the calendar check failed; the server's log:" >&2
  tail -n 30 "$work/server.err" >&2
fi
exit "$status"
