"""A loopback web site for the crawler's tests: feeds, robots.txt and article pages from
tests/feeds/site/, with 304s, 429s, redirects, errors and a slow page, and a log of every
request (arrival time, path, status, validators sent) to assert politeness from."""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from itertools import pairwise
from pathlib import Path

SITE = Path(__file__).resolve().parent / "site"


@dataclass
class Hit:
    at: float  # time.monotonic() when the request arrived
    path: str
    status: int  # 0 until answered
    if_none_match: str | None
    # time.monotonic() just before the first byte of an answer sent at once (0: a slow or
    # dripped page, which the crawler may have given up on before it came)
    answered: float = 0.0


@dataclass
class Page:
    """What a path answers: a file or a body, or a status with headers; `statuses` are
    answered first, one per request (e.g. [429] then the page)."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    statuses: list[int] = field(default_factory=list)
    delay: float = 0.0  # before answering
    drip: float = 0.0  # between each tenth of the body


class Site:
    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.log: list[Hit] = []
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hit = Hit(time.monotonic(), self.path, 0, self.headers.get("If-None-Match"))
                page = site.pages.get(self.path)
                sent = hit.if_none_match
                with site.lock:
                    site.log.append(hit)  # on arrival: a slow answer is logged in its place
                    status = page.statuses.pop(0) if page and page.statuses else None
                if page is None:
                    status, body, headers = 404, b"not here", {"Content-Type": "text/plain"}
                elif status is not None:
                    body, headers = b"", dict(page.headers)
                    if status == 429:
                        headers.setdefault("Retry-After", "1")
                else:
                    time.sleep(page.delay)
                    status, body = page.status, page.body
                    headers = {"Content-Type": page.content_type, **page.headers}
                    if page.etag:
                        headers["ETag"] = page.etag
                        if sent == page.etag:
                            status, body = 304, b""
                hit.status = status
                if page is None or not (page.delay or page.drip):
                    hit.answered = time.monotonic()
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if page is not None and page.drip and body:
                    step = max(1, len(body) // 10)
                    for start in range(0, len(body), step):
                        self.wfile.write(body[start : start + step])
                        self.wfile.flush()
                        time.sleep(page.drip)
                else:
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def file(self, path: str, name: str, **kwargs: object) -> None:
        """Serve tests/feeds/site/<name> at `path`, with {base} replaced by the site's base."""
        body = (SITE / name).read_text().replace("{base}", self.base).encode()
        kind = "application/rss+xml" if name.endswith(".xml") else "text/html; charset=utf-8"
        if name.endswith(".txt"):
            kind = "text/plain"
        self.pages[path] = Page(body=body, content_type=kind, **kwargs)  # type: ignore[arg-type]

    def hits(self, path: str | None = None) -> list[Hit]:
        with self.lock:
            return [hit for hit in self.log if path is None or hit.path == path]

    def gaps(self) -> list[float]:
        """Seconds from the start of each answer to the arrival of the next request: at most
        the pause the crawler kept between the end of one request and the start of the next,
        however late this server's threads were scheduled (each clock is read before the byte
        it stands for moves, so a late thread can only widen a gap, never narrow it). After a
        slow or dripped page, which the crawler may have given up on, from its arrival."""
        hits = self.hits()
        return [b.at - (a.answered or a.at) for a, b in pairwise(hits)]


@contextmanager
def serving(*sites: Site) -> Iterator[None]:
    threads = [threading.Thread(target=s.server.serve_forever, daemon=True) for s in sites]
    for thread in threads:
        thread.start()
    try:
        yield
    finally:
        for site in sites:
            site.server.shutdown()
            site.server.server_close()
