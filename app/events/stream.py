"""GET /v1/events/stream: the outbox as Server-Sent Events, resumable with Last-Event-ID.

Each event is sent with its outbox id as the SSE `id`, so a browser's EventSource (or any
client) that reconnects sends `Last-Event-ID` and gets exactly the events it missed: ids grow
in commit order (app/outbox/recorder.py), so "every event above N" is exactly the missed ones.
Per connection: one database read per poll interval on a worker thread (no connection held in
between), at most 100 events per read, a heartbeat comment when idle, and a bounded lifetime
(20 s by default; the client resumes half a second later with Last-Event-ID, missing nothing).
The lifetime also bounds how long an open stream can hold up a graceful shutdown: granian
waits for open responses, and sse-starlette's shutdown detection only knows uvicorn. The
process serves a bounded number of streams at once (503 beyond).
"""

from collections.abc import AsyncIterator
from collections.abc import Sequence

import anyio
import orjson
from fastapi import Request
from sqlalchemy import Engine
from sse_starlette.event import ServerSentEvent

from app.core.config import Settings
from app.core.errors import ServiceUnavailable
from app.events import service
from app.tables import EventType

READ_BATCH = 100


class StreamSlots:
    """How many streams this process has open (the event loop is one thread: a plain int)."""

    def __init__(self, most: int) -> None:
        self.most = most
        self.open = 0

    def take(self) -> None:
        if self.open >= self.most:
            raise ServiceUnavailable(
                f"this server already streams events to {self.most} clients; retry shortly "
                "or poll GET /v1/events",
                code="too_many_streams",
                headers={"Retry-After": "5"},
            )
        self.open += 1

    def give_back(self) -> None:
        self.open -= 1


def slots(request: Request) -> StreamSlots:
    """The app's stream slots (made on first use)."""
    state = request.app.state
    if not hasattr(state, "event_stream_slots"):
        settings: Settings = state.settings
        state.event_stream_slots = StreamSlots(settings.events_stream_max_connections)
    found: StreamSlots = state.event_stream_slots
    return found


async def events(
    engine: Engine,
    settings: Settings,
    *,
    after: int,
    types: Sequence[EventType],
    claim_id: int | None,
    taken: StreamSlots,
) -> AsyncIterator[ServerSentEvent]:
    """Events above `after`, then new ones as they commit, until the lifetime runs out."""

    def read(position: int) -> list[service.EventPublic]:
        with engine.connect() as connection, connection.begin():
            return service.events_after(
                connection, after=position, types=types, claim_id=claim_id, limit=READ_BATCH
            )

    deadline = anyio.current_time() + settings.events_stream_max_seconds
    try:
        # Tell the client how soon to reconnect once the lifetime runs out or the server goes.
        yield ServerSentEvent(comment="corroborate events", retry=500)
        # Read at least once, however late this starts: a stream that opens on a busy
        # server still sends the backlog it was asked for before its lifetime ends.
        while True:
            found = await anyio.to_thread.run_sync(read, after)
            for item in found:
                after = item.id
                yield ServerSentEvent(
                    id=str(item.id),
                    event=item.type,
                    data=orjson.dumps(item.model_dump(mode="json")).decode(),
                )
            if anyio.current_time() >= deadline:
                break
            if len(found) < READ_BATCH:
                await anyio.sleep(settings.events_stream_poll_seconds)
    finally:
        taken.give_back()
