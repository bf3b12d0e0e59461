"""What feeds, sitemaps and robots.txt say, read without a network."""

from datetime import UTC
from datetime import datetime

import pytest

from app.core.config import Settings
from app.feeds import robots
from app.feeds.extract import extract
from app.feeds.parse import Listed
from app.feeds.parse import NotAFeed
from app.feeds.parse import listed
from app.feeds.service import host_delay
from app.tables import CrawlHost
from app.tables import FeedKind

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Globe</title>
  <id>urn:globe</id>
  <updated>2026-11-02T12:00:00Z</updated>
  <entry>
    <title>Talks resume</title>
    <id>tag:globe.example,2026:talks</id>
    <link rel="alternate" href="/world/talks"/>
    <updated>2026-11-02T12:00:00+02:00</updated>
  </entry>
  <entry>
    <title>Talks resume (again listed)</title>
    <id>tag:globe.example,2026:talks-2</id>
    <link rel="alternate" href="https://globe.example/world/talks#top"/>
  </entry>
</feed>"""


def test_an_atom_feed_lists_each_url_once_with_its_id_and_time() -> None:
    items = listed(ATOM, kind=FeedKind.feed, base_url="https://globe.example/feeds/atom.xml")
    assert items == [
        Listed(
            url="https://globe.example/world/talks",
            guid="tag:globe.example,2026:talks",
            title="Talks resume",
            published_at=datetime(2026, 11, 2, 10, 0, tzinfo=UTC),
        )
    ]


def test_a_google_news_sitemap_is_read_whatever_kind_was_given() -> None:
    body = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
        b"<loc>https://globe.example/a?utm_medium=x</loc><news:news>"
        b"<news:publication_date>2026-11-02</news:publication_date>"
        b"<news:title>A</news:title></news:news></url></urlset>"
    )
    items = listed(body, kind=FeedKind.feed, base_url="https://globe.example/sitemap.xml")
    assert items == [
        Listed(
            url="https://globe.example/a",
            guid=None,
            title="A",
            published_at=datetime(2026, 11, 2, tzinfo=UTC),
        )
    ]


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (b"<html><body>not a feed</body></html>", FeedKind.feed),
        (b"<html><body>not a feed</body></html>", FeedKind.sitemap),
        (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', FeedKind.sitemap),
    ],
)
def test_a_body_that_lists_nothing_readable_is_not_a_feed(body: bytes, kind: FeedKind) -> None:
    with pytest.raises(NotAFeed):
        listed(body, kind=kind, base_url="https://globe.example/x")


def test_robots_answers_follow_rfc_9309() -> None:
    agent = "CorroborateBot/0.2"
    rules = robots.rules_for(
        200, b"User-agent: corroboratebot\nDisallow: /drafts/\nCrawl-delay: 7\n"
    )
    assert robots.allowed(rules, "https://globe.example/world/a", agent)
    assert not robots.allowed(rules, "https://globe.example/drafts/a", agent)
    assert robots.crawl_delay(rules, agent) == 7.0
    assert robots.allowed(robots.rules_for(404, b""), "https://globe.example/drafts/a", agent)
    assert not robots.allowed(robots.rules_for(503, b""), "https://globe.example/a", agent)
    assert not robots.allowed(robots.rules_for(None, b""), "https://globe.example/a", agent)


def test_the_host_delay_is_the_longest_asked_for() -> None:
    settings = Settings(feeds_min_delay_seconds=5)
    assert host_delay(CrawlHost(host="https://a.example"), settings) == 5.0
    assert host_delay(CrawlHost(host="https://a.example", min_delay_seconds=9), settings) == 9.0
    assert host_delay(CrawlHost(host="https://a.example", crawl_delay_seconds=12), settings) == 12.0


def test_a_page_without_metadata_extracts_what_it_has() -> None:
    page = extract(
        "<html><head><title>Plain</title></head><body><p>"
        + "Words of a plain page with no metadata at all. " * 10
        + "</p></body></html>",
        url="https://globe.example/plain",
    )
    assert (page.canonical_url, page.is_based_on, page.published_at) == (None, None, None)
    assert page.body is not None
    assert page.body.startswith("Words of a plain page")
