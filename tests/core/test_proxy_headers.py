"""Behind a reverse proxy: the client is taken from X-Forwarded-For only when a trusted proxy
sent it, whatever the HTTP server (CLAIMS_TRUSTED_PROXIES, ProxyHeadersMiddleware)."""

import asyncio
import json
import logging
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from starlette.types import Message
from starlette.types import Receive
from starlette.types import Scope
from starlette.types import Send

from app.core.config import Settings
from app.core.logging import JsonFormatter
from app.core.middleware import ProxyHeadersMiddleware
from tests.access.test_ratelimit import tiny_limits
from tests.assertions import assert_error

PROXY = ("10.0.0.5", 41000)


def test_trusted_proxies_are_parsed_and_normalised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_TRUSTED_PROXIES", " 10.0.0.0/8, 192.168.1.7 ,fd00::/8")
    assert Settings().trusted_proxies == ["10.0.0.0/8", "192.168.1.7/32", "fd00::/8"]
    monkeypatch.setenv("CLAIMS_TRUSTED_PROXIES", "*")
    assert Settings().trusted_proxies == ["*"]
    monkeypatch.setenv("CLAIMS_TRUSTED_PROXIES", "")
    assert Settings().trusted_proxies == []


@pytest.mark.parametrize(
    ("value", "complaint"),
    [
        ("10.0.0.0/33", "'10.0.0.0/33' is not an IP address or CIDR network"),
        ("10.0.0.1/8", "has host bits set"),  # meant 10.0.0.0/8? Say so rather than guess.
        ("proxy.internal", "'proxy.internal' is not an IP address or CIDR network"),
        ("*, 10.0.0.1", "`*` cannot be combined with named proxies"),
    ],
)
def test_a_bad_proxy_entry_fails_settings_validation(
    monkeypatch: pytest.MonkeyPatch, value: str, complaint: str
) -> None:
    monkeypatch.setenv("CLAIMS_TRUSTED_PROXIES", value)
    with pytest.raises(ValidationError) as raised:
        Settings()
    assert raised.value.errors()[0]["loc"] == ("trusted_proxies",)
    assert complaint in str(raised.value)


def seen_by_app(
    trusted: list[str], peer: tuple[str, int] | None, headers: list[tuple[bytes, bytes]]
) -> tuple[Any, str]:
    """(client, scheme) as the app behind ProxyHeadersMiddleware sees them."""
    seen: dict[str, Any] = {}

    async def app(scope: Scope, _receive: Receive, _send: Send) -> None:
        seen.update(client=scope["client"], scheme=scope["scheme"])

    async def receive() -> Message:
        return {"type": "http.request"}

    async def send(_message: Message) -> None:
        return None

    scope = {"type": "http", "client": peer, "scheme": "http", "headers": headers}

    asyncio.run(ProxyHeadersMiddleware(app, trusted=trusted)(scope, receive, send))
    return seen["client"], seen["scheme"]


def xff(value: str, proto: str | None = None) -> list[tuple[bytes, bytes]]:
    headers = [(b"x-forwarded-for", value.encode())]
    return headers + ([(b"x-forwarded-proto", proto.encode())] if proto else [])


def test_a_peer_inside_a_trusted_network_is_believed() -> None:
    client, scheme = seen_by_app(["10.0.0.0/8"], PROXY, xff("203.0.113.9", "https"))
    assert (client, scheme) == (("203.0.113.9", 0), "https")


def test_a_peer_outside_the_trusted_networks_is_not() -> None:
    peer = ("198.51.100.7", 5000)
    assert seen_by_app(["10.0.0.0/8"], peer, xff("203.0.113.9", "https")) == (peer, "http")
    assert seen_by_app([], peer, xff("203.0.113.9")) == (peer, "http")


def test_entries_a_client_prepends_are_ignored() -> None:
    # The client sent "X-Forwarded-For: 1.1.1.1"; the proxy appended the address it saw.
    client, _ = seen_by_app(["10.0.0.0/8"], PROXY, xff("1.1.1.1, 203.0.113.9"))
    assert client == ("203.0.113.9", 0)


