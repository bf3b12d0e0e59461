"""Graph invariants the database states itself: no claim merged into itself.

(An article linking to itself was already refused by `ck_article_link_not_self`.) PostgreSQL
gets a CHECK constraint; SQLite cannot add one without rebuilding the table (and its full-text
triggers), so there two triggers refuse the same rows with the same message.

Revision ID: 0600_graph_invariants
Revises: 0500_api_keys
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0600_graph_invariants"
down_revision: str | None = "0500_api_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CONDITION = "merged_into IS NULL OR merged_into <> id"
_SQLITE_TRIGGER = (
    "CREATE TRIGGER ck_claim_not_merged_into_self_{event} BEFORE {event} ON claim "
    "WHEN new.merged_into = new.id BEGIN "
    "SELECT RAISE(ABORT, 'CHECK constraint failed: ck_claim_not_merged_into_self'); END"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.create_check_constraint("not_merged_into_self", "claim", _CONDITION)
        return
    op.execute(_SQLITE_TRIGGER.format(event="INSERT"))
    op.execute(_SQLITE_TRIGGER.format(event="UPDATE"))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint("ck_claim_not_merged_into_self", "claim", type_="check")
        return
    op.execute("DROP TRIGGER ck_claim_not_merged_into_self_INSERT")
    op.execute("DROP TRIGGER ck_claim_not_merged_into_self_UPDATE")
