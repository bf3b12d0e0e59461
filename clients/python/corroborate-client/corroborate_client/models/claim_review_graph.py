from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.json_ld_claim_review import JsonLdClaimReview
    from ..models.json_ld_media_review import JsonLdMediaReview


T = TypeVar("T", bound="ClaimReviewGraph")


@_attrs_define
class ClaimReviewGraph:
    """The export of a claim with several reviews.

    Attributes:
        context (Literal['https://schema.org']):
        graph (list[JsonLdClaimReview | JsonLdMediaReview]):
    """

    context: Literal["https://schema.org"]
    graph: list[JsonLdClaimReview | JsonLdMediaReview]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.json_ld_claim_review import JsonLdClaimReview  # noqa: PLC0415

        context = self.context

        graph = []
        for graph_item_data in self.graph:
            graph_item: dict[str, Any]
            if isinstance(graph_item_data, JsonLdClaimReview):
                graph_item = graph_item_data.to_dict()
            else:
                graph_item = graph_item_data.to_dict()

            graph.append(graph_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "@context": context,
                "@graph": graph,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_ld_claim_review import JsonLdClaimReview  # noqa: PLC0415
        from ..models.json_ld_media_review import JsonLdMediaReview  # noqa: PLC0415

        d = dict(src_dict)
        context = cast(Literal["https://schema.org"], d.pop("@context"))
        if context != "https://schema.org":
            raise ValueError(f"@context must match const 'https://schema.org', got '{context}'")

        graph = []
        _graph = d.pop("@graph")
        for graph_item_data in _graph:

            def _parse_graph_item(data: object) -> JsonLdClaimReview | JsonLdMediaReview:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    graph_item_type_0 = JsonLdClaimReview.from_dict(data)

                    return graph_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                graph_item_type_1 = JsonLdMediaReview.from_dict(data)

                return graph_item_type_1

            graph_item = _parse_graph_item(graph_item_data)

            graph.append(graph_item)

        claim_review_graph = cls(
            context=context,
            graph=graph,
        )

        claim_review_graph.additional_properties = d
        return claim_review_graph

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
