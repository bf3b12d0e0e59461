"""An outlet's rename against a recount of a claim it first reported, on PostgreSQL.

A recount locks its claim and then the outlet (the rendering trigger's share lock on the
first-reporting outlet); a rename's trigger re-renders the claims the outlet first reported, so
it wrote the outlet and then wanted the claim. Each side gets one attempt (no retry): a
deadlock (40P01) would abort one of them.
"""

from datetime import timedelta

import orjson
import pytest
from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy import text
from sqlmodel import Session

from app.core.config import Settings
from app.core.unit_of_work import transaction
from app.corroboration import counters
from app.ingest import service as ingest_service
from app.integrity import service as integrity
from app.matching.factory import build_matcher
from app.outlets import service as outlets_service
from app.outlets.models import OutletUpdate
from app.tables import Claim
from app.tables import Outlet
from tests.factories import T0
from tests.factories import Factory
from tests.integrity.test_races import attribution_of
from tests.integrity.test_races import paused_after_first
from tests.integrity.test_races import paused_then
from tests.integrity.test_races import wire_story

pytestmark = pytest.mark.postgresql_only


@pytest.mark.parametrize("change", [{"name": "Renamed"}, {"slug": "renamed"}])
def test_an_outlet_renamed_while_a_claim_it_first_reported_is_recounted(
    factory: Factory, engine: Engine, monkeypatch: pytest.MonkeyPatch, change: dict[str, str]
) -> None:
    """The recount of a claim the outlet first reported is paused holding the claim, the
    rename is sent and the recount let go once the rename waits. Before, the rename held the
    outlet and waited for the claim while the recount wanted the outlet: one of them lost a
    deadlock every time. Now the rename locks the claim first and waits: both commit, and the
    stored JSON shows the new name."""
    first = factory.outlet(slug="first")
    other = factory.outlet(slug="other")
    claim = factory.claim()
    factory.attribute(claim, factory.article(outlet=first, published_at=T0.isoformat()))
    later = factory.article(outlet=other, published_at=(T0 + timedelta(hours=1)).isoformat())
    locked, go = paused_after_first(monkeypatch, counters, "_lock")

    attribute_later = attribution_of(claim.id, later.id)

    def rename(session: Session) -> None:
        outlet = session.get(Outlet, first.id)
        assert outlet is not None
        outlets_service.update(session, outlet=outlet, data=OutletUpdate(**change))

    paused_then(engine, ("attribution", attribute_later, locked), ("rename", rename), go)
    with engine.connect() as connection:
        shown = connection.scalar(
            text("SELECT rendered_json FROM claim WHERE id = :id"), {"id": claim.id}
        )
    first_reported = orjson.loads(shown)["corroboration"]["first_reported"]
    renamed = {"name": "outlet_name", "slug": "outlet"}
    for field, value in change.items():
        assert first_reported[renamed[field]] == value
    with transaction(engine, write=False) as session:
        stored = session.get(Claim, claim.id)
        assert stored is not None
        assert (stored.articles_count, stored.first_reported_outlet_id) == (2, first.id)
        broken = {f.name: f.ids for f in integrity.check(session) if f.ids}
    assert broken == {}


@pytest.mark.parametrize("change", [{"slug": "renamed"}, {"name": "Renamed"}])
def test_an_outlet_renamed_while_an_ingest_that_found_it_goes_on(
    engine: Engine, settings: Settings, monkeypatch: pytest.MonkeyPatch, change: dict[str, str]
) -> None:
    """An ingest holds the outlet it found (FOR KEY SHARE) and locks its claims later; a new
    slug's FOR UPDATE waits for that share. With the rename holding the outlet's first reports
    while it waited, the ingest's recount then waited for one of them: a deadlock every time
    (a review's find). The rename first waits for the outlet's holders, holding nothing."""
    matcher = build_matcher(settings)

    with transaction(engine, write=True) as session:
        ingest_service.ingest(session, payload=wire_story(0), matcher=matcher, settings=settings)
    with transaction(engine, write=False) as session:
        wire_id = session.scalar(select(Outlet.id).where(Outlet.slug == "wire"))
        claim = session.scalar(select(Claim))
        assert claim is not None
        assert claim.first_reported_outlet_id == wire_id
    found, go = paused_after_first(monkeypatch, ingest_service, "_outlet")

    def ingest_into_it(session: Session) -> None:
        ingest_service.ingest(session, payload=wire_story(1), matcher=matcher, settings=settings)

    def rename(session: Session) -> None:
        outlet = session.get(Outlet, wire_id)
        assert outlet is not None
        outlets_service.update(session, outlet=outlet, data=OutletUpdate(**change))

    paused_then(engine, ("ingest", ingest_into_it, found), ("rename", rename), go)
    with transaction(engine, write=False) as session:
        stored = session.get(Claim, claim.id)
        assert stored is not None
        assert stored.articles_count == 2
        broken = {f.name: f.ids for f in integrity.check(session) if f.ids}
    assert broken == {}
