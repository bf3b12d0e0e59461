"""openapi/openapi.json is what the app serves; a stale file fails here."""

import json
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.cli import render_openapi

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "openapi" / "openapi.json"


def test_committed_schema_is_current(app: FastAPI) -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render_openapi(app.openapi()), (
        "openapi/openapi.json is stale: run `corroborate openapi`"
    )


def test_served_schema_equals_committed_file(client: TestClient) -> None:
    assert client.get("/openapi.json").json() == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_operation_ids_are_readable(app: FastAPI) -> None:
    ids = {op["operationId"] for path in app.openapi()["paths"].values() for op in path.values()}
    assert {"claims-list", "claims-get", "claims-create", "outlets-list", "articles-link"} <= ids
    assert all("_" not in operation_id for operation_id in ids)


def test_every_operation_documents_errors_in_the_one_shape(app: FastAPI) -> None:
    schema = app.openapi()
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")):
                    ref = response["content"]["application/json"]["schema"]["$ref"]
                    assert ref.endswith("/ErrorResponse"), (method, path, status)


def test_docs_page_is_served(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    assert "swagger" in response.text.lower()
