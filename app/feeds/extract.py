"""An article page's text and metadata: trafilatura for the body, title, byline and date; our
own reader for rel=canonical, `article:published_time` and JSON-LD (isBasedOn, author,
datePublished), which say more exactly what trafilatura only guesses (its date is a day).

The body is handed to ingest, which keeps its fingerprints and credits and drops it.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

import lxml.html
import trafilatura

from app.articles.urls import canonical_url
from app.feeds import dates

ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "liveblogposting",
    "report",
    "webpage",
}


@dataclass
class Extracted:
    title: str | None
    author: str | None
    published_at: datetime | None
    body: str | None
    canonical_url: str | None
    is_based_on: str | None
    language: str | None


def extract(html: str, *, url: str) -> Extracted:
    """What the page says about itself (every field None when the page does not say)."""
    tree = lxml.html.fromstring(html) if html.strip() else None
    data = _json_ld(tree) if tree is not None else {}
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    found: dict[str, Any] = {}
    if document is not None:
        found = document if isinstance(document, dict) else document.as_dict()
    language = _text(found.get("language")) or (tree.get("lang") if tree is not None else None)
    published = dates.published(tree, json_ld=data, language=language, fallback=found.get("date"))
    title = _text(data.get("headline")) or _text(found.get("title"))
    return Extracted(
        title=title,
        author=_authors(data.get("author")) or _text(found.get("author")),
        published_at=published,
        body=_without_title(_text(found.get("text")), title),
        canonical_url=_link(tree, url),
        is_based_on=_based_on(data.get("isBasedOn"), url),
        language=language,
    )


def _without_title(body: str | None, title: str | None) -> str | None:
    """The body without the headline trafilatura keeps when it sits in the article's container
    (and the kicker or section label just above it): the headline is not body text."""
    if not body or not title:
        return body
    lines = body.split("\n")
    wanted = " ".join(title.split()).casefold()
    for n, line in enumerate(lines[:4]):
        if " ".join(line.split()).casefold() == wanted:
            if all(len(before) <= 40 for before in lines[:n]):
                return "\n".join(lines[n + 1 :]).strip() or body
            break
    return body


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split()) if "\n" not in value else value.strip()
    return None


def _link(tree: Any, url: str) -> str | None:
    if tree is None:
        return None
    for node in tree.xpath("//link[@href]"):
        if "canonical" in (node.get("rel") or "").lower().split():
            try:
                return canonical_url(urljoin(url, node.get("href")))
            except ValueError:
                return None
    return None


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in a JSON-LD document, @graph included."""
    if isinstance(value, list):
        for item in value:
            yield from _objects(item)
    elif isinstance(value, dict):
        yield value
        yield from _objects(value.get("@graph"))


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds if k}


def _json_ld(tree: Any) -> dict[str, Any]:
    """The page's article object in JSON-LD (the first of an article type)."""
    best: dict[str, Any] = {}
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            document = json.loads(script.text or "")
        except ValueError:
            continue
        for item in _objects(document):
            kinds = _types(item)
            if kinds & (ARTICLE_TYPES - {"webpage"}):
                return item
            if kinds & ARTICLE_TYPES and not best:
                best = item
    return best


def _authors(value: Any) -> str | None:
    names = []
    for item in value if isinstance(value, list) else [value]:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(" ".join(name.split()))
    return ", ".join(names)[:200] or None


def _based_on(value: Any, url: str) -> str | None:
    for item in value if isinstance(value, list) else [value]:
        raw = item.get("url") or item.get("@id") if isinstance(item, dict) else item
        if isinstance(raw, str) and raw.strip():
            try:
                return canonical_url(urljoin(url, raw.strip()))
            except ValueError:
                continue
    return None
