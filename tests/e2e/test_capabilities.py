"""What the explorer offers once the API has it: the search box (`q`), the coverage timeline and
counts as of a chosen time (`as_of`), all against the real API of a server with the demo loaded.
"""

import copy
import json
import re
from typing import Any
from urllib.parse import parse_qs
from urllib.parse import quote
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Locator
from playwright.sync_api import Page
from playwright.sync_api import Response

from app.demo.data import CLAIMS
from tests.e2e.conftest import DASH
from tests.e2e.conftest import Server
from tests.e2e.conftest import Tab

pytestmark = pytest.mark.sqlite_only

NATO_CLAIM = CLAIMS[0]["text"]
HALT_CLAIM = CLAIMS[2]["text"]  # "A halt to NATO enlargement would bar Ukraine, ..."
SANCTIONS_CLAIM = CLAIMS[1]["text"]
CLAIMS_REQUEST = re.compile(r".*/v1/claims(\?.*)?$")


def search(tab: Tab, text: str) -> Response:
    """Type `text` into the search box, press Enter, and wait for the list it asked for."""
    page = tab.page
    page.fill("input[data-search]", text)
    with page.expect_response(CLAIMS_REQUEST) as response:
        page.press("input[data-search]", "Enter")
    tab.wait_ready()
    return response.value


def listed_texts(page: Page) -> list[str]:
    return page.locator("[data-claim-list] .claim-card__text").all_inner_texts()


def listed_ids(page: Page) -> list[int]:
    return page.locator("[data-claim-list] > li.claim-card").evaluate_all(
        "cards => cards.map(card => Number(card.dataset.claimId))"
    )


def cells(row: Locator) -> list[str]:
    return row.locator("td").evaluate_all("tds => tds.map(td => td.textContent)")


def stats(page: Page) -> dict[str | None, str]:
    return {
        tile.get_attribute("data-stat"): tile.locator(".stat__value").inner_text()
        for tile in page.locator(".stat").all()
    }


# ---- search --------------------------------------------------------------------------------------


def test_search_box_finds_the_nato_claim(tab: Tab) -> None:
    page = tab.open("#/")
    box = page.locator("input[data-search]")
    assert page.locator("label[for=filter-q]").text_content() == "Search claims and quotes"
    assert box.get_attribute("maxlength") == "500"  # the API's own limit on `q`

    response = search(tab, "written commitment")
    query = parse_qs(urlsplit(response.url).query)
    assert query["q"] == ["written commitment"]
    assert "sort" not in query  # the API ranks a search by relevance by default
    assert page.evaluate("location.hash") == "#/?q=written+commitment"
    assert listed_texts(page) == [NATO_CLAIM]
    assert page.locator("[data-summary]").inner_text() == (
        "Showing 1 claim matching “written commitment”."
    )
    # While searching, the default sort reads "Best match"; other orders can still be chosen.
    options = page.locator("#filter-sort option").all_inner_texts()
    assert options[:2] == ["Best match", "Most outlets"]
    assert page.title() == f"“written commitment”{DASH}claims{DASH}Corroborate explorer"

    # Several words: every one is required, best match first (the claim that is about NATO
    # enlargement and little else ranks above the longer NATO claim).
    search(tab, "NATO enlargement")
    assert listed_texts(page) == [HALT_CLAIM, NATO_CLAIM]
    first = page.locator("[data-claim-list] > li").nth(1)
    assert first.locator("[data-count=outlets]").inner_text() == "3"
    assert first.locator("[data-count=origins]").inner_text() == "2"
    tab.screenshot("search.png")

    # Quotes are searched too: The Moscow Times headline quoted on the sanctions claim names NATO.
    search(tab, "Putin NATO")
    assert listed_texts(page) == [NATO_CLAIM, SANCTIONS_CLAIM]

    # The found claim opens like any other.
    search(tab, "eastward")
    with page.expect_response(re.compile(r".*/v1/claims/1$")):
        page.locator("[data-claim-list] .claim-card__text").click()
    tab.wait_ready()
    assert page.evaluate("location.hash") == "#/claims/1"
    assert page.locator("h1").inner_text() == NATO_CLAIM
    assert tab.problems == []


