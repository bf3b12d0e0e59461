"""Review: a fact-checker's published verdict on a claim (schema.org ClaimReview)."""

from datetime import date
from datetime import datetime
from typing import Any

from sqlalchemy import JSON
from sqlmodel import Field
from sqlmodel import SQLModel

from app.core.columns import UTCDateTime
from app.core.columns import utcnow
from app.tables.columns import reference


class ReviewBase(SQLModel):
    publisher_name: str = Field(max_length=200, description="Who published the fact check.")
    publisher_site: str | None = Field(
        default=None, max_length=253, description="The publisher's domain, e.g. politifact.com."
    )
    url: str = Field(max_length=2000, unique=True, description="Canonical URL of the review.")
    title: str | None = Field(default=None, max_length=1000, description="Its headline.")
    review_date: date | None = Field(default=None, description="When it was published.")
    textual_rating: str | None = Field(
        default=None, max_length=200, description='The verdict in words, e.g. "False".'
    )
    rating_value: float | None = Field(default=None, description="Numeric verdict, if any.")
    best_rating: float | None = Field(default=None, description="The scale's best value.")
    worst_rating: float | None = Field(default=None, description="The scale's worst value.")
    language: str | None = Field(default=None, max_length=35, description="BCP 47 tag.")
    media_authenticity_category: str | None = Field(
        default=None,
        max_length=60,
        description="For a MediaReview: the schema.org MediaManipulationRatingEnumeration "
        "value as given, e.g. `TransformedContent`; null for a ClaimReview.",
    )


class Review(ReviewBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(sa_column=reference("claim", index=True))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # What an import read as given (URL, author, datePublished, rating values and their types,
    # the item's author and date), so the export gives it back unchanged; None for API reviews.
    original: dict[str, Any] | None = Field(default=None, sa_type=JSON)
