"""/v1/articles and article links."""

from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from tests.assertions import all_pages
from tests.assertions import assert_consistent
from tests.assertions import assert_error
from tests.factories import T0
from tests.factories import Factory
from tests.factories import article_payload


def test_create_canonicalises_the_url_and_stores_utc(client: TestClient, factory: Factory) -> None:
    outlet = factory.outlet()
    payload = article_payload(
        outlet.slug,
        url="HTTPS://Example.com/story/?utm_source=tw#top",
        published_at="2025-05-29T18:30:00+09:00",
    )
    response = client.post("/v1/articles", json=payload)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["url"] == "https://example.com/story"
    assert body["published_at"] == "2025-05-29T09:30:00Z"
    assert body["outlet"] == {"id": outlet.id, "slug": outlet.slug, "name": outlet.name}
    assert body["origin"] is None
    assert body["root_article_id"] == body["id"]
    assert client.get(f"/v1/articles/{body['id']}").json() == body


def test_same_url_in_another_form_is_409_naming_the_article(
    client: TestClient, factory: Factory
) -> None:
    outlet = factory.outlet()
    first = client.post(
        "/v1/articles", json=article_payload(outlet.slug, url="https://example.com/a")
    ).json()
    again = article_payload(outlet.slug, url="https://EXAMPLE.com/a/?utm_medium=email")
    error = assert_error(client.post("/v1/articles", json=again), 409, "conflict")
    assert error["details"] == [
        {"field": "url", "value": "https://example.com/a", "existing_id": first["id"]}
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("published_at", "2025-05-29T09:00:00"),
        ("published_at", "2025-05-29"),
        ("published_at", "yesterday"),
        ("url", "javascript:alert(1)"),
        ("url", "https://user:pw@example.com/a"),
        ("url", "not a url"),
        ("title", ""),
        ("language", "xx_YY"),
    ],
)
def test_invalid_article_fields_are_422(
    client: TestClient, factory: Factory, field: str, value: str
) -> None:
    outlet = factory.outlet()
    response = client.post("/v1/articles", json=article_payload(outlet.slug, **{field: value}))
    error = assert_error(response, 422, "validation_error")
    assert error["details"][0]["loc"][:2] == ["body", field]


def test_unknown_outlet_is_422(client: TestClient) -> None:
    # 422, not 404: /v1/articles exists; the outlet named in the body does not.
    error = assert_error(
        client.post("/v1/articles", json=article_payload("nobody")), 422, "unknown_reference"
    )
    assert error["details"] == [{"field": "outlet", "value": "nobody"}]


def test_patch_moves_article_and_recounts(client: TestClient, factory: Factory) -> None:
    a, b = factory.outlet(), factory.outlet()
    claim = factory.claim()
    first = factory.article(a, published_at=T0.isoformat())
    second = factory.article(a, published_at=(T0 + timedelta(hours=1)).isoformat())
    factory.attribute(claim, first)
    factory.attribute(claim, second)
    assert assert_consistent(client, claim.id)["outlets"] == 1

    response = client.patch(f"/v1/articles/{second.id}", json={"outlet": b.slug})
    assert response.status_code == 200, response.text
    assert response.json()["outlet"]["slug"] == b.slug
    assert assert_consistent(client, claim.id)["outlets"] == 2


def test_patch_date_moves_the_first_report(client: TestClient, factory: Factory) -> None:
    claim = factory.claim()
    early = factory.article(published_at=T0.isoformat())
    late = factory.article(published_at=(T0 + timedelta(days=1)).isoformat())
    factory.attribute(claim, early)
    factory.attribute(claim, late)
    new_date = (T0 - timedelta(days=1)).isoformat()
    assert (
        client.patch(f"/v1/articles/{late.id}", json={"published_at": new_date}).status_code == 200
    )
    corroboration = assert_consistent(client, claim.id)
    assert corroboration["first_reported"]["article_id"] == late.id
    assert corroboration["last_reported_at"] == "2025-05-29T09:00:00Z"


def test_patch_to_a_taken_url_is_409(client: TestClient, factory: Factory) -> None:
    a, b = factory.article(), factory.article()
    error = assert_error(client.patch(f"/v1/articles/{a.id}", json={"url": b.url}), 409, "conflict")
    assert error["details"][0]["existing_id"] == b.id


def test_list_filters_by_outlet_and_date_and_pages(client: TestClient, factory: Factory) -> None:
    a, b = factory.outlet(slug="aa"), factory.outlet(slug="bb")
    made = [
        factory.article(a if i % 2 else b, published_at=(T0 + timedelta(hours=i)).isoformat())
        for i in range(9)
    ]
    everything = all_pages(client, "/v1/articles", limit=2)
    assert [x["id"] for x in everything] == [m.id for m in reversed(made)]
    only_a = all_pages(client, "/v1/articles", limit=2, outlet="aa")
    assert [x["id"] for x in only_a] == [m.id for m in reversed(made) if m.outlet_id == a.id]
    window = all_pages(
        client,
        "/v1/articles",
        since=(T0 + timedelta(hours=2)).isoformat(),
        until=(T0 + timedelta(hours=4)).isoformat(),
    )
    assert [x["id"] for x in window] == [made[4].id, made[3].id, made[2].id]


