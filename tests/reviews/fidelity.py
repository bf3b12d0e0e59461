"""Per-field fidelity of the ClaimReview corpus: what each document gave, and whether the
export gives the same value back (tests/data/claimreview/corpus/).

    CLAIMS_DATABASE_URL=sqlite:///... .venv/bin/python -m tests.reviews.fidelity

prints the table that docs/fact-checking.md quotes (the corpus test asserts the same figures).
"""

import html
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent / "data" / "claimreview" / "corpus"
REVIEW_TYPES = {"ClaimReview", "MediaReview"}

FIELDS = (
    "url",
    "claimReviewed",
    "author.name",
    "author.url",
    "datePublished",
    "reviewRating.alternateName",
    "reviewRating.values",
    "itemReviewed.author",
    "itemReviewed.datePublished",
    "appearances",
    "mediaAuthenticityCategory",
)


def documents() -> dict[str, Any]:
    return {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(CORPUS.glob("*.json"))
    }


def _types(node: dict[str, Any]) -> set[str]:
    raw = node.get("@type", node.get("type"))
    values = raw if isinstance(raw, list) else [raw]
    return {value.strip() for value in values if isinstance(value, str)}


def _walk(document: Any) -> Iterator[dict[str, Any]]:
    if isinstance(document, list):
        for item in document:
            yield from _walk(item)
    elif isinstance(document, dict):
        yield document
        for value in document.values():
            if isinstance(value, dict | list):
                yield from _walk(value)


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(html.unescape(value).split())
    return text or None


def _one(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def given_reviews(document: Any) -> list[dict[str, Any]]:
    """Each review in a corpus document as the essential fields it gives (as written)."""
    if isinstance(document, dict) and "claims" in document:
        return [
            {
                "url": review.get("url"),
                "claimReviewed": _text(claim.get("text")),
                "author.name": review.get("publisher", {}).get("name"),
                "reviewRating.alternateName": review.get("textualRating"),
                "itemReviewed.author": claim.get("claimant"),
            }
            for claim in document["claims"]
            for review in claim.get("claimReview", [])
        ]
    index = {n["@id"]: n for n in _walk(document) if isinstance(n.get("@id"), str) and len(n) > 1}

    def resolve(value: Any) -> Any:
        value = _one(value)
        if isinstance(value, dict) and set(value) == {"@id"}:
            return index.get(value["@id"], value)
        return value

    found = []
    for node in _walk(document):
        if not _types(node) & REVIEW_TYPES:
            continue
        author = resolve(node.get("author")) or {}
        rating = resolve(node.get("reviewRating")) or {}
        item = resolve(node.get("itemReviewed")) or {}
        claimant = resolve(item.get("author") or item.get("creator")) or {}
        appearances = [
            resolve(a)
            for key in ("appearance", "firstAppearance", "mediaItemAppearance")
            for a in (item.get(key) if isinstance(item.get(key), list) else [item.get(key)])
            if a
        ]
        if item.get("url") or item.get("contentUrl"):
            appearances.append(item)
        urls = sorted(
            {
                # `&amp;` left in a URL by the page's HTML is read as `&`.
                html.unescape(
                    a if isinstance(a, str) else a.get("url") or a.get("contentUrl") or ""
                )
                for a in appearances
            }
            - {""}
        )
        # An empty string is no number given ("bestRating": "" on BOOM's pages).
        values = {
            k: None if rating.get(k) == "" else rating.get(k)
            for k in ("ratingValue", "bestRating", "worstRating")
        }
        found.append(
            {
                "url": node.get("url") or None,
                "claimReviewed": _text(node.get("claimReviewed")),
                # Names are read as one line of text, entities decoded.
                "author.name": _text(author.get("name")) if isinstance(author, dict) else None,
                "author.url": author.get("url") if isinstance(author, dict) else None,
                "datePublished": node.get("datePublished") or None,
                "reviewRating.alternateName": _text(rating.get("alternateName")),
                "reviewRating.values": values
                if any(v is not None for v in values.values())
                else None,
                "itemReviewed.author": _text(claimant.get("name"))
                if isinstance(claimant, dict)
                else _text(claimant),
                "itemReviewed.datePublished": item.get("datePublished") or None
                if "interpretedAsClaim" not in item
                else None,
                "appearances": urls or None,
                "mediaAuthenticityCategory": node.get("mediaAuthenticityCategory"),
            }
        )
    return found


def exported_fields(node: dict[str, Any]) -> dict[str, Any]:
    """The same essential fields read from one exported ClaimReview or MediaReview node."""
    item = node.get("itemReviewed", {})
    claim = item.get("interpretedAsClaim", item)
    works = [*item.get("appearance", []), *item.get("mediaItemAppearance", [])]
    rating = node.get("reviewRating", {})
    values = {k: rating.get(k) for k in ("ratingValue", "bestRating", "worstRating")}
    author = item.get("author") or item.get("creator") or {}
    return {
        "url": node.get("url"),
        "claimReviewed": node.get("claimReviewed") or claim.get("text"),
        "author.name": node.get("author", {}).get("name"),
        "author.url": node.get("author", {}).get("url"),
        "datePublished": node.get("datePublished"),
        "reviewRating.alternateName": rating.get("alternateName"),
        "reviewRating.values": values if any(v is not None for v in values.values()) else None,
        "itemReviewed.author": author.get("name"),
        "itemReviewed.datePublished": item.get("datePublished"),
        "appearances": sorted({w["url"] for w in works if w.get("url")}) or None,
        "mediaAuthenticityCategory": node.get("mediaAuthenticityCategory"),
    }


def _same(field: str, given: Any, exported: Any) -> bool:
    if field == "reviewRating.values":
        # The JSON types count: "1" is not 1.
        return json.dumps(given) == json.dumps(exported)
    if field == "appearances":
        return set(given) <= set(exported or ())
    return bool(given == exported)


def compare(given: dict[str, Any], exported: dict[str, Any]) -> dict[str, str]:
    """Per field: `kept` (exported as given), `changed`, or `absent` (not given)."""
    return {
        field: "absent"
        if given.get(field) is None
        else ("kept" if _same(field, given[field], exported.get(field)) else "changed")
        for field in FIELDS
    }


def table(outcomes: list[dict[str, str]]) -> str:
    """A Markdown table: per field, how many reviews gave it and how many kept it exactly."""
    lines = ["| field | given | exported as given |", "| --- | --- | --- |"]
    for field in FIELDS:
        counted = Counter(outcome[field] for outcome in outcomes)
        given = counted["kept"] + counted["changed"]
        lines.append(f"| `{field}` | {given} | {counted['kept']} |")
    return "\n".join(lines)
