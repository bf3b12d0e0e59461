"""Event: one row of the outbox, appended as the last statement of the transaction it describes."""

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, Integer, String
from sqlmodel import Field, SQLModel

from app.core.db import UTCDateTime, utcnow


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
