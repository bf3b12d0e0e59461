"""The claim page shows a credited origin as such: two papers running an AP story (AP's own
article not stored) are one origin, "Associated Press, credited", and each says whom it credits."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext

from tests.e2e.conftest import Server
from tests.e2e.conftest import open_tab
from tests.e2e.conftest import running_server
from tests.ingest.test_credited import AP_STORY
from tests.ingest.test_credited import ap_article
from tests.ingest.test_credited import paper

pytestmark = pytest.mark.sqlite_only  # one real server is enough; the API suite covers PostgreSQL


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[Server]:
    with running_server(tmp_path, demo=False) as server:
        yield server


def stat(page, key: str) -> str:  # type: ignore[no-untyped-def]
    return str(page.locator(f"[data-stat={key}] .stat__value").inner_text())


def test_a_credited_origin_reads_as_credited_until_the_wires_article_arrives(
    browser: BrowserContext, own_server: Server
) -> None:
    first = own_server.post_json(
        "v1/ingest", paper("daily-planet", 2, body="SPRINGFIELD (AP) - " + AP_STORY)
    )
    own_server.post_json(
        "v1/ingest", paper("the-ledger", 3, author="Associated Press", body="Fares are going up.")
    )
    claim_id = first["claims"][0]["claim_id"]
    with open_tab(browser, own_server.base_url) as tab:
        page = tab.open(f"#/claims/{claim_id}")
        assert (stat(page, "outlets"), stat(page, "independent_origins")) == ("2", "1")
        summary = page.locator("[data-claim-summary]").inner_text()
        assert "Daily Planet credited Associated Press" in summary, summary
        assert "The Ledger credited Associated Press" in summary, summary
        assert "1 independent origin" in summary, summary
        group = page.locator("[data-origin-outlet=ap]")
        assert "Associated Press, credited" in group.locator(".origin-group__name").inner_text()
        assert page.locator("[data-role=credited]").count() == 2
        notes = page.locator("[data-credit-note]").all_inner_texts()
        assert len(notes) == 2, notes
        assert all("Credits Associated Press" in n for n in notes), notes

    # AP's own article arrives: the papers become its copies, and the credit notes give way.
    own_server.post_json("v1/ingest", ap_article(0))
    with open_tab(browser, own_server.base_url) as tab:
        page = tab.open(f"#/claims/{claim_id}")
        assert (stat(page, "outlets"), stat(page, "independent_origins")) == ("3", "1")
        group = page.locator("[data-origin-outlet=ap]")
        assert group.locator(".origin-group__name").inner_text() == "Associated Press"
        assert page.locator("[data-role=copy]").count() == 2
        assert page.locator("[data-credit-note]").count() == 0
        summary = page.locator("[data-claim-summary]").inner_text()
        assert "republished Associated Press" in summary, summary
