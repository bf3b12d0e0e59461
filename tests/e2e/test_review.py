"""The explorer's "To review" page in headless Chromium, worked through with the keyboard alone."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext

from tests.e2e.conftest import Server
from tests.e2e.conftest import Tab
from tests.e2e.conftest import open_tab
from tests.e2e.conftest import running_server
from tests.e2e.test_explorer import focused
from tests.e2e.test_explorer import tab_to

pytestmark = pytest.mark.sqlite_only


@pytest.fixture(scope="module")
def review_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of its own (the demo server's outlets stay as the other tests expect them)."""
    with running_server(tmp_path_factory.mktemp("e2e-review"), demo=False) as server:
        yield server


def ingest(server: Server, slug: str, hour: int, title: str, claim: str = "harbour") -> Any:
    return server.post_json(
        "v1/ingest",
        {
            "outlet": {"slug": slug, "name": slug.title(), "kind": "newspaper"},
            "article": {
                "url": f"https://{slug}.example/{claim}",
                "title": title,
                "published_at": f"2025-03-01T{hour:02d}:00:00Z",
            },
            "claims": [{"text": f"The {claim} closed after the storm damaged the quay."}],
        },
    )


@pytest.fixture
def review_tab(browser: BrowserContext, review_server: Server) -> Iterator[Tab]:
    with open_tab(browser, review_server.base_url) as tab:
        yield tab


def test_keyboard_alone_accepts_and_rejects_on_the_review_page(
    review_tab: Tab, review_server: Server, tmp_path: Path
) -> None:
    ingest(review_server, "wire", 8, "Harbour closed after storm")
    first = ingest(review_server, "daily", 9, "UPDATE 1-Harbour closed after storm")
    ingest(review_server, "wire", 8, "Marina shut by storm", claim="marina")
    second = ingest(review_server, "herald", 10, "MARINA SHUT BY STORM!", claim="marina")
    # The matcher also suggests merging the two storm claims: this page shows the copies.
    pending = review_server.get_json("v1/review?kind=copy")["items"]
    assert [i["article"]["id"] for i in pending] == [second["article_id"], first["article_id"]]

    page = review_tab.open("#/review?kind=copy")
    assert page.locator(".review-item").count() == 2
    tab_to(page, "#review-key")
    page.keyboard.type(review_server.write_key)
    page.keyboard.press("Enter")
    # The key is kept and the first (newest) item takes focus.
    assert focused(page, "el.dataset.reviewId") == str(pending[0]["id"])
    page.keyboard.press("a")
    page.wait_for_function(
        "() => document.querySelector('[data-review-id] .review-item__status')"
        ".dataset.status === 'accepted'"
    )
    assert focused(page, "el.dataset.reviewId") == str(pending[1]["id"])
    page.keyboard.press("k")
    assert focused(page, "el.dataset.reviewId") == str(pending[0]["id"])
    page.keyboard.press("j")
    page.keyboard.press("r")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.review-item__status')]"
        ".map((el) => el.dataset.status).join() === 'accepted,rejected'"
    )
    review_tab.screenshot("review.png")

    accepted = review_server.get_json("v1/review?status=accepted&kind=copy")["items"]
    rejected = review_server.get_json("v1/review?status=rejected&kind=copy")["items"]
    assert [(i["id"], i["decided_by"]) for i in accepted] == [(pending[0]["id"], "e2e")]
    assert [(i["id"], i["decided_by"]) for i in rejected] == [(pending[1]["id"], "e2e")]
    link = review_server.get_json(f"v1/articles/{second['article_id']}")["origin"]
    assert link["relation"] == "syndicates"
    assert review_server.get_json(f"v1/articles/{first['article_id']}")["origin"] is None
    assert review_tab.problems == []
