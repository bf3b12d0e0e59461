#!/usr/bin/env bash
# Smoke run of the claim-matching benchmark (bench/matching.py) on a small generated dataset, so
# the script keeps working; the figures in docs/matching.md come from full runs (100k claims).
set -euo pipefail
cd "$(dirname "$0")/../.."
timeout 300 .venv/bin/python bench/matching.py --claims 2000 --queries 30 --peer-queries 10
