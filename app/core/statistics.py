"""Planner statistics kept up with a bulk write that grows the tables.

PostgreSQL plans every statement from the statistics ANALYZE collects, and the lexical matcher
reads its common words' frequencies from them (matching/lexical.py). Autovacuum refreshes them
once a table has changed by about a tenth, up to a minute late, and not at all where an operator
turned it off. An import grows tables from nothing to millions of rows in minutes: planned for
tables of a few rows, and counting common words in the full-text index, 120,000 lines took
22 minutes instead of 7 (docs/benchmarks.md, "Bulk ingest, seventh pass").

So the bulk engine (`ingest_stream`, for POST /v1/ingest/batch) and import jobs call
`StatisticsKeeper.after_write()` after each chunk commits: at most every few seconds it asks
PostgreSQL which tables changed by more than half their size since they were last analysed,
and analyses those (a sample, not a scan: a fraction of a second per table). The threshold is
relative, so each table is analysed a logarithmic number of times over an import. On SQLite
the app keeps no planner statistics: nothing to do there.
"""

import logging
import threading
import time

from sqlalchemy import Engine
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

logger = logging.getLogger("app.core.statistics")

# A table is analysed again once it changed by this fraction of its size when last analysed...
GROWTH = 0.5
# ...and by at least this many rows (small tables plan the same either way).
MIN_CHANGES = 1000
# Seconds between two looks at the change counters (one catalog query).
INTERVAL = 5.0

_STALE_TABLES = text(
    "SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid "
    "WHERE s.schemaname = current_schema() "
    "AND s.n_mod_since_analyze > greatest(:least, :growth * greatest(c.reltuples, 0)) "
    "ORDER BY s.relname"
)

_generation = 0
_lock = threading.Lock()


def generation() -> int:
    """A number that changes whenever this process has analysed tables: caches built from the
    statistics (the matcher's common words) are stale once it differs from theirs."""
    return _generation


class StatisticsKeeper:
    """Analyses the tables a long bulk write has grown (PostgreSQL only; see the module)."""

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

    def after_write(self) -> list[str]:
        """Analyse the tables grown past the threshold; returns their names (often none)."""
        if not self.enabled:
            return []
        now = time.monotonic()
        if now < self._next:
            return []
        self._next = now + self.interval
        try:
            with self.engine.connect() as connection:
                names = list(
                    connection.scalars(_STALE_TABLES, {"least": self.least, "growth": self.growth})
                )
                if names:
                    prepare = connection.dialect.identifier_preparer
                    # SKIP_LOCKED: a table another replica's import (or autovacuum) is
                    # analysing right now is left to it.
                    quoted = ", ".join(prepare.quote(name) for name in names)
                    connection.execute(text(f"ANALYZE (SKIP_LOCKED) {quoted}"))
                    connection.commit()
        except DBAPIError:
            # The writes it follows have committed: a failed ANALYZE (a statement timeout, a
            # lost connection) costs only a later plan, never the caller's answer.
            logger.warning("could not analyse the tables a bulk write grew", exc_info=True)
            return []
        if names:
            global _generation
            with _lock:
                _generation += 1
        return names
