from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ingest_article import IngestArticle
    from ..models.ingest_claim import IngestClaim
    from ..models.ingest_credited_origin import IngestCreditedOrigin
    from ..models.ingest_origin import IngestOrigin
    from ..models.ingest_review_decision import IngestReviewDecision
    from ..models.outlet_create import OutletCreate


T = TypeVar("T", bound="IngestPayload")


@_attrs_define
class IngestPayload:
    """One article with its outlet and the claims it reports.

    Attributes:
        outlet (OutletCreate):
        article (IngestArticle):
        claims (list[IngestClaim] | Unset):
        origin (IngestOrigin | None | Unset):
        credited_origin (IngestCreditedOrigin | None | Unset): The outlet credited as this article's origin when none of
            its articles is linked (see docs/corroboration.md, credited origins).
        review_decisions (list[IngestReviewDecision] | Unset): Decisions of the review queue about this article (written
            by `corroborate export`).
        detect_copies (bool | Unset): Run copy detection when no `origin` is given (`corroborate export` writes false:
            its links are stated as they were). Default: True.
    """

    outlet: OutletCreate
    article: IngestArticle
    claims: list[IngestClaim] | Unset = UNSET
    origin: IngestOrigin | None | Unset = UNSET
    credited_origin: IngestCreditedOrigin | None | Unset = UNSET
    review_decisions: list[IngestReviewDecision] | Unset = UNSET
    detect_copies: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        from ..models.ingest_credited_origin import IngestCreditedOrigin  # noqa: PLC0415
        from ..models.ingest_origin import IngestOrigin  # noqa: PLC0415

        outlet = self.outlet.to_dict()

        article = self.article.to_dict()

        claims: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.claims, Unset):
            claims = []
            for claims_item_data in self.claims:
                claims_item = claims_item_data.to_dict()
                claims.append(claims_item)

        origin: dict[str, Any] | None | Unset
        if isinstance(self.origin, Unset):
            origin = UNSET
        elif isinstance(self.origin, IngestOrigin):
            origin = self.origin.to_dict()
        else:
            origin = self.origin

        credited_origin: dict[str, Any] | None | Unset
        if isinstance(self.credited_origin, Unset):
            credited_origin = UNSET
        elif isinstance(self.credited_origin, IngestCreditedOrigin):
            credited_origin = self.credited_origin.to_dict()
        else:
            credited_origin = self.credited_origin

        review_decisions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.review_decisions, Unset):
            review_decisions = []
            for review_decisions_item_data in self.review_decisions:
                review_decisions_item = review_decisions_item_data.to_dict()
                review_decisions.append(review_decisions_item)

        detect_copies = self.detect_copies

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outlet": outlet,
                "article": article,
            }
        )
        if claims is not UNSET:
            field_dict["claims"] = claims
        if origin is not UNSET:
            field_dict["origin"] = origin
        if credited_origin is not UNSET:
            field_dict["credited_origin"] = credited_origin
        if review_decisions is not UNSET:
            field_dict["review_decisions"] = review_decisions
        if detect_copies is not UNSET:
            field_dict["detect_copies"] = detect_copies

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ingest_article import IngestArticle  # noqa: PLC0415
        from ..models.ingest_claim import IngestClaim  # noqa: PLC0415
        from ..models.ingest_credited_origin import IngestCreditedOrigin  # noqa: PLC0415
        from ..models.ingest_origin import IngestOrigin  # noqa: PLC0415
        from ..models.ingest_review_decision import IngestReviewDecision  # noqa: PLC0415
        from ..models.outlet_create import OutletCreate  # noqa: PLC0415

        d = dict(src_dict)
        outlet = OutletCreate.from_dict(d.pop("outlet"))

        article = IngestArticle.from_dict(d.pop("article"))

        _claims = d.pop("claims", UNSET)
        claims: list[IngestClaim] | Unset = UNSET
        if _claims is not UNSET:
            claims = []
            for claims_item_data in _claims:
                claims_item = IngestClaim.from_dict(claims_item_data)

                claims.append(claims_item)

        def _parse_origin(data: object) -> IngestOrigin | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                origin_type_0 = IngestOrigin.from_dict(data)

                return origin_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IngestOrigin | None | Unset, data)

        origin = _parse_origin(d.pop("origin", UNSET))

        def _parse_credited_origin(data: object) -> IngestCreditedOrigin | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credited_origin_type_0 = IngestCreditedOrigin.from_dict(data)

                return credited_origin_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IngestCreditedOrigin | None | Unset, data)

        credited_origin = _parse_credited_origin(d.pop("credited_origin", UNSET))

        _review_decisions = d.pop("review_decisions", UNSET)
        review_decisions: list[IngestReviewDecision] | Unset = UNSET
        if _review_decisions is not UNSET:
            review_decisions = []
            for review_decisions_item_data in _review_decisions:
                review_decisions_item = IngestReviewDecision.from_dict(review_decisions_item_data)

                review_decisions.append(review_decisions_item)

        detect_copies = d.pop("detect_copies", UNSET)

        ingest_payload = cls(
            outlet=outlet,
            article=article,
            claims=claims,
            origin=origin,
            credited_origin=credited_origin,
            review_decisions=review_decisions,
            detect_copies=detect_copies,
        )

        return ingest_payload
