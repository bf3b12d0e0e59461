"""Alembic environment: the schema is SQLModel.metadata from app.tables, the URL from settings."""

from typing import Any

from alembic import context
from sqlalchemy import Connection
from sqlalchemy import create_engine
from sqlalchemy import pool

import app.tables  # noqa: F401  (registers every table on the metadata)
from app.core.columns import metadata
from app.core.config import get_settings
from app.core.migrations import include_object

config = context.config


def _url() -> str:
    return config.attributes.get("database_url") or get_settings().database_url


def _configure(connection: Connection | None = None, **kwargs: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_object=include_object,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
        **kwargs,
    )


def run_migrations_offline() -> None:
    _configure(url=_url(), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(_url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
