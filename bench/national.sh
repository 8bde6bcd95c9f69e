#!/usr/bin/env bash
# National scale (issue 17, item 4): generates the national data set and the small one (the
# same shape at the size of the 400-user booking run) on each backend, then measures every
# request path on both in one run (`--scenario national-measure`), and drops the databases.
# Usage: bench/national.sh [sqlite|postgres|both]   (PostgreSQL at 127.0.0.1:5432)
# SCALE_USERS, SCALE_SLOTS, SCALE_PAST, SCALE_USAGE override the national size (for a
# quicker or a SQLite run); WORK=DIR keeps the SQLite files there (they take several GB);
# KEEP=1 keeps the PostgreSQL databases (for EXPLAIN ANALYZE; drop them by hand after).
# SKIP_GENERATE=1 measures databases a KEEP=1 run left.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${CARGO_TARGET_DIR:-$root/target}/release"
which="${1:-both}"
work="${WORK:-$(mktemp -d)}"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"/national_*.db* "$work"/small_*.db*' EXIT
# shellcheck source=bench/common.sh
. "$root/bench/common.sh"
national=(--gen-offices 544 --gen-users "${SCALE_USERS:-2000000}" --gen-slots "${SCALE_SLOTS:-1000000}"
  --gen-past-per-day "${SCALE_PAST:-15}" --gen-usage-per-day "${SCALE_USAGE:-8000}" --gen-spare 200)
# The 400-user booking run's size: one office, 400 people, 8,000 coming slots; its year at
# the national rate per office (so an office's statistics compare like with like) and 300
# usage entries a day.
small=(--gen-offices 1 --gen-users 400 --gen-slots 8000 --gen-past-per-day "${SCALE_PAST:-15}" --gen-usage-per-day 300
  --gen-spare 100)

for b in sqlite postgres; do
  [ "$which" = both ] || [ "$which" = "$b" ] || continue
  echo; echo "## $b"
  if [ -n "${SKIP_GENERATE:-}" ]; then
    if [ "$b" = sqlite ]; then s="sqlite:$work/small_scale.db"; n="sqlite:$work/national_scale.db"; else
      s=postgres://postgres@127.0.0.1:5432/small_scale; n=postgres://postgres@127.0.0.1:5432/national_scale; fi
  else
    s=$(fresh "$b" small_scale); n=$(fresh "$b" national_scale)
    /usr/bin/time -f "small set: %e s, %M KiB peak" "$bin/madoguchi-bench" --scenario national-generate --database-url "$s" "${small[@]}"
    /usr/bin/time -f "national set: %e s, %M KiB peak" "$bin/madoguchi-bench" --scenario national-generate --database-url "$n" "${national[@]}"
  fi
  if [ "$b" = sqlite ]; then ls -l "$work"/*_scale.db; else
    psql -qtA -h 127.0.0.1 -U postgres -c "SELECT pg_size_pretty(pg_database_size('national_scale'))"; fi
  "$bin/madoguchi-bench" --scenario national-measure --database-url "$n" --small-database-url "$s" --rounds "${ROUNDS:-5}"
  /usr/bin/time -f "full audit verify of the national year: %e s" "$bin/madoguchi" audit verify --database-url "$n" | tail -1
  if [ "$b" = postgres ] && [ -z "${KEEP:-}" ]; then
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE small_scale" -c "DROP DATABASE national_scale"; fi
done
