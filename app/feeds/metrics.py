"""/metrics gauges of the crawler, read from the database at scrape time: the crawler runs in
job consumers and `corroborate watch` processes, often not the one Prometheus scrapes, and its
whole state is in the database, so that is where the figures are true for every worker.

| metric | what |
| --- | --- |
| `corroborate_feeds{state}` | feeds by state (`active`, `disabled`) |
| `corroborate_feeds_due` | active feeds whose next read is due now |
| `corroborate_feeds_failing` | active feeds whose last read failed (failures in a row > 0) |
| `corroborate_feeds_overdue_seconds` | how long the most overdue due feed has waited (0: none) |
| `corroborate_feeds_last_read_age_seconds` | since any feed was last read (absent: never) |
| `corroborate_feed_articles{state}` | articles feeds listed, by state (pending, fetched, ...) |
| `corroborate_feed_articles_fetched_last_hour{outlet}` | pages ingested in the last hour |
"""

import logging
from collections.abc import Iterator
from datetime import timedelta

from prometheus_client import REGISTRY
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import Engine
from sqlalchemy import case
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.core.columns import utcnow
from app.core.metrics import EngineCollector
from app.core.unit_of_work import transaction
from app.tables import EntryState
from app.tables import Feed
from app.tables import FeedEntry
from app.tables import FeedState
from app.tables import Outlet

logger = logging.getLogger("app.feeds")


class FeedsCollector(EngineCollector):
    """The crawler's gauges of the serving engine's database, read at scrape time."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        engine = self.engine()
        if engine is None:
            return
        try:
            families = list(_families(engine))
        except SQLAlchemyError:  # a scrape must not fail because the database does
            logger.warning("feed metrics not read: database error", exc_info=True)
            return
        yield from families


def _families(engine: Engine) -> Iterator[GaugeMetricFamily]:
    now = utcnow()
    with transaction(engine, write=False) as session:
        active = Feed.state == FeedState.active
        due = active & (Feed.next_poll_at <= now)  # type: ignore[operator]
        feeds = session.execute(
            select(
                func.count().filter(active),
                func.count().filter(Feed.state == FeedState.disabled),
                func.count().filter(due),
                func.count().filter(active & (Feed.failures > 0)),  # type: ignore[operator]
                func.min(case((due, Feed.next_poll_at))),
                func.max(Feed.last_polled_at),
            )
        ).one()
        entries = dict(
            session.execute(select(FeedEntry.state, func.count()).group_by(FeedEntry.state)).all()  # type: ignore[arg-type]
        )
        recent = session.execute(
            select(Outlet.slug, func.count())
            .join(FeedEntry, FeedEntry.outlet_id == Outlet.id)  # type: ignore[arg-type]
            .where(
                FeedEntry.state == EntryState.fetched,
                FeedEntry.fetched_at >= now - timedelta(hours=1),  # type: ignore[operator]
            )
            .group_by(Outlet.slug)
        ).all()
    n_active, n_disabled, n_due, n_failing, oldest_due, last_read = feeds
    by_state = GaugeMetricFamily("corroborate_feeds", "Feeds by state.", labels=["state"])
    by_state.add_metric([FeedState.active.value], n_active)
    by_state.add_metric([FeedState.disabled.value], n_disabled)
    yield by_state
    yield GaugeMetricFamily(
        "corroborate_feeds_due", "Active feeds whose next read is due now.", value=n_due
    )
    yield GaugeMetricFamily(
        "corroborate_feeds_failing",
        "Active feeds whose last read failed (failures in a row > 0; disabled at the limit).",
        value=n_failing,
    )
    yield GaugeMetricFamily(
        "corroborate_feeds_overdue_seconds",
        "How long the most overdue due feed has waited past its next read (0: none due); "
        "growing means no crawler is running or they cannot keep up.",
        value=(now - oldest_due).total_seconds() if oldest_due is not None else 0.0,
    )
    if last_read is not None:
        yield GaugeMetricFamily(
            "corroborate_feeds_last_read_age_seconds",
            "Seconds since any feed was last read.",
            value=(now - last_read).total_seconds(),
        )
    articles = GaugeMetricFamily(
        "corroborate_feed_articles",
        "Articles feeds listed, by state: pending, fetched (fetched, extracted and ingested), "
        "known (already stored), disallowed (robots.txt), failed.",
        labels=["state"],
    )
    for state in EntryState:
        articles.add_metric([state.value], entries.get(state, 0))
    yield articles
    hourly = GaugeMetricFamily(
        "corroborate_feed_articles_fetched_last_hour",
        "Pages fetched, extracted and ingested in the last hour, per outlet (outlets with none "
        "are absent).",
        labels=["outlet"],
    )
    for slug, count in recent:
        hourly.add_metric([slug], count)
    yield hourly


FEEDS = FeedsCollector()
REGISTRY.register(FEEDS)
