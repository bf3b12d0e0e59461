"""PostgreSQL: a claim's full-text row is locked before its document is computed again.

Two transactions adding quoted attributions to one claim at the same time each computed the
claim's document from what it could see: its own quote and the committed ones, not the other's
uncommitted quote. The second then waited for the first's lock on the `claim_search` row
(`ON CONFLICT DO UPDATE`) and wrote its document over the first's once that committed: the
first quote was missing from the search row for good (`corroborate recount --check`:
`stale_search_rows`; `tests/integrity/test_search_rows_race.py`). Now each refresh first
locks the claims' rows (`FOR UPDATE`, lowest id first), then computes: a writer that waited
reads, with its next statement's snapshot, what the other committed. Every refresh does it:
the statement triggers of inserted claims and quotes (migration 3300) and `claim_search_refresh`,
which the row triggers of changed and deleted quotes and claim texts call (migration 0001; a
PL/pgSQL function now, since a SQL function's statements would share one snapshot).

Revision ID: 3400_search_rows_locked
Revises: 3300_statement_search_triggers
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = "3400_search_rows_locked"
down_revision: str | None = "3300_statement_search_triggers"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DOCUMENT = """
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
_LOCK = "PERFORM 1 FROM claim_search WHERE claim_id IN ({ids}) ORDER BY claim_id FOR UPDATE;"


def _function(signature: str, ids: str, returns: str, *, lock: bool) -> str:
    body = (_LOCK if lock else "") + _DOCUMENT
    end = "RETURN NULL;" if returns == "trigger" else ""
    return (
        f"CREATE OR REPLACE FUNCTION {signature} RETURNS {returns} LANGUAGE plpgsql AS $$ "
        f"BEGIN {body.format(ids=ids)} {end} END $$"
    )


def _statement_functions(*, lock: bool) -> None:
    op.execute(
        _function(
            "claim_search_on_claims_inserted()", "SELECT id FROM inserted", "trigger", lock=lock
        )
    )
    op.execute(
        _function(
            "claim_search_on_quotes_inserted()",
            "SELECT claim_id FROM inserted WHERE quote IS NOT NULL",
            "trigger",
            lock=lock,
        )
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_function("claim_search_refresh(target integer)", "target", "void", lock=True))
    _statement_functions(lock=True)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # 0001's SQL function: a function's language can change in place, its body with it.
    op.execute(
        "CREATE OR REPLACE FUNCTION claim_search_refresh(target integer) RETURNS void "
        f"LANGUAGE sql AS $$ {_DOCUMENT.format(ids='target').rstrip().rstrip(';')} $$"
    )
    _statement_functions(lock=False)
