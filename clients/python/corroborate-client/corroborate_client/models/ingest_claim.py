from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.match_mode import MatchMode
from ..models.sourcing import Sourcing
from ..models.stance import Stance
from ..types import UNSET, Unset

T = TypeVar("T", bound="IngestClaim")


@_attrs_define
class IngestClaim:
    """
    Attributes:
        text (str): Whitespace runs are collapsed to one space; never blank.
        claimant (None | str | Unset):
        claim_date (datetime.date | None | Unset):
        stance (Stance | Unset):
        quote (None | str | Unset):
        sourcing (Sourcing | Unset):
        claim_id (int | None | Unset): Attach to this claim (a merged claim's id leads to the claim it was merged into)
            instead of matching the text.
        match (MatchMode | Unset):
    """

    text: str
    claimant: None | str | Unset = UNSET
    claim_date: datetime.date | None | Unset = UNSET
    stance: Stance | Unset = UNSET
    quote: None | str | Unset = UNSET
    sourcing: Sourcing | Unset = UNSET
    claim_id: int | None | Unset = UNSET
    match: MatchMode | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        claimant: None | str | Unset
        if isinstance(self.claimant, Unset):
            claimant = UNSET
        else:
            claimant = self.claimant

        claim_date: None | str | Unset
        if isinstance(self.claim_date, Unset):
            claim_date = UNSET
        elif isinstance(self.claim_date, datetime.date):
            claim_date = self.claim_date.isoformat()
        else:
            claim_date = self.claim_date

        stance: str | Unset = UNSET
        if not isinstance(self.stance, Unset):
            stance = self.stance.value

        quote: None | str | Unset
        if isinstance(self.quote, Unset):
            quote = UNSET
        else:
            quote = self.quote

        sourcing: str | Unset = UNSET
        if not isinstance(self.sourcing, Unset):
            sourcing = self.sourcing.value

        claim_id: int | None | Unset
        if isinstance(self.claim_id, Unset):
            claim_id = UNSET
        else:
            claim_id = self.claim_id

        match: str | Unset = UNSET
        if not isinstance(self.match, Unset):
            match = self.match.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
            }
        )
        if claimant is not UNSET:
            field_dict["claimant"] = claimant
        if claim_date is not UNSET:
            field_dict["claim_date"] = claim_date
        if stance is not UNSET:
            field_dict["stance"] = stance
        if quote is not UNSET:
            field_dict["quote"] = quote
        if sourcing is not UNSET:
            field_dict["sourcing"] = sourcing
        if claim_id is not UNSET:
            field_dict["claim_id"] = claim_id
        if match is not UNSET:
            field_dict["match"] = match

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        def _parse_claimant(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        claimant = _parse_claimant(d.pop("claimant", UNSET))

        def _parse_claim_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                claim_date_type_0 = datetime.date.fromisoformat(data)

                return claim_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        claim_date = _parse_claim_date(d.pop("claim_date", UNSET))

        _stance = d.pop("stance", UNSET)
        stance: Stance | Unset
        if isinstance(_stance, Unset):
            stance = UNSET
        else:
            stance = Stance(_stance)

        def _parse_quote(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quote = _parse_quote(d.pop("quote", UNSET))

        _sourcing = d.pop("sourcing", UNSET)
        sourcing: Sourcing | Unset
        if isinstance(_sourcing, Unset):
            sourcing = UNSET
        else:
            sourcing = Sourcing(_sourcing)

        def _parse_claim_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        claim_id = _parse_claim_id(d.pop("claim_id", UNSET))

        _match = d.pop("match", UNSET)
        match: MatchMode | Unset
        if isinstance(_match, Unset):
            match = UNSET
        else:
            match = MatchMode(_match)

        ingest_claim = cls(
            text=text,
            claimant=claimant,
            claim_date=claim_date,
            stance=stance,
            quote=quote,
            sourcing=sourcing,
            claim_id=claim_id,
            match=match,
        )

        return ingest_claim
