"""Reading ClaimReview as fact-checkers publish it, into plain `Incoming` fields.

Reading is tolerant by design. Real markup varies: `@context` http or https, prefixed terms
(`schema:claimReviewed`) or full IRIs, `@type` as a string or a list, authors as a string, an
object or a list, `itemReviewed` a `Claim` or a `CreativeWork` (a post, a video), ratings as
strings, nodes referenced by `@id` inside a `@graph`, Data Commons feeds (`DataFeed` /
`dataFeedElement` / `item`, or one bare `DataFeedItem`), HTML entities, relative URLs, and the
Google Fact Check Tools `claims:search` response (`claims[].claimReview[]`, or one bare claim
object), which is not JSON-LD at all. Whatever cannot be used is dropped with a warning, never
a failure.
"""

import html
import re
import unicodedata
from collections.abc import Iterator
from datetime import UTC
from datetime import date
from datetime import datetime
from typing import Any
from urllib.parse import urljoin
from urllib.parse import urlsplit

from pydantic import TypeAdapter
from pydantic import ValidationError

from app.core.types import Domain
from app.reviews.claimreview import Appearance
from app.reviews.claimreview import AppearanceKind
from app.reviews.claimreview import Incoming

_SCHEMA_PREFIXES = ("schema:", "http://schema.org/", "https://schema.org/")
_DOMAIN = TypeAdapter(Domain)
_MAX_NODES_SCANNED = 100_000
# The claimant column holds 500 characters (app/claims/models.py, migration 1200).
CLAIMANT_MAX = 500
_POST_TYPES = {"SocialMediaPosting", "DiscussionForumPosting", "Comment", "BlogPosting"}
_MEDIA_TYPES = {"VideoObject", "MediaObject", "ImageObject", "AudioObject", "Clip"}
_PLATFORMS = {
    "twitter.com": "post",
    "x.com": "post",
    "facebook.com": "post",
    "fb.watch": "media",
    "instagram.com": "post",
    "threads.net": "post",
    "t.me": "post",
    "reddit.com": "post",
    "linkedin.com": "post",
    "tiktok.com": "media",
    "youtube.com": "media",
    "youtu.be": "media",
    "kwai.com": "media",
}
# Where a claim appears or is carried: a Claim, or the work (post, video, article) itself.
_ITEM_TYPES = {"Claim", "CreativeWork", "Article", "NewsArticle"} | _POST_TYPES | _MEDIA_TYPES
_HOST_LIKE = re.compile(r"^[\w-]+(\.[\w-]+)+(:\d+)?(/|$)", re.UNICODE)


def local_name(key: str) -> str:
    """A term without its schema.org prefix or IRI."""
    for prefix in _SCHEMA_PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


def _types(node: dict[str, Any]) -> list[str]:
    raw = node.get("@type", node.get("type"))
    values = raw if isinstance(raw, list) else [raw]
    # " MediaReview" (a stray space) was seen in published markup.
    return [local_name(value.strip()) for value in values if isinstance(value, str)]


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
            if isinstance(key, str) and local_name(key) == name:
                values.extend(value if isinstance(value, list) else [value])
        return [self.resolve(value) for value in values if value is not None]

    def one(self, node: Any, *names: str) -> Any:
        for name in names:
            values = self.all(node, name)
            if values:
                return values[0]
        return None

    def text(self, node: Any, *names: str) -> str | None:
        return text_of(self.one(node, *names))

    def name(self, value: Any) -> str | None:
        """A person's or organisation's name: a string, or an object's name."""
        value = self.resolve(value)
        if isinstance(value, dict):
            return text_of(self.one(value, "name", "alternateName"))
        return text_of(value)


def text_of(value: Any) -> str | None:
    """A JSON-LD value as one line of text (entities decoded), else None."""
    if isinstance(value, dict):  # {"@value": ...}, an IRI {"@id": ...}, or a named node
        value = value.get("@value", value.get("@id", value.get("name")))
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str):
        return None
    # Markup copied from HTML often keeps its entities: "Manmohan Singh&#039;s".
    value = " ".join(html.unescape(value).split())
    return value or None


