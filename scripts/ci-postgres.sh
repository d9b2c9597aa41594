#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for the store tests.
#   eval "$(scripts/ci-postgres.sh start)"   -> exports PARLEY_TEST_DATABASE_URL (and PARLEY_CI_PG_DIR)
#   scripts/ci-postgres.sh stop               -> stops it and removes its folder
# Only the export lines go to stdout (they are eval'ed); everything else goes to stderr.
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin
STATE=${TMPDIR:-/tmp}/parley-ci-postgres.dir

as_owner() {
  # PostgreSQL refuses to run as root: run its tools as the postgres user when we are root.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start() {
  if [ ! -x "$BIN/initdb" ]; then
    echo "ci-postgres: installing postgresql-15" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql-15 >&2
  fi
  local dir port
  dir=$(mktemp -d "${TMPDIR:-/tmp}/parley-pg.XXXXXX")
  chmod 755 "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
  port=$(free_port)
  as_owner "$BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >&2 || { cat "$dir/server.log" >&2; exit 1; }
  echo "$dir" >"$STATE"
  echo "ci-postgres: PostgreSQL 15 on 127.0.0.1:$port ($dir)" >&2
  echo "export PARLEY_CI_PG_DIR=$dir"
  echo "export PARLEY_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
}

stop() {
  local dir=${PARLEY_CI_PG_DIR:-}
  if [ -z "$dir" ] && [ -f "$STATE" ]; then dir=$(cat "$STATE"); fi
  [ -n "$dir" ] && [ -d "$dir/data" ] || { echo "ci-postgres: nothing to stop" >&2; return 0; }
  as_owner "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
  rm -f "$STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
