# Shared by the bench scripts (sourced): needs $bin (release binaries) and $work (a scratch dir).

# serve URL PORT: migrate, start `serve` in the background ($! is its PID), wait for its port.
serve() {
  "$bin/madoguchi" migrate --database-url "$1" >/dev/null
  MADOGUCHI_DATABASE__MAX_CONNECTIONS=16 "$bin/madoguchi" serve --listen "127.0.0.1:$2" --database-url "$1" \
    >"$work/serve-$2.log" 2>&1 &
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null && return 0; sleep 0.1; done
  return 1
}

# fresh BACKEND NAME: an empty database's URL (PostgreSQL at 127.0.0.1:5432, user postgres).
fresh() {
  if [ "$1" = sqlite ]; then rm -f "$work/$2".db*; echo "sqlite:$work/$2.db"; else
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $2" -c "CREATE DATABASE $2" >/dev/null
    echo "postgres://postgres@127.0.0.1:5432/$2"; fi
}
