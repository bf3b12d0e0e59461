"""The ClaimReview documents' schemas, for the OpenAPI contract (and so for generated clients).

The export (`app/reviews/claimreview.py` renders it) is a schema.org JSON-LD document: a
`Claim` when the claim has no review, one `ClaimReview`, or a `@graph` of several. A key whose
value is unknown is left out, never null; values an import kept as the fact-checker gave them
(a rating as text, an author with more fields) come back unchanged, so the objects are open.

The import takes what fact-checkers publish, which is loose by nature: the reader
(`app/reviews/reading.py`) reports what it cannot use node by node instead of refusing the
document, so the body is documented with these shapes but passed to it as parsed JSON.
"""

from typing import Annotated
from typing import Any
from typing import Literal

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field
from pydantic import PlainValidator
from pydantic.json_schema import SkipJsonSchema

from app.core.types import SPARSE_SCHEMAS

SCHEMA_ORG = Literal["https://schema.org"]
RatingValue = int | float | str
# A key left out when unknown: optional in the schema, never null.
Absent = SkipJsonSchema[None]


class _JsonLd(BaseModel):
    # Open objects: JSON-LD may carry any further schema.org property.
    model_config = ConfigDict(extra="allow", populate_by_name=True)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        SPARSE_SCHEMAS.add(cls.__name__)  # absent keys are left out, not null


class JsonLdOrganization(_JsonLd):
    type: str = Field(alias="@type", description="`Organization`.")
    name: str
    url: str | Absent = Field(default=None, description="`https://` and the outlet's domain.")


class JsonLdAppearance(_JsonLd):
    """A work in which the claim appears (`CreativeWork`)."""

    type: str = Field(alias="@type", description="`CreativeWork`.")
    url: str
    headline: str | Absent = None
    datePublished: str | Absent = Field(default=None, description="RFC 3339 instant, UTC.")  # noqa: N815
    publisher: JsonLdOrganization | Absent = None


class JsonLdClaimant(_JsonLd):
    name: str


class JsonLdClaim(_JsonLd):
    type: Literal["Claim"] = Field(alias="@type")
    text: str
    author: JsonLdClaimant | Absent = Field(default=None, description="Who made the claim.")
    datePublished: str | Absent = Field(  # noqa: N815
        default=None, description="When the claim was made (else the date of its first report)."
    )
    appearance: list[JsonLdAppearance] | Absent = Field(
        default=None, description="Every reporting article, earliest first."
    )
    firstAppearance: JsonLdAppearance | Absent = None  # noqa: N815


class JsonLdRating(_JsonLd):
    type: str = Field(alias="@type", description="`Rating`.")
    ratingValue: RatingValue | Absent = None  # noqa: N815
    bestRating: RatingValue | Absent = None  # noqa: N815
    worstRating: RatingValue | Absent = None  # noqa: N815
    alternateName: str | Absent = Field(default=None, description="The verdict in words.")  # noqa: N815


class _JsonLdReview(_JsonLd):
    """What ClaimReview and MediaReview have as schema.org Reviews (each narrows `@type`)."""

    type: str = Field(alias="@type")
    url: str
    name: str | Absent = Field(default=None, description="The review's headline.")
    datePublished: str | Absent = None  # noqa: N815
    inLanguage: str | Absent = None  # noqa: N815
    author: JsonLdOrganization = Field(description="The fact-checker.")


class JsonLdClaimReview(_JsonLdReview):
    type: Literal["ClaimReview"] = Field(alias="@type")
    claimReviewed: str  # noqa: N815
    reviewRating: JsonLdRating  # noqa: N815
    itemReviewed: JsonLdClaim  # noqa: N815


class JsonLdMediaReviewItem(_JsonLd):
    type: Literal["MediaReviewItem"] = Field(alias="@type")
    creator: JsonLdClaimant | Absent = Field(default=None, description="The claimant.")
    interpretedAsClaim: dict[str, Any] = Field(  # noqa: N815
        description="The claim the media item was taken to make (`@type` Claim, `text`)."
    )
    mediaItemAppearance: list[dict[str, Any]] | Absent = None  # noqa: N815


class JsonLdMediaReview(_JsonLdReview):
    """A review of a media item (schema.org MediaReview), exported as the fact-checker gave it."""

    type: Literal["MediaReview"] = Field(alias="@type")
    mediaAuthenticityCategory: str | Absent = None  # noqa: N815
    reviewRating: JsonLdRating | Absent = None  # noqa: N815
    itemReviewed: JsonLdMediaReviewItem  # noqa: N815


class MediaReviewJsonLd(JsonLdMediaReview):
    """The export of a claim with one review of media."""

    context: SCHEMA_ORG = Field(alias="@context")


class ClaimJsonLd(JsonLdClaim):
    """The export of a claim without reviews."""

    context: SCHEMA_ORG = Field(alias="@context")


class ClaimReviewJsonLd(JsonLdClaimReview):
    """The export of a claim with one review."""

    context: SCHEMA_ORG = Field(alias="@context")


class ClaimReviewGraph(_JsonLd):
    """The export of a claim with several reviews."""

    context: SCHEMA_ORG = Field(alias="@context")
    graph: list[JsonLdClaimReview | JsonLdMediaReview] = Field(alias="@graph")


ClaimReviewExport = ClaimReviewJsonLd | MediaReviewJsonLd | ClaimReviewGraph | ClaimJsonLd


# ---- what the import reads ------------------------------------------------------------------


class ClaimReviewNode(_JsonLd):
    """A schema.org node as published: a `ClaimReview` (or a `Claim`), usually with
    `claimReviewed`, `url`, `author`, `reviewRating`, `itemReviewed` and `datePublished`."""

    type: str | list[str] = Field(alias="@type", description="`ClaimReview` or `Claim`.")
    context: Any = Field(default=None, alias="@context")


class JsonLdGraphImport(_JsonLd):
    """Nodes under `@graph` (as pages embed them)."""

    context: Any = Field(default=None, alias="@context")
    graph: list[dict[str, Any]] = Field(alias="@graph")


class DataFeedImport(_JsonLd):
    """A Data Commons `DataFeed`: `dataFeedElement` items (each a node, or `{"item": node}`)."""

    type: str | list[str] = Field(alias="@type", description="`DataFeed`.")
    dataFeedElement: list[dict[str, Any]]  # noqa: N815


class FactCheckClaim(_JsonLd):
    """One claim of a Google Fact Check Tools `claims:search` response."""

    text: str | Absent = None
    claimant: str | Absent = None
    claimDate: str | Absent = None  # noqa: N815
    claimReview: list[dict[str, Any]]  # noqa: N815


class FactCheckSearch(_JsonLd):
    """A Google Fact Check Tools `claims:search` response."""

    claims: list[FactCheckClaim]


ClaimReviewImportDocument = (
    ClaimReviewNode | JsonLdGraphImport | DataFeedImport | FactCheckSearch | list[dict[str, Any]]
)

# The body as parsed JSON (the reader judges it node by node), documented as the shapes above.
ClaimReviewImport = Annotated[
    Any, PlainValidator(lambda value: value, json_schema_input_type=ClaimReviewImportDocument)
]
