"""/v1/outlets/{slug}/feeds: add, read, list, remove; errors in the one error shape."""

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import select

from app.core.unit_of_work import transaction
from app.tables import Feed
from tests.factories import Factory


def test_a_feed_is_added_listed_read_and_removed(
    feeds_client: TestClient, factory: Factory
) -> None:
    outlet = factory.outlet(slug="planet", name="The Daily Planet")
    response = feeds_client.post(
        "/v1/outlets/planet/feeds",
        json={"url": "http://127.0.0.1:9/feed.xml?utm_source=x", "min_delay_seconds": 12},
    )
    assert response.status_code == 201, response.text
    feed = response.json()
    assert feed["url"] == "http://127.0.0.1:9/feed.xml"
    assert feed["outlet"] == {"id": outlet.id, "slug": "planet", "name": "The Daily Planet"}
    assert (feed["kind"], feed["poll_interval_seconds"], feed["min_delay_seconds"]) == (
        "feed",
        900.0,
        12.0,
    )
    assert feed["health"]["state"] == "active"
    assert feed["health"]["failures"] == 0

    second = feeds_client.post(
        "/v1/outlets/planet/feeds",
        json={"url": "http://127.0.0.1:9/sitemap.xml", "kind": "sitemap"},
    ).json()
    page = feeds_client.get("/v1/outlets/planet/feeds", params={"limit": 1}).json()
    assert [item["id"] for item in page["items"]] == [feed["id"]]
    rest = feeds_client.get(
        "/v1/outlets/planet/feeds", params={"limit": 1, "cursor": page["next_cursor"]}
    ).json()
    assert ([item["id"] for item in rest["items"]], rest["next_cursor"]) == ([second["id"]], None)
    assert feeds_client.get(f"/v1/outlets/planet/feeds/{feed['id']}").json() == feed

    assert feeds_client.delete(f"/v1/outlets/planet/feeds/{feed['id']}").status_code == 204
    missing = feeds_client.get(f"/v1/outlets/planet/feeds/{feed['id']}")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"


def test_a_feed_is_watched_once(feeds_client: TestClient, factory: Factory) -> None:
    factory.outlet(slug="planet", name="The Daily Planet")
    factory.outlet(slug="globe", name="The Globe")
    url = "http://127.0.0.1:9/feed.xml"
    first = feeds_client.post("/v1/outlets/planet/feeds", json={"url": url}).json()
    again = feeds_client.post("/v1/outlets/globe/feeds", json={"url": url})
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "feed_exists"
    assert again.json()["error"]["details"][0]["feed_id"] == first["id"]


def test_a_feed_of_another_outlet_is_not_found(feeds_client: TestClient, factory: Factory) -> None:
    factory.outlet(slug="planet", name="The Daily Planet")
    factory.outlet(slug="globe", name="The Globe")
    feed = feeds_client.post(
        "/v1/outlets/planet/feeds", json={"url": "http://127.0.0.1:9/feed.xml"}
    ).json()
    assert feeds_client.get(f"/v1/outlets/globe/feeds/{feed['id']}").status_code == 404
    assert feeds_client.delete(f"/v1/outlets/globe/feeds/{feed['id']}").status_code == 404
    assert feeds_client.get("/v1/outlets/nowhere/feeds").status_code == 404


def test_a_private_address_is_refused_by_default(client: TestClient, factory: Factory) -> None:
    factory.outlet(slug="planet", name="The Daily Planet")
    response = client.post("/v1/outlets/planet/feeds", json={"url": "http://127.0.0.1/feed.xml"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "feed_target_refused"


def test_bad_input_and_missing_key_are_refused(
    feeds_client: TestClient, anon_client: TestClient, factory: Factory
) -> None:
    factory.outlet(slug="planet", name="The Daily Planet")
    bad = feeds_client.post(
        "/v1/outlets/planet/feeds", json={"url": "ftp://example.org/feed", "kind": "podcast"}
    )
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "validation_error"
    anonymous = anon_client.post(
        "/v1/outlets/planet/feeds", json={"url": "https://example.org/feed.xml"}
    )
    assert anonymous.status_code == 401


def test_deleting_the_outlet_deletes_its_feeds(
    feeds_client: TestClient, factory: Factory, engine: Engine
) -> None:
    factory.outlet(slug="planet", name="The Daily Planet")
    feeds_client.post("/v1/outlets/planet/feeds", json={"url": "http://127.0.0.1:9/feed.xml"})
    assert feeds_client.delete("/v1/outlets/planet").status_code == 204
    with transaction(engine, write=False) as session:
        assert list(session.scalars(select(Feed.id))) == []
