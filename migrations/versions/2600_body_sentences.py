"""Sentence fingerprints of article bodies: which sentences of one body reappear in another.

- `article.body_sentences`: per sentence, the sorted hashes of its 3-word shingles
  (app/ingest/sentences.py). Articles already stored have no body to fingerprint (bodies are
  never kept), so they stay NULL and copy detection uses their other fingerprints.

Revision ID: 2600_body_sentences
Revises: 2000_feeds
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2600_body_sentences"
down_revision: str | None = "2300_feed_sitemap_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("article", sa.Column("body_sentences", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("article") as batch:
        batch.drop_column("body_sentences")
