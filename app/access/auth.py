"""Who is calling and what they may do: API keys, scopes, and the rate limit they are charged.

One dependency, `authorize`, sits on the whole `/v1` router, so every route added there is
covered without listing it anywhere: reads are open (unless `CLAIMS_PUBLIC_READ=false`), every
other method needs a key with the `write` scope. Key management adds `AdminDep` (scope `admin`).
"""

import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated

from fastapi import BackgroundTasks
from fastapi import Depends
from fastapi import Request
from sqlalchemy import Engine
from starlette import types as asgi
from starlette.concurrency import run_in_threadpool

from app.access import service as keys_service
from app.access.ratelimit import Limit
from app.access.ratelimit import RateLimiter
from app.access.ratelimit import count_refusal
from app.core.columns import utcnow
from app.core.config import Settings
from app.core.db import SAFE_METHODS
from app.core.errors import AppError
from app.core.errors import Forbidden
from app.core.errors import RateLimited
from app.core.errors import Unauthorized
from app.core.errors import error_response
from app.core.unit_of_work import transaction
from app.tables import Scope

logger = logging.getLogger("app.auth")

# last_used_at is written at most this often per key, so reads never become a write storm.
TOUCH_INTERVAL_SECONDS = 60.0
_MAX_KEY_LENGTH = 200


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller: an API key (id, name, scopes) or anonymous."""

    key_id: int | None = None
    name: str | None = None
    scopes: frozenset[Scope] = frozenset()

    @property
    def anonymous(self) -> bool:
        return self.key_id is None

    def has(self, scope: Scope) -> bool:
        # Scopes nest: any key may read, an admin key may also write.
        if self.anonymous:
            return False
        if scope is Scope.read:
            return True
        if scope is Scope.write:
            return bool({Scope.write, Scope.admin} & self.scopes)
        return scope in self.scopes


ANONYMOUS = Principal()


class KeyCache:
    """Looks up presented keys, remembering the answers for `ttl` seconds."""

    MAX_ENTRIES = 10_000

    def __init__(self, engine: Engine, ttl: float) -> None:
        self.engine = engine
        self.ttl = ttl
        self._entries: dict[str, tuple[Principal, float]] = {}
        self._touched: dict[int, float] = {}

    async def principal(self, secret: str) -> Principal | None:
        """The active key whose secret this is, or None."""
        digest = keys_service.hash_key(secret)
        now = time.monotonic()
        cached = self._entries.get(digest)
        if cached is not None and cached[1] > now:
            return cached[0]
        principal = await run_in_threadpool(self._load, secret)
        if principal is not None and self.ttl > 0:
            if len(self._entries) >= self.MAX_ENTRIES:
                self._entries.clear()
            self._entries[digest] = (principal, now + self.ttl)
        return principal

    def _load(self, secret: str) -> Principal | None:
        with transaction(self.engine, write=False) as session:
            key = keys_service.find_active(session, secret=secret)
            if key is None:
                return None
            return Principal(key_id=key.id, name=key.name, scopes=key.scope_set)

    def forget(self, key_id: int) -> None:
        """Drop a key from the cache (after it was revoked through this process)."""
        for digest, (principal, _expires) in list(self._entries.items()):
            if principal.key_id == key_id:
                del self._entries[digest]

    def clear(self) -> None:
        """Forget every looked-up key and recorded use (the key table was emptied)."""
        self._entries.clear()
        self._touched.clear()

    def touch_due(self, key_id: int) -> bool:
        """True at most once per TOUCH_INTERVAL_SECONDS per key: time to record a use."""
        now = time.monotonic()
        last = self._touched.get(key_id)
        if last is not None and now - last < TOUCH_INTERVAL_SECONDS:
            return False
        if len(self._touched) >= self.MAX_ENTRIES:
            self._touched.clear()
        self._touched[key_id] = now
        return True

    def touch(self, key_id: int) -> None:
        """Record a use of the key; failures are logged, never surfaced to the caller."""
        try:
            with transaction(self.engine, write=True) as session:
                keys_service.touch(session, key_id=key_id, at=utcnow())
        except Exception as exc:
            logger.warning("could not record use of API key %s: %s", key_id, exc)


class Access:
    """Per-application access state: settings, the key cache and the rate limiter."""

    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.public_read = settings.public_read
        self.keys = KeyCache(engine, settings.key_cache_seconds)
        self.work_tokens_per_second = settings.rate_limit_work_tokens_per_second
        self.expensive_at_once = {
            False: settings.rate_limit_anonymous_expensive_concurrency,
            True: settings.rate_limit_key_expensive_concurrency,
        }
        self.limiter: RateLimiter | None = None
        if settings.rate_limit_enabled:
            self.limiter = RateLimiter(
                anonymous=Limit(
                    settings.rate_limit_anonymous_per_second, settings.rate_limit_anonymous_burst
                ),
                keyed=Limit(settings.rate_limit_key_per_second, settings.rate_limit_key_burst),
                redis_url=settings.redis_url,
                redis_prefix=settings.redis_prefix,
            )


def presented_key(request: Request) -> str | None:
    """The key sent as `Authorization: Bearer <key>` or `X-API-Key: <key>`, if any."""
    authorizations = request.headers.getlist("authorization")
    header_keys = request.headers.getlist("x-api-key")
    if len(authorizations) > 1 or len(header_keys) > 1:
        # Proxies and frameworks disagree on which of two copies counts; none is guessed.
        raise Unauthorized("send one Authorization or X-API-Key header, not several")
    authorization = authorizations[0] if authorizations else None
    header_key = header_keys[0] if header_keys else None
    bearer = None
    if authorization is not None:
        scheme, _, value = authorization.strip().partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            raise Unauthorized("the Authorization header must be `Bearer <API key>`")
        bearer = value.strip()
    if bearer is not None and header_key is not None and bearer != header_key.strip():
        raise Unauthorized("Authorization and X-API-Key carry different keys")
    key = bearer if bearer is not None else header_key
    if key is None:
        return None
    key = key.strip()
    if not key or len(key) > _MAX_KEY_LENGTH:
        raise Unauthorized("unknown or revoked API key")
    return key


def client_address(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"


_IDENTIFIED = "identified_principal"


async def identify(request: Request) -> Principal:
    """Identify the caller, charge its rate limit, and require `write` for anything but a read.

    Once per request: the gate in front of the body (`AccessGateMiddleware`), the `authorize`
    dependency and a re-run after a lost transaction race all get the first answer.
    """
    state = request.scope.setdefault("state", {})
    known = state.get(_IDENTIFIED)
    if known is not None:
        return known
    access: Access = request.app.state.access
    secret = presented_key(request)
    principal = await access.keys.principal(secret) if secret is not None else None
    await _charge(request, access, principal)
    if secret is not None and principal is None:
        raise Unauthorized("unknown or revoked API key")
    principal = state["principal"] = principal or ANONYMOUS  # the access log names the key
    if request.method not in SAFE_METHODS:
        require(principal, Scope.write)
    elif not access.public_read:
        require(principal, Scope.read)
    state[_IDENTIFIED] = principal
    return principal


async def authorize(request: Request, background_tasks: BackgroundTasks) -> Principal:
    """`identify`, then record the key's use (at most once a minute, after the response)."""
    principal = await identify(request)
    access: Access = request.app.state.access
    if principal.key_id is not None and access.keys.touch_due(principal.key_id):
        background_tasks.add_task(access.keys.touch, principal.key_id)
    return principal


