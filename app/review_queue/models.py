"""What the review queue answers about a stored decision (`ReviewItem`, app/tables).

Four kinds: a claim-merge suggestion (the matcher scored the pair between its suggest and link
thresholds), a copy candidate (another outlet's article with the same headline and no other
signal), a credited origin below CLAIMS_CREDIT_MIN_CONFIDENCE, and a claim proposal (a quote
of a crawled article the matcher could not link to a claim for sure). Each has a `key` naming what
it proposes (unique): a proposal is stored once, and once rejected it is never proposed again,
however often the articles behind it are re-ingested.
"""

from datetime import datetime

from sqlmodel import Field
from sqlmodel import SQLModel

from app.tables import ArticleRef
from app.tables import LinkRelation
from app.tables import OutletRef
from app.tables import ReviewKind
from app.tables import ReviewStatus


class ClaimRef(SQLModel):
    id: int
    text: str
    claimant: str | None


class ProposedClaim(SQLModel):
    """claim_proposal: the statement an article makes, who made it, and the article's words."""

    text: str
    claimant: str | None
    quote: str | None


class ReviewArticleRef(ArticleRef):
    outlet: OutletRef


class ReviewItemPublic(SQLModel):
    """One stored decision: what is proposed, why, and who decided it (when decided)."""

    id: int
    kind: ReviewKind
    status: ReviewStatus
    score: float = Field(description="Matcher score (merges) or confidence (credits, copies).")
    reason: str
    evidence: str | None
    claim: ClaimRef | None = Field(description="claim_merge: the claim to merge.")
    target_claim: ClaimRef | None = Field(
        description="claim_merge: the claim to merge into; claim_proposal: the closest claim "
        "(accepting attributes the article to it), or, once accepted, the claim attributed."
    )
    article: ReviewArticleRef | None = Field(
        description="copy / credited_origin: the article; claim_proposal: the article quoted."
    )
    proposed_claim: ProposedClaim | None = Field(
        default=None, description="claim_proposal: what the article is proposed to claim."
    )
    origin_article: ReviewArticleRef | None = Field(description="copy: the proposed origin.")
    outlet: OutletRef | None = Field(
        description="credited_origin: the credited outlet; copy: the origin's outlet."
    )
    relation: LinkRelation | None
    created_at: datetime
    decided_at: datetime | None
    decided_by: str | None = Field(description="Name of the API key that decided.")
