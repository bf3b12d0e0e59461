"""The explorer in headless Chromium, against a real server with the demo (founding story) loaded.

Screenshots of every view go to tests/e2e/screenshots/ (ignored by git).
"""

import pytest
from playwright.sync_api import Page

from app.demo.data import CLAIMS
from app.demo.data import JAPAN_TIMES_URL
from app.demo.data import LINKS
from app.demo.data import MOSCOW_TIMES_URL
from app.demo.data import REUTERS_HEADLINE
from app.demo.data import REUTERS_URL
from tests.e2e.conftest import DASH
from tests.e2e.conftest import PHONE
from tests.e2e.conftest import Tab

pytestmark = pytest.mark.sqlite_only  # one real server is enough; the API suite covers PostgreSQL

NATO_CLAIM = CLAIMS[0]["text"]
COPY_REASON = LINKS[0]["reason"]


def tab_to(page: Page, selector: str, *, backwards: bool = False, limit: int = 80) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches `selector`."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never received focus after {limit} x {key}")


def focused(page: Page, expression: str) -> object:
    return page.evaluate(f"(() => {{ const el = document.activeElement; return {expression}; }})()")


def no_horizontal_overflow(page: Page) -> None:
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"page is {widths[0]}px wide in a {widths[1]}px viewport"


# ---- the claims list ---------------------------------------------------------------------------


def test_list_shows_the_nato_claim_first_with_3_outlets_and_2_origins(tab: Tab) -> None:
    page = tab.open("#/")
    cards = page.locator("[data-claim-list] > li")
    assert cards.count() == 10
    first = cards.nth(0)
    assert first.locator(".claim-card__text").inner_text() == NATO_CLAIM
    assert first.locator("[data-count=outlets]").inner_text() == "3"
    assert first.locator("[data-count=origins]").inner_text() == "2"
    assert first.locator(".bars").get_attribute("aria-label") == "3 outlets, 2 independent origins"
    meta = first.locator(".claim-card__meta").inner_text()
    assert meta == "Vladimir Putin · First reported by Reuters, 29 May 2025, 09:00 UTC"
    assert first.locator("time").get_attribute("datetime") == "2025-05-29T09:00:00Z"
    # Bars share one scale: 3 outlets fill the track, 2 origins two thirds of it.
    shares = first.locator(".bar").evaluate_all(
        "bars => bars.map(b => getComputedStyle(b).getPropertyValue('--share').trim())"
    )
    assert [round(float(share), 3) for share in shares] == [1.0, 0.667]
    assert page.locator("[data-summary]").inner_text() == "Showing 10 claims."
    assert page.title() == f"Claims by corroboration{DASH}Corroborate explorer"
    tab.screenshot("list.png")
    assert tab.problems == []


def test_filters_narrow_the_list_and_live_in_the_url(tab: Tab) -> None:
    page = tab.open("#/")
    page.select_option("#filter-outlet", "the-moscow-times")
    page.fill("#filter-min_outlets", "3")
    page.click("[data-filters] button[type=submit]:has-text('Apply')")
    page.wait_for_function("() => location.hash.includes('min_outlets=3')")
    tab.wait_ready()
    assert page.evaluate("location.hash") == "#/?outlet=the-moscow-times&min_outlets=3"
    texts = page.locator("[data-claim-list] .claim-card__text").all_inner_texts()
    assert texts == [CLAIMS[0]["text"], CLAIMS[1]["text"]]
    # Reloading the URL restores the same filters in the form.
    tab.open("#/?claimant=ukrainian%20government&since=2025-05-29&until=2025-05-29")
    assert page.input_value("#filter-claimant") == "ukrainian government"
    assert page.input_value("#filter-since") == "2025-05-29"
    texts = page.locator("[data-claim-list] .claim-card__text").all_inner_texts()
    assert texts == [CLAIMS[7]["text"]]
    tab.open("#/?since=2025-05-30")
    assert page.locator("[data-claim-list] .empty").inner_text() == (
        "No claims match these filters. Show all claims"
    )
    assert tab.problems == []


def test_more_follows_the_cursor_and_keeps_keyboard_focus(tab: Tab) -> None:
    page = tab.open("#/?limit=4&sort=-independent_origins")
    cards = page.locator("[data-claim-list] > li")
    assert cards.count() == 4
    assert page.locator("[data-summary]").inner_text() == "Showing 4 claims; more below."
    tab_to(page, ".more button")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('[data-claim-list] > li').length === 8")
    # Focus continues at the first newly loaded claim.
    assert focused(page, "el.closest('li').dataset.claimId") == "5"
    page.locator(".more button").click()
    page.wait_for_function(
        "() => document.querySelectorAll('[data-claim-list] > li').length === 10"
    )
    assert page.locator(".more button").count() == 0
    ids = cards.evaluate_all("cards => cards.map(card => Number(card.dataset.claimId))")
    assert ids == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert page.locator("[data-summary]").inner_text() == "Showing 10 claims."
    assert tab.problems == []


