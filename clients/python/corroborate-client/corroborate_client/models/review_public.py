from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verdict import Verdict

if TYPE_CHECKING:
    from ..models.publisher_public import PublisherPublic


T = TypeVar("T", bound="ReviewPublic")


@_attrs_define
class ReviewPublic:
    """
    Attributes:
        id (int):
        claim_id (int):
        publisher (PublisherPublic):
        url (str):
        title (None | str):
        review_date (datetime.date | None):
        textual_rating (None | str):
        rating_value (float | None):
        best_rating (float | None):
        worst_rating (float | None):
        language (None | str):
        media_authenticity_category (None | str): For a MediaReview: the schema.org MediaManipulationRatingEnumeration
            value as the fact-checker gave it (`OriginalMediaContent`, `TransformedContent`, `DecontextualizedContent`,
            ...); null for a ClaimReview.
        verdict (None | Verdict): The textual rating (else the numeric one) on one scale: `true`, `mostly_true`,
            `mixed`, `mostly_false`, `false`, `unproven` or `other` (docs/fact-checking.md has the table). `textual_rating`
            keeps the original words.
        verdict_score (float | None): How true, from 0 (false) to 1 (true); null for `unproven` and `other`.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    claim_id: int
    publisher: PublisherPublic
    url: str
    title: None | str
    review_date: datetime.date | None
    textual_rating: None | str
    rating_value: float | None
    best_rating: float | None
    worst_rating: float | None
    language: None | str
    media_authenticity_category: None | str
    verdict: None | Verdict
    verdict_score: float | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        claim_id = self.claim_id

        publisher = self.publisher.to_dict()

        url = self.url

        title: None | str
        title = self.title

        review_date: None | str
        if isinstance(self.review_date, datetime.date):
            review_date = self.review_date.isoformat()
        else:
            review_date = self.review_date

        textual_rating: None | str
        textual_rating = self.textual_rating

        rating_value: float | None
        rating_value = self.rating_value

        best_rating: float | None
        best_rating = self.best_rating

        worst_rating: float | None
        worst_rating = self.worst_rating

        language: None | str
        language = self.language

        media_authenticity_category: None | str
        media_authenticity_category = self.media_authenticity_category

        verdict: None | str
        if isinstance(self.verdict, Verdict):
            verdict = self.verdict.value
        else:
            verdict = self.verdict

        verdict_score: float | None
        verdict_score = self.verdict_score

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "claim_id": claim_id,
                "publisher": publisher,
                "url": url,
                "title": title,
                "review_date": review_date,
                "textual_rating": textual_rating,
                "rating_value": rating_value,
                "best_rating": best_rating,
                "worst_rating": worst_rating,
                "language": language,
                "media_authenticity_category": media_authenticity_category,
                "verdict": verdict,
                "verdict_score": verdict_score,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.publisher_public import PublisherPublic  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        claim_id = d.pop("claim_id")

        publisher = PublisherPublic.from_dict(d.pop("publisher"))

        url = d.pop("url")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        def _parse_review_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                review_date_type_0 = datetime.date.fromisoformat(data)

                return review_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        review_date = _parse_review_date(d.pop("review_date"))

        def _parse_textual_rating(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        textual_rating = _parse_textual_rating(d.pop("textual_rating"))

        def _parse_rating_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rating_value = _parse_rating_value(d.pop("rating_value"))

        def _parse_best_rating(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        best_rating = _parse_best_rating(d.pop("best_rating"))

        def _parse_worst_rating(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        worst_rating = _parse_worst_rating(d.pop("worst_rating"))

        def _parse_language(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        language = _parse_language(d.pop("language"))

        def _parse_media_authenticity_category(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        media_authenticity_category = _parse_media_authenticity_category(d.pop("media_authenticity_category"))

        def _parse_verdict(data: object) -> None | Verdict:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verdict_type_0 = Verdict(data)

                return verdict_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Verdict, data)

        verdict = _parse_verdict(d.pop("verdict"))

        def _parse_verdict_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        verdict_score = _parse_verdict_score(d.pop("verdict_score"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        review_public = cls(
            id=id,
            claim_id=claim_id,
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
            verdict=verdict,
            verdict_score=verdict_score,
            created_at=created_at,
            updated_at=updated_at,
        )

        review_public.additional_properties = d
        return review_public

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
