"""/v1/claims and attributions."""

import random
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from tests.assertions import DEFAULT_METHOD
from tests.assertions import all_pages
from tests.assertions import assert_consistent
from tests.assertions import assert_error
from tests.factories import T0
from tests.factories import Factory


def test_create_and_get_a_claim(client: TestClient) -> None:
    response = client.post(
        "/v1/claims",
        json={
            "text": "  Putin demands\n a halt to NATO enlargement. ",
            "claimant": "Vladimir Putin",
            "claim_date": "2025-05-28",
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["text"] == "Putin demands a halt to NATO enlargement."
    assert body["claim_date"] == "2025-05-28"
    assert body["corroboration"] == {
        "outlets": 0,
        "independent_origins": 0,
        "credited_origins": 0,
        "articles": 0,
        "disputing_outlets": 0,
        "first_reported": None,
        "last_reported_at": None,
        "method": DEFAULT_METHOD,
    }
    detail = client.get(f"/v1/claims/{body['id']}").json()
    assert detail == {
        **body,
        "merged_into": None,
        "attributions": [],
        "attributions_next_cursor": None,
    }


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
def test_claim_text_must_be_1_to_2000_chars(client: TestClient, text: str) -> None:
    assert_error(client.post("/v1/claims", json={"text": text}), 422, "validation_error")


def test_the_same_claim_twice_is_409_naming_it(client: TestClient) -> None:
    first = client.post(
        "/v1/claims", json={"text": "Russia demands sanctions relief.", "claimant": "Kremlin"}
    ).json()
    again = {"text": "russia  demands sanctions relief", "claimant": "KREMLIN"}
    error = assert_error(client.post("/v1/claims", json=again), 409, "conflict")
    assert error["details"] == [{"field": "text", "existing_id": first["id"]}]
    other_claimant = {"text": "Russia demands sanctions relief.", "claimant": "Someone else"}
    assert client.post("/v1/claims", json=other_claimant).status_code == 201


def test_patch_claim(client: TestClient, factory: Factory) -> None:
    claim = factory.claim(claimant="A")
    response = client.patch(
        f"/v1/claims/{claim.id}", json={"text": "A new wording.", "claimant": None}
    )
    assert response.status_code == 200, response.text
    assert (response.json()["text"], response.json()["claimant"]) == ("A new wording.", None)
    assert_error(
        client.patch(f"/v1/claims/{claim.id}", json={"text": None}), 422, "validation_error"
    )


def test_patch_into_a_duplicate_is_409(client: TestClient, factory: Factory) -> None:
    a = factory.claim(text="One.", claimant=None)
    b = factory.claim(text="Two.", claimant=None)
    error = assert_error(client.patch(f"/v1/claims/{b.id}", json={"text": "one"}), 409, "conflict")
    assert error["details"][0]["existing_id"] == a.id


def test_unknown_claim_is_404_everywhere(client: TestClient) -> None:
    missing = "/v1/claims/2147483647"
    assert_error(client.get(missing), 404, "not_found")
    assert_error(client.patch(missing, json={"text": "x"}), 404, "not_found")
    assert_error(client.delete(missing), 404, "not_found")
    assert_error(client.get(f"{missing}/attributions"), 404, "not_found")
    assert_error(client.post(f"{missing}/attributions", json={"article_id": 1}), 404, "not_found")
    # The claim is checked first: a missing claim is 404 whatever the body names.
    assert_error(client.delete(f"{missing}/attributions/1"), 404, "not_found")


def test_attribution_lifecycle(client: TestClient, factory: Factory) -> None:
    claim = factory.claim()
    article = factory.article()
    url = f"/v1/claims/{claim.id}/attributions"
    response = client.post(
        url, json={"article_id": article.id, "quote": "he said it", "sourcing": "named"}
    )
    assert response.status_code == 201, response.text
    attribution = response.json()
    assert (attribution["stance"], attribution["quote"], attribution["sourcing"]) == (
        "reports",
        "he said it",
        "named",
    )
    assert attribution["article"]["id"] == article.id
    assert attribution["independent_origin"]["article_id"] == article.id
    assert assert_consistent(client, claim.id)["outlets"] == 1

    error = assert_error(client.post(url, json={"article_id": article.id}), 409, "conflict")
    assert error["details"] == [{"field": "article_id", "existing_id": attribution["id"]}]

    patched = client.patch(f"{url}/{attribution['id']}", json={"stance": "disputes"})
    assert patched.status_code == 200, patched.text
    corroboration = assert_consistent(client, claim.id)
    assert (corroboration["outlets"], corroboration["disputing_outlets"]) == (0, 1)

    assert client.delete(f"{url}/{attribution['id']}").status_code == 204
    assert assert_consistent(client, claim.id)["disputing_outlets"] == 0
    assert_error(client.delete(f"{url}/{attribution['id']}"), 404, "not_found")


def test_attribution_on_another_claim_is_404(client: TestClient, factory: Factory) -> None:
    claim, other = factory.claim(), factory.claim()
    attribution = factory.attribute(claim, factory.article())
    assert_error(
        client.delete(f"/v1/claims/{other.id}/attributions/{attribution.id}"), 404, "not_found"
    )


def test_attribution_to_unknown_article_is_422(client: TestClient, factory: Factory) -> None:
    # 422, not 404: the claim in the URL exists; the article named in the body does not.
    claim = factory.claim()
    error = assert_error(
        client.post(f"/v1/claims/{claim.id}/attributions", json={"article_id": 2**31 - 1}),
        422,
        "unknown_reference",
    )
    assert error["details"] == [{"field": "article_id", "value": 2**31 - 1}]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"article_id": 0},
        {"article_id": 1, "stance": "agrees"},
        {"article_id": 1, "sourcing": "rumour"},
        {"article_id": 1, "quote": ""},
    ],
)
def test_invalid_attributions_are_422(
    client: TestClient, factory: Factory, body: dict[str, object]
) -> None:
    claim = factory.claim()
    assert_error(
        client.post(f"/v1/claims/{claim.id}/attributions", json=body), 422, "validation_error"
    )


