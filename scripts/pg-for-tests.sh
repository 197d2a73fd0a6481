#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the store tests: initdb in /tmp (as the postgres user when
# run as root), started on 127.0.0.1 and a unix socket, port 54329, trust auth, no fsync. Prints the
# connection URL for RATECARD_TEST_PG on standard output; everything else goes to standard error.
#   RATECARD_TEST_PG=$(bash scripts/pg-for-tests.sh) npx vitest run test/store
#   bash scripts/pg-for-tests.sh stop     # stops it and removes the cluster
set -euo pipefail
port=${RATECARD_PG_PORT:-54329}
bin=${RATECARD_PG_BIN:-/usr/lib/postgresql/15/bin}
dir=${RATECARD_PG_DIR:-/tmp/ratecard-pg-$port}
url="postgres://postgres@127.0.0.1:$port/postgres"

if [ ! -x "$bin/initdb" ]; then
  echo "pg-for-tests: no PostgreSQL server in $bin (Debian: apt-get install postgresql-15)" >&2
  exit 1
fi
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-}" = stop ]; then
  [ -d "$dir" ] && as_owner "$bin/pg_ctl" -D "$dir" -m fast stop >&2 || true
  rm -rf "$dir"
  exit 0
fi

if [ -f "$dir/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  echo "$url"
  exit 0
fi
rm -rf "$dir"
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres: "$dir"
chmod 700 "$dir"
as_owner "$bin/initdb" -D "$dir" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 || {
  cat "$dir.initdb.log" >&2
  exit 1
}
as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >&2
echo "$url"
