#!/usr/bin/env bash
# Generates both clients from openapi/openapi.json with default settings, and fails if either
# generator warns about the schema.
#   scripts/generate-clients.sh          write them into clients/ (after changing the API)
#   scripts/generate-clients.sh --check  fail if clients/ differs from what the schema gives
# Needs python3 and node/npm; the generator tools go into clients/.tools (a virtualenv) and
# clients/typescript/node_modules (npm ci), both ignored by git.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TOOLS=${CLIENT_TOOLS:-clients/.tools}
case "${TOOLS}" in /*) ;; *) TOOLS="${ROOT}/${TOOLS}" ;; esac
mode=${1:-write}

if [ ! -x "${TOOLS}/bin/openapi-python-client" ] || ! cmp -s clients/python/requirements.txt "${TOOLS}/requirements.txt"; then
  python3 -m venv "${TOOLS}"
  "${TOOLS}/bin/python" -m pip install --quiet --upgrade pip
  "${TOOLS}/bin/python" -m pip install --quiet -r clients/python/requirements.txt
  cp clients/python/requirements.txt "${TOOLS}/requirements.txt"
fi
if [ ! -d clients/typescript/node_modules ] || [ clients/typescript/package-lock.json -nt clients/typescript/node_modules ]; then
  (cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error)
fi

out=$(mktemp -d)
trap 'rm -rf "${out}"' EXIT

# Python: openapi-python-client's defaults (it names the project after the API's title).
(cd "${out}" && PATH="${TOOLS}/bin:${PATH}" openapi-python-client generate \
  --path "${ROOT}/openapi/openapi.json" >"${out}/python.log" 2>&1) || { cat "${out}/python.log" >&2; exit 1; }
rm -rf "${out}/corroborate-client/.ruff_cache"  # left by the generator's formatting step
# TypeScript: openapi-typescript's defaults.
(cd clients/typescript && npx --no-install openapi-typescript "${ROOT}/openapi/openapi.json" \
  --output "${out}/schema.d.ts" >"${out}/typescript.log" 2>&1) || { cat "${out}/typescript.log" >&2; exit 1; }

status=0
for log in python typescript; do
  if grep -qi "warn\|⚠\|error" "${out}/${log}.log"; then
    echo "the ${log} generator warned about openapi/openapi.json:" >&2
    cat "${out}/${log}.log" >&2
    status=1
  fi
done
[ "${status}" -eq 0 ] || exit "${status}"

if [ "${mode}" = "--check" ]; then
  if ! diff -r "${out}/corroborate-client" clients/python/corroborate-client >"${out}/diff" ||
     ! diff "${out}/schema.d.ts" clients/typescript/src/schema.d.ts >>"${out}/diff"; then
    head -40 "${out}/diff" >&2
    echo "the generated clients are stale: run scripts/generate-clients.sh" >&2
    exit 1
  fi
  echo "both clients are generated from openapi/openapi.json without warnings and are current"
else
  rm -rf clients/python/corroborate-client
  cp -r "${out}/corroborate-client" clients/python/corroborate-client
  cp "${out}/schema.d.ts" clients/typescript/src/schema.d.ts
  echo "wrote clients/python/corroborate-client and clients/typescript/src/schema.d.ts"
fi
