"""The reporting half of bench/run.py: a results dict (bench/results/<size>.json) as the
Markdown section of docs/benchmarks.md, and the targets it is held to. Measures nothing.

    python bench/run.py --render bench/results/M.json   # rewrite the doc from saved results
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
START_MARK = "<!-- bench:results:start -->"
END_MARK = "<!-- bench:results:end -->"
# Where bench/run.py pins the servers and the load generator (taskset).
SERVER_CORE, LOAD_CORE = "0", "1"


def ms(value: float) -> str:
    return f"{value * 1e3:.2f}"


def markdown(report: dict) -> str:
    """The results section of docs/benchmarks.md for one run's results."""
    sections = (
        _run,
        _sqlite,
        _postgresql,
        _scaling,
        _stacks,
        _profile,
        _ingest,
        _targets,
    )
    return "\n".join(line for section in sections for line in section(report)) + "\n"


def _run(report: dict) -> list[str]:
    m = report["machine"]
    v = m["versions"]
    lines = [
        f"Run: `{report['command']}` on {report['started']} ({report['seconds']:.0f} s).",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, Linux {m['kernel']}; load average at start "
        f"{', '.join(f'{x:.2f}' for x in m['loadavg_at_start'])}, at end "
        f"{', '.join(f'{x:.2f}' for x in report['loadavg_at_end'])} (the cores are shared with "
        "other work, so absolute numbers are noisy; the ratios come from interleaved rounds).",
        "",
        f"Versions: Python {v['python']}, FastAPI {v['fastapi']}, Pydantic {v['pydantic']}, "
        f"SQLAlchemy {v['sqlalchemy']}, uvicorn {v['uvicorn']}, granian {v['granian']}, "
        f"orjson {v['orjson']}, SQLite {v['sqlite']}, PostgreSQL {v.get('postgresql', '-')}, "
        f"Datasette {v['datasette']}, wrk {v['wrk']}.",
        "",
        "Data: "
        + "; ".join(
            f"{size}: {d['rows']['claims']:,} claims, {d['rows']['attributions']:,} attributions, "
            f"{d['rows']['articles']:,} articles, {d['rows']['article_links']:,} copy links"
            for size, d in report["datasets"].items()
        ),
        "",
        f"Load: wrk, 1 thread, {report['settings']['connections']} connections, "
        f"{report['settings']['duration']} s per run after {report['settings']['warmup']} s "
        f"warm-up, {report['settings']['rounds']} interleaved rounds, medians. Servers pinned "
        f"to core {SERVER_CORE}, wrk to core {LOAD_CORE}.",
        "",
    ]
    return lines


def _sqlite(report: dict) -> list[str]:
    lines = [
        f"### SQLite, size {report['size']}: our service vs Datasette vs the SQL floor",
        "",
        "| endpoint | ours req/s | ours p50 ms | ours p99 ms | Datasette req/s | Datasette p50 ms "
        "| Datasette p99 ms | x_vs_datasette | p99 vs Datasette | CPU µs/req ours | CPU µs/req "
        "Datasette | CPU x_vs_datasette | SQL floor ms | sql_share |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: |",
    ]
    for name, row in report.get("sqlite", {}).items():
        ours, theirs = row["corroborate"], row.get("datasette")
        cells = [name, f"{ours['rps']:.0f}", ms(ours["p50"]), ms(ours["p99"])]
        if theirs:
            cells += [
                f"{theirs['rps']:.0f}",
                ms(theirs["p50"]),
                ms(theirs["p99"]),
                f"**{row['x_vs_datasette']:.2f}x**",
                f"{row['p99_vs_datasette']:.2f}x",
                f"{(ours.get('cpu') or 0) * 1e6:.0f}",
                f"{(theirs.get('cpu') or 0) * 1e6:.0f}",
                f"{row['cpu_x_vs_datasette']:.2f}x" if "cpu_x_vs_datasette" in row else "-",
            ]
        else:
            cells += ["-"] * 8
        cells += (
            [ms(row["sql_floor_s"]), f"{row['sql_share']:.0%}"]
            if "sql_share" in row
            else ["-", "-"]
        )
        lines.append("| " + " | ".join(cells) + " |")
    failed = [
        f"{name} ({server}): {sum(r.get('error_responses', 0) for r in runs)}"
        for name, row in report.get("sqlite", {}).items()
        for server, runs in row["rounds"].items()
        if sum(r.get("error_responses", 0) for r in runs)
    ]
    if failed:
        lines += [
            "",
            "Error answers under load (wrk counts them in its rates): " + "; ".join(failed),
        ]
    if report.get("search_note"):
        lines += ["", f"Search: {report['search_note']}"]
    return lines


