"""The OpenAPI document as a contract for generated clients (issue 16; app/core/contract.py).

Each test states one promise that openapi-typescript and openapi-python-client rely on; the
clients' CI check (.ci/checks/60-clients.sh) generates both clients and runs them against a
live server.
"""

import csv
import io
import json
import re
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from jsonschema_rs import Draft202012Validator

from app.core.contract import operations
from app.core.contract import response_only_schemas
from app.core.contract import success_status
from app.core.types import SPARSE_SCHEMAS
from tests.factories import Factory

READ_METHODS = {"get", "head", "options"}


@pytest.fixture(scope="module")
def schema(app: FastAPI) -> dict[str, Any]:
    return app.openapi()


def _all_operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
    ]


def test_always_present_response_fields_are_required(schema: dict[str, Any]) -> None:
    components = schema["components"]["schemas"]
    for name, fields in {
        "ClaimPublic": {"claimant", "claim_date", "corroboration"},
        "OutletPublic": {"domain", "country", "language", "kind", "owner_group"},
        "ArticlePublic": {"author", "language"},
        "AttributionPublic": {"stance", "quote", "sourcing"},
        "ClaimWithAttributions": {"merged_into", "attributions_next_cursor"},
        "ErrorBody": {"details"},
        "PublisherPublic": {"site"},
    }.items():
        assert fields <= set(components[name]["required"]), name
    assert components["ClaimPublic"]["properties"]["claimant"]["anyOf"][1] == {"type": "null"}
    for name in response_only_schemas(schema) - SPARSE_SCHEMAS:
        component = components[name]
        assert set(component.get("required", [])) == set(component.get("properties", {})), name


def test_component_names_are_plain(schema: dict[str, Any]) -> None:
    names = schema["components"]["schemas"]
    assert all(re.fullmatch(r"[A-Z][A-Za-z0-9]*", name) for name in names), sorted(names)
    page = schema["paths"]["/v1/claims"]["get"]["responses"]["200"]
    assert page["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ClaimPage"
    }


