"""/v1/imports: an NDJSON upload larger than a batch, ingested by a background job."""

import os
import tempfile
import uuid
from pathlib import Path
from typing import Annotated
from typing import Any

import orjson
from fastapi import APIRouter
from fastapi import Path as PathParam
from fastapi import Request
from fastapi import Response
from fastapi import status
from starlette.concurrency import run_in_threadpool

from app.core.config import SettingsDep
from app.core.db import SessionDep
from app.core.errors import Invalid
from app.core.errors import PayloadTooLarge
from app.core.errors import responses
from app.core.pagination import Page
from app.core.pagination import PageDep
from app.core.types import MAX_ID
from app.core.unit_of_work import run_transaction
from app.ingest.dependencies import EngineDep
from app.ingest.imports import service
from app.ingest.imports.models import ImportErrorPublic
from app.ingest.imports.models import ImportPublic
from app.ingest.imports.tasks import RUN
from app.ingest.media import check_media_type
from app.ingest.media import ndjson_body
from app.jobs import enqueue

ImportId = Annotated[int, PathParam(ge=1, le=MAX_ID, description="The import job's id.")]
router = APIRouter(prefix="/imports", tags=["imports"], responses=responses(422))

_UPLOAD = ndjson_body(
    "One `IngestPayload` JSON object per line (as POST /v1/ingest/batch); blank lines are "
    "skipped. At most `CLAIMS_IMPORTS_MAX_BYTES`."
)


@router.post(
    "",
    name="create",
    status_code=status.HTTP_202_ACCEPTED,
    responses=responses(413, 415),
    openapi_extra=_UPLOAD,
)
async def create_import(
    request: Request, response: Response, engine: EngineDep, settings: SettingsDep
) -> ImportPublic:
    """Store an NDJSON upload and ingest it in the background; answers at once with the job.

    The upload may be far larger than a batch (`CLAIMS_IMPORTS_MAX_BYTES`, 413 beyond); it is
    written to disk as it arrives. A job then ingests it a chunk at a time exactly as
    POST /v1/ingest/batch would, surviving restarts; follow it at GET /v1/imports/{id} and read
    refused lines at GET /v1/imports/{id}/errors. 422 when the body has no line or does not
    start with a JSON object (not NDJSON at all); a bad line further on is reported, not refused.
    """
    check_media_type(request.headers.get("content-type"))
    directory = Path(settings.imports_directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"upload-{uuid.uuid4().hex}.ndjson"
    try:
        first = await _store(request, path, settings.imports_max_bytes)
        _check_first_line(first)
        job = await run_in_threadpool(_create_job, engine, path, settings.db_retry_attempts)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    assert job.id is not None
    enqueue(settings, RUN, job.id)
    response.headers["Location"] = f"/v1/imports/{job.id}"
    return service.public(job)


async def _store(request: Request, path: Path, max_bytes: int) -> bytes:
    """Write the body to `path`; returns its first non-blank line (up to 64 KiB of it)."""
    size = 0
    head = b""
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as spool:
        try:
            async for chunk in request.stream():
                size += len(chunk)
                if size > max_bytes:
                    raise PayloadTooLarge(
                        f"the upload is larger than {max_bytes} bytes; split it",
                        details=[{"max_bytes": max_bytes}],
                    )
                if len(head) < 65536:
                    head += chunk[:65536]
                spool.write(chunk)
            spool.flush()
            os.fsync(spool.fileno())
        except BaseException:
            os.unlink(spool.name)
            raise
    os.replace(spool.name, path)
    for line in head.splitlines():
        if line.strip():
            return line.strip()
    return b""


def _check_first_line(first: bytes) -> None:
    if not first:
        raise Invalid("the upload has no payload lines", code="empty_batch")
    if not first.startswith(b"{"):
        raise Invalid(
            "the upload is not NDJSON: its first line is not a JSON object",
            code="invalid_ndjson",
            details=[{"line": 1, "starts_with": first[:40].decode("utf-8", "replace")}],
        )
    try:
        orjson.loads(first)
    except orjson.JSONDecodeError:
        return  # a long or broken first line is that line's error, reported by the job


def _create_job(engine: Any, path: Path, attempts: int) -> Any:
    return run_transaction(
        engine,
        lambda session: service.create(
            session, source=path.resolve(), key=f"upload:{path.name}", uploaded=True
        ),
        attempts=attempts,
    )


@router.get("/{import_id}", name="get", responses=responses(404))
def get_import(import_id: ImportId, session: SessionDep) -> ImportPublic:
    """The import's state and progress: bytes and lines done, lines ingested and refused."""
    return service.public(service.get(session, job_id=import_id))


@router.get("/{import_id}/errors", name="errors", responses=responses(404))
def import_errors(
    import_id: ImportId, page: PageDep, session: SessionDep
) -> Page[ImportErrorPublic]:
    """The refused lines, in line order: number, status and the usual error body."""
    return service.errors(session, job_id=import_id, page=page)
