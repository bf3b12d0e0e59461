#!/usr/bin/env bash
# The whole test suite: lint, then the same tests on SQLite and on PostgreSQL.
# Extra arguments go to pytest (e.g. scripts/test.sh -k claims -x).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV:-.venv}/bin

eval "$(scripts/ensure-postgres.sh)"
eval "$(scripts/ensure-redis.sh)"

echo "== lint (ruff, hadolint)"
"$BIN/ruff" check .
"$BIN/ruff" format --check .
"$BIN/hadolint" Dockerfile

status=0
for backend in sqlite postgresql; do
  echo
  echo "== tests on ${backend}"
  CLAIMS_TEST_DATABASE=${backend} "$BIN/python" -m pytest "$@" || status=1
done
if [ "$status" != 0 ]; then
  echo "FAILED on at least one database (see above)" >&2
fi
exit "$status"
