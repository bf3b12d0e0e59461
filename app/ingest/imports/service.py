"""Import jobs: create, claim (each job runs once), run resumably, report progress and errors.

A job reads its source from `bytes_done` on, in chunks through the set-based engine; each
chunk's rows, the job's progress and the chunk's failed lines commit in one transaction
(`ingest_chunk(record=...)`), so after a crash (kill -9 included) every line is fully in or out
and the job goes on from the first chunk that did not commit. Running a job's chunks again is
harmless anyway: a re-sent line writes nothing.
"""

import hashlib
import logging
from collections.abc import Callable
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy import update
from sqlmodel import Session

from app.core import statistics
from app.core.columns import utcnow
from app.core.config import Settings
from app.core.db import get_or_not_found
from app.core.locks import locks_rows
from app.core.pagination import Page
from app.core.pagination import PageParams
from app.core.pagination import after
from app.core.pagination import decode_cursor
from app.core.pagination import encode_cursor
from app.core.unit_of_work import run_transaction
from app.core.unit_of_work import transaction
from app.ingest.bulk.engine import CHUNK_BYTES
from app.ingest.bulk.engine import Line
from app.ingest.bulk.engine import ingest_chunk
from app.ingest.imports.models import ImportErrorPublic
from app.ingest.imports.models import ImportPublic
from app.ingest.models import BatchLine
from app.ingest.models import summarise
from app.matching.base import Matcher
from app.tables import ImportJob
from app.tables import ImportLineError
from app.tables import ImportState

logger = logging.getLogger("app.ingest.imports")

Progress = Callable[[ImportJob], None]


def source_key(path: Path) -> str:
    """What finds an unfinished job for the same file again: its path, size and mtime."""
    stat = path.stat()
    raw = f"{path.resolve()}\x1f{stat.st_size}\x1f{stat.st_mtime_ns}"
    return "file:" + hashlib.sha256(raw.encode()).hexdigest()


def create(
    session: Session,
    *,
    source: Path,
    key: str,
    uploaded: bool,
    state: ImportState = ImportState.queued,
) -> ImportJob:
    """A new job for this source."""
    job = ImportJob(
        state=state,
        source=str(source),
        source_key=key,
        uploaded=uploaded,
        total_bytes=source.stat().st_size,
    )
    session.add(job)
    session.flush()
    return job


def get(session: Session, *, job_id: int) -> ImportJob:
    """The job with this id, or NotFound."""
    return get_or_not_found(session, ImportJob, job_id, what="import")


def unfinished(session: Session, *, key: str) -> ImportJob | None:
    """The latest job for this source that did not finish (for `--resume`)."""
    return session.scalar(
        select(ImportJob)
        .where(
            ImportJob.source_key == key,
            ImportJob.state.in_([ImportState.queued, ImportState.running]),  # type: ignore[attr-defined]
        )
        .order_by(ImportJob.id.desc())  # type: ignore[union-attr]
        .limit(1)
    )


