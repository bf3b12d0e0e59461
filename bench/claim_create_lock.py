"""What the claim-create advisory lock costs ingest on PostgreSQL, in its worst case.

    .venv/bin/python bench/claim_create_lock.py [--threads 8] [--lines 40] [--without-lock]

THREADS threads each ingest LINES articles through `ingest_one` into a fresh PostgreSQL database
(CLAIMS_TEST_POSTGRES_URL, default the local server), every article with two new, unrelated
claims, so every line takes the lock that serialises match-then-insert of new claims
(app/ingest/service.py). `--without-lock` replaces the lock with nothing, for the comparison.
Prints JSON: {"lock", "lines", "seconds", "lines_per_s"}.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import threading
import time
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import app.ingest.service as ingest_service  # noqa: E402
from app.core.config import Settings  # noqa: E402
from app.core.engine import create_db_engine  # noqa: E402
from app.core.migrations import scratch_database  # noqa: E402
from app.ingest.models import IngestPayload  # noqa: E402
from app.matching.factory import build_matcher  # noqa: E402

ADMIN_URL = os.environ.get(
    "CLAIMS_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
WORDS = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
    "mike",
    "november",
    "oscar",
    "papa",
    "quebec",
    "romeo",
    "sierra",
    "tango",
    "uniform",
    "victor",
    "whiskey",
    "xray",
    "yankee",
    "zulu",
]
T0 = datetime(2025, 1, 1, tzinfo=UTC)


def claim_text(n: int) -> str:
    return " ".join(random.Random(n).sample(WORDS, 9)) + f" number {n}."


def payload(thread: int, line: int) -> IngestPayload:
    n = thread * 100_000 + line
    return IngestPayload.model_validate(
        {
            "outlet": {"slug": f"outlet-{thread}", "name": f"Outlet {thread}"},
            "article": {
                "url": f"https://outlet{thread}.example/{line}",
                "title": "A headline",
                "published_at": (T0 + timedelta(minutes=n)).isoformat(),
            },
            "claims": [{"text": claim_text(2 * n)}, {"text": claim_text(2 * n + 1)}],
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--lines", type=int, default=40, help="lines per thread")
    parser.add_argument("--without-lock", action="store_true")
    args = parser.parse_args()
    if args.without_lock:
        ingest_service.advisory_lock = lambda *_args, **_kwargs: None  # type: ignore[assignment]
    with scratch_database(
        sqlite_directory=Path(tempfile.mkdtemp()),
        postgresql_admin_url=ADMIN_URL,
        prefix="bench_claim_lock",
        durable=False,
    ) as url:
        settings = Settings(database_url=url, db_pool_size=args.threads + 2)
        engine = create_db_engine(settings)
        matcher = build_matcher(settings)

        def work(thread: int) -> None:
            for line in range(args.lines):
                ingest_service.ingest_one(
                    engine, payload=payload(thread, line), matcher=matcher, settings=settings
                )

        threads = [threading.Thread(target=work, args=(t,)) for t in range(args.threads)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - start
        engine.dispose()
    lines = args.threads * args.lines
    print(
        json.dumps(
            {
                "lock": not args.without_lock,
                "lines": lines,
                "seconds": round(seconds, 2),
                "lines_per_s": round(lines / seconds, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
