from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProposedClaim")


@_attrs_define
class ProposedClaim:
    """claim_proposal: the statement an article makes, who made it, and the article's words.

    Attributes:
        text (str):
        claimant (None | str):
        quote (None | str):
    """

    text: str
    claimant: None | str
    quote: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        claimant: None | str
        claimant = self.claimant

        quote: None | str
        quote = self.quote

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
                "claimant": claimant,
                "quote": quote,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        def _parse_claimant(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        claimant = _parse_claimant(d.pop("claimant"))

        def _parse_quote(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        quote = _parse_quote(d.pop("quote"))

        proposed_claim = cls(
            text=text,
            claimant=claimant,
            quote=quote,
        )

        proposed_claim.additional_properties = d
        return proposed_claim

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
