"""PostgreSQL: OR and AND of many tsqueries as aggregates, for one-plan candidate statements.

Claim matching asks the full-text index, for each new claim, for the claims holding any of its
rarer words, and first counts how many claims hold each word. Written as a UNION ALL of one
sub-query per text (or per word), a statement of 100 texts was planned part by part and cost
three times what one plan run over a list of texts costs (docs/benchmarks.md, "Bulk ingest,
fifteenth pass"). A text's query is the OR (or, when every word is common, the AND) of one
tsquery per term, folded left in term order; these aggregates fold a list of them in SQL the
same way (`ORDER BY` the term's position), from the built-in `tsquery_or` and `tsquery_and`
that the `||` and `&&` operators call. SQLite's FTS5 needs nothing.

Revision ID: 3200_tsquery_aggregates
Revises: 3100_gin_fastupdate_off
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = "3200_tsquery_aggregates"
down_revision: str | None = "3100_gin_fastupdate_off"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # Strict state functions and no initial state: the first term's tsquery is the start.
    # PARALLEL SAFE as their state functions are: an unsafe aggregate would keep the whole
    # candidate statement out of parallel plans.
    for name, function in (("tsquery_or_agg", "tsquery_or"), ("tsquery_and_agg", "tsquery_and")):
        op.execute(
            f"CREATE AGGREGATE {name}(tsquery) "
            f"(SFUNC = {function}, STYPE = tsquery, PARALLEL = SAFE)"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP AGGREGATE tsquery_and_agg(tsquery)")
    op.execute("DROP AGGREGATE tsquery_or_agg(tsquery)")
