from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_outcome import ImportOutcome

T = TypeVar("T", bound="ImportItem")


@_attrs_define
class ImportItem:
    """What happened to one ClaimReview (or Claim) found in the imported document.

    Attributes:
        index (int): Position among the nodes found, in document order.
        type_ (str): `ClaimReview`, `Claim`, or the type that was skipped.
        url (None | str): The review's URL as given.
        outcome (ImportOutcome): What was done.
        reason (None | str): Why it was skipped, e.g. `already_imported`.
        message (None | str): The reason in a sentence.
        claim_id (int | None):
        review_id (int | None):
        appearances_added (int): Articles newly attributed to the claim.
        warnings (list[str]): Fields that were ignored, and why.
    """

    index: int
    type_: str
    url: None | str
    outcome: ImportOutcome
    reason: None | str
    message: None | str
    claim_id: int | None
    review_id: int | None
    appearances_added: int
    warnings: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        type_ = self.type_

        url: None | str
        url = self.url

        outcome = self.outcome.value

        reason: None | str
        reason = self.reason

        message: None | str
        message = self.message

        claim_id: int | None
        claim_id = self.claim_id

        review_id: int | None
        review_id = self.review_id

        appearances_added = self.appearances_added

        warnings = self.warnings

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "type": type_,
                "url": url,
                "outcome": outcome,
                "reason": reason,
                "message": message,
                "claim_id": claim_id,
                "review_id": review_id,
                "appearances_added": appearances_added,
                "warnings": warnings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        index = d.pop("index")

        type_ = d.pop("type")

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        outcome = ImportOutcome(d.pop("outcome"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message = _parse_message(d.pop("message"))

        def _parse_claim_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        claim_id = _parse_claim_id(d.pop("claim_id"))

        def _parse_review_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        review_id = _parse_review_id(d.pop("review_id"))

        appearances_added = d.pop("appearances_added")

        warnings = cast(list[str], d.pop("warnings"))

        import_item = cls(
            index=index,
            type_=type_,
            url=url,
            outcome=outcome,
            reason=reason,
            message=message,
            claim_id=claim_id,
            review_id=review_id,
            appearances_added=appearances_added,
            warnings=warnings,
        )

        import_item.additional_properties = d
        return import_item

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
