from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BatchSummary")


@_attrs_define
class BatchSummary:
    """
    Attributes:
        lines (int): Non-blank lines read.
        succeeded (int):
        failed (int):
        articles_created (int):
        claims_created (int):
        claims_linked (int):
        claims_already_attributed (int):
    """

    lines: int
    succeeded: int
    failed: int
    articles_created: int
    claims_created: int
    claims_linked: int
    claims_already_attributed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lines = self.lines

        succeeded = self.succeeded

        failed = self.failed

        articles_created = self.articles_created

        claims_created = self.claims_created

        claims_linked = self.claims_linked

        claims_already_attributed = self.claims_already_attributed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lines": lines,
                "succeeded": succeeded,
                "failed": failed,
                "articles_created": articles_created,
                "claims_created": claims_created,
                "claims_linked": claims_linked,
                "claims_already_attributed": claims_already_attributed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        lines = d.pop("lines")

        succeeded = d.pop("succeeded")

        failed = d.pop("failed")

        articles_created = d.pop("articles_created")

        claims_created = d.pop("claims_created")

        claims_linked = d.pop("claims_linked")

        claims_already_attributed = d.pop("claims_already_attributed")

        batch_summary = cls(
            lines=lines,
            succeeded=succeeded,
            failed=failed,
            articles_created=articles_created,
            claims_created=claims_created,
            claims_linked=claims_linked,
            claims_already_attributed=claims_already_attributed,
        )

        batch_summary.additional_properties = d
        return batch_summary

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
