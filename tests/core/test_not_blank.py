"""`_not_blank` (every text field's validator) takes a shorter path for ASCII text: the same
answer, or the same error, as the general path gives."""

import re

import pytest

from app.core.types import _BLANK
from app.core.types import _not_blank


def _general(text: str) -> str:
    if not re.search(f"[^{_BLANK}]", text):
        raise ValueError("must not be blank")
    return " ".join(re.sub("[\u00ad\u180e\u200b\u2060\ufeff]", "", text).split())


@pytest.mark.parametrize(
    "value",
    [
        "plain words",
        "  padded\tand\ttabbed  ",
        "\x1cfile\x1dgroup\x1erecord\x1funit\x0bvertical\x0cfeed\r\n",
        " \t\r\n\x0b\x0c\x1c\x1d\x1e\x1f",
        "",
        "zero\u200bwidth and\u00a0no-break",
        "\u200b\u2060\ufeff",
    ],
)
def test_not_blank_answers_ascii_text_as_it_answers_any_text(value: str) -> None:
    try:
        expected = _general(value)
    except ValueError:
        with pytest.raises(ValueError, match="must not be blank"):
            _not_blank(value)
        return
    assert _not_blank(value) == expected
