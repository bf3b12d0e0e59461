"""A credit naming a newsroom's edition or service resolves to the newsroom's stored outlet.

Newsrooms syndicate under names longer than their own: an edition ("Chalkbeat Philadelphia
contributed to this report", "Guardian Australia") or a news service ("Sophie Kramer, New York
Times News Service"). When the whole name is no stored outlet, its distinctive part may be:
the name without a service's words ("News Service", "Wire", "Syndicate"), or without one or two
capitalised words after it (a place, an edition) that are no masthead's words ("New York Post"
is no edition of a magazine "New York"; "Times of India" has a small word, no edition of "The
Times").

Only for credits that say the text is the outlet's (a credit line, a byline, a dateline, a
sign-off) or "… contributed to this report": "New York Knicks reported" in the text is no
edition of anything. A head of one word must be at least EDITION_MIN letters ("Jane Doe
contributed" does not name a magazine "Jane"), and a name that is the article's own outlet is
never read as an edition of another ("Chalkbeat Philadelphia" in its own story).
"""

from typing import Any

from sqlmodel import Session

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


def edition_keys(name: str) -> list[str]:
    """Keys of the outlet an edition's or a service's name may stand for, most specific first."""
    key = name_key(name)
    keys = [key.removesuffix(f" {tail}") for tail in _SERVICES if key.endswith(f" {tail}")]
    written = key.split()
    raw = name.split()
    if raw and raw[0].lower() == "the":
        raw = raw[1:]
    for size in (1, 2):
        if len(written) <= size or len(raw) != len(written):
            continue
        tail, head = raw[-size:], " ".join(written[:-size])
        if not all(word[:1].isupper() for word in raw[:-size]):
            continue  # "Times of India": a name with a small word in it, no edition
        if all(w[:1].isupper() and w.isalpha() and w.lower() not in _MASTHEAD for w in tail) and (
            " " in head or len(head) >= EDITION_MIN
        ):
            keys.append(head)
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


def with_editions(
    session: Session, by_key: dict[str, Any], editions: dict[str, list[str]], own_outlet_id: int
) -> dict[str, Any]:
    """`by_key` (credit key -> stored outlet) with the credits whose whole name names no
    stored outlet resolved by their edition's keys; not a name of the article's own outlet."""
    missing = [key for key in editions if key not in by_key]
    if not missing:
        return by_key
    own = session.get(Outlet, own_outlet_id)
    own_keys = (
        {name_key(own.name), own.slug.replace("-", " "), (own.domain or "").split(".")[0]}
        if own is not None
        else set()
    )
    resolved = dict(by_key)
    for key in missing:
        if key in own_keys:
            continue
        outlet = next((by_key[k] for k in editions[key] if k in by_key), None)
        if outlet is not None:
            resolved[key] = outlet
    return resolved
