"""What the review routes read and answer (the table is app/tables/reviews.py)."""

from datetime import date
from datetime import datetime
from typing import Annotated
from typing import Any
from typing import Literal
from typing import get_args

from pydantic import ConfigDict
from pydantic import model_validator
from sqlmodel import Field
from sqlmodel import SQLModel

from app.articles.models import ArticleUrl
from app.core.types import CalendarDate
from app.core.types import Domain
from app.core.types import LanguageTag
from app.core.types import ShortText
from app.core.types import Title
from app.core.types import json_number
from app.core.types import named_schema
from app.reviews.verdicts import Verdict

# The same rules and schema as an article URL (what canonical_url accepts is stated in OpenAPI).
ReviewUrl = ArticleUrl
# A JSON number, not "4" (found by schemathesis: numeric strings were coerced) nor true.
RatingNumber = json_number(float, ge=-1e6, le=1e6)


class Publisher(SQLModel):
    model_config = ConfigDict(extra="forbid")

    name: ShortText
    site: Domain | None = Field(default=None, description="Domain, e.g. `politifact.com`.")


MediaAuthenticity = Literal[
    "OriginalMediaContent",
    "DecontextualizedContent",
    "EditedOrCroppedContent",
    "TransformedContent",
    "StagedContent",
    "SatireOrParodyContent",
]
"""schema.org MediaManipulationRatingEnumeration: a MediaReview's verdict on a media item."""
NamedMediaAuthenticity = Annotated[
    MediaAuthenticity,
    named_schema(
        "MediaAuthenticity",
        {
            "type": "string",
            "enum": list(get_args(MediaAuthenticity)),
            "description": "schema.org MediaManipulationRatingEnumeration.",
        },
    ),
]


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
    media_authenticity_category: NamedMediaAuthenticity | None = Field(
        default=None,
        description="Makes it a MediaReview: the verdict on the media item "
        "(schema.org MediaManipulationRatingEnumeration).",
    )

    @model_validator(mode="after")
    def _verdict(self) -> "ReviewCreate":
        if (
            self.textual_rating is None
            and self.rating_value is None
            and self.media_authenticity_category is None
        ):
            raise ValueError(
                "a review needs a textual_rating, a rating_value or a media_authenticity_category"
            )
        check_scale(self.rating_value, self.best_rating, self.worst_rating)
        return self


def check_scale(value: float | None, best: float | None, worst: float | None) -> None:
    """Raise ValueError unless best and worst differ and the value lies between them.

    A scale may run either way: AFP Factual publishes `bestRating` 1 and `worstRating` 5.
    """
    if best is not None and worst is not None and best == worst:
        raise ValueError("worst_rating and best_rating must differ")
    if value is None:
        return
    ascending = best is None or worst is None or worst < best
    high, low = (best, worst) if ascending else (worst, best)
    if high is not None and value > high:
        raise ValueError(f"rating_value is above {'best' if ascending else 'worst'}_rating")
    if low is not None and value < low:
        raise ValueError(f"rating_value is below {'worst' if ascending else 'best'}_rating")


class PublisherPublic(SQLModel):
    name: str
    site: str | None = Field(description="Domain, e.g. `politifact.com`.")


class ReviewPublic(SQLModel):
    id: int
    claim_id: int
    publisher: PublisherPublic
    url: str
    title: str | None
    review_date: date | None
    textual_rating: str | None
    rating_value: float | None
    best_rating: float | None
    worst_rating: float | None
    language: str | None
    media_authenticity_category: str | None = Field(
        description="For a MediaReview: the schema.org MediaManipulationRatingEnumeration "
        "value as the fact-checker gave it (`OriginalMediaContent`, `TransformedContent`, "
        "`DecontextualizedContent`, ...); null for a ClaimReview."
    )
    verdict: (
        Annotated[
            Verdict,
            named_schema(
                "Verdict",
                {"type": "string", "enum": list(get_args(Verdict)), "description": "A verdict."},
            ),
        ]
        | None
    ) = Field(
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
    outcome: Annotated[
        Outcome,
        named_schema(
            "ImportOutcome",
            {"type": "string", "enum": list(get_args(Outcome)), "description": "What was done."},
        ),
    ] = Field(
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


# ---- "already fact-checked?": GET /v1/reviews/search ------------------------------------

SearchDecision = Annotated[
    Literal["link", "suggest"],
    named_schema(
        "SearchDecision",
        {"type": "string", "enum": ["link", "suggest"], "description": "A match's strength."},
    ),
]
SearchFormat = Annotated[
    Literal["json", "factchecktools"],
    named_schema(
        "SearchFormat",
        {"type": "string", "enum": ["json", "factchecktools"], "description": "Answer shape."},
    ),
]


class ReviewedClaim(SQLModel):
    id: int
    text: str
    claimant: str | None
    claim_date: date | None


class ReviewSearchHit(SQLModel):
    """A reviewed claim that says the same as the searched text, with its matching reviews."""

    claim: ReviewedClaim
    score: float = Field(description="How surely the claim says the same as `text`, 0 to 1.")
    decision: SearchDecision = Field(
        description="`link`: at or above the link threshold (ingest would take it for the same "
        "claim); `suggest`: at or above the suggest threshold."
    )
    reviews: list[ReviewPublic] = Field(
        description="The claim's reviews that pass the filters, newest first."
    )


class ReviewSearchPage(SQLModel):
    items: list[ReviewSearchHit] = Field(description="Best match first (ties: lower claim id).")
    next_cursor: str | None = Field(
        description="Pass as `cursor` to get the next page; null on the last page."
    )
    link_threshold: float
    suggest_threshold: float


class FactCheckPublisher(SQLModel):
    name: str | None = None
    site: str | None = None


class FactCheckClaimReview(SQLModel):
    """One review in Google Fact Check Tools' `claims:search` shape (fields absent when unknown)."""

    publisher: FactCheckPublisher
    url: str
    title: str | None = None
    reviewDate: str | None = None  # noqa: N815 - the Fact Check Tools field name
    textualRating: str | None = None  # noqa: N815
    languageCode: str | None = None  # noqa: N815


class FactCheckFoundClaim(SQLModel):
    text: str
    claimant: str | None = None
    claimDate: str | None = None  # noqa: N815
    claimReview: list[FactCheckClaimReview]  # noqa: N815


class FactCheckSearchResponse(SQLModel):
    """Google Fact Check Tools' `claims:search` response, for clients written against it."""

    claims: list[FactCheckFoundClaim] = Field(default_factory=list)
    nextPageToken: str | None = None  # noqa: N815
