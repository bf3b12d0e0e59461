from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.claim_json_ld import ClaimJsonLd
from ...models.claim_review_graph import ClaimReviewGraph
from ...models.claim_review_json_ld import ClaimReviewJsonLd
from ...models.error_response import ErrorResponse
from ...models.media_review_json_ld import MediaReviewJsonLd
from ...types import Response


def _get_kwargs(
    claim_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/claims/{claim_id}/claimreview".format(
            claim_id=quote(str(claim_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClaimJsonLd | ClaimReviewGraph | ClaimReviewJsonLd | MediaReviewJsonLd | ErrorResponse | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ClaimJsonLd | ClaimReviewGraph | ClaimReviewJsonLd | MediaReviewJsonLd:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ClaimReviewJsonLd.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_1 = MediaReviewJsonLd.from_dict(data)

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_2 = ClaimReviewGraph.from_dict(data)

                return response_200_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_3 = ClaimJsonLd.from_dict(data)

            return response_200_type_3

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

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
) -> Response[ClaimJsonLd | ClaimReviewGraph | ClaimReviewJsonLd | MediaReviewJsonLd | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    claim_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ClaimJsonLd | ClaimReviewGraph | ClaimReviewJsonLd | MediaReviewJsonLd | ErrorResponse]:
    """Claimreview

     The claim as schema.org ClaimReview JSON-LD, ready to embed or to feed to a crawler.

    Args:
        claim_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClaimJsonLd | ClaimReviewGraph | ClaimReviewJsonLd | MediaReviewJsonLd | ErrorResponse]
    """

    kwargs = _get_kwargs(
        claim_id=claim_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    claim_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> ClaimJsonLd | ClaimReviewGraph | ClaimReviewJsonLd | MediaReviewJsonLd | ErrorResponse | None:
    """Claimreview

     The claim as schema.org ClaimReview JSON-LD, ready to embed or to feed to a crawler.

    Args:
        claim_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClaimJsonLd | ClaimReviewGraph | ClaimReviewJsonLd | MediaReviewJsonLd | ErrorResponse
    """

    return sync_detailed(
        claim_id=claim_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    claim_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ClaimJsonLd | ClaimReviewGraph | ClaimReviewJsonLd | MediaReviewJsonLd | ErrorResponse]:
    """Claimreview

     The claim as schema.org ClaimReview JSON-LD, ready to embed or to feed to a crawler.

    Args:
        claim_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClaimJsonLd | ClaimReviewGraph | ClaimReviewJsonLd | MediaReviewJsonLd | ErrorResponse]
    """

    kwargs = _get_kwargs(
        claim_id=claim_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    claim_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> ClaimJsonLd | ClaimReviewGraph | ClaimReviewJsonLd | MediaReviewJsonLd | ErrorResponse | None:
    """Claimreview

     The claim as schema.org ClaimReview JSON-LD, ready to embed or to feed to a crawler.

    Args:
        claim_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClaimJsonLd | ClaimReviewGraph | ClaimReviewJsonLd | MediaReviewJsonLd | ErrorResponse
    """

    return (
        await asyncio_detailed(
            claim_id=claim_id,
            client=client,
        )
    ).parsed
