from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FirstReport")


@_attrs_define
class FirstReport:
    """
    Attributes:
        at (datetime.datetime): Publication instant of the earliest reporting article.
        outlet (str): Slug of its outlet.
        outlet_name (str):
        article_id (int):
    """

    at: datetime.datetime
    outlet: str
    outlet_name: str
    article_id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        outlet = self.outlet

        outlet_name = self.outlet_name

        article_id = self.article_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "outlet": outlet,
                "outlet_name": outlet_name,
                "article_id": article_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        outlet = d.pop("outlet")

        outlet_name = d.pop("outlet_name")

        article_id = d.pop("article_id")

        first_report = cls(
            at=at,
            outlet=outlet,
            outlet_name=outlet_name,
            article_id=article_id,
        )

        first_report.additional_properties = d
        return first_report

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
