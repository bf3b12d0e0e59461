from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.veto_signal import VetoSignal


T = TypeVar("T", bound="MatchSignals")


@_attrs_define
class MatchSignals:
    """Why a candidate scored what it did.

    Attributes:
        semantic (float | None): Cosine similarity of the two sentence embeddings (null: lexical matcher).
        lexical (float | None): Share of weighted words each claim finds in the other (null when the two are in
            different languages, where it says nothing).
        cross_lingual (bool): The two texts are in different languages.
        vetoes (list[VetoSignal]): Disagreements that lowered the score.
    """

    semantic: float | None
    lexical: float | None
    cross_lingual: bool
    vetoes: list[VetoSignal]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        semantic: float | None
        semantic = self.semantic

        lexical: float | None
        lexical = self.lexical

        cross_lingual = self.cross_lingual

        vetoes = []
        for vetoes_item_data in self.vetoes:
            vetoes_item = vetoes_item_data.to_dict()
            vetoes.append(vetoes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "semantic": semantic,
                "lexical": lexical,
                "cross_lingual": cross_lingual,
                "vetoes": vetoes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.veto_signal import VetoSignal  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_semantic(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        semantic = _parse_semantic(d.pop("semantic"))

        def _parse_lexical(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        lexical = _parse_lexical(d.pop("lexical"))

        cross_lingual = d.pop("cross_lingual")

        vetoes = []
        _vetoes = d.pop("vetoes")
        for vetoes_item_data in _vetoes:
            vetoes_item = VetoSignal.from_dict(vetoes_item_data)

            vetoes.append(vetoes_item)

        match_signals = cls(
            semantic=semantic,
            lexical=lexical,
            cross_lingual=cross_lingual,
            vetoes=vetoes,
        )

        match_signals.additional_properties = d
        return match_signals

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
