from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.link_relation import LinkRelation
from ..types import UNSET, Unset

T = TypeVar("T", bound="LinkCreate")


@_attrs_define
class LinkCreate:
    """
    Attributes:
        origin_article_id (int):
        relation (LinkRelation):
        reason (None | str | Unset): Why, e.g. "verbatim Reuters wire copy".
    """

    origin_article_id: int
    relation: LinkRelation
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        origin_article_id = self.origin_article_id

        relation = self.relation.value

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "origin_article_id": origin_article_id,
                "relation": relation,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        origin_article_id = d.pop("origin_article_id")

        relation = LinkRelation(d.pop("relation"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        link_create = cls(
            origin_article_id=origin_article_id,
            relation=relation,
            reason=reason,
        )

        return link_create
