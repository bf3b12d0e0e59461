from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.error_body import ErrorBody
    from ..models.ingest_result import IngestResult


T = TypeVar("T", bound="BatchLine")


@_attrs_define
class BatchLine:
    """One NDJSON line's outcome: `result` on success (status 200/201), `error` otherwise.

    Attributes:
        line (int): 1-based line number in the request body.
        status (int): The HTTP status the line would have had on POST /v1/ingest.
        result (IngestResult | None):
        error (ErrorBody | None):
    """

    line: int
    status: int
    result: IngestResult | None
    error: ErrorBody | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.error_body import ErrorBody  # noqa: PLC0415
        from ..models.ingest_result import IngestResult  # noqa: PLC0415

        line = self.line

        status = self.status

        result: dict[str, Any] | None
        if isinstance(self.result, IngestResult):
            result = self.result.to_dict()
        else:
            result = self.result

        error: dict[str, Any] | None
        if isinstance(self.error, ErrorBody):
            error = self.error.to_dict()
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line": line,
                "status": status,
                "result": result,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_body import ErrorBody  # noqa: PLC0415
        from ..models.ingest_result import IngestResult  # noqa: PLC0415

        d = dict(src_dict)
        line = d.pop("line")

        status = d.pop("status")

        def _parse_result(data: object) -> IngestResult | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = IngestResult.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IngestResult | None, data)

        result = _parse_result(d.pop("result"))

        def _parse_error(data: object) -> ErrorBody | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = ErrorBody.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorBody | None, data)

        error = _parse_error(d.pop("error"))

        batch_line = cls(
            line=line,
            status=status,
            result=result,
            error=error,
        )

        batch_line.additional_properties = d
        return batch_line

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
