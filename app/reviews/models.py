"""What the review routes read and answer (the table is app/tables/reviews.py)."""

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Strict, model_validator
from sqlmodel import Field, SQLModel

from app.articles.models import ArticleUrl
from app.core.types import CalendarDate, Domain, LanguageTag, ShortText, Title
from app.reviews.verdicts import Verdict

# The same rules and schema as an article URL (what canonical_url accepts is stated in OpenAPI).
ReviewUrl = ArticleUrl
# Strict: a JSON number, not "4" (found by schemathesis: numeric strings were coerced).
RatingNumber = Annotated[float, Strict(), Field(ge=-1e6, le=1e6)]


class Publisher(SQLModel):
    model_config = ConfigDict(extra="forbid")

    name: ShortText
    site: Domain | None = Field(default=None, description="Domain, e.g. `politifact.com`.")


class ReviewCreate(SQLModel):
    model_config = ConfigDict(extra="forbid")

    publisher: Publisher
    url: ReviewUrl
    title: Title | None = None
    review_date: CalendarDate | None = None
    textual_rating: ShortText | None = None
    rating_value: RatingNumber | None = None
    best_rating: RatingNumber | None = None
    worst_rating: RatingNumber | None = None
    language: LanguageTag | None = None

    @model_validator(mode="after")
    def _verdict(self) -> "ReviewCreate":
        if self.textual_rating is None and self.rating_value is None:
            raise ValueError("a review needs a textual_rating or a rating_value")
        check_scale(self.rating_value, self.best_rating, self.worst_rating)
        return self


def check_scale(value: float | None, best: float | None, worst: float | None) -> None:
    """Raise ValueError unless worst < best and the value lies on that scale."""
    if best is not None and worst is not None and not worst < best:
        raise ValueError("worst_rating must be lower than best_rating")
    if value is not None:
        if best is not None and value > best:
            raise ValueError("rating_value is above best_rating")
        if worst is not None and value < worst:
            raise ValueError("rating_value is below worst_rating")


class ReviewPublic(SQLModel):
    id: int
    claim_id: int
    publisher: Publisher
    url: str
    title: str | None
    review_date: date | None
    textual_rating: str | None
    rating_value: float | None
    best_rating: float | None
    worst_rating: float | None
    language: str | None
    verdict: Verdict | None = Field(
        description="The textual rating (else the numeric one) on one scale: `true`, "
        "`mostly_true`, `mixed`, `mostly_false`, `false`, `unproven` or `other` "
        "(docs/fact-checking.md has the table). `textual_rating` keeps the original words."
    )
    verdict_score: float | None = Field(
        description="How true, from 0 (false) to 1 (true); null for `unproven` and `other`."
    )
    created_at: datetime
    updated_at: datetime


Outcome = Literal["created", "linked", "skipped"]


class ImportItem(SQLModel):
    """What happened to one ClaimReview (or Claim) found in the imported document."""

    index: int = Field(description="Position among the nodes found, in document order.")
    type: str = Field(description="`ClaimReview`, `Claim`, or the type that was skipped.")
    url: str | None = Field(description="The review's URL as given.")
    outcome: Outcome = Field(
        description="`created`: a new claim (and review); `linked`: attached to an existing "
        "claim; `skipped`: nothing written, see `reason`."
    )
    reason: str | None = Field(description="Why it was skipped, e.g. `already_imported`.")
    message: str | None = Field(description="The reason in a sentence.")
    claim_id: int | None
    review_id: int | None
    appearances_added: int = Field(description="Articles newly attributed to the claim.")
    warnings: list[str] = Field(description="Fields that were ignored, and why.")


class ImportReport(SQLModel):
    created: int
    linked: int
    skipped: int
    items: list[ImportItem]


JsonLd = dict[str, Any]
