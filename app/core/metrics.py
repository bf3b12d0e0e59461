"""Prometheus metrics, served at /metrics. Other domains import their counters from here.

Ingest (app/ingest/router.py) counts what it committed: articles `created` or `existing`;
claims by the action taken (`created`, `linked` to a matching claim, `already_attributed`);
batch lines that `failed`.
"""

import weakref
from collections.abc import Iterator

from prometheus_client import REGISTRY
from prometheus_client import Counter
from prometheus_client import Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import Engine
from sqlalchemy.pool import QueuePool

HTTP_REQUESTS = Counter(
    "corroborate_http_requests",
    "HTTP requests answered, by method, route template and status code.",
    ["method", "route", "status"],
)
HTTP_LATENCY = Histogram(
    "corroborate_http_request_duration_seconds",
    "Time from receiving a request to sending the last byte of its response.",
    ["method", "route", "status"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
INGEST_ITEMS = Counter(
    "corroborate_ingest_items",
    "Items ingested, by entity (article, claim, line) and outcome (article: created, existing; "
    "claim: created, linked, already_attributed; line: failed).",
    ["entity", "outcome"],
)
RATE_LIMITED = Counter(
    "corroborate_rate_limited_requests",
    "Requests refused with 429, by kind of caller (key or address).",
    ["caller"],
)
TRANSACTION_RETRIES = Counter(
    "corroborate_transaction_retries",
    "Requests re-run after a serialisation failure or deadlock.",
)


class EngineCollector(Collector):
    """Gauges read at scrape time from the serving app's engine (`watch` names it; held weakly,
    so a test's disposed app does not linger)."""

    def __init__(self) -> None:
        self._engine: weakref.ReferenceType[Engine] | None = None

    def watch(self, engine: Engine) -> None:
        self._engine = weakref.ref(engine)

    def engine(self) -> Engine | None:
        return self._engine() if self._engine is not None else None


class PoolCollector(EngineCollector):
    """Connection pool gauges of the serving engine, read at scrape time."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        engine = self.engine()
        if engine is None or not isinstance(engine.pool, QueuePool):
            return
        pool = engine.pool
        for name, help_text, value in (
            ("size", "Connections the pool keeps open.", pool.size()),
            (
                "checked_out",
                "Connections checked out: in use by requests, or kept by a thread for "
                "SQLite's hot reads.",
                pool.checkedout(),
            ),
            ("checked_in", "Idle connections in the pool.", pool.checkedin()),
            (
                "overflow",
                "Connections beyond the pool size (negative: not yet opened).",
                pool.overflow(),
            ),
        ):
            yield GaugeMetricFamily(f"corroborate_db_pool_{name}", help_text, value=value)


POOL = PoolCollector()
REGISTRY.register(POOL)
