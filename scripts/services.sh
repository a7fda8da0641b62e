#!/usr/bin/env bash
# Local Redis and PostgreSQL for the integration tests (and for trying several bot instances).
#
#   bash scripts/services.sh start    install when missing, start on loopback, wait, print the URLs
#   bash scripts/services.sh status   say what answers (exit 0 only when both do)
#   bash scripts/services.sh stop     stop what this script started
#
# - Installs `redis-server` and `postgresql` from Debian's packages when they are missing (as root;
#   apt is skipped entirely when both are there).
# - Redis: 127.0.0.1:6379, daemonized, no persistence.
# - PostgreSQL: its own cluster under /tmp/annex-services/postgres (initdb as the `postgres` user),
#   on 127.0.0.1:5432, with role and database `annex` (password `annex`).
# - Idempotent: whatever already answers is reused; a second `start` returns at once.
# - Never hangs: every install, start and wait is bounded.
# Prints, on success, the two lines the tests read:
#   REDIS_URL=redis://127.0.0.1:6379
#   POSTGRES_URL=postgres://annex:annex@127.0.0.1:5432/annex
set -uo pipefail

STATE_DIR=${ANNEX_SERVICES_DIR:-/tmp/annex-services}
REDIS_PORT=6379
PG_PORT=5432
PG_DATA="$STATE_DIR/postgres/data"
PG_SOCKET="$STATE_DIR/postgres/socket"
PG_LOG="$STATE_DIR/postgres/server.log"
REDIS_DIR="$STATE_DIR/redis"
APT_LOG="$STATE_DIR/apt.log"
REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
POSTGRES_URL="postgres://annex:annex@127.0.0.1:$PG_PORT/annex"

say() { echo "services: $*"; }
fail() { echo "services: $*" >&2; exit 1; }

