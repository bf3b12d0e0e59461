"""Route declarations for a convention that every domain router follows the same way."""

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter
from fastapi import Response
from fastapi import status
from fastapi.types import DecoratedCallable


def delete_route(
    router: APIRouter,
    path: str,
    *,
    name: str,
    responses: dict[int | str, dict[str, Any]] | None = None,
) -> Callable[[DecoratedCallable], DecoratedCallable]:
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
