"""What ingest records about an article's origin besides copy links, and what it queues for a
person: credited origins (app/ingest/credits/credited.py decides them), rel=canonical links, review
queue proposals (merge suggestions, copy candidates, weak credits), and review decisions
carried by an exported line.
"""

from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from app.articles import credits as credits_service
from app.articles import service as articles_service
from app.articles.models import CreditedOriginPublic
from app.articles.models import LinkCreate
from app.claims import service as claims_service
from app.core.config import Settings
from app.core.errors import Conflict
from app.core.errors import Invalid
from app.core.errors import NotFound
from app.core.listed import listed
from app.ingest.credits import credited
from app.ingest.models import COPY_CANDIDATES_LISTED
from app.ingest.models import ClaimKey
from app.ingest.models import ClaimOutcome
from app.ingest.models import IngestCreditedOrigin
from app.ingest.models import IngestPayload
from app.ingest.models import IngestReviewDecision
from app.ingest.writes import Changes
from app.ingest.writes import outlet as find_outlet
from app.matching.base import Matcher
from app.review_queue import service as review_queue
from app.tables import Article
from app.tables import ArticleLink
from app.tables import Claim
from app.tables import CreditedOrigin
from app.tables import LinkProvenance
from app.tables import LinkRelation
from app.tables import Outlet
from app.tables import OutletRef
from app.tables import ReviewItem
from app.tables import ReviewKind

# A copy candidate has one signal (the same headline) and no measured confidence.
COPY_CANDIDATE_SCORE = 0.5


def copy_proposal_reason(earliest_reason: str, others: int) -> str:
    """The reason of the one copy proposal queued for an article: its earliest same-headline
    candidate, and how many later ones the answer listed but the queue leaves out.

    One proposal per article, not one per candidate: a story's articles all share its headline,
    so one per pair is quadratic in the story (1,500 articles: 1.1M items) and each says the
    same thing to a fact-checker, "this is one more copy of that story". Accepting the proposal
    against the earliest article puts the article in the story's tree; a later candidate, itself
    a candidate against the same earliest article, would only add a redundant edge."""
    if others <= 0:
        return earliest_reason
    return (
        f"{earliest_reason}; the earliest of {others + 1} earlier articles of other outlets with "
        f"this headline (only this one is queued; the ingest answer lists the first "
        f"{COPY_CANDIDATES_LISTED} in copy_candidates)"
    )


def propose_merges(session: Session, outcomes: list[ClaimOutcome], matcher: Matcher) -> None:
    """Queue the matcher's suggestions for a person: a created claim may be one we had."""
    for outcome in outcomes:
        for suggestion in outcome.suggestions:
            review_queue.propose_merge(
                session,
                claim_id=outcome.claim_id,
                target_claim_id=suggestion.claim_id,
                score=suggestion.score,
                reason=f"matcher score {suggestion.score:.2f} is between the suggest "
                f"({matcher.suggest:.2f}) and link ({matcher.link:.2f}) thresholds",
            )


def credited_public(session: Session, *, article_id: int) -> CreditedOriginPublic | None:
    """The article's credited origin as the API shows it, if it has one."""
    return credited_public_many(session, [article_id]).get(article_id)


def credited_public_many(
    session: Session, article_ids: list[int]
) -> dict[int, CreditedOriginPublic]:
    """The credited origins of these articles, as the API shows them (a query per 500)."""
    found: dict[int, CreditedOriginPublic] = {}
    for start in range(0, len(article_ids), 500):
        part = article_ids[start : start + 500]
        query = (
            select(CreditedOrigin, Outlet)
            .join(Outlet, Outlet.id == CreditedOrigin.outlet_id)  # type: ignore[arg-type]
            .where(listed(CreditedOrigin.article_id, "ids"))
        )
        for row, outlet in session.execute(query, {"ids": part}):
            found[row.article_id] = CreditedOriginPublic.model_validate(
                row, update={"outlet": OutletRef.model_validate(outlet)}
            )
    return found


def canonical_origin(
    session: Session, article: Article, payload: IngestPayload, changes: Changes
) -> bool:
    """rel=canonical naming another outlet's stored page: that page is the origin."""
    url = payload.article.canonical_url
    if url is None or url == article.url:
        return False
    target = articles_service.get_by_url(session, url=url)
    if target is None or target.outlet_id == article.outlet_id:
        return False
    if session.get(ArticleLink, article.id) is not None:
        return False
    try:
        articles_service.add_link(
            session,
            article=article,
            data=LinkCreate(
                origin_article_id=target.id or 0,
                relation=LinkRelation.syndicates,
                reason=f"rel=canonical points to article {target.id} ({url})"[:1000],
            ),
            provenance=LinkProvenance.detected,
        )
    except (Conflict, Invalid):  # published before it, or a cycle: not a copy of it
        return False
    except NotFound:  # deleted by a concurrent write since it was found: as if never stored
        return False
    changes.any = True
    return True


