#!/usr/bin/env bash
# Benchmark smoke: bench/run.py end to end on tiny data with one-second runs (Datasette and
# wrk installed by the script itself, SQLite and PostgreSQL, verification of equal rows, SQL
# floor, ingest). It only checks that the benchmark works; its numbers mean nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
timeout 300 python3 bench/run.py --smoke
