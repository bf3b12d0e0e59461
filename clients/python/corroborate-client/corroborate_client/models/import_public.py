from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_state import ImportState

T = TypeVar("T", bound="ImportPublic")


@_attrs_define
class ImportPublic:
    """
    Attributes:
        id (int):
        state (ImportState):
        total_bytes (int):
        bytes_done (int): Bytes of the upload committed so far.
        progress (float): bytes_done / total_bytes.
        lines_done (int): Lines read and committed so far (blank ones included).
        succeeded (int):
        failed (int): Lines refused; see GET /v1/imports/{id}/errors.
        articles_created (int):
        claims_created (int):
        claims_linked (int):
        claims_already_attributed (int):
        attempts (int): Runs started (more than one after a restart).
        error (None | str):
        created_at (datetime.datetime):
        started_at (datetime.datetime | None):
        finished_at (datetime.datetime | None):
    """

    id: int
    state: ImportState
    total_bytes: int
    bytes_done: int
    progress: float
    lines_done: int
    succeeded: int
    failed: int
    articles_created: int
    claims_created: int
    claims_linked: int
    claims_already_attributed: int
    attempts: int
    error: None | str
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        state = self.state.value

        total_bytes = self.total_bytes

        bytes_done = self.bytes_done

        progress = self.progress

        lines_done = self.lines_done

        succeeded = self.succeeded

        failed = self.failed

        articles_created = self.articles_created

        claims_created = self.claims_created

        claims_linked = self.claims_linked

        claims_already_attributed = self.claims_already_attributed

        attempts = self.attempts

        error: None | str
        error = self.error

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "state": state,
                "total_bytes": total_bytes,
                "bytes_done": bytes_done,
                "progress": progress,
                "lines_done": lines_done,
                "succeeded": succeeded,
                "failed": failed,
                "articles_created": articles_created,
                "claims_created": claims_created,
                "claims_linked": claims_linked,
                "claims_already_attributed": claims_already_attributed,
                "attempts": attempts,
                "error": error,
                "created_at": created_at,
                "started_at": started_at,
                "finished_at": finished_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        state = ImportState(d.pop("state"))

        total_bytes = d.pop("total_bytes")

        bytes_done = d.pop("bytes_done")

        progress = d.pop("progress")

        lines_done = d.pop("lines_done")

        succeeded = d.pop("succeeded")

        failed = d.pop("failed")

        articles_created = d.pop("articles_created")

        claims_created = d.pop("claims_created")

        claims_linked = d.pop("claims_linked")

        claims_already_attributed = d.pop("claims_already_attributed")

        attempts = d.pop("attempts")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        import_public = cls(
            id=id,
            state=state,
            total_bytes=total_bytes,
            bytes_done=bytes_done,
            progress=progress,
            lines_done=lines_done,
            succeeded=succeeded,
            failed=failed,
            articles_created=articles_created,
            claims_created=claims_created,
            claims_linked=claims_linked,
            claims_already_attributed=claims_already_attributed,
            attempts=attempts,
            error=error,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
        )

        import_public.additional_properties = d
        return import_public

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
