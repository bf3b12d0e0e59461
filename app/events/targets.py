"""Webhook targets that cannot reach inside the network (SSRF).

A target's host is resolved and every address checked: loopback, private, link-local,
multicast, reserved, unspecified and shared (carrier-grade NAT) addresses are refused unless
CLAIMS_WEBHOOK_ALLOW_PRIVATE=true. The check runs when a subscription is made and again at
every delivery, and the delivery connects to the very address it checked (`GuardedBackend`):
a name that resolved to a public address at the check and to 127.0.0.1 a moment later (DNS
rebinding) cannot slip through between the two. TLS still verifies the certificate against
the host name.
"""

import ipaddress
import socket
import typing
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from urllib.parse import urlsplit

import httpcore
import httpx
from httpcore._backends.sync import SyncBackend
from pydantic import AnyHttpUrl
from pydantic import TypeAdapter
from pydantic import ValidationError

from app.core.errors import Invalid

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
RESOLVE_TIMEOUT_SECONDS = 3.0
# The URL parser a subscription's URL must also pass (app/events/models.py normalises with it).
HTTP_URL = TypeAdapter(AnyHttpUrl)
_resolver = ThreadPoolExecutor(max_workers=4, thread_name_prefix="webhook-resolve")


class TargetRefused(Exception):
    """The target resolves to an address webhooks may not reach (or does not resolve)."""


def is_public(address: IPAddress) -> bool:
    """Whether an address is on the public internet."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return is_public(address.ipv4_mapped)
    if isinstance(address, ipaddress.IPv6Address) and address.sixtofour is not None:
        return is_public(address.sixtofour)
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_unspecified
    )


def _lookup(host: str, port: int) -> list[IPAddress]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos]


def resolve(host: str, port: int, *, allow_private: bool) -> list[IPAddress]:
    """The addresses to connect to; TargetRefused when any of them is not public (a name
    with one private address among public ones is refused outright, not filtered)."""
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        literal = None
    if literal is not None:
        addresses: list[IPAddress] = [literal]
    else:
        try:
            addresses = _resolver.submit(_lookup, host, port).result(RESOLVE_TIMEOUT_SECONDS)
        except FutureTimeout:
            raise TargetRefused(f"{host} did not resolve in {RESOLVE_TIMEOUT_SECONDS:g}s") from None
        except (OSError, UnicodeError) as error:
            raise TargetRefused(f"{host} does not resolve ({error})") from None
    if not addresses:
        raise TargetRefused(f"{host} does not resolve")
    if not allow_private:
        refused = sorted({str(a) for a in addresses if not is_public(a)})
        if refused:
            raise TargetRefused(
                f"{host} resolves to a non-public address ({', '.join(refused)}); webhooks "
                "may not reach loopback, private, link-local or reserved networks"
            )
    return addresses


def check_url(url: str, *, allow_private: bool) -> None:
    """Refuse (422) a subscription URL whose host is not on the public internet."""
    parts = urlsplit(url)
    try:
        httpx.URL(url)
        HTTP_URL.validate_python(url)
    except (httpx.InvalidURL, ValidationError):
        raise Invalid(
            f"the URL's host {parts.hostname or ''!r} is neither a host name nor an address "
            "a webhook can be delivered to",
            code="webhook_target_refused",
            details=[{"loc": ["body", "url"]}],
        ) from None
    host = parts.hostname or ""
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise Invalid("the URL's port is not a number from 1 to 65535") from None
    if parts.username or parts.password:
        raise Invalid(
            "the URL may not carry a user name or password",
            code="webhook_target_refused",
            details=[{"loc": ["body", "url"]}],
        )
    try:
        resolve(host, port, allow_private=allow_private)
    except TargetRefused as error:
        raise Invalid(
            str(error), code="webhook_target_refused", details=[{"loc": ["body", "url"]}]
        ) from None


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's socket backend, connecting only to checked addresses (see module docs)."""

    def __init__(self, *, allow_private: bool) -> None:
        self._inner = SyncBackend()
        self._allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = resolve(host, port, allow_private=self._allow_private)
        except TargetRefused as error:
            raise httpcore.ConnectError(str(error)) from None
        last: Exception | None = None
        for address in addresses:
            try:
                return self._inner.connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as error:
                last = error
        raise last or httpcore.ConnectError(f"could not connect to {host}")

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("webhooks are not delivered over Unix sockets")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)
