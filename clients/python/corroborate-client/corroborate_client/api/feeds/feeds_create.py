from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.feed_create import FeedCreate
from ...models.feed_public import FeedPublic
from ...types import Response


def _get_kwargs(
    slug: str,
    *,
    body: FeedCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/outlets/{slug}/feeds".format(
            slug=quote(str(slug), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | FeedPublic | None:
    if response.status_code == 201:
        response_201 = FeedPublic.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = ErrorResponse.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | FeedPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: FeedCreate,
) -> Response[ErrorResponse | FeedPublic]:
    """Create

     Watch an RSS/Atom feed or a sitemap of the outlet: `corroborate watch` (or any job
    consumer) reads it politely and fetches each new article once (docs/feeds.md).

    Args:
        slug (str): Outlet slug.
        body (FeedCreate): A feed to watch, and its crawl policy where it differs from the
            defaults.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FeedPublic]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: FeedCreate,
) -> ErrorResponse | FeedPublic | None:
    """Create

     Watch an RSS/Atom feed or a sitemap of the outlet: `corroborate watch` (or any job
    consumer) reads it politely and fetches each new article once (docs/feeds.md).

    Args:
        slug (str): Outlet slug.
        body (FeedCreate): A feed to watch, and its crawl policy where it differs from the
            defaults.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FeedPublic
    """

    return sync_detailed(
        slug=slug,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: FeedCreate,
) -> Response[ErrorResponse | FeedPublic]:
    """Create

     Watch an RSS/Atom feed or a sitemap of the outlet: `corroborate watch` (or any job
    consumer) reads it politely and fetches each new article once (docs/feeds.md).

    Args:
        slug (str): Outlet slug.
        body (FeedCreate): A feed to watch, and its crawl policy where it differs from the
            defaults.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FeedPublic]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: FeedCreate,
) -> ErrorResponse | FeedPublic | None:
    """Create

     Watch an RSS/Atom feed or a sitemap of the outlet: `corroborate watch` (or any job
    consumer) reads it politely and fetches each new article once (docs/feeds.md).

    Args:
        slug (str): Outlet slug.
        body (FeedCreate): A feed to watch, and its crawl policy where it differs from the
            defaults.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FeedPublic
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            body=body,
        )
    ).parsed
