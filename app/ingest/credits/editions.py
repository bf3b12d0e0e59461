"""A credit naming a newsroom's edition or service resolves to the newsroom's stored outlet.

Newsrooms syndicate under names longer than their own: an edition ("Chalkbeat Philadelphia
contributed to this report", "Guardian Australia") or a news service ("Sophie Kramer, New York
Times News Service"). When the whole name is no stored outlet, its distinctive part may be:
the name without a service's words ("News Service", "Wire", "Syndicate"), or without one or two
capitalised words after it (a place, an edition) that are no masthead's words ("New York Post"
is no edition of a magazine "New York"; "Times of India" has a small word, no edition of "The
Times").

The other way round, a network named short: "republished from The Conversation" when only its
editions are stored ("The Conversation UK", "The Conversation France"). The credit is the
edition's whose name is the network's and a country or a language (credits/markers.py), and
whose country or language the crediting article's outlet has; none when no edition or several
fit, and never for a name the agencies table knows (`network_editions`).

Only for credits that say the text is the outlet's (a credit line, a byline, a dateline, a
sign-off) or "… contributed to this report": "New York Knicks reported" in the text is no
edition of anything. A head of one word must be at least EDITION_MIN letters ("Jane Doe
contributed" does not name a magazine "Jane"), and a name that is the article's own outlet is
never read as an edition of another ("Chalkbeat Philadelphia" in its own story).
"""

import re
from typing import Any

from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlmodel import Session

from app.core import agencies
from app.ingest.credits import markers
from app.ingest.credits import source_words
from app.ingest.credits.context import fold
from app.ingest.credits.context import name_key
from app.ingest.credits.newsrooms import INSTITUTION
from app.ingest.credits.reading import SYNDICATING_KINDS
from app.ingest.credits.reading import Credit
from app.ingest.credits.reading import credit_kind
from app.tables import Outlet

_SERVICES = ("news service", "news services", "wire service", "newswire", "wire", "syndicate")
# Words of a masthead or of an institution's name: what follows a name as part of another one.
_MASTHEAD = frozenset((
    "times", "post", "tribune", "herald", "news", "journal", "daily", "star", "sun", "mail",
    "globe", "gazette", "chronicle", "courier", "observer", "examiner", "telegraph", "express",
    "mirror", "independent", "guardian", "record", "review", "press", "register", "inquirer",
    "dispatch", "standard", "bulletin", "monitor", "sentinel", "beacon", "leader", "enquirer",
    "magazine", "weekly", "radio", "tv", "television", "network", "media", "online", "today",
    "report", "reporter", "insider", "wire", "service", "agency", "group", "company",
    "council", "party", "club",
)) | INSTITUTION  # fmt: skip
EDITION_MIN = 7
_DESCRIBED = re.compile(source_words.MEDIA_WORD)


def _edition_word(word: str) -> bool:
    """A capitalised word that may name an edition ("Philadelphia", "Côte-Nord"), no masthead's."""
    return word[:1].isupper() and word.replace("-", "").isalpha() and word.lower() not in _MASTHEAD


def _heads(name: str) -> list[tuple[str, str]]:
    """(the network's key, the edition's words) for a name that may be an edition: without one
    or two capitalised words after it that are no masthead's words."""
    written = name_key(name).split()
    raw = name.split()
    if raw and raw[0].lower() == "the":
        raw = raw[1:]
    found = []
    for size in (1, 2):
        if len(written) <= size or len(raw) != len(written):
            continue
        tail, head = raw[-size:], " ".join(written[:-size])
        if not all(word[:1].isupper() for word in raw[:-size]):
            continue  # "Times of India": a name with a small word in it, no edition
        if all(_edition_word(w) for w in tail) and (" " in head or len(head) >= EDITION_MIN):
            found.append((head, " ".join(tail)))
    return found


def edition_keys(name: str) -> list[str]:
    """Keys of the outlet an edition's or a service's name may stand for, most specific first."""
    key = name_key(name)
    keys = [key.removesuffix(f" {tail}") for tail in _SERVICES if key.endswith(f" {tail}")]
    keys += [head for head, _ in _heads(name)]
    return [k for k in keys if k and k != key]


def _syndicating(credit: Credit) -> bool:
    return credit_kind(credit.quote) in SYNDICATING_KINDS or (
        "contributed to this" in credit.quote.lower()
    )


def keys_of(credits: list[Credit]) -> dict[str, list[str]]:
    """A credit's key -> the keys of the outlet its edition or service may be."""
    found: dict[str, list[str]] = {}
    for credit in credits:
        if _syndicating(credit) and not credit.background and credit.key not in found:
            keys = edition_keys(credit.name)
            if keys:
                found[credit.key] = keys
    return found


def flat(editions: dict[str, list[str]]) -> set[str]:
    return {key for keys in editions.values() for key in keys}


