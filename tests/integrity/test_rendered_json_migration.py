"""Migration 3800 (PostgreSQL): `claim_rendered_json()` renders from the row's own values and one
locked read of the outlet, and writes the same text as the sub-query rendering it replaces, on
insert and on update, for the values where a rendering can go wrong (NULLs, whole and
fractional seconds, quotes, backslashes and non-ASCII in an outlet's name, a first report whose
outlet is unknown or gone). Down to 3700 and up again, as alembic runs it."""

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine
from sqlalchemy import create_engine
from sqlalchemy import text

from app.core.migrations import alembic_config
from app.core.migrations import scratch_database
from app.core.migrations import upgrade
from tests.conftest import BACKEND
from tests.conftest import POSTGRES_ADMIN_URL

BEFORE = "3700_marked_fingerprints"

_OUTLETS = (
    "INSERT INTO outlet (id, slug, name, kind, created_at, updated_at) VALUES "
    "(1, 'plain', 'Plain Times', 'newspaper', '2025-01-01 00:00:00+00', '2025-01-01 00:00:00+00'), "
    "(2, 'odd', 'The \"Odd\" \\ Bote – Ærø 東京', 'newspaper', '2025-01-01 00:00:00+00', "
    "'2025-01-01 00:00:00+00')"
)
_CLAIMS = (
    "INSERT INTO claim (id, text, claimant, claim_date, fingerprint, created_at, updated_at, "
    "outlets_count, origins_count, articles_count, first_reported_at, first_reported_outlet_id, "
    "last_reported_at) VALUES "
    # Nothing reported yet, no claimant, no date, a whole-second instant.
    "(1, 'Plain claim.', NULL, NULL, 'f1', '2025-01-02 03:04:05+00', "
    "'2025-01-02 03:04:05+00', 0, 0, 0, NULL, NULL, NULL), "
    # Reported by an outlet with an awkward name, microseconds, a quote in the text.
    "(2, 'He said \"no\" \\ twice.', 'Dr. Ö', '2025-02-03', 'f2', "
    "'2025-01-02 03:04:05.123456+00', '2025-01-02 03:04:05.5+00', 3, 2, 4, "
    "'2025-01-03 00:00:00.000001+00', 2, '2025-01-04 12:00:00+00'), "
    # A first report at an instant but no outlet known: `first_reported` is null.
    "(3, 'Third claim.', 'Someone', NULL, 'f3', '2025-01-02 03:04:05+00', "
    "'2025-01-02 03:04:05+00', 1, 1, 1, '2025-01-03 00:00:00+00', NULL, "
    "'2025-01-03 00:00:00+00'), "
    "(4, 'Fourth claim.', NULL, '2024-12-31', 'f4', '2025-01-02 03:04:05+00', "
    "'2025-01-02 03:04:05+00', 1, 1, 1, '2025-01-03 00:00:00+00', 1, "
    "'2025-01-03 00:00:00+00')"
)


def _rendered(engine: Engine) -> dict[int, str]:
    with engine.connect() as connection:
        return dict(connection.execute(text("SELECT id, rendered_json FROM claim")).all())


def _render_again(engine: Engine) -> dict[int, str]:
    """Every claim's JSON written again by the trigger (a shown column changed and changed
    back), the outlets renamed and back in between (the outlet's trigger renders too)."""
    with engine.begin() as connection:
        connection.execute(text("UPDATE claim SET articles_count = articles_count + 1"))
        connection.execute(text("UPDATE claim SET articles_count = articles_count - 1"))
        connection.execute(text("UPDATE outlet SET name = name || 'x'"))
        connection.execute(text("UPDATE outlet SET name = left(name, -1)"))
    return _rendered(engine)


def test_the_inline_rendering_writes_what_the_sub_query_rendering_wrote(tmp_path: Path) -> None:
    if BACKEND != "postgresql":
        pytest.skip("PostgreSQL-only: SQLite's triggers are not changed by migration 3800")
    with scratch_database(
        sqlite_directory=tmp_path,
        postgresql_admin_url=POSTGRES_ADMIN_URL,
        prefix="corroborate_rendered",
        durable=False,
    ) as url:
        engine = create_engine(url)
        try:
            with engine.begin() as connection:
                connection.execute(text(_OUTLETS))
                connection.execute(text(_CLAIMS))
            inserted = _rendered(engine)  # the insert trigger, migration 3800's function
            assert '"outlet_name":"The \\"Odd\\" \\\\ Bote – Ærø 東京"' in inserted[2]
            assert '"first_reported":null' in inserted[3]
            updated = _render_again(engine)
            assert updated == inserted

            engine.dispose()
            command.downgrade(alembic_config(url), BEFORE)
            assert _render_again(engine) == inserted  # the sub-query rendering of 3000/3300
            with engine.begin() as connection:
                connection.execute(text("DELETE FROM claim"))
                connection.execute(text(_CLAIMS))
            assert _rendered(engine) == inserted

            engine.dispose()
            upgrade(url)
            assert _render_again(engine) == inserted
            # The first-reporting outlet deleted (ON DELETE SET NULL): no outlet to show.
            with engine.begin() as connection:
                connection.execute(text("DELETE FROM outlet WHERE id = 2"))
            gone = _rendered(engine)
            assert '"first_reported":null' in gone[2]
            engine.dispose()
            command.downgrade(alembic_config(url), BEFORE)
            assert _render_again(engine) == gone
        finally:
            engine.dispose()
