from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.country_code import CountryCode
from ...models.error_response import ErrorResponse
from ...models.outlet_kind import OutletKind
from ...models.outlet_page import OutletPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: OutletKind | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_country: str | Unset = UNSET
    if not isinstance(country, Unset):
        json_country = country.value

    params["country"] = json_country

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/outlets",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | OutletPage | None:
    if response.status_code == 200:
        response_200 = OutletPage.from_dict(response.json())

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
) -> Response[ErrorResponse | OutletPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: OutletKind | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[ErrorResponse | OutletPage]:
    """List

    Args:
        kind (OutletKind | Unset):
        country (CountryCode | Unset): ISO 3166-1 alpha-2 country code (sent in lower case, it is
            accepted and returned upper case).
        limit (int | Unset): Items per page. Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | OutletPage]
    """

    kwargs = _get_kwargs(
        kind=kind,
        country=country,
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
    kind: OutletKind | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> ErrorResponse | OutletPage | None:
    """List

    Args:
        kind (OutletKind | Unset):
        country (CountryCode | Unset): ISO 3166-1 alpha-2 country code (sent in lower case, it is
            accepted and returned upper case).
        limit (int | Unset): Items per page. Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | OutletPage
    """

    return sync_detailed(
        client=client,
        kind=kind,
        country=country,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: OutletKind | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[ErrorResponse | OutletPage]:
    """List

    Args:
        kind (OutletKind | Unset):
        country (CountryCode | Unset): ISO 3166-1 alpha-2 country code (sent in lower case, it is
            accepted and returned upper case).
        limit (int | Unset): Items per page. Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | OutletPage]
    """

    kwargs = _get_kwargs(
        kind=kind,
        country=country,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    kind: OutletKind | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> ErrorResponse | OutletPage | None:
    """List

    Args:
        kind (OutletKind | Unset):
        country (CountryCode | Unset): ISO 3166-1 alpha-2 country code (sent in lower case, it is
            accepted and returned upper case).
        limit (int | Unset): Items per page. Default: 50.
        cursor (str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | OutletPage
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            country=country,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
