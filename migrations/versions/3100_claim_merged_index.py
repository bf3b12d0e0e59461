"""The merged claims, by id: a partial index on `claim (id) WHERE merged_into IS NOT NULL`.

The lexical matcher's candidate query on SQLite ranks a text's full-text matches and keeps the
best live ones. It joined every match to its claim row to read `merged_into` before ranking;
at 30,000 claims that read was over half the query's time. Asking this small index whether a
match is a merged claim costs a probe of a tree holding only the merged ones, and the claim
rows are read for the kept candidates alone (app/matching/lexical.py).

Revision ID: 3100_claim_merged_index
Revises: 3000_claim_rendered_json
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3100_claim_merged_index"
down_revision: str | None = "3000_claim_rendered_json"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MERGED = sa.text("merged_into IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_claim_merged", "claim", ["id"], sqlite_where=_MERGED, postgresql_where=_MERGED
    )


def downgrade() -> None:
    op.drop_index("ix_claim_merged", table_name="claim")
