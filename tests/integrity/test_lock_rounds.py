"""`core.locks.lock_until_stable` on PostgreSQL: a round that finds a row below one it holds
starts over in order instead of locking on top."""

import threading
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from app.articles import graph
from app.articles import service as articles_service
from app.articles.models import LinkCreate
from app.core.config import Settings
from app.core.unit_of_work import transaction
from app.corroboration import counters
from app.ingest import service as ingest_service
from app.ingest.bulk import engine as bulk_engine
from app.ingest.models import IngestPayload
from app.integrity import service as integrity
from app.matching.factory import build_matcher
from app.tables import Article
from tests.factories import T0
from tests.factories import Factory
from tests.integrity.test_races import Work
from tests.integrity.test_races import attribution_of
from tests.integrity.test_races import paused_after_first
from tests.integrity.test_races import paused_then

pytestmark = pytest.mark.postgresql_only


def test_a_hold_whose_root_moves_below_it_locks_the_whole_set_again_in_order(
    factory: Factory, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy A of R1 is attributed while R1 is being linked to R0 (R0 < R1 < A). The
    attribution's hold locks A and its root R1 (FOR SHARE), waits for the link, then finds
    the new root R0, below what it holds. It lets go and locks R0 and A in one ascending pass
    (not R0 on top of A), and both writes commit with every invariant holding."""
    outlet = factory.outlet()
    r0 = factory.article(outlet=outlet, published_at=T0.isoformat())
    r1 = factory.article(outlet=outlet, published_at=(T0 + timedelta(hours=1)).isoformat())
    copy = factory.article(outlet=outlet, published_at=(T0 + timedelta(hours=2)).isoformat())
    factory.link(copy, r1)
    claim = factory.claim()
    assert (r0.id or 0) < (r1.id or 0) < (copy.id or 0)
    locked, go = paused_after_first(monkeypatch, graph, "lock_trees")
    shares: list[list[int]] = []
    real_batched = counters._batched

    def recording(session: Session, query: Any, ids: list[int]) -> Any:
        if query is counters._SHARE:
            shares.append(list(ids))
        return real_batched(session, query, ids)

    monkeypatch.setattr(counters, "_batched", recording)

    def link_r1_to_r0(session: Session) -> None:
        article = articles_service.get(session, article_id=r1.id or 0)
        data = LinkCreate(origin_article_id=r0.id or 0, relation="syndicates")
        articles_service.add_link(session, article=article, data=data)

    attribute_the_copy = attribution_of(claim.id, copy.id)

    paused_then(engine, ("link", link_r1_to_r0, locked), ("attribute", attribute_the_copy), go)
    # The attribution's first hold: R1 and A, then (R0 found) R0 and A again in one pass.
    assert shares[:2] == [[r1.id, copy.id], [r0.id, copy.id]], shares
    with transaction(engine, write=False) as session:
        stored = session.get(Article, copy.id)
        assert stored is not None
        assert stored.root_article_id == r0.id
        broken = {f.name: f.ids for f in integrity.check(session) if f.ids}
    assert broken == {}


def _a_stored_copy(
    factory: Factory, *, states_origin: bool
) -> tuple[Article, Article, IngestPayload]:
    """A wire story and its stored copy, and a line re-sending the copy with a new claim."""
    wire = factory.outlet(slug="wire")
    origin = factory.article(outlet=wire, published_at=T0.isoformat())
    copy = factory.article(outlet=wire, published_at=(T0 + timedelta(hours=1)).isoformat())
    factory.link(copy, origin)
    payload = IngestPayload.model_validate(
        {
            "outlet": {"slug": "wire", "name": wire.name},
            "article": {"url": copy.url, "title": copy.title, "published_at": copy.published_at},
            "claims": [{"text": "A brand new claim about the dam."}],
            "detect_copies": False,
            **({"origin": {"url": origin.url, "relation": "syndicates"}} if states_origin else {}),
        }
    )
    return origin, copy, payload


@pytest.mark.parametrize("states_origin", [False, True], ids=["plain", "stating-its-origin"])
def test_a_re_sent_copy_against_a_delete_of_it(
    factory: Factory,
    engine: Engine,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    states_origin: bool,
) -> None:
    """A copy is re-sent with a new claim, paused right after the line found the article, and
    the copy is deleted meanwhile; each side gets one attempt."""
    matcher = build_matcher(settings)
    origin, copy, payload = _a_stored_copy(factory, states_origin=states_origin)
    found, go = paused_after_first(monkeypatch, ingest_service, "_article")

    def re_send(session: Session) -> None:
        ingest_service.ingest(session, payload=payload, matcher=matcher, settings=settings)

    # The line commits first (the delete waits at the copy's root), then the delete takes the
    # copy and its new attribution with it; the copy's origin stays.
    _against_a_delete_of(copy, engine, ("ingest", re_send, found), go)
    with transaction(engine, write=False) as session:
        assert session.get(Article, origin.id) is not None


def test_a_chunk_attributing_a_stored_copy_against_a_delete_of_it(
    factory: Factory, engine: Engine, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The set-based engine's form of the case above: a chunk gives a stored copy a new
    claim, paused once its rows are written, and the copy is deleted meanwhile. The chunk
    holds the copy and its root before it writes, root first, so the delete waits for it."""
    matcher = build_matcher(settings)
    _, copy, payload = _a_stored_copy(factory, states_origin=False)
    written, go = paused_after_first(monkeypatch, bulk_engine, "write")

    def chunk(session: Session) -> None:
        answer = bulk_engine._chunk(session, [(1, payload)], matcher=matcher, settings=settings)[1]
        assert answer.status == 200, answer

    _against_a_delete_of(copy, engine, ("chunk", chunk, written), go)


def _against_a_delete_of(
    copy: Article, engine: Engine, first: tuple[str, Work, threading.Event], go: threading.Event
) -> None:
    """Race `first`, paused at its event, against a cascade delete of the stored copy (each
    gets one attempt and both must commit); then the copy is gone and every invariant holds."""

    def delete_the_copy(session: Session) -> None:
        article = articles_service.get(session, article_id=copy.id or 0)
        articles_service.delete(session, article=article, cascade=True)

    paused_then(engine, first, ("delete", delete_the_copy), go)
    with transaction(engine, write=False) as session:
        assert session.get(Article, copy.id) is None
        broken = {f.name: f.ids for f in integrity.check(session) if f.ids}
    assert broken == {}
