"""What the claim routes read and answer (the tables are app/tables/claims.py)."""

from datetime import datetime

from pydantic import ConfigDict
from pydantic import model_validator
from pydantic.json_schema import SkipJsonSchema
from sqlmodel import Field
from sqlmodel import SQLModel

from app.core.types import BodyId
from app.core.types import CalendarDate
from app.core.types import Claimant
from app.core.types import ClaimText
from app.core.types import reject_null
from app.corroboration.models import Corroboration
from app.tables.articles import ArticleRef
from app.tables.articles import LinkProvenance
from app.tables.articles import LinkRelation
from app.tables.articles import OriginArticleRef
from app.tables.claims import AttributionBase
from app.tables.claims import ClaimBase
from app.tables.claims import Sourcing
from app.tables.claims import Stance
from app.tables.outlets import OutletRef


class ClaimCreate(SQLModel):
    model_config = ConfigDict(extra="forbid")

    text: ClaimText
    claimant: Claimant | None = None
    claim_date: CalendarDate | None = None


class ClaimUpdate(SQLModel):
    model_config = ConfigDict(extra="forbid")

    text: ClaimText | SkipJsonSchema[None] = None
    claimant: Claimant | None = None
    claim_date: CalendarDate | None = None

    _required = model_validator(mode="after")(reject_null("text"))


class ClaimPublic(ClaimBase):
    id: int
    created_at: datetime
    updated_at: datetime
    corroboration: Corroboration


class AttributionCreate(SQLModel):
    model_config = ConfigDict(extra="forbid")

    article_id: BodyId
    stance: Stance = Stance.reports
    quote: str | None = Field(default=None, min_length=1, max_length=5000)
    sourcing: Sourcing = Sourcing.unknown


class AttributionUpdate(SQLModel):
    model_config = ConfigDict(extra="forbid")

    stance: Stance | SkipJsonSchema[None] = None
    quote: str | None = Field(default=None, min_length=1, max_length=5000)
    sourcing: Sourcing | SkipJsonSchema[None] = None

    _required = model_validator(mode="after")(reject_null("stance", "sourcing"))


class CopyOf(SQLModel):
    """For a copy: the article it copies or cites and why."""

    article: OriginArticleRef
    relation: LinkRelation
    reason: str | None
    provenance: LinkProvenance


class IndependentOrigin(SQLModel):
    """The root report this attribution collapses into when counting independent origins."""

    article_id: int = Field(description="The root article: this one, or the end of its chain.")
    outlet: OutletRef = Field(
        description="The outlet it counts under: the root's, or the outlet the root credits."
    )
    credited: bool = Field(
        default=False,
        description='True when it counts under the outlet the root credits ("(AP)", an '
        "agency's URL), whose own article is not linked.",
    )


class AttributionPublic(AttributionBase):
    id: int
    claim_id: int
    created_at: datetime
    updated_at: datetime
    outlet: OutletRef
    article: ArticleRef
    origin: CopyOf | None = Field(description="Set when the article copies or cites another.")
    independent_origin: IndependentOrigin


class ClaimMerge(SQLModel):
    model_config = ConfigDict(extra="forbid")

    into: BodyId = Field(description="The claim that absorbs this one.")


class ClaimWithAttributions(ClaimPublic):
    merged_into: int | None = Field(
        default=None,
        description="Set when the requested id was merged into another claim: the id of this "
        "claim, which the old id now answers with.",
    )
    attributions: list[AttributionPublic] = Field(
        description="The first page of attributions, oldest report first."
    )
    attributions_next_cursor: str | None = Field(
        description="Continue with GET /v1/claims/{id}/attributions?cursor=…; null when complete."
    )
