import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.as_of_basis import AsOfBasis
from ...models.bucket import Bucket
from ...models.collapse import Collapse
from ...models.error_response import ErrorResponse
from ...models.timeline import Timeline
from ...types import UNSET, Response, Unset


def _get_kwargs(
    claim_id: int,
    *,
    bucket: Bucket | Unset = UNSET,
    as_of: datetime.datetime | Unset = UNSET,
    as_of_basis: AsOfBasis | Unset = UNSET,
    collapse: list[Collapse] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_bucket: str | Unset = UNSET
    if not isinstance(bucket, Unset):
        json_bucket = bucket.value

    params["bucket"] = json_bucket

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    json_as_of_basis: str | Unset = UNSET
    if not isinstance(as_of_basis, Unset):
        json_as_of_basis = as_of_basis.value

    params["as_of_basis"] = json_as_of_basis

    json_collapse: list[str] | Unset = UNSET
    if not isinstance(collapse, Unset):
        json_collapse = []
        for collapse_item_data in collapse:
            collapse_item = collapse_item_data.value
            json_collapse.append(collapse_item)

    params["collapse"] = json_collapse

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/claims/{claim_id}/timeline".format(
            claim_id=quote(str(claim_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Timeline | None:
    if response.status_code == 200:
        response_200 = Timeline.from_dict(response.json())

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
) -> Response[ErrorResponse | Timeline]:
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
    bucket: Bucket | Unset = UNSET,
    as_of: datetime.datetime | Unset = UNSET,
    as_of_basis: AsOfBasis | Unset = UNSET,
    collapse: list[Collapse] | Unset = UNSET,
) -> Response[ErrorResponse | Timeline]:
    """Timeline

     Cumulative outlets and independent origins at the end of each bucket with new reports.

    Points are in time order; buckets without a new report are left out (the cumulative
    values carry forward, so chart them as a step line). The bucket holding the first report
    has `first_report: true`. The last point's cumulative values equal the corroboration
    counts under the same method.

    Args:
        claim_id (int):
        bucket (Bucket | Unset):
        as_of (datetime.datetime | Unset): Count as of this instant (RFC 3339 with an offset, or a
            date YYYY-MM-DD meaning the end of that UTC day): only articles published at or before it.
            See docs/corroboration.md.
        as_of_basis (AsOfBasis | Unset): Which instants `as_of` compares: publication only, or
            also when we recorded the rows.
        collapse (list[Collapse] | Unset): Which relations merge reports into one origin: any of
            `syndicates`, `cites`, `owner` (outlets sharing an `owner_group`), or `none`; repeated
            (`collapse=syndicates&collapse=cites`) or comma-separated. Default `syndicates,cites`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Timeline]
    """

    kwargs = _get_kwargs(
        claim_id=claim_id,
        bucket=bucket,
        as_of=as_of,
        as_of_basis=as_of_basis,
        collapse=collapse,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    claim_id: int,
    *,
    client: AuthenticatedClient | Client,
    bucket: Bucket | Unset = UNSET,
    as_of: datetime.datetime | Unset = UNSET,
    as_of_basis: AsOfBasis | Unset = UNSET,
    collapse: list[Collapse] | Unset = UNSET,
) -> ErrorResponse | Timeline | None:
    """Timeline

     Cumulative outlets and independent origins at the end of each bucket with new reports.

    Points are in time order; buckets without a new report are left out (the cumulative
    values carry forward, so chart them as a step line). The bucket holding the first report
    has `first_report: true`. The last point's cumulative values equal the corroboration
    counts under the same method.

    Args:
        claim_id (int):
        bucket (Bucket | Unset):
        as_of (datetime.datetime | Unset): Count as of this instant (RFC 3339 with an offset, or a
            date YYYY-MM-DD meaning the end of that UTC day): only articles published at or before it.
            See docs/corroboration.md.
        as_of_basis (AsOfBasis | Unset): Which instants `as_of` compares: publication only, or
            also when we recorded the rows.
        collapse (list[Collapse] | Unset): Which relations merge reports into one origin: any of
            `syndicates`, `cites`, `owner` (outlets sharing an `owner_group`), or `none`; repeated
            (`collapse=syndicates&collapse=cites`) or comma-separated. Default `syndicates,cites`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Timeline
    """

    return sync_detailed(
        claim_id=claim_id,
        client=client,
        bucket=bucket,
        as_of=as_of,
        as_of_basis=as_of_basis,
        collapse=collapse,
    ).parsed


async def asyncio_detailed(
    claim_id: int,
    *,
    client: AuthenticatedClient | Client,
    bucket: Bucket | Unset = UNSET,
    as_of: datetime.datetime | Unset = UNSET,
    as_of_basis: AsOfBasis | Unset = UNSET,
    collapse: list[Collapse] | Unset = UNSET,
) -> Response[ErrorResponse | Timeline]:
    """Timeline

     Cumulative outlets and independent origins at the end of each bucket with new reports.

    Points are in time order; buckets without a new report are left out (the cumulative
    values carry forward, so chart them as a step line). The bucket holding the first report
    has `first_report: true`. The last point's cumulative values equal the corroboration
    counts under the same method.

    Args:
        claim_id (int):
        bucket (Bucket | Unset):
        as_of (datetime.datetime | Unset): Count as of this instant (RFC 3339 with an offset, or a
            date YYYY-MM-DD meaning the end of that UTC day): only articles published at or before it.
            See docs/corroboration.md.
        as_of_basis (AsOfBasis | Unset): Which instants `as_of` compares: publication only, or
            also when we recorded the rows.
        collapse (list[Collapse] | Unset): Which relations merge reports into one origin: any of
            `syndicates`, `cites`, `owner` (outlets sharing an `owner_group`), or `none`; repeated
            (`collapse=syndicates&collapse=cites`) or comma-separated. Default `syndicates,cites`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Timeline]
    """

    kwargs = _get_kwargs(
        claim_id=claim_id,
        bucket=bucket,
        as_of=as_of,
        as_of_basis=as_of_basis,
        collapse=collapse,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    claim_id: int,
    *,
    client: AuthenticatedClient | Client,
    bucket: Bucket | Unset = UNSET,
    as_of: datetime.datetime | Unset = UNSET,
    as_of_basis: AsOfBasis | Unset = UNSET,
    collapse: list[Collapse] | Unset = UNSET,
) -> ErrorResponse | Timeline | None:
    """Timeline

     Cumulative outlets and independent origins at the end of each bucket with new reports.

    Points are in time order; buckets without a new report are left out (the cumulative
    values carry forward, so chart them as a step line). The bucket holding the first report
    has `first_report: true`. The last point's cumulative values equal the corroboration
    counts under the same method.

    Args:
        claim_id (int):
        bucket (Bucket | Unset):
        as_of (datetime.datetime | Unset): Count as of this instant (RFC 3339 with an offset, or a
            date YYYY-MM-DD meaning the end of that UTC day): only articles published at or before it.
            See docs/corroboration.md.
        as_of_basis (AsOfBasis | Unset): Which instants `as_of` compares: publication only, or
            also when we recorded the rows.
        collapse (list[Collapse] | Unset): Which relations merge reports into one origin: any of
            `syndicates`, `cites`, `owner` (outlets sharing an `owner_group`), or `none`; repeated
            (`collapse=syndicates&collapse=cites`) or comma-separated. Default `syndicates,cites`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Timeline
    """

    return (
        await asyncio_detailed(
            claim_id=claim_id,
            client=client,
            bucket=bucket,
            as_of=as_of,
            as_of_basis=as_of_basis,
            collapse=collapse,
        )
    ).parsed
