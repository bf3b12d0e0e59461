from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fact_check_claim_claim_review_item import FactCheckClaimClaimReviewItem


T = TypeVar("T", bound="FactCheckClaim")


@_attrs_define
class FactCheckClaim:
    """One claim of a Google Fact Check Tools `claims:search` response.

    Attributes:
        claim_review (list[FactCheckClaimClaimReviewItem]):
        text (str | Unset):
        claimant (str | Unset):
        claim_date (str | Unset):
    """

    claim_review: list[FactCheckClaimClaimReviewItem]
    text: str | Unset = UNSET
    claimant: str | Unset = UNSET
    claim_date: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claim_review = []
        for claim_review_item_data in self.claim_review:
            claim_review_item = claim_review_item_data.to_dict()
            claim_review.append(claim_review_item)

        text = self.text

        claimant = self.claimant

        claim_date = self.claim_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claimReview": claim_review,
            }
        )
        if text is not UNSET:
            field_dict["text"] = text
        if claimant is not UNSET:
            field_dict["claimant"] = claimant
        if claim_date is not UNSET:
            field_dict["claimDate"] = claim_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fact_check_claim_claim_review_item import FactCheckClaimClaimReviewItem  # noqa: PLC0415

        d = dict(src_dict)
        claim_review = []
        _claim_review = d.pop("claimReview")
        for claim_review_item_data in _claim_review:
            claim_review_item = FactCheckClaimClaimReviewItem.from_dict(claim_review_item_data)

            claim_review.append(claim_review_item)

        text = d.pop("text", UNSET)

        claimant = d.pop("claimant", UNSET)

        claim_date = d.pop("claimDate", UNSET)

        fact_check_claim = cls(
            claim_review=claim_review,
            text=text,
            claimant=claimant,
            claim_date=claim_date,
        )

        fact_check_claim.additional_properties = d
        return fact_check_claim

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
