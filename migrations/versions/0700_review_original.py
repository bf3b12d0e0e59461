"""Reviews keep the fact-checker's original values, so the ClaimReview export is lossless.

`review.original` (JSON, null for reviews entered through the API) holds what an import read
as given: the review URL before canonicalisation, the author object, `datePublished` with its
time and zone, the rating values with their JSON types, and the reviewed item's author and
date (a claimant longer than the claimant column is kept whole here).

Revision ID: 0700_review_original
Revises: 0600_graph_invariants
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0700_review_original"
down_revision: str | None = "0600_graph_invariants"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("review", sa.Column("original", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("review") as batch:
        batch.drop_column("original")
