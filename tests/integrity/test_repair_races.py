"""`corroborate repair` on a serving database: writers racing it must not leave it stale.

Repair reads the state, then writes what it derives (roots, counters, index rows). A writer
committing between the two made those writes stale; the repair now keeps writers out of the
tables it guards until it commits (`integrity.service._hold_still`). PostgreSQL only: SQLite
runs one writer at a time.
"""

import threading
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy import text

from app.articles import service as articles_service
from app.articles.models import LinkCreate
from app.claims import attributions as claims_attributions
from app.claims.models import AttributionCreate
from app.core.unit_of_work import run_transaction
from app.core.unit_of_work import transaction
from app.corroboration import counters
from app.integrity import service as integrity
from app.tables import Claim
from tests.factories import T0
from tests.factories import Factory
from tests.integrity.test_races import stale
from tests.integrity.test_races import waiting_on_a_lock

pytestmark = pytest.mark.postgresql_only


def _findings(engine: Engine) -> dict[str, list[int]]:
    return {f.name: f.ids for f in integrity.check_snapshot(engine) if f.ids}


def _repair_while(engine: Engine, write: Any) -> None:
    """Run `write` in a transaction held open while a repair starts; commit it once the
    repair has committed or waits for one of its locks; then let the repair finish."""
    outcome: dict[str, Any] = {}

    def repair() -> None:
        try:
            outcome["found"] = run_transaction(engine, integrity.repair, attempts=3)
        except Exception as exc:  # reported below, not lost in the thread
            outcome["found"] = exc

    with transaction(engine, write=True) as session:
        write(session)
        repairing = threading.Thread(target=repair)
        repairing.start()
        while repairing.is_alive() and not waiting_on_a_lock(engine):
            repairing.join(0.02)
    repairing.join(60)
    assert not isinstance(outcome.get("found"), Exception), outcome


def test_an_article_linked_while_repair_fixes_its_root_keeps_the_new_root(
    factory: Factory, engine: Engine
) -> None:
    """The article's stored root is wrong (drift repair is for), and a writer links it to an
    origin while the repair runs. Without the repair's table locks, the repair derived the
    root from the chains before the link (the article itself), waited for the writer's row
    lock, and then wrote that root over the writer's: a wrong root right after a repair."""
    origin = factory.article(published_at=T0.isoformat())
    copy = factory.article(published_at=(T0 + timedelta(hours=1)).isoformat())
    other = factory.article(published_at=T0.isoformat())
    with engine.begin() as connection:  # the drift a repair is run for
        connection.execute(
            text("UPDATE article SET root_article_id = :other WHERE id = :id"),
            {"id": copy.id, "other": other.id},
        )
    assert _findings(engine)["stale_roots"] == [copy.id]

    def link(session: Any) -> None:
        articles_service.add_link(
            session,
            article=articles_service.get(session, article_id=copy.id or 0),
            data=LinkCreate(origin_article_id=origin.id or 0, relation="syndicates"),
        )

    _repair_while(engine, link)
    assert _findings(engine) == {}


def test_a_claim_attributed_while_repair_recounts_it_keeps_the_writers_count(
    factory: Factory, engine: Engine
) -> None:
    """The claim's counters are wrong, and a writer attributes it to one more outlet's
    article while the repair runs: the repair recounts it after the writer commits (counters
    are recounted under the claim's row lock before commit, so this held before the table
    locks too; kept as the counters' side of the test above)."""
    claim = factory.claim()
    factory.attribute(claim, factory.article())
    extra = factory.article()
    with engine.begin() as connection:  # the drift a repair is run for
        connection.execute(
            text("UPDATE claim SET outlets_count = 7, origins_count = 7 WHERE id = :id"),
            {"id": claim.id},
        )
    assert _findings(engine)["stale_counters"] == [claim.id]

    def attribute(session: Any) -> None:
        live = session.get(Claim, claim.id)
        claims_attributions.add_attribution(
            session, claim=live, data=AttributionCreate(article_id=extra.id or 0)
        )
        counters.settle(session)  # the writer's own recount: two outlets

    _repair_while(engine, attribute)
    assert stale(engine) == []
    assert _findings(engine) == {}


def test_repair_racing_writers_leaves_every_invariant(factory: Factory, engine: Engine) -> None:
    """Repairs run again and again while two writers attribute claims and link articles:
    every write and every repair commits (re-run when it loses a deadlock), and nothing is
    left wrong."""
    claims = [factory.claim() for _ in range(4)]
    articles = [factory.article() for _ in range(24)]
    errors: list[BaseException] = []

    def write(offset: int) -> None:
        try:
            for n, article in enumerate(articles[offset::2]):
                claim_id = claims[n % len(claims)].id

                def attribute(
                    session: Any, claim_id: Any = claim_id, article: Any = article
                ) -> None:
                    live = session.get(Claim, claim_id)
                    claims_attributions.add_attribution(
                        session, claim=live, data=AttributionCreate(article_id=article.id)
                    )

                run_transaction(engine, attribute, attempts=10)
        except BaseException as exc:
            errors.append(exc)

    writers = [threading.Thread(target=write, args=(offset,)) for offset in range(2)]
    for writer in writers:
        writer.start()
    # At least six repairs, and repairs for as long as the writers write (every write must
    # land: a writer that stopped when the repairs did left some unwritten, by timing alone).
    repairs = 0
    while repairs < 6 or any(writer.is_alive() for writer in writers):
        run_transaction(engine, integrity.repair, attempts=10)
        repairs += 1
    for writer in writers:
        writer.join(60)
    assert errors == []
    assert _findings(engine) == {}
    with engine.connect() as connection:  # every write landed, none was lost to a repair
        landed = connection.execute(text("SELECT count(*) FROM attribution")).scalar()
    assert landed == len(articles)
