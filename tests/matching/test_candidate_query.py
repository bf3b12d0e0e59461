"""The lexical matcher's candidate query keeps a text's best-ranked *live* matches: merged claims
are skipped before the limit, so the limit is filled with live ones. It is held to the statement
it replaced (every match joined to its claim row before ranking), which ranked the same matches
in the same order, on both databases; on SQLite a full-text row with no claim (drift that
`corroborate repair` removes) is skipped before the limit too."""

from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy import text
from sqlmodel import Session

from app.claims import merging
from app.claims.search import matching_claims
from app.core.unit_of_work import transaction
from app.matching.lexical import LexicalMatcher
from app.tables import Claim
from tests.factories import Factory


def _joined_first(session: Session, query: str, limit: int) -> list[int]:
    """The ids the statement before this one answered: every match joined to its claim row,
    merged ones dropped, then ranked."""
    (terms, mode), *rest = LexicalMatcher()._candidate_queries(session, query)
    assert rest == []
    hits = matching_claims(session.get_bind().dialect.name, terms, mode=mode).subquery()
    return list(
        session.scalars(
            select(Claim.id)
            .join(hits, hits.c.claim_id == Claim.id)
            .where(Claim.merged_into.is_(None))  # type: ignore[union-attr]
            .order_by(hits.c.rank.desc(), Claim.id)
            .limit(limit)
        )
    )


def test_merged_claims_are_skipped_and_the_limit_filled_with_live_ones(
    engine: Engine, factory: Factory
) -> None:
    # Shorter texts rank higher: the first four are the best matches, and they are merged.
    filler = ["in", "the", "northern", "valley", "after", "heavy", "spring", "rain", "fell"]
    ids = [
        factory.claim(text=" ".join(["Zorblatian quarry collapsed", *filler[:i]]) + ".").id
        for i in range(10)
    ]
    survivor = factory.claim(text="A Zorblatian quarry reopened in May.").id
    assert survivor is not None
    with transaction(engine, write=True) as session:
        for claim_id in ids[:4]:
            claim = session.get(Claim, claim_id)
            assert claim is not None
            merging.merge(session, claim=claim, into_id=survivor)
    matcher = LexicalMatcher(candidates=5)
    with transaction(engine, write=False) as session:
        found = list(matcher.candidate_rows(session, "The Zorblatian quarry collapsed."))
        assert len(found) == 5
        assert not set(found) & set(ids[:4])
        assert set(found) <= {*ids[4:], survivor}
        assert found == _joined_first(session, "The Zorblatian quarry collapsed.", 5)
    if engine.dialect.name != "sqlite":
        return
    with transaction(engine, write=True) as session:
        session.execute(
            text("INSERT INTO claim_search (rowid, text, quotes) VALUES (999999, :t, '')"),
            {"t": "Zorblatian quarry collapsed."},  # the best match of all, and no claim
        )
    with transaction(engine, write=False) as session:
        found = list(matcher.candidate_rows(session, "The Zorblatian quarry collapsed."))
        assert len(found) == 5
        assert 999999 not in found
        assert found == _joined_first(session, "The Zorblatian quarry collapsed.", 5)
