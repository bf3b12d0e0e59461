"""The one-line ingest path in-process, without HTTP: its rate and where a line's time goes.

    .venv/bin/python bench/ingest_profile.py                      # rate, ratio to the floor
    .venv/bin/python bench/ingest_profile.py --phases             # + time per phase, per line
    .venv/bin/python bench/ingest_profile.py --profile pyinstrument   # + a call tree
    .venv/bin/python bench/ingest_profile.py --profile cprofile       # + top functions
    .venv/bin/python bench/ingest_profile.py --replay     # + the same SQL through bare sqlite3

Builds the same NDJSON as `bench/run.py`'s ingest comparison (`bench/ingest_floor.py` through
`bench/bulk_ingest.py`'s `sqlite_floor`, 3,000 attributions by default, which also times its
`executemany` floor), then feeds it, in chunks of 500 lines, to `app.ingest.service.ingest_lines`
(each line its own transaction through the one-line path, the reference the set-based engine is
tested against and what `POST /v1/ingest` runs for one article), with an engine and matcher built
as the app builds them, into a freshly migrated SQLite file on the same disk. `POST
/v1/ingest/batch` and `corroborate import` run the set-based engine instead: measure that with
`bench/bulk_ingest.py` (and profile it with py-spy around that script).

Units: ingest_floor.py's `rows_per_s` is attributions divided by the seconds `executemany`
takes to insert *all* the rows behind them (outlets, articles, links, claims, attributions), so
both sides are attributions per second of the same NDJSON and the ratio compares like with like.

`--phases` times the main steps of every line in CPU time (a wrapper around each step; they cost a
few microseconds per call) and prints milliseconds per line and the share of the total.
The machine is shared: under load the wall-clock figures (and the floor's) drop together, so
read `x_vs_floor` and the CPU time per line (the ingest is one thread), and note the load
average the JSON reports. `statements_per_line` counts SQL statements sent (BEGIN included,
COMMIT not). Prints JSON last.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bulk_ingest import sqlite_floor  # noqa: E402  (bench/ is on the path when run as a script)
from phase_timer import PhaseTimer  # noqa: E402

CHUNK = 500  # lines per POST in bench/run.py


# ---- phases ---------------------------------------------------------------------------------

# (label, module, attribute): each wrapped so its time is charged to the label; a phase called
# inside another one is subtracted from the outer (times are exclusive).
PHASES = [
    ("parse + validate the line (orjson, Pydantic)", "app.ingest.models", "IngestPayload"),
    ("outlet + article lookup/insert", "app.ingest.service", "_outlet"),
    ("outlet + article lookup/insert", "app.ingest.service", "_article"),
    ("credits (byline/dateline scan + outlet lookup)", "app.ingest.copies", "resolve_credits"),
    ("claims: exact fingerprint lookup + matcher", "app.matching.service", "existing_claim"),
    ("claims: insert new claim", "app.claims.service", "create"),
    ("attribution insert", "app.claims.attributions", "add_attribution"),
    ("counters recount (corroboration.counters.recount)", "app.corroboration.counters", "recount"),
    ("stated origin link", "app.ingest.service", "_stated_origin"),
    ("copy detection", "app.ingest.copies", "detect"),
    ("result (link_public, models)", "app.articles.service", "link_public"),
    ("COMMIT", "sqlalchemy.orm.session", "Session.commit"),
    ("BEGIN (writer lock, connection checkout)", "app.core.unit_of_work", "transaction"),
]


def install_phases(timer: PhaseTimer) -> None:
    import importlib

    from app.ingest import service as ingest_service

    for label, module_name, attribute in PHASES:
        module = importlib.import_module(module_name)
        if label.startswith("parse"):
            model = module.IngestPayload
            original = model.model_validate
            wrapped = timer.wrap(label, original)
            model.model_validate = wrapped  # type: ignore[method-assign]
            continue
        if label.startswith("BEGIN"):
            # run_transaction (the one unit of work a line runs in) opens it by this name.
            unit_of_work = importlib.import_module("app.core.unit_of_work")
            original_tx = unit_of_work.transaction

            @contextmanager
            def tx(engine: Any, *, write: bool, _orig: Any = original_tx) -> Iterator[Any]:
                with timer.around("BEGIN (writer lock, connection checkout)"):
                    manager = _orig(engine, write=write)
                    session = manager.__enter__()
                    session.connection()  # BEGIN IMMEDIATE happens here
                try:
                    yield session
                except BaseException:
                    if not manager.__exit__(*sys.exc_info()):
                        raise
                else:
                    manager.__exit__(None, None, None)

            unit_of_work.transaction = tx
            continue
        owner_name, _, name = attribute.rpartition(".")
        owner = getattr(module, owner_name) if owner_name else module
        wrapped = timer.wrap(label, getattr(owner, name))
        setattr(owner, name, wrapped)
        # Modules that imported the function by name keep their own reference.
        for other in (ingest_service, importlib.import_module("app.ingest.copies")):
            if not owner_name and getattr(other, name, None) is getattr(module, name, object()):
                setattr(other, name, wrapped)


# ---- the run --------------------------------------------------------------------------------


def run_ingest(
    ndjson: Path, url: str, timer: PhaseTimer | None, record: list[Any] | None = None
) -> dict[str, Any]:
    from sqlalchemy import event

    from app.core.config import Settings
    from app.core.engine import create_db_engine
    from app.ingest import service
    from app.matching.factory import build_matcher

    settings = Settings(database_url=url)
    engine = create_db_engine(settings)
    matcher = build_matcher(settings)
    statements = [0]

    @event.listens_for(engine, "before_cursor_execute")
    def _count(
        _conn: Any, _cursor: Any, statement: str, params: Any, _context: Any, many: bool
    ) -> None:
        statements[0] += 1
        if record is not None:
            record.append((statement, params, many))

    if record is not None:

        @event.listens_for(engine, "commit")
        def _commit(_conn: Any) -> None:
            record.append(("COMMIT", None, False))

        @event.listens_for(engine, "rollback")
        def _rollback(_conn: Any) -> None:
            record.append(("ROLLBACK", None, False))

    lines = ndjson.read_bytes().splitlines(keepends=True)
    failed: list[Any] = []
    started = time.perf_counter()
    cpu_started = time.process_time()
    for start in range(0, len(lines), CHUNK):
        chunk = lines[start : start + CHUNK]
        if timer is not None:
            with timer.around("rest (ingest glue, session, ORM bookkeeping)"):
                results = list(
                    service.ingest_lines(
                        engine, chunk, matcher=matcher, settings=settings, first_line=start + 1
                    )
                )
        else:
            results = list(
                service.ingest_lines(
                    engine, chunk, matcher=matcher, settings=settings, first_line=start + 1
                )
            )
        failed += [line for line in results if line.error is not None]
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    engine.dispose()
    if failed:
        raise SystemExit(f"{len(failed)} line(s) failed, first: {failed[0]}")
    return {
        "lines": len(lines),
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "statements": statements[0],
    }


def replay(record: list[Any], db: Path) -> float:
    """Seconds the bare sqlite3 driver takes to run the recorded statements, commits included,
    with the pragmas the app's engine sets: the SQL's own share of a line."""
    import sqlite3

    connection = sqlite3.connect(db, isolation_level=None)
    for pragma in ("foreign_keys = ON", "journal_mode = WAL", "synchronous = NORMAL"):
        connection.execute(f"PRAGMA {pragma}")
    cpu_started = time.process_time()
    for statement, params, many in record:
        if statement in ("COMMIT", "ROLLBACK"):
            connection.execute(statement)
        elif many:
            connection.executemany(statement, params).fetchall()
        else:
            connection.execute(statement, params).fetchall()
    cpu_seconds = time.process_time() - cpu_started
    connection.close()
    return cpu_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=3_000, help="Attributions (as bench/run.py).")
    parser.add_argument("--workdir", type=Path, help="Default: a temporary directory.")
    parser.add_argument("--phases", action="store_true", help="Time per phase per line.")
    parser.add_argument("--profile", choices=["cprofile", "pyinstrument"])
    parser.add_argument("--top", type=int, default=40, help="cProfile rows to print.")
    parser.add_argument(
        "--replay",
        action="store_true",
        help="Also replay the recorded SQL with the bare driver into a fresh file (SQL share).",
    )
    args = parser.parse_args()

    from app.core.migrations import upgrade

    with tempfile.TemporaryDirectory(prefix="ingest-profile-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        floor = sqlite_floor(workdir, args.rows)
        db = workdir / "ingest-profile.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{db}"
        upgrade(url)

        timer = PhaseTimer() if args.phases else None
        if timer is not None:
            install_phases(timer)
        profiler: Any = None
        if args.profile == "cprofile":
            profiler = cProfile.Profile()
            profiler.enable()
        elif args.profile == "pyinstrument":
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005)
            profiler.start()
        record: list[Any] | None = [] if args.replay else None
        outcome = run_ingest(Path(floor["ndjson"]), url, timer, record)
        if record is not None:
            replay_db = workdir / "ingest-replay.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{replay_db}{suffix}").unlink(missing_ok=True)
            upgrade(f"sqlite:///{replay_db}")
            outcome["replay_cpu_seconds"] = replay(record, replay_db)
        if args.profile == "cprofile":
            profiler.disable()
            text = io.StringIO()
            pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(args.top)
            print(text.getvalue())
        elif args.profile == "pyinstrument":
            profiler.stop()
            print(profiler.output_text(unicode=True, color=False, show_all=False))

    attributions = floor["attributions"]
    rate = attributions / outcome["seconds"]
    report: dict[str, Any] = {
        "attributions": attributions,
        "lines": outcome["lines"],
        "seconds": round(outcome["seconds"], 3),
        "attributions_per_s": round(rate, 1),
        "ms_per_line": round(1000 * outcome["seconds"] / outcome["lines"], 3),
        "ms_per_attribution": round(1000 * outcome["seconds"] / attributions, 3),
        "cpu_ms_per_line": round(1000 * outcome["cpu_seconds"] / outcome["lines"], 3),
        "statements_per_line": round(outcome["statements"] / outcome["lines"], 2),
        "floor_attributions_per_s": round(floor["rows_per_s"], 1),
        "x_vs_floor": round(rate / floor["rows_per_s"], 4),
        # CPU time is what load on the shared machine disturbs least: floor CPU / ingest CPU.
        "x_vs_floor_cpu": round(floor["cpu_seconds"] / outcome["cpu_seconds"], 4),
        "profiled": bool(args.profile or args.phases),
        "load_average": [round(x, 2) for x in __import__("os").getloadavg()],
    }
    if "replay_cpu_seconds" in outcome:
        replayed = outcome["replay_cpu_seconds"]
        report["replay_cpu_ms_per_line"] = round(1000 * replayed / outcome["lines"], 3)
        report["sql_share"] = round(replayed / outcome["cpu_seconds"], 4)
    if timer is not None:
        total = sum(timer.totals.values())
        rows = sorted(timer.totals.items(), key=lambda item: -item[1])
        print("| phase | ms per line | share |")
        print("| --- | ---: | ---: |")
        for label, spent in rows:
            print(f"| {label} | {1000 * spent / outcome['lines']:.3f} | {spent / total:.0%} |")
        print(f"| total | {1000 * total / outcome['lines']:.3f} | 100% |")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