def _inline_enums(node: Any, path: str) -> list[str]:
    found = []
    if isinstance(node, dict):
        if "enum" in node and not re.fullmatch(r"/components/schemas/[^/]+", path):
            found.append(path)
        for key, value in node.items():
            found += _inline_enums(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _inline_enums(value, f"{path}/{index}")
    return found


def test_enums_are_named_schemas_without_duplicate_members(schema: dict[str, Any]) -> None:
    assert _inline_enums(schema, "") == []
    for name, component in schema["components"]["schemas"].items():
        if "enum" in component:
            folded = [str(value).upper() for value in component["enum"]]
            assert len(folded) == len(set(folded)), name
    country = schema["components"]["schemas"]["CountryCode"]
    assert len(country["enum"]) == 249
    assert "GB" in country["enum"]


def test_collapse_takes_the_collapse_enum(schema: dict[str, Any]) -> None:
    for method, path, operation in _all_operations(schema):
        for parameter in operation.get("parameters", []):
            if parameter["name"] == "collapse":
                items = parameter["schema"]["items"]
                assert items == {"$ref": "#/components/schemas/Collapse"}, (method, path)


def test_parameters_are_never_null(schema: dict[str, Any]) -> None:
    for method, path, operation in _all_operations(schema):
        for parameter in operation.get("parameters", []):
            assert "null" not in json.dumps(parameter["schema"]), (method, path, parameter)


def test_one_media_type_per_operation(schema: dict[str, Any]) -> None:
    for method, path, operation in _all_operations(schema):
        successes = {
            media
            for status, answer in operation["responses"].items()
            if status.startswith("2")
            for media in answer.get("content", {})
        }
        assert len(successes) <= 1, (method, path, successes)
        assert len(operation.get("requestBody", {}).get("content", {})) <= 1, (method, path)
        for status, answer in operation["responses"].items():
            if status.startswith(("4", "5")):
                assert list(answer["content"]) == ["application/json"], (method, path, status)


def test_public_reads_declare_no_security_and_the_rest_need_a_key(schema: dict[str, Any]) -> None:
    keyed = [{"bearerKey": []}, {"headerKey": []}]
    for method, path, operation in _all_operations(schema):
        if not path.startswith("/v1"):
            continue
        if method in READ_METHODS and not path.startswith("/v1/keys"):
            assert "security" not in operation, (method, path)
        else:
            assert operation["security"] == keyed, (method, path)


def test_claimreview_documents_are_typed(schema: dict[str, Any]) -> None:
    export = schema["paths"]["/v1/claims/{claim_id}/claimreview"]["get"]["responses"]["200"]
    refs = [v["$ref"] for v in export["content"]["application/ld+json"]["schema"]["anyOf"]]
    assert refs == [
        "#/components/schemas/ClaimReviewJsonLd",
        "#/components/schemas/MediaReviewJsonLd",
        "#/components/schemas/ClaimReviewGraph",
        "#/components/schemas/ClaimJsonLd",
    ]
    body = schema["paths"]["/v1/import/claimreview"]["post"]["requestBody"]
    variants = body["content"]["application/json"]["schema"]["anyOf"]
    assert {"$ref": "#/components/schemas/ClaimReviewNode"} in variants
    assert {"$ref": "#/components/schemas/FactCheckSearch"} in variants


def _validator(schema: dict[str, Any], fragment: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator({**fragment, "components": schema["components"]})


def test_every_operation_has_examples_that_match_its_schemas(schema: dict[str, Any]) -> None:
    for method, path, operation in _all_operations(schema):
        for media, content in operation.get("requestBody", {}).get("content", {}).items():
            assert "example" in content, (method, path, media)
            errors = list(_validator(schema, content["schema"]).iter_errors(content["example"]))
            assert errors == [], (method, path, [e.message for e in errors[:3]])
        answer = operation["responses"][success_status(operation)]
        for media, content in answer.get("content", {}).items():
            assert "example" in content, (method, path, media)
            errors = list(_validator(schema, content["schema"]).iter_errors(content["example"]))
            assert errors == [], (method, path, [e.message for e in errors[:3]])
    assert len(operations(schema)) == len(_all_operations(schema))


def test_csv_and_ndjson_exports_are_operations_of_their_own(
    client: TestClient, anon_client: TestClient, factory: Factory, make_app: Any
) -> None:
    ids = sorted(factory.claim(text=f"Claim {i} of the export.").id for i in range(3))
    csv_answer = client.get("/v1/claims.csv")
    assert csv_answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert [int(row["id"]) for row in csv.DictReader(io.StringIO(csv_answer.text))] == ids
    ndjson = client.get("/v1/claims.ndjson")
    assert ndjson.headers["content-type"] == "application/x-ndjson; charset=utf-8"
    assert [json.loads(line)["id"] for line in ndjson.text.splitlines()] == ids
    # The old way still answers the same.
    assert client.get("/v1/claims", params={"format": "csv"}).text == csv_answer.text
    # Without a key: pages of CLAIMS_ANONYMOUS_EXPORT_MAX_CLAIMS, continued by X-Next-Cursor.
    with TestClient(make_app(anonymous_export_max_claims=2)) as anonymous:
        first = anonymous.get("/v1/claims.ndjson")
        cursor = first.headers["x-next-cursor"]
        second = anonymous.get("/v1/claims.ndjson", params={"cursor": cursor})
    assert "x-next-cursor" not in second.headers
    pages = first.text.splitlines() + second.text.splitlines()
    assert [json.loads(line)["id"] for line in pages] == ids
    assert anon_client.get("/v1/claims.csv").status_code == 200


def test_batch_ingest_takes_the_octet_stream_generated_clients_send(client: TestClient) -> None:
    line = {
        "outlet": {"slug": "reuters", "name": "Reuters"},
        "article": {
            "url": "https://www.reuters.com/world/a",
            "title": "A",
            "published_at": "2025-05-29T09:00:00Z",
        },
        "claims": [{"text": "A claim sent as bytes."}],
    }
    answer = client.post(
        "/v1/ingest/batch",
        content=json.dumps(line).encode() + b"\n",
        headers={"Content-Type": "application/octet-stream"},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["summary"]["failed"] == 0


def test_a_browser_page_can_read_the_export_cursor(make_app: Any, factory: Factory) -> None:
    for i in range(3):
        factory.claim(text=f"Claim {i} read from a page.")
    app = make_app(cors_origins=["*"], anonymous_export_max_claims=2)
    with TestClient(app) as browser:
        answer = browser.get("/v1/claims.csv", headers={"Origin": "https://app.example"})
    assert answer.headers["access-control-allow-origin"] == "*"
    assert "X-Next-Cursor" in answer.headers["access-control-expose-headers"]
    assert answer.headers["x-next-cursor"]
