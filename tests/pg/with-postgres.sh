#!/usr/bin/env bash
# with-postgres.sh CMD… — runs CMD with a throw-away PostgreSQL server on
# loopback, QUNZHU_TEST_PG set to its URL and the pgtest build tag in
# GOFLAGS (package pgtest); the server and its data are
# removed afterwards, whatever CMD's outcome.
#
# It needs Debian's `postgresql` package (make deps-pg installs it). The
# server never runs as root (PostgreSQL refuses to): as root the script runs
# it as the `postgres` system user the package creates, otherwise as the
# calling user. Nothing outside a fresh temp folder is touched, and the
# system's own cluster (if any) is left alone.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 CMD [ARG…]" >&2
  exit 2
fi

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "with-postgres: PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi

as_db_user() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "with-postgres: running as root but there is no 'postgres' user to run the server" >&2
    exit 1
  fi
  as_db_user() { runuser -u postgres -- "$@"; }
fi

dir=$(mktemp -d /tmp/qunzhu-pg.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
port=${QUNZHU_PG_PORT:-$(( 20000 + RANDOM % 20000 ))}
password=qunzhu-test

cleanup() {
  as_db_user "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

printf '%s\n' "$password" > "$dir/pwfile"
[ "$(id -u)" = 0 ] && chown postgres "$dir/pwfile"
as_db_user "$bindir/initdb" -D "$dir/data" -U qunzhu --pwfile="$dir/pwfile" -A scram-sha-256 \
  -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# Durability is worth nothing for a test server that is deleted afterwards;
# QUNZHU_PG_DURABLE=1 keeps PostgreSQL's defaults (for benchmarks).
fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${QUNZHU_PG_DURABLE:-}" = 1 ] && fast=""
as_db_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-k $dir -h 127.0.0.1 -p $port $fast -c max_connections=200" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

# The pgtest build tag compiles in the store's mapping of a workspace file
# path to a schema of this server (backend/store/redirect_pgtest.go), which
# tests that open a file path (the CLI's --db) need; no other build has it.
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-tags=pgtest"
export QUNZHU_TEST_PG="postgres://qunzhu:$password@127.0.0.1:$port/postgres?sslmode=disable"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
"$@"
