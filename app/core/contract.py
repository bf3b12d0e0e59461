"""The OpenAPI document as a contract that generated clients can rely on.

FastAPI's document is correct for validation but loose for code generators; this pass states
what the service guarantees, without changing what it accepts:

- plain names: `Page[ClaimPublic]` is the component `ClaimPage` (pydantic names it
  `Page_ClaimPublic_`, which generators turned into class names);
- named schemas: types marked with `named_schema` (app/core/types.py) become components
  (`CountryCode`, `Verdict`, ...), so that a generator makes one type of each, wherever used;
- response fields: every property of a schema that only responses use is `required` (FastAPI
  serialises every field of a response model, and the hand-rendered hot reads keep the same
  shape: tests/claims/test_json_shape.py, and schemathesis checks every response), so clients
  type them as always present, nullable where the schema says null (not the JSON-LD documents,
  which leave unknown values out: `SPARSE_SCHEMAS`);
- errors: every 4xx/5xx is `application/json` (one error shape, one media type);
- parameters: a query, path or header parameter cannot be JSON null, so `X | null` is `X`;
- examples: each operation's request and success response carry the example recorded from the
  demo data (app/core/openapi_examples.json, made by scripts/record-openapi-examples.py).
"""

import copy
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from app.core.types import NAMED_SCHEMA_KEY
from app.core.types import NAMED_SCHEMAS
from app.core.types import SPARSE_SCHEMAS

REF_PREFIX = "#/components/schemas/"
EXAMPLES_FILE = Path(__file__).with_name("openapi_examples.json")
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def shape_contract(schema: dict[str, Any]) -> dict[str, Any]:
    """The document with named schemas, required response fields, plain parameters and
    examples (see the module docstring)."""
    _rename_pages(schema)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name in sorted(_name_schemas(schema)):
        components.setdefault(name, copy.deepcopy(NAMED_SCHEMAS[name]))
    schema["components"]["schemas"] = dict(sorted(components.items()))
    for operation in operations(schema):
        for parameter in operation.get("parameters", []):
            parameter["schema"] = _not_null(parameter["schema"])
    for operation in operations(schema):
        _errors_as_json(operation)
    _require_response_fields(schema)
    _add_examples(schema, recorded_examples())
    return schema


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        operation
        for path in schema.get("paths", {}).values()
        for method, operation in path.items()
        if method in METHODS
    ]


PAGE_NAME = re.compile(r"^Page_(?P<item>[A-Za-z0-9]+)_$")


def _rename_pages(schema: dict[str, Any]) -> None:
    """`Page_ClaimPublic_` -> `ClaimPage`, the component and every reference to it."""
    components = schema.get("components", {}).get("schemas", {})
    renames = {}
    for name in list(components):
        match = PAGE_NAME.match(name)
        if match:
            renames[name] = match["item"].removesuffix("Public") + "Page"
            components[renames[name]] = components.pop(name)
            components[renames[name]]["title"] = renames[name]
    _rewrite_refs(schema, {REF_PREFIX + old: REF_PREFIX + new for old, new in renames.items()})


def _rewrite_refs(node: Any, renames: dict[str, str]) -> None:
    if isinstance(node, dict):
        if node.get("$ref") in renames:
            node["$ref"] = renames[node["$ref"]]
        for value in node.values():
            _rewrite_refs(value, renames)
    elif isinstance(node, list):
        for value in node:
            _rewrite_refs(value, renames)


def _name_schemas(node: Any) -> set[str]:
    """Replace every `{"x-named-schema": name, ...}` with a `$ref` to `name`; the names used."""
    used: set[str] = set()
    if isinstance(node, dict):
        name = node.pop(NAMED_SCHEMA_KEY, None)
        if name is not None:
            node["$ref"] = REF_PREFIX + name
            if name in NAMED_SCHEMAS:
                used.add(name)
        for value in node.values():
            used |= _name_schemas(value)
    elif isinstance(node, list):
        for value in node:
            used |= _name_schemas(value)
    return used


def _not_null(schema: dict[str, Any]) -> dict[str, Any]:
    """`anyOf: [X, {type: null}]` (with its title, description, default) as X."""
    variants = schema.get("anyOf")
    if not variants:
        return schema
    kept = [variant for variant in variants if variant != {"type": "null"}]
    if len(kept) == len(variants):
        return schema
    rest = {key: value for key, value in schema.items() if key not in ("anyOf", "default")}
    if schema.get("default") is not None:
        rest["default"] = schema["default"]
    if len(kept) == 1:
        return {**kept[0], **rest}
    return {"anyOf": kept, **rest}


def _errors_as_json(operation: dict[str, Any]) -> None:
    """Errors are JSON whatever the operation's success type (FastAPI documents them under
    the route's response class, `application/ld+json` for the ClaimReview export)."""
    for status, answer in operation.get("responses", {}).items():
        content = answer.get("content", {})
        if status.startswith(("4", "5")) and content and "application/json" not in content:
            answer["content"] = {"application/json": next(iter(content.values()))}


def _refs(node: Any, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF_PREFIX):
            found.add(ref.removeprefix(REF_PREFIX))
        for value in node.values():
            _refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, found)
    return found


def _closure(components: dict[str, Any], names: set[str]) -> set[str]:
    seen: set[str] = set()
    pending = list(names)
    while pending:
        name = pending.pop()
        if name in seen or name not in components:
            continue
        seen.add(name)
        pending.extend(_refs(components[name], set()))
    return seen


def response_only_schemas(schema: dict[str, Any]) -> set[str]:
    """Components reachable from some response and from no request body or parameter."""
    components = schema["components"]["schemas"]
    requests: set[str] = set()
    answers: set[str] = set()
    for operation in operations(schema):
        _refs(operation.get("requestBody", {}), requests)
        _refs(operation.get("parameters", []), requests)
        _refs(operation.get("responses", {}), answers)
    return _closure(components, answers) - _closure(components, requests)


def _require_response_fields(schema: dict[str, Any]) -> None:
    components = schema["components"]["schemas"]
    for name in response_only_schemas(schema) - SPARSE_SCHEMAS:
        properties = components[name].get("properties")
        if properties:
            components[name]["required"] = list(properties)


@cache
def recorded_examples() -> dict[str, Any]:
    """{operationId: {"request": body, "response": body}} as recorded from the demo."""
    if not EXAMPLES_FILE.exists():
        return {}
    return json.loads(EXAMPLES_FILE.read_text(encoding="utf-8"))


def success_status(operation: dict[str, Any]) -> str:
    """The status of the operation's documented success answer (the lowest 2xx)."""
    return min(status for status in operation["responses"] if status.startswith("2"))


def _add_examples(schema: dict[str, Any], recorded: dict[str, Any]) -> None:
    for operation in operations(schema):
        example = recorded.get(operation.get("operationId", ""))
        if not example:
            continue
        body = operation.get("requestBody", {}).get("content", {})
        if "request" in example:
            for media in body.values():
                media.setdefault("example", example["request"])
        answer = operation["responses"][success_status(operation)].get("content", {})
        if "response" in example:
            for media in answer.values():
                media.setdefault("example", example["response"])
