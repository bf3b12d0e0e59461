from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.match_signals import MatchSignals


T = TypeVar("T", bound="MatchRef")


@_attrs_define
class MatchRef:
    """
    Attributes:
        claim_id (int):
        score (float):
        signals (MatchSignals | None): Why the matcher scored it so (absent for exact matches).
    """

    claim_id: int
    score: float
    signals: MatchSignals | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.match_signals import MatchSignals  # noqa: PLC0415

        claim_id = self.claim_id

        score = self.score

        signals: dict[str, Any] | None
        if isinstance(self.signals, MatchSignals):
            signals = self.signals.to_dict()
        else:
            signals = self.signals

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claim_id": claim_id,
                "score": score,
                "signals": signals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.match_signals import MatchSignals  # noqa: PLC0415

        d = dict(src_dict)
        claim_id = d.pop("claim_id")

        score = d.pop("score")

        def _parse_signals(data: object) -> MatchSignals | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                signals_type_0 = MatchSignals.from_dict(data)

                return signals_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MatchSignals | None, data)

        signals = _parse_signals(d.pop("signals"))

        match_ref = cls(
            claim_id=claim_id,
            score=score,
            signals=signals,
        )

        match_ref.additional_properties = d
        return match_ref

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
