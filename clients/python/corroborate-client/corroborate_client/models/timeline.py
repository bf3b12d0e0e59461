from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bucket import Bucket

if TYPE_CHECKING:
    from ..models.corroboration_method import CorroborationMethod
    from ..models.first_report import FirstReport
    from ..models.timeline_point import TimelinePoint


T = TypeVar("T", bound="Timeline")


@_attrs_define
class Timeline:
    """How coverage of a claim grew: cumulative counts at the end of each active bucket.

    Only buckets with at least one new reporting article are listed; cumulative values carry
    forward unchanged through the buckets in between, so a chart draws a step line.

        Attributes:
            claim_id (int):
            bucket (Bucket):
            method (CorroborationMethod): The rules a count was computed with; pass them back to reproduce the number.
            first_reported (FirstReport | None):
            points (list[TimelinePoint]):
    """

    claim_id: int
    bucket: Bucket
    method: CorroborationMethod
    first_reported: FirstReport | None
    points: list[TimelinePoint]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.first_report import FirstReport  # noqa: PLC0415

        claim_id = self.claim_id

        bucket = self.bucket.value

        method = self.method.to_dict()

        first_reported: dict[str, Any] | None
        if isinstance(self.first_reported, FirstReport):
            first_reported = self.first_reported.to_dict()
        else:
            first_reported = self.first_reported

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claim_id": claim_id,
                "bucket": bucket,
                "method": method,
                "first_reported": first_reported,
                "points": points,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.corroboration_method import CorroborationMethod  # noqa: PLC0415
        from ..models.first_report import FirstReport  # noqa: PLC0415
        from ..models.timeline_point import TimelinePoint  # noqa: PLC0415

        d = dict(src_dict)
        claim_id = d.pop("claim_id")

        bucket = Bucket(d.pop("bucket"))

        method = CorroborationMethod.from_dict(d.pop("method"))

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

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = TimelinePoint.from_dict(points_item_data)

            points.append(points_item)

        timeline = cls(
            claim_id=claim_id,
            bucket=bucket,
            method=method,
            first_reported=first_reported,
            points=points,
        )

        timeline.additional_properties = d
        return timeline

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
