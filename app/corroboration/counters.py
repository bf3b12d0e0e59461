"""The stored corroboration counters, kept true by construction.

Writers only record what they touched; one hook recounts it, inside the transaction, just
before it commits (`settle`, on every Session's `before_commit`):
- attributions added, removed, or moved or re-stanced through the ORM, links and credited
  origins added, changed or removed,
  and articles whose outlet or date changed, or that are deleted, are recorded by the flush
  hooks below, so a new writer that goes through the ORM cannot forget them;
- a bulk statement (`sa.update`/`sa.delete`, which the ORM never sees) is followed by
  `touch(session, claim_ids=...)` or `touch(session, article_ids=...)` (articles.delete_many,
  claims.merging, integrity.repair).
A reader that needs the counts inside the same write (a merge answering with the merged
claim) calls `settle` first. Lists then read the stored columns. `recount_all` rebuilds them
from scratch (`corroborate recount`), and `stale_claim_ids` finds any that drifted.
"""

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select
from sqlalchemy import case
from sqlalchemy import delete
from sqlalchemy import distinct
from sqlalchemy import event
from sqlalchemy import except_
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import inspect
from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm import aliased

from app.core.bulk_rows import update_rows
from app.core.listed import listed
from app.core.locks import LockMode
from app.core.locks import lock_rows_in_order
from app.core.locks import lock_until_stable
from app.core.unit_of_work import lost_race
from app.outbox import recorder as outbox
from app.tables import REPORTING_STANCES
from app.tables import Article
from app.tables import ArticleLink
from app.tables import Attribution
from app.tables import Claim
from app.tables import CreditedOrigin
from app.tables import EventType
from app.tables import OutletClaim

_BATCH = 500


def _reporting() -> Any:
    return Attribution.stance.in_(REPORTING_STANCES)  # type: ignore[attr-defined]


# The statements are built once: a recount runs inside every counted write, and constructing
# them (not executing them) was most of its cost. `ids` is bound to the claim ids at execution
# (`listed`: an IN list on SQLite, one array on PostgreSQL).


def _origin_outlet(root: Any) -> Any:
    """The outlet a root article counts under: the outlet it credits as its origin, if any (the
    default method follows both relations a credit can have), else its own."""
    return func.coalesce(CreditedOrigin.outlet_id, root.outlet_id)


def _counts() -> Select[Any]:
    """Aggregated counts per claim (only claims with at least one attribution appear)."""
    root = aliased(Article)
    reporting = _reporting()
    return (
        select(
            Attribution.claim_id,
            func.count(distinct(case((reporting, Article.outlet_id)))).label("outlets"),
            func.count(distinct(case((reporting, _origin_outlet(root))))).label("origins"),
            func.count(case((reporting, Attribution.id))).label("articles"),
            func.count(distinct(case((Attribution.stance == "disputes", Article.outlet_id)))).label(
                "disputing"
            ),
            func.max(case((reporting, Article.published_at))).label("last_at"),
        )
        .join(Article, Article.id == Attribution.article_id)
        .join(root, root.id == Article.root_article_id)
        .outerjoin(CreditedOrigin, CreditedOrigin.article_id == root.id)  # type: ignore[arg-type]
        .where(listed(Attribution.claim_id, "ids"))
        .group_by(Attribution.claim_id)
    )


def _credited_counts() -> Select[Any]:
    """Per claim, the origins known only by a credit: every reporting article counted under
    that outlet reaches it through a credit, none is (or copies) an article of its own."""
    root = aliased(Article)
    per_origin = (
        select(
            Attribution.claim_id,
            _origin_outlet(root).label("origin_outlet"),
            func.min(case((CreditedOrigin.outlet_id.is_(None), 0), else_=1)).label("credited"),  # type: ignore[union-attr]
        )
        .join(Article, Article.id == Attribution.article_id)
        .join(root, root.id == Article.root_article_id)
        .outerjoin(CreditedOrigin, CreditedOrigin.article_id == root.id)  # type: ignore[arg-type]
        .where(listed(Attribution.claim_id, "ids"), _reporting())
        .group_by(Attribution.claim_id, _origin_outlet(root))
        .subquery()
    )
    return select(
        per_origin.c.claim_id, func.sum(per_origin.c.credited).label("credited")
    ).group_by(per_origin.c.claim_id)


