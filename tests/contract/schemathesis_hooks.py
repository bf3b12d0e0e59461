"""schemathesis hooks for `.ci/checks/20-schemathesis.sh` (loaded through SCHEMATHESIS_HOOKS).

One rule, the same for every operation present and future: a 422 whose error code is not
`validation_error` is a domain rule that no schema can state (an article cannot cite itself,
a copy cannot precede its origin, a cursor must be one this service issued). Schema-valid
data may break such a rule, so those 422s are not "valid data rejected". Every
`validation_error` 422 on schema-valid data still fails the run: it means the OpenAPI
document promises something the API refuses.

And 410 Gone (a revoked key) is, like 404, a statement about state, not about the request.

Likewise a `validation_error` whose every problem is located at the whole body (`loc` is
`["body"]`): that is a rule relating several fields (a review needs a textual rating or a
rating value; worst rating below best), which a JSON schema cannot state field by field. A
problem located at a field (`["body", "url"]`, `["query", "limit"]`) still fails the run.

And two rules of issue 20 that hold for every field and that the schema cannot state: an
instant must lie in the service's calendar (1800-01-01 up to 3000-01-01; a publication time
at most a day ahead), which `format: date-time` has no way to bound; and no text anywhere may
hold a control character (U+0000 to U+001F but tab, LF, CR), in any string of any body, query
or header. A `validation_error` every problem of which is one of these is forgiven; any other
problem in the same answer (at another field) still fails the run.
"""

import json
from typing import Any

import schemathesis

# The messages of those two rules (app/core/types.py, app/core/middleware.py).
UNSTATABLE = (
    "must be at or after 1800-01-01",  # instants
    "must be on or after 1800-01-01",  # calendar dates
    "must not contain NUL (U+0000)",
)


def _unstatable(message: object) -> bool:
    return isinstance(message, str) and any(rule in message for rule in UNSTATABLE)


@schemathesis.serializer("application/x-ndjson")
def ndjson(_context: Any, value: Any) -> bytes:
    """NDJSON bodies (batch ingest): a list becomes one JSON document per line."""
    lines = value if isinstance(value, list) else [value]
    return b"".join(json.dumps(line).encode() + b"\n" for line in lines)


@schemathesis.hook
def filter_failure(context: Any, failure: Any, case: Any, response: Any) -> bool:
    if type(failure).__name__ != "RejectedPositiveData":
        return True
    if response.status_code == 410:
        return False
    if response.status_code != 422:
        return True
    try:
        error = response.json()["error"]
        if error["code"] != "validation_error":
            return False  # a domain rule (its details have their own shape)
        details = error["details"]
        # Every field with a problem has one of those rules among its problems (a field whose
        # type is a union reports one problem per alternative).
        ruled = {tuple(d["loc"][:2]) for d in details if _unstatable(d.get("message"))}
        if details and all(tuple(d["loc"][:2]) in ruled for d in details):
            return False
        if not details and _unstatable(error.get("message")):
            return False
        locations = [tuple(detail["loc"]) for detail in details]
    except (ValueError, KeyError, TypeError, AttributeError):
        return True
    return not (locations and all(loc == ("body",) for loc in locations))