def _date(value: Any) -> date | None:
    text = text_of(value)
    if text is None:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _instant_or_date(value: Any) -> date | datetime | None:
    text = text_of(value)
    if text is None:
        return None
    # "2017-03-01 20:30:17 UTC" is seen as often as the ISO form.
    text = re.sub(r"\s*(UTC|GMT|Z)$", "+00:00", text)
    try:
        parsed = datetime.fromisoformat(text)
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
            elif "DataFeedItem" in _types(node) and "item" in node:
                stack[:0] = node["item"] if isinstance(node["item"], list) else [node["item"]]
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
    if isinstance(document, dict) and isinstance(document.get("claimReview"), list):
        return _from_fact_check_tools([document])  # one claims:search claim, unwrapped
    graph = _Graph(_index(document))
    base = _document_url(graph)
    found: list[Incoming] = []
    for node in _nodes(document):
        types = _types(node)
        index = len(found)
        if "ClaimReview" in types:
            found.append(_claim_review(graph, node, index, base))
        elif "MediaReview" in types:
            found.append(_media_review(graph, node, index, base))
        elif "Claim" in types:
            found.append(_claim(graph, node, Incoming(index=index, type="Claim"), base))
        elif not _is_reference(node):
            found.append(Incoming(index=index, type=types[0] if types else "untyped"))
    return found


def _document_url(graph: _Graph) -> str | None:
    """The page the markup came from (a WebPage's url), to resolve relative URLs against."""
    for node in graph.nodes.values():
        if {"WebPage", "WebSite"} & set(_types(node)):
            for candidate in (text_of(node.get("url")), text_of(node.get("@id"))):
                if candidate and urlsplit(candidate).scheme in ("http", "https"):
                    return candidate
    return None


def resolve_url(value: str | None, base: str | None, warnings: list[str]) -> str | None:
    """An absolute URL: scheme-less hosts get https, relative paths are joined to `base`."""
    if not value or urlsplit(value).scheme:
        return value
    if value.startswith("//"):
        resolved = f"https:{value}"
    elif _HOST_LIKE.match(value):
        resolved = f"https://{value}"
    elif base is not None:
        resolved = urljoin(base, value)
    else:
        return value
    warnings.append(f"url {value!r} resolved to {resolved!r}")
    return resolved


def _kind(types: list[str], url: str | None) -> AppearanceKind:
    if _POST_TYPES & set(types):
        return "post"
    if _MEDIA_TYPES & set(types):
        return "media"
    host = domain_of(url) or ""
    for platform, kind in _PLATFORMS.items():
        if host == platform or host.endswith(f".{platform}"):
            return kind  # type: ignore[return-value]
    return "article"


def _is_reference(node: dict[str, Any]) -> bool:
    # Organizations, WebPages, images... that a @graph holds beside the reviews they describe.
    return bool(
        {"Organization", "Person", "WebPage", "WebSite", "ImageObject", "BreadcrumbList"}
        & set(_types(node))
    )


def _appearance(graph: _Graph, value: Any, base: str | None, warnings: list[str]) -> Any:
    if isinstance(value, str):
        url = resolve_url(text_of(value), base, warnings)
        return Appearance(url=url, kind=_kind([], url))
    if not isinstance(value, dict):
        return None
    publisher = graph.one(value, "publisher", "author")
    # A media item is found by its page or file; a snapshot by where it was accessed.
    url = resolve_url(
        graph.text(value, "url", "contentUrl", "embedUrl", "accessedOnUrl", "@id"),
        base,
        warnings,
    )
    return Appearance(
        url=url,
        headline=graph.text(value, "headline", "name"),
        date_published=_instant_or_date(graph.one(value, "datePublished", "uploadDate")),
        publisher_name=graph.name(publisher),
        publisher_site=graph.text(publisher, "url") if isinstance(publisher, dict) else None,
        kind=_kind(_types(value), url),
    )


def _appearances(
    graph: _Graph, node: Any, base: str | None, warnings: list[str]
) -> list[Appearance]:
    seen: dict[str, Appearance] = {}
    anonymous: list[Appearance] = []
    for value in [*graph.all(node, "firstAppearance"), *graph.all(node, "appearance")]:
        appearance = _appearance(graph, value, base, warnings)
        if appearance is None:
            continue
        if appearance.url:
            seen.setdefault(appearance.url, appearance)
        else:
            anonymous.append(appearance)
    return [*seen.values(), *anonymous]


def _claimed(graph: _Graph, incoming: Incoming, *, author: Any, made: Any) -> None:
    """Who made the reviewed claim and when (`made`'s datePublished or dateCreated), and what the
    document said of both, kept for a faithful export."""
    date = graph.one(made, "datePublished", "dateCreated")
    incoming.claimant = claimant(graph.name(author), incoming)
    incoming.claim_date = _date(date)
    incoming.original["itemReviewed"] = {
        "author": _given_agent(graph, author),
        "datePublished": text_of(date) if incoming.claim_date else None,
    }


