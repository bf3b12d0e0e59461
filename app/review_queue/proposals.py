"""Claim proposals: who-said-what found in an article, attached to a claim or kept for a person.

`attach_or_propose` is what the crawler calls for each quote of an article it ingests: the
matcher links it to a claim (an attribution carrying the quote) when it is sure, otherwise it is
stored as a `claim_proposal` review item naming the closest claim, if any. Accepting one
(`apply`) attributes the article to that claim, or to the claim the matcher is now sure of, or
to a new claim; a new claim is then offered to the other pending proposals: those the matcher
is sure of are attached at once (decided by "matcher"), the others get it as their closest claim
when it is closer than the one they had. All of it runs in the caller's transaction.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from app.claims import attributions as claims_attributions
from app.claims import service as claims_service
from app.claims.models import AttributionCreate
from app.claims.models import ClaimCreate
from app.core.columns import utcnow
from app.core.errors import Conflict
from app.matching import service as matching_service
from app.matching.base import Matcher
from app.tables import Article
from app.tables import Attribution
from app.tables import Claim
from app.tables import ReviewItem
from app.tables import ReviewKind
from app.tables import ReviewStatus
from app.tables import Sourcing
from app.tables import Stance

POOL = 10
MATCHER = "matcher"  # who decided a proposal the matcher became sure of


@dataclass(frozen=True)
class Proposal:
    """A claim an article makes: the statement, who made it, and the article's words."""

    text: str
    claimant: str | None
    quote: str
    sourcing: Sourcing = Sourcing.unknown


_ANONYMOUS = re.compile(
    r"\b(sources?|people familiar|person familiar|officials?|diplomats?|insiders?)\b", re.I
)


def sourcing_of(claimant: str | None) -> Sourcing:
    """`anonymous` for sources, officials, diplomats; `named` for a full name."""
    if claimant is None:
        return Sourcing.unknown
    if _ANONYMOUS.search(claimant):
        return Sourcing.anonymous
    if len(claimant.split()) >= 2 and all(w[:1].isupper() for w in claimant.split()):
        return Sourcing.named
    return Sourcing.unknown


def key(article_id: int, proposal: Proposal) -> str:
    """The review key: one proposal per article, statement and claimant."""
    digest = claims_service.fingerprint(proposal.text, proposal.claimant)[:32]
    return f"claim_proposal:{article_id}:{digest}"


def attach_or_propose(
    session: Session,
    *,
    article: Article,
    proposal: Proposal,
    matcher: Matcher,
    propose: Callable[[ReviewItem], ReviewItem | None],
    create: bool = False,
) -> str:
    """Attribute `article` to the claim the matcher is sure `proposal` is, else create the
    claim (`create`: an outlet trusted to) or store the proposal through `propose` (the queue's
    `_propose`). Returns what happened: `attached`, `already` (attributed before: a re-crawl),
    `created`, `proposed` or `known` (proposed before)."""
    assert article.id is not None
    found = matching_service.existing_claim(
        session, text=proposal.text, claimant=proposal.claimant, matcher=matcher, pool=POOL
    )
    if found.claim is not None:
        return _attribute(session, found.claim, article.id, proposal)
    if create:
        claim, created = _new_claim(session, proposal)
        _attribute(session, claim, article.id, proposal)
        if created:
            offer(session, claim=claim, matcher=matcher, exclude=None)
        return "created" if created else "attached"
    best = found.candidates[0] if found.candidates else None
    target = best if best is not None and best.score >= matcher.suggest else None
    closest = f"; closest claim {target.claim_id} ({target.score:.2f})" if target else ""
    item = ReviewItem(
        kind=ReviewKind.claim_proposal,
        key=key(article.id, proposal),
        article_id=article.id,
        outlet_id=article.outlet_id,
        target_claim_id=target.claim_id if target else None,
        score=min(1.0, max(0.0, target.score)) if target else 0.0,
        reason=(f"quoted in {article.url}: {proposal.claimant or 'unattributed'} said it{closest}")[
            :1000
        ],
        evidence=proposal.quote[:300],
        proposed_text=proposal.text[:2000],
        proposed_claimant=proposal.claimant[:500] if proposal.claimant else None,
        quote=proposal.quote[:5000],
    )
    stored = propose(item)
    return "proposed" if stored is not None else "known"


