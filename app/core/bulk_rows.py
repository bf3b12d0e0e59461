"""Writing many rows of one table at once, as fast as each database allows.

`insert_rows` sends them as `COPY` on PostgreSQL (no statement per row, no parameters to
bind) and as multi-row INSERTs on SQLite; `insert_new` inserts those whose unique key is not
stored yet, and `update_rows` updates rows by id, each as one statement of arrays on
PostgreSQL (a column's values one array parameter, `unnest` makes them rows again); `reserve_ids`
draws a table's next ids before its rows are inserted, so that they go in with their ids.
"""

from collections.abc import Callable
from collections.abc import Sequence
from datetime import UTC
from datetime import datetime
from enum import Enum
from itertools import chain
from itertools import repeat
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON
from sqlalchemy import Connection
from sqlalchemy import Integer
from sqlalchemy import Table
from sqlalchemy import TypeDecorator
from sqlalchemy import bindparam
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.core.columns import UTCDateTime

COPY_FROM = 50  # rows from which a PostgreSQL insert is a COPY
UNNEST_FROM = 8  # rows from which a PostgreSQL update is one statement of arrays
ROWS_PER_INSERT = 100  # rows of one multi-row INSERT on SQLite
_SQLITE_VARIABLES = 999  # parameters of one SQLite statement, at most (the oldest builds' limit)
_SEQUENCES: dict[str, str] = {}  # table -> the sequence of its id (the schema's, as migrated)


def reserve_ids(connection: Connection, table: Table, count: int) -> list[int] | None:
    """`count` ids for the table's next rows, ascending: those its inserts would have drawn,
    in the order they would have drawn them, to insert the rows with. On PostgreSQL from the
    sequence of its `id` (one statement, no row per id). On SQLite, for a table whose `id` is
    its rowid without AUTOINCREMENT, the ids after the largest stored, as SQLite numbers new
    rows; the caller holds the write lock (this app's write transactions BEGIN IMMEDIATE), so
    no other writer's rows come between. None otherwise: the insert assigns them."""
    if count == 0:
        return None
    if connection.dialect.name == "sqlite":
        key = list(table.primary_key.columns)
        if (
            table.kwargs.get("sqlite_autoincrement")
            or [column.name for column in key] != ["id"]
            or type(key[0].type) is not Integer  # INTEGER PRIMARY KEY: the rowid
        ):
            return None
        largest = connection.exec_driver_sql(f'SELECT max(id) FROM "{table.name}"').scalar()
        return list(range((largest or 0) + 1, (largest or 0) + 1 + count))
    if connection.dialect.name != "postgresql":
        return None
    sequence = _SEQUENCES.get(table.name)
    if sequence is None:
        sequence = connection.scalar(
            text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table.name}
        )
        _SEQUENCES[table.name] = sequence
    # The sequence as a constant (a bound regclass), not looked up again for every id.
    return sorted(
        connection.scalars(
            text("SELECT nextval(CAST(:sequence AS regclass)) FROM generate_series(1, :count)"),
            {"sequence": sequence, "count": count},
        )
    )