# Waits up to $1 tenths of a second for the command after it to succeed.
wait_for() {
  local tenths=$1
  shift
  local i
  for ((i = 0; i < tenths; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  return 1
}

pg_bin_dir() {
  # The newest installed server version's binaries.
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && [ -x "$d/postgres" ] && echo "$d"
}

have_redis() { command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1; }
have_postgres() { [ -n "$(pg_bin_dir)" ] && command -v psql >/dev/null 2>&1 && id postgres >/dev/null 2>&1; }

install_missing() {
  if have_redis && have_postgres; then return 0; fi
  [ "$(id -u)" = 0 ] || fail "redis-server or postgresql is missing and installing them needs root"
  mkdir -p "$STATE_DIR"
  local started=$SECONDS
  say "installing redis-server and postgresql from Debian packages (log: $APT_LOG)"
  export DEBIAN_FRONTEND=noninteractive
  if ! timeout 600 apt-get update -qq >"$APT_LOG" 2>&1 ||
    ! timeout 900 apt-get install -y -qq --no-install-recommends redis-server postgresql >>"$APT_LOG" 2>&1; then
    tail -n 20 "$APT_LOG" >&2
    fail "apt-get could not install redis-server and postgresql"
  fi
  have_redis && have_postgres || fail "installed, but redis-server or the PostgreSQL server is still missing"
  say "installed in $((SECONDS - started)) s"
}

redis_answers() { [ "$(timeout 2 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_redis() {
  if redis_answers; then
    say "redis already answers on 127.0.0.1:$REDIS_PORT"
    return 0
  fi
  port_in_use "$REDIS_PORT" && fail "127.0.0.1:$REDIS_PORT is taken by something that is not answering as Redis"
  mkdir -p "$REDIS_DIR"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --save "" --appendonly no \
    --dir "$REDIS_DIR" --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" >/dev/null ||
    fail "redis-server did not start (see $REDIS_DIR/redis.log)"
  wait_for 100 redis_answers || fail "redis-server started but does not answer (see $REDIS_DIR/redis.log)"
  say "redis started on 127.0.0.1:$REDIS_PORT"
}

as_postgres() { (cd /tmp && runuser -u postgres -- "$@"); }

annex_db_answers() {
  PGPASSWORD=annex PGCONNECT_TIMEOUT=2 timeout 5 psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U annex -d annex -tAc 'select 1' 2>/dev/null | grep -qx 1
}

# Runs SQL as the superuser over a cluster's socket (this script's own unless PG_SUPER_SOCKET is set).
pg_super() { as_postgres env PGCONNECT_TIMEOUT=2 timeout 10 psql -X -q -h "${PG_SUPER_SOCKET:-$PG_SOCKET}" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

provision_annex() {
  pg_super -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'annex') THEN CREATE ROLE annex LOGIN PASSWORD 'annex'; END IF;
    END \$\$;" >/dev/null || return 1
  if [ "$(pg_super -tAc "SELECT 1 FROM pg_database WHERE datname = 'annex'")" != "1" ]; then
    pg_super -c "CREATE DATABASE annex OWNER annex" >/dev/null || return 1
  fi
}

start_postgres() {
  if annex_db_answers; then
    say "postgres already answers on 127.0.0.1:$PG_PORT (database annex)"
    return 0
  fi
  local bin
  bin=$(pg_bin_dir) || fail "no PostgreSQL server binaries under /usr/lib/postgresql"
  if ! as_postgres "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1 && port_in_use "$PG_PORT"; then
    # Another cluster already serves the port, e.g. Debian's own one started by the package's
    # install: give it the annex role and database over its socket instead of starting ours.
    if PG_SUPER_SOCKET=/var/run/postgresql provision_annex 2>/dev/null && wait_for 50 annex_db_answers; then
      say "postgres: using the cluster already on 127.0.0.1:$PG_PORT (database annex)"
      return 0
    fi
    fail "127.0.0.1:$PG_PORT is taken by a server that does not accept annex/annex (stop it, e.g. pg_ctlcluster <version> main stop)"
  fi
  if ! as_postgres "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    mkdir -p "$STATE_DIR/postgres" "$PG_SOCKET"
    chown postgres:postgres "$STATE_DIR/postgres" "$PG_SOCKET"
    if [ ! -s "$PG_DATA/PG_VERSION" ]; then
      as_postgres "$bin/initdb" -D "$PG_DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C -N >"$STATE_DIR/postgres/initdb.log" 2>&1 ||
        { tail -n 20 "$STATE_DIR/postgres/initdb.log" >&2; fail "initdb failed"; }
    fi
    # No fsync: a throwaway test cluster; -w waits (bounded by -t) until it accepts connections.
    as_postgres "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_SOCKET -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { tail -n 20 "$PG_LOG" >&2; fail "postgres did not start (log: $PG_LOG)"; }
  fi
  provision_annex || fail "could not create the annex role and database"
  wait_for 100 annex_db_answers || fail "postgres runs but annex@127.0.0.1:$PG_PORT/annex does not answer (log: $PG_LOG)"
  say "postgres started on 127.0.0.1:$PG_PORT (database annex)"
}

print_urls() {
  echo "REDIS_URL=$REDIS_URL"
  echo "POSTGRES_URL=$POSTGRES_URL"
}

cmd_start() {
  local started=$SECONDS
  install_missing
  start_redis
  start_postgres
  say "ready in $((SECONDS - started)) s"
  print_urls
}

cmd_stop() {
  if [ -s "$REDIS_DIR/redis.pid" ] && kill -0 "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null; then
    timeout 5 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null
    say "redis stopped"
  else
    say "redis: not started by this script"
  fi
  local bin
  bin=$(pg_bin_dir)
  if [ -n "$bin" ] && [ -d "$PG_DATA" ] && as_postgres "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    as_postgres "$bin/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null && say "postgres stopped"
  else
    say "postgres: not started by this script"
  fi
}

cmd_status() {
  local ok=0
  if redis_answers; then say "redis answers on 127.0.0.1:$REDIS_PORT"; else say "redis does not answer"; ok=1; fi
  if annex_db_answers; then say "postgres answers on 127.0.0.1:$PG_PORT (database annex)"; else say "postgres does not answer"; ok=1; fi
  [ $ok = 0 ] && print_urls
  return $ok
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
