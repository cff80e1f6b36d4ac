#!/usr/bin/env bash
# A throwaway PostgreSQL server for the PostgresTests: initdb into a temporary folder, start on a free
# loopback port with its unix socket in that folder, load sample-data/odoo/odoo.sql, print where it is.
#
#   scripts/pg-test-server.sh start        → prints CRM_PG_PORT=…, CRM_PG_DIR=…, CRM_PG_URL=… (one per line)
#   scripts/pg-test-server.sh stop [DIR]   → stops the server in DIR (or $CRM_PG_DIR) and removes DIR
#
# Also a SQL_ASCII database `legacy_ascii` (table legacy_customer), where bytes in any encoding pass through unchecked, as in
# old ERP installs. Roles: `crm` (superuser, trust over TCP — the tests' normal login) and `crm_reader` (password
# `reader-secret`, scram-sha-256 — for the bad-password test). PostgreSQL refuses to run as root, so
# under root the server runs as the `postgres` OS user that Debian's postgresql package creates.
# Exit 3 means the PostgreSQL binaries are missing. CRM_PG_BIN=/path/to/bin overrides where they are looked for.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data_sql="$here/../sample-data/odoo/odoo.sql"

find_bin() {
  local name="$1" dir
  # CRM_PG_BIN pins the folder (another install layout, or a test of the missing-binaries path).
  if [ -n "${CRM_PG_BIN:-}" ]; then [ -x "$CRM_PG_BIN/$name" ] && echo "$CRM_PG_BIN/$name" && return; return 1; fi
  if command -v "$name" >/dev/null 2>&1 && [ -x "$(command -v "$name")" ]; then command -v "$name"; return; fi
  # Debian keeps server binaries out of PATH, one folder per major version; take the newest.
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
    if [ -x "$dir/$name" ]; then echo "$dir/$name"; return; fi
  done
  return 1
}

missing() {
  echo "pg-test-server: PostgreSQL $1 not found; install it with: scripts/install-deps.sh --test (apt-get install postgresql)" >&2
  exit 3
}

as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local initdb pg_ctl psql dir port tries
  initdb="$(find_bin initdb)" || missing initdb
  pg_ctl="$(find_bin pg_ctl)" || missing pg_ctl
  psql="$(find_bin psql)" || missing psql
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "pg-test-server: running as root needs the 'postgres' OS user (created by Debian's postgresql package)" >&2
    exit 3
  fi
  [ -f "$data_sql" ] || { echo "pg-test-server: $data_sql is missing" >&2; exit 1; }

  dir="$(mktemp -d /tmp/crm-pg.XXXXXX)"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  as_server_user "$initdb" -D "$dir/data" -U crm -A trust -E UTF8 --locale=C.UTF-8 -N >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
  # Passwords only for crm_reader over TCP; everyone else is trusted (loopback, throwaway cluster).
  as_server_user tee "$dir/data/pg_hba.conf" >/dev/null <<'EOF'
local all all                  trust
host  all crm_reader 127.0.0.1/32 scram-sha-256
host  all all        127.0.0.1/32 trust
EOF
  for tries in 1 2 3 4 5 6 7 8; do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    # Something already answering on the port: pick another.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    if as_server_user "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 20 start -o \
        "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=20 -c shared_buffers=16MB" \
        >/dev/null 2>&1; then
      break
    fi
    port=""
  done
  if [ -z "${port:-}" ]; then
    echo "pg-test-server: could not start the server; log:" >&2; cat "$dir/server.log" >&2 || true
    rm -rf "$dir"; exit 1
  fi
  if ! "$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U crm -d postgres \
      -c "CREATE ROLE crm_reader LOGIN PASSWORD 'reader-secret'" -c "CREATE DATABASE odoo" \
      -c "CREATE DATABASE legacy_ascii ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0" >/dev/null \
    || ! "$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U crm -d odoo -f "$data_sql" >/dev/null \
    || ! "$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U crm -d odoo \
      -c "GRANT SELECT ON ALL TABLES IN SCHEMA public TO crm_reader" >/dev/null; then
    echo "pg-test-server: loading $data_sql failed" >&2
    as_server_user "$pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"; exit 1
  fi
  # Raw bytes as an old install stores them: GBK 客户, Latin-1 café, an overlong '/', and one clean row.
  if ! PGCLIENTENCODING=SQL_ASCII "$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U crm -d legacy_ascii \
      -c "CREATE TABLE legacy_customer (id integer PRIMARY KEY, name text)" \
      -c "INSERT INTO legacy_customer VALUES (1, '"$'\xbf\xcd\xbb\xa7'"'), (2, 'caf"$'\xe9'"'), (3, '/"$'\xc0\xaf'"'), (4, '客户 ok')" \
      >/dev/null; then
    echo "pg-test-server: creating legacy_ascii.legacy_customer failed" >&2
    as_server_user "$pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"; exit 1
  fi
  echo "CRM_PG_PORT=$port"
  echo "CRM_PG_DIR=$dir"
  echo "CRM_PG_URL=postgresql://crm@127.0.0.1:$port/odoo"
}

stop() {
  local dir="${1:-${CRM_PG_DIR:-}}" pg_ctl
  [ -n "$dir" ] || { echo "usage: $0 stop DIR (or set CRM_PG_DIR)" >&2; exit 2; }
  case "$dir" in /tmp/crm-pg.*) ;; *) echo "pg-test-server: refusing to remove $dir (not a crm-pg folder)" >&2; exit 2;; esac
  pg_ctl="$(find_bin pg_ctl)" || missing pg_ctl
  [ -d "$dir/data" ] && as_server_user "$pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop [DIR]" >&2; exit 2 ;;
esac
