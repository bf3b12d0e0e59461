"""The review queue: store what the machine was unsure about; accept or reject it once.

Proposals come from ingest (claim-merge suggestions, copy candidates, weak credits). Each is
stored under a key naming what it proposes, so it is stored once and, once rejected, never
proposed again. Accepting applies it through the domain verbs (merge, link, credited origin),
which recount the claims they touch in the same transaction. A decision is taken exactly once:
the row is locked (PostgreSQL) or the write runs alone (SQLite), and a decided row answers 409.
"""

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.articles import credits as credits_service
from app.articles import service as articles_service
from app.articles.models import LinkCreate
from app.claims import merging
from app.core.columns import utcnow
from app.core.db import get_or_not_found
from app.core.errors import Conflict
from app.core.locks import lock_rows
from app.core.pagination import Page
from app.core.pagination import PageParams
from app.core.pagination import after
from app.core.pagination import decode_cursor
from app.core.pagination import encode_cursor
from app.matching.base import Matcher
from app.outbox import recorder as outbox
from app.review_queue import proposals
from app.review_queue.models import ClaimRef
from app.review_queue.models import ProposedClaim
from app.review_queue.models import ReviewArticleRef
from app.review_queue.models import ReviewItemPublic
from app.tables import Article
from app.tables import Attribution
from app.tables import Claim
from app.tables import LinkProvenance
from app.tables import LinkRelation
from app.tables import Outlet
from app.tables import OutletRef
from app.tables import ReviewItem
from app.tables import ReviewKind
from app.tables import ReviewStatus


def _propose(session: Session, item: ReviewItem) -> ReviewItem | None:
    """Store a proposal unless the same one is stored already (pending or decided)."""
    existing = session.scalar(select(ReviewItem).where(ReviewItem.key == item.key))
    if existing is not None:
        return None
    nested = session.begin_nested()  # a concurrent ingest may store the same key first
    try:
        session.add(item)
        session.flush()
    except Exception as exc:
        nested.rollback()
        if session.scalar(select(ReviewItem.id).where(ReviewItem.key == item.key)) is None:
            raise exc
        return None
    nested.commit()
    _announce(session, item)
    return item


def _announce(session: Session, item: ReviewItem) -> None:
    """Record `review_queue.item_added` (app/outbox) for each claim the item is about: the
    claim of a merge, the claims of the article of a copy or a credit."""
    assert item.id is not None
    if item.claim_id is not None:
        claim_ids = [item.claim_id]
    else:
        claim_ids = sorted(
            set(
                session.scalars(
                    select(Attribution.claim_id).where(Attribution.article_id == item.article_id)
                )
            )
        )
    for claim_id in claim_ids:
        outbox.record_review_queue_item(
            session,
            claim_id=claim_id,
            item_id=item.id,
            reason=item.reason,
            data={
                "kind": str(item.kind),
                "score": item.score,
                "target_claim_id": item.target_claim_id,
                "article_id": item.article_id,
                "origin_article_id": item.origin_article_id,
                "outlet_id": item.outlet_id,
            },
        )


def propose_merge(
    session: Session, *, claim_id: int, target_claim_id: int, score: float, reason: str
) -> ReviewItem | None:
    """Queue "merge `claim_id` into `target_claim_id`" (a matcher suggestion)."""
    low, high = sorted((claim_id, target_claim_id))
    return _propose(
        session,
        ReviewItem(
            kind=ReviewKind.claim_merge,
            key=f"claim_merge:{low}:{high}",
            claim_id=claim_id,
            target_claim_id=target_claim_id,
            score=min(1.0, max(0.0, score)),
            reason=reason[:1000],
        ),
    )


def propose_copy(
    session: Session, *, article_id: int, origin_article_id: int, score: float, reason: str
) -> ReviewItem | None:
    """Queue "`article_id` syndicates `origin_article_id`" (a copy candidate)."""
    origin = session.get(Article, origin_article_id)
    return _propose(
        session,
        ReviewItem(
            kind=ReviewKind.copy,
            key=f"copy:{article_id}:{origin_article_id}",
            article_id=article_id,
            origin_article_id=origin_article_id,
            outlet_id=origin.outlet_id if origin is not None else None,
            relation=LinkRelation.syndicates,
            score=score,
            reason=reason[:1000],
        ),
    )


def propose_credit(
    session: Session,
    *,
    article_id: int,
    outlet_id: int,
    relation: LinkRelation,
    confidence: float,
    reason: str,
    evidence: str,
) -> ReviewItem | None:
    """Queue "`article_id` counts under `outlet_id`" (a credit below the confidence bar)."""
    return _propose(
        session,
        ReviewItem(
            kind=ReviewKind.credited_origin,
            key=f"credited_origin:{article_id}:{outlet_id}",
            article_id=article_id,
            outlet_id=outlet_id,
            relation=relation,
            score=confidence,
            reason=reason[:1000],
            evidence=evidence[:300],
        ),
    )


