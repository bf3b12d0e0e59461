"""The `corroborate` command line: serve, migrate, demo data, OpenAPI, counter repair,
NDJSON import and export."""

import json
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Annotated
from typing import TypeVar

import typer
from rich.console import Console

from app.access.cli import keys_cli
from app.core.config import ServerStack
from app.core.config import get_settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Engine
    from sqlmodel import Session

    from app.ingest.importer import ImportSummary
    from app.ingest.models import BatchSummary
    from app.integrity.service import Finding
    from app.tables import ImportJob

cli = typer.Typer(
    name="corroborate",
    help="Corroborate: source-attributed claims with defensible corroboration counts.",
    no_args_is_help=True,
    add_completion=False,
)
demo_cli = typer.Typer(help="The founding-story demo dataset.", no_args_is_help=True)
cli.add_typer(demo_cli, name="demo")
cli.add_typer(keys_cli, name="keys")
# soft_wrap: a log line (a long database URL, say) stays one line in container and CI logs.
console = Console(stderr=True, soft_wrap=True)

T = TypeVar("T")
WRITE_KEY_HINT = (
    "to write through the API, create a key: corroborate keys create --scope write --name me\n"
    "  then send it as `Authorization: Bearer <key>` (or `X-API-Key: <key>`)"
)

OPENAPI_PATH = Path("openapi/openapi.json")


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address [CLAIMS_HOST].")] = None,
    port: Annotated[int | None, typer.Option(help="Port [CLAIMS_PORT].")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes [CLAIMS_WORKERS].")] = None,
    server: Annotated[
        ServerStack | None, typer.Option(help="HTTP server stack [CLAIMS_SERVER].")
    ] = None,
    reload: Annotated[bool, typer.Option(help="Restart on code changes (development).")] = False,
) -> None:
    """Run the HTTP API (granian by default; see docs/benchmarks.md for why)."""
    from app.core.logging import logging_config

    settings = get_settings()
    stack = server or settings.server
    bind, listen = host or settings.host, port or settings.port
    processes = 1 if reload else (workers or settings.workers)
    if stack is ServerStack.granian:
        from granian.constants import Interfaces
        from granian.constants import Loops
        from granian.server import Server

        Server(
            "app.main:create_app",
            factory=True,
            address=bind,
            port=listen,
            interface=Interfaces.ASGI,
            workers=processes,
            loop=Loops.uvloop,
            log_level=settings.log_level,  # type: ignore[arg-type]
            log_dictconfig=logging_config(settings),
            log_access=False,  # RequestContextMiddleware logs each request as JSON
            reload=reload,
            # A worker that gets SIGTERM before it serves (still importing or starting up)
            # never sees it, and granian would wait for it forever: bound the wait.
            workers_kill_timeout=settings.shutdown_timeout_seconds,
        ).serve()
        return
    import uvicorn

    fast = stack is ServerStack.uvicorn
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=bind,
        port=listen,
        workers=None if reload else processes,
        reload=reload,
        log_level=settings.log_level,
        log_config=logging_config(settings),
        access_log=False,  # RequestContextMiddleware logs each request as JSON
        timeout_graceful_shutdown=settings.shutdown_timeout_seconds,
        loop="uvloop" if fast else "asyncio",
        http="httptools" if fast else "h11",
        # X-Forwarded-* are the app's business (CLAIMS_TRUSTED_PROXIES), the same under
        # every server; uvicorn's own FORWARDED_ALLOW_IPS would be a second, granian-less path.
        proxy_headers=False,
    )


@cli.command()
def deliver(
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker threads (default CLAIMS_JOBS_WORKERS).")
    ] = None,
) -> None:
    """Deliver webhooks (and run the other background jobs) until stopped.

    Webhook delivery is a job of the one job system, so this is `corroborate worker` under the
    name operators look for: run it where `corroborate serve` runs no consumer
    (CLAIMS_JOBS_CONSUMER=false); on PostgreSQL with CLAIMS_JOBS_URL=redis://... any number may
    run side by side without sending an event twice to one subscription.
    """
    worker(workers=workers)


@cli.command()
def migrate() -> None:
    """Bring the database schema to the latest migration (safe to re-run)."""
    from app.core.migrations import upgrade

    settings = get_settings()
    upgrade(settings.database_url)
    console.print(f"database at head: {_redacted(settings.database_url)}")