# ---- the claim page ----------------------------------------------------------------------------


def test_clicking_the_claim_opens_it_with_copies_grouped_under_their_origin(tab: Tab) -> None:
    page = tab.open("#/")
    page.locator("[data-claim-list] .claim-card__text").first.click()
    page.wait_for_function("() => location.hash === '#/claims/1'")
    tab.wait_ready()
    assert page.locator("h1").inner_text() == NATO_CLAIM
    assert page.title() == f"{NATO_CLAIM}{DASH}Corroborate explorer"
    stats = {
        tile.get_attribute("data-stat"): tile.locator(".stat__value").inner_text()
        for tile in page.locator(".stat").all()
    }
    assert stats == {
        "outlets": "3",
        "independent_origins": "2",
        "articles": "3",
        "disputing_outlets": "0",
    }
    assert page.locator("[data-claim-summary]").inner_text() == (
        "3 outlets reported this claim, but The Japan Times republished Reuters, "
        "so they come down to 2 independent origins."
    )

    rows = page.locator("tr.attribution")
    assert rows.count() == 3
    groups = page.locator("tbody.origin-group")
    assert groups.evaluate_all("gs => gs.map(g => g.dataset.originOutlet)") == [
        "reuters",
        "the-moscow-times",
    ]
    reuters = page.locator("tbody[data-origin-outlet=reuters]")
    head = reuters.locator(".origin-group__head")
    assert head.locator(".origin-group__index").text_content() == "Origin 1 of 2"
    assert head.locator(".origin-group__name").text_content() == "Reuters"
    assert head.locator(".origin-group__details").text_content() == "2 reports · 1 copy"
    assert reuters.locator("tr.attribution").evaluate_all(
        "rows => rows.map(r => [r.dataset.outlet, r.dataset.role])"
    ) == [["reuters", "origin"], ["the-japan-times", "copy"]]
    copy = reuters.locator("tr[data-outlet=the-japan-times]")
    assert copy.locator("[data-copy-note]").inner_text() == (
        f"Syndicated copy of Reuters: {COPY_REASON}"
    )
    assert copy.locator("td[data-label=Headline] a").first.get_attribute("href") == JAPAN_TIMES_URL
    assert copy.locator("td[data-label=Quote] q").inner_text() == REUTERS_HEADLINE
    assert copy.locator("td[data-label=Sourcing]").inner_text() == "anonymous"
    assert copy.locator("td[data-label=Stance]").inner_text() == "reports"
    assert copy.locator("td[data-label=Published]").inner_text() == "29 May 2025, 15:00 UTC"
    origin_row = reuters.locator("tr[data-outlet=reuters]")
    assert origin_row.locator("td[data-label=Headline] a").get_attribute("href") == REUTERS_URL
    assert origin_row.locator("[data-copy-note]").count() == 0
    moscow = page.locator("tbody[data-origin-outlet=the-moscow-times]")
    assert moscow.locator("td[data-label=Headline] a").get_attribute("href") == MOSCOW_TIMES_URL
    # Counts, grouped copies and the coverage timeline, in one screenshot.
    chart = page.locator("[data-timeline] svg.chart")
    assert chart.locator("circle.chart__dot--outlets").count() == 3
    assert page.locator("[data-method]").count() == 1
    tab.screenshot("claim.png")
    assert tab.problems == []


def test_an_unknown_claim_says_so(tab: Tab) -> None:
    page = tab.open("#/claims/999")
    assert page.locator("[role=alert] p").first.inner_text() == "Claim 999 not found."
    # The browser itself logs the API's 404; nothing else may go wrong.
    assert sorted(problem.split(" (")[0] for problem in tab.problems) == [
        f"HTTP 404: {tab.base_url}v1/claims/999",
        "console error: Failed to load resource: the server responded with a status of 404",
    ]


# ---- outlets ------------------------------------------------------------------------------------


