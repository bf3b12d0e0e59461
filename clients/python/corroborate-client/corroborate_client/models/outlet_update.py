from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.country_code import CountryCode
from ..models.outlet_kind import OutletKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="OutletUpdate")


@_attrs_define
class OutletUpdate:
    """Fields to change; omitted fields stay as they are, `null` clears an optional one.

    Attributes:
        slug (str | Unset):
        name (str | Unset): Whitespace runs are collapsed to one space; never blank.
        domain (None | str | Unset):
        country (CountryCode | None | Unset):
        language (None | str | Unset):
        kind (OutletKind | Unset):
        owner_group (None | str | Unset):
    """

    slug: str | Unset = UNSET
    name: str | Unset = UNSET
    domain: None | str | Unset = UNSET
    country: CountryCode | None | Unset = UNSET
    language: None | str | Unset = UNSET
    kind: OutletKind | Unset = UNSET
    owner_group: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        name = self.name

        domain: None | str | Unset
        if isinstance(self.domain, Unset):
            domain = UNSET
        else:
            domain = self.domain

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        elif isinstance(self.country, CountryCode):
            country = self.country.value
        else:
            country = self.country

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        owner_group: None | str | Unset
        if isinstance(self.owner_group, Unset):
            owner_group = UNSET
        else:
            owner_group = self.owner_group

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if slug is not UNSET:
            field_dict["slug"] = slug
        if name is not UNSET:
            field_dict["name"] = name
        if domain is not UNSET:
            field_dict["domain"] = domain
        if country is not UNSET:
            field_dict["country"] = country
        if language is not UNSET:
            field_dict["language"] = language
        if kind is not UNSET:
            field_dict["kind"] = kind
        if owner_group is not UNSET:
            field_dict["owner_group"] = owner_group

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug", UNSET)

        name = d.pop("name", UNSET)

        def _parse_domain(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        domain = _parse_domain(d.pop("domain", UNSET))

        def _parse_country(data: object) -> CountryCode | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                country_type_0 = CountryCode(data)

                return country_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CountryCode | None | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        _kind = d.pop("kind", UNSET)
        kind: OutletKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = OutletKind(_kind)

        def _parse_owner_group(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_group = _parse_owner_group(d.pop("owner_group", UNSET))

        outlet_update = cls(
            slug=slug,
            name=name,
            domain=domain,
            country=country,
            language=language,
            kind=kind,
            owner_group=owner_group,
        )

        return outlet_update