def _first_reports() -> Select[Any]:
    """The earliest reporting article of each claim (ties broken by the lower article id)."""
    ranked = (
        select(
            Attribution.claim_id,
            Article.id.label("article_id"),  # type: ignore[union-attr]
            Article.outlet_id,
            Article.published_at,
            func.row_number()
            .over(
                partition_by=Attribution.claim_id,
                order_by=(Article.published_at, Article.id),
            )
            .label("rank"),
        )
        .join(Article, Article.id == Attribution.article_id)
        .where(listed(Attribution.claim_id, "ids"), _reporting())
        .subquery()
    )
    return select(
        ranked.c.claim_id, ranked.c.article_id, ranked.c.outlet_id, ranked.c.published_at
    ).where(ranked.c.rank == 1)


def outlet_claims() -> Select[Any]:
    """The `outlet_claim` rows as the attributions and the claims' stored counters make them:
    per claim and outlet with a reporting article, that outlet's first and last such article."""
    return (
        select(
            Article.outlet_id,
            Attribution.claim_id,
            func.min(Article.published_at).label("first_at"),
            func.max(Article.published_at).label("last_at"),
            Claim.outlets_count,
            Claim.origins_count,
            Claim.first_reported_at,
            Claim.last_reported_at,
        )
        .join(Article, Article.id == Attribution.article_id)
        .join(Claim, Claim.id == Attribution.claim_id)  # type: ignore[arg-type]
        .where(_reporting())
        .group_by(
            Article.outlet_id,
            Attribution.claim_id,
            Claim.outlets_count,
            Claim.origins_count,
            Claim.first_reported_at,
            Claim.last_reported_at,
        )
    )


_OUTLET_CLAIM_COLUMNS = (
    "outlet_id",
    "claim_id",
    "first_at",
    "last_at",
    "outlets_count",
    "origins_count",
    "first_reported_at",
    "last_reported_at",
)
# Run after the claims' counters are written: the copies come from the claim rows.
_DROP_OUTLET_CLAIMS = delete(OutletClaim.__table__).where(  # type: ignore[arg-type]
    listed(OutletClaim.__table__.c.claim_id, "ids")
)
_WRITE_OUTLET_CLAIMS = insert(OutletClaim.__table__).from_select(  # type: ignore[arg-type]
    _OUTLET_CLAIM_COLUMNS,
    outlet_claims().where(listed(Attribution.claim_id, "ids")),
)
_COUNTS = _counts()
_CREDITED = _credited_counts()
_FIRST_REPORTS = _first_reports()
_LOCK = (
    select(Claim.id)
    .where(listed(Claim.id, "ids"))
    .order_by(Claim.id)
    .with_for_update(key_share=True)
)
_ON_MERGED = (
    select(Attribution.id)
    .join(Claim, Claim.id == Attribution.claim_id)
    .where(listed(Claim.id, "ids"), Claim.merged_into.is_not(None))
    .limit(1)
)
_STORED = select(
    Claim.id,
    Claim.outlets_count,
    Claim.origins_count,
    Claim.articles_count,
    Claim.disputing_outlets_count,
).where(listed(Claim.id, "ids"))
_EVENT_COUNTS = ("outlets_count", "origins_count", "articles_count", "disputing_outlets_count")


def _lock(session: Session, claim_ids: list[int], *, live_only: bool) -> None:
    # Concurrent writers touching one claim must not each write counts computed from a snapshot
    # missing the other's rows: the second waits here, then recounts with the first committed.
    # SQLite needs nothing: BEGIN IMMEDIATE already admits one writer at a time.
    # FOR NO KEY UPDATE (key_share), not FOR UPDATE: inserting an attribution takes a KEY SHARE
    # lock on its claim (the foreign key check), which FOR UPDATE would wait for, so two writers
    # each adding an attribution to one claim and then recounting it would deadlock.
    # Holding these locks, no merge can be under way on the claims: an attribution added to a
    # claim that a concurrent merge has just redirected (its insert did not wait: KEY SHARE)
    # shows up here, and the transaction is re-run, when it finds the claim merged.
    if session.get_bind().dialect.name == "postgresql":
        session.execute(_LOCK, {"ids": claim_ids})
        if live_only and session.scalar(_ON_MERGED, {"ids": claim_ids}) is not None:
            raise lost_race("a claim this write attributes to was merged concurrently")


def lock(session: Session, *, claim_ids: Iterable[int]) -> None:
    """Lock these claims now, as the recount before commit will (FOR NO KEY UPDATE, lowest id
    first): for a writer that must hold its claims before it locks a row that recounts lock
    after theirs (an outlet row, `outlets.service.delete`). No-op on SQLite."""
    if session.get_bind().dialect.name == "postgresql":
        list(_batched(session, _LOCK, sorted({i for i in claim_ids if i is not None})))


