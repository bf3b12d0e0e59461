from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_item import ImportItem


T = TypeVar("T", bound="ImportReport")


@_attrs_define
class ImportReport:
    """
    Attributes:
        created (int):
        linked (int):
        skipped (int):
        items (list[ImportItem]):
    """

    created: int
    linked: int
    skipped: int
    items: list[ImportItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        linked = self.linked

        skipped = self.skipped

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "linked": linked,
                "skipped": skipped,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_item import ImportItem  # noqa: PLC0415

        d = dict(src_dict)
        created = d.pop("created")

        linked = d.pop("linked")

        skipped = d.pop("skipped")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ImportItem.from_dict(items_item_data)

            items.append(items_item)

        import_report = cls(
            created=created,
            linked=linked,
            skipped=skipped,
            items=items,
        )

        import_report.additional_properties = d
        return import_report

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
