"""SQLite's hot reads on one connection per thread, kept checked out between requests.

On SQLite `core.db.read_only` runs a read right on the event loop. Checking a connection out of
the pool and back in for each one (the pool's lock and queue, its checkout and check-in hooks,
a new `Connection` object, the reset at check-in) cost about 45 µs of a claim detail's 300 µs
of CPU, more than its two statements' Python work (docs/benchmarks.md, "One read connection
per thread"). A thread that reads here keeps the connection it checked out and begins and
commits its transactions on it.

Why this is safe:
- one thread uses its connection, and only inside one synchronous `read_only` run at a time
  (no `await` between BEGIN and COMMIT), so two reads never share it;
- each use first runs what the pool's checkout would (`check_sqlite_file`: the database file
  is still the one the connection opened) and drops a connection that was closed or
  invalidated, that belongs to a pool the engine has since replaced (`dispose()`), or that is
  still inside a transaction (a COMMIT or ROLLBACK that failed leaves SQLite's open while
  SQLAlchemy's is over; check-in rolled that back, and so does dropping it); a dropped one is
  replaced by an ordinary checkout, whose hooks raise the outage as before (503
  `database_unavailable`);
- a connection goes back to the pool when its thread has ended (looked for whenever a
  connection is pinned) and at the app's shutdown, before the engine is disposed of.
"""

import threading

from sqlalchemy import Connection
from sqlalchemy import Engine
from sqlalchemy import exc
from sqlalchemy.pool import Pool

from app.core.engine import check_sqlite_file


class PinnedConnections:
    """One checked-out connection of `engine` per thread that asks for one."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._kept: dict[threading.Thread, tuple[Connection, Pool]] = {}

    def connection(self) -> Connection:
        """This thread's connection: the kept one while it is still good, else a new one."""
        thread = threading.current_thread()
        kept = self._kept.get(thread)
        if kept is not None:
            if self._good(*kept):
                return kept[0]
            self._release([thread])
        pool = self.engine.pool
        connection = self.engine.connect()
        with self._lock:
            self._kept[thread] = (connection, pool)
            # A thread that ended (a test client's portal, a replaced worker) gives its back.
            ended = [other for other in self._kept if not other.is_alive()]
        self._release(ended)
        return connection

    def _good(self, connection: Connection, pool: Pool) -> bool:
        if connection.closed or connection.invalidated or pool is not self.engine.pool:
            return False
        driver = connection.connection.dbapi_connection
        if connection.in_transaction() or getattr(driver, "in_transaction", False):
            return False
        try:
            check_sqlite_file(self.engine, connection.info)
        except exc.DisconnectionError as error:
            connection.invalidate(error)
            return False
        return True

    def _release(self, threads: list[threading.Thread]) -> None:
        with self._lock:
            kept = [self._kept.pop(thread) for thread in threads if thread in self._kept]
        for connection, _pool in kept:
            connection.close()

    def close(self) -> None:
        """Close every pinned connection (at shutdown, before the engine is disposed of)."""
        with self._lock:
            threads = list(self._kept)
        self._release(threads)
