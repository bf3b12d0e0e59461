"""/v1/claims/{id}/reviews and /v1/reviews/{id}."""

from typing import Any

from fastapi.testclient import TestClient

from tests.assertions import all_pages
from tests.assertions import assert_error
from tests.factories import Factory

REVIEW: dict[str, Any] = {
    "publisher": {"name": "  PolitiCheck ", "site": "WWW.Politicheck.example"},
    "url": "https://www.politicheck.example/factchecks/2025/may/30/putin/?utm_source=x#top",
    "title": "Putin's demands, checked",
    "review_date": "2025-05-30",
    "textual_rating": "Mostly True",
    "rating_value": 5,
    "best_rating": 6,
    "worst_rating": 1,
    "language": "EN-us",
}


def test_review_lifecycle(client: TestClient, factory: Factory) -> None:
    claim = factory.claim()
    response = client.post(f"/v1/claims/{claim.id}/reviews", json=REVIEW)
    assert response.status_code == 201, response.text
    review = response.json()
    assert {k: v for k, v in review.items() if k not in {"id", "created_at", "updated_at"}} == {
        "claim_id": claim.id,
        "publisher": {"name": "PolitiCheck", "site": "politicheck.example"},
        "url": "https://www.politicheck.example/factchecks/2025/may/30/putin",
        "title": "Putin's demands, checked",
        "review_date": "2025-05-30",
        "textual_rating": "Mostly True",
        "rating_value": 5.0,
        "best_rating": 6.0,
        "worst_rating": 1.0,
        "language": "en-US",
        "media_authenticity_category": None,
        "verdict": "mostly_true",
        "verdict_score": 0.75,
    }
    assert client.get(f"/v1/reviews/{review['id']}").json() == review
    assert all_pages(client, f"/v1/claims/{claim.id}/reviews") == [review]
    # the same review URL in another spelling is the same review
    again = {**REVIEW, "url": "HTTPS://www.politicheck.example/factchecks/2025/may/30/putin"}
    error = assert_error(client.post(f"/v1/claims/{claim.id}/reviews", json=again), 409, "conflict")
    assert error["details"][0]["existing_id"] == review["id"]
    assert client.delete(f"/v1/reviews/{review['id']}").status_code == 204
    assert_error(client.get(f"/v1/reviews/{review['id']}"), 404, "not_found")
    assert_error(client.delete(f"/v1/reviews/{review['id']}"), 404, "not_found")
    assert all_pages(client, f"/v1/claims/{claim.id}/reviews") == []


def test_reviews_page_in_order(client: TestClient, factory: Factory) -> None:
    claim = factory.claim()
    made = [
        client.post(
            f"/v1/claims/{claim.id}/reviews",
            json={
                "publisher": {"name": "P"},
                "url": f"https://p.example/{i}",
                "textual_rating": "False",
            },
        ).json()["id"]
        for i in range(5)
    ]
    assert [r["id"] for r in all_pages(client, f"/v1/claims/{claim.id}/reviews", limit=2)] == made


INVALID: list[dict[str, Any]] = [
    {"textual_rating": None, "rating_value": None},  # no verdict at all
    {"best_rating": 3, "worst_rating": 3},
    {"best_rating": 1, "worst_rating": 5, "rating_value": 6},
    {"rating_value": 7},
    {"rating_value": 0},
    {"url": "ftp://x.example/review"},
    {"url": "not a url"},
    {"publisher": {"name": ""}},
    {"publisher": {"name": "P", "site": "not a domain"}},
    {"language": "english language"},
    {"review_date": "30/05/2025"},
    {"unknown": 1},
    {"rating_value": "1e400"},
]


def test_invalid_reviews_are_422(client: TestClient, factory: Factory) -> None:
    claim = factory.claim()
    for change in INVALID:
        body = {**REVIEW, **change}
        response = client.post(f"/v1/claims/{claim.id}/reviews", json=body)
        assert_error(response, 422, "validation_error")
    assert all_pages(client, f"/v1/claims/{claim.id}/reviews") == []


def test_a_claim_with_reviews_is_deleted_only_with_cascade(
    client: TestClient, factory: Factory
) -> None:
    claim = factory.claim()
    review = client.post(f"/v1/claims/{claim.id}/reviews", json=REVIEW).json()
    error = assert_error(client.delete(f"/v1/claims/{claim.id}"), 409, "conflict")
    assert error["details"] == [{"attributions": 0, "reviews": 1}]
    assert client.delete(f"/v1/claims/{claim.id}", params={"cascade": True}).status_code == 204
    assert_error(client.get(f"/v1/reviews/{review['id']}"), 404, "not_found")


def test_unknown_claim_or_review_is_404(client: TestClient) -> None:
    assert_error(client.post("/v1/claims/2147483647/reviews", json=REVIEW), 404, "not_found")
    assert_error(client.get("/v1/claims/2147483647/reviews"), 404, "not_found")
    assert_error(client.get("/v1/reviews/2147483647"), 404, "not_found")
    assert_error(client.get("/v1/reviews/0"), 422, "validation_error")
