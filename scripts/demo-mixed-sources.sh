#!/usr/bin/env bash
# Shows pipelines/mixed-sources.yml end to end: a Salesforce export, a 简道云 xlsx and a live Odoo
# database resolved into one report. Starts the throwaway PostgreSQL server of the tests
# (scripts/pg-test-server.sh: initdb in /tmp, a free loopback port, sample-data/odoo/odoo.sql loaded),
# runs `crm run pipelines/mixed-sources.yml --out reports/mixed` against it, and stops the server
# again whatever happens.
#
#   scripts/demo-mixed-sources.sh [OUT]     default OUT: reports/mixed
#   CRM_BIN=.build/debug/crm scripts/demo-mixed-sources.sh    use an already built crm
#
# Needs PostgreSQL's server binaries (scripts/install-deps.sh --test installs them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${1:-reports/mixed}"

crm="${CRM_BIN:-}"
if [ -z "$crm" ]; then
  echo "demo: building crm (release)…" >&2
  swift build -c release --product crm >&2
  crm="$root/.build/release/crm"
fi
[ -x "$crm" ] || { echo "demo: no crm executable at $crm" >&2; exit 1; }

# The script prints CRM_PG_PORT=…, CRM_PG_DIR=…, CRM_PG_URL=…; its own errors go to stderr.
server="$(scripts/pg-test-server.sh start)"
port="" dir=""
while IFS='=' read -r key value; do
  case "$key" in
    CRM_PG_PORT) port="$value" ;;
    CRM_PG_DIR) dir="$value" ;;
  esac
done <<<"$server"
if [ -z "$port" ] || [ -z "$dir" ]; then
  echo "demo: pg-test-server.sh start printed no port/folder: $server" >&2
  exit 1
fi
trap 'scripts/pg-test-server.sh stop "$dir"' EXIT
trap 'exit 130' INT TERM   # so Ctrl-C also stops the server (through the EXIT trap)
echo "demo: Odoo database on 127.0.0.1:$port (sample-data/odoo/odoo.sql)" >&2

PGPORT="$port" "$crm" run pipelines/mixed-sources.yml --out "$out"
echo "demo: report in $out/index.html; merges in $out/merge_log.csv" >&2
