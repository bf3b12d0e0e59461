"""A/B of the hot reads between two source trees, with Datasette in the same rounds.

    .venv/bin/python bench/ab_reads.py --base ../old-tree [--size S] [--rounds 3] [--duration 10]

Starts our service twice on the same generated SQLite file, once importing the code of
`--base` (a checkout of the commit to compare against, put first on PYTHONPATH) and once this
tree's, plus Datasette, each pinned to the server core as bench/run.py pins them, and runs the
top-50, detail and deep-page endpoints in interleaved rounds (server order alternating), with
the user+system CPU time of each server process per request (bench/harness.py `wrk`). On a
shared machine CPU per request is the figure to read; req/s also counts time the core spent
on other work. Prints medians and writes bench/results/ab-reads-<size>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from contextlib import ExitStack
from datetime import UTC
from datetime import datetime
from pathlib import Path

from harness import BENCH
from harness import ROOT
from harness import Server
from harness import dataset
from harness import ensure_bench_venv
from harness import ensure_wrk
from harness import interleaved
from harness import log
from harness import start_datasette
from harness import start_ours
from measures import DEEP_PAGE
from measures import endpoints_for

HOT = ("top50", "detail", "deep_page")


def start_tree(tree: Path, url: str, name: str) -> Server:
    """Our service running the code of `tree` (first on PYTHONPATH; the same virtualenv)."""
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = str(tree.resolve())
    try:
        return start_ours(url, name=name)
    finally:
        if saved is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=Path, required=True, help="source tree of the A side")
    parser.add_argument("--size", default="S")
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    os.chdir(tempfile.gettempdir())  # neither tree is importable from the working directory
    bin_dir = ensure_bench_venv()
    ensure_wrk()
    db_path, summary = dataset(args.size)
    url = f"sqlite:///{db_path}"
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load_start = os.getloadavg()
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        servers = {}
        for name, tree in (("base", args.base), ("branch", ROOT)):
            servers[name] = start_tree(tree, url, name)
            stack.callback(servers[name].stop)
        servers["datasette"] = start_datasette(bin_dir, db_path, workdir)
        stack.callback(servers["datasette"].stop)
        endpoints, _ = endpoints_for(
            servers["branch"], db_path.stem, summary["rows"]["claims"], False, DEEP_PAGE
        )
        endpoints = [e for e in endpoints if e.name in HOT]
        measured = interleaved(servers, endpoints, args, workdir)
    load_end = os.getloadavg()
    table = {}
    for name, measurement in measured.items():
        row = {server: measurement.median(server) for server in servers}
        row["rounds"] = measurement.runs
        for side in ("base", "branch"):
            row[f"{side}_x_vs_datasette"] = row[side]["rps"] / row["datasette"]["rps"]
            row[f"{side}_cpu_x_vs_datasette"] = row["datasette"]["cpu"] / row[side]["cpu"]
        row["cpu_branch_over_base_per_round"] = [
            b["cpu_per_request"] / a["cpu_per_request"]
            for a, b in zip(measurement.runs["base"], measurement.runs["branch"], strict=True)
        ]
        table[name] = row
    report = {
        "started": started,
        "loadavg_start": load_start,
        "loadavg_end": load_end,
        "size": args.size,
        "dataset": summary,
        "base": str(args.base),
        "args": {k: str(v) for k, v in vars(args).items()},
        "endpoints": table,
    }
    out = BENCH / "results" / f"ab-reads-{args.size}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=1))
    log(f"{started}; load {load_start} -> {load_end}; wrote {out}")
    print(
        "| endpoint | CPU µs/req base | branch | branch/base (per round) | Datasette CPU µs/req "
        "| CPU x_vs_datasette base | branch | req/s x_vs_datasette base | branch |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, row in table.items():
        rounds = ", ".join(f"{r:.3f}" for r in row["cpu_branch_over_base_per_round"])
        median = statistics.median(row["cpu_branch_over_base_per_round"])
        print(
            f"| {name} | {row['base']['cpu'] * 1e6:.0f} | {row['branch']['cpu'] * 1e6:.0f} "
            f"| {median:.3f} ({rounds}) | {row['datasette']['cpu'] * 1e6:.0f} "
            f"| {row['base_cpu_x_vs_datasette']:.2f}x | {row['branch_cpu_x_vs_datasette']:.2f}x "
            f"| {row['base_x_vs_datasette']:.2f}x | {row['branch_x_vs_datasette']:.2f}x |"
        )


if __name__ == "__main__":
    sys.exit(main())
