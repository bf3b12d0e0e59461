from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_ld_media_review_item import JsonLdMediaReviewItem
    from ..models.json_ld_organization import JsonLdOrganization
    from ..models.json_ld_rating import JsonLdRating


T = TypeVar("T", bound="JsonLdMediaReview")


@_attrs_define
class JsonLdMediaReview:
    """A review of a media item (schema.org MediaReview), exported as the fact-checker gave it.

    Attributes:
        type_ (Literal['MediaReview']):
        url (str):
        author (JsonLdOrganization):
        item_reviewed (JsonLdMediaReviewItem):
        name (str | Unset): The review's headline.
        date_published (str | Unset):
        in_language (str | Unset):
        media_authenticity_category (str | Unset):
        review_rating (JsonLdRating | Unset):
    """

    type_: Literal["MediaReview"]
    url: str
    author: JsonLdOrganization
    item_reviewed: JsonLdMediaReviewItem
    name: str | Unset = UNSET
    date_published: str | Unset = UNSET
    in_language: str | Unset = UNSET
    media_authenticity_category: str | Unset = UNSET
    review_rating: JsonLdRating | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        url = self.url

        author = self.author.to_dict()

        item_reviewed = self.item_reviewed.to_dict()

        name = self.name

        date_published = self.date_published

        in_language = self.in_language

        media_authenticity_category = self.media_authenticity_category

        review_rating: dict[str, Any] | Unset = UNSET
        if not isinstance(self.review_rating, Unset):
            review_rating = self.review_rating.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "@type": type_,
                "url": url,
                "author": author,
                "itemReviewed": item_reviewed,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if date_published is not UNSET:
            field_dict["datePublished"] = date_published
        if in_language is not UNSET:
            field_dict["inLanguage"] = in_language
        if media_authenticity_category is not UNSET:
            field_dict["mediaAuthenticityCategory"] = media_authenticity_category
        if review_rating is not UNSET:
            field_dict["reviewRating"] = review_rating

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_ld_media_review_item import JsonLdMediaReviewItem  # noqa: PLC0415
        from ..models.json_ld_organization import JsonLdOrganization  # noqa: PLC0415
        from ..models.json_ld_rating import JsonLdRating  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["MediaReview"], d.pop("@type"))
        if type_ != "MediaReview":
            raise ValueError(f"@type must match const 'MediaReview', got '{type_}'")

        url = d.pop("url")

        author = JsonLdOrganization.from_dict(d.pop("author"))

        item_reviewed = JsonLdMediaReviewItem.from_dict(d.pop("itemReviewed"))

        name = d.pop("name", UNSET)

        date_published = d.pop("datePublished", UNSET)

        in_language = d.pop("inLanguage", UNSET)

        media_authenticity_category = d.pop("mediaAuthenticityCategory", UNSET)

        _review_rating = d.pop("reviewRating", UNSET)
        review_rating: JsonLdRating | Unset
        if isinstance(_review_rating, Unset):
            review_rating = UNSET
        else:
            review_rating = JsonLdRating.from_dict(_review_rating)

        json_ld_media_review = cls(
            type_=type_,
            url=url,
            author=author,
            item_reviewed=item_reviewed,
            name=name,
            date_published=date_published,
            in_language=in_language,
            media_authenticity_category=media_authenticity_category,
            review_rating=review_rating,
        )

        json_ld_media_review.additional_properties = d
        return json_ld_media_review

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
