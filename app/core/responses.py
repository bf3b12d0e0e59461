"""`JSONBody`: the response for hot read paths that build JSON-ready dicts themselves.

FastAPI validates a returned model against `response_model` and serialises it; for lists of
plain rows that validation is most of a request's cost and buys nothing, because the service
already built exactly the documented shape (tests compare it with the Pydantic models byte for
byte). Routes keep `response_model=` so the OpenAPI schema still documents the shape.
"""

from typing import Any

import orjson
from starlette.responses import Response

# Pydantic renders UTC datetimes as `2025-05-29T09:00:00Z`; OPT_UTC_Z makes orjson do the same.
_OPTIONS = orjson.OPT_UTC_Z


class JSONBody(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json_bytes(content)


def json_bytes(content: Any) -> bytes:
    """`content` as the JSON bytes `JSONBody` would send (for rendering off the event loop)."""
    return orjson.dumps(content, option=_OPTIONS)


class RenderedJSON(Response):
    """Bytes already rendered by `json_bytes`, sent as they are."""

    media_type = "application/json"