def _postgresql(report: dict) -> list[str]:
    pg = report.get("postgresql")
    lines = ["", f"### PostgreSQL, size {report['size']}: our service vs its SQL", ""]
    if pg:
        lines += [
            "PostgREST, the natural peer here, is not installable on these machines (not in "
            "Debian's or PyPI's packages), so the peers are the SQL floor (the statements our "
            "service ran, replayed in-process with psycopg) and pgbench running those same "
            "statements with the same 16 connections.",
            "",
            "| endpoint | ours req/s | ours p50 ms | ours p99 ms | SQL floor ms | sql_share "
            "| pgbench tps (same SQL) | ours / pgbench |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, row in pg.items():
            ours = row["corroborate"]
            bench = row.get("pgbench")
            lines.append(
                f"| {name} | {ours['rps']:.0f} | {ms(ours['p50'])} | {ms(ours['p99'])} | "
                f"{ms(row['sql_floor_s'])} | {row['sql_share']:.0%} | "
                + (
                    f"{bench['tps']:.0f} | {ours['rps'] / bench['tps']:.2f}x |"
                    if bench
                    else "- | - |"
                )
            )
    else:
        lines.append(report.get("postgresql_note", "not measured"))
    return lines


def _scaling(report: dict) -> list[str]:
    lines: list[str] = []
    scaling = report.get("scaling")
    if scaling:
        lines += [
            "",
            "### Scaling: our service on SQLite at each size (interleaved rounds, medians)",
            "",
            "| size | claims | attributions | top50 req/s | top50 p50 ms | top50 p99 ms "
            "| top50 CPU µs/req | detail req/s | detail p50 ms | detail p99 ms "
            "| detail CPU µs/req |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for size, row in scaling["sizes"].items():
            d = report["datasets"][size]["rows"]
            cells = [size, f"{d['claims']:,}", f"{d['attributions']:,}"]
            for name in ("top50", "detail"):
                r = row[name]
                cells += [
                    f"{r['rps']:.0f}",
                    ms(r["p50"]),
                    ms(r["p99"]),
                    f"{r['cpu_per_request'] * 1e6:.0f}",
                ]
            lines.append("| " + " | ".join(cells) + " |")
        sizes = list(scaling["sizes"])
        for name, ratio in scaling.get("largest_vs_smallest_p50", {}).items():
            cpu = scaling.get("largest_vs_smallest_cpu", {}).get(name)
            lines += [
                "",
                f"{name}: p50 latency at {sizes[-1]} is {ratio:.2f}x that at {sizes[0]}"
                + (f"; CPU per request {cpu:.2f}x." if cpu else "."),
            ]
    return lines


def _stacks(report: dict) -> list[str]:
    lines: list[str] = []
    stacks = report.get("stacks")
    if stacks:
        lines += [
            "",
            "### Server stack for `corroborate serve` (top50, SQLite)",
            "",
            "| stack | req/s | p50 ms | p99 ms | CPU µs/req |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for name, row in stacks.items():
            lines.append(
                f"| {name} | {row['rps']:.0f} | {ms(row['p50'])} | {ms(row['p99'])} | "
                f"{(row.get('cpu') or 0) * 1e6:.0f} |"
            )
    return lines


def _profile(report: dict) -> list[str]:
    lines: list[str] = []
    prof = report.get("profile")
    if prof:
        lines += [
            "",
            f"### Where a top-50 request's time goes (py-spy, {prof['samples']} samples)",
            "",
            "| part | share of samples |",
            "| --- | ---: |",
        ]
        for group, share in sorted(prof["groups"].items(), key=lambda kv: -kv[1]):
            lines.append(f"| {group} | {share:.0%} |")
    return lines


def _ingest(report: dict) -> list[str]:
    lines: list[str] = []
    ing = report.get("ingest")
    if ing:
        lines += ["", "### Bulk ingest", ""]
        if ing["available"]:
            lines.append(
                f"NDJSON through `POST /v1/ingest/batch`: {ing['rows_per_s']:.0f} "
                f"attributions/s; executemany floor {ing['floor_rows_per_s']:.0f} rows/s; "
                f"**{ing['x_vs_floor']:.3f}x** the floor."
            )
            if "matcher" in ing:
                lines.append(
                    f"({ing['attributions']:,} attributions in {ing['lines']:,} lines, requests "
                    f"of 500 lines, {ing['matcher']} matcher. The set-based engine's own "
                    'figures, per matcher and database, are under "Bulk ingest" below.)'
                )
        else:
            lines.append(
                f"Not available: {ing['note']}. The executemany floor on this disk was "
                f"{ing['floor_rows_per_s']:.0f} attribution rows/s."
            )
    return lines


def _targets(report: dict) -> list[str]:
    lines: list[str] = []
    targets = report.get("targets")
    if targets:
        lines += ["", "### Targets", "", "| target | result | met |", "| --- | --- | --- |"]
        for t in targets:
            lines.append(f"| {t['target']} | {t['result']} | {'yes' if t['met'] else '**no**'} |")
    return lines


def check_targets(report: dict) -> list[dict]:
    out = []
    sqlite_rows = report.get("sqlite", {})
    top = sqlite_rows.get("top50", {})
    if "x_vs_datasette" in top:
        out.append(
            {
                "target": "top50 ≥ 1.5x Datasette req/s",
                "result": f"{top['x_vs_datasette']:.2f}x",
                "met": top["x_vs_datasette"] >= 1.5,
            }
        )
        out.append(
            {
                "target": "top50 p99 ≤ Datasette's",
                "result": f"{top['p99_vs_datasette']:.2f}x",
                "met": top["p99_vs_datasette"] <= 1.0,
            }
        )
    for name in ("detail", "search"):
        row = sqlite_rows.get(name, {})
        if "x_vs_datasette" in row:
            out.append(
                {
                    "target": f"{name} ≥ 1.0x Datasette req/s",
                    "result": f"{row['x_vs_datasette']:.2f}x",
                    "met": row["x_vs_datasette"] >= 1.0,
                }
            )
        elif name == "search":
            out.append(
                {
                    "target": "search ≥ 1.0x Datasette req/s",
                    "result": "not measured: `q` does not exist yet",
                    "met": False,
                }
            )
    scaling = report.get("scaling") or {}
    for name, ratio in scaling.get("largest_vs_smallest_p50", {}).items():
        out.append(
            {
                "target": f"{name} latency at {scaling['largest']} ≤ 1.3x at {scaling['smallest']}",
                "result": f"p50 {ratio:.2f}x"
                + (
                    f" (CPU per request {scaling['largest_vs_smallest_cpu'][name]:.2f}x)"
                    if name in scaling.get("largest_vs_smallest_cpu", {})
                    else ""
                ),
                "met": ratio <= 1.3,
            }
        )
    ing = report.get("ingest") or {}
    if ing.get("available"):
        out.append(
            {
                "target": "bulk ingest ≥ 0.25x executemany",
                "met": ing["x_vs_floor"] >= 0.25,
                "result": f"{ing['x_vs_floor']:.3f}x",
            }
        )
    return out


def write_doc(text: str) -> None:
    current = DOC.read_text() if DOC.exists() else f"# Benchmarks\n\n{START_MARK}\n{END_MARK}\n"
    if START_MARK not in current:
        current += f"\n{START_MARK}\n{END_MARK}\n"
    head, rest = current.split(START_MARK, 1)
    _, tail = rest.split(END_MARK, 1)
    DOC.write_text(f"{head}{START_MARK}\n{text}{END_MARK}{tail}")
