"""The crawler as a job on app/jobs: a consumer runs `feeds.crawl` (at its start, then every
minute), which makes the requests that may be made at once."""

import time
from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import select

from app.core.unit_of_work import transaction
from app.feeds import service
from app.feeds.models import FeedCreate
from app.tables import Article
from tests.factories import Factory
from tests.feeds.server import Site
from tests.feeds.test_watch import _publish


def test_a_job_consumer_crawls_the_due_feeds(
    make_app: Callable[..., FastAPI],
    factory: Factory,
    engine: Engine,
    site: Site,
    tmp_path: Path,
) -> None:
    _publish(site)
    outlet = factory.outlet(slug="planet", name="The Daily Planet")
    app = make_app(
        jobs_consumer=True,
        matcher="lexical",
        imports_directory=str(tmp_path),
        feeds_allow_private=True,
        feeds_min_delay_seconds=0.0,  # every request may be made at once: one run does all
    )
    with transaction(engine, write=True) as session:
        service.create(
            session,
            outlet=outlet,
            data=FeedCreate(url=f"{site.base}/feed.xml"),
            settings=app.state.settings,
        )
    with TestClient(app):  # the lifespan starts the consumer, which runs feeds.crawl at once
        deadline = time.monotonic() + 30
        urls: set[str] = set()
        while time.monotonic() < deadline and len(urls) < 3:
            time.sleep(0.2)
            with transaction(engine, write=False) as session:
                urls = set(session.scalars(select(Article.url)))
    assert urls == {
        f"{site.base}/news/nato-spending",
        f"{site.base}/news/bridge-reopens",
        f"{site.base}/news/council-budget",
    }
    assert site.hits("/private/memo") == []