def _own_keys(own: Outlet | None) -> set[str]:
    """The names the article's own outlet goes by, editions of its network included."""
    if own is None:
        return set()
    keys = {name_key(own.name), own.slug.replace("-", " "), (own.domain or "").split(".")[0]}
    return keys | set(edition_keys(own.name))


def with_editions(
    by_key: dict[str, Any], editions: dict[str, list[str]], own: Outlet | None
) -> dict[str, Any]:
    """`by_key` (credit key -> stored outlet) with the credits whose whole name names no
    stored outlet resolved by their edition's keys; not a name of the article's own outlet."""
    missing = [key for key in editions if key not in by_key]
    if not missing:
        return by_key
    own_keys = _own_keys(own)
    resolved = dict(by_key)
    for key in missing:
        if key in own_keys:
            continue
        outlet = next((by_key[k] for k in editions[key] if k in by_key), None)
        if outlet is not None:
            resolved[key] = outlet
    return resolved


def nearest(outlets: list[Outlet], own: Outlet | None) -> Outlet:
    """Of outlets (the first stored first), the one in the article's outlet's language (the
    same BCP 47 tag, else the same language), of its country among those, else the first."""
    if own is None or len(outlets) == 1:
        return outlets[0]
    tag = (own.language or "").casefold()
    same = outlets
    if tag:
        for fits in (
            lambda o: (o.language or "").casefold() == tag,
            lambda o: (o.language or "").casefold().split("-")[0] == tag.split("-")[0],
        ):
            if found := [o for o in outlets if fits(o)]:
                same = found
                break
    country = markers.country(own)
    return next((o for o in same if country and markers.country(o) == country), same[0])


def folded(keys: set[str]) -> set[str]:
    """Slugs as written without accents ("ruv" of "rúv"): a name with an accented capital is
    not found by lower() on SQLite, which lowers ASCII letters only, but its slug is ASCII."""
    found = set()
    for key in keys:  # name_key has casefolded them already
        bare = fold(key)
        if bare != key and bare.isascii():
            found.add(re.sub(r"[^a-z0-9]+", "-", bare).strip("-"))
    return found


def _initials(name: str) -> bool:
    """Two to five capitals ("CNN", "NOS", "CGTN"), as a broadcaster's brand is written."""
    name = name.removeprefix("The ").removeprefix("the ")
    return name.isupper() and name.isalpha() and 2 <= len(name) <= 5


def escaped(key: str) -> str:
    """A key for a LIKE pattern with escape character backslash."""
    return key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def network_editions(
    session: Session, credits: list[Credit], by_key: dict[str, Any], own: Outlet | None
) -> dict[str, Any]:
    """`by_key` with the syndicating credits whose name no stored outlet answers to resolved
    to the stored edition of the network they name ("The Conversation" -> "The Conversation
    UK", "Le Monde" -> "Le Monde in English"): an edition by its country or language
    (markers.edition_of), the one the crediting article fits; none when no edition or several
    fit."""
    written = {
        credit.key: credit
        for credit in credits
        if _syndicating(credit) and not credit.background and credit.key not in by_key
    }
    # A head of one word shorter than EDITION_MIN only when written as initials, undescribed
    # ("Con información de CNN" for a stored "CNN en Español"): a brand, not a word or a given
    # name; "la cadena surcoreana SBS" says which SBS, and it is no edition's.
    wanted = {
        key
        for key, credit in written.items()
        if key not in _own_keys(own)  # an edition's own article names its own network
        and (
            " " in key
            or len(key) >= EDITION_MIN
            or (_initials(credit.name) and not _DESCRIBED.search(credit.quote))
        )
        and agencies.by_key(key) is None
    }
    if not wanted or own is None:
        return by_key
    name = func.lower(Outlet.name)
    patterns = [
        name.like(f"{prefix}{escaped(key)} %", escape="\\")
        for key in wanted
        for prefix in ("", "the ")
    ]
    # By slug too: SQLite's lower() leaves "PAÍS" as it is ("EL PAÍS English Edition").
    slugs = {slug for key in wanted for slug in {key.replace(" ", "-")} | folded({key})}
    patterns += [Outlet.slug.like(f"{escaped(slug)}-%", escape="\\") for slug in slugs]  # type: ignore[attr-defined]
    editions: dict[str, list[Outlet]] = {}
    for outlet in session.scalars(select(Outlet).where(or_(*patterns), Outlet.id != own.id)):
        for key in wanted:
            mark = markers.edition_of(name_key(outlet.name), key)
            if mark is not None and markers.fits(mark, own, outlet):
                editions.setdefault(key, []).append(outlet)
    resolved = dict(by_key)
    for key, found in editions.items():
        if len(found) == 1:
            resolved[key] = found[0]
    return resolved
