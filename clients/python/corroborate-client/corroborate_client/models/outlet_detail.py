from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.country_code import CountryCode
from ..models.outlet_kind import OutletKind

if TYPE_CHECKING:
    from ..models.outlet_profile import OutletProfile


T = TypeVar("T", bound="OutletDetail")


@_attrs_define
class OutletDetail:
    """
    Attributes:
        slug (str): Unique lowercase url-safe handle, e.g. `reuters`.
        name (str): Display name, e.g. `Reuters`.
        domain (None | str): Web domain, unique when set (`reuters.com`).
        country (CountryCode | None): ISO 3166-1 alpha-2, upper case.
        language (None | str): BCP 47 tag.
        kind (OutletKind):
        owner_group (None | str): Outlets sharing an owner share this text.
        id (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        profile (OutletProfile): What the outlet's record says about it as a source.
    """

    slug: str
    name: str
    domain: None | str
    country: CountryCode | None
    language: None | str
    kind: OutletKind
    owner_group: None | str
    id: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    profile: OutletProfile
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        name = self.name

        domain: None | str
        domain = self.domain

        country: None | str
        if isinstance(self.country, CountryCode):
            country = self.country.value
        else:
            country = self.country

        language: None | str
        language = self.language

        kind = self.kind.value

        owner_group: None | str
        owner_group = self.owner_group

        id = self.id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        profile = self.profile.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "name": name,
                "domain": domain,
                "country": country,
                "language": language,
                "kind": kind,
                "owner_group": owner_group,
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "profile": profile,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.outlet_profile import OutletProfile  # noqa: PLC0415

        d = dict(src_dict)
        slug = d.pop("slug")

        name = d.pop("name")

        def _parse_domain(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        domain = _parse_domain(d.pop("domain"))

        def _parse_country(data: object) -> CountryCode | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                country_type_0 = CountryCode(data)

                return country_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CountryCode | None, data)

        country = _parse_country(d.pop("country"))

        def _parse_language(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        language = _parse_language(d.pop("language"))

        kind = OutletKind(d.pop("kind"))

        def _parse_owner_group(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        owner_group = _parse_owner_group(d.pop("owner_group"))

        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        profile = OutletProfile.from_dict(d.pop("profile"))

        outlet_detail = cls(
            slug=slug,
            name=name,
            domain=domain,
            country=country,
            language=language,
            kind=kind,
            owner_group=owner_group,
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            profile=profile,
        )

        outlet_detail.additional_properties = d
        return outlet_detail

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
