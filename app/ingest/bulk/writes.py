"""Writing a planned run of lines: one INSERT per table for all its new rows, embeddings in one
model call, and the affected claims handed to the transaction's single recount.

Statements run on the session's connection (Core, no unit of work), inside the chunk's
transaction; what the ORM's flush would tell the outbox (claims created, attributions, links) is
handed to it here, so the events are those of the one-line path. The ids are drawn before the
insert (`reserve_ids`: PostgreSQL's sequences; on SQLite, under the write lock, the ids after
the largest, as SQLite would number the rows): the rows go in with their ids, and a new article
without a stated origin with its root (itself), so neither a read-back of the ids (`RETURNING`
promises no row order for a multi-row insert) nor most of the roots' UPDATE is needed. Where
none can be drawn the ids are read back by natural key (slug, URL, fingerprint, claim and
article).
"""

from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection
from sqlalchemy import bindparam
from sqlalchemy import select
from sqlalchemy import update
from sqlmodel import Session

from app.articles import graph
from app.core.bulk_rows import insert_rows
from app.core.bulk_rows import reserve_ids
from app.core.columns import utcnow
from app.core.locks import locks_rows
from app.corroboration import counters
from app.ingest.bulk.plan import Planner
from app.matching import vectors
from app.outbox import recorder as outbox
from app.tables import Article
from app.tables import ArticleLink
from app.tables import Attribution
from app.tables import Claim
from app.tables import Outlet

_IN = 500
_OUTLET_TABLE: Any = Outlet.__table__  # type: ignore[attr-defined]
_ARTICLE_TABLE: Any = Article.__table__  # type: ignore[attr-defined]
_CLAIM_TABLE: Any = Claim.__table__  # type: ignore[attr-defined]
_SET_ROOT = (
    update(_ARTICLE_TABLE)
    .where(_ARTICLE_TABLE.c.id == bindparam("pk"))
    .values(root_article_id=bindparam("root"))
)


def _parts(values: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(values), _IN):
        yield values[start : start + _IN]


def _ids_by(connection: Connection, key: Any, id_column: Any, keys: list[Any]) -> dict[Any, int]:
    """The ids of rows just inserted, read back by their unique `key` column (in parts of _IN)."""
    ids: dict[Any, int] = {}
    for part in _parts(keys):
        ids.update(
            (row[0], row[1])
            for row in connection.execute(select(key, id_column).where(key.in_(part)))
        )
    return ids


def _with_id(values: dict[str, Any], reserved: int | None) -> dict[str, Any]:
    """A new row's values, with its id when one was reserved for it."""
    return values if reserved is None else {"id": reserved, **values}


def _insert_numbered(
    connection: Connection,
    table: Any,
    items: Sequence[Any],
    values: Callable[[Any], dict[str, Any]],
    *,
    key: tuple[Any, Callable[[Any], Any]] | None = None,
) -> bool:
    """Insert one row per item, in order, and set each item's `id`: drawn before the insert
    where it can be (`reserve_ids`: True is returned), else read back after it by the unique
    `key` column (the column, and the item's value of it), or by the caller when there is none."""
    reserved = reserve_ids(connection, table, len(items))
    if reserved is not None:
        for item, new_id in zip(items, reserved, strict=True):
            item.id = new_id
    insert_rows(connection, table, [_with_id(values(item), item.id) for item in items])
    if reserved is None and key is not None:
        column, key_of = key
        ids = _ids_by(connection, column, table.c.id, [key_of(item) for item in items])
        for item in items:
            item.id = ids[key_of(item)]
    return reserved is not None


def _article_values(article: Any) -> dict[str, Any]:
    """A new article's row; with its root when its id was drawn ahead (itself, unless it has a
    stated origin, whose root is set after the insert)."""
    values = {**(article.values or {}), "outlet_id": article.outlet.id}
    if article.id is not None:
        values["root_article_id"] = None if article.link else article.id
    return values


