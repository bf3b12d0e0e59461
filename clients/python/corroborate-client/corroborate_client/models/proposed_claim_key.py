from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProposedClaimKey")


@_attrs_define
class ProposedClaimKey:
    """A claim proposal's statement, claimant and words (what `corroborate export` writes).

    Attributes:
        text (str): Whitespace runs are collapsed to one space; never blank.
        claimant (None | str | Unset):
        quote (None | str | Unset):
    """

    text: str
    claimant: None | str | Unset = UNSET
    quote: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        claimant: None | str | Unset
        if isinstance(self.claimant, Unset):
            claimant = UNSET
        else:
            claimant = self.claimant

        quote: None | str | Unset
        if isinstance(self.quote, Unset):
            quote = UNSET
        else:
            quote = self.quote

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
            }
        )
        if claimant is not UNSET:
            field_dict["claimant"] = claimant
        if quote is not UNSET:
            field_dict["quote"] = quote

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

        def _parse_quote(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quote = _parse_quote(d.pop("quote", UNSET))

        proposed_claim_key = cls(
            text=text,
            claimant=claimant,
            quote=quote,
        )

        return proposed_claim_key
