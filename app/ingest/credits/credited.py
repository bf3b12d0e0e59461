"""Credited origins: the outlet an article credits, when no article of that outlet is linked.

Two papers running the same AP story are one origin, AP, whether or not AP's own article was
ever ingested. Copy detection (copies.py) links an article to the credited outlet's stored
article on the same claim when there is one; when there is none, the credit itself is recorded
here as the article's *credited origin* (table `credited_origin`), and counting collapses the
article into that outlet. When the outlet's own article arrives later, copy detection links the
credited copies to it (copies._adopt_copies), and the link wins over the credit.

How sure a credit is (`confidence`) depends on how it is given; a credit below
CLAIMS_CREDIT_MIN_CONFIDENCE is not applied but queued for review (app/triage).
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import or_
from sqlalchemy import select
from sqlmodel import Session

from app.core import agencies
from app.core.errors import Conflict
from app.ingest.credits import newsrooms
from app.ingest.credits.context import name_key
from app.ingest.credits.reading import Credit
from app.ingest.credits.reading import credit_kind
from app.ingest.credits.reading import credits
from app.outlets import service as outlets_service
from app.outlets.models import OutletCreate
from app.tables import LinkRelation
from app.tables import Outlet
from app.tables import OutletKind

# How much a credit given in each way is worth on its own (the labelled pairs in
# tests/data/article_pairs.jsonl measure what the defaults make of them).
CONFIDENCE = {
    "canonical": 0.98,  # rel=canonical to another outlet's page
    "dateline": 0.95,  # "WASHINGTON (AP) -"
    "byline": 0.95,  # "By The Associated Press"
    "based_on": 0.9,  # JSON-LD isBasedOn
    "sign_off": 0.9,  # "- AFP", "(AFP)" or a bare "Reuters" closing the story
    "credit_line": 0.9,  # "Additional reporting by Reuters", "With files from The Canadian Press"
    "url": 0.8,  # "/ap-…" or "/ap/…" in the republisher's URL
    "text_agency": 0.8,  # "according to Reuters", "AP reported"
    "text_outlet": 0.6,  # "The Daily Planet reported": often a side detail, not the story
    # "told AFP": someone spoke to the agency, often in an earlier interview quoted for
    # background; on the dev pairs it credited the wrong story more often than the right one.
    "told_agency": 0.6,
    "told_outlet": 0.5,
    # "according to the AFP", no longer name of the agency anywhere: also the Australian Federal
    # Police; a headline's "AP reports" also Andhra Pradesh (reading.Credit.initials).
    "initials_agency": 0.6,
    "initials_outlet": 0.5,
    # "Reuters reported last year": an earlier story recalled for background, not this one's
    # source (reading.Credit.earlier).
    "earlier_agency": 0.6,
    "earlier_outlet": 0.5,
    # "KFF Health News correspondent Jane Doe contributed to this report", "Stateline, part of
    # States Newsroom, contributed to this report": the outlet wrote part of this story, as
    # "Additional reporting by" says: as sure as an agency's credit in the text (an agency's
    # stays "text_agency").
    "contributed_outlet": 0.8,
    # "Forty homes were cleared, the BBC reported." as the story's first sentence: a rewrite
    # attributes its lead to its source, a borrowed detail is named further down
    # (leads.py); as sure as an agency's credit in the text.
    "lead_outlet": 0.8,
}
# A second, different way of giving the same credit adds this much (up to CAP).
AGREEMENT = 0.03
CAP = 0.99
# Two different outlets credited about as strongly: the article may be a blend of both.
AMBIGUITY = 0.1
AMBIGUOUS_FACTOR = 0.7


def kind_of(credit: Credit) -> str:
    """How a credit was given, from the words it quotes (see reading.credits)."""
    return credit_kind(credit.quote)


def told(quote: str, name: str) -> bool:
    """Whether a kept credit quote only says that someone spoke to the outlet ("told Reuters",
    often an earlier interview quoted for background) or recalls an earlier report of it
    ("Reuters reported last year"): no credit for the story. It never links an article to the
    outlet's, and as a credited origin it stays below the bar. The quote is read again as
    `credits` reads a body, so "Reuters reported ...; a spokesman told Reuters" is still a
    credit."""
    key = name_key(name)
    named = [credit for credit in credits(author=None, body=quote) if credit.key == key]
    return bool(named) and all(credit.background for credit in named)


@dataclass(frozen=True, slots=True)
class CreditDecision:
    """The outlet an article's credits point to, how, and how sure that is."""

    outlet: Outlet
    relation: LinkRelation
    confidence: float
    evidence: str
    reason: str


def _agency_outlet(session: Session, agency: agencies.Agency) -> Outlet:
    """The stored outlet of a well-known agency (by slug or domain), created when missing."""
    query = select(Outlet).where(or_(Outlet.slug == agency.slug, Outlet.domain == agency.domain))
    found = session.scalars(query.order_by(Outlet.id)).first()
    if found is not None:
        return found
    data = OutletCreate(
        slug=agency.slug, name=agency.name, domain=agency.domain, kind=OutletKind.wire_agency
    )
    try:
        return outlets_service.create(session, data=data)
    except Conflict:  # created concurrently
        found = session.scalars(query.order_by(Outlet.id)).first()
        if found is None:
            raise
        return found


