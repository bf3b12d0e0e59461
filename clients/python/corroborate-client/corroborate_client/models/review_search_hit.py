from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.search_decision import SearchDecision

if TYPE_CHECKING:
    from ..models.review_public import ReviewPublic
    from ..models.reviewed_claim import ReviewedClaim


T = TypeVar("T", bound="ReviewSearchHit")


@_attrs_define
class ReviewSearchHit:
    """A reviewed claim that says the same as the searched text, with its matching reviews.

    Attributes:
        claim (ReviewedClaim):
        score (float): How surely the claim says the same as `text`, 0 to 1.
        decision (SearchDecision): A match's strength.
        reviews (list[ReviewPublic]): The claim's reviews that pass the filters, newest first.
    """

    claim: ReviewedClaim
    score: float
    decision: SearchDecision
    reviews: list[ReviewPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claim = self.claim.to_dict()

        score = self.score

        decision = self.decision.value

        reviews = []
        for reviews_item_data in self.reviews:
            reviews_item = reviews_item_data.to_dict()
            reviews.append(reviews_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claim": claim,
                "score": score,
                "decision": decision,
                "reviews": reviews,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.review_public import ReviewPublic  # noqa: PLC0415
        from ..models.reviewed_claim import ReviewedClaim  # noqa: PLC0415

        d = dict(src_dict)
        claim = ReviewedClaim.from_dict(d.pop("claim"))

        score = d.pop("score")

        decision = SearchDecision(d.pop("decision"))

        reviews = []
        _reviews = d.pop("reviews")
        for reviews_item_data in _reviews:
            reviews_item = ReviewPublic.from_dict(reviews_item_data)

            reviews.append(reviews_item)

        review_search_hit = cls(
            claim=claim,
            score=score,
            decision=decision,
            reviews=reviews,
        )

        review_search_hit.additional_properties = d
        return review_search_hit

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
