from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.link_provenance import LinkProvenance
from ..models.link_relation import LinkRelation

if TYPE_CHECKING:
    from ..models.outlet_ref import OutletRef


T = TypeVar("T", bound="CreditedOriginPublic")


@_attrs_define
class CreditedOriginPublic:
    """The outlet an article credits as its origin, with the words that say so.

    Attributes:
        outlet (OutletRef): The few outlet fields embedded wherever an outlet is mentioned.
        relation (LinkRelation):
        reason (str):
        evidence (str):
        confidence (float):
        provenance (LinkProvenance):
        created_at (datetime.datetime):
    """

    outlet: OutletRef
    relation: LinkRelation
    reason: str
    evidence: str
    confidence: float
    provenance: LinkProvenance
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        outlet = self.outlet.to_dict()

        relation = self.relation.value

        reason = self.reason

        evidence = self.evidence

        confidence = self.confidence

        provenance = self.provenance.value

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outlet": outlet,
                "relation": relation,
                "reason": reason,
                "evidence": evidence,
                "confidence": confidence,
                "provenance": provenance,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.outlet_ref import OutletRef  # noqa: PLC0415

        d = dict(src_dict)
        outlet = OutletRef.from_dict(d.pop("outlet"))

        relation = LinkRelation(d.pop("relation"))

        reason = d.pop("reason")

        evidence = d.pop("evidence")

        confidence = d.pop("confidence")

        provenance = LinkProvenance(d.pop("provenance"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        credited_origin_public = cls(
            outlet=outlet,
            relation=relation,
            reason=reason,
            evidence=evidence,
            confidence=confidence,
            provenance=provenance,
            created_at=created_at,
        )

        credited_origin_public.additional_properties = d
        return credited_origin_public

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
