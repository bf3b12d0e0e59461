"""SQLite: the bulk engine may append a statement's quotes to the full-text rows itself, once
per claim and in rowid order, instead of the row trigger appending each quote as it comes.

Every quoted attribution rewrote its claim's FTS5 row (a delete and an insert of the whole row),
and FTS5 writes a row whose rowid is lower than the last one it wrote only after flushing what
it holds in memory to a new segment: quotes of claims in line order flushed nearly every time.
The many small segments cost merges while writing and made every later MATCH look a term up in
more segments (docs/benchmarks.md, "Bulk ingest, eighteenth pass").

`search_quotes_deferred` holds a row only inside the bulk engine's own write of a chunk's
attributions, in its transaction, and is empty again before that statement's caller goes on;
while it holds one, `claim_search_attribution_insert` does nothing, and the engine then appends
each claim's new quotes, in attribution order, with `' ' || quote` each as the trigger would,
one UPDATE per claim in ascending rowid. Every other writer (the one-line path, raw SQL) sees
the table empty and the trigger as before. PostgreSQL is unchanged (its triggers are already
per statement, migration 3300).

Revision ID: 3500_sqlite_deferred_quotes
Revises: 3400_search_rows_locked
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "3500_sqlite_deferred_quotes"
down_revision: str | None = "3400_search_rows_locked"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_APPEND = (
    "BEGIN UPDATE claim_search SET quotes = quotes || ' ' || new.quote "
    "WHERE rowid = new.claim_id; END"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE TABLE search_quotes_deferred (id INTEGER PRIMARY KEY)")
    op.execute("DROP TRIGGER claim_search_attribution_insert")
    op.execute(
        "CREATE TRIGGER claim_search_attribution_insert AFTER INSERT ON attribution "
        "WHEN new.quote IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search_quotes_deferred) "
        + _APPEND
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER claim_search_attribution_insert")
    op.execute(
        "CREATE TRIGGER claim_search_attribution_insert AFTER INSERT ON attribution "
        "WHEN new.quote IS NOT NULL " + _APPEND
    )
    op.execute("DROP TABLE search_quotes_deferred")
