"""Side-by-side benchmark: our service vs Datasette vs raw SQL, on SQLite and PostgreSQL.

    python bench/run.py --size M          # the table in docs/benchmarks.md
    python bench/run.py --smoke           # seconds-long run that only checks everything works

One run: makes sure its tools exist (the project's .venv via `make install`; a bench virtualenv
with Datasette and the same uvicorn extras as ours, and py-spy; `wrk` from Debian), generates
(or reuses) the data, starts our service (`corroborate serve`, 1 worker) and Datasette (1
process, canned queries from bench/datasette.json returning the same rows) on the same SQLite
file, each pinned to core 0 with `taskset`, with `wrk` pinned to core 1. It first checks that
both return the same ids and counts, warms up, then runs 3 interleaved rounds (server order
alternating) per endpoint and reports medians. Then: the raw-SQL floor (the statements our
service ran, replayed with the bare driver in-process), the same endpoints on PostgreSQL (our
service vs its SQL floor and pgbench running that SQL), scaling of top-50 and detail across
sizes, the server stack comparison behind `corroborate serve`, and bulk ingest when the
ingest endpoint exists. Writes bench/results/<size>.json and the results section of
docs/benchmarks.md. Only this machine's loopback is ever used; every port is picked free.

This file is the driver. The measuring half is bench/harness.py (tools, servers, wrk rounds)
and bench/measures.py (what is measured); the reporting half is bench/report.py.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import UTC
from datetime import datetime
from pathlib import Path
from typing import Any

from harness import BENCH
from harness import ROOT
from harness import dataset
from harness import ensure_bench_venv
from harness import ensure_project_venv
from harness import ensure_wrk
from harness import has_search
from harness import interleaved
from harness import log
from harness import machine
from harness import start_datasette
from harness import start_ours
from harness import summarise
from measures import DEEP_PAGE
from measures import endpoints_for
from measures import floor_seconds
from measures import measure_ingest
from measures import measure_postgres
from measures import measure_scaling
from measures import measure_stacks
from measures import postgres_database
from measures import profile
from measures import sql_floor
from measures import verify
from report import DOC
from report import check_targets
from report import markdown
from report import write_doc

RESULTS = BENCH / "results"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=["T", "S", "M", "L"], default="M")
    parser.add_argument("--duration", type=float, default=10, help="Seconds per measured run.")
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--scaling", default="S,M,L", help="Sizes for the scaling table ('' to skip)."
    )
    parser.add_argument(
        "--parts",
        default="sqlite,postgres,scaling,stacks,profile,ingest",
        help="Which comparisons to run (comma-separated subset of the default).",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="Tiny data and sub-second runs: checks that everything works.",
    )
    parser.add_argument("--no-doc", action="store_true", help="Do not touch docs/benchmarks.md.")
    parser.add_argument(
        "--render",
        metavar="RESULTS_JSON",
        help="Only rewrite docs/benchmarks.md from a saved bench/results/*.json.",
    )
    args = parser.parse_args()
    if args.render:
        write_doc(markdown(json.loads(Path(args.render).read_text())))
        return
    parts = set(args.parts.split(","))
    if args.smoke:
        args.size, args.duration, args.warmup, args.rounds = "T", 1, 0, 1
        args.no_doc = True
        parts -= {"scaling", "stacks", "profile"}
    started = time.time()
    ensure_project_venv()
    bench_bin = ensure_bench_venv()
    ensure_wrk()
    report: dict[str, Any] = {
        "command": " ".join(["python", "bench/run.py", *sys.argv[1:]]),
        "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "size": args.size,
        "settings": {k: getattr(args, k) for k in ("duration", "warmup", "rounds", "connections")},
        "datasets": {},
    }
    db_path, summary = dataset(args.size)
    report["datasets"][args.size] = summary
    claims = summary["rows"]["claims"]
    deep_pages = min(DEEP_PAGE, max(2, claims // 50 - 2))
    sqlite_url = f"sqlite:///{db_path}"
    with tempfile.TemporaryDirectory(prefix="corroborate-bench-") as tmp:
        workdir = Path(tmp)
        ours = start_ours(sqlite_url)
        datasette = start_datasette(bench_bin, db_path, workdir) if "sqlite" in parts else None
        try:
            search = has_search(ours.base)
            if not search:
                report["search_note"] = (
                    "not measured in this run: `GET /v1/claims` has no `q` parameter yet "
                    "(full-text search arrives with issue 4). bench/run.py measures it against "
                    "Datasette's FTS5 canned query as soon as the parameter exists."
                )
                log("search: skipped, /v1/claims has no q parameter yet")
            endpoints, extra = endpoints_for(ours, db_path.stem, claims, search, deep_pages)
            report.update(extra)
            if datasette is not None:
                report["verified_rows"] = verify(ours, datasette, endpoints, claims)
                log(f"verified: both servers return the same rows {report['verified_rows']}")
                measured = interleaved(
                    {"corroborate": ours, "datasette": datasette}, endpoints, args, workdir
                )
        finally:
            ours.stop()
            if datasette is not None:
                datasette.stop()
        if datasette is not None:
            floor = sql_floor(sqlite_url, endpoints, claims, floor_seconds(args), workdir)
            report["sqlite"] = summarise(measured, floor, ["corroborate", "datasette"])

        if "postgres" in parts:
            with postgres_database(args.size) as pg_url:
                if pg_url is None:
                    report["postgresql_note"] = "PostgreSQL was not reachable; not measured."
                else:
                    report["postgresql"] = measure_postgres(
                        pg_url, endpoints, claims, args, workdir
                    )
        if "scaling" in parts and args.scaling:
            report["scaling"] = measure_scaling(args, workdir, report)
        if "stacks" in parts:
            report["stacks"] = measure_stacks(sqlite_url, args, workdir)
        if "profile" in parts:
            report["profile"] = profile(sqlite_url, bench_bin, args, workdir)
        if "ingest" in parts:
            report["ingest"] = measure_ingest(args, workdir)
    report["loadavg_at_end"] = os.getloadavg()
    report["seconds"] = time.time() - started
    report["targets"] = check_targets(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{args.size}{'-smoke' if args.smoke else ''}.json"
    out.write_text(json.dumps(report, indent=2, default=str) + "\n")
    text = markdown(report)
    print(text)
    if not args.no_doc:
        write_doc(text)
        log(f"wrote {DOC.relative_to(ROOT)} and {out.relative_to(ROOT)}")
    else:
        log(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
