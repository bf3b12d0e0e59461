import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.as_of_basis import AsOfBasis
from ...models.claim_sort import ClaimSort
from ...models.collapse import Collapse
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    sort: ClaimSort | Unset = UNSET,
    outlet: list[str] | Unset = UNSET,
    claimant: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    min_outlets: int | Unset = UNSET,
    min_origins: int | Unset = UNSET,
    q: str | Unset = UNSET,
    as_of: datetime.datetime | Unset = UNSET,
    as_of_basis: AsOfBasis | Unset = UNSET,
    collapse: list[Collapse] | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_outlet: list[str] | Unset = UNSET
    if not isinstance(outlet, Unset):
        json_outlet = outlet

    params["outlet"] = json_outlet

    params["claimant"] = claimant

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    params["min_outlets"] = min_outlets

    params["min_origins"] = min_origins

    params["q"] = q

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

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/claims.csv",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorResponse | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    sort: ClaimSort | Unset = UNSET,
    outlet: list[str] | Unset = UNSET,
    claimant: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    min_outlets: int | Unset = UNSET,
    min_origins: int | Unset = UNSET,
    q: str | Unset = UNSET,
    as_of: datetime.datetime | Unset = UNSET,
    as_of_basis: AsOfBasis | Unset = UNSET,
    collapse: list[Collapse] | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[ErrorResponse | str]:
    """Export-Csv

     Every claim that `GET /v1/claims` would list with the same filters, sort and
    method, streamed (`limit` does not apply). Without an API key the export is one page of at most
    `CLAIMS_ANONYMOUS_EXPORT_MAX_CLAIMS` claims; its `X-Next-Cursor` header, passed back as
    `cursor`, gives the next.

    Args:
        sort (ClaimSort | Unset):
        outlet (list[str] | Unset): Reported by this outlet (slug); repeat for any of several.
        claimant (str | Unset): Claimant, any case.
        since (datetime.datetime | Unset): Reported by an article published at or after.
        until (datetime.datetime | Unset): Reported by an article published at or before.
        min_outlets (int | Unset):
        min_origins (int | Unset):
        q (str | Unset): Full-text search over claim text and quotes: words (all required),
            "quoted phrases", prefix*; punctuation and operators are treated as text.
        as_of (datetime.datetime | Unset): Count as of this instant (RFC 3339 with an offset, or a
            date YYYY-MM-DD meaning the end of that UTC day): only articles published at or before it.
            See docs/corroboration.md.
        as_of_basis (AsOfBasis | Unset): Which instants `as_of` compares: publication only, or
            also when we recorded the rows.
        collapse (list[Collapse] | Unset): Which relations merge reports into one origin: any of
            `syndicates`, `cites`, `owner` (outlets sharing an `owner_group`), or `none`; repeated
            (`collapse=syndicates&collapse=cites`) or comma-separated. Default `syndicates,cites`.
        cursor (str | Unset): `X-Next-Cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | str]
    """

    kwargs = _get_kwargs(
        sort=sort,
        outlet=outlet,
        claimant=claimant,
        since=since,
        until=until,
        min_outlets=min_outlets,
        min_origins=min_origins,
        q=q,
        as_of=as_of,
        as_of_basis=as_of_basis,
        collapse=collapse,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    sort: ClaimSort | Unset = UNSET,
    outlet: list[str] | Unset = UNSET,
    claimant: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    min_outlets: int | Unset = UNSET,
    min_origins: int | Unset = UNSET,
    q: str | Unset = UNSET,
    as_of: datetime.datetime | Unset = UNSET,
    as_of_basis: AsOfBasis | Unset = UNSET,
    collapse: list[Collapse] | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> ErrorResponse | str | None:
    """Export-Csv

     Every claim that `GET /v1/claims` would list with the same filters, sort and
    method, streamed (`limit` does not apply). Without an API key the export is one page of at most
    `CLAIMS_ANONYMOUS_EXPORT_MAX_CLAIMS` claims; its `X-Next-Cursor` header, passed back as
    `cursor`, gives the next.

    Args:
        sort (ClaimSort | Unset):
        outlet (list[str] | Unset): Reported by this outlet (slug); repeat for any of several.
        claimant (str | Unset): Claimant, any case.
        since (datetime.datetime | Unset): Reported by an article published at or after.
        until (datetime.datetime | Unset): Reported by an article published at or before.
        min_outlets (int | Unset):
        min_origins (int | Unset):
        q (str | Unset): Full-text search over claim text and quotes: words (all required),
            "quoted phrases", prefix*; punctuation and operators are treated as text.
        as_of (datetime.datetime | Unset): Count as of this instant (RFC 3339 with an offset, or a
            date YYYY-MM-DD meaning the end of that UTC day): only articles published at or before it.
            See docs/corroboration.md.
        as_of_basis (AsOfBasis | Unset): Which instants `as_of` compares: publication only, or
            also when we recorded the rows.
        collapse (list[Collapse] | Unset): Which relations merge reports into one origin: any of
            `syndicates`, `cites`, `owner` (outlets sharing an `owner_group`), or `none`; repeated
            (`collapse=syndicates&collapse=cites`) or comma-separated. Default `syndicates,cites`.
        cursor (str | Unset): `X-Next-Cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | str
    """

    return sync_detailed(
        client=client,
        sort=sort,
        outlet=outlet,
        claimant=claimant,
        since=since,
        until=until,
        min_outlets=min_outlets,
        min_origins=min_origins,
        q=q,
        as_of=as_of,
        as_of_basis=as_of_basis,
        collapse=collapse,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    sort: ClaimSort | Unset = UNSET,
    outlet: list[str] | Unset = UNSET,
    claimant: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    min_outlets: int | Unset = UNSET,
    min_origins: int | Unset = UNSET,
    q: str | Unset = UNSET,
    as_of: datetime.datetime | Unset = UNSET,
    as_of_basis: AsOfBasis | Unset = UNSET,
    collapse: list[Collapse] | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[ErrorResponse | str]:
    """Export-Csv

     Every claim that `GET /v1/claims` would list with the same filters, sort and
    method, streamed (`limit` does not apply). Without an API key the export is one page of at most
    `CLAIMS_ANONYMOUS_EXPORT_MAX_CLAIMS` claims; its `X-Next-Cursor` header, passed back as
    `cursor`, gives the next.

    Args:
        sort (ClaimSort | Unset):
        outlet (list[str] | Unset): Reported by this outlet (slug); repeat for any of several.
        claimant (str | Unset): Claimant, any case.
        since (datetime.datetime | Unset): Reported by an article published at or after.
        until (datetime.datetime | Unset): Reported by an article published at or before.
        min_outlets (int | Unset):
        min_origins (int | Unset):
        q (str | Unset): Full-text search over claim text and quotes: words (all required),
            "quoted phrases", prefix*; punctuation and operators are treated as text.
        as_of (datetime.datetime | Unset): Count as of this instant (RFC 3339 with an offset, or a
            date YYYY-MM-DD meaning the end of that UTC day): only articles published at or before it.
            See docs/corroboration.md.
        as_of_basis (AsOfBasis | Unset): Which instants `as_of` compares: publication only, or
            also when we recorded the rows.
        collapse (list[Collapse] | Unset): Which relations merge reports into one origin: any of
            `syndicates`, `cites`, `owner` (outlets sharing an `owner_group`), or `none`; repeated
            (`collapse=syndicates&collapse=cites`) or comma-separated. Default `syndicates,cites`.
        cursor (str | Unset): `X-Next-Cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | str]
    """

    kwargs = _get_kwargs(
        sort=sort,
        outlet=outlet,
        claimant=claimant,
        since=since,
        until=until,
        min_outlets=min_outlets,
        min_origins=min_origins,
        q=q,
        as_of=as_of,
        as_of_basis=as_of_basis,
        collapse=collapse,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    sort: ClaimSort | Unset = UNSET,
    outlet: list[str] | Unset = UNSET,
    claimant: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    min_outlets: int | Unset = UNSET,
    min_origins: int | Unset = UNSET,
    q: str | Unset = UNSET,
    as_of: datetime.datetime | Unset = UNSET,
    as_of_basis: AsOfBasis | Unset = UNSET,
    collapse: list[Collapse] | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> ErrorResponse | str | None:
    """Export-Csv

     Every claim that `GET /v1/claims` would list with the same filters, sort and
    method, streamed (`limit` does not apply). Without an API key the export is one page of at most
    `CLAIMS_ANONYMOUS_EXPORT_MAX_CLAIMS` claims; its `X-Next-Cursor` header, passed back as
    `cursor`, gives the next.

    Args:
        sort (ClaimSort | Unset):
        outlet (list[str] | Unset): Reported by this outlet (slug); repeat for any of several.
        claimant (str | Unset): Claimant, any case.
        since (datetime.datetime | Unset): Reported by an article published at or after.
        until (datetime.datetime | Unset): Reported by an article published at or before.
        min_outlets (int | Unset):
        min_origins (int | Unset):
        q (str | Unset): Full-text search over claim text and quotes: words (all required),
            "quoted phrases", prefix*; punctuation and operators are treated as text.
        as_of (datetime.datetime | Unset): Count as of this instant (RFC 3339 with an offset, or a
            date YYYY-MM-DD meaning the end of that UTC day): only articles published at or before it.
            See docs/corroboration.md.
        as_of_basis (AsOfBasis | Unset): Which instants `as_of` compares: publication only, or
            also when we recorded the rows.
        collapse (list[Collapse] | Unset): Which relations merge reports into one origin: any of
            `syndicates`, `cites`, `owner` (outlets sharing an `owner_group`), or `none`; repeated
            (`collapse=syndicates&collapse=cites`) or comma-separated. Default `syndicates,cites`.
        cursor (str | Unset): `X-Next-Cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | str
    """

    return (
        await asyncio_detailed(
            client=client,
            sort=sort,
            outlet=outlet,
            claimant=claimant,
            since=since,
            until=until,
            min_outlets=min_outlets,
            min_origins=min_origins,
            q=q,
            as_of=as_of,
            as_of_basis=as_of_basis,
            collapse=collapse,
            cursor=cursor,
        )
    ).parsed
