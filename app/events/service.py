"""Subscription verbs, their deliveries, and reading the outbox (GET /v1/events)."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy import func
from sqlalchemy import select
from sqlmodel import Session

from app.core.columns import apply_changes
from app.core.columns import utcnow
from app.core.db import get_or_not_found
from app.core.errors import NotFound
from app.core.pagination import Keyset
from app.core.pagination import Page
from app.core.pagination import PageParams
from app.core.pagination import decode_cursor
from app.core.pagination import encode_cursor
from app.events import targets
from app.events.delivery import new_secret
from app.events.filters import parse_claims_query
from app.events.models import DeliveryPublic
from app.events.models import EventPublic
from app.events.models import SubscriptionCreate
from app.events.models import SubscriptionPublic
from app.events.models import SubscriptionUpdate
from app.tables import Delivery
from app.tables import DeliveryStatus
from app.tables import Event
from app.tables import EventType
from app.tables import Subscription


def to_public(subscription: Subscription) -> SubscriptionPublic:
    """A subscription as listed: everything but its secret."""
    return SubscriptionPublic.model_validate(subscription)


def create(
    session: Session, *, data: SubscriptionCreate, allow_private: bool
) -> tuple[Subscription, str]:
    """Subscribe a URL (refused unless public, see app/events/targets.py); returns the
    subscription and its signing secret, which is shown only once."""
    parse_claims_query(data.claims_query)  # 422 now rather than a filter that never matches
    url = str(data.url)
    targets.check_url(url, allow_private=allow_private)
    secret = new_secret()
    subscription = Subscription(
        url=url,
        description=data.description,
        event_types=[str(t) for t in data.event_types],
        claim_ids=list(data.claim_ids),
        outlets=sorted(set(data.outlets)),
        claims_query=data.claims_query or None,
        secret=secret,
        # Only events committed from now on: every event at or below the newest id is older.
        after_event_id=session.scalar(select(func.max(Event.id))) or 0,
    )
    session.add(subscription)
    session.flush()
    return subscription, secret


def get(session: Session, *, subscription_id: int) -> Subscription:
    """The subscription with this id, or NotFound."""
    return get_or_not_found(session, Subscription, subscription_id, what="subscription")


def update(
    session: Session, *, subscription: Subscription, data: SubscriptionUpdate
) -> Subscription:
    """Pause or resume a subscription, or change its description."""
    changes = data.model_dump(exclude_unset=True)
    kept = {
        name: value for name, value in changes.items() if value is not None or name == "description"
    }
    session.add(apply_changes(subscription, kept))
    session.flush()
    return subscription


def delete(session: Session, *, subscription: Subscription) -> None:
    """Delete a subscription and its deliveries (nothing more is sent to it)."""
    session.delete(subscription)
    session.flush()


_SUBSCRIBED = Keyset("subscriptions", ((Subscription.id, "asc"),), (int,))
_NEWEST_DELIVERY = Keyset("deliveries", ((Delivery.id, "desc"),), (int,))


def list_(session: Session, *, page: PageParams) -> Page[SubscriptionPublic]:
    """Subscriptions, oldest first."""
    rows = list(session.scalars(_SUBSCRIBED.seek(select(Subscription), page)))
    rows, cursor = _SUBSCRIBED.page(rows, page.limit, lambda subscription: [subscription.id])
    return Page[SubscriptionPublic](items=[to_public(s) for s in rows], next_cursor=cursor)


def deliveries(
    session: Session,
    *,
    subscription: Subscription,
    status: DeliveryStatus | None,
    page: PageParams,
) -> Page[DeliveryPublic]:
    """A subscription's deliveries, newest first."""
    query = (
        select(Delivery, Event.type)
        .join(Event, Event.id == Delivery.event_id)  # type: ignore[arg-type]
        .where(Delivery.subscription_id == subscription.id)
    )
    if status is not None:
        query = query.where(Delivery.status == status.value)
    rows = list(session.execute(_NEWEST_DELIVERY.seek(query, page)))
    rows, cursor = _NEWEST_DELIVERY.page(rows, page.limit, lambda row: [row[0].id])
    return Page[DeliveryPublic](
        items=[_delivery_public(row[0], row[1]) for row in rows], next_cursor=cursor
    )


def _delivery_public(delivery: Delivery, event_type: str) -> DeliveryPublic:
    return DeliveryPublic.model_validate(
        delivery,
        update={
            "event_type": event_type,
            "next_attempt_at": (
                delivery.next_attempt_at if delivery.status == DeliveryStatus.pending else None
            ),
        },
    )


def redeliver(
    session: Session, *, subscription: Subscription, delivery_id: int, retry_hours: float
) -> DeliveryPublic:
    """Send a delivery again (failed or not), now, with a fresh retry window."""
    from datetime import timedelta

    delivery = session.get(Delivery, delivery_id, with_for_update=True)
    if delivery is None or delivery.subscription_id != subscription.id:
        raise NotFound(f"delivery {delivery_id} of subscription {subscription.id} not found")
    now = utcnow()
    delivery.status = DeliveryStatus.pending.value
    delivery.next_attempt_at = now
    delivery.retry_until = now + timedelta(hours=retry_hours)
    delivery.finished_at = None
    session.add(delivery)
    session.flush()
    event_type = session.scalar(select(Event.type).where(Event.id == delivery.event_id)) or ""
    return _delivery_public(delivery, event_type)


# ---- the outbox, read --------------------------------------------------------------------------


def events_after(
    db: Connection | Session,
    *,
    after: int,
    types: Sequence[EventType],
    claim_id: int | None,
    limit: int,
) -> list[EventPublic]:
    """Events with an id above `after`, oldest first, of these types and this claim."""
    query = select(Event.id, Event.type, Event.claim_id, Event.occurred_at, Event.data).where(
        Event.id > after  # type: ignore[operator]
    )
    if types:
        query = query.where(Event.type.in_([str(t) for t in types]))  # type: ignore[attr-defined]
    if claim_id is not None:
        query = query.where(Event.claim_id == claim_id)
    rows = db.execute(query.order_by(Event.id).limit(limit))  # type: ignore[arg-type]
    return [EventPublic.model_validate(row._asdict()) for row in rows]


def events_page(
    db: Connection | Session,
    *,
    after: int,
    types: Sequence[EventType],
    claim_id: int | None,
    page: PageParams,
) -> Page[EventPublic]:
    """One page of events, oldest first (`after` an event id; the cursor continues a page)."""
    if page.cursor is not None:
        (after,) = decode_cursor(page.cursor, "events", [int])
    items = events_after(db, after=after, types=types, claim_id=claim_id, limit=page.limit + 1)
    more = len(items) > page.limit
    items = items[: page.limit]
    return Page[EventPublic](
        items=items, next_cursor=encode_cursor("events", [items[-1].id]) if more else None
    )


def latest_event_id(db: Connection | Session) -> int:
    """The newest event's id (0 when there is none)."""
    value: Any = db.execute(select(func.max(Event.id))).scalar()
    return int(value or 0)
