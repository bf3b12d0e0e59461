from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.explained_report import ExplainedReport
    from ..models.outlet_ref import OutletRef


T = TypeVar("T", bound="ExplainedOrigin")


@_attrs_define
class ExplainedOrigin:
    """One independent origin: the reports that count once.

    Attributes:
        outlet (OutletRef): The few outlet fields embedded wherever an outlet is mentioned.
        outlets (list[OutletRef]): Every outlet whose root articles merged into this origin (several only with
            `collapse=owner`).
        owner_group (None | str): Set when origins were merged by owner group.
        credited (bool): True when this origin is known only by credits ("AP, credited"): no article of its outlet on
            the claim is stored or linked. Default: False.
        first_reported_at (datetime.datetime): Earliest report in this origin.
        articles (list[ExplainedReport]): Earliest publication first.
    """

    outlet: OutletRef
    outlets: list[OutletRef]
    owner_group: None | str
    first_reported_at: datetime.datetime
    articles: list[ExplainedReport]
    credited: bool = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        outlet = self.outlet.to_dict()

        outlets = []
        for outlets_item_data in self.outlets:
            outlets_item = outlets_item_data.to_dict()
            outlets.append(outlets_item)

        owner_group: None | str
        owner_group = self.owner_group

        credited = self.credited

        first_reported_at = self.first_reported_at.isoformat()

        articles = []
        for articles_item_data in self.articles:
            articles_item = articles_item_data.to_dict()
            articles.append(articles_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outlet": outlet,
                "outlets": outlets,
                "owner_group": owner_group,
                "credited": credited,
                "first_reported_at": first_reported_at,
                "articles": articles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.explained_report import ExplainedReport  # noqa: PLC0415
        from ..models.outlet_ref import OutletRef  # noqa: PLC0415

        d = dict(src_dict)
        outlet = OutletRef.from_dict(d.pop("outlet"))

        outlets = []
        _outlets = d.pop("outlets")
        for outlets_item_data in _outlets:
            outlets_item = OutletRef.from_dict(outlets_item_data)

            outlets.append(outlets_item)

        def _parse_owner_group(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        owner_group = _parse_owner_group(d.pop("owner_group"))

        credited = d.pop("credited")

        first_reported_at = datetime.datetime.fromisoformat(d.pop("first_reported_at"))

        articles = []
        _articles = d.pop("articles")
        for articles_item_data in _articles:
            articles_item = ExplainedReport.from_dict(articles_item_data)

            articles.append(articles_item)

        explained_origin = cls(
            outlet=outlet,
            outlets=outlets,
            owner_group=owner_group,
            credited=credited,
            first_reported_at=first_reported_at,
            articles=articles,
        )

        explained_origin.additional_properties = d
        return explained_origin

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
