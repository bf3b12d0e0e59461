"""SQLite's hot reads keep one connection per thread (app/core/pinned.py): reused between
requests, checked like a pool checkout each time, given back when the thread ends or the app
stops."""

import shutil
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy import text

from app.core.config import Settings
from app.core.engine import create_db_engine
from app.core.migrations import upgrade
from app.core.pinned import PinnedConnections
from app.main import create_app
from tests.factories import Factory

pytestmark = pytest.mark.sqlite_only


def _checkouts(engine: Any) -> list[int]:
    counted = [0]

    @event.listens_for(engine, "checkout")
    def _count(*_args: Any) -> None:
        counted[0] += 1

    return counted


def _settings(path: Path) -> Settings:
    return Settings(database_url=f"sqlite:///{path}", rate_limit_enabled=False, jobs_consumer=False)


def _database(path: Path, claim_text: str) -> None:
    upgrade(f"sqlite:///{path}")
    engine = create_db_engine(_settings(path))
    Factory(engine).claim(text=claim_text)
    engine.dispose()


def test_reads_reuse_one_connection_and_shutdown_gives_it_back(tmp_path: Path) -> None:
    path = tmp_path / "pinned.db"
    _database(path, "The bridge reopened on Monday")
    app = create_app(_settings(path))
    engine = app.state.read_engine
    checkouts = _checkouts(engine)
    with TestClient(app) as client:
        client.get("/v1/claims")
        before, held = checkouts[0], engine.pool.checkedout()
        for _ in range(5):
            response = client.get("/v1/claims")
            assert response.status_code == 200
            assert response.json()["items"][0]["text"] == "The bridge reopened on Monday"
        assert checkouts[0] == before
        assert engine.pool.checkedout() == held
    assert engine.pool.checkedout() == 0


def test_a_replaced_file_is_read_through_a_new_connection(tmp_path: Path) -> None:
    path, other = tmp_path / "served.db", tmp_path / "other.db"
    _database(path, "First file's claim")
    _database(other, "Second file's claim")
    app = create_app(_settings(path))
    with TestClient(app) as client:
        assert client.get("/v1/claims").json()["items"][0]["text"] == "First file's claim"
        # A restore: the served file is replaced by another one under the same name.
        shutil.move(other, path)
        for name in ("served.db-wal", "served.db-shm"):
            (tmp_path / name).unlink(missing_ok=True)
        assert client.get("/v1/claims").json()["items"][0]["text"] == "Second file's claim"


def test_each_thread_has_its_own_and_an_ended_thread_gives_it_back(tmp_path: Path) -> None:
    path = tmp_path / "threads.db"
    _database(path, "Any claim")
    app = create_app(_settings(path))
    pinned = PinnedConnections(app.state.engine)
    here = pinned.connection()
    assert pinned.connection() is here
    seen: list[Any] = []
    worker = threading.Thread(target=lambda: seen.append(pinned.connection()))
    worker.start()
    worker.join()
    assert seen[0] is not here
    assert not seen[0].closed
    # The next thread to pin one finds the ended thread's connection and closes it.
    other = threading.Thread(target=pinned.connection)
    other.start()
    other.join()
    assert seen[0].closed
    assert app.state.engine.pool.checkedout() == 2  # this thread's and the last one's
    pinned.close()
    assert here.closed
    assert app.state.engine.pool.checkedout() == 0


def test_an_invalidated_connection_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "invalid.db"
    _database(path, "Any claim")
    pinned = PinnedConnections(create_app(_settings(path)).state.engine)
    first = pinned.connection()
    first.invalidate()
    second = pinned.connection()
    assert second is not first
    with second.begin():
        assert second.execute(text("SELECT count(*) FROM claim")).scalar() == 1
    pinned.close()


def test_a_connection_left_inside_a_transaction_is_replaced(tmp_path: Path) -> None:
    """SQLite's transaction can outlive SQLAlchemy's (a COMMIT that failed): such a connection
    is given back to the pool, whose reset rolls it back, instead of failing every later BEGIN."""
    path = tmp_path / "wedged.db"
    _database(path, "Any claim")
    engine = create_db_engine(_settings(path))
    pinned = PinnedConnections(engine)
    first = pinned.connection()
    driver = first.connection.dbapi_connection
    driver.execute("BEGIN")
    second = pinned.connection()
    assert second is not first
    assert not driver.in_transaction  # rolled back on its way into the pool
    with second.begin():
        assert second.execute(text("SELECT count(*) FROM claim")).scalar() == 1
    pinned.close()
    engine.dispose()


def test_reads_recover_after_a_commit_that_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "commit.db"
    _database(path, "Any claim")
    app = create_app(_settings(path))
    dialect = app.state.read_engine.dialect
    real_commit = dialect.do_commit
    failures = [1]

    def commit_failing_once(dbapi_connection: Any) -> None:
        if failures[0]:
            failures[0] -= 1
            raise sqlite3.OperationalError("disk I/O error")
        real_commit(dbapi_connection)

    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/v1/claims").status_code == 200
        monkeypatch.setattr(dialect, "do_commit", commit_failing_once)
        assert client.get("/v1/claims").status_code == 503
        for _ in range(3):
            assert client.get("/v1/claims").status_code == 200


def test_a_disposed_pool_is_not_read_through(tmp_path: Path) -> None:
    path = tmp_path / "disposed.db"
    _database(path, "Any claim")
    engine = create_db_engine(_settings(path))
    pinned = PinnedConnections(engine)
    first = pinned.connection()
    engine.dispose()
    assert pinned.connection() is not first
    assert first.closed
    pinned.close()
    engine.dispose()
