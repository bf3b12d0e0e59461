"""`reject_control_characters` searches the document's JSON text first: the same verdicts as a
search of every string, whatever orjson escapes (a backslash before "b" is no backspace)."""

import pytest

from app.core.types import reject_control_characters


@pytest.mark.parametrize(
    ("document", "refused"),
    [
        ({"text": "plain", "n": [1, 2.5, None, True]}, False),
        ({"text": "tab\tline\nreturn\r"}, False),
        ({"text": "a \\b and \\f and \\u0000, written out"}, False),
        ({"text": "bell\x07"}, True),
        ({"text": "backspace\x08"}, True),
        ({"text": "form feed\x0c"}, True),
        ({"key\x1f": "value"}, True),
        ({"list": ["ok", ["nested\x00"]]}, True),
        ({"surrogate": "\ud800", "text": "unit\x1e"}, True),  # orjson refuses: strings one by one
        ({"surrogate": "\ud800"}, False),
        ({1: "a key that is not a string\x01"}, True),
    ],
)
def test_the_same_verdict_as_a_search_of_every_string(document: object, refused: bool) -> None:
    if refused:
        with pytest.raises(ValueError, match="control characters"):
            reject_control_characters(document)
    else:
        assert reject_control_characters(document) is document
