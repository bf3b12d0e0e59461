"""The one error shape, for every kind of error the framework or the domain produces."""

import pytest
from fastapi.testclient import TestClient

from tests.assertions import assert_error


def test_unknown_route_is_404_in_the_error_shape(client: TestClient) -> None:
    assert_error(client.get("/v1/nothing-here"), 404, "not_found")


def test_wrong_method_is_405_in_the_error_shape(client: TestClient) -> None:
    response = client.put("/v1/claims")
    assert_error(response, 405, "method_not_allowed")
    assert response.headers["allow"] == "GET, POST"
    # Every method of the path, though each one is a route of its own.
    assert client.put("/v1/claims/1").headers["allow"] == "DELETE, GET, PATCH"


def test_body_validation_error_lists_each_field(client: TestClient) -> None:
    error = assert_error(
        client.post("/v1/outlets", json={"slug": "Not A Slug"}), 422, "validation_error"
    )
    locations = sorted(tuple(d["loc"]) for d in error["details"])
    assert locations == [("body", "name"), ("body", "slug")]
    assert all(set(d) == {"loc", "message", "type"} for d in error["details"])


def test_malformed_json_is_422(client: TestClient) -> None:
    response = client.post(
        "/v1/claims", content=b'{"text": ', headers={"content-type": "application/json"}
    )
    assert_error(response, 422, "validation_error")


def test_unknown_fields_are_rejected(client: TestClient) -> None:
    response = client.post("/v1/claims", json={"text": "A claim.", "surprise": 1})
    error = assert_error(response, 422, "validation_error")
    assert error["details"][0]["loc"] == ["body", "surprise"]


@pytest.mark.parametrize(
    "path",
    ["/v1/claims/0", "/v1/claims/-1", "/v1/claims/abc", "/v1/claims/99999999999999999999"],
)
def test_out_of_range_ids_are_422_not_500(client: TestClient, path: str) -> None:
    assert_error(client.get(path), 422, "validation_error")


@pytest.mark.parametrize("limit", [0, -5, 201, 10**12])
def test_limit_outside_1_to_200_is_rejected(client: TestClient, limit: int) -> None:
    assert_error(client.get("/v1/claims", params={"limit": limit}), 422, "validation_error")


@pytest.mark.parametrize(
    "cursor",
    ["garbage", "eyJrIjoxfQ", "e30", "%%%", "eyJrIjoiY2xhaW1zLW91dGxldHMiLCJwIjpbIngiLDFdfQ"],
)
def test_malformed_cursor_is_422(client: TestClient, cursor: str) -> None:
    assert_error(client.get("/v1/claims", params={"cursor": cursor}), 422, "invalid_cursor")


def test_cursor_from_another_sort_is_rejected(client: TestClient, factory) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        factory.claim()
    cursor = client.get("/v1/claims", params={"limit": 1}).json()["next_cursor"]
    response = client.get("/v1/claims", params={"cursor": cursor, "sort": "-first_reported_at"})
    assert_error(response, 422, "invalid_cursor")


def test_naive_datetime_in_query_is_rejected(client: TestClient) -> None:
    assert_error(
        client.get("/v1/claims", params={"since": "2025-05-29T00:00:00"}), 422, "validation_error"
    )


def test_a_literal_route_answers_405_for_other_methods_not_422(client: TestClient) -> None:
    # /v1/claims/match is a route of its own; PATCH matches /v1/claims/{claim_id} only by its
    # template, and "match" is no id: the method is what is wrong.
    response = client.patch("/v1/claims/match", json={})
    assert_error(response, 405, "method_not_allowed")
    assert response.headers["allow"] == "GET"
    assert_error(client.patch("/v1/claims/abc", json={}), 422, "validation_error")