def _attribute(session: Session, claim: Claim, article_id: int, proposal: Proposal) -> str:
    assert claim.id is not None
    taken = session.scalar(
        select(Attribution.id).where(
            Attribution.claim_id == claim.id, Attribution.article_id == article_id
        )
    )
    if taken is not None:
        return "already"
    try:
        claims_attributions.add_attribution(
            session,
            claim=claim,
            data=AttributionCreate(
                article_id=article_id,
                stance=Stance.reports,
                quote=proposal.quote[:5000],
                sourcing=proposal.sourcing,
            ),
        )
    except Conflict:  # attributed concurrently
        return "already"
    return "attached"


def of(item: ReviewItem) -> Proposal:
    return Proposal(
        text=item.proposed_text or "",
        claimant=item.proposed_claimant,
        quote=item.quote or item.proposed_text or "",
        sourcing=sourcing_of(item.proposed_claimant),
    )


def apply(session: Session, *, item: ReviewItem, matcher: Matcher | None) -> Claim:
    """Accept a claim proposal: attribute its article to the proposed claim (the closest one
    named, the one the matcher is now sure of, or a new one). Returns the claim."""
    article = session.get(Article, item.article_id) if item.article_id else None
    if article is None or not item.proposed_text:
        raise Conflict("the article of this proposal no longer exists", code="stale_review")
    proposal = of(item)
    claim: Claim | None = None
    if item.target_claim_id is not None:
        claim = claims_service.resolve(session, claim_id=item.target_claim_id)
    else:
        claim = matching_service.existing_claim(
            session,
            text=proposal.text,
            claimant=proposal.claimant,
            matcher=matcher,
            pool=POOL,
        ).claim
    created = False
    if claim is None:
        claim, created = _new_claim(session, proposal)
    assert article.id is not None
    _attribute(session, claim, article.id, proposal)
    if created and matcher is not None:
        offer(session, claim=claim, matcher=matcher, exclude=item.id)
    return claim


def _new_claim(session: Session, proposal: Proposal) -> tuple[Claim, bool]:
    """The proposal's claim, created (True), or the same one created meanwhile by a
    concurrent writer (False)."""
    try:
        data = ClaimCreate(text=proposal.text, claimant=proposal.claimant)
        return claims_service.create(session, data=data), True
    except Conflict as exc:
        existing = exc.details[0].get("existing_id") if exc.details else None
        if existing is None:
            raise
        return claims_service.resolve(session, claim_id=existing), False


def offer(session: Session, *, claim: Claim, matcher: Matcher, exclude: int | None) -> None:
    """A new claim offered to the pending proposals (see the module's doc)."""
    query = select(ReviewItem).where(
        ReviewItem.kind == ReviewKind.claim_proposal, ReviewItem.status == ReviewStatus.pending
    )
    if exclude is not None:
        query = query.where(ReviewItem.id != exclude)
    for other in list(session.scalars(query.order_by(ReviewItem.id))):  # type: ignore[arg-type]
        score = matcher.similarity(
            other.proposed_text or "",
            claim.text,
            a_claimant=other.proposed_claimant,
            b_claimant=claim.claimant,
        )
        if score >= matcher.link and other.article_id is not None:
            _attribute(session, claim, other.article_id, of(other))
            other.status, other.decided_by, other.decided_at = (
                ReviewStatus.accepted,
                MATCHER,
                utcnow(),
            )
            other.target_claim_id, other.score = claim.id, min(1.0, score)
        elif score >= matcher.suggest and score > other.score:
            other.target_claim_id, other.score = claim.id, min(1.0, score)
        else:
            continue
        session.add(other)
    session.flush()
