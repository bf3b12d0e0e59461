"""Webhook delivery on the one job system (app/jobs, huey).

- `webhooks.drain` dispatches new outbox events into deliveries and sends the due ones, round
  after round, until nothing is due (or its time budget is spent: it then sends itself again, so
  an import or a feed poll waiting for the same worker thread gets its turn). When it stops
  with deliveries waiting for a retry, it schedules itself for the earliest of them.
- It is sent after every commit that wrote events (`wake`, hooked on the outbox), while some
  subscription is active, so a delivery leaves within moments of the change.
- `webhooks.sweep` runs every minute and at every consumer start: after a crash (`kill -9`
  between commit and delivery), a lost queue message or a lapsed lease, the work waits in our
  own tables (the dispatch cursor, pending deliveries) and the next sweep picks it up.

Any number of drains may run at once, in threads, processes or replicas: the dispatcher holds
its cursor row while it moves it, and deliveries are taken with SKIP LOCKED under a lease
(app/events/delivery.py), so sending a task twice costs a read, never a second delivery.
"""

import logging
import threading
import time
import weakref
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import select

from app.core.config import Settings
from app.events.delivery import Sender
from app.events.delivery import deliver_once
from app.events.delivery import dispatch_once
from app.jobs import context
from app.jobs import enqueue
from app.jobs import enqueue_in
from app.jobs import periodic
from app.jobs import queue_for
from app.jobs import settings_for
from app.jobs import task
from app.outbox.recorder import on_commit
from app.tables import Delivery
from app.tables import DeliveryStatus
from app.tables import Subscription

logger = logging.getLogger("app.events")

DRAIN = "webhooks.drain"
SWEEP = "webhooks.sweep"
_FOLLOW_UP_KEY = "webhooks.follow_up_at"
# Set while a woken drain waits in the queue: commits until it starts need not send another
# (it reads everything committed before it starts). Kept in the queue's own storage, so it
# holds across processes and replicas sharing the queue; a lost task leaves it set until the
# next sweep's drain starts and clears it.
_WOKEN_KEY = "webhooks.woken"


def _sender(settings: Settings) -> Sender:
    values = context().values
    sender = values.get("webhook_sender")
    if sender is None:
        sender = values["webhook_sender"] = Sender(settings)
    return sender


def drain(engine: Engine, settings: Settings, sender: Sender, *, budget: float) -> bool:
    """Dispatch and deliver until nothing is due; False if the budget ran out first."""
    deadline = time.monotonic() + budget
    while dispatch_once(engine, settings) + deliver_once(engine, settings, sender):
        if time.monotonic() > deadline:
            return False
    return True


def next_retry(engine: Engine) -> datetime | None:
    """When the earliest pending delivery of an active subscription is due again."""
    with engine.connect() as connection:
        return connection.scalar(
            select(func.min(Delivery.next_attempt_at))
            .join(Subscription, Subscription.id == Delivery.subscription_id)
            .where(Delivery.status == DeliveryStatus.pending.value, Subscription.active)  # type: ignore[arg-type]
        )


def schedule_follow_up(settings: Settings, at: datetime) -> None:
    """Send a drain for `at`, unless one is planned, still to come, at or before it.

    A planned time that has come is no promise: that drain may be the one calling this (it
    ran, found the next retry later, and must plan it) or may have run already; counting it
    would leave the retry to the minute's sweep. Sending one drain too many costs a read."""
    queue = queue_for(settings)
    stamp = at.timestamp()
    planned = queue.get(_FOLLOW_UP_KEY, peek=True)
    now = time.time()
    if planned is not None and now < float(planned) <= stamp:
        return
    queue.put(_FOLLOW_UP_KEY, stamp)
    enqueue_in(settings, max(stamp - now, 0.0), DRAIN)


@task(DRAIN)
def run_drain() -> None:
    """Deliver what is due now; come back when a retry falls due."""
    ctx = context()
    settings, engine = ctx.settings, ctx.engine
    # From here on a commit wakes another drain: this one may have read past its events.
    queue_for(settings).delete(_WOKEN_KEY)
    if not drain(engine, settings, _sender(settings), budget=settings.webhook_drain_seconds):
        enqueue(settings, DRAIN)  # more to do: after whatever else waits for this thread
        return
    due = next_retry(engine)
    if due is not None:
        schedule_follow_up(settings, due)


@periodic(SWEEP, minutes=1)
def sweep() -> None:
    """What no drain was sent for (a crash, a lost message, a lapsed lease) leaves now."""
    run_drain()


# ---- waking a drain after a commit -------------------------------------------------------------

# Seen subscriptions are remembered for a second per engine (a burst of writes asks once);
# "none" is never remembered, so a new subscription's first event wakes a drain at once.
_ACTIVE_TTL = 1.0
_active: "weakref.WeakKeyDictionary[Engine, float]" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _any_active(engine: Engine) -> bool:
    now = time.monotonic()
    with _lock:
        seen = _active.get(engine)
    if seen is not None and now - seen < _ACTIVE_TTL:
        return True
    with engine.connect() as connection:
        active = connection.scalar(select(Subscription.id).where(Subscription.active).limit(1))  # type: ignore[arg-type]
    if active is None:
        return False
    with _lock:
        _active[engine] = now
    return True


def wake(engine: Engine) -> None:
    """After a commit that wrote events: send a drain, if anyone is subscribed."""
    settings = settings_for(engine)
    if settings is None or not _any_active(engine):
        return
    if queue_for(settings).put_if_empty(_WOKEN_KEY, "1"):
        enqueue(settings, DRAIN)


on_commit(wake)
