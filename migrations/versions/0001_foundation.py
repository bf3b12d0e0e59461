"""Foundation: outlets, articles, article links, claims with corroboration counters,
attributions, and the full-text index over claim text and attribution quotes.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "outlet",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("domain", sa.String(length=253), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("language", sa.String(length=35), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("owner_group", sa.String(length=200), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.CheckConstraint(
            "kind IN ('wire_agency', 'newspaper', 'broadcaster', 'magazine', 'online', 'other')",
            name=op.f("ck_outlet_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outlet")),
        sa.UniqueConstraint("domain", name=op.f("uq_outlet_domain")),
        sa.UniqueConstraint("slug", name=op.f("uq_outlet_slug")),
    )
    op.create_table(
        "article",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("title", sa.String(length=1000), nullable=False),
        sa.Column("published_at", TS, nullable=False),
        sa.Column("author", sa.String(length=200), nullable=True),
        sa.Column("language", sa.String(length=35), nullable=True),
        sa.Column("root_article_id", sa.Integer(), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["outlet_id"], ["outlet.id"], name=op.f("fk_article_outlet_id_outlet")
        ),
        sa.ForeignKeyConstraint(
            ["root_article_id"], ["article.id"], name=op.f("fk_article_root_article_id_article")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article")),
        sa.UniqueConstraint("url", name=op.f("uq_article_url")),
    )
    op.create_index(
        "ix_article_outlet_id_published_at", "article", ["outlet_id", "published_at"]
    )
    op.create_index(op.f("ix_article_published_at"), "article", ["published_at"])
    op.create_index(op.f("ix_article_root_article_id"), "article", ["root_article_id"])

    op.create_table(
        "article_link",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("origin_article_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=1000), nullable=True),
        sa.Column("provenance", sa.String(length=20), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.CheckConstraint(
            "provenance IN ('stated', 'detected')", name=op.f("ck_article_link_provenance")
        ),
        sa.CheckConstraint(
            "relation IN ('syndicates', 'cites')", name=op.f("ck_article_link_relation")
        ),
        sa.CheckConstraint(
            "article_id <> origin_article_id", name=op.f("ck_article_link_not_self")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_link_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["origin_article_id"],
            ["article.id"],
            name=op.f("fk_article_link_origin_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_article_link")),
    )
    op.create_index(
        op.f("ix_article_link_origin_article_id"), "article_link", ["origin_article_id"]
    )

    op.create_table(
        "claim",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=2000), nullable=False),
        sa.Column("claimant", sa.String(length=200), nullable=True),
        sa.Column("claim_date", sa.Date(), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("outlets_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("origins_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("articles_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("disputing_outlets_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("first_reported_at", TS, nullable=True),
        sa.Column("first_reported_article_id", sa.Integer(), nullable=True),
        sa.Column("first_reported_outlet_id", sa.Integer(), nullable=True),
        sa.Column("last_reported_at", TS, nullable=True),
        sa.ForeignKeyConstraint(
            ["first_reported_article_id"],
            ["article.id"],
            name=op.f("fk_claim_first_reported_article_id_article"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["first_reported_outlet_id"],
            ["outlet.id"],
            name=op.f("fk_claim_first_reported_outlet_id_outlet"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_claim_fingerprint")),
    )
    op.create_index("ix_claim_by_outlets", "claim", [sa.text("outlets_count DESC"), "id"])
    op.create_index("ix_claim_by_origins", "claim", [sa.text("origins_count DESC"), "id"])
    op.create_index("ix_claim_by_first_reported", "claim", ["first_reported_at", "id"])
    op.create_index(
        "ix_claim_by_first_reported_desc", "claim", [sa.text("first_reported_at DESC"), "id"]
    )
    op.create_index(
        "ix_claim_by_last_reported_desc", "claim", [sa.text("last_reported_at DESC"), "id"]
    )
    op.create_index("ix_claim_claimant_lower", "claim", [sa.text("lower(claimant)")])

    op.create_table(
        "attribution",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("stance", sa.String(length=20), nullable=False),
        sa.Column("quote", sa.String(length=5000), nullable=True),
        sa.Column("sourcing", sa.String(length=20), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.CheckConstraint(
            "sourcing IN ('named', 'anonymous', 'official', 'document', 'unknown')",
            name=op.f("ck_attribution_sourcing"),
        ),
        sa.CheckConstraint(
            "stance IN ('reports', 'supports', 'disputes')", name=op.f("ck_attribution_stance")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_attribution_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_attribution_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attribution")),
        sa.UniqueConstraint(
            "claim_id", "article_id", name=op.f("uq_attribution_claim_id_article_id")
        ),
    )
    op.create_index(op.f("ix_attribution_article_id"), "attribution", ["article_id"])

    if op.get_bind().dialect.name == "postgresql":
        _create_search_postgresql()
    else:
        _create_search_sqlite()


# Full-text search over claim text (weight A) and attribution quotes (weight B), kept in
# sync by triggers so that every write path, including raw SQL, updates it.

_SQLITE_QUOTES = (
    "(SELECT coalesce(group_concat(quote, ' '), '') FROM attribution "
    "WHERE claim_id = {ref}.claim_id AND quote IS NOT NULL)"
)


def _create_search_sqlite() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE claim_search USING fts5("
        "text, quotes, tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER claim_search_claim_insert AFTER INSERT ON claim BEGIN "
        "INSERT INTO claim_search (rowid, text, quotes) VALUES (new.id, new.text, ''); END"
    )
    op.execute(
        "CREATE TRIGGER claim_search_claim_update AFTER UPDATE OF text ON claim BEGIN "
        "UPDATE claim_search SET text = new.text WHERE rowid = new.id; END"
    )
    op.execute(
        "CREATE TRIGGER claim_search_claim_delete AFTER DELETE ON claim BEGIN "
        "DELETE FROM claim_search WHERE rowid = old.id; END"
    )
    # Appending keeps bulk inserts linear; updates and deletes rebuild the claim's quotes.
    op.execute(
        "CREATE TRIGGER claim_search_attribution_insert AFTER INSERT ON attribution "
        "WHEN new.quote IS NOT NULL BEGIN "
        "UPDATE claim_search SET quotes = quotes || ' ' || new.quote "
        "WHERE rowid = new.claim_id; END"
    )
    op.execute(
        "CREATE TRIGGER claim_search_attribution_update AFTER UPDATE OF quote, claim_id "
        "ON attribution WHEN old.quote IS NOT new.quote OR old.claim_id <> new.claim_id BEGIN "
        f"UPDATE claim_search SET quotes = {_SQLITE_QUOTES.format(ref='old')} "
        "WHERE rowid = old.claim_id; "
        f"UPDATE claim_search SET quotes = {_SQLITE_QUOTES.format(ref='new')} "
        "WHERE rowid = new.claim_id; END"
    )
    op.execute(
        "CREATE TRIGGER claim_search_attribution_delete AFTER DELETE ON attribution "
        "WHEN old.quote IS NOT NULL BEGIN "
        f"UPDATE claim_search SET quotes = {_SQLITE_QUOTES.format(ref='old')} "
        "WHERE rowid = old.claim_id; END"
    )


def _create_search_postgresql() -> None:
    op.execute(
        "CREATE TABLE claim_search ("
        "claim_id integer PRIMARY KEY REFERENCES claim (id) ON DELETE CASCADE, "
        "document tsvector NOT NULL)"
    )
    op.execute("CREATE INDEX ix_claim_search_document ON claim_search USING gin (document)")
    op.execute(
        """
        CREATE FUNCTION claim_search_refresh(target integer) RETURNS void LANGUAGE sql AS $$
          INSERT INTO claim_search (claim_id, document)
          SELECT c.id,
                 setweight(to_tsvector('english', c.text), 'A') ||
                 setweight(to_tsvector('english', coalesce(
                   (SELECT string_agg(a.quote, ' ') FROM attribution a
                     WHERE a.claim_id = c.id AND a.quote IS NOT NULL), '')), 'B')
            FROM claim c WHERE c.id = target
          ON CONFLICT (claim_id) DO UPDATE SET document = excluded.document
        $$
        """
    )
    op.execute(
        """
        CREATE FUNCTION claim_search_on_claim() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM claim_search_refresh(NEW.id);
          RETURN NULL;
        END $$
        """
    )
    op.execute(
        """
        CREATE FUNCTION claim_search_on_attribution() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN PERFORM claim_search_refresh(OLD.claim_id); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM claim_search_refresh(NEW.claim_id); END IF;
          RETURN NULL;
        END $$
        """
    )
    op.execute(
        "CREATE TRIGGER claim_search_claim AFTER INSERT OR UPDATE OF text ON claim "
        "FOR EACH ROW EXECUTE FUNCTION claim_search_on_claim()"
    )
    op.execute(
        "CREATE TRIGGER claim_search_attribution_insert AFTER INSERT ON attribution "
        "FOR EACH ROW WHEN (NEW.quote IS NOT NULL) EXECUTE FUNCTION claim_search_on_attribution()"
    )
    op.execute(
        "CREATE TRIGGER claim_search_attribution_update AFTER UPDATE OF quote, claim_id "
        "ON attribution FOR EACH ROW WHEN (OLD.quote IS DISTINCT FROM NEW.quote "
        "OR OLD.claim_id <> NEW.claim_id) EXECUTE FUNCTION claim_search_on_attribution()"
    )
    op.execute(
        "CREATE TRIGGER claim_search_attribution_delete AFTER DELETE ON attribution "
        "FOR EACH ROW WHEN (OLD.quote IS NOT NULL) EXECUTE FUNCTION claim_search_on_attribution()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE claim_search")
        op.execute("DROP FUNCTION claim_search_on_attribution() CASCADE")
        op.execute("DROP FUNCTION claim_search_on_claim() CASCADE")
        op.execute("DROP FUNCTION claim_search_refresh(integer)")
    else:
        for trigger in (
            "claim_search_claim_insert",
            "claim_search_claim_update",
            "claim_search_claim_delete",
            "claim_search_attribution_insert",
            "claim_search_attribution_update",
            "claim_search_attribution_delete",
        ):
            op.execute(f"DROP TRIGGER {trigger}")
        op.execute("DROP TABLE claim_search")
    op.drop_table("attribution")
    op.drop_table("claim")
    op.drop_table("article_link")
    op.drop_table("article")
    op.drop_table("outlet")