def claim(engine: Engine, *, job_id: int, stale_after: float, attempts: int) -> bool:
    """Take the job to run it: True for exactly one caller while it is queued, or running with a
    heartbeat older than `stale_after` seconds (its runner died)."""

    def work(session: Session) -> bool:
        now = utcnow()
        result = session.execute(
            update(ImportJob)
            .where(
                ImportJob.id == job_id,
                (ImportJob.state == ImportState.queued)
                | (
                    (ImportJob.state == ImportState.running)
                    & (ImportJob.heartbeat_at < now - timedelta(seconds=stale_after))  # type: ignore[operator]
                ),
            )
            .values(
                state=ImportState.running,
                heartbeat_at=now,
                started_at=now,
                attempts=ImportJob.attempts + 1,
                updated_at=now,
            )
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    return run_transaction(engine, work, attempts=attempts)


def due(engine: Engine, *, stale_after: float, limit: int = 20) -> list[int]:
    """Jobs waiting for a runner: queued, or running with a stale heartbeat. On PostgreSQL the
    rows another sweeper is looking at are skipped (FOR UPDATE SKIP LOCKED)."""
    with transaction(engine, write=True) as session:
        query = (
            select(ImportJob.id)
            .where(
                (ImportJob.state == ImportState.queued)
                | (
                    (ImportJob.state == ImportState.running)
                    & (ImportJob.heartbeat_at < utcnow() - timedelta(seconds=stale_after))  # type: ignore[operator]
                )
            )
            .order_by(ImportJob.id)
            .limit(limit)
        )
        if locks_rows(session):
            query = query.with_for_update(skip_locked=True)
        return list(session.scalars(query))


def _record(session: Session, job_id: int, lines: list[BatchLine], end: int, last: int) -> None:
    totals = summarise(lines)
    errors = []
    for line in lines:
        if line.result is None:
            assert line.error is not None
            errors.append(
                {
                    "job_id": job_id,
                    "line": line.line,
                    "status": line.status,
                    "code": line.error.code,
                    "message": line.error.message[:2000],
                    "details": line.error.details,
                }
            )
    if errors:
        session.connection().execute(ImportLineError.__table__.insert(), errors)  # type: ignore[attr-defined]
    now = utcnow()
    session.execute(
        update(ImportJob)
        .where(ImportJob.id == job_id)
        .values(
            bytes_done=end,
            lines_done=last,
            succeeded=ImportJob.succeeded + totals.succeeded,
            failed=ImportJob.failed + totals.failed,
            articles_created=ImportJob.articles_created + totals.articles_created,
            claims_created=ImportJob.claims_created + totals.claims_created,
            claims_linked=ImportJob.claims_linked + totals.claims_linked,
            claims_already_attributed=ImportJob.claims_already_attributed
            + totals.claims_already_attributed,
            heartbeat_at=now,
            updated_at=now,
        )
    )


def _chunks(
    stream: BinaryIO, *, offset: int, first_line: int, size: int
) -> Iterator[tuple[list[Line], int, int]]:
    """(non-blank lines, offset after them, number of the last line read), streaming."""
    chunk: list[Line] = []
    held = 0
    number = first_line - 1
    stream.seek(offset)
    for raw in stream:
        number += 1
        offset += len(raw)
        if raw.strip():
            chunk.append(Line(number, raw))
            held += len(raw)
        if len(chunk) >= size or held >= CHUNK_BYTES:
            yield chunk, offset, number
            chunk, held = [], 0
    if chunk or number >= first_line:
        yield chunk, offset, number


def run(
    engine: Engine,
    *,
    job_id: int,
    matcher: Matcher,
    settings: Settings,
    chunk_lines: int,
    progress: Progress | None = None,
) -> ImportJob:
    """Run a claimed job to its end from where it stopped; returns it as it finished."""
    with transaction(engine, write=False) as session:
        job = get(session, job_id=job_id)
    path = Path(job.source)
    keeper = statistics.keeper_for(engine)
    try:
        with path.open("rb") as stream:
            for chunk, end, last in _chunks(
                stream, offset=job.bytes_done, first_line=job.lines_done + 1, size=chunk_lines
            ):
                ingest_chunk(
                    engine,
                    chunk,
                    matcher=matcher,
                    settings=settings,
                    record=lambda session, lines, end=end, last=last: _record(
                        session, job_id, lines, end, last
                    ),
                )
                keeper.after_write()
                if progress is not None:
                    with transaction(engine, write=False) as session:
                        progress(get(session, job_id=job_id))
    except OSError as exc:
        return _finish(engine, job_id, ImportState.failed, f"cannot read the source: {exc}")
    job = _finish(engine, job_id, ImportState.done, None)
    if job.uploaded:
        path.unlink(missing_ok=True)
    return job


def _finish(engine: Engine, job_id: int, state: ImportState, error: str | None) -> ImportJob:
    def work(session: Session) -> ImportJob:
        job = get(session, job_id=job_id)
        job.state, job.error = state, error
        job.finished_at = job.updated_at = utcnow()
        session.add(job)
        session.flush()
        return job

    return run_transaction(engine, work, attempts=3)


def public(job: ImportJob) -> ImportPublic:
    """The job as the API shows it: its columns, and how far it has read as a fraction."""
    progress = round(job.bytes_done / job.total_bytes, 4) if job.total_bytes else 1.0
    return ImportPublic.model_validate(job, update={"progress": progress})


def errors(session: Session, *, job_id: int, page: PageParams) -> Page[ImportErrorPublic]:
    """The job's failed lines in line order, a page at a time."""
    get(session, job_id=job_id)
    query = (
        select(ImportLineError)
        .where(ImportLineError.job_id == job_id)
        .order_by(ImportLineError.line)
        .limit(page.limit + 1)
    )
    if page.cursor is not None:
        position = decode_cursor(page.cursor, "import-errors", (int,))
        query = query.where(after([(ImportLineError.line, "asc")], position))  # type: ignore[list-item]
    rows = list(session.scalars(query))
    more = len(rows) > page.limit
    rows = rows[: page.limit]
    return Page[ImportErrorPublic](
        items=[
            ImportErrorPublic(
                line=row.line,
                status=row.status,
                error={"code": row.code, "message": row.message, "details": row.details},
            )
            for row in rows
        ],
        next_cursor=encode_cursor("import-errors", [rows[-1].line]) if more else None,
    )
