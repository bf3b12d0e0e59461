"""Features the explorer switches on from the API's OpenAPI schema: search and the timeline.

The API does not offer `q` or GET /v1/claims/{id}/timeline yet (the fact-checker issue adds them).
These tests serve the page a schema that has them and answer the timeline request with the shape
that issue describes, so the front-end half is checked now: the search box appears and sends `q`,
and the chart draws cumulative outlets and origins with the first report marked. Once the API has
both, tests against the real endpoints replace the stubbed answers.
"""

import copy
import json
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Locator, Page, Route

from tests.e2e.conftest import DASH, Server, Tab

pytestmark = pytest.mark.sqlite_only

TIMELINE_PATH = "/v1/claims/{claim_id}/timeline"

# The NATO claim's coverage per hour, as the fact-checker issue describes the timeline: per
# bucket the cumulative outlets and independent origins, the first report marked.
HOURLY = {
    "claim_id": 1,
    "bucket": "hour",
    "buckets": [
        {"start": "2025-05-29T09:00:00Z", "outlets": 1, "independent_origins": 1},
        {"start": "2025-05-29T10:00:00Z", "outlets": 1, "independent_origins": 1},
        {"start": "2025-05-29T11:00:00Z", "outlets": 1, "independent_origins": 1},
        {"start": "2025-05-29T12:00:00Z", "outlets": 2, "independent_origins": 2},
        {"start": "2025-05-29T13:00:00Z", "outlets": 2, "independent_origins": 2},
        {"start": "2025-05-29T14:00:00Z", "outlets": 2, "independent_origins": 2},
        {"start": "2025-05-29T15:00:00Z", "outlets": 3, "independent_origins": 2},
    ],
    "first_reported": {
        "at": "2025-05-29T09:00:00Z",
        "outlet": "reuters",
        "outlet_name": "Reuters",
        "article_id": 1,
    },
}
DAILY = {
    "claim_id": 1,
    "bucket": "day",
    "buckets": [
        {
            "start": "2025-05-29T00:00:00Z",
            "outlets": 3,
            "independent_origins": 2,
            "first_report": True,
        }
    ],
}


def extended_schema(server: Server) -> dict[str, Any]:
    """The real schema plus `q`, a `relevance` sort and the timeline path."""
    schema = copy.deepcopy(server.get_json("openapi.json"))
    assert isinstance(schema, dict)
    claims_list = schema["paths"]["/v1/claims"]["get"]
    claims_list["parameters"].insert(
        0, {"name": "q", "in": "query", "required": False, "schema": {"type": "string"}}
    )
    schema["components"]["schemas"]["ClaimSort"]["enum"].insert(0, "relevance")
    schema["paths"][TIMELINE_PATH] = {
        "get": {
            "operationId": "claims-timeline",
            "parameters": [
                {"name": "claim_id", "in": "path", "required": True, "schema": {"type": "integer"}},
                {
                    "name": "bucket",
                    "in": "query",
                    "required": False,
                    "schema": {"type": "string", "enum": ["hour", "day", "week"]},
                },
            ],
            "responses": {"200": {"description": "OK"}},
        }
    }
    return schema


def serve_schema(page: Page, schema: dict[str, Any]) -> None:
    page.route(
        re.compile(r".*/openapi\.json$"),
        lambda route: route.fulfill(content_type="application/json", body=json.dumps(schema)),
    )


def serve_timeline(page: Page, answers: dict[str, Any], requested: list[str]) -> None:
    def answer(route: Route) -> None:
        bucket = parse_qs(urlsplit(route.request.url).query).get("bucket", [""])[0]
        requested.append(bucket)
        route.fulfill(content_type="application/json", body=json.dumps(answers[bucket]))

    page.route(re.compile(r".*/v1/claims/1/timeline\?.*"), answer)


def cells(row: Locator) -> list[str]:
    return row.locator("td").evaluate_all("tds => tds.map(td => td.textContent)")


def test_search_box_sends_q_and_keeps_it_in_the_url(tab: Tab, server: Server) -> None:
    page = tab.page
    serve_schema(page, extended_schema(server))
    tab.open("#/")
    search = page.locator("input[data-search]")
    assert search.is_visible()
    assert page.locator("label[for=filter-q]").text_content() == "Search claims and quotes"
    search.fill("NATO enlargement")
    with page.expect_request(re.compile(r".*/v1/claims\?.*q=.*")) as request:
        search.press("Enter")
    query = parse_qs(urlsplit(request.value.url).query)
    assert query["q"] == ["NATO enlargement"]
    assert "sort" not in query  # the API ranks by relevance when searching
    tab.wait_ready()
    assert page.evaluate("location.hash") == "#/?q=NATO+enlargement"
    assert page.input_value("input[data-search]") == "NATO enlargement"
    # While searching, the default sort reads "Best match"; other orders can still be chosen.
    options = page.locator("#filter-sort option").all_inner_texts()
    assert options[:2] == ["Best match", "Most outlets"]
    assert page.title() == f"“NATO enlargement”{DASH}claims{DASH}Corroborate explorer"
    assert tab.problems == []


