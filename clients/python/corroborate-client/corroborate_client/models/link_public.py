from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.link_provenance import LinkProvenance
from ..models.link_relation import LinkRelation

if TYPE_CHECKING:
    from ..models.origin_article_ref import OriginArticleRef


T = TypeVar("T", bound="LinkPublic")


@_attrs_define
class LinkPublic:
    """How an article relates to the earlier article it copies or cites.

    Attributes:
        article_id (int):
        origin (OriginArticleRef):
        relation (LinkRelation):
        reason (None | str):
        provenance (LinkProvenance):
        created_at (datetime.datetime):
    """

    article_id: int
    origin: OriginArticleRef
    relation: LinkRelation
    reason: None | str
    provenance: LinkProvenance
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        article_id = self.article_id

        origin = self.origin.to_dict()

        relation = self.relation.value

        reason: None | str
        reason = self.reason

        provenance = self.provenance.value

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "article_id": article_id,
                "origin": origin,
                "relation": relation,
                "reason": reason,
                "provenance": provenance,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.origin_article_ref import OriginArticleRef  # noqa: PLC0415

        d = dict(src_dict)
        article_id = d.pop("article_id")

        origin = OriginArticleRef.from_dict(d.pop("origin"))

        relation = LinkRelation(d.pop("relation"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        provenance = LinkProvenance(d.pop("provenance"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        link_public = cls(
            article_id=article_id,
            origin=origin,
            relation=relation,
            reason=reason,
            provenance=provenance,
            created_at=created_at,
        )

        link_public.additional_properties = d
        return link_public

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