def recount(session: Session, *, claim_ids: Iterable[int], live_only: bool = True) -> None:
    """Recompute the stored corroboration of these claims from their attributions, now.

    `live_only`: re-run the transaction (TransactionConflict) when one of them was merged while
    holding attributions; only maintenance passes False, to recount whatever is stored.
    """
    ids = sorted(set(claim_ids))
    session.flush()
    for start in range(0, len(ids), _BATCH):
        _refresh_batch(session, ids[start : start + _BATCH], live_only=live_only)


def _refresh_batch(session: Session, ids: list[int], *, live_only: bool) -> None:
    _lock(session, ids, live_only=live_only)
    # Core rows from the connection (`recount` flushed): the ORM's per-row work is not needed.
    connection = session.connection()
    stored = {row.id: row for row in connection.execute(_STORED, {"ids": ids})}  # events: before
    values: dict[int, dict[str, Any]] = {
        claim_id: {
            "outlets_count": 0,
            "origins_count": 0,
            "credited_origins_count": 0,
            "articles_count": 0,
            "disputing_outlets_count": 0,
            "first_reported_at": None,
            "first_reported_article_id": None,
            "first_reported_outlet_id": None,
            "last_reported_at": None,
        }
        for claim_id in ids
    }
    for row in connection.execute(_COUNTS, {"ids": ids}):
        values[row.claim_id].update(
            outlets_count=row.outlets,
            origins_count=row.origins,
            articles_count=row.articles,
            disputing_outlets_count=row.disputing,
            last_reported_at=row.last_at,
        )
    for row in connection.execute(_CREDITED, {"ids": ids}):
        values[row.claim_id]["credited_origins_count"] = int(row.credited or 0)
    for row in connection.execute(_FIRST_REPORTS, {"ids": ids}):
        values[row.claim_id].update(
            first_reported_at=row.published_at,
            first_reported_article_id=row.article_id,
            first_reported_outlet_id=row.outlet_id,
        )
    update_rows(
        connection,
        Claim.__table__,  # type: ignore[attr-defined]
        [{"id": claim_id, **fields} for claim_id, fields in values.items()],
    )
    # The per-outlet copies (claims of an outlet in sort order) follow the counters just written.
    connection.execute(_DROP_OUTLET_CLAIMS, {"ids": ids})
    connection.execute(_WRITE_OUTLET_CLAIMS, {"ids": ids})
    _record_changes(session, stored, values)  # events (app/outbox)
    # Keep already-loaded Claim objects in step with the rows just written.
    for claim_id, fields in values.items():
        claim = session.identity_map.get(session.identity_key(Claim, claim_id))  # type: ignore[arg-type]
        if claim is not None:
            session.expire(claim, list(fields))


def _record_changes(
    session: Session, stored: dict[int, Any], values: dict[int, dict[str, Any]]
) -> None:
    """Record claim.corroboration_changed (and claim.disputed when more outlets dispute) for
    every claim whose counts this recount changed, with what caused it."""
    changed = {
        claim_id: (old, values[claim_id])
        for claim_id, old in stored.items()
        if any(getattr(old, name) != values[claim_id][name] for name in _EVENT_COUNTS)
    }
    if not changed:
        return
    causes = outbox.causes(session, changed)
    for claim_id, (old, new) in sorted(changed.items()):
        before = {name.removesuffix("_count"): getattr(old, name) for name in _EVENT_COUNTS}
        after = {name.removesuffix("_count"): new[name] for name in _EVENT_COUNTS}
        outbox.record(
            session,
            type=EventType.claim_corroboration_changed,
            claim_id=claim_id,
            data={"claim_id": claim_id, "old": before, "new": after, "cause": causes[claim_id]},
        )
        if after["disputing_outlets"] > before["disputing_outlets"]:
            outbox.record(
                session,
                type=EventType.claim_disputed,
                claim_id=claim_id,
                data={
                    "claim_id": claim_id,
                    "disputing_outlets": after["disputing_outlets"],
                    "first": before["disputing_outlets"] == 0,
                    "cause": causes[claim_id],
                },
            )


def claims_of_articles(article_ids: Any) -> Select[Any]:
    """Claims with an attribution on any of these articles (a list or a SELECT of ids)."""
    return (
        select(Attribution.claim_id)
        .where(
            Attribution.article_id.in_(article_ids)  # type: ignore[attr-defined]
        )
        .distinct()
    )


def recount_all(session: Session) -> int:
    """Recompute every claim's counters from scratch; returns how many claims were checked."""
    ids = list(session.scalars(select(Claim.id).order_by(Claim.id)))
    recount(session, claim_ids=[i for i in ids if i is not None], live_only=False)
    return len(ids)


