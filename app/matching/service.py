"""Claim matching as the API offers it: candidates for a text, with what ingest would do."""

from dataclasses import dataclass
from dataclasses import field

from sqlalchemy import bindparam
from sqlalchemy import select
from sqlmodel import Session

from app.claims import service as claims_service
from app.matching.base import Candidate
from app.matching.base import Matcher
from app.matching.models import ClaimMatch
from app.matching.models import ClaimMatches
from app.matching.models import Decision
from app.tables import Claim

# Built once: ingest looks up every claim it receives.
_BY_FINGERPRINT = select(Claim).where(Claim.fingerprint == bindparam("fingerprint"))


@dataclass(frozen=True, slots=True)
class Existing:
    """The live claim a text already exists as, if any, and how sure that is."""

    claim: Claim | None
    score: float | None = None  # 1.0 for the same text and claimant
    candidates: list[Candidate] = field(default_factory=list)  # what the matcher proposed


def existing_claim(
    session: Session,
    *,
    text: str,
    claimant: str | None,
    matcher: Matcher | None,
    pool: int = 10,
) -> Existing:
    """The claim `text` already is: the same text and claimant (through merges), else the
    matcher's best candidate at or above the link threshold (no matcher: exact only)."""
    key = claims_service.fingerprint(text, claimant)
    same = session.scalar(_BY_FINGERPRINT, {"fingerprint": key})
    if same is not None:  # loaded, so `resolve` starts from the identity map, not another SELECT
        assert same.id is not None
        return Existing(claims_service.resolve(session, claim_id=same.id), 1.0)
    if matcher is None:
        return Existing(None)
    candidates = matcher.match(session, text=text, claimant=claimant, limit=pool)
    if candidates and candidates[0].score >= matcher.link:
        best = candidates[0]
        return Existing(claims_service.get(session, claim_id=best.claim_id), best.score, candidates)
    return Existing(None, None, candidates)


def decision(score: float, matcher: Matcher) -> Decision:
    """What ingest does with a best match of this score."""
    if score >= matcher.link:
        return Decision.link
    if score >= matcher.suggest:
        return Decision.suggest
    return Decision.none


def match(
    session: Session,
    *,
    text: str,
    claimant: str | None,
    limit: int,
    matcher: Matcher,
) -> ClaimMatches:
    """Live claims that may say the same as `text`, best first, each with its score."""
    candidates = matcher.match(session, text=text, claimant=claimant, limit=limit)
    return ClaimMatches(
        items=[
            ClaimMatch(
                score=candidate.score,
                signals=candidate.signals,
                decision=decision(candidate.score, matcher),
                claim=claims_service.public(session, claim_id=candidate.claim_id),
            )
            for candidate in candidates
        ],
        link_threshold=matcher.link,
        suggest_threshold=matcher.suggest,
    )
