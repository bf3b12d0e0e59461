"""Credited origins, headline keys and MinHash fingerprints for copy detection.

- `credited_origin`: the outlet an article credits ("(AP)", "/ap-" in its URL, rel=canonical)
  when that outlet's own article is not linked; counting collapses the article into it.
- `article.headline_key`: the headline without case, punctuation, wire slugs or agency suffix;
  filled here for the articles already stored.
- `article.body_minhash`, `article.body_shingles`: shingle containment of partial copies.
- `claim.credited_origins_count`: independent origins known only by a credit.

Revision ID: 1300_credited_origins
Revises: 1200_claimant_and_media_review
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.articles.headlines import headline_key

revision: str = "1300_credited_origins"
down_revision: str | None = "1200_claimant_and_media_review"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 1000


def upgrade() -> None:
    op.create_table(
        "credited_origin",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=1000), nullable=False),
        sa.Column("evidence", sa.String(length=300), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("provenance", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "relation IN ('syndicates', 'cites')", name=op.f("ck_credited_origin_relation")
        ),
        sa.CheckConstraint(
            "confidence >= 0 AND confidence <= 1", name=op.f("ck_credited_origin_confidence")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_credited_origin_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["outlet_id"],
            ["outlet.id"],
            name=op.f("fk_credited_origin_outlet_id_outlet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_credited_origin")),
    )
    op.create_index(
        op.f("ix_credited_origin_outlet_id"), "credited_origin", ["outlet_id"], unique=False
    )
    op.add_column("article", sa.Column("headline_key", sa.String(length=1000), nullable=True))
    op.add_column("article", sa.Column("body_minhash", sa.LargeBinary(), nullable=True))
    op.add_column("article", sa.Column("body_shingles", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_article_headline_key"), "article", ["headline_key"])
    op.add_column(
        "claim",
        sa.Column("credited_origins_count", sa.Integer(), server_default="0", nullable=False),
    )
    _fill_headline_keys()


def _fill_headline_keys() -> None:
    connection = op.get_bind()
    article = sa.table(
        "article", sa.column("id", sa.Integer), sa.column("title"), sa.column("headline_key")
    )
    last = 0
    while True:
        rows = connection.execute(
            sa.select(article.c.id, article.c.title)
            .where(article.c.id > last)
            .order_by(article.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        connection.execute(
            sa.update(article)
            .where(article.c.id == sa.bindparam("pk"))
            .values(headline_key=sa.bindparam("key")),
            [{"pk": row.id, "key": headline_key(row.title)} for row in rows],
        )
        last = rows[-1].id


def downgrade() -> None:
    with op.batch_alter_table("claim") as batch:
        batch.drop_column("credited_origins_count")
    with op.batch_alter_table("article") as batch:
        batch.drop_index(op.f("ix_article_headline_key"))
        batch.drop_column("body_shingles")
        batch.drop_column("body_minhash")
        batch.drop_column("headline_key")
    op.drop_index(op.f("ix_credited_origin_outlet_id"), table_name="credited_origin")
    op.drop_table("credited_origin")