HOSTILE = [
    '"',
    '"unbalanced phrase',
    "NEAR(NATO enlargement)",
    "NATO OR 1=1; DROP TABLE claim; --",
    "<img src=x onerror=alert(1)>",
    "*",
    "-NATO",
    "text:NATO ^2",
    "\\",
    "%E0%A4%A 100%",
    "#/claims/1",
    "&sort=bogus&limit=0",
    "ناتو \u202e 🚀 NATO",
]


def test_hostile_input_in_the_search_box_never_breaks_the_page(tab: Tab, server: Server) -> None:
    page = tab.page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.open("#/")
    for text in [*HOSTILE, "NATO " * 120]:
        # The box holds at most the API's 500 characters; the query is the text, trimmed.
        typed = text[:500].strip()
        response = search(tab, text)
        # The API, the URL and the redrawn box all carry the text intact...
        assert parse_qs(urlsplit(response.url).query)["q"] == [typed]
        in_url = page.evaluate("new URLSearchParams(location.hash.split('?')[1]).get('q')")
        assert in_url == typed
        assert page.input_value("input[data-search]") == typed
        # ...and the list is exactly the API's answer to it.
        expected = server.get_json(f"v1/claims?limit=25&q={quote(typed)}")
        assert listed_ids(page) == [item["id"] for item in expected["items"]], text
        if not expected["items"]:
            assert page.locator("[data-claim-list] .empty").inner_text() == (
                f"No claims match “{typed}”. Show all claims"
            )
        assert page.title().endswith(f"claims{DASH}Corroborate explorer")
    # Nothing typed became markup or script.
    assert page.locator("main img").count() == 0
    assert dialogs == []
    assert tab.problems == []


def test_search_terms_from_a_link_are_handled_like_typed_ones(tab: Tab) -> None:
    # "relevance" without a search is not an order the API accepts: the list falls back.
    page = tab.open("#/?sort=relevance")
    assert listed_ids(page) == list(range(1, 11))
    # Malformed escapes in a shared link are read leniently, as text.
    page = tab.open("#/?q=%E0%A4%A%25")
    assert page.input_value("input[data-search]") == "\ufffd%A%"
    assert tab.problems == []
    # Longer than the API allows: the API's message, and the text still in the box to shorten.
    long_query = "a" * 501
    tab.open(f"#/?q={long_query}")
    assert page.locator("[role=alert] p").first.inner_text() == (
        "The service answered: invalid request: query.q: "
        "String should have at most 500 characters (validation_error)."
    )
    assert page.input_value("input[data-search]") == long_query
    assert sorted(problem.split("?")[0].split(" (")[0] for problem in tab.problems) == [
        f"HTTP 422: {tab.base_url}v1/claims",
        "console error: Failed to load resource: the server responded with a status of 422",
    ]


# ---- the coverage timeline -----------------------------------------------------------------------


