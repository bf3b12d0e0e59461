"""Webhook subscriptions, their deliveries, and the dispatcher's position in the outbox."""

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import AnyHttpUrl, ConfigDict, field_validator
from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel

from app.core.db import UTCDateTime, utcnow
from app.core.types import Slug
from app.outbox.models import EventType

MAX_CLAIM_IDS = 1000
MAX_OUTLETS = 50


class DeliveryStatus(StrEnum):
    pending = "pending"  # due at next_attempt_at (a worker holding it pushed that forward)
    succeeded = "succeeded"
    failed = "failed"  # retried for the whole retry window, then given up (redeliver resets)


class Subscription(SQLModel, table=True):
    __tablename__ = "webhook_subscription"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(max_length=2000)
    description: str | None = Field(default=None, max_length=200)
    # Sorted event type names; empty: every type.
    event_types: list[str] = Field(default_factory=list, sa_type=JSON)
    claim_ids: list[int] = Field(default_factory=list, sa_type=JSON)
    outlets: list[str] = Field(default_factory=list, sa_type=JSON)
    claims_query: str | None = Field(default=None, max_length=2000)
    # The signing secret (`whsec_` + base64 of 32 random bytes), needed in clear to sign.
    secret: str = Field(max_length=100)
    active: bool = Field(default=True)
    # Events up to this id happened before the subscription existed and are never sent to it.
    after_event_id: int = Field(default=0, sa_type=BigInteger)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Delivery(SQLModel, table=True):
    """One event to one subscription. Pending deliveries are claimed by pushing next_attempt_at
    past a lease; a worker that dies mid-delivery leaves it due again when the lease ends."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (
        UniqueConstraint("subscription_id", "event_id"),
        Index("ix_webhook_delivery_due", "status", "next_attempt_at"),
        Index("ix_webhook_delivery_order", "subscription_id", "claim_id", "event_id"),
    )

    id: int | None = Field(
        default=None,
        sa_column=Column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True),
    )
    subscription_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("webhook_subscription.id", ondelete="CASCADE"), nullable=False
        )
    )
    event_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("event.id", ondelete="CASCADE"), nullable=False)
    )
    claim_id: int | None = Field(default=None)  # the event's claim: deliveries keep its order
    status: str = Field(default=DeliveryStatus.pending, sa_type=String(16))
    attempts: int = Field(default=0)
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # Failed attempts are retried until then; a redelivery starts a new window.
    retry_until: datetime = Field(sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_status_code: int | None = Field(default=None)
    last_error: str | None = Field(default=None, max_length=500)


class DispatchCursor(SQLModel, table=True):
    """The last outbox event turned into deliveries (one row; locked by the dispatcher)."""

    __tablename__ = "webhook_dispatch_cursor"

    name: str = Field(sa_type=String(32), primary_key=True)
    last_event_id: int = Field(default=0, sa_type=BigInteger)


# ---- API models --------------------------------------------------------------------------------


class SubscriptionCreate(SQLModel):
    model_config = ConfigDict(extra="forbid")

    url: AnyHttpUrl = Field(
        description="Where events are POSTed (http or https). Loopback, private, link-local and "
        "other non-public addresses are refused unless CLAIMS_WEBHOOK_ALLOW_PRIVATE=true."
    )
    description: str | None = Field(default=None, min_length=1, max_length=200)
    event_types: list[EventType] = Field(
        default_factory=list, max_length=len(EventType), description="Empty: every type."
    )
    claim_ids: list[int] = Field(
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

    @field_validator("url")
    @classmethod
    def _short_url(cls, value: AnyHttpUrl) -> AnyHttpUrl:
        if len(str(value)) > 2000:
            raise ValueError("the URL is longer than 2000 characters")
        return value

    @field_validator("claim_ids")
    @classmethod
    def _positive(cls, value: list[int]) -> list[int]:
        if any(i < 1 or i >= 2**31 for i in value):
            raise ValueError("claim ids are positive 32-bit integers")
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
