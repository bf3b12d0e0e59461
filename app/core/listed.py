"""`column IN (values)` for a list bound at execution, as each database takes it cheapest.

`listed(column, "name")` is `column IN (...)` with an expanding parameter (one placeholder per
value) on SQLite, and `column = ANY(:name)` with one array parameter on PostgreSQL; the caller
binds a list under `name` either way. An expanding IN of a chunk's hundreds or thousands of
values made a statement text of its own for every length: psycopg parsed each anew (its cache
keeps short texts only), prepared none, and the server planned each list (docs/benchmarks.md,
"Bulk ingest, nineteenth pass"). The array keeps one text per statement, so psycopg's caches
and prepared statements serve every call. The rows are the same: `= ANY` of an array is how
PostgreSQL itself plans an IN list.
"""

from typing import Any

from sqlalchemy import any_
from sqlalchemy import bindparam
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal


class _Listed(ColumnElement[bool]):
    """The two forms, of which the dialect's compiler renders one."""

    inherit_cache = True
    _traverse_internals = [
        ("expanded", InternalTraversal.dp_clauseelement),
        ("array", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, column: Any, name: str) -> None:
        self.expanded = column.in_(bindparam(name, expanding=True))
        self.array = column == any_(bindparam(name, type_=ARRAY(column.type)))


@compiles(_Listed)
def _expanded(element: _Listed, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.expanded, **kw))


@compiles(_Listed, "postgresql")
def _array(element: _Listed, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.array, **kw))


def listed(column: Any, name: str) -> ColumnElement[bool]:
    """`column` is one of the list bound as `name` (see the module docstring)."""
    return _Listed(column, name)
