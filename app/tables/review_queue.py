"""ReviewItem: a decision the machine was not sure enough to take, kept for a person.

Four kinds: a claim-merge suggestion (the matcher scored the pair between its suggest and link
thresholds), a copy candidate (another outlet's article with the same headline and no other
signal), a credited origin below CLAIMS_CREDIT_MIN_CONFIDENCE, and a claim proposal (a quote
found in a crawled article that the matcher could not link to a claim for sure). Each has a
`key` naming what it proposes (unique): a proposal is stored once, and once rejected it is
never proposed again, however often the articles behind it are re-ingested.
"""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint
from sqlalchemy import Column
from sqlalchemy import Float
from sqlalchemy import Index
from sqlalchemy import String
from sqlmodel import Field
from sqlmodel import SQLModel

from app.core.columns import UTCDateTime
from app.core.columns import utcnow
from app.tables.articles import LinkRelation
from app.tables.columns import one_of
from app.tables.columns import reference


class ReviewKind(StrEnum):
    claim_merge = "claim_merge"
    copy = "copy"
    credited_origin = "credited_origin"
    claim_proposal = "claim_proposal"


class ReviewStatus(StrEnum):
    pending = "pending"
    accepted = "accepted"
    rejected = "rejected"


class ReviewItem(SQLModel, table=True):
    __tablename__ = "review_item"
    __table_args__ = (
        one_of("kind", ReviewKind),
        one_of("status", ReviewStatus),
        CheckConstraint("score >= 0 AND score <= 1", name="score"),
        Index("ix_review_item_status_id", "status", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: ReviewKind = Field(sa_type=String(20))
    status: ReviewStatus = Field(default=ReviewStatus.pending, sa_type=String(20))
    # What is proposed, e.g. "claim_merge:12:40", "copy:7:3", "credited_origin:7:2": one row
    # per proposal, so a rejection is remembered.
    key: str = Field(max_length=100, unique=True)
    # claim_merge: merge `claim_id` into `target_claim_id`.
    claim_id: int | None = Field(default=None, sa_column=reference("claim", nullable=True))
    target_claim_id: int | None = Field(default=None, sa_column=reference("claim", nullable=True))
    # copy: `article_id` copies `origin_article_id`; credited_origin: `article_id` credits
    # `outlet_id`. `outlet_id` is also the outlet a copy's origin belongs to (for filtering).
    article_id: int | None = Field(
        default=None, sa_column=reference("article", nullable=True, index=True)
    )
    origin_article_id: int | None = Field(
        default=None, sa_column=reference("article", nullable=True)
    )
    outlet_id: int | None = Field(
        default=None, sa_column=reference("outlet", nullable=True, index=True)
    )
    relation: LinkRelation | None = Field(default=None, sa_type=String(20))
    # claim_proposal: `article_id` says `proposed_text` (by `proposed_claimant`, in the words
    # `quote`); `target_claim_id` is the claim the matcher found closest, if any.
    proposed_text: str | None = Field(default=None, max_length=2000)
    proposed_claimant: str | None = Field(default=None, max_length=500)
    quote: str | None = Field(default=None, max_length=5000)
    score: float = Field(sa_column=Column(Float, nullable=False))
    reason: str = Field(max_length=1000)
    evidence: str | None = Field(default=None, max_length=300)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    decided_by: str | None = Field(default=None, max_length=200)
