"""/v1/ingest: one article with its claims, or many as NDJSON."""

import tempfile
from typing import Any

from fastapi import APIRouter, Request, Response, status
from starlette.concurrency import run_in_threadpool

from app.core.config import SettingsDep
from app.core.errors import AppError, Invalid, responses
from app.core.metrics import INGEST_ITEMS
from app.ingest import service
from app.ingest.bulk.engine import ingest_stream
from app.ingest.dependencies import EngineDep
from app.ingest.models import BatchResult, IngestPayload, IngestResult, summarise
from app.matching.dependencies import MatcherDep

router = APIRouter(prefix="/ingest", tags=["ingest"], responses=responses(422))

NDJSON_TYPES = frozenset({"application/x-ndjson", "application/ndjson", "application/jsonl"})
_SPOOL_IN_MEMORY = 1024 * 1024


class PayloadTooLarge(AppError):
    status_code = 413
    code = "payload_too_large"


class UnsupportedMediaType(AppError):
    status_code = 415
    code = "unsupported_media_type"


@router.post(
    "",
    name="one",
    status_code=status.HTTP_201_CREATED,
    response_model=IngestResult,
    responses={
        200: {"model": IngestResult, "description": "The article was already stored."},
        **responses(404, 409),
    },
)
def ingest_one(
    payload: IngestPayload,
    response: Response,
    engine: EngineDep,
    matcher: MatcherDep,
    settings: SettingsDep,
) -> IngestResult:
    """Store an article with its outlet and claims in one transaction; safe to re-send.

    Each claim is linked to `claim_id`, else to the existing claim it matches at or above
    `CLAIMS_MATCH_LINK`, else created (with suggestions from `CLAIMS_MATCH_SUGGEST` up). Without a
    stated `origin`, copy detection may link the article to the one it copies or cites.
    201 when the article was created, 200 when it was already stored (a re-send writes nothing).
    """
    result = service.ingest_one(engine, payload=payload, matcher=matcher, settings=settings)
    count_ingested([result], failed=0)
    if not result.article_created:
        response.status_code = status.HTTP_200_OK
    return result


_NDJSON_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "One `IngestPayload` JSON object per line; blank lines are skipped.",
        "content": {
            content_type: {"schema": {"type": "string", "format": "binary"}}
            for content_type in sorted(NDJSON_TYPES)
        },
    }
}


@router.post(
    "/batch",
    name="batch",
    response_model=BatchResult,
    responses=responses(413, 415),
    openapi_extra=_NDJSON_BODY,
)
async def ingest_batch(
    request: Request, engine: EngineDep, matcher: MatcherDep, settings: SettingsDep
) -> BatchResult:
    """Ingest NDJSON, one payload per line, set-based: a chunk of lines per transaction.

    Every line is reported with its number: `status` 201/200 and `result` as POST /v1/ingest
    would answer, or an error status and `error`; a bad line does not stop the others. The body
    is limited to `CLAIMS_INGEST_BATCH_MAX_BYTES` and `CLAIMS_INGEST_BATCH_MAX_LINES` (413).
    """
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in NDJSON_TYPES:
        raise UnsupportedMediaType(
            f"send NDJSON with content-type application/x-ndjson, not {media_type or 'nothing'!r}"
        )
    max_bytes, max_lines = settings.ingest_batch_max_bytes, settings.ingest_batch_max_lines
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(max_bytes)
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY) as spool:
        size = newlines = 0
        last = b"\n"
        async for chunk in request.stream():
            if not chunk:
                continue
            size += len(chunk)
            if size > max_bytes:
                raise _too_large(max_bytes)
            newlines += chunk.count(b"\n")
            last = chunk[-1:]
            spool.write(chunk)
        lines = newlines + (0 if last == b"\n" else 1)
        if lines > max_lines:
            raise PayloadTooLarge(
                f"the batch has {lines} lines; at most {max_lines} are accepted",
                code="too_many_lines",
                details=[{"lines": lines, "max_lines": max_lines}],
            )
        spool.seek(0)
        results = await run_in_threadpool(
            lambda: list(ingest_stream(engine, spool, matcher=matcher, settings=settings))
        )
    if not results:
        raise Invalid("the batch has no payload lines", code="empty_batch")
    done = [line.result for line in results if line.result is not None]
    count_ingested(done, failed=len(results) - len(done))
    return BatchResult(summary=summarise(results), lines=results)


def count_ingested(results: list[IngestResult], *, failed: int) -> None:
    """Prometheus counters (app/core/metrics.py) for committed ingest results."""
    for result in results:
        outcome = "created" if result.article_created else "existing"
        INGEST_ITEMS.labels(entity="article", outcome=outcome).inc()
        for claim in result.claims:
            INGEST_ITEMS.labels(entity="claim", outcome=claim.action.value).inc()
    if failed:
        INGEST_ITEMS.labels(entity="line", outcome="failed").inc(failed)


def _too_large(max_bytes: int) -> PayloadTooLarge:
    return PayloadTooLarge(
        f"the batch is larger than {max_bytes} bytes; split it",
        details=[{"max_bytes": max_bytes}],
    )
