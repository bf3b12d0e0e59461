"""Running Alembic from the service: the migrations are the schema."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy import create_engine
from sqlalchemy import text
from sqlalchemy.engine import make_url

# Objects that migrations create with raw SQL (full-text search), invisible to the models.
UNMODELLED_TABLES = frozenset({"claim_search"})
# SQLite only, and empty but inside one statement of the bulk engine (migration 3500).
SWITCH_TABLES = frozenset({"search_quotes_deferred"})


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Autogenerate filter: ignore the full-text index tables, which the models do not describe."""
    if type_ == "table" and name is not None:
        return name not in UNMODELLED_TABLES | SWITCH_TABLES and not name.startswith(
            "claim_search_"
        )
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


@contextmanager
def scratch_database(
    *,
    sqlite_directory: Path,
    postgresql_admin_url: str | None,
    prefix: str,
    durable: bool = True,
) -> Iterator[str]:
    """A fresh database at the schema head, for tests and benchmarks, removed afterwards: a
    file in `sqlite_directory`, or, given a PostgreSQL server's admin URL, a uniquely named
    database there. `durable=False` lets its commits skip waiting for the WAL to reach the disk
    (throwaway data only)."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    if postgresql_admin_url is None:
        # A name of its own, as on PostgreSQL: a file left by a killed run is never reused.
        path = sqlite_directory / f"{name}.db"
        try:
            upgrade(f"sqlite:///{path}")
            yield f"sqlite:///{path}"
        finally:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    admin = create_engine(postgresql_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))
        if not durable:
            connection.execute(text(f'ALTER DATABASE "{name}" SET synchronous_commit = off'))
    url = make_url(postgresql_admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
