"""What every table shares: the metadata and its naming convention, the UTC instant column,
and SQL expressions that render instants and dates as the JSON text Pydantic would produce."""

from collections.abc import Mapping
from datetime import UTC
from datetime import datetime
from typing import Any
from typing import TypeVar

from sqlalchemy import DateTime
from sqlalchemy import MetaData
from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator
from sqlmodel import SQLModel

# One naming convention for every constraint, so migrations and autogenerate agree on names.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata
Row = TypeVar("Row")


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


def apply_changes(row: Row, changes: Mapping[str, Any]) -> Row:
    """Set a PATCH's fields on a row and stamp its `updated_at`: every update verb's last step
    before the flush (the verbs check and derive the fields first)."""
    for name, value in changes.items():
        setattr(row, name, value)
    row.updated_at = utcnow()  # type: ignore[attr-defined]
    return row


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
