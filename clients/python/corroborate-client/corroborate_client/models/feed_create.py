from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.feed_kind import FeedKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FeedCreate")


@_attrs_define
class FeedCreate:
    """A feed to watch, and its crawl policy where it differs from the defaults.

    Attributes:
        url (str): The RSS/Atom feed's or the sitemap's address.
        kind (FeedKind | Unset):
        poll_interval_seconds (float | None | Unset): How often to read the feed; unset:
            CLAIMS_FEEDS_POLL_INTERVAL_SECONDS.
        min_delay_seconds (float | None | Unset): Least time between two requests to the feed's host; the host keeps the
            longest any of its feeds (or its robots.txt) asks for, and never less than CLAIMS_FEEDS_MIN_DELAY_SECONDS.
    """

    url: str
    kind: FeedKind | Unset = UNSET
    poll_interval_seconds: float | None | Unset = UNSET
    min_delay_seconds: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        poll_interval_seconds: float | None | Unset
        if isinstance(self.poll_interval_seconds, Unset):
            poll_interval_seconds = UNSET
        else:
            poll_interval_seconds = self.poll_interval_seconds

        min_delay_seconds: float | None | Unset
        if isinstance(self.min_delay_seconds, Unset):
            min_delay_seconds = UNSET
        else:
            min_delay_seconds = self.min_delay_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if poll_interval_seconds is not UNSET:
            field_dict["poll_interval_seconds"] = poll_interval_seconds
        if min_delay_seconds is not UNSET:
            field_dict["min_delay_seconds"] = min_delay_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        _kind = d.pop("kind", UNSET)
        kind: FeedKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = FeedKind(_kind)

        def _parse_poll_interval_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        poll_interval_seconds = _parse_poll_interval_seconds(d.pop("poll_interval_seconds", UNSET))

        def _parse_min_delay_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_delay_seconds = _parse_min_delay_seconds(d.pop("min_delay_seconds", UNSET))

        feed_create = cls(
            url=url,
            kind=kind,
            poll_interval_seconds=poll_interval_seconds,
            min_delay_seconds=min_delay_seconds,
        )

        return feed_create
