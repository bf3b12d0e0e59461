from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.link_provenance import LinkProvenance
from ..models.link_relation import LinkRelation
from ..types import UNSET, Unset

T = TypeVar("T", bound="IngestOrigin")


@_attrs_define
class IngestOrigin:
    """The earlier article this one copies or cites, as stated by the sender: it always wins.

    Attributes:
        url (str): URL of an article already ingested.
        relation (LinkRelation):
        reason (None | str | Unset):
        provenance (LinkProvenance | Unset):
    """

    url: str
    relation: LinkRelation
    reason: None | str | Unset = UNSET
    provenance: LinkProvenance | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        relation = self.relation.value

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        provenance: str | Unset = UNSET
        if not isinstance(self.provenance, Unset):
            provenance = self.provenance.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "relation": relation,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if provenance is not UNSET:
            field_dict["provenance"] = provenance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        relation = LinkRelation(d.pop("relation"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        _provenance = d.pop("provenance", UNSET)
        provenance: LinkProvenance | Unset
        if isinstance(_provenance, Unset):
            provenance = UNSET
        else:
            provenance = LinkProvenance(_provenance)

        ingest_origin = cls(
            url=url,
            relation=relation,
            reason=reason,
            provenance=provenance,
        )

        return ingest_origin
