"""When an article page says it was first published, read in a fixed order of trust:

1. the page's JSON-LD article object (`datePublished`; a live blog's `coverageStartTime`),
2. publication meta data: `article:published_time`, microdata `itemprop=datePublished`, and the
   meta names CMSs and analytics tags use (`pubdate`, `DC.date.issued`, `parsely-pub-date`, ...),
3. a `<time>` marked as the publication (`pubdate`, `itemprop`, a class naming it),
4. a date with a time *and a zone* written in the page's byline ("Published 2 May 2026, 08:15
   BST", "09 jul 2026 - 18:30 CEST"), read by dateparser in the page's language, skipping one
   introduced as an update ("Updated", "modifié le", "Stand" is not an update),
5. the day trafilatura's htmldate finds (midnight UTC).

A value that names only a day is kept as a fallback: a later source giving a time on that same
day wins. Navigation, asides, footers, comments and related lists are never read: their dates
are other articles'.
"""

import re
from datetime import UTC
from datetime import datetime
from typing import Any

from app.feeds.parse import instant

META_NAMES = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "article.published",
    "article_date_original",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "date",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
)

# Containers whose dates belong to something else than the article.
_ELSEWHERE = (
    "ancestor-or-self::aside or ancestor-or-self::nav or ancestor-or-self::footer"
    " or ancestor-or-self::script or ancestor-or-self::style or ancestor-or-self::form"
    " or ancestor-or-self::*[re:test(concat(@class, ' ', @id),"
    " 'comment|related|read-?next|more-stories|most-|sidebar|widget|teaser|recommend', 'i')]"
)
_NS = {"re": "http://exslt.org/regular-expressions"}

_ZONE = r"(?:UTC|GMT|BST|IST|CET|CEST|EET|EEST|WET|WEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z)"
_STAMP = re.compile(
    r"(\d{1,2}\s*[:.h]\s*\d{2}(?:\s*[ap]\.?\s?m\.?)?\s*(?:" + _ZONE + r"\b|[+-]\d{2}:?\d{2}))",
    re.IGNORECASE,
)
_DATE_START = re.compile(
    r"(?<!\w)(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.?\s+(?:de\s+)?\w{3,}\.?|"
    r"[^\W\d_]{3,}\.?\s+\d{1,2}\b)",
    re.IGNORECASE,
)
_UPDATE = re.compile(
    r"(updated|modified|last edited|aktualisiert|geändert|mis à jour|modifié|actualizado|"
    r"aggiornato|bijgewerkt)\W*$",
    re.IGNORECASE,
)


def published(
    tree: Any, *, json_ld: dict[str, Any], language: str | None, fallback: Any
) -> datetime | None:
    """The first publication instant the page states, or None."""
    day: datetime | None = None
    for found in _candidates(tree, json_ld=json_ld, language=language):
        if found is None:
            continue
        if not _is_day(found):
            if day is None or found.date() == day.date():
                return found
            continue
        day = day or found
    return day or instant(fallback)


def _candidates(tree: Any, *, json_ld: dict[str, Any], language: str | None) -> Any:
    yield instant(json_ld.get("datePublished"))
    yield instant(json_ld.get("coverageStartTime"))
    if tree is None:
        return
    for name in META_NAMES:
        yield instant(_meta(tree, name))
    for node in tree.xpath(f"//*[@itemprop='datePublished'][not({_ELSEWHERE})]", namespaces=_NS):
        yield instant(node.get("content") or node.get("datetime") or node.text_content())
    for node in tree.xpath(
        "//time[@datetime][@pubdate or re:test(@class, 'publish|entry-date', 'i')]"
        f"[not({_ELSEWHERE})]",
        namespaces=_NS,
    ):
        yield instant(node.get("datetime"))
    yield _byline(tree, language)


def _is_day(value: datetime) -> bool:
    return value.tzinfo is not None and (value.hour, value.minute, value.second) == (0, 0, 0)


def _meta(tree: Any, name: str) -> str | None:
    for node in tree.xpath(
        "//meta[translate(@property, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
        " = $n or translate(@name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
        " = $n or translate(@itemprop, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
        " = $n]",
        n=name,
    ):
        content = node.get("content")
        if content and content.strip():
            return str(content)
    return None


def _byline(tree: Any, language: str | None) -> datetime | None:
    """The first date with a time and a zone written in the page outside other articles'
    places, that is not introduced as an update."""
    body = tree.find("body")
    if body is None:
        return None
    for node in body.xpath(f".//*[not({_ELSEWHERE})]", namespaces=_NS):
        text = " ".join(node.text_content().split())
        if len(text) > 200:
            continue
        for stamp in _STAMP.finditer(text):
            head = text[: stamp.start()]
            for start in _date_starts(head):
                if _UPDATE.search(head[:start]):
                    break
                found = _parse(text[start : stamp.end()], language)
                if found is not None:
                    return found
    return None


def _date_starts(head: str) -> Any:
    """Where the date written before a time may start: each date-looking token in the last 60
    characters, earliest first (the first that parses with the time is the date)."""
    position = max(0, len(head) - 60)
    while (match := _DATE_START.search(head, position)) is not None:
        yield match.start()
        position = match.start() + 1


def _parse(text: str, language: str | None) -> datetime | None:
    import dateparser  # loaded with trafilatura (htmldate), only when a page needs it

    languages = [language[:2]] if language else None
    try:
        value = dateparser.parse(
            text, languages=languages, settings={"RETURN_AS_TIMEZONE_AWARE": True}
        )
    except (ValueError, OverflowError, LookupError):
        value = None
    if value is None and languages:
        value = dateparser.parse(text, settings={"RETURN_AS_TIMEZONE_AWARE": True})
    return value.astimezone(UTC) if value is not None else None
