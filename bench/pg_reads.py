"""PostgreSQL reads: our service against pgbench running its very SQL, at one or more sizes.

    .venv/bin/python bench/pg_reads.py M=postgresql+psycopg://…/pgscale_m \\
        XL=postgresql+psycopg://…/pgscale_xl [--profile] [--out bench/results/pg-reads.json]

Each database is one already filled by bench/pg_load.py (or bench/generate.py). One server
each (`corroborate serve`, 1 worker, pinned to core 0 like bench/run.py), wrk (1 thread, 16
connections) pinned to core 1. The endpoints are bench/run.py's: top-50, a random claim's
detail, one outlet between two dates, a search by relevance, a page 200 pages deep.

In every round, for every endpoint, each size's server runs in turn (order alternating) and,
for the first size, pgbench runs right after our run with the statements our service ran for
that request (captured by bench/sql_floor.py, 16 connections, simple-query mode as in
bench/run.py): the ratio ours / pgbench is taken per round, so both meet the same load on this
shared machine, and the median of the rounds is reported. `--profile` adds a py-spy profile
of the first size's top-50 under wrk, grouped as bench/run.py groups it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.parse
from datetime import UTC
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import Endpoint
from harness import Server
from harness import Target
from harness import log
from harness import machine
from harness import start_ours
from harness import wrk
from measures import DEEP_PAGE
from measures import FILTER_OUTLET
from measures import FILTER_SINCE
from measures import FILTER_UNTIL
from measures import SEARCH_TERM
from measures import deep_cursor
from measures import pgbench
from measures import profile
from measures import sql_floor
from sqlalchemy import create_engine
from sqlalchemy import text


def _claims(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as connection:
        count = int(connection.execute(text("SELECT max(id) FROM claim")).scalar() or 0)
    engine.dispose()
    return count


def _start(url: str, label: str, code: str | None) -> Server:
    if code is None:
        return start_ours(url, name=label)
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = code
    try:
        return start_ours(url, name=label)
    finally:
        if before is None:
            os.environ.pop("PYTHONPATH")
        else:
            os.environ["PYTHONPATH"] = before


def endpoints(server: Server, claims: int) -> list[Endpoint]:
    since, until = urllib.parse.quote(FILTER_SINCE), urllib.parse.quote(FILTER_UNTIL)
    cursor, _, _ = deep_cursor(server.base, min(DEEP_PAGE, max(2, claims // 50 - 2)))
    paths = {
        "top50": Target("/v1/claims?limit=50"),
        "detail": Target("/v1/claims/{id}", (1, claims)),
        "filtered": Target(
            f"/v1/claims?limit=50&outlet={FILTER_OUTLET}&since={since}&until={until}"
        ),
        "search": Target(f"/v1/claims?limit=50&sort=relevance&q={SEARCH_TERM}"),
        "deep_page": Target(f"/v1/claims?limit=50&cursor={cursor}"),
    }
    return [Endpoint(name, target, None, "list") for name, target in paths.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("databases", nargs="+", help="LABEL=URL, the first one gets pgbench")
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--only", nargs="*", help="Endpoint names (default: all).")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--py-spy",
        default=str(Path(__file__).resolve().parent / ".venv" / "bin" / "py-spy"),
        help="py-spy executable for --profile (bench/run.py installs it in bench/.venv).",
    )
    parser.add_argument("--out", help="Write the results JSON here.")
    parser.add_argument(
        "--code",
        action="append",
        default=[],
        metavar="LABEL=DIR",
        help="Serve LABEL with the `app` package found in DIR (A/B of a change on one database).",
    )
    args = parser.parse_args()
    sizes = dict(item.split("=", 1) for item in args.databases)
    first = next(iter(sizes))
    report: dict[str, Any] = {
        "command": " ".join(["python", "bench/pg_reads.py", *sys.argv[1:]]),
        "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "settings": {k: getattr(args, k) for k in ("duration", "warmup", "rounds", "connections")},
        "claims": {label: _claims(url) for label, url in sizes.items()},
    }
    servers: dict[str, Server] = {}
    runs: dict[str, dict[str, list[dict]]] = {}
    with tempfile.TemporaryDirectory(prefix="pg-reads-") as tmp:
        workdir = Path(tmp)
        try:
            targets: dict[str, dict[str, Endpoint]] = {}
            code = dict(item.split("=", 1) for item in args.code)
            for label, url in sizes.items():
                servers[label] = _start(url, label, code.get(label))
                eps = endpoints(servers[label], report["claims"][label])
                targets[label] = {e.name: e for e in eps if not args.only or e.name in args.only}
            names = list(targets[first])
            floor = sql_floor(
                sizes[first],
                list(targets[first].values()),
                report["claims"][first],
                max(1.0, args.duration / 3),
                workdir,
                pgbench_dir=workdir / "pgbench",
            )
            report["sql_floor_ms"] = {n: floor[n]["seconds"] * 1e3 for n in names}
            for label in sizes:
                for name in names:
                    wrk(servers[label].base, targets[label][name].ours, args.warmup,
                        args.connections, workdir)  # fmt: skip
            for round_no in range(args.rounds):
                order = list(sizes) if round_no % 2 == 0 else list(reversed(sizes))
                for name in names:
                    for label in order:
                        result = wrk(
                            servers[label].base,
                            targets[label][name].ours,
                            args.duration,
                            args.connections,
                            workdir,
                            servers[label],
                        )
                        runs.setdefault(label, {}).setdefault(name, []).append(result)
                        log(
                            f"round {round_no + 1} {name:>9} {label:>3}: {result['rps']:7.0f} "
                            f"req/s p50 {result['p50'] * 1e3:7.1f} ms p99 "
                            f"{result['p99'] * 1e3:7.1f} ms cpu "
                            f"{(result['cpu_per_request'] or 0) * 1e6:5.0f} us/req"
                        )
                    bench = pgbench(
                        sizes[first], floor[name]["pgbench_scripts"], args.duration,
                        args.connections,
                    )  # fmt: skip
                    runs.setdefault("pgbench", {}).setdefault(name, []).append(bench)
                    log(f"round {round_no + 1} {name:>9} pgbench {first}: {bench['tps']:7.0f} tps")
        finally:
            for server in servers.values():
                server.stop()
        if args.profile:
            report["profile"] = profile(
                sizes[first], Path(args.py_spy).parent, _profile_args(args), workdir
            )
    report["results"] = _summary(runs, sizes, first, names)
    report["loadavg_at_end"] = os.getloadavg()
    text_out = json.dumps(report, indent=2, default=str)
    if args.out:
        Path(args.out).write_text(text_out + "\n")
    print(_markdown(report, list(sizes), first))


def _profile_args(args: argparse.Namespace) -> argparse.Namespace:
    return argparse.Namespace(
        warmup=args.warmup, duration=args.duration, connections=args.connections
    )


def _summary(runs: dict, sizes: dict, first: str, names: list[str]) -> dict:
    out: dict[str, Any] = {}
    for name in names:
        row: dict[str, Any] = {}
        for label in sizes:
            rs = runs[label][name]
            row[label] = {
                k: statistics.median(r[k] or 0 for r in rs)
                for k in ("rps", "p50", "p99", "cpu_per_request")
            }
            row[label]["rounds"] = rs
        tps = [r["tps"] for r in runs["pgbench"][name]]
        row["pgbench_tps"] = statistics.median(tps)
        row["ours_vs_pgbench"] = statistics.median(
            r["rps"] / t for r, t in zip(runs[first][name], tps, strict=True)
        )
        for label in sizes:
            if label != first:
                row[f"{label}_vs_{first}_p50"] = row[label]["p50"] / row[first]["p50"]
        out[name] = row
    return out


def _markdown(report: dict, labels: list[str], first: str) -> str:
    m = report["machine"]
    lines = [
        f"`{report['command']}` — {report['started']}; {m['cpu']}, {m['cores']} cores; load "
        f"average at start {', '.join(f'{x:.1f}' for x in m['loadavg_at_start'])}, at end "
        f"{', '.join(f'{x:.1f}' for x in report['loadavg_at_end'])}; claims "
        + ", ".join(f"{k} {v:,}" for k, v in report["claims"].items()),
        "",
        "| endpoint | "
        + " | ".join(f"{x} req/s | {x} p50 ms | {x} p99 ms | {x} CPU µs/req" for x in labels)
        + f" | SQL floor ms ({first}) | pgbench tps ({first}) | ours / pgbench ({first}) |"
        + "".join(f" {x} p50 / {first} p50 |" for x in labels[1:]),
        "| --- |" + " ---: |" * (4 * len(labels) + 3 + len(labels) - 1),
    ]
    for name, row in report["results"].items():
        cells = []
        for label in labels:
            r = row[label]
            cells += [
                f"{r['rps']:.0f}",
                f"{r['p50'] * 1e3:.1f}",
                f"{r['p99'] * 1e3:.1f}",
                f"{r['cpu_per_request'] * 1e6:.0f}",
            ]
        cells += [
            f"{report['sql_floor_ms'][name]:.2f}",
            f"{row['pgbench_tps']:.0f}",
            f"**{row['ours_vs_pgbench']:.2f}x**",
        ]
        cells += [f"{row[f'{x}_vs_{first}_p50']:.2f}x" for x in labels[1:]]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    if "profile" in report:
        p = report["profile"]
        lines += ["", f"py-spy, top-50 on {first} ({p['samples']} samples):", ""]
        lines += [f"- {group}: {share:.0%}" for group, share in p["groups"].items()]
    return "\n".join(lines)


if __name__ == "__main__":
    started = time.time()
    main()
    log(f"done in {time.time() - started:.0f} s")
