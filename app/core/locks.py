"""Row and advisory locks for writes that must not interleave on PostgreSQL.

SQLite needs none of this: every write transaction starts with BEGIN IMMEDIATE, so writers
already run one at a time. On PostgreSQL (READ COMMITTED) two writers can each read a state the
other is about to change; the graph-changing verbs take these locks on what they read, in
ascending id order, before reading it again and writing. Locks last until commit or rollback.
"""

import hashlib
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Mapping
from typing import Any
from typing import Literal

from sqlalchemy import func
from sqlalchemy import select
from sqlmodel import Session

from app.core.unit_of_work import lost_race

# FOR UPDATE: the row will be deleted or its key changed. FOR NO KEY UPDATE: its other columns
# change; inserts that reference it (their foreign key check takes KEY SHARE) still go ahead.
# FOR SHARE: the row must stay as read (neither changed nor deleted) until commit.
# FOR KEY SHARE: the row must not be deleted (nor its key changed) until commit; other changes
# go ahead (what an insert referencing it takes for its foreign key check).
LockMode = Literal["update", "no_key_update", "share", "key_share"]


def locks_rows(session: Session) -> bool:
    """Whether this session's database needs explicit locks (PostgreSQL) or not (SQLite)."""
    return session.get_bind().dialect.name == "postgresql"


def lock_rows(session: Session, id_column: Any, ids: Iterable[int], *, mode: LockMode) -> set[int]:
    """Lock the rows with these ids, lowest id first (so two lockers never deadlock on them);
    returns the ids that still exist. No-op on SQLite (returns the ids unchecked)."""
    wanted = sorted(set(ids))
    if not wanted or not locks_rows(session):
        return set(wanted)
    query = (
        select(id_column)
        .where(id_column.in_(wanted))
        .order_by(id_column)
        .with_for_update(
            read=mode in ("share", "key_share"), key_share=mode in ("no_key_update", "key_share")
        )
    )
    return set(session.scalars(query))


def lock_rows_in_order(session: Session, id_column: Any, modes: Mapping[int, LockMode]) -> set[int]:
    """Lock the rows with these ids, each in its own mode, all in one ascending order of id
    (consecutive ids that share a mode in one statement); returns the ids that still exist.
    A writer that needs two modes keeps the one order that way, instead of a pass per mode."""
    found: set[int] = set()
    run: list[int] = []
    for row_id in sorted(modes):
        if run and modes[run[0]] != modes[row_id]:
            found |= lock_rows(session, id_column, run, mode=modes[run[0]])
            run = []
        run.append(row_id)
    if run:
        found |= lock_rows(session, id_column, run, mode=modes[run[0]])
    return found


def lock_until_stable(
    session: Session,
    wanted: Callable[[], set[int]],
    lock: Callable[[list[int]], object],
    *,
    rounds: int,
) -> None:
    """Lock the rows `wanted()` names (`lock` takes ascending ids), then ask again, until it
    names nothing new: for a set that can change while this waits (the roots of articles'
    trees, their copies). Each round locks what it adds in ascending order. A later round that
    adds a row below one already held would lock out of that order, and two writers doing so
    close a cycle PostgreSQL breaks only after a second: such a round lets go of what this
    call locked (the locks are taken in a savepoint, and rolling it back releases them) and
    locks all it now wants again, in order, holding none of it while it waits. After
    `rounds` rounds the set is still moving: the transaction is re-run (TransactionConflict)."""
    locked: set[int] = set()
    savepoint = session.begin_nested()
    for _ in range(rounds):
        ids = set(wanted())
        new = ids - locked
        if not new:
            savepoint.commit()  # RELEASE SAVEPOINT: the locks stay until the transaction ends
            return
        if locked and min(new) < max(locked):
            savepoint.rollback()
            savepoint = session.begin_nested()
            locked, new = set(), ids
        lock(sorted(new))
        locked |= new
    savepoint.rollback()
    raise lost_race("the rows this write locks kept changing while it waited for them")


def advisory_lock(session: Session, namespace: str, key: str = "") -> None:
    """Wait for, then hold until the transaction ends, the advisory lock named by `namespace`
    and `key` (PostgreSQL; no-op on SQLite). Serialises check-then-insert on rows that do not
    exist yet, where there is nothing to lock with SELECT … FOR UPDATE."""
    if not locks_rows(session):
        return
    digest = hashlib.blake2b(f"{namespace}\x1f{key}".encode(), digest_size=8).digest()
    session.execute(select(func.pg_advisory_xact_lock(int.from_bytes(digest, "big", signed=True))))
