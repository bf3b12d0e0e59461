"""One outlet's claims are read from `outlet_claim` (derived, kept by the counters hook): the
pages must be exactly those of the general statement, and the table exactly its derivation."""

import random
from datetime import timedelta
from typing import Any

import orjson
import pytest
from sqlalchemy import Engine
from sqlalchemy import select

from app.claims import listing
from app.claims.listing import ClaimFilters
from app.claims.listing import ClaimSort
from app.core.pagination import PageParams
from app.core.responses import json_bytes
from app.core.unit_of_work import transaction
from app.corroboration import counters
from app.integrity import service as integrity
from app.tables import Article
from app.tables import Attribution
from app.tables import Claim
from app.tables import Outlet
from app.tables import OutletClaim
from tests.factories import T0
from tests.factories import Factory

STANCES = ("reports", "supports", "disputes")


def _random_archive(factory: Factory, engine: Engine, rng: random.Random) -> list[Outlet]:
    """4 outlets, 40 articles over 40 days, 30 claims, ~150 attributions of every stance, then
    writes that move counts (deletions, re-stancing, an article moved in time and outlet)."""
    outlets = [factory.outlet() for _ in range(4)]
    articles = [
        factory.article(
            rng.choice(outlets), published_at=(T0 + timedelta(hours=rng.randrange(960)))
        )
        for _ in range(40)
    ]
    claims = [factory.claim() for _ in range(30)]
    with transaction(engine, write=True) as session:
        for claim in claims:
            for article in rng.sample(articles, rng.randrange(0, 9)):
                session.add(
                    Attribution(
                        claim_id=claim.id, article_id=article.id, stance=rng.choice(STANCES)
                    )
                )
    with transaction(engine, write=True) as session:
        rows = list(session.scalars(select(Attribution).order_by(Attribution.id)))
        for attribution in rng.sample(rows, 15):
            session.delete(attribution)
        for attribution in rng.sample(rows, 30):
            if attribution not in session.deleted:
                attribution.stance = rng.choice(STANCES)
        moved = session.get(Article, articles[0].id)
        assert moved is not None
        moved.published_at = T0 + timedelta(days=50)
        moved.outlet_id = outlets[1].id  # type: ignore[assignment]
    return outlets


def _pages(engine: Engine, filters: ClaimFilters, sort: ClaimSort) -> list[Any]:
    pages: list[Any] = []
    cursor = None
    with engine.connect() as connection:
        while True:
            page = listing.list_json(
                connection, filters=filters, sort=sort, page=PageParams(limit=4, cursor=cursor)
            )
            pages.append(orjson.loads(json_bytes(page)))  # items are orjson.Fragments
            cursor = page["next_cursor"]
            if cursor is None:
                return pages


@pytest.mark.parametrize("seed", [1, 2])
def test_one_outlet_pages_equal_the_general_statement(
    engine: Engine, factory: Factory, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    rng = random.Random(seed)
    outlets = _random_archive(factory, engine, rng)
    with transaction(engine, write=False) as session:
        assert counters.stale_outlet_claim_ids(session) == []
        assert session.scalar(select(OutletClaim.claim_id).limit(1)) is not None
    cases = []
    for outlet in outlets:
        for _ in range(4):
            start = T0 + timedelta(hours=rng.randrange(-100, 1000))
            end = start + timedelta(hours=rng.choice([1, 24, 200, 900]))
            since, until = rng.choice([(None, None), (start, None), (None, end), (start, end)])
            extra = rng.choice([{}, {"min_outlets": 2}, {"min_origins": 2}])
            filters = ClaimFilters(outlets=[outlet.slug], since=since, until=until, **extra)
            cases.append((filters, rng.choice(list(ClaimSort)[1:])))
    seeking = [_pages(engine, filters, sort) for filters, sort in cases]
    monkeypatch.setattr(listing, "_by_one_outlet", lambda _filters: False)
    general = [_pages(engine, filters, sort) for filters, sort in cases]
    assert seeking == general
    assert any(len(pages) > 1 for pages in seeking)  # the cases did page


def test_the_check_finds_a_stale_row_and_repair_fixes_it(engine: Engine, factory: Factory) -> None:
    outlet = factory.outlet()
    claim = factory.claim()
    factory.attribute(claim, factory.article(outlet))
    with engine.begin() as connection:
        connection.execute(OutletClaim.__table__.update().values(outlets_count=7))  # type: ignore[attr-defined]
    with transaction(engine, write=False) as session:
        found = {f.name: f.ids for f in integrity.check(session)}
    assert found["stale_outlet_claims"] == [claim.id]
    with transaction(engine, write=True) as session:
        integrity.repair(session)
    with transaction(engine, write=False) as session:
        assert counters.stale_outlet_claim_ids(session) == []
        assert session.scalar(select(Claim.outlets_count).where(Claim.id == claim.id)) == 1
