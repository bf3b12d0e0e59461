"""A claim's full-text row against concurrent writers of its quotes, on PostgreSQL.

Each refresh computed the claim's document from what its transaction could see, then waited for
the other writer's lock on the search row and wrote over it: a quote added at the same moment
was missing from the row for good. The first writer pauses right after its refresh (holding
the row), the second is sent and waits, then the first commits.
"""

import threading

import pytest
from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy import text
from sqlmodel import Session

from app.claims import attributions as claims_attributions
from app.claims.models import AttributionCreate
from app.claims.models import AttributionUpdate
from app.core.unit_of_work import transaction
from app.integrity import service as integrity
from app.tables import Attribution
from app.tables import Claim
from tests.factories import Factory
from tests.integrity.test_races import Work
from tests.integrity.test_races import paused_then

pytestmark = pytest.mark.postgresql_only


def _quote(claim_id: int | None, article_id: int | None, quote: str) -> Work:
    def attribute(session: Session) -> None:
        live = session.get(Claim, claim_id)
        assert live is not None
        data = AttributionCreate(article_id=article_id or 0, quote=quote)
        claims_attributions.add_attribution(session, claim=live, data=data)

    return attribute


def _then_pause(work: Work, reached: threading.Event, go: threading.Event) -> Work:
    def paused(session: Session) -> None:
        work(session)
        session.flush()
        reached.set()
        assert go.wait(30), "the test never let the first writer go on"

    return paused


@pytest.mark.parametrize("first", ["adds", "changes"])
def test_a_quote_written_while_another_is_added_is_in_the_search_row(
    factory: Factory, engine: Engine, first: str
) -> None:
    claim = factory.claim()
    kept = factory.article()
    factory.attribute(claim, kept, quote="an earlier quote")
    a1, a2 = factory.article(), factory.article()
    reached, go = threading.Event(), threading.Event()

    def change(session: Session) -> None:
        attribution = session.scalar(select(Attribution).where(Attribution.article_id == kept.id))
        assert attribution is not None
        data = AttributionUpdate(quote="zebra crossing reopened")
        claims_attributions.update_attribution(session, attribution=attribution, data=data)

    one = _quote(claim.id, a1.id, "zebra crossing reopened") if first == "adds" else change
    two = _quote(claim.id, a2.id, "walrus seen in the harbour")
    paused_then(engine, ("one", _then_pause(one, reached, go), reached), ("two", two), go)
    with transaction(engine, write=False) as session:
        broken = {f.name: f.ids for f in integrity.check(session) if f.ids}
        document = session.scalar(
            text("SELECT document::text FROM claim_search WHERE claim_id = :id"),
            {"id": claim.id},
        )
    assert broken == {}
    assert "'zebra'" in document
    assert "'walrus'" in document
