"""Claim matching as the API offers it: candidates for a text, with what ingest would do."""

from sqlmodel import Session

from app.claims import service as claims_service
from app.core.config import Settings
from app.matching.base import Matcher
from app.matching.models import ClaimMatch, ClaimMatches, Decision


def decision(score: float, settings: Settings) -> Decision:
    """What ingest does with a best match of this score."""
    if score >= settings.match_link:
        return Decision.link
    if score >= settings.match_suggest:
        return Decision.suggest
    return Decision.none


def match(
    session: Session,
    *,
    text: str,
    claimant: str | None,
    limit: int,
    matcher: Matcher,
    settings: Settings,
) -> ClaimMatches:
    """Live claims that may say the same as `text`, best first, each with its score."""
    candidates = matcher.match(session, text=text, claimant=claimant, limit=limit)
    return ClaimMatches(
        items=[
            ClaimMatch(
                score=candidate.score,
                decision=decision(candidate.score, settings),
                claim=claims_service.public(session, claim_id=candidate.claim_id),
            )
            for candidate in candidates
        ],
        link_threshold=settings.match_link,
        suggest_threshold=settings.match_suggest,
    )