def test_multiple_trusted_hops_are_walked_from_the_right() -> None:
    # client -> edge proxy (10.1.2.3) -> inner proxy (the peer); each appended what it saw.
    headers = [(b"x-forwarded-for", b"6.6.6.6, 203.0.113.9"), (b"x-forwarded-for", b"10.1.2.3")]
    headers.append((b"x-forwarded-proto", b"http, https, http"))
    client, scheme = seen_by_app(["10.0.0.0/8"], PROXY, headers)
    assert (client, scheme) == (("203.0.113.9", 0), "https")


def test_any_peer_trusts_exactly_one_hop() -> None:
    client, _ = seen_by_app(["*"], ("172.18.0.4", 1), xff("6.6.6.6, 10.1.2.3"))
    assert client == ("10.1.2.3", 0)


@pytest.mark.parametrize(
    ("entry", "client"),
    [
        ("203.0.113.9:5123", ("203.0.113.9", 5123)),
        ("[2001:db8::1]:443", ("2001:db8::1", 443)),
        ("2001:db8::1", ("2001:db8::1", 0)),
        ("::ffff:203.0.113.9", ("203.0.113.9", 0)),
    ],
)
def test_addresses_are_read_in_every_form_proxies_write(
    entry: str, client: tuple[str, int]
) -> None:
    assert seen_by_app(["10.0.0.0/8"], PROXY, xff(entry))[0] == client


@pytest.mark.parametrize("entry", ["unknown", "", "not an address"])
def test_an_unusable_entry_keeps_the_peer(entry: str) -> None:
    assert seen_by_app(["10.0.0.0/8"], PROXY, xff(entry, "gopher"))[0] == PROXY


def test_a_dual_stack_peer_is_matched_as_ipv4() -> None:
    peer = ("::ffff:10.0.0.5", 41000)
    assert seen_by_app(["10.0.0.0/8"], peer, xff("203.0.113.9"))[0] == ("203.0.113.9", 0)


def access_clients(caplog: pytest.LogCaptureFixture) -> list[str]:
    formatter = JsonFormatter()
    lines = [json.loads(formatter.format(r)) for r in caplog.records if r.name == "app.access"]
    return [line["client"] for line in lines]


def test_behind_a_trusted_proxy_the_forwarded_client_has_the_bucket_and_the_log_line(
    make_app: Any, caplog: pytest.LogCaptureFixture
) -> None:
    app = make_app(**tiny_limits(), trusted_proxies=["10.0.0.0/8"])
    caplog.set_level(logging.INFO, logger="app.access")
    with TestClient(app, client=PROXY) as proxy:
        one = {"X-Forwarded-For": "203.0.113.1"}
        assert [proxy.get("/v1/claims", headers=one).status_code for _ in range(2)] == [200, 200]
        assert_error(proxy.get("/v1/claims", headers=one), 429, "rate_limited")
        # Another client behind the same proxy has a bucket of its own.
        other = {"X-Forwarded-For": "203.0.113.2"}
        assert proxy.get("/v1/claims", headers=other).status_code == 200
    assert access_clients(caplog) == ["203.0.113.1"] * 3 + ["203.0.113.2"]


def test_a_client_cannot_pick_its_bucket_by_sending_the_header_itself(
    make_app: Any, caplog: pytest.LogCaptureFixture
) -> None:
    app = make_app(**tiny_limits(), trusted_proxies=["10.0.0.0/8"])
    caplog.set_level(logging.INFO, logger="app.access")
    with TestClient(app, client=("198.51.100.7", 5000)) as direct:
        statuses = [
            direct.get("/v1/claims", headers={"X-Forwarded-For": f"203.0.113.{n}"}).status_code
            for n in range(3)
        ]
    assert statuses == [200, 200, 429]
    assert access_clients(caplog) == ["198.51.100.7"] * 3


def test_without_trusted_proxies_the_header_is_ignored(make_app: Any) -> None:
    app = make_app(**tiny_limits())
    assert app.state.settings.trusted_proxies == []
    with TestClient(app, client=PROXY) as proxy:
        statuses = [
            proxy.get("/v1/claims", headers={"X-Forwarded-For": f"203.0.113.{n}"}).status_code
            for n in range(3)
        ]
    assert statuses == [200, 200, 429]
