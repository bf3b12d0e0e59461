"""Cost-aware limits: expensive requests are billed for the work they cause and run a few at
once per client; anonymous exports are paged; access is checked before a body is read."""

import asyncio
import socket
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.access.ratelimit import Limit
from app.access.ratelimit import MemoryBuckets
from app.access.ratelimit import RateLimiter
from app.access.ratelimit import RedisBuckets
from tests.access.test_ratelimit import FakeClock
from tests.access.test_ratelimit import tiny_limits
from tests.assertions import assert_error
from tests.factories import Factory


def test_a_bill_takes_tokens_into_debt_down_to_minus_the_burst() -> None:
    clock = FakeClock()
    buckets = MemoryBuckets(clock)
    limit = Limit(rate=10.0, burst=5)
    assert buckets.take("a", limit, bill=3.0) == 0.0  # a bill is never refused
    assert buckets.take("a", limit) == 0.0  # 2 left, one taken
    assert buckets.take("a", limit, bill=100.0) == 0.0
    assert buckets.take("a", limit) == pytest.approx(0.6)  # from -5 to 1 token: 6 / 10 s
    clock.now += 0.6
    assert buckets.take("a", limit) == 0.0


def test_redis_bills_go_into_debt_the_same_way(redis_url: str) -> None:
    async def scenario() -> tuple[float, float]:
        buckets = RedisBuckets(redis_url, f"test-{uuid.uuid4().hex}:")
        limit = Limit(rate=0.01, burst=5)
        try:
            billed = await buckets.take("a", limit, 100.0)
            return billed, await buckets.take("a", limit)
        finally:
            await buckets.close()

    billed, wait = asyncio.run(scenario())
    assert billed == 0.0
    assert wait == pytest.approx(6 / 0.01, rel=0.01)  # from -5 (the floor) to 1 token


def test_redis_shares_the_expensive_slots_between_processes(redis_url: str) -> None:
    async def scenario() -> list[str | None]:
        prefix = f"test-{uuid.uuid4().hex}:"
        limit = Limit(rate=1.0, burst=1)
        one, two = (
            RateLimiter(anonymous=limit, keyed=limit, redis_url=redis_url, redis_prefix=prefix)
            for _ in range(2)
        )
        try:
            seen = [await one.start_work("addr:a", 1), await two.start_work("addr:a", 1)]
            seen.append(await two.start_work("addr:b", 1))  # another client
            await one.end_work("addr:a", "redis")
            seen.append(await two.start_work("addr:a", 1))
            return seen
        finally:
            await one.close()
            await two.close()

    assert asyncio.run(scenario()) == ["redis", None, "redis", "redis"]


def test_without_redis_the_slots_are_per_process() -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]

    async def scenario() -> list[str | None]:
        limit = Limit(rate=1.0, burst=1)
        url = f"redis://127.0.0.1:{port}/0"
        limiter = RateLimiter(anonymous=limit, keyed=limit, redis_url=url)
        seen = [await limiter.start_work("addr:a", 1), await limiter.start_work("addr:a", 1)]
        await limiter.end_work("addr:a", "memory")
        seen.append(await limiter.start_work("addr:a", 1))
        await limiter.close()
        return seen

    assert asyncio.run(scenario()) == ["memory", None, "memory"]


@pytest.fixture
def claim(factory: Factory) -> Any:
    outlet = factory.outlet(slug="reuters")
    claim = factory.claim()
    factory.attribute(claim, factory.article(outlet))
    return claim


EXPENSIVE = [
    "/v1/claims/{id}/timeline",
    "/v1/claims/{id}/corroboration",
    "/v1/claims/{id}?as_of=2030-01-01",
    "/v1/claims?collapse=none",
    "/v1/claims?q=claim",
    "/v1/claims?format=csv",
    "/v1/outlets/reuters/claims?as_of=2030-01-01",
]
CHEAP = ["/v1/claims", "/v1/claims/{id}", "/v1/outlets/reuters/claims", "/v1/claims?limit=5"]


