"""Webhook delivery: the dispatcher turns outbox events into deliveries, workers send them.

Plain functions over an engine; the job system drives them (`app/events/tasks.py`: a drain
task sent after each commit that wrote events, a sweep every minute), and tests call them
directly.

- `dispatch_once` locks the one cursor row (FOR UPDATE: one dispatcher at a time), reads the
  events after it, writes one delivery per matching subscription and moves the cursor, all in
  one transaction: an event is dispatched exactly once, even when the process dies half-way.
- `deliver_once` takes due deliveries (FOR UPDATE SKIP LOCKED on PostgreSQL, so replicas share
  the work without taking the same row) by pushing their next attempt past a lease, commits,
  sends them, and records each outcome. A worker that dies after taking a delivery leaves it
  due again when the lease ends: at least once. Only the oldest pending delivery of each
  (subscription, claim) is ever taken, so a receiver sees a claim's events in order.
- Failures are retried with exponential back-off and jitter until `retry_until` (24 hours by
  default), then marked failed; the subscription's deliveries list shows them, and a
  redelivery starts over.
"""

import base64
import hashlib
import hmac
import logging
import random
import socket
import ssl
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

import httpcore
import orjson
from sqlalchemy import Engine
from sqlalchemy import and_
from sqlalchemy import exists
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.core.columns import utcnow
from app.core.config import Settings
from app.core.unit_of_work import run_transaction
from app.events.filters import select_events
from app.events.targets import GuardedBackend
from app.tables import Delivery
from app.tables import DeliveryStatus
from app.tables import DispatchCursor
from app.tables import Event
from app.tables import Subscription

logger = logging.getLogger("app.events")

CURSOR_NAME = "webhooks"
DISPATCH_BATCH = 500
USER_AGENT = "Corroborate-Webhooks/1"


# ---- signatures (Standard Webhooks) ------------------------------------------------------------


def new_secret() -> str:
    """A signing secret in the Standard Webhooks form: `whsec_` + base64 of 32 random bytes."""
    import secrets

    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode("ascii")


