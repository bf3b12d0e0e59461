"""POST /v1/ingest: find-or-create, claim linking, idempotency, errors, stated origins."""

from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import inspect
from sqlalchemy import text

from app.matching.hybrid import HybridMatcher
from tests.assertions import assert_consistent
from tests.assertions import assert_error
from tests.factories import T0
from tests.factories import Factory
from tests.ingest.test_seed import seed_payloads


def at(hours: float) -> str:
    return (T0 + timedelta(hours=hours)).isoformat()


def payload(
    slug: str = "daily",
    url: str = "https://daily.example/a",
    claims: list[dict[str, Any]] | None = None,
    **article: Any,
) -> dict[str, Any]:
    return {
        "outlet": {"slug": slug, "name": slug.title(), "domain": f"{slug}.example"},
        "article": {"url": url, "title": "A headline", "published_at": at(0), **article},
        "claims": claims if claims is not None else [{"text": "The mayor resigned on Monday."}],
    }


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table in the database, the full-text index included."""
    tables = sorted(inspect(engine).get_table_names())
    with engine.connect() as connection:
        return {
            table: sorted(
                (tuple(row) for row in connection.execute(text(f'SELECT * FROM "{table}"'))),
                key=repr,
            )
            for table in tables
        }


def test_creates_outlet_article_claims_and_counts(client: TestClient) -> None:
    response = client.post(
        "/v1/ingest",
        json=payload(
            claims=[
                {"text": "The mayor resigned on Monday.", "claimant": "City hall"},
                {"text": "The council will vote on the budget.", "stance": "disputes"},
            ]
        ),
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["outlet_created"], body["article_created"], body["changed"]) == (True, True, True)
    assert [c["action"] for c in body["claims"]] == ["created", "created"]
    assert body["origin"] is None
    outlet = client.get("/v1/outlets/daily").json()
    assert (outlet["id"], outlet["domain"]) == (body["outlet_id"], "daily.example")
    article = client.get(f"/v1/articles/{body['article_id']}").json()
    assert (article["url"], article["outlet"]["slug"]) == ("https://daily.example/a", "daily")
    first, second = (assert_consistent(client, c["claim_id"]) for c in body["claims"])
    assert (first["outlets"], first["articles"], first["disputing_outlets"]) == (1, 1, 0)
    assert (second["outlets"], second["disputing_outlets"]) == (0, 1)


def test_resending_any_payload_ten_times_changes_no_table(
    client: TestClient, engine: Engine
) -> None:
    first = [client.post("/v1/ingest", json=p).json() for p in seed_payloads()]
    before = snapshot(engine)
    assert [len(before[t]) for t in ("article", "attribution", "article_link")] == [3, 22, 1]
    for _ in range(10):
        for sent, original in zip(seed_payloads(), first, strict=True):
            response = client.post("/v1/ingest", json=sent)
            assert response.status_code == 200, response.text
            again = response.json()
            assert again["changed"] is False
            assert (again["outlet_id"], again["article_id"]) == (
                original["outlet_id"],
                original["article_id"],
            )
            assert [c["claim_id"] for c in again["claims"]] == [
                c["claim_id"] for c in original["claims"]
            ]
            assert [c["attribution_id"] for c in again["claims"]] == [
                c["attribution_id"] for c in original["claims"]
            ]
            assert {c["action"] for c in again["claims"]} == {"already_attributed"}
            assert again["origin"] == original["origin"]
    assert snapshot(engine) == before


def test_outlet_found_by_domain_and_article_by_canonical_url(client: TestClient) -> None:
    first = client.post("/v1/ingest", json=payload()).json()
    other_slug = payload(slug="daily", url="https://DAILY.example/a/?utm_source=x#top")
    other_slug["outlet"]["slug"] = "the-daily"
    response = client.post("/v1/ingest", json=other_slug)
    assert response.status_code == 200, response.text
    again = response.json()
    assert (again["outlet_id"], again["article_id"]) == (first["outlet_id"], first["article_id"])
    assert again["outlet_created"] is False
    assert again["claims"][0]["action"] == "already_attributed"


def test_new_claims_on_a_known_article_are_added(client: TestClient) -> None:
    first = client.post("/v1/ingest", json=payload()).json()
    more = payload(claims=[{"text": "The mayor resigned on Monday."}, {"text": "Rents rose 12%."}])
    response = client.post("/v1/ingest", json=more)
    assert response.status_code == 200
    body = response.json()
    assert [c["action"] for c in body["claims"]] == ["already_attributed", "created"]
    assert body["claims"][0]["claim_id"] == first["claims"][0]["claim_id"]
    assert body["changed"] is True


def test_claims_link_to_an_explicit_id_the_same_text_or_a_close_match(
    client: TestClient, factory: Factory
) -> None:
    explicit = factory.claim(text="Something else entirely.", claimant=None)
    same = factory.claim(text="The central bank raised interest rates to 5%.", claimant=None)
    close = factory.claim(
        text="Zelenskiy says Ukraine will never give up Crimea.", claimant="Volodymyr Zelenskiy"
    )
    body = client.post(
        "/v1/ingest",
        json=payload(
            claims=[
                {"text": "Whatever the text says.", "claim_id": explicit.id},
                {"text": "the central bank raised interest rates to 5%"},
                {
                    "text": "Zelensky said Ukraine would never give up Crimea.",
                    "claimant": "Volodymyr Zelensky",
                },
            ]
        ),
    ).json()
    outcomes = body["claims"]
    assert [(c["claim_id"], c["action"]) for c in outcomes] == [
        (explicit.id, "linked"),
        (same.id, "linked"),
        (close.id, "linked"),
    ]
    assert outcomes[0]["match"] is None
    assert outcomes[1]["match"] == {"claim_id": same.id, "score": 1.0, "signals": None}
    assert outcomes[2]["match"]["claim_id"] == close.id
    assert HybridMatcher.link <= outcomes[2]["match"]["score"] < 1


def test_between_the_thresholds_a_new_claim_comes_with_suggestions(
    client: TestClient, factory: Factory
) -> None:
    nato = factory.claim(
        text="Vladimir Putin demands a written halt to NATO enlargement.", claimant="Vladimir Putin"
    )
    factory.claim(text="Rents rose sharply in Lisbon.", claimant=None)
    body = client.post(
        "/v1/ingest",
        json=payload(
            claims=[
                {
                    "text": "Putin demands guarantees that NATO will stop expanding.",
                    "claimant": "Putin",
                }
            ]
        ),
    ).json()
    outcome = body["claims"][0]
    assert outcome["action"] == "created"
    assert outcome["claim_id"] != nato.id
    assert [s["claim_id"] for s in outcome["suggestions"]] == [nato.id]
    assert HybridMatcher.suggest <= outcome["suggestions"][0]["score"] < HybridMatcher.link
    assert outcome["suggestions"][0]["signals"]["semantic"] > 0.8


def test_near_misses_are_not_linked(client: TestClient, factory: Factory) -> None:
    factory.claim(text="Russia demands relief from Western sanctions.", claimant=None)
    factory.claim(text="The central bank raised interest rates to 5%.", claimant=None)
    body = client.post(
        "/v1/ingest",
        json=payload(
            claims=[
                {"text": "The EU extends its sanctions on Russia."},
                {"text": "The central bank cut interest rates to 4%."},
            ]
        ),
    ).json()
    assert [c["action"] for c in body["claims"]] == ["created", "created"]


def test_exact_mode_links_only_the_same_claim(client: TestClient, factory: Factory) -> None:
    close = factory.claim(text="Zelenskiy says Ukraine will never give up Crimea.", claimant=None)
    body = client.post(
        "/v1/ingest",
        json=payload(
            claims=[{"text": "Zelensky says Ukraine will never give up Crimea.", "match": "exact"}]
        ),
    ).json()
    assert body["claims"][0]["action"] == "created"
    assert body["claims"][0]["claim_id"] != close.id


def test_a_merged_claim_id_leads_to_the_claim_it_was_merged_into(
    client: TestClient, factory: Factory
) -> None:
    old, kept = factory.claim(), factory.claim()
    client.post(f"/v1/claims/{old.id}/merge", json={"into": kept.id})
    body = client.post(
        "/v1/ingest", json=payload(claims=[{"text": old.text, "claimant": old.claimant}])
    ).json()
    assert (body["claims"][0]["claim_id"], body["claims"][0]["action"]) == (kept.id, "linked")
    body = client.post(
        "/v1/ingest",
        json=payload(url="https://daily.example/b", claims=[{"text": "x", "claim_id": old.id}]),
    ).json()
    assert body["claims"][0]["claim_id"] == kept.id


def test_a_failing_claim_rolls_back_the_whole_call(client: TestClient, engine: Engine) -> None:
    before = snapshot(engine)
    bad = payload(claims=[{"text": "Fine."}, {"text": "Unknown id.", "claim_id": 2147483647}])
    assert_error(client.post("/v1/ingest", json=bad), 404, "not_found")
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    ("change", "location"),
    [
        (lambda p: p["article"].pop("url"), ["body", "article", "url"]),
        (lambda p: p["article"].update(url="ftp://x.example/a"), ["body", "article", "url"]),
        (lambda p: p["article"].update(published_at="2025-05-29T09:00:00"), None),
        (lambda p: p["outlet"].update(slug="Not A Slug"), ["body", "outlet", "slug"]),
        (lambda p: p["claims"].append({"text": "  "}), ["body", "claims", "1", "text"]),
        (lambda p: p["claims"].append({"text": "x", "stance": "maybe"}), None),
        (lambda p: p["claims"].extend([{"text": "x"}] * 201), ["body", "claims"]),
        (lambda p: p.update(surprise=1), ["body", "surprise"]),
        (lambda p: p.update(origin={"url": "https://a.example/x", "relation": "copies"}), None),
    ],
)
def test_invalid_payloads_are_422(client: TestClient, change: Any, location: Any) -> None:
    body = payload()
    change(body)
    error = assert_error(client.post("/v1/ingest", json=body), 422, "validation_error")
    if location is not None:
        assert error["details"][0]["loc"] == location


def test_an_article_url_stored_under_another_outlet_is_409(client: TestClient) -> None:
    client.post("/v1/ingest", json=payload())
    error = assert_error(
        client.post("/v1/ingest", json=payload(slug="other")), 409, "article_outlet_mismatch"
    )
    assert error["details"][0]["field"] == "article.url"


def test_stated_origin_is_recorded_and_must_exist(client: TestClient) -> None:
    wire = client.post("/v1/ingest", json=payload(slug="wire", url="https://wire.example/1"))
    copy = payload(url="https://daily.example/copy", published_at=at(2))
    copy["origin"] = {"url": "https://wire.example/1", "relation": "cites", "reason": "says so"}
    body = client.post("/v1/ingest", json=copy).json()
    assert body["origin"]["origin"]["id"] == wire.json()["article_id"]
    assert (body["origin"]["relation"], body["origin"]["provenance"]) == ("cites", "stated")
    assert body["origin"]["reason"] == "says so"
    assert client.post("/v1/ingest", json=copy).json()["changed"] is False

    missing = payload(url="https://daily.example/other")
    missing["origin"] = {"url": "https://wire.example/never", "relation": "cites"}
    error = assert_error(client.post("/v1/ingest", json=missing), 422, "origin_not_found")
    assert error["details"] == [{"field": "origin.url", "value": "https://wire.example/never"}]


def test_a_different_stated_origin_than_the_stored_one_is_409(client: TestClient) -> None:
    client.post("/v1/ingest", json=payload(slug="wire", url="https://wire.example/1"))
    client.post("/v1/ingest", json=payload(slug="agency", url="https://agency.example/1"))
    copy = payload(url="https://daily.example/copy", published_at=at(2))
    copy["origin"] = {"url": "https://wire.example/1", "relation": "syndicates"}
    client.post("/v1/ingest", json=copy)
    copy["origin"] = {"url": "https://agency.example/1", "relation": "syndicates"}
    error = assert_error(client.post("/v1/ingest", json=copy), 409, "origin_conflict")
    assert error["details"][0]["existing_origin_article_id"]


def test_a_copy_may_not_state_a_later_origin(client: TestClient) -> None:
    client.post(
        "/v1/ingest", json=payload(slug="wire", url="https://wire.example/1", published_at=at(5))
    )
    copy = payload(url="https://daily.example/copy", published_at=at(1))
    copy["origin"] = {"url": "https://wire.example/1", "relation": "syndicates"}
    assert_error(client.post("/v1/ingest", json=copy), 422, "copy_before_origin")
    assert client.get("/v1/articles", params={"outlet": "daily"}).json()["items"] == []
