"""Issue 18, end to end: the founding story from nothing but three outlets and their feeds.

The fixture site serves three pages written for this test from the story's facts (Reuters'
report, The Moscow Times' own report in other words, The Japan Times running the Reuters
copy). The crawler reads the feeds, fetches and extracts the pages, ingests them (the copy is
detected) and proposes claims from their quotes. Nothing is claimed before a person has looked:
the first claims wait in the review queue. A fact-checker accepts the proposals that say
Putin wants NATO's enlargement stopped; the matcher attaches the ones it is then sure of. The
NATO claim ends at 3 outlets and 2 independent origins.
"""

from collections.abc import Callable
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import select

from app.core.unit_of_work import transaction
from app.tables import Article
from app.tables import EntryState
from app.tables import FeedEntry
from tests.assertions import all_pages
from tests.assertions import assert_consistent
from tests.factories import Factory
from tests.feeds.server import Site

OUTLETS = [
    {"slug": "reuters", "name": "Reuters", "domain": "reuters.com", "kind": "wire_agency"},
    {"slug": "the-moscow-times", "name": "The Moscow Times", "domain": "themoscowtimes.com"},
    {"slug": "the-japan-times", "name": "The Japan Times", "domain": "japantimes.co.jp"},
]
PAGES = {
    "reuters": "/reuters/world/putin-demands-nato-enlargement",
    "moscow-times": "/moscowtimes/2025/05/29/putin-wants-end-to-nato-expansion",
    "japan-times": "/japantimes/news/2025/05/29/world/putin-demands-nato",
}


@pytest.fixture
def desk(make_app: Callable[..., FastAPI], factory: Factory) -> Iterator[TestClient]:
    """A fact-checking desk's client (same matcher as the crawler's)."""
    secret = factory.api_key(scopes=["read", "write", "admin"], name="desk")
    app = make_app(feeds_allow_private=True, matcher="lexical")
    with TestClient(app, headers={"Authorization": f"Bearer {secret}"}) as client:
        yield client


def _publish(site: Site) -> None:
    site.file("/robots.txt", "robots.txt")
    for name, path in PAGES.items():
        site.file(f"/feeds/{name}.xml", f"story/{name}.xml")
        site.file(path, f"story/{name}.html")


def _proposals(client: TestClient, status: str) -> list[dict[str, Any]]:
    return all_pages(client, "/v1/review", kind="claim_proposal", status=status)


def _about_nato_enlargement(item: dict[str, Any]) -> bool:
    """What the fact-checker reads in a proposal: Putin wants NATO's growth stopped."""
    text = item["proposed_claim"]["text"].lower()
    return "nato" in text and ("enlarg" in text or "expan" in text)


def test_three_feeds_to_the_nato_claim_at_3_outlets_2_origins(
    desk: TestClient, engine: Engine, site: Site, crawl: Callable[..., int]
) -> None:
    _publish(site)
    for outlet in OUTLETS:
        assert desk.post("/v1/outlets", json=outlet).status_code == 201
    for slug, feed in zip(["reuters", "the-moscow-times", "the-japan-times"], PAGES, strict=True):
        response = desk.post(
            f"/v1/outlets/{slug}/feeds", json={"url": f"{site.base}/feeds/{feed}.xml"}
        )
        assert response.status_code == 201, response.text

    crawl()

    with transaction(engine, write=False) as session:
        entries = list(session.scalars(select(FeedEntry)))
        articles = {a.url: a for a in session.scalars(select(Article))}
    assert [e.state for e in entries] == [EntryState.fetched] * 3
    assert all(e.error is None for e in entries)
    japan = articles[f"{site.base}{PAGES['japan-times']}"]
    reuters = articles[f"{site.base}{PAGES['reuters']}"]
    link = desk.get(f"/v1/articles/{japan.id}").json()["origin"]
    assert link["origin"]["id"] == reuters.id  # the copy was detected on ingest

    # No claim existed, so the matcher was sure of nothing: every quote waits for a person.
    assert desk.get("/v1/claims").json()["items"] == []
    pending = _proposals(desk, "pending")
    assert {p["article"]["outlet"]["slug"] for p in pending} == {o["slug"] for o in OUTLETS}
    assert all(p["proposed_claim"]["quote"] for p in pending)

    # The fact-checker accepts what says Putin wants NATO's enlargement stopped, one at a time
    # (each acceptance may settle others: the matcher attaches what it is then sure of).
    accepted = 0
    while nato := [p for p in _proposals(desk, "pending") if _about_nato_enlargement(p)]:
        response = desk.post(f"/v1/review/{nato[0]['id']}/accept")
        assert response.status_code == 200, response.text
        assert response.json()["target_claim"] is not None
        accepted += 1
    by_matcher = [p for p in _proposals(desk, "accepted") if p["decided_by"] == "matcher"]
    # Once one outlet's words were a claim, the matcher was sure of the other outlets' and
    # attached them without a person (which outlet a person accepted first does not matter).
    assert len({p["article"]["outlet"]["slug"] for p in by_matcher}) >= 2
    assert accepted >= 1

    claims = all_pages(desk, "/v1/claims", sort="-outlets")
    top = claims[0]
    assert "NATO" in top["text"]
    counts = assert_consistent(desk, top["id"])
    assert (counts["outlets"], counts["independent_origins"]) == (3, 2)
    attributions = all_pages(desk, f"/v1/claims/{top['id']}/attributions")
    assert {a["outlet"]["slug"] for a in attributions} == {o["slug"] for o in OUTLETS}
    assert all(a["quote"] for a in attributions)  # each with the outlet's own words

    # The proposals not about NATO's enlargement are still waiting, untouched.
    assert [p for p in _proposals(desk, "pending") if not _about_nato_enlargement(p)]
