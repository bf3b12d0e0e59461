"""The claim page updates itself while open: a new independent report moves its counts."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext

from app.demo.data import CLAIMS
from tests.e2e.conftest import Server
from tests.e2e.conftest import open_tab
from tests.e2e.conftest import running_server

pytestmark = pytest.mark.sqlite_only  # one real server is enough; the API suite covers PostgreSQL

NATO_CLAIM = CLAIMS[0]["text"]


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[Server]:
    """A server of this test's own: it writes to the demo, which other tests read."""
    with running_server(tmp_path, demo=True) as server:
        yield server


def stat(page, key: str) -> str:  # type: ignore[no-untyped-def]
    return str(page.locator(f"[data-stat={key}] .stat__value").inner_text())


def test_the_claim_page_counts_change_while_open_when_a_new_report_is_ingested(
    browser: BrowserContext, own_server: Server
) -> None:
    claims = own_server.get_json("v1/claims?limit=1")["items"]
    assert claims[0]["text"] == NATO_CLAIM
    claim_id = claims[0]["id"]
    with open_tab(browser, own_server.base_url) as tab:
        page = tab.open(f"#/claims/{claim_id}")
        assert (stat(page, "outlets"), stat(page, "independent_origins")) == ("3", "2")
        assert page.locator("[data-outlet=the-kyiv-independent]").count() == 0
        page.evaluate("window.stillTheSamePage = true")
        own_server.post_json(
            "v1/ingest",
            {
                "outlet": {
                    "slug": "the-kyiv-independent",
                    "name": "The Kyiv Independent",
                    "kind": "online",
                },
                "article": {
                    "url": "https://kyivindependent.com/putin-nato-demand",
                    "title": "Kremlin says a written NATO pledge is a condition for peace",
                    "published_at": "2025-05-29T15:00:00Z",
                },
                "claims": [{"claim_id": claim_id, "text": NATO_CLAIM}],
            },
        )
        # No reload: the page heard the event on its stream and redrew itself.
        page.wait_for_function(
            "() => document.querySelector('[data-stat=outlets] .stat__value').textContent === '4'"
        )
        assert (stat(page, "outlets"), stat(page, "independent_origins")) == ("4", "3")
        assert page.evaluate("window.stillTheSamePage") is True
        # The redraw counts itself once it has finished (the counts are drawn before the end).
        page.wait_for_function("() => Number(document.body.dataset.liveUpdates || 0) >= 1")
        # The reports and the coverage timeline follow too.
        assert page.locator("tr[data-outlet=the-kyiv-independent]").count() == 1
        last_row = "[data-timeline] table tbody tr:last-child td"
        page.wait_for_function(f"() => [...document.querySelectorAll('{last_row}')].length === 4")
        # (In a closed <details>, so read as text rather than as rendered.)
        cells = page.locator(last_row).all_text_contents()
        assert "The Kyiv Independent" in cells[1]
        assert cells[2:] == ["4", "3"]
        tab.screenshot("claim-live.png")
        assert tab.problems == []
