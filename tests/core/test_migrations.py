"""Migrations are the schema: autogenerate finds nothing to add, and they run both ways."""

import warnings

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine
from sqlalchemy import inspect

from app.core.columns import metadata
from app.core.migrations import current_revision
from app.core.migrations import head_revision
from app.core.migrations import include_object
from app.core.migrations import upgrade


def test_models_and_migrations_do_not_drift(engine: Engine) -> None:
    with engine.connect() as connection, warnings.catch_warnings():
        # SQLite cannot reflect expression indexes (lower(claimant)); alembic says so and skips.
        warnings.filterwarnings("ignore", message=".*expression-based index.*")
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, metadata) == []


def test_database_is_at_head(engine: Engine) -> None:
    assert current_revision(engine) == head_revision()


def test_upgrade_is_idempotent(engine: Engine, database_url: str) -> None:
    upgrade(database_url)
    assert current_revision(engine) == head_revision()


def test_full_text_index_exists(engine: Engine) -> None:
    assert "claim_search" in inspect(engine).get_table_names()
