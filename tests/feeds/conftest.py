"""A crawler set up for tests: small delays (so tests are fast), loopback allowed."""

import threading
from collections.abc import Callable
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.core.config import Settings
from app.feeds import watch
from app.matching.base import Matcher
from app.matching.factory import build_matcher
from tests.factories import Factory
from tests.feeds.server import Site
from tests.feeds.server import serving

MIN_DELAY = 0.3


@pytest.fixture
def crawl_settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "feeds_allow_private": True,
            "feeds_min_delay_seconds": MIN_DELAY,
            "feeds_delay_after_429_seconds": 1.0,
            "feeds_backoff_max_seconds": 1.0,
            "feeds_max_failures": 3,
            "feeds_request_timeout_seconds": 1.0,
            "feeds_idle_seconds": 0.05,
            "matcher": "lexical",
        }
    )


@pytest.fixture
def feeds_client(make_app: Callable[..., FastAPI], factory: Factory) -> Iterator[TestClient]:
    """A client (every scope) of an app that lets feeds be on loopback, as the fixture site is."""
    secret = factory.api_key(scopes=["read", "write", "admin"], name="feeds")
    app = make_app(feeds_allow_private=True)
    with TestClient(app, headers={"Authorization": f"Bearer {secret}"}) as test_client:
        yield test_client


@pytest.fixture
def site() -> Iterator[Site]:
    made = Site()
    with serving(made):
        yield made


@pytest.fixture
def crawl(engine: Engine, crawl_settings: Settings) -> Callable[..., int]:
    """Crawl until nothing is due (at most 30 s); returns the requests made."""
    built: list[Matcher] = []

    def matcher() -> Matcher:
        if not built:
            built.append(build_matcher(crawl_settings))
        return built[0]

    def run(settings: Settings | None = None, seconds: float = 30.0) -> int:
        return watch.run(
            engine,
            settings or crawl_settings,
            matcher=matcher,
            stop=threading.Event(),
            seconds=seconds,
            until="nothing_due",
        )

    return run