def test_claim_page_charts_cumulative_outlets_and_origins_with_the_first_report(tab: Tab) -> None:
    page = tab.page
    buckets: list[str] = []
    page.on(
        "request",
        lambda request: (
            buckets.append(parse_qs(urlsplit(request.url).query)["bucket"][0])
            if "/timeline?" in request.url
            else None
        ),
    )
    tab.open("#/claims/1")
    chart = page.locator("[data-timeline] svg.chart")
    # A claim reported within a day is shown per hour by default.
    assert buckets == ["hour"]
    assert page.input_value("#timeline-bucket") == "hour"
    assert chart.get_attribute("aria-label") == (
        "Coverage over time per hour: 3 outlets and 2 independent origins "
        "by 29 May 2025, 16:00 UTC."
    )
    assert chart.locator("path.chart__line").count() == 2
    marker = chart.locator(".chart__first")
    assert marker.get_attribute("data-first-report") == "2025-05-29T09:00:00.000Z"
    assert marker.locator("text").text_content() == "First report: Reuters"

    def heights(kind: str) -> list[float]:
        return chart.locator(f"circle.chart__dot--{kind}").evaluate_all(
            "cs => cs.map(c => Number(c.getAttribute('cy')))"
        )

    # Reuters at 09:00, The Moscow Times at 12:00 (a second origin), The Japan Times at 15:00
    # (a copy of Reuters: one more outlet, no new origin). Lower cy is higher on the chart.
    outlets, origins = heights("outlets"), heights("origins")
    assert outlets[0] > outlets[1] > outlets[2]
    assert origins == [outlets[0], outlets[1], outlets[1]]
    # The numbers behind the chart, in a folded table for readers who cannot see it.
    rows = page.locator("[data-timeline] .data-table tbody tr")
    assert [cells(rows.nth(index)) for index in range(rows.count())] == [
        ["29 May 2025, 09:00 UTC (first report)", "Reuters", "1", "1"],
        ["29 May 2025, 12:00 UTC", "The Moscow Times", "2", "2"],
        ["29 May 2025, 15:00 UTC", "The Japan Times", "3", "2"],
    ]
    # The chart ends where the claim's counts are.
    assert stats(page)["outlets"] == "3"
    assert stats(page)["independent_origins"] == "2"

    page.select_option("#timeline-bucket", "week")
    page.wait_for_function("() => document.querySelectorAll('.data-table tbody tr').length === 1")
    assert buckets == ["hour", "week"]
    assert cells(page.locator(".data-table tbody tr")) == [
        "26 May 2025, 00:00 UTC (first report)",  # ISO weeks start on Monday
        "Reuters, The Moscow Times, The Japan Times",
        "3",
        "2",
    ]
    assert chart.locator("circle.chart__dot--outlets").count() == 1
    assert tab.problems == []


def test_a_timeline_the_service_cannot_give_is_reported_not_drawn(tab: Tab) -> None:
    page = tab.page
    failure = {"error": {"code": "unavailable", "message": "database is busy", "details": []}}
    page.route(
        re.compile(r".*/v1/claims/1/timeline\?.*"),
        lambda route: route.fulfill(
            status=503, content_type="application/json", body=json.dumps(failure)
        ),
    )
    tab.open("#/claims/1")
    status = page.locator("[data-timeline] [role=status]")
    assert status.text_content() == "The timeline could not be shown: database is busy"
    assert page.locator("[data-timeline] svg").count() == 0
    # The rest of the claim page is unaffected.
    assert page.locator("tr.attribution").count() == 3
    assert sorted(problem.split("?")[0].split(" (")[0] for problem in tab.problems) == [
        f"HTTP 503: {tab.base_url}v1/claims/1/timeline",
        "console error: Failed to load resource: the server responded with a status of 503",
    ]


# ---- counts as of a chosen time --------------------------------------------------------------


