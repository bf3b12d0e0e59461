from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JsonLdRating")


@_attrs_define
class JsonLdRating:
    """
    Attributes:
        type_ (str): `Rating`.
        rating_value (float | int | str | Unset):
        best_rating (float | int | str | Unset):
        worst_rating (float | int | str | Unset):
        alternate_name (str | Unset): The verdict in words.
    """

    type_: str
    rating_value: float | int | str | Unset = UNSET
    best_rating: float | int | str | Unset = UNSET
    worst_rating: float | int | str | Unset = UNSET
    alternate_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        rating_value: float | int | str | Unset
        if isinstance(self.rating_value, Unset):
            rating_value = UNSET
        else:
            rating_value = self.rating_value

        best_rating: float | int | str | Unset
        if isinstance(self.best_rating, Unset):
            best_rating = UNSET
        else:
            best_rating = self.best_rating

        worst_rating: float | int | str | Unset
        if isinstance(self.worst_rating, Unset):
            worst_rating = UNSET
        else:
            worst_rating = self.worst_rating

        alternate_name = self.alternate_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "@type": type_,
            }
        )
        if rating_value is not UNSET:
            field_dict["ratingValue"] = rating_value
        if best_rating is not UNSET:
            field_dict["bestRating"] = best_rating
        if worst_rating is not UNSET:
            field_dict["worstRating"] = worst_rating
        if alternate_name is not UNSET:
            field_dict["alternateName"] = alternate_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("@type")

        def _parse_rating_value(data: object) -> float | int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | int | str | Unset, data)

        rating_value = _parse_rating_value(d.pop("ratingValue", UNSET))

        def _parse_best_rating(data: object) -> float | int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | int | str | Unset, data)

        best_rating = _parse_best_rating(d.pop("bestRating", UNSET))

        def _parse_worst_rating(data: object) -> float | int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | int | str | Unset, data)

        worst_rating = _parse_worst_rating(d.pop("worstRating", UNSET))

        alternate_name = d.pop("alternateName", UNSET)

        json_ld_rating = cls(
            type_=type_,
            rating_value=rating_value,
            best_rating=best_rating,
            worst_rating=worst_rating,
            alternate_name=alternate_name,
        )

        json_ld_rating.additional_properties = d
        return json_ld_rating

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
