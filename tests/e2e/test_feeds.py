"""An outlet's feeds on its explorer page, in headless Chromium: their health for anyone, and
a disabled feed enabled again with a write key (a read key is refused, and the page says so)."""

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext

from tests.e2e.conftest import PHONE
from tests.e2e.conftest import Server
from tests.e2e.conftest import Tab
from tests.e2e.conftest import open_tab
from tests.e2e.conftest import running_server
from tests.e2e.test_explorer import no_horizontal_overflow

pytestmark = pytest.mark.sqlite_only

# Nothing listens on the discard port: the server's own crawler never gets an answer from it.
DOWN = "http://127.0.0.1:9"


@pytest.fixture(scope="module")
def feeds_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of its own that accepts loopback feeds (the fixture's feeds are on 127.0.0.1)."""
    with running_server(
        tmp_path_factory.mktemp("e2e-feeds"),
        demo=False,
        env_extra={"CLAIMS_FEEDS_ALLOW_PRIVATE": "true"},
    ) as server:
        yield server


@pytest.fixture
def feeds_tab(browser: BrowserContext, feeds_server: Server) -> Iterator[Tab]:
    with open_tab(browser, feeds_server.base_url) as tab:
        yield tab


def _read_key(server: Server) -> str:
    command = Path(sys.executable).with_name("corroborate")
    return subprocess.run(
        [str(command), "keys", "create", "--scope", "read", "--name", "reader"],
        env={**os.environ, "CLAIMS_DATABASE_URL": server.database_url},
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout.strip()


def _disable(server: Server, feed_id: int) -> None:
    """What the crawler does after CLAIMS_FEEDS_MAX_FAILURES failed reads in a row (its tests
    show it: tests/feeds/test_watch.py); here written directly, as the API cannot disable."""
    path = server.database_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE feed SET state = 'disabled', failures = 5, last_status = 500,"
            " last_error = 'HTTP 500', disabled_at = '2026-12-01 10:00:00.000000',"
            " last_polled_at = '2026-12-01 10:00:00.000000' WHERE id = ?",
            (feed_id,),
        )


def test_an_outlet_page_shows_its_feeds_and_enables_a_disabled_one(
    feeds_tab: Tab, feeds_server: Server
) -> None:
    feeds_server.post_json(
        "v1/ingest",
        {
            "outlet": {"slug": "gazette", "name": "The Gazette", "kind": "newspaper"},
            "article": {
                "url": "https://gazette.example/harbour",
                "title": "Harbour reopens",
                "published_at": "2026-11-30T08:00:00Z",
            },
        },
    )
    rss = feeds_server.post_json("v1/outlets/gazette/feeds", {"url": f"{DOWN}/rss.xml"})
    sitemap = feeds_server.post_json(
        "v1/outlets/gazette/feeds", {"url": f"{DOWN}/news-sitemap.xml", "kind": "sitemap"}
    )
    _disable(feeds_server, sitemap["id"])

    page = feeds_tab.open("#/outlets/gazette")
    panel = page.locator("[data-feeds]")
    rows = panel.locator("tbody tr")
    assert rows.count() == 2
    active = panel.locator(f"tr[data-feed-id='{rss['id']}']")
    disabled = panel.locator(f"tr[data-feed-id='{sitemap['id']}']")
    assert active.locator("[data-feed-state]").inner_text() == "Active"
    assert active.locator("td[data-label='Last read']").inner_text() == "Not read yet"
    assert disabled.locator("[data-feed-state]").inner_text() == "Disabled"
    assert disabled.locator("td[data-label='Last error']").inner_text() == "HTTP 500"
    assert "5 failed in a row" in disabled.locator("td[data-label='State']").inner_text()
    assert disabled.locator("td[data-label='Last read']").inner_text() == (
        "1 Dec 2026, 10:00 UTC (HTTP 500)"
    )
    # No key in this tab: no action, an invitation to enter one.
    assert panel.locator("button.feed-enable").count() == 0
    assert "Enter a write key" in disabled.locator("td[data-label='Action']").inner_text()
    feeds_tab.screenshot("outlet-feeds.png")

    # A read key may not enable: the button is offered, the API refuses, the page says why.
    page.fill("#feeds-key", _read_key(feeds_server))
    page.press("#feeds-key", "Enter")
    page.click(f"tr[data-feed-id='{sitemap['id']}'] button.feed-enable")
    page.wait_for_function(
        "() => document.querySelector('.feeds-message').textContent.includes('may not enable')"
    )
    still = feeds_server.get_json(f"v1/outlets/gazette/feeds/{sitemap['id']}")["health"]
    assert still["state"] == "disabled"

    # A write key enables it: the row turns active, the API agrees.
    page.fill("#feeds-key", feeds_server.write_key)
    page.press("#feeds-key", "Enter")
    page.click(f"tr[data-feed-id='{sitemap['id']}'] button.feed-enable")
    page.wait_for_function(
        f"() => document.querySelector(\"tr[data-feed-id='{sitemap['id']}']\")"
        ".dataset.state === 'active'"
    )
    assert "Enabled:" in panel.locator(".feeds-message").inner_text()
    health = feeds_server.get_json(f"v1/outlets/gazette/feeds/{sitemap['id']}")["health"]
    assert (health["state"], health["failures"]) == ("active", 0)
    assert panel.locator("button.feed-enable").count() == 0
    page.set_viewport_size(PHONE)  # on a phone the table becomes one card per feed
    feeds_tab.open("#/outlets/gazette")
    no_horizontal_overflow(page)
    feeds_tab.screenshot("outlet-feeds-phone.png")
    # The one refused request (the read key's) is all the tab reported.
    assert [problem for problem in feeds_tab.problems if "403" not in problem] == []


def test_an_outlet_without_feeds_says_so(feeds_tab: Tab, feeds_server: Server) -> None:
    feeds_server.post_json(
        "v1/ingest",
        {
            "outlet": {"slug": "herald", "name": "The Herald", "kind": "newspaper"},
            "article": {
                "url": "https://herald.example/a",
                "title": "A story",
                "published_at": "2026-11-30T08:00:00Z",
            },
        },
    )
    page = feeds_tab.open("#/outlets/herald")
    assert page.locator("[data-feeds]").inner_text().endswith("No feeds watched.")
    assert feeds_tab.problems == []
