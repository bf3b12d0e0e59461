"""/v1/keys and `corroborate keys`: created once, listed without secrets, revocable."""

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import text
from typer.testing import CliRunner

from app.cli import cli
from app.core.config import get_settings
from tests.assertions import all_pages
from tests.assertions import assert_error
from tests.factories import Factory


def test_create_shows_the_key_once(client: TestClient) -> None:
    response = client.post("/v1/keys", json={"name": "scraper", "scopes": ["write", "read"]})
    assert response.status_code == 201, response.text
    created = response.json()
    assert set(created) == {
        "id", "name", "prefix", "scopes", "created_at", "last_used_at", "revoked_at", "key"
    }  # fmt: skip
    assert (created["name"], created["scopes"]) == ("scraper", ["read", "write"])
    assert created["key"].startswith(created["prefix"])
    assert (created["last_used_at"], created["revoked_at"]) == (None, None)
    listed = client.get(f"/v1/keys/{created['id']}").json()
    assert "key" not in listed
    assert listed == {k: v for k, v in created.items() if k != "key"}


def test_keys_are_256_bit_random(client: TestClient) -> None:
    keys = {
        client.post("/v1/keys", json={"name": "k", "scopes": ["read"]}).json()["key"]
        for _ in range(5)
    }
    assert len(keys) == 5
    assert all(len(key) == len("cor_") + 43 for key in keys)  # 32 bytes, url-safe base64


@pytest.mark.parametrize(
    "payload",
    [
        {"name": "x", "scopes": []},
        {"name": "x", "scopes": ["root"]},
        {"name": "", "scopes": ["read"]},
        {"name": "x"},
        {"name": "x", "scopes": ["read"], "key": "cor_chosen-by-me"},
    ],
)
def test_invalid_key_requests_are_422(client: TestClient, payload: dict[str, object]) -> None:
    assert_error(client.post("/v1/keys", json=payload), 422, "validation_error")


def test_list_pages_and_hides_revoked_on_request(client: TestClient) -> None:
    ids = [
        client.post("/v1/keys", json={"name": f"k{n}", "scopes": ["read"]}).json()["id"]
        for n in range(3)
    ]
    assert client.delete(f"/v1/keys/{ids[1]}").status_code == 204
    everything = all_pages(client, "/v1/keys", limit=2)
    assert [k["name"] for k in everything] == ["test-client", "k0", "k1", "k2"]
    assert [k["revoked_at"] is not None for k in everything] == [False, False, True, False]
    active = all_pages(client, "/v1/keys", include_revoked="false")
    assert [k["name"] for k in active] == ["test-client", "k0", "k2"]


def test_revoke_is_idempotent_and_unknown_is_404(client: TestClient) -> None:
    key_id = client.post("/v1/keys", json={"name": "k", "scopes": ["read"]}).json()["id"]
    assert client.delete(f"/v1/keys/{key_id}").status_code == 204
    gone = assert_error(client.get(f"/v1/keys/{key_id}"), 410, "gone")
    first = gone["details"][0]["revoked_at"]
    assert client.delete(f"/v1/keys/{key_id}").status_code == 204
    assert (
        assert_error(client.get(f"/v1/keys/{key_id}"), 410, "gone")["details"][0]["revoked_at"]
        == first
    )
    listed = {k["id"]: k for k in client.get("/v1/keys").json()["items"]}
    assert listed[key_id]["revoked_at"] is not None
    assert_error(client.delete("/v1/keys/999999"), 404, "not_found")


def test_key_management_needs_admin(anon_client: TestClient, factory: Factory) -> None:
    writer = factory.api_key(scopes=["write"])
    assert_error(anon_client.get("/v1/keys"), 401, "unauthorized")
    assert_error(anon_client.get("/v1/keys", headers={"X-API-Key": writer}), 403, "forbidden")
    response = anon_client.post(
        "/v1/keys", json={"name": "x", "scopes": ["admin"]}, headers={"X-API-Key": writer}
    )
    assert_error(response, 403, "forbidden")


def test_last_used_is_recorded_at_most_once_a_minute(
    make_app: Any, factory: Factory, engine: Engine
) -> None:
    key = factory.api_key(scopes=["read"], name="reader")
    anon_client = TestClient(make_app())  # a process that has not seen this key id yet

    def last_used() -> object:
        with engine.connect() as connection:
            return connection.scalar(text("SELECT last_used_at FROM api_key WHERE name = 'reader'"))

    assert last_used() is None
    anon_client.get("/v1/claims", headers={"X-API-Key": key})
    first = last_used()
    assert first is not None
    anon_client.get("/v1/claims", headers={"X-API-Key": key})
    assert last_used() == first


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, database_url: str, engine: Engine) -> CliRunner:
    monkeypatch.setenv("CLAIMS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield CliRunner()  # type: ignore[misc]
    get_settings.cache_clear()


def test_cli_create_list_revoke(runner: CliRunner, anon_client: TestClient) -> None:
    created = runner.invoke(cli, ["keys", "create", "--scope", "write", "--name", "scraper"])
    assert created.exit_code == 0, created.output
    secret = created.stdout.strip().splitlines()[-1]
    assert secret.startswith("cor_")
    response = anon_client.post(
        "/v1/outlets", json={"slug": "ap", "name": "AP"}, headers={"X-API-Key": secret}
    )
    assert response.status_code == 201
    listed = runner.invoke(cli, ["keys", "list"])
    assert "scraper" in listed.stdout
    assert secret not in listed.stdout
    key_id = re.search(r"created key (\d+)", created.output)
    assert key_id is not None, created.output
    assert runner.invoke(cli, ["keys", "revoke", key_id.group(1)]).exit_code == 0
    assert "scraper" not in runner.invoke(cli, ["keys", "list"]).stdout
    assert "scraper" in runner.invoke(cli, ["keys", "list", "--all"]).stdout
    assert runner.invoke(cli, ["keys", "revoke", str(2**31 - 1)]).exit_code == 1


def test_cli_refuses_unknown_scopes(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["keys", "create", "--scope", "root", "--name", "x"])
    assert result.exit_code == 2
    assert "Input should be 'read', 'write' or 'admin'" in result.output


def test_demo_load_says_how_to_get_a_write_key(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["demo", "load"])
    assert "corroborate keys create --scope write --name me" in " ".join(result.output.split())