def credited_origin(
    session: Session,
    article: Article,
    resolved: list[Any],
    settings: Settings,
    changes: Changes,
) -> None:
    """No stored article of the credited outlet is linked: credit the outlet itself."""
    # An ambiguous credit ("APA reported") may link to the outlet's article on the same claim
    # (copies.py), but is not enough alone to make the outlet the article's origin.
    decision = credited.decide([pair for pair in resolved if not pair[0].ambiguous])
    if decision is None:
        return
    if decision.confidence < settings.credit_min_confidence:
        review_queue.propose_credit(
            session,
            article_id=article.id or 0,
            outlet_id=decision.outlet.id or 0,
            relation=decision.relation,
            confidence=decision.confidence,
            reason=f"{decision.reason}; confidence {decision.confidence:.2f} is below "
            f"{settings.credit_min_confidence:.2f}",
            evidence=decision.evidence,
        )
        return
    if credits_service.record(
        session,
        article=article,
        outlet_id=decision.outlet.id or 0,
        relation=decision.relation,
        reason=decision.reason,
        evidence=decision.evidence,
        confidence=decision.confidence,
    ):
        changes.any = True


def _claim_by_key(session: Session, key: ClaimKey | None) -> int | None:
    if key is None:
        return None
    found = session.scalar(
        select(Claim.id).where(
            Claim.fingerprint == claims_service.fingerprint(key.text, key.claimant)
        )
    )
    if found is None:
        raise Invalid(
            f"claim {key.text!r} of a review decision is not stored",
            code="claim_not_found",
            details=[{"field": "review_decisions", "text": key.text}],
        )
    return claims_service.resolve(session, claim_id=found).id


def restore_decision(
    session: Session, article: Article, decision: IngestReviewDecision, changes: Changes
) -> None:
    """Remember a review decision exported with this article (nothing is applied again)."""
    # The decision's own fields (kind, status, score, reason, evidence, relation, who and when)
    # are the item's; what it is about is found below.
    item = ReviewItem.model_validate(decision, update={"key": ""})
    if decision.kind == ReviewKind.copy:
        origin = articles_service.get_by_url(session, url=decision.origin_url or "")
        if origin is None:
            raise Invalid(
                f"origin article {decision.origin_url!r} of a review decision is not stored",
                code="origin_not_found",
                details=[{"field": "review_decisions.origin_url", "value": decision.origin_url}],
            )
        item.article_id, item.origin_article_id = article.id, origin.id
        item.outlet_id = origin.outlet_id
    elif decision.kind == ReviewKind.credited_origin:
        if decision.outlet is None:
            raise Invalid("a credited_origin decision needs its outlet", code="outlet_required")
        outlet, _created = find_outlet(session, decision.outlet, changes)
        item.article_id, item.outlet_id = article.id, outlet.id
    elif decision.kind == ReviewKind.claim_proposal:
        proposed = decision.proposed_claim
        if proposed is None:
            raise Invalid("a claim_proposal decision needs its claim", code="claim_required")
        item.article_id, item.outlet_id = article.id, article.outlet_id
        item.proposed_text, item.proposed_claimant = proposed.text, proposed.claimant
        item.quote = proposed.quote
        item.target_claim_id = _claim_by_key(session, decision.target_claim)
    else:
        item.claim_id = _claim_by_key(session, decision.claim)
        item.target_claim_id = _claim_by_key(session, decision.target_claim)
        if item.target_claim_id is None:
            raise Invalid("a claim_merge decision needs its target claim", code="claim_required")
    if review_queue.restore(session, item=item):
        changes.any = True


def stated_credited_origin(
    session: Session, article: Article, stated: IngestCreditedOrigin, changes: Changes
) -> None:
    outlet, _created = find_outlet(session, stated.outlet, changes)
    if outlet.id == article.outlet_id:
        raise Invalid(
            "an article cannot credit its own outlet as its origin",
            code="self_credit",
            details=[{"field": "credited_origin.outlet.slug", "value": outlet.slug}],
        )
    if credits_service.record(
        session,
        article=article,
        outlet_id=outlet.id or 0,
        relation=stated.relation,
        reason=stated.reason,
        evidence=stated.evidence,
        confidence=stated.confidence,
        provenance=stated.provenance,
    ):
        changes.any = True
