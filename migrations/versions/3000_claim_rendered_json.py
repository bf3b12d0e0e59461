"""The claim's rendered JSON, kept by the database: `claim.rendered_json`.

The hot reads (claim lists, search pages, the detail) served each claim by rendering some
twenty columns as JSON on every request; that rendering was most of their SQL's cost. Now the
database keeps each claim's ClaimPublic JSON in its row, written by triggers whenever a column
it shows changes (the claim's text, dates and counters, its first-reporting outlet's slug or
name), and the reads take it as it is (app/claims/projection.py, which falls back to the same
rendering for a row without it).

`RENDERING_*` is app/claims/projection.py's `CLAIM_RENDERING` as compiled for each database when
this migration was written, frozen here as migrations are. A later change to the claim's JSON
needs a migration that recreates these triggers and renders every row again; `corroborate
recount --check` reports claims whose stored JSON differs from the code's rendering
(`stale_rendered_json`), and `corroborate repair` rewrites them.

Revision ID: 3000_claim_rendered_json
Revises: 2900_sentence_vectors
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3000_claim_rendered_json"
down_revision: str | None = "2900_sentence_vectors"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The columns the JSON shows (`id` never changes).
_SHOWN = (
    "text",
    "claimant",
    "claim_date",
    "created_at",
    "updated_at",
    "outlets_count",
    "origins_count",
    "credited_origins_count",
    "articles_count",
    "disputing_outlets_count",
    "first_reported_at",
    "first_reported_article_id",
    "first_reported_outlet_id",
    "last_reported_at",
)

RENDERING_SQLITE = (
    "json_object('text', claim.text, 'claimant', claim.claimant, 'claim_date', "
    "claim.claim_date, 'id', claim.id, 'created_at', replace(replace(claim.created_at, ' ', "
    "'T') || 'Z', '.000000Z', 'Z'), 'updated_at', replace(replace(claim.updated_at, ' ', 'T')"
    " || 'Z', '.000000Z', 'Z'), 'corroboration', json_object('outlets', claim.outlets_count, "
    "'independent_origins', claim.origins_count, 'credited_origins', "
    "claim.credited_origins_count, 'articles', claim.articles_count, 'disputing_outlets', "
    "claim.disputing_outlets_count, 'first_reported', CASE WHEN claim.first_reported_at IS "
    "NOT NULL AND (SELECT first_outlet.slug FROM outlet AS first_outlet WHERE first_outlet.id"
    " = claim.first_reported_outlet_id) IS NOT NULL THEN json_object('at', "
    "replace(replace(claim.first_reported_at, ' ', 'T') || 'Z', '.000000Z', 'Z'), 'outlet', "
    "(SELECT first_outlet.slug FROM outlet AS first_outlet WHERE first_outlet.id = "
    "claim.first_reported_outlet_id), 'outlet_name', (SELECT first_outlet.name FROM outlet AS"
    " first_outlet WHERE first_outlet.id = claim.first_reported_outlet_id), 'article_id', "
    "claim.first_reported_article_id) END, 'last_reported_at', "
    "replace(replace(claim.last_reported_at, ' ', 'T') || 'Z', '.000000Z', 'Z'), 'method', "
    'json(\'{"collapse":["syndicates","cites"],"as_of":null,"as_of_basis":"published","version":"1"}\')))'
)

RENDERING_POSTGRESQL = (
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


def _run(sql: str) -> None:
    # As the driver takes it: the JSON text holds colons (`"as_of":null`), which `op.execute`
    # would read as bind parameters.
    op.get_bind().exec_driver_sql(sql)


def _render(rendering: str) -> str:
    """The UPDATE that writes claims' JSON (a WHERE follows where it is not every claim)."""
    return f"UPDATE claim SET rendered_json = {rendering}"


def _changed(old_new_distinct: str) -> str:
    return " OR ".join(old_new_distinct.format(column=column) for column in _SHOWN)


def _sqlite_upgrade() -> None:
    render = _render(RENDERING_SQLITE)
    _run(
        "CREATE TRIGGER claim_rendered_json_insert AFTER INSERT ON claim "
        f"BEGIN {render} WHERE id = NEW.id; END"
    )
    _run(
        f"CREATE TRIGGER claim_rendered_json_update AFTER UPDATE OF {', '.join(_SHOWN)} ON claim "
        f"WHEN {_changed('OLD.{column} IS NOT NEW.{column}')} "
        f"BEGIN {render} WHERE id = NEW.id; END"
    )
    _run(
        "CREATE TRIGGER outlet_rendered_json_update AFTER UPDATE OF slug, name ON outlet "
        "WHEN OLD.slug IS NOT NEW.slug OR OLD.name IS NOT NEW.name "
        f"BEGIN {render} WHERE first_reported_outlet_id = NEW.id; END"
    )
    _run(render)


def _postgresql_upgrade() -> None:
    # The outlet row is share-locked before it is read: a rename committing in between would
    # otherwise miss this claim (its trigger's UPDATE does not see the uncommitted claim row)
    # and leave the old name in it. With the lock the rename waits for this transaction, then
    # its trigger sees the claim and renders it again; a rename already made is waited for and
    # read. SQLite has one writer at a time.
    _run(
        "CREATE FUNCTION claim_rendered_json() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "PERFORM 1 FROM outlet WHERE id = NEW.first_reported_outlet_id FOR SHARE; "
        f"NEW.rendered_json := (SELECT {RENDERING_POSTGRESQL} FROM (SELECT NEW.*) AS claim); "
        "RETURN NEW; END $$"
    )
    _run(
        "CREATE TRIGGER claim_rendered_json_insert BEFORE INSERT ON claim "
        "FOR EACH ROW EXECUTE FUNCTION claim_rendered_json()"
    )
    _run(
        f"CREATE TRIGGER claim_rendered_json_update BEFORE UPDATE OF {', '.join(_SHOWN)} "
        f"ON claim FOR EACH ROW WHEN ({_changed('OLD.{column} IS DISTINCT FROM NEW.{column}')}) "
        "EXECUTE FUNCTION claim_rendered_json()"
    )
    _run(
        "CREATE FUNCTION outlet_rendered_json() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"{_render(RENDERING_POSTGRESQL)} WHERE first_reported_outlet_id = NEW.id; "
        "RETURN NULL; END $$"
    )
    _run(
        "CREATE TRIGGER outlet_rendered_json_update AFTER UPDATE OF slug, name ON outlet "
        "FOR EACH ROW WHEN (OLD.slug IS DISTINCT FROM NEW.slug OR OLD.name IS DISTINCT FROM "
        "NEW.name) EXECUTE FUNCTION outlet_rendered_json()"
    )
    _run(_render(RENDERING_POSTGRESQL))


def upgrade() -> None:
    op.add_column("claim", sa.Column("rendered_json", sa.Text(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_upgrade()
    else:
        _sqlite_upgrade()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER outlet_rendered_json_update ON outlet")
        op.execute("DROP FUNCTION outlet_rendered_json()")
        op.execute("DROP TRIGGER claim_rendered_json_update ON claim")
        op.execute("DROP TRIGGER claim_rendered_json_insert ON claim")
        op.execute("DROP FUNCTION claim_rendered_json()")
        op.drop_column("claim", "rendered_json")
        return
    for trigger in (
        "outlet_rendered_json_update",
        "claim_rendered_json_update",
        "claim_rendered_json_insert",
    ):
        op.execute(f"DROP TRIGGER {trigger}")
    with op.batch_alter_table("claim") as batch:
        batch.drop_column("rendered_json")