def _claim(graph: _Graph, item: Any, incoming: Incoming, base: str | None) -> Incoming:
    if not isinstance(item, dict):
        return incoming
    incoming.claim_text = incoming.claim_text or graph.text(item, "text", "name")
    _claimed(graph, incoming, author=graph.one(item, "author", "creator"), made=item)
    incoming.appearances = _appearances(graph, item, base, incoming.warnings)
    if graph.one(item, "url") is not None:
        if "Claim" in _types(item):
            # A Claim's own url is where the claim was made (a post, its archived copy):
            # AFP's markup gives it there instead of in `appearance`.
            work = _appearance(graph, graph.text(item, "url"), base, incoming.warnings)
        else:
            # The reviewed work itself (a post, a video) is where the claim appears.
            work = _appearance(graph, item, base, incoming.warnings)
            if work is not None and graph.one(item, "publisher") is None:
                # The work's author is the claimant, not its publisher: the outlet is its site.
                work.publisher_name = work.publisher_site = None
        if work is not None and work.url not in {a.url for a in incoming.appearances}:
            incoming.appearances.insert(0, work)
    return incoming


def _given_agent(graph: _Graph, value: Any) -> dict[str, str] | None:
    """A person or organisation as given: its type, whole name and url (nothing else)."""
    value = graph.resolve(value)
    name = graph.name(value)
    url = graph.text(value, "url") if isinstance(value, dict) else None
    if name is None and url is None:
        return None
    given = {"name": name} if name is not None else {}
    if isinstance(value, dict):
        types = _types(value)
        url = graph.text(value, "url")
        given |= {"@type": types[0]} if types else {}
        given |= {"url": url} if url else {}
    return given


