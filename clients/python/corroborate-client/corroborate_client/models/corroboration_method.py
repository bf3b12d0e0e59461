from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.as_of_basis import AsOfBasis
from ..models.collapse import Collapse

T = TypeVar("T", bound="CorroborationMethod")


@_attrs_define
class CorroborationMethod:
    """The rules a count was computed with; pass them back to reproduce the number.

    Attributes:
        collapse (list[Collapse]): Relations that merged reports into one origin (`none`: nothing merged).
        as_of (datetime.datetime | None): Point in time of the count; null means now.
        as_of_basis (AsOfBasis): Which instants `as_of` compares: publication only, or also when we recorded the rows.
        version (str): Version of the counting rules. Default: '1'.
    """

    collapse: list[Collapse]
    as_of: datetime.datetime | None
    as_of_basis: AsOfBasis
    version: str = "1"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        collapse = []
        for collapse_item_data in self.collapse:
            collapse_item = collapse_item_data.value
            collapse.append(collapse_item)

        as_of: None | str
        if isinstance(self.as_of, datetime.datetime):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        as_of_basis = self.as_of_basis.value

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "collapse": collapse,
                "as_of": as_of,
                "as_of_basis": as_of_basis,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        collapse = []
        _collapse = d.pop("collapse")
        for collapse_item_data in _collapse:
            collapse_item = Collapse(collapse_item_data)

            collapse.append(collapse_item)

        def _parse_as_of(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.datetime.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        as_of = _parse_as_of(d.pop("as_of"))

        as_of_basis = AsOfBasis(d.pop("as_of_basis"))

        version = d.pop("version")

        corroboration_method = cls(
            collapse=collapse,
            as_of=as_of,
            as_of_basis=as_of_basis,
            version=version,
        )

        corroboration_method.additional_properties = d
        return corroboration_method

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
