from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.outlet_ref import OutletRef


T = TypeVar("T", bound="IndependentOrigin")


@_attrs_define
class IndependentOrigin:
    """The root report this attribution collapses into when counting independent origins.

    Attributes:
        article_id (int): The root article: this one, or the end of its chain.
        outlet (OutletRef): The few outlet fields embedded wherever an outlet is mentioned.
        credited (bool): True when it counts under the outlet the root credits ("(AP)", an agency's URL), whose own
            article is not linked. Default: False.
    """

    article_id: int
    outlet: OutletRef
    credited: bool = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        article_id = self.article_id

        outlet = self.outlet.to_dict()

        credited = self.credited

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "article_id": article_id,
                "outlet": outlet,
                "credited": credited,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.outlet_ref import OutletRef  # noqa: PLC0415

        d = dict(src_dict)
        article_id = d.pop("article_id")

        outlet = OutletRef.from_dict(d.pop("outlet"))

        credited = d.pop("credited")

        independent_origin = cls(
            article_id=article_id,
            outlet=outlet,
            credited=credited,
        )

        independent_origin.additional_properties = d
        return independent_origin

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
