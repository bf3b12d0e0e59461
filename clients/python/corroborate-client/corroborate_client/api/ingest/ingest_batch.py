from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.batch_result import BatchResult
from ...models.error_response import ErrorResponse
from ...types import File, Response


def _get_kwargs(
    *,
    body: File,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/ingest/batch",
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BatchResult | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = BatchResult.from_dict(response.json())

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
) -> Response[BatchResult | ErrorResponse]:
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
) -> Response[BatchResult | ErrorResponse]:
    """Batch

     Ingest NDJSON, one payload per line, set-based: a chunk of lines per transaction.

    Every line is reported with its number: `status` 201/200 and `result` as POST /v1/ingest
    would answer, or an error status and `error`; a bad line does not stop the others. The body
    is limited to `CLAIMS_INGEST_BATCH_MAX_BYTES` and `CLAIMS_INGEST_BATCH_MAX_LINES` (413).

    Args:
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResult | ErrorResponse]
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
) -> BatchResult | ErrorResponse | None:
    """Batch

     Ingest NDJSON, one payload per line, set-based: a chunk of lines per transaction.

    Every line is reported with its number: `status` 201/200 and `result` as POST /v1/ingest
    would answer, or an error status and `error`; a bad line does not stop the others. The body
    is limited to `CLAIMS_INGEST_BATCH_MAX_BYTES` and `CLAIMS_INGEST_BATCH_MAX_LINES` (413).

    Args:
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchResult | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
) -> Response[BatchResult | ErrorResponse]:
    """Batch

     Ingest NDJSON, one payload per line, set-based: a chunk of lines per transaction.

    Every line is reported with its number: `status` 201/200 and `result` as POST /v1/ingest
    would answer, or an error status and `error`; a bad line does not stop the others. The body
    is limited to `CLAIMS_INGEST_BATCH_MAX_BYTES` and `CLAIMS_INGEST_BATCH_MAX_LINES` (413).

    Args:
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResult | ErrorResponse]
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
) -> BatchResult | ErrorResponse | None:
    """Batch

     Ingest NDJSON, one payload per line, set-based: a chunk of lines per transaction.

    Every line is reported with its number: `status` 201/200 and `result` as POST /v1/ingest
    would answer, or an error status and `error`; a bad line does not stop the others. The body
    is limited to `CLAIMS_INGEST_BATCH_MAX_BYTES` and `CLAIMS_INGEST_BATCH_MAX_LINES` (413).

    Args:
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchResult | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
