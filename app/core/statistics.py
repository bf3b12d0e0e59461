"""Planner statistics kept up with a bulk write that grows the tables.

PostgreSQL plans every statement from the statistics ANALYZE collects, and the lexical matcher
reads its common words' frequencies from them (matching/lexical.py). Autovacuum refreshes them
once a table has changed by about a tenth, up to a minute late, and not at all where an operator
turned it off. An import grows tables from nothing to millions of rows in minutes: planned for
tables of a few rows, and counting common words in the full-text index, 120,000 lines took
22 minutes instead of 11 (docs/benchmarks.md, "Bulk ingest, seventh pass").

So the bulk engine (`ingest_stream`, for POST /v1/ingest/batch) and import jobs call
`StatisticsKeeper.after_write()` after each chunk commits: at most every few seconds it asks
PostgreSQL which tables changed by more than half their size since they were last analysed,
and analyses those (a sample, not a scan: a fraction of a second per table). The threshold is
relative, so each table is analysed a logarithmic number of times over an import. On SQLite
the app keeps no planner statistics: nothing to do there.
"""

import functools
import logging
import threading
import time

from sqlalchemy import Engine
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

logger = logging.getLogger("app.core.statistics")

# A table is analysed again once it changed by this fraction of its size when last analysed...
GROWTH = 0.5
# ...and by at least this many rows (small tables plan the same either way).
MIN_CHANGES = 1000
# Seconds between two looks at the change counters (one catalog query), in a process...
INTERVAL = 5.0
# ...and after a look that failed.
BACKOFF = 60.0

# Only the tables this role may analyse (their owner, or the database's): ANALYZE skips any
# other with a warning, and would be asked again every few seconds.
_STALE_TABLES = text(
    "SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid "
    "WHERE s.schemaname = current_schema() "
    "AND s.n_mod_since_analyze > greatest(:least, :growth * greatest(c.reltuples, 0)) "
    "AND (pg_has_role(c.relowner, 'USAGE') OR pg_has_role((SELECT datdba FROM pg_database "
    "WHERE datname = current_database()), 'USAGE')) "
    "ORDER BY s.relname"
)

_generation = 0
_generation_lock = threading.Lock()


def generation() -> int:
    """A number that changes whenever this process has analysed tables: caches built from the
    statistics (the matcher's common words) are stale once it differs from theirs. Read it
    before reading the statistics."""
    return _generation


def _analysed_some() -> None:
    global _generation
    with _generation_lock:
        _generation += 1


class StatisticsKeeper:
    """Analyses the tables a long bulk write has grown (PostgreSQL only; see the module).

    One per engine in a process (`keeper_for`), so concurrent batches and imports share its
    interval; a caller that finds another one looking goes on without waiting."""

    def __init__(
        self,
        engine: Engine,
        *,
        growth: float = GROWTH,
        least: int = MIN_CHANGES,
        interval: float = INTERVAL,
    ) -> None:
        self.engine = engine
        self.growth = growth
        self.least = least
        self.interval = interval
        self.enabled = engine.dialect.name == "postgresql"
        self._next = 0.0
        self._busy = threading.Lock()

    def after_write(self) -> list[str]:
        """Analyse the tables grown past the threshold; returns their names (often none).
        Never raises: the writes it follows have committed, and a failed ANALYZE (a lost
        connection, an exhausted pool) costs only a later plan, never the caller's answer."""
        if not self.enabled or not self._busy.acquire(blocking=False):
            return []
        analysed: list[str] = []
        try:
            now = time.monotonic()
            if now < self._next:
                return []
            self._next = now + self.interval
            self._analyse(analysed)
        except SQLAlchemyError:
            logger.warning("could not analyse the tables a bulk write grew", exc_info=True)
            self._next = time.monotonic() + BACKOFF
        finally:
            self._busy.release()
            if analysed:
                _analysed_some()
        return analysed

    def _analyse(self, analysed: list[str]) -> None:
        with self.engine.connect() as connection:
            names = list(
                connection.scalars(_STALE_TABLES, {"least": self.least, "growth": self.growth})
            )
            connection.rollback()
            quote = connection.dialect.identifier_preparer.quote
        for name in names:
            # A table at a time, each committed: one that fails keeps the others' statistics.
            with self.engine.begin() as connection:
                # A sample of the table, bounded whatever its size: not held to the statement
                # timeout of the requests that share this engine.
                connection.execute(text("SET LOCAL statement_timeout = 0"))
                # SKIP_LOCKED: a table another replica (or autovacuum) is analysing right now
                # is left to it.
                connection.execute(text(f"ANALYZE (SKIP_LOCKED) {quote(name)}"))
            analysed.append(name)


@functools.cache
def keeper_for(engine: Engine) -> StatisticsKeeper:
    """The process's keeper for this engine (an app has one or two engines, kept for its life)."""
    return StatisticsKeeper(engine)
