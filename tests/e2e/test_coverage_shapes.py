"""The explorer beyond the founding story: chains of copies, an unattributed origin, a dispute,
and a claim with more attributions than the claim page embeds. The data is posted through the
public API of a second real server, so the page sees exactly what any client would.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import BrowserContext

from tests.e2e.conftest import Server
from tests.e2e.conftest import Tab
from tests.e2e.conftest import open_tab
from tests.e2e.conftest import running_server

pytestmark = pytest.mark.sqlite_only

GRAIN = "The grain export deal has been extended by 120 days."
BULK = "Port workers in Odesa have ended their strike."
BULK_REPORTS = 105  # the claim page embeds 100 attributions; the rest come through the cursor


@dataclass
class Story:
    server: Server
    grain_id: int
    bulk_id: int


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Story]:
    with running_server(tmp_path_factory.mktemp("e2e-story"), demo=False) as server:
        outlets = [
            ("ap", "Associated Press", "wire_agency"),
            ("daily-alpha", "Daily Alpha", "newspaper"),
            ("blog-charlie", "Blog Charlie", "online"),
            ("daily-bravo", "Daily Bravo", "newspaper"),
            ("daily-zulu", "Daily Zulu", "newspaper"),
            ("harbour-news", "Harbour News", "online"),
        ]
        for slug, name, kind in outlets:
            server.post_json("v1/outlets", {"slug": slug, "name": name, "kind": kind})

        def article(outlet: str, path: str, hour: int, minute: int = 0, day: int = 1) -> int:
            created = server.post_json(
                "v1/articles",
                {
                    "outlet": outlet,
                    "url": f"https://{outlet}.example/{path}",
                    "title": f"{outlet} on {path}",
                    "published_at": f"2025-06-{day:02d}T{hour:02d}:{minute:02d}:00Z",
                },
            )
            return int(created["id"])

        wire = article("ap", "grain", 8)
        alpha = article("daily-alpha", "grain", 9)
        charlie = article("blog-charlie", "grain", 10)
        bravo = article("daily-bravo", "grain", 9, 30)
        zulu = article("daily-zulu", "grain", 11)
        server.post_json(
            f"v1/articles/{alpha}/links",
            {"origin_article_id": wire, "relation": "syndicates", "reason": "AP wire copy"},
        )
        server.post_json(
            f"v1/articles/{charlie}/links",
            {"origin_article_id": alpha, "relation": "cites", "reason": "credits Daily Alpha"},
        )
        grain = server.post_json("v1/claims", {"text": GRAIN, "claimant": "Ministry of Trade"})
        for article_id, stance in [
            (alpha, "reports"),
            (charlie, "supports"),
            (bravo, "reports"),
            (zulu, "disputes"),
        ]:
            server.post_json(
                f"v1/claims/{grain['id']}/attributions",
                {"article_id": article_id, "stance": stance, "sourcing": "official"},
            )
        bulk = server.post_json("v1/claims", {"text": BULK})
        for index in range(BULK_REPORTS):
            article_id = article("harbour-news", f"strike-{index}", index // 60, index % 60, 2)
            server.post_json(f"v1/claims/{bulk['id']}/attributions", {"article_id": article_id})
        yield Story(server=server, grain_id=int(grain["id"]), bulk_id=int(bulk["id"]))


@pytest.fixture
def story_tab(browser: BrowserContext, story: Story) -> Iterator[Tab]:
    with open_tab(browser, story.server.base_url) as tab:
        yield tab


def test_a_disputed_claim_is_flagged_in_the_list(story_tab: Tab) -> None:
    page = story_tab.open("#/")
    first = page.locator("[data-claim-list] > li").first
    assert first.locator(".claim-card__text").inner_text() == GRAIN
    assert first.locator(".badge--disputes").inner_text() == "disputed by 1 outlet"
    assert first.locator(".bars").get_attribute("aria-label") == "3 outlets, 2 independent origins"
    # The earliest *reporting* article is Daily Alpha's copy: the AP original is not attributed.
    assert "First reported by Daily Alpha, 1 Jun 2025, 09:00 UTC" in first.inner_text()
    assert story_tab.problems == []


def test_chains_of_copies_group_under_their_root_and_disputes_are_not_counted(
    story: Story, story_tab: Tab
) -> None:
    page = story_tab.open(f"#/claims/{story.grain_id}")
    stats = page.locator(".stat .stat__value").all_inner_texts()
    assert stats == ["3", "2", "3", "1"]
    assert page.locator("[data-claim-summary]").inner_text() == (
        "3 outlets reported this claim, but Daily Alpha republished Associated Press and "
        "Blog Charlie cited Daily Alpha, so they come down to 2 independent origins."
    )
    groups = page.locator("tbody.origin-group")
    heads = groups.evaluate_all(
        """gs => gs.map(g => [
            g.dataset.originOutlet,
            g.querySelector('.origin-group__index').textContent,
            g.querySelector('.origin-group__details').textContent,
            [...g.querySelectorAll('tr.attribution')]
                .map(r => r.dataset.outlet + ':' + r.dataset.role),
        ])"""
    )
    assert heads == [
        [
            "ap",
            "Origin 1 of 2",
            "2 reports · 2 copies · the original report is not attributed to this claim",
            ["daily-alpha:copy", "blog-charlie:copy"],
        ],
        ["daily-bravo", "Origin 2 of 2", "1 report", ["daily-bravo:origin"]],
        ["daily-zulu", "Not counted", "1 report · disputes the claim", ["daily-zulu:origin"]],
    ]
    notes = page.locator("[data-copy-note]").all_inner_texts()
    assert notes == [
        "Syndicated copy of Associated Press: AP wire copy",
        "Cites Daily Alpha: credits Daily Alpha",
    ]
    stances = page.locator("td[data-label=Stance]").all_inner_texts()
    assert stances == ["reports", "supports", "reports", "disputes"]
    # The timeline counts the same way: Blog Charlie's rewrite adds an outlet, not an origin,
    # and Daily Zulu's dispute adds nothing.
    timeline = page.locator("[data-timeline] .data-table tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
    )
    assert timeline == [
        ["1 Jun 2025, 09:00 UTC (first report)", "Daily Alpha, Daily Bravo", "2", "2"],
        ["1 Jun 2025, 10:00 UTC", "Blog Charlie", "3", "2"],
    ]
    story_tab.screenshot("claim-copies-and-dispute.png")
    assert story_tab.problems == []


def test_more_attributions_come_through_the_cursor(story: Story, story_tab: Tab) -> None:
    page = story_tab.open(f"#/claims/{story.bulk_id}")
    rows = page.locator("tr.attribution")
    assert rows.count() == 100
    # 105 articles of one outlet are one independent origin, as the API counts them.
    assert page.locator(".origin-group__index").all_inner_texts() == ["ORIGIN 1 OF 1"]
    more = page.locator(".more button")
    assert more.inner_text() == "Show more attributions"
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"() => document.querySelectorAll('tr.attribution').length === {BULK_REPORTS}"
    )
    assert page.locator(".more button").count() == 0
    # Focus moves to the first report just loaded, the 101st.
    assert page.evaluate("document.activeElement.closest('tr').rowIndex") == 102  # + 2 head rows
    titles = rows.locator("td[data-label=Headline] a").evaluate_all(
        "links => links.map(a => a.firstChild.textContent)"
    )
    assert titles == [f"harbour-news on strike-{index}" for index in range(BULK_REPORTS)]
    assert story_tab.problems == []


def test_outlet_figures_follow_the_data(story_tab: Tab) -> None:
    page = story_tab.open("#/outlets/daily-alpha")

    def stats() -> list[str]:
        return [text.replace("\n", " ") for text in page.locator(".stat dd").all_inner_texts()]

    assert stats() == ["1", "1 100% of its claims", "1", "1 100% of its articles"]
    sources = page.locator("[data-copies-from] li").all_inner_texts()
    assert sources == ["Associated Press: 1 article (1 syndicated)"]
    story_tab.open("#/outlets/ap")
    assert stats() == ["0", "0", "1", "0 0% of its articles"]
    claims_panel = page.locator("[aria-labelledby=outlet-claims-title]")
    assert claims_panel.locator("p.muted").inner_text() == "No claims yet."
    story_tab.open("#/outlets/blog-charlie")
    assert stats() == ["1", "0 0% of its claims", "1", "1 100% of its articles"]
    assert page.locator(".article-item__meta").inner_text() == (
        "1 Jun 2025, 10:00 UTC · cites Daily Alpha"
    )
    assert page.locator("[data-copies-from] li").all_inner_texts() == [
        "Daily Alpha: 1 article (1 cited)"
    ]
    # Figures come from the outlet's profile, not from the lists the page shows: 105 articles
    # counted, the latest 20 listed.
    story_tab.open("#/outlets/harbour-news")
    assert stats() == ["1", "1 100% of its claims", "105", "0 0% of its articles"]
    titles = page.locator(".article-item > a").evaluate_all(
        "links => links.map(a => a.firstChild.textContent)"
    )
    assert titles == [f"harbour-news on strike-{index}" for index in range(104, 84, -1)]
    assert story_tab.problems == []
