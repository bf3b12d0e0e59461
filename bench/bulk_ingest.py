"""Set-based bulk ingest against its floor, on SQLite or PostgreSQL.

    .venv/bin/python bench/bulk_ingest.py --rows 200000 --matcher lexical
    .venv/bin/python bench/bulk_ingest.py --rows 200000 --matcher hybrid
    .venv/bin/python bench/bulk_ingest.py --rows 200000 --backend postgresql \
        --admin-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres

`bench/ingest_floor.py` writes the NDJSON (the first articles of the S dataset until `--rows`
attributions are covered) and times the SQLite floor: plain `executemany` of the same outlets,
articles, links, claims and attributions into a fresh migrated file. On PostgreSQL the floor is
`COPY` of those very rows (read back from the floor's file) into a fresh migrated database.
Then the NDJSON goes through the engine (`app.ingest.bulk.engine.ingest_stream`, the verb of
`POST /v1/ingest/batch` and `corroborate import`) into another fresh database, and
`corroborate recount --check` runs on the result. Both sides are attributions per second, so
`x_vs_floor` compares like with like. `--phases` adds the engine's CPU seconds by phase (each
exclusive of the phases inside it; "other" is the rest), with `bench/phase_timer.py`;
`--phases wall` the wall seconds instead (on PostgreSQL the server's share shows in them).
Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TABLES = ["outlet", "article", "article_link", "claim", "attribution"]


def sqlite_floor(
    workdir: Path, rows: int, vocabulary: str = "template", size: str = "S"
) -> dict[str, Any]:
    """bench/ingest_floor.py's NDJSON and floor database in `workdir`; its JSON answer."""
    out = subprocess.run(
        [
            sys.executable,
            "-W",
            "ignore",
            str(ROOT / "bench" / "ingest_floor.py"),
            "--size",
            size,
            "--rows",
            str(rows),
            "--workdir",
            str(workdir),
            "--vocabulary",
            vocabulary,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def postgresql_floor(floor_db: Path, url: str, attributions: int) -> dict[str, Any]:
    """COPY the floor's rows into a fresh PostgreSQL database; attributions per second."""
    import psycopg
    from sqlalchemy.engine import make_url

    source = sqlite3.connect(floor_db)
    data = {}
    columns = {}
    for table in TABLES:
        cursor = source.execute(f"SELECT * FROM {table}")
        columns[table] = [d[0] for d in cursor.description]
        data[table] = cursor.fetchall()
    source.close()
    # The article roots reference articles: insert them NULL, as a loader would, then set them.
    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as connection:
        started = time.perf_counter()
        with connection.cursor() as cursor:
            for table in TABLES:
                names = columns[table]
                with cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
                    for row in data[table]:
                        copy.write_row(row)
            for table in ("outlet", "article", "claim", "attribution"):
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
        connection.commit()
        seconds = time.perf_counter() - started
    return {"attributions": attributions, "seconds": seconds, "rows_per_s": attributions / seconds}


# (label, module, attribute): the engine's steps, each charged its own CPU time.
ENGINE_PHASES = [
    ("parse + validate a line", "app.ingest.bulk.engine", "parse"),
    ("read the stored rows lines name", "app.ingest.bulk.plan", "Planner._load"),
    (
        "stored claims' candidates (full text + scoring)",
        "app.ingest.bulk.plan",
        "Planner._prefetch_matches",
    ),
    ("plan each line (chunk's claims, copies, credits)", "app.ingest.bulk.plan", "Planner.plan"),
    ("write the rows", "app.ingest.bulk.engine", "write"),
    ("review queue", "app.ingest.bulk.review", "queue"),
    ("answers", "app.ingest.bulk.engine", "_answer"),
    ("answers: origins", "app.ingest.bulk.engine", "_origins"),
    ("COMMIT (recount, outbox, the database's commit)", "sqlalchemy.orm.session", "Session.commit"),
]


def install_engine_phases(wall: bool = False) -> Any:
    """Wrap ENGINE_PHASES in a timer (bench/ingest_profile.py's) and return it."""
    import importlib

    from phase_timer import PhaseTimer

    timer = PhaseTimer(time.perf_counter) if wall else PhaseTimer()
    for label, module_name, attribute in ENGINE_PHASES:
        owner: Any = importlib.import_module(module_name)
        *classes, name = attribute.split(".")
        for cls in classes:
            owner = getattr(owner, cls)
        setattr(owner, name, timer.wrap(label, getattr(owner, name)))
    return timer


def run_engine(
    url: str, ndjson: Path, matcher: str, chunk: int, phases: str | None = None
) -> dict[str, Any]:
    os.environ["CLAIMS_MATCHER"] = matcher
    from app.core.config import Settings
    from app.core.engine import create_db_engine
    from app.ingest.bulk.engine import ingest_stream
    from app.matching.factory import build_matcher

    settings = Settings(database_url=url, matcher=matcher)
    engine = create_db_engine(settings, statement_timeout_ms=0)  # as `corroborate import` does
    built = build_matcher(settings)
    timer = install_engine_phases(wall=phases == "wall") if phases else None
    failed = lines = attributions = 0
    started = time.perf_counter()
    cpu = time.process_time()
    with ndjson.open("rb") as stream:
        for line in ingest_stream(
            engine, stream, matcher=built, settings=settings, chunk_lines=chunk
        ):
            lines += 1
            if line.result is None:
                failed += 1
            else:
                attributions += sum(
                    c.action.value != "already_attributed" for c in line.result.claims
                )
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu
    engine.dispose()
    check = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "corroborate"), "recount", "--check"],
        env={**os.environ, "CLAIMS_DATABASE_URL": url},
        capture_output=True,
        text=True,
    )
    found: dict[str, Any] = {}
    if timer is not None:
        found["phases"] = {label: round(spent, 3) for label, spent in timer.totals.items()}
        spent = seconds if phases == "wall" else cpu
        found["phases"]["other"] = round(spent - sum(timer.totals.values()), 3)
    return {
        **found,
        "lines": lines,
        "failed": failed,
        "attributions": attributions,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "rows_per_s": attributions / seconds,
        "recount_check_exit": check.returncode,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--matcher", default="lexical")
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument(
        "--admin-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    )
    parser.add_argument("--chunk", type=int, default=1000)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument(
        "--phases",
        nargs="?",
        const="cpu",
        choices=["cpu", "wall"],
        help="the engine's time by phase: CPU (the default), or wall (a server's share shows)",
    )
    parser.add_argument(
        "--vocabulary", choices=["template", "news"], default="template", help="bench/vocabulary.py"
    )
    args = parser.parse_args()
    from app.core.migrations import scratch_database

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bulk-ingest-"))
    workdir.mkdir(parents=True, exist_ok=True)
    floor = sqlite_floor(workdir, args.rows, args.vocabulary)
    admin = args.admin_url if args.backend == "postgresql" else None
    if admin is not None:
        with scratch_database(
            sqlite_directory=workdir, postgresql_admin_url=admin, prefix="bench_floor"
        ) as url:
            floor = postgresql_floor(workdir / "floor.db", url, floor["attributions"])
    with scratch_database(
        sqlite_directory=workdir, postgresql_admin_url=admin, prefix="bench_engine"
    ) as url:
        engine = run_engine(
            url,
            Path(floor.get("ndjson") or workdir / "ingest.ndjson"),
            args.matcher,
            args.chunk,
            phases=args.phases,
        )
    report = {
        "backend": args.backend,
        "matcher": args.matcher,
        "chunk": args.chunk,
        "vocabulary": args.vocabulary,
        "floor": floor,
        "engine": engine,
        "x_vs_floor": engine["rows_per_s"] / floor["rows_per_s"],
        "load_average": os.getloadavg(),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
