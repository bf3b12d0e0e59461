from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.event_type import EventType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    type_: list[EventType] | Unset = UNSET,
    claim_id: int | Unset = UNSET,
    after: int | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["last-event-id"] = last_event_id

    params: dict[str, Any] = {}

    json_type_: list[str] | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = []
        for type_item_data in type_:
            type_item = type_item_data.value
            json_type_.append(type_item)

    params["type"] = json_type_

    params["claim_id"] = claim_id

    params["after"] = after

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events/stream",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = cast(Any, response.text)
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    type_: list[EventType] | Unset = UNSET,
    claim_id: int | Unset = UNSET,
    after: int | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Response[Any | ErrorResponse]:
    """Stream

     Events as Server-Sent Events: those after `Last-Event-ID` (or `after`; without either,
    from now on), then each new one as it commits.

    Args:
        type_ (list[EventType] | Unset): Repeatable.
        claim_id (int | Unset): Only this claim's.
        after (int | Unset): Only events with a higher id.
        last_event_id (str | Unset): The last event id received (sent on reconnect).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        type_=type_,
        claim_id=claim_id,
        after=after,
        last_event_id=last_event_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    type_: list[EventType] | Unset = UNSET,
    claim_id: int | Unset = UNSET,
    after: int | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Any | ErrorResponse | None:
    """Stream

     Events as Server-Sent Events: those after `Last-Event-ID` (or `after`; without either,
    from now on), then each new one as it commits.

    Args:
        type_ (list[EventType] | Unset): Repeatable.
        claim_id (int | Unset): Only this claim's.
        after (int | Unset): Only events with a higher id.
        last_event_id (str | Unset): The last event id received (sent on reconnect).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return sync_detailed(
        client=client,
        type_=type_,
        claim_id=claim_id,
        after=after,
        last_event_id=last_event_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    type_: list[EventType] | Unset = UNSET,
    claim_id: int | Unset = UNSET,
    after: int | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Response[Any | ErrorResponse]:
    """Stream

     Events as Server-Sent Events: those after `Last-Event-ID` (or `after`; without either,
    from now on), then each new one as it commits.

    Args:
        type_ (list[EventType] | Unset): Repeatable.
        claim_id (int | Unset): Only this claim's.
        after (int | Unset): Only events with a higher id.
        last_event_id (str | Unset): The last event id received (sent on reconnect).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        type_=type_,
        claim_id=claim_id,
        after=after,
        last_event_id=last_event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    type_: list[EventType] | Unset = UNSET,
    claim_id: int | Unset = UNSET,
    after: int | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Any | ErrorResponse | None:
    """Stream

     Events as Server-Sent Events: those after `Last-Event-ID` (or `after`; without either,
    from now on), then each new one as it commits.

    Args:
        type_ (list[EventType] | Unset): Repeatable.
        claim_id (int | Unset): Only this claim's.
        after (int | Unset): Only events with a higher id.
        last_event_id (str | Unset): The last event id received (sent on reconnect).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            type_=type_,
            claim_id=claim_id,
            after=after,
            last_event_id=last_event_id,
        )
    ).parsed
