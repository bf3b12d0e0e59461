from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_type import EventType

T = TypeVar("T", bound="SubscriptionCreated")


@_attrs_define
class SubscriptionCreated:
    """
    Attributes:
        id (int):
        url (str):
        description (None | str):
        event_types (list[EventType]):
        claim_ids (list[int]):
        outlets (list[str]):
        claims_query (None | str):
        active (bool):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        secret (str): The signing secret (Standard Webhooks `whsec_...`); shown only here.
    """

    id: int
    url: str
    description: None | str
    event_types: list[EventType]
    claim_ids: list[int]
    outlets: list[str]
    claims_query: None | str
    active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        description: None | str
        description = self.description

        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item = event_types_item_data.value
            event_types.append(event_types_item)

        claim_ids = self.claim_ids

        outlets = self.outlets

        claims_query: None | str
        claims_query = self.claims_query

        active = self.active

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        secret = self.secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "description": description,
                "event_types": event_types,
                "claim_ids": claim_ids,
                "outlets": outlets,
                "claims_query": claims_query,
                "active": active,
                "created_at": created_at,
                "updated_at": updated_at,
                "secret": secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        event_types = []
        _event_types = d.pop("event_types")
        for event_types_item_data in _event_types:
            event_types_item = EventType(event_types_item_data)

            event_types.append(event_types_item)

        claim_ids = cast(list[int], d.pop("claim_ids"))

        outlets = cast(list[str], d.pop("outlets"))

        def _parse_claims_query(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        claims_query = _parse_claims_query(d.pop("claims_query"))

        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        secret = d.pop("secret")

        subscription_created = cls(
            id=id,
            url=url,
            description=description,
            event_types=event_types,
            claim_ids=claim_ids,
            outlets=outlets,
            claims_query=claims_query,
            active=active,
            created_at=created_at,
            updated_at=updated_at,
            secret=secret,
        )

        subscription_created.additional_properties = d
        return subscription_created

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