def test_as_of_recounts_the_claim_at_a_chosen_time(tab: Tab, server: Server) -> None:
    page = tab.open("#/claims/1")
    method = page.locator("[data-method]")
    assert method.inner_text() == (
        "Method: collapse=syndicates,cites · counted now · version 1 · explanation (JSON)"
    )

    page.fill("#as-of", "2025-05-29T12:00")
    with page.expect_response(re.compile(r".*/v1/claims/1\?as_of=.*")):
        page.click("[data-as-of] button[type=submit]")
    tab.wait_ready()
    assert page.evaluate("location.hash") == "#/claims/1?as_of=2025-05-29T12%3A00%3A00Z"
    # Reuters at 09:00 and The Moscow Times at 12:00; The Japan Times' 15:00 copy came later.
    assert stats(page) == {
        "outlets": "2",
        "independent_origins": "2",
        "articles": "2",
        "disputing_outlets": "0",
    }
    assert page.locator("[data-claim-summary]").inner_text() == (
        "By 29 May 2025, 12:00 UTC, 2 outlets had reported this claim, each independently."
    )
    assert method.inner_text() == (
        "Method: collapse=syndicates,cites · as_of=2025-05-29T12:00:00Z "
        "(articles published by then) · version 1 · explanation (JSON)"
    )
    # The explanation link asks the API the same question and gets the same numbers.
    explanation = method.locator("[data-explanation]").get_attribute("href")
    assert explanation is not None
    explained = server.get_json(explanation.removeprefix(tab.base_url))
    assert explained["corroboration"]["outlets"] == 2
    assert explained["corroboration"]["method"]["as_of"] == "2025-05-29T12:00:00Z"
    # What counted then is listed; the later copy is not, and the page says why.
    rows = page.locator("tr.attribution")
    assert rows.evaluate_all("rows => rows.map(r => r.dataset.outlet)") == [
        "reuters",
        "the-moscow-times",
    ]
    assert page.locator("[data-later-note]").inner_text() == (
        "Reports published after 29 May 2025, 12:00 UTC are not listed: they did not count by then."
    )
    timeline = page.locator("[data-timeline] .data-table tbody tr")
    assert timeline.count() == 2
    assert page.input_value("#as-of") == "2025-05-29T12:00"
    tab.screenshot("claim-as-of.png")

    # A date means the end of that UTC day: before the story broke, nobody had reported it.
    tab.open("#/claims/1?as_of=2025-05-28")
    assert stats(page)["outlets"] == "0"
    assert page.locator("[data-claim-summary]").inner_text() == (
        "No outlet had reported this claim by 28 May 2025, 23:59 UTC."
    )
    assert page.locator("tr.attribution").count() == 0
    assert page.locator("[data-timeline] [role=status]").inner_text() == (
        "No reports by then, so no timeline."
    )

    with page.expect_response(re.compile(r".*/v1/claims/1$")):
        page.click("[data-as-of-now]")
    tab.wait_ready()
    assert page.evaluate("location.hash") == "#/claims/1"
    assert stats(page)["outlets"] == "3"
    assert page.locator("[data-later-note]").is_hidden()
    assert tab.problems == []

    # A malformed time from a link: the API's words and a way back.
    tab.open("#/claims/1?as_of=yesterday")
    alert = page.locator("[role=alert] p").first.inner_text()
    assert alert.startswith("The service answered: invalid request: query.as_of: ")
    assert page.locator("main a[href='#/claims/1']").inner_text() == (
        "Show this claim's counts now"
    )
    assert sorted(problem.split("?")[0].split(" (")[0] for problem in tab.problems) == [
        f"HTTP 422: {tab.base_url}v1/claims/1",
        "console error: Failed to load resource: the server responded with a status of 422",
    ]


# ---- capability detection ------------------------------------------------------------------------


def test_capabilities_are_read_from_the_schema(tab: Tab, server: Server) -> None:
    page = tab.open("#/")
    detect = """async (schema) => {
        const { detectCapabilities } = await import('./explorer/js/capabilities.js');
        return detectCapabilities(schema);
    }"""
    schema = server.get_json("openapi.json")
    assert page.evaluate(detect, schema) == {
        "search": True,
        "searchMax": 500,
        "sorts": [
            "relevance",
            "-outlets",
            "-independent_origins",
            "first_reported_at",
            "-first_reported_at",
            "-last_reported_at",
        ],
        "timeline": True,
        "buckets": ["hour", "day", "week"],
        "asOf": True,
        "live": True,
        "feeds": True,
        "feedEnable": True,
    }
    # A service without search, timeline or as_of (the foundation's API) gets the plain explorer.
    plain: dict[str, Any] = copy.deepcopy(schema)
    del plain["paths"]["/v1/claims/{claim_id}/timeline"]
    for path in ["/v1/claims", "/v1/claims/{claim_id}"]:
        operation = plain["paths"][path]["get"]
        operation["parameters"] = [
            parameter
            for parameter in operation["parameters"]
            if parameter["name"] not in {"q", "as_of"}
        ]
    found = page.evaluate(detect, plain)
    assert (found["search"], found["searchMax"], found["timeline"], found["asOf"]) == (
        False,
        None,
        False,
        False,
    )
    assert found["buckets"] == []
    assert page.evaluate(detect, {}) == {
        "search": False,
        "searchMax": None,
        "sorts": [],
        "timeline": False,
        "buckets": [],
        "asOf": False,
        "live": False,
        "feeds": False,
        "feedEnable": False,
    }
    assert tab.problems == []
