"""Recording events: in the transaction of the change, inserted as its last statement.

Services call `record` (or, for the changes below, nothing at all: a flush listener notices new
claims, merges, reviews and detected copies on its own, whichever ORM path wrote them; a writer
that inserts rows without the ORM, the bulk ingest, hands them to `claims_created`,
`attributed` and `links_added`, the listener's own steps). `record`
only appends to the session; a `before_commit` listener inserts the pending events as the last
thing the transaction does. On PostgreSQL it first takes a transaction-scoped advisory lock, so
events get their ids in commit order: a reader that has seen event N has seen every event below
N that will ever exist, and a cursor (`id > N`) never skips one that committed late. SQLite
admits one writer at a time, so its ids are in commit order anyway. A transaction that rolls
back takes its pending events with it, and so does a SAVEPOINT that rolls back; a retried one
starts from a new, empty session.
"""

import logging
from collections import defaultdict
from collections.abc import Callable
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection
from sqlalchemy import Engine
from sqlalchemy import event as sa_event
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.orm import Session
from sqlalchemy.orm import SessionTransaction
from sqlalchemy.orm import attributes

from app.core.bulk_rows import insert_rows
from app.core.columns import utcnow
from app.core.listed import listed
from app.tables import Article
from app.tables import ArticleLink
from app.tables import Attribution
from app.tables import Claim
from app.tables import Event
from app.tables import EventType
from app.tables import LinkProvenance
from app.tables import Outlet
from app.tables import Review

logger = logging.getLogger("app.outbox")

_PENDING = "outbox_pending"
_TOUCHED = "outbox_touched"
_WROTE = "outbox_wrote"
_MARKS = "outbox_marks"  # savepoint -> (events pending, touched journal) when it began
_ON_COMMIT: list[Callable[[Engine], None]] = []
# pg_advisory_xact_lock key of the outbox ("outbox" in ASCII): held from the insert of a
# transaction's events to its commit, so ids are handed out in commit order.
OUTBOX_LOCK_KEY = 0x6F7574626F78


def record(
    session: Session,
    *,
    type: EventType,
    claim_id: int | None,
    data: dict[str, Any],
) -> None:
    """Queue an event for this transaction; it is written only if the transaction commits."""
    session.info.setdefault(_PENDING, []).append(
        {"type": str(type), "claim_id": claim_id, "data": data}
    )


def record_review_queue_item(
    session: Session, *, claim_id: int, item_id: int, reason: str, data: dict[str, Any]
) -> None:
    """Record `review_queue.item_added` for an item put on the review queue."""
    record(
        session,
        type=EventType.review_queue_item_added,
        claim_id=claim_id,
        data={"item_id": item_id, "claim_id": claim_id, "reason": reason, **data},
    )


def pending(session: Session) -> list[dict[str, Any]]:
    """The events this transaction will write if it commits (for tests and diagnostics)."""
    return list(session.info.get(_PENDING, []))


class _Touched:
    """What this transaction changed that can move counts: to name the cause of a change.

    Kept as a journal, so a savepoint that rolls back drops what it noted (`truncate`): a
    count event never names the article of a line that failed."""

    def __init__(self) -> None:
        self.journal: list[tuple[str, int, int]] = []

    def attributed(self, claim_id: int, article_id: int) -> None:
        self.journal.append(("attributed", claim_id, article_id))

    def article(self, article_id: int) -> None:  # its links, outlet or date changed
        self.journal.append(("article", article_id, 0))

    def merged(self, into: int, source: int) -> None:
        self.journal.append(("merged", into, source))

    def truncate(self, length: int) -> None:
        del self.journal[length:]

    def summary(self) -> tuple[dict[int, set[int]], set[int], dict[int, list[int]]]:
        """(claim -> articles attributed, articles re-linked, target -> claims merged)."""
        attributed: dict[int, set[int]] = defaultdict(set)
        articles: set[int] = set()
        merged_into: dict[int, list[int]] = defaultdict(list)
        for kind, first, second in self.journal:
            if kind == "attributed":
                attributed[first].add(second)
            elif kind == "article":
                articles.add(first)
            else:
                merged_into[first].append(second)
        return attributed, articles, merged_into


def _touched(session: Session) -> _Touched:
    found = session.info.get(_TOUCHED)
    if found is None:
        found = session.info[_TOUCHED] = _Touched()
    return found


