"""Webhook delivery to a local receiver: everything arrives, signed, in order per claim, once."""

import threading
import time
from collections import defaultdict
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import select
from sqlmodel import Session
from standardwebhooks.webhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from app.core.config import Settings
from app.events.delivery import Sender
from app.events.delivery import deliver_once
from app.events.delivery import dispatch_once
from app.tables import Delivery
from app.tables import Event
from tests.events.conftest import drain
from tests.events.conftest import unfinished
from tests.events.receiver import Receiver
from tests.events.script import EXPECTED
from tests.events.script import scripted_sequence


def subscribe(client: TestClient, url: str, **fields: Any) -> dict[str, Any]:
    response = client.post("/v1/subscriptions", json={"url": url, **fields})
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def event_ids(engine: Engine) -> list[int]:
    with Session(engine) as session:
        return [i for i in session.scalars(select(Event.id).order_by(Event.id)) if i is not None]


def assert_in_order_per_claim(payloads: list[dict[str, Any]]) -> None:
    per_claim: dict[Any, list[int]] = defaultdict(list)
    for item in payloads:
        if item["claim_id"] is not None:
            per_claim[item["claim_id"]].append(item["id"])
    for claim_id, ids in per_claim.items():
        assert ids == sorted(ids), f"claim {claim_id} received {ids}"


def test_every_event_arrives_signed_in_order_per_claim(
    hook_client: TestClient, engine: Engine, hook_settings: Settings, receiver: Receiver
) -> None:
    subscription = subscribe(hook_client, receiver.url)
    scripted_sequence(hook_client)
    drain(engine, hook_settings)
    # Verified by the standardwebhooks library (it raises on a bad or missing signature).
    payloads = receiver.accepted(subscription["secret"])
    assert sorted(p["id"] for p in payloads) == event_ids(engine)
    assert len(payloads) == len(EXPECTED)
    assert [p["type"] for p in sorted(payloads, key=lambda p: p["id"])] == [t for t, _ in EXPECTED]
    assert_in_order_per_claim(payloads)
    first = receiver.requests[0].headers
    assert first["webhook-id"] == f"evt_{receiver.requests[0].json['id']}"
    assert first["content-type"] == "application/json"
    listed = hook_client.get(f"/v1/subscriptions/{subscription['id']}/deliveries?limit=200")
    assert {d["status"] for d in listed.json()["items"]} == {"succeeded"}
    assert {d["attempts"] for d in listed.json()["items"]} == {1}


def test_a_receiver_failing_for_a_while_then_recovering_gets_everything(
    hook_client: TestClient, engine: Engine, hook_settings: Settings, receiver: Receiver
) -> None:
    subscription = subscribe(hook_client, receiver.url)
    failures = {"left": 12}

    def flaky(_request: Any) -> int:
        if failures["left"] > 0:
            failures["left"] -= 1
            return 503
        return 200

    receiver.answer = flaky
    scripted_sequence(hook_client)
    drain(engine, hook_settings)
    payloads = receiver.accepted(subscription["secret"])
    assert sorted(p["id"] for p in payloads) == event_ids(engine)  # each exactly once
    assert_in_order_per_claim(payloads)
    refused = [r for r in receiver.requests if r.headers["x-answered"] == "503"]
    assert len(refused) == 12
    # A refused event is tried again before any later event of its claim is sent.
    for item in refused:
        if item.json["claim_id"] is None:
            continue
        later = [
            r.json["id"]
            for r in receiver.requests[: receiver.requests.index(item)]
            if r.json["claim_id"] == item.json["claim_id"]
        ]
        assert all(i <= item.json["id"] for i in later)


def test_a_delivery_failing_past_the_retry_window_is_marked_failed_and_can_be_redelivered(
    hook_client: TestClient, engine: Engine, hook_settings: Settings, receiver: Receiver
) -> None:
    settings = hook_settings.model_copy(update={"webhook_retry_hours": 0.5 / 3600})
    subscription = subscribe(hook_client, receiver.url, event_types=["claim.created"])
    receiver.answer = lambda _r: 500
    claim = hook_client.post("/v1/claims", json={"text": "The bridge will reopen in May."})
    assert claim.status_code == 201
    drain(engine, settings)
    path = f"/v1/subscriptions/{subscription['id']}/deliveries"
    (failed,) = hook_client.get(path, params={"status": "failed"}).json()["items"]
    assert failed["event_type"] == "claim.created"
    assert failed["claim_id"] == claim.json()["id"]
    assert failed["last_status_code"] == 500
    assert failed["last_error"] == "the receiver answered HTTP 500"
    assert failed["attempts"] >= 2
    assert failed["next_attempt_at"] is None
    receiver.answer = lambda _r: 200
    again = hook_client.post(f"{path}/{failed['id']}/redeliver")
    assert again.status_code == 200, again.text
    assert again.json()["status"] == "pending"
    drain(engine, settings)
    (done,) = hook_client.get(path).json()["items"]
    assert (done["status"], done["last_status_code"]) == ("succeeded", 200)
    assert receiver.accepted(subscription["secret"])[-1]["data"]["claim_id"] == claim.json()["id"]