def write(session: Session, planner: Planner) -> None:
    """Insert every new row the planner decided on, in line order, and fill in their ids."""
    connection = session.connection()
    _lock_stored(session, planner)
    if planner.new_outlets:
        _insert_numbered(
            connection,
            _OUTLET_TABLE,
            planner.new_outlets,
            lambda outlet: outlet.values or {},
            key=(Outlet.slug, lambda outlet: outlet.slug),
        )

    # Roots still to set once the articles are in: those with a stated origin (an origin's
    # root is read under lock after the insert, in _links; the others are their own roots),
    # or every new article's where no ids could be drawn ahead.
    unrooted = planner.new_articles
    if planner.new_articles and _insert_numbered(
        connection,
        _ARTICLE_TABLE,
        planner.new_articles,
        _article_values,
        key=(Article.url, lambda article: article.url),
    ):
        unrooted = [article for article in planner.new_articles if article.link is not None]

    if planner.new_links:
        _links(session, planner)
    if unrooted:
        connection.execute(_SET_ROOT, [{"pk": a.id, "root": a.root_article_id()} for a in unrooted])

    if planner.new_claims:
        now = utcnow()
        _insert_numbered(
            connection,
            _CLAIM_TABLE,
            planner.new_claims,
            lambda claim: {
                "text": claim.text,
                "claimant": claim.claimant,
                "claim_date": claim.claim_date,
                "fingerprint": claim.fingerprint,
                "created_at": now,
                "updated_at": now,
            },
            key=(Claim.fingerprint, lambda claim: claim.fingerprint),
        )
        outbox.claims_created(session, planner.new_claims)  # as the ORM's flush would
        store = vectors.active()
        if store is not None:  # what the flush hook does for claims the ORM creates
            store.write(session, [(claim.id or 0, claim.text) for claim in planner.new_claims])

    if planner.new_attributions:
        now = utcnow()
        deferred = _defer_quotes(connection, planner.new_attributions)
        try:
            drawn = _insert_numbered(
                connection,
                Attribution.__table__,  # type: ignore[attr-defined]
                planner.new_attributions,
                lambda row: {
                    "claim_id": row.claim.id,
                    "article_id": row.article.id,
                    "stance": row.stance.value,
                    "quote": row.quote,
                    "sourcing": row.sourcing.value,
                    "created_at": now,
                    "updated_at": now,
                },
            )
        finally:
            if deferred:
                connection.exec_driver_sql("DELETE FROM search_quotes_deferred")
        if deferred:
            _append_quotes(connection, planner.new_attributions)
        if not drawn:  # read back by (claim, article), which no one column holds
            pairs: dict[tuple[int, int], int] = {}
            articles = sorted({row.article.id or 0 for row in planner.new_attributions})
            for part in _parts(articles):
                for attribution_id, claim_id, article_id in connection.execute(
                    select(Attribution.id, Attribution.claim_id, Attribution.article_id).where(
                        Attribution.article_id.in_(part)  # type: ignore[attr-defined]
                    )
                ):
                    pairs[(claim_id, article_id)] = attribution_id
            for row in planner.new_attributions:
                row.id = pairs[(row.claim.id or 0, row.article.id or 0)]
        outbox.attributed(
            session, [(row.claim.id or 0, row.article.id or 0) for row in planner.new_attributions]
        )

    # Every claim whose counters can change: those attributed here, and those of the articles
    # linked here (all new, so their claims are among the first).
    counters.touch(session, claim_ids={row.claim.id or 0 for row in planner.new_attributions})
    # Stored articles given a new claim are held as read until commit (counters.hold).
    counters.attributed(
        session,
        article_ids={
            row.article.id or 0 for row in planner.new_attributions if row.article.values is None
        },
    )


def _defer_quotes(connection: Connection, rows: list[Any]) -> bool:
    """SQLite, when some of the rows quote: the full-text rows' quotes are appended after the
    insert by `_append_quotes` rather than by the row trigger for each attribution (migration
    3500). True if so; the caller empties `search_quotes_deferred` again right after the insert."""
    if connection.dialect.name != "sqlite" or all(row.quote is None for row in rows):
        return False
    connection.exec_driver_sql("INSERT INTO search_quotes_deferred (id) VALUES (1)")
    return True


