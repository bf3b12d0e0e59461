"""Migrations are the schema: autogenerate finds nothing to add, and they run both ways."""

import warnings
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine
from sqlalchemy import create_engine
from sqlalchemy import inspect
from sqlalchemy import text

from app.core.columns import metadata
from app.core.migrations import current_revision
from app.core.migrations import head_revision
from app.core.migrations import include_object
from app.core.migrations import scratch_database
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


@pytest.mark.postgresql_only
def test_the_full_text_index_has_no_pending_list(engine: Engine) -> None:
    """Searches right after writes (claim matching) read the index alone (migration 3100)."""
    with engine.connect() as connection:
        options = connection.scalar(
            text("SELECT reloptions FROM pg_class WHERE relname = 'ix_claim_search_document'")
        )
    assert "fastupdate=off" in (options or [])


def test_a_sqlite_scratch_database_is_fresh_and_removed(tmp_path: Path) -> None:
    """Two at once in one folder are two databases, and neither outlives its block (a file a
    killed benchmark left behind once made the next run count nothing as new)."""
    with (
        scratch_database(sqlite_directory=tmp_path, postgresql_admin_url=None, prefix="s") as a,
        scratch_database(sqlite_directory=tmp_path, postgresql_admin_url=None, prefix="s") as b,
    ):
        assert a != b
        assert len(list(tmp_path.glob("s_*.db"))) == 2
        for url in (a, b):
            engine = create_engine(url)
            assert current_revision(engine) == head_revision()
            engine.dispose()
    assert list(tmp_path.iterdir()) == []
