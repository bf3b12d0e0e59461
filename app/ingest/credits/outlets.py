"""How a credit's name becomes an outlet: the names a stored outlet answers to, and the
credits of an article that name a known outlet (docs/matching.md, "Copy detection").
"""

import re
from functools import lru_cache
from typing import Any

from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlmodel import Session

from app.core import agencies
from app.core import broadcasters
from app.ingest.credits import editions as credit_editions
from app.ingest.credits import markers
from app.ingest.credits.context import name_key
from app.ingest.credits.reading import Credit
from app.ingest.credits.reading import credit_kind
from app.tables import Outlet
from app.tables import OutletKind


def outlet_keys(outlet: Outlet) -> set[str]:
    """The names a credit may give an outlet: its name, slug, domain and, for a wire, initials
    (for a wire listed in app/core/agencies.py, the names and aliases listed there instead)."""
    return set(ranked_keys(outlet))


# How closely a key names its outlet: a name (its own, or one a table lists for it), then its
# slug, then a short label others share (initials a table lists, "aps" for Algérie Presse
# Service as for the APS of Senegal; the first label of its domain), then a broadcaster's name
# for one of its services ("BBC" for a stored "BBC Canada": the broadcaster itself first), then
# initials made of its name's words.
NAMED, SLUG, LABEL, SERVICE, INITIALS = range(5)
_SHORT = 4  # letters of a listed name that is initials, a label many outlets may share


def _listed(key: str) -> int:
    return LABEL if key.isalpha() and len(key) <= _SHORT else NAMED


def ranked_keys(outlet: Outlet) -> dict[str, int]:
    """`outlet_keys`, each with how closely it names the outlet (NAMED ... INITIALS)."""
    keys: dict[str, int] = {}

    def add(found: set[str] | list[str], rank: int | None = None) -> None:
        for key in found:
            level = _listed(key) if rank is None else rank
            if key and level < keys.get(key, INITIALS + 1):
                keys[key] = level

    add([name_key(outlet.name)], NAMED)
    add([outlet.slug.replace("-", " ")], SLUG)
    if outlet.domain:
        add([outlet.domain.split(".")[0]], LABEL)
        add([outlet.domain.lower().removeprefix("www.")], NAMED)  # "Tempo.co", "Kompas.com"
    listed = agencies.of_outlet(outlet.slug, outlet.domain)
    if listed is None and outlet.kind == OutletKind.wire_agency:
        listed = _by_full_name(outlet.name)  # "Maghreb Arabe Presse (MAP)" on another domain
    if outlet.kind == OutletKind.wire_agency and listed is not None:
        add(agencies.keys_of(listed))
    if outlet.kind == OutletKind.wire_agency:  # "ANGOP - Agência Angola Press", "X (PETRA)"
        add([name_key(part) for part in agencies.compound_names(outlet.name)], NAMED)
    if outlet.kind == OutletKind.wire_agency and listed is None:
        words = [w for w in re.split(r"[\s-]+", outlet.name) if w and w.lower() != "the"]
        if len(words) > 1:
            add(["".join(w[0] for w in words).lower()], INITIALS)
    # "VOA" and "Voice of America" for a stored "Voz da América" (app/core/broadcasters.py);
    # a service of the broadcaster's ("DW Español", "France 24 en español") answers to them
    # below its own names, and only to an article of its language or country (`service`).
    if (broadcaster := broadcasters.of_outlet(name_key(outlet.name), outlet.domain)) is not None:
        add(list(broadcaster.names))
    elif (found := service(outlet)) is not None:
        add(list(found[0].names), SERVICE)
    return keys


def service(outlet: Outlet) -> tuple[broadcasters.Broadcaster, tuple[str, str]] | None:
    """The listed broadcaster whose service the outlet is, by a name it goes by then a country
    or a language (markers.edition_of), with that mark; None for the broadcaster itself (by its
    listed names or domains) or any other outlet."""
    return _service(name_key(outlet.name), outlet.domain)


@lru_cache(maxsize=4_096)
def _service(
    key: str, domain: str | None
) -> tuple[broadcasters.Broadcaster, tuple[str, str]] | None:
    # Asked of every outlet a credit's resolution reads, twice (its keys, then whether it may
    # answer): remembered by name and domain, which are all it depends on.
    if broadcasters.of_outlet(key, domain) is not None:
        return None
    for found in broadcasters.LISTED:
        for name in found.names:
            if (mark := markers.edition_of(key, name)) is not None:
                return found, mark
    return None


