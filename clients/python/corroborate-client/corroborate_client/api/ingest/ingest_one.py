from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.ingest_payload import IngestPayload
from ...models.ingest_result import IngestResult
from ...types import Response


def _get_kwargs(
    *,
    body: IngestPayload,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/ingest",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | IngestResult | None:
    if response.status_code == 200:
        response_200 = IngestResult.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = IngestResult.from_dict(response.json())

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
) -> Response[ErrorResponse | IngestResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IngestPayload,
) -> Response[ErrorResponse | IngestResult]:
    """One

     Store an article with its outlet and claims in one transaction; safe to re-send.

    Each claim is linked to `claim_id`, else to the existing claim it matches at or above
    `CLAIMS_MATCH_LINK`, else created (with suggestions from `CLAIMS_MATCH_SUGGEST` up). Without a
    stated `origin`, copy detection may link the article to the one it copies or cites.
    201 when the article was created, 200 when it was already stored (a re-send writes nothing).

    Args:
        body (IngestPayload): One article with its outlet and the claims it reports.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IngestResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: IngestPayload,
) -> ErrorResponse | IngestResult | None:
    """One

     Store an article with its outlet and claims in one transaction; safe to re-send.

    Each claim is linked to `claim_id`, else to the existing claim it matches at or above
    `CLAIMS_MATCH_LINK`, else created (with suggestions from `CLAIMS_MATCH_SUGGEST` up). Without a
    stated `origin`, copy detection may link the article to the one it copies or cites.
    201 when the article was created, 200 when it was already stored (a re-send writes nothing).

    Args:
        body (IngestPayload): One article with its outlet and the claims it reports.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IngestResult
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IngestPayload,
) -> Response[ErrorResponse | IngestResult]:
    """One

     Store an article with its outlet and claims in one transaction; safe to re-send.

    Each claim is linked to `claim_id`, else to the existing claim it matches at or above
    `CLAIMS_MATCH_LINK`, else created (with suggestions from `CLAIMS_MATCH_SUGGEST` up). Without a
    stated `origin`, copy detection may link the article to the one it copies or cites.
    201 when the article was created, 200 when it was already stored (a re-send writes nothing).

    Args:
        body (IngestPayload): One article with its outlet and the claims it reports.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IngestResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: IngestPayload,
) -> ErrorResponse | IngestResult | None:
    """One

     Store an article with its outlet and claims in one transaction; safe to re-send.

    Each claim is linked to `claim_id`, else to the existing claim it matches at or above
    `CLAIMS_MATCH_LINK`, else created (with suggestions from `CLAIMS_MATCH_SUGGEST` up). Without a
    stated `origin`, copy detection may link the article to the one it copies or cites.
    201 when the article was created, 200 when it was already stored (a re-send writes nothing).

    Args:
        body (IngestPayload): One article with its outlet and the claims it reports.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IngestResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