class AccessGateMiddleware:
    """Access control before the body is read, for every non-read request under `prefix`.

    FastAPI reads and parses a body before it runs the route's dependencies, so without this a
    body that is not JSON was answered 422 before the key was looked at (and never charged to
    the rate limit), and a large body was read before its 401. Reads need no gate: they have no
    body, and `authorize` (or app/claims/fast.py) checks them before any work.
    """

    def __init__(self, app: asgi.ASGIApp, *, prefix: str = "/v1/") -> None:
        self.app = app
        self.prefix = prefix

    async def __call__(self, scope: asgi.Scope, receive: asgi.Receive, send: asgi.Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] not in SAFE_METHODS
            and (scope["path"] + "/").startswith(self.prefix)
        ):
            try:
                await identify(Request(scope))
            except AppError as error:
                response = error_response(
                    error.status_code, error.code, error.message, error.details, error.headers
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def is_anonymous_read(request: Request) -> bool:
    """A read carrying no key, on a service whose reads are open: `authorize` would only charge
    the address's rate limit (`admit_anonymous`) and let it through."""
    access: Access = request.app.state.access
    headers = request.headers
    return (
        access.public_read
        and request.method in SAFE_METHODS
        and "authorization" not in headers
        and "x-api-key" not in headers
    )


async def admit_anonymous(request: Request) -> None:
    """`authorize` for a request `is_anonymous_read` accepted, for routes served outside
    FastAPI's dependency system (app/claims/fast.py): charge the address, record the caller."""
    await _charge(request, request.app.state.access, None)
    request.scope.setdefault("state", {})["principal"] = ANONYMOUS


async def _charge(request: Request, access: Access, principal: Principal | None) -> None:
    """Take one token from the caller's bucket: its key's, or its address's without a valid key.
    Retried requests (TransactionRetryMiddleware) are charged once."""
    state = request.scope.setdefault("state", {})
    if access.limiter is None or state.get("rate_limit_charged"):
        return
    state["rate_limit_charged"] = True
    # Failed key guesses are charged to the address, so guessing is rate limited too.
    await access.limiter.charge(_bucket(request, principal), keyed=principal is not None)


def _bucket(request: Request, principal: Principal | None) -> str:
    """The rate-limit bucket of a caller: its key's, or its address's without a valid key."""
    if principal is not None and principal.key_id is not None:
        return f"key:{principal.key_id}"
    return f"addr:{client_address(request)}"


@asynccontextmanager
async def metered_work(request: Request) -> AsyncIterator[None]:
    """Run an expensive request (recount, export, timeline, search) under its caller's work
    limits: a few at once per client (429 beyond), then billed tokens in proportion to the
    server time it took, so a client pays for the work it causes, not only for its requests.

    Used as the body of a yield dependency, so the time counted runs until the response
    (a streamed export included) has been sent.
    """
    access: Access = request.app.state.access
    if access.limiter is None:
        yield
        return
    principal = await identify(request)
    keyed = not principal.anonymous
    bucket = _bucket(request, principal)
    most = access.expensive_at_once[keyed]
    slot = await access.limiter.start_work(bucket, most)
    if slot is None:
        count_refusal(keyed=keyed)
        raise RateLimited(
            f"at most {most} expensive request(s) (recounts, exports, timelines, search) at "
            f"once per {'key' if keyed else 'client address'}; retry when one has finished",
            code="too_many_expensive_requests",
            headers={"Retry-After": "1"},
            details=[{"retry_after": 1, "concurrent": most}],
        )
    started = time.perf_counter()
    try:
        yield
    finally:
        await access.limiter.end_work(bucket, slot)
        spent = time.perf_counter() - started
        await access.limiter.bill(bucket, keyed=keyed, tokens=spent * access.work_tokens_per_second)


def require(principal: Principal, scope: Scope) -> None:
    """Raise 401 for an anonymous caller, 403 for a key without `scope`."""
    if principal.anonymous:
        raise Unauthorized(f"this operation needs an API key with the `{scope}` scope")
    if not principal.has(scope):
        raise Forbidden(
            f"API key {principal.name!r} lacks the `{scope}` scope this operation needs",
            details=[{"required_scope": scope.value, "key_scopes": sorted(principal.scopes)}],
        )


PrincipalDep = Annotated[Principal, Depends(authorize)]


def require_admin(principal: PrincipalDep) -> Principal:
    """Key management: only keys with the `admin` scope, for reads as well as writes."""
    require(principal, Scope.admin)
    return principal


AdminDep = Annotated[Principal, Depends(require_admin)]


async def metered(request: Request) -> AsyncIterator[None]:
    """A dependency running the whole request under `metered_work` (routes that always count
    on the fly: a claim's corroboration explained, its timeline)."""
    async with metered_work(request):
        yield
