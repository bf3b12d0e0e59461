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
    ],
)
def test_only_domain_rules_are_forgiven(failure: Any, response: Response, kept: bool) -> None:
    assert filter_failure(None, failure, None, response) is kept