def propose_claim(
    session: Session,
    *,
    article: Article,
    proposal: proposals.Proposal,
    matcher: Matcher,
    create: bool = False,
) -> str:
    """A quote found in `article`: attributed when the matcher is sure of its claim, else
    created (`create`) or queued as a claim proposal (app/review_queue/proposals.py)."""
    return proposals.attach_or_propose(
        session,
        article=article,
        proposal=proposal,
        matcher=matcher,
        propose=lambda item: _propose(session, item),
        create=create,
    )


def get(session: Session, *, item_id: int) -> ReviewItem:
    """The review item with this id, or NotFound."""
    return get_or_not_found(session, ReviewItem, item_id, what="review item")


def _decide(session: Session, item_id: int) -> ReviewItem:
    """The item locked and read again; Conflict when it was decided already."""
    lock_rows(session, ReviewItem.id, [item_id], mode="update")
    item = get_or_not_found(
        session, ReviewItem, item_id, what="review item", populate_existing=True
    )
    if item.status != ReviewStatus.pending:
        status = ReviewStatus(item.status).value
        raise Conflict(
            f"review item {item_id} was already {status} by {item.decided_by!r}",
            code="already_decided",
            details=[{"status": status, "decided_by": item.decided_by}],
        )
    return item


def _apply(session: Session, item: ReviewItem, who: str, matcher: Matcher | None) -> None:
    note = f"accepted in review by {who}: {item.reason}"[:1000]
    if item.kind == ReviewKind.claim_proposal:
        item.target_claim_id = proposals.apply(session, item=item, matcher=matcher).id
        return
    if item.kind == ReviewKind.claim_merge:
        claim = session.get(Claim, item.claim_id) if item.claim_id else None
        if claim is None or item.target_claim_id is None:
            raise Conflict("a claim of this merge no longer exists", code="stale_review")
        merging.merge(session, claim=claim, into_id=item.target_claim_id)
        return
    article = session.get(Article, item.article_id) if item.article_id else None
    if article is None:
        raise Conflict("the article of this proposal no longer exists", code="stale_review")
    if item.kind == ReviewKind.copy:
        articles_service.replace_detected_link(
            session,
            article=article,
            data=LinkCreate(
                origin_article_id=item.origin_article_id or 0,
                relation=item.relation or LinkRelation.syndicates,
                reason=note,
            ),
            provenance=LinkProvenance.stated,
        )
        return
    credits_service.record(
        session,
        article=article,
        outlet_id=item.outlet_id or 0,
        relation=item.relation or LinkRelation.syndicates,
        reason=note,
        evidence=item.evidence or "review",
        confidence=item.score,
        provenance=LinkProvenance.stated,
    )


def accept(
    session: Session, *, item_id: int, who: str, matcher: Matcher | None = None
) -> ReviewItem:
    """Apply the proposal (merge, link, credited origin, claim) and record who accepted it;
    `matcher` finds the claim a proposal naming none is, and offers a new one to the others."""
    item = _decide(session, item_id)
    _apply(session, item, who, matcher)
    return _decided(session, item, ReviewStatus.accepted, who)


def reject(session: Session, *, item_id: int, who: str) -> ReviewItem:
    """Refuse the proposal; it is kept, so it is never proposed again."""
    return _decided(session, _decide(session, item_id), ReviewStatus.rejected, who)


def _decided(session: Session, item: ReviewItem, status: ReviewStatus, who: str) -> ReviewItem:
    item.status = status
    item.decided_by = who[:200]
    item.decided_at = utcnow()
    session.add(item)
    session.flush()
    return item


def restore(session: Session, *, item: ReviewItem) -> bool:
    """Record a decision taken elsewhere (an import) without applying it; False when the same
    proposal is stored already (a re-import changes nothing)."""
    if item.key is None or not item.key:
        if item.kind == ReviewKind.claim_merge and item.claim_id and item.target_claim_id:
            low, high = sorted((item.claim_id, item.target_claim_id))
            item.key = f"claim_merge:{low}:{high}"
        elif item.kind == ReviewKind.claim_merge:  # accepted: the merged claim is gone
            digest = hashlib.sha256(f"{item.reason}|{item.decided_at}".encode()).hexdigest()
            item.key = f"claim_merge:merged:{item.target_claim_id}:{digest[:16]}"
        elif item.kind == ReviewKind.copy:
            item.key = f"copy:{item.article_id}:{item.origin_article_id}"
        elif item.kind == ReviewKind.claim_proposal:
            item.key = proposals.key(item.article_id or 0, proposals.of(item))
        else:
            item.key = f"credited_origin:{item.article_id}:{item.outlet_id}"
    return _propose(session, item) is not None


