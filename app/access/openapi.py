"""The OpenAPI document tells clients (and schemathesis) which operations need which key.

Derived from the same rule `authorize` enforces, so routes added later are described
correctly without listing them: under /v1 every non-read method needs `write`; key management
(`AdminDep`) needs `admin`; reads need nothing unless `CLAIMS_PUBLIC_READ=false`; /metrics
needs `admin` when `CLAIMS_METRICS_ACCESS=admin`. A public read lists no security requirement.
"""

from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.routing import iter_route_contexts

from app.access.auth import require_admin
from app.core.db import SAFE_METHODS
from app.core.errors import responses

API_PREFIX = "/v1"
METRICS_PATH = "/metrics"
SCHEMES = {
    "bearerKey": {
        "type": "http",
        "scheme": "bearer",
        "description": "`Authorization: Bearer <key>`; create keys with `corroborate keys create`.",
    },
    "headerKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
}
KEYED = [{"bearerKey": []}, {"headerKey": []}]
RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before retrying.",
        "schema": {"type": "integer", "minimum": 1},
    }
}


def _uses(dependant: Dependant, call: Any) -> bool:
    return dependant.call is call or any(_uses(sub, call) for sub in dependant.dependencies)


def _error(status: int) -> dict[str, Any]:
    entry = responses(status)[status]
    ref = {"$ref": "#/components/schemas/ErrorResponse"}
    result: dict[str, Any] = {
        "description": entry["description"],
        "content": {"application/json": {"schema": ref}},
    }
    if status in (429, 503):
        result["headers"] = RETRY_AFTER
    return result


def document_access(
    app: FastAPI, schema: dict[str, Any], *, public_read: bool, admin_metrics: bool = False
) -> dict[str, Any]:
    """Add security requirements and the 401/403/413/429/503/504 answers to /v1 operations
    (and to /metrics when it needs an admin key)."""
    schema.setdefault("components", {})["securitySchemes"] = SCHEMES
    metrics = schema["paths"].get(METRICS_PATH, {}).get("get")
    if admin_metrics and metrics is not None:
        metrics["security"] = KEYED
        answers = metrics.setdefault("responses", {})
        for status in (401, 403, 429, 503):
            answers.setdefault(str(status), _error(status))
        metrics["responses"] = dict(sorted(answers.items()))
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        path = context.path_format or ""
        if not isinstance(route, APIRoute) or not path.startswith(API_PREFIX):
            continue
        admin = _uses(route.dependant, require_admin)
        for method in context.methods or ():
            operation = schema["paths"].get(path, {}).get(method.lower())
            if operation is None:
                continue
            keyed = admin or method not in SAFE_METHODS or not public_read
            # A public read states no requirement (a key, if sent, only sets the rate limit):
            # `[{}, ...]` (optional) made client generators demand an authenticated client.
            if keyed:
                operation["security"] = KEYED
            statuses = [401, 429, 503, 504]
            if keyed:
                statuses.append(403)
            if "requestBody" in operation:
                statuses += [400, 413]
            answers = operation.setdefault("responses", {})
            for status in sorted(statuses):
                answers.setdefault(str(status), _error(status))
            operation["responses"] = dict(sorted(answers.items()))
    return schema
