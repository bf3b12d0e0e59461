"""Cursor pagination: opaque keyset cursors and the `Page[T]` response. Never OFFSET."""

import base64
import binascii
import math
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Annotated
from typing import Any
from typing import Generic
from typing import Literal
from typing import TypeVar

import orjson
from fastapi import Depends
from fastapi import Query
from pydantic import BaseModel
from pydantic import Field
from sqlalchemy import ColumnElement
from sqlalchemy import Select
from sqlalchemy import and_
from sqlalchemy import false
from sqlalchemy import or_

from app.core.errors import AppError

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class InvalidCursor(AppError, status=422, code="invalid_cursor"):
    """A cursor that this list did not issue, or one from another sort or filter."""


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        description="Pass as `cursor` to get the next page; null on the last page."
    )


@dataclass(frozen=True, slots=True)
class PageParams:
    limit: int
    cursor: str | None


# async: pure parsing, so FastAPI runs it on the event loop instead of a worker thread.
async def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = DEFAULT_LIMIT,
    cursor: Annotated[
        str | None, Query(max_length=1000, description="`next_cursor` from the previous page.")
    ] = None,
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor)


PageDep = Annotated[PageParams, Depends(page_params)]


async def export_cursor(
    cursor: Annotated[
        str | None,
        Query(max_length=1000, description="`X-Next-Cursor` from the previous page."),
    ] = None,
) -> str | None:
    return cursor


# The cursor alone, for exports: a keyed export is never paged, an anonymous one has a fixed size.
ExportCursorDep = Annotated[str | None, Depends(export_cursor)]


def encode_cursor(kind: str, position: Sequence[Any]) -> str:
    """An opaque token naming the ordering it belongs to and the last row's sort key."""
    raw = orjson.dumps({"k": kind, "p": [_plain(value) for value in position]})
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def decode_cursor(
    token: str, kind: str, types: Sequence[type], *, nullable_key: bool = False
) -> list[Any]:
    """The sort key inside a cursor made by `encode_cursor` for the same ordering.

    `types` gives each position's type (int, float, str or datetime). With `nullable_key` the
    first value may also be null, which marks the null segment of a nullable sort key; no
    other value may be (a forged null would reach the query as a comparison with NULL).
    """
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        payload = orjson.loads(raw)
    except (binascii.Error, ValueError, orjson.JSONDecodeError) as exc:
        raise InvalidCursor("cursor is not one this service issued") from exc
    if not isinstance(payload, dict) or payload.get("k") != kind:
        raise InvalidCursor("cursor belongs to a different listing or sort order")
    position = payload.get("p")
    if not isinstance(position, list) or len(position) != len(types):
        raise InvalidCursor("cursor is not one this service issued")
    if any(value is None for value in position[1 if nullable_key else 0 :]):
        raise InvalidCursor("cursor is not one this service issued")
    return [_typed(value, expected) for value, expected in zip(position, types, strict=True)]


def _typed(value: Any, expected: type) -> Any:
    if value is None:
        return None
    if expected is int and isinstance(value, int) and not isinstance(value, bool):
        if -(2**31) <= value < 2**31:
            return value
    elif expected is float and isinstance(value, int | float) and not isinstance(value, bool):
        # JSON keeps the shortest repr that round-trips, so a float key comes back exact.
        if math.isfinite(value):
            return float(value)
    elif expected is str and isinstance(value, str):
        return value
    elif expected is datetime and isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
            # In UTC, as the cursor was written: a forged offset at either end of the
            # calendar (9999-12-31T23:59:59-14:00) would overflow later, in the query.
            if parsed.tzinfo is not None:
                return parsed.astimezone(UTC)
        except (ValueError, OverflowError):
            pass
    raise InvalidCursor("cursor is not one this service issued")


Direction = Literal["asc", "desc"]


