from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.claim_merge import ClaimMerge
from ...models.claim_with_attributions import ClaimWithAttributions
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    claim_id: int,
    *,
    body: ClaimMerge,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/claims/{claim_id}/merge".format(
            claim_id=quote(str(claim_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClaimWithAttributions | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = ClaimWithAttributions.from_dict(response.json())

        return response_200

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
) -> Response[ClaimWithAttributions | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    claim_id: int,
    *,
    client: AuthenticatedClient,
    body: ClaimMerge,
) -> Response[ClaimWithAttributions | ErrorResponse]:
    """Merge

     Merge this claim into another: attributions move (without duplicates), counts follow.

    The old id then answers with the merged claim and `merged_into`; it leaves lists and
    matching. Merging into a merged claim merges into the claim that one leads to; repeating a
    merge is a no-op.

    Args:
        claim_id (int):
        body (ClaimMerge):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClaimWithAttributions | ErrorResponse]
    """

    kwargs = _get_kwargs(
        claim_id=claim_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    claim_id: int,
    *,
    client: AuthenticatedClient,
    body: ClaimMerge,
) -> ClaimWithAttributions | ErrorResponse | None:
    """Merge

     Merge this claim into another: attributions move (without duplicates), counts follow.

    The old id then answers with the merged claim and `merged_into`; it leaves lists and
    matching. Merging into a merged claim merges into the claim that one leads to; repeating a
    merge is a no-op.

    Args:
        claim_id (int):
        body (ClaimMerge):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClaimWithAttributions | ErrorResponse
    """

    return sync_detailed(
        claim_id=claim_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    claim_id: int,
    *,
    client: AuthenticatedClient,
    body: ClaimMerge,
) -> Response[ClaimWithAttributions | ErrorResponse]:
    """Merge

     Merge this claim into another: attributions move (without duplicates), counts follow.

    The old id then answers with the merged claim and `merged_into`; it leaves lists and
    matching. Merging into a merged claim merges into the claim that one leads to; repeating a
    merge is a no-op.

    Args:
        claim_id (int):
        body (ClaimMerge):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClaimWithAttributions | ErrorResponse]
    """

    kwargs = _get_kwargs(
        claim_id=claim_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    claim_id: int,
    *,
    client: AuthenticatedClient,
    body: ClaimMerge,
) -> ClaimWithAttributions | ErrorResponse | None:
    """Merge

     Merge this claim into another: attributions move (without duplicates), counts follow.

    The old id then answers with the merged claim and `merged_into`; it leaves lists and
    matching. Merging into a merged claim merges into the claim that one leads to; repeating a
    merge is a no-op.

    Args:
        claim_id (int):
        body (ClaimMerge):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClaimWithAttributions | ErrorResponse
    """

    return (
        await asyncio_detailed(
            claim_id=claim_id,
            client=client,
            body=body,
        )
    ).parsed
