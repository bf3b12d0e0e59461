from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.data_feed_import_data_feed_element_item import DataFeedImportDataFeedElementItem


T = TypeVar("T", bound="DataFeedImport")


@_attrs_define
class DataFeedImport:
    """A Data Commons `DataFeed`: `dataFeedElement` items (each a node, or `{"item": node}`).

    Attributes:
        type_ (list[str] | str): `DataFeed`.
        data_feed_element (list[DataFeedImportDataFeedElementItem]):
    """

    type_: list[str] | str
    data_feed_element: list[DataFeedImportDataFeedElementItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: list[str] | str
        if isinstance(self.type_, list):
            type_ = self.type_

        else:
            type_ = self.type_

        data_feed_element = []
        for data_feed_element_item_data in self.data_feed_element:
            data_feed_element_item = data_feed_element_item_data.to_dict()
            data_feed_element.append(data_feed_element_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "@type": type_,
                "dataFeedElement": data_feed_element,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.data_feed_import_data_feed_element_item import DataFeedImportDataFeedElementItem  # noqa: PLC0415

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

        data_feed_element = []
        _data_feed_element = d.pop("dataFeedElement")
        for data_feed_element_item_data in _data_feed_element:
            data_feed_element_item = DataFeedImportDataFeedElementItem.from_dict(data_feed_element_item_data)

            data_feed_element.append(data_feed_element_item)

        data_feed_import = cls(
            type_=type_,
            data_feed_element=data_feed_element,
        )

        data_feed_import.additional_properties = d
        return data_feed_import

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
