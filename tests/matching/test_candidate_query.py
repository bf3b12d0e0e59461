"""The lexical matcher's candidate query keeps a text's best-ranked *live* matches: merged claims
are skipped before the limit, so the limit is filled with live ones. On SQLite it is also held to
the statement it replaced (every match joined to its row before ranking), which ranked the same
matches in the same order, and a full-text row with no claim (drift that `corroborate repair`
removes) is skipped before the limit too."""

from sqlalchemy import Engine
from sqlalchemy import text

from app.claims import merging
from app.core.unit_of_work import transaction
from app.matching.lexical import LexicalMatcher
from app.matching.lexical import fts5_expression
from app.tables import Claim
from tests.factories import Factory

# The statement before migration 3100, the oracle for SQLite.
_JOINED_FIRST = text(
    "SELECT claim.id FROM claim JOIN "
    "(SELECT claim_search.rowid AS claim_id, -bm25(claim_search, 2.0, 1.0) AS rank "
    "FROM claim_search WHERE claim_search MATCH :q) AS h ON h.claim_id = claim.id "
    "WHERE claim.merged_into IS NULL ORDER BY h.rank DESC, claim.id LIMIT :limit"
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
        (terms, mode), *rest = matcher._candidate_queries(
            session, "The Zorblatian quarry collapsed."
        )
        assert rest == []
        before = list(
            session.scalars(_JOINED_FIRST, {"q": fts5_expression(terms, mode), "limit": 5})
        )
        assert found == before
