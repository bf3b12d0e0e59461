"""The hot list reads an index in sort order and never aggregates attributions per request.

EXPLAIN of the statements the service really runs (`PreparedSelect.sql`), on both databases,
over enough rows (bulk-inserted, then ANALYZEd) that a planner could be tempted to scan.
"""

import json
import random
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine
from sqlalchemy import text

from app.claims import attributions
from app.claims import listing
from app.claims.listing import ClaimFilters
from app.claims.listing import ClaimSort
from app.core.prepared import PreparedSelect

SORT_INDEX = {
    ClaimSort.outlets: "ix_claim_by_outlets",
    ClaimSort.independent_origins: "ix_claim_by_origins",
    ClaimSort.first_reported_at: "ix_claim_by_first_reported",
    ClaimSort.first_reported_at_desc: "ix_claim_by_first_reported_desc",
    ClaimSort.last_reported_at_desc: "ix_claim_by_last_reported_desc",
}


@pytest.fixture
def many_claims(engine: Engine) -> None:
    """3,000 claims with varied counters and dates, written in bulk, then ANALYZEd."""
    rng = random.Random(3)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    rows = []
    for n in range(1, 3001):
        at = start + timedelta(minutes=rng.randrange(500_000))
        stamp: Any = at if engine.dialect.name == "postgresql" else f"{at:%Y-%m-%d %H:%M:%S.%f}"
        rows.append(
            {
                "id": n,
                "text": f"claim {n}",
                "fingerprint": f"{n:064d}",
                "created_at": stamp,
                "outlets": rng.randrange(50),
                "origins": rng.randrange(20),
                "first": stamp,
            }
        )
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO claim (id, text, fingerprint, created_at, updated_at, outlets_count, "
                "origins_count, first_reported_at, last_reported_at) VALUES (:id, :text, "
                ":fingerprint, :created_at, :created_at, :outlets, :origins, :first, :first)"
            ),
            rows,
        )
        connection.execute(text("ANALYZE"))


def _run_plan(engine: Engine, prepared: PreparedSelect, params: dict[str, Any], *setup: str) -> Any:
    with engine.begin() as connection:
        for statement in setup:
            connection.exec_driver_sql(statement)
        sql, values = prepared.bound(connection.dialect, params)
        if engine.dialect.name == "sqlite":
            # Statistics are read per connection: ANALYZE on this one, so that the plan is
            # chosen from this test's rows, not from what a pooled connection loaded before.
            connection.exec_driver_sql("ANALYZE")
            cursor = connection.connection.cursor()
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", values)
            return [row[3] for row in cursor.fetchall()]
        # Client-side binding: EXPLAIN cannot take server-side parameters.
        cursor = psycopg.ClientCursor(connection.connection.driver_connection)
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", values)
        plan = cursor.fetchone()[0]
        return (plan if isinstance(plan, list) else json.loads(plan))[0]["Plan"]


def _nodes(plan: dict[str, Any]) -> list[dict[str, Any]]:
    found = [plan]
    for child in plan.get("Plans", []):
        found += _nodes(child)
    return found


def assert_index_order(engine: Engine, plan: Any, index: str) -> None:
    """The plan reads `index` in order: no sort step, no attribution table."""
    if engine.dialect.name == "sqlite":
        assert any(index in step for step in plan), plan
        assert not any("TEMP B-TREE" in step for step in plan), plan
        assert not any("attribution" in step for step in plan), plan
        return
    nodes = _nodes(plan)
    assert any(node.get("Index Name") == index for node in nodes), json.dumps(plan, indent=1)
    assert not any(node["Node Type"] in ("Sort", "Incremental Sort") for node in nodes), plan
    assert not any(node.get("Relation Name") == "attribution" for node in nodes), plan


@pytest.mark.usefixtures("many_claims")
@pytest.mark.parametrize("sort", list(SORT_INDEX))
def test_each_sort_reads_its_own_index(engine: Engine, sort: ClaimSort) -> None:
    prepared = listing._list_query(sort, ClaimFilters().shape(), False, False)
    plan = _run_plan(engine, prepared, {"limit": 51})
    assert_index_order(engine, plan, SORT_INDEX[sort])


