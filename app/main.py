"""Builds the FastAPI application: settings, engine, middleware, routers, errors, explorer."""

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.routing import APIRoute

from app import __version__
from app.access.auth import Access
from app.access.auth import AccessGateMiddleware
from app.access.openapi import document_access
from app.api import NDJSON_PATHS
from app.api import UPLOAD_PATHS
from app.api import api_router
from app.claims.fast import fast_routes
from app.core.config import MetricsAccess
from app.core.config import Settings
from app.core.config import get_settings
from app.core.contract import shape_contract
from app.core.db import install_database_error_handlers
from app.core.engine import create_db_engine
from app.core.engine import create_read_engine
from app.core.errors import install_error_handlers
from app.core.logging import ensure_logging
from app.core.metrics import POOL
from app.core.middleware import BodyLimitMiddleware
from app.core.middleware import HeadAsGetMiddleware
from app.core.middleware import ProxyHeadersMiddleware
from app.core.middleware import RequestContextMiddleware
from app.core.middleware import TransactionRetryMiddleware
from app.core.middleware import retry_aware_conflict_handler
from app.core.pinned import PinnedConnections
from app.core.unit_of_work import TransactionConflict
from app.explorer.router import install_explorer
from app.feeds.metrics import FEEDS
from app.health.router import metrics_router
from app.health.router import router as health_router
from app.jobs import register_engine
from app.jobs import start_consumer
from app.jobs import stop_consumer
from app.matching.factory import build_matcher

DESCRIPTION = """\
Claims reported by news outlets, served with their **corroboration**: how many outlets reported
each claim, how many *independent origins* that is once copies (syndicated wire stories,
rewrites citing another outlet) are collapsed, who reported it first, and who disputes it.

Every error has the shape `{"error": {"code", "message", "details"}}`. Lists are cursor-paged:
pass `next_cursor` back as `cursor`.

Reads are open; every write needs an API key with the `write` scope, sent as
`Authorization: Bearer <key>` or `X-API-Key: <key>` (`corroborate keys create --scope write
--name me` prints one). Requests are rate limited per key, or per address without one (429
with `Retry-After`).
"""

READ_METHODS = ["GET", "HEAD", "OPTIONS"]


def operation_id(route: APIRoute) -> str:
    """Readable operation ids for generated clients: `claims-list`, `claims-get`, ..."""
    return f"{route.tags[0]}-{route.name}" if route.tags else route.name


def stop_worker_threads() -> None:
    """Tell AnyIO's worker threads (where sync routes and dependencies run) to end, each after
    whatever call it is still running."""
    for thread in threading.enumerate():
        stop = getattr(thread, "stop", None)
        if thread.name == "AnyIO worker thread" and callable(stop):
            stop()


def stop_worker_threads_at_exit() -> None:
    """Make the serving process stop AnyIO's worker threads when it exits.

    AnyIO ends them when the task it takes for the event loop's root task ends, which under
    granian never happens, and they are not daemon threads: a worker process that had run sync
    routes concurrently waited for them at exit forever, so SIGTERM (and `docker stop`, until
    its SIGKILL) did not stop the server. Stopping them at lifespan shutdown is not enough:
    requests still queued when the signal came run after it and start new ones. The hook runs
    where the interpreter is about to wait for its threads (the one concurrent.futures uses);
    tests/core/test_shutdown.py holds the behaviour.
    """
    global _EXIT_HOOK
    register = getattr(threading, "_register_atexit", None)
    if register is not None and not _EXIT_HOOK:
        register(stop_worker_threads)
        _EXIT_HOOK = True


_EXIT_HOOK = False


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application, bound to one database engine for its lifetime."""
    settings = settings or get_settings()
    ensure_logging(settings)
    engine = create_db_engine(settings)
    read_engine = create_read_engine(settings, engine)  # the hot reads' (app/core/db.py)
    read_connections = PinnedConnections(read_engine)  # SQLite's, one per thread (same)
    register_engine(engine, settings)  # what this app commits wakes jobs on its own queue
    access = Access(settings, engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        POOL.watch(engine)  # the serving app's pool is the one /metrics reports
        FEEDS.watch(engine)  # and its database the crawler's figures
        stop_worker_threads_at_exit()
        consumer = start_consumer(settings, engine=engine) if settings.jobs_consumer else None
        yield
        if consumer is not None:
            stop_consumer(consumer)
        if access.limiter is not None:
            await access.limiter.close()
        read_connections.close()
        engine.dispose()
        read_engine.dispose()

    app = FastAPI(
        title="Corroborate",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.read_engine = read_engine
    app.state.read_connections = read_connections
    app.state.access = access
    # Built now, not on first use: the hybrid matcher's store must be active before the first
    # write, so that every claim gets its embedding in its own transaction.
    app.state.matcher = build_matcher(settings)
    install_error_handlers(app)
    install_database_error_handlers(app)
    app.add_exception_handler(TransactionConflict, retry_aware_conflict_handler())
    app.include_router(health_router)
    if settings.metrics_access is not MetricsAccess.off:
        app.include_router(metrics_router)
    # In front of /v1: the plainest requests of the two hottest reads (app/claims/fast.py).
    app.router.routes.extend(fast_routes())
    app.include_router(api_router)
    install_explorer(app)

    # add_middleware wraps: the last added runs first.
    app.add_middleware(
        TransactionRetryMiddleware,
        attempts=settings.db_retry_attempts,
        ndjson_paths=NDJSON_PATHS,
    )
    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        max_ndjson_bytes=settings.ingest_batch_max_bytes,
        ndjson_paths=NDJSON_PATHS,
        path_limits=dict.fromkeys(UPLOAD_PATHS, settings.imports_max_bytes),
    )
    app.add_middleware(AccessGateMiddleware)
    if settings.cors_origins:
        wildcard = settings.cors_origins == ["*"]
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            # `*` may read from anywhere; writes only from origins named one by one.
            allow_methods=READ_METHODS if wildcard else ["*"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type", "X-Request-ID"],
            expose_headers=["X-Request-ID", "Retry-After", "X-Next-Cursor"],
            max_age=600,
        )
    app.add_middleware(HeadAsGetMiddleware)
    app.add_middleware(RequestContextMiddleware, access_log=settings.access_log)
    if settings.trusted_proxies:
        # Outermost: the access log and the rate limiter see the client, not the proxy.
        app.add_middleware(ProxyHeadersMiddleware, trusted=settings.trusted_proxies)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = FastAPI.openapi(app)
            app.openapi_schema = shape_contract(
                document_access(
                    app,
                    schema,
                    public_read=settings.public_read,
                    admin_metrics=settings.metrics_access is MetricsAccess.admin,
                )
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