def resolve_agencies(
    session: Session,
    credits: list[Credit],
    resolved: list[tuple[Credit, Outlet]],
    *,
    exclude_outlet_id: int,
) -> list[tuple[Credit, Outlet]]:
    """`resolved` (credits naming a stored outlet) plus the credits naming a well-known agency
    that is not stored yet, which is created; in the order of `credits`."""
    by_credit = {id(credit): outlet for credit, outlet in resolved}
    result: list[tuple[Credit, Outlet]] = []
    for credit in credits:
        outlet = by_credit.get(id(credit))
        if outlet is None:
            agency = agencies.by_key(credit.key)
            if agency is None or credit.ambiguous:
                continue
            outlet = _agency_outlet(session, agency)
        if outlet.id != exclude_outlet_id:
            result.append((credit, outlet))
    return result


def outlet_of_url(session: Session, url: str) -> Outlet | None:
    """The outlet a URL belongs to: a stored outlet by its domain (or a parent domain), or a
    well-known agency's."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    labels = host.split(".")
    candidates = [".".join(labels[i:]) for i in range(len(labels) - 1)]
    if not candidates:
        return None
    stored = {
        outlet.domain: outlet
        for outlet in session.scalars(select(Outlet).where(Outlet.domain.in_(candidates)))  # type: ignore[union-attr]
    }
    for domain in candidates:
        if domain in stored:
            return stored[domain]
    for agency in agencies.AGENCIES:
        if agency.domain in candidates:
            return _agency_outlet(session, agency)
    return None


def page_credits(
    session: Session, *, canonical_url: str | None, is_based_on: str | None, own_outlet_id: int
) -> list[tuple[Credit, Outlet]]:
    """Credits the page's markup gives: rel=canonical and JSON-LD isBasedOn to another outlet."""
    found: list[tuple[Credit, Outlet]] = []
    for url, quote, relation in (
        (canonical_url, "rel=canonical", LinkRelation.syndicates),
        (is_based_on, "isBasedOn", LinkRelation.cites),
    ):
        if url is None:
            continue
        outlet = outlet_of_url(session, url)
        if outlet is not None and outlet.id != own_outlet_id:
            found.append((Credit(outlet.name, f"{quote}: {url}"[:300], relation), outlet))
    return found


def _named_together(
    chosen: list[tuple[float, str, Credit]], other: list[tuple[float, str, Credit]]
) -> bool:
    """Whether another outlet is named in one credit with the chosen one ("(dpa/AFP)"), as a
    joint credit (reading.Credit.joint)."""
    quotes = {credit.quote for _, _, credit in chosen}
    joint = {credit.quote for _, _, credit in chosen if credit.joint}
    return any(
        credit.quote in joint or (credit.joint and credit.quote in quotes) for _, _, credit in other
    )


def decide(credits: list[tuple[Credit, Outlet]]) -> CreditDecision | None:
    """The outlet the credits point to most strongly, with the relation and a confidence.

    Two outlets named in one credit ("(dpa/AFP)", "Mit Material von AFP und dpa") are not
    rivals: the article blends their copy and is no independent origin either way. It counts
    under the stronger, the first named on a tie (the lead agency), at that credit's confidence,
    and the reason says it also credits the other."""
    per_outlet: dict[int, list[tuple[float, str, Credit]]] = {}
    outlets: dict[int, Outlet] = {}
    for credit, outlet in credits:
        kind = kind_of(credit)
        if kind == "text":
            kind = (
                "told"
                if credit.told
                else "initials"
                if credit.initials
                else "earlier"
                if credit.earlier
                else newsrooms.text_kind(credit, outlet.kind == OutletKind.wire_agency)
            )
            kind += "_agency" if outlet.kind == OutletKind.wire_agency else "_outlet"
        per_outlet.setdefault(outlet.id or 0, []).append((CONFIDENCE[kind], kind, credit))
        outlets[outlet.id or 0] = outlet
    if not per_outlet:
        return None
    scored = []
    for outlet_id, found in per_outlet.items():
        found.sort(key=lambda entry: -entry[0])
        kinds = {kind for _, kind, _ in found}
        confidence = min(CAP, found[0][0] + AGREEMENT * (len(kinds) - 1))
        scored.append((confidence, outlet_id, found))
    # On a tie, the outlet a joint credit names first ("dpa" of "(dpa/AFP)") leads.
    scored.sort(key=lambda e: (-e[0], all(c.joint for _, _, c in e[2]), e[1]))
    confidence, outlet_id, found = scored[0]
    outlet = outlets[outlet_id]
    # Outlets named in one credit with the chosen one are no rivals: the article is a copy of
    # both; it counts under the chosen one and the reason names them.
    together = [entry for entry in scored[1:] if _named_together(found, entry[2])]
    rivals = [entry for entry in scored[1:] if not _named_together(found, entry[2])]
    ambiguous = bool(rivals) and rivals[0][0] >= confidence - AMBIGUITY
    if ambiguous:
        confidence *= AMBIGUOUS_FACTOR
    syndicated = any(credit.relation == LinkRelation.syndicates for _, _, credit in found)
    relation = LinkRelation.syndicates if syndicated else LinkRelation.cites
    evidence = found[0][2].quote
    quotes = "; ".join(f'"{credit.quote}"' for _, _, credit in found[:3])
    reason = f"credits {outlet.name} ({quotes}); no article of {outlet.name} on it is stored"
    if together:
        names = ", ".join(outlets[entry[1]].name for entry in together)
        reason += f"; also credits {names} in the same credit (counted under the first named)"
    if ambiguous:
        reason += f"; also credits {outlets[rivals[0][1]].name}"
    return CreditDecision(
        outlet=outlet,
        relation=relation,
        confidence=round(confidence, 3),
        evidence=evidence[:300],
        reason=reason[:1000],
    )
