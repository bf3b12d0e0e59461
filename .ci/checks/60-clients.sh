#!/usr/bin/env bash
# The generated clients against a live server (issue 16):
#   1. Node and npm: Debian's `nodejs` and `npm`, installed here when `node` or `npm` is missing
#      (not through .ci/packages: a Node from another source ships its own npm and conflicts
#      with Debian's `npm` package, so only a missing command triggers the install);
#   2. both clients regenerated from openapi/openapi.json with default settings: no generator
#      warning, and the committed clients are current (scripts/generate-clients.sh --check);
#   3. the TypeScript client and its example compiled with `tsc --strict`; the Python client
#      pip-installed, and it and its example type-checked with `mypy --strict`;
#   4. `corroborate serve` on the demo data (scratch SQLite, free port; scripts/serve-scratch.sh)
#      and both examples run against it: list, page with the cursor, the NATO claim's
#      corroboration (3 outlets, 2 origins), a claim created with a key, a 404 and a 422.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
export DEBIAN_FRONTEND=noninteractive
TOOLS=${CLIENT_TOOLS:-clients/.tools}
case "${TOOLS}" in /*) ;; *) TOOLS="${ROOT}/${TOOLS}" ;; esac
export CLIENT_TOOLS=${TOOLS}
make install >/dev/null

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "== apt-get install nodejs npm"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
echo "node $(node --version), npm $(npm --version)"

scripts/generate-clients.sh --check

(cd clients/typescript && npx --no-install tsc --strict -p tsconfig.json)
"${TOOLS}/bin/python" -m pip install --quiet ./clients/python/corroborate-client
(cd clients/python/corroborate-client && "${TOOLS}/bin/mypy" --strict --no-incremental corroborate_client)
"${TOOLS}/bin/mypy" --strict --no-incremental clients/python/example.py

source scripts/serve-scratch.sh
export CORROBORATE_URL="${SCRATCH_URL}" CORROBORATE_KEY="${SCRATCH_WRITE_KEY}"
echo "== TypeScript example"
node clients/typescript/dist/examples/example.js
echo "== Python example"
"${TOOLS}/bin/python" clients/python/example.py
