"""What the outlet routes read and answer (the table is app/tables/outlets.py)."""

from datetime import datetime

from pydantic import ConfigDict
from pydantic import model_validator
from pydantic.json_schema import SkipJsonSchema
from sqlmodel import Field
from sqlmodel import SQLModel

from app.core.types import CountryCode
from app.core.types import Domain
from app.core.types import LanguageTag
from app.core.types import ShortText
from app.core.types import Slug
from app.core.types import reject_null
from app.tables.outlets import OutletBase
from app.tables.outlets import OutletKind
from app.tables.outlets import OutletRef


class OutletCreate(SQLModel):
    model_config = ConfigDict(extra="forbid")

    slug: Slug
    name: ShortText
    domain: Domain | None = None
    country: CountryCode | None = None
    language: LanguageTag | None = None
    kind: OutletKind = OutletKind.other
    owner_group: ShortText | None = None


class OutletUpdate(SQLModel):
    """Fields to change; omitted fields stay as they are, `null` clears an optional one."""

    model_config = ConfigDict(extra="forbid")

    slug: Slug | SkipJsonSchema[None] = None
    name: ShortText | SkipJsonSchema[None] = None
    domain: Domain | None = None
    country: CountryCode | None = None
    language: LanguageTag | None = None
    kind: OutletKind | SkipJsonSchema[None] = None
    owner_group: ShortText | None = None

    _required = model_validator(mode="after")(reject_null("slug", "name", "kind"))


class OutletPublic(OutletBase):
    country: CountryCode | None = Field(description="ISO 3166-1 alpha-2, upper case.")
    id: int
    created_at: datetime
    updated_at: datetime


class CopySource(SQLModel):
    """An outlet whose articles this outlet copied or cited."""

    outlet: OutletRef
    copies: int = Field(description="Articles of this outlet linked to one of that outlet's.")
    syndicates: int
    cites: int


class OutletProfile(SQLModel):
    """What the outlet's record says about it as a source."""

    articles: int = Field(description="Articles recorded for the outlet.")
    claims_reported: int = Field(
        description="Distinct claims it reported (stance `reports` or `supports`)."
    )
    first_reports: int = Field(
        description="Claims whose first report (earliest reporting article) is the outlet's."
    )
    copies: int = Field(description="Its articles that copy (`syndicates`) or `cites` another.")
    copy_share: float | None = Field(
        description="copies / articles, from 0 to 1; null when it has no articles."
    )
    copies_from: list[CopySource] = Field(
        description="The other outlets it most often copies or cites, most first (at most 5)."
    )


class OutletDetail(OutletPublic):
    profile: OutletProfile
