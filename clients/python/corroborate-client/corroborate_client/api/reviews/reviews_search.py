from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.fact_check_search_response import FactCheckSearchResponse
from ...models.review_search_page import ReviewSearchPage
from ...models.search_format import SearchFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    text: str | Unset = UNSET,
    language: str | Unset = UNSET,
    publisher: str | Unset = UNSET,
    max_age_days: int | Unset = UNSET,
    min_score: float | Unset = UNSET,
    format_: SearchFormat | Unset = UNSET,
    limit: int | Unset = 10,
    cursor: str | Unset = UNSET,
    query: str | Unset = UNSET,
    language_code: str | Unset = UNSET,
    review_publisher_site_filter: str | Unset = UNSET,
    maxAgeDays: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["text"] = text

    params["language"] = language

    params["publisher"] = publisher

    params["max_age_days"] = max_age_days

    params["min_score"] = min_score

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params["limit"] = limit

    params["cursor"] = cursor

    params["query"] = query

    params["languageCode"] = language_code

    params["reviewPublisherSiteFilter"] = review_publisher_site_filter

    params["maxAgeDays"] = maxAgeDays

    params["pageSize"] = page_size

    params["pageToken"] = page_token

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reviews/search",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | FactCheckSearchResponse | ReviewSearchPage | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> FactCheckSearchResponse | ReviewSearchPage:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ReviewSearchPage.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = FactCheckSearchResponse.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

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
) -> Response[ErrorResponse | FactCheckSearchResponse | ReviewSearchPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    text: str | Unset = UNSET,
    language: str | Unset = UNSET,
    publisher: str | Unset = UNSET,
    max_age_days: int | Unset = UNSET,
    min_score: float | Unset = UNSET,
    format_: SearchFormat | Unset = UNSET,
    limit: int | Unset = 10,
    cursor: str | Unset = UNSET,
    query: str | Unset = UNSET,
    language_code: str | Unset = UNSET,
    review_publisher_site_filter: str | Unset = UNSET,
    maxAgeDays: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
) -> Response[ErrorResponse | FactCheckSearchResponse | ReviewSearchPage]:
    """Search

     Has anyone checked this already? Reviewed claims that say the same as `text` (the claim
    matcher: exact, lexical and, with the hybrid matcher, semantic and across languages), with
    filters like Google Fact Check Tools' `claims:search` (whose parameter names are accepted
    too, so its clients can switch by changing the base URL).

    Args:
        text (str | Unset): The claim to look for, in any wording or language.
        language (str | Unset): Only reviews in this language (`en` also matches `en-GB`).
        publisher (str | Unset): Only reviews by this publisher: its site (`politifact.com`) or
            name.
        max_age_days (int | Unset): Only reviews whose review date (or claim date, if newer) is at
            most this many days old.
        min_score (float | Unset): Lowest match score to return; default the matcher's suggest
            threshold.
        format_ (SearchFormat | Unset): Answer shape.
        limit (int | Unset): Claims per page. Default: 10.
        cursor (str | Unset): `next_cursor` of the previous page.
        query (str | Unset): Fact Check Tools name of `text`.
        language_code (str | Unset): Fact Check Tools name of `language`.
        review_publisher_site_filter (str | Unset): Fact Check Tools name of `publisher`.
        maxAgeDays (int | Unset): Fact Check Tools name of `max_age_days`.
        page_size (int | Unset): Fact Check Tools name of `limit`.
        page_token (str | Unset): Fact Check Tools name of `cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FactCheckSearchResponse | ReviewSearchPage]
    """

    kwargs = _get_kwargs(
        text=text,
        language=language,
        publisher=publisher,
        max_age_days=max_age_days,
        min_score=min_score,
        format_=format_,
        limit=limit,
        cursor=cursor,
        query=query,
        language_code=language_code,
        review_publisher_site_filter=review_publisher_site_filter,
        maxAgeDays=maxAgeDays,
        page_size=page_size,
        page_token=page_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    text: str | Unset = UNSET,
    language: str | Unset = UNSET,
    publisher: str | Unset = UNSET,
    max_age_days: int | Unset = UNSET,
    min_score: float | Unset = UNSET,
    format_: SearchFormat | Unset = UNSET,
    limit: int | Unset = 10,
    cursor: str | Unset = UNSET,
    query: str | Unset = UNSET,
    language_code: str | Unset = UNSET,
    review_publisher_site_filter: str | Unset = UNSET,
    maxAgeDays: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
) -> ErrorResponse | FactCheckSearchResponse | ReviewSearchPage | None:
    """Search

     Has anyone checked this already? Reviewed claims that say the same as `text` (the claim
    matcher: exact, lexical and, with the hybrid matcher, semantic and across languages), with
    filters like Google Fact Check Tools' `claims:search` (whose parameter names are accepted
    too, so its clients can switch by changing the base URL).

    Args:
        text (str | Unset): The claim to look for, in any wording or language.
        language (str | Unset): Only reviews in this language (`en` also matches `en-GB`).
        publisher (str | Unset): Only reviews by this publisher: its site (`politifact.com`) or
            name.
        max_age_days (int | Unset): Only reviews whose review date (or claim date, if newer) is at
            most this many days old.
        min_score (float | Unset): Lowest match score to return; default the matcher's suggest
            threshold.
        format_ (SearchFormat | Unset): Answer shape.
        limit (int | Unset): Claims per page. Default: 10.
        cursor (str | Unset): `next_cursor` of the previous page.
        query (str | Unset): Fact Check Tools name of `text`.
        language_code (str | Unset): Fact Check Tools name of `language`.
        review_publisher_site_filter (str | Unset): Fact Check Tools name of `publisher`.
        maxAgeDays (int | Unset): Fact Check Tools name of `max_age_days`.
        page_size (int | Unset): Fact Check Tools name of `limit`.
        page_token (str | Unset): Fact Check Tools name of `cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FactCheckSearchResponse | ReviewSearchPage
    """

    return sync_detailed(
        client=client,
        text=text,
        language=language,
        publisher=publisher,
        max_age_days=max_age_days,
        min_score=min_score,
        format_=format_,
        limit=limit,
        cursor=cursor,
        query=query,
        language_code=language_code,
        review_publisher_site_filter=review_publisher_site_filter,
        maxAgeDays=maxAgeDays,
        page_size=page_size,
        page_token=page_token,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    text: str | Unset = UNSET,
    language: str | Unset = UNSET,
    publisher: str | Unset = UNSET,
    max_age_days: int | Unset = UNSET,
    min_score: float | Unset = UNSET,
    format_: SearchFormat | Unset = UNSET,
    limit: int | Unset = 10,
    cursor: str | Unset = UNSET,
    query: str | Unset = UNSET,
    language_code: str | Unset = UNSET,
    review_publisher_site_filter: str | Unset = UNSET,
    maxAgeDays: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
) -> Response[ErrorResponse | FactCheckSearchResponse | ReviewSearchPage]:
    """Search

     Has anyone checked this already? Reviewed claims that say the same as `text` (the claim
    matcher: exact, lexical and, with the hybrid matcher, semantic and across languages), with
    filters like Google Fact Check Tools' `claims:search` (whose parameter names are accepted
    too, so its clients can switch by changing the base URL).

    Args:
        text (str | Unset): The claim to look for, in any wording or language.
        language (str | Unset): Only reviews in this language (`en` also matches `en-GB`).
        publisher (str | Unset): Only reviews by this publisher: its site (`politifact.com`) or
            name.
        max_age_days (int | Unset): Only reviews whose review date (or claim date, if newer) is at
            most this many days old.
        min_score (float | Unset): Lowest match score to return; default the matcher's suggest
            threshold.
        format_ (SearchFormat | Unset): Answer shape.
        limit (int | Unset): Claims per page. Default: 10.
        cursor (str | Unset): `next_cursor` of the previous page.
        query (str | Unset): Fact Check Tools name of `text`.
        language_code (str | Unset): Fact Check Tools name of `language`.
        review_publisher_site_filter (str | Unset): Fact Check Tools name of `publisher`.
        maxAgeDays (int | Unset): Fact Check Tools name of `max_age_days`.
        page_size (int | Unset): Fact Check Tools name of `limit`.
        page_token (str | Unset): Fact Check Tools name of `cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FactCheckSearchResponse | ReviewSearchPage]
    """

    kwargs = _get_kwargs(
        text=text,
        language=language,
        publisher=publisher,
        max_age_days=max_age_days,
        min_score=min_score,
        format_=format_,
        limit=limit,
        cursor=cursor,
        query=query,
        language_code=language_code,
        review_publisher_site_filter=review_publisher_site_filter,
        maxAgeDays=maxAgeDays,
        page_size=page_size,
        page_token=page_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    text: str | Unset = UNSET,
    language: str | Unset = UNSET,
    publisher: str | Unset = UNSET,
    max_age_days: int | Unset = UNSET,
    min_score: float | Unset = UNSET,
    format_: SearchFormat | Unset = UNSET,
    limit: int | Unset = 10,
    cursor: str | Unset = UNSET,
    query: str | Unset = UNSET,
    language_code: str | Unset = UNSET,
    review_publisher_site_filter: str | Unset = UNSET,
    maxAgeDays: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
) -> ErrorResponse | FactCheckSearchResponse | ReviewSearchPage | None:
    """Search

     Has anyone checked this already? Reviewed claims that say the same as `text` (the claim
    matcher: exact, lexical and, with the hybrid matcher, semantic and across languages), with
    filters like Google Fact Check Tools' `claims:search` (whose parameter names are accepted
    too, so its clients can switch by changing the base URL).

    Args:
        text (str | Unset): The claim to look for, in any wording or language.
        language (str | Unset): Only reviews in this language (`en` also matches `en-GB`).
        publisher (str | Unset): Only reviews by this publisher: its site (`politifact.com`) or
            name.
        max_age_days (int | Unset): Only reviews whose review date (or claim date, if newer) is at
            most this many days old.
        min_score (float | Unset): Lowest match score to return; default the matcher's suggest
            threshold.
        format_ (SearchFormat | Unset): Answer shape.
        limit (int | Unset): Claims per page. Default: 10.
        cursor (str | Unset): `next_cursor` of the previous page.
        query (str | Unset): Fact Check Tools name of `text`.
        language_code (str | Unset): Fact Check Tools name of `language`.
        review_publisher_site_filter (str | Unset): Fact Check Tools name of `publisher`.
        maxAgeDays (int | Unset): Fact Check Tools name of `max_age_days`.
        page_size (int | Unset): Fact Check Tools name of `limit`.
        page_token (str | Unset): Fact Check Tools name of `cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FactCheckSearchResponse | ReviewSearchPage
    """

    return (
        await asyncio_detailed(
            client=client,
            text=text,
            language=language,
            publisher=publisher,
            max_age_days=max_age_days,
            min_score=min_score,
            format_=format_,
            limit=limit,
            cursor=cursor,
            query=query,
            language_code=language_code,
            review_publisher_site_filter=review_publisher_site_filter,
            maxAgeDays=maxAgeDays,
            page_size=page_size,
            page_token=page_token,
        )
    ).parsed
