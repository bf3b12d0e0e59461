"""What a feed lists: RSS/Atom read by feedparser, sitemaps (and Google News sitemaps) by lxml.

Each item gives the article's URL, the feed's GUID for it (RSS guid, Atom id; sitemaps have
none), and the title and publication time the feed states (fallbacks for extraction). A sitemap
index lists child sitemaps instead (`children`); a gzip body (`sitemap.xml.gz`) is inflated
first, never past the page size limit (`inflated`).
"""

import calendar
import zlib
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

import feedparser
from lxml import etree

from app.articles.urls import canonical_url
from app.tables import FeedKind

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
MAX_ITEMS = 5000
MAX_CHILDREN = 50  # of a sitemap index: the most recently modified


@dataclass(frozen=True)
class Listed:
    url: str  # canonical form
    guid: str | None
    title: str | None
    published_at: datetime | None


class NotAFeed(ValueError):
    """The body is neither RSS/Atom nor a sitemap."""


class TooLarge(NotAFeed):
    """A compressed body that inflates past the size limit."""


@dataclass(frozen=True)
class Child:
    url: str  # canonical form
    modified_at: datetime | None


def inflated(body: bytes, *, limit: int) -> bytes:
    """The body, gunzipped when it is gzip data (a `.xml.gz` sitemap is served as a file, not
    with Content-Encoding); TooLarge when it would inflate past `limit` bytes."""
    if body[:2] != b"\x1f\x8b":
        return body
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, limit + 1)
    except zlib.error as error:
        raise NotAFeed(f"not readable gzip ({error})") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise TooLarge(f"inflates past {limit} bytes")
    return out


def children(body: bytes, *, base_url: str) -> list[Child] | None:
    """The child sitemaps a sitemap index lists (the MAX_CHILDREN most recently modified,
    each once), or None when the body is not a sitemap index."""
    if b"<sitemapindex" not in body[:4096]:
        return None
    root = _xml(body)
    if etree.QName(root).localname != "sitemapindex":
        return None
    found: dict[str, Child] = {}
    for node in root.iter(f"{{{SITEMAP_NS}}}sitemap"):
        url = _url(node.findtext(f"{{{SITEMAP_NS}}}loc"), base_url)
        if url is not None and url not in found:
            modified = instant(node.findtext(f"{{{SITEMAP_NS}}}lastmod"))
            found[url] = Child(url=url, modified_at=modified)
    oldest = datetime.min.replace(tzinfo=UTC)
    ranked = sorted(found.values(), key=lambda c: c.modified_at or oldest, reverse=True)
    return ranked[:MAX_CHILDREN]


def _xml(body: bytes) -> Any:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as error:
        raise NotAFeed(f"not a sitemap ({error})") from None


def listed(body: bytes, *, kind: FeedKind, base_url: str) -> list[Listed]:
    """The articles the body lists, in its order, each URL once."""
    head = body[:4096].lower()
    if b"<urlset" in head or (
        kind == FeedKind.sitemap and b"<rss" not in head and b"<feed" not in head
    ):
        items = _sitemap(body, base_url)
    else:
        items = _feed(body, base_url)
    seen: set[str] = set()
    unique = []
    for item in items[:MAX_ITEMS]:
        if item.url not in seen:
            seen.add(item.url)
            unique.append(item)
    return unique


def _url(raw: str | None, base_url: str) -> str | None:
    if not raw:
        return None
    try:
        return canonical_url(urljoin(base_url, raw.strip()))
    except ValueError:
        return None


def _feed(body: bytes, base_url: str) -> list[Listed]:
    parsed = feedparser.parse(body, response_headers={"content-location": base_url})
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        raise NotAFeed(f"not an RSS or Atom feed ({parsed.get('bozo_exception') or 'no entries'})")
    items = []
    for entry in parsed.entries:
        url = _url(entry.get("link"), base_url)
        if url is None:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = (
            datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC) if stamp is not None else None
        )
        guid = (entry.get("id") or "").strip()[:1000] or None
        title = (entry.get("title") or "").strip()[:1000] or None
        items.append(Listed(url=url, guid=guid, title=title, published_at=published))
    return items


def _sitemap(body: bytes, base_url: str) -> list[Listed]:
    root = _xml(body)
    if etree.QName(root).localname != "urlset":
        raise NotAFeed(f"not a sitemap of pages (<{etree.QName(root).localname}>)")
    items = []
    for node in root.iter(f"{{{SITEMAP_NS}}}url"):
        url = _url(node.findtext(f"{{{SITEMAP_NS}}}loc"), base_url)
        if url is None:
            continue
        published = instant(
            node.findtext(f"{{{NEWS_NS}}}news/{{{NEWS_NS}}}publication_date")
            or node.findtext(f"{{{SITEMAP_NS}}}lastmod")
        )
        title = (node.findtext(f"{{{NEWS_NS}}}news/{{{NEWS_NS}}}title") or "").strip()
        items.append(Listed(url=url, guid=None, title=title[:1000] or None, published_at=published))
    return items


def instant(value: Any) -> datetime | None:
    """An ISO 8601 instant; a date alone is midnight UTC, a time without zone is UTC; None
    when unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
