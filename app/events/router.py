"""/v1/subscriptions (webhooks, `write` key) and /v1/events (the outbox: a list and a stream)."""

from typing import Annotated

from fastapi import APIRouter
from fastapi import Header
from fastapi import Path
from fastapi import Query
from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from sse_starlette.sse import EventSourceResponse

from app.core.config import SettingsDep
from app.core.db import SessionDep
from app.core.errors import Invalid
from app.core.errors import responses
from app.core.pagination import Page
from app.core.pagination import PageDep
from app.core.routing import create_route
from app.core.routing import delete_route
from app.core.types import MAX_ID
from app.events import service
from app.events import stream
from app.events import tasks  # noqa: F401  (tasks: registers the drain)
from app.events.dependencies import SubscriptionDep
from app.events.dependencies import WriterDep
from app.events.models import DeliveryPublic
from app.events.models import EventPublic
from app.events.models import SubscriptionCreate
from app.events.models import SubscriptionCreated
from app.events.models import SubscriptionPublic
from app.events.models import SubscriptionUpdate
from app.tables import DeliveryStatus
from app.tables import EventType

router = APIRouter(tags=["events"], responses=responses(422))


@create_route(router, "/subscriptions", name="subscribe")
def create_subscription(
    session: SessionDep, _writer: WriterDep, settings: SettingsDep, data: SubscriptionCreate
) -> SubscriptionCreated:
    """Subscribe a URL to events. The response is the only time the signing secret is shown."""
    subscription, secret = service.create(
        session, data=data, allow_private=settings.webhook_allow_private
    )
    return SubscriptionCreated.model_validate(
        service.to_public(subscription), update={"secret": secret}
    )


@router.get("/subscriptions", name="subscriptions")
def list_subscriptions(
    session: SessionDep, _writer: WriterDep, page: PageDep
) -> Page[SubscriptionPublic]:
    return service.list_(session, page=page)


@router.get("/subscriptions/{subscription_id}", name="subscription", responses=responses(404))
def get_one(subscription: SubscriptionDep) -> SubscriptionPublic:
    return service.to_public(subscription)


@router.patch("/subscriptions/{subscription_id}", name="update", responses=responses(404))
def update_subscription(
    session: SessionDep, subscription: SubscriptionDep, data: SubscriptionUpdate
) -> SubscriptionPublic:
    """Pause (`active: false`) or resume a subscription, or change its description."""
    return service.to_public(service.update(session, subscription=subscription, data=data))


@delete_route(
    router, "/subscriptions/{subscription_id}", name="unsubscribe", responses=responses(404)
)
def delete_subscription(session: SessionDep, subscription: SubscriptionDep) -> None:
    service.delete(session, subscription=subscription)


@router.get(
    "/subscriptions/{subscription_id}/deliveries", name="deliveries", responses=responses(404)
)
def list_deliveries(
    session: SessionDep,
    subscription: SubscriptionDep,
    page: PageDep,
    delivery_status: Annotated[
        DeliveryStatus | None, Query(alias="status", description="Only deliveries in this state.")
    ] = None,
) -> Page[DeliveryPublic]:
    """Deliveries to the subscription, newest first: pending, succeeded or failed."""
    return service.deliveries(session, subscription=subscription, status=delivery_status, page=page)


@router.post(
    "/subscriptions/{subscription_id}/deliveries/{delivery_id}/redeliver",
    name="redeliver",
    responses=responses(404),
)
def redeliver(
    session: SessionDep,
    subscription: SubscriptionDep,
    settings: SettingsDep,
    delivery_id: Annotated[int, Path(ge=1, le=2**63 - 1)],
) -> DeliveryPublic:
    """Send a delivery again now (a failed one gets a new retry window)."""
    return service.redeliver(
        session,
        subscription=subscription,
        delivery_id=delivery_id,
        retry_hours=settings.webhook_retry_hours,
    )


TypesQuery = Annotated[
    list[EventType], Query(alias="type", max_length=len(EventType), description="Repeatable.")
]
ClaimQuery = Annotated[int | None, Query(ge=1, le=MAX_ID, description="Only this claim's.")]
AfterQuery = Annotated[
    int | None, Query(ge=0, le=2**63 - 1, description="Only events with a higher id.")
]


@router.get("/events", name="list")
def list_events(
    session: SessionDep,
    page: PageDep,
    types: TypesQuery = [],  # noqa: B006 (FastAPI copies defaults)
    claim_id: ClaimQuery = None,
    after: AfterQuery = None,
) -> Page[EventPublic]:
    """Events, oldest first. To poll, pass the last id you saw as `after`."""
    return service.events_page(session, after=after or 0, types=types, claim_id=claim_id, page=page)


@router.get(
    "/events/stream",
    name="stream",
    response_class=EventSourceResponse,
    responses={
        200: {
            "content": {
                "text/event-stream": {
                    # One Server-Sent Event: `data` is one EventPublic as JSON, `id` and
                    # `event` repeat its id and type; comment lines keep an idle stream open.
                    # Any schema: generators have no type for a stream of events, and
                    # tests/events/test_stream.py checks the events themselves.
                    "schema": {"description": "Server-Sent Events, as in the example."},
                    "example": {
                        "id": "42",
                        "event": "claim.corroboration_changed",
                        "data": '{"id": 42, "type": "claim.corroboration_changed", '
                        '"claim_id": 1, "occurred_at": "2025-05-29T15:00:02Z", "data": '
                        '{"claim_id": 1, "old": {"outlets": 3, "origins": 2}, '
                        '"new": {"outlets": 4, "origins": 3}}}',
                    },
                }
            },
            "description": "Server-Sent Events.",
        },
        **responses(503),
    },
)
async def stream_events(
    request: Request,
    settings: SettingsDep,
    types: TypesQuery = [],  # noqa: B006 (FastAPI copies defaults)
    claim_id: ClaimQuery = None,
    after: AfterQuery = None,
    last_event_id: Annotated[
        str | None,
        Header(max_length=20, description="The last event id received (sent on reconnect)."),
    ] = None,
) -> EventSourceResponse:
    """Events as Server-Sent Events: those after `Last-Event-ID` (or `after`; without either,
    from now on), then each new one as it commits."""
    if last_event_id is not None:
        if not last_event_id.strip().isdigit():
            raise Invalid(
                "Last-Event-ID must be an event id", details=[{"loc": ["header", "last-event-id"]}]
            )
        after = int(last_event_id)
    engine = request.app.state.engine
    if after is None:

        def latest() -> int:
            with engine.connect() as connection:
                return service.latest_event_id(connection)

        after = await run_in_threadpool(latest)
    taken = stream.slots(request)
    taken.take()
    return EventSourceResponse(
        stream.events(engine, settings, after=after, types=types, claim_id=claim_id, taken=taken),
        ping=settings.events_stream_heartbeat_seconds,
        headers={"Cache-Control": "no-store"},
    )