def claims_created(session: Session, claims: Iterable[Any]) -> None:
    """Record `claim.created` for claims just inserted (rows with id, text, claimant and
    claim_date): the flush listener's event, for a writer that inserts without the ORM."""
    for claim in claims:
        record(
            session,
            type=EventType.claim_created,
            claim_id=claim.id,
            data={
                "claim_id": claim.id,
                "text": claim.text,
                "claimant": claim.claimant,
                "claim_date": claim.claim_date.isoformat() if claim.claim_date else None,
            },
        )


def attributed(session: Session, pairs: Iterable[tuple[int, int]]) -> None:
    """Note (claim id, article id) pairs attributed in this transaction without the ORM, so the
    count events name them as their cause, as for the ORM's writes."""
    touched = _touched(session)
    for claim_id, article_id in pairs:
        touched.attributed(claim_id, article_id)


def links_added(session: Session, links: Iterable[Any]) -> None:
    """Note links just inserted (rows with article_id, origin_article_id, relation, reason and
    provenance) and record `article.copy_detected` for the detected ones: the flush listener's
    work, for a writer that inserts without the ORM."""
    touched = _touched(session)
    for link in links:
        touched.article(link.article_id)
        if link.provenance == LinkProvenance.detected:
            record(
                session,
                type=EventType.article_copy_detected,
                claim_id=None,
                data={
                    "article_id": link.article_id,
                    "origin_article_id": link.origin_article_id,
                    "relation": str(link.relation),
                    "reason": link.reason,
                },
            )


def _after_flush(session: Session, _context: Any) -> None:
    if not (session.new or session.dirty or session.deleted):
        return
    touched = _touched(session)
    for instance in session.new:
        if isinstance(instance, Claim):
            claims_created(session, [instance])
        elif isinstance(instance, Attribution):
            touched.attributed(instance.claim_id, instance.article_id)
        elif isinstance(instance, Review):
            record(
                session,
                type=EventType.review_created,
                claim_id=instance.claim_id,
                data={
                    "review_id": instance.id,
                    "claim_id": instance.claim_id,
                    "url": instance.url,
                    "publisher": instance.publisher_name,
                    "textual_rating": instance.textual_rating,
                },
            )
        elif isinstance(instance, ArticleLink):
            links_added(session, [instance])
    for instance in session.dirty:
        if isinstance(instance, Claim):
            history = attributes.get_history(instance, "merged_into")
            if history.added and history.added[0] is not None and instance.id is not None:
                into = history.added[0]
                touched.merged(into, instance.id)
                record(
                    session,
                    type=EventType.claim_merged,
                    claim_id=instance.id,
                    data={"claim_id": instance.id, "merged_into": into},
                )
        elif isinstance(instance, Attribution):
            touched.attributed(instance.claim_id, instance.article_id)
        elif isinstance(instance, Article) and instance.id is not None:
            touched.article(instance.id)
    for instance in session.deleted:
        if isinstance(instance, Attribution):
            touched.attributed(instance.claim_id, instance.article_id)
        elif isinstance(instance, ArticleLink):
            touched.article(instance.article_id)


