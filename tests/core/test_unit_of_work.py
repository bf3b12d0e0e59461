"""One retry policy: `run_transaction` re-runs a unit of work that loses a race (issue 17)."""

import json
import threading
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, text
from sqlmodel import Session

from app.core.db import TransactionConflict, lost_race, run_transaction
from app.tables import Outlet
from tests.core.test_database_failures import fail_first
from tests.factories import Factory
from tests.ingest.test_router import payload


def test_a_batch_line_that_loses_a_deadlock_is_re_run_and_lands(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before: transaction() raised TransactionConflict, which the ingest retry loop (catching
    # only DBAPIError) let through: the line was reported failed (503) after one attempt.
    calls = fail_first(monkeypatch, 2)
    response = client.post(
        "/v1/ingest/batch",
        content=json.dumps(payload()) + "\n",
        headers={"content-type": "application/x-ndjson"},
    )
    assert response.status_code == 200, response.text
    assert [item["status"] for item in response.json()["lines"]] == [201]
    assert len(calls) == 3


def test_a_unit_of_work_that_keeps_losing_raises_after_the_attempts(engine: Engine) -> None:
    attempts: list[int] = []

    def work(_session: Session) -> None:
        attempts.append(1)
        raise lost_race()

    with pytest.raises(TransactionConflict):
        run_transaction(engine, work, attempts=3)
    assert len(attempts) == 3


@pytest.mark.postgresql_only
def test_two_units_of_work_that_deadlock_both_land(engine: Engine, factory: Factory) -> None:
    first, second = factory.outlet(), factory.outlet()
    barrier = threading.Barrier(2)
    attempts: list[str] = []
    errors: list[BaseException] = []

    def lock_in_order(name: str, ids: list[int | None]) -> Any:
        def work(session: Session) -> None:
            attempts.append(name)
            session.execute(select(Outlet.id).where(Outlet.id == ids[0]).with_for_update())
            if attempts.count(name) == 1:
                barrier.wait(timeout=10)  # both hold their first row: the next lock deadlocks
            session.execute(select(Outlet.id).where(Outlet.id == ids[1]).with_for_update())
            session.execute(text("SELECT 1"))

        def run() -> None:
            try:
                run_transaction(engine, work, attempts=4)
            except BaseException as error:
                errors.append(error)

        return run

    threads = [
        threading.Thread(target=lock_in_order("a", [first.id, second.id])),
        threading.Thread(target=lock_in_order("b", [second.id, first.id])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sorted(attempts) in (["a", "a", "b"], ["a", "b", "b"])  # the deadlock's loser re-ran
