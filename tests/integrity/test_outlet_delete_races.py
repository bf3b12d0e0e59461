"""An outlet's cascade delete against the writers it used to deadlock with, on PostgreSQL.

Each test pauses one writer at the point where it holds its locks, sends the other, lets the
first go once the second waits for a lock, and allows each of them one attempt (no retry): a
deadlock (40P01) would abort one of them. Then every invariant must hold.
"""

import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy import select
from sqlmodel import Session

from app.articles import service as articles_service
from app.articles.models import ArticleCreate
from app.claims import attributions as claims_attributions
from app.core.config import Settings
from app.core.unit_of_work import transaction
from app.corroboration import counters
from app.ingest import service as ingest_service
from app.integrity import service as integrity
from app.matching.factory import build_matcher
from app.outlets import service as outlets_service
from app.tables import Article
from app.tables import Claim
from app.tables import Outlet
from tests.factories import T0
from tests.factories import Factory
from tests.factories import article_payload
from tests.integrity.test_races import attribution_of
from tests.integrity.test_races import paused_after_first
from tests.integrity.test_races import paused_then
from tests.integrity.test_races import wire_story

pytestmark = pytest.mark.postgresql_only


def outlet_delete(outlet_id: int | None) -> Callable[[Session], None]:
    """A unit of work deleting the outlet with everything on it."""

    def delete_the_outlet(session: Session) -> None:
        outlet = session.get(Outlet, outlet_id)
        assert outlet is not None
        outlets_service.delete(session, outlet=outlet, cascade=True)

    return delete_the_outlet


