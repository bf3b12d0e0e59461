"""Builds the FastAPI application: settings, engine, routers, error handlers, the explorer."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.routing import APIRoute

from app import __version__
from app.api import api_router
from app.core.config import Settings, get_settings
from app.core.db import create_db_engine
from app.core.errors import install_error_handlers
from app.explorer.router import install_explorer
from app.health.router import router as health_router

DESCRIPTION = """\
Claims reported by news outlets, served with their **corroboration**: how many outlets reported
each claim, how many *independent origins* that is once copies (syndicated wire stories,
rewrites citing another outlet) are collapsed, who reported it first, and who disputes it.

Every error has the shape `{"error": {"code", "message", "details"}}`. Lists are cursor-paged:
pass `next_cursor` back as `cursor`.
"""


def operation_id(route: APIRoute) -> str:
    """Readable operation ids for generated clients: `claims-list`, `claims-get`, ..."""
    return f"{route.tags[0]}-{route.name}" if route.tags else route.name


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application, bound to one database engine for its lifetime."""
    settings = settings or get_settings()
    engine = create_db_engine(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="Corroborate",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
    )
    app.state.settings = settings
    app.state.engine = engine
    install_error_handlers(app)
    app.include_router(health_router)
    app.include_router(api_router)
    install_explorer(app)
    return app