# ---- reading ---------------------------------------------------------------------------------


def _claim_refs(session: Session, ids: set[int]) -> dict[int, ClaimRef]:
    if not ids:
        return {}
    rows = session.execute(select(Claim.id, Claim.text, Claim.claimant).where(Claim.id.in_(ids)))  # type: ignore[union-attr]
    return {row[0]: ClaimRef(id=row[0], text=row[1], claimant=row[2]) for row in rows}


def _article_refs(session: Session, ids: set[int]) -> dict[int, ReviewArticleRef]:
    if not ids:
        return {}
    rows = session.execute(
        select(Article, Outlet)
        .join(Outlet, Outlet.id == Article.outlet_id)
        .where(Article.id.in_(ids))  # type: ignore[union-attr]
    )
    return {
        article.id: ReviewArticleRef(
            id=article.id,
            url=article.url,
            title=article.title,
            published_at=article.published_at,
            outlet=OutletRef.model_validate(outlet),
        )
        for article, outlet in rows
    }


def public_items(session: Session, items: list[ReviewItem]) -> list[ReviewItemPublic]:
    """Items as the API shows them, with their claims, articles and outlets."""
    claims = _claim_refs(
        session, {i for item in items for i in (item.claim_id, item.target_claim_id) if i}
    )
    articles = _article_refs(
        session, {i for item in items for i in (item.article_id, item.origin_article_id) if i}
    )
    outlet_ids = {item.outlet_id for item in items if item.outlet_id}
    outlets = {
        outlet.id: OutletRef.model_validate(outlet)
        for outlet in session.scalars(select(Outlet).where(Outlet.id.in_(outlet_ids)))  # type: ignore[union-attr]
    }
    # The item's own columns, with the rows its ids name read in.
    return [
        ReviewItemPublic.model_validate(
            item,
            update={
                "claim": claims.get(item.claim_id or 0),
                "target_claim": claims.get(item.target_claim_id or 0),
                "article": articles.get(item.article_id or 0),
                "origin_article": articles.get(item.origin_article_id or 0),
                "outlet": outlets.get(item.outlet_id or 0),
                "proposed_claim": ProposedClaim(
                    text=item.proposed_text, claimant=item.proposed_claimant, quote=item.quote
                )
                if item.proposed_text
                else None,
            },
        )
        for item in items
    ]


def list_(
    session: Session,
    *,
    page: PageParams,
    status: ReviewStatus | None = ReviewStatus.pending,
    kind: ReviewKind | None = None,
    claim_id: int | None = None,
    outlet: str | None = None,
    since: datetime | None = None,
) -> Page[ReviewItemPublic]:
    """Review items, newest first, filtered by status, kind, claim, outlet and creation time."""
    query = select(ReviewItem)
    if status is not None:
        query = query.where(ReviewItem.status == status)
    if kind is not None:
        query = query.where(ReviewItem.kind == kind)
    if claim_id is not None:
        articles = select(Attribution.article_id).where(Attribution.claim_id == claim_id)
        query = query.where(
            or_(
                ReviewItem.claim_id == claim_id,
                ReviewItem.target_claim_id == claim_id,
                ReviewItem.article_id.in_(articles),  # type: ignore[union-attr]
                ReviewItem.origin_article_id.in_(articles),  # type: ignore[union-attr]
            )
        )
    if outlet is not None:
        outlet_id = select(Outlet.id).where(Outlet.slug == outlet).scalar_subquery()
        copy = aliased(Article)
        query = query.outerjoin(copy, copy.id == ReviewItem.article_id).where(
            or_(ReviewItem.outlet_id == outlet_id, copy.outlet_id == outlet_id)
        )
    if since is not None:
        query = query.where(ReviewItem.created_at >= since)
    keys: list[tuple[Any, Any]] = [(ReviewItem.id, "desc")]
    if page.cursor is not None:
        position = decode_cursor(page.cursor, "review", (int,))
        query = query.where(after(keys, position))
    rows = list(session.scalars(query.order_by(ReviewItem.id.desc()).limit(page.limit + 1)))  # type: ignore[union-attr]
    more = len(rows) > page.limit
    items = public_items(session, rows[: page.limit])
    cursor = encode_cursor("review", [items[-1].id]) if more and items else None
    return Page[ReviewItemPublic](items=items, next_cursor=cursor)
