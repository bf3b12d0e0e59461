"""Pure ASGI middleware (cheap on the hot read path): proxies, request context, body limits,
retries.

Order, outermost first: ProxyHeadersMiddleware (only with CLAIMS_TRUSTED_PROXIES),
RequestContextMiddleware (request id, access log, metrics), HeadAsGetMiddleware, CORS,
AccessGateMiddleware (app/access/auth.py: the key before the body), BodyLimitMiddleware,
TransactionRetryMiddleware, then FastAPI's own exception handling.
"""

import ipaddress
import json
import logging
import random
import re
import time
from typing import Any

from starlette.types import ASGIApp
from starlette.types import Message
from starlette.types import Receive
from starlette.types import Scope
from starlette.types import Send

from app.core.db import SAFE_METHODS
from app.core.errors import AppError
from app.core.errors import Invalid
from app.core.errors import PayloadTooLarge
from app.core.errors import error_response
from app.core.metrics import HTTP_LATENCY
from app.core.metrics import HTTP_REQUESTS
from app.core.unit_of_work import Attempt
from app.core.unit_of_work import TransactionConflict
from app.core.unit_of_work import retrying

access_logger = logging.getLogger("app.access")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
_KNOWN_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"})
# Control characters other than tab, line feed and carriage return: PostgreSQL cannot store
# NUL in text and none of them belongs in a claim, a title or a name, so they are refused up
# front, the same on every database. In a JSON body they can only hide in a string escape
# (`\u0000`, `\b`, `\f`: an odd number of backslashes before it); raw ones are not JSON.
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f"
_CONTROL_ESCAPE = r"(?<!\\)(?:\\\\)*\\(?:u00(?:0[0-8bcefBCEF]|1[0-9a-fA-F])|[bf])"
_CONTROL_IN_TEXT = re.compile(f"[{_CONTROL}]|{_CONTROL_ESCAPE}")
_CONTROL_IN_UTF8 = re.compile(_CONTROL_IN_TEXT.pattern.encode())
_CONTROL_IN_QUERY = re.compile(rb"%(?:0[0-8bcefBCEF]|1[0-9a-fA-F])")
RETRYING = "transaction_retry"


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return value
    return None


async def _respond(send: Send, error: AppError) -> None:
    response = error_response(
        error.status_code, error.code, error.message, error.details, error.headers
    )
    await response({"type": "http"}, _no_receive, send)


async def _no_receive() -> Message:  # pragma: no cover - error responses never read the body
    return {"type": "http.disconnect"}


_SERIES: dict[tuple[str, str, int], tuple[Any, Any]] = {}


def _series(method: str, template: str, status: int) -> tuple[Any, Any]:
    # labels() takes a lock and builds a key on every call; the set of (method, route,
    # status) is small and fixed, so the children are looked up once.
    key = (method, template, status)
    series = _SERIES.get(key)
    if series is None:
        series = _SERIES[key] = (
            HTTP_REQUESTS.labels(method, template, status),
            HTTP_LATENCY.labels(method, template, status),
        )
    return series


def route_template(scope: Scope) -> str:
    """The matched route's path template (`/v1/claims/{claim_id}`), or `unmatched`.

    Never the raw path: metrics labelled by raw paths would grow without bound.
    """
    # FastAPI keeps included routers nested; the effective route knows the full prefix.
    context = scope.get("fastapi", {}).get("effective_route_context")
    for candidate in (getattr(context, "starlette_route", None), context, scope.get("route")):
        path = getattr(candidate, "path_format", None)
        if path:
            return str(path)
    return "unmatched"


IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_SCHEMES = frozenset({"http", "https"})


def _address(text: str) -> tuple[IPAddress, int] | None:
    """An address as a proxy writes it (`1.2.3.4`, `1.2.3.4:5678`, `[::1]:80`, `::1`), or None."""
    text = text.strip()
    host, port = text, ""
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else ""
    elif text.count(":") == 1:
        host, _, port = text.partition(":")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # a dual-stack listener reports IPv4 peers this way
    return address, int(port) if port.isdigit() else 0


