import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.review_item_page import ReviewItemPage
from ...models.review_kind import ReviewKind
from ...models.review_status import ReviewStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: ReviewKind | Unset = UNSET,
    status: ReviewStatus | Unset = UNSET,
    claim: int | Unset = UNSET,
    outlet: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["claim"] = claim

    params["outlet"] = outlet

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/review",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ReviewItemPage | None:
    if response.status_code == 200:
        response_200 = ReviewItemPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

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
) -> Response[ErrorResponse | ReviewItemPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: ReviewKind | Unset = UNSET,
    status: ReviewStatus | Unset = UNSET,
    claim: int | Unset = UNSET,
    outlet: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[ErrorResponse | ReviewItemPage]:
    """List

     Stored uncertain decisions, newest first: claim-merge suggestions, copy candidates,
    credited origins below the confidence bar and claim proposals from crawled articles.

    Args:
        kind (ReviewKind | Unset):
        status (ReviewStatus | Unset):
        claim (int | Unset): Items about this claim or its articles.
        outlet (str | Unset): Items about this outlet's articles, or crediting it.
        since (datetime.datetime | Unset): Created at or after.
        limit (int | Unset): Items per page. Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ReviewItemPage]
    """

    kwargs = _get_kwargs(
        kind=kind,
        status=status,
        claim=claim,
        outlet=outlet,
        since=since,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    kind: ReviewKind | Unset = UNSET,
    status: ReviewStatus | Unset = UNSET,
    claim: int | Unset = UNSET,
    outlet: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> ErrorResponse | ReviewItemPage | None:
    """List

     Stored uncertain decisions, newest first: claim-merge suggestions, copy candidates,
    credited origins below the confidence bar and claim proposals from crawled articles.

    Args:
        kind (ReviewKind | Unset):
        status (ReviewStatus | Unset):
        claim (int | Unset): Items about this claim or its articles.
        outlet (str | Unset): Items about this outlet's articles, or crediting it.
        since (datetime.datetime | Unset): Created at or after.
        limit (int | Unset): Items per page. Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ReviewItemPage
    """

    return sync_detailed(
        client=client,
        kind=kind,
        status=status,
        claim=claim,
        outlet=outlet,
        since=since,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: ReviewKind | Unset = UNSET,
    status: ReviewStatus | Unset = UNSET,
    claim: int | Unset = UNSET,
    outlet: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[ErrorResponse | ReviewItemPage]:
    """List

     Stored uncertain decisions, newest first: claim-merge suggestions, copy candidates,
    credited origins below the confidence bar and claim proposals from crawled articles.

    Args:
        kind (ReviewKind | Unset):
        status (ReviewStatus | Unset):
        claim (int | Unset): Items about this claim or its articles.
        outlet (str | Unset): Items about this outlet's articles, or crediting it.
        since (datetime.datetime | Unset): Created at or after.
        limit (int | Unset): Items per page. Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ReviewItemPage]
    """

    kwargs = _get_kwargs(
        kind=kind,
        status=status,
        claim=claim,
        outlet=outlet,
        since=since,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    kind: ReviewKind | Unset = UNSET,
    status: ReviewStatus | Unset = UNSET,
    claim: int | Unset = UNSET,
    outlet: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> ErrorResponse | ReviewItemPage | None:
    """List

     Stored uncertain decisions, newest first: claim-merge suggestions, copy candidates,
    credited origins below the confidence bar and claim proposals from crawled articles.

    Args:
        kind (ReviewKind | Unset):
        status (ReviewStatus | Unset):
        claim (int | Unset): Items about this claim or its articles.
        outlet (str | Unset): Items about this outlet's articles, or crediting it.
        since (datetime.datetime | Unset): Created at or after.
        limit (int | Unset): Items per page. Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ReviewItemPage
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            status=status,
            claim=claim,
            outlet=outlet,
            since=since,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
