"""One crawler request: a GET that reaches only public addresses (unless allowed), follows no
redirect (each hop is a request of its own, under the host's delay), reads at most
CLAIMS_FEEDS_MAX_PAGE_BYTES and sends the feed's validators for a conditional request."""

import ssl
import time
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from email.utils import parsedate_to_datetime

import httpcore

from app.core.config import Settings
from app.events.targets import GuardedBackend


@dataclass
class Answer:
    """What a request got: a status and headers (lower-case names), the body when 200, or the
    reason it failed (`status` is None)."""

    status: int | None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None

    @property
    def location(self) -> str | None:
        return self.headers.get("location") if self.status in (301, 302, 303, 307, 308) else None

    def retry_after(self, now: datetime) -> float | None:
        """Seconds the server asks us to wait (Retry-After as seconds or as a date)."""
        value = self.headers.get("retry-after", "").strip()
        if not value:
            return None
        if value.isdigit():
            return float(value)
        try:
            return max(0.0, (parsedate_to_datetime(value) - now).total_seconds())
        except (TypeError, ValueError):
            return None


class Fetcher:
    """A connection pool for the crawler (one per worker thread or process)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.pool = httpcore.ConnectionPool(
            ssl_context=ssl.create_default_context(),
            max_connections=4,
            network_backend=GuardedBackend(allow_private=settings.feeds_allow_private),
            retries=0,
        )

    def close(self) -> None:
        self.pool.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Answer:
        """GET the URL once; never raises for network trouble (it is the answer's `error`)."""
        headers = [
            (b"user-agent", self.settings.feeds_user_agent.encode()),
            (b"accept", b"*/*"),
            (b"accept-encoding", b"identity"),
        ]
        if etag:
            headers.append((b"if-none-match", etag.encode("latin-1", "replace")))
        if last_modified:
            headers.append((b"if-modified-since", last_modified.encode("latin-1", "replace")))
        timeout = self.settings.feeds_request_timeout_seconds
        started = time.monotonic()
        limit = self.settings.feeds_max_page_bytes
        try:
            with self.pool.stream(
                "GET",
                url,
                headers=headers,
                extensions={
                    "timeout": {
                        "connect": timeout,
                        "read": timeout,
                        "write": timeout,
                        "pool": timeout,
                    }
                },
            ) as response:
                answer = Answer(
                    status=response.status,
                    headers={
                        name.decode("latin-1").lower(): value.decode("latin-1")
                        for name, value in response.headers
                    },
                )
                if response.status != 200:
                    return answer
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_stream():
                    size += len(chunk)
                    if size > limit:
                        return Answer(status=None, error=f"larger than {limit} bytes")
                    # A body sent a byte at a time never hits the read timeout: bound the whole.
                    if time.monotonic() - started > timeout:
                        return Answer(status=None, error=f"took longer than {timeout:g}s")
                    chunks.append(chunk)
                answer.body = b"".join(chunks)
                return answer
        except httpcore.TimeoutException as error:
            return Answer(status=None, error=f"timed out ({type(error).__name__})")
        except (
            httpcore.NetworkError,
            httpcore.ProtocolError,
            httpcore.UnsupportedProtocol,
        ) as error:
            return Answer(status=None, error=f"{type(error).__name__}: {error}"[:500])
