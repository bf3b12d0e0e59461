"""schema.org ClaimReview JSON-LD: rendering a claim, and reading what fact-checkers publish.

Reading is tolerant by design. Real markup varies: `@context` http or https, prefixed terms
(`schema:claimReviewed`) or full IRIs, `@type` as a string or a list, authors as a string, an
object or a list, `itemReviewed` without appearances, ratings as strings, nodes referenced by
`@id` inside a `@graph`, Data Commons feeds (`DataFeed` / `dataFeedElement` / `item`), and the
Google Fact Check Tools `claims:search` response (`claims[].claimReview[]`), which is not
JSON-LD at all. Whatever cannot be used is dropped with a warning, never a failure.
"""

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

from pydantic import TypeAdapter, ValidationError

from app.claims.models import Claim
from app.core.types import Domain, LanguageTag
from app.reviews.models import JsonLd, Publisher, Review, ReviewCreate, check_scale

CONTEXT = "https://schema.org"
_SCHEMA_PREFIXES = ("schema:", "http://schema.org/", "https://schema.org/")
_DOMAIN = TypeAdapter(Domain)
_LANGUAGE = TypeAdapter(LanguageTag)
_MAX_NODES_SCANNED = 100_000


@dataclass(slots=True)
class Appearance:
    """A work in which the claim appears (schema.org `appearance` / `firstAppearance`)."""

    url: str | None
    headline: str | None = None
    date_published: date | datetime | None = None
    publisher_name: str | None = None
    publisher_site: str | None = None

    def problem(self) -> str | None:
        """Why this appearance cannot be recorded as an article, if it cannot."""
        if not self.url:
            return "no url"
        if not self.headline:
            return "no headline (an article needs a title)"
        if self.date_published is None:
            return "no datePublished (an article needs a publication date)"
        return None


@dataclass(slots=True)
class Incoming:
    """One ClaimReview or Claim found in an imported document, as plain fields."""

    index: int
    type: str
    url: str | None = None
    claim_text: str | None = None
    claimant: str | None = None
    claim_date: date | None = None
    appearances: list[Appearance] = field(default_factory=list)
    title: str | None = None
    review_date: date | None = None
    publisher_name: str | None = None
    publisher_url: str | None = None
    textual_rating: str | None = None
    rating_value: Any = None
    best_rating: Any = None
    worst_rating: Any = None
    language: Any = None
    warnings: list[str] = field(default_factory=list)


# ---- rendering ------------------------------------------------------------------------------


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value.is_integer() else value


