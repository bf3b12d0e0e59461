"""In-process cost of the hot reads that issue 21 is about: one search and one outlet filter.

    .venv/bin/python bench/read_profile.py --size S [--database-url URL] [--seconds 5]

Runs the very verb the endpoint runs (`listing.list_json`, on a plain connection as the hot
path takes it, and `json_bytes` over its page) in a loop for each case and prints CPU
microseconds per call (process time, so other load on the machine moves it little; on
PostgreSQL read the wall time, since the server does the work), plus the result's size. Used
to iterate on search and the outlet filter and to run py-spy over (`py-spy record -- python
bench/read_profile.py ...`); the HTTP comparison with Datasette is bench/run.py's job.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.claims import listing  # noqa: E402
from app.claims.listing import ClaimFilters  # noqa: E402
from app.claims.listing import ClaimSort  # noqa: E402
from app.core.config import Settings  # noqa: E402
from app.core.engine import create_db_engine  # noqa: E402
from app.core.pagination import PageParams  # noqa: E402
from app.core.responses import json_bytes  # noqa: E402

FILTER_SINCE = datetime.fromisoformat("2025-03-01T00:00:00+00:00")
FILTER_UNTIL = datetime.fromisoformat("2025-06-30T23:59:59+00:00")

CASES: dict[str, tuple[ClaimFilters, ClaimSort | None]] = {
    "search": (ClaimFilters(q="sanctions"), None),
    "search_two_words": (ClaimFilters(q="sanctions minister"), None),
    "search_by_outlets": (ClaimFilters(q="sanctions"), ClaimSort.outlets),
    "filtered": (
        ClaimFilters(outlets=["outlet-010"], since=FILTER_SINCE, until=FILTER_UNTIL),
        None,
    ),
    "outlet": (ClaimFilters(outlets=["outlet-001"]), None),
    "outlet_rare_in_week": (
        ClaimFilters(
            outlets=["outlet-200"],
            since=FILTER_SINCE,
            until=datetime.fromisoformat("2025-03-07T23:59:59+00:00"),
        ),
        None,
    ),
}


def measure(engine: Any, filters: ClaimFilters, sort: ClaimSort | None, seconds: float) -> dict:
    page = PageParams(limit=50, cursor=None)
    calls = 0
    with engine.connect() as connection:
        # Items are the database's JSON text (orjson.Fragment): read back what is sent.
        result = orjson.loads(
            json_bytes(listing.list_json(connection, filters=filters, sort=sort, page=page))
        )
        connection.rollback()
        started, cpu = time.perf_counter(), time.process_time()
        while time.perf_counter() - started < seconds:
            json_bytes(listing.list_json(connection, filters=filters, sort=sort, page=page))
            connection.rollback()
            calls += 1
        cpu = time.process_time() - cpu
        wall = time.perf_counter() - started
    return {
        "cpu_us_per_call": round(cpu / calls * 1e6),
        # On PostgreSQL the server's work is not this process's CPU: read the wall time.
        "wall_us_per_call": round(wall / calls * 1e6),
        "calls": calls,
        "items": len(result["items"]),
        "first_ids": [item["id"] for item in result["items"][:3]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="S")
    parser.add_argument("--database-url")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--only", nargs="*", help="case names (default: all)")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{ROOT / 'bench' / 'data' / f'{args.size}.db'}"
    engine = create_db_engine(Settings(database_url=url), statement_timeout_ms=0)
    report = {
        name: measure(engine, filters, sort, args.seconds)
        for name, (filters, sort) in CASES.items()
        if not args.only or name in args.only
    }
    engine.dispose()
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
