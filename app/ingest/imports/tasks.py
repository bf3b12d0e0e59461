"""The import job's tasks on app/jobs: run one import; sweep for imports nobody runs."""

import logging

from app.ingest.imports import service
from app.jobs import context
from app.jobs import enqueue
from app.jobs import periodic
from app.jobs import task

logger = logging.getLogger("app.ingest.imports")

RUN = "imports.run"
SWEEP = "imports.sweep"


@task(RUN)
def run_import(job_id: int) -> None:
    """Run the import if this worker wins its claim (it runs once however often it is sent)."""
    ctx = context()
    settings = ctx.settings
    if not service.claim(
        ctx.engine,
        job_id=job_id,
        stale_after=settings.imports_stale_seconds,
        attempts=settings.db_retry_attempts,
    ):
        return
    matcher = ctx.values.get("matcher")
    if matcher is None:
        from app.matching.factory import build_matcher

        matcher = ctx.values["matcher"] = build_matcher(settings)
    job = service.run(
        ctx.engine,
        job_id=job_id,
        matcher=matcher,
        settings=settings,
        chunk_lines=settings.ingest_chunk_lines,
    )
    logger.info("import %d %s: %d lines, %d failed", job_id, job.state, job.lines_done, job.failed)


@periodic(SWEEP, minutes=1)
def sweep() -> None:
    """Send again the imports that wait for a runner: queued ones (their message was lost, or
    sent to a queue nobody consumes) and running ones whose runner stopped reporting."""
    ctx = context()
    for job_id in service.due(ctx.engine, stale_after=ctx.settings.imports_stale_seconds):
        enqueue(ctx.settings, RUN, job_id)