def sign(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` header: `v1,` + base64 HMAC-SHA256 of `id.timestamp.body`."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{message_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def message_id(event_id: int) -> str:
    """The `webhook-id` of an event: the same on every attempt, for receivers to de-duplicate."""
    return f"evt_{event_id}"


def payload(event: Event) -> bytes:
    """The body POSTed for an event (the `data` is the event's, as GET /v1/events shows it)."""
    return orjson.dumps(
        {
            "id": event.id,
            "type": event.type,
            "timestamp": event.occurred_at.isoformat().replace("+00:00", "Z"),
            "claim_id": event.claim_id,
            "data": event.data,
        }
    )


# ---- dispatch ----------------------------------------------------------------------------------


def _nothing_new(engine: Engine) -> bool:
    # A plain read first, so an idle loop never takes SQLite's write lock (or a row lock).
    with engine.connect() as connection:
        position = connection.scalar(
            select(DispatchCursor.last_event_id).where(DispatchCursor.name == CURSOR_NAME)
        )
        newest = connection.scalar(select(func.max(Event.id)))
    return newest is None or (position is not None and newest <= position)


def dispatch_once(engine: Engine, settings: Settings, *, batch: int = DISPATCH_BATCH) -> int:
    """Turn the next batch of outbox events into deliveries; returns how many events it read."""
    if _nothing_new(engine):
        return 0

    def work(session: Session) -> int:
        cursor = session.scalar(
            select(DispatchCursor).where(DispatchCursor.name == CURSOR_NAME).with_for_update()
        )
        if cursor is None:
            # First run (or an emptied table): concurrent dispatchers both inserting collide
            # on the key, and the loser's transaction is re-run and finds this row.
            cursor = DispatchCursor(name=CURSOR_NAME, last_event_id=0)
            session.add(cursor)
            session.flush()
        events = list(
            session.scalars(
                select(Event)
                .where(Event.id > cursor.last_event_id)  # type: ignore[operator]
                .order_by(Event.id)  # type: ignore[arg-type]
                .limit(batch)
            )
        )
        if not events:
            return 0
        now = utcnow()
        until = now + timedelta(hours=settings.webhook_retry_hours)
        rows = []
        for subscription in session.scalars(
            select(Subscription).where(Subscription.active).order_by(Subscription.id)  # type: ignore[arg-type]
        ):
            for event in select_events(session, subscription, events):
                rows.append(
                    {
                        "subscription_id": subscription.id,
                        "event_id": event.id,
                        "claim_id": event.claim_id,
                        "status": DeliveryStatus.pending.value,
                        "attempts": 0,
                        "next_attempt_at": now,
                        "retry_until": until,
                        "created_at": now,
                    }
                )
        if rows:
            session.execute(Delivery.__table__.insert(), rows)  # type: ignore[attr-defined]
        cursor.last_event_id = events[-1].id or 0
        session.add(cursor)
        return len(events)

    return run_transaction(engine, work, attempts=settings.db_retry_attempts)


# ---- delivery ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Taken:
    """A delivery this worker holds until `attempt` is recorded or its lease runs out."""

    delivery_id: int
    attempt: int
    url: str
    secret: str
    event: Event


@dataclass(frozen=True, slots=True)
class Outcome:
    ok: bool
    status_code: int | None
    error: str | None


def _due(now: datetime, limit: int, postgresql: bool):  # type: ignore[no-untyped-def]
    earlier = aliased(Delivery)
    blocked = exists().where(
        earlier.subscription_id == Delivery.subscription_id,
        earlier.claim_id == Delivery.claim_id,
        earlier.event_id < Delivery.event_id,
        earlier.status == DeliveryStatus.pending.value,
    )
    query = (
        select(Delivery.id)
        .join(Subscription, Subscription.id == Delivery.subscription_id)
        .where(
            Delivery.status == DeliveryStatus.pending.value,
            Delivery.next_attempt_at <= now,
            Subscription.active,  # type: ignore[arg-type]
            ~blocked,
        )
        .order_by(Delivery.next_attempt_at, Delivery.id)  # type: ignore[arg-type]
        .limit(limit)
    )
    if postgresql:
        query = query.with_for_update(of=Delivery, skip_locked=True)  # type: ignore[arg-type]
    return query


def take_due(engine: Engine, settings: Settings, *, limit: int) -> list[Taken]:
    """Take up to `limit` due deliveries (the oldest pending one per subscription and claim)."""
    with engine.connect() as connection:  # idle: a plain read, no write lock
        due = connection.scalar(
            select(Delivery.id)
            .where(
                Delivery.status == DeliveryStatus.pending.value,
                Delivery.next_attempt_at <= utcnow(),
            )
            .limit(1)
        )
    if due is None:
        return []

    def work(session: Session) -> list[Taken]:
        now = utcnow()
        postgresql = session.get_bind().dialect.name == "postgresql"
        ids = list(session.scalars(_due(now, limit, postgresql)))
        if not ids:
            return []
        session.execute(
            update(Delivery)
            .where(Delivery.id.in_(ids))  # type: ignore[union-attr]
            .values(
                next_attempt_at=now + timedelta(seconds=settings.webhook_lease_seconds),
                attempts=Delivery.attempts + 1,
            )
        )
        rows = session.execute(
            select(Delivery.id, Delivery.attempts, Subscription.url, Subscription.secret, Event)
            .join(Subscription, Subscription.id == Delivery.subscription_id)
            .join(Event, Event.id == Delivery.event_id)  # type: ignore[arg-type]
            .where(Delivery.id.in_(ids))  # type: ignore[union-attr]
            .order_by(Delivery.id)  # type: ignore[arg-type]
        )
        return [Taken(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    return run_transaction(engine, work, attempts=settings.db_retry_attempts)


class Sender:
    """Sends one signed delivery over a pooled connection that reaches only checked addresses."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.pool = httpcore.ConnectionPool(
            ssl_context=ssl.create_default_context(),
            max_connections=settings.webhook_concurrency * 2,
            network_backend=GuardedBackend(allow_private=settings.webhook_allow_private),
            retries=0,
            # Headers and body go out as separate writes: without TCP_NODELAY the body waits
            # for the receiver's delayed ACK (about 40 ms per delivery on Linux).
            socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)],
        )

    def close(self) -> None:
        self.pool.close()

    def send(self, taken: Taken) -> Outcome:
        """POST the event, signed; a 2xx answer is success, anything else is retried."""
        body = payload(taken.event)
        identifier = message_id(taken.event.id or 0)
        timestamp = int(time.time())
        headers = [
            (b"content-type", b"application/json"),
            (b"user-agent", USER_AGENT.encode()),
            (b"webhook-id", identifier.encode()),
            (b"webhook-timestamp", str(timestamp).encode()),
            (b"webhook-signature", sign(taken.secret, identifier, timestamp, body).encode()),
        ]
        budget = self.settings.webhook_timeout_seconds
        deadline = time.monotonic() + budget
        timeouts = {"connect": budget, "read": budget, "write": budget, "pool": budget}
        try:
            with self.pool.stream(
                "POST", taken.url, headers=headers, content=body, extensions={"timeout": timeouts}
            ) as response:
                read = 0
                # Bounded: at most this many bytes, and not past the deadline (a receiver that
                # trickles its answer cannot hold a worker).
                for chunk in response.iter_stream():
                    read += len(chunk)
                    if read >= self.settings.webhook_max_response_bytes:
                        break
                    if time.monotonic() > deadline:
                        return Outcome(False, response.status, "response took too long")
                status = response.status
        except httpcore.TimeoutException:
            return Outcome(False, None, f"timed out after {budget:g}s")
        except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol) as e:
            return Outcome(False, None, f"{type(e).__name__}: {e}"[:500])
        if 200 <= status < 300:
            return Outcome(True, status, None)
        return Outcome(False, status, f"the receiver answered HTTP {status}")


def backoff_seconds(settings: Settings, attempt: int) -> float:
    """The pause after the `attempt`-th failure: doubling from the base, capped, with jitter."""
    pause = min(
        settings.webhook_retry_base_seconds * 2 ** min(attempt - 1, 40),
        settings.webhook_retry_max_interval_seconds,
    )
    return pause * random.uniform(0.5, 1.0)


def record_outcomes(
    engine: Engine, settings: Settings, results: list[tuple[Taken, Outcome]]
) -> None:
    """Write what each attempt achieved; an attempt whose lease was taken over is ignored."""

    def work(session: Session) -> None:
        now = utcnow()
        for taken, outcome in results:
            mine = and_(
                Delivery.id == taken.delivery_id,
                Delivery.attempts == taken.attempt,
                Delivery.status == DeliveryStatus.pending.value,
            )
            if outcome.ok:
                values: dict[str, object] = {
                    "status": DeliveryStatus.succeeded.value,
                    "finished_at": now,
                    "last_status_code": outcome.status_code,
                    "last_error": None,
                }
            else:
                until = session.scalar(
                    select(Delivery.retry_until).where(Delivery.id == taken.delivery_id)
                )
                values = {"last_status_code": outcome.status_code, "last_error": outcome.error}
                if until is None or now >= until:
                    values.update(status=DeliveryStatus.failed.value, finished_at=now)
                else:
                    pause = timedelta(seconds=backoff_seconds(settings, taken.attempt))
                    values["next_attempt_at"] = min(now + pause, until)
            session.execute(update(Delivery).where(mine).values(**values))

    run_transaction(engine, work, attempts=settings.db_retry_attempts)


def deliver_once(engine: Engine, settings: Settings, sender: Sender) -> int:
    """Take, send and record one round of due deliveries; returns how many were attempted."""
    taken = take_due(engine, settings, limit=settings.webhook_concurrency)
    if not taken:
        return 0
    if len(taken) == 1:
        outcomes = [sender.send(taken[0])]
    else:
        with ThreadPoolExecutor(max_workers=len(taken)) as threads:
            outcomes = list(threads.map(sender.send, taken))
    for item, outcome in zip(taken, outcomes, strict=True):
        if not outcome.ok:
            logger.info(
                "webhook delivery %d (event %s) failed: %s",
                item.delivery_id,
                item.event.id,
                outcome.error,
            )
    record_outcomes(engine, settings, list(zip(taken, outcomes, strict=True)))
    return len(taken)
