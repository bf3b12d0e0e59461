from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClaimKey")


@_attrs_define
class ClaimKey:
    """A claim named by its text and claimant (what `corroborate export` writes).

    Attributes:
        text (str): Whitespace runs are collapsed to one space; never blank.
        claimant (None | str | Unset):
    """

    text: str
    claimant: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        claimant: None | str | Unset
        if isinstance(self.claimant, Unset):
            claimant = UNSET
        else:
            claimant = self.claimant

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
            }
        )
        if claimant is not UNSET:
            field_dict["claimant"] = claimant

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        def _parse_claimant(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        claimant = _parse_claimant(d.pop("claimant", UNSET))

        claim_key = cls(
            text=text,
            claimant=claimant,
        )

        return claim_key
