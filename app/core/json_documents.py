"""JSON objects rendered by the database as the compact text orjson would produce.

The hot reads (claim lists, details) used to fetch plain columns and build a dict per row in
Python, which orjson then serialised: per row, the tuple, the dicts and their serialisation
cost more than the database takes to write the same object itself. `json_document` makes
the database return each row's finished JSON object (keys in the order given, compact
separators, strings escaped as orjson escapes them), which the service embeds as it is
(`orjson.Fragment`). tests/claims/test_json_shape.py checks the bytes against the Pydantic
models on both databases.

- SQLite: `json_object(...)`. Its string escaping is orjson's: `\\"`, `\\\\`, `\\b \\f \\n \\r
  \\t`, `\\u00XX` (lowercase) for other control characters, everything else as UTF-8.
- PostgreSQL: `json_build_object` writes `{"k" : v}` (spaces), and jsonb reorders keys, so
  the text is concatenated here: `to_json(value)::text` renders each value (same escaping as
  above), keys and separators are literals.

Values are column expressions (text, integers, NULL: `null`); instants and dates go through
`json_instant` / `json_date` first. A value that is itself JSON is a nested `json_document`,
`json_when(condition, document)` (the document or `null`), `json_flag(condition)` (`true` /
`false`) or `json_constant(text)`.
"""

from typing import Any

import orjson
from sqlalchemy import String
from sqlalchemy import literal_column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class json_document(FunctionElement[str]):  # noqa: N801 (used like a SQL function)
    """A JSON object of (key, value) pairs, rendered by the database as compact text."""

    type = String()
    inherit_cache = True

    def __init__(self, *fields: tuple[str, Any]) -> None:
        clauses: list[Any] = []
        for key, value in fields:
            # Keys are names written in this code base, never input: a quoted literal.
            assert key.isidentifier(), key
            clauses += [literal_column(f"'{key}'"), value]
        super().__init__(*clauses)


class json_when(FunctionElement[str]):  # noqa: N801
    """`document` (a `json_document`) where `condition` holds, JSON `null` elsewhere."""

    type = String()
    inherit_cache = True


class json_flag(FunctionElement[str]):  # noqa: N801
    """JSON `true` where `condition` holds, `false` elsewhere."""

    type = String()
    inherit_cache = True


class json_constant(FunctionElement[str]):  # noqa: N801
    """A fixed JSON value (any JSON-ready Python value), the same in every row."""

    type = String()
    inherit_cache = True

    def __init__(self, value: Any) -> None:
        text = orjson.dumps(value).decode()
        super().__init__(literal_column("'" + text.replace("'", "''") + "'"))


_JSON_VALUES = (json_document, json_when, json_flag, json_constant)


def _parts(element: FunctionElement[Any]) -> list[Any]:
    return list(element.clauses)


# ---- SQLite ---------------------------------------------------------------------------------


@compiles(json_document, "sqlite")
def _document_sqlite(element: json_document, compiler: Any, **kw: Any) -> str:
    # A nested json_object / json() keeps its JSON subtype (also through CASE), so it is
    # embedded as an object, not quoted as a string.
    args = ", ".join(compiler.process(part, **kw) for part in _parts(element))
    return f"json_object({args})"


@compiles(json_when, "sqlite")
def _when_sqlite(element: json_when, compiler: Any, **kw: Any) -> str:
    condition, document = (compiler.process(part, **kw) for part in _parts(element))
    return f"CASE WHEN {condition} THEN {document} END"


@compiles(json_flag, "sqlite")
def _flag_sqlite(element: json_flag, compiler: Any, **kw: Any) -> str:
    (condition,) = (compiler.process(part, **kw) for part in _parts(element))
    # json('true') is a constant: SQLite evaluates it once per statement.
    return f"CASE WHEN {condition} THEN json('true') ELSE json('false') END"


@compiles(json_constant, "sqlite")
def _constant_sqlite(element: json_constant, compiler: Any, **kw: Any) -> str:
    (text,) = (compiler.process(part, **kw) for part in _parts(element))
    return f"json({text})"


# ---- PostgreSQL -----------------------------------------------------------------------------


def _pg_value(part: Any, compiler: Any, **kw: Any) -> str:
    sql = compiler.process(part, **kw)
    if isinstance(part, _JSON_VALUES):
        return sql
    return f"coalesce(to_json({sql})::text, 'null')"


@compiles(json_document, "postgresql")
def _document_postgresql(element: json_document, compiler: Any, **kw: Any) -> str:
    parts = _parts(element)
    pieces: list[str] = []
    for index in range(0, len(parts), 2):
        key = parts[index].name.strip("'")
        separator = "{" if index == 0 else ","
        pieces += [f"'{separator}\"{key}\":'", _pg_value(parts[index + 1], compiler, **kw)]
    pieces.append("'}'")
    return "(" + " || ".join(pieces) + ")"


@compiles(json_when, "postgresql")
def _when_postgresql(element: json_when, compiler: Any, **kw: Any) -> str:
    condition, document = (compiler.process(part, **kw) for part in _parts(element))
    return f"(CASE WHEN {condition} THEN {document} ELSE 'null' END)"


@compiles(json_flag, "postgresql")
def _flag_postgresql(element: json_flag, compiler: Any, **kw: Any) -> str:
    (condition,) = (compiler.process(part, **kw) for part in _parts(element))
    return f"(CASE WHEN {condition} THEN 'true' ELSE 'false' END)"


@compiles(json_constant, "postgresql")
def _constant_postgresql(element: json_constant, compiler: Any, **kw: Any) -> str:
    (text,) = (compiler.process(part, **kw) for part in _parts(element))
    return text