def _by_full_name(name: str) -> agencies.Agency | None:
    """The listed agency a stored wire's name, or the full name in its compound name, is
    ("Maghreb Arabe Presse (MAP)" stored under another domain than the table's): it answers to
    the names the table lists for it, in every script ("وكالة المغرب العربي للأنباء")."""
    full = [name, *(part for part in agencies.compound_names(name) if " " in part)]
    return next((found for part in full if (found := agencies.by_key(name_key(part)))), None)


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
        Outlet.slug.in_({key.replace(" ", "-") for key in keys} | credit_editions.folded(keys)),  # type: ignore[attr-defined]
        Outlet.kind == OutletKind.wire_agency,
    ]
    conditions += [Outlet.domain.like(f"{key}.%") for key in keys if " " not in key]  # type: ignore[union-attr]
    sites = {key for key in keys if "." in key and " " not in key}  # a site named by its domain
    conditions.append(Outlet.domain.in_(sites | {f"www.{key}" for key in sites}))  # type: ignore[union-attr]
    listed = [found for key in keys if (found := broadcasters.by_name(key)) is not None]
    if listed:  # a broadcaster stored under a name of another language, or under its domain
        names = {name for found in listed for name in found.names}
        domains = {d for found in listed for d in found.domains}
        conditions += [func.lower(Outlet.name).in_(names), Outlet.domain.in_(domains)]  # type: ignore[union-attr]
        conditions += [Outlet.domain.like(f"%.{d}") for d in domains]  # type: ignore[union-attr]
        # and its services stored under a name of their own ("DW Español", "RFI Español")
        conditions += [func.lower(Outlet.name).like(f"{name} %") for name in names]
    # Services asked for: named in words ("DW's Russian service"), or by a name that is the
    # network's and a language's ("CNN Español" for a stored "CNN en Español").
    asked = {(credit.key, credit.language) for credit in credits if credit.language is not None}
    named = {c.key: found for c in credits if c.language is None and (found := _named(c.key))}
    networks = {key for key, _ in asked | set(named.values())} | {c.key for c in credits}
    conditions += _service_conditions(networks)
    outlets = list(
        session.scalars(select(Outlet).where(or_(*conditions), Outlet.id != exclude_outlet_id))
    )
    own = session.get(Outlet, exclude_outlet_id)
    answering: dict[str, list[tuple[int, Outlet]]] = {}
    for outlet in sorted(outlets, key=lambda o: o.id or 0):
        of = service(outlet)
        # A broadcaster's service in another language or country is no credit for its name:
        # "DW" in an English article is not DW Español's.
        foreign = of is not None and not markers.fits(of[1], own, outlet)
        for key, rank in ranked_keys(outlet).items():
            if foreign and of is not None and key in of[0].names:
                continue
            answering.setdefault(key, []).append((rank, outlet))
    # A name several stored outlets answer to is the one it names most closely ("AP": the
    # agency, not the initials of "Agência Pará"); of those, the one in the article's language
    # ("BBC": BBC News Mundo for a Spanish article, BBC News for an English one), of its country
    # among those, else the first stored (editions.nearest).
    by_key = {}
    for key, found in answering.items():
        closest = [outlet for rank, outlet in found if rank == min(r for r, _ in found)]
        by_key[key] = _in_own_language(credit_editions.nearest(closest, own), key, outlets, own)
    by_key = credit_editions.with_editions(by_key, editions, own)
    by_key = credit_editions.network_editions(session, credits, by_key, own)
    services = _services(asked | set(named.values()), outlets)
    # A plain name in the text is the service the text names ("According to VOA" further down,
    # after "…, VOA's Spanish-language service reported." in the lead; "Euronews reported" in
    # the lead, then "according to Euronews' Italian edition", with no outlet of its own for
    # "Euronews"). Never a byline's, and never over the network's own outlet named in the lead
    # ("…, the BBC reported." before "the BBC's Persian service separately reported").
    named_services = [
        (c.lead, found)
        for c in credits
        if c.language is not None and not c.background
        if (found := services.get((c.key, c.language))) is not None
    ]
    resolved = []
    for credit in credits:
        if credit.language is not None:  # only the service of that language, if stored
            if (found := services.get((credit.key, credit.language))) is not None:
                resolved.append((credit, found))
            continue
        same = {
            o.id: o
            for lead, o in named_services
            if _of_network(o, credit.key) and (lead or credit.key not in by_key)
        }
        if (
            len(same) == 1
            and credit_kind(credit.quote) == "text"
            and (not credit.lead or credit.key not in by_key)
        ):
            resolved.append((credit, next(iter(same.values()))))
        elif credit.key in by_key:
            resolved.append((credit, by_key[credit.key]))
        elif credit.key in named and (found := services.get(named[credit.key])) is not None:
            resolved.append((credit, found))
    return resolved


