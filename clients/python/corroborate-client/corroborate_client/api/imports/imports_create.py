from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.import_public import ImportPublic
from ...types import File, Response


def _get_kwargs(
    *,
    body: File,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/imports",
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ImportPublic | None:
    if response.status_code == 202:
        response_202 = ImportPublic.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ErrorResponse.from_dict(response.json())

        return response_415

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
) -> Response[ErrorResponse | ImportPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
) -> Response[ErrorResponse | ImportPublic]:
    """Create

     Store an NDJSON upload and ingest it in the background; answers at once with the job.

    The upload may be far larger than a batch (`CLAIMS_IMPORTS_MAX_BYTES`, 413 beyond); it is
    written to disk as it arrives. A job then ingests it a chunk at a time exactly as
    POST /v1/ingest/batch would, surviving restarts; follow it at GET /v1/imports/{id} and read
    refused lines at GET /v1/imports/{id}/errors. 422 when the body has no line or does not
    start with a JSON object (not NDJSON at all); a bad line further on is reported, not refused.

    Args:
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ImportPublic]
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
    body: File,
) -> ErrorResponse | ImportPublic | None:
    """Create

     Store an NDJSON upload and ingest it in the background; answers at once with the job.

    The upload may be far larger than a batch (`CLAIMS_IMPORTS_MAX_BYTES`, 413 beyond); it is
    written to disk as it arrives. A job then ingests it a chunk at a time exactly as
    POST /v1/ingest/batch would, surviving restarts; follow it at GET /v1/imports/{id} and read
    refused lines at GET /v1/imports/{id}/errors. 422 when the body has no line or does not
    start with a JSON object (not NDJSON at all); a bad line further on is reported, not refused.

    Args:
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ImportPublic
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
) -> Response[ErrorResponse | ImportPublic]:
    """Create

     Store an NDJSON upload and ingest it in the background; answers at once with the job.

    The upload may be far larger than a batch (`CLAIMS_IMPORTS_MAX_BYTES`, 413 beyond); it is
    written to disk as it arrives. A job then ingests it a chunk at a time exactly as
    POST /v1/ingest/batch would, surviving restarts; follow it at GET /v1/imports/{id} and read
    refused lines at GET /v1/imports/{id}/errors. 422 when the body has no line or does not
    start with a JSON object (not NDJSON at all); a bad line further on is reported, not refused.

    Args:
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ImportPublic]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: File,
) -> ErrorResponse | ImportPublic | None:
    """Create

     Store an NDJSON upload and ingest it in the background; answers at once with the job.

    The upload may be far larger than a batch (`CLAIMS_IMPORTS_MAX_BYTES`, 413 beyond); it is
    written to disk as it arrives. A job then ingests it a chunk at a time exactly as
    POST /v1/ingest/batch would, surviving restarts; follow it at GET /v1/imports/{id} and read
    refused lines at GET /v1/imports/{id}/errors. 422 when the body has no line or does not
    start with a JSON object (not NDJSON at all); a bad line further on is reported, not refused.

    Args:
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ImportPublic
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
