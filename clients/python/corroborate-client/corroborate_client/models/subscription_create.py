from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.event_type import EventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionCreate")


@_attrs_define
class SubscriptionCreate:
    """
    Attributes:
        url (str): Where events are POSTed (http or https). Loopback, private, link-local and other non-public addresses
            are refused unless CLAIMS_WEBHOOK_ALLOW_PRIVATE=true.
        description (None | str | Unset):
        event_types (list[EventType] | Unset): Empty: every type.
        claim_ids (list[int] | Unset): Only events about these claims (a merge counts for both claims).
        outlets (list[str] | Unset): Only events about claims reported by one of these outlets (slugs), or copies
            detected between their articles.
        claims_query (None | str | Unset): Only events about claims the claim list would return for this query string,
            evaluated when the event is dispatched, e.g. `min_origins=3&q=NATO` (outlet, claimant, since, until,
            min_outlets, min_origins, q).
    """

    url: str
    description: None | str | Unset = UNSET
    event_types: list[EventType] | Unset = UNSET
    claim_ids: list[int] | Unset = UNSET
    outlets: list[str] | Unset = UNSET
    claims_query: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        event_types: list[str] | Unset = UNSET
        if not isinstance(self.event_types, Unset):
            event_types = []
            for event_types_item_data in self.event_types:
                event_types_item = event_types_item_data.value
                event_types.append(event_types_item)

        claim_ids: list[int] | Unset = UNSET
        if not isinstance(self.claim_ids, Unset):
            claim_ids = self.claim_ids

        outlets: list[str] | Unset = UNSET
        if not isinstance(self.outlets, Unset):
            outlets = self.outlets

        claims_query: None | str | Unset
        if isinstance(self.claims_query, Unset):
            claims_query = UNSET
        else:
            claims_query = self.claims_query

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if event_types is not UNSET:
            field_dict["event_types"] = event_types
        if claim_ids is not UNSET:
            field_dict["claim_ids"] = claim_ids
        if outlets is not UNSET:
            field_dict["outlets"] = outlets
        if claims_query is not UNSET:
            field_dict["claims_query"] = claims_query

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _event_types = d.pop("event_types", UNSET)
        event_types: list[EventType] | Unset = UNSET
        if _event_types is not UNSET:
            event_types = []
            for event_types_item_data in _event_types:
                event_types_item = EventType(event_types_item_data)

                event_types.append(event_types_item)

        claim_ids = cast(list[int], d.pop("claim_ids", UNSET))

        outlets = cast(list[str], d.pop("outlets", UNSET))

        def _parse_claims_query(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        claims_query = _parse_claims_query(d.pop("claims_query", UNSET))

        subscription_create = cls(
            url=url,
            description=description,
            event_types=event_types,
            claim_ids=claim_ids,
            outlets=outlets,
            claims_query=claims_query,
        )

        return subscription_create
