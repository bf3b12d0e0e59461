"""Claim proposals in the review queue: a quote found in a crawled article, kept for a person
when the matcher could not link it to a claim for sure.

Revision ID: 2200_claim_proposals
Revises: 2000_feeds
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2200_claim_proposals"
down_revision: str | None = "2000_feeds"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD = "kind IN ('claim_merge', 'copy', 'credited_origin')"
NEW = "kind IN ('claim_merge', 'copy', 'credited_origin', 'claim_proposal')"
COLUMNS = (("proposed_text", 2000), ("proposed_claimant", 500), ("quote", 5000))


def _sqlite_check(old: str, new: str) -> None:
    """Change the CHECK in SQLite's stored CREATE TABLE text (no data is touched); copying the
    table in batch mode would reflect the whole schema for nothing."""
    bind = op.get_bind()
    sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'review_item'"
    ).scalar_one()
    if old not in sql:
        raise RuntimeError(f"review_item has no {old!r}; cannot change it")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.exec_driver_sql(
        "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'review_item'",
        (sql.replace(old, new),),
    )
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def _check(old: str, new: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_check(old, new)
    else:
        op.drop_constraint(op.f("ck_review_item_kind"), "review_item", type_="check")
        op.create_check_constraint(op.f("ck_review_item_kind"), "review_item", new)


def upgrade() -> None:
    for name, length in COLUMNS:
        op.add_column("review_item", sa.Column(name, sa.String(length=length), nullable=True))
    _check(OLD, NEW)


def downgrade() -> None:
    op.execute("DELETE FROM review_item WHERE kind = 'claim_proposal'")
    _check(NEW, OLD)
    for name, _ in reversed(COLUMNS):
        op.drop_column("review_item", name)
