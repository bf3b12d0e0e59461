"""`kill -9` of the server between commit and delivery loses nothing: delivered after restart.

A real `corroborate serve` (its delivery thread included) on the test database. The receiver
holds the first delivery open, so the server dies with one delivery taken but unfinished and
another event committed but not yet sent; after a restart both arrive (the taken one once its
lease has run out).
"""

import json
import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.error import URLError
from urllib.request import Request
from urllib.request import urlopen

from sqlalchemy import Engine
from sqlalchemy import select
from sqlmodel import Session

from app.tables import Event
from tests.e2e.conftest import _corroborate
from tests.events.receiver import Received
from tests.events.receiver import Receiver
from tests.factories import Factory


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(database_url: str, log: Path) -> Iterator[str]:
    """`corroborate serve` in its own process group; yields its base URL. Killed with
    SIGKILL (the whole group) when the block ends, as a crash would."""
    port = _free_port()
    env = {
        **os.environ,
        "CLAIMS_DATABASE_URL": database_url,
        "CLAIMS_MATCHER": "lexical",
        "CLAIMS_RATE_LIMIT_ENABLED": "false",
        "CLAIMS_LOG_LEVEL": "warning",
        "CLAIMS_WEBHOOK_ALLOW_PRIVATE": "true",
        "CLAIMS_WEBHOOK_LEASE_SECONDS": "2",
        "CLAIMS_WEBHOOK_TIMEOUT_SECONDS": "1.5",
        "CLAIMS_WEBHOOK_RETRY_BASE_SECONDS": "0.1",
    }
    with log.open("ab") as output:
        process = subprocess.Popen(
            [_corroborate(), "serve", "--port", str(port), "--workers", "1"],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the server did not start"
            try:
                with urlopen(f"{base}healthz", timeout=1):
                    break
            except (URLError, OSError):
                time.sleep(0.1)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def post(base: str, path: str, key: str, body: dict[str, Any]) -> dict[str, Any]:
    request = Request(
        f"{base}{path.lstrip('/')}",
        data=json.dumps(body).encode(),
        headers={"content-type": "application/json", "authorization": f"Bearer {key}"},
        method="POST",
    )
    with urlopen(request, timeout=10) as response:
        assert response.status == 201
        result: dict[str, Any] = json.load(response)
        return result


def wait_for(condition: Any, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def test_kill_9_between_commit_and_delivery_loses_nothing(
    database_url: str, engine: Engine, factory: Factory, receiver: Receiver, tmp_path: Path
) -> None:
    key = factory.api_key(scopes=["write"], name="crash")
    started = threading.Event()
    release = threading.Event()

    def hold_the_first(_request: Received) -> int:
        if not started.is_set():
            started.set()
            release.wait(30)  # the server is killed meanwhile
        return 204

    receiver.answer = hold_the_first
    log = tmp_path / "server.log"
    with serving(database_url, log) as base:
        subscription = post(base, "/v1/subscriptions", key, {"url": receiver.url})
        post(base, "/v1/claims", key, {"text": "The first claim is in flight."})
        assert started.wait(20), log.read_text()
        post(base, "/v1/claims", key, {"text": "The second claim is committed, not sent."})
    # SIGKILLed: one delivery taken and unfinished, one event never dispatched or sent.
    receiver.answer = lambda _r: 204
    release.set()
    with Session(engine) as session:
        committed = list(session.scalars(select(Event.id).order_by(Event.id)))
    assert len(committed) == 2

    def everything_arrived() -> bool:
        delivered = [p["id"] for p in receiver.accepted(subscription["secret"])]
        # The held request's answer went to a dead socket: it does not count.
        return sorted(set(delivered[1:])) == committed

    with serving(database_url, log):
        wait_for(everything_arrived, 30, f"not delivered after restart: {log.read_text()}")
