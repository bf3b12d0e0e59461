from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReviewedClaim")


@_attrs_define
class ReviewedClaim:
    """
    Attributes:
        id (int):
        text (str):
        claimant (None | str):
        claim_date (datetime.date | None):
    """

    id: int
    text: str
    claimant: None | str
    claim_date: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        text = self.text

        claimant: None | str
        claimant = self.claimant

        claim_date: None | str
        if isinstance(self.claim_date, datetime.date):
            claim_date = self.claim_date.isoformat()
        else:
            claim_date = self.claim_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "text": text,
                "claimant": claimant,
                "claim_date": claim_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        text = d.pop("text")

        def _parse_claimant(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        claimant = _parse_claimant(d.pop("claimant"))

        def _parse_claim_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                claim_date_type_0 = datetime.date.fromisoformat(data)

                return claim_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        claim_date = _parse_claim_date(d.pop("claim_date"))

        reviewed_claim = cls(
            id=id,
            text=text,
            claimant=claimant,
            claim_date=claim_date,
        )

        reviewed_claim.additional_properties = d
        return reviewed_claim

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
