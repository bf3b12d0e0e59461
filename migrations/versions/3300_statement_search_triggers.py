"""PostgreSQL: the full-text rows of inserted claims and quotes written once per statement; the
claim's JSON rendered from a generic plan.

Two per-row costs of every insert into `claim` and `attribution`, measured by `EXPLAIN ANALYZE`
of 300 claims and 900 quoted attributions (docs/benchmarks.md, "Bulk ingest, sixteenth pass"):

- `claim_search` was refreshed by a row trigger calling a SQL function: PostgreSQL plans a SQL
  function's statement again on every call, about 85 µs a row before any index work, and an
  article quoting a claim three times refreshed that claim three times. Inserts now refresh
  the claims of a whole statement (a `COPY` or a multi-row `INSERT`) with one statement, each
  claim once, lowest id first (a fixed order in which concurrent writers lock `claim_search`
  rows), from the statement's transition table. The document is the same: the claim's text
  (weight A) and every quote of its attributions (weight B). Updates and deletes keep their
  row triggers: PostgreSQL allows no transition table on a trigger with a column list (`UPDATE
  OF quote, claim_id`), and they are rare.
- `claim_rendered_json()` renders `(SELECT NEW.*)`, and PL/pgSQL planned that statement anew
  for each row's values (a custom plan), about 90 µs a row against 27 µs with the generic
  plan, which looks up the same primary keys whatever the values. Its rendering is unchanged.

SQLite's triggers are unchanged (FTS5 statements, already cheap per row).

Revision ID: 3300_statement_search_triggers
Revises: 3200_tsquery_aggregates
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = "3300_statement_search_triggers"
down_revision: str | None = "3200_tsquery_aggregates"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# claim_search_refresh(target) of 0001_foundation, for every claim id `{ids}` selects.
_REFRESH = """
  INSERT INTO claim_search (claim_id, document)
  SELECT c.id,
         setweight(to_tsvector('english', c.text), 'A') ||
         setweight(to_tsvector('english', coalesce(
           (SELECT string_agg(a.quote, ' ') FROM attribution a
             WHERE a.claim_id = c.id AND a.quote IS NOT NULL), '')), 'B')
    FROM claim c WHERE c.id IN ({ids})
   ORDER BY c.id
  ON CONFLICT (claim_id) DO UPDATE SET document = excluded.document;
"""


def _statement_function(name: str, ids: str) -> str:
    return (
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"{_REFRESH.format(ids=ids)} RETURN NULL; END $$"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER FUNCTION claim_rendered_json() SET plan_cache_mode = force_generic_plan")
    op.execute(_statement_function("claim_search_on_claims_inserted", "SELECT id FROM inserted"))
    op.execute(
        _statement_function(
            "claim_search_on_quotes_inserted",
            "SELECT claim_id FROM inserted WHERE quote IS NOT NULL",
        )
    )
    op.execute("DROP TRIGGER claim_search_claim ON claim")
    op.execute(
        "CREATE TRIGGER claim_search_claim_insert AFTER INSERT ON claim "
        "REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT "
        "EXECUTE FUNCTION claim_search_on_claims_inserted()"
    )
    op.execute(
        "CREATE TRIGGER claim_search_claim_update AFTER UPDATE OF text ON claim "
        "FOR EACH ROW EXECUTE FUNCTION claim_search_on_claim()"
    )
    op.execute("DROP TRIGGER claim_search_attribution_insert ON attribution")
    op.execute(
        "CREATE TRIGGER claim_search_attribution_insert AFTER INSERT ON attribution "
        "REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT "
        "EXECUTE FUNCTION claim_search_on_quotes_inserted()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER claim_search_attribution_insert ON attribution")
    op.execute(
        "CREATE TRIGGER claim_search_attribution_insert AFTER INSERT ON attribution "
        "FOR EACH ROW WHEN (NEW.quote IS NOT NULL) EXECUTE FUNCTION claim_search_on_attribution()"
    )
    op.execute("DROP TRIGGER claim_search_claim_update ON claim")
    op.execute("DROP TRIGGER claim_search_claim_insert ON claim")
    op.execute(
        "CREATE TRIGGER claim_search_claim AFTER INSERT OR UPDATE OF text ON claim "
        "FOR EACH ROW EXECUTE FUNCTION claim_search_on_claim()"
    )
    op.execute("DROP FUNCTION claim_search_on_quotes_inserted()")
    op.execute("DROP FUNCTION claim_search_on_claims_inserted()")
    op.execute("ALTER FUNCTION claim_rendered_json() RESET plan_cache_mode")
