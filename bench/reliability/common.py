"""Shared plumbing for the reliability scripts: scratch databases, a served app, requests.

Everything runs on this machine and talks only to 127.0.0.1 on ports picked at run time.
"""

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("VENV", ROOT / ".venv")) / "bin"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def corroborate(env: dict[str, str], *args: str) -> str:
    """Run the CLI against the scratch database; returns its stdout."""
    result = subprocess.run(
        [str(BIN / "corroborate"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


@dataclass
class Server:
    """`corroborate serve` on a free loopback port, with its log in a file."""

    env: dict[str, str]
    workers: int = 1
    port: int = field(default_factory=free_port)
    log: Path = field(default_factory=lambda: Path(tempfile.mkstemp(suffix=".log")[1]))
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "Server":
        self.process = subprocess.Popen(
            [
                str(BIN / "corroborate"),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--workers",
                str(self.workers),
            ],
            env=self.env,
            cwd=ROOT,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,  # so kill -9 reaches the workers too
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            status, _ = request("GET", f"{self.url}/healthz", timeout=1)
            if status == 200:
                return self
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited; see {self.log}")
            time.sleep(0.1)
        raise RuntimeError(f"server did not start; see {self.log}")

    def kill9(self) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def request(
    method: str, url: str, body: Any = None, key: str | None = None, timeout: float = 30
) -> tuple[int, Any]:
    """One HTTP request; returns (status, parsed JSON or text). Status 0: no answer."""
    data = None if body is None else json.dumps(body).encode()
    headers = {"content-type": "application/json"} if data is not None else {}
    if key:
        headers["authorization"] = f"Bearer {key}"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            raw = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        raw = error.read()
        status = error.code
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, None
    try:
        return status, json.loads(raw) if raw else None
    except ValueError:
        return status, raw.decode("utf-8", "replace")


def scratch_env(database_url: str, **settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMS_")}
    env.update(
        CLAIMS_DATABASE_URL=database_url,
        CLAIMS_RATE_LIMIT_ENABLED="false",
        CLAIMS_LOG_LEVEL="warning",
        **{f"CLAIMS_{k.upper()}": v for k, v in settings.items()},
    )
    return env


@contextlib.contextmanager
def sqlite_database() -> Iterator[tuple[str, Path]]:
    directory = Path(tempfile.mkdtemp(prefix="corroborate-rel-"))
    try:
        yield f"sqlite:///{directory / 'db.sqlite'}", directory / "db.sqlite"
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@contextlib.contextmanager
def postgres_database(admin_url: str | None = None) -> Iterator[str]:
    """A fresh database on the machine's PostgreSQL (CLAIMS_TEST_POSTGRES_URL), dropped after."""
    from sqlalchemy import create_engine
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    admin_url = admin_url or os.environ.get(
        "CLAIMS_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    )
    name = f"corroborate_rel_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@dataclass
class PostgresCluster:
    """A throwaway PostgreSQL cluster (initdb) on a free port, which can be stopped and started
    without touching the machine's own server."""

    directory: Path = field(
        default_factory=lambda: Path(tempfile.mkdtemp(prefix="corroborate-pg-"))
    )
    port: int = field(default_factory=free_port)

    def _bindir(self) -> Path:
        candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if not candidates:
            raise RuntimeError("no initdb found (install the postgresql package)")
        return candidates[-1].parent

    def _run(self, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *args], check=True, capture_output=True)

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def init(self) -> "PostgresCluster":
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres")
        self._run(
            str(self._bindir() / "initdb"),
            "-D",
            str(self.directory / "data"),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
        )
        return self.start()

    def start(self) -> "PostgresCluster":
        self._run(
            str(self._bindir() / "pg_ctl"),
            "-D",
            str(self.directory / "data"),
            "-w",
            "-l",
            str(self.directory / "log"),
            "-o",
            f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )
        return self

    def stop(self) -> None:
        self._run(
            str(self._bindir() / "pg_ctl"),
            "-D",
            str(self.directory / "data"),
            "-w",
            "-m",
            "fast",
            "stop",
        )

    def destroy(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)


def say(message: str) -> None:
    print(message, flush=True)
    sys.stdout.flush()
