"""The database renders JSON objects (app/core/json_documents.py) exactly as orjson does.

The hot reads send the database's text as it is, so any difference in escaping, number form,
key order, nesting or separators would reach clients; tests/claims/test_json_shape.py checks
whole responses against the models, this one every character that escaping treats apart.
"""

from typing import Any

import orjson
import pytest
from sqlalchemy import BigInteger
from sqlalchemy import Engine
from sqlalchemy import String
from sqlalchemy import bindparam
from sqlalchemy import cast
from sqlalchemy import select

from app.core.json_documents import json_constant
from app.core.json_documents import json_document
from app.core.json_documents import json_flag
from app.core.json_documents import json_when
from app.core.responses import json_bytes

# Every ASCII character (NUL aside: PostgreSQL text cannot hold it), the escapes orjson
# shortens (\b \f \n \r \t), DEL, the line separators JavaScript minds, non-BMP, quotes.
EVERY_KIND = "".join(chr(c) for c in range(1, 128)) + "\u2028\u2029 é 日本 😀 \"'\\/ \x7f"
STRINGS = [EVERY_KIND, "", " ", "null", "true", "0", '{"a":1}', "\\", '\\\\"', "ü" * 300]
NUMBERS = [0, 1, -1, 2**31, 2**53, -(2**62)]


def _text(value: str) -> Any:
    return cast(bindparam(None, value, type_=String), String)


def _number(value: int) -> Any:
    return cast(bindparam(None, value, type_=BigInteger), BigInteger)


def _rendered(engine: Engine, document: Any) -> str:
    with engine.connect() as connection:
        return connection.execute(select(document)).scalar_one()


@pytest.mark.parametrize("value", STRINGS)
def test_strings_are_escaped_as_orjson_escapes_them(engine: Engine, value: str) -> None:
    document = json_document(("s", _text(value)), ("nested", json_document(("s", _text(value)))))
    expected = orjson.dumps({"s": value, "nested": {"s": value}}).decode()
    assert _rendered(engine, document) == expected


def test_numbers_nulls_flags_constants_and_optional_objects(engine: Engine) -> None:
    constant = {"collapse": ["syndicates", "cites"], "as_of": None, "quote": "it's"}
    document = json_document(
        *((f"n{i}", _number(n)) for i, n in enumerate(NUMBERS)),
        ("missing", cast(bindparam(None, None, type_=String), String)),
        ("yes", json_flag(_number(1) == 1)),
        ("no", json_flag(_number(1) == 2)),
        ("present", json_when(_number(1) == 1, json_document(("a", _number(5))))),
        ("absent", json_when(_number(1) == 2, json_document(("a", _number(5))))),
        ("constant", json_constant(constant)),
    )
    expected = {
        **{f"n{i}": n for i, n in enumerate(NUMBERS)},
        "missing": None,
        "yes": True,
        "no": False,
        "present": {"a": 5},
        "absent": None,
        "constant": constant,
    }
    assert _rendered(engine, document) == orjson.dumps(expected).decode()


def test_a_rendered_document_is_embedded_as_it_is(engine: Engine) -> None:
    text = _rendered(engine, json_document(("s", _text(EVERY_KIND))))
    page = {"items": [orjson.Fragment(text)], "next_cursor": None}
    assert json_bytes(page) == orjson.dumps({"items": [{"s": EVERY_KIND}], "next_cursor": None})
