from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.fact_check_publisher import FactCheckPublisher


T = TypeVar("T", bound="FactCheckClaimReview")


@_attrs_define
class FactCheckClaimReview:
    """One review in Google Fact Check Tools' `claims:search` shape (fields absent when unknown).

    Attributes:
        publisher (FactCheckPublisher):
        url (str):
        title (None | str):
        review_date (None | str):
        textual_rating (None | str):
        language_code (None | str):
    """

    publisher: FactCheckPublisher
    url: str
    title: None | str
    review_date: None | str
    textual_rating: None | str
    language_code: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        publisher = self.publisher.to_dict()

        url = self.url

        title: None | str
        title = self.title

        review_date: None | str
        review_date = self.review_date

        textual_rating: None | str
        textual_rating = self.textual_rating

        language_code: None | str
        language_code = self.language_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "publisher": publisher,
                "url": url,
                "title": title,
                "reviewDate": review_date,
                "textualRating": textual_rating,
                "languageCode": language_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fact_check_publisher import FactCheckPublisher  # noqa: PLC0415

        d = dict(src_dict)
        publisher = FactCheckPublisher.from_dict(d.pop("publisher"))

        url = d.pop("url")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        def _parse_review_date(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        review_date = _parse_review_date(d.pop("reviewDate"))

        def _parse_textual_rating(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        textual_rating = _parse_textual_rating(d.pop("textualRating"))

        def _parse_language_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        language_code = _parse_language_code(d.pop("languageCode"))

        fact_check_claim_review = cls(
            publisher=publisher,
            url=url,
            title=title,
            review_date=review_date,
            textual_rating=textual_rating,
            language_code=language_code,
        )

        fact_check_claim_review.additional_properties = d
        return fact_check_claim_review

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
