from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.claim_action import ClaimAction

if TYPE_CHECKING:
    from ..models.match_ref import MatchRef


T = TypeVar("T", bound="ClaimOutcome")


@_attrs_define
class ClaimOutcome:
    """What ingest did with one claim of the payload.

    Attributes:
        claim_id (int):
        action (ClaimAction):
        attribution_id (int):
        match (MatchRef | None): The claim it was linked to by matching, and the score.
        suggestions (list[MatchRef]): For a created claim: existing claims scoring between the suggest and link
            thresholds, best first; candidates for a merge.
    """

    claim_id: int
    action: ClaimAction
    attribution_id: int
    match: MatchRef | None
    suggestions: list[MatchRef]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.match_ref import MatchRef  # noqa: PLC0415

        claim_id = self.claim_id

        action = self.action.value

        attribution_id = self.attribution_id

        match: dict[str, Any] | None
        if isinstance(self.match, MatchRef):
            match = self.match.to_dict()
        else:
            match = self.match

        suggestions = []
        for suggestions_item_data in self.suggestions:
            suggestions_item = suggestions_item_data.to_dict()
            suggestions.append(suggestions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claim_id": claim_id,
                "action": action,
                "attribution_id": attribution_id,
                "match": match,
                "suggestions": suggestions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.match_ref import MatchRef  # noqa: PLC0415

        d = dict(src_dict)
        claim_id = d.pop("claim_id")

        action = ClaimAction(d.pop("action"))

        attribution_id = d.pop("attribution_id")

        def _parse_match(data: object) -> MatchRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                match_type_0 = MatchRef.from_dict(data)

                return match_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MatchRef | None, data)

        match = _parse_match(d.pop("match"))

        suggestions = []
        _suggestions = d.pop("suggestions")
        for suggestions_item_data in _suggestions:
            suggestions_item = MatchRef.from_dict(suggestions_item_data)

            suggestions.append(suggestions_item)

        claim_outcome = cls(
            claim_id=claim_id,
            action=action,
            attribution_id=attribution_id,
            match=match,
            suggestions=suggestions,
        )

        claim_outcome.additional_properties = d
        return claim_outcome

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
