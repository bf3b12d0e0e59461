from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.claim_outcome import ClaimOutcome
    from ..models.copy_candidate import CopyCandidate
    from ..models.credited_origin_public import CreditedOriginPublic
    from ..models.link_public import LinkPublic


T = TypeVar("T", bound="IngestResult")


@_attrs_define
class IngestResult:
    """
    Attributes:
        outlet_id (int):
        outlet_created (bool):
        article_id (int):
        article_created (bool):
        changed (bool): False when the call wrote nothing (a re-send).
        claims (list[ClaimOutcome]):
        origin (LinkPublic | None): The article this one copies or cites, stated or detected.
        copies (list[LinkPublic]): Articles ingested earlier that this call detected as copies of this one.
        copy_candidates (list[CopyCandidate]): Articles that may be this one's original, not linked: retellings first,
            then earlier articles of other outlets with the same headline, earliest first. At most the first 10;
            `copy_candidates_total` counts them all. One review item proposes the first.
        copy_candidates_total (int): How many copy candidates there are, listed or not. Default: 0.
        credited_origin (CreditedOriginPublic | None): The outlet this article credits as its origin, when no article of
            that outlet is linked; it counts as that outlet's report.
    """

    outlet_id: int
    outlet_created: bool
    article_id: int
    article_created: bool
    changed: bool
    claims: list[ClaimOutcome]
    origin: LinkPublic | None
    copies: list[LinkPublic]
    copy_candidates: list[CopyCandidate]
    credited_origin: CreditedOriginPublic | None
    copy_candidates_total: int = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.credited_origin_public import CreditedOriginPublic  # noqa: PLC0415
        from ..models.link_public import LinkPublic  # noqa: PLC0415

        outlet_id = self.outlet_id

        outlet_created = self.outlet_created

        article_id = self.article_id

        article_created = self.article_created

        changed = self.changed

        claims = []
        for claims_item_data in self.claims:
            claims_item = claims_item_data.to_dict()
            claims.append(claims_item)

        origin: dict[str, Any] | None
        if isinstance(self.origin, LinkPublic):
            origin = self.origin.to_dict()
        else:
            origin = self.origin

        copies = []
        for copies_item_data in self.copies:
            copies_item = copies_item_data.to_dict()
            copies.append(copies_item)

        copy_candidates = []
        for copy_candidates_item_data in self.copy_candidates:
            copy_candidates_item = copy_candidates_item_data.to_dict()
            copy_candidates.append(copy_candidates_item)

        copy_candidates_total = self.copy_candidates_total

        credited_origin: dict[str, Any] | None
        if isinstance(self.credited_origin, CreditedOriginPublic):
            credited_origin = self.credited_origin.to_dict()
        else:
            credited_origin = self.credited_origin

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outlet_id": outlet_id,
                "outlet_created": outlet_created,
                "article_id": article_id,
                "article_created": article_created,
                "changed": changed,
                "claims": claims,
                "origin": origin,
                "copies": copies,
                "copy_candidates": copy_candidates,
                "copy_candidates_total": copy_candidates_total,
                "credited_origin": credited_origin,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.claim_outcome import ClaimOutcome  # noqa: PLC0415
        from ..models.copy_candidate import CopyCandidate  # noqa: PLC0415
        from ..models.credited_origin_public import CreditedOriginPublic  # noqa: PLC0415
        from ..models.link_public import LinkPublic  # noqa: PLC0415

        d = dict(src_dict)
        outlet_id = d.pop("outlet_id")

        outlet_created = d.pop("outlet_created")

        article_id = d.pop("article_id")

        article_created = d.pop("article_created")

        changed = d.pop("changed")

        claims = []
        _claims = d.pop("claims")
        for claims_item_data in _claims:
            claims_item = ClaimOutcome.from_dict(claims_item_data)

            claims.append(claims_item)

        def _parse_origin(data: object) -> LinkPublic | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                origin_type_0 = LinkPublic.from_dict(data)

                return origin_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LinkPublic | None, data)

        origin = _parse_origin(d.pop("origin"))

        copies = []
        _copies = d.pop("copies")
        for copies_item_data in _copies:
            copies_item = LinkPublic.from_dict(copies_item_data)

            copies.append(copies_item)

        copy_candidates = []
        _copy_candidates = d.pop("copy_candidates")
        for copy_candidates_item_data in _copy_candidates:
            copy_candidates_item = CopyCandidate.from_dict(copy_candidates_item_data)

            copy_candidates.append(copy_candidates_item)

        copy_candidates_total = d.pop("copy_candidates_total")

        def _parse_credited_origin(data: object) -> CreditedOriginPublic | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credited_origin_type_0 = CreditedOriginPublic.from_dict(data)

                return credited_origin_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreditedOriginPublic | None, data)

        credited_origin = _parse_credited_origin(d.pop("credited_origin"))

        ingest_result = cls(
            outlet_id=outlet_id,
            outlet_created=outlet_created,
            article_id=article_id,
            article_created=article_created,
            changed=changed,
            claims=claims,
            origin=origin,
            copies=copies,
            copy_candidates=copy_candidates,
            copy_candidates_total=copy_candidates_total,
            credited_origin=credited_origin,
        )

        ingest_result.additional_properties = d
        return ingest_result

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
