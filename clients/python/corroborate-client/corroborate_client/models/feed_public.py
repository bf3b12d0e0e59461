from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feed_kind import FeedKind

if TYPE_CHECKING:
    from ..models.feed_health import FeedHealth
    from ..models.outlet_ref import OutletRef


T = TypeVar("T", bound="FeedPublic")


@_attrs_define
class FeedPublic:
    """
    Attributes:
        id (int):
        outlet (OutletRef): The few outlet fields embedded wherever an outlet is mentioned.
        url (str):
        kind (FeedKind):
        parent_id (int | None): The sitemap index that listed this child sitemap (null for a feed added through the
            API); deleting the index stops its children too.
        poll_interval_seconds (float): The interval in force for this feed.
        min_delay_seconds (float): The least delay in force for this feed's host.
        health (FeedHealth): How the crawler gets on with the feed.
        created_at (datetime.datetime):
    """

    id: int
    outlet: OutletRef
    url: str
    kind: FeedKind
    parent_id: int | None
    poll_interval_seconds: float
    min_delay_seconds: float
    health: FeedHealth
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        outlet = self.outlet.to_dict()

        url = self.url

        kind = self.kind.value

        parent_id: int | None
        parent_id = self.parent_id

        poll_interval_seconds = self.poll_interval_seconds

        min_delay_seconds = self.min_delay_seconds

        health = self.health.to_dict()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "outlet": outlet,
                "url": url,
                "kind": kind,
                "parent_id": parent_id,
                "poll_interval_seconds": poll_interval_seconds,
                "min_delay_seconds": min_delay_seconds,
                "health": health,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.feed_health import FeedHealth  # noqa: PLC0415
        from ..models.outlet_ref import OutletRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        outlet = OutletRef.from_dict(d.pop("outlet"))

        url = d.pop("url")

        kind = FeedKind(d.pop("kind"))

        def _parse_parent_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))

        poll_interval_seconds = d.pop("poll_interval_seconds")

        min_delay_seconds = d.pop("min_delay_seconds")

        health = FeedHealth.from_dict(d.pop("health"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        feed_public = cls(
            id=id,
            outlet=outlet,
            url=url,
            kind=kind,
            parent_id=parent_id,
            poll_interval_seconds=poll_interval_seconds,
            min_delay_seconds=min_delay_seconds,
            health=health,
            created_at=created_at,
        )

        feed_public.additional_properties = d
        return feed_public

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
