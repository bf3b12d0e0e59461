from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.link_relation import LinkRelation
from ..models.review_kind import ReviewKind
from ..models.review_status import ReviewStatus

if TYPE_CHECKING:
    from ..models.claim_ref import ClaimRef
    from ..models.outlet_ref import OutletRef
    from ..models.proposed_claim import ProposedClaim
    from ..models.review_article_ref import ReviewArticleRef


T = TypeVar("T", bound="ReviewItemPublic")


@_attrs_define
class ReviewItemPublic:
    """One stored decision: what is proposed, why, and who decided it (when decided).

    Attributes:
        id (int):
        kind (ReviewKind):
        status (ReviewStatus):
        score (float): Matcher score (merges) or confidence (credits, copies).
        reason (str):
        evidence (None | str):
        claim (ClaimRef | None): claim_merge: the claim to merge.
        target_claim (ClaimRef | None): claim_merge: the claim to merge into; claim_proposal: the closest claim
            (accepting attributes the article to it), or, once accepted, the claim attributed.
        article (None | ReviewArticleRef): copy / credited_origin: the article; claim_proposal: the article quoted.
        proposed_claim (None | ProposedClaim): claim_proposal: what the article is proposed to claim.
        origin_article (None | ReviewArticleRef): copy: the proposed origin.
        outlet (None | OutletRef): credited_origin: the credited outlet; copy: the origin's outlet.
        relation (LinkRelation | None):
        created_at (datetime.datetime):
        decided_at (datetime.datetime | None):
        decided_by (None | str): Name of the API key that decided.
    """

    id: int
    kind: ReviewKind
    status: ReviewStatus
    score: float
    reason: str
    evidence: None | str
    claim: ClaimRef | None
    target_claim: ClaimRef | None
    article: None | ReviewArticleRef
    proposed_claim: None | ProposedClaim
    origin_article: None | ReviewArticleRef
    outlet: None | OutletRef
    relation: LinkRelation | None
    created_at: datetime.datetime
    decided_at: datetime.datetime | None
    decided_by: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.claim_ref import ClaimRef  # noqa: PLC0415
        from ..models.outlet_ref import OutletRef  # noqa: PLC0415
        from ..models.proposed_claim import ProposedClaim  # noqa: PLC0415
        from ..models.review_article_ref import ReviewArticleRef  # noqa: PLC0415

        id = self.id

        kind = self.kind.value

        status = self.status.value

        score = self.score

        reason = self.reason

        evidence: None | str
        evidence = self.evidence

        claim: dict[str, Any] | None
        if isinstance(self.claim, ClaimRef):
            claim = self.claim.to_dict()
        else:
            claim = self.claim

        target_claim: dict[str, Any] | None
        if isinstance(self.target_claim, ClaimRef):
            target_claim = self.target_claim.to_dict()
        else:
            target_claim = self.target_claim

        article: dict[str, Any] | None
        if isinstance(self.article, ReviewArticleRef):
            article = self.article.to_dict()
        else:
            article = self.article

        proposed_claim: dict[str, Any] | None
        if isinstance(self.proposed_claim, ProposedClaim):
            proposed_claim = self.proposed_claim.to_dict()
        else:
            proposed_claim = self.proposed_claim

        origin_article: dict[str, Any] | None
        if isinstance(self.origin_article, ReviewArticleRef):
            origin_article = self.origin_article.to_dict()
        else:
            origin_article = self.origin_article

        outlet: dict[str, Any] | None
        if isinstance(self.outlet, OutletRef):
            outlet = self.outlet.to_dict()
        else:
            outlet = self.outlet

        relation: None | str
        if isinstance(self.relation, LinkRelation):
            relation = self.relation.value
        else:
            relation = self.relation

        created_at = self.created_at.isoformat()

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by: None | str
        decided_by = self.decided_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "status": status,
                "score": score,
                "reason": reason,
                "evidence": evidence,
                "claim": claim,
                "target_claim": target_claim,
                "article": article,
                "proposed_claim": proposed_claim,
                "origin_article": origin_article,
                "outlet": outlet,
                "relation": relation,
                "created_at": created_at,
                "decided_at": decided_at,
                "decided_by": decided_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.claim_ref import ClaimRef  # noqa: PLC0415
        from ..models.outlet_ref import OutletRef  # noqa: PLC0415
        from ..models.proposed_claim import ProposedClaim  # noqa: PLC0415
        from ..models.review_article_ref import ReviewArticleRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        kind = ReviewKind(d.pop("kind"))

        status = ReviewStatus(d.pop("status"))

        score = d.pop("score")

        reason = d.pop("reason")

        def _parse_evidence(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        evidence = _parse_evidence(d.pop("evidence"))

        def _parse_claim(data: object) -> ClaimRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                claim_type_0 = ClaimRef.from_dict(data)

                return claim_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClaimRef | None, data)

        claim = _parse_claim(d.pop("claim"))

        def _parse_target_claim(data: object) -> ClaimRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                target_claim_type_0 = ClaimRef.from_dict(data)

                return target_claim_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClaimRef | None, data)

        target_claim = _parse_target_claim(d.pop("target_claim"))

        def _parse_article(data: object) -> None | ReviewArticleRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                article_type_0 = ReviewArticleRef.from_dict(data)

                return article_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReviewArticleRef, data)

        article = _parse_article(d.pop("article"))

        def _parse_proposed_claim(data: object) -> None | ProposedClaim:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                proposed_claim_type_0 = ProposedClaim.from_dict(data)

                return proposed_claim_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProposedClaim, data)

        proposed_claim = _parse_proposed_claim(d.pop("proposed_claim"))

        def _parse_origin_article(data: object) -> None | ReviewArticleRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                origin_article_type_0 = ReviewArticleRef.from_dict(data)

                return origin_article_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReviewArticleRef, data)

        origin_article = _parse_origin_article(d.pop("origin_article"))

        def _parse_outlet(data: object) -> None | OutletRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                outlet_type_0 = OutletRef.from_dict(data)

                return outlet_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OutletRef, data)

        outlet = _parse_outlet(d.pop("outlet"))

        def _parse_relation(data: object) -> LinkRelation | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                relation_type_0 = LinkRelation(data)

                return relation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LinkRelation | None, data)

        relation = _parse_relation(d.pop("relation"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        review_item_public = cls(
            id=id,
            kind=kind,
            status=status,
            score=score,
            reason=reason,
            evidence=evidence,
            claim=claim,
            target_claim=target_claim,
            article=article,
            proposed_claim=proposed_claim,
            origin_article=origin_article,
            outlet=outlet,
            relation=relation,
            created_at=created_at,
            decided_at=decided_at,
            decided_by=decided_by,
        )

        review_item_public.additional_properties = d
        return review_item_public

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
