"""Sitemap indexes: a child sitemap is a feed of its own (polled under its host's delay, with
its own validators and health) that names the index which listed it. And an index on
`feed_entry.fetched_at` for the /metrics gauge of pages fetched in the last hour.

Revision ID: 2300_feed_sitemap_index
Revises: 2000_feeds
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2300_feed_sitemap_index"
down_revision: str | None = "2200_claim_proposals"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("feed", schema=None) as batch_op:
        batch_op.add_column(sa.Column("parent_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_feed_parent_id"), ["parent_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_feed_parent_id_feed"), "feed", ["parent_id"], ["id"], ondelete="CASCADE"
        )
    with op.batch_alter_table("feed_entry", schema=None) as batch_op:
        batch_op.create_index("ix_feed_entry_fetched_at", ["fetched_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("feed_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_feed_entry_fetched_at")
    with op.batch_alter_table("feed", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_feed_parent_id_feed"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_feed_parent_id"))
        batch_op.drop_column("parent_id")
