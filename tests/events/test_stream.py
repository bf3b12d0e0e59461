"""GET /v1/events (cursor pages, for polling) and /v1/events/stream (SSE, Last-Event-ID)."""

import json
import threading
import time
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.assertions import assert_error
from tests.events.script import EXPECTED
from tests.events.script import scripted_sequence
from tests.factories import Factory


def parse_sse(text: str) -> list[dict[str, Any]]:
    """The events of an SSE body (comments and pings left out)."""
    found = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        fields: dict[str, str] = {}
        for line in block.split("\n"):
            if line and not line.startswith(":") and ":" in line:
                name, _, value = line.partition(":")
                fields[name] = value.removeprefix(" ")
        if "data" in fields:
            found.append(
                {"id": int(fields["id"]), "event": fields["event"], **json.loads(fields["data"])}
            )
    return found


def short_stream_client(
    make_app: Callable[..., FastAPI], factory: Factory, seconds: float = 1.0
) -> TestClient:
    app = make_app(events_stream_max_seconds=seconds, events_stream_poll_seconds=0.05)
    return TestClient(app)


def test_events_are_listed_oldest_first_in_cursor_pages(client: TestClient) -> None:
    ids = scripted_sequence(client)
    everything = client.get("/v1/events", params={"limit": 200}).json()
    assert [e["type"] for e in everything["items"]] == [t for t, _ in EXPECTED]
    assert everything["next_cursor"] is None
    pages, cursor = [], None
    while True:
        page = client.get(
            "/v1/events", params={"limit": 3, **({"cursor": cursor} if cursor else {})}
        )
        assert page.status_code == 200
        pages.extend(page.json()["items"])
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break
    assert pages == everything["items"]
    first = everything["items"][0]
    assert set(first) == {"id", "type", "claim_id", "occurred_at", "data"}
    after = client.get("/v1/events", params={"after": everything["items"][4]["id"]}).json()
    assert after["items"] == everything["items"][5:]
    disputes = client.get("/v1/events", params={"type": "claim.disputed"}).json()["items"]
    assert [e["claim_id"] for e in disputes] == [ids["claim"]]
    other = client.get("/v1/events", params={"claim_id": ids["other"]}).json()["items"]
    assert [e["type"] for e in other] == ["claim.created", "claim.merged"]
    assert_error(client.get("/v1/events", params={"type": "claim.nope"}), 422, "validation_error")
    assert_error(client.get("/v1/events", params={"cursor": "nope"}), 422, "invalid_cursor")


def test_the_stream_resumes_after_last_event_id_with_exactly_the_missed_events(
    client: TestClient, make_app: Callable[..., FastAPI], factory: Factory
) -> None:
    scripted_sequence(client)
    listed = client.get("/v1/events", params={"limit": 200}).json()["items"]
    seen = listed[3]["id"]
    with short_stream_client(make_app, factory) as streaming:
        response = streaming.get("/v1/events/stream", headers={"Last-Event-ID": str(seen)})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    received = parse_sse(response.text)
    assert [e["id"] for e in received] == [e["id"] for e in listed[4:]]
    assert [e["event"] for e in received] == [e["type"] for e in listed[4:]]
    assert [{k: e[k] for k in ("id", "type", "claim_id", "data")} for e in received] == [
        {k: e[k] for k in ("id", "type", "claim_id", "data")} for e in listed[4:]
    ]
    # The same with `after`, and filtered by claim and type.
    with short_stream_client(make_app, factory, 0.5) as streaming:
        by_type = streaming.get(
            "/v1/events/stream", params={"after": 0, "type": "claim.created"}
        ).text
    assert [e["type"] for e in parse_sse(by_type)] == ["claim.created", "claim.created"]


def test_a_stream_sends_its_backlog_even_if_its_lifetime_ends_before_the_first_read(
    client: TestClient, make_app: Callable[..., FastAPI], factory: Factory
) -> None:
    # On a busy machine a short-lived stream may reach its first read after its deadline;
    # it must still send what it was asked for (the CI failure this guards against).
    scripted_sequence(client)
    listed = client.get("/v1/events", params={"limit": 200}).json()["items"]
    with short_stream_client(make_app, factory, 0.000001) as streaming:
        text = streaming.get("/v1/events/stream", params={"after": 0}).text
    assert [e["id"] for e in parse_sse(text)] == [e["id"] for e in listed]


def test_the_stream_sends_events_committed_while_it_is_open(
    client: TestClient, make_app: Callable[..., FastAPI], factory: Factory
) -> None:
    client.post("/v1/claims", json={"text": "Before the stream opened."})

    app = make_app(events_stream_max_seconds=1.5, events_stream_poll_seconds=0.05)

    def later() -> None:
        deadline = time.monotonic() + 5
        while getattr(getattr(app.state, "event_stream_slots", None), "open", 0) == 0:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        client.post("/v1/claims", json={"text": "While the stream was open."})

    writer = threading.Thread(target=later)
    with TestClient(app) as streaming:
        writer.start()
        text = streaming.get("/v1/events/stream").text  # no Last-Event-ID: from now on
    writer.join()
    assert [e["data"]["text"] for e in parse_sse(text)] == ["While the stream was open."]


def test_a_bad_last_event_id_is_422(client: TestClient) -> None:
    response = client.get("/v1/events/stream", headers={"Last-Event-ID": "abc"})
    assert_error(response, 422, "invalid")


def test_streams_beyond_the_limit_are_503(
    make_app: Callable[..., FastAPI], factory: Factory
) -> None:
    app = make_app(events_stream_max_connections=1, events_stream_max_seconds=0.5)
    with TestClient(app) as streaming:
        from app.events.stream import StreamSlots

        app.state.event_stream_slots = StreamSlots(1)
        app.state.event_stream_slots.open = 1  # one stream already open
        response = streaming.get("/v1/events/stream")
        assert_error(response, 503, "too_many_streams")
        app.state.event_stream_slots.open = 0
        assert streaming.get("/v1/events/stream").status_code == 200
        assert app.state.event_stream_slots.open == 0  # given back when the stream ended
