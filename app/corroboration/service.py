"""Corroboration counters: recomputed for the affected claims inside every write that changes them.

Every write that can change a claim's counts (attributions added, changed or removed; article links
added or removed; an article's outlet or date changed; deletes) calls `refresh` with the claims it
touched, in the same transaction. Lists then read the stored columns. `recount_all` rebuilds them
from scratch (`corroborate recount`).
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Select, bindparam, case, distinct, func, select, update
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.core.db import lost_race
from app.corroboration import live
from app.corroboration.models import (
    Bucket,
    CorroborationExplained,
    CorroborationMethod,
    Timeline,
)
from app.outbox import recorder as outbox
from app.tables import REPORTING_STANCES, Article, Attribution, Claim, EventType

_BATCH = 500


def _reporting() -> Any:
    return Attribution.stance.in_(REPORTING_STANCES)  # type: ignore[attr-defined]


# The statements are built once: refresh runs inside every counted write, and constructing
# them (not executing them) was most of its cost. `ids` expands to the claim ids at execution.
_IDS = bindparam("ids", expanding=True)


def _counts() -> Select[Any]:
    """Aggregated counts per claim (only claims with at least one attribution appear)."""
    root = aliased(Article)
    reporting = _reporting()
    return (
        select(
            Attribution.claim_id,
            func.count(distinct(case((reporting, Article.outlet_id)))).label("outlets"),
            func.count(distinct(case((reporting, root.outlet_id)))).label("origins"),
            func.count(case((reporting, Attribution.id))).label("articles"),
            func.count(distinct(case((Attribution.stance == "disputes", Article.outlet_id)))).label(
                "disputing"
            ),
            func.max(case((reporting, Article.published_at))).label("last_at"),
        )
        .join(Article, Article.id == Attribution.article_id)
        .join(root, root.id == Article.root_article_id)
        .where(Attribution.claim_id.in_(_IDS))  # type: ignore[attr-defined]
        .group_by(Attribution.claim_id)
    )


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
        .where(Attribution.claim_id.in_(_IDS), _reporting())  # type: ignore[attr-defined]
        .subquery()
    )
    return select(
        ranked.c.claim_id, ranked.c.article_id, ranked.c.outlet_id, ranked.c.published_at
    ).where(ranked.c.rank == 1)


_COUNTS = _counts()
_FIRST_REPORTS = _first_reports()
_LOCK = (
    select(Claim.id)
    .where(Claim.id.in_(_IDS))  # type: ignore[union-attr]
    .order_by(Claim.id)
    .with_for_update(key_share=True)
)
_ON_MERGED = (
    select(Attribution.id)
    .join(Claim, Claim.id == Attribution.claim_id)
    .where(Claim.id.in_(_IDS), Claim.merged_into.is_not(None))  # type: ignore[union-attr]
    .limit(1)
)
_STORED = select(
    Claim.id,
    Claim.outlets_count,
    Claim.origins_count,
    Claim.articles_count,
    Claim.disputing_outlets_count,
).where(Claim.id.in_(_IDS))  # type: ignore[union-attr]
_EVENT_COUNTS = ("outlets_count", "origins_count", "articles_count", "disputing_outlets_count")
_UPDATE = (
    update(Claim.__table__).where(Claim.__table__.c.id == bindparam("claim_pk"))  # type: ignore[attr-defined]  # type: ignore[attr-defined]
)


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


_DEFERRED = "corroboration_deferred"


@contextmanager
def deferred(session: Session) -> Iterator[None]:
    """Recount once, when the block ends, every claim the writes inside it asked to refresh.

    For a unit of work that makes several counted writes in one transaction (an ingest line
    adds an attribution per claim and maybe a link): each `refresh` inside the block only
    notes its claims, and the block's end recounts them all at once, still inside the
    transaction, so what commits is exactly what refreshing after every write would commit.
    Nothing inside the block may read the counters it changes. Nested blocks join the outer
    one; on an exception nothing is recounted (the transaction is rolled back).
    """
    if _DEFERRED in session.info:
        yield
        return
    pending: set[int] = set()
    session.info[_DEFERRED] = pending
    try:
        yield
    finally:
        session.info.pop(_DEFERRED, None)
    refresh(session, claim_ids=pending)


def refresh(session: Session, *, claim_ids: Iterable[int], live_only: bool = True) -> None:
    """Recompute the stored corroboration of these claims from their attributions.

    `live_only`: re-run the transaction (TransactionConflict) when one of them was merged while
    holding attributions; only maintenance passes False, to recount whatever is stored.
    """
    ids = sorted(set(claim_ids))
    session.flush()
    pending: set[int] | None = session.info.get(_DEFERRED)
    if pending is not None:  # inside `deferred`: its end recounts
        pending.update(ids)
        return
    for start in range(0, len(ids), _BATCH):
        _refresh_batch(session, ids[start : start + _BATCH], live_only=live_only)


def _refresh_batch(session: Session, ids: list[int], *, live_only: bool) -> None:
    _lock(session, ids, live_only=live_only)
    stored = {row.id: row for row in session.execute(_STORED, {"ids": ids})}  # events: before
    values: dict[int, dict[str, Any]] = {
        claim_id: {
            "outlets_count": 0,
            "origins_count": 0,
            "articles_count": 0,
            "disputing_outlets_count": 0,
            "first_reported_at": None,
            "first_reported_article_id": None,
            "first_reported_outlet_id": None,
            "last_reported_at": None,
        }
        for claim_id in ids
    }
    for row in session.execute(_COUNTS, {"ids": ids}):
        values[row.claim_id].update(
            outlets_count=row.outlets,
            origins_count=row.origins,
            articles_count=row.articles,
            disputing_outlets_count=row.disputing,
            last_reported_at=row.last_at,
        )
    for row in session.execute(_FIRST_REPORTS, {"ids": ids}):
        values[row.claim_id].update(
            first_reported_at=row.published_at,
            first_reported_article_id=row.article_id,
            first_reported_outlet_id=row.outlet_id,
        )
    session.connection().execute(
        _UPDATE, [{"claim_pk": claim_id, **fields} for claim_id, fields in values.items()]
    )
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
    refresh(session, claim_ids=[i for i in ids if i is not None], live_only=False)
    return len(ids)


def stale_claim_ids(session: Session) -> list[int]:
    """Claims whose stored counters differ from a from-scratch recount (should be none)."""
    stored = {
        row.id: tuple(row[1:])
        for row in session.execute(
            select(
                Claim.id,
                Claim.outlets_count,
                Claim.origins_count,
                Claim.articles_count,
                Claim.disputing_outlets_count,
                Claim.first_reported_at,
                Claim.first_reported_article_id,
                Claim.first_reported_outlet_id,
                Claim.last_reported_at,
            )
        )
    }
    ids = sorted(stored)
    empty = (0, 0, 0, 0, None, None, None, None)
    expected: dict[int, tuple[Any, ...]] = dict.fromkeys(ids, empty)
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        firsts = {r.claim_id: r for r in session.execute(_FIRST_REPORTS, {"ids": batch})}
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
            )
    return [i for i in ids if stored[i] != expected[i]]


def explain(
    session: Session, *, claim_id: int, chosen: CorroborationMethod
) -> CorroborationExplained:
    """A claim's counts under the method, with each origin and the reports collapsed into it."""
    claim = live.reports(session, claim_ids=[claim_id], chosen=chosen)[claim_id]
    return CorroborationExplained(
        claim_id=claim_id,
        corroboration=live.tally(claim, chosen),
        origins=live.explain(claim, chosen),
    )


def timeline(
    session: Session, *, claim_id: int, bucket: Bucket, chosen: CorroborationMethod
) -> Timeline:
    """How a claim's coverage grew: cumulative counts per hour, day or week."""
    return live.timeline(session, claim_id=claim_id, bucket=bucket, chosen=chosen)
