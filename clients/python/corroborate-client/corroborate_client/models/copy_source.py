from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.outlet_ref import OutletRef


T = TypeVar("T", bound="CopySource")


@_attrs_define
class CopySource:
    """An outlet whose articles this outlet copied or cited.

    Attributes:
        outlet (OutletRef): The few outlet fields embedded wherever an outlet is mentioned.
        copies (int): Articles of this outlet linked to one of that outlet's.
        syndicates (int):
        cites (int):
    """

    outlet: OutletRef
    copies: int
    syndicates: int
    cites: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        outlet = self.outlet.to_dict()

        copies = self.copies

        syndicates = self.syndicates

        cites = self.cites

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outlet": outlet,
                "copies": copies,
                "syndicates": syndicates,
                "cites": cites,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.outlet_ref import OutletRef  # noqa: PLC0415

        d = dict(src_dict)
        outlet = OutletRef.from_dict(d.pop("outlet"))

        copies = d.pop("copies")

        syndicates = d.pop("syndicates")

        cites = d.pop("cites")

        copy_source = cls(
            outlet=outlet,
            copies=copies,
            syndicates=syndicates,
            cites=cites,
        )

        copy_source.additional_properties = d
        return copy_source

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
