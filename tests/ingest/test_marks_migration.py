"""Stored fingerprints of bodies whose words were cut at combining marks (migration 3700):
cleared for the Indic scripts and Persian, kept where a mark is occasional (Arabic, Urdu,
Turkish) and for every other script."""

from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import create_engine
from sqlalchemy import text

from app.core.migrations import alembic_config
from app.core.migrations import head_revision
from app.core.migrations import scratch_database
from app.core.migrations import upgrade
from tests.conftest import BACKEND
from tests.conftest import POSTGRES_ADMIN_URL
from tests.factories import T0
from tests.ingest.test_article_pairs import load
from tests.ingest.test_unspaced_migration import ENGLISH
from tests.ingest.test_unspaced_migration import _fingerprinted

DEV = Path(__file__).resolve().parent.parent / "data" / "article_pairs_marks_dev.jsonl"
BEFORE = "3600_unspaced_fingerprints"
ARABIC = " ".join(
    f"وقالت وزارة الصحة إن {i} أشخاص أصيبوا أيضًا في الحادث الذي وقع صباح اليوم." for i in range(8)
)


def _wire(story: int) -> dict[str, Any]:
    return next(pair for pair in load(DEV) if pair["id"] == f"{story}-0")["a"]


def test_the_migration_clears_the_fingerprints_of_bodies_cut_at_marks_only(
    tmp_path: Path,
) -> None:
    """Run as alembic runs it, on the test backend: articles whose title is Hindi, Bengali,
    Tamil, or Persian with a non-joiner, or whose language tag says so, lose their body
    fingerprints; English, Arabic, Urdu and Turkish keep theirs."""
    with scratch_database(
        sqlite_directory=tmp_path,
        postgresql_admin_url=POSTGRES_ADMIN_URL if BACKEND == "postgresql" else None,
        prefix="corroborate_marks",
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
            cleared = [  # Hindi, Bengali, Tamil, Persian titles
                _fingerprinted(engine, _wire(story)["title"], None, _wire(story)["body"])
                for story in (21001, 21003, 21004, 21006)
            ]
            # A Latin title over a Hindi body, and a Persian title without a non-joiner: said
            # by the language tag.
            cleared.append(_fingerprinted(engine, "Kedarnath", "hi-IN", _wire(21002)["body"]))
            persian = _wire(21006)["body"] + " ۲"
            cleared.append(_fingerprinted(engine, "زلزله در کرمان", "fa", persian))
            kept = [
                _fingerprinted(engine, "Port strike", "en", ENGLISH),
                _fingerprinted(engine, "إصابات في حادث", "ar", ARABIC),
                _fingerprinted(engine, _wire(21005)["title"], None, _wire(21005)["body"]),
                _fingerprinted(engine, "İzmir'de yangın", "tr", ENGLISH + " İzmir"),
            ]
            config = alembic_config(url)
            command.downgrade(config, BEFORE)
            upgrade(url)
            with engine.connect() as connection:
                assert connection.scalar(text("SELECT version_num FROM alembic_version")) == (
                    head_revision()
                )
                rows = dict(
                    connection.execute(
                        text(
                            "SELECT id, body_simhash IS NULL AND body_minhash IS NULL AND "
                            "body_shingles IS NULL AND body_sentences IS NULL FROM article"
                        )
                    ).all()
                )
            assert [bool(rows[i]) for i in cleared] == [True] * 6
            assert [bool(rows[i]) for i in kept] == [False] * 4
        finally:
            engine.dispose()
