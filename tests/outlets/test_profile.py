"""GET /v1/outlets/{slug}: the outlet's profile as a source."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.core.unit_of_work import transaction
from app.demo.service import load
from tests.factories import T0
from tests.factories import Factory


def at(hours: float) -> str:
    return (T0 + timedelta(hours=hours)).isoformat()


def profile(client: TestClient, slug: str) -> dict:  # type: ignore[type-arg]
    response = client.get(f"/v1/outlets/{slug}")
    assert response.status_code == 200, response.text
    body: dict = response.json()["profile"]  # type: ignore[type-arg]
    return body


def test_demo_profiles(client: TestClient, engine: Engine) -> None:
    with transaction(engine, write=True) as session:
        load(session)
    assert profile(client, "reuters") == {
        "articles": 1,
        "claims_reported": 10,
        "first_reports": 10,
        "copies": 0,
        "copy_share": 0.0,
        "copies_from": [],
    }
    japan = profile(client, "the-japan-times")
    assert (japan["claims_reported"], japan["first_reports"], japan["copy_share"]) == (10, 0, 1.0)
    assert [
        (s["outlet"]["slug"], s["copies"], s["syndicates"], s["cites"])
        for s in japan["copies_from"]
    ] == [("reuters", 1, 1, 0)]
    moscow = profile(client, "the-moscow-times")
    assert (moscow["claims_reported"], moscow["first_reports"], moscow["copies"]) == (2, 0, 0)


def test_profile_counts(client: TestClient, factory: Factory) -> None:
    paper, wire, agency = factory.outlet(), factory.outlet(), factory.outlet()
    wire_stories = [factory.article(wire, published_at=at(i)) for i in range(3)]
    agency_story = factory.article(agency, published_at=at(0))
    own = factory.article(paper, published_at=at(0))
    copies = [factory.article(paper, published_at=at(5 + i)) for i in range(5)]
    factory.link(copies[0], wire_stories[0], "syndicates")
    factory.link(copies[1], wire_stories[1], "syndicates")
    factory.link(copies[2], wire_stories[2], "cites")
    factory.link(copies[3], agency_story, "syndicates")
    factory.link(copies[4], own, "cites")  # an update of its own story: not "copies from"
    first, second, disputed = factory.claim(), factory.claim(), factory.claim()
    factory.attribute(first, own)  # first to report
    factory.attribute(first, wire_stories[1])
    factory.attribute(second, wire_stories[0])
    factory.attribute(second, copies[0])
    factory.attribute(second, copies[1])
    factory.attribute(disputed, copies[2], stance="disputes")
    body = profile(client, paper.slug)
    assert {k: v for k, v in body.items() if k != "copies_from"} == {
        "articles": 6,
        "claims_reported": 2,
        "first_reports": 1,
        "copies": 5,
        "copy_share": 0.8333,
    }
    assert [
        (s["outlet"]["slug"], s["copies"], s["syndicates"], s["cites"]) for s in body["copies_from"]
    ] == [(wire.slug, 3, 2, 1), (agency.slug, 1, 1, 0)]
    assert profile(client, wire.slug)["first_reports"] == 1
