from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.link_provenance import LinkProvenance
from ..models.link_relation import LinkRelation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.outlet_create import OutletCreate


T = TypeVar("T", bound="IngestCreditedOrigin")


@_attrs_define
class IngestCreditedOrigin:
    """The outlet this article credits as its origin, as stated (what `corroborate export`
    writes for a credited origin, so that a re-import keeps it).

        Attributes:
            outlet (OutletCreate):
            relation (LinkRelation):
            reason (str):
            evidence (str):
            confidence (float | Unset):  Default: 1.0.
            provenance (LinkProvenance | Unset):
    """

    outlet: OutletCreate
    relation: LinkRelation
    reason: str
    evidence: str
    confidence: float | Unset = 1.0
    provenance: LinkProvenance | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        outlet = self.outlet.to_dict()

        relation = self.relation.value

        reason = self.reason

        evidence = self.evidence

        confidence = self.confidence

        provenance: str | Unset = UNSET
        if not isinstance(self.provenance, Unset):
            provenance = self.provenance.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outlet": outlet,
                "relation": relation,
                "reason": reason,
                "evidence": evidence,
            }
        )
        if confidence is not UNSET:
            field_dict["confidence"] = confidence
        if provenance is not UNSET:
            field_dict["provenance"] = provenance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.outlet_create import OutletCreate  # noqa: PLC0415

        d = dict(src_dict)
        outlet = OutletCreate.from_dict(d.pop("outlet"))

        relation = LinkRelation(d.pop("relation"))

        reason = d.pop("reason")

        evidence = d.pop("evidence")

        confidence = d.pop("confidence", UNSET)

        _provenance = d.pop("provenance", UNSET)
        provenance: LinkProvenance | Unset
        if isinstance(_provenance, Unset):
            provenance = UNSET
        else:
            provenance = LinkProvenance(_provenance)

        ingest_credited_origin = cls(
            outlet=outlet,
            relation=relation,
            reason=reason,
            evidence=evidence,
            confidence=confidence,
            provenance=provenance,
        )

        return ingest_credited_origin
