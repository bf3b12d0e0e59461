"""The outbox: what each write records, in the same transaction, and nothing for a rollback."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import select
from sqlmodel import Session

from app.core.unit_of_work import TransactionConflict
from app.core.unit_of_work import run_transaction
from app.outbox import recorder
from app.tables import Event
from app.tables import EventType
from tests.events.script import EXPECTED
from tests.events.script import scripted_sequence
from tests.factories import Factory
from tests.ingest.test_copies import body
from tests.ingest.test_copies import wire


def events(engine: Engine) -> list[Event]:
    with Session(engine) as session:
        return list(session.scalars(select(Event).order_by(Event.id)))


def test_the_scripted_sequence_records_each_event_once_in_order(
    client: TestClient, engine: Engine
) -> None:
    ids = scripted_sequence(client)
    found = events(engine)
    assert [(e.type, e.claim_id) for e in found] == [
        (kind, ids[which] if which else None) for kind, which in EXPECTED
    ]
    by_type: dict[str, list[dict[str, Any]]] = {}
    for e in found:
        by_type.setdefault(e.type, []).append(e.data)
    changes = by_type["claim.corroboration_changed"]
    assert [(c["old"]["outlets"], c["new"]["outlets"]) for c in changes] == [
        (0, 1),
        (1, 2),
        (2, 3),
        (3, 3),
    ]
    assert [(c["old"]["origins"], c["new"]["origins"]) for c in changes] == [
        (0, 1),
        (1, 1),
        (1, 2),
        (2, 2),
    ]
    # What caused each change: the article (its outlet and independent origin) attributed.
    assert [[a["outlet"] for a in c["cause"]["articles"]] for c in changes] == [
        ["wire"],
        ["daily"],
        ["herald"],
        ["skeptic"],
    ]
    copy_cause = changes[1]["cause"]["articles"][0]
    assert copy_cause["origin_article_id"] == changes[0]["cause"]["articles"][0]["article_id"]
    assert changes[3]["new"]["disputing_outlets"] == 1
    (disputed,) = by_type["claim.disputed"]
    assert (disputed["disputing_outlets"], disputed["first"]) == (1, True)
    (merged,) = by_type["claim.merged"]
    assert merged == {"claim_id": ids["other"], "merged_into": ids["claim"]}
    (copied,) = by_type["article.copy_detected"]
    assert copied["relation"] == "syndicates"
    assert copied["origin_article_id"] == copy_cause["origin_article_id"]
    (review,) = by_type["review.created"]
    assert (review["claim_id"], review["textual_rating"]) == (ids["claim"], "Mostly true")
    # Ids grow, and nothing else was recorded.
    assert [e.id for e in found] == sorted(e.id for e in found)


def test_a_refused_or_idempotent_write_records_nothing(client: TestClient, engine: Engine) -> None:
    scripted_sequence(client)
    before = len(events(engine))
    # The same review URL again: 409, rolled back.
    claim = events(engine)[0].claim_id
    response = client.post(
        f"/v1/claims/{claim}/reviews",
        json={
            "url": "https://checker.example/rotterdam",
            "publisher": {"name": "Checker", "site": "checker.example"},
            "textual_rating": "Mostly true",
        },
    )
    assert response.status_code == 409, response.text
    # The wire story again: found, nothing changes, so no event.
    again = client.post("/v1/ingest", json=wire(body=body(7)))
    assert again.status_code in (200, 201), again.text
    assert again.json()["changed"] is False
    assert len(events(engine)) == before


def test_a_rolled_back_transaction_records_nothing(engine: Engine, factory: Factory) -> None:
    outlet = factory.outlet()
    article = factory.article(outlet)
    claim = factory.claim()
    start = len(events(engine))

    class Boom(Exception):
        pass

    def work(session: Session) -> None:
        from app.claims import attributions
        from app.claims import service as claims_service
        from app.claims.models import AttributionCreate
        from app.corroboration import counters

        attributions.add_attribution(
            session,
            claim=claims_service.get(session, claim_id=claim.id or 0),
            data=AttributionCreate(article_id=article.id or 0, stance="reports"),
        )
        counters.settle(session)  # the recount the commit would run records the event
        assert [e["type"] for e in recorder.pending(session)] == ["claim.corroboration_changed"]
        raise Boom

    with pytest.raises(Boom):
        run_transaction(engine, work, attempts=1)
    assert len(events(engine)) == start


def test_a_rolled_back_savepoint_takes_its_events_with_it(engine: Engine) -> None:
    """A savepoint that fails (a line of a chunk that fails alone, a lost unique race) leaves
    no event behind; one that is released keeps its events, and those recorded before it."""
    start = len(events(engine))

    class Boom(Exception):
        pass

    def note(session: Session, n: int) -> None:
        recorder.record(session, type=EventType.claim_created, claim_id=None, data={"n": n})

    def fails(session: Session, *numbers: int) -> None:
        with session.begin_nested():
            note(session, numbers[0])
            for n in numbers[1:]:
                with session.begin_nested():  # released inside the one that fails
                    note(session, n)
            raise Boom

    def work(session: Session) -> None:
        note(session, 1)
        with pytest.raises(Boom):
            fails(session, 2, 3)
        with session.begin_nested():
            note(session, 4)
            with pytest.raises(Boom):
                fails(session, 5)
        assert [e["data"]["n"] for e in recorder.pending(session)] == [1, 4]

    run_transaction(engine, work, attempts=1)
    assert [e.data["n"] for e in events(engine)[start:]] == [1, 4]


def test_a_savepoint_whose_flush_fails_takes_its_events_with_it(
    engine: Engine, factory: Factory
) -> None:
    """A lost unique race: the flush inside the savepoint fails, the savepoint goes with it
    (without an event of its own), and so do the events recorded in it."""
    from sqlalchemy.exc import IntegrityError

    from app.tables import Claim

    taken = factory.claim()
    start = len(events(engine))

    def loses(session: Session) -> None:
        with session.begin_nested():
            recorder.record(session, type=EventType.claim_created, claim_id=None, data={"n": 2})
            session.add(Claim(text="A new claim", fingerprint="fp-new-in-savepoint"))
            session.flush()  # recorded: claim.created for the new claim
            session.add(Claim(text="Again", fingerprint=taken.fingerprint))
            session.flush()

    def work(session: Session) -> None:
        recorder.record(session, type=EventType.claim_created, claim_id=None, data={"n": 1})
        with pytest.raises(IntegrityError):
            loses(session)
        assert [e["data"].get("n") for e in recorder.pending(session)] == [1]

    run_transaction(engine, work, attempts=1)
    assert [e.data.get("n") for e in events(engine)[start:]] == [1]


def test_a_rolled_back_savepoint_takes_its_causes_with_it(engine: Engine, factory: Factory) -> None:
    """A count event names as its cause only what stayed written: an attribution noted in a
    savepoint that rolled back (a line of a chunk that failed alone) is not among them."""
    claim = factory.claim()
    kept, dropped, released = factory.article(), factory.article(), factory.article()

    class Boom(Exception):
        pass

    def fails(session: Session) -> None:
        with session.begin_nested():
            recorder.attributed(session, [(claim.id, dropped.id)])
            with session.begin_nested():  # released inside the one that fails
                recorder.attributed(session, [(claim.id, dropped.id)])
            raise Boom

    def work(session: Session) -> dict[int, dict[str, Any]]:
        recorder.attributed(session, [(claim.id, kept.id)])
        with pytest.raises(Boom):
            fails(session)
        with session.begin_nested():
            recorder.attributed(session, [(claim.id, released.id)])
        return recorder.causes(session, [claim.id])

    found = run_transaction(engine, work, attempts=1)
    assert found[claim.id]["kind"] == "attribution"
    assert [a["article_id"] for a in found[claim.id]["articles"]] == sorted([kept.id, released.id])


def test_a_retried_transaction_records_its_events_once(engine: Engine, factory: Factory) -> None:
    start = len(events(engine))
    runs = []

    def work(session: Session) -> None:
        recorder.record(session, type=EventType.claim_created, claim_id=None, data={"n": 1})
        runs.append(1)
        if len(runs) == 1:
            raise TransactionConflict("lost a race")

    run_transaction(engine, work, attempts=3)
    found = events(engine)[start:]
    assert len(runs) == 2
    assert [(e.type, e.data) for e in found] == [("claim.created", {"n": 1})]


def test_review_queue_items_have_their_own_type(engine: Engine, factory: Factory) -> None:
    claim = factory.claim()
    start = len(events(engine))

    def work(session: Session) -> None:
        recorder.record_review_queue_item(
            session, claim_id=claim.id or 0, item_id=5, reason="new_dispute", data={}
        )

    run_transaction(engine, work, attempts=1)
    (item,) = events(engine)[start:]
    assert (item.type, item.claim_id, item.data["item_id"]) == (
        "review_queue.item_added",
        claim.id,
        5,
    )