def test_timeline_chart_draws_cumulative_counts_with_the_first_report(
    tab: Tab, server: Server
) -> None:
    page = tab.page
    requested: list[str] = []
    serve_schema(page, extended_schema(server))
    serve_timeline(page, {"hour": HOURLY, "day": DAILY}, requested)
    tab.open("#/claims/1")
    chart = page.locator("[data-timeline] svg.chart")
    chart.wait_for()
    # A claim reported within a day is shown per hour by default.
    assert requested == ["hour"]
    assert chart.get_attribute("aria-label") == (
        "Coverage over time by hour: 3 outlets and 2 independent origins by 29 May 2025, 15:00 UTC."
    )
    assert chart.locator("path.chart__line").count() == 2
    assert chart.locator("circle.chart__dot--outlets").count() == 7
    marker = chart.locator(".chart__first")
    assert marker.get_attribute("data-first-report") == "2025-05-29T09:00:00.000Z"
    assert marker.locator("text").text_content() == "First report: Reuters"
    # The outlets line ends higher than the origins line: 3 outlets, 2 origins.
    ends = chart.locator("circle").evaluate_all(
        "cs => cs.filter((c, i, all) => i === all.length / 2 - 1 || i === all.length - 1)"
        ".map(c => Number(c.getAttribute('cy')))"
    )
    assert ends[0] < ends[1]
    # The numbers behind the chart, in a folded table for readers who cannot see it.
    rows = page.locator("[data-timeline] .data-table tbody tr")
    assert rows.count() == 7
    assert cells(rows.nth(0)) == [
        "29 May 2025, 09:00 UTC (first report)",
        "1",
        "1",
    ]
    assert cells(rows.nth(6)) == ["29 May 2025, 15:00 UTC", "3", "2"]
    tab.screenshot("claim-timeline-preview.png")

    page.select_option("#timeline-bucket", "day")
    page.wait_for_function("() => document.querySelectorAll('.data-table tbody tr').length === 1")
    assert requested == ["hour", "day"]
    assert cells(page.locator(".data-table tbody tr")) == [
        "29 May 2025, 00:00 UTC (first report)",
        "3",
        "2",
    ]
    assert tab.problems == []


def test_an_unreadable_timeline_is_reported_not_drawn(tab: Tab, server: Server) -> None:
    page = tab.page
    serve_schema(page, extended_schema(server))
    serve_timeline(page, {"hour": {"unexpected": True}}, [])
    tab.open("#/claims/1")
    status = page.locator("[data-timeline] [role=status]")
    status.wait_for()
    page.wait_for_function(
        "() => document.querySelector('[data-timeline] [role=status]').textContent !== ''"
    )
    assert status.text_content() == (
        "The timeline could not be shown: the timeline has no list of buckets"
    )
    assert page.locator("[data-timeline] svg").count() == 0
    # The rest of the claim page is unaffected.
    assert page.locator("tr.attribution").count() == 3
    assert tab.problems == []


def test_capabilities_are_read_from_the_schema(tab: Tab, server: Server) -> None:
    page = tab.open("#/")
    detect = """async (schema) => {
        const { detectCapabilities } = await import('./explorer/js/capabilities.js');
        return detectCapabilities(schema);
    }"""
    extended = page.evaluate(detect, extended_schema(server))
    assert extended == {
        "search": True,
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
    }
    assert page.evaluate(detect, {}) == {
        "search": False,
        "sorts": [],
        "timeline": False,
        "buckets": [],
    }
    assert tab.problems == []


def test_timeline_reader_accepts_the_plain_spellings_and_refuses_others(tab: Tab) -> None:
    page = tab.open("#/")
    read = """async (payload) => {
        const { readTimeline } = await import('./explorer/js/timeline.js');
        try {
            const t = readTimeline(payload, 'day');
            return t.points.map(p => [p.start.toISOString(), p.outlets, p.origins, p.first]);
        } catch (error) {
            return error.message;
        }
    }"""
    nested = [
        {"bucket_start": "2025-05-30T00:00:00Z", "cumulative": {"outlets": 3, "origins": 2}},
        {"bucket_start": "2025-05-29T00:00:00Z", "cumulative": {"outlets": 1, "origins": 1}},
    ]
    assert page.evaluate(read, nested) == [
        ["2025-05-29T00:00:00.000Z", 1, 1, False],
        ["2025-05-30T00:00:00.000Z", 3, 2, False],
    ]
    points = {
        "points": [{"at": "2025-05-29T00:00:00Z", "outlets": 2, "independent_origins": 1}],
        "first_reported": {"at": "2025-05-29T09:00:00Z", "outlet_name": "Reuters"},
    }
    assert page.evaluate(read, points) == [["2025-05-29T00:00:00.000Z", 2, 1, True]]
    missing = {"buckets": [{"start": "2025-05-29T00:00:00Z", "outlets": 2}]}
    assert (
        page.evaluate(read, missing)
        == "a timeline bucket has no cumulative independent origins count"
    )
    assert tab.problems == []
