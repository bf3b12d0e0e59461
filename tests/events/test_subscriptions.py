"""/v1/subscriptions: write keys only, the secret shown once, bad input and SSRF refused."""

import socket
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.core.config import Settings
from app.events import targets
from app.events.delivery import Sender
from app.events.delivery import deliver_once
from app.events.delivery import dispatch_once
from tests.assertions import assert_error
from tests.events.receiver import Receiver
from tests.factories import Factory


def test_create_shows_the_secret_once_and_lists_without_it(hook_client: TestClient) -> None:
    response = hook_client.post(
        "/v1/subscriptions",
        json={
            "url": "http://127.0.0.1:9/hook",
            "description": "newsroom",
            "event_types": ["claim.disputed", "claim.created", "claim.disputed"],
            "claim_ids": [3, 1, 3],
            "outlets": ["reuters"],
            "claims_query": "min_origins=3&q=NATO",
        },
    )
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["secret"].startswith("whsec_")
    assert created["event_types"] == ["claim.created", "claim.disputed"]
    assert created["claim_ids"] == [1, 3]
    assert (created["active"], created["claims_query"]) == (True, "min_origins=3&q=NATO")
    shown = hook_client.get(f"/v1/subscriptions/{created['id']}").json()
    assert "secret" not in shown
    assert shown == {k: v for k, v in created.items() if k != "secret"}
    assert hook_client.get("/v1/subscriptions").json() == {"items": [shown], "next_cursor": None}


def test_subscriptions_need_a_write_key_even_to_read(
    anon_client: TestClient, factory: Factory, hook_client: TestClient
) -> None:
    assert_error(anon_client.get("/v1/subscriptions"), 401, "unauthorized")
    reader = factory.api_key(scopes=["read"], name="reader")
    response = anon_client.get("/v1/subscriptions", headers={"Authorization": f"Bearer {reader}"})
    assert_error(response, 403, "forbidden")
    assert_error(
        anon_client.post("/v1/subscriptions", json={"url": "https://example.org/"}),
        401,
        "unauthorized",
    )


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"url": "ftp://example.org/"}, "validation_error"),
        ({"url": "not a url"}, "validation_error"),
        ({"url": "https://example.org/", "event_types": ["claim.nope"]}, "validation_error"),
        ({"url": "https://example.org/", "claim_ids": [0]}, "validation_error"),
        ({"url": "https://example.org/", "outlets": ["Not A Slug"]}, "validation_error"),
        ({"url": "https://example.org/", "secret": "mine"}, "validation_error"),
        ({"url": "http://127.0.0.1/", "claims_query": "min_origins=x"}, "invalid_claims_query"),
        ({"url": "http://127.0.0.1/", "claims_query": "colour=red"}, "invalid_claims_query"),
        ({"url": "http://127.0.0.1/", "claims_query": "q=a&q=b"}, "invalid_claims_query"),
    ],
)
def test_bad_subscriptions_are_422(
    hook_client: TestClient, body: dict[str, Any], code: str
) -> None:
    assert_error(hook_client.post("/v1/subscriptions", json=body), 422, code)
    assert hook_client.get("/v1/subscriptions").json()["items"] == []


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/hook",
        "http://localhost:8000/hook",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://172.16.0.9/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fe80::1]/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
        "http://224.0.0.1/",
        "http://240.0.0.1/",
        "https://user:pw@example.org/",
        # A valid URI whose host a URL parser takes for a bad IPv4 address (found by
        # schemathesis): not a schema error, a target that cannot be reached.
        "http://a.example.9/hook",
        "http://999.1.1.1/",
    ],
)
def test_private_targets_are_refused_by_default(client: TestClient, url: str) -> None:
    response = client.post("/v1/subscriptions", json={"url": url})
    assert_error(response, 422, "webhook_target_refused")


def test_a_name_resolving_to_a_private_address_is_refused(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fake(host: str, port: int, **_kw: Any) -> list[Any]:
        assert host == "hooks.example.org"
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    response = client.post("/v1/subscriptions", json={"url": "https://hooks.example.org/x"})
    body = assert_error(response, 422, "webhook_target_refused")
    assert "10.0.0.5" in body["message"]


def test_public_addresses_pass() -> None:
    for address in ("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"):
        assert targets.resolve(address, 443, allow_private=False)


def test_delivery_rechecks_the_address_and_never_connects_to_a_private_one(
    hook_client: TestClient,
    engine: Engine,
    hook_settings: Settings,
    receiver: Receiver,
) -> None:
    # Subscribed while private targets were allowed; the worker no longer allows them (as a
    # name that now resolves to a private address would be): nothing reaches the receiver.
    subscription = hook_client.post("/v1/subscriptions", json={"url": receiver.url}).json()
    hook_client.post("/v1/claims", json={"text": "The tunnel is closed."})
    strict = hook_settings.model_copy(update={"webhook_allow_private": False})
    sender = Sender(strict)
    try:
        assert dispatch_once(engine, strict) == 1
        assert deliver_once(engine, strict, sender) == 1
    finally:
        sender.close()
    assert receiver.requests == []
    (item,) = hook_client.get(f"/v1/subscriptions/{subscription['id']}/deliveries").json()["items"]
    assert item["status"] == "pending"
    assert "non-public address (127.0.0.1)" in item["last_error"]


def test_dns_rebinding_cannot_reach_a_private_address(
    monkeypatch: pytest.MonkeyPatch, receiver: Receiver
) -> None:
    # The name resolves to a public address when checked and to loopback right after: the
    # connection goes to the address that was checked, or nowhere.
    answers = iter(["93.184.216.34", "127.0.0.1", "127.0.0.1"])

    def rebinding(host: str, port: int, **_kw: Any) -> list[Any]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    targets.check_url("http://rebind.example/", allow_private=False)  # public when checked
    backend = targets.GuardedBackend(allow_private=False)
    import httpcore

    with pytest.raises(httpcore.ConnectError, match="non-public"):
        backend.connect_tcp("rebind.example", int(receiver.url.split(":")[2].split("/")[0]))
    assert receiver.requests == []
