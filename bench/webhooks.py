"""Webhooks: events delivered per second to a local receiver, and what the outbox costs ingest.

    .venv/bin/python bench/webhooks.py --events 3000 --ingest 1500 --rounds 3 [--postgresql URL]

On a scratch database (an SQLite file, or a PostgreSQL database made and dropped from the
admin URL given), with the lexical matcher:

1. delivery: `--events` claims are created (one `claim.created` event each), then a job
   consumer (huey, in-process, as `corroborate serve` runs it) starts and its drain task
   (dispatch + CLAIMS_WEBHOOK_CONCURRENCY deliveries at once) delivers them all to a receiver
   on 127.0.0.1 (a ThreadingHTTPServer answering 204); events/s is events over the wall time
   from the consumer's start to the last delivery recorded.
2. ingest: `--ingest` POST /v1/ingest payloads (each article a new outlet's report of one of
   50 claims, so most writes change counts and record events) through `ingest_one`, timed in
   three interleaved configurations per round: the outbox switched off (its listeners
   removed: the service as it was before events), the outbox on without a subscription, and
   the outbox on with a subscription while the job consumer runs alongside (each commit that
   writes events wakes a drain task), sending every event to the receiver. Prints JSON with
   the medians and the ratios to the outbox-off run.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import event as sa_event  # noqa: E402
from sqlalchemy import func  # noqa: E402
from sqlalchemy import select  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.orm import Session as OrmSession  # noqa: E402

from app.core.config import Settings  # noqa: E402
from app.core.engine import create_db_engine  # noqa: E402
from app.core.migrations import scratch_database  # noqa: E402
from app.core.migrations import upgrade  # noqa: E402
from app.core.unit_of_work import run_transaction  # noqa: E402
from app.events import service as events_service  # noqa: E402
from app.events import tasks as _tasks  # noqa: E402, F401  (registers the drain task)
from app.events.models import SubscriptionCreate  # noqa: E402
from app.ingest.models import IngestPayload  # noqa: E402
from app.ingest.service import ingest_one  # noqa: E402
from app.jobs import register_engine  # noqa: E402
from app.jobs import start_consumer  # noqa: E402
from app.jobs import stop_consumer  # noqa: E402
from app.matching.factory import build_matcher  # noqa: E402
from app.outbox import recorder  # noqa: E402
from app.tables import Claim  # noqa: E402
from app.tables import Delivery  # noqa: E402
from app.tables import DeliveryStatus  # noqa: E402

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def receiver() -> tuple[ThreadingHTTPServer, list[int]]:
    received = [0]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as a real receiver would

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length", "0")))
            received[0] += 1
            self.send_response(204)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, received


def subscribe(engine: Any, url: str) -> None:
    run_transaction(
        engine,
        lambda s: events_service.create(
            s, data=SubscriptionCreate.model_validate({"url": url}), allow_private=True
        ),
        attempts=3,
    )


def pending(engine: Any) -> int:
    with engine.connect() as connection:
        return int(
            connection.scalar(
                select(func.count())
                .select_from(Delivery)
                .where(Delivery.status == DeliveryStatus.pending.value)
            )
            or 0
        )


def delivered(engine: Any, events: int) -> bool:
    with engine.connect() as connection:
        done = connection.scalar(
            select(func.count())
            .select_from(Delivery)
            .where(Delivery.status == DeliveryStatus.succeeded.value)
        )
    return int(done or 0) >= events


def bench_delivery(engine: Any, settings: Settings, url: str, events: int) -> dict[str, Any]:
    subscribe(engine, url)

    def make(session: OrmSession, start: int) -> None:
        for n in range(start, min(start + 500, events)):
            session.add(Claim(text=f"Bench claim {n}", fingerprint=f"bench-{n}"))

    for start in range(0, events, 500):
        run_transaction(engine, lambda s, start=start: make(s, start), attempts=3)
    started = time.perf_counter()
    consumer = start_consumer(settings, engine=engine)  # its start sends the sweep: a drain
    try:
        while not delivered(engine, events):
            time.sleep(0.005)
        seconds = time.perf_counter() - started
    finally:
        stop_consumer(consumer)
    return {"events": events, "seconds": round(seconds, 3), "events_per_s": round(events / seconds)}


CLAIM_TEXTS = [f"Bench claim number {n} about the harbour strike." for n in range(50)]


def payloads(count: int, seed: int, *, every_claim: bool = False) -> list[IngestPayload]:
    rng = random.Random(seed)
    items = []
    for n in range(count):
        slug = f"outlet-{seed}-{n}"
        items.append(
            IngestPayload.model_validate(
                {
                    "outlet": {"slug": slug, "name": f"Outlet {seed} {n}"},
                    "article": {
                        "url": f"https://{slug}.example/{n}",
                        "title": f"Report {seed} {n}",
                        "published_at": (T0 + timedelta(minutes=n)).isoformat(),
                    },
                    "claims": [
                        {"text": CLAIM_TEXTS[n % 50] if every_claim else rng.choice(CLAIM_TEXTS)}
                    ],
                }
            )
        )
    return items


def outbox(on: bool) -> None:
    listeners = [
        ("after_flush", recorder._after_flush),
        ("before_commit", recorder._before_commit),
        ("after_commit", recorder._after_commit),
        ("after_transaction_end", recorder._after_transaction_end),
    ]
    for name, listener in listeners:
        present = sa_event.contains(OrmSession, name, listener)
        if on and not present:
            sa_event.listen(OrmSession, name, listener)
        elif not on and present:
            sa_event.remove(OrmSession, name, listener)


def time_ingest(engine: Any, settings: Settings, matcher: Any, items: list[IngestPayload]) -> float:
    started = time.perf_counter()
    for item in items:
        ingest_one(engine, payload=item, matcher=matcher, settings=settings)
    return time.perf_counter() - started


def bench_ingest(
    engine: Any, settings: Settings, url: str, count: int, rounds: int
) -> dict[str, Any]:
    results: dict[str, list[float]] = {"outbox_off": [], "no_subscription": [], "subscribed": []}
    matcher = build_matcher(settings)
    # Warm up (matcher, caches) and create the 50 claims, so every timed payload only links.
    time_ingest(engine, settings, matcher, payloads(50, seed=999, every_claim=True))
    for round_ in range(rounds):
        for index, mode in enumerate(
            results
        ):  # interleaved, so drift in the machine hits every mode alike
            with engine.begin() as connection:
                connection.execute(text("DELETE FROM webhook_subscription"))
            outbox(mode != "outbox_off")
            consumer = None
            if mode == "subscribed":
                subscribe(engine, url)
                consumer = start_consumer(settings, engine=engine)
            # New outlets and articles every time (a repeated payload would be a no-op re-send).
            items = payloads(count, seed=round_ * len(results) + index)
            seconds = time_ingest(engine, settings, matcher, items)
            if consumer is not None:
                stop_consumer(consumer)
            results[mode].append(count / seconds)
    outbox(True)
    medians = {mode: round(statistics.median(values), 1) for mode, values in results.items()}
    return {
        "payloads": count,
        "rounds": rounds,
        "per_s": medians,
        "ratio_to_outbox_off": {
            mode: round(value / medians["outbox_off"], 3) for mode, value in medians.items()
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=3000)
    parser.add_argument("--ingest", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=8, help="CLAIMS_WEBHOOK_CONCURRENCY")
    parser.add_argument("--postgresql", help="admin URL: bench on a scratch PostgreSQL database")
    args = parser.parse_args()
    server, _received = receiver()
    url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    with (
        tempfile.TemporaryDirectory() as folder,
        scratch_database(
            sqlite_directory=Path(folder),
            postgresql_admin_url=args.postgresql,
            prefix="corroborate_bench_hooks",
        ) as database_url,
    ):
        upgrade(database_url)
        settings = Settings(
            database_url=database_url,
            matcher="lexical",
            webhook_allow_private=True,
            webhook_concurrency=args.concurrency,
            jobs_url=f"sqlite:///{Path(folder) / 'jobs.sqlite'}",
        )
        engine = create_db_engine(settings, statement_timeout_ms=0)
        register_engine(engine, settings)  # commits through it wake drains on this queue
        report = {
            "database": engine.dialect.name,
            "delivery": bench_delivery(engine, settings, url, args.events),
        }
        with engine.begin() as connection:
            for table in ("webhook_delivery", "webhook_subscription"):
                connection.execute(text(f"DELETE FROM {table}"))
        report["ingest"] = bench_ingest(engine, settings, url, args.ingest, args.rounds)
        engine.dispose()
    server.shutdown()
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