def test_an_outlet_delete_waits_for_a_recount_of_a_claim_its_articles_carry(
    factory: Factory, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cycle behind the outlet deletes that lost every attempt under mixed load: a recount
    locks its claim, then the outlets it writes `outlet_claim` rows for (their foreign key)
    and its first-reporting outlet (the rendering trigger's share lock); the delete locked
    its outlet FOR UPDATE first and then wanted that claim. Here a claim is carried by the
    doomed outlet's article (its first report) and by another outlet's article; a second
    attribution of it elsewhere is paused with the claim locked, the delete is sent, and the
    attribution let go once the delete waits. Before, one of the two lost a deadlock every
    time; now the delete locks the claim before the outlet, so it waits and both commit."""
    doomed = factory.outlet(slug="doomed")
    other = factory.outlet(slug="other")
    first = factory.article(outlet=doomed, published_at=T0.isoformat())
    later = factory.article(outlet=other, published_at=(T0 + timedelta(hours=1)).isoformat())
    elsewhere = factory.article(outlet=other, published_at=(T0 + timedelta(hours=2)).isoformat())
    claim = factory.claim()
    factory.attribute(claim, first)
    factory.attribute(claim, later)
    with transaction(engine, write=False) as session:
        stored = session.get(Claim, claim.id)
        assert stored is not None
        assert stored.first_reported_outlet_id == doomed.id
    locked, go = paused_after_first(monkeypatch, counters, "_lock")

    attribute_elsewhere = attribution_of(claim.id, elsewhere.id)

    delete_the_outlet = outlet_delete(doomed.id)

    # The delete waits for the claim the paused recount holds (or commits first).
    paused_then(
        engine, ("attribution", attribute_elsewhere, locked), ("delete", delete_the_outlet), go
    )
    with transaction(engine, write=False) as session:
        assert session.get(Outlet, doomed.id) is None
        assert session.get(Article, first.id) is None
        stored = session.get(Claim, claim.id)
        assert stored is not None
        assert (stored.articles_count, stored.first_reported_outlet_id) == (2, other.id)
        broken = {f.name: f.ids for f in integrity.check(session) if f.ids}
    assert broken == {}


def test_an_article_committed_into_the_outlet_while_its_delete_waits_is_deleted_too(
    factory: Factory, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The delete reads the outlet's articles before it locks the outlet: an article an
    insert commits into the outlet in between (it held the outlet FOR KEY SHARE, so the
    delete waited for it) is found by the read under the outlet's lock and deleted too,
    never left pointing at a deleted outlet."""
    doomed = factory.outlet(slug="doomed")
    factory.article(outlet=doomed, published_at=T0.isoformat())
    written, go = threading.Event(), threading.Event()
    late: dict[str, int] = {}

    def insert_an_article(session: Session) -> None:
        # Its foreign key check holds the outlet FOR KEY SHARE until it commits.
        data = ArticleCreate(**article_payload(doomed.slug, published_at=T0.isoformat()))
        article = articles_service.create(session, data=data)
        late["id"] = article.id or 0
        written.set()
        assert go.wait(30), "the test never let the insert commit"

    delete_the_outlet = outlet_delete(doomed.id)

    paused_then(engine, ("insert", insert_an_article, written), ("delete", delete_the_outlet), go)
    with transaction(engine, write=False) as session:
        assert session.get(Outlet, doomed.id) is None
        assert session.get(Article, late["id"]) is None
        assert list(session.scalars(select(Article.id).where(Article.outlet_id == doomed.id))) == []


def test_an_outlet_delete_waits_for_an_ingest_that_found_the_outlet_first(
    engine: Engine, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other order: an ingest holds the outlet it found (FOR KEY SHARE) before it locks
    its claims, so a delete that held those claims and then waited for the outlet closed a
    cycle with it (the delete lost a deadlock every time here, once it locked the outlet
    last). The delete first waits for whoever holds the outlet, holding nothing itself; the
    ingest is paused right after it found the outlet, and let go once the delete waits."""
    matcher = build_matcher(settings)

    with transaction(engine, write=True) as session:
        ingest_service.ingest(session, payload=wire_story(0), matcher=matcher, settings=settings)
    found, go = paused_after_first(monkeypatch, ingest_service, "_outlet")
    answers: dict[str, Any] = {}

    def ingest_into_it(session: Session) -> None:
        answers["ingest"] = ingest_service.ingest(
            session, payload=wire_story(1), matcher=matcher, settings=settings
        )

    def delete_the_outlet(session: Session) -> None:
        outlet = session.scalar(select(Outlet).where(Outlet.slug == "wire"))
        assert outlet is not None
        outlets_service.delete(session, outlet=outlet, cascade=True)

    paused_then(engine, ("ingest", ingest_into_it, found), ("delete", delete_the_outlet), go)
    assert answers["ingest"].outlet_created is False
    with transaction(engine, write=False) as session:
        # The ingest committed first; its article went with the outlet.
        assert session.scalar(select(Outlet.id).where(Outlet.slug == "wire")) is None
        assert list(session.scalars(select(Article.id))) == []
        broken = {f.name: f.ids for f in integrity.check(session) if f.ids}
    assert broken == {}


def test_an_outlet_delete_waits_for_an_attribution_to_a_copy_of_its_article(
    factory: Factory, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An attribution's insert takes its article KEY SHARE (the foreign key); its recount then
    holds the article's root FOR SHARE. The outlet's delete locks the root first (lower id)
    and the copy after, FOR UPDATE: with the attribution paused between its insert and its
    recount, the delete held the root and waited for the copy while the attribution waited
    for the root, a deadlock every time. The attribution now holds the article and its root
    before it inserts, so the delete waits for it and both commit."""
    doomed = factory.outlet(slug="doomed")
    origin = factory.article(outlet=doomed, published_at=T0.isoformat())
    copy = factory.article(outlet=doomed, published_at=(T0 + timedelta(hours=1)).isoformat())
    factory.link(copy, origin)
    claim = factory.claim()
    assert (origin.id or 0) < (copy.id or 0)
    inserted, go = paused_after_first(monkeypatch, claims_attributions, "flush_unique")

    attribute_the_copy = attribution_of(claim.id, copy.id)

    delete_the_outlet = outlet_delete(doomed.id)

    paused_then(
        engine, ("attribution", attribute_the_copy, inserted), ("delete", delete_the_outlet), go
    )
    with transaction(engine, write=False) as session:
        assert session.get(Outlet, doomed.id) is None
        stored = session.get(Claim, claim.id)
        assert stored is not None
        assert stored.articles_count == 0
        broken = {f.name: f.ids for f in integrity.check(session) if f.ids}
    assert broken == {}
