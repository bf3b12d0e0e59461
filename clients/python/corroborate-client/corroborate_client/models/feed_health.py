from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feed_state import FeedState

T = TypeVar("T", bound="FeedHealth")


@_attrs_define
class FeedHealth:
    """How the crawler gets on with the feed.

    Attributes:
        state (FeedState):
        failures (int): Failed reads in a row (0 after a good one).
        polls (int): Reads, good or bad, since the feed was added.
        entries_found (int): New articles the feed listed.
        last_polled_at (datetime.datetime | None):
        last_status (int | None): HTTP status of the last read (304: unchanged).
        last_error (None | str):
        next_poll_at (datetime.datetime): When the feed is read next (at the earliest).
        disabled_at (datetime.datetime | None):
    """

    state: FeedState
    failures: int
    polls: int
    entries_found: int
    last_polled_at: datetime.datetime | None
    last_status: int | None
    last_error: None | str
    next_poll_at: datetime.datetime
    disabled_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state = self.state.value

        failures = self.failures

        polls = self.polls

        entries_found = self.entries_found

        last_polled_at: None | str
        if isinstance(self.last_polled_at, datetime.datetime):
            last_polled_at = self.last_polled_at.isoformat()
        else:
            last_polled_at = self.last_polled_at

        last_status: int | None
        last_status = self.last_status

        last_error: None | str
        last_error = self.last_error

        next_poll_at = self.next_poll_at.isoformat()

        disabled_at: None | str
        if isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state": state,
                "failures": failures,
                "polls": polls,
                "entries_found": entries_found,
                "last_polled_at": last_polled_at,
                "last_status": last_status,
                "last_error": last_error,
                "next_poll_at": next_poll_at,
                "disabled_at": disabled_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        state = FeedState(d.pop("state"))

        failures = d.pop("failures")

        polls = d.pop("polls")

        entries_found = d.pop("entries_found")

        def _parse_last_polled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_polled_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_polled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_polled_at = _parse_last_polled_at(d.pop("last_polled_at"))

        def _parse_last_status(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_status = _parse_last_status(d.pop("last_status"))

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        next_poll_at = datetime.datetime.fromisoformat(d.pop("next_poll_at"))

        def _parse_disabled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)

                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at"))

        feed_health = cls(
            state=state,
            failures=failures,
            polls=polls,
            entries_found=entries_found,
            last_polled_at=last_polled_at,
            last_status=last_status,
            last_error=last_error,
            next_poll_at=next_poll_at,
            disabled_at=disabled_at,
        )

        feed_health.additional_properties = d
        return feed_health

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
