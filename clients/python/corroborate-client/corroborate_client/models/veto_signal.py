from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VetoSignal")


@_attrs_define
class VetoSignal:
    """
    Attributes:
        name (str): `numbers` (they differ), `number_missing`, `polarity` (one negates or denies), `direction` (rise vs
            fall, imposed vs lifted...), `names` (different people or places), `substitution` (a word the other lacks),
            `claimant` (different claimants).
        factor (float): How much this disagreement lowers the lexical score.
        words (list[str]): The (stemmed) words involved.
    """

    name: str
    factor: float
    words: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        factor = self.factor

        words = self.words

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "factor": factor,
                "words": words,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        factor = d.pop("factor")

        words = cast(list[str], d.pop("words"))

        veto_signal = cls(
            name=name,
            factor=factor,
            words=words,
        )

        veto_signal.additional_properties = d
        return veto_signal

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
