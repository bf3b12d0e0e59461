from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sourcing import Sourcing
from ..models.stance import Stance

if TYPE_CHECKING:
    from ..models.article_ref import ArticleRef
    from ..models.copy_of import CopyOf
    from ..models.independent_origin import IndependentOrigin
    from ..models.outlet_ref import OutletRef


T = TypeVar("T", bound="AttributionPublic")


@_attrs_define
class AttributionPublic:
    """
    Attributes:
        stance (Stance):
        quote (None | str): Verbatim excerpt.
        sourcing (Sourcing):
        id (int):
        claim_id (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        outlet (OutletRef): The few outlet fields embedded wherever an outlet is mentioned.
        article (ArticleRef):
        origin (CopyOf | None): Set when the article copies or cites another.
        independent_origin (IndependentOrigin): The root report this attribution collapses into when counting
            independent origins.
    """

    stance: Stance
    quote: None | str
    sourcing: Sourcing
    id: int
    claim_id: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    outlet: OutletRef
    article: ArticleRef
    origin: CopyOf | None
    independent_origin: IndependentOrigin
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.copy_of import CopyOf  # noqa: PLC0415

        stance = self.stance.value

        quote: None | str
        quote = self.quote

        sourcing = self.sourcing.value

        id = self.id

        claim_id = self.claim_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        outlet = self.outlet.to_dict()

        article = self.article.to_dict()

        origin: dict[str, Any] | None
        if isinstance(self.origin, CopyOf):
            origin = self.origin.to_dict()
        else:
            origin = self.origin

        independent_origin = self.independent_origin.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stance": stance,
                "quote": quote,
                "sourcing": sourcing,
                "id": id,
                "claim_id": claim_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "outlet": outlet,
                "article": article,
                "origin": origin,
                "independent_origin": independent_origin,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.article_ref import ArticleRef  # noqa: PLC0415
        from ..models.copy_of import CopyOf  # noqa: PLC0415
        from ..models.independent_origin import IndependentOrigin  # noqa: PLC0415
        from ..models.outlet_ref import OutletRef  # noqa: PLC0415

        d = dict(src_dict)
        stance = Stance(d.pop("stance"))

        def _parse_quote(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        quote = _parse_quote(d.pop("quote"))

        sourcing = Sourcing(d.pop("sourcing"))

        id = d.pop("id")

        claim_id = d.pop("claim_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        outlet = OutletRef.from_dict(d.pop("outlet"))

        article = ArticleRef.from_dict(d.pop("article"))

        def _parse_origin(data: object) -> CopyOf | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                origin_type_0 = CopyOf.from_dict(data)

                return origin_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CopyOf | None, data)

        origin = _parse_origin(d.pop("origin"))

        independent_origin = IndependentOrigin.from_dict(d.pop("independent_origin"))

        attribution_public = cls(
            stance=stance,
            quote=quote,
            sourcing=sourcing,
            id=id,
            claim_id=claim_id,
            created_at=created_at,
            updated_at=updated_at,
            outlet=outlet,
            article=article,
            origin=origin,
            independent_origin=independent_origin,
        )

        attribution_public.additional_properties = d
        return attribution_public

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
