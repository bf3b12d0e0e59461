from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.sourcing import Sourcing
from ..models.stance import Stance
from ..types import UNSET, Unset

T = TypeVar("T", bound="AttributionUpdate")


@_attrs_define
class AttributionUpdate:
    """
    Attributes:
        stance (Stance | Unset):
        quote (None | str | Unset):
        sourcing (Sourcing | Unset):
    """

    stance: Stance | Unset = UNSET
    quote: None | str | Unset = UNSET
    sourcing: Sourcing | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        stance: str | Unset = UNSET
        if not isinstance(self.stance, Unset):
            stance = self.stance.value

        quote: None | str | Unset
        if isinstance(self.quote, Unset):
            quote = UNSET
        else:
            quote = self.quote

        sourcing: str | Unset = UNSET
        if not isinstance(self.sourcing, Unset):
            sourcing = self.sourcing.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if stance is not UNSET:
            field_dict["stance"] = stance
        if quote is not UNSET:
            field_dict["quote"] = quote
        if sourcing is not UNSET:
            field_dict["sourcing"] = sourcing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _stance = d.pop("stance", UNSET)
        stance: Stance | Unset
        if isinstance(_stance, Unset):
            stance = UNSET
        else:
            stance = Stance(_stance)

        def _parse_quote(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quote = _parse_quote(d.pop("quote", UNSET))

        _sourcing = d.pop("sourcing", UNSET)
        sourcing: Sourcing | Unset
        if isinstance(_sourcing, Unset):
            sourcing = UNSET
        else:
            sourcing = Sourcing(_sourcing)

        attribution_update = cls(
            stance=stance,
            quote=quote,
            sourcing=sourcing,
        )

        return attribution_update