def _instant(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _without_none(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if value is not None}


def _organization(name: str, site: str | None) -> JsonLd:
    return _without_none(
        {"@type": "Organization", "name": name, "url": f"https://{site}" if site else None}
    )


def _creative_work(appearance: Appearance) -> JsonLd:
    published = appearance.date_published
    return _without_none(
        {
            "@type": "CreativeWork",
            "url": appearance.url,
            "headline": appearance.headline,
            "datePublished": _instant(published) if isinstance(published, datetime) else None,
            "publisher": _organization(appearance.publisher_name, appearance.publisher_site)
            if appearance.publisher_name
            else None,
        }
    )


def _claim_node(claim: Claim, appearances: list[Appearance]) -> JsonLd:
    works = [_creative_work(appearance) for appearance in appearances]
    # When the claim was made or entered public discourse: its date if known, else the UTC
    # date of its first report.
    made = claim.claim_date
    first = appearances[0].date_published if appearances else None
    if made is None and isinstance(first, datetime):
        made = first.astimezone(UTC).date()
    return _without_none(
        {
            "@type": "Claim",
            "text": claim.text,
            # Whether the claimant is a person or an organisation is not recorded: no @type.
            "author": {"name": claim.claimant} if claim.claimant else None,
            "datePublished": made.isoformat() if made else None,
            "appearance": works or None,
            "firstAppearance": works[0] if works else None,
        }
    )


def _review_node(review: Review, claim: Claim, item: JsonLd) -> JsonLd:
    rating = _without_none(
        {
            "@type": "Rating",
            "ratingValue": _number(review.rating_value),
            "bestRating": _number(review.best_rating),
            "worstRating": _number(review.worst_rating),
            "alternateName": review.textual_rating,
        }
    )
    return _without_none(
        {
            "@type": "ClaimReview",
            "url": review.url,
            "name": review.title,
            "datePublished": review.review_date.isoformat() if review.review_date else None,
            "inLanguage": review.language,
            "author": _organization(review.publisher_name, review.publisher_site),
            "claimReviewed": claim.text,
            "reviewRating": rating,
            "itemReviewed": item,
        }
    )


def render(*, claim: Claim, appearances: list[Appearance], reviews: list[Review]) -> JsonLd:
    """A Claim node when there is no review, one ClaimReview, or a @graph of several."""
    item = _claim_node(claim, appearances)
    if not reviews:
        return {"@context": CONTEXT, **item}
    nodes = [_review_node(review, claim, item) for review in reviews]
    if len(nodes) == 1:
        return {"@context": CONTEXT, **nodes[0]}
    return {"@context": CONTEXT, "@graph": nodes}


# ---- reading --------------------------------------------------------------------------------


def _local(key: str) -> str:
    for prefix in _SCHEMA_PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


def _types(node: dict[str, Any]) -> list[str]:
    raw = node.get("@type", node.get("type"))
    values = raw if isinstance(raw, list) else [raw]
    return [_local(value) for value in values if isinstance(value, str)]


class _Graph:
    """Property access by local name, with `{"@id": ...}` references resolved in-document."""

    def __init__(self, nodes: dict[str, dict[str, Any]]) -> None:
        self.nodes = nodes

    def resolve(self, value: Any) -> Any:
        if isinstance(value, dict) and set(value) == {"@id"}:
            return self.nodes.get(str(value["@id"]), value)
        return value

    def all(self, node: Any, name: str) -> list[Any]:
        if not isinstance(node, dict):
            return []
        values: list[Any] = []
        for key, value in node.items():
            if isinstance(key, str) and _local(key) == name:
                values.extend(value if isinstance(value, list) else [value])
        return [self.resolve(value) for value in values if value is not None]

    def one(self, node: Any, *names: str) -> Any:
        for name in names:
            values = self.all(node, name)
            if values:
                return values[0]
        return None

    def text(self, node: Any, *names: str) -> str | None:
        return _text(self.one(node, *names))

    def name(self, value: Any) -> str | None:
        """A person's or organisation's name: a string, or an object's name."""
        value = self.resolve(value)
        if isinstance(value, dict):
            return _text(self.one(value, "name", "alternateName"))
        return _text(value)


def _text(value: Any) -> str | None:
    if isinstance(value, dict):  # {"@value": ...}, an IRI {"@id": ...}, or a named node
        value = value.get("@value", value.get("@id", value.get("name")))
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _date(value: Any) -> date | None:
    text = _text(value)
    if text is None:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _instant_or_date(value: Any) -> date | datetime | None:
    text = _text(value)
    if text is None:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return _date(text)
    if len(text) <= 10:
        return parsed.date()
    # Naive times are read as UTC: ClaimReview markup rarely states an offset.
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def domain_of(value: str | None) -> str | None:
    """The registrable host of a URL or domain string, normalised; None when there is none."""
    if not value:
        return None
    host = urlsplit(value if "//" in value else f"//{value}").hostname
    if not host:
        return None
    try:
        return _DOMAIN.validate_python(host)
    except ValidationError:
        return None


def slugify(name: str) -> str:
    """A url-safe slug for an outlet created from a publisher's name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower())[:60].strip("-")
    return slug or "publisher"


def _nodes(document: Any) -> Iterator[Any]:
    """Every candidate node: list items, @graph members, DataFeed items, in document order."""
    stack = [document]
    scanned = 0
    while stack and scanned < _MAX_NODES_SCANNED:
        node = stack.pop(0)
        scanned += 1
        if isinstance(node, list):
            stack[:0] = node
        elif isinstance(node, dict):
            if "@graph" in node:
                stack[:0] = node["@graph"] if isinstance(node["@graph"], list) else [node["@graph"]]
            elif "DataFeed" in _types(node) or "dataFeedElement" in node:
                elements = node.get("dataFeedElement", [])
                elements = elements if isinstance(elements, list) else [elements]
                stack[:0] = [
                    element.get("item", element) if isinstance(element, dict) else element
                    for element in elements
                ]
            else:
                yield node


def _index(document: Any) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    stack = [document]
    while stack and len(found) < _MAX_NODES_SCANNED:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            if isinstance(node.get("@id"), str) and len(node) > 1:
                found.setdefault(node["@id"], node)
            stack.extend(value for value in node.values() if isinstance(value, dict | list))
    return found


def parse(document: Any) -> list[Incoming]:
    """The ClaimReviews and Claims in a document (JSON-LD or a claims:search response)."""
    if isinstance(document, dict) and isinstance(document.get("claims"), list):
        return _from_fact_check_tools(document["claims"])
    graph = _Graph(_index(document))
    found: list[Incoming] = []
    for node in _nodes(document):
        types = _types(node)
        index = len(found)
        if "ClaimReview" in types:
            found.append(_claim_review(graph, node, index))
        elif "Claim" in types:
            found.append(_claim(graph, node, Incoming(index=index, type="Claim")))
        elif not _is_reference(node):
            found.append(Incoming(index=index, type=types[0] if types else "untyped"))
    return found


def _is_reference(node: dict[str, Any]) -> bool:
    # Organizations, WebPages, images... that a @graph holds beside the reviews they describe.
    return bool(
        {"Organization", "Person", "WebPage", "WebSite", "ImageObject", "BreadcrumbList"}
        & set(_types(node))
    )


def _appearances(graph: _Graph, node: Any) -> list[Appearance]:
    seen: dict[str, Appearance] = {}
    anonymous: list[Appearance] = []
    for value in [*graph.all(node, "firstAppearance"), *graph.all(node, "appearance")]:
        if isinstance(value, str):
            appearance = Appearance(url=_text(value))
        elif isinstance(value, dict):
            publisher = graph.one(value, "publisher")
            appearance = Appearance(
                url=graph.text(value, "url", "@id"),
                headline=graph.text(value, "headline", "name"),
                date_published=_instant_or_date(graph.one(value, "datePublished")),
                publisher_name=graph.name(publisher),
                publisher_site=graph.text(publisher, "url")
                if isinstance(publisher, dict)
                else None,
            )
        else:
            continue
        if appearance.url:
            seen.setdefault(appearance.url, appearance)
        else:
            anonymous.append(appearance)
    return [*seen.values(), *anonymous]


def _claim(graph: _Graph, item: Any, incoming: Incoming) -> Incoming:
    if not isinstance(item, dict):
        return incoming
    incoming.claim_text = incoming.claim_text or graph.text(item, "text", "name")
    claimant = graph.name(graph.one(item, "author", "creator"))
    incoming.claimant = claimant[:200] if claimant else None
    incoming.claim_date = _date(graph.one(item, "datePublished", "dateCreated"))
    incoming.appearances = _appearances(graph, item)
    return incoming


def _claim_review(graph: _Graph, node: dict[str, Any], index: int) -> Incoming:
    published = graph.one(node, "datePublished", "dateCreated")
    incoming = Incoming(
        index=index,
        type="ClaimReview",
        url=graph.text(node, "url", "@id"),
        claim_text=graph.text(node, "claimReviewed"),
        title=graph.text(node, "name", "headline"),
        review_date=_date(published),
        language=graph.one(node, "inLanguage"),
    )
    if published is not None and incoming.review_date is None:
        incoming.warnings.append(f"datePublished {_text(published)!r} is not a date; ignored")
    author = graph.one(node, "author", "publisher")
    incoming.publisher_name = graph.name(author)
    if isinstance(author, dict):
        incoming.publisher_url = graph.text(author, "url", "sameAs")
    rating = graph.one(node, "reviewRating")
    if isinstance(rating, dict):
        incoming.textual_rating = graph.text(rating, "alternateName", "name")
        incoming.rating_value = graph.one(rating, "ratingValue")
        incoming.best_rating = graph.one(rating, "bestRating")
        incoming.worst_rating = graph.one(rating, "worstRating")
    elif rating is not None:
        incoming.textual_rating = _text(rating)
    item = graph.one(node, "itemReviewed")
    if isinstance(item, dict) and (not _types(item) or "Claim" in _types(item)):
        _claim(graph, item, incoming)
    elif item is not None:
        incoming.warnings.append(
            f"itemReviewed of type {', '.join(_types(item)) or 'unknown'} is not a Claim; ignored"
        )
    return incoming


def _from_fact_check_tools(claims: list[Any]) -> list[Incoming]:
    found: list[Incoming] = []
    for claim in claims:
        if not isinstance(claim, dict):
            continue
        reviews = claim.get("claimReview")
        for review in reviews if isinstance(reviews, list) else []:
            if not isinstance(review, dict):
                continue
            publisher = review.get("publisher") if isinstance(review.get("publisher"), dict) else {}
            found.append(
                Incoming(
                    index=len(found),
                    type="ClaimReview",
                    url=_text(review.get("url")),
                    claim_text=_text(claim.get("text")),
                    claimant=(_text(claim.get("claimant")) or "")[:200] or None,
                    claim_date=_date(claim.get("claimDate")),
                    title=_text(review.get("title")),
                    review_date=_date(review.get("reviewDate")),
                    publisher_name=_text(publisher.get("name")),
                    publisher_url=_text(publisher.get("site")),
                    textual_rating=_text(review.get("textualRating")),
                    language=review.get("languageCode"),
                )
            )
    return found


def _rating_number(value: Any, name: str, warnings: list[str]) -> float | None:
    text = _text(value)
    if text is None:
        return None
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        warnings.append(f"{name} {text!r} is not a number; ignored")
        return None
    if number != number or abs(number) > 1e6:
        warnings.append(f"{name} {text!r} is out of range; ignored")
        return None
    return number


def review_create(node: Incoming, *, url: str) -> ReviewCreate | None:
    """The review fields of an incoming ClaimReview, cleaned; None when it has no verdict."""
    warnings = node.warnings
    value = _rating_number(node.rating_value, "ratingValue", warnings)
    best = _rating_number(node.best_rating, "bestRating", warnings)
    worst = _rating_number(node.worst_rating, "worstRating", warnings)
    try:
        check_scale(value, best, worst)
    except ValueError as exc:
        warnings.append(f"numeric rating ignored: {exc}")
        value = best = worst = None
    textual = (node.textual_rating or "")[:200] or None
    if textual is None and value is None:
        return None
    language = _language(node.language, warnings)
    site = domain_of(node.publisher_url) or domain_of(url)
    name = node.publisher_name or site or "Unknown publisher"
    if node.publisher_name is None:
        warnings.append(f"no author/publisher name; using {name!r}")
    title = node.title[:1000] if node.title else None
    return ReviewCreate(
        publisher=Publisher(name=name[:200], site=site),
        url=url,
        title=title,
        review_date=node.review_date,
        textual_rating=textual,
        rating_value=value,
        best_rating=best,
        worst_rating=worst,
        language=language,
    )


def _language(value: Any, warnings: list[str]) -> str | None:
    if isinstance(value, dict):  # {"@type": "Language", "name": "English", "alternateName": "en"}
        value = value.get("alternateName") or value.get("name")
    text = _text(value)
    if text is None:
        return None
    try:
        return _LANGUAGE.validate_python(text)
    except ValidationError:
        warnings.append(f"inLanguage {text!r} is not a BCP 47 tag; ignored")
        return None
