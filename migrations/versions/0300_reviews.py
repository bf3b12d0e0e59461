"""Reviews: fact-checkers' verdicts on claims (schema.org ClaimReview).

Revision ID: 0300_reviews
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0300_reviews"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("publisher_name", sa.String(length=200), nullable=False),
        sa.Column("publisher_site", sa.String(length=253), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("title", sa.String(length=1000), nullable=True),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("textual_rating", sa.String(length=200), nullable=True),
        sa.Column("rating_value", sa.Float(), nullable=True),
        sa.Column("best_rating", sa.Float(), nullable=True),
        sa.Column("worst_rating", sa.Float(), nullable=True),
        sa.Column("language", sa.String(length=35), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claim.id"], name=op.f("fk_review_claim_id_claim"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review")),
        sa.UniqueConstraint("url", name=op.f("uq_review_url")),
    )
    op.create_index(op.f("ix_review_claim_id"), "review", ["claim_id"])
    # Outlet profiles count the claims an outlet reported first.
    op.create_index(
        "ix_claim_first_reported_outlet_id", "claim", ["first_reported_outlet_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_claim_first_reported_outlet_id", table_name="claim")
    op.drop_index(op.f("ix_review_claim_id"), table_name="review")
    op.drop_table("review")