def insert_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows that all name the same columns: `COPY` on PostgreSQL from COPY_FROM rows
    (no statement per row, no parameters to bind), multi-row INSERTs on SQLite (`_sqlite_insert`),
    one executemany otherwise."""
    if connection.dialect.name == "sqlite" and rows and _sqlite_insert(connection, table, rows):
        return
    if connection.dialect.name != "postgresql" or len(rows) < COPY_FROM:
        connection.execute(table.insert(), rows)
        return
    names = list(rows[0])
    # What the column types would do to each bound value (UTC instants, enums as their values).
    converters = [_converter(table.c[name].type, connection.dialect) for name in names]
    driver = connection.connection.driver_connection
    assert driver is not None
    columns = ", ".join(f'"{name}"' for name in names)
    statement = f'COPY "{table.name}" ({columns}) FROM STDIN'
    driver_error = connection.dialect.loaded_dbapi.Error
    try:
        with (
            driver.cursor() as cursor,  # type: ignore[attr-defined]
            cursor.copy(statement) as copy,
        ):
            for row in rows:
                copy.write_row(
                    [convert(row[name]) for name, convert in zip(names, converters, strict=True)]
                )
    except driver_error as error:
        # The COPY goes past SQLAlchemy, so its errors come bare; raised as SQLAlchemy would
        # raise them, a race the COPY lost (deadlock, a row a concurrent writer removed) is
        # re-run by the one retry policy instead of sending the chunk down the line-by-line
        # path, and an outage is answered as one.
        raise DBAPIError.instance(statement, None, error, driver_error) from error


_NOT_YET = object()


def _sqlite_insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> bool:
    """SQLite: the rows the executemany of `table.insert()` would insert, in the same order, as
    multi-row INSERTs, each value bound through its column type's own bind processor, as
    SQLAlchemy binds it, but without SQLAlchemy's work per row and parameter (the rows' writing
    in an import: 1.89 CPU s against 2.14, docs/benchmarks.md, seventeenth pass). A processor
    asked the same value as the row before (the instants every row of a chunk shares) answers
    from the last call. The values must be plain values, not SQL expressions. False, leaving
    the rows to `table.insert()`, when an unnamed column has a default computed per row."""
    names = list(rows[0])
    given = set(names)
    defaults: list[tuple[str, Any]] = []
    for column in table.c:
        if column.name in given or column.default is None:
            continue
        if not column.default.is_scalar:  # type: ignore[attr-defined]
            return False
        defaults.append((column.name, column.default.arg))  # type: ignore[attr-defined]
    columns = names + [name for name, _ in defaults]
    listed = ", ".join(f'"{name}"' for name in columns)
    marks = "(" + ", ".join("?" for _ in columns) + ")"
    parameters = _sqlite_parameters(connection, table, names, rows, defaults)
    # Rows of one INSERT: SQLite's per-statement work (a step and a reset per row, and for an
    # AUTOINCREMENT table its sequence read and written each time) once per ROWS_PER_INSERT
    # rows instead of once per row. The rows go in in the same order, each firing its row
    # triggers in turn, so they get the same rowids and leave the same rows.
    per = max(1, min(ROWS_PER_INSERT, _SQLITE_VARIABLES // len(columns)))
    for start in range(0, len(parameters), per):
        part = parameters[start : start + per]
        connection.exec_driver_sql(
            f'INSERT INTO "{table.name}" ({listed}) VALUES {", ".join([marks] * len(part))}',
            tuple(chain.from_iterable(part)),
        )
    return True


def _sqlite_parameters(
    connection: Connection,
    table: Table,
    names: list[str],
    rows: list[dict[str, Any]],
    fixed: Sequence[tuple[str, Any]] = (),
) -> list[tuple[Any, ...]]:
    """SQLite: the rows' values of the named columns, then the `fixed` (column, value) pairs,
    each bound through its column type's processor, one tuple per row. Column by column (a
    column's values through its processor in one `map`), then back to rows: a generator per
    row and a call per value cost more than the rows' binding."""
    dialect = connection.dialect
    processors = [_last_remembered(table.c[name].type, dialect) for name in names]
    values_of = itemgetter(*names)
    given = (
        zip(*(values_of(row) for row in rows), strict=True)
        if len(names) > 1
        else [[row[names[0]] for row in rows]]
    )
    bound: list[Any] = [
        values if convert is None else list(map(convert, values))
        for values, convert in zip(given, processors, strict=True)
    ]
    for name, value in fixed:
        convert = _last_remembered(table.c[name].type, dialect)
        bound.append(repeat(value if convert is None else convert(value), len(rows)))
    return list(zip(*bound, strict=True))


def _last_remembered(type_: Any, dialect: Any) -> Callable[[Any], Any] | None:
    """The type's bind processor for the dialect (None when it binds values as they are),
    remembering its last answer: rows of one insert share their instants."""
    process = (
        sqlite_utc_text
        if dialect.name == "sqlite" and isinstance(type_, UTCDateTime)
        else type_.dialect_impl(dialect).bind_processor(dialect)
    )
    if process is None:
        return None
    last: list[Any] = [_NOT_YET, None]

    def convert(value: Any) -> Any:
        if value is not last[0]:
            last[0], last[1] = value, process(value)
        return last[1]

    return convert