def _given_scalar(value: Any) -> Any:
    """A JSON string or number as given (its type kept), else None."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return text_of(value) if isinstance(value, str) else value


def claimant(name: str | None, incoming: Incoming) -> str | None:
    """The claimant, cut at a word boundary with a warning when longer than the column."""
    if name is None or len(name) <= CLAIMANT_MAX:
        return name
    cut = name[: CLAIMANT_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    incoming.warnings.append(
        f"claimant is {len(name)} characters; stored as the first {len(cut) - 1} "
        f"(claimants hold at most {CLAIMANT_MAX}), cut at a word boundary and ending in '…'"
    )
    return cut


def _claim_review(
    graph: _Graph, node: dict[str, Any], index: int, base: str | None, kind: str = "ClaimReview"
) -> Incoming:
    published = graph.one(node, "datePublished", "dateCreated")
    author = graph.one(node, "author", "publisher")
    own = graph.text(node, "url", "@id")
    author_url = graph.text(author, "url", "sameAs") if isinstance(author, dict) else None
    # Relative review URLs resolve against the page, else the fact-checker's own site.
    base = base or resolve_url(author_url, None, [])
    if own and urlsplit(own).scheme in ("http", "https"):
        base = own
    incoming = Incoming(
        index=index,
        type=kind,
        claim_text=graph.text(node, "claimReviewed"),
        title=graph.text(node, "name", "headline"),
        review_date=_date(published),
        language=graph.one(node, "inLanguage"),
    )
    incoming.url = resolve_url(own, base, incoming.warnings)
    incoming.original |= {
        "url": incoming.url,
        "author": _given_agent(graph, author) if isinstance(author, dict) else None,
        "datePublished": text_of(published),
    }
    if published is not None and incoming.review_date is None:
        incoming.warnings.append(f"datePublished {text_of(published)!r} is not a date; ignored")
    incoming.publisher_name = graph.name(author)
    incoming.publisher_url = author_url
    rating = graph.one(node, "reviewRating")
    if isinstance(rating, dict):
        incoming.textual_rating = graph.text(rating, "alternateName", "name")
        incoming.rating_value = graph.one(rating, "ratingValue")
        incoming.best_rating = graph.one(rating, "bestRating")
        incoming.worst_rating = graph.one(rating, "worstRating")
        given = {
            name: _given_scalar(value)
            for name, value in (
                ("ratingValue", incoming.rating_value),
                ("bestRating", incoming.best_rating),
                ("worstRating", incoming.worst_rating),
            )
        }
        incoming.original["reviewRating"] = given
        if {text_of(value) for value in given.values() if value is not None} == {"-1"}:
            # Published as -1 everywhere: "no numeric rating" (PolitiFact, Snopes).
            given["unrated"] = True
            incoming.rating_value = incoming.best_rating = incoming.worst_rating = None
    elif rating is not None:
        incoming.textual_rating = text_of(rating)
    item = graph.one(node, "itemReviewed")
    if isinstance(item, dict) and (not _types(item) or _ITEM_TYPES & set(_types(item))):
        _claim(graph, item, incoming, base)
    elif item is not None:
        incoming.warnings.append(
            f"itemReviewed of type {', '.join(_types(item)) or 'unknown'} is not a Claim; ignored"
        )
    _date_undated(incoming)
    return incoming


def _media_review(graph: _Graph, node: dict[str, Any], index: int, base: str | None) -> Incoming:
    """A MediaReview: a verdict on media (a video, a photo) as it was shared.

    Its claim is what the media was taken to show: `claimReviewed` when given, else the item's
    `interpretedAsClaim`, else the review's own headline. The media's appearances (the item
    itself when it is a media object, and every `mediaItemAppearance`) are appearances of kind
    `media`; its `creator` is the claimant.
    """
    # The item is read apart below; the ClaimReview reading does everything else.
    incoming = _claim_review(
        graph,
        {k: v for k, v in node.items() if local_name(k) != "itemReviewed"},
        index,
        base,
        kind="MediaReview",
    )
    given = graph.all(node, "mediaAuthenticityCategory")
    raw = [text_of(value) for value in given]
    incoming.media_category = next((value for value in raw if value), None)
    incoming.original["mediaAuthenticityCategory"] = (
        (given[0] if len(given) == 1 else given) if given else None
    )
    incoming.original["@type"] = "MediaReview"
    for name in ("originalMediaContextDescription", "originalMediaLink"):
        incoming.original[name] = graph.text(node, name)
    item = graph.one(node, "itemReviewed")
    if not isinstance(item, dict):
        if item is not None:
            incoming.warnings.append("itemReviewed is not an object; ignored")
        incoming.claim_text = incoming.claim_text or incoming.title
        return incoming
    interpreted = graph.one(item, "interpretedAsClaim")
    incoming.claim_text = (
        incoming.claim_text
        or graph.text(interpreted, "text", "description", "name")
        or incoming.title
    )
    author = graph.one(item, "creator", "author") or graph.one(interpreted, "author", "creator")
    _claimed(graph, incoming, author=author, made=interpreted)
    works = graph.all(item, "mediaItemAppearance")
    if "MediaReviewItem" not in _types(item):
        works = [item, *works]  # the item is the media object itself
    seen: set[str | None] = set()
    for work in works:
        appearance = _appearance(graph, work, base, incoming.warnings)
        if appearance is None or (appearance.url in seen and appearance.url is not None):
            continue
        seen.add(appearance.url)
        appearance.kind = "media" if appearance.kind == "article" else appearance.kind
        incoming.appearances.append(appearance)
    _date_undated(incoming)
    return incoming


def _date_undated(incoming: Incoming) -> None:
    """Date appearances published without a date by the claim's date, else the review's.

    Most published appearances (a post's URL) carry no date, and an article needs one. The
    claim's date is when it entered public discourse, so no appearance of it is earlier; the
    review's date is the latest it can be. The export gives them back without a date.
    """
    fallback = incoming.claim_date or incoming.review_date
    for appearance in incoming.appearances:
        if appearance.url and appearance.date_published is None and fallback is not None:
            appearance.date_published = fallback
            appearance.undated = True
            by = "claim" if incoming.claim_date else "review"
            incoming.warnings.append(
                f"appearance {appearance.url} has no datePublished; dated by the {by}'s "
                f"date {fallback.isoformat()} (exported without one)"
            )


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
            incoming = Incoming(index=len(found), type="ClaimReview")
            site = resolve_url(text_of(publisher.get("site")), None, [])
            found.append(
                Incoming(
                    index=len(found),
                    type="ClaimReview",
                    url=resolve_url(text_of(review.get("url")), site, incoming.warnings),
                    claim_text=text_of(claim.get("text")),
                    claimant=claimant(text_of(claim.get("claimant")), incoming),
                    claim_date=_date(claim.get("claimDate")),
                    title=text_of(review.get("title")),
                    review_date=_date(review.get("reviewDate")),
                    publisher_name=text_of(publisher.get("name")),
                    publisher_url=text_of(publisher.get("site")),
                    textual_rating=text_of(review.get("textualRating")),
                    language=review.get("languageCode"),
                    warnings=incoming.warnings,
                    original={
                        "url": resolve_url(text_of(review.get("url")), site, []),
                        "datePublished": text_of(review.get("reviewDate")),
                        "itemReviewed": {
                            "author": {"name": text_of(claim.get("claimant"))}
                            if text_of(claim.get("claimant"))
                            else None,
                            "datePublished": text_of(claim.get("claimDate")),
                        },
                    },
                )
            )
    return found
