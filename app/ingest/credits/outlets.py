"""How a credit's name becomes an outlet: the names a stored outlet answers to, and the
credits of an article that name a known outlet (docs/matching.md, "Copy detection").
"""

import re

from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlmodel import Session

from app.core import agencies
from app.core import broadcasters
from app.ingest.credits import editions as credit_editions
from app.ingest.credits.context import fold
from app.ingest.credits.context import name_key
from app.ingest.credits.reading import Credit
from app.tables import Outlet
from app.tables import OutletKind


def outlet_keys(outlet: Outlet) -> set[str]:
    """The names a credit may give an outlet: its name, slug, domain and, for a wire, initials
    (for a wire listed in app/core/agencies.py, the names and aliases listed there instead)."""
    keys = {name_key(outlet.name), outlet.slug.replace("-", " ")}
    if outlet.domain:
        keys.add(outlet.domain.split(".")[0])
    listed = agencies.of_outlet(outlet.slug, outlet.domain)
    if listed is None and outlet.kind == OutletKind.wire_agency:
        listed = _by_full_name(outlet.name)  # "Maghreb Arabe Presse (MAP)" on another domain
    if outlet.kind == OutletKind.wire_agency and listed is not None:
        keys |= agencies.keys_of(listed)
    if outlet.kind == OutletKind.wire_agency:  # "ANGOP - Agência Angola Press", "X (PETRA)"
        keys |= {name_key(part) for part in agencies.compound_names(outlet.name)}
    if outlet.kind == OutletKind.wire_agency and listed is None:
        words = [w for w in re.split(r"[\s-]+", outlet.name) if w and w.lower() != "the"]
        if len(words) > 1:
            keys.add("".join(w[0] for w in words).lower())
    # "VOA" and "Voice of America" for a stored "Voz da América" (app/core/broadcasters.py).
    if (broadcaster := broadcasters.of_outlet(name_key(outlet.name), outlet.domain)) is not None:
        keys |= set(broadcaster.names)
    return {key for key in keys if key}


def _by_full_name(name: str) -> agencies.Agency | None:
    """The listed agency a stored wire's name, or the full name in its compound name, is
    ("Maghreb Arabe Presse (MAP)" stored under another domain than the table's): it answers to
    the names the table lists for it, in every script ("وكالة المغرب العربي للأنباء")."""
    full = [name, *(part for part in agencies.compound_names(name) if " " in part)]
    return next((found for part in full if (found := agencies.by_key(name_key(part)))), None)


def _folded(keys: set[str]) -> set[str]:
    """Slugs as written without accents ("ruv" of "rúv"): a name with an accented capital is
    not found by lower() on SQLite, which lowers ASCII letters only, but its slug is ASCII."""
    folded = set()
    for key in keys:  # name_key has casefolded them already
        bare = fold(key)
        if bare != key and bare.isascii():
            folded.add(re.sub(r"[^a-z0-9]+", "-", bare).strip("-"))
    return folded


def resolve_credits(
    session: Session, credits: list[Credit], *, exclude_outlet_id: int
) -> list[tuple[Credit, Outlet]]:
    """The credits that name a known outlet (other than the article's own), strongest first."""
    if not credits:
        return []
    editions = credit_editions.keys_of(credits)  # "Chalkbeat Philadelphia" -> "chalkbeat"
    keys = {credit.key for credit in credits} | credit_editions.flat(editions)
    conditions = [
        func.lower(Outlet.name).in_(keys | {f"the {key}" for key in keys}),
        Outlet.slug.in_({key.replace(" ", "-") for key in keys} | _folded(keys)),  # type: ignore[attr-defined]
        Outlet.kind == OutletKind.wire_agency,
    ]
    conditions += [Outlet.domain.like(f"{key}.%") for key in keys if " " not in key]  # type: ignore[union-attr]
    listed = [found for key in keys if (found := broadcasters.by_name(key)) is not None]
    if listed:  # a broadcaster stored under a name of another language, or under its domain
        names = {name for found in listed for name in found.names}
        domains = {d for found in listed for d in found.domains}
        conditions += [func.lower(Outlet.name).in_(names), Outlet.domain.in_(domains)]  # type: ignore[union-attr]
        conditions += [Outlet.domain.like(f"%.{d}") for d in domains]  # type: ignore[union-attr]
    outlets = session.scalars(
        select(Outlet).where(or_(*conditions), Outlet.id != exclude_outlet_id)
    )
    answering: dict[str, list[Outlet]] = {}
    for outlet in sorted(outlets, key=lambda o: o.id or 0):
        for key in outlet_keys(outlet):
            answering.setdefault(key, []).append(outlet)
    # A name several stored outlets answer to ("BBC": BBC News and BBC News Mundo) is the one
    # in the article's language, else the first stored.
    own = session.get(Outlet, exclude_outlet_id)
    language = own.language if own is not None else None
    by_key = {
        key: next(iter(credit_editions.in_language(found, language)), found[0])
        for key, found in answering.items()
    }
    by_key = credit_editions.with_editions(session, by_key, editions, exclude_outlet_id)
    by_key = credit_editions.network_editions(session, credits, by_key, own)
    return [(credit, by_key[credit.key]) for credit in credits if credit.key in by_key]
