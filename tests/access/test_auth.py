"""Access: no write succeeds without a write key, whatever the route (enumerated from OpenAPI)."""

import re
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy import text

from app.access.service import hash_key
from app.core.columns import metadata
from app.core.db import SAFE_METHODS
from app.core.unit_of_work import transaction
from app.demo.service import load
from tests.assertions import assert_error
from tests.factories import Factory

# Values that match a real row of the demo data, so a request reaches its handler when the
# key allows it (the positive control below checks that it does).
PATH_VALUES = {"slug": "reuters"}


def write_operations(app: FastAPI) -> list[tuple[str, str, dict[str, Any]]]:
    """Every non-read operation under /v1 in the app's OpenAPI: (method, path, operation)."""
    found = []
    for path, operations in app.openapi()["paths"].items():
        if not path.startswith("/v1/"):
            continue
        for method, operation in operations.items():
            if method.upper() not in SAFE_METHODS and method not in {"parameters", "summary"}:
                found.append((method.upper(), path, operation))
    return sorted(found, key=lambda item: (item[1], item[0]))


def concrete(path: str, values: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "1"), path)


def request_for(operation: dict[str, Any]) -> dict[str, Any]:
    """A request the operation would parse: `{}` in its first declared content type."""
    content = operation.get("requestBody", {}).get("content", {})
    if not content:
        return {}
    media_type = next(iter(content))
    body = b"{}" if "json" in media_type and "ndjson" not in media_type else b"{}\n"
    return {"content": body, "headers": {"content-type": media_type}}


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to prove that a refused request changed nothing."""
    with engine.connect() as connection:
        return {
            table.name: [
                tuple(row)
                for row in connection.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in metadata.sorted_tables
        }


def key_id(engine: Engine, secret: str) -> int:
    with engine.connect() as connection:
        return connection.scalar(
            text("SELECT id FROM api_key WHERE key_hash = :h"), {"h": hash_key(secret)}
        )


@pytest.fixture
def demo(engine: Engine) -> None:
    with transaction(engine, write=True) as session:
        load(session)


def test_the_openapi_lists_the_write_operations(app: FastAPI) -> None:
    operations = {(method, path) for method, path, _ in write_operations(app)}
    # A floor, so that a broken enumeration cannot make the next test pass vacuously.
    assert {
        ("POST", "/v1/outlets"),
        ("PATCH", "/v1/outlets/{slug}"),
        ("DELETE", "/v1/outlets/{slug}"),
        ("POST", "/v1/articles"),
        ("POST", "/v1/articles/{article_id}/links"),
        ("DELETE", "/v1/articles/{article_id}/links/{origin_article_id}"),
        ("POST", "/v1/claims"),
        ("DELETE", "/v1/claims/{claim_id}"),
        ("POST", "/v1/claims/{claim_id}/attributions"),
        ("PATCH", "/v1/claims/{claim_id}/attributions/{attribution_id}"),
        ("POST", "/v1/keys"),
        ("DELETE", "/v1/keys/{key_id}"),
    } <= operations


def test_no_write_succeeds_without_a_write_key(
    app: FastAPI, engine: Engine, factory: Factory, demo: None
) -> None:
    spare = factory.api_key(scopes=["read"], name="spare")  # the positive control revokes it
    read_only = factory.api_key(scopes=["read"], name="reader")
    admin_only = factory.api_key(scopes=["admin"], name="keeper")
    writer = factory.api_key(scopes=["write"], name="writer")
    refusals = [
        ({}, 401, "unauthorized"),
        ({"Authorization": "Bearer cor_not-a-key-we-issued"}, 401, "unauthorized"),
        ({"X-API-Key": "cor_not-a-key-we-issued"}, 401, "unauthorized"),
        ({"Authorization": f"Bearer {read_only}"}, 403, "forbidden"),
        ({"X-API-Key": read_only}, 403, "forbidden"),
    ]
    before = snapshot(engine)
    tried = 0
    with TestClient(app) as client:
        for method, path, operation in write_operations(app):
            request = request_for(operation)
            url = concrete(path, {**PATH_VALUES, "key_id": str(key_id(engine, spare))})
            needs_admin = path.startswith("/v1/keys")
            for headers, status, code in [
                *refusals,
                *([({"X-API-Key": writer}, 403, "forbidden")] if needs_admin else []),
            ]:
                response = client.request(
                    method, url, **{**request, "headers": {**request.get("headers", {}), **headers}}
                )
                assert_error(response, status, code)
                tried += 1
            assert snapshot(engine) == before, (method, path)
            # Positive control: with the right key the same request gets past access control
            # (to a validation error, a conflict or a success), so the refusals above were real.
            allowed = client.request(
                method,
                url,
                **{
                    **request,
                    "headers": {
                        **request.get("headers", {}),
                        "X-API-Key": writer if not needs_admin else admin_only,
                    },
                },
            )
            assert allowed.status_code not in (401, 403), (method, path, allowed.text)
            before = snapshot(engine)
    assert tried >= 12 * 6


def test_reads_are_open_by_default(anon_client: TestClient, demo: None) -> None:
    assert anon_client.get("/v1/claims").status_code == 200
    assert anon_client.get("/v1/outlets/reuters").status_code == 200


def test_reads_can_be_closed(make_app: Any, factory: Factory, demo: None) -> None:
    app = make_app(public_read=False)
    reader = factory.api_key(scopes=["read"])
    with TestClient(app) as client:
        assert_error(client.get("/v1/claims"), 401, "unauthorized")
        assert client.get("/v1/claims", headers={"X-API-Key": reader}).status_code == 200
        assert client.get("/healthz").status_code == 200
    schema = app.openapi()
    assert schema["paths"]["/v1/claims"]["get"]["security"] == [
        {"bearerKey": []},
        {"headerKey": []},
    ]


def test_an_unknown_key_is_refused_even_for_reads(anon_client: TestClient) -> None:
    response = anon_client.get("/v1/claims", headers={"X-API-Key": "cor_guess"})
    error = assert_error(response, 401, "unauthorized")
    assert error["message"] == "unknown or revoked API key"
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer a", "X-API-Key": "b"},
        {"X-API-Key": "x" * 201},
    ],
)
def test_malformed_credentials_are_401(anon_client: TestClient, headers: dict[str, str]) -> None:
    assert_error(anon_client.get("/v1/claims", headers=headers), 401, "unauthorized")


def test_write_and_admin_keys_write_read_keys_do_not(
    anon_client: TestClient, factory: Factory
) -> None:
    for n, scopes in enumerate((["write"], ["admin"], ["read", "write"])):
        key = factory.api_key(scopes=scopes)
        payload = {"slug": f"outlet-{n}", "name": "An outlet"}
        response = anon_client.post("/v1/outlets", json=payload, headers={"X-API-Key": key})
        assert response.status_code == 201, scopes
    reader = factory.api_key(scopes=["read"])
    response = anon_client.post(
        "/v1/outlets", json={"slug": "x", "name": "X"}, headers={"X-API-Key": reader}
    )
    error = assert_error(response, 403, "forbidden")
    assert error["details"] == [{"required_scope": "write", "key_scopes": ["read"]}]


def test_a_revoked_key_stops_working_at_once(client: TestClient, factory: Factory) -> None:
    writer = factory.api_key(scopes=["write"], name="short-lived")
    headers = {"Authorization": f"Bearer {writer}"}  # instead of the client's own key
    assert (
        client.post("/v1/outlets", json={"slug": "a", "name": "A"}, headers=headers).status_code
        == 201
    )
    key_id = next(
        k["id"] for k in client.get("/v1/keys").json()["items"] if k["name"] == "short-lived"
    )
    assert client.delete(f"/v1/keys/{key_id}").status_code == 204
    response = client.post("/v1/outlets", json={"slug": "b", "name": "B"}, headers=headers)
    assert_error(response, 401, "unauthorized")


def test_unauthenticated_write_is_refused_before_the_body_is_validated(
    anon_client: TestClient,
) -> None:
    assert_error(anon_client.post("/v1/claims", json={"nonsense": True}), 401, "unauthorized")


def test_keys_are_stored_only_as_hashes(client: TestClient, engine: Engine) -> None:
    created = client.post("/v1/keys", json={"name": "scraper", "scopes": ["write"]}).json()
    secret = created["key"]
    assert secret.startswith("cor_")
    assert len(secret) >= 40
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT * FROM api_key")).all()
    assert all(secret not in str(tuple(row)) for row in rows)