def stale_claim_ids(session: Session, *, claim_ids: list[int] | None = None) -> list[int]:
    """Claims (all, or these) whose stored counters differ from a from-scratch recount (should
    be none)."""
    chosen = select(
        Claim.id,
        Claim.outlets_count,
        Claim.origins_count,
        Claim.articles_count,
        Claim.disputing_outlets_count,
        Claim.first_reported_at,
        Claim.first_reported_article_id,
        Claim.first_reported_outlet_id,
        Claim.last_reported_at,
        Claim.credited_origins_count,
    )
    if claim_ids is not None:
        chosen = chosen.where(Claim.id.in_(claim_ids))  # type: ignore[union-attr]
    stored = {row.id: tuple(row[1:]) for row in session.execute(chosen)}
    ids = sorted(stored)
    empty = (0, 0, 0, 0, None, None, None, None, 0)
    expected: dict[int, tuple[Any, ...]] = dict.fromkeys(ids, empty)
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        firsts = {r.claim_id: r for r in session.execute(_FIRST_REPORTS, {"ids": batch})}
        credited = {
            r.claim_id: int(r.credited or 0) for r in session.execute(_CREDITED, {"ids": batch})
        }
        for row in session.execute(_COUNTS, {"ids": batch}):
            first = firsts.get(row.claim_id)
            expected[row.claim_id] = (
                row.outlets,
                row.origins,
                row.articles,
                row.disputing,
                first.published_at if first else None,
                first.article_id if first else None,
                first.outlet_id if first else None,
                row.last_at,
                credited.get(row.claim_id, 0),
            )
    return [i for i in ids if stored[i] != expected[i]]


def stale_outlet_claim_ids(session: Session, *, claim_ids: list[int] | None = None) -> list[int]:
    """Claims (all, or these) whose `outlet_claim` rows differ from a from-scratch derivation
    (should be none)."""
    stored = select(*(getattr(OutletClaim, name) for name in _OUTLET_CLAIM_COLUMNS))
    expected = outlet_claims()
    if claim_ids is not None:
        stored = stored.where(OutletClaim.claim_id.in_(claim_ids))  # type: ignore[attr-defined]
        expected = expected.where(Attribution.claim_id.in_(claim_ids))  # type: ignore[attr-defined]
    missing = except_(expected, stored).subquery()
    extra = except_(stored, expected).subquery()
    found = set(session.scalars(select(missing.c.claim_id)))
    found.update(session.scalars(select(extra.c.claim_id)))
    return sorted(found)


# ---- what was touched, and the hook that recounts it ---------------------------------------

_CLAIMS = "corroboration_touched_claims"
_ARTICLES = "corroboration_touched_articles"
_HELD = "corroboration_attributed_articles"
# Attribution columns whose change moves counts; an Article's (outlet, date).
_ATTRIBUTION_COUNTED = ("claim_id", "article_id", "stance")
_ARTICLE_COUNTED = ("outlet_id", "published_at")


def touch(
    session: Session, *, claim_ids: Iterable[int] = (), article_ids: Iterable[int] = ()
) -> None:
    """Record claims (or articles: their claims and their copies' claims) whose counts this
    transaction may have changed; `settle` recounts them before it commits."""
    session.info.setdefault(_CLAIMS, set()).update(i for i in claim_ids if i is not None)
    session.info.setdefault(_ARTICLES, set()).update(i for i in article_ids if i is not None)


def attributed(session: Session, *, article_ids: Iterable[int]) -> None:
    """Record articles that this transaction attributed a claim to (an attribution inserted,
    or moved onto them): `settle` holds them and their roots as read before it recounts."""
    session.info.setdefault(_HELD, set()).update(i for i in article_ids if i is not None)


_ROOTS = select(Article.root_article_id).where(listed(Article.id, "ids"))
_SHARE = (
    select(Article.id)
    .where(listed(Article.id, "ids"))
    .order_by(Article.id)
    .with_for_update(read=True)
)
_HOLD_ROUNDS = 8