def _append_quotes(connection: Connection, rows: list[Any]) -> None:
    """What `claim_search_attribution_insert` appends for each quoted row, in insert order
    (`quotes || ' ' || quote`), appended once per claim, lowest rowid first. A quote per row in
    line order rewrote claims' full-text rows in no order of rowid, and FTS5 flushes its
    pending terms to a new segment before each write to a lower rowid than the last: many
    small segments to merge and to look each term up in (docs/benchmarks.md, eighteenth pass)."""
    appended: dict[int, str] = {}
    for row in rows:
        if row.quote is not None:
            claim_id = row.claim.id or 0
            appended[claim_id] = appended.get(claim_id, "") + " " + row.quote
    connection.exec_driver_sql(
        "UPDATE claim_search SET quotes = quotes || ? WHERE rowid = ?",
        [(quotes, claim_id) for claim_id, quotes in sorted(appended.items())],  # type: ignore[arg-type]
    )


# Pages of merged index FTS5 may write per run of lines, at most (4 KB each).
MERGE_PAGES = 256


def merge_search_segments(session: Session, planner: Planner) -> None:
    """SQLite, after a run's last write (its review items'), when it wrote claims or
    attributions: merge the full-text index's segments a bounded step towards one. Merged
    before the review items' INSERT (a multi-row statement, at which FTS5 writes out what it
    holds in memory), the index kept two segments for every query of the next run. FTS5 merges on
    its own only once a level holds four segments, and each term a MATCH asks for is looked up
    in every segment: on S, halfway, the candidate statements cost 0.27 s per 500 against 6
    segments and 0.18 s against one, and the word counts three times less (docs/benchmarks.md,
    eighteenth pass). A negative 'merge' merges segments of any levels, as few as two, writing at
    most MERGE_PAGES pages, and goes on where it stopped next time; what the index holds is
    unchanged."""
    connection = session.connection()
    if connection.dialect.name == "sqlite" and (planner.new_claims or planner.new_attributions):
        connection.exec_driver_sql(
            f"INSERT INTO claim_search (claim_search, rank) VALUES ('merge', -{MERGE_PAGES})"
        )


def _stored_origins(planner: Planner) -> list[int]:
    return sorted(
        {
            article.link.origin.id or 0
            for article in planner.new_links
            if article.link is not None and article.link.origin.values is None
        }
    )


def _lock_stored(session: Session, planner: Planner) -> None:
    """Before any row is written, in one ascending pass: the stored origins of new links and
    the roots of their trees, as add_link locks them, and the stored articles given a new
    claim with their roots, held as read (`counters.hold`). Held later, after the inserts'
    foreign keys had taken the articles, they closed a cycle with a delete of such an article,
    which locks its root first."""
    held = {row.article.id or 0 for row in planner.new_attributions if row.article.values is None}
    graph.lock_trees(session, _stored_origins(planner), held=held)


def _links(session: Session, planner: Planner) -> None:
    """Insert the stated origins of new articles, with their origins' roots read under lock
    (`_lock_stored`)."""
    stored = _stored_origins(planner)
    if stored and locks_rows(session):
        roots = {
            row[0]: row[1]
            for row in session.connection().execute(
                select(Article.id, Article.root_article_id).where(Article.id.in_(stored))  # type: ignore[union-attr]
            )
        }
        for article in planner.new_links:
            origin = article.link.origin if article.link is not None else None
            if origin is not None and origin.id in roots:
                origin.root_id = roots[origin.id]
    now = utcnow()
    rows = []
    for article in planner.new_links:
        link = article.link
        assert link is not None
        rows.append(
            {
                "article_id": article.id,
                "origin_article_id": link.origin.id,
                "relation": link.relation.value,
                "reason": link.reason,
                "provenance": link.provenance.value,
                "created_at": now,
            }
        )
    insert_rows(session.connection(), ArticleLink.__table__, rows)  # type: ignore[attr-defined]
    outbox.links_added(session, [SimpleNamespace(**row) for row in rows])
