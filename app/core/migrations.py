"""Running Alembic from the service: the migrations are the schema."""

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

# Objects that migrations create with raw SQL (full-text search), invisible to the models.
UNMODELLED_TABLES = frozenset({"claim_search"})


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Autogenerate filter: ignore the full-text index tables, which the models do not describe."""
    if type_ == "table" and name is not None:
        return name not in UNMODELLED_TABLES and not name.startswith("claim_search_")
    return True


def migrations_dir() -> Path:
    """The Alembic scripts: bundled inside an installed wheel, or the repository's `migrations/`."""
    bundled = Path(__file__).resolve().parent.parent / "migrations"
    if (bundled / "env.py").is_file():
        return bundled
    return Path(__file__).resolve().parent.parent.parent / "migrations"


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Bring the database at `database_url` to `revision` (default: the latest)."""
    command.upgrade(alembic_config(database_url), revision)


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config("")).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
