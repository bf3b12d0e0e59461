"""Where a bulk ingest's database time goes, statement by statement, on SQLite or PostgreSQL.

    .venv/bin/python bench/ingest_statements.py --ndjson DIR/ingest.ndjson --lines 5000 \
        --backend postgresql

Feeds the first `--lines` lines of an NDJSON file (`bench/ingest_floor.py` writes one) through
the bulk engine (`ingest_stream`, chunks of 1,000 lines) into a fresh scratch database and
times every statement sent through SQLAlchemy (cursor events, client side: what the engine
waits for, round trip included), grouped by the statement's first 90 characters. `COPY` runs on
the driver's cursor and is not in the table. Prints the totals, then the 25 costliest groups
(seconds, statements, parameter rows). No server extension needed (pg_stat_statements must be
preloaded by the server, which a shared server may not do).
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ndjson", type=Path, required=True)
    parser.add_argument("--lines", type=int, default=5000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="postgresql")
    parser.add_argument(
        "--admin-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    )
    parser.add_argument("--matcher", default="lexical")
    args = parser.parse_args()
    os.environ["CLAIMS_MATCHER"] = args.matcher
    from sqlalchemy import event

    from app.core.config import Settings
    from app.core.engine import create_db_engine
    from app.core.migrations import scratch_database
    from app.ingest.bulk.engine import ingest_stream
    from app.matching.factory import build_matcher

    with args.ndjson.open("rb") as stream:
        lines = [line for _, line in zip(range(args.lines), stream, strict=False)]
    admin = args.admin_url if args.backend == "postgresql" else None
    workdir = Path(tempfile.mkdtemp(prefix="ingest-statements-"))
    with scratch_database(
        sqlite_directory=workdir, postgresql_admin_url=admin, prefix="bench_statements"
    ) as url:
        settings = Settings(database_url=url, matcher=args.matcher)
        engine = create_db_engine(settings, statement_timeout_ms=0)
        stats: dict[str, list[Any]] = collections.defaultdict(lambda: [0, 0.0, 0])

        @event.listens_for(engine, "before_cursor_execute")
        def before(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
            conn.info["statement_started"] = time.perf_counter()

        @event.listens_for(engine, "after_cursor_execute")
        def after(
            conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool
        ) -> None:
            group = stats[re.sub(r"\s+", " ", statement)[:90]]
            group[0] += 1
            group[1] += time.perf_counter() - conn.info["statement_started"]
            group[2] += len(params) if many and isinstance(params, list | tuple) else 1

        matcher = build_matcher(settings)
        started, cpu = time.perf_counter(), time.process_time()
        attributions = 0
        for line in ingest_stream(engine, lines, matcher=matcher, settings=settings):
            if line.result is not None:
                attributions += sum(
                    c.action.value != "already_attributed" for c in line.result.claims
                )
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        engine.dispose()
    print(
        f"{args.backend}: {len(lines)} lines, {attributions} attributions, wall {wall:.2f} s, "
        f"CPU {cpu:.2f} s, {sum(s[0] for s in stats.values())} statements, "
        f"{sum(s[1] for s in stats.values()):.2f} s in them; load average {os.getloadavg()}"
    )
    for text, (count, seconds, rows) in sorted(stats.items(), key=lambda kv: -kv[1][1])[:25]:
        print(f"{seconds:8.2f} s {count:6d}x rows={rows:7d}  {text}")


if __name__ == "__main__":
    main()
