"""A local webhook receiver: an HTTP server on a thread that records what it is sent."""

import json
import threading
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from typing import Any

from standardwebhooks.webhooks import Webhook


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Receiver:
    """Records every request; `answer` decides each status (default 204)."""

    url: str
    requests: list[Received] = field(default_factory=list)
    answer: Callable[[Received], int] = lambda _r: 204
    lock: threading.Lock = field(default_factory=threading.Lock)

    def accepted(self, secret: str) -> list[dict[str, Any]]:
        """The payloads answered 2xx, each verified with the Standard Webhooks library
        (raises on a bad signature); in arrival order."""
        with self.lock:
            found = [r for r in self.requests if r.headers.get("x-answered", "").startswith("2")]
        verifier = Webhook(secret)
        return [verifier.verify(r.body, r.headers) for r in found]

    def accepted_ids(self) -> list[int]:
        with self.lock:
            return [
                r.json["id"]
                for r in self.requests
                if r.headers.get("x-answered", "").startswith("2")
            ]


@contextmanager
def running_receiver() -> Iterator[Receiver]:
    receiver = Receiver(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", "0"))
            body = self.rfile.read(length)
            received = Received(headers={k.lower(): v for k, v in self.headers.items()}, body=body)
            status = receiver.answer(received)
            received.headers["x-answered"] = str(status)
            with receiver.lock:
                receiver.requests.append(received)
            self.send_response(status)
            self.send_header("content-length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
