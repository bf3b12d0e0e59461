from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.claim_review_node import ClaimReviewNode
from ...models.data_feed_import import DataFeedImport
from ...models.error_response import ErrorResponse
from ...models.fact_check_search import FactCheckSearch
from ...models.import_report import ImportReport
from ...models.json_ld_graph_import import JsonLdGraphImport
from ...models.reviews_import_body_type_4_item import ReviewsImportBodyType4Item
from ...types import Response


def _get_kwargs(
    *,
    body: ClaimReviewNode | DataFeedImport | FactCheckSearch | JsonLdGraphImport | list[ReviewsImportBodyType4Item],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/import/claimreview",
    }

    if isinstance(body, ClaimReviewNode):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, JsonLdGraphImport):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, DataFeedImport):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, FactCheckSearch):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = []
        for body_type_4_item_data in body:
            body_type_4_item = body_type_4_item_data.to_dict()
            _kwargs["json"].append(body_type_4_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ImportReport | None:
    if response.status_code == 200:
        response_200 = ImportReport.from_dict(response.json())

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
) -> Response[ErrorResponse | ImportReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ClaimReviewNode | DataFeedImport | FactCheckSearch | JsonLdGraphImport | list[ReviewsImportBodyType4Item],
) -> Response[ErrorResponse | ImportReport]:
    """Import

     Import fact checks: each review is created on the claim it is about (the same text and
    claimant, else the claim matcher's best candidate at or above the link threshold, else a
    new claim), with its appearances as attributed articles.

    Idempotent by review URL: importing the same document again changes nothing and reports
    every review as `skipped` / `already_imported`. Each node is all-or-nothing; what cannot
    be used is reported, never a 500. A partial import answers 200 with each node's outcome;
    when nothing could be imported (every node skipped, none already there) the answer is a
    422 `nothing_imported` whose `details` are the per-node outcomes.

    Args:
        body (ClaimReviewNode | DataFeedImport | FactCheckSearch | JsonLdGraphImport |
            list[ReviewsImportBodyType4Item]): ClaimReview JSON-LD as fact-checkers publish it: one
            object, a list, a `@graph`, a Data Commons `DataFeed`, or a Google Fact Check Tools
            `claims:search` response (`{"claims": [{"text", "claimant", "claimReview": [...]}]}`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ImportReport]
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
    body: ClaimReviewNode | DataFeedImport | FactCheckSearch | JsonLdGraphImport | list[ReviewsImportBodyType4Item],
) -> ErrorResponse | ImportReport | None:
    """Import

     Import fact checks: each review is created on the claim it is about (the same text and
    claimant, else the claim matcher's best candidate at or above the link threshold, else a
    new claim), with its appearances as attributed articles.

    Idempotent by review URL: importing the same document again changes nothing and reports
    every review as `skipped` / `already_imported`. Each node is all-or-nothing; what cannot
    be used is reported, never a 500. A partial import answers 200 with each node's outcome;
    when nothing could be imported (every node skipped, none already there) the answer is a
    422 `nothing_imported` whose `details` are the per-node outcomes.

    Args:
        body (ClaimReviewNode | DataFeedImport | FactCheckSearch | JsonLdGraphImport |
            list[ReviewsImportBodyType4Item]): ClaimReview JSON-LD as fact-checkers publish it: one
            object, a list, a `@graph`, a Data Commons `DataFeed`, or a Google Fact Check Tools
            `claims:search` response (`{"claims": [{"text", "claimant", "claimReview": [...]}]}`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ImportReport
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ClaimReviewNode | DataFeedImport | FactCheckSearch | JsonLdGraphImport | list[ReviewsImportBodyType4Item],
) -> Response[ErrorResponse | ImportReport]:
    """Import

     Import fact checks: each review is created on the claim it is about (the same text and
    claimant, else the claim matcher's best candidate at or above the link threshold, else a
    new claim), with its appearances as attributed articles.

    Idempotent by review URL: importing the same document again changes nothing and reports
    every review as `skipped` / `already_imported`. Each node is all-or-nothing; what cannot
    be used is reported, never a 500. A partial import answers 200 with each node's outcome;
    when nothing could be imported (every node skipped, none already there) the answer is a
    422 `nothing_imported` whose `details` are the per-node outcomes.

    Args:
        body (ClaimReviewNode | DataFeedImport | FactCheckSearch | JsonLdGraphImport |
            list[ReviewsImportBodyType4Item]): ClaimReview JSON-LD as fact-checkers publish it: one
            object, a list, a `@graph`, a Data Commons `DataFeed`, or a Google Fact Check Tools
            `claims:search` response (`{"claims": [{"text", "claimant", "claimReview": [...]}]}`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ImportReport]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ClaimReviewNode | DataFeedImport | FactCheckSearch | JsonLdGraphImport | list[ReviewsImportBodyType4Item],
) -> ErrorResponse | ImportReport | None:
    """Import

     Import fact checks: each review is created on the claim it is about (the same text and
    claimant, else the claim matcher's best candidate at or above the link threshold, else a
    new claim), with its appearances as attributed articles.

    Idempotent by review URL: importing the same document again changes nothing and reports
    every review as `skipped` / `already_imported`. Each node is all-or-nothing; what cannot
    be used is reported, never a 500. A partial import answers 200 with each node's outcome;
    when nothing could be imported (every node skipped, none already there) the answer is a
    422 `nothing_imported` whose `details` are the per-node outcomes.

    Args:
        body (ClaimReviewNode | DataFeedImport | FactCheckSearch | JsonLdGraphImport |
            list[ReviewsImportBodyType4Item]): ClaimReview JSON-LD as fact-checkers publish it: one
            object, a list, a `@graph`, a Data Commons `DataFeed`, or a Google Fact Check Tools
            `claims:search` response (`{"claims": [{"text", "claimant", "claimReview": [...]}]}`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ImportReport
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
