"""Counters are kept by construction: a writer that only writes rows still leaves them true."""

import pytest
from sqlalchemy import Engine
from sqlalchemy import select
from sqlmodel import Session

from app.core.unit_of_work import transaction
from app.corroboration import counters
from app.tables import Article
from app.tables import ArticleLink
from app.tables import Attribution
from app.tables import Claim
from tests.factories import Factory


def _counts(engine: Engine, claim_id: int) -> tuple[int, int, int]:
    with transaction(engine, write=False) as session:
        assert counters.stale_claim_ids(session) == []
        claim = session.get(Claim, claim_id)
        assert claim is not None
        return claim.outlets_count, claim.origins_count, claim.articles_count


def test_a_plain_orm_writer_needs_no_call(engine: Engine, factory: Factory) -> None:
    claim = factory.claim()
    first, second = factory.article(), factory.article()
    with transaction(engine, write=True) as session:  # no service, no recount call
        session.add(Attribution(claim_id=claim.id, article_id=first.id))
        session.add(Attribution(claim_id=claim.id, article_id=second.id))
    assert _counts(engine, claim.id or 0) == (2, 2, 2)
    with transaction(engine, write=True) as session:
        session.add(ArticleLink(article_id=second.id, origin_article_id=first.id, relation="cites"))
        session.flush()
        copy = session.get(Article, second.id)
        assert copy is not None
        copy.root_article_id = first.id
    assert _counts(engine, claim.id or 0) == (2, 1, 2)
    with transaction(engine, write=True) as session:
        attribution = session.scalars(
            select(Attribution).where(Attribution.article_id == first.id)
        ).one()
        attribution.stance = "disputes"
    assert _counts(engine, claim.id or 0) == (1, 1, 1)


def test_a_released_or_failed_savepoint_keeps_what_was_touched(
    engine: Engine, factory: Factory
) -> None:
    claim = factory.claim()
    first, second = factory.article(), factory.article()
    with transaction(engine, write=True) as session:
        session.add(Attribution(claim_id=claim.id, article_id=first.id))
        with session.begin_nested():  # released: nothing is recounted yet, nor forgotten
            session.add(Attribution(claim_id=claim.id, article_id=second.id))
        with pytest.raises(RuntimeError), session.begin_nested():
            raise RuntimeError("rolled back to the savepoint")
    assert _counts(engine, claim.id or 0) == (2, 2, 2)


def test_a_rolled_back_transaction_leaves_nothing_pending(engine: Engine, factory: Factory) -> None:
    claim = factory.claim()
    article = factory.article()
    with Session(engine) as session:
        session.add(Attribution(claim_id=claim.id, article_id=article.id))
        session.flush()
        session.rollback()
        assert session.info.get("corroboration_touched_claims") is None
    assert _counts(engine, claim.id or 0) == (0, 0, 0)
