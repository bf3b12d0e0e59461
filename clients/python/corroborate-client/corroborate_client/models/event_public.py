from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_public_data import EventPublicData


T = TypeVar("T", bound="EventPublic")


@_attrs_define
class EventPublic:
    """
    Attributes:
        id (int):
        type_ (str):
        claim_id (int | None):
        occurred_at (datetime.datetime):
        data (EventPublicData):
    """

    id: int
    type_: str
    claim_id: int | None
    occurred_at: datetime.datetime
    data: EventPublicData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        claim_id: int | None
        claim_id = self.claim_id

        occurred_at = self.occurred_at.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "claim_id": claim_id,
                "occurred_at": occurred_at,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_public_data import EventPublicData  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type")

        def _parse_claim_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        claim_id = _parse_claim_id(d.pop("claim_id"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        data = EventPublicData.from_dict(d.pop("data"))

        event_public = cls(
            id=id,
            type_=type_,
            claim_id=claim_id,
            occurred_at=occurred_at,
            data=data,
        )

        event_public.additional_properties = d
        return event_public

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