@pytest.mark.parametrize("path", EXPENSIVE)
def test_an_expensive_request_is_billed_for_its_time(
    make_app: Any, claim: Any, path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(**tiny_limits(rate_limit_anonymous_burst=50))
    bills: list[tuple[str, float]] = []

    async def bill(identity: str, *, keyed: bool, tokens: float) -> None:
        bills.append((identity, tokens))

    monkeypatch.setattr(app.state.access.limiter, "bill", bill)
    with TestClient(app) as client:
        assert client.get(path.format(id=claim.id)).status_code == 200
    assert [identity for identity, _ in bills] == ["addr:testclient"]
    assert bills[0][1] > 0


@pytest.mark.parametrize("path", CHEAP)
def test_a_plain_read_is_not_billed(
    make_app: Any, claim: Any, path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(**tiny_limits(rate_limit_anonymous_burst=50))
    bills: list[float] = []

    async def bill(identity: str, *, keyed: bool, tokens: float) -> None:
        bills.append(tokens)

    monkeypatch.setattr(app.state.access.limiter, "bill", bill)
    with TestClient(app) as client:
        assert client.get(path.format(id=claim.id)).status_code == 200
    assert bills == []


def test_the_work_bill_refuses_the_next_request(make_app: Any, claim: Any) -> None:
    # A billion tokens per second of work: any expensive request empties the bucket.
    app = make_app(
        **tiny_limits(rate_limit_anonymous_burst=50, rate_limit_work_tokens_per_second=1e9)
    )
    with TestClient(app) as client:
        for _ in range(3):
            assert client.get("/v1/claims").status_code == 200  # plain reads: one token each
        assert client.get(f"/v1/claims/{claim.id}/timeline").status_code == 200
        error = assert_error(client.get("/v1/claims"), 429, "rate_limited")
    assert error["details"][0]["retry_after"] > 1


def test_expensive_requests_run_one_at_a_time_per_address(
    make_app: Any, factory: Factory, claim: Any
) -> None:
    app = make_app(**tiny_limits(rate_limit_anonymous_burst=50, rate_limit_key_burst=50))
    slots = app.state.access.limiter.slots
    assert slots.acquire("addr:testclient", 1)  # one running already
    key = factory.api_key(scopes=["read"])
    with TestClient(app) as client:
        busy = client.get(f"/v1/claims/{claim.id}/timeline")
        error = assert_error(busy, 429, "too_many_expensive_requests")
        assert busy.headers["retry-after"] == "1"
        assert error["details"] == [{"retry_after": 1, "concurrent": 1}]
        assert client.get("/v1/claims").status_code == 200  # plain reads are not held up
        keyed = client.get(f"/v1/claims/{claim.id}/timeline", headers={"X-API-Key": key})
        assert keyed.status_code == 200  # a key has its own slots
        slots.release("addr:testclient")
        assert client.get(f"/v1/claims/{claim.id}/timeline").status_code == 200
    assert slots._running == {}


def test_anonymous_exports_are_paged(make_app: Any, factory: Factory, client: TestClient) -> None:
    outlet = factory.outlet(slug="wire")
    article = factory.article(outlet)
    for n in range(5):
        factory.attribute(factory.claim(text=f"Claim number {n} about things."), article)
    app = make_app(anonymous_export_max_claims=2)
    rows: list[str] = []
    cursor = None
    pages = 0
    with TestClient(app) as anonymous:
        while True:
            params = {"format": "csv", **({"cursor": cursor} if cursor else {})}
            response = anonymous.get("/v1/claims", params=params)
            assert response.status_code == 200, response.text
            lines = response.text.splitlines()
            assert lines[0].startswith("id,text,")
            rows.extend(lines[1:])
            pages += 1
            cursor = response.headers.get("x-next-cursor")
            if cursor is None:
                break
    assert pages == 3
    whole = client.get("/v1/claims", params={"format": "csv"})  # a key gets it all at once
    assert "x-next-cursor" not in whole.headers
    assert whole.text.splitlines()[1:] == rows


def test_a_broken_body_without_a_key_is_401_and_charged(make_app: Any) -> None:
    app = make_app(**tiny_limits())
    with TestClient(app) as client:
        for _ in range(2):
            response = client.post(
                "/v1/claims", content=b'{"text": ', headers={"content-type": "application/json"}
            )
            assert_error(response, 401, "unauthorized")
        assert_error(client.post("/v1/claims", content=b"{"), 429, "rate_limited")


def test_a_broken_body_with_a_read_key_is_403(make_app: Any, factory: Factory) -> None:
    key = factory.api_key(scopes=["read"])
    with TestClient(make_app()) as client:
        response = client.post("/v1/claims", content=b"\xff{", headers={"X-API-Key": key})
        assert_error(response, 403, "forbidden")
