#!/usr/bin/env bash
# The explorer is served from files inside the `app` package: check that the built wheel ships
# every one of them (a page that works from a checkout but 404s when installed is a defect).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
.venv/bin/python -m pip wheel --quiet --no-deps --wheel-dir "$out" . >/dev/null
wheel=$(ls "$out"/*.whl)
.venv/bin/python - "$wheel" <<'PY'
import sys
import zipfile
from pathlib import Path

shipped = set(zipfile.ZipFile(sys.argv[1]).namelist())
wanted = {p.as_posix() for p in Path("app/explorer/static").rglob("*") if p.is_file()}
missing = sorted(wanted - shipped)
if missing or not wanted:
    sys.exit(f"the wheel lacks explorer files: {missing or 'none found in app/explorer/static'}")
print(f"the wheel ships all {len(wanted)} explorer files")
PY
