"""GET /v1/claims/{id}/claimreview: valid schema.org JSON-LD, and the export/import round trip."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import text

from app.core.columns import metadata
from app.core.migrations import UNMODELLED_TABLES
from app.core.unit_of_work import transaction
from app.demo import data
from app.demo.service import load
from tests.assertions import all_pages
from tests.assertions import assert_error
from tests.factories import Factory
from tests.reviews.jsonld import SCHEMA
from tests.reviews.jsonld import check_node
from tests.reviews.jsonld import expand
from tests.reviews.jsonld import values

REVIEW = {
    "publisher": {"name": "Factcheck Example", "site": "factcheck.example"},
    "url": "https://factcheck.example/nato-demands",
    "title": "Yes, Putin's terms include a halt to NATO enlargement",
    "review_date": "2025-05-30",
    "textual_rating": "Accurate",
    "rating_value": 5,
    "best_rating": 5,
    "worst_rating": 1,
    "language": "en",
}


@pytest.fixture
def nato(engine: Engine, client: TestClient) -> int:
    with transaction(engine, write=True) as session:
        load(session)
    claim_id: int = client.get("/v1/claims", params={"limit": 1}).json()["items"][0]["id"]
    return claim_id


def export(client: TestClient, claim_id: int) -> dict[str, Any]:
    response = client.get(f"/v1/claims/{claim_id}/claimreview")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/ld+json"
    body: dict[str, Any] = response.json()
    return body


def test_nato_export_is_valid_json_ld_with_three_appearances(client: TestClient, nato: int) -> None:
    document = export(client, nato)
    assert document["@context"] == "https://schema.org"
    assert document["@type"] == "Claim"  # no review yet
    (claim,) = expand(document)
    assert claim["@type"] == [SCHEMA + "Claim"]
    assert check_node(claim) == []
    assert values(claim, "text") == [data.CLAIMS[0]["text"]]
    assert values(claim, "datePublished") == ["2025-05-29"]  # no claim date: its first report
    (author,) = claim[SCHEMA + "author"]
    assert values(author, "name") == ["Vladimir Putin"]
    appearances = claim[SCHEMA + "appearance"]
    assert len(appearances) == 3
    for work in appearances:
        assert work["@type"] == [SCHEMA + "CreativeWork"]
        (publisher,) = work[SCHEMA + "publisher"]
        assert publisher["@type"] == [SCHEMA + "Organization"]
    assert [values(w, "url")[0] for w in appearances] == [
        data.REUTERS_URL,
        data.MOSCOW_TIMES_URL,
        data.JAPAN_TIMES_URL,
    ]
    assert [values(w[SCHEMA + "publisher"][0], "name")[0] for w in appearances] == [
        "Reuters",
        "The Moscow Times",
        "The Japan Times",
    ]
    (first,) = claim[SCHEMA + "firstAppearance"]
    assert values(first, "url") == values(appearances[0], "url")
    assert values(first[SCHEMA + "publisher"][0], "name") == ["Reuters"]
    assert values(first, "datePublished") == ["2025-05-29T09:00:00Z"]
    assert values(first, "headline") == [data.REUTERS_HEADLINE]


def test_one_review_exports_a_claim_review(client: TestClient, nato: int) -> None:
    created = client.post(f"/v1/claims/{nato}/reviews", json=REVIEW)
    assert created.status_code == 201, created.text
    document = export(client, nato)
    assert (document["@context"], document["@type"]) == ("https://schema.org", "ClaimReview")
    assert document["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Accurate",
    }
    assert document["author"] == {
        "@type": "Organization",
        "name": "Factcheck Example",
        "url": "https://factcheck.example",
    }
    (review,) = expand(document)
    assert review["@type"] == [SCHEMA + "ClaimReview"]
    assert check_node(review) == []
    assert values(review, "claimReviewed") == [data.CLAIMS[0]["text"]]
    assert values(review, "url") == ["https://factcheck.example/nato-demands"]
    assert values(review, "datePublished") == ["2025-05-30"]
    assert values(review, "inLanguage") == ["en"]
    (item,) = review[SCHEMA + "itemReviewed"]
    assert item["@type"] == [SCHEMA + "Claim"]
    assert len(item[SCHEMA + "appearance"]) == 3
    (rating,) = review[SCHEMA + "reviewRating"]
    assert rating["@type"] == [SCHEMA + "Rating"]
    assert values(rating, "ratingValue") == [5]


def test_several_reviews_export_a_graph(client: TestClient, nato: int) -> None:
    client.post(f"/v1/claims/{nato}/reviews", json=REVIEW)
    second = {
        **REVIEW,
        "url": "https://other-check.example/nato",
        "publisher": {"name": "Other Check"},
        "textual_rating": "Correct",
        "rating_value": None,
        "best_rating": None,
        "worst_rating": None,
        "language": None,
        "title": None,
    }
    assert client.post(f"/v1/claims/{nato}/reviews", json=second).status_code == 201
    document = export(client, nato)
    assert set(document) == {"@context", "@graph"}
    assert [node["@type"] for node in document["@graph"]] == ["ClaimReview", "ClaimReview"]
    assert document["@graph"][1]["reviewRating"] == {"@type": "Rating", "alternateName": "Correct"}
    assert document["@graph"][1]["author"] == {"@type": "Organization", "name": "Other Check"}
    expanded = expand(document)
    assert [node["@type"] for node in expanded] == [[SCHEMA + "ClaimReview"]] * 2
    assert all(check_node(node) == [] for node in expanded)


def test_unreported_claim_exports_a_bare_claim(client: TestClient, factory: Factory) -> None:
    claim = factory.claim(text="Nobody reported this yet.", claimant=None)
    document = export(client, claim.id)  # type: ignore[arg-type]
    assert document == {
        "@context": "https://schema.org",
        "@type": "Claim",
        "text": "Nobody reported this yet.",
    }
    assert check_node(expand(document)[0]) == []
    assert_error(client.get("/v1/claims/2147483647/claimreview"), 404, "not_found")


def _empty_database(engine: Engine) -> None:
    # The client's API key stays: the app forgets a deleted key only after its cache time, so a
    # slow run (a loaded machine) saw its own key turn unknown in the middle of the test.
    tables = [t.name for t in reversed(metadata.sorted_tables) if t.name != "api_key"]
    with engine.begin() as connection:
        for name in [*tables, *UNMODELLED_TABLES]:
            if engine.dialect.name == "postgresql":
                connection.execute(text(f'TRUNCATE "{name}" RESTART IDENTITY CASCADE'))
            else:
                connection.execute(text(f'DELETE FROM "{name}"'))


def _claim_text(document: dict[str, Any]) -> str:
    node = document["@graph"][0] if "@graph" in document else document
    text: str = node.get("claimReviewed") or node["text"]
    return text


def test_round_trip_export_import_export_is_identical(
    client: TestClient, engine: Engine, nato: int, factory: Factory
) -> None:
    client.post(f"/v1/claims/{nato}/reviews", json=REVIEW)
    others = [c["id"] for c in all_pages(client, "/v1/claims") if c["id"] != nato]
    client.post(
        f"/v1/claims/{others[0]}/reviews",
        json={**REVIEW, "url": "https://factcheck.example/sanctions", "rating_value": 4.5},
    )
    client.post(
        f"/v1/claims/{others[0]}/reviews",
        json={**REVIEW, "url": "https://factcheck.example/sanctions-2", "textual_rating": "True"},
    )
    dated = factory.claim(text="A dated claim nobody reported.", claim_date="2025-05-01")
    ids = [nato, *others, dated.id]
    before = [export(client, claim_id) for claim_id in ids]
    _empty_database(engine)
    report = client.post("/v1/import/claimreview", json=before).json()
    # one node per claim creates it; the second review in the @graph links to that claim
    assert (report["created"], report["linked"], report["skipped"]) == (len(ids), 1, 0)
    imported = [c["id"] for c in all_pages(client, "/v1/claims")]
    assert len(imported) == len(ids)
    after = [export(client, claim_id) for claim_id in imported]
    assert {_claim_text(doc): doc for doc in after} == {_claim_text(doc): doc for doc in before}
    # and importing it once more changes nothing
    again = client.post("/v1/import/claimreview", json=before).json()
    assert (again["created"], again["linked"]) == (0, 0)
    assert {item["reason"] for item in again["items"]} == {"already_imported"}
