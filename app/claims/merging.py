"""Merging a claim into another: the one verb that changes the claim merge graph.

Invariant (kept here, checked by `app.integrity`): `merged_into` always names a live claim (one
not merged itself), never the claim itself, so every merged id is one hop from the claim it
answers with and no chain or cycle exists. On PostgreSQL both claims are locked (lowest id
first) and read again before anything is decided, so two merges racing each other (A→B with
B→A, or a three-way ring) run one after the other and the second sees the first.
"""

import sqlalchemy as sa
from sqlmodel import Session

from app.claims.service import get
from app.claims.service import resolve
from app.core.columns import utcnow
from app.core.db import get_or_not_found
from app.core.errors import Conflict
from app.core.errors import Invalid
from app.core.errors import NotFound
from app.core.errors import UnknownReference
from app.core.locks import lock_rows
from app.core.unit_of_work import lost_race
from app.corroboration import counters
from app.tables import Attribution
from app.tables import Claim
from app.tables import Review


def _locked_pair(session: Session, source_id: int, into_id: int) -> tuple[Claim, Claim]:
    """The source and the live claim `into_id` leads to, both locked and freshly read."""
    try:
        target_id = resolve(session, claim_id=into_id).id or 0
    except NotFound:
        raise UnknownReference(
            f"claim {into_id} not found", details=[{"field": "into", "value": into_id}]
        ) from None
    lock_rows(session, Claim.id, [source_id, target_id], mode="no_key_update")
    source = get_or_not_found(session, Claim, source_id, what="claim", populate_existing=True)
    target = session.get(Claim, target_id, populate_existing=True)
    if target is None:  # deleted meanwhile (and `into_id` with it, if it led there)
        raise UnknownReference(
            f"claim {into_id} not found", details=[{"field": "into", "value": into_id}]
        )
    if target.merged_into is not None:
        # Merged while this waited. Locking where it leads now, on top of the locks held, can
        # deadlock with a third merge (a ring A→B, B→C, C→A), which PostgreSQL detects only
        # after a second; re-running the transaction locks the right pair in order at once.
        raise lost_race(f"claim {target_id} was merged concurrently")
    return source, target


def merge(session: Session, *, claim: Claim, into_id: int) -> Claim:
    """Merge `claim` into another: its attributions move (no duplicates), its id redirects.

    Merging into a merged claim merges into the claim that one leads to; merging a claim that
    was already merged into the same place again changes nothing, so retries are safe.
    """
    assert claim.id is not None
    source, target = _locked_pair(session, claim.id, into_id)
    assert source.id is not None
    assert target.id is not None
    if source.merged_into is not None:
        current = resolve(session, claim_id=source.id)
        if current.id == target.id:
            return target
        raise Conflict(
            f"claim {source.id} was already merged into claim {current.id}",
            code="already_merged",
            details=[{"merged_into": current.id}],
        )
    if target.id == source.id:
        raise Invalid("a claim cannot be merged into itself", code="merge_into_self")
    move_claim_rows(session, source_id=source.id, target_id=target.id)
    now = utcnow()
    source.merged_into = target.id
    source.updated_at = now
    target.updated_at = now
    session.add_all([source, target])
    session.flush()
    session.expire_all()
    counters.touch(session, claim_ids=[source.id, target.id])  # rows moved in bulk
    return get(session, claim_id=target.id)


def move_claim_rows(session: Session, *, source_id: int, target_id: int) -> None:
    """Move a claim's attributions (without duplicates) and reviews to another, and redirect
    the claims merged into it there too; the caller touches both claims' counters."""
    # An article attributed to both keeps the surviving claim's attribution.
    both = sa.select(Attribution.article_id).where(Attribution.claim_id == target_id)
    session.execute(
        sa.update(Attribution)
        .where(Attribution.claim_id == source_id, Attribution.article_id.not_in(both))  # type: ignore[attr-defined]
        .values(claim_id=target_id, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    session.execute(
        sa.delete(Attribution)
        .where(Attribution.claim_id == source_id)  # type: ignore[arg-type]
        .execution_options(synchronize_session=False)
    )
    # Verdicts on the claim are verdicts on the claim it now is.
    session.execute(
        sa.update(Review)
        .where(Review.claim_id == source_id)  # type: ignore[arg-type]
        .values(claim_id=target_id)
        .execution_options(synchronize_session=False)
    )
    # Flatten chains: whatever redirected to the source now redirects to the target directly.
    session.execute(
        sa.update(Claim)
        .where(Claim.merged_into == source_id)  # type: ignore[arg-type]
        .values(merged_into=target_id)
        .execution_options(synchronize_session=False)
    )
