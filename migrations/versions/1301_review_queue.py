"""The review queue: uncertain decisions (claim merges, copies, weak credits) kept for a person.

Revision ID: 1301_review_queue
Revises: 1300_credited_origins
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1301_review_queue"
down_revision: str | None = "1300_credited_origins"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fk(column: str, table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{table}.id"],
        name=op.f(f"fk_review_item_{column}_{table}"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "review_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("target_claim_id", sa.Integer(), nullable=True),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("origin_article_id", sa.Integer(), nullable=True),
        sa.Column("outlet_id", sa.Integer(), nullable=True),
        sa.Column("relation", sa.String(length=20), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reason", sa.String(length=1000), nullable=False),
        sa.Column("evidence", sa.String(length=300), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "kind IN ('claim_merge', 'copy', 'credited_origin')", name=op.f("ck_review_item_kind")
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'accepted', 'rejected')", name=op.f("ck_review_item_status")
        ),
        sa.CheckConstraint("score >= 0 AND score <= 1", name=op.f("ck_review_item_score")),
        _fk("claim_id", "claim"),
        _fk("target_claim_id", "claim"),
        _fk("article_id", "article"),
        _fk("origin_article_id", "article"),
        _fk("outlet_id", "outlet"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_item")),
        sa.UniqueConstraint("key", name=op.f("uq_review_item_key")),
    )
    op.create_index("ix_review_item_status_id", "review_item", ["status", "id"])
    op.create_index(op.f("ix_review_item_article_id"), "review_item", ["article_id"])
    op.create_index(op.f("ix_review_item_outlet_id"), "review_item", ["outlet_id"])
    op.create_index(op.f("ix_review_item_created_at"), "review_item", ["created_at"])


def downgrade() -> None:
    op.drop_table("review_item")
