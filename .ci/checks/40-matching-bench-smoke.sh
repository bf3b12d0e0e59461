#!/usr/bin/env bash
# Smoke run of the claim-matching benchmark (bench/matching.py) on a small generated dataset, so
# the script keeps working; the figures in docs/matching.md and docs/benchmarks.md come from full
# runs. The hybrid matcher (the default) embeds 64 claims with the real model and derives the
# other vectors; the lexical matcher runs too. Kept well under two minutes on the shared 2-core
# machine even when it is busy (a loaded machine slows the model's OpenMP threads most).
set -euo pipefail
cd "$(dirname "$0")/../.."
timeout 90 .venv/bin/python bench/matching.py --claims 1000 --queries 12 --peer-queries 3 \
  --embed-budget 64 --latency-texts 3
timeout 25 .venv/bin/python bench/matching.py --matcher lexical --claims 1000 --queries 20 \
  --peer-queries 5
