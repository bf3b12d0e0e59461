from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.link_provenance import LinkProvenance
from ..models.link_relation import LinkRelation

T = TypeVar("T", bound="ChainStep")


@_attrs_define
class ChainStep:
    """One link followed from a copy towards its origin.

    Attributes:
        article_id (int):
        origin_article_id (int):
        relation (LinkRelation):
        reason (None | str):
        provenance (LinkProvenance):
    """

    article_id: int
    origin_article_id: int
    relation: LinkRelation
    reason: None | str
    provenance: LinkProvenance
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        article_id = self.article_id

        origin_article_id = self.origin_article_id

        relation = self.relation.value

        reason: None | str
        reason = self.reason

        provenance = self.provenance.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "article_id": article_id,
                "origin_article_id": origin_article_id,
                "relation": relation,
                "reason": reason,
                "provenance": provenance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        article_id = d.pop("article_id")

        origin_article_id = d.pop("origin_article_id")

        relation = LinkRelation(d.pop("relation"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        provenance = LinkProvenance(d.pop("provenance"))

        chain_step = cls(
            article_id=article_id,
            origin_article_id=origin_article_id,
            relation=relation,
            reason=reason,
            provenance=provenance,
        )

        chain_step.additional_properties = d
        return chain_step

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
