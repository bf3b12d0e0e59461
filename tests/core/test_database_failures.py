"""Database trouble answers 503/504 in the error shape, and writes that lose a race are re-run."""

import os
import shutil
from pathlib import Path
from typing import Any

import psycopg.errors
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy import func
from sqlalchemy import literal
from sqlalchemy import literal_column
from sqlalchemy import select
from sqlalchemy import table
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import OperationalError

from app.claims import listing as claims_listing
from app.claims import router as claims_router
from app.core.config import Settings
from app.core.db import SessionDep
from app.core.db import database_error
from app.core.migrations import upgrade
from app.core.prepared import PreparedSelect
from app.main import create_app
from app.outlets import service as outlets_service
from tests.assertions import assert_error


def fail_first(monkeypatch: pytest.MonkeyPatch, times: int) -> list[int]:
    """Make outlet creation lose a deadlock `times` times before it works; returns the calls."""
    real = outlets_service.create
    calls: list[int] = []

    def create(session: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) <= times:
            raise OperationalError(
                "INSERT ...", {}, psycopg.errors.DeadlockDetected("deadlock detected")
            )
        return real(session, **kwargs)

    monkeypatch.setattr(outlets_service, "create", create)
    return calls


def test_a_write_that_loses_a_deadlock_is_re_run(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = fail_first(monkeypatch, 2)
    response = client.post("/v1/outlets", json={"slug": "ap", "name": "AP"})
    assert response.status_code == 201, response.text
    assert len(calls) == 3
    assert [o["slug"] for o in client.get("/v1/outlets").json()["items"]] == ["ap"]


def test_a_write_that_keeps_losing_is_503(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = fail_first(monkeypatch, 100)
    response = client.post("/v1/outlets", json={"slug": "ap", "name": "AP"})
    assert_error(response, 503, "transaction_conflict")
    assert response.headers["retry-after"] == "1"
    assert len(calls) == 4  # CLAIMS_DB_RETRY_ATTEMPTS
    assert client.get("/v1/outlets").json()["items"] == []


def slow_query(dialect: str) -> str:
    if dialect == "postgresql":
        return "SELECT pg_sleep(3)"
    # About a billion steps of SQLite's virtual machine: far longer than the timeout.
    return (
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 100000000) "
        "SELECT count(*) FROM c"
    )


def test_a_slow_query_is_cancelled_with_504(make_app: Any) -> None:
    app = make_app(db_statement_timeout_ms=200)

    @app.get("/slow")
    def slow(session: SessionDep) -> int:
        return int(session.scalar(text(slow_query(session.get_bind().dialect.name))) or 0)

    with TestClient(app) as client:
        assert_error(client.get("/slow"), 504, "database_timeout")
        # The connection is usable again afterwards.
        assert client.get("/v1/claims").status_code == 200


def counting_far() -> Any:
    """A SELECT that runs far longer than any statement timeout, on either database."""
    numbers = select(literal(1).label("x")).cte("numbers", recursive=True)
    numbers = numbers.union_all(select(numbers.c.x + 1).where(numbers.c.x < 100_000_000))
    return select(func.count()).select_from(numbers)


@pytest.mark.parametrize("keyed", [False, True])
def test_a_slow_hot_read_is_cancelled_with_504(
    make_app: Any, factory: Any, monkeypatch: pytest.MonkeyPatch, keyed: bool
) -> None:
    """The hot reads run prepared statements on the bare DB-API cursor (app/core/prepared.py),
    anonymous ones outside FastAPI's routing (app/claims/fast.py): their database errors are
    answered as every other route's are."""
    slow = PreparedSelect(counting_far)
    monkeypatch.setattr(claims_listing, "list_json", lambda db, **_: slow.rows(db, {}))
    monkeypatch.setattr(claims_router, "_detail", lambda db, _claim_id: slow.rows(db, {}))
    app = make_app(db_statement_timeout_ms=200)
    headers = {"X-API-Key": factory.api_key(scopes=["read"])} if keyed else {}
    with TestClient(app, headers=headers) as client:
        assert_error(client.get("/v1/claims"), 504, "database_timeout")
        assert_error(client.get("/v1/claims/1"), 504, "database_timeout")
        monkeypatch.undo()
        assert client.get("/v1/claims").json()["items"] == []


def test_a_prepared_read_raises_database_errors_as_sqlalchemy_does(engine: Any) -> None:
    missing = PreparedSelect(lambda: select(literal_column("x")).select_from(table("missing")))
    with engine.connect() as connection, pytest.raises(DBAPIError) as raised:
        missing.rows(connection, {})
    assert database_error(raised.value).status_code in (422, 503)


def test_maintenance_engines_have_no_statement_timeout(settings: Settings) -> None:
    from app.core.engine import create_db_engine

    engine = create_db_engine(
        settings.model_copy(update={"db_statement_timeout_ms": 1}), statement_timeout_ms=0
    )
    with engine.connect() as connection:
        assert connection.execute(text("SELECT 1")).scalar() == 1
    engine.dispose()


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Path:
    path = tmp_path / "outage.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.mark.sqlite_only
def test_sqlite_outage_is_503_and_recovers_without_restart(sqlite_file: Path) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{sqlite_file}", rate_limit_enabled=False))
    moved = sqlite_file.with_suffix(".away")
    with TestClient(app) as client:
        assert client.get("/v1/claims").status_code == 200
        assert client.get("/readyz").json()["status"] == "ready"
        shutil.move(sqlite_file, moved)  # works as root too, where chmod 000 would not
        response = client.get("/v1/claims")
        assert_error(response, 503, "database_unavailable")
        assert response.headers["retry-after"] == "5"
        ready = client.get("/readyz")
        error = assert_error(ready, 503, "not_ready")
        assert error["message"] == "database unreachable (the server log says why)"
        assert error["details"] == [{"check": "database", "ok": False}]
        assert str(sqlite_file.parent) not in ready.text
        shutil.move(moved, sqlite_file)
        assert client.get("/v1/claims").status_code == 200
        assert client.get("/readyz").status_code == 200


@pytest.mark.sqlite_only
@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_sqlite_file_without_permissions_is_503(sqlite_file: Path) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{sqlite_file}", rate_limit_enabled=False))
    with TestClient(app) as client:
        assert client.get("/v1/claims").status_code == 200
        sqlite_file.chmod(0)
        try:
            assert_error(client.get("/v1/claims"), 503, "database_unavailable")
        finally:
            sqlite_file.chmod(0o644)
        assert client.get("/v1/claims").status_code == 200


@pytest.mark.sqlite_only
def test_a_missing_database_file_is_not_created_empty(tmp_path: Path) -> None:
    path = tmp_path / "never-migrated.db"
    app = create_app(Settings(database_url=f"sqlite:///{path}", rate_limit_enabled=False))
    with TestClient(app) as client:
        assert_error(client.get("/v1/claims"), 503, "database_unavailable")
        assert_error(client.get("/readyz"), 503, "not_ready")
    assert not path.exists()


@pytest.mark.postgresql_only
def test_a_hot_read_survives_connections_the_server_dropped(make_app: Any, factory: Any) -> None:
    """PostgreSQL's hot reads are not pinged at checkout (app/core/engine.py): when the server
    has dropped the pooled connections (a restart, an idle timeout), the read finds out, the
    pool is emptied and the read runs once more on a new connection: the client sees a 200."""
    claim = factory.claim()
    app = make_app()
    with TestClient(app) as client:
        for _ in range(3):  # several pooled connections, every one of them to be dropped
            assert client.get(f"/v1/claims/{claim.id}").status_code == 200
            assert client.get("/v1/claims").status_code == 200
        read_engine = app.state.read_engine
        with app.state.engine.connect() as admin:
            dropped = admin.scalar(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
        assert dropped >= 1
        assert read_engine.pool.checkedin() >= 1  # dead connections wait in the pool
        assert client.get(f"/v1/claims/{claim.id}").json()["id"] == claim.id
        assert [c["id"] for c in client.get("/v1/claims").json()["items"]] == [claim.id]


@pytest.mark.postgresql_only
def test_a_hot_read_is_one_statement_outside_a_transaction(
    make_app: Any, factory: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No ping, BEGIN or COMMIT around a hot read: its statement runs in a transaction of its
    own, which started with it (in a BEGIN block `now()` is the block's start, before the
    statement's); and a page of claims is one statement."""
    factory.claim()
    app = make_app()
    read_engine = getattr(app.state.read_engine, "sync_engine", app.state.read_engine)
    sent: list[str] = []

    @event.listens_for(read_engine, "before_cursor_execute")
    def _record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        sent.append(statement)

    with TestClient(app) as client:
        assert client.get("/v1/claims").status_code == 200
        assert len(sent) == 1, sent
        assert sent[0].lstrip().startswith("SELECT"), sent
        alone = PreparedSelect(lambda: select(func.now() == func.statement_timestamp()))
        monkeypatch.setattr(claims_listing, "list_json", lambda db, **_: alone.rows(db, {}))
        assert client.get("/v1/claims").json() == [[True]]


@pytest.mark.postgresql_only
def test_readyz_does_not_tell_where_the_database_is(database_url: str) -> None:
    url = make_url(database_url).set(database="no_such_database_here", port=5432)
    app = create_app(Settings(database_url=url.render_as_string(), rate_limit_enabled=False))
    with TestClient(app) as client:
        ready = client.get("/readyz")
    assert_error(ready, 503, "not_ready")
    for secret in ("no_such_database_here", "5432", str(url.host)):
        assert secret not in ready.text
    app.state.engine.dispose()
    app.state.read_engine.dispose()


@pytest.mark.sqlite_only
def test_readyz_is_503_until_migrations_are_at_head(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "0001")
    app = create_app(Settings(database_url=url, rate_limit_enabled=False))
    with TestClient(app) as client:
        error = assert_error(client.get("/readyz"), 503, "not_ready")
        assert error["details"][0]["check"] == "migrations"
        assert error["details"][0]["current"] == "0001"
        upgrade(url)
        assert client.get("/readyz").json() == {
            "status": "ready",
            "database": "ok",
            "migration": error["details"][0]["head"],
        }


def test_readyz_reports_ready(client: TestClient) -> None:
    body = client.get("/readyz").json()
    assert (body["status"], body["database"]) == ("ready", "ok")


@pytest.mark.parametrize(
    ("orig", "status", "code"),
    [
        (
            psycopg.errors.QueryCanceled("canceling statement due to statement timeout"),
            504,
            "database_timeout",
        ),
        (psycopg.errors.AdminShutdown("terminating connection"), 503, "database_unavailable"),
        (psycopg.OperationalError("connection refused"), 503, "database_unavailable"),
    ],
)
def test_database_errors_map_to_statuses(orig: Exception, status: int, code: str) -> None:
    mapped = database_error(OperationalError("SELECT 1", {}, orig))
    assert (mapped.status_code, mapped.code) == (status, code)


def test_sqlite_busy_and_interrupted_map_to_503_and_504() -> None:
    import sqlite3

    busy = database_error(OperationalError("x", {}, sqlite3.OperationalError("database is locked")))
    interrupted = database_error(OperationalError("x", {}, sqlite3.OperationalError("interrupted")))
    assert (busy.status_code, busy.code, interrupted.status_code) == (503, "database_busy", 504)


def test_a_unique_race_lost_at_flush_is_a_409_not_a_500(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The concurrent writer that inserts the same slug between our check and our flush."""
    assert client.post("/v1/outlets", json={"slug": "ap", "name": "AP"}).status_code == 201
    real = outlets_service._conflict
    blinded = [True]

    def conflict_missed_once(*args: Any, **kwargs: Any) -> Any:
        if blinded.pop() if blinded else False:
            return None  # as if the other writer had not committed yet
        return real(*args, **kwargs)

    monkeypatch.setattr(outlets_service, "_conflict", conflict_missed_once)
    response = client.post("/v1/outlets", json={"slug": "ap", "name": "AP again"})
    error = assert_error(response, 409, "conflict")
    assert error["details"][0]["field"] == "slug"
    assert [o["name"] for o in client.get("/v1/outlets").json()["items"]] == ["AP"]
