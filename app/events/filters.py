"""Which events a subscription wants: its event types, claim ids, outlets and saved claims query."""

from collections.abc import Sequence
from typing import Annotated
from typing import Any
from urllib.parse import parse_qs

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field
from pydantic import ValidationError
from sqlalchemy import select
from sqlmodel import Session

from app.claims.listing import ClaimFilters
from app.claims.listing import matching_ids
from app.claims.listing import search_text
from app.core.errors import Invalid
from app.core.types import Slug
from app.core.types import UTCInstant
from app.tables import Article
from app.tables import Event
from app.tables import EventType
from app.tables import Outlet
from app.tables import Subscription

_LISTS = {"outlet"}


class SavedClaimsQuery(BaseModel):
    """The claim list's filters (GET /v1/claims), as a subscription saves them."""

    model_config = ConfigDict(extra="forbid")

    outlet: list[Slug] = Field(default_factory=list, max_length=50)
    claimant: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    since: UTCInstant | None = None
    until: UTCInstant | None = None
    min_outlets: Annotated[int, Field(ge=0, lt=2**31)] | None = None
    min_origins: Annotated[int, Field(ge=0, lt=2**31)] | None = None
    q: Annotated[str, Field(max_length=500)] | None = None

    def filters(self) -> ClaimFilters:
        return ClaimFilters(
            outlets=list(self.outlet),
            claimant=self.claimant,
            since=self.since,
            until=self.until,
            min_outlets=self.min_outlets,
            min_origins=self.min_origins,
            q=search_text(self.q),
        )


def parse_claims_query(text: str | None) -> SavedClaimsQuery:
    """A saved query string such as `min_origins=3&q=NATO`; Invalid (422) when it is not one
    the claim list accepts."""
    if not text:
        return SavedClaimsQuery()
    try:
        pairs = parse_qs(text.lstrip("?"), keep_blank_values=True, strict_parsing=True)
    except ValueError:
        raise _invalid("it is not a query string such as min_origins=3&q=NATO") from None
    values: dict[str, Any] = {}
    for name, found in pairs.items():
        if name in _LISTS:
            values[name] = found
        elif len(found) > 1:
            raise _invalid(f"{name} is given {len(found)} times")
        else:
            values[name] = found[0]
    try:
        return SavedClaimsQuery.model_validate(values)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise _invalid(f"{where}: {first['msg']}") from None


def _invalid(message: str) -> Invalid:
    return Invalid(
        f"claims_query: {message}",
        code="invalid_claims_query",
        details=[{"loc": ["body", "claims_query"]}],
    )


def subject_claims(event: Event) -> list[int]:
    """The claims an event is about: its own, and for a merge also the claim merged into."""
    found = [event.claim_id] if event.claim_id is not None else []
    if event.type == EventType.claim_merged and isinstance(event.data.get("merged_into"), int):
        found.append(event.data["merged_into"])
    return found


def select_events(
    session: Session, subscription: Subscription, events: Sequence[Event]
) -> list[Event]:
    """The events of this batch the subscription receives (all its filters must hold)."""
    chosen = [
        e
        for e in events
        if (e.id or 0) > subscription.after_event_id
        and (not subscription.event_types or e.type in subscription.event_types)
    ]
    if subscription.claim_ids:
        wanted = set(subscription.claim_ids)
        chosen = [e for e in chosen if wanted.intersection(subject_claims(e))]
    if not (subscription.outlets or subscription.claims_query) or not chosen:
        return chosen
    matched = {c for e in chosen for c in subject_claims(e)}
    if subscription.outlets:
        by_outlet = ClaimFilters(outlets=list(subscription.outlets))
        matched = matching_ids(session, filters=by_outlet, claim_ids=matched)
    if subscription.claims_query:
        saved = parse_claims_query(subscription.claims_query).filters()
        matched = matching_ids(session, filters=saved, claim_ids=matched)
    copies = [e for e in chosen if e.type == EventType.article_copy_detected]
    copy_outlets = _copy_outlets(session, copies) if copies and subscription.outlets else {}
    outlets = set(subscription.outlets)
    kept = []
    for e in chosen:
        if e.type == EventType.article_copy_detected:
            # About articles, not claims: kept when an outlet filter names either side's outlet
            # and there is no claims query (which only claims can satisfy).
            if not subscription.claims_query and outlets & copy_outlets.get(e.id or 0, set()):
                kept.append(e)
        elif matched.intersection(subject_claims(e)):
            kept.append(e)
    return kept


def _copy_outlets(session: Session, events: list[Event]) -> dict[int, set[str]]:
    article_ids = {
        a
        for e in events
        for a in (e.data.get("article_id"), e.data.get("origin_article_id"))
        if isinstance(a, int)
    }
    rows = session.execute(
        select(Article.id, Outlet.slug)
        .join(Outlet, Outlet.id == Article.outlet_id)
        .where(Article.id.in_(article_ids))  # type: ignore[union-attr]
    )
    slugs = {row[0]: row[1] for row in rows}
    return {
        e.id or 0: {
            slugs[a]
            for a in (e.data.get("article_id"), e.data.get("origin_article_id"))
            if a in slugs
        }
        for e in events
    }
