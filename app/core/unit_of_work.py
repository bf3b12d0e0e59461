"""The one unit of work: a transaction, and the one retry policy that re-runs it when it loses a
race (PostgreSQL 40001/40P01, a row a concurrent writer changed, SQLite busy).

`run_transaction` is the helper every unit of work outside a request uses (ingest and batch
lines, imports, the CLI); requests are re-run whole by TransactionRetryMiddleware
(app/core/middleware.py) under the same policy (`retry_pause`). Nothing else retries.
"""

import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Engine, exc, select
from sqlalchemy.exc import DBAPIError, IntegrityError, InvalidRequestError
from sqlalchemy.orm.exc import ObjectDeletedError, StaleDataError
from sqlmodel import Session

from app.core.errors import AppError, Conflict
from app.core.metrics import TRANSACTION_RETRIES

logger = logging.getLogger("app.db")
T = TypeVar("T")

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
            pause = retry_pause(error, attempt=attempt, attempts=attempts)
            if pause is None:
                raise
            cause = error.__cause__ if isinstance(error, TransactionConflict) else error
            logger.info("transaction retry %d after %s", attempt, type(cause).__name__)
            time.sleep(pause)
    raise AssertionError("unreachable")


def retry_pause(error: BaseException, *, attempt: int, attempts: int) -> float | None:
    """The retry policy: seconds to wait before re-running a unit of work that failed with
    `error` on try number `attempt` of `attempts`, or None when it must not be re-run.

    Re-run: a lost race (TransactionConflict, raised by `transaction`) and, on SQLite, a write
    lock still busy after the busy timeout; with a short random pause growing per attempt.
    Counted in the `transaction_retries` metric.
    """
    if attempt >= attempts or not (isinstance(error, TransactionConflict) or _sqlite_busy(error)):
        return None
    TRANSACTION_RETRIES.inc()
    return random.uniform(0, 0.02 * 2**attempt)


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
