from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.feed_public import FeedPublic
from ...types import Response


def _get_kwargs(
    slug: str,
    feed_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/outlets/{slug}/feeds/{feed_id}/enable".format(
            slug=quote(str(slug), safe=""),
            feed_id=quote(str(feed_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | FeedPublic | None:
    if response.status_code == 200:
        response_200 = FeedPublic.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

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
    feed_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | FeedPublic]:
    """Enable

     Read a feed again that was disabled after repeated failures: it becomes `active` with no
    failures counted and is due at once (the next crawler pass reads it, under its host's
    delay). Enabling an active feed changes nothing.

    Args:
        slug (str): Outlet slug.
        feed_id (int): The feed's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FeedPublic]
    """

    kwargs = _get_kwargs(
        slug=slug,
        feed_id=feed_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    feed_id: int,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | FeedPublic | None:
    """Enable

     Read a feed again that was disabled after repeated failures: it becomes `active` with no
    failures counted and is due at once (the next crawler pass reads it, under its host's
    delay). Enabling an active feed changes nothing.

    Args:
        slug (str): Outlet slug.
        feed_id (int): The feed's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FeedPublic
    """

    return sync_detailed(
        slug=slug,
        feed_id=feed_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    slug: str,
    feed_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | FeedPublic]:
    """Enable

     Read a feed again that was disabled after repeated failures: it becomes `active` with no
    failures counted and is due at once (the next crawler pass reads it, under its host's
    delay). Enabling an active feed changes nothing.

    Args:
        slug (str): Outlet slug.
        feed_id (int): The feed's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FeedPublic]
    """

    kwargs = _get_kwargs(
        slug=slug,
        feed_id=feed_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    feed_id: int,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | FeedPublic | None:
    """Enable

     Read a feed again that was disabled after repeated failures: it becomes `active` with no
    failures counted and is due at once (the next crawler pass reads it, under its host's
    delay). Enabling an active feed changes nothing.

    Args:
        slug (str): Outlet slug.
        feed_id (int): The feed's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FeedPublic
    """

    return (
        await asyncio_detailed(
            slug=slug,
            feed_id=feed_id,
            client=client,
        )
    ).parsed
