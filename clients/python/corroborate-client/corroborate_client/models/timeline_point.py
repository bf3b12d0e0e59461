from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TimelinePoint")


@_attrs_define
class TimelinePoint:
    """One bucket in which at least one reporting article was published.

    Attributes:
        start (datetime.datetime): Bucket start (UTC; weeks start on Monday 00:00 UTC).
        end (datetime.datetime): Bucket end, exclusive.
        articles (int): Reporting articles published in this bucket.
        new_outlets (list[str]): Slugs of outlets reporting for the first time.
        cumulative_articles (int):
        cumulative_outlets (int): Distinct outlets reporting by the bucket end.
        cumulative_independent_origins (int): Independent origins by the bucket end, under the method's collapse rule.
        first_report (bool): True for the bucket holding the first report.
    """

    start: datetime.datetime
    end: datetime.datetime
    articles: int
    new_outlets: list[str]
    cumulative_articles: int
    cumulative_outlets: int
    cumulative_independent_origins: int
    first_report: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start.isoformat()

        end = self.end.isoformat()

        articles = self.articles

        new_outlets = self.new_outlets

        cumulative_articles = self.cumulative_articles

        cumulative_outlets = self.cumulative_outlets

        cumulative_independent_origins = self.cumulative_independent_origins

        first_report = self.first_report

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start": start,
                "end": end,
                "articles": articles,
                "new_outlets": new_outlets,
                "cumulative_articles": cumulative_articles,
                "cumulative_outlets": cumulative_outlets,
                "cumulative_independent_origins": cumulative_independent_origins,
                "first_report": first_report,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        start = datetime.datetime.fromisoformat(d.pop("start"))

        end = datetime.datetime.fromisoformat(d.pop("end"))

        articles = d.pop("articles")

        new_outlets = cast(list[str], d.pop("new_outlets"))

        cumulative_articles = d.pop("cumulative_articles")

        cumulative_outlets = d.pop("cumulative_outlets")

        cumulative_independent_origins = d.pop("cumulative_independent_origins")

        first_report = d.pop("first_report")

        timeline_point = cls(
            start=start,
            end=end,
            articles=articles,
            new_outlets=new_outlets,
            cumulative_articles=cumulative_articles,
            cumulative_outlets=cumulative_outlets,
            cumulative_independent_origins=cumulative_independent_origins,
            first_report=first_report,
        )

        timeline_point.additional_properties = d
        return timeline_point

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