def test_link_records_the_copy_and_collapses_origins(client: TestClient, factory: Factory) -> None:
    claim = factory.claim()
    wire = factory.article(published_at=T0.isoformat())
    copy = factory.article(published_at=(T0 + timedelta(hours=2)).isoformat())
    factory.attribute(claim, wire)
    factory.attribute(claim, copy)
    assert assert_consistent(client, claim.id)["independent_origins"] == 2

    response = client.post(
        f"/v1/articles/{copy.id}/links",
        json={
            "origin_article_id": wire.id,
            "relation": "syndicates",
            "reason": "verbatim wire copy",
        },
    )
    assert response.status_code == 201, response.text
    link = response.json()
    assert link["origin"]["id"] == wire.id
    assert (link["relation"], link["reason"], link["provenance"]) == (
        "syndicates",
        "verbatim wire copy",
        "stated",
    )
    article = client.get(f"/v1/articles/{copy.id}").json()
    assert article["origin"] == link
    assert article["root_article_id"] == wire.id
    assert assert_consistent(client, claim.id)["independent_origins"] == 1

    assert client.delete(f"/v1/articles/{copy.id}/links/{wire.id}").status_code == 204
    assert client.get(f"/v1/articles/{copy.id}").json()["origin"] is None
    assert assert_consistent(client, claim.id)["independent_origins"] == 2


def test_link_errors(client: TestClient, factory: Factory) -> None:
    a = factory.article(published_at=T0.isoformat())
    b = factory.article(published_at=(T0 + timedelta(hours=1)).isoformat())
    c = factory.article(published_at=(T0 + timedelta(hours=2)).isoformat())
    links = lambda article: f"/v1/articles/{article.id}/links"  # noqa: E731

    assert_error(
        client.post(links(a), json={"origin_article_id": a.id, "relation": "cites"}),
        422,
        "self_link",
    )
    assert_error(
        client.post(links(a), json={"origin_article_id": 2**31 - 1, "relation": "cites"}),
        422,
        "unknown_reference",
    )
    assert_error(
        client.post(links(a), json={"origin_article_id": b.id, "relation": "copies"}),
        422,
        "validation_error",
    )
    assert_error(
        client.post(links(a), json={"origin_article_id": b.id, "relation": "cites"}),
        422,
        "copy_before_origin",
    )
    assert (
        client.post(links(c), json={"origin_article_id": b.id, "relation": "cites"}).status_code
        == 201
    )
    error = assert_error(
        client.post(links(c), json={"origin_article_id": a.id, "relation": "cites"}),
        409,
        "conflict",
    )
    assert error["details"] == [{"existing_origin_article_id": b.id}]
    assert_error(client.delete(f"/v1/articles/{c.id}/links/{a.id}"), 404, "not_found")
    assert_error(client.delete(f"/v1/articles/{a.id}/links/{b.id}"), 404, "not_found")


def test_cycles_are_refused(client: TestClient, factory: Factory) -> None:
    same_time = T0.isoformat()
    a, b, c = (factory.article(published_at=same_time) for _ in range(3))
    factory.link(b, a)
    factory.link(c, b)
    response = client.post(
        f"/v1/articles/{a.id}/links", json={"origin_article_id": c.id, "relation": "cites"}
    )
    assert_error(response, 409, "cycle")


def test_date_change_cannot_put_a_copy_before_its_origin(
    client: TestClient, factory: Factory
) -> None:
    origin = factory.article(published_at=T0.isoformat())
    copy = factory.article(published_at=(T0 + timedelta(hours=1)).isoformat())
    factory.link(copy, origin)
    before = (T0 - timedelta(hours=1)).isoformat()
    later = (T0 + timedelta(hours=2)).isoformat()
    assert_error(
        client.patch(f"/v1/articles/{copy.id}", json={"published_at": before}),
        422,
        "copy_before_origin",
    )
    assert_error(
        client.patch(f"/v1/articles/{origin.id}", json={"published_at": later}),
        422,
        "copy_before_origin",
    )


def test_delete_referenced_article_needs_cascade(client: TestClient, factory: Factory) -> None:
    claim = factory.claim()
    wire = factory.article(published_at=T0.isoformat())
    copy = factory.article(published_at=(T0 + timedelta(hours=1)).isoformat())
    copy_of_copy = factory.article(published_at=(T0 + timedelta(hours=2)).isoformat())
    factory.link(copy, wire)
    factory.link(copy_of_copy, copy)
    for article in (wire, copy, copy_of_copy):
        factory.attribute(claim, article)
    assert assert_consistent(client, claim.id)["independent_origins"] == 1

    error = assert_error(client.delete(f"/v1/articles/{copy.id}"), 409, "conflict")
    assert error["details"] == [{"attributions": 1, "copies": 1}]

    assert client.delete(f"/v1/articles/{copy.id}", params={"cascade": True}).status_code == 204
    assert (
        client.get(f"/v1/articles/{copy_of_copy.id}").json()["root_article_id"] == copy_of_copy.id
    )
    corroboration = assert_consistent(client, claim.id)
    assert (corroboration["articles"], corroboration["independent_origins"]) == (2, 2)


def test_delete_unreferenced_article(client: TestClient, factory: Factory) -> None:
    article = factory.article()
    assert client.delete(f"/v1/articles/{article.id}").status_code == 204
    assert_error(client.get(f"/v1/articles/{article.id}"), 404, "not_found")
    assert_error(client.delete(f"/v1/articles/{article.id}"), 404, "not_found")


def test_timestamps_are_utc_whatever_offset_was_sent(client: TestClient, factory: Factory) -> None:
    outlet = factory.outlet()
    sent = datetime(2025, 5, 29, 23, 30, tzinfo=UTC).astimezone().isoformat()
    body = client.post("/v1/articles", json=article_payload(outlet.slug, published_at=sent)).json()
    assert body["published_at"] == "2025-05-29T23:30:00Z"
