"""ApiKey: a secret that lets a client write (or manage keys); only its hash is stored."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import String
from sqlmodel import Field
from sqlmodel import SQLModel

from app.core.columns import UTCDateTime
from app.core.columns import utcnow


class Scope(StrEnum):
    """What a key may do. They nest: every key may read, and an `admin` key may also write."""

    read = "read"
    write = "write"
    admin = "admin"


class ApiKeyBase(SQLModel):
    name: str = Field(max_length=200, description="Who or what uses the key, e.g. `scraper`.")
    prefix: str = Field(
        max_length=16, description="The first characters of the key, to recognise it; not secret."
    )


class ApiKey(ApiKeyBase, table=True):
    __tablename__ = "api_key"

    id: int | None = Field(default=None, primary_key=True)
    # Space-separated, sorted scope names ("admin write"), like an OAuth scope string.
    scopes: str = Field(max_length=64)
    # sha256 of the whole key (hex). Keys carry 256 random bits, so a fast hash is enough:
    # nobody can search that space, and every request can verify a key in microseconds.
    key_hash: str = Field(sa_type=String(64), unique=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    last_used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)

    @property
    def scope_set(self) -> frozenset[Scope]:
        return frozenset(Scope(name) for name in self.scopes.split())
