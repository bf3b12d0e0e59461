from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClaimUpdate")


@_attrs_define
class ClaimUpdate:
    """
    Attributes:
        text (str | Unset): Whitespace runs are collapsed to one space; never blank.
        claimant (None | str | Unset):
        claim_date (datetime.date | None | Unset):
    """

    text: str | Unset = UNSET
    claimant: None | str | Unset = UNSET
    claim_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        claimant: None | str | Unset
        if isinstance(self.claimant, Unset):
            claimant = UNSET
        else:
            claimant = self.claimant

        claim_date: None | str | Unset
        if isinstance(self.claim_date, Unset):
            claim_date = UNSET
        elif isinstance(self.claim_date, datetime.date):
            claim_date = self.claim_date.isoformat()
        else:
            claim_date = self.claim_date

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if text is not UNSET:
            field_dict["text"] = text
        if claimant is not UNSET:
            field_dict["claimant"] = claimant
        if claim_date is not UNSET:
            field_dict["claim_date"] = claim_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text", UNSET)

        def _parse_claimant(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        claimant = _parse_claimant(d.pop("claimant", UNSET))

        def _parse_claim_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                claim_date_type_0 = datetime.date.fromisoformat(data)

                return claim_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        claim_date = _parse_claim_date(d.pop("claim_date", UNSET))

        claim_update = cls(
            text=text,
            claimant=claimant,
            claim_date=claim_date,
        )

        return claim_update
