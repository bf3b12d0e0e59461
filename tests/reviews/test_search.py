"""GET /v1/reviews/search: "has anyone checked this already?", natively and in the shape of
Google Fact Check Tools' claims:search."""

from typing import Any

from fastapi.testclient import TestClient

from tests.assertions import assert_error
from tests.factories import Factory
from tests.reviews import fidelity

WIND = "Windräder entziehen dem Boden Feuchtigkeit und verursachen Dürren"


def _seed(client: TestClient) -> None:
    for name in (
        "21-correctiv-de-windkraft.json",
        "16-africa-check-en-flat-earth-claims-search.json",
    ):
        response = client.post("/v1/import/claimreview", json=fidelity.documents()[name])
        assert response.status_code == 200, response.text


def search(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/v1/reviews/search", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_the_same_claim_is_found_with_its_review(client: TestClient) -> None:
    _seed(client)
    page = search(client, text=WIND)
    (hit,) = [hit for hit in page["items"] if hit["claim"]["text"] == WIND]
    assert page["items"][0] is hit or page["items"][0]["score"] >= hit["score"]
    assert hit["decision"] == "link"
    assert hit["score"] >= page["link_threshold"]
    assert hit["claim"]["claimant"] == "Nutzer auf Facebook"
    (review,) = hit["reviews"]
    assert (review["publisher"]["site"], review["textual_rating"], review["verdict"]) == (
        "correctiv.org",
        "Falsch",
        "false",
    )


def test_filters_keep_or_drop_the_review(client: TestClient) -> None:
    _seed(client)

    def found(**filters: Any) -> bool:
        return any(
            hit["claim"]["text"] == WIND for hit in search(client, text=WIND, **filters)["items"]
        )

    assert found(language="de")
    assert not found(language="fr")
    assert found(publisher="correctiv.org")
    assert found(publisher="CORRECTIV.Faktencheck")
    assert not found(publisher="politifact.com")
    assert found(max_age_days=36500)
    assert not found(max_age_days=30)  # reviewed in 2023, claimed in 2023


def test_the_fact_check_tools_shape_and_parameter_names(client: TestClient) -> None:
    _seed(client)
    body = search(client, query=WIND, languageCode="de", format="factchecktools")
    assert set(body) == {"claims"}  # no nextPageToken on the last page
    (claim,) = body["claims"]
    assert claim == {
        "text": WIND,
        "claimant": "Nutzer auf Facebook",
        "claimDate": "2023-02-01T00:00:00Z",
        "claimReview": [
            {
                "publisher": {"name": "CORRECTIV.Faktencheck", "site": "correctiv.org"},
                "url": "https://correctiv.org/faktencheck/2023/02/14/nein-windraeder-verursachen-keine-duerre/",
                "reviewDate": "2023-02-14T00:00:00Z",
                "textualRating": "Falsch",
                "languageCode": "de",
            }
        ],
    }
    assert search(
        client, query=WIND, reviewPublisherSiteFilter="politifact.com", format="factchecktools"
    ) == {"claims": []}
    assert search(client, query=WIND, maxAgeDays=30, format="factchecktools") == {"claims": []}


def test_pages_are_best_first_then_by_claim_id(client: TestClient, factory: Factory) -> None:
    text = "The city council voted to close every public library by 2030"
    ids = []
    for claimant in ("Alice", "Bob", "Carol"):
        claim = factory.claim(text=text, claimant=claimant)
        ids.append(claim.id)
        response = client.post(
            f"/v1/claims/{claim.id}/reviews",
            json={
                "publisher": {"name": "Checker", "site": "checker.example"},
                "url": f"https://checker.example/{claimant}",
                "textual_rating": "False",
            },
        )
        assert response.status_code == 201, response.text
    seen, cursor = [], None
    while True:
        page = search(client, text=text, limit=1, **({"cursor": cursor} if cursor else {}))
        seen.extend(hit["claim"]["id"] for hit in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ids
    tokens = search(client, query=text, pageSize=2, format="factchecktools")
    assert len(tokens["claims"]) == 2
    rest = search(
        client, query=text, pageSize=2, pageToken=tokens["nextPageToken"], format="factchecktools"
    )
    assert [c["claimant"] for c in rest["claims"]] == ["Carol"]


def test_bad_requests_are_422(client: TestClient) -> None:
    assert_error(client.get("/v1/reviews/search"), 422, "text_required")
    assert_error(
        client.get("/v1/reviews/search", params={"text": "a", "query": "b"}), 422, "invalid"
    )
    assert_error(
        client.get("/v1/reviews/search", params={"text": "a", "cursor": "forged"}),
        422,
        "invalid_cursor",
    )
    assert_error(
        client.get("/v1/reviews/search", params={"text": "a", "format": "csv"}),
        422,
        "validation_error",
    )