def _named(key: str) -> tuple[str, str] | None:
    """(network, language) of a name that is a network's and a language's ("cnn español",
    "cnn en español", "euronews (deutsch)"); None for any other name."""
    words = key.split()
    for size in (2, 1):  # "cnn en español": "cnn", with the preposition in the mark
        if len(words) > size:
            head = " ".join(words[:-size])
            mark = markers.edition_of(key, head)
            if mark is not None and mark[0] == "language":
                return head, mark[1]
    return None


def _service_conditions(keys: set[str]) -> list[Any]:
    """Where a network's services may be stored: under its name and a language or a country
    ("Euronews (deutsch)", "DW на русском"), or on a subdomain of its name ("de.euronews.com")."""
    name = func.lower(Outlet.name)
    conditions = []
    for key in keys:
        escaped = credit_editions.escaped(key)
        conditions += [
            name.like(f"{escaped} %", escape="\\"),
            name.like(f"the {escaped} %", escape="\\"),
        ]
        if " " not in key:
            conditions.append(Outlet.domain.like(f"%.{escaped}.%", escape="\\"))  # type: ignore[union-attr]
        if "." in key and " " not in key:  # a site named by its domain: "en.tempo.co"
            conditions.append(Outlet.domain.like(f"%.{escaped}", escape="\\"))  # type: ignore[union-attr]
        # By slug too: SQLite's lower() leaves "PAÍS" as it is ("EL PAÍS English Edition").
        for slug in {key.replace(" ", "-")} | credit_editions.folded({key}):
            escaped = credit_editions.escaped(slug)
            conditions.append(Outlet.slug.like(f"{escaped}-%", escape="\\"))  # type: ignore[attr-defined]
    return conditions


def _edition_mark(outlet: Outlet, network: str) -> tuple[str, str] | None:
    return markers.edition_of(name_key(outlet.name), network)  # name_key drops "the"


def _of_network(outlet: Outlet, network: str) -> bool:
    """Whether a network's name answers for a stored outlet: one of its names, an edition's
    name ("Euronews (deutsch)"), or a subdomain of the network's ("de.euronews.com")."""
    domain = (outlet.domain or "").lower()
    return (
        network in ranked_keys(outlet)
        or _edition_mark(outlet, network) is not None
        or network in domain.split(".")[1:-1]
        or ("." in network and domain.endswith(f".{network}"))
    )


def _language(outlet: Outlet | None) -> str:
    return ((outlet.language if outlet else None) or "").replace("_", "-").split("-")[0].casefold()


def _in_own_language(chosen: Outlet, key: str, outlets: list[Outlet], own: Outlet | None) -> Outlet:
    """The outlet a name answers to, or, when that one publishes in another language than the
    crediting article, the network's one stored edition in the article's language ("Tempo" or
    "TEMPO.CO" in an English article: Tempo English, not the Indonesian Tempo)."""
    language = _language(own)
    if not language or _language(chosen) in ("", language):
        return chosen
    if chosen.kind == OutletKind.wire_agency:
        return chosen  # an agency's copy is its own in every language ("(AP)" in Portuguese)
    home = (chosen.domain or "").lower().removeprefix("www.")
    editions = {
        o.id: o
        for o in outlets
        if o.id != chosen.id
        and _language(o) == language
        # named as its edition in a language ("Tempo English", "Le Monde in English") or on
        # its subdomain ("en.tempo.co"): the same newsroom's text; not a country's edition
        # ("CNN Chile", another newsroom) nor an outlet that merely answers to the name
        # ("Agência Pará": AP)
        and (
            (_edition_mark(o, key) or ("", ""))[0] == "language"
            or (bool(home) and (o.domain or "").lower().endswith(f".{home}"))
        )
    }
    return next(iter(editions.values())) if len(editions) == 1 else chosen


def _speaks(outlet: Outlet, network: str, language: str) -> bool:
    """Whether a stored outlet is a network's service in a language: of the network, and
    publishing in that language (by its language tag, else by its name's mark)."""
    if not _of_network(outlet, network):
        return False
    own = _language(outlet)
    if own:
        return own == language
    found = service(outlet)
    mark = _edition_mark(outlet, network) or (found[1] if found is not None else None)
    return mark == ("language", language)


def _services(asked: set[tuple[str, str]], outlets: list[Outlet]) -> dict[tuple[str, str], Outlet]:
    """(a network's key, a language) -> the one stored service of that network in that
    language ("DW's Russian service" -> "DW на русском"); none when none or several are."""
    found: dict[tuple[str, str], Outlet] = {}
    for key, language in asked:
        speaking = {o.id: o for o in outlets if _speaks(o, key, language)}
        if len(speaking) == 1:
            found[(key, language)] = next(iter(speaking.values()))
    return found
