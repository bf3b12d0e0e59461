from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_ld_appearance import JsonLdAppearance
    from ..models.json_ld_claimant import JsonLdClaimant


T = TypeVar("T", bound="JsonLdClaim")


@_attrs_define
class JsonLdClaim:
    """
    Attributes:
        type_ (Literal['Claim']):
        text (str):
        author (JsonLdClaimant | Unset):
        date_published (str | Unset): When the claim was made (else the date of its first report).
        appearance (list[JsonLdAppearance] | Unset): Every reporting article, earliest first.
        first_appearance (JsonLdAppearance | Unset): A work in which the claim appears (`CreativeWork`).
    """

    type_: Literal["Claim"]
    text: str
    author: JsonLdClaimant | Unset = UNSET
    date_published: str | Unset = UNSET
    appearance: list[JsonLdAppearance] | Unset = UNSET
    first_appearance: JsonLdAppearance | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        text = self.text

        author: dict[str, Any] | Unset = UNSET
        if not isinstance(self.author, Unset):
            author = self.author.to_dict()

        date_published = self.date_published

        appearance: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.appearance, Unset):
            appearance = []
            for appearance_item_data in self.appearance:
                appearance_item = appearance_item_data.to_dict()
                appearance.append(appearance_item)

        first_appearance: dict[str, Any] | Unset = UNSET
        if not isinstance(self.first_appearance, Unset):
            first_appearance = self.first_appearance.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "@type": type_,
                "text": text,
            }
        )
        if author is not UNSET:
            field_dict["author"] = author
        if date_published is not UNSET:
            field_dict["datePublished"] = date_published
        if appearance is not UNSET:
            field_dict["appearance"] = appearance
        if first_appearance is not UNSET:
            field_dict["firstAppearance"] = first_appearance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_ld_appearance import JsonLdAppearance  # noqa: PLC0415
        from ..models.json_ld_claimant import JsonLdClaimant  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["Claim"], d.pop("@type"))
        if type_ != "Claim":
            raise ValueError(f"@type must match const 'Claim', got '{type_}'")

        text = d.pop("text")

        _author = d.pop("author", UNSET)
        author: JsonLdClaimant | Unset
        if isinstance(_author, Unset):
            author = UNSET
        else:
            author = JsonLdClaimant.from_dict(_author)

        date_published = d.pop("datePublished", UNSET)

        _appearance = d.pop("appearance", UNSET)
        appearance: list[JsonLdAppearance] | Unset = UNSET
        if _appearance is not UNSET:
            appearance = []
            for appearance_item_data in _appearance:
                appearance_item = JsonLdAppearance.from_dict(appearance_item_data)

                appearance.append(appearance_item)

        _first_appearance = d.pop("firstAppearance", UNSET)
        first_appearance: JsonLdAppearance | Unset
        if isinstance(_first_appearance, Unset):
            first_appearance = UNSET
        else:
            first_appearance = JsonLdAppearance.from_dict(_first_appearance)

        json_ld_claim = cls(
            type_=type_,
            text=text,
            author=author,
            date_published=date_published,
            appearance=appearance,
            first_appearance=first_appearance,
        )

        json_ld_claim.additional_properties = d
        return json_ld_claim

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
