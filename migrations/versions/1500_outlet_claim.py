"""Claims per outlet in sort order: the derived `outlet_claim` table, filled from attributions.

Revision ID: 1500_outlet_claim
Revises: 1400_events
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.core.columns

revision: str = "1500_outlet_claim"
down_revision: str | None = "1400_events"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SORTS = {
    "by_outlets": [sa.text("outlets_count DESC")],
    "by_origins": [sa.text("origins_count DESC")],
    "by_first_reported": ["first_reported_at"],
    "by_first_reported_desc": [sa.text("first_reported_at DESC")],
    "by_last_reported_desc": [sa.text("last_reported_at DESC")],
}


def upgrade() -> None:
    op.create_table(
        "outlet_claim",
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("first_at", app.core.columns.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_at", app.core.columns.UTCDateTime(timezone=True), nullable=False),
        sa.Column("outlets_count", sa.Integer(), nullable=False),
        sa.Column("origins_count", sa.Integer(), nullable=False),
        sa.Column("first_reported_at", app.core.columns.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_reported_at", app.core.columns.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_outlet_claim_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["outlet_id"],
            ["outlet.id"],
            name=op.f("fk_outlet_claim_outlet_id_outlet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("outlet_id", "claim_id", name=op.f("pk_outlet_claim")),
    )
    # Filled before the indexes are built: one sorted build each instead of row-by-row inserts.
    op.execute(
        "INSERT INTO outlet_claim (outlet_id, claim_id, first_at, last_at, outlets_count, "
        "origins_count, first_reported_at, last_reported_at) "
        "SELECT ar.outlet_id, a.claim_id, min(ar.published_at), max(ar.published_at), "
        "c.outlets_count, c.origins_count, c.first_reported_at, c.last_reported_at "
        "FROM attribution a JOIN article ar ON ar.id = a.article_id "
        "JOIN claim c ON c.id = a.claim_id WHERE a.stance IN ('reports', 'supports') "
        "GROUP BY ar.outlet_id, a.claim_id, c.outlets_count, c.origins_count, "
        "c.first_reported_at, c.last_reported_at"
    )
    for name, keys in _SORTS.items():
        op.create_index(f"ix_outlet_claim_{name}", "outlet_claim", ["outlet_id", *keys, "claim_id"])
    op.create_index("ix_outlet_claim_claim_id", "outlet_claim", ["claim_id"])


def downgrade() -> None:
    op.drop_index("ix_outlet_claim_claim_id", table_name="outlet_claim")
    for name in reversed(list(_SORTS)):
        op.drop_index(f"ix_outlet_claim_{name}", table_name="outlet_claim")
    op.drop_table("outlet_claim")
