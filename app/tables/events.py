"""Events: the outbox (one row per event, written by the transaction it describes), webhook
subscriptions, their deliveries, and the dispatcher's position in the outbox."""

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON
from sqlalchemy import BigInteger
from sqlalchemy import Column
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import UniqueConstraint
from sqlmodel import Field
from sqlmodel import SQLModel

from app.core.columns import UTCDateTime
from app.core.columns import utcnow
from app.tables.columns import reference


class EventType(StrEnum):
    """What happened. docs/events.md gives each type's payload."""

    claim_created = "claim.created"
    claim_corroboration_changed = "claim.corroboration_changed"
    claim_disputed = "claim.disputed"
    claim_merged = "claim.merged"
    review_created = "review.created"
    article_copy_detected = "article.copy_detected"
    review_queue_item_added = "review_queue.item_added"


class Event(SQLModel, table=True):
    """An event. Ids grow in commit order (app/outbox/recorder.py), so `id > cursor` never
    skips an event that committed late."""

    __tablename__ = "event"
    __table_args__ = (
        Index("ix_event_claim_id_id", "claim_id", "id"),
        Index("ix_event_type_id", "type", "id"),
        # SQLite: AUTOINCREMENT, so an id is never handed out twice (a cursor stays valid).
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(
        default=None,
        sa_column=Column(
            BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
        ),
    )
    type: str = Field(sa_type=String(64))
    # The claim the event is about (no foreign key: the event outlives a deleted claim).
    claim_id: int | None = Field(default=None)
    occurred_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    data: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)


class DeliveryStatus(StrEnum):
    pending = "pending"  # due at next_attempt_at (a worker holding it pushed that forward)
    succeeded = "succeeded"
    failed = "failed"  # retried for the whole retry window, then given up (redeliver resets)


class Subscription(SQLModel, table=True):
    __tablename__ = "webhook_subscription"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(max_length=2100)  # 2000 given, and room for what normalising adds
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
    subscription_id: int = Field(sa_column=reference("webhook_subscription"))
    event_id: int = Field(sa_column=reference("event", type_=BigInteger))
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
