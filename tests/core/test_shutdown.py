"""`corroborate serve` stops on SIGTERM after serving sync routes concurrently.

Under granian a worker process used to wait forever at exit for AnyIO's worker threads (where
sync routes run), which are not daemon threads and which AnyIO never told to end there; the
server then ignored SIGTERM until killed. app/main.py's `stop_worker_threads_at_exit` fixes it.
The hang needed requests still queued at the signal; without the fix this test caught it in
about one run in three here (and a wrk run with writes in two of three), with it never.
"""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from app.core.migrations import upgrade
from tests.ingest.test_cli import free_port
from tests.ingest.test_cli import wait_until_up

CORROBORATE = str(Path(sys.executable).parent / "corroborate")
pytestmark = pytest.mark.sqlite_only  # a server process of its own; the database is incidental


def test_sigterm_stops_the_server_after_concurrent_writes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shutdown.db'}"
    upgrade(url)
    env = {
        **os.environ,
        "CLAIMS_DATABASE_URL": url,
        "CLAIMS_LOG_LEVEL": "warning",
        "CLAIMS_RATE_LIMIT_ENABLED": "false",
        "CLAIMS_WORKERS": "1",
    }
    created = subprocess.run(
        [CORROBORATE, "keys", "create", "--scope", "write", "--name", "t"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    key = next(word for word in created.stdout.split() if word.startswith("cor_"))
    port = free_port()
    server = subprocess.Popen(
        [CORROBORATE, "serve", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base)

        statuses: list[int] = []
        stop = threading.Event()

        def write(n: int) -> None:
            headers = {"Authorization": f"Bearer {key}"}
            with httpx.Client(base_url=base, headers=headers, timeout=30) as http:
                for i in range(10_000):
                    if stop.is_set():
                        http.timeout = httpx.Timeout(0.01)  # leave the next one unanswered
                    try:
                        response = http.post("/v1/claims", json={"text": f"Claim {n}-{i}."})
                    except httpx.TimeoutException:
                        return  # gone, like a load generator at the end of its run
                    statuses.append(response.status_code)

        # Concurrent sync routes keep several AnyIO worker threads busy, with requests still
        # queued when the signal comes.
        writers = [threading.Thread(target=write, args=(n,)) for n in range(32)]
        for writer in writers:
            writer.start()
        while len(statuses) < 300:
            time.sleep(0.05)
        # Like a load generator at the end of its run: the clients go away, the server still
        # has their queued requests, and the signal comes.
        stop.set()
        for writer in writers:
            writer.join()
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)  # granian gives requests 5 s or so; it used to wait forever
        except subprocess.TimeoutExpired:
            pytest.fail("the server did not stop on SIGTERM")
        assert set(statuses) <= {201, 503}, set(statuses)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def test_sigterm_while_the_worker_starts_up_still_stops_the_server(tmp_path: Path) -> None:
    """A granian worker that gets SIGTERM before it serves (still importing the app or running
    its lifespan start-up) has no handler of its own yet and ignores it; the server waited for
    it forever (`docker stop` then needed its SIGKILL). `CLAIMS_SHUTDOWN_TIMEOUT_SECONDS`
    bounds that wait. Without the bound this hung in five runs of five here."""
    url = f"sqlite:///{tmp_path / 'startup.db'}"
    upgrade(url)
    env = {
        **os.environ,
        "CLAIMS_DATABASE_URL": url,
        "CLAIMS_LOG_LEVEL": "warning",
        "CLAIMS_WORKERS": "1",
        "CLAIMS_SHUTDOWN_TIMEOUT_SECONDS": "2",
    }
    server = subprocess.Popen(
        [CORROBORATE, "serve", "--port", str(free_port())],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not _children(server.pid):  # the worker is forked: it is starting up now
            assert server.poll() is None, "the server exited before starting a worker"
            assert time.monotonic() < deadline, "no worker process within 60 s"
            time.sleep(0.01)
        workers = _children(server.pid)
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pytest.fail("the server did not stop on SIGTERM sent while its worker started")
        for worker in workers:
            assert not Path(f"/proc/{worker}").exists() or _is_zombie(worker), worker
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    except FileNotFoundError:
        return True
