from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.link_relation import LinkRelation
from ..models.review_decision_status import ReviewDecisionStatus
from ..models.review_kind import ReviewKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.claim_key import ClaimKey
    from ..models.outlet_create import OutletCreate
    from ..models.proposed_claim_key import ProposedClaimKey


T = TypeVar("T", bound="IngestReviewDecision")


@_attrs_define
class IngestReviewDecision:
    """A decision taken in the review queue, as `corroborate export` writes it on the line of
    the article it is about (for a claim merge: the last article carrying either claim), so
    that an import remembers it: a rejection is never proposed again. Nothing is applied: what
    an acceptance did is in the payload already (origin, credited origin, merged claims).

        Attributes:
            kind (ReviewKind):
            status (ReviewDecisionStatus): A decision.
            decided_at (datetime.datetime): RFC 3339 with an offset or Z; on or after 1800-01-01 and at most one day after
                now.
            score (float):
            reason (str):
            decided_by (None | str | Unset):
            evidence (None | str | Unset):
            relation (LinkRelation | None | Unset):
            origin_url (None | str | Unset): copy: the proposed origin.
            outlet (None | OutletCreate | Unset): credited_origin: the outlet.
            claim (ClaimKey | None | Unset): claim_merge: the claim to merge (absent once merged).
            target_claim (ClaimKey | None | Unset): claim_merge: the target; claim_proposal: the claim it was attached to.
            proposed_claim (None | ProposedClaimKey | Unset): claim_proposal: what the article was proposed to claim.
    """

    kind: ReviewKind
    status: ReviewDecisionStatus
    decided_at: datetime.datetime
    score: float
    reason: str
    decided_by: None | str | Unset = UNSET
    evidence: None | str | Unset = UNSET
    relation: LinkRelation | None | Unset = UNSET
    origin_url: None | str | Unset = UNSET
    outlet: None | OutletCreate | Unset = UNSET
    claim: ClaimKey | None | Unset = UNSET
    target_claim: ClaimKey | None | Unset = UNSET
    proposed_claim: None | ProposedClaimKey | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.claim_key import ClaimKey  # noqa: PLC0415
        from ..models.outlet_create import OutletCreate  # noqa: PLC0415
        from ..models.proposed_claim_key import ProposedClaimKey  # noqa: PLC0415

        kind = self.kind.value

        status = self.status.value

        decided_at = self.decided_at.isoformat()

        score = self.score

        reason = self.reason

        decided_by: None | str | Unset
        if isinstance(self.decided_by, Unset):
            decided_by = UNSET
        else:
            decided_by = self.decided_by

        evidence: None | str | Unset
        if isinstance(self.evidence, Unset):
            evidence = UNSET
        else:
            evidence = self.evidence

        relation: None | str | Unset
        if isinstance(self.relation, Unset):
            relation = UNSET
        elif isinstance(self.relation, LinkRelation):
            relation = self.relation.value
        else:
            relation = self.relation

        origin_url: None | str | Unset
        if isinstance(self.origin_url, Unset):
            origin_url = UNSET
        else:
            origin_url = self.origin_url

        outlet: dict[str, Any] | None | Unset
        if isinstance(self.outlet, Unset):
            outlet = UNSET
        elif isinstance(self.outlet, OutletCreate):
            outlet = self.outlet.to_dict()
        else:
            outlet = self.outlet

        claim: dict[str, Any] | None | Unset
        if isinstance(self.claim, Unset):
            claim = UNSET
        elif isinstance(self.claim, ClaimKey):
            claim = self.claim.to_dict()
        else:
            claim = self.claim

        target_claim: dict[str, Any] | None | Unset
        if isinstance(self.target_claim, Unset):
            target_claim = UNSET
        elif isinstance(self.target_claim, ClaimKey):
            target_claim = self.target_claim.to_dict()
        else:
            target_claim = self.target_claim

        proposed_claim: dict[str, Any] | None | Unset
        if isinstance(self.proposed_claim, Unset):
            proposed_claim = UNSET
        elif isinstance(self.proposed_claim, ProposedClaimKey):
            proposed_claim = self.proposed_claim.to_dict()
        else:
            proposed_claim = self.proposed_claim

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "status": status,
                "decided_at": decided_at,
                "score": score,
                "reason": reason,
            }
        )
        if decided_by is not UNSET:
            field_dict["decided_by"] = decided_by
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if relation is not UNSET:
            field_dict["relation"] = relation
        if origin_url is not UNSET:
            field_dict["origin_url"] = origin_url
        if outlet is not UNSET:
            field_dict["outlet"] = outlet
        if claim is not UNSET:
            field_dict["claim"] = claim
        if target_claim is not UNSET:
            field_dict["target_claim"] = target_claim
        if proposed_claim is not UNSET:
            field_dict["proposed_claim"] = proposed_claim

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.claim_key import ClaimKey  # noqa: PLC0415
        from ..models.outlet_create import OutletCreate  # noqa: PLC0415
        from ..models.proposed_claim_key import ProposedClaimKey  # noqa: PLC0415

        d = dict(src_dict)
        kind = ReviewKind(d.pop("kind"))

        status = ReviewDecisionStatus(d.pop("status"))

        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))

        score = d.pop("score")

        reason = d.pop("reason")

        def _parse_decided_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decided_by = _parse_decided_by(d.pop("decided_by", UNSET))

        def _parse_evidence(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evidence = _parse_evidence(d.pop("evidence", UNSET))

        def _parse_relation(data: object) -> LinkRelation | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                relation_type_0 = LinkRelation(data)

                return relation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LinkRelation | None | Unset, data)

        relation = _parse_relation(d.pop("relation", UNSET))

        def _parse_origin_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        origin_url = _parse_origin_url(d.pop("origin_url", UNSET))

        def _parse_outlet(data: object) -> None | OutletCreate | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                outlet_type_0 = OutletCreate.from_dict(data)

                return outlet_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OutletCreate | Unset, data)

        outlet = _parse_outlet(d.pop("outlet", UNSET))

        def _parse_claim(data: object) -> ClaimKey | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                claim_type_0 = ClaimKey.from_dict(data)

                return claim_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClaimKey | None | Unset, data)

        claim = _parse_claim(d.pop("claim", UNSET))

        def _parse_target_claim(data: object) -> ClaimKey | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                target_claim_type_0 = ClaimKey.from_dict(data)

                return target_claim_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClaimKey | None | Unset, data)

        target_claim = _parse_target_claim(d.pop("target_claim", UNSET))

        def _parse_proposed_claim(data: object) -> None | ProposedClaimKey | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                proposed_claim_type_0 = ProposedClaimKey.from_dict(data)

                return proposed_claim_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProposedClaimKey | Unset, data)

        proposed_claim = _parse_proposed_claim(d.pop("proposed_claim", UNSET))

        ingest_review_decision = cls(
            kind=kind,
            status=status,
            decided_at=decided_at,
            score=score,
            reason=reason,
            decided_by=decided_by,
            evidence=evidence,
            relation=relation,
            origin_url=origin_url,
            outlet=outlet,
            claim=claim,
            target_claim=target_claim,
            proposed_claim=proposed_claim,
        )

        return ingest_review_decision
