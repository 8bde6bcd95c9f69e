#!/usr/bin/env bash
# Checks a madoguchi .deb (issue 17, item 1): what it holds and its maintainer scripts
# (dpkg-deb), its systemd units (systemd-analyze verify and security), lintian, then a
# real install into a clean Debian root made by debootstrap (cached after the first run):
# the system user, the data directory, serve starting from the shipped configuration, a
# backup and a restore, an upgrade running the migrations and keeping a changed conffile,
# and a purge. Prints one TAP line per check and closes with "# pass N" / "# fail N".
#
#   bash tests/package/check.sh target/debian/madoguchi_0.1.0-1_amd64.deb
#
# Needs root (chroot, mount). Installs lintian, systemd and debootstrap with apt-get if
# absent; debootstrap fetches Debian's own packages from the mirror apt uses
# (MADOGUCHI_DEBIAN_MIRROR overrides it).
set -uo pipefail
deb="$(realpath "$1")"
n=0 pass=0 fail=0
ok() { n=$((n + 1)); pass=$((pass + 1)); echo "ok $n - $1"; }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "not ok $n - $1"; [ -z "${2:-}" ] || printf '%s\n' "$2" | tail -20 | sed 's/^/#   /'; }
# check DESCRIPTION COMMAND...: one TAP line; the command's output is shown if it fails.
check() { local what="$1" said; shift; if said="$("$@" 2>&1)"; then ok "$what"; else bad "$what" "$said"; fi; }

need() {
  command -v "$1" >/dev/null && return 0
  echo "== installing $2"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "$2" >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$2" >/dev/null; }
}
need lintian lintian
need systemd-analyze systemd
need debootstrap debootstrap

work="$(mktemp -d)"
root="$work/root"
cleanup() {
  [ -n "${serve_pid:-}" ] && kill -KILL "$serve_pid" 2>/dev/null
  mountpoint -q "$root/proc" && umount -l "$root/proc"
  rm -rf "$work"
}
trap cleanup EXIT
x="$work/x" ctl="$work/ctl"
dpkg-deb -x "$deb" "$x" && dpkg-deb -e "$deb" "$ctl"

echo "== contents and maintainer scripts (dpkg-deb)"
field_is() { [ "$(dpkg-deb -f "$deb" "$1")" = "$2" ] || { echo "$1: $(dpkg-deb -f "$deb" "$1")"; return 1; }; }
check "Package: madoguchi" field_is Package madoguchi
check "Depends names adduser" grep -q adduser <(dpkg-deb -f "$deb" Depends)
for f in usr/bin/madoguchi etc/madoguchi/madoguchi.toml usr/lib/systemd/system/madoguchi.service \
  usr/lib/systemd/system/madoguchi-backup.service usr/lib/systemd/system/madoguchi-backup.timer \
  usr/share/doc/madoguchi/copyright usr/share/doc/madoguchi/changelog.Debian.gz \
  usr/share/doc/madoguchi/operations.md usr/share/doc/madoguchi/alerts.yml; do
  check "holds /$f" test -f "$x/$f"
done
check "/usr/bin/madoguchi is executable and runs" "$x/usr/bin/madoguchi" --version
check "/etc/madoguchi/madoguchi.toml is a conffile" grep -qx /etc/madoguchi/madoguchi.toml "$ctl/conffiles"
changelog_version() { zcat "$x/usr/share/doc/madoguchi/changelog.Debian.gz" | head -1 | sed -n 's/^madoguchi (\([^)]*\)).*/\1/p'; }
check "changelog's version is the package's" field_is Version "$(changelog_version)"
for s in postinst prerm postrm; do check "$s is valid sh" sh -n "$ctl/$s"; done
check "postinst creates the system user" grep -q "adduser --system --group" "$ctl/postinst"
check "postinst migrates on upgrade" grep -q "madoguchi migrate --config" "$ctl/postinst"
check "prerm stops the service" grep -q "deb-systemd-invoke stop madoguchi.service" "$ctl/prerm"
check "the shipped configuration loads" "$x/usr/bin/madoguchi" migrate --config "$x/etc/madoguchi/madoguchi.toml" \
  --database-url "sqlite:$work/config-check.db"

echo "== systemd units"
unit="$x/usr/lib/systemd/system/madoguchi.service"
for d in User=madoguchi NoNewPrivileges=yes ProtectSystem=strict ProtectHome=yes PrivateTmp=yes \
  PrivateDevices=yes ReadWritePaths=/var/lib/madoguchi CapabilityBoundingSet= SystemCallFilter=@system-service \
  RestrictAddressFamilies="AF_INET AF_INET6 AF_UNIX" MemoryDenyWriteExecute=yes; do
  check "madoguchi.service has $d" grep -qx "$d" "$unit"
