"""A scratch database for the migrations that clear stored body fingerprints (3600, 3700):
articles stored with the fingerprints of today's code, then the migration run as alembic runs
it, and which articles were cleared."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from sqlalchemy import Engine
from sqlalchemy import create_engine
from sqlalchemy import text

from app.core.migrations import alembic_config
from app.core.migrations import head_revision
from app.core.migrations import scratch_database
from app.core.migrations import upgrade
from app.ingest import sentences
from app.ingest.fingerprints import minhash
from app.ingest.fingerprints import simhash
from app.ingest.fingerprints import to_signed
from tests.conftest import BACKEND
from tests.conftest import POSTGRES_ADMIN_URL
from tests.factories import T0


@contextmanager
def fingerprint_database(tmp_path: Path, prefix: str) -> Iterator[tuple[str, Engine]]:
    """(url, engine) of a scratch database at head on the test backend, with one outlet (id 1)."""
    with scratch_database(
        sqlite_directory=tmp_path,
        postgresql_admin_url=POSTGRES_ADMIN_URL if BACKEND == "postgresql" else None,
        prefix=prefix,
        durable=False,
    ) as url:
        engine = create_engine(url)
        try:
            with engine.begin() as connection:
                connection.execute(
                    text(
                        "INSERT INTO outlet (id, slug, name, kind, created_at, updated_at) "
                        "VALUES (1, 'o', 'O', 'newspaper', :at, :at)"
                    ),
                    {"at": T0},
                )
            yield url, engine
        finally:
            engine.dispose()


def fingerprinted(engine: Engine, title: str, language: str | None, body: str) -> int:
    """Store an article of outlet 1 with the body's fingerprints; its id."""
    fingerprint, sketch = simhash(body), minhash(body)
    assert fingerprint is not None
    assert sketch is not None
    with engine.begin() as connection:
        return connection.execute(
            text(
                "INSERT INTO article (url, title, published_at, language, outlet_id, created_at, "
                "updated_at, body_simhash, body_minhash, body_shingles, body_sentences) VALUES "
                "(:url, :title, :at, :language, 1, :at, :at, :simhash, :minhash, :shingles, "
                ":sentences) RETURNING id"
            ),
            {
                "url": f"https://example.com/{title}",
                "title": title,
                "at": T0,
                "language": language,
                "simhash": to_signed(fingerprint),
                "minhash": sketch[0],
                "shingles": sketch[1],
                "sentences": sentences.fingerprint(body),
            },
        ).scalar_one()


def cleared_after_upgrade(url: str, engine: Engine, before: str) -> dict[int, bool]:
    """Down to `before` and up to head again, as alembic runs it: per article id, whether its
    body fingerprints are all cleared."""
    command.downgrade(alembic_config(url), before)
    upgrade(url)
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT version_num FROM alembic_version")) == (
            head_revision()
        )
        rows = connection.execute(
            text(
                "SELECT id, body_simhash IS NULL AND body_minhash IS NULL AND "
                "body_shingles IS NULL AND body_sentences IS NULL FROM article"
            )
        ).all()
    return {row[0]: bool(row[1]) for row in rows}
