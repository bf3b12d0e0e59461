"""API models of webhook subscriptions, deliveries and events (tables: app/tables/events.py)."""

from datetime import datetime
from typing import Annotated
from typing import Any
from urllib.parse import urlsplit

from pydantic import AfterValidator
from pydantic import ConfigDict
from pydantic import ValidationError
from pydantic import WithJsonSchema
from pydantic import field_validator
from sqlmodel import Field
from sqlmodel import SQLModel

from app.core.types import BodyId
from app.core.types import Slug
from app.events.targets import HTTP_URL
from app.tables import DeliveryStatus
from app.tables import EventType

MAX_CLAIM_IDS = 1000
MAX_OUTLETS = 50
MAX_URL_LENGTH = 2000


def _webhook_url(raw: str) -> str:
    """An http(s) URI with a host, as pydantic normalises it when it can parse it; a URI it
    cannot (a host such as `a.b.9`, which a URL parser takes for a bad IPv4 address, is still
    a valid URI) is kept as given, and the service then refuses it as a target it cannot reach
    (`webhook_target_refused`, app/events/targets.py), as it does a name that does not resolve."""
    value = raw.strip()
    if any(ord(c) <= 0x20 or ord(c) == 0x7F for c in value):
        raise ValueError("URL must not contain spaces or control characters")
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError("URL must be an absolute http or https address")
    try:
        return str(HTTP_URL.validate_python(value))
    except ValidationError:
        return value


WebhookUrl = Annotated[
    str,
    Field(min_length=1, max_length=MAX_URL_LENGTH),
    AfterValidator(_webhook_url),
    WithJsonSchema(
        {"type": "string", "format": "uri", "minLength": 1, "maxLength": MAX_URL_LENGTH}
    ),
]


# ---- API models --------------------------------------------------------------------------------


class SubscriptionCreate(SQLModel):
    model_config = ConfigDict(extra="forbid")

    url: WebhookUrl = Field(
        description="Where events are POSTed (http or https). Loopback, private, link-local and "
        "other non-public addresses are refused unless CLAIMS_WEBHOOK_ALLOW_PRIVATE=true."
    )
    description: str | None = Field(default=None, min_length=1, max_length=200)
    event_types: list[EventType] = Field(
        default_factory=list, max_length=len(EventType), description="Empty: every type."
    )
    claim_ids: list[BodyId] = Field(
        default_factory=list,
        max_length=MAX_CLAIM_IDS,
        description="Only events about these claims (a merge counts for both claims).",
    )
    outlets: list[Slug] = Field(
        default_factory=list,
        max_length=MAX_OUTLETS,
        description="Only events about claims reported by one of these outlets (slugs), or "
        "copies detected between their articles.",
    )
    claims_query: str | None = Field(
        default=None,
        max_length=2000,
        description="Only events about claims the claim list would return for this query "
        "string, evaluated when the event is dispatched, e.g. `min_origins=3&q=NATO` "
        "(outlet, claimant, since, until, min_outlets, min_origins, q).",
    )

    @field_validator("claim_ids")
    @classmethod
    def _distinct_ids(cls, value: list[int]) -> list[int]:
        return sorted(set(value))

    @field_validator("event_types")
    @classmethod
    def _distinct_types(cls, value: list[EventType]) -> list[EventType]:
        return sorted(set(value))


class SubscriptionUpdate(SQLModel):
    model_config = ConfigDict(extra="forbid")

    active: bool | None = Field(default=None, description="false pauses deliveries.")
    description: str | None = Field(default=None, min_length=1, max_length=200)


class SubscriptionPublic(SQLModel):
    id: int
    url: str
    description: str | None
    event_types: list[EventType]
    claim_ids: list[int]
    outlets: list[str]
    claims_query: str | None
    active: bool
    created_at: datetime
    updated_at: datetime


class SubscriptionCreated(SubscriptionPublic):
    secret: str = Field(
        description="The signing secret (Standard Webhooks `whsec_...`); shown only here."
    )


class DeliveryPublic(SQLModel):
    id: int
    event_id: int
    event_type: str
    claim_id: int | None
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None = Field(description="When it is tried next, if pending.")
    created_at: datetime
    finished_at: datetime | None
    last_status_code: int | None
    last_error: str | None


class EventPublic(SQLModel):
    id: int
    type: str
    claim_id: int | None
    occurred_at: datetime
    data: dict[str, Any]
