#!/usr/bin/env bash
# Serves the app on a free loopback port against a scratch database with the demo loaded, for
# checks and load scripts. Source it: `source scripts/serve-scratch.sh`; then use
#   $SCRATCH_URL        http://127.0.0.1:<port>
#   $SCRATCH_WRITE_KEY  a key with the write and admin scopes
#   $SCRATCH_DIR        the scratch directory (database, server log)
#   scratch_stop        stops the server and removes the directory (also run on exit)
# Settings come from the environment (CLAIMS_*); CLAIMS_DATABASE_URL defaults to an SQLite
# file in the scratch directory. Rate limits are off unless CLAIMS_RATE_LIMIT_ENABLED is set.
set -euo pipefail
BIN=${VENV:-.venv}/bin
SCRATCH_DIR=$(mktemp -d /tmp/corroborate-scratch.XXXXXX)
export CLAIMS_DATABASE_URL=${CLAIMS_DATABASE_URL:-sqlite:///${SCRATCH_DIR}/scratch.db}
export CLAIMS_RATE_LIMIT_ENABLED=${CLAIMS_RATE_LIMIT_ENABLED:-false}
export CLAIMS_LOG_LEVEL=${CLAIMS_LOG_LEVEL:-warning}
"$BIN/corroborate" migrate >/dev/null 2>&1
"$BIN/corroborate" demo load >/dev/null 2>&1
SCRATCH_WRITE_KEY=$("$BIN/corroborate" keys create --scope write --scope admin --name scratch 2>/dev/null)
SCRATCH_PORT=$("$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
SCRATCH_URL="http://127.0.0.1:${SCRATCH_PORT}"
"$BIN/corroborate" serve --host 127.0.0.1 --port "${SCRATCH_PORT}" >"${SCRATCH_DIR}/server.log" 2>&1 &
SCRATCH_PID=$!
export SCRATCH_DIR SCRATCH_URL SCRATCH_WRITE_KEY SCRATCH_PID

scratch_stop() {
  if kill -0 "${SCRATCH_PID}" 2>/dev/null; then
    kill "${SCRATCH_PID}" 2>/dev/null || true
    wait "${SCRATCH_PID}" 2>/dev/null || true
  fi
  rm -rf "${SCRATCH_DIR}"
}
trap scratch_stop EXIT

for _ in $(seq 1 100); do
  if "$BIN/python" -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1] + '/readyz', timeout=1)" "${SCRATCH_URL}" 2>/dev/null; then
    break
  fi
  if ! kill -0 "${SCRATCH_PID}" 2>/dev/null; then
    cat "${SCRATCH_DIR}/server.log" >&2
    echo "the server did not start" >&2
    exit 1
  fi
  sleep 0.1
done
