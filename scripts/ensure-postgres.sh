#!/usr/bin/env bash
# Makes sure a PostgreSQL server is reachable for the tests and prints the URL to use as
# `export CLAIMS_TEST_POSTGRES_URL=...` on stdout (logs go to stderr). In order it tries:
#   1. CLAIMS_TEST_POSTGRES_URL if already set and reachable;
#   2. the machine's server on 127.0.0.1:5432 (trust auth);
#   3. starting the machine's Debian cluster (pg_ctlcluster), as root;
#   4. a throwaway cluster (initdb) on port 55432 under /tmp, owned by the postgres user.
# If none works it prints nothing: the PostgreSQL run then skips, or fails when
# CLAIMS_TEST_REQUIRE_POSTGRES=1 (CI).
set -uo pipefail
log() { echo "ensure-postgres: $*" >&2; }

reachable() {  # host port
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$1" -p "$2" -t 3
  else
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
  fi
}

wait_for() {  # host port
  for _ in $(seq 1 30); do reachable "$1" "$2" && return 0; sleep 1; done
  return 1
}

if [ -n "${CLAIMS_TEST_POSTGRES_URL:-}" ]; then
  log "using CLAIMS_TEST_POSTGRES_URL as given"
  echo "export CLAIMS_TEST_POSTGRES_URL='${CLAIMS_TEST_POSTGRES_URL}'"
  exit 0
fi

default_url="postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
if reachable 127.0.0.1 5432; then
  log "PostgreSQL is running on 127.0.0.1:5432"
  echo "export CLAIMS_TEST_POSTGRES_URL='${default_url}'"
  exit 0
fi

if [ "$(id -u)" = 0 ] && command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  for version in $(ls /etc/postgresql); do
    if [ -d "/etc/postgresql/${version}/main" ]; then
      log "starting the machine's cluster ${version}/main"
      pg_ctlcluster --skip-systemctl-redirect "${version}" main start >&2 || true
    fi
  done
  if wait_for 127.0.0.1 5432; then
    echo "export CLAIMS_TEST_POSTGRES_URL='${default_url}'"
    exit 0
  fi
fi

initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
if [ -n "${initdb}" ]; then
  bindir=$(dirname "${initdb}")
  data=/tmp/corroborate-pg/data
  port=55432
  as_postgres=()
  if [ "$(id -u)" = 0 ]; then as_postgres=(runuser -u postgres --); fi
  if ! reachable 127.0.0.1 "${port}"; then
    log "starting a throwaway cluster in ${data} on port ${port}"
    mkdir -p /tmp/corroborate-pg
    [ "$(id -u)" = 0 ] && chown postgres /tmp/corroborate-pg
    if [ ! -f "${data}/PG_VERSION" ]; then
      "${as_postgres[@]}" "${bindir}/initdb" -D "${data}" -U postgres -A trust -E UTF8 --locale=C >/dev/null 2>&1 \
        || log "initdb failed"
    fi
    "${as_postgres[@]}" "${bindir}/pg_ctl" -D "${data}" -l /tmp/corroborate-pg/log -w \
      -o "-p ${port} -k /tmp/corroborate-pg -c listen_addresses=127.0.0.1 -c fsync=off" start >&2 \
      || log "pg_ctl start failed; see /tmp/corroborate-pg/log"
  fi
  if wait_for 127.0.0.1 "${port}"; then
    echo "export CLAIMS_TEST_POSTGRES_URL='postgresql+psycopg://postgres@127.0.0.1:${port}/postgres'"
    exit 0
  fi
fi

log "no PostgreSQL available (install the postgresql package to run the PostgreSQL suite)"
exit 0
