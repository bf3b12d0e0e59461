from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_ld_claimant import JsonLdClaimant
    from ..models.json_ld_media_review_item_interpretedasclaim import JsonLdMediaReviewItemInterpretedasclaim
    from ..models.json_ld_media_review_item_media_item_appearance_item import (
        JsonLdMediaReviewItemMediaItemAppearanceItem,
    )


T = TypeVar("T", bound="JsonLdMediaReviewItem")


@_attrs_define
class JsonLdMediaReviewItem:
    """
    Attributes:
        type_ (Literal['MediaReviewItem']):
        interpreted_as_claim (JsonLdMediaReviewItemInterpretedasclaim): The claim the media item was taken to make
            (`@type` Claim, `text`).
        creator (JsonLdClaimant | Unset):
        media_item_appearance (list[JsonLdMediaReviewItemMediaItemAppearanceItem] | Unset):
    """

    type_: Literal["MediaReviewItem"]
    interpreted_as_claim: JsonLdMediaReviewItemInterpretedasclaim
    creator: JsonLdClaimant | Unset = UNSET
    media_item_appearance: list[JsonLdMediaReviewItemMediaItemAppearanceItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        interpreted_as_claim = self.interpreted_as_claim.to_dict()

        creator: dict[str, Any] | Unset = UNSET
        if not isinstance(self.creator, Unset):
            creator = self.creator.to_dict()

        media_item_appearance: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.media_item_appearance, Unset):
            media_item_appearance = []
            for media_item_appearance_item_data in self.media_item_appearance:
                media_item_appearance_item = media_item_appearance_item_data.to_dict()
                media_item_appearance.append(media_item_appearance_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "@type": type_,
                "interpretedAsClaim": interpreted_as_claim,
            }
        )
        if creator is not UNSET:
            field_dict["creator"] = creator
        if media_item_appearance is not UNSET:
            field_dict["mediaItemAppearance"] = media_item_appearance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_ld_claimant import JsonLdClaimant  # noqa: PLC0415
        from ..models.json_ld_media_review_item_interpretedasclaim import JsonLdMediaReviewItemInterpretedasclaim  # noqa: PLC0415
        from ..models.json_ld_media_review_item_media_item_appearance_item import (
            JsonLdMediaReviewItemMediaItemAppearanceItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        type_ = cast(Literal["MediaReviewItem"], d.pop("@type"))
        if type_ != "MediaReviewItem":
            raise ValueError(f"@type must match const 'MediaReviewItem', got '{type_}'")

        interpreted_as_claim = JsonLdMediaReviewItemInterpretedasclaim.from_dict(d.pop("interpretedAsClaim"))

        _creator = d.pop("creator", UNSET)
        creator: JsonLdClaimant | Unset
        if isinstance(_creator, Unset):
            creator = UNSET
        else:
            creator = JsonLdClaimant.from_dict(_creator)

        _media_item_appearance = d.pop("mediaItemAppearance", UNSET)
        media_item_appearance: list[JsonLdMediaReviewItemMediaItemAppearanceItem] | Unset = UNSET
        if _media_item_appearance is not UNSET:
            media_item_appearance = []
            for media_item_appearance_item_data in _media_item_appearance:
                media_item_appearance_item = JsonLdMediaReviewItemMediaItemAppearanceItem.from_dict(
                    media_item_appearance_item_data
                )

                media_item_appearance.append(media_item_appearance_item)

        json_ld_media_review_item = cls(
            type_=type_,
            interpreted_as_claim=interpreted_as_claim,
            creator=creator,
            media_item_appearance=media_item_appearance,
        )

        json_ld_media_review_item.additional_properties = d
        return json_ld_media_review_item

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
