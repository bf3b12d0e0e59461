"""Queueing a planned run's proposals for a person (app/review_queue), set-based.

What the one-line path queues line by line (`review_queue.propose_copy` for an article's
earliest copy candidate, `propose_merge` for each merge suggestion of a created claim, when the
line wrote something), with the same keys, rows and `review_queue.item_added` events in the
same order, but read and written with a few statements for the whole run: one SELECT of the
keys already stored, one INSERT of the new ones (on PostgreSQL a statement of arrays, whatever
their number, `ON CONFLICT DO NOTHING`: a concurrent ingest may store the same key first, which
the one-line path handles with a savepoint; on SQLite, whose one writer holds the lock from its
BEGIN, an executemany with ids drawn ahead), and the events recorded from the rows the planner
holds instead of a SELECT per item.

A profile of the engine on the S data put 80 % of its time in the per-item ORM path: stories
there have up to 283 articles sharing a headline, and each article then proposed every earlier
one of another outlet (now only the earliest: `origins.copy_proposal_reason`).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import sqlite
from sqlmodel import Session

from app.core.bulk_rows import insert_new
from app.core.bulk_rows import insert_rows
from app.core.bulk_rows import reserve_ids
from app.core.columns import utcnow
from app.core.listed import listed
from app.ingest import origins as ingest_origins
from app.ingest.bulk.rows import ArticleRow
from app.ingest.bulk.rows import ClaimRow
from app.ingest.bulk.rows import LinePlan
from app.ingest.models import CopyCandidate
from app.matching.base import Matcher
from app.outbox import recorder as outbox
from app.tables import LinkRelation
from app.tables import ReviewItem
from app.tables import ReviewKind
from app.tables import ReviewStatus

_IN = 500
_TABLE: Any = ReviewItem.__table__  # type: ignore[attr-defined]
_STORED_KEYS = select(_TABLE.c.key).where(listed(_TABLE.c.key, "keys"))


@dataclass(slots=True)
class _Proposal:
    values: dict[str, Any]
    # The claims the event is about: the merged claim, or the claims of the copy's article
    # as they were when its line was decided (what the one-line path's SELECT would see).
    claims: list[ClaimRow]


def queue(session: Session, lines: Iterable[LinePlan], matcher: Matcher) -> None:
    """Store the run's copy candidates and merge suggestions not stored yet; record events."""
    proposals: dict[str, _Proposal] = {}
    now = utcnow()
    for line in lines:
        if not (line.article_created or line.changed):
            continue
        if line.copy_candidates:  # one per article, against the earliest (as one by one)
            _add(proposals, _copy(line, line.copy_candidates, now), line.attached_claims)
        for plan in line.claims:
            for suggestion in plan.suggestions:
                claim_id = plan.claim.id or 0
                target_id = suggestion.claim.id or 0
                low, high = sorted((claim_id, target_id))
                values = _values(
                    now,
                    kind=ReviewKind.claim_merge,
                    key=f"claim_merge:{low}:{high}",
                    claim_id=claim_id,
                    target_claim_id=target_id,
                    score=min(1.0, max(0.0, suggestion.score)),
                    reason=f"matcher score {suggestion.score:.2f} is between the suggest "
                    f"({matcher.suggest:.2f}) and link ({matcher.link:.2f}) thresholds",
                )
                _add(proposals, values, [plan.claim])
    if not proposals:
        return
    connection = session.connection()
    keys = list(proposals)
    for start in range(0, len(keys), _IN):
        part = keys[start : start + _IN]
        for (key,) in connection.execute(_STORED_KEYS, {"keys": part}):
            del proposals[key]
    if not proposals:
        return
    rows = [p.values for p in proposals.values()]
    drawn = None
    if connection.dialect.name == "sqlite":
        # The write lock is held since the transaction began, so keys just read as not stored
        # are still not: the rows go in with ids drawn ahead, as the engine's other rows do.
        drawn = reserve_ids(connection, _TABLE, len(rows))
    if connection.dialect.name == "postgresql":
        ids = insert_new(connection, _TABLE, rows, key="key")
    elif drawn is not None:
        insert_rows(
            connection, _TABLE, [{"id": i, **row} for i, row in zip(drawn, rows, strict=True)]
        )
        ids = dict(zip(proposals, drawn, strict=True))
    else:
        statement = (
            sqlite.insert(_TABLE)
            .on_conflict_do_nothing(index_elements=["key"])
            .returning(_TABLE.c.id, _TABLE.c.key)
        )
        ids = {row.key: row.id for row in connection.execute(statement, rows)}
    for key, proposal in proposals.items():
        item_id = ids.get(key)
        if item_id is None:  # stored by a concurrent ingest first: theirs to announce
            continue
        _announce(session, item_id, proposal)


def _add(proposals: dict[str, _Proposal], values: dict[str, Any], claims: list[ClaimRow]) -> None:
    # The first proposal of a key is stored; a later one finds it stored and adds nothing.
    if values["key"] not in proposals:
        proposals[values["key"]] = _Proposal(values, claims)


def _values(now: Any, **values: Any) -> dict[str, Any]:
    row = {
        "status": ReviewStatus.pending.value,
        "claim_id": None,
        "target_claim_id": None,
        "article_id": None,
        "origin_article_id": None,
        "outlet_id": None,
        "relation": None,
        "evidence": None,
        "created_at": now,
        "decided_at": None,
        "decided_by": None,
        **values,
    }
    row["kind"] = row["kind"].value
    row["reason"] = row["reason"][:1000]
    return row


def _copy(line: LinePlan, candidates: list[ArticleRow], now: Any) -> dict[str, Any]:
    article_id = line.article.id or 0
    other = candidates[0]
    return _values(
        now,
        kind=ReviewKind.copy,
        key=f"copy:{article_id}:{other.id}",
        article_id=article_id,
        origin_article_id=other.id,
        outlet_id=other.outlet.id,
        relation=LinkRelation.syndicates.value,
        score=ingest_origins.COPY_CANDIDATE_SCORE,
        reason=ingest_origins.copy_proposal_reason(
            copy_candidate(other).reason, len(candidates) - 1
        ),
    )


def copy_candidate(other: ArticleRow) -> CopyCandidate:
    """A same-headline article as the line's answer reports it (and the review item's reason);
    built once per article (a story's articles each list every earlier one)."""
    if other.as_candidate is not None:
        return other.as_candidate  # type: ignore[no-any-return]
    stamp = other.published_at.strftime("%Y-%m-%d %H:%M UTC")
    other.as_candidate = CopyCandidate.model_construct(
        article_id=other.id or 0,
        outlet=other.outlet.slug,
        reason=f'same headline as {other.outlet.name} article {other.id} "{other.title}" of '
        f"{stamp}; no other signal, so not linked",
    )
    return other.as_candidate  # type: ignore[no-any-return]


def _announce(session: Session, item_id: int, proposal: _Proposal) -> None:
    """What `review_queue._announce` records, from the planner's rows."""
    values = proposal.values
    claim_ids = (
        [values["claim_id"]]
        if values["claim_id"] is not None
        else sorted({claim.id or 0 for claim in proposal.claims})
    )
    for claim_id in claim_ids:
        outbox.record_review_queue_item(
            session,
            claim_id=claim_id,
            item_id=item_id,
            reason=values["reason"],
            data={
                "kind": str(ReviewKind(values["kind"])),
                "score": values["score"],
                "target_claim_id": values["target_claim_id"],
                "article_id": values["article_id"],
                "origin_article_id": values["origin_article_id"],
                "outlet_id": values["outlet_id"],
            },
        )
