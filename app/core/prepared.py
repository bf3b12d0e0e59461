"""Prepared reads: a SELECT compiled once per database and run on the bare DB-API cursor.

For the hottest reads (claim lists and details) SQLAlchemy's per-execution work — building the
statement, its cache key, adapting the cached result metadata to the new statement object, Row
objects — costs more than SQLite takes to run the query (measured in docs/benchmarks.md). A
`PreparedSelect` builds its statement once, with a `bindparam` for every value that varies,
compiles it once per dialect, and then only converts parameters (through the column types'
own bind processors, so datetimes are stored exactly as the ORM stores them) and fetches plain
tuples. Use it only for statements whose *shape* is fixed: anything that changes the SQL text
(an optional filter, a list's length) must be part of the key under which the caller keeps it.
"""

from collections.abc import Callable
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection
from sqlalchemy import Dialect
from sqlalchemy import Select
from sqlalchemy import exc


@dataclass(frozen=True, slots=True)
class _Compiled:
    sql: str
    positional: tuple[str, ...] | None  # parameter order for qmark drivers; None for named
    defaults: dict[str, Any]  # values fixed at build time (constants, OFFSET 0)
    processors: dict[str, Callable[[Any], Any]]


class PreparedSelect:
    """A SELECT built by `build()` and compiled once per dialect; run with `rows(session, ...)`."""

    __slots__ = ("_build", "_compiled")

    def __init__(self, build: Callable[[], Select[Any]]) -> None:
        self._build = build
        self._compiled: dict[str, _Compiled] = {}

    def _compile(self, dialect: Dialect) -> _Compiled:
        compiled = self._build().compile(dialect=dialect)
        if "POSTCOMPILE" in str(compiled):
            # An expanding IN renders its list at execution; give each item its own parameter.
            raise ValueError("a PreparedSelect cannot use an expanding IN (a list of values)")
        processors = {}
        for name, bind in compiled.binds.items():
            processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                processors[name] = processor
        positional = tuple(compiled.positiontup) if compiled.positiontup is not None else None
        entry = _Compiled(
            sql=str(compiled),
            positional=positional,
            defaults={
                name: bind.value
                for name, bind in compiled.binds.items()
                if not bind.required and bind.value is not None
            },
            processors=processors,
        )
        self._compiled[dialect.name] = entry  # a race only compiles the same text twice
        return entry

    def bound(self, dialect: Dialect, params: Mapping[str, Any]) -> tuple[str, Any]:
        """The SQL text for `dialect` and the driver's parameters for these values."""
        compiled = self._compiled.get(dialect.name) or self._compile(dialect)
        values = {**compiled.defaults, **params}
        for name, processor in compiled.processors.items():
            if name in values:
                values[name] = processor(values[name])
        if compiled.positional is not None:
            return compiled.sql, tuple(values[name] for name in compiled.positional)
        return compiled.sql, values

    def rows(self, connection: Connection, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """Plain row tuples for these parameter values, in the connection's transaction."""
        sql, values = self.bound(connection.dialect, params)
        dbapi = connection.dialect.loaded_dbapi
        cursor = connection.connection.cursor()
        try:
            # The engine's own hooks still see the statement (SQLite's statement clock).
            connection.dispatch.before_cursor_execute(connection, cursor, sql, values, None, False)
            cursor.execute(sql, values)
            return cursor.fetchall()
        except dbapi.Error as error:
            # Raised as SQLAlchemy raises it for a statement it ran itself (OperationalError,
            # DataError, ...), so that the error handlers map a statement timeout to 504 and an
            # outage to 503 here too, and a dead connection is not handed out again.
            disconnected = connection.dialect.is_disconnect(error, connection.connection, cursor)
            if disconnected:
                connection.invalidate(error)
            raise exc.DBAPIError.instance(
                sql,
                values,
                error,
                dbapi.Error,
                dialect=connection.dialect,
                connection_invalidated=disconnected,
            ) from error
        finally:
            cursor.close()
