from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Publisher")


@_attrs_define
class Publisher:
    """
    Attributes:
        name (str): Whitespace runs are collapsed to one space; never blank.
        site (None | str | Unset): Domain, e.g. `politifact.com`.
    """

    name: str
    site: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        site: None | str | Unset
        if isinstance(self.site, Unset):
            site = UNSET
        else:
            site = self.site

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if site is not UNSET:
            field_dict["site"] = site

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_site(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        site = _parse_site(d.pop("site", UNSET))

        publisher = cls(
            name=name,
            site=site,
        )

        return publisher