def sqlite_utc_text(value: datetime | None) -> str | None:
    """What `UTCDateTime` binds on SQLite (the instant in UTC, naive) as SQLite's DATETIME then
    writes it (`YYYY-MM-DD HH:MM:SS.ffffff`), in one step: `isoformat` pads the year and the
    microseconds as that format does, at a fifth of its cost (the instants of an import's
    articles and events; tests/core/test_bulk_rows.py holds the two equal)."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime given where a timezone-aware one is required")
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def insert_new(
    connection: Connection, table: Table, rows: list[dict[str, Any]], key: str
) -> dict[Any, int]:
    """PostgreSQL: insert the rows (all naming the same columns) whose unique `key` is not
    stored yet (ON CONFLICT DO NOTHING), as one statement whatever their number (the rows in
    their order). A multi-row VALUES binds a parameter per column and row, and planning the
    thousands of them was most of the statement's cost. Returns the ids inserted, by key."""
    names = list(rows[0])
    arrays, parameters = _arrays(connection, table, names, rows)
    columns = ", ".join(f'"{name}"' for name in names)
    statement = text(
        f'INSERT INTO "{table.name}" ({columns}) SELECT * FROM unnest({arrays}) '
        f'ON CONFLICT ("{key}") DO NOTHING RETURNING "id", "{key}"'
    )
    return {row[1]: row[0] for row in connection.execute(statement, parameters)}


def update_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Set the columns the rows name (all the same ones, and `id`) on the rows of those ids:
    one statement of arrays on PostgreSQL from a few rows on, one executemany otherwise (on
    SQLite without SQLAlchemy's work per row, as `_sqlite_insert`)."""
    names = [name for name in rows[0] if name != "id"]
    if connection.dialect.name == "sqlite" and names:
        # The executemany `table.update()` sends below, bound as `_sqlite_insert` binds.
        assignments = ", ".join(f'"{name}" = ?' for name in names)
        connection.exec_driver_sql(
            f'UPDATE "{table.name}" SET {assignments} WHERE "id" = ?',
            _sqlite_parameters(connection, table, [*names, "id"], rows),  # type: ignore[arg-type]
        )
        return
    if connection.dialect.name != "postgresql" or len(rows) < UNNEST_FROM:
        statement = (
            table.update()
            .where(table.c.id == bindparam("pk"))
            .values({name: bindparam(name) for name in names})
        )
        # Not `id` among the parameters: SQLAlchemy would SET every column a parameter names,
        # and setting the key (even to itself) locks the row FOR UPDATE, which waits for any
        # writer holding it FOR KEY SHARE (a foreign key check of a concurrent insert).
        connection.execute(
            statement, [{"pk": row["id"], **{name: row[name] for name in names}} for row in rows]
        )
        return
    arrays, parameters = _arrays(connection, table, ["id", *names], rows)
    assignments = ", ".join(f'"{name}" = v."{name}"' for name in names)
    columns = ", ".join(f'"{name}"' for name in ["id", *names])
    connection.execute(
        text(
            f'UPDATE "{table.name}" SET {assignments} FROM unnest({arrays}) AS v({columns}) '
            f'WHERE "{table.name}"."id" = v."id"'
        ),
        parameters,
    )


def _arrays(
    connection: Connection, table: Table, names: list[str], rows: list[dict[str, Any]]
) -> tuple[str, dict[str, list[Any]]]:
    """The rows' columns as typed array parameters: the SQL that names them, and their values."""
    dialect = connection.dialect
    arrays = ", ".join(
        f"CAST(:p{i} AS {table.c[name].type.compile(dialect=dialect)}[])"
        for i, name in enumerate(names)
    )
    parameters = {}
    for i, name in enumerate(names):
        convert = _converter(table.c[name].type, dialect)
        parameters[f"p{i}"] = [convert(row[name]) for row in rows]
    return arrays, parameters


def _converter(type_: Any, dialect: Any) -> Callable[[Any], Any]:
    bind = None
    if isinstance(type_, TypeDecorator):
        bind = type_.bind_processor(dialect)
    elif isinstance(type_, JSON):  # the driver's JSON wrapper, serialised as a bound value is
        bind = type_.dialect_impl(dialect).bind_processor(dialect)

    def convert(value: Any) -> Any:
        if value is None:
            return None
        if bind is not None:
            value = bind(value)
        return value.value if isinstance(value, Enum) else value

    return convert
