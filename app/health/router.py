"""Probes and metrics: /healthz (process up), /readyz (database usable), /metrics (Prometheus)."""

import logging
from functools import lru_cache
from typing import Any

from fastapi import APIRouter
from fastapi import BackgroundTasks
from fastapi import Depends
from fastapi import Request
from fastapi import Response
from prometheus_client import CONTENT_TYPE_LATEST
from prometheus_client import REGISTRY
from prometheus_client import generate_latest
from pydantic import BaseModel
from pydantic import Field
from sqlalchemy import Engine
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.access.auth import authorize
from app.access.auth import require
from app.core.config import MetricsAccess
from app.core.errors import AppError
from app.core.errors import responses
from app.core.migrations import current_revision
from app.core.migrations import head_revision
from app.tables import Scope

logger = logging.getLogger("app.health")
router = APIRouter(tags=["health"])
# Mounted unless CLAIMS_METRICS_ACCESS=off (then /metrics is an unknown path, 404).
metrics_router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str


class Readiness(BaseModel):
    status: str = Field(description="`ready`.")
    database: str = Field(description="`ok`: a query succeeded.")
    migration: str = Field(description="The schema revision, which is the latest one.")


class NotReady(AppError, status=503, code="not_ready"):
    """The process is up but cannot serve yet (the database is not reachable or not migrated)."""


@router.get("/healthz", name="live")
def healthz() -> Health:
    """The process is up and serving requests."""
    return Health(status="ok")


@lru_cache
def _head() -> str | None:
    return head_revision()


@router.get("/readyz", name="ready", responses=responses(503))
def readyz(request: Request) -> Readiness:
    """The database answers and its schema is at the latest migration; 503 says which is not."""
    engine: Engine = request.app.state.engine
    head = _head()
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        current = current_revision(engine)
    except SQLAlchemyError as error:
        # The reason names the database's host, port and name: for the log, not for anyone
        # who can reach the probe.
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        logger.error("readiness check: database unreachable: %s", reason)
        raise NotReady(
            "database unreachable (the server log says why)",
            details=[{"check": "database", "ok": False}],
            headers={"Retry-After": "5"},
        ) from error
    if current != head:
        raise NotReady(
            f"database schema is at revision {current}, not {head}: run `corroborate migrate`",
            details=[{"check": "migrations", "ok": False, "current": current, "head": head}],
            headers={"Retry-After": "5"},
        )
    return Readiness(status="ready", database="ok", migration=str(head))


async def metrics_reader(request: Request, background_tasks: BackgroundTasks) -> None:
    """With CLAIMS_METRICS_ACCESS=admin, only an admin key reads the metrics (401/403)."""
    if request.app.state.settings.metrics_access is MetricsAccess.admin:
        require(await authorize(request, background_tasks), Scope.admin)


@metrics_router.get(
    "/metrics",
    name="metrics",
    dependencies=[Depends(metrics_reader)],
    response_class=Response,
    responses={
        200: {
            "content": {CONTENT_TYPE_LATEST.split(";")[0]: {"schema": {"type": "string"}}},
            "description": "Prometheus text exposition format.",
        }
    },
)
def metrics() -> Any:
    """Prometheus metrics: requests by route and status, latency, ingest, connection pool,
    the feeds crawler's state (docs/feeds.md).

    Open, or for admin keys only, or absent, as the operator sets CLAIMS_METRICS_ACCESS.
    """
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)
