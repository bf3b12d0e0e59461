"""One retry policy: `run_transaction` re-runs a unit of work that loses a race (issue 17)."""

import json
import threading
import time
from collections.abc import Callable
from typing import Any

import psycopg
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from app.core.metrics import TRANSACTION_RETRIES
from app.core.unit_of_work import TransactionConflict
from app.core.unit_of_work import lost_race
from app.core.unit_of_work import run_transaction
from app.core.unit_of_work import transaction
from app.ingest.bulk import engine as bulk_engine
from app.outlets import service as outlets_service
from app.tables import Outlet
from tests.assertions import assert_error
from tests.factories import Factory
from tests.ingest.test_router import payload


def test_a_batch_line_that_loses_a_deadlock_is_re_run_and_lands(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before: transaction() raised TransactionConflict, which the ingest retry loop (catching
    # only DBAPIError) let through: the line was reported failed (503) after one attempt.
    # Now the batch's chunk is one unit of work: its write loses twice, then lands.
    real = bulk_engine.write
    calls: list[int] = []

    def write(session: Session, planner: Any) -> None:
        calls.append(1)
        if len(calls) <= 2:
            raise OperationalError(
                "INSERT ...", {}, psycopg.errors.DeadlockDetected("deadlock detected")
            )
        real(session, planner)

    monkeypatch.setattr(bulk_engine, "write", write)
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


@pytest.mark.postgresql_only
def test_a_batch_line_that_loses_a_real_deadlock_is_retried_and_lands(
    client: TestClient, engine: Engine, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch line and another transaction lock two rows in opposite orders; PostgreSQL
    aborts the line (40P01), and the unit of work re-runs it: the line is answered 201."""

    def retries() -> float:
        metrics = client.get("/metrics").text.splitlines()
        name = "corroborate_transaction_retries_total "
        return next(float(line.split()[1]) for line in metrics if line.startswith(name))

    first, second = factory.outlet(), factory.outlet()
    barrier = threading.Barrier(2)
    other: dict[str, Any] = {}
    attempts: list[str | None] = []
    real_write = bulk_engine.write

    def lock(db: Any, outlet_id: int | None) -> None:
        db.execute(select(Outlet.id).where(Outlet.id == outlet_id).with_for_update())

    def write(session: Session, planner: Any) -> None:
        if attempts:  # the re-run: nothing in the way any more
            attempts.append(None)
            return real_write(session, planner)
        # The line's own transaction: checks for a deadlock after 100 ms of waiting, the
        # other transaction only after 10 s, so the line is the one PostgreSQL aborts.
        session.execute(text("SET LOCAL deadlock_timeout = '100ms'"))
        lock(session, first.id)
        barrier.wait(timeout=10)
        while not session.scalar(
            text("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = :pid"),
            {"pid": other["pid"]},
        ):
            threading.Event().wait(0.02)  # until the other one waits for `first`
        try:
            lock(session, second.id)  # closes the cycle
        except Exception as error:
            attempts.append(getattr(getattr(error, "orig", None), "sqlstate", None))
            raise
        attempts.append("not aborted")
        return real_write(session, planner)

    def other_transaction() -> None:
        with engine.connect() as connection, connection.begin():
            connection.execute(text("SET LOCAL deadlock_timeout = '10s'"))
            other["pid"] = connection.scalar(text("SELECT pg_backend_pid()"))
            lock(connection, second.id)
            barrier.wait(timeout=10)
            lock(connection, first.id)  # waits for the line until PostgreSQL aborts it

    monkeypatch.setattr(bulk_engine, "write", write)
    retries_before = retries()
    thread = threading.Thread(target=other_transaction)
    thread.start()
    response = client.post(
        "/v1/ingest/batch",
        content=json.dumps(payload()) + "\n",
        headers={"content-type": "application/x-ndjson"},
    )
    thread.join(timeout=30)
    assert response.status_code == 200, response.text
    assert [line["status"] for line in response.json()["lines"]] == [201]
    assert attempts == ["40P01", None]  # a real deadlock_detected, then the re-run
    assert retries() - retries_before == 1


def _losing(real: Any, losses: int, calls: list[int]) -> Any:
    """`real`, losing a race on its first `losses` calls."""

    def verb(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) <= losses:
            raise lost_race()
        return real(*args, **kwargs)

    return verb


def test_a_write_request_that_loses_a_race_is_re_run_through_the_same_loop(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    monkeypatch.setattr(outlets_service, "create", _losing(outlets_service.create, 2, calls))
    response = client.post("/v1/outlets", json={"slug": "retried-outlet", "name": "Retried"})
    assert response.status_code == 201, response.text
    assert len(calls) == 3
    assert client.get("/v1/outlets/retried-outlet").status_code == 200


def test_a_write_request_that_keeps_losing_answers_503_after_the_attempts(
    client: TestClient, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    monkeypatch.setattr(outlets_service, "create", _losing(outlets_service.create, 99, calls))
    response = client.post("/v1/outlets", json={"slug": "lost-outlet", "name": "Lost"})
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "transaction_conflict"
    assert response.headers["Retry-After"] == "1"
    assert len(calls) == settings.db_retry_attempts


class WriterHeld:
    """Holds an engine's write transaction (and so its writers' queue) from another thread
    until `release()`: what 31 other writers ahead in the queue look like to the next one."""

    def __init__(self, engine: Engine) -> None:
        self.held, self.done = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._hold, args=(engine,))
        self.thread.start()
        assert self.held.wait(30), "the holder never began its write transaction"

    def _hold(self, engine: Engine) -> None:
        with transaction(engine, write=True) as session:
            session.execute(text("SELECT 1"))
            self.held.set()
            self.done.wait(60)

    def release(self) -> None:
        self.done.set()
        self.thread.join(60)


@pytest.mark.sqlite_only
def test_a_write_request_that_waits_out_the_busy_timeout_is_503_not_500(
    make_app: Callable[..., FastAPI], factory: Factory
) -> None:
    """A writer that waited out the busy timeout in the writers' queue (app/core/engine.py)
    got a bare sqlite3 error, raised where SQLAlchemy does not wrap it: no handler knew it and
    tests/core/test_shutdown.py saw a 500 from POST /v1/claims under load. It is the busy
    database the error handlers answer 503 `database_busy`."""
    app = make_app(sqlite_busy_timeout_ms=200)
    secret = factory.api_key(scopes=["write"], name="busy")
    holder = WriterHeld(app.state.engine)
    try:
        with TestClient(app, headers={"Authorization": f"Bearer {secret}"}) as http:
            response = http.post("/v1/claims", json={"text": "The dam burst."})
    finally:
        holder.release()
    assert_error(response, 503, "database_busy")
    assert response.headers["retry-after"] == "1"


@pytest.mark.sqlite_only
def test_a_unit_of_work_that_waits_out_the_busy_timeout_is_re_run(
    make_app: Callable[..., FastAPI],
) -> None:
    """The same busy writer outside a request (ingest lines, imports, the CLI) is what the one
    retry policy re-runs: once the holder lets go, the re-run lands."""
    engine = make_app(sqlite_busy_timeout_ms=300).state.engine
    retried = TRANSACTION_RETRIES._value.get()
    holder = WriterHeld(engine)

    def release_after_a_retry() -> None:
        while TRANSACTION_RETRIES._value.get() == retried and not holder.done.is_set():
            time.sleep(0.005)
        holder.release()

    releasing = threading.Thread(target=release_after_a_retry)
    releasing.start()
    try:
        answer = run_transaction(
            engine, lambda session: session.scalar(text("SELECT 7")), attempts=5
        )
    finally:
        holder.done.set()
        releasing.join(60)
    assert answer == 7
    assert TRANSACTION_RETRIES._value.get() > retried
