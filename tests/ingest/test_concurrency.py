"""Concurrent ingests of the same article, outlet or claim: real threads on the real engine."""

import threading
from collections.abc import Callable
from typing import Any
from typing import TypeVar

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import select

from app.core.config import Settings
from app.core.unit_of_work import transaction
from app.ingest import service
from app.ingest.models import IngestPayload
from app.ingest.models import IngestResult
from app.matching.factory import build_matcher
from app.tables import Article
from app.tables import Attribution
from app.tables import Claim
from app.tables import Outlet
from tests.assertions import assert_consistent
from tests.ingest.test_router import payload

T = TypeVar("T")
THREADS = 8


def run_together(work: list[Callable[[], T]]) -> list[T]:
    """Start every callable at the same instant on its own thread; re-raise the first error."""
    barrier = threading.Barrier(len(work))
    results: list[Any] = [None] * len(work)
    errors: list[BaseException] = []

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = work[index]()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(work))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    if errors:
        raise errors[0]
    return results


def ingest(engine: Engine, settings: Settings, body: dict[str, Any]) -> Callable[[], IngestResult]:
    matcher = build_matcher(settings)
    data = IngestPayload.model_validate(body)
    return lambda: service.ingest_one(engine, payload=data, matcher=matcher, settings=settings)


def count(engine: Engine, model: Any) -> int:
    with transaction(engine, write=False) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_concurrent_sends_of_one_new_article_make_one_article(
    engine: Engine, settings: Settings, client: TestClient
) -> None:
    body = payload(claims=[{"text": "The mayor resigned."}, {"text": "Rents rose 12%."}])
    results = run_together([ingest(engine, settings, body) for _ in range(THREADS)])
    assert (count(engine, Outlet), count(engine, Article), count(engine, Claim)) == (1, 1, 2)
    assert count(engine, Attribution) == 2
    assert sum(r.article_created for r in results) == 1
    assert sum(r.outlet_created for r in results) == 1
    assert {r.article_id for r in results} == {results[0].article_id}
    assert {tuple(c.claim_id for c in r.claims) for r in results} == {
        tuple(c.claim_id for c in results[0].claims)
    }
    assert {tuple(c.attribution_id for c in r.claims) for r in results} == {
        tuple(c.attribution_id for c in results[0].claims)
    }
    for claim_id in (c.claim_id for c in results[0].claims):
        assert assert_consistent(client, claim_id)["articles"] == 1


def test_concurrent_articles_with_one_new_claim_share_that_claim(
    engine: Engine, settings: Settings, client: TestClient
) -> None:
    bodies = [
        payload(
            slug=f"paper-{i}",
            url=f"https://paper{i}.example/story",
            claims=[{"text": "The bridge will close for repairs in March."}],
        )
        for i in range(THREADS)
    ]
    results = run_together([ingest(engine, settings, body) for body in bodies])
    assert (count(engine, Article), count(engine, Claim)) == (THREADS, 1)
    claim_ids = {r.claims[0].claim_id for r in results}
    assert len(claim_ids) == 1
    assert sorted(r.claims[0].action.value for r in results) == ["created"] + ["linked"] * (
        THREADS - 1
    )
    counts = assert_consistent(client, claim_ids.pop())
    assert (counts["outlets"], counts["articles"]) == (THREADS, THREADS)
