"""A feed disabled after repeated failures is enabled again through the API, and the job
consumer's `feeds.crawl` reads it again."""

import time
from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import select

from app.core.columns import utcnow
from app.core.unit_of_work import transaction
from app.tables import Article
from app.tables import CrawlHost
from tests.factories import Factory
from tests.feeds.server import Site
from tests.feeds.test_watch import _publish


def _disabled_feed(
    feeds_client: TestClient, factory: Factory, site: Site, crawl: Callable[..., int]
) -> int:
    _publish(site)
    site.pages["/feed.xml"].status = 500
    factory.outlet(slug="planet", name="The Daily Planet")
    created = feeds_client.post("/v1/outlets/planet/feeds", json={"url": f"{site.base}/feed.xml"})
    feed_id = int(created.json()["id"])
    crawl()  # three failures in a row (CLAIMS_FEEDS_MAX_FAILURES in the tests)
    health = feeds_client.get(f"/v1/outlets/planet/feeds/{feed_id}").json()["health"]
    assert (health["state"], health["failures"]) == ("disabled", 3)
    return feed_id


def test_a_disabled_feed_is_enabled_and_the_job_reads_it_again(
    feeds_client: TestClient,
    make_app: Callable[..., FastAPI],
    factory: Factory,
    engine: Engine,
    site: Site,
    crawl: Callable[..., int],
    tmp_path: Path,
) -> None:
    feed_id = _disabled_feed(feeds_client, factory, site, crawl)
    assert crawl() == 0  # disabled: nothing is read
    site.pages["/feed.xml"].status = 200  # the outlet fixed its feed

    response = feeds_client.post(f"/v1/outlets/planet/feeds/{feed_id}/enable")
    assert response.status_code == 200, response.text
    health = response.json()["health"]
    assert (health["state"], health["failures"], health["disabled_at"]) == ("active", 0, None)
    assert health["last_error"] == "HTTP 500"  # kept until a read succeeds
    again = feeds_client.post(f"/v1/outlets/planet/feeds/{feed_id}/enable")
    assert again.json()["health"] == health  # repeating it changes nothing

    with transaction(engine, write=False) as session:  # the host's back-off after the errors
        free_at = session.scalar(select(func.max(CrawlHost.next_request_at)))
    assert free_at is not None
    time.sleep(max(0.0, (free_at - utcnow()).total_seconds()))
    app = make_app(
        jobs_consumer=True,
        matcher="lexical",
        imports_directory=str(tmp_path),
        feeds_allow_private=True,
        feeds_min_delay_seconds=0.0,
    )
    with TestClient(app):  # the consumer runs feeds.crawl at its start
        deadline = time.monotonic() + 30
        urls: set[str] = set()
        while time.monotonic() < deadline and len(urls) < 3:
            time.sleep(0.2)
            with transaction(engine, write=False) as session:
                urls = set(session.scalars(select(Article.url)))
    assert len(urls) == 3
    assert [hit.status for hit in site.hits("/feed.xml")] == [500, 500, 500, 200]
    health = feeds_client.get(f"/v1/outlets/planet/feeds/{feed_id}").json()["health"]
    assert (health["state"], health["last_status"], health["last_error"]) == ("active", 200, None)


def test_enabling_needs_write_and_an_existing_feed(
    feeds_client: TestClient, factory: Factory, client: TestClient
) -> None:
    factory.outlet(slug="planet", name="The Daily Planet")
    created = feeds_client.post(
        "/v1/outlets/planet/feeds", json={"url": "http://127.0.0.1:9/f.xml"}
    )
    feed_id = created.json()["id"]
    reader = factory.api_key(scopes=["read"], name="reader")
    refused = client.post(
        f"/v1/outlets/planet/feeds/{feed_id}/enable", headers={"Authorization": f"Bearer {reader}"}
    )
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "forbidden"
    missing = feeds_client.post(f"/v1/outlets/planet/feeds/{feed_id + 1}/enable")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
