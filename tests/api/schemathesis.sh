#!/usr/bin/env bash
# API conformance: schemathesis (from PyPI, into a venv under the cache directory) against
# `madoguchi serve --demo` on a fresh SQLite file, with the document the server serves at
# /api/v1/openapi.json: signed out, signed in as the demo job seeker, and (for /api/v1/staff/…)
# as the demo office admin, through tests/api/sign_in.py. Every check
# runs: documented status codes, content types, response schemas and headers, no 5xx,
# rejection of schema-violating input, undeclared methods. Exits non-zero on any failure.
#
#   MADOGUCHI_BIN=path/to/madoguchi ST_SEED=1 ST_EXAMPLES=40 bash tests/api/schemathesis.sh
#
# MADOGUCHI_BIN defaults to target/debug/madoguchi (under CARGO_TARGET_DIR if set), built
# when absent. ST_SEED (default 1) makes a run repeatable; ST_EXAMPLES overrides the
# examples per operation of schemathesis.toml. Only 127.0.0.1 is contacted once installed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${MADOGUCHI_BIN:-${CARGO_TARGET_DIR:-$root/target}/debug/madoguchi}"
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
venv="${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi-venv"

# The venv is reused while requirements.txt is unchanged; a changed pin reinstalls.
stamp="$venv/madoguchi-requirements.txt"
if ! cmp -s "$here/requirements.txt" "$stamp" || [ ! -x "$venv/bin/st" ]; then
  echo "== installing schemathesis into $venv"
  # Debian's own python3 makes venvs only with python3-venv (ensurepip) installed.
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
  --database-url "sqlite:$work/api.db" >"$work/server.log" 2>"$work/server.err") &
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

# Sign in first: the signed-out run's failed sign-ins count against this address (AC-5).
sign_in() { "$venv/bin/python" "$here/sign_in.py" "$url" "$work/server.log" "$1"; }
seeker_cookie="$(sign_in seeker)"
staff_cookie="$(sign_in office_admin)"
# with_session NAME COOKIE: the shared settings plus the session scheme's cookie.
with_session() {
  cat "$here/schemathesis.toml" >"$work/$1.toml"
  printf '\n[auth.openapi.session]\napi_key = "%s"\n' "$2" >>"$work/$1.toml"
  echo "$work/$1.toml"
}

# run NAME CONFIG [FLAGS…]: one schemathesis run; its own summary is printed.
status=0
run() {
  local name="$1" file="$2"; shift 2
  echo "== schemathesis: $name"
  local examples=()
  [ -n "${ST_EXAMPLES:-}" ] && examples=(--max-examples "$ST_EXAMPLES")
  if ! (cd "$work" && "$venv/bin/st" --config-file "$file" run "$url/api/v1/openapi.json" \
    --checks all --seed "${ST_SEED:-1}" "${examples[@]}" -H "Origin: $url" "$@"); then
    status=1
  fi
}

run "signed out" "$here/schemathesis.toml"
# Signing out or locking the account would end the session the rest of a run uses.
keep=(--exclude-name "DELETE /api/v1/session" --exclude-name "POST /api/v1/me/lock")
run "signed in as the demo job seeker" "$(with_session seeker "$seeker_cookie")" "${keep[@]}"
run "signed in as the demo office admin" "$(with_session staff "$staff_cookie")" "${keep[@]}" \
  --include-path-regex '^/api/v1/staff/'

if [ "$status" -ne 0 ]; then
  echo "error: schemathesis found failures (see above); the server's log:" >&2
  tail -n 50 "$work/server.err" >&2
fi
exit "$status"
