"""Request ids, one JSON log line per request (never the key), Prometheus metrics."""

import json
import logging
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.logging import JsonFormatter
from app.core.metrics import INGEST_ITEMS
from tests.factories import Factory


def test_a_request_id_is_generated_and_returned(anon_client: TestClient) -> None:
    first = anon_client.get("/v1/claims").headers["x-request-id"]
    second = anon_client.get("/v1/nothing").headers["x-request-id"]
    assert len(first) == 32
    assert int(first, 16) >= 0
    assert first != second


def test_a_given_request_id_is_kept(anon_client: TestClient) -> None:
    response = anon_client.get("/v1/claims", headers={"X-Request-ID": "edge-7f3a.1"})
    assert response.headers["x-request-id"] == "edge-7f3a.1"


@pytest.mark.parametrize("given", ["", "x" * 129, "has space", "new\\nline", "é"])
def test_an_unusable_request_id_is_replaced(anon_client: TestClient, given: str) -> None:
    response = anon_client.get("/v1/claims", headers={"X-Request-ID": given.encode("utf-8")})
    assert response.headers["x-request-id"] != given
    assert len(response.headers["x-request-id"]) == 32


def access_lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    formatter = JsonFormatter()
    return [json.loads(formatter.format(r)) for r in caplog.records if r.name == "app.access"]


def test_one_json_log_line_per_request_with_the_key_name_never_the_key(
    anon_client: TestClient, factory: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    secret = factory.api_key(scopes=["write"], name="scraper")
    caplog.set_level(logging.INFO, logger="app.access")
    anon_client.post(
        "/v1/outlets",
        json={"slug": "ap", "name": "AP"},
        headers={"X-API-Key": secret, "X-Request-ID": "req-1"},
    )
    anon_client.get("/v1/outlets/ap")
    lines = access_lines(caplog)
    assert len(lines) == 2
    write, read = lines
    assert {
        k: write[k] for k in ("request_id", "method", "route", "path", "status", "key", "level")
    } == {
        "request_id": "req-1",
        "method": "POST",
        "route": "/v1/outlets",
        "path": "/v1/outlets",
        "status": 201,
        "key": "scraper",
        "level": "info",
    }
    assert write["duration_ms"] > 0
    assert isinstance(write["key_id"], int)
    assert (read["route"], read["status"], read["key"]) == ("/v1/outlets/{slug}", 200, None)
    assert all(secret not in json.dumps(line) for line in lines)
    assert all(secret not in record.getMessage() for record in caplog.records)


def sample(metrics: str, name: str, **labels: str) -> float:
    wanted = ",".join(f'{k}="{v}"' for k, v in labels.items())
    for line in metrics.splitlines():
        if line.startswith(f"{name}{{{wanted}}} "):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_requests_by_route_template_and_status(anon_client: TestClient) -> None:
    before = anon_client.get("/metrics").text
    labels = {"method": "GET", "route": "/v1/claims/{claim_id}", "status": "404"}
    for claim_id in (123456, 654321):
        anon_client.get(f"/v1/claims/{claim_id}")
    anon_client.get("/no/such/path/42")
    after = anon_client.get("/metrics")
    assert after.headers["content-type"].startswith("text/plain")
    text = after.text
    assert (
        sample(text, "corroborate_http_requests_total", **labels)
        - sample(before, "corroborate_http_requests_total", **labels)
        == 2
    )
    count = "corroborate_http_request_duration_seconds_count"
    assert sample(text, count, **labels) - sample(before, count, **labels) == 2
    assert "/no/such/path/42" not in text  # raw paths never become labels
    assert (
        sample(
            text, "corroborate_http_requests_total", method="GET", route="unmatched", status="404"
        )
        >= 1
    )


def test_metrics_expose_pool_gauges_and_ingest_counters(anon_client: TestClient) -> None:
    INGEST_ITEMS.labels(entity="article", outcome="created").inc(0)
    text = anon_client.get("/metrics").text
    for gauge in ("size", "checked_out", "checked_in", "overflow"):
        assert f"corroborate_db_pool_{gauge} " in text
    assert 'corroborate_ingest_items_total{entity="article",outcome="created"}' in text


def test_probes_are_open(anon_client: TestClient) -> None:
    assert anon_client.get("/healthz").json() == {"status": "ok"}
    assert anon_client.get("/readyz").status_code == 200
