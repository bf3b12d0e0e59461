"""A real server and a real browser for the explorer's end-to-end tests.

The server is `corroborate serve` on a free port over a temporary SQLite file prepared with
`corroborate migrate` and `corroborate demo load`, exactly as a user would run it. The browser is
Debian's Chromium driven by Playwright (no browser download), with a fresh profile per run.
Without Chromium the tests skip locally and fail in CI (CI=true), which installs it.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any
from urllib.error import URLError
from urllib.request import Request
from urllib.request import urlopen

import pytest
from playwright.sync_api import BrowserContext
from playwright.sync_api import ConsoleMessage
from playwright.sync_api import Page
from playwright.sync_api import Playwright
from playwright.sync_api import Request as PlaywrightRequest
from playwright.sync_api import sync_playwright

CHROMIUM = Path(os.environ.get("CLAIMS_E2E_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
# Page titles read "<view>, en dash, Corroborate explorer".
DASH = " \N{EN DASH} "
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _corroborate() -> str:
    """The `corroborate` command of the running interpreter's environment."""
    beside = Path(sys.executable).with_name("corroborate")
    found = str(beside) if beside.exists() else shutil.which("corroborate")
    if not found:
        pytest.fail("the `corroborate` command is not installed (run `make install`)")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_serving(process: subprocess.Popen[bytes], base_url: str) -> bool:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urlopen(f"{base_url}healthz", timeout=1) as response:
                if response.status == 200:
                    return True
        except (URLError, OSError):
            time.sleep(0.1)
    return False


@dataclass
class Server:
    base_url: str
    database_url: str
    write_key: str

    def get_json(self, path: str) -> Any:
        with urlopen(f"{self.base_url}{path.lstrip('/')}", timeout=10) as response:
            return json.load(response)

    def post_json(self, path: str, body: dict[str, Any]) -> Any:
        """POST through the public API, as any client would; fails on anything but 201."""
        request = Request(
            f"{self.base_url}{path.lstrip('/')}",
            data=json.dumps(body).encode(),
            headers={
                "content-type": "application/json",
                "authorization": f"Bearer {self.write_key}",
            },
            method="POST",
        )
        with urlopen(request, timeout=10) as response:
            assert response.status == 201, response.status
            return json.load(response)


@contextmanager
def running_server(
    folder: Path, *, demo: bool, env_extra: dict[str, str] | None = None
) -> Iterator[Server]:
    """`corroborate serve` on a free port over a fresh migrated SQLite file (with the demo),
    with `env_extra` added to its environment."""
    database_url = f"sqlite:///{folder / 'explorer.db'}"
    env = {
        **os.environ,
        "CLAIMS_DATABASE_URL": database_url,
        "CLAIMS_LOG_LEVEL": "warning",
        # One browser loads many pages from one address; limits are tested elsewhere.
        "CLAIMS_RATE_LIMIT_ENABLED": "false",
        **(env_extra or {}),
    }
    command = _corroborate()
    steps = [["migrate"], ["demo", "load"]] if demo else [["migrate"]]
    for step in steps:
        subprocess.run([command, *step], env=env, check=True, capture_output=True, timeout=120)
    write_key = subprocess.run(
        [command, "keys", "create", "--scope", "write", "--name", "e2e"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout.strip()
    log = (folder / "server.log").open("wb")
    # The port is free when picked but another process may take it first: retry on a new one.
    for _attempt in range(3):
        port = _free_port()
        base_url = f"http://127.0.0.1:{port}/"
        process = subprocess.Popen(
            [command, "serve", "--port", str(port), "--workers", "1"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        if _wait_until_serving(process, base_url):
            break
        process.terminate()
        process.wait(timeout=10)
    else:
        log.close()
        pytest.fail(f"the server did not start; see {folder / 'server.log'}")
    try:
        yield Server(base_url=base_url, database_url=database_url, write_key=write_key)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="package")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The demo (founding story) behind a real server, shared by the package's tests."""
    with running_server(tmp_path_factory.mktemp("e2e-demo"), demo=True) as demo_server:
        yield demo_server


@pytest.fixture(scope="package")
def playwright_driver() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if IN_CI:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="package")
def browser(playwright_driver: Playwright) -> Iterator[BrowserContext]:
    with tempfile.TemporaryDirectory(prefix="corroborate-chromium-") as profile:
        context = playwright_driver.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport=DESKTOP,
            locale="en-GB",
            timezone_id="UTC",
        )
        context.set_default_timeout(10_000)
        try:
            yield context
        finally:
            context.close()


@dataclass
class Tab:
    """A browser page plus every problem it reported: console errors, uncaught exceptions,
    failed requests and HTTP error responses. Tests end by asserting the list is empty."""

    page: Page
    base_url: str
    problems: list[str] = field(default_factory=list)

    def open(self, fragment: str = "#/") -> Page:
        """Load the explorer at a fragment and wait until its view has drawn."""
        url = f"{self.base_url}{fragment}"
        if self.page.url == url:
            self.page.reload()  # the same fragment again would not draw anything
        else:
            self.page.goto(url)
        self.wait_ready()
        return self.page

    def wait_ready(self) -> None:
        """Wait until the view of the current fragment has drawn (not the previous one's)."""
        self.page.wait_for_function(
            "() => document.body.dataset.ready === 'true'"
            " && document.body.dataset.drawn === location.hash"
        )

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / name
        self.page.screenshot(path=str(path), full_page=True)
        return path


@contextmanager
def open_tab(browser: BrowserContext, base_url: str) -> Iterator[Tab]:
    """A new page on `base_url` that records every problem it reports."""
    page = browser.new_page()
    page.set_viewport_size(DESKTOP)
    tab = Tab(page=page, base_url=base_url)

    def on_console(message: ConsoleMessage) -> None:
        if message.type in {"error", "warning"}:
            tab.problems.append(f"console {message.type}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: tab.problems.append(f"uncaught: {error}"))

    def on_failed(request: PlaywrightRequest) -> None:
        # The claim page closes its event stream when the reader leaves it: not a failure.
        if "/v1/events/stream" in request.url and request.failure == "net::ERR_ABORTED":
            return
        tab.problems.append(f"failed: {request.url}")

    page.on("requestfailed", on_failed)
    page.on(
        "response",
        lambda response: (
            tab.problems.append(f"HTTP {response.status}: {response.url}")
            if response.status >= 400
            else None
        ),
    )
    try:
        yield tab
    finally:
        page.close()


@pytest.fixture
def tab(browser: BrowserContext, server: Server) -> Iterator[Tab]:
    with open_tab(browser, server.base_url) as demo_tab:
        yield demo_tab
