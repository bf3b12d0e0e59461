"""PostgreSQL: a claim's JSON rendered from the row's own values, the first-reporting outlet read
once.

`claim_rendered_json()` (migration 3000) runs before every insert into `claim` and every update
of a column the JSON shows. It locked the first-reporting outlet (`PERFORM … FOR SHARE`), then
evaluated `(SELECT rendering FROM (SELECT NEW.*) AS claim)`: a query through the executor for
each row, with three sub-queries looking the same outlet up again (its slug twice, its name
once). In a bulk import every new claim goes through it twice (inserted with empty counters,
then recounted), 4,506 calls on the S import: 79 µs a call, against 29 µs now (an UPDATE of all
2,235 claims of that import, in rolled-back transactions; docs/benchmarks.md, "Bulk ingest on
PostgreSQL, the server's share").

Now the function reads the outlet's slug and name with the lock it already took (`SELECT slug,
name INTO … FOR SHARE`) and assigns the same rendering written over `NEW`'s fields and those two
values (declared with the outlet columns' types, `varchar(64)` and `varchar(200)`): no
sub-query is left, so PL/pgSQL evaluates it as a simple expression, without the executor. The
text is the same, byte for byte: it is migration 3000's rendering with each `claim.column` read
as `NEW.column` and each outlet sub-query as the value it returned, derived here from the
frozen rendering and checked. Under READ COMMITTED the locked read returns the outlet's latest committed row, as the
sub-queries did once the lock was held (a concurrent rename waits for this transaction either
way; tests/integrity/test_outlet_rename_races.py), and no row (no outlet) gives NULL to both,
as the sub-queries did. The generic plan of migration 3300 is kept for the one statement left.

SQLite is unchanged (its triggers render with `json_object` in the trigger's own UPDATE).

Revision ID: 3800_rendered_json_inline
Revises: 3700_marked_fingerprints
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "3800_rendered_json_inline"
down_revision: str | None = "3700_marked_fingerprints"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Migration 3000's RENDERING_POSTGRESQL, frozen here as migrations are.
_RENDERING = (
    "('{\"text\":' || coalesce(to_json(claim.text)::text, 'null') || ',\"claimant\":' || "
    "coalesce(to_json(claim.claimant)::text, 'null') || ',\"claim_date\":' || "
    "coalesce(to_json(to_char(claim.claim_date, 'YYYY-MM-DD'))::text, 'null') || ',\"id\":' || "
    "coalesce(to_json(claim.id)::text, 'null') || ',\"created_at\":' || "
    "coalesce(to_json((to_char((claim.created_at AT TIME ZONE 'UTC'), "
    "'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN date_trunc('second', claim.created_at) = "
    "claim.created_at THEN '' ELSE to_char((claim.created_at AT TIME ZONE 'UTC'), '.US') END "
    "|| 'Z'))::text, 'null') || ',\"updated_at\":' || "
    "coalesce(to_json((to_char((claim.updated_at AT TIME ZONE 'UTC'), "
    "'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN date_trunc('second', claim.updated_at) = "
    "claim.updated_at THEN '' ELSE to_char((claim.updated_at AT TIME ZONE 'UTC'), '.US') END "
    "|| 'Z'))::text, 'null') || ',\"corroboration\":' || ('{\"outlets\":' || "
    "coalesce(to_json(claim.outlets_count)::text, 'null') || ',\"independent_origins\":' || "
    "coalesce(to_json(claim.origins_count)::text, 'null') || ',\"credited_origins\":' || "
    "coalesce(to_json(claim.credited_origins_count)::text, 'null') || ',\"articles\":' || "
    "coalesce(to_json(claim.articles_count)::text, 'null') || ',\"disputing_outlets\":' || "
    "coalesce(to_json(claim.disputing_outlets_count)::text, 'null') || ',\"first_reported\":' "
    "|| (CASE WHEN claim.first_reported_at IS NOT NULL AND (SELECT first_outlet.slug FROM "
    "outlet AS first_outlet WHERE first_outlet.id = claim.first_reported_outlet_id) IS NOT "
    "NULL THEN ('{\"at\":' || coalesce(to_json((to_char((claim.first_reported_at AT TIME ZONE "
    "'UTC'), 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN date_trunc('second', "
    "claim.first_reported_at) = claim.first_reported_at THEN '' ELSE "
    "to_char((claim.first_reported_at AT TIME ZONE 'UTC'), '.US') END || 'Z'))::text, 'null')"
    " || ',\"outlet\":' || coalesce(to_json((SELECT first_outlet.slug FROM outlet AS "
    "first_outlet WHERE first_outlet.id = claim.first_reported_outlet_id))::text, 'null') || "
    "',\"outlet_name\":' || coalesce(to_json((SELECT first_outlet.name FROM outlet AS "
    "first_outlet WHERE first_outlet.id = claim.first_reported_outlet_id))::text, 'null') || "
    "',\"article_id\":' || coalesce(to_json(claim.first_reported_article_id)::text, 'null') || "
    "'}') ELSE 'null' END) || ',\"last_reported_at\":' || "
    "coalesce(to_json((to_char((claim.last_reported_at AT TIME ZONE 'UTC'), "
    "'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN date_trunc('second', claim.last_reported_at) = "
    "claim.last_reported_at THEN '' ELSE to_char((claim.last_reported_at AT TIME ZONE 'UTC'),"
    " '.US') END || 'Z'))::text, 'null') || ',\"method\":' || "
    '\'{"collapse":["syndicates","cites"],"as_of":null,"as_of_basis":"published","version":"1"}\''
    " || '}') || '}')"
)


def _outlet(column: str) -> str:
    return (
        f"(SELECT first_outlet.{column} FROM outlet AS first_outlet "
        "WHERE first_outlet.id = claim.first_reported_outlet_id)"
    )


def _inline(rendering: str) -> str:
    """The rendering over the trigger's row: each outlet sub-query as its variable, each
    `claim.column` as `NEW.column`."""
    inlined = rendering.replace(_outlet("slug"), "first_slug").replace(
        _outlet("name"), "first_name"
    )
    # Nothing else may read a table: the expression must be a simple one.
    assert "SELECT" not in inlined
    assert "first_outlet" not in inlined
    return inlined.replace("claim.", "NEW.")


INLINE = (
    "CREATE OR REPLACE FUNCTION claim_rendered_json() RETURNS trigger LANGUAGE plpgsql "
    "SET plan_cache_mode = force_generic_plan AS $$ DECLARE first_slug varchar(64); "
    "first_name varchar(200); BEGIN "
    "SELECT slug, name INTO first_slug, first_name FROM outlet "
    "WHERE id = NEW.first_reported_outlet_id FOR SHARE; "
    f"NEW.rendered_json := {_inline(_RENDERING)}; RETURN NEW; END $$"
)
# As migrations 3000 and 3300 left it.
SUBQUERIES = (
    "CREATE OR REPLACE FUNCTION claim_rendered_json() RETURNS trigger LANGUAGE plpgsql "
    "SET plan_cache_mode = force_generic_plan AS $$ BEGIN "
    "PERFORM 1 FROM outlet WHERE id = NEW.first_reported_outlet_id FOR SHARE; "
    f"NEW.rendered_json := (SELECT {_RENDERING} FROM (SELECT NEW.*) AS claim); "
    "RETURN NEW; END $$"
)


def _run(sql: str) -> None:
    # As the driver takes it: the JSON text holds colons (`"as_of":null`), which `op.execute`
    # would read as bind parameters.
    op.get_bind().exec_driver_sql(sql)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _run(INLINE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _run(SUBQUERIES)
