"""Outlet: a publisher (wire agency, newspaper, broadcaster, ...) that reports claims."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import String
from sqlmodel import Field
from sqlmodel import SQLModel

from app.core.columns import UTCDateTime
from app.core.columns import utcnow
from app.tables.columns import one_of


class OutletKind(StrEnum):
    wire_agency = "wire_agency"
    newspaper = "newspaper"
    broadcaster = "broadcaster"
    magazine = "magazine"
    online = "online"
    other = "other"


class OutletBase(SQLModel):
    slug: str = Field(
        max_length=64, unique=True, description="Unique lowercase url-safe handle, e.g. `reuters`."
    )
    name: str = Field(max_length=200, description="Display name, e.g. `Reuters`.")
    domain: str | None = Field(
        default=None,
        max_length=253,
        unique=True,
        description="Web domain, unique when set (`reuters.com`).",
    )
    country: str | None = Field(default=None, max_length=2, description="ISO 3166-1 alpha-2.")
    language: str | None = Field(default=None, max_length=35, description="BCP 47 tag.")
    kind: OutletKind = Field(default=OutletKind.other, sa_type=String(20))
    owner_group: str | None = Field(
        default=None, max_length=200, description="Outlets sharing an owner share this text."
    )


class Outlet(OutletBase, table=True):
    __table_args__ = (one_of("kind", OutletKind),)

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class OutletRef(SQLModel):
    """The few outlet fields embedded wherever an outlet is mentioned."""

    id: int
    slug: str
    name: str
