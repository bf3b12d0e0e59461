"""The engine for the configured database, tuned for it (SQLite: writer queue, WAL, file watch,
statement clock; PostgreSQL: pool, connect and statement timeouts)."""

import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote
from weakref import WeakKeyDictionary

from sqlalchemy import Engine
from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import exc
from sqlalchemy.engine import make_url

from app.core.config import Settings

SQLITE_POOL_SIZE = 40
# How long a request waits for a pooled connection before it is answered 503.
POOL_TIMEOUT_SECONDS = 10


def create_db_engine(settings: Settings, *, statement_timeout_ms: int | None = None) -> Engine:
    """An engine for the configured database, tuned for it.

    Statements are cancelled after `statement_timeout_ms` (default: the setting; 0: never), so
    a slow query becomes a 504 instead of a hung worker. Maintenance commands pass 0.
    """
    url = settings.database_url
    timeout_ms = (
        settings.db_statement_timeout_ms if statement_timeout_ms is None else statement_timeout_ms
    )
    if url.startswith("sqlite"):
        database = make_url(url).database
        path = (
            None if database in (None, "", ":memory:") or database.startswith("file:") else database
        )
        connect_args: dict[str, Any] = {
            "check_same_thread": False,
            "timeout": settings.sqlite_busy_timeout_ms / 1000,
        }
        options: dict[str, Any] = {
            "pool_timeout": POOL_TIMEOUT_SECONDS,
            # One pooled connection per thread that may run a request (anyio's default limit),
            # so a burst never opens and closes connections (each runs the PRAGMAs below), plus
            # the one the event loop keeps for the hot reads (core/pinned.py).
            "pool_size": SQLITE_POOL_SIZE + 1,
            "max_overflow": 10,
        }
        if path is not None:
            # mode=rw: a missing file is an error (503 and /readyz say so), not a new empty
            # database; `corroborate migrate` creates it.
            uri = f"file:{quote(str(Path(path).resolve()))}?mode=rw"
            options["creator"] = lambda: sqlite3.connect(uri, uri=True, **connect_args)
        else:
            options["connect_args"] = connect_args
        engine = create_engine(url, **options)
        _configure_sqlite(engine, settings, path=path, timeout_ms=timeout_ms)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=POOL_TIMEOUT_SECONDS,
        connect_args=_postgresql_connect_args(timeout_ms),
    )


def create_read_engine(settings: Settings, engine: Engine) -> Engine:
    """The engine the hot reads (`core.db.read_only`) run on: `engine` itself on SQLite; on
    PostgreSQL a second pool on the same database whose connections run in autocommit and are
    not pinged at checkout.

    A page of claims is one indexed SELECT taking well under a millisecond on the server, but
    through the write engine it cost four round trips: the pre-ping (`;`), BEGIN, the SELECT and
    COMMIT (docs/benchmarks.md, "PostgreSQL reads"). In READ COMMITTED, PostgreSQL's default and
    the service's, every statement takes its own snapshot inside a transaction too, so a
    read-only BEGIN/COMMIT buys nothing. Without the ping a connection the server dropped is
    found by the read itself; `read_only` then throws the pool's connections away and runs the
    read once more (a read is safe to repeat).
    """
    if engine.dialect.name != "postgresql":
        return engine
    return create_engine(
        settings.database_url,
        isolation_level="AUTOCOMMIT",
        # Every thread that may run a read keeps its connection: with a pool smaller than the
        # concurrency, the overflow connections are closed at check-in and reopened (a new
        # server process each) on the next burst.
        pool_size=settings.db_pool_size + settings.db_max_overflow,
        max_overflow=0,
        pool_timeout=POOL_TIMEOUT_SECONDS,
        connect_args=_postgresql_connect_args(settings.db_statement_timeout_ms),
    )


def _postgresql_connect_args(timeout_ms: int) -> dict[str, Any]:
    # JIT off: the service's statements are short, indexed and LIMITed, but the planner costs a
    # LIMIT over a filtered index scan by the whole scan, so past a few million rows it crossed
    # `jit_above_cost` and compiled each read: 50 ms of JIT for a 1 ms query (the one-outlet
    # list at size XL, docs/benchmarks.md).
    options = ["-c jit=off"]
    if timeout_ms:
        options.append(f"-c statement_timeout={int(timeout_ms)}")
    return {"connect_timeout": 5, "options": " ".join(options)}


