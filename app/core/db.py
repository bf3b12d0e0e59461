"""Engine, column types shared by every table, and the one-transaction-per-request session."""

import logging
import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, TypeVar
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from sqlalchemy import (
    Connection,
    DateTime,
    Engine,
    MetaData,
    String,
    create_engine,
    event,
    exc,
    select,
)
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, InvalidRequestError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm.exc import ObjectDeletedError, StaleDataError
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, SQLModel

from app.core.config import Settings
from app.core.errors import (
    AppError,
    Conflict,
    DatabaseTimeout,
    Invalid,
    ServiceUnavailable,
    error_response,
)
from app.core.metrics import TRANSACTION_RETRIES

logger = logging.getLogger("app.db")

# One naming convention for every constraint, so migrations and autogenerate agree on names.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SQLITE_POOL_SIZE = 40
T = TypeVar("T")


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware instant stored in UTC on every backend.

    PostgreSQL keeps `timestamptz`; SQLite has no time zones, so values are converted to UTC
    and stored naive in one fixed text format, which also keeps them correctly ordered.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a timezone-aware one is required")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


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
            # so a burst never opens and closes connections (each runs the PRAGMAs below).
            "pool_size": SQLITE_POOL_SIZE,
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
    connect_args = {"connect_timeout": 5}
    if timeout_ms:
        connect_args["options"] = f"-c statement_timeout={int(timeout_ms)}"
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=POOL_TIMEOUT_SECONDS,
        connect_args=connect_args,
    )


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
        if mode == "IMMEDIATE":
            if not writer.acquire(timeout=wait):
                raise sqlite3.OperationalError("database is locked (waiting for other writers)")
            conn.info["holds_writer_lock"] = True
        try:
            # On the driver's connection: BEGIN has no parameters and no result, and going
            # through exec_driver_sql cost a hot read more than its own query's execute. An
            # error here is still wrapped by SQLAlchemy like any other DBAPI error.
            conn.connection.dbapi_connection.execute(f"BEGIN {mode}")
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

    @event.listens_for(engine, "checkout")
    def _check_file(_dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        try:
            current = identity()
        except OSError as error:
            raise exc.DisconnectionError(f"database file {path} is unavailable: {error}") from error
        if current != record.info.get("file"):
            raise exc.DisconnectionError(f"database file {path} was replaced or removed")


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


# PostgreSQL: serialization_failure, deadlock_detected: the whole transaction can be re-run.
# unique_violation and foreign_key_violation reach here only when a concurrent writer got in
# between a service's own check and its write (services check uniqueness and references first),
# so re-running lets that check see the winner and answer 404/409/422 instead of 500.
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01", "23505", "23503"})


class TransactionConflict(AppError):
    """The transaction lost a race (serialisation failure or deadlock) and was rolled back.

    TransactionRetryMiddleware re-runs the request and `run_transaction` re-runs a unit of work;
    only when every attempt loses is this answered, as 503.
    """

    status_code = 503
    code = "transaction_conflict"


def lost_race(
    message: str = "a concurrent request changed the same rows; retry the request",
) -> TransactionConflict:
    """The error for a transaction that must be re-run because a concurrent one won."""
    return TransactionConflict(message, headers={"Retry-After": "1"})


def is_retryable(error: BaseException) -> bool:
    """A lost race (serialisation failure, deadlock, a row changed or removed by a concurrent
    writer): running the same transaction again can succeed."""
    if isinstance(error, StaleDataError | ObjectDeletedError):
        return True
    orig = getattr(error, "orig", None)
    return isinstance(error, DBAPIError) and getattr(orig, "sqlstate", None) in RETRYABLE_SQLSTATES


def _sqlite_busy(error: BaseException) -> bool:
    return isinstance(error, exc.OperationalError) and "database is locked" in str(error.orig)


@contextmanager
def transaction(engine: Engine, *, write: bool) -> Iterator[Session]:
    """One session and one transaction: committed when the block ends, rolled back on error.

    A lost race (see `is_retryable`) is raised as TransactionConflict (safe to re-run).
    """
    bind = engine.execution_options(sqlite_begin="IMMEDIATE") if write else engine
    with Session(bind, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException as error:
            try:
                session.rollback()
            except Exception as rollback_error:  # the connection is gone; the error says why
                logger.warning("rollback failed: %s", rollback_error)
            if is_retryable(error):
                raise lost_race(
                    "the database aborted this transaction to resolve a conflict with a "
                    "concurrent one; retry the request"
                ) from error
            raise


def run_transaction(engine: Engine, work: Callable[[Session], T], *, attempts: int) -> T:
    """The one unit of work outside a request: `work` in its own write transaction, re-run
    (with a short growing pause) when it loses a race or, on SQLite, finds the write lock busy.

    Requests get the same policy from TransactionRetryMiddleware; nothing else retries.
    """
    for attempt in range(1, attempts + 1):
        try:
            with transaction(engine, write=True) as session:
                return work(session)
        except (TransactionConflict, exc.OperationalError) as error:
            if attempt == attempts or not (
                isinstance(error, TransactionConflict) or _sqlite_busy(error)
            ):
                raise
            cause = error.__cause__ if isinstance(error, TransactionConflict) else error
            logger.info("transaction retry %d after %s", attempt, type(cause).__name__)
            TRANSACTION_RETRIES.inc()
            time.sleep(random.uniform(0, 0.02 * 2**attempt))
    raise AssertionError("unreachable")


def get_session(request: Request) -> Iterator[Session]:
    """The request's session; committed after the endpoint returns, before the response is sent."""
    engine: Engine = request.app.state.engine
    with transaction(engine, write=request.method not in SAFE_METHODS) as session:
        yield session


async def read_only(request: Request, work: Callable[[Connection], T]) -> T:
    """Run `work` in one read-only transaction on a plain connection, with at most one thread
    hop per request.

    Hot read routes use this instead of `SessionDep`: a Session (identity map, state machine)
    costs more than the indexed read itself and buys nothing when no object is loaded, and
    its sync generator costs a thread hop to open and another to close. On SQLite the work
    runs right on the event loop: an indexed read takes a fraction of a millisecond of CPU and
    never waits for I/O once pages are cached, so handing it to a thread costs more than the
    query and, under the GIL on one core, buys no parallelism (docs/benchmarks.md measures
    it). PostgreSQL reads wait on the network, so they go to a worker thread.
    """
    engine: Engine = request.app.state.engine

    def run() -> T:
        with engine.connect() as connection, connection.begin():
            return work(connection)

    if engine.dialect.name == "sqlite":
        return run()
    return await run_in_threadpool(run)


async def read_in_session(request: Request, work: Callable[[Session], T]) -> T:
    """Run `work` with a Session in one read-only transaction on a worker thread: for async
    routes whose rarer branches need ORM objects (e.g. counts computed on the fly)."""
    engine: Engine = request.app.state.engine

    def run() -> T:
        with transaction(engine, write=False) as session:
            return work(session)

    return await run_in_threadpool(run)


# scope="function": the transaction ends when the endpoint returns, so a failed commit still
# becomes an error response instead of a success the client believes.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def duplicate_of(
    session: Session,
    id_column: Any,
    condition: Any,
    *,
    field: str,
    value: Any,
    what: str,
    exclude_id: int | None = None,
) -> Conflict | None:
    """A Conflict naming the existing row where `condition` holds (other than `exclude_id`)."""
    query = select(id_column).where(condition)
    if exclude_id is not None:
        query = query.where(id_column != exclude_id)
    existing = session.scalar(query.limit(1))
    if existing is None:
        return None
    return Conflict(
        f"{what} with {field} {value!r} already exists (id {existing})",
        details=[{"field": field, "value": value, "existing_id": existing}],
    )


def flush_unique(session: Session, find_conflict: Callable[[], Exception | None]) -> None:
    """Flush, turning a unique-constraint race into the domain error `find_conflict` describes.

    Services check uniqueness before writing; this covers the concurrent writer that got there
    in between. The flush runs in a savepoint so the lookup can still use the transaction.
    When the race cannot be described that way (changed rows flushed before the savepoint,
    whose failure aborts a PostgreSQL transaction; or no `find_conflict` answer), the
    transaction is re-run (TransactionConflict), and its own checks then see the row that won.
    """
    # begin_nested() flushes everything pending *before* it emits SAVEPOINT, so rows added since
    # the last flush would be inserted outside the savepoint and a unique violation would doom
    # the whole transaction. New rows are therefore moved into the savepoint.
    pending = list(session.new)
    for instance in pending:
        session.expunge(instance)
    try:
        with session.begin_nested():
            session.add_all(pending)
            session.flush()
    except IntegrityError as exc:
        race = lost_race("a concurrent request wrote the same row; retry the request")
        if not session.is_active:  # the failed flush was not inside the savepoint
            raise race from exc
        try:
            error = find_conflict()
        except (DBAPIError, InvalidRequestError):
            raise race from exc
        if error is not None:
            raise error from exc
        raise race from exc


# ---- instants rendered by the database, for JSON read paths -----------------------------------
# Hot lists return many timestamps per row; parsing each into a datetime (SQLite stores text)
# only to format it again costs more than the query. These expressions make the database return
# the exact text Pydantic would produce for a UTC datetime (`2025-05-29T09:00:00Z`, with
# `.ffffff` only when there are microseconds) or a date (`2025-05-29`).


class json_instant(FunctionElement[str]):  # noqa: N801 (used like a SQL function)
    """An RFC 3339 UTC text for a UTCDateTime column, as Pydantic renders it."""

    type = String()
    inherit_cache = True


@compiles(json_instant, "sqlite")
def _json_instant_sqlite(element: json_instant, compiler: Any, **kw: Any) -> str:
    # UTCDateTime stores 'YYYY-MM-DD HH:MM:SS.ffffff' (naive UTC); Pydantic drops a zero
    # fraction. Two replace() calls are the cheapest form SQLite evaluates (no substr/CASE).
    column = compiler.process(next(iter(element.clauses)), **kw)
    return f"replace(replace({column}, ' ', 'T') || 'Z', '.000000Z', 'Z')"


@compiles(json_instant, "postgresql")
def _json_instant_postgresql(element: json_instant, compiler: Any, **kw: Any) -> str:
    column = compiler.process(next(iter(element.clauses)), **kw)
    utc = f"({column} AT TIME ZONE 'UTC')"
    return (
        f"(to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS') || "
        f"CASE WHEN date_trunc('second', {column}) = {column} THEN '' "
        f"ELSE to_char({utc}, '.US') END || 'Z')"
    )


class json_date(FunctionElement[str]):  # noqa: N801 (used like a SQL function)
    """A `YYYY-MM-DD` text for a Date column."""

    type = String()
    inherit_cache = True


@compiles(json_date, "sqlite")
def _json_date_sqlite(element: json_date, compiler: Any, **kw: Any) -> str:
    return compiler.process(next(iter(element.clauses)), **kw)  # stored as 'YYYY-MM-DD'


@compiles(json_date, "postgresql")
def _json_date_postgresql(element: json_date, compiler: Any, **kw: Any) -> str:
    column = compiler.process(next(iter(element.clauses)), **kw)
    return f"to_char({column}, 'YYYY-MM-DD')"


def database_error(error: Exception) -> AppError:
    """The client-facing error for a database failure that is not the request's fault."""
    if isinstance(error, exc.TimeoutError):  # no pooled connection became free in time
        return ServiceUnavailable(
            "the database is overloaded (no connection available); retry shortly",
            code="database_busy",
            headers={"Retry-After": "1"},
        )
    orig = getattr(error, "orig", None)
    sqlstate = getattr(orig, "sqlstate", None)
    text = str(orig or error).strip().splitlines()[0] if str(orig or error).strip() else ""
    if sqlstate == "57014" or (
        isinstance(orig, sqlite3.OperationalError) and text == "interrupted"
    ):
        return DatabaseTimeout("the query took longer than the statement timeout and was cancelled")
    if isinstance(orig, sqlite3.OperationalError) and "locked" in text:
        return ServiceUnavailable(
            "the database is busy with another write; retry shortly",
            code="database_busy",
            headers={"Retry-After": "1"},
        )
    if isinstance(error, exc.DataError):
        return Invalid(f"the database refused a value: {text}", code="invalid_data")
    return ServiceUnavailable(
        "the database is unavailable; retry shortly",
        code="database_unavailable",
        headers={"Retry-After": "5"},
    )


async def _on_database_error(_request: Request, error: Exception) -> JSONResponse:
    mapped = database_error(error)
    logger.error("database error answered %s: %s", mapped.status_code, error)
    return error_response(
        mapped.status_code, mapped.code, mapped.message, mapped.details, mapped.headers
    )


def install_database_error_handlers(app: FastAPI) -> None:
    """Answer database outages 503 and statement timeouts 504, in the one error shape."""
    app.add_exception_handler(exc.OperationalError, _on_database_error)
    app.add_exception_handler(exc.InterfaceError, _on_database_error)
    app.add_exception_handler(exc.DataError, _on_database_error)
    app.add_exception_handler(exc.TimeoutError, _on_database_error)
