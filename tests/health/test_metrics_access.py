"""Who may read /metrics: anyone (default), admin keys only, or nobody (CLAIMS_METRICS_ACCESS)."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from app.core.config import MetricsAccess
from app.core.config import Settings
from tests.assertions import assert_error
from tests.factories import Factory

PROMETHEUS_LINE = "# TYPE corroborate_http_requests_total counter"


def test_metrics_are_public_by_default(anon_client: TestClient) -> None:
    assert Settings.model_fields["metrics_access"].default is MetricsAccess.public
    response = anon_client.get("/metrics")
    assert response.status_code == 200
    assert PROMETHEUS_LINE in response.text


def test_admin_metrics_need_an_admin_key(make_app: Any, factory: Factory) -> None:
    client = TestClient(make_app(metrics_access=MetricsAccess.admin))
    assert_error(client.get("/metrics"), 401, "unauthorized")
    assert_error(client.get("/metrics", headers={"X-API-Key": "cor_nope"}), 401, "unauthorized")
    for scopes in (["read"], ["write"]):
        key = factory.api_key(scopes=scopes)
        error = assert_error(client.get("/metrics", headers={"X-API-Key": key}), 403, "forbidden")
        assert error["details"][0]["required_scope"] == "admin"
    admin = factory.api_key(scopes=["admin"])
    response = client.get("/metrics", headers={"Authorization": f"Bearer {admin}"})
    assert response.status_code == 200
    assert PROMETHEUS_LINE in response.text
    assert client.get("/healthz").status_code == 200  # probes stay open


def test_metrics_can_be_switched_off(make_app: Any, factory: Factory) -> None:
    client = TestClient(make_app(metrics_access=MetricsAccess.off))
    admin = factory.api_key(scopes=["admin"])
    assert_error(client.get("/metrics"), 404, "not_found")
    assert_error(client.get("/metrics", headers={"X-API-Key": admin}), 404, "not_found")
    assert "/metrics" not in client.get("/openapi.json").json()["paths"]
    assert client.get("/readyz").status_code == 200


def test_the_openapi_says_what_metrics_need(make_app: Any) -> None:
    public = TestClient(make_app()).get("/openapi.json").json()["paths"]["/metrics"]["get"]
    assert "security" not in public
    assert sorted(public["responses"]) == ["200"]
    admin = TestClient(make_app(metrics_access=MetricsAccess.admin))
    operation = admin.get("/openapi.json").json()["paths"]["/metrics"]["get"]
    assert operation["security"] == [{"bearerKey": []}, {"headerKey": []}]
    assert sorted(operation["responses"]) == ["200", "401", "403", "429", "503"]


def test_the_metrics_setting_is_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_METRICS_ACCESS", "admin")
    assert Settings().metrics_access is MetricsAccess.admin
    monkeypatch.setenv("CLAIMS_METRICS_ACCESS", "private")
    with pytest.raises(ValidationError) as raised:
        Settings()
    assert raised.value.errors()[0]["loc"] == ("metrics_access",)
