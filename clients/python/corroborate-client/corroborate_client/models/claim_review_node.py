from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClaimReviewNode")


@_attrs_define
class ClaimReviewNode:
    """A schema.org node as published: a `ClaimReview` (or a `Claim`), usually with
    `claimReviewed`, `url`, `author`, `reviewRating`, `itemReviewed` and `datePublished`.

        Attributes:
            type_ (list[str] | str): `ClaimReview` or `Claim`.
            context (Any | Unset):
    """

    type_: list[str] | str
    context: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: list[str] | str
        if isinstance(self.type_, list):
            type_ = self.type_

        else:
            type_ = self.type_

        context = self.context

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "@type": type_,
            }
        )
        if context is not UNSET:
            field_dict["@context"] = context

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_type_(data: object) -> list[str] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                type_type_1 = cast(list[str], data)

                return type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str, data)

        type_ = _parse_type_(d.pop("@type"))

        context = d.pop("@context", UNSET)

        claim_review_node = cls(
            type_=type_,
            context=context,
        )

        claim_review_node.additional_properties = d
        return claim_review_node

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
