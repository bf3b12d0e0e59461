from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_ld_organization import JsonLdOrganization


T = TypeVar("T", bound="JsonLdAppearance")


@_attrs_define
class JsonLdAppearance:
    """A work in which the claim appears (`CreativeWork`).

    Attributes:
        type_ (str): `CreativeWork`.
        url (str):
        headline (str | Unset):
        date_published (str | Unset): RFC 3339 instant, UTC.
        publisher (JsonLdOrganization | Unset):
    """

    type_: str
    url: str
    headline: str | Unset = UNSET
    date_published: str | Unset = UNSET
    publisher: JsonLdOrganization | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        url = self.url

        headline = self.headline

        date_published = self.date_published

        publisher: dict[str, Any] | Unset = UNSET
        if not isinstance(self.publisher, Unset):
            publisher = self.publisher.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "@type": type_,
                "url": url,
            }
        )
        if headline is not UNSET:
            field_dict["headline"] = headline
        if date_published is not UNSET:
            field_dict["datePublished"] = date_published
        if publisher is not UNSET:
            field_dict["publisher"] = publisher

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_ld_organization import JsonLdOrganization  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("@type")

        url = d.pop("url")

        headline = d.pop("headline", UNSET)

        date_published = d.pop("datePublished", UNSET)

        _publisher = d.pop("publisher", UNSET)
        publisher: JsonLdOrganization | Unset
        if isinstance(_publisher, Unset):
            publisher = UNSET
        else:
            publisher = JsonLdOrganization.from_dict(_publisher)

        json_ld_appearance = cls(
            type_=type_,
            url=url,
            headline=headline,
            date_published=date_published,
            publisher=publisher,
        )

        json_ld_appearance.additional_properties = d
        return json_ld_appearance

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
