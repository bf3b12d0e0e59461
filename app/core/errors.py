"""The one error shape, the typed errors services raise, and the handlers that render them."""

import logging
import re
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from pydantic import Field
from starlette.exceptions import HTTPException as StarletteHTTPException

logger = logging.getLogger("app.errors")


class ErrorBody(BaseModel):
    code: str = Field(description="Stable machine-readable error code, e.g. `not_found`.")
    message: str = Field(description="A sentence for humans.")
    details: list[dict[str, Any]] = Field(
        default_factory=list,
        description="Per-field problems (`loc`, `message`, `type`) or facts such as `existing_id`.",
    )


class ErrorResponse(BaseModel):
    """Every 4xx and 5xx response has exactly this shape."""

    error: ErrorBody


class AppError(Exception):
    """A domain error with an HTTP status; services raise subclasses, never HTTPException.

    A subclass names its status and default code in its header:
    `class NotFound(AppError, status=404, code="not_found")`.
    """

    status_code: int = 500
    code: str = "internal_error"

    def __init_subclass__(cls, *, status: int | None = None, code: str | None = None) -> None:
        super().__init_subclass__()
        if status is not None:
            cls.status_code = status
        if code is not None:
            cls.code = code

    def __init__(
        self,
        message: str,
        *,
        details: list[dict[str, Any]] | None = None,
        code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []
        self.headers = headers
        if code is not None:
            self.code = code


class NotFound(AppError, status=404, code="not_found"):
    """The URL names a resource that does not exist."""


class Conflict(AppError, status=409, code="conflict"):
    """The write contradicts existing data (a duplicate, a row still referenced)."""


class Unauthorized(AppError, status=401, code="unauthorized"):
    """No API key where one is needed, or a key that is unknown or revoked."""

    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(message, headers={"WWW-Authenticate": "Bearer"}, **kwargs)


class Forbidden(AppError, status=403, code="forbidden"):
    """A valid API key without the scope the operation needs."""


class UnknownReference(NotFound, status=422, code="unknown_reference"):
    """A body names a row that does not exist (an outlet slug, an article id).

    422, not 404: the URL's resource exists, the request is what is wrong. A NotFound
    subclass, so callers that catch NotFound around service verbs keep working.
    """


class Gone(AppError, status=410, code="gone"):
    """The resource existed once and was deleted or revoked since."""


class PayloadTooLarge(AppError, status=413, code="payload_too_large"):
    """A body (or a part of one) longer than its configured limit."""

    @classmethod
    def over(cls, max_bytes: int, *, what: str = "the request body") -> "PayloadTooLarge":
        """The error for a body (`what`) longer than `max_bytes`."""
        return cls(f"{what} is larger than {max_bytes} bytes", details=[{"max_bytes": max_bytes}])


class RateLimited(AppError, status=429, code="rate_limited"):
    """The caller spent its rate limit; `Retry-After` says when to come back."""


class ServiceUnavailable(AppError, status=503, code="service_unavailable"):
    """The database (or another dependency) cannot serve the request now; try again later."""


class DatabaseTimeout(AppError, status=504, code="database_timeout"):
    """A statement ran longer than the configured statement timeout and was cancelled."""


class Invalid(AppError, status=422, code="invalid"):
    """Well-formed input that breaks a rule of the domain (e.g. a copy older than its origin)."""


def error_response(
    status_code: int,
    code: str,
    message: str,
    details: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = ErrorResponse(error=ErrorBody(code=code, message=message, details=details or []))
    return JSONResponse(body.model_dump(mode="json"), status_code=status_code, headers=headers)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    details = []
    for err in exc.errors():
        details.append(
            {
                "loc": [str(part) for part in err.get("loc", ())],
                "message": str(err.get("msg", "invalid value")),
                "type": str(err.get("type", "value_error")),
            }
        )
    return details


async def _on_app_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    return error_response(exc.status_code, exc.code, exc.message, exc.details, exc.headers)


async def _on_validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = _validation_details(exc)
    # A path the router matched through a template (/v1/claims/{claim_id}) that is really a
    # literal route with other methods (/v1/claims/match): the method is what is wrong.
    if any(detail["loc"][:1] == ["path"] for detail in details):
        allowed = allowed_methods(_request.app, _request.url.path)
        if allowed and _request.method not in allowed:
            return error_response(
                405,
                "method_not_allowed",
                "Method Not Allowed",
                headers={"Allow": ", ".join(allowed)},
            )
    first = details[0] if details else {"loc": [], "message": "invalid request"}
    where = ".".join(first["loc"])
    message = f"invalid request: {where}: {first['message']}" if where else first["message"]
    return error_response(422, "validation_error", message, details)


async def _on_http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    try:
        phrase = HTTPStatus(exc.status_code).phrase
    except ValueError:
        phrase = "error"
    code = phrase.lower().replace(" ", "_").replace("-", "_")
    message = exc.detail if isinstance(exc.detail, str) else phrase
    headers = getattr(exc, "headers", None)
    if exc.status_code == 405:
        allowed = allowed_methods(_request.app, _request.url.path)
        if allowed:
            headers = {**(headers or {}), "Allow": ", ".join(allowed)}
    return error_response(exc.status_code, code, message, headers=headers)


def allowed_methods(app: FastAPI, path: str) -> list[str]:
    """Every method documented for the route template that `path` matches.

    Starlette answers 405 with the methods of the first route that matched the path; FastAPI
    has one route per method, so that would name only one of them.
    """
    for template, methods in _templates(app):
        if template.match(path):
            return methods  # literal templates come first: /v1/claims/match before /{claim_id}
    return []


def _templates(app: FastAPI) -> list[tuple[re.Pattern[str], list[str]]]:
    cached = getattr(app.state, "allowed_methods", None)
    if cached is None:
        cached = []
        for template, operations in app.openapi().get("paths", {}).items():
            regex = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
            methods = sorted(m.upper() for m in operations if m.upper() in _HTTP_METHODS)
            cached.append((re.compile(f"^{regex}$"), methods, template.count("{")))
        cached = [(regex, methods) for regex, methods, _ in sorted(cached, key=lambda c: c[2])]
        app.state.allowed_methods = cached
    return cached


_HTTP_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"})


async def _on_unexpected_error(_request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unhandled error", exc_info=exc)
    return error_response(500, "internal_error", "internal server error")


def install_error_handlers(app: FastAPI) -> None:
    """Render every error, including FastAPI's own validation errors, in the one shape."""
    app.add_exception_handler(AppError, _on_app_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(Exception, _on_unexpected_error)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries documenting the error shape for the given statuses."""
    descriptions = {
        400: "Bad request: the body is not decodable JSON",
        401: "No API key, or an unknown or revoked one (`unauthorized`)",
        403: "The API key lacks the scope this operation needs (`forbidden`)",
        404: "Not found",
        409: "Conflict with existing data",
        410: "Existed once, deleted or revoked since",
        413: "Request body larger than the configured limit (`payload_too_large`)",
        422: "Invalid input",
        429: "Too many requests (`rate_limited`); retry after `Retry-After` seconds",
        503: "Database unreachable or overloaded; retry after `Retry-After` seconds",
        504: "A database statement exceeded the statement timeout (`database_timeout`)",
    }
    return {
        status: {"model": ErrorResponse, "description": descriptions.get(status, "Error")}
        for status in statuses
    }