def causes(session: Session, claim_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Why each claim's counts changed in this transaction: the articles (with outlet and
    independent origin) attributed or re-linked, the claims merged into it, or a recount."""
    touched: _Touched | None = session.info.get(_TOUCHED)
    ids = list(claim_ids)
    if touched is None:
        return {key: {"kind": "recount", "articles": []} for key in ids}
    attributed, articles, merged_into = touched.summary()
    wanted: dict[int, tuple[str, set[int]]] = {}
    for claim_id in ids:
        if claim_id in merged_into:
            wanted[claim_id] = ("merge", set())
        elif attributed.get(claim_id):
            wanted[claim_id] = ("attribution", attributed[claim_id])
        else:
            wanted[claim_id] = ("link", set())
    linked = [i for i, (kind, _) in wanted.items() if kind == "link"]
    if linked and articles:
        rows = session.execute(
            select(Attribution.claim_id, Attribution.article_id).where(
                listed(Attribution.claim_id, "claims"), listed(Attribution.article_id, "articles")
            ),
            {"claims": linked, "articles": sorted(articles)},
        )
        for row in rows:
            wanted[row.claim_id][1].add(row.article_id)
    article_ids = {a for _, found in wanted.values() for a in found}
    described: dict[int, dict[str, Any]] = {}
    if article_ids:
        for row in session.execute(
            select(Article.id, Article.root_article_id, Outlet.slug)
            .join(Outlet, Outlet.id == Article.outlet_id)
            .where(listed(Article.id, "ids")),
            {"ids": sorted(article_ids)},
        ):
            described[row.id] = {
                "article_id": row.id,
                "outlet": row.slug,
                "origin_article_id": row.root_article_id,
            }
    result: dict[int, dict[str, Any]] = {}
    for claim_id, (kind, found) in wanted.items():
        cause: dict[str, Any] = {
            "kind": kind if found or kind == "merge" else "recount",
            "articles": [described[a] for a in sorted(found) if a in described],
        }
        if kind == "merge":
            cause["merged_claim_ids"] = sorted(merged_into[claim_id])
        result[claim_id] = cause
    return result


def _before_commit(session: Session) -> None:
    if session.in_nested_transaction():  # a SAVEPOINT released: not the end of the transaction
        return
    if session.new or session.dirty or session.deleted:
        # Commit flushes only after this hook; flushing first lets the flush listener above
        # record what that flush writes.
        session.flush()
    events = session.info.pop(_PENDING, [])
    session.info.pop(_TOUCHED, None)
    if not events:
        return
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": OUTBOX_LOCK_KEY})
    now = utcnow()
    # COPY on PostgreSQL from a few dozen events (a bulk ingest's chunk records thousands):
    # the rows in the same order, so the same ids.
    insert_rows(
        connection,
        Event.__table__,  # type: ignore[attr-defined]
        [{**item, "occurred_at": now} for item in events],
    )
    session.info[_WROTE] = True


def on_commit(callback: Callable[[Engine], None]) -> None:
    """Call `callback(engine)` after every commit that wrote events (once per transaction).

    For waking what reads the outbox (the webhook drain); the events are already durable, so a
    callback that fails is logged and changes nothing: the reader's periodic sweep finds them.
    """
    if callback not in _ON_COMMIT:
        _ON_COMMIT.append(callback)


def _after_commit(session: Session) -> None:
    if not session.info.pop(_WROTE, False) or not _ON_COMMIT:
        return
    bind = session.bind
    engine = bind.engine if isinstance(bind, Connection) else bind
    if not isinstance(engine, Engine):
        return
    # Writers bind `engine.execution_options(...)`, a proxy: callbacks get the engine itself.
    while isinstance(getattr(engine, "_proxied", None), Engine):
        engine = engine._proxied  # type: ignore[attr-defined]
    for callback in _ON_COMMIT:
        try:
            callback(engine)
        except Exception:  # the commit stands; the sweep delivers later
            logger.exception("outbox on-commit callback failed")


def _after_transaction_create(session: Session, transaction: SessionTransaction) -> None:
    if transaction.nested:  # a SAVEPOINT: what it records goes if it rolls back
        marks = session.info.setdefault(_MARKS, {})
        touched: _Touched | None = session.info.get(_TOUCHED)
        marks[id(transaction)] = (
            len(session.info.get(_PENDING, [])),
            len(touched.journal) if touched is not None else 0,
        )


def _after_soft_rollback(session: Session, previous_transaction: SessionTransaction) -> None:
    # A savepoint rolled back (a line of a chunk that failed alone, a lost unique race): the
    # rows it wrote are gone, so are the events it recorded ("claim.created" for a claim that
    # was never stored). A flush that fails inside a savepoint rolls back its own inner
    # transaction, and the savepoints above it go inactive without an event of their own:
    # each savepoint this rollback ended is found by walking up.
    marks = session.info.get(_MARKS, {})
    pending = session.info.get(_PENDING, [])
    touched: _Touched | None = session.info.get(_TOUCHED)
    transaction: SessionTransaction | None = previous_transaction
    while transaction is not None:
        if transaction.nested and (
            transaction is previous_transaction or not transaction.is_active
        ):
            mark = marks.pop(id(transaction), None)
            if mark is not None:
                del pending[mark[0] :]
                if touched is not None:
                    touched.truncate(mark[1])
        transaction = transaction.parent


def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    # (A savepoint's mark stays until the outermost transaction ends: this event comes before
    # `after_soft_rollback`, which still needs it; a new savepoint overwrites its own.)
    if transaction.parent is None:  # the outermost transaction ended: committed or not
        session.info.pop(_PENDING, None)
        session.info.pop(_TOUCHED, None)
        session.info.pop(_WROTE, None)
        session.info.pop(_MARKS, None)


def install() -> None:
    """Listen on every ORM session (idempotent; done when this module is imported)."""
    if not sa_event.contains(Session, "after_flush", _after_flush):
        sa_event.listen(Session, "after_flush", _after_flush)
        sa_event.listen(Session, "before_commit", _before_commit)
        sa_event.listen(Session, "after_commit", _after_commit)
        sa_event.listen(Session, "after_transaction_end", _after_transaction_end)
        sa_event.listen(Session, "after_transaction_create", _after_transaction_create)
        sa_event.listen(Session, "after_soft_rollback", _after_soft_rollback)


install()
