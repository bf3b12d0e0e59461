"""Route declarations for conventions that every domain router follows the same way.

A route's response model is its handler's return type (FastAPI reads it from the annotation);
`response_model=` is spelled out only where the handler returns a `Response` of bytes it
rendered itself, so that OpenAPI still describes the shape of those bytes.
"""

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter
from fastapi import Response
from fastapi import status
from fastapi.types import DecoratedCallable

# What `responses=` takes (core.errors.responses(...) builds the error entries), and what a
# route helper gives back: the decorator FastAPI's own `router.post(...)` would.
Responses = dict[int | str, dict[str, Any]]
RouteDecorator = Callable[[DecoratedCallable], DecoratedCallable]


def create_route(
    router: APIRouter, path: str, *, name: str, responses: Responses | None = None
) -> RouteDecorator:
    """`POST path` answering 201 Created with what the handler returns (its return type)."""
    return router.post(path, name=name, status_code=status.HTTP_201_CREATED, responses=responses)


def delete_route(
    router: APIRouter, path: str, *, name: str, responses: Responses | None = None
) -> RouteDecorator:
    """`DELETE path` answering 204 with an empty body; the handler returns None.

    `response_class=Response` is what keeps the 204 bare: under the default JSONResponse it
    would carry `Content-Type: application/json` although it has no body.
    """
    return router.delete(
        path,
        name=name,
        status_code=status.HTTP_204_NO_CONTENT,
        response_class=Response,
        responses=responses,
    )