@demo_cli.command("load")
def demo_load() -> None:
    """Load the founding story (Reuters, The Moscow Times, The Japan Times); idempotent."""
    from app.demo.service import load
    from app.matching.factory import build_matcher

    build_matcher(get_settings())  # claims get their embeddings as they are written
    engine = _maintenance_engine()
    summary = _write(engine, load)
    engine.dispose()
    console.print(
        f"demo data loaded: {summary.created} rows created, {summary.existing} already there"
    )
    console.print(WRITE_KEY_HINT, highlight=False)


@cli.command()
def openapi(
    output: Annotated[Path, typer.Option(help="Where to write the schema.")] = OPENAPI_PATH,
    check: Annotated[
        bool, typer.Option(help="Fail if the file differs from the app's schema; write nothing.")
    ] = False,
) -> None:
    """Write the OpenAPI schema generated from the app (openapi/openapi.json)."""
    from app.main import create_app

    text = render_openapi(create_app().openapi())
    if check:
        current = output.read_text(encoding="utf-8") if output.exists() else ""
        if current != text:
            console.print(f"{output} is stale: run `corroborate openapi`")
            raise typer.Exit(1)
        console.print(f"{output} is up to date")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    console.print(f"wrote {output}")


def render_openapi(schema: dict[str, object]) -> str:
    """The canonical text of a schema file: two-space JSON, UTF-8, final newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


@cli.command()
def recount(
    check: Annotated[
        bool,
        typer.Option(
            help="Only check: report every derived value that is wrong (counters, article "
            "roots, merge targets, the search index) and every broken graph invariant; exit 1 "
            "if any. `corroborate repair` fixes them."
        ),
    ] = False,
) -> None:
    """Recompute every claim's corroboration counters from scratch."""
    from app.corroboration import counters
    from app.integrity import service as integrity

    engine = _maintenance_engine()
    if check:
        findings = integrity.check_snapshot(engine)
        engine.dispose()
        _print_findings(findings)
        if any(finding.ids for finding in findings):
            raise typer.Exit(1)
        return
    count = _write(engine, counters.recount_all)
    engine.dispose()
    console.print(f"recounted {count} claim(s)")


@cli.command()
def reindex() -> None:
    """Embed every live claim that lacks a vector, drop stale ones, rebuild the vector index."""
    from app.matching import vectors
    from app.matching.factory import build_matcher

    settings = get_settings()
    if settings.matcher != "hybrid":
        console.print(f"CLAIMS_MATCHER={settings.matcher}: no claim vectors to index")
        return
    build_matcher(settings)
    store = vectors.active()
    assert store is not None
    engine = _maintenance_engine()

    def reindex_all(session: "Session") -> tuple[int, int, int]:
        embedded, removed = vectors.reindex(session, vectors=store)
        return embedded, removed, len(store.index(session))

    embedded, removed, size = _write(engine, reindex_all)
    where = f", saved to {store.index_path}" if store.index_path else ""
    console.print(f"embedded {embedded} claim(s), removed {removed}; index holds {size}{where}")
    engine.dispose()


@cli.command()
def repair() -> None:
    """Fix what `recount --check` finds: flatten merge chains and break merge cycles, move rows
    off merged claims, break link cycles, drop links dated before their origin, recompute
    roots, counters and search rows. One transaction; exit 1 if anything is still wrong."""
    from app.integrity import service as integrity

    engine = _maintenance_engine()
    found = _write(engine, integrity.repair)
    console.print("found and repaired:")
    _print_findings(found)
    left = [finding for finding in integrity.check_snapshot(engine) if finding.ids]
    engine.dispose()
    if left:
        console.print("still wrong after repair:")
        _print_findings(left)
        raise typer.Exit(1)
    console.print("every invariant holds")


def _print_findings(findings: "list[Finding]") -> None:
    for finding in findings:
        sample = finding.ids[:20]
        more = " …" if len(finding.ids) > len(sample) else ""
        console.print(
            f"  {finding.name}: {len(finding.ids)} ({finding.description}) {sample}{more}"
            if finding.ids
            else f"  {finding.name}: 0"
        )


@cli.command()
def worker(
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker threads (default CLAIMS_JOBS_WORKERS).")
    ] = None,
) -> None:
    """Run background jobs (imports, ...) until stopped: alongside or instead of the consumer
    inside `corroborate serve` (CLAIMS_JOBS_CONSUMER=false), several with CLAIMS_JOBS_URL=redis://."""
    import app.api  # noqa: F401  (registers every task)
    from app.jobs import run_consumer

    settings = get_settings()
    run_consumer(settings, workers=workers or settings.jobs_workers)


