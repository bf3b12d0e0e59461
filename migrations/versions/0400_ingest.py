"""Ingest: claim merges (a redirect to the surviving claim) and what copy detection keeps of
article bodies (a SimHash fingerprint and the credit the article gives another outlet).

Revision ID: 0400_ingest
Revises: 0300_reviews
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0400_ingest"
down_revision: str | None = "0300_reviews"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN on both dialects: a batch (copy-and-move) rebuild on SQLite
    # would drop the full-text triggers on claim and the DESC and expression indexes. No ON DELETE
    # action: SQLite does not reflect one declared inline, and the claims service deletes the
    # claims merged into a claim it deletes.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE claim ADD COLUMN merged_into INTEGER "
            "CONSTRAINT fk_claim_merged_into_claim REFERENCES claim (id)"
        )
    else:
        op.add_column("claim", sa.Column("merged_into", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_claim_merged_into_claim"),
            "claim",
            "claim",
            ["merged_into"],
            ["id"],
        )
    op.create_index(op.f("ix_claim_merged_into"), "claim", ["merged_into"])
    op.add_column("article", sa.Column("body_simhash", sa.BigInteger(), nullable=True))
    op.add_column("article", sa.Column("credit", sa.String(length=300), nullable=True))
    op.add_column("article", sa.Column("credit_name", sa.String(length=200), nullable=True))
    op.create_index(op.f("ix_article_credit_name"), "article", ["credit_name"])


def downgrade() -> None:
    op.drop_index(op.f("ix_article_credit_name"), table_name="article")
    op.drop_column("article", "credit_name")
    op.drop_column("article", "credit")
    op.drop_column("article", "body_simhash")
    op.drop_index(op.f("ix_claim_merged_into"), table_name="claim")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(op.f("fk_claim_merged_into_claim"), "claim", type_="foreignkey")
    # SQLite (3.35+) drops a column with its inline REFERENCES clause.
    op.drop_column("claim", "merged_into")
