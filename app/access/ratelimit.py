"""Token-bucket rate limits per API key or client address: in-process, or shared through Redis.

A bucket holds up to `burst` tokens and refills at `rate` tokens per second; each request takes
one token, and an expensive one (app/access/auth.py `metered_work`) is then billed more tokens in
proportion to the server time it took: the bucket may go into debt, down to `-burst`, and the
client waits until it is paid off. Expensive requests also run at most a few at once per
client (per process, or across processes through Redis).

With `CLAIMS_REDIS_URL` set, buckets live in Redis and are updated by one Lua script (atomic,
timed by the Redis server's clock), so every replica enforces the same limit. If Redis cannot
be reached, each process falls back to its own buckets rather than refusing traffic.
"""

import asyncio
import contextlib
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.core.errors import RateLimited

logger = logging.getLogger("app.ratelimit")


@dataclass(frozen=True, slots=True)
class Limit:
    rate: float  # tokens per second
    burst: int  # bucket size


class MemoryBuckets:
    """Buckets in this process; `take` returns 0 when allowed, else the seconds to wait."""

    MAX_BUCKETS = 100_000

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}

    def take(self, identity: str, limit: Limit, bill: float = 0.0) -> float:
        """One token, or with `bill` that many tokens taken whatever the balance (into debt)."""
        now = self._clock()
        tokens, stamp = self._buckets.get(identity, (float(limit.burst), now))
        tokens = min(float(limit.burst), tokens + (now - stamp) * limit.rate)
        wait = 0.0
        if bill:
            tokens = max(-float(limit.burst), tokens - bill)
        elif tokens >= 1:
            tokens -= 1
        else:
            wait = (1 - tokens) / limit.rate
        if identity not in self._buckets and len(self._buckets) >= self.MAX_BUCKETS:
            self._forget_full(now, limit)
        self._buckets[identity] = (tokens, now)
        return wait

    def _forget_full(self, now: float, limit: Limit) -> None:
        # A bucket idle long enough to be full again is the same as no bucket at all.
        refill = limit.burst / limit.rate
        for key, (_tokens, stamp) in list(self._buckets.items()):
            if now - stamp >= refill:
                del self._buckets[key]
        if len(self._buckets) >= self.MAX_BUCKETS:
            self._buckets.clear()


# KEYS[1] bucket; ARGV rate, burst, bill. Returns the wait in seconds as a string ("0" =
# allowed). As MemoryBuckets.take: bill > 0 takes that many tokens, down to -burst at most.
_TAKE_SCRIPT = """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local bill = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = burst
  ts = now
end
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
local wait = 0
if bill > 0 then
  tokens = math.max(-burst, tokens - bill)
elseif tokens >= 1 then
  tokens = tokens - 1
else
  wait = (1 - tokens) / rate
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return tostring(wait)
"""


# KEYS[1] a client's running expensive requests; ARGV most, ttl (ms). 1: a slot was taken.
# The TTL frees the slots of a process that died holding them.
_START_WORK_SCRIPT = """
local running = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
if running > tonumber(ARGV[1]) then
  redis.call('DECR', KEYS[1])
  return 0
end
return 1
"""
_END_WORK_SCRIPT = """
if redis.call('DECR', KEYS[1]) <= 0 then
  redis.call('DEL', KEYS[1])
end
return 1
"""
WORK_SLOT_TTL_MS = 15 * 60 * 1000


class RedisBuckets:
    """Buckets in Redis, shared by every process that uses the same URL and prefix."""

    def __init__(self, url: str, prefix: str) -> None:
        self.url = url
        self.prefix = prefix
        self._client: Any = None
        self._script: Any = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _connect(self) -> Any:
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop:
            import redis.asyncio

            # Short timeouts: a slow Redis must not turn into slow requests.
            self._client = redis.asyncio.Redis.from_url(
                self.url, socket_timeout=0.5, socket_connect_timeout=0.5
            )
            self._script = self._client.register_script(_TAKE_SCRIPT)
            self._start_work = self._client.register_script(_START_WORK_SCRIPT)
            self._end_work = self._client.register_script(_END_WORK_SCRIPT)
            self._loop = loop
        return self._script

    async def take(self, identity: str, limit: Limit, bill: float = 0.0) -> float:
        script = self._connect()
        wait = await script(
            keys=[f"{self.prefix}ratelimit:{identity}"], args=[limit.rate, limit.burst, bill]
        )
        return float(wait)

    async def start_work(self, identity: str, most: int) -> bool:
        self._connect()
        key = f"{self.prefix}work:{identity}"
        return bool(await self._start_work(keys=[key], args=[most, WORK_SLOT_TTL_MS]))

    async def end_work(self, identity: str) -> None:
        self._connect()
        await self._end_work(keys=[f"{self.prefix}work:{identity}"])

    async def close(self) -> None:
        if self._client is not None:
            # Closing on a loop that is gone raises; there is nothing left to release then.
            with contextlib.suppress(Exception):
                await self._client.aclose()
            self._client = None