class ProxyHeadersMiddleware:
    """The client's address and scheme as a trusted reverse proxy saw them.

    Only when the direct peer is a trusted proxy: `client` becomes the right-most
    X-Forwarded-For entry that is not itself a trusted proxy (each proxy appends the address it
    saw, so entries left of that one were written by the client and prove nothing), and
    `scheme` the X-Forwarded-Proto that goes with it. With `*` any peer is trusted and the
    right-most entry is taken: one proxy hop. Anything else keeps the direct peer, so a client
    cannot choose its own rate-limit bucket. Independent of the HTTP server (granian ignores
    uvicorn's FORWARDED_ALLOW_IPS).
    """

    def __init__(self, app: ASGIApp, *, trusted: list[str]) -> None:
        self.app = app
        self.any_peer = trusted == ["*"]
        self.networks = [] if self.any_peer else [ipaddress.ip_network(t) for t in trusted]

    def _trusts(self, address: IPAddress) -> bool:
        return any(address in network for network in self.networks)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            self._rewrite(scope)
        await self.app(scope, receive, send)

    def _rewrite(self, scope: Scope) -> None:
        peer = scope.get("client")
        peer_address = _address(peer[0]) if peer else None
        if not (self.any_peer or (peer_address is not None and self._trusts(peer_address[0]))):
            return
        forwarded: list[str] = []
        protos: list[str] = []
        for name, value in scope["headers"]:
            if name == b"x-forwarded-for":
                forwarded.extend(value.decode("latin-1").split(","))
            elif name == b"x-forwarded-proto":
                protos.extend(value.decode("latin-1").split(","))
        if not forwarded:
            return
        chosen = len(forwarded) - 1
        if not self.any_peer:
            # Walk left past the trusted hops; stop at the first entry no trusted proxy is.
            while chosen > 0:
                hop = _address(forwarded[chosen])
                if hop is None or not self._trusts(hop[0]):
                    break
                chosen -= 1
        client = _address(forwarded[chosen])
        if client is None:  # not an address ("unknown", garbage): keep the peer
            return
        scope["client"] = (str(client[0]), client[1])
        # Proxies that append keep one scheme per hop, aligned with the addresses; one that
        # overwrites leaves a single value, its own view.
        proto = protos[chosen] if len(protos) == len(forwarded) else (protos or [""])[-1]
        proto = proto.strip().lower()
        if proto in _SCHEMES:
            scope["scheme"] = proto if scope["type"] == "http" else proto.replace("http", "ws")


class RequestContextMiddleware:
    """X-Request-ID in and out, request metrics by route template, one JSON log line each."""

    def __init__(self, app: ASGIApp, *, access_log: bool = True) -> None:
        self.app = app
        self.access_log = access_log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        incoming = _header(scope, b"x-request-id")
        request_id = None
        if incoming is not None:
            candidate = incoming.decode("latin-1")
            request_id = candidate if _REQUEST_ID.match(candidate) else None
        # Not a secret, only unique: a PRNG draw is cheaper than uuid4's system call.
        request_id = request_id or f"{random.getrandbits(128):032x}"
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        status = 500
        header = (b"x-request-id", request_id.encode("ascii"))

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", ()), header]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            duration = time.perf_counter() - started
            template = route_template(scope)
            method = scope["method"] if scope["method"] in _KNOWN_METHODS else "other"
            counter, histogram = _series(method, template, status)
            counter.inc()
            histogram.observe(duration)
            if self.access_log and access_logger.isEnabledFor(logging.INFO):
                principal = state.get("principal")
                client = scope.get("client")
                access_logger.info(
                    "%s %s %s",
                    scope["method"],
                    template,
                    status,
                    extra={
                        "fields": {
                            "request_id": request_id,
                            "method": scope["method"],
                            "route": template,
                            "path": scope["path"],
                            "status": status,
                            "duration_ms": round(duration * 1000, 3),
                            "key": getattr(principal, "name", None),
                            "key_id": getattr(principal, "key_id", None),
                            "client": client[0] if client else None,
                        }
                    },
                )


