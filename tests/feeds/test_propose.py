"""Claim proposals from an article's quotes: attached when the matcher is sure, queued when
not, stored once (a re-crawl adds nothing, a rejection is remembered), accepted into claims."""

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import select

from app.core.config import Settings
from app.core.unit_of_work import TransactionConflict
from app.core.unit_of_work import lost_race
from app.core.unit_of_work import transaction
from app.feeds import propose
from app.feeds import watch
from app.ingest.models import IngestPayload
from app.matching.factory import build_matcher
from app.tables import Article
from app.tables import Attribution
from app.tables import ReviewItem
from app.tables import ReviewKind
from tests.factories import Factory

TITLE = "Harbour to reopen on Friday, port authority says"
BODY = (
    "Harbour master Ana Lopes said on Monday that the dredging of the main channel was "
    "finished.\n\n"
    "“The channel is deep enough for the ferries again,” Lopes told reporters."
)


def _propose(engine: Engine, settings: Settings, article_id: int) -> Counter[str]:
    matcher = build_matcher(settings.model_copy(update={"matcher": "lexical"}))
    with transaction(engine, write=True) as session:
        article = session.get(Article, article_id)
        assert article is not None
        return propose.propose(
            session, article=article, title=TITLE, body=BODY, matcher=matcher, settings=settings
        )


def _items(engine: Engine) -> list[ReviewItem]:
    with transaction(engine, write=False) as session:
        query = select(ReviewItem).where(ReviewItem.kind == ReviewKind.claim_proposal)
        return list(session.scalars(query.order_by(ReviewItem.id)))


def test_proposals_are_read_from_headline_reported_and_direct_speech(settings: Settings) -> None:
    made = propose.proposals(TITLE, BODY, settings=settings)
    assert [(p.text, p.claimant, p.sourcing.value) for p in made] == [
        ("Harbour to reopen on Friday", "port authority", "unknown"),
        ("the dredging of the main channel was finished", "Ana Lopes", "named"),
        ("The channel is deep enough for the ferries again", "Ana Lopes", "named"),
    ]


def test_quotes_are_proposed_once_and_a_rejection_is_remembered(
    engine: Engine, settings: Settings, factory: Factory, client: TestClient
) -> None:
    article = factory.article(title=TITLE)
    assert _propose(engine, settings, article.id or 0) == Counter(proposed=3)
    assert _propose(engine, settings, article.id or 0) == Counter(known=3)  # a re-crawl
    items = _items(engine)
    assert len(items) == 3
    shown = client.get(f"/v1/review/{items[2].id}").json()
    assert shown["proposed_claim"] == {
        "text": "The channel is deep enough for the ferries again",
        "claimant": "Ana Lopes",
        "quote": "The channel is deep enough for the ferries again",
    }
    assert shown["article"]["id"] == article.id
    assert client.post(f"/v1/review/{items[2].id}/reject").status_code == 200
    assert _propose(engine, settings, article.id or 0) == Counter(known=3)
    assert client.get(f"/v1/review/{items[2].id}").json()["status"] == "rejected"


def test_a_quote_the_matcher_is_sure_of_is_attributed_with_the_articles_words(
    engine: Engine, settings: Settings, factory: Factory
) -> None:
    claim = factory.claim(
        text="The channel is deep enough for the ferries again", claimant="Ana Lopes"
    )
    article = factory.article(title=TITLE)
    assert _propose(engine, settings, article.id or 0) == Counter(proposed=2, attached=1)
    assert _propose(engine, settings, article.id or 0) == Counter(known=2, already=1)
    with transaction(engine, write=False) as session:
        attribution = session.scalars(
            select(Attribution).where(Attribution.claim_id == claim.id)
        ).one()
    assert attribution.article_id == article.id
    assert attribution.quote == "The channel is deep enough for the ferries again"
    assert attribution.sourcing == "named"


