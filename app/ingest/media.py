"""The body types NDJSON uploads are accepted in (POST /v1/ingest/batch, POST /v1/imports)."""

from typing import Any

from app.core.errors import AppError

NDJSON_TYPES = frozenset({"application/x-ndjson", "application/ndjson", "application/jsonl"})
# What generated clients send for a body of bytes (openapi-python-client, for one, supports no
# NDJSON type): accepted too, and the one type the schema names, so the operation is generated.
BYTES_TYPE = "application/octet-stream"
ACCEPTED_TYPES = NDJSON_TYPES | {BYTES_TYPE}


class UnsupportedMediaType(AppError, status=415, code="unsupported_media_type"):
    """A body declared in a media type the endpoint does not read."""


def check_media_type(content_type: str | None) -> None:
    """415 unless the body is declared NDJSON (or bytes, as generated clients send it)."""
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type not in ACCEPTED_TYPES:
        raise UnsupportedMediaType(
            f"send NDJSON with content-type application/x-ndjson, not {media_type or 'nothing'!r}"
        )


def ndjson_body(description: str) -> dict[str, Any]:
    """The OpenAPI request body of an NDJSON upload, declared as the bytes clients send."""
    return {
        "requestBody": {
            "required": True,
            "description": description
            + " Sent as `application/x-ndjson` (or `application/ndjson`, `application/jsonl`), "
            "or as `application/octet-stream`, the type generated clients use for bytes.",
            "content": {BYTES_TYPE: {"schema": {"type": "string", "format": "binary"}}},
        }
    }
