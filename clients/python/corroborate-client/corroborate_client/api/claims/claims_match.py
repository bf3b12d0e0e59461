from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.claim_matches import ClaimMatches
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    text: str,
    claimant: str | Unset = UNSET,
    limit: int | Unset = 10,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["text"] = text

    params["claimant"] = claimant

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/claims/match",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClaimMatches | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = ClaimMatches.from_dict(response.json())

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
) -> Response[ClaimMatches | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    text: str,
    claimant: str | Unset = UNSET,
    limit: int | Unset = 10,
) -> Response[ClaimMatches | ErrorResponse]:
    """Match

     Existing claims that may say the same thing as `text`, best first, scored in [0, 1].

    Args:
        text (str): Whitespace runs are collapsed to one space; never blank.
        claimant (str | Unset): Who makes the claim.
        limit (int | Unset): Most candidates returned. Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClaimMatches | ErrorResponse]
    """

    kwargs = _get_kwargs(
        text=text,
        claimant=claimant,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    text: str,
    claimant: str | Unset = UNSET,
    limit: int | Unset = 10,
) -> ClaimMatches | ErrorResponse | None:
    """Match

     Existing claims that may say the same thing as `text`, best first, scored in [0, 1].

    Args:
        text (str): Whitespace runs are collapsed to one space; never blank.
        claimant (str | Unset): Who makes the claim.
        limit (int | Unset): Most candidates returned. Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClaimMatches | ErrorResponse
    """

    return sync_detailed(
        client=client,
        text=text,
        claimant=claimant,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    text: str,
    claimant: str | Unset = UNSET,
    limit: int | Unset = 10,
) -> Response[ClaimMatches | ErrorResponse]:
    """Match

     Existing claims that may say the same thing as `text`, best first, scored in [0, 1].

    Args:
        text (str): Whitespace runs are collapsed to one space; never blank.
        claimant (str | Unset): Who makes the claim.
        limit (int | Unset): Most candidates returned. Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClaimMatches | ErrorResponse]
    """

    kwargs = _get_kwargs(
        text=text,
        claimant=claimant,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    text: str,
    claimant: str | Unset = UNSET,
    limit: int | Unset = 10,
) -> ClaimMatches | ErrorResponse | None:
    """Match

     Existing claims that may say the same thing as `text`, best first, scored in [0, 1].

    Args:
        text (str): Whitespace runs are collapsed to one space; never blank.
        claimant (str | Unset): Who makes the claim.
        limit (int | Unset): Most candidates returned. Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClaimMatches | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            text=text,
            claimant=claimant,
            limit=limit,
        )
    ).parsed
