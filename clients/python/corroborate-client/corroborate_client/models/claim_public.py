from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.corroboration import Corroboration


T = TypeVar("T", bound="ClaimPublic")


@_attrs_define
class ClaimPublic:
    """
    Attributes:
        text (str): The canonical statement.
        claimant (None | str): Who made the claim, e.g. "Vladimir Putin".
        claim_date (datetime.date | None): When the claim was made.
        id (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        corroboration (Corroboration): Counts over the claim's attributions whose stance is `reports` or `supports`.
    """

    text: str
    claimant: None | str
    claim_date: datetime.date | None
    id: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    corroboration: Corroboration
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        claimant: None | str
        claimant = self.claimant

        claim_date: None | str
        if isinstance(self.claim_date, datetime.date):
            claim_date = self.claim_date.isoformat()
        else:
            claim_date = self.claim_date

        id = self.id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        corroboration = self.corroboration.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
                "claimant": claimant,
                "claim_date": claim_date,
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "corroboration": corroboration,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.corroboration import Corroboration  # noqa: PLC0415

        d = dict(src_dict)
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

        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        corroboration = Corroboration.from_dict(d.pop("corroboration"))

        claim_public = cls(
            text=text,
            claimant=claimant,
            claim_date=claim_date,
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            corroboration=corroboration,
        )

        claim_public.additional_properties = d
        return claim_public

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