def _configure_sqlite(
    engine: Engine, settings: Settings, *, path: str | None, timeout_ms: int
) -> None:
    # pysqlite's own transaction handling defers BEGIN until the first write, which lets two
    # writers that both read first deadlock on the lock upgrade. We emit BEGIN ourselves:
    # IMMEDIATE for writes (take the write lock up front, wait on busy_timeout), DEFERRED for
    # reads; this also makes SAVEPOINT work as documented by SQLAlchemy.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute(f"PRAGMA busy_timeout = {int(settings.sqlite_busy_timeout_ms)}")
        cursor.close()

    # Writers of this process queue on a lock of their own before BEGIN IMMEDIATE. SQLite's
    # busy handler polls with growing sleeps, so under load an unlucky writer could wait out
    # the whole busy timeout (503) while others came and went; the lock hands the write lock
    # on as soon as it is free, in about arrival order. Other processes still meet on SQLite's.
    writer = threading.Lock()
    wait = settings.sqlite_busy_timeout_ms / 1000

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        statement = f"BEGIN {mode}"
        try:
            if mode == "IMMEDIATE":
                if not writer.acquire(timeout=wait):
                    raise sqlite3.OperationalError("database is locked (waiting for other writers)")
                conn.info["holds_writer_lock"] = True
            # On the driver's connection: BEGIN has no parameters and no result, and going
            # through exec_driver_sql cost a hot read more than its own query's execute.
            conn.connection.dbapi_connection.execute(statement)
        except sqlite3.Error as error:
            _release(conn)
            # SQLAlchemy calls this hook outside its own error handling, so a driver error
            # raised here is not wrapped: it reached the client as a 500, not as the busy
            # database the retry policy re-runs and the handlers answer 503 (a writer that
            # waited out the busy timeout behind 30 others, seen under load).
            raise exc.DBAPIError.instance(statement, None, error, sqlite3.Error) from error
        except BaseException:
            _release(conn)
            raise

    def _release(conn: Any) -> None:
        if conn.info.pop("holds_writer_lock", False):
            writer.release()

    def _release_record(_dbapi_connection: Any, record: Any, *_args: Any) -> None:
        # A connection returned or thrown away without commit/rollback events (it broke).
        if record.info.pop("holds_writer_lock", False):
            writer.release()

    event.listen(engine, "commit", _release)
    event.listen(engine, "rollback", _release)
    event.listen(engine, "checkin", _release_record)
    event.listen(engine, "invalidate", _release_record)

    if path is not None:
        _watch_sqlite_file(engine, path)
    if timeout_ms:
        _bound_sqlite_statements(engine, timeout_ms / 1000)


# What `_watch_sqlite_file` checks, by engine (for connections kept past one checkout).
_FILE_CHECKS: "WeakKeyDictionary[Engine, Callable[[dict[Any, Any]], None]]" = WeakKeyDictionary()


def check_sqlite_file(engine: Engine, info: dict[Any, Any]) -> None:
    """What the pool checks at each checkout of a SQLite file's connection (`info` is the
    connection's): raise DisconnectionError when the file is gone, unreadable, or not the one
    the connection opened. Nothing to check for PostgreSQL or an in-memory database."""
    check = _FILE_CHECKS.get(engine)
    if check is not None:
        check(info)


def _watch_sqlite_file(engine: Engine, path: str) -> None:
    # An open SQLite connection keeps working on a file that was moved, deleted or had its
    # permissions taken away. Checking the file on every checkout (one stat, microseconds)
    # lets an outage surface as 503 and recover by itself once the file is back.
    def identity() -> tuple[int, int]:
        if not os.access(path, os.R_OK | os.W_OK):
            raise exc.DisconnectionError(f"database file {path} is not readable and writable")
        stat = os.stat(path)
        return stat.st_dev, stat.st_ino

    @event.listens_for(engine, "connect")
    def _remember_file(_dbapi_connection: Any, record: Any) -> None:
        try:
            record.info["file"] = identity()
        except (OSError, exc.DisconnectionError):
            record.info["file"] = None

    def check(info: dict[Any, Any]) -> None:
        try:
            current = identity()
        except OSError as error:
            raise exc.DisconnectionError(f"database file {path} is unavailable: {error}") from error
        if current != info.get("file"):
            raise exc.DisconnectionError(f"database file {path} was replaced or removed")

    _FILE_CHECKS[engine] = check

    @event.listens_for(engine, "checkout")
    def _check_file(_dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        check(record.info)


def _bound_sqlite_statements(engine: Engine, timeout: float) -> None:
    # SQLite has no statement timeout; a progress handler called every few thousand virtual
    # machine instructions interrupts a statement that has run past its deadline
    # (sqlite3.OperationalError "interrupted", answered 504).
    @event.listens_for(engine, "connect")
    def _install_handler(dbapi_connection: Any, record: Any) -> None:
        deadline = record.info["deadline"] = [0.0]
        dbapi_connection.set_progress_handler(
            lambda: 1 if deadline[0] and time.monotonic() > deadline[0] else 0, 20_000
        )

    @event.listens_for(engine, "before_cursor_execute")
    def _start_clock(conn: Any, *_args: Any) -> None:
        deadline = conn.info.get("deadline")
        if deadline is not None:
            deadline[0] = time.monotonic() + timeout

    def _stop_clock(conn: Any) -> None:
        deadline = conn.info.get("deadline")
        if deadline is not None:
            deadline[0] = 0.0

    event.listen(engine, "commit", _stop_clock)
    event.listen(engine, "rollback", _stop_clock)