def received_by(receiver: Receiver, subscription: dict[str, Any]) -> list[tuple[str, Any]]:
    """(type, claim) of what the receiver got signed with this subscription's secret."""
    verifier = Webhook(subscription["secret"])
    found = []
    for request in receiver.requests:
        try:
            found.append(verifier.verify(request.body, request.headers))
        except WebhookVerificationError:  # signed for another subscription
            continue
    return [(p["type"], p["claim_id"]) for p in sorted(found, key=lambda p: p["id"])]


def test_filters_choose_the_events_a_subscription_gets(
    hook_client: TestClient, engine: Engine, hook_settings: Settings, receiver: Receiver
) -> None:
    snow = hook_client.post("/v1/claims", json={"text": "Snow is forecast for Tuesday."})
    snow_id = snow.json()["id"]
    by_query = subscribe(hook_client, receiver.url, claims_query="min_origins=2&q=Rotterdam")
    by_type = subscribe(hook_client, receiver.url, event_types=["claim.disputed"])
    by_outlet = subscribe(hook_client, receiver.url, outlets=["herald"])
    by_claim = subscribe(hook_client, receiver.url, claim_ids=[snow_id])
    ids = scripted_sequence(hook_client)
    merged = hook_client.post(f"/v1/claims/{snow_id}/merge", json={"into": ids["claim"]})
    assert merged.status_code == 200, merged.text
    drain(engine, hook_settings)
    claim, other = ids["claim"], ids["other"]
    # Evaluated at dispatch, on each claim as it then is: the Rotterdam claim has 2 origins
    # and a report by the Herald; merged claims count as the claim they were merged into.
    about_the_claim = [
        ("claim.created", claim),
        ("claim.corroboration_changed", claim),
        ("claim.corroboration_changed", claim),
        ("claim.corroboration_changed", claim),
        ("claim.corroboration_changed", claim),
        ("claim.disputed", claim),
        ("review.created", claim),
        ("claim.merged", other),
        ("claim.merged", snow_id),
    ]
    assert received_by(receiver, by_query) == about_the_claim
    assert received_by(receiver, by_outlet) == about_the_claim
    assert received_by(receiver, by_type) == [("claim.disputed", claim)]
    # The snow claim's creation came before the subscription: never sent.
    assert received_by(receiver, by_claim) == [("claim.merged", snow_id)]


def test_a_paused_subscription_gets_nothing_and_a_deleted_one_stops(
    hook_client: TestClient, engine: Engine, hook_settings: Settings, receiver: Receiver
) -> None:
    subscription = subscribe(hook_client, receiver.url)
    path = f"/v1/subscriptions/{subscription['id']}"
    paused = hook_client.patch(path, json={"active": False})
    assert paused.json()["active"] is False
    hook_client.post("/v1/claims", json={"text": "The ferry is cancelled."})
    drain(engine, hook_settings)
    assert receiver.requests == []
    hook_client.patch(path, json={"active": True})
    hook_client.post("/v1/claims", json={"text": "The ferry runs again."})
    drain(engine, hook_settings)
    assert [r.json["data"]["text"] for r in receiver.requests] == ["The ferry runs again."]
    assert hook_client.delete(path).status_code == 204
    hook_client.post("/v1/claims", json={"text": "The ferry is late."})
    drain(engine, hook_settings)
    assert len(receiver.requests) == 1
    assert hook_client.get(path).status_code == 404


@pytest.mark.postgresql_only
def test_two_workers_deliver_each_event_once(
    hook_client: TestClient, engine: Engine, hook_settings: Settings, receiver: Receiver
) -> None:
    subscription = subscribe(hook_client, receiver.url)
    for n in range(40):
        response = hook_client.post("/v1/claims", json={"text": f"Claim number {n} is true."})
        assert response.status_code == 201
    scripted_sequence(hook_client)
    settings = hook_settings.model_copy(update={"webhook_concurrency": 4})
    stop = threading.Event()
    errors: list[BaseException] = []

    def worker() -> None:
        sender = Sender(settings)
        try:
            while not stop.is_set():
                if not dispatch_once(engine, settings) + deliver_once(engine, settings, sender):
                    time.sleep(0.01)
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            sender.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 30
    while unfinished(engine) or len(receiver.requests) < len(event_ids(engine)):
        assert time.monotonic() < deadline, "the two workers did not finish"
        time.sleep(0.05)
    stop.set()
    for thread in threads:
        thread.join()
    assert errors == []
    payloads = receiver.accepted(subscription["secret"])
    assert sorted(p["id"] for p in payloads) == event_ids(engine)  # once each, none twice
    assert_in_order_per_claim(payloads)
    with Session(engine) as session:
        assert {d.attempts for d in session.scalars(select(Delivery))} == {1}
