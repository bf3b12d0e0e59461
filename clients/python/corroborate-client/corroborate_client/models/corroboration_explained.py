from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.corroboration import Corroboration
    from ..models.explained_origin import ExplainedOrigin


T = TypeVar("T", bound="CorroborationExplained")


@_attrs_define
class CorroborationExplained:
    """The counts of one claim and, origin by origin, the reports behind them.

    Attributes:
        claim_id (int):
        corroboration (Corroboration): Counts over the claim's attributions whose stance is `reports` or `supports`.
        origins (list[ExplainedOrigin]): Earliest origin first.
    """

    claim_id: int
    corroboration: Corroboration
    origins: list[ExplainedOrigin]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claim_id = self.claim_id

        corroboration = self.corroboration.to_dict()

        origins = []
        for origins_item_data in self.origins:
            origins_item = origins_item_data.to_dict()
            origins.append(origins_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claim_id": claim_id,
                "corroboration": corroboration,
                "origins": origins,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.corroboration import Corroboration  # noqa: PLC0415
        from ..models.explained_origin import ExplainedOrigin  # noqa: PLC0415

        d = dict(src_dict)
        claim_id = d.pop("claim_id")

        corroboration = Corroboration.from_dict(d.pop("corroboration"))

        origins = []
        _origins = d.pop("origins")
        for origins_item_data in _origins:
            origins_item = ExplainedOrigin.from_dict(origins_item_data)

            origins.append(origins_item)

        corroboration_explained = cls(
            claim_id=claim_id,
            corroboration=corroboration,
            origins=origins,
        )

        corroboration_explained.additional_properties = d
        return corroboration_explained

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
