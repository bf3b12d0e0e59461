#!/usr/bin/env bash
# Loopback load test: wrk, mixed reads (80%) and writes (20%), against a server started here
# on a free 127.0.0.1 port with a scratch database (demo loaded). Exits non-zero on any error.
#   bench/load/run.sh [duration=60s] [connections=32] [threads=2]
# Environment: LOAD_BACKEND=sqlite|postgresql (default sqlite; postgresql uses a fresh
# database on CLAIMS_TEST_POSTGRES_URL's server), LOAD_WORKERS (server processes, default 2),
# and any CLAIMS_* setting. Needs wrk (Debian package `wrk`).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-60s}
CONNECTIONS=${2:-32}
THREADS=${3:-2}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

if [ "${LOAD_BACKEND:-sqlite}" = postgresql ]; then
  name="corroborate_load_$$"
  admin=${CLAIMS_TEST_POSTGRES_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/postgres}
  .venv/bin/python -c "import sys; from sqlalchemy import create_engine, text; e = create_engine(sys.argv[1], isolation_level='AUTOCOMMIT'); e.connect().execute(text(f'CREATE DATABASE \"{sys.argv[2]}\"'))" "$admin" "$name"
  export CLAIMS_DATABASE_URL="${admin%/*}/${name}"
  drop_db() { .venv/bin/python -c "import sys; from sqlalchemy import create_engine, text; e = create_engine(sys.argv[1], isolation_level='AUTOCOMMIT'); e.connect().execute(text(f'DROP DATABASE IF EXISTS \"{sys.argv[2]}\" WITH (FORCE)'))" "$admin" "$name"; }
fi
# The limiter stays on (its cost is part of what is measured) with limits no test reaches.
export CLAIMS_RATE_LIMIT_ENABLED=true
export CLAIMS_RATE_LIMIT_ANONYMOUS_PER_SECOND=${CLAIMS_RATE_LIMIT_ANONYMOUS_PER_SECOND:-1000000}
export CLAIMS_RATE_LIMIT_ANONYMOUS_BURST=${CLAIMS_RATE_LIMIT_ANONYMOUS_BURST:-1000000}
export CLAIMS_RATE_LIMIT_KEY_PER_SECOND=${CLAIMS_RATE_LIMIT_KEY_PER_SECOND:-1000000}
export CLAIMS_RATE_LIMIT_KEY_BURST=${CLAIMS_RATE_LIMIT_KEY_BURST:-1000000}
export CLAIMS_WORKERS=${LOAD_WORKERS:-2}
source scripts/serve-scratch.sh
if [ "${LOAD_BACKEND:-sqlite}" = postgresql ]; then trap 'scratch_stop; drop_db' EXIT; fi

echo "== wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION} ${SCRATCH_URL} (backend ${LOAD_BACKEND:-sqlite}, ${CLAIMS_WORKERS} server processes)"
LOAD_WRITE_KEY=${SCRATCH_WRITE_KEY} wrk -t"${THREADS}" -c"${CONNECTIONS}" -d"${DURATION}" \
  --timeout 10s --latency -s bench/load/mixed.lua "${SCRATCH_URL}" | tee "${SCRATCH_DIR}/wrk.txt"
claims=$(.venv/bin/python -c "import sys; from sqlalchemy import create_engine, text; print(create_engine(sys.argv[1]).connect().scalar(text(\"SELECT count(*) FROM claim WHERE claimant = 'Load'\")))" "${CLAIMS_DATABASE_URL}")
echo "claims written by the load: ${claims}"
grep -o '"message":"database error answered[^"]*' "${SCRATCH_DIR}/server.log" | sort | uniq -c | head -5 || true
.venv/bin/corroborate recount --check
grep -q "bad_status=0 socket_errors=0" "${SCRATCH_DIR}/wrk.txt"
