"""The lexical matcher's candidate query keeps a text's best-ranked *live* matches: merged claims
are skipped before the limit, so the limit is filled with live ones. It is held to the statement
it replaced (every match joined to its claim row before ranking), which ranked the same matches
in the same order, on both databases; on SQLite a full-text row with no claim (drift that
`corroborate repair` removes) is skipped before the limit too. Both statements (and the term
counts) are plain SQL; they are held to the ORM statements built from `matching_claims`."""

from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import text
from sqlmodel import Session

from app.claims import merging
from app.claims.search import Mode
from app.claims.search import Term
from app.claims.search import matching_claims
from app.claims.search import parse
from app.core.unit_of_work import transaction
from app.matching.fulltext import candidate_statement
from app.matching.fulltext import term_counts
from app.matching.lexical import LexicalMatcher
from app.tables import Claim
from tests.factories import Factory


def _orm_candidates(session: Session, terms: list[Term], mode: Mode, limit: int) -> list[Any]:
    """(id, rank) from the ORM statement the plain-SQL candidate statements stand for (and the
    one before them): every match joined to its claim row, merged ones dropped, then ranked."""
    hits = matching_claims(session.get_bind().dialect.name, terms, mode=mode).subquery()
    return [
        (row.id, round(row.rank, 6))
        for row in session.execute(
            select(Claim.id, hits.c.rank)
            .join(hits, hits.c.claim_id == Claim.id)
            .where(Claim.merged_into.is_(None))  # type: ignore[union-attr]
            .order_by(hits.c.rank.desc(), Claim.id)
            .limit(limit)
        )
    ]


def _joined_first(session: Session, query: str, limit: int) -> list[int]:
    """The ids the statement before this one answered: every match joined to its claim row,
    merged ones dropped, then ranked."""
    (terms, mode), *rest = LexicalMatcher()._candidate_queries(session, query)
    assert rest == []
    return [claim_id for claim_id, _ in _orm_candidates(session, terms, mode, limit)]


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


def test_the_plain_sql_statements_answer_what_the_orm_statements_answer(
    engine: Engine, factory: Factory
) -> None:
    texts = [
        "Ports in Rotterdam reopened after the strike.",
        "The Rotterdam port strike ended after nine days.",
        "Dockers in Antwerp joined the port strike.",
        "Strikers at the port of Rotterdam returned to work.",
        "Port authorities reported record traffic.",
        "The strike was reported by port authorities in Rotterdam.",
    ]
    ids = [factory.claim(text=text_).id for text_ in texts]
    survivor = factory.claim(text="Rotterdam's port is open again.").id
    with transaction(engine, write=True) as session:
        claim = session.get(Claim, ids[1])
        assert claim is not None
        merging.merge(session, claim=claim, into_id=survivor or 0)
    queries: list[tuple[list[Term], Mode]] = [
        (parse("Rotterdam strike"), "any"),
        (parse("Rotterdam strike"), "all"),
        (parse('"port strike" Antwerp'), "any"),
        (parse('"port strike" Rotterdam'), "all"),
        (parse("strik* Rotterdam"), "all"),
        (parse("report* traffic"), "any"),
        (parse("Zorblatian"), "any"),
    ]
    with transaction(engine, write=False) as session:
        dialect = session.get_bind().dialect.name
        rows = sorted(
            candidate_statement(session, dialect, queries, 3), key=lambda r: (r.query, -r.rank)
        )
        for index, (terms, mode) in enumerate(queries):
            got = [(row.id, round(row.rank, 6)) for row in rows if row.query == index]
            got.sort(key=lambda entry: (-entry[1], entry[0]))
            assert got == _orm_candidates(session, terms, mode, 3), (terms, mode)
        assert any(row.query == 0 for row in rows)  # the comparison is not between empty answers
        single = [term for terms, _ in queries for term in terms]
        counted = dict(term_counts(session, dialect, single))
        for index, term in enumerate(single):
            hits = matching_claims(dialect, [term], mode="any").subquery()
            assert counted[index] == session.scalar(select(func.count()).select_from(hits))


@pytest.mark.postgresql_only
def test_the_tsquery_aggregates_fold_as_the_operators_do(engine: Engine) -> None:
    """Migration 3200's aggregates build, from terms in order, the very tsquery that `||` and
    `&&` written out left to right build (the candidate statement relies on it)."""
    statement = text(
        "SELECT tsquery_or_agg(q ORDER BY j)::text, tsquery_and_agg(q ORDER BY j)::text, "
        "((plainto_tsquery('english', 'ports') || phraseto_tsquery('english', 'dock strike')) "
        "|| to_tsquery('english', 'rott:*'))::text, "
        "((plainto_tsquery('english', 'ports') && phraseto_tsquery('english', 'dock strike')) "
        "&& to_tsquery('english', 'rott:*'))::text "
        "FROM (VALUES (1, plainto_tsquery('english', 'ports')), "
        "(2, phraseto_tsquery('english', 'dock strike')), (3, to_tsquery('english', 'rott:*'))) "
        "AS t(j, q)"
    )
    with engine.connect() as connection:
        any_, all_, any_written, all_written = connection.execute(statement).one()
    assert (any_, all_) == (any_written, all_written)
    assert "|" in any_
    assert "&" in all_


@pytest.mark.postgresql_only
def test_candidates_rank_claims_holding_more_of_the_words_first(
    engine: Engine, factory: Factory
) -> None:
    """Candidate generation ranks by `ts_rank` (`PG_RANK["any"]`): a claim holding two of the
    text's rare words comes before one repeating one of them three times, which `ts_rank_cd`
    ranked first (it counts every occurrence)."""
    repeating = factory.claim(text="Zorblat Zorblat Zorblat officials said.").id
    holding_both = factory.claim(text="Zorblat and Quenvik officials said.").id
    queries: list[tuple[list[Term], Mode]] = [(parse("Zorblat Quenvik"), "any")]
    with transaction(engine, write=False) as session:
        rows = sorted(
            candidate_statement(session, "postgresql", queries, 2), key=lambda r: (-r.rank, r.id)
        )
    assert [row.id for row in rows] == [holding_both, repeating]
