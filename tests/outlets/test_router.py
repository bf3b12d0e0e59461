"""/v1/outlets"""

import pytest
from fastapi.testclient import TestClient

from tests.assertions import all_pages
from tests.assertions import assert_error
from tests.factories import Factory
from tests.factories import outlet_payload


def test_create_returns_the_outlet_normalised(client: TestClient) -> None:
    response = client.post(
        "/v1/outlets",
        json={
            "slug": "reuters",
            "name": "  Reuters  ",
            "domain": "WWW.Reuters.com",
            "country": "gb",
            "language": "en-gb",
            "kind": "wire_agency",
            "owner_group": "Thomson Reuters",
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert {k: body[k] for k in ("slug", "name", "domain", "country", "language", "kind")} == {
        "slug": "reuters",
        "name": "Reuters",
        "domain": "reuters.com",
        "country": "GB",
        "language": "en-GB",
        "kind": "wire_agency",
    }
    assert body["created_at"].endswith("Z")
    empty = {
        "articles": 0,
        "claims_reported": 0,
        "first_reports": 0,
        "copies": 0,
        "copy_share": None,
        "copies_from": [],
    }
    assert client.get("/v1/outlets/reuters").json() == {**body, "profile": empty}


def test_kind_defaults_to_other(client: TestClient) -> None:
    body = client.post("/v1/outlets", json={"slug": "x", "name": "X"}).json()
    assert body["kind"] == "other"
    assert body["domain"] is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("slug", "Upper"),
        ("slug", "with space"),
        ("slug", "-leading"),
        ("slug", "a" * 65),
        ("country", "XX"),
        ("country", "GBR"),
        ("language", "not a tag"),
        ("domain", "not a domain"),
        ("domain", "http://reuters.com/"),
        ("kind", "blog"),
        ("name", "   "),
    ],
)
def test_invalid_fields_are_422(client: TestClient, field: str, value: str) -> None:
    response = client.post("/v1/outlets", json=outlet_payload(**{field: value}))
    error = assert_error(response, 422, "validation_error")
    assert error["details"][0]["loc"] == ["body", field]


def test_duplicate_slug_is_409_naming_the_existing_outlet(client: TestClient) -> None:
    first = client.post("/v1/outlets", json=outlet_payload(slug="dup")).json()
    error = assert_error(
        client.post("/v1/outlets", json=outlet_payload(slug="dup")), 409, "conflict"
    )
    assert error["details"] == [{"field": "slug", "value": "dup", "existing_id": first["id"]}]
    assert str(first["id"]) in error["message"]


def test_duplicate_domain_is_409(client: TestClient) -> None:
    first = client.post("/v1/outlets", json=outlet_payload(domain="same.example")).json()
    response = client.post("/v1/outlets", json=outlet_payload(domain="www.same.example"))
    error = assert_error(response, 409, "conflict")
    assert error["details"][0]["existing_id"] == first["id"]


def test_patch_changes_only_given_fields(client: TestClient) -> None:
    client.post("/v1/outlets", json=outlet_payload(slug="a", country="JP"))
    response = client.patch("/v1/outlets/a", json={"name": "Renamed", "owner_group": None})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["name"], body["country"], body["owner_group"]) == ("Renamed", "JP", None)
    assert body["updated_at"] >= body["created_at"]


def test_patch_can_rename_the_slug(client: TestClient) -> None:
    client.post("/v1/outlets", json=outlet_payload(slug="old"))
    assert client.patch("/v1/outlets/old", json={"slug": "new"}).json()["slug"] == "new"
    assert_error(client.get("/v1/outlets/old"), 404, "not_found")
    assert client.get("/v1/outlets/new").status_code == 200


def test_patch_to_a_taken_slug_is_409(client: TestClient) -> None:
    client.post("/v1/outlets", json=outlet_payload(slug="a"))
    b = client.post("/v1/outlets", json=outlet_payload(slug="b")).json()
    error = assert_error(client.patch("/v1/outlets/a", json={"slug": "b"}), 409, "conflict")
    assert error["details"][0]["existing_id"] == b["id"]


def test_patch_cannot_null_a_required_field(client: TestClient) -> None:
    client.post("/v1/outlets", json=outlet_payload(slug="a"))
    assert_error(client.patch("/v1/outlets/a", json={"name": None}), 422, "validation_error")


def test_unknown_slug_is_404(client: TestClient) -> None:
    assert_error(client.get("/v1/outlets/missing"), 404, "not_found")
    assert_error(client.patch("/v1/outlets/missing", json={"name": "x"}), 404, "not_found")
    assert_error(client.delete("/v1/outlets/missing"), 404, "not_found")
    assert_error(client.get("/v1/outlets/missing/claims"), 404, "not_found")


def test_delete_outlet_without_articles(client: TestClient) -> None:
    client.post("/v1/outlets", json=outlet_payload(slug="gone"))
    assert client.delete("/v1/outlets/gone").status_code == 204
    assert_error(client.get("/v1/outlets/gone"), 404, "not_found")


def test_delete_outlet_with_articles_needs_cascade(client: TestClient, factory: Factory) -> None:
    outlet = factory.outlet(slug="busy")
    article = factory.article(outlet)
    other = factory.article()
    claim = factory.claim()
    factory.attribute(claim, article)
    factory.attribute(claim, other)
    error = assert_error(client.delete("/v1/outlets/busy"), 409, "conflict")
    assert error["details"] == [{"articles": 1}]
    assert client.get(f"/v1/articles/{article.id}").status_code == 200

    assert client.delete("/v1/outlets/busy", params={"cascade": "true"}).status_code == 204
    assert_error(client.get(f"/v1/articles/{article.id}"), 404, "not_found")
    corroboration = client.get(f"/v1/claims/{claim.id}").json()["corroboration"]
    assert (corroboration["outlets"], corroboration["articles"]) == (1, 1)


def test_list_pages_in_slug_order_without_repeats(client: TestClient, factory: Factory) -> None:
    slugs = [f"o-{i:02d}" for i in range(7)]
    for slug in reversed(slugs):
        factory.outlet(slug=slug)
    assert [o["slug"] for o in all_pages(client, "/v1/outlets", limit=3)] == slugs


def test_list_filters_by_kind_and_country(client: TestClient, factory: Factory) -> None:
    factory.outlet(slug="wire", kind="wire_agency", country="GB")
    factory.outlet(slug="paper", kind="newspaper", country="JP")
    assert [
        o["slug"] for o in client.get("/v1/outlets", params={"kind": "newspaper"}).json()["items"]
    ] == ["paper"]
    assert [
        o["slug"] for o in client.get("/v1/outlets", params={"country": "gb"}).json()["items"]
    ] == ["wire"]


def test_outlet_claims_lists_what_it_reported(client: TestClient, factory: Factory) -> None:
    outlet = factory.outlet(slug="teller")
    reported, disputed, unrelated = factory.claim(), factory.claim(), factory.claim()
    factory.attribute(reported, factory.article(outlet))
    factory.attribute(disputed, factory.article(outlet), stance="disputes")
    factory.attribute(unrelated, factory.article())
    items = client.get("/v1/outlets/teller/claims").json()["items"]
    assert [c["id"] for c in items] == [reported.id]