class HeadAsGetMiddleware:
    """HEAD answered as the GET it asks about, without the body (RFC 9110 9.3.2).

    FastAPI's routes list only the methods they declare, so HEAD on a GET route was 405.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        as_get = {**scope, "method": "GET"}
        try:
            await self.app(as_get, receive, headers_only)
        finally:
            for key in ("route", "fastapi"):  # which route answered, for metrics and logs
                if key in as_get:
                    scope[key] = as_get[key]


class BodyLimitMiddleware:
    """413 for bodies over the limit, 422 for control characters in the URL.

    The routes that take NDJSON batches (`ndjson_paths`) have their own, larger limit; it is
    chosen by the route, never by the content type the client declares, and it is reached
    only past AccessGateMiddleware, so only a key that may write can make the server read it.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_bytes: int,
        max_ndjson_bytes: int,
        ndjson_paths: frozenset[str] = frozenset(),
        path_limits: dict[str, int] | None = None,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_ndjson_bytes = max_ndjson_bytes
        self.ndjson_paths = ndjson_paths
        self.path_limits = path_limits or {}  # NDJSON routes with a limit of their own

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _CONTROL_IN_TEXT.search(scope["path"]) or _CONTROL_IN_QUERY.search(
            scope["query_string"]
        ):
            await _respond(send, _control_error())
            return
        ndjson = scope["method"] == "POST" and scope["path"] in self.ndjson_paths
        limit = self.max_ndjson_bytes if ndjson else self.max_bytes
        if ndjson and scope["path"] in self.path_limits:
            limit = self.path_limits[scope["path"]]
        declared = _header(scope, b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _respond(send, PayloadTooLarge.over(limit))
            return
        received = 0
        response_started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise PayloadTooLarge.over(limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            response_started = response_started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except PayloadTooLarge as error:
            if response_started:
                raise
            await _respond(send, error)


def _control_error() -> AppError:
    return Invalid(
        "text must not contain NUL (U+0000) or other control characters "
        "(U+0001 to U+001F but tab, line feed and carriage return)",
        code="validation_error",
    )


def control_characters_in(body: bytes) -> bool:
    """Whether a JSON body carries a control character, raw or escaped, in any encoding JSON
    allows (UTF-8, UTF-16, UTF-32: the parser detects which, so this check does too)."""
    encoding = json.detect_encoding(body)
    if encoding == "utf-8":
        return _CONTROL_IN_UTF8.search(body) is not None
    text = body.decode(encoding, errors="replace")
    return _CONTROL_IN_TEXT.search(text.removeprefix("\ufeff")) is not None


class TransactionRetryMiddleware:
    """Re-runs a write whose transaction lost a race (serialisation failure, deadlock), through
    the one retry loop (`unit_of_work.retrying`) that `run_transaction` also uses.

    The body is read into memory first (bounded by BodyLimitMiddleware) so that it can be
    replayed; each attempt is a whole new request to the app, so the client sees one answer.
    NDJSON batches are streamed, not replayed: their endpoint commits per batch.
    """

    def __init__(
        self, app: ASGIApp, *, attempts: int, ndjson_paths: frozenset[str] = frozenset()
    ) -> None:
        self.app = app
        self.attempts = attempts
        self.ndjson_paths = ndjson_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] in SAFE_METHODS
            or scope["path"] in self.ndjson_paths
        ):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if control_characters_in(body):
            await _respond(send, _control_error())
            return
        scope.setdefault("state", {})[RETRYING] = True
        try:
            async for attempt in retrying(self.attempts, what=f"{scope['method']} {scope['path']}"):
                with attempt:
                    await self._attempt(scope, receive, send, body, attempt)
        except TransactionConflict as conflict:
            if attempt.may_retry:  # every attempt lost before answering: answer 503 here
                await _respond(send, conflict)
                return
            raise

    async def _attempt(
        self, scope: Scope, receive: Receive, send: Send, body: bytes, attempt: Attempt
    ) -> None:
        """One whole run of the request, its body replayed; once the answer has started it
        cannot be re-run (`attempt.may_retry` turns false)."""
        attempt_scope = dict(scope)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        async def tracking_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                attempt.may_retry = False
            await send(message)

        try:
            await self.app(attempt_scope, replay, tracking_send)
        finally:
            # Let the outer middleware see which route answered (for metrics and logs).
            for key in ("route", "fastapi"):
                if key in attempt_scope:
                    scope[key] = attempt_scope[key]


def retry_aware_conflict_handler() -> Any:
    """The TransactionConflict handler: re-raise for TransactionRetryMiddleware, else 503."""

    async def handle(request: Any, error: Exception) -> Any:
        assert isinstance(error, TransactionConflict)
        if request.scope.get("state", {}).get(RETRYING):
            raise error
        return error_response(
            error.status_code, error.code, error.message, error.details, error.headers
        )

    return handle
