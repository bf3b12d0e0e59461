"""PostgreSQL: the full-text index of claims is written through, without a pending list.

A GIN index with `fastupdate` on (PostgreSQL's default) appends new entries to a pending list
and merges them into the index in bulk (at VACUUM, or once the list exceeds
`gin_pending_list_limit`, 4 MB by default). Every search reads the whole pending list. Claim
matching searches `claim_search` for every new claim, right after writing the previous ones:
on an import into a database of 30,000 claims the list held about 10,000 entries, and reading
it was half of each candidate query's time (docs/benchmarks.md, "Bulk ingest, eighth pass").
With `fastupdate` off, each insert goes into the index at once (a little more work per write)
and searches read the index alone. SQLite's FTS5 index has no such list: nothing to do there.

Revision ID: 3100_gin_fastupdate_off
Revises: 3000_claim_rendered_json
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "3100_gin_fastupdate_off"
down_revision: str | None = "3000_claim_rendered_json"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER INDEX ix_claim_search_document SET (fastupdate = off)")
    # Turning it off does not empty the list already there: merge it into the index now.
    op.execute("SELECT gin_clean_pending_list('ix_claim_search_document')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER INDEX ix_claim_search_document RESET (fastupdate)")
