"""The request's database access: the session dependency (one transaction per request), the
read-only helpers of the hot paths, and how a database outage is answered."""

import logging
import sqlite3
from collections.abc import Callable
from collections.abc import Iterator
from typing import Annotated
from typing import Any
from typing import TypeVar

from fastapi import Depends
from fastapi import FastAPI
from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from sqlalchemy import Connection
from sqlalchemy import Engine
from sqlalchemy import exc
from sqlmodel import Session

from app.core.errors import AppError
from app.core.errors import DatabaseTimeout
from app.core.errors import Invalid
from app.core.errors import NotFound
from app.core.errors import ServiceUnavailable
from app.core.errors import error_response
from app.core.unit_of_work import transaction

logger = logging.getLogger("app.db")

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
T = TypeVar("T")


def get_session(request: Request) -> Iterator[Session]:
    """The request's session; committed after the endpoint returns, before the response is sent."""
    engine: Engine = request.app.state.engine
    with transaction(engine, write=request.method not in SAFE_METHODS) as session:
        yield session


def get_or_not_found(
    session: Session, table: type[T], row_id: int, *, what: str, **options: Any
) -> T:
    """The `table` row with this id (`options` go to `Session.get`: `populate_existing`,
    `with_for_update`), or NotFound saying "`what` `row_id` not found"."""
    row = session.get(table, row_id, **options)
    if row is None:
        raise NotFound(f"{what} {row_id} not found")
    return row


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
    engine: Engine = request.app.state.read_engine
    if engine.dialect.name == "sqlite":
        # The thread's kept connection (app/core/pinned.py): a checkout per read cost more
        # than the read's own statements.
        connection = request.app.state.read_connections.connection()
        with connection.begin():
            return work(connection)

    def run() -> T:
        with engine.connect() as connection, connection.begin():
            return work(connection)

    return await run_in_threadpool(_once_more_if_disconnected, engine, run)


def _once_more_if_disconnected(engine: Engine, run: Callable[[], T]) -> T:
    """`run`; if its connection turned out dead (PostgreSQL restarted, or dropped it), the
    pool's other connections are as old: discard them all and run it once more on a new one.
    PostgreSQL's read engine does not ping at checkout (app/core/engine.py)."""
    try:
        return run()
    except exc.DBAPIError as error:
        if not error.connection_invalidated:
            raise
        logger.warning("a pooled read connection was dead; reconnecting: %s", error.orig)
        engine.dispose()
        return run()


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