def hold(session: Session, article_ids: Iterable[int], *, own: LockMode = "share") -> None:
    """Lock FOR SHARE, until the transaction ends, these articles and the roots of their
    trees (lowest id first, as the graph's writers lock theirs): what a count or an answer
    reads of them (their link, outlet, date and root; the root's outlet and credited origin)
    stays as read. A write that changes them waits for this transaction, or this one waits
    for it and then reads its result. No-op on SQLite (writers already run one at a time).
    `own`: the mode for the articles themselves when it is not FOR SHARE (`key_share`: kept
    from being deleted, still free to be updated by this transaction and others; their roots
    stay FOR SHARE)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    ids = {i for i in article_ids if i is not None}
    if not ids:
        return

    def wanted() -> set[int]:
        return ids | {root for root in _batched(session, _ROOTS, sorted(ids)) if root}

    def lock(new: list[int]) -> object:
        if own == "share":
            return list(_batched(session, _SHARE, new))
        modes: dict[int, LockMode] = {i: own if i in ids else "share" for i in new}
        return lock_rows_in_order(session, Article.id, modes)

    lock_until_stable(session, wanted, lock, rounds=_HOLD_ROUNDS)


def _batched(session: Session, query: Any, ids: list[int]) -> Iterable[Any]:
    for start in range(0, len(ids), _BATCH):
        yield from session.scalars(query, {"ids": ids[start : start + _BATCH]})


def settle(session: Session) -> None:
    """Recount every claim touched so far in this transaction (then nothing is pending)."""
    session.flush()
    while session.info.get(_CLAIMS) or session.info.get(_ARTICLES):
        # A new attribution's claim is recounted from its article as held (see `attributed`).
        hold(session, session.info.pop(_HELD, set()))
        claims: set[int] = session.info.pop(_CLAIMS, set())
        articles: set[int] = session.info.pop(_ARTICLES, set())
        if articles:
            claims.update(session.scalars(claims_of_articles(subtree(sorted(articles)))))
        recount(session, claim_ids=claims)


def subtree(article_ids: Any) -> Select[Any]:
    """These articles and every article whose chain of origins passes through one of them."""
    seed = select(Article.id.label("id")).where(Article.id.in_(article_ids))  # type: ignore[union-attr]
    tree = seed.cte("subtree", recursive=True)
    tree = tree.union(
        select(ArticleLink.article_id).join(tree, ArticleLink.origin_article_id == tree.c.id)
    )
    return select(tree.c.id)


def _changed(instance: Any, names: Iterable[str]) -> bool:
    attrs = inspect(instance).attrs
    return any(attrs[name].history.has_changes() for name in names)


@event.listens_for(Session, "before_flush")
def _deleting(session: Session, _context: Any, _instances: Any) -> None:
    # Recorded while the rows are still there: a deleted article's attributions go with it
    # (ON DELETE CASCADE), so its claims are found now.
    doomed = []
    for instance in session.deleted:
        if isinstance(instance, Attribution):
            touch(session, claim_ids=[instance.claim_id])
        elif isinstance(instance, (ArticleLink, CreditedOrigin)):
            touch(session, article_ids=[instance.article_id])
        elif isinstance(instance, Article) and instance.id is not None:
            doomed.append(instance.id)
    if doomed:
        with session.no_autoflush:
            touch(session, claim_ids=list(session.scalars(claims_of_articles(subtree(doomed)))))


@event.listens_for(Session, "after_flush")
def _flushed(session: Session, _context: Any) -> None:
    for instance in session.new:
        if isinstance(instance, Attribution):
            touch(session, claim_ids=[instance.claim_id])
            attributed(session, article_ids=[instance.article_id])
        elif isinstance(instance, (ArticleLink, CreditedOrigin)):
            touch(session, article_ids=[instance.article_id])
    for instance in session.dirty:
        if isinstance(instance, Attribution) and _changed(instance, _ATTRIBUTION_COUNTED):
            before = inspect(instance).attrs.claim_id.history.deleted
            touch(session, claim_ids=[instance.claim_id, *before])
            attributed(session, article_ids=[instance.article_id])
        elif isinstance(instance, Article) and _changed(instance, _ARTICLE_COUNTED):
            touch(session, article_ids=[instance.id])
        elif isinstance(instance, CreditedOrigin):
            touch(session, article_ids=[instance.article_id])


# insert=True: first of the before-commit hooks, so that the events the recount records
# (app/outbox) are written by the outbox's own hook, which runs after it.
@event.listens_for(Session, "before_commit", insert=True)
def _settle_before_commit(session: Session) -> None:
    # Also called when a savepoint is released: only the transaction's own commit settles.
    if not session.in_nested_transaction():
        settle(session)


@event.listens_for(Session, "after_transaction_end")
def _forget(session: Session, transaction: Any) -> None:
    # The outermost transaction ended (committed after `settle`, or rolled back): nothing it
    # touched is pending any more. A savepoint's end changes nothing.
    if transaction.parent is None:
        session.info.pop(_CLAIMS, None)
        session.info.pop(_ARTICLES, None)
        session.info.pop(_HELD, None)
