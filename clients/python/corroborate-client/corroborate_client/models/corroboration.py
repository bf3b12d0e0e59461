from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.corroboration_method import CorroborationMethod
    from ..models.first_report import FirstReport


T = TypeVar("T", bound="Corroboration")


@_attrs_define
class Corroboration:
    """Counts over the claim's attributions whose stance is `reports` or `supports`.

    Attributes:
        outlets (int): Distinct outlets of reporting articles.
        independent_origins (int): Distinct outlets of the roots of reporting articles, once copies (syndicates/cites
            links, followed transitively) are collapsed into their origin. An article crediting an outlet ("(AP)", an
            agency's URL) whose own article is not linked counts under that outlet.
        credited_origins (int): How many of the independent origins are known only by a credit: the credited outlet's
            own article on the claim is not stored ("AP, credited"). Default: 0.
        articles (int): Reporting articles.
        disputing_outlets (int): Distinct outlets with a `disputes` attribution.
        first_reported (FirstReport | None):
        last_reported_at (datetime.datetime | None):
        method (CorroborationMethod): The rules a count was computed with; pass them back to reproduce the number.
    """

    outlets: int
    independent_origins: int
    articles: int
    disputing_outlets: int
    first_reported: FirstReport | None
    last_reported_at: datetime.datetime | None
    method: CorroborationMethod
    credited_origins: int = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.first_report import FirstReport  # noqa: PLC0415

        outlets = self.outlets

        independent_origins = self.independent_origins

        credited_origins = self.credited_origins

        articles = self.articles

        disputing_outlets = self.disputing_outlets

        first_reported: dict[str, Any] | None
        if isinstance(self.first_reported, FirstReport):
            first_reported = self.first_reported.to_dict()
        else:
            first_reported = self.first_reported

        last_reported_at: None | str
        if isinstance(self.last_reported_at, datetime.datetime):
            last_reported_at = self.last_reported_at.isoformat()
        else:
            last_reported_at = self.last_reported_at

        method = self.method.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outlets": outlets,
                "independent_origins": independent_origins,
                "credited_origins": credited_origins,
                "articles": articles,
                "disputing_outlets": disputing_outlets,
                "first_reported": first_reported,
                "last_reported_at": last_reported_at,
                "method": method,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.corroboration_method import CorroborationMethod  # noqa: PLC0415
        from ..models.first_report import FirstReport  # noqa: PLC0415

        d = dict(src_dict)
        outlets = d.pop("outlets")

        independent_origins = d.pop("independent_origins")

        credited_origins = d.pop("credited_origins")

        articles = d.pop("articles")

        disputing_outlets = d.pop("disputing_outlets")

        def _parse_first_reported(data: object) -> FirstReport | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                first_reported_type_0 = FirstReport.from_dict(data)

                return first_reported_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FirstReport | None, data)

        first_reported = _parse_first_reported(d.pop("first_reported"))

        def _parse_last_reported_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_reported_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_reported_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_reported_at = _parse_last_reported_at(d.pop("last_reported_at"))

        method = CorroborationMethod.from_dict(d.pop("method"))

        corroboration = cls(
            outlets=outlets,
            independent_origins=independent_origins,
            credited_origins=credited_origins,
            articles=articles,
            disputing_outlets=disputing_outlets,
            first_reported=first_reported,
            last_reported_at=last_reported_at,
            method=method,
        )

        corroboration.additional_properties = d
        return corroboration

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
