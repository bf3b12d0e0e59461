"""`corroborate watch`: crawlers in threads of one process, until nothing is due."""

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlalchemy import select
from typer.testing import CliRunner

from app.cli import cli
from app.core.config import Settings
from app.core.config import get_settings
from app.core.unit_of_work import transaction
from app.feeds import service
from app.feeds.models import FeedCreate
from app.tables import Article
from app.tables import EntryState
from app.tables import FeedEntry
from tests.factories import Factory
from tests.feeds.conftest import MIN_DELAY
from tests.feeds.server import Site
from tests.feeds.test_watch import _publish


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, database_url: str) -> Iterator[CliRunner]:
    for name, value in {
        "CLAIMS_DATABASE_URL": database_url,
        "CLAIMS_FEEDS_ALLOW_PRIVATE": "true",
        "CLAIMS_FEEDS_MIN_DELAY_SECONDS": str(MIN_DELAY),
        "CLAIMS_FEEDS_IDLE_SECONDS": "0.05",
        "CLAIMS_MATCHER": "lexical",
    }.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_watch_until_done_crawls_every_due_feed(
    runner: CliRunner,
    factory: Factory,
    engine: Engine,
    site: Site,
    crawl_settings: Settings,
) -> None:
    _publish(site)
    outlet = factory.outlet(slug="planet", name="The Daily Planet")
    with transaction(engine, write=True) as session:
        service.create(
            session,
            outlet=outlet,
            data=FeedCreate(url=f"{site.base}/feed.xml"),
            settings=crawl_settings,
        )

    result = runner.invoke(cli, ["watch", "--until-done", "--workers", "2"])

    assert result.exit_code == 0, result.output
    with transaction(engine, write=False) as session:
        assert len(list(session.scalars(select(Article.id)))) == 3
        states = sorted(e.state for e in session.scalars(select(FeedEntry)))
    assert states == sorted([EntryState.fetched] * 3 + [EntryState.disallowed])
    assert min(site.gaps()) >= MIN_DELAY
