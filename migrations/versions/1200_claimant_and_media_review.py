"""Long claimants are stored whole, and MediaReview's authenticity category is kept.

- `claim.claimant` grows from 200 to 500 characters. Fact-checkers often name the claimant
  by a description ("A post shared on Facebook by ... claiming ..."): 252 characters were seen
  in real ClaimReview markup. 500 keeps the `lower(claimant)` B-tree index within
  PostgreSQL's entry limit (about 2700 bytes) whatever the script. SQLite does not enforce a
  VARCHAR length, so there only the declared type in the schema text changes (the documented
  `writable_schema` procedure for changes that leave the stored format as it is), which keeps
  the table's triggers and the foreign keys that point at it untouched.
- `review.media_authenticity_category`: the schema.org MediaReview verdict
  (`OriginalMediaContent`, `TransformedContent`, ...), null for ClaimReviews.

Revision ID: 1200_claimant_and_media_review
Revises: 1000_import_jobs
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1200_claimant_and_media_review"
down_revision: str | None = "1000_import_jobs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sqlite_claimant_length(old: int, new: int) -> None:
    """Change the declared length in SQLite's stored CREATE TABLE text (no data is touched)."""
    bind = op.get_bind()
    sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'claim'"
    ).scalar_one()
    before = f"claimant VARCHAR({old})"
    if before not in sql:
        raise RuntimeError(f"claim table has no {before!r}; cannot change its length")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.exec_driver_sql(
        "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'claim'",
        (sql.replace(before, f"claimant VARCHAR({new})"),),
    )
    # A new schema version makes every open connection re-read the schema.
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_claimant_length(200, 500)
    else:
        op.alter_column(
            "claim",
            "claimant",
            existing_type=sa.String(length=200),
            type_=sa.String(length=500),
            existing_nullable=True,
        )
    op.add_column(
        "review", sa.Column("media_authenticity_category", sa.String(length=60), nullable=True)
    )


def downgrade() -> None:
    with op.batch_alter_table("review") as batch:
        batch.drop_column("media_authenticity_category")
    # Claimants longer than 200 characters cannot go back into the narrower column.
    op.execute("UPDATE claim SET claimant = substr(claimant, 1, 200) WHERE length(claimant) > 200")
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_claimant_length(500, 200)
    else:
        op.alter_column(
            "claim",
            "claimant",
            existing_type=sa.String(length=500),
            type_=sa.String(length=200),
            existing_nullable=True,
        )
