"""What the key-management routes read and answer (the table is app/tables/keys.py)."""

from datetime import datetime

from pydantic import ConfigDict
from pydantic import field_validator
from sqlmodel import Field
from sqlmodel import SQLModel

from app.core.types import ShortText
from app.tables.keys import ApiKeyBase
from app.tables.keys import Scope


class ApiKeyCreate(SQLModel):
    model_config = ConfigDict(extra="forbid")

    name: ShortText
    scopes: list[Scope] = Field(
        min_length=1,
        max_length=3,
        description="`read`, `write` and/or `admin` (key management, and writes). "
        "Any key may read.",
    )

    @field_validator("scopes")
    @classmethod
    def _distinct(cls, value: list[Scope]) -> list[Scope]:
        return sorted(set(value))


class ApiKeyPublic(ApiKeyBase):
    id: int
    scopes: list[Scope]
    created_at: datetime
    last_used_at: datetime | None = Field(
        description="Last request made with the key (updated at most once a minute)."
    )
    revoked_at: datetime | None = Field(description="When the key stopped working, if it has.")


class ApiKeyCreated(ApiKeyPublic):
    key: str = Field(
        description="The key itself: send it as `Authorization: Bearer <key>` or `X-API-Key`. "
        "It is shown only in this response and cannot be recovered."
    )
