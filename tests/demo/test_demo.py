"""The founding story, as the demo loads it."""

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import select

from app.core.unit_of_work import transaction
from app.demo import data
from app.demo.service import load
from app.tables import Attribution
from app.tables import Claim
from tests.assertions import assert_consistent


def _load(engine: Engine) -> None:
    with transaction(engine, write=True) as session:
        load(session)


def test_nato_claim_is_listed_first_with_three_outlets_and_two_origins(
    engine: Engine, client: TestClient
) -> None:
    _load(engine)
    body = client.get("/v1/claims").json()
    first = body["items"][0]
    assert first["text"].startswith("Vladimir Putin demands a written commitment")
    assert first["claimant"] == "Vladimir Putin"
    assert first["corroboration"]["outlets"] == 3
    assert first["corroboration"]["independent_origins"] == 2
    assert first["corroboration"]["articles"] == 3
    assert first["corroboration"]["disputing_outlets"] == 0
    assert first["corroboration"]["first_reported"]["outlet"] == "reuters"
    assert first["corroboration"]["first_reported"]["at"] == "2025-05-29T09:00:00Z"
    assert len(body["items"]) == len(data.CLAIMS)
    for claim in body["items"]:
        assert_consistent(client, claim["id"])


def test_japan_times_copy_is_collapsed_into_the_reuters_origin(
    engine: Engine, client: TestClient
) -> None:
    _load(engine)
    nato = client.get("/v1/claims").json()["items"][0]
    detail = client.get(f"/v1/claims/{nato['id']}").json()
    by_outlet = {a["outlet"]["slug"]: a for a in detail["attributions"]}
    assert sorted(by_outlet) == ["reuters", "the-japan-times", "the-moscow-times"]
    japan = by_outlet["the-japan-times"]
    assert japan["origin"]["relation"] == "syndicates"
    assert japan["origin"]["article"]["outlet"]["slug"] == "reuters"
    assert japan["origin"]["reason"].startswith("verbatim Reuters wire copy")
    assert japan["independent_origin"]["outlet"]["slug"] == "reuters"
    assert by_outlet["the-moscow-times"]["origin"] is None
    assert (
        by_outlet["the-moscow-times"]["independent_origin"]["outlet"]["slug"] == "the-moscow-times"
    )


def test_headlines_and_dates_follow_the_seed(engine: Engine, client: TestClient) -> None:
    _load(engine)
    articles = client.get("/v1/articles").json()["items"]
    titles = {a["outlet"]["slug"]: a["title"] for a in articles}
    assert titles == {
        "reuters": data.REUTERS_HEADLINE,
        "the-moscow-times": data.MOSCOW_TIMES_HEADLINE,
        "the-japan-times": data.REUTERS_HEADLINE,
    }
    assert data.REUTERS_HEADLINE == (
        "Putin\u2019s demands for peace include an end to NATO enlargement, sources say"
    )
    assert data.MOSCOW_TIMES_HEADLINE == (
        "Putin Wants End to NATO Expansion, Sanctions Relief for Peace in Ukraine"
    )
    assert {a["published_at"][:10] for a in articles} == {"2025-05-29"}
    kinds = {o["slug"]: o["kind"] for o in client.get("/v1/outlets").json()["items"]}
    assert kinds["reuters"] == "wire_agency"


def test_loading_twice_changes_nothing(engine: Engine) -> None:
    _load(engine)
    with transaction(engine, write=False) as session:
        before = (
            session.scalar(select(func.count()).select_from(Claim)),
            session.scalar(select(func.count()).select_from(Attribution)),
        )
    _load(engine)
    with transaction(engine, write=False) as session:
        after = (
            session.scalar(select(func.count()).select_from(Claim)),
            session.scalar(select(func.count()).select_from(Attribution)),
        )
    assert before == after == (10, 22)
