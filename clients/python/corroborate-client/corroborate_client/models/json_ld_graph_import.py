from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_ld_graph_import_graph_item import JsonLdGraphImportGraphItem


T = TypeVar("T", bound="JsonLdGraphImport")


@_attrs_define
class JsonLdGraphImport:
    """Nodes under `@graph` (as pages embed them).

    Attributes:
        graph (list[JsonLdGraphImportGraphItem]):
        context (Any | Unset):
    """

    graph: list[JsonLdGraphImportGraphItem]
    context: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        graph = []
        for graph_item_data in self.graph:
            graph_item = graph_item_data.to_dict()
            graph.append(graph_item)

        context = self.context

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "@graph": graph,
            }
        )
        if context is not UNSET:
            field_dict["@context"] = context

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_ld_graph_import_graph_item import JsonLdGraphImportGraphItem  # noqa: PLC0415

        d = dict(src_dict)
        graph = []
        _graph = d.pop("@graph")
        for graph_item_data in _graph:
            graph_item = JsonLdGraphImportGraphItem.from_dict(graph_item_data)

            graph.append(graph_item)

        context = d.pop("@context", UNSET)

        json_ld_graph_import = cls(
            graph=graph,
            context=context,
        )

        json_ld_graph_import.additional_properties = d
        return json_ld_graph_import

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
