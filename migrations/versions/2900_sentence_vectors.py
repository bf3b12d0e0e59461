"""Sentence vectors of article bodies: which sentences of one body are retold in another.

- `article.body_sentence_vectors`: per sentence (the first 30), an int8 vector of its meaning
  from the sentence-embedding model (app/ingest/retold.py). Articles already stored have no
  body to embed (bodies are never kept), so they stay NULL and copy detection uses their
  fingerprints.

Revision ID: 2900_sentence_vectors
Revises: 2600_body_sentences
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2900_sentence_vectors"
down_revision: str | None = "2600_body_sentences"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("article", sa.Column("body_sentence_vectors", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("article") as batch:
        batch.drop_column("body_sentence_vectors")