@pytest.mark.usefixtures("many_claims")
def test_a_deep_cursor_page_seeks_the_index(engine: Engine) -> None:
    prepared = listing._list_query(ClaimSort.outlets, ClaimFilters().shape(), False, True)
    plan = _run_plan(engine, prepared, {"limit": 51, "after_key": 20, "after_id": 1500})
    assert_index_order(engine, plan, "ix_claim_by_outlets")
    if engine.dialect.name == "sqlite":
        # SEARCH (a range starting at the cursor), not SCAN (every row before it).
        assert any(step.startswith("SEARCH") and "ix_claim_by_outlets" in step for step in plan), (
            plan
        )
    else:
        index_nodes = [n for n in _nodes(plan) if n.get("Index Name") == "ix_claim_by_outlets"]
        assert any("Index Cond" in node for node in index_nodes), plan


@pytest.mark.usefixtures("many_claims")
def test_min_outlets_filter_still_reads_the_sort_index(engine: Engine) -> None:
    shape = ClaimFilters(min_outlets=3).shape()
    plan = _run_plan(
        engine,
        listing._list_query(ClaimSort.outlets, shape, False, False),
        {"limit": 51, "min_outlets": 3},
    )
    assert_index_order(engine, plan, "ix_claim_by_outlets")


@pytest.fixture
def many_attributions(engine: Engine, many_claims: None) -> None:
    """500 articles of one outlet and 15,000 attributions over the 3,000 claims, ANALYZEd."""
    rng = random.Random(5)
    start = datetime(2025, 1, 1, tzinfo=UTC)

    def stamp(at: datetime) -> Any:
        return at if engine.dialect.name == "postgresql" else f"{at:%Y-%m-%d %H:%M:%S.%f}"

    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO outlet (id, slug, name, kind, created_at, updated_at) "
                "VALUES (1, 'o', 'O', 'other', :at, :at)"
            ),
            {"at": stamp(start)},
        )
        connection.execute(
            text(
                "INSERT INTO article (id, outlet_id, url, title, published_at, root_article_id, "
                "created_at, updated_at) VALUES (:id, 1, :url, 't', :at, :id, :at, :at)"
            ),
            [
                {"id": n, "url": f"https://o.example/{n}", "at": stamp(start + timedelta(hours=n))}
                for n in range(1, 501)
            ],
        )
        rows = [
            {"claim": claim, "article": article, "at": stamp(start)}
            for claim in range(1, 3001)
            for article in rng.sample(range(1, 501), 5)
        ]
        connection.execute(
            text(
                "INSERT INTO attribution (claim_id, article_id, stance, sourcing, created_at, "
                "updated_at) VALUES (:claim, :article, 'reports', 'unknown', :at, :at)"
            ),
            rows,
        )
        connection.execute(text("ANALYZE"))


@pytest.mark.usefixtures("many_attributions")
def test_detail_reads_attributions_by_claim(engine: Engine) -> None:
    plan = _run_plan(engine, attributions._attributions_query(False), {"claim_id": 7, "limit": 101})
    if engine.dialect.name == "sqlite":
        assert any(
            step.startswith("SEARCH attribution") and "(claim_id=?)" in step for step in plan
        ), plan
    else:
        scans = [n for n in _nodes(plan) if n.get("Relation Name") == "attribution"]
        assert scans, plan
        assert all("claim_id" in n.get("Index Cond", n.get("Recheck Cond", "")) for n in scans), (
            json.dumps(plan, indent=1)
        )


OUTLET_SORT_INDEX = {
    ClaimSort.outlets: "ix_outlet_claim_by_outlets",
    ClaimSort.independent_origins: "ix_outlet_claim_by_origins",
    ClaimSort.first_reported_at: "ix_outlet_claim_by_first_reported",
    ClaimSort.first_reported_at_desc: "ix_outlet_claim_by_first_reported_desc",
    ClaimSort.last_reported_at_desc: "ix_outlet_claim_by_last_reported_desc",
}


