"""Invariant checks and repair, on states the races of issue 20 left behind (made by raw SQL)."""

from datetime import timedelta

import pytest
from sqlalchemy import Engine
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.core.unit_of_work import transaction
from app.integrity import service as integrity
from tests.factories import T0
from tests.factories import Factory


def findings(engine: Engine) -> dict[str, list[int]]:
    with transaction(engine, write=False) as session:
        return {f.name: f.ids for f in integrity.check(session) if f.ids}


def sql(engine: Engine, statement: str, **params: object) -> None:
    with engine.begin() as connection:
        connection.execute(text(statement), params)


def test_a_consistent_database_has_no_findings(engine: Engine, factory: Factory) -> None:
    origin = factory.article(published_at=T0.isoformat())
    copy = factory.article(published_at=(T0 + timedelta(hours=1)).isoformat())
    factory.link(copy, origin)
    claim = factory.claim()
    factory.attribute(claim, copy, quote="a quoted line")
    assert findings(engine) == {}


def test_merge_cycle_chain_and_rows_left_on_merged_claims_are_found_and_repaired(
    engine: Engine, factory: Factory
) -> None:
    a, b, c = factory.claim(), factory.claim(), factory.claim()
    article = factory.article()
    factory.attribute(a, article, quote="moved words")
    # What concurrent A→B / B→A merges left before the locks: a cycle, and C chained onto it.
    sql(engine, "UPDATE claim SET merged_into = :b WHERE id = :a", a=a.id, b=b.id)
    sql(engine, "UPDATE claim SET merged_into = :a WHERE id = :b", a=a.id, b=b.id)
    sql(engine, "UPDATE claim SET merged_into = :a WHERE id = :c", a=a.id, c=c.id)
    found = findings(engine)
    assert found["chained_merges"] == sorted([a.id, b.id, c.id])
    assert found["merged_with_rows"] == [a.id]

    with transaction(engine, write=True) as session:
        integrity.repair(session)
    assert findings(engine) == {}
    with engine.connect() as connection:
        merged = dict(connection.execute(text("SELECT id, merged_into FROM claim")).all())
        attributed = connection.scalar(text("SELECT claim_id FROM attribution"))
        outlets = connection.scalar(
            text("SELECT outlets_count FROM claim WHERE id = :id"), {"id": min(a.id, b.id)}
        )
    live = min(a.id, b.id)  # the cycle keeps its lowest id live
    assert merged == {live: None, max(a.id, b.id): live, c.id: live}
    assert (attributed, outlets) == (live, 1)


def test_link_cycle_stale_root_and_copy_before_origin_are_found_and_repaired(
    engine: Engine, factory: Factory
) -> None:
    same = T0.isoformat()
    x, y = factory.article(published_at=same), factory.article(published_at=same)
    origin = factory.article(published_at=T0.isoformat())
    copy = factory.article(published_at=(T0 + timedelta(hours=2)).isoformat())
    early = factory.article(published_at=(T0 - timedelta(hours=2)).isoformat())
    claim = factory.claim()
    for article in (x, y, origin, copy):
        factory.attribute(claim, article)
    insert = (
        "INSERT INTO article_link (article_id, origin_article_id, relation, provenance, "
        "created_at) VALUES (:a, :o, 'syndicates', 'stated', CURRENT_TIMESTAMP)"
    )
    sql(engine, insert, a=x.id, o=y.id)  # mutual links: a cycle
    sql(engine, insert, a=y.id, o=x.id)
    sql(engine, insert, a=copy.id, o=origin.id)  # linked, but its root left at itself
    sql(engine, insert, a=early.id, o=origin.id)  # a copy two hours before its origin
    found = findings(engine)
    assert found["link_cycles"] == sorted([x.id, y.id])
    assert found["copies_before_origin"] == [early.id]
    assert found["stale_roots"] == sorted([copy.id, early.id])
    assert "stale_counters" not in found  # consistent with the stale roots they are counted by

    with transaction(engine, write=True) as session:
        integrity.repair(session)
    assert findings(engine) == {}
    with engine.connect() as connection:
        links = dict(
            connection.execute(text("SELECT article_id, origin_article_id FROM article_link")).all()
        )
        roots = dict(connection.execute(text("SELECT id, root_article_id FROM article")).all())
        origins = connection.scalar(
            text("SELECT origins_count FROM claim WHERE id = :id"), {"id": claim.id}
        )
    # The lower id of the two same-time articles becomes the root; the early copy is unlinked.
    assert links == {max(x.id, y.id): min(x.id, y.id), copy.id: origin.id}
    assert roots[max(x.id, y.id)] == min(x.id, y.id)
    assert (roots[copy.id], roots[early.id]) == (origin.id, early.id)
    assert origins == 2  # x/y collapse into one origin, copy into `origin`


def test_search_rows_missing_or_stale_are_found_and_rebuilt(
    engine: Engine, factory: Factory
) -> None:
    claim, other = factory.claim(text="Bridges rusted."), factory.claim(text="Rents rose.")
    factory.attribute(claim, factory.article(), quote="corrosion everywhere")
    if engine.dialect.name == "postgresql":
        sql(engine, "DELETE FROM claim_search WHERE claim_id = :id", id=claim.id)
        sql(engine, "UPDATE claim_search SET document = to_tsvector('x') WHERE claim_id = :id",
            id=other.id)  # fmt: skip
    else:
        sql(engine, "DELETE FROM claim_search WHERE rowid = :id", id=claim.id)
        sql(engine, "UPDATE claim_search SET quotes = 'stale' WHERE rowid = :id", id=other.id)
        sql(engine, "INSERT INTO claim_search (rowid, text, quotes) VALUES (999999, 'x', '')")
    found = findings(engine)
    assert found["stale_search_rows"] == sorted([claim.id, other.id])
    if engine.dialect.name == "sqlite":
        assert found["orphan_search_rows"] == [999999]
    with transaction(engine, write=True) as session:
        integrity.repair(session)
    assert findings(engine) == {}


def test_the_database_refuses_a_claim_merged_into_itself(engine: Engine, factory: Factory) -> None:
    claim = factory.claim()
    with pytest.raises(IntegrityError, match="not_merged_into_self"):
        sql(engine, "UPDATE claim SET merged_into = id WHERE id = :id", id=claim.id)


@pytest.mark.postgresql_only
def test_the_cycle_check_is_one_anti_join_on_postgresql(engine: Engine, factory: Factory) -> None:
    """`NOT IN (SELECT ...)` over the recursive tree was planned as a scan of the tree per
    article (a plain SubPlan), minutes at 129,000 articles; the anti-join is linear."""
    for _ in range(3):
        factory.article()
    statement = str(integrity.unreached().compile(engine))
    with engine.connect() as connection:
        plan = [row[0] for row in connection.execute(text("EXPLAIN " + statement))]
    assert "Anti Join" in plan[0]  # articles against the tree, at the top
    assert not any("SubPlan" in line for line in plan)
