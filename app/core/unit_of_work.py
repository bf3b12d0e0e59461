"""The one unit of work: a transaction, and the one retry policy that re-runs it when it loses a
race (PostgreSQL 40001/40P01, a row a concurrent writer changed, SQLite busy).

`retrying` is the one retry loop: `run_transaction` (every unit of work outside a request:
ingest and batch lines, imports, the CLI) and TransactionRetryMiddleware (app/core/middleware.py,
which re-runs a write request whole) both run their attempts through it. Nothing else retries.
"""

import asyncio
import logging
import random
import time
from collections.abc import AsyncIterator
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy import exc
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm.exc import ObjectDeletedError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from app.core.errors import AppError
from app.core.errors import Conflict
from app.core.metrics import TRANSACTION_RETRIES

logger = logging.getLogger("app.db")
T = TypeVar("T")

# PostgreSQL: serialization_failure, deadlock_detected: the whole transaction can be re-run.
# unique_violation and foreign_key_violation reach here only when a concurrent writer got in
# between a service's own check and its write (services check uniqueness and references first),
# so re-running lets that check see the winner and answer 404/409/422 instead of 500.
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01", "23505", "23503"})


class TransactionConflict(AppError, status=503, code="transaction_conflict"):
    """The transaction lost a race (serialisation failure or deadlock) and was rolled back.

    `retrying` re-runs the request (TransactionRetryMiddleware) or the unit of work
    (`run_transaction`); only when every attempt loses is this answered, as 503.
    """


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


class Attempt:
    """One try of a unit of work under `retrying`: `with attempt:` around the work swallows a
    failure the policy re-runs (the loop then pauses and tries again) and lets any other
    failure, or the last attempt's, propagate. Set `may_retry = False` once a try has had an
    effect that cannot be undone (a request whose answer has started)."""

    def __init__(self, number: int, attempts: int, what: str) -> None:
        self.number = number
        self.attempts = attempts
        self.what = what
        self.may_retry = True
        self.pause: float | None = None

    def __enter__(self) -> "Attempt":
        return self

    def __exit__(self, _type: type | None, error: BaseException | None, _tb: Any) -> bool:
        if error is None or not self.may_retry:
            return False
        self.pause = retry_pause(error, attempt=self.number, attempts=self.attempts)
        if self.pause is None:
            return False
        cause = error.__cause__ if isinstance(error, TransactionConflict) else error
        logger.info(
            "re-running %s (attempt %d of %d) after %s: %s",
            self.what,
            self.number + 1,
            self.attempts,
            type(cause).__name__,
            cause,
        )
        return True


class retrying:  # noqa: N801 (used like a function: `for attempt in retrying(n)`)
    """The one retry loop, for every unit of work: requests (TransactionRetryMiddleware, with
    `async for`), batch lines, imports and the CLI (`run_transaction`, with `for`).

        for attempt in retrying(attempts):
            with attempt:
                return work()

    Each attempt that fails with what `retry_pause` re-runs is followed by its pause; the loop
    ends when an attempt's block finishes without such a failure.
    """

    def __init__(self, attempts: int, *, what: str = "a transaction") -> None:
        self.attempts = attempts
        self.what = what

    def __iter__(self) -> Iterator[Attempt]:
        for attempt in self._attempts():
            yield attempt
            if attempt.pause is None:
                return
            time.sleep(attempt.pause)

    async def __aiter__(self) -> AsyncIterator[Attempt]:
        for attempt in self._attempts():
            yield attempt
            if attempt.pause is None:
                return
            await asyncio.sleep(attempt.pause)

    def _attempts(self) -> Iterator[Attempt]:
        for number in range(1, self.attempts + 1):
            yield Attempt(number, self.attempts, self.what)


def run_transaction(engine: Engine, work: Callable[[Session], T], *, attempts: int) -> T:
    """The one unit of work outside a request: `work` in its own write transaction, re-run
    under `retrying` when it loses a race or, on SQLite, finds the write lock busy."""
    for attempt in retrying(attempts):
        with attempt, transaction(engine, write=True) as session:
            return work(session)
    raise AssertionError("unreachable: the last attempt's failure propagates")


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