@pytest.fixture
def many_outlet_claims(engine: Engine, many_claims: None) -> None:
    """20 outlets; outlet 1 reported every one of the 3,000 claims, the others a tenth each."""
    rng = random.Random(7)
    start = datetime(2025, 1, 1, tzinfo=UTC)

    def stamp(at: datetime) -> Any:
        return at if engine.dialect.name == "postgresql" else f"{at:%Y-%m-%d %H:%M:%S.%f}"

    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO outlet (id, slug, name, kind, created_at, updated_at) "
                "VALUES (:id, :slug, 'O', 'other', :at, :at)"
            ),
            [{"id": n, "slug": f"o{n}", "at": stamp(start)} for n in range(1, 21)],
        )
        claims = connection.execute(
            text("SELECT id, outlets_count, origins_count, first_reported_at FROM claim")
        ).all()
        rows = []
        for claim_id, outlets, origins, first in claims:
            for outlet in [1, *rng.sample(range(2, 21), 2)]:
                at = start + timedelta(days=rng.randrange(365))
                rows.append(
                    {
                        "outlet": outlet,
                        "claim": claim_id,
                        "first_at": stamp(at),
                        "last_at": stamp(at + timedelta(days=rng.randrange(30))),
                        "outlets": outlets,
                        "origins": origins,
                        "first": first,
                    }
                )
        connection.execute(
            text(
                "INSERT INTO outlet_claim (outlet_id, claim_id, first_at, last_at, outlets_count, "
                "origins_count, first_reported_at, last_reported_at) VALUES (:outlet, :claim, "
                ":first_at, :last_at, :outlets, :origins, :first, :first)"
            ),
            rows,
        )
        connection.execute(text("ANALYZE"))


def assert_outlet_index_order(engine: Engine, plan: Any, index: str) -> None:
    """The plan walks `index` in order (no sort step), the outlet's part of it only."""
    if engine.dialect.name == "sqlite":
        assert any(step.startswith("SEARCH") and index in step for step in plan), plan
        assert not any("TEMP B-TREE" in step for step in plan), plan
        return
    nodes = _nodes(plan)
    walks = [node for node in nodes if node.get("Index Name") == index]
    assert walks, json.dumps(plan, indent=1)
    assert all("outlet_id" in node.get("Index Cond", "") for node in walks), plan
    assert not any(node["Node Type"] in ("Sort", "Incremental Sort") for node in nodes), json.dumps(
        plan, indent=1
    )


OUTLET_PARAMS = {"limit": 51, "outlets_0": "o1"}


@pytest.mark.usefixtures("many_outlet_claims")
@pytest.mark.parametrize("sort", list(OUTLET_SORT_INDEX))
def test_one_outlet_reads_its_part_of_the_sort_index(engine: Engine, sort: ClaimSort) -> None:
    shape = ClaimFilters(outlets=["o1"]).shape()
    plan = _run_plan(engine, listing._outlet_list_query(sort, shape, False, False), OUTLET_PARAMS)
    assert_outlet_index_order(engine, plan, OUTLET_SORT_INDEX[sort])
    assert "attribution" not in json.dumps(plan), plan


@pytest.mark.usefixtures("many_outlet_claims")
def test_one_outlet_with_dates_and_a_cursor_still_seeks(engine: Engine) -> None:
    start = datetime(2025, 3, 1, tzinfo=UTC)
    shape = ClaimFilters(outlets=["o1"], since=start, until=start).shape()
    prepared = listing._outlet_list_query(ClaimSort.outlets, shape, False, True)
    params = {
        **OUTLET_PARAMS,
        "since": start,
        "until": start + timedelta(days=120),
        "after_key": 45,
        "after_id": 1500,
    }
    plan = _run_plan(engine, prepared, params)
    assert_outlet_index_order(engine, plan, "ix_outlet_claim_by_outlets")
    if engine.dialect.name == "postgresql":
        walks = [n for n in _nodes(plan) if n.get("Index Name") == "ix_outlet_claim_by_outlets"]
        assert all("outlets_count" in node["Index Cond"] for node in walks), plan
    else:
        assert any("outlets_count<?" in step for step in plan), plan