@cli.command()
def watch(
    workers: Annotated[int, typer.Option(min=1, max=64, help="Crawler threads.")] = 1,
    until_done: Annotated[
        bool, typer.Option(help="Stop once no feed is due and no article is pending.")
    ] = False,
) -> None:
    """Watch the outlets' feeds: read each when due, fetch each new article once, ingest it.
    Politely (robots.txt, a delay per host) and alongside any number of other crawlers."""
    import signal
    import threading

    from app.core.engine import create_db_engine
    from app.feeds import watch as feeds_watch
    from app.feeds.tasks import matcher_of

    settings = get_settings()
    engine = create_db_engine(settings)
    stop = threading.Event()
    previous = {
        number: signal.signal(number, lambda *_: stop.set())
        for number in (signal.SIGINT, signal.SIGTERM)
    }
    values: dict[str, object] = {}
    lock = threading.Lock()

    def matcher():  # type: ignore[no-untyped-def]
        with lock:
            return matcher_of(values, settings)

    threads = [
        threading.Thread(
            target=feeds_watch.run,
            args=(engine, settings),
            kwargs={
                "matcher": matcher,
                "stop": stop,
                "until": "nothing_due" if until_done else "stopped",
            },
            name=f"watch-{number}",
        )
        for number in range(workers)
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            while thread.is_alive():
                thread.join(0.5)
    finally:
        stop.set()
        for number, handler in previous.items():
            signal.signal(number, handler)
        engine.dispose()


@cli.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="NDJSON file: one ingest payload per line.")],
    url: Annotated[
        str | None,
        typer.Option(
            help="Send to a running service (e.g. http://127.0.0.1:8000) instead of "
            "writing to CLAIMS_DATABASE_URL directly."
        ),
    ] = None,
    key: Annotated[
        str | None,
        typer.Option(envvar="CLAIMS_API_KEY", help="API key sent as a Bearer token with --url."),
    ] = None,
    batch_lines: Annotated[int, typer.Option(min=1, help="Lines per request with --url.")] = 500,
    resume: Annotated[
        bool,
        typer.Option(
            help="Go on with the unfinished import of this same file (same path, size and "
            "modification time) from its last committed chunk. Without it the file is read "
            "from the start, which is also safe: lines already stored write nothing."
        ),
    ] = False,
    chunk_lines: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=100_000,
            help="Lines per transaction (direct import; default CLAIMS_INGEST_CHUNK_LINES).",
        ),
    ] = None,
) -> None:
    """Ingest an NDJSON file (as POST /v1/ingest/batch does); safe to run again."""
    from rich.progress import BarColumn
    from rich.progress import DownloadColumn
    from rich.progress import Progress
    from rich.progress import TimeRemainingColumn

    from app.ingest.importer import ImportFailed
    from app.ingest.importer import ImportSummary
    from app.ingest.importer import import_http

    if not file.is_file():
        console.print(f"no such file: {file}")
        raise typer.Exit(2)
    if url is None:
        _import_direct(file, resume=resume, chunk_lines=chunk_lines)
        return
    summary = ImportSummary()
    columns = (
        *Progress.get_default_columns()[:1],
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
    )
    with file.open("rb") as stream, Progress(*columns, console=console) as bar:
        task = bar.add_task(f"importing {file.name}", total=file.stat().st_size)

        def advance(size: int) -> None:
            bar.advance(task, size)

        lines = import_http(stream, url=url, key=key, batch_lines=batch_lines, progress=advance)
        try:
            for line in lines:
                summary.add(line)
        except ImportFailed as exc:
            console.print(f"import stopped: {exc}")
            _print_summary(summary)
            raise typer.Exit(1) from exc
    _print_summary(summary)
    if summary.failures:
        raise typer.Exit(1)


