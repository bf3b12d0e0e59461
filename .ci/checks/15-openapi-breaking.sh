#!/usr/bin/env bash
# The OpenAPI contract (openapi/openapi.json) against the released baseline (openapi/baseline.json):
# fails on a change that would break an existing client (a removed operation or field, a new
# required input, a narrowed enum, ...) unless info.version takes a breaking step. The rules are
# in scripts/openapi_breaking.py; tests/test_openapi_breaking.py shows it failing.
set -euo pipefail
cd "$(dirname "$0")/../.."
make install >/dev/null
"${VENV:-.venv}/bin/python" scripts/openapi_breaking.py openapi/baseline.json openapi/openapi.json
