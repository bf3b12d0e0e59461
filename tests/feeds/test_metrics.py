"""/metrics gauges of the crawler: read from the database, so true whichever process crawls."""

from collections.abc import Callable
from datetime import timedelta

from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update

from app.core.columns import utcnow
from app.core.config import Settings
from app.core.unit_of_work import transaction
from app.tables import Feed
from app.tables import FeedEntry
from app.tables import FeedState
from tests.factories import Factory
from tests.feeds.server import Site
from tests.feeds.test_watch import _publish


def _gauges(client: TestClient) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    found = {}
    for family in text_string_to_metric_families(response.text):
        if family.name.startswith(("corroborate_feeds", "corroborate_feed_")):
            for sample in family.samples:
                found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def test_the_feed_gauges_follow_the_crawl(
    feeds_client: TestClient,
    factory: Factory,
    engine: Engine,
    site: Site,
    crawl: Callable[..., int],
    crawl_settings: Settings,
) -> None:
    before = _gauges(feeds_client)
    assert before[("corroborate_feeds", (("state", "active"),))] == 0
    assert before[("corroborate_feeds_due", ())] == 0
    assert before[("corroborate_feeds_overdue_seconds", ())] == 0
    assert ("corroborate_feeds_last_read_age_seconds", ()) not in before  # never read

    _publish(site)
    site.file("/broken.xml", "feed.xml", status=500)
    planet = factory.outlet(slug="planet", name="The Daily Planet")
    factory.outlet(slug="globe", name="The Globe")
    for slug, path in (("planet", "/feed.xml"), ("globe", "/broken.xml"), ("globe", "/gone.xml")):
        created = feeds_client.post(f"/v1/outlets/{slug}/feeds", json={"url": site.base + path})
        assert created.status_code == 201, created.text
    with transaction(engine, write=True) as session:  # one feed was due an hour ago
        session.execute(
            update(Feed)
            .where(Feed.url == site.base + "/gone.xml")
            .values(next_poll_at=utcnow() - timedelta(hours=1))
        )
    due = _gauges(feeds_client)
    assert due[("corroborate_feeds_due", ())] == 3
    assert due[("corroborate_feeds_overdue_seconds", ())] >= 3600

    # /broken.xml and /gone.xml fail and back off (not disabled: a high limit) while the
    # pages /feed.xml lists are fetched.
    patient = crawl_settings.model_copy(update={"feeds_max_failures": 100})
    for _ in range(60):  # a loaded machine may need more than a few passes
        crawl(patient, seconds=2.0)
        with transaction(engine, write=False) as session:
            if not session.scalar(select(func.count()).where(FeedEntry.state == "pending")):
                break
    with transaction(engine, write=True) as session:
        session.execute(  # /gone.xml (404 each time) is disabled by hand here
            update(Feed)
            .where(Feed.url == site.base + "/gone.xml")
            .values(state=FeedState.disabled, disabled_at=utcnow())
        )
        session.execute(  # and /broken.xml's back-off made long, so that nothing is due
            update(Feed)
            .where(Feed.url == site.base + "/broken.xml")
            .values(next_poll_at=utcnow() + timedelta(hours=1))
        )

    after = _gauges(feeds_client)
    assert after[("corroborate_feeds", (("state", "active"),))] == 2
    assert after[("corroborate_feeds", (("state", "disabled"),))] == 1
    assert after[("corroborate_feeds_failing", ())] == 1  # /broken.xml
    assert after[("corroborate_feeds_due", ())] == 0
    assert 0 <= after[("corroborate_feeds_last_read_age_seconds", ())] < 60
    articles = {
        dict(labels)["state"]: value
        for (name, labels), value in after.items()
        if name == "corroborate_feed_articles"
    }
    assert articles == {"pending": 0, "fetched": 3, "known": 0, "disallowed": 1, "failed": 0}
    hourly = {
        dict(labels)["outlet"]: value
        for (name, labels), value in after.items()
        if name == "corroborate_feed_articles_fetched_last_hour"
    }
    assert hourly == {planet.slug: 3}