def test_delete_claim_with_attributions_needs_cascade(client: TestClient, factory: Factory) -> None:
    claim = factory.claim()
    article = factory.article()
    factory.attribute(claim, article)
    error = assert_error(client.delete(f"/v1/claims/{claim.id}"), 409, "conflict")
    assert error["details"] == [{"attributions": 1}]
    assert client.delete(f"/v1/claims/{claim.id}", params={"cascade": True}).status_code == 204
    assert_error(client.get(f"/v1/claims/{claim.id}"), 404, "not_found")
    assert client.get(f"/v1/articles/{article.id}").status_code == 200


def test_detail_embeds_a_first_page_of_attributions(client: TestClient, factory: Factory) -> None:
    from app.claims import service

    claim = factory.claim()
    outlet = factory.outlet()
    for i in range(service.DETAIL_ATTRIBUTIONS + 3):
        factory.attribute(
            claim, factory.article(outlet, published_at=(T0 + timedelta(minutes=i)).isoformat())
        )
    detail = client.get(f"/v1/claims/{claim.id}").json()
    assert len(detail["attributions"]) == service.DETAIL_ATTRIBUTIONS
    rest = client.get(
        f"/v1/claims/{claim.id}/attributions", params={"cursor": detail["attributions_next_cursor"]}
    ).json()
    assert len(rest["items"]) == 3
    assert rest["next_cursor"] is None
    assert detail["corroboration"]["articles"] == service.DETAIL_ATTRIBUTIONS + 3


# ---- the list ---------------------------------------------------------------------------------


def _reported(factory: Factory, outlets: int, at_hours: int = 0, **claim_fields: object):  # type: ignore[no-untyped-def]
    claim = factory.claim(**claim_fields)
    for i in range(outlets):
        factory.attribute(
            claim, factory.article(published_at=(T0 + timedelta(hours=at_hours + i)).isoformat())
        )
    return claim


