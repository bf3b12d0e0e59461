"""Request body limits (413) and CORS (none by default, `*` only for reads)."""

from typing import Any

from fastapi.testclient import TestClient

from app.api import NDJSON_PATHS
from tests.assertions import assert_error


def test_a_body_over_the_limit_is_413_by_its_declared_length(client: TestClient) -> None:
    response = client.post("/v1/claims", json={"text": "x" * 1_100_000})
    error = assert_error(response, 413, "payload_too_large")
    assert error["details"] == [{"max_bytes": 1_048_576}]


def test_a_streamed_body_over_the_limit_is_413(client: TestClient) -> None:
    def chunks() -> Any:  # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(200):
            yield b"x" * 10_000
        yield b'"}'

    response = client.post(
        "/v1/claims", content=chunks(), headers={"content-type": "application/json"}
    )
    assert_error(response, 413, "payload_too_large")
    assert client.get("/v1/claims").json()["items"] == []


def test_a_body_under_the_limit_is_fine(make_app: Any, factory: Any) -> None:
    client = TestClient(make_app(max_body_bytes=2048))
    key = factory.api_key(scopes=["write"])
    body = {"text": "y" * 1500}
    assert client.post("/v1/claims", json=body, headers={"X-API-Key": key}).status_code == 201
    too_big = client.post("/v1/claims", json={"text": "y" * 2100}, headers={"X-API-Key": key})
    assert_error(too_big, 413, "payload_too_large")


def test_ndjson_bodies_have_their_own_limit_on_the_batch_route_only(
    make_app: Any, factory: Any
) -> None:
    client = TestClient(make_app(max_body_bytes=1024, ingest_batch_max_bytes=4096))
    key = factory.api_key(scopes=["write"])
    headers = {"X-API-Key": key, "content-type": "application/x-ndjson"}
    # Declaring NDJSON elsewhere does not raise the limit: the route chooses it.
    assert_error(
        client.post("/v1/claims", content=b"{}\n" * 1000, headers=headers),
        413,
        "payload_too_large",
    )
    batch = client.post("/v1/ingest/batch", content=b"{}\n" * 1000, headers=headers)
    assert batch.status_code == 200, batch.text
    assert_error(
        client.post("/v1/ingest/batch", content=b"{}\n" * 2000, headers=headers),
        413,
        "payload_too_large",
    )


def test_the_batch_limit_is_reached_only_with_a_key(make_app: Any) -> None:
    client = TestClient(make_app(max_body_bytes=1024, ingest_batch_max_bytes=4096))
    body = b"{}\n" * 1000  # under the batch limit, over the ordinary one
    ndjson = {"content-type": "application/x-ndjson"}
    assert_error(client.post("/v1/ingest/batch", content=body, headers=ndjson), 401, "unauthorized")
    wrong = {**ndjson, "X-API-Key": "cor_not_a_key"}
    assert_error(client.post("/v1/ingest/batch", content=body, headers=wrong), 401, "unauthorized")


def test_only_the_batch_route_takes_ndjson(app: Any) -> None:
    documented = {
        path
        for path, operations in app.openapi()["paths"].items()
        for operation in operations.values()
        # NDJSON is documented as the bytes generated clients send (app/ingest/router.py).
        if "application/octet-stream" in operation.get("requestBody", {}).get("content", {})
    }
    assert documented == NDJSON_PATHS


def test_no_cors_by_default(anon_client: TestClient) -> None:
    response = anon_client.get("/v1/claims", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers


def preflight(client: TestClient, method: str, origin: str = "https://site.example") -> Any:
    return client.options(
        "/v1/claims",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": method,
            "Access-Control-Request-Headers": "authorization,content-type",
        },
    )


def test_wildcard_cors_allows_reads_only(make_app: Any) -> None:
    client = TestClient(make_app(cors_origins=["*"]))
    assert (
        client.get("/v1/claims", headers={"Origin": "https://a.example"}).headers[
            "access-control-allow-origin"
        ]
        == "*"
    )
    assert preflight(client, "GET").status_code == 200
    assert preflight(client, "POST").status_code == 400
    assert preflight(client, "DELETE").status_code == 400


def test_named_origins_may_write(make_app: Any) -> None:
    client = TestClient(make_app(cors_origins=["https://site.example"]))
    allowed = preflight(client, "POST")
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://site.example"
    assert preflight(client, "POST", origin="https://other.example").status_code == 400


def test_wildcard_cannot_be_mixed_with_named_origins() -> None:
    import pytest
    from pydantic import ValidationError

    from app.core.config import Settings

    with pytest.raises(ValidationError, match="cannot be combined"):
        Settings(cors_origins=["*", "https://a.example"])
    assert Settings(cors_origins="https://a.example, https://b.example/").cors_origins == [
        "https://a.example",
        "https://b.example",
    ]
