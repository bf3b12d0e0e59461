"""Token-bucket rate limits: per key or per address, 429 with Retry-After, shared via Redis."""

import asyncio
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.access.ratelimit import Limit
from app.access.ratelimit import MemoryBuckets
from app.access.ratelimit import RateLimiter
from app.core.errors import RateLimited
from tests.assertions import assert_error
from tests.core.test_observability import sample
from tests.factories import Factory


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_bucket_allows_a_burst_then_refills_at_the_rate() -> None:
    clock = FakeClock()
    buckets = MemoryBuckets(clock)
    limit = Limit(rate=2.0, burst=3)
    assert [buckets.take("a", limit) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert buckets.take("a", limit) == pytest.approx(0.5)  # one token comes in 1/rate s
    assert buckets.take("b", limit) == 0.0  # another caller has its own bucket
    clock.now += 0.5
    assert buckets.take("a", limit) == 0.0
    clock.now += 100
    assert [buckets.take("a", limit) for _ in range(4)][-1] > 0  # never more than `burst`


def test_bucket_memory_is_bounded() -> None:
    clock = FakeClock()
    buckets = MemoryBuckets(clock)
    buckets.MAX_BUCKETS = 10
    limit = Limit(rate=1.0, burst=1)
    for n in range(10):
        buckets.take(f"addr:{n}", limit)
    clock.now += 5  # every bucket is full again: forgetting them changes nothing
    buckets.take("addr:new", limit)
    assert len(buckets._buckets) == 1


def tiny_limits(**overrides: Any) -> dict[str, Any]:
    return {
        "rate_limit_enabled": True,
        "rate_limit_anonymous_per_second": 0.001,
        "rate_limit_anonymous_burst": 2,
        "rate_limit_key_per_second": 0.001,
        "rate_limit_key_burst": 3,
        **overrides,
    }


def test_anonymous_callers_are_limited_per_address(make_app: Any) -> None:
    client = TestClient(make_app(**tiny_limits()))
    assert [client.get("/v1/claims").status_code for _ in range(2)] == [200, 200]
    response = client.get("/v1/claims")
    error = assert_error(response, 429, "rate_limited")
    assert response.headers["retry-after"] == "1000"
    assert error["details"] == [{"retry_after": 1000, "rate": 0.001, "burst": 2}]
    assert client.get("/healthz").status_code == 200  # probes are never limited


def test_each_key_has_its_own_bucket(make_app: Any, factory: Factory) -> None:
    client = TestClient(make_app(**tiny_limits()))
    one, two = factory.api_key(scopes=["read"]), factory.api_key(scopes=["read"])
    for _ in range(3):
        assert client.get("/v1/claims", headers={"X-API-Key": one}).status_code == 200
    assert_error(client.get("/v1/claims", headers={"X-API-Key": one}), 429, "rate_limited")
    assert client.get("/v1/claims", headers={"X-API-Key": two}).status_code == 200
    assert client.get("/v1/claims").status_code == 200  # anonymous: the address's bucket


def test_guessing_keys_is_charged_to_the_address(make_app: Any) -> None:
    client = TestClient(make_app(**tiny_limits()))
    for n in range(2):
        assert_error(
            client.get("/v1/claims", headers={"X-API-Key": f"guess-{n}"}), 401, "unauthorized"
        )
    assert_error(client.get("/v1/claims", headers={"X-API-Key": "guess-3"}), 429, "rate_limited")


def test_a_retried_write_is_charged_once(
    make_app: Any, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.core.test_database_failures import fail_first

    app = make_app(**tiny_limits(rate_limit_key_burst=1))
    writer = factory.api_key(scopes=["write"])
    fail_first(monkeypatch, 2)
    response = TestClient(app).post(
        "/v1/outlets", json={"slug": "ap", "name": "AP"}, headers={"X-API-Key": writer}
    )
    assert response.status_code == 201, response.text


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


def test_redis_buckets_are_shared_between_processes(redis_url: str) -> None:
    prefix = f"corroborate-test-{uuid.uuid4().hex}:"

    async def scenario() -> list[bool]:
        replicas = [
            RateLimiter(
                anonymous=Limit(0.001, 3),
                keyed=Limit(0.001, 3),
                redis_url=redis_url,
                redis_prefix=prefix,
            )
            for _ in range(2)
        ]
        outcomes = []
        try:
            for n in range(5):
                try:
                    await replicas[n % 2].charge("addr:10.0.0.1", keyed=False)
                    outcomes.append(True)
                except RateLimited:
                    outcomes.append(False)
        finally:
            for replica in replicas:
                await replica.close()
        return outcomes

    try:
        # Three tokens between both replicas, not three each.
        assert run(scenario()) == [True, True, True, False, False]
    finally:
        import redis

        client = redis.Redis.from_url(redis_url)
        keys = list(client.scan_iter(f"{prefix}*"))
        assert keys == [f"{prefix}ratelimit:addr:10.0.0.1".encode()]
        client.delete(*keys)
        client.close()


def test_redis_rate_limit_through_the_app(make_app: Any, redis_url: str) -> None:
    prefix = f"corroborate-test-{uuid.uuid4().hex}:"
    apps = [make_app(**tiny_limits(redis_url=redis_url, redis_prefix=prefix)) for _ in range(2)]
    with TestClient(apps[0]) as first, TestClient(apps[1]) as second:
        assert first.get("/v1/claims").status_code == 200
        assert second.get("/v1/claims").status_code == 200
        assert_error(first.get("/v1/claims"), 429, "rate_limited")
        assert_error(second.get("/v1/claims"), 429, "rate_limited")
    import redis

    client = redis.Redis.from_url(redis_url)
    client.delete(*client.scan_iter(f"{prefix}*"))
    client.close()


def test_without_redis_each_process_still_limits(unused_port: int) -> None:
    limiter = RateLimiter(
        anonymous=Limit(0.001, 1),
        keyed=Limit(0.001, 1),
        redis_url=f"redis://127.0.0.1:{unused_port}/0",
    )

    async def scenario() -> None:
        await limiter.charge("addr:a", keyed=False)
        with pytest.raises(RateLimited):
            await limiter.charge("addr:a", keyed=False)
        await limiter.close()

    run(scenario())


@pytest.fixture
def unused_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_refusals_are_counted_in_the_metrics(make_app: Any, factory: Factory) -> None:
    client = TestClient(make_app(**tiny_limits()))
    keyed = {"X-API-Key": factory.api_key(scopes=["write"])}
    name = "corroborate_rate_limited_requests_total"
    before = client.get("/metrics").text
    for _ in range(4):  # a burst of 2, then refused twice
        client.get("/v1/claims")
    for _ in range(4):  # a burst of 3, then refused once
        client.get("/v1/claims", headers=keyed)
    after = client.get("/metrics").text
    assert sample(after, name, caller="address") - sample(before, name, caller="address") == 2
    assert sample(after, name, caller="key") - sample(before, name, caller="key") == 1