def test_default_sort_is_most_outlets_with_ties_by_oldest_claim(
    client: TestClient, factory: Factory
) -> None:
    two_a = _reported(factory, 2)
    three = _reported(factory, 3)
    two_b = _reported(factory, 2)
    none = factory.claim()
    ids = [c["id"] for c in client.get("/v1/claims").json()["items"]]
    assert ids == [three.id, two_a.id, two_b.id, none.id]


def test_date_sorts_put_unreported_claims_last(client: TestClient, factory: Factory) -> None:
    unreported = factory.claim()
    late = _reported(factory, 1, at_hours=10)
    early = _reported(factory, 1, at_hours=1)
    also_early = _reported(factory, 1, at_hours=1)
    ascending = [
        c["id"] for c in all_pages(client, "/v1/claims", sort="first_reported_at", limit=1)
    ]
    assert ascending == [early.id, also_early.id, late.id, unreported.id]
    descending = [
        c["id"] for c in all_pages(client, "/v1/claims", sort="-first_reported_at", limit=2)
    ]
    assert descending == [late.id, early.id, also_early.id, unreported.id]
    by_last = [c["id"] for c in all_pages(client, "/v1/claims", sort="-last_reported_at", limit=3)]
    assert by_last == [late.id, early.id, also_early.id, unreported.id]


@pytest.mark.parametrize(
    "sort",
    [
        "-outlets",
        "-independent_origins",
        "first_reported_at",
        "-first_reported_at",
        "-last_reported_at",
    ],
)
def test_cursor_paging_never_skips_or_repeats(
    client: TestClient, factory: Factory, sort: str
) -> None:
    rng = random.Random(sort)
    outlets = [factory.outlet() for _ in range(4)]
    articles = [
        factory.article(
            rng.choice(outlets), published_at=(T0 + timedelta(hours=rng.randrange(5))).isoformat()
        )
        for _ in range(8)
    ]
    claims = [factory.claim() for _ in range(23)]
    for claim in claims:
        for article in rng.sample(articles, rng.randrange(0, 4)):
            factory.attribute(claim, article)
    full = [
        c["id"]
        for c in client.get("/v1/claims", params={"sort": sort, "limit": 200}).json()["items"]
    ]
    assert sorted(full) == sorted(c.id for c in claims)
    for limit in (1, 2, 5, 7, 23, 50):
        paged = [c["id"] for c in all_pages(client, "/v1/claims", sort=sort, limit=limit)]
        assert paged == full


def test_filters(client: TestClient, factory: Factory) -> None:
    reuters = factory.outlet(slug="reuters")
    tass = factory.outlet(slug="tass")
    a = factory.claim(claimant="Vladimir Putin")
    b = factory.claim(claimant="Volodymyr Zelenskiy")
    c = factory.claim(claimant="vladimir putin ")
    factory.attribute(a, factory.article(reuters, published_at=T0.isoformat()))
    factory.attribute(a, factory.article(tass, published_at=(T0 + timedelta(days=1)).isoformat()))
    factory.attribute(b, factory.article(tass, published_at=(T0 + timedelta(days=2)).isoformat()))
    factory.attribute(
        c,
        factory.article(reuters, published_at=(T0 + timedelta(days=3)).isoformat()),
        stance="disputes",
    )

    def ids(**params: object) -> list[int]:
        return [x["id"] for x in all_pages(client, "/v1/claims", **params)]

    assert ids(outlet="reuters") == [a.id]
    assert ids(outlet=["reuters", "tass"]) == [a.id, b.id]
    assert ids(outlet="nobody") == []
    assert ids(claimant="VLADIMIR PUTIN") == [a.id, c.id]
    assert ids(since=(T0 + timedelta(days=1)).isoformat()) == [a.id, b.id]
    assert ids(until=(T0 + timedelta(hours=1)).isoformat()) == [a.id]
    assert ids(since=(T0 + timedelta(days=1, hours=1)).isoformat(), outlet="tass") == [b.id]
    assert ids(min_outlets=2) == [a.id]
    assert ids(min_origins=1) == [a.id, b.id]
    assert ids(min_outlets=2, outlet="tass", limit=1) == [a.id]