def _import_direct(file: Path, *, resume: bool, chunk_lines: int | None) -> None:
    """The file as an import job in this process: resumable, with lines/s and an ETA."""
    import time

    from rich.progress import BarColumn
    from rich.progress import Progress
    from rich.progress import TextColumn
    from rich.progress import TimeRemainingColumn
    from sqlalchemy import select

    from app.core.engine import create_db_engine
    from app.core.unit_of_work import transaction
    from app.ingest.imports import service as imports
    from app.matching.factory import build_matcher
    from app.tables import ImportJob
    from app.tables import ImportLineError
    from app.tables import ImportState

    settings = get_settings()
    # A batch job, not a request: a chunk's statements (its inserts of a thousand lines' rows
    # and events, its recount) may run longer than a request may wait.
    engine = create_db_engine(settings, statement_timeout_ms=0)
    matcher = build_matcher(settings)
    source = imports.source_key(file)
    with transaction(engine, write=True) as session:
        job = imports.unfinished(session, key=source) if resume else None
        if job is None:
            job = imports.create(
                session,
                source=file.resolve(),
                key=source,
                uploaded=False,
                state=ImportState.running,
            )
        elif job.bytes_done:
            console.print(f"resuming import {job.id} at line {job.lines_done + 1}")
        job.state, job.heartbeat_at = ImportState.running, None
        session.add(job)
        session.flush()
        job_id, start_lines = job.id or 0, job.lines_done
        start_bytes = job.bytes_done
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[lines]:,} lines"),
        TextColumn("{task.fields[rate]:,.0f} lines/s"),
        TimeRemainingColumn(),
    )
    started = time.monotonic()
    with Progress(*columns, console=console) as bar:
        task = bar.add_task(
            f"importing {file.name}",
            total=file.stat().st_size,
            completed=start_bytes,
            lines=start_lines,
            rate=0.0,
        )

        def progress(current: ImportJob) -> None:
            elapsed = max(time.monotonic() - started, 1e-6)
            bar.update(
                task,
                completed=current.bytes_done,
                lines=current.lines_done,
                rate=(current.lines_done - start_lines) / elapsed,
            )

        job = imports.run(
            engine,
            job_id=job_id,
            matcher=matcher,
            settings=settings,
            chunk_lines=chunk_lines or settings.ingest_chunk_lines,
            progress=progress,
        )
    with transaction(engine, write=False) as session:
        failures = list(
            session.scalars(
                select(ImportLineError)
                .where(ImportLineError.job_id == job_id)
                .order_by(ImportLineError.line)
                .limit(20)
            )
        )
    engine.dispose()
    for failure in failures:
        console.print(f"line {failure.line}: {failure.status} {failure.code}: {failure.message}")
    if job.failed > 20:
        console.print(f"... and {job.failed - 20} more failed lines")
    if job.error:
        console.print(f"import {job_id} failed: {job.error}")
    console.print(_totals(job))
    if job.failed or job.state != ImportState.done:
        raise typer.Exit(1)


def _print_summary(summary: "ImportSummary") -> None:
    for failure in summary.failures[:20]:
        assert failure.error is not None
        console.print(
            f"line {failure.line}: {failure.status} {failure.error.code}: {failure.error.message}"
        )
    if len(summary.failures) > 20:
        console.print(f"... and {len(summary.failures) - 20} more failed lines")
    console.print(_totals(summary.totals))


def _totals(counted: "BatchSummary | ImportJob") -> str:
    """An import's totals: an import job's counters, or what `--url` counted of its batches."""
    return (
        f"{counted.succeeded + counted.failed} lines: {counted.articles_created} articles "
        f"created; claims {counted.claims_created} created, {counted.claims_linked} linked, "
        f"{counted.claims_already_attributed} already attributed; {counted.failed} failed"
    )


@cli.command()
def export(
    output: Annotated[
        Path | None, typer.Option(help="Write to this file instead of standard output.")
    ] = None,
) -> None:
    """Write every article with its outlet, claims and origin as NDJSON ingest payloads."""
    import sys

    import orjson

    from app.core.engine import create_db_engine
    from app.core.unit_of_work import transaction
    from app.ingest.dump import payloads

    engine = create_db_engine(get_settings())
    count = 0
    target = output.open("wb") if output is not None else sys.stdout.buffer
    try:
        with transaction(engine, write=False) as session:
            for payload in payloads(session):
                target.write(orjson.dumps(payload) + b"\n")
                count += 1
    finally:
        if output is not None:
            target.close()
        engine.dispose()
    console.print(f"exported {count} article(s)")


def _write(engine: "Engine", work: "Callable[[Session], T]") -> "T":
    """`work` as one unit of work: its own write transaction, re-run under the retry policy
    when it loses a race (app/core/unit_of_work.py), as every write of the service is."""
    from app.core.unit_of_work import run_transaction

    return run_transaction(engine, work, attempts=get_settings().db_retry_attempts)


def _maintenance_engine() -> "Engine":
    # Commands run long statements on purpose (recount), so no statement timeout here.
    from app.core.engine import create_db_engine

    return create_db_engine(get_settings(), statement_timeout_ms=0)


def _redacted(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def main() -> None:
    cli()
