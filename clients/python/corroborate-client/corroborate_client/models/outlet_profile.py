from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.copy_source import CopySource


T = TypeVar("T", bound="OutletProfile")


@_attrs_define
class OutletProfile:
    """What the outlet's record says about it as a source.

    Attributes:
        articles (int): Articles recorded for the outlet.
        claims_reported (int): Distinct claims it reported (stance `reports` or `supports`).
        first_reports (int): Claims whose first report (earliest reporting article) is the outlet's.
        copies (int): Its articles that copy (`syndicates`) or `cites` another.
        copy_share (float | None): copies / articles, from 0 to 1; null when it has no articles.
        copies_from (list[CopySource]): The other outlets it most often copies or cites, most first (at most 5).
    """

    articles: int
    claims_reported: int
    first_reports: int
    copies: int
    copy_share: float | None
    copies_from: list[CopySource]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        articles = self.articles

        claims_reported = self.claims_reported

        first_reports = self.first_reports

        copies = self.copies

        copy_share: float | None
        copy_share = self.copy_share

        copies_from = []
        for copies_from_item_data in self.copies_from:
            copies_from_item = copies_from_item_data.to_dict()
            copies_from.append(copies_from_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "articles": articles,
                "claims_reported": claims_reported,
                "first_reports": first_reports,
                "copies": copies,
                "copy_share": copy_share,
                "copies_from": copies_from,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.copy_source import CopySource  # noqa: PLC0415

        d = dict(src_dict)
        articles = d.pop("articles")

        claims_reported = d.pop("claims_reported")

        first_reports = d.pop("first_reports")

        copies = d.pop("copies")

        def _parse_copy_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        copy_share = _parse_copy_share(d.pop("copy_share"))

        copies_from = []
        _copies_from = d.pop("copies_from")
        for copies_from_item_data in _copies_from:
            copies_from_item = CopySource.from_dict(copies_from_item_data)

            copies_from.append(copies_from_item)

        outlet_profile = cls(
            articles=articles,
            claims_reported=claims_reported,
            first_reports=first_reports,
            copies=copies,
            copy_share=copy_share,
            copies_from=copies_from,
        )

        outlet_profile.additional_properties = d
        return outlet_profile

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
