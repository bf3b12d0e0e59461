"""The one rule the contract-fuzzing run applies to "valid data rejected" findings."""

from typing import Any

import pytest

from tests.contract.schemathesis_hooks import filter_failure


class RejectedPositiveData:
    pass


class ServerError:
    pass


class Response:
    def __init__(self, status_code: int, body: Any) -> None:
        self.status_code = status_code
        self._body = body

    def json(self) -> Any:
        return self._body


def error(code: str, *locations: list[str]) -> dict[str, Any]:
    details = [{"loc": loc, "message": "m", "type": "value_error"} for loc in locations]
    return {"error": {"code": code, "message": "m", "details": details}}


BOUND = (
    "Value error, must be at or after 1800-01-01T00:00:00+00:00 and before "
    "3000-01-01T00:00:00+00:00"
)
CALENDAR = {
    "error": {
        "code": "validation_error",
        "message": f"invalid request: query.as_of: {BOUND}",
        "details": [{"loc": ["query", "as_of"], "message": BOUND, "type": "value_error"}],
    }
}
CALENDAR_AND_LIMIT = {
    "error": {
        **CALENDAR["error"],
        "details": [
            *CALENDAR["error"]["details"],
            {"loc": ["query", "limit"], "message": "too big", "type": "value_error"},
        ],
    }
}
UNION = {  # a field whose type is a union: one problem per alternative
    "error": {
        **CALENDAR["error"],
        "details": [
            {"loc": ["body", "published_at", "datetime"], "message": BOUND, "type": "x"},
            {"loc": ["body", "published_at", "number"], "message": "not a number", "type": "x"},
        ],
    }
}
CONTROL = {
    "error": {
        "code": "validation_error",
        "message": "text must not contain NUL (U+0000) or other control characters "
        "(U+0001 to U+001F but tab, line feed and carriage return)",
        "details": [],
    }
}


@pytest.mark.parametrize(
    ("failure", "response", "kept"),
    [
        (RejectedPositiveData(), Response(422, error("validation_error", ["body", "url"])), True),
        (
            RejectedPositiveData(),
            Response(422, error("validation_error", ["query", "limit"])),
            True,
        ),
        (RejectedPositiveData(), Response(422, error("validation_error", ["body"])), False),
        (RejectedPositiveData(), Response(422, error("self_link")), False),
        (
            RejectedPositiveData(),
            Response(422, {"error": {"code": "unknown_reference", "details": [{"field": "x"}]}}),
            False,
        ),
        (RejectedPositiveData(), Response(422, error("invalid_cursor")), False),
        (RejectedPositiveData(), Response(410, error("gone")), False),
        (RejectedPositiveData(), Response(400, error("bad_request")), True),
        (RejectedPositiveData(), Response(422, "not json"), True),
        (ServerError(), Response(422, error("self_link")), True),
        (RejectedPositiveData(), Response(422, CALENDAR), False),
        (RejectedPositiveData(), Response(422, CONTROL), False),
        (RejectedPositiveData(), Response(422, CALENDAR_AND_LIMIT), True),
        (RejectedPositiveData(), Response(422, UNION), False),
    ],
)
def test_only_domain_rules_are_forgiven(failure: Any, response: Response, kept: bool) -> None:
    assert filter_failure(None, failure, None, response) is kept