def after(keys: Sequence[tuple[ColumnElement[Any], Direction]], values: Sequence[Any]) -> Any:
    """The keyset predicate selecting rows strictly after `values` in the order `keys`.

    Works for mixed directions (k1 desc, k2 asc): k1 <= v1 AND ((k1 < v1) OR (k1 = v1 AND k2 > v2)).
    """
    clauses = []
    for i, (column, direction) in enumerate(keys):
        equal_prefix = [keys[j][0] == values[j] for j in range(i)]
        beyond = column > values[i] if direction == "asc" else column < values[i]
        clauses.append(and_(*equal_prefix, beyond))
    if not clauses:
        return false()
    # The leading bound is implied by the OR, but stated on its own it lets the database seek
    # the sort index to the position instead of walking every earlier row (deep pages).
    first, direction = keys[0]
    bound = first >= values[0] if direction == "asc" else first <= values[0]
    return and_(bound, or_(*clauses))


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
Fetch = Callable[[bool, Sequence[Any] | None, int], list[Any]]


@dataclass(frozen=True, slots=True)
class Keyset:
    """One keyset order of a list, and everything its pages need: the ORDER BY, the WHERE that
    starts after a cursor, the cursor itself, and the same order in Python.

    `keys` are (column, direction) pairs whose last column is unique (the tie-break); `types`
    are the cursor values' types, in the same order; `kind` names the order inside cursors, so
    a cursor of another list or order is refused. With `nullable`, the first key may be NULL:
    those rows come last, ordered by the other keys (a segment of their own, whose cursors
    carry a null first value).
    """

    kind: str
    keys: tuple[tuple[Any, Direction], ...]
    types: tuple[type, ...]
    nullable: bool = False

    def position(self, cursor: str | None) -> list[Any] | None:
        """The sort key the cursor continues after (None: from the start)."""
        if cursor is None:
            return None
        return decode_cursor(cursor, self.kind, self.types, nullable_key=self.nullable)

    def ordered(
        self, query: Select[Any], *, after_values: Sequence[Any] | None, null_segment: bool = False
    ) -> Select[Any]:
        """`query` in this order, after `after_values` (values or bind parameters) if given;
        for a nullable key, only the rows with a key or (`null_segment`) only those without."""
        keys = self.keys
        if self.nullable:
            first = keys[0][0]
            if null_segment:
                query = query.where(first.is_(None))
                keys = keys[1:]
            else:
                query = query.where(first.is_not(None))
        query = query.order_by(*(c.desc() if d == "desc" else c.asc() for c, d in keys))
        if after_values is not None:
            query = query.where(after(keys, after_values))
        return query

    def seek(self, query: Select[Any], page: PageParams) -> Select[Any]:
        """The statement for one page of `query` (one row more, to see whether more follow)."""
        assert not self.nullable, "a nullable key reads two segments: use `rows`"
        return self.ordered(query, after_values=self.position(page.cursor)).limit(page.limit + 1)

    def rows(self, fetch: Fetch, position: Sequence[Any] | None, wanted: int) -> list[Any]:
        """Up to `wanted` rows after `position`: `fetch(null_segment, after_values, limit)`
        runs one segment's statement (see `ordered`); with a nullable key the keyed segment
        comes first, then the rows without a key."""
        in_null_segment = self.nullable and position is not None and position[0] is None
        found: list[Any] = []
        if not in_null_segment:
            found = fetch(False, position, wanted)
        if self.nullable and len(found) < wanted:
            after_values = position[1:] if in_null_segment and position is not None else None
            found += fetch(True, after_values, wanted - len(found))
        return found

    def page(
        self, rows: list[Any], limit: int, key: Callable[[Any], Sequence[Any]]
    ) -> tuple[list[Any], str | None]:
        """The first `limit` rows and the cursor after the last of them, if more rows follow;
        `key(row)` is a row's sort key (the cursor values, in the order of `keys`)."""
        if len(rows) <= limit:
            return rows, None
        rows = rows[:limit]
        return rows, encode_cursor(self.kind, key(rows[-1]))

    def sort_key(self, values: Sequence[Any]) -> tuple[Any, ...]:
        """The Python twin of the SQL order, for rows ordered in memory: tuples of these sort
        as the statement would (a null first key last, descending keys reversed)."""
        parts: list[Any] = []
        for (_, direction), value in zip(self.keys, values, strict=True):
            if value is None:
                parts += [1, 0]
                continue
            number = (value - _EPOCH) // _MICROSECOND if isinstance(value, datetime) else value
            parts += [0, -number if direction == "desc" else number]
        return tuple(parts)
