from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.fact_check_claim_review import FactCheckClaimReview


T = TypeVar("T", bound="FactCheckFoundClaim")


@_attrs_define
class FactCheckFoundClaim:
    """
    Attributes:
        text (str):
        claimant (None | str):
        claim_date (None | str):
        claim_review (list[FactCheckClaimReview]):
    """

    text: str
    claimant: None | str
    claim_date: None | str
    claim_review: list[FactCheckClaimReview]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        claimant: None | str
        claimant = self.claimant

        claim_date: None | str
        claim_date = self.claim_date

        claim_review = []
        for claim_review_item_data in self.claim_review:
            claim_review_item = claim_review_item_data.to_dict()
            claim_review.append(claim_review_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
                "claimant": claimant,
                "claimDate": claim_date,
                "claimReview": claim_review,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fact_check_claim_review import FactCheckClaimReview  # noqa: PLC0415

        d = dict(src_dict)
        text = d.pop("text")

        def _parse_claimant(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        claimant = _parse_claimant(d.pop("claimant"))

        def _parse_claim_date(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        claim_date = _parse_claim_date(d.pop("claimDate"))

        claim_review = []
        _claim_review = d.pop("claimReview")
        for claim_review_item_data in _claim_review:
            claim_review_item = FactCheckClaimReview.from_dict(claim_review_item_data)

            claim_review.append(claim_review_item)

        fact_check_found_claim = cls(
            text=text,
            claimant=claimant,
            claim_date=claim_date,
            claim_review=claim_review,
        )

        fact_check_found_claim.additional_properties = d
        return fact_check_found_claim

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