class RateLimiter:
    """Charges one request to an identity's bucket; raises RateLimited when it is empty."""

    def __init__(
        self,
        *,
        anonymous: Limit,
        keyed: Limit,
        redis_url: str | None = None,
        redis_prefix: str = "corroborate:",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.anonymous = anonymous
        self.keyed = keyed
        self.memory = MemoryBuckets(clock)
        self.slots = WorkSlots()
        self.redis = RedisBuckets(redis_url, redis_prefix) if redis_url else None
        self._redis_down_since: float | None = None

    async def charge(self, identity: str, *, keyed: bool) -> None:
        """Take a token for `identity` (`key:<id>` or `addr:<ip>`), or raise RateLimited."""
        limit = self.keyed if keyed else self.anonymous
        wait = await self._take(identity, limit)
        if wait > 0:
            retry_after = max(1, math.ceil(wait))
            raise RateLimited(
                f"rate limit exceeded: {limit.rate:g} requests per second "
                f"(bursts of {limit.burst}); retry in {retry_after} s",
                headers={"Retry-After": str(retry_after)},
                details=[{"retry_after": retry_after, "rate": limit.rate, "burst": limit.burst}],
            )

    async def bill(self, identity: str, *, keyed: bool, tokens: float) -> None:
        """Take `tokens` more from `identity`'s bucket for work already done (never refused)."""
        if tokens > 0:
            await self._take(identity, self.keyed if keyed else self.anonymous, tokens)

    async def start_work(self, identity: str, most: int) -> str | None:
        """Take one of `identity`'s `most` slots for an expensive request: where it was taken
        (pass it to `end_work`), or None when all are in use. Shared through Redis if set."""
        if self.redis is not None:
            try:
                started = await self.redis.start_work(identity, most)
            except Exception as exc:  # any Redis failure: degrade to per-process slots
                self._redis_failed(exc)
            else:
                self._redis_back()
                return "redis" if started else None
        return "memory" if self.slots.acquire(identity, most) else None

    async def end_work(self, identity: str, where: str) -> None:
        """Give back a slot `start_work` took."""
        if where == "memory":
            self.slots.release(identity)
            return
        assert self.redis is not None
        try:
            await self.redis.end_work(identity)
        except Exception as exc:  # the slot's TTL frees it
            self._redis_failed(exc)

    async def _take(self, identity: str, limit: Limit, bill: float = 0.0) -> float:
        if self.redis is None:
            return self.memory.take(identity, limit, bill)
        try:
            wait = await self.redis.take(identity, limit, bill)
        except Exception as exc:  # any Redis failure: degrade to per-process limits
            self._redis_failed(exc)
            return self.memory.take(identity, limit, bill)
        self._redis_back()
        return wait

    def _redis_failed(self, exc: Exception) -> None:
        if self._redis_down_since is None:
            self._redis_down_since = time.monotonic()
            logger.warning("Redis rate limiting unavailable, limiting per process: %s", exc)

    def _redis_back(self) -> None:
        if self._redis_down_since is not None:
            self._redis_down_since = None
            logger.warning("Redis rate limiting available again")

    async def close(self) -> None:
        if self.redis is not None:
            await self.redis.close()


class WorkSlots:
    """How many expensive requests each client is running now, in this process."""

    def __init__(self) -> None:
        self._running: dict[str, int] = {}

    def acquire(self, identity: str, most: int) -> bool:
        """Take a slot for `identity` if it runs fewer than `most`; False otherwise."""
        running = self._running.get(identity, 0)
        if running >= most:
            return False
        self._running[identity] = running + 1
        return True

    def release(self, identity: str) -> None:
        running = self._running.get(identity, 0) - 1
        if running > 0:
            self._running[identity] = running
        else:
            self._running.pop(identity, None)