def test_accepting_a_proposal_makes_its_claim_and_the_matcher_attaches_the_same_words(
    engine: Engine, settings: Settings, factory: Factory, client: TestClient
) -> None:
    first = factory.article(title=TITLE)
    second = factory.article(title=TITLE)
    _propose(engine, settings, first.id or 0)
    _propose(engine, settings, second.id or 0)
    direct = [i for i in _items(engine) if i.proposed_text and i.proposed_text.startswith("The ")]
    assert [i.article_id for i in direct] == [first.id, second.id]

    accepted = client.post(f"/v1/review/{direct[0].id}/accept")
    assert accepted.status_code == 200, accepted.text
    claim = accepted.json()["target_claim"]
    assert (claim["text"], claim["claimant"]) == (direct[0].proposed_text, "Ana Lopes")
    other = client.get(f"/v1/review/{direct[1].id}").json()
    assert (other["status"], other["decided_by"]) == ("accepted", "matcher")
    assert other["target_claim"]["id"] == claim["id"]
    detail = client.get(f"/v1/claims/{claim['id']}").json()
    assert detail["corroboration"]["articles"] == 2
    assert client.post(f"/v1/review/{direct[1].id}/accept").status_code == 409


def test_an_outlet_trusted_to_create_claims_gets_them_without_review(
    engine: Engine, settings: Settings, factory: Factory
) -> None:
    trusted = factory.outlet(slug="harbour-gazette")
    article = factory.article(outlet=trusted, title=TITLE)
    other = factory.article(title=TITLE)
    trusting = settings.model_copy(update={"feeds_create_claims_outlets": ["harbour-gazette"]})
    assert _propose(engine, trusting, article.id or 0) == Counter(created=3)
    assert _propose(engine, trusting, article.id or 0) == Counter(already=3)  # a re-crawl
    assert _items(engine) == []
    # Another outlet's same words are then attached by the matcher, as for any claim.
    assert _propose(engine, trusting, other.id or 0) == Counter(attached=3)
    with transaction(engine, write=False) as session:
        outlets = session.execute(
            select(Attribution.claim_id, Article.outlet_id).join(
                Article, Article.id == Attribution.article_id
            )
        ).all()
    assert len({claim for claim, _ in outlets}) == 3
    assert sorted(outlet for _, outlet in outlets) == sorted(
        [trusted.id] * 3 + [other.outlet_id] * 3
    )


def test_the_setting_reads_a_comma_separated_list() -> None:
    assert Settings(feeds_create_claims_outlets="reuters, ap").feeds_create_claims_outlets == [
        "reuters",
        "ap",
    ]


def test_a_lost_race_while_proposing_re_runs_the_crawl_unit_and_a_bad_page_is_noted(
    engine: Engine, settings: Settings, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The crawler proposes an article's claims in a savepoint and notes a failure on the
    entry: a page whose quotes cannot be read is that page's problem. A lost race (a deadlock,
    a row changed meanwhile) is not: it propagates, so the retry policy re-runs the unit,
    instead of leaving "claims not proposed" on the entry for good."""
    article_id = factory.article().id or 0
    matcher = build_matcher(settings.model_copy(update={"matcher": "lexical"}))
    payload = IngestPayload.model_validate(
        {
            "outlet": {"slug": "o", "name": "O"},
            "article": {
                "url": "https://o.example/a",
                "title": TITLE,
                "published_at": "2026-01-05T10:00:00Z",
                "body": BODY,
            },
            "claims": [],
        }
    )

    def failing(error: Exception) -> Callable[..., Counter[str]]:
        def propose_(*_args: Any, **_kwargs: Any) -> Counter[str]:
            raise error

        return propose_

    monkeypatch.setattr(propose, "propose", failing(lost_race()))
    with pytest.raises(TransactionConflict), transaction(engine, write=True) as session:
        watch._propose(session, article_id, payload, matcher, settings)
    monkeypatch.setattr(propose, "propose", failing(ValueError("unreadable quotes")))
    with transaction(engine, write=True) as session:
        noted = watch._propose(session, article_id, payload, matcher, settings)
    assert noted == "claims not proposed: unreadable quotes"
