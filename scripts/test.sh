#!/usr/bin/env bash
# The whole test suite: lint, then the same tests on SQLite and on PostgreSQL.
# Extra arguments go to pytest (e.g. scripts/test.sh -k claims -x).
#
# The two databases' runs are independent (each builds its own scratch database, Redis keys
# carry a random prefix, servers take free ports), so they run side by side: on two cores the
# SQLite run is mostly Python and the PostgreSQL run waits on its server half the time.
# Each run's output goes to its own log, printed whole when it ends, so the two never
# interleave. TEST_SERIAL=1 runs them one after the other, with output as it comes.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV:-.venv}/bin

eval "$(scripts/ensure-postgres.sh)"
eval "$(scripts/ensure-redis.sh)"

echo "== lint (ruff, hadolint)"
"$BIN/ruff" check .
"$BIN/ruff" format --check .
"$BIN/hadolint" Dockerfile

backends=(sqlite postgresql)
failed=()

if [ "${TEST_SERIAL:-}" = 1 ]; then
  for backend in "${backends[@]}"; do
    echo
    echo "== tests on ${backend}"
    CLAIMS_TEST_DATABASE=${backend} "$BIN/python" -m pytest "$@" || failed+=("$backend")
  done
else
  logs=$(mktemp -d)
  trap 'rm -rf "$logs"' EXIT
  declare -A pids
  for backend in "${backends[@]}"; do
    # Each run keeps its own pytest cache, so that the two never write one file at once.
    CLAIMS_TEST_DATABASE=${backend} "$BIN/python" -m pytest -o "cache_dir=.pytest_cache/${backend}" "$@" \
      >"$logs/$backend.log" 2>&1 </dev/null &
    pids[$backend]=$!
  done
  echo "== tests on ${backends[*]}, side by side (logs follow as each run ends)"
  for backend in "${backends[@]}"; do
    status=0
    wait "${pids[$backend]}" || status=$?
    echo
    echo "== tests on ${backend} (exit ${status})"
    cat "$logs/$backend.log"
    [ "$status" = 0 ] || failed+=("$backend")
  done
fi

if [ "${#failed[@]}" -gt 0 ]; then
  echo "FAILED on ${failed[*]} (see above)" >&2
  exit 1
fi
