"""/v1/ingest: one article with its claims, or many as NDJSON."""

import tempfile

from fastapi import APIRouter
from fastapi import Request
from fastapi import Response
from fastapi import status
from starlette.concurrency import run_in_threadpool

from app.core.config import SettingsDep
from app.core.errors import Invalid
from app.core.errors import PayloadTooLarge
from app.core.errors import responses
from app.core.metrics import INGEST_ITEMS
from app.core.routing import create_route
from app.ingest import service
from app.ingest.bulk.engine import ingest_stream
from app.ingest.dependencies import EngineDep
from app.ingest.media import check_media_type
from app.ingest.media import ndjson_body
from app.ingest.models import BatchResult
from app.ingest.models import IngestPayload
from app.ingest.models import IngestResult
from app.ingest.models import summarise
from app.matching.dependencies import MatcherDep

router = APIRouter(prefix="/ingest", tags=["ingest"], responses=responses(422))

_SPOOL_IN_MEMORY = 1024 * 1024


@create_route(
    router,
    "",
    name="one",
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


_NDJSON_BODY = ndjson_body(
    "NDJSON: one `IngestPayload` JSON object per line; blank lines are skipped."
)


@router.post(
    "/batch",
    name="batch",
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
    check_media_type(request.headers.get("content-type"))
    max_bytes, max_lines = settings.ingest_batch_max_bytes, settings.ingest_batch_max_lines
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise PayloadTooLarge.over(max_bytes, what="the batch (split it)")
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY) as spool:
        size = newlines = 0
        last = b"\n"
        async for chunk in request.stream():
            if not chunk:
                continue
            size += len(chunk)
            if size > max_bytes:
                raise PayloadTooLarge.over(max_bytes, what="the batch (split it)")
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
            lambda: list(
                ingest_stream(
                    engine,
                    spool,
                    matcher=matcher,
                    settings=settings,
                    chunk_lines=settings.ingest_chunk_lines,
                )
            )
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
