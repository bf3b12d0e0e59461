from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.media_authenticity import MediaAuthenticity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.publisher import Publisher


T = TypeVar("T", bound="ReviewCreate")


@_attrs_define
class ReviewCreate:
    """
    Attributes:
        publisher (Publisher):
        url (str):
        title (None | str | Unset):
        review_date (datetime.date | None | Unset):
        textual_rating (None | str | Unset):
        rating_value (float | None | Unset):
        best_rating (float | None | Unset):
        worst_rating (float | None | Unset):
        language (None | str | Unset):
        media_authenticity_category (MediaAuthenticity | None | Unset): Makes it a MediaReview: the verdict on the media
            item (schema.org MediaManipulationRatingEnumeration).
    """

    publisher: Publisher
    url: str
    title: None | str | Unset = UNSET
    review_date: datetime.date | None | Unset = UNSET
    textual_rating: None | str | Unset = UNSET
    rating_value: float | None | Unset = UNSET
    best_rating: float | None | Unset = UNSET
    worst_rating: float | None | Unset = UNSET
    language: None | str | Unset = UNSET
    media_authenticity_category: MediaAuthenticity | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        publisher = self.publisher.to_dict()

        url = self.url

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        review_date: None | str | Unset
        if isinstance(self.review_date, Unset):
            review_date = UNSET
        elif isinstance(self.review_date, datetime.date):
            review_date = self.review_date.isoformat()
        else:
            review_date = self.review_date

        textual_rating: None | str | Unset
        if isinstance(self.textual_rating, Unset):
            textual_rating = UNSET
        else:
            textual_rating = self.textual_rating

        rating_value: float | None | Unset
        if isinstance(self.rating_value, Unset):
            rating_value = UNSET
        else:
            rating_value = self.rating_value

        best_rating: float | None | Unset
        if isinstance(self.best_rating, Unset):
            best_rating = UNSET
        else:
            best_rating = self.best_rating

        worst_rating: float | None | Unset
        if isinstance(self.worst_rating, Unset):
            worst_rating = UNSET
        else:
            worst_rating = self.worst_rating

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        media_authenticity_category: None | str | Unset
        if isinstance(self.media_authenticity_category, Unset):
            media_authenticity_category = UNSET
        elif isinstance(self.media_authenticity_category, MediaAuthenticity):
            media_authenticity_category = self.media_authenticity_category.value
        else:
            media_authenticity_category = self.media_authenticity_category

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "publisher": publisher,
                "url": url,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if review_date is not UNSET:
            field_dict["review_date"] = review_date
        if textual_rating is not UNSET:
            field_dict["textual_rating"] = textual_rating
        if rating_value is not UNSET:
            field_dict["rating_value"] = rating_value
        if best_rating is not UNSET:
            field_dict["best_rating"] = best_rating
        if worst_rating is not UNSET:
            field_dict["worst_rating"] = worst_rating
        if language is not UNSET:
            field_dict["language"] = language
        if media_authenticity_category is not UNSET:
            field_dict["media_authenticity_category"] = media_authenticity_category

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.publisher import Publisher  # noqa: PLC0415

        d = dict(src_dict)
        publisher = Publisher.from_dict(d.pop("publisher"))

        url = d.pop("url")

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_review_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                review_date_type_0 = datetime.date.fromisoformat(data)

                return review_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        review_date = _parse_review_date(d.pop("review_date", UNSET))

        def _parse_textual_rating(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        textual_rating = _parse_textual_rating(d.pop("textual_rating", UNSET))

        def _parse_rating_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        rating_value = _parse_rating_value(d.pop("rating_value", UNSET))

        def _parse_best_rating(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        best_rating = _parse_best_rating(d.pop("best_rating", UNSET))

        def _parse_worst_rating(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        worst_rating = _parse_worst_rating(d.pop("worst_rating", UNSET))

        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        def _parse_media_authenticity_category(data: object) -> MediaAuthenticity | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                media_authenticity_category_type_0 = MediaAuthenticity(data)

                return media_authenticity_category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MediaAuthenticity | None | Unset, data)

        media_authenticity_category = _parse_media_authenticity_category(d.pop("media_authenticity_category", UNSET))

        review_create = cls(
            publisher=publisher,
            url=url,
            title=title,
            review_date=review_date,
            textual_rating=textual_rating,
            rating_value=rating_value,
            best_rating=best_rating,
            worst_rating=worst_rating,
            language=language,
            media_authenticity_category=media_authenticity_category,
        )

        return review_create