done
# verify resolves ExecStart on this machine: point it at the extracted binary.
mkdir -p "$work/units"
for u in "$x"/usr/lib/systemd/system/*; do
  sed "s#/usr/bin/madoguchi#$x/usr/bin/madoguchi#g" "$u" >"$work/units/$(basename "$u")"
done
check "systemd-analyze verify" env SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no "$work"/units/*
exposure() {
  local level
  level="$(systemd-analyze security --offline=true "$work/units/$1" 2>&1 | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')"
  echo "exposure of $1: $level (0 safest, 10 unprotected)"
  awk -v l="$level" 'BEGIN { exit !(l != "" && l <= 2.0) }'
}
for u in madoguchi.service madoguchi-backup.service; do
  check "$u exposure level at most 2.0 (systemd-analyze security)" exposure "$u"
  exposure "$u" | sed 's/^/# /'
done

echo "== lintian"
# Accepted warnings (docs/operations.md, "Debian package"): no-manual-page (the reference
# is `madoguchi --help`, generated from the code), initial-upload-closes-no-bugs (not an
# upload to Debian's archive).
check "lintian: no errors, no warnings but the accepted ones" lintian --fail-on error,warning \
  --suppress-tags no-manual-page,initial-upload-closes-no-bugs "$deb"

echo "== install into a clean Debian root"
suite="$(. /etc/os-release && echo "$VERSION_CODENAME")"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi/debian-$suite-minbase.tar"
mirror="${MADOGUCHI_DEBIAN_MIRROR:-$(sed -n 's/^URIs: *\(http[^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)}"
mirror="${mirror:-http://deb.debian.org/debian}"
if [ ! -s "$cache" ]; then
  echo "== debootstrap $suite (minbase) from $mirror, cached in $cache"
  mkdir -p "$(dirname "$cache")" "$work/boot"
  if debootstrap --variant=minbase --include=adduser "$suite" "$work/boot" "$mirror" >"$work/debootstrap.log" 2>&1; then
    tar -C "$work/boot" -cf "$cache.part" . && mv "$cache.part" "$cache"
  else
    bad "debootstrap $suite" "$(cat "$work/debootstrap.log")"
  fi
  rm -rf "$work/boot"
fi
if [ -s "$cache" ]; then
  mkdir -p "$root" && tar -C "$root" -xf "$cache"
  mount -t proc proc "$root/proc"
  cp "$deb" "$root/tmp/madoguchi.deb"
  in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root DEBIAN_FRONTEND=noninteractive "$@"; }
  as_service() { in_root sh -c 'cd /var/lib/madoguchi && exec setpriv --reuid=madoguchi --regid=madoguchi --init-groups "$@"' sh "$@"; }
  check "dpkg -i into a clean $suite root" in_root dpkg -i /tmp/madoguchi.deb
  user_ok() {
    local entry; entry="$(in_root getent passwd madoguchi)" || return 1
    IFS=: read -r _ _ uid _ _ home shell <<<"$entry"
    echo "$entry"; [ "$uid" -lt 1000 ] && [ "$home" = /var/lib/madoguchi ] && [ "$shell" = /usr/sbin/nologin ]
  }
  check "a system user madoguchi (home /var/lib/madoguchi, no login shell)" user_ok
  # Names resolved inside the root: the host's user database has other numbers.
  owner() { in_root stat -c '%U:%G %a' "$1"; }
  check "/var/lib/madoguchi: madoguchi:madoguchi 750" test "$(owner /var/lib/madoguchi)" = "madoguchi:madoguchi 750"
  check "dpkg knows the conffile" grep -q /etc/madoguchi/madoguchi.toml <(in_root dpkg-query -W -f='${Conffiles}' madoguchi)

  port=$((20000 + RANDOM % 20000))
  # Started directly (not through a function), so $! is the process that becomes serve.
  chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin sh -c 'cd /var/lib/madoguchi && exec setpriv --reuid=madoguchi \
    --regid=madoguchi --init-groups /usr/bin/madoguchi serve --config /etc/madoguchi/madoguchi.toml --listen "$1"' \
    sh "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
  serve_pid=$!
  up() { for _ in $(seq 1 150); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0; sleep 0.2; done; cat "$work/serve.log"; return 1; }
  readyz() { exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' >&3 && head -1 <&3 | grep -q " 200 "; }
  check "serve starts from the shipped configuration as madoguchi" up
  check "/readyz answers 200 (the database in /var/lib/madoguchi can be written)" readyz
  check "the database file belongs to madoguchi" grep -q "^madoguchi:madoguchi " <(owner /var/lib/madoguchi/madoguchi.db)
  check "backup while serve runs" as_service /usr/bin/madoguchi backup --config /etc/madoguchi/madoguchi.toml --to /var/lib/madoguchi/check-backup.db
  refused() { ! in_root /usr/bin/madoguchi restore --config /etc/madoguchi/madoguchi.toml --from /var/lib/madoguchi/check-backup.db; }
  check "restore refused while serve runs" refused
  owner_before="$(owner /var/lib/madoguchi/madoguchi.db)"
  stop_status=0
  kill -TERM "$serve_pid" && wait "$serve_pid" || stop_status=$?
  serve_pid=
  check "serve stops on SIGTERM with status 0" test "$stop_status" -eq 0
  check "restore as root" in_root /usr/bin/madoguchi restore --config /etc/madoguchi/madoguchi.toml --from /var/lib/madoguchi/check-backup.db
  check "the restored file has the owner and mode of the one it replaced ($owner_before)" \
    test "$(owner /var/lib/madoguchi/madoguchi.db)" = "$owner_before"

  echo "# changed locally" >>"$root/etc/madoguchi/madoguchi.toml"
  upgrade() { in_root dpkg -i --force-confold /tmp/madoguchi.deb >"$work/upgrade.log" 2>&1; local s=$?; cat "$work/upgrade.log"; return $s; }
  check "reinstall (upgrade path)" upgrade
  check "postinst ran the migrations as madoguchi" grep -q "migrations applied to sqlite:/var/lib/madoguchi/madoguchi.db" "$work/upgrade.log"
  check "the changed conffile was kept" grep -qx "# changed locally" "$root/etc/madoguchi/madoguchi.toml"
  check "dpkg --purge" in_root dpkg --purge madoguchi
  check "purge removes /etc/madoguchi and the binary" test ! -e "$root/etc/madoguchi" -a ! -e "$root/usr/bin/madoguchi"
  check "purge keeps the data in /var/lib/madoguchi" test -f "$root/var/lib/madoguchi/madoguchi.db"
fi

echo "# pass $pass"
echo "# fail $fail"
[ "$fail" -eq 0 ]
