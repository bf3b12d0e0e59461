from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.outlet_ref import OutletRef


T = TypeVar("T", bound="ReviewArticleRef")


@_attrs_define
class ReviewArticleRef:
    """
    Attributes:
        id (int):
        url (str):
        title (str):
        published_at (datetime.datetime):
        outlet (OutletRef): The few outlet fields embedded wherever an outlet is mentioned.
    """

    id: int
    url: str
    title: str
    published_at: datetime.datetime
    outlet: OutletRef
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        title = self.title

        published_at = self.published_at.isoformat()

        outlet = self.outlet.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "title": title,
                "published_at": published_at,
                "outlet": outlet,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.outlet_ref import OutletRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        title = d.pop("title")

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))

        outlet = OutletRef.from_dict(d.pop("outlet"))

        review_article_ref = cls(
            id=id,
            url=url,
            title=title,
            published_at=published_at,
            outlet=outlet,
        )

        review_article_ref.additional_properties = d
        return review_article_ref

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