def test_outlet_page_shows_what_it_reported_and_how_often_it_was_first(tab: Tab) -> None:
    page = tab.open("#/claims/1")
    page.locator("tr[data-outlet=the-japan-times] th a").click()
    page.wait_for_function("() => location.hash === '#/outlets/the-japan-times'")
    tab.wait_ready()

    def stats() -> dict[str | None, str]:
        return {
            tile.get_attribute("data-stat"): tile.locator("dd").inner_text().replace("\n", " ")
            for tile in page.locator(".stat").all()
        }

    assert page.locator("h1").inner_text() == "The Japan Times"
    assert stats() == {
        "claims": "10",
        "first": "0 0% of its claims",
        "articles": "1",
        "copies": "1 100% of its articles",
    }
    sources = page.locator("[data-copies-from] li")
    assert sources.all_inner_texts() == ["Reuters: 1 article (1 syndicated)"]
    assert sources.locator("a").get_attribute("href") == "#/outlets/reuters"
    article = page.locator(".article-item")
    assert article.locator(".article-item__meta").inner_text() == (
        "29 May 2025, 15:00 UTC · syndicated copy of Reuters"
    )
    tab.open("#/outlets/reuters")
    assert stats() == {
        "claims": "10",
        "first": "10 100% of its claims",
        "articles": "1",
        "copies": "0 0% of its articles",
    }
    assert page.locator("[data-claim-list] .badge--first").count() == 10
    assert page.locator("[data-copies-from]").count() == 0  # Reuters copies nobody
    tab.screenshot("outlet.png")
    tab.open("#/outlets/the-moscow-times")
    assert stats()["claims"] == "2"
    assert stats()["first"] == "0 0% of its claims"
    tab.open("#/outlets")
    names = page.locator(".outlets-table tbody th").all_inner_texts()
    assert names == ["Reuters", "The Japan Times", "The Moscow Times"]
    assert tab.problems == []


# ---- keyboard, phone, weight ----------------------------------------------------------------


def test_keyboard_alone_reaches_a_claim_and_its_sources(tab: Tab) -> None:
    page = tab.open("#/")
    page.keyboard.press("Tab")
    assert focused(page, "el.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert focused(page, "el.tagName") == "H1"
    tab_to(page, "a.claim-card__text")
    assert focused(page, "el.getAttribute('href')") == "#/claims/1"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#/claims/1'")
    tab.wait_ready()
    # The new view takes focus at its heading, so reading and tabbing start there.
    assert focused(page, "el.tagName + ' ' + el.textContent") == f"H1 {NATO_CLAIM}"
    tab_to(page, f"a[href='{JAPAN_TIMES_URL}']")
    tab_to(page, ".breadcrumb a", backwards=True)
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#/'")
    tab.wait_ready()
    assert focused(page, "el.tagName") == "H1"
    # Filters work from the keyboard too: type a minimum and press Enter.
    tab_to(page, "#filter-min_outlets")
    page.keyboard.type("3")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#/?min_outlets=3'")
    tab.wait_ready()
    assert page.locator("[data-claim-list] > li").count() == 2
    assert tab.problems == []


def test_phone_width_is_readable_without_sideways_scrolling(tab: Tab) -> None:
    page = tab.page
    page.set_viewport_size(PHONE)
    tab.open("#/")
    no_horizontal_overflow(page)
    claim_text = page.locator(".claim-card__text").first
    assert float(claim_text.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")) >= 16
    # Filters fold away on a phone so the claims come first.
    assert page.locator(".filters__more").get_attribute("open") is None
    tab.screenshot("list-phone.png")
    tab.open("#/claims/1")
    no_horizontal_overflow(page)
    # The attribution table becomes one card per report, each field labelled.
    assert page.locator(".attributions thead").evaluate("el => getComputedStyle(el).display") == (
        "none"
    )
    # ...and no field spills out of its place (text overlapping its neighbour).
    spilling = page.locator(".attributions td, .attributions th").evaluate_all(
        "cells => cells.filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.innerText)"
    )
    assert spilling == []
    box = page.locator("tr[data-outlet=the-japan-times]").bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= PHONE["width"]
    tab.screenshot("claim-phone.png")
    tab.open("#/outlets/reuters")
    no_horizontal_overflow(page)
    assert tab.problems == []


def test_the_page_is_light_and_entirely_self_hosted(tab: Tab) -> None:
    sizes: dict[str, int] = {}
    tab.page.on(
        "requestfinished",
        lambda request: sizes.__setitem__(request.url, request.sizes()["responseBodySize"]),
    )
    tab.open("#/")
    tab.page.wait_for_load_state("networkidle")
    assert all(url.startswith(tab.base_url) for url in sizes), sorted(sizes)
    assets = {url: size for url, size in sizes.items() if "/v1/" not in url}
    # No framework: the whole front end (HTML, CSS, JS, icon, schema aside) stays small.
    front_end = sum(size for url, size in assets.items() if not url.endswith("openapi.json"))
    assert front_end < 100_000, assets
    assert tab.problems == []


def test_an_invalid_filter_shows_the_apis_own_message(tab: Tab) -> None:
    page = tab.open("#/?min_outlets=-1")
    alert = page.locator("[role=alert] p").first
    assert alert.inner_text() == (
        "The service answered: invalid request: query.min_outlets: "
        "Input should be greater than or equal to 0 (validation_error)."
    )
    # The form still shows what was asked, to correct it.
    assert page.input_value("#filter-min_outlets") == "-1"
    # The browser itself logs the API's 422; nothing else may go wrong.
    assert sorted(problem.split("?")[0].split(" (")[0] for problem in tab.problems) == [
        f"HTTP 422: {tab.base_url}v1/claims",
        "console error: Failed to load resource: the server responded with a status of 422",
    ]
