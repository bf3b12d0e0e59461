"""The crawler against the loopback fixture site, asserted from the site's request log."""

from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from itertools import pairwise

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy import update

from app.core.columns import utcnow
from app.core.unit_of_work import transaction
from app.tables import Article
from app.tables import EntryState
from app.tables import Feed
from app.tables import FeedEntry
from tests.factories import Factory
from tests.feeds.conftest import MIN_DELAY
from tests.feeds.server import Page
from tests.feeds.server import Site


def _add_feed(client: TestClient, slug: str, url: str, kind: str = "feed") -> int:
    response = client.post(f"/v1/outlets/{slug}/feeds", json={"url": url, "kind": kind})
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def _publish(site: Site) -> None:
    site.file("/robots.txt", "robots.txt")
    site.file("/feed.xml", "feed.xml", etag='"feed-v1"')
    site.file("/sitemap.xml", "sitemap.xml")
    site.file("/news/nato-spending", "nato-spending.html")
    site.file("/amp/nato-spending", "nato-spending.html")
    site.file("/news/bridge-reopens", "bridge-reopens.html")
    site.file("/private/memo", "bridge-reopens.html")
    site.file("/news/council-budget", "council-budget.html")
    site.file("/old/council-budget", "council-budget.html", status=301)
    site.pages["/old/council-budget"].headers["Location"] = "/news/council-budget"


def _articles(engine: Engine) -> dict[str, Article]:
    with transaction(engine, write=False) as session:
        return {a.url: a for a in session.scalars(select(Article))}


def test_a_feed_is_crawled_politely_and_each_article_fetched_once(
    feeds_client: TestClient,
    factory: Factory,
    engine: Engine,
    site: Site,
    crawl: Callable[..., int],
) -> None:
    _publish(site)
    outlet = factory.outlet(slug="planet", name="The Daily Planet")
    _add_feed(feeds_client, outlet.slug, f"{site.base}/feed.xml")
    _add_feed(feeds_client, outlet.slug, f"{site.base}/sitemap.xml", kind="sitemap")

    crawl()

    paths = [hit.path for hit in site.hits()]
    # robots.txt first, then each page once: the AMP page shares the GUID of the first item,
    # the sitemap lists two pages the feed listed, the redirect is followed as its own request.
    assert paths[0] == "/robots.txt"
    assert sorted(paths) == sorted(
        [
            "/robots.txt",
            "/feed.xml",
            "/sitemap.xml",
            "/news/nato-spending",
            "/news/bridge-reopens",  # tracking parameters dropped
            "/old/council-budget",
            "/news/council-budget",
        ]
    )
    assert not [p for p in paths if p.startswith("/private/")]  # robots.txt disallows it
    assert min(site.gaps()) >= MIN_DELAY, site.gaps()

    articles = _articles(engine)
    base = site.base
    nato = articles[f"{base}/news/nato-spending"]
    assert nato.title == "NATO ministers agree to raise spending"
    assert nato.author == "Lois Lane"
    # JSON-LD datePublished wins over the meta tag and the feed's pubDate.
    assert nato.published_at == datetime(2026, 11, 2, 7, 5, tzinfo=UTC)
    assert nato.body_simhash is not None  # the body was fingerprinted, not stored
    bridge = articles[f"{base}/news/bridge-reopens"]
    assert (bridge.author, bridge.published_at) == (
        "Jimmy Olsen",
        datetime(2026, 11, 2, 9, 30, tzinfo=UTC),
    )
    council = articles[f"{base}/news/council-budget"]
    assert council.published_at == datetime(2026, 11, 2, 11, 0, tzinfo=UTC)
    assert len(articles) == 3

    with transaction(engine, write=False) as session:
        states = {e.first_url: e.state for e in session.scalars(select(FeedEntry))}
    assert states == {
        f"{base}/news/nato-spending": EntryState.fetched,
        f"{base}/news/bridge-reopens": EntryState.fetched,
        f"{base}/private/memo": EntryState.disallowed,
        f"{base}/old/council-budget": EntryState.fetched,
    }

    # Read again: the unchanged feed costs one conditional request answered 304.
    before = len(site.hits())
    with transaction(engine, write=True) as session:
        session.execute(update(Feed).values(next_poll_at=utcnow()))
    crawl()
    again = site.hits()[before:]
    feed_hits = [hit for hit in again if hit.path == "/feed.xml"]
    assert [(h.status, h.if_none_match) for h in feed_hits] == [(304, '"feed-v1"')], [
        (h.path, h.status, h.if_none_match) for h in site.hits()
    ]
    assert {hit.path for hit in again} == {"/feed.xml", "/sitemap.xml"}  # no page again
    assert min(site.gaps()) >= MIN_DELAY


def test_a_429_is_honoured(
    feeds_client: TestClient, factory: Factory, site: Site, crawl: Callable[..., int]
) -> None:
    _publish(site)
    site.pages["/feed.xml"].statuses = [429]  # Retry-After: 1
    outlet = factory.outlet(slug="planet", name="The Daily Planet")
    _add_feed(feeds_client, outlet.slug, f"{site.base}/feed.xml")

    crawl()

    hits = site.hits()
    assert [(h.path, h.status) for h in hits[:3]] == [
        ("/robots.txt", 200),
        ("/feed.xml", 429),
        ("/feed.xml", 200),
    ]
    assert hits[2].at - hits[1].at >= 1.0  # CLAIMS_FEEDS_DELAY_AFTER_429_SECONDS in the tests
    assert min(site.gaps()) >= MIN_DELAY


def test_a_failing_feed_backs_off_and_is_disabled(
    feeds_client: TestClient, factory: Factory, site: Site, crawl: Callable[..., int]
) -> None:
    site.file("/robots.txt", "robots.txt")
    site.file("/feed.xml", "feed.xml", status=500)
    outlet = factory.outlet(slug="planet", name="The Daily Planet")
    feed_id = _add_feed(feeds_client, outlet.slug, f"{site.base}/feed.xml")

    crawl()

    feed_hits = site.hits("/feed.xml")
    assert [h.status for h in feed_hits] == [500, 500, 500]  # CLAIMS_FEEDS_MAX_FAILURES: 3
    gaps = [b.at - a.at for a, b in pairwise(feed_hits)]
    assert gaps[0] >= 2 * MIN_DELAY  # the wait doubles with each failure
    assert gaps[1] >= 1.0  # ... up to CLAIMS_FEEDS_BACKOFF_MAX_SECONDS
    health = feeds_client.get(f"/v1/outlets/{outlet.slug}/feeds/{feed_id}").json()["health"]
    assert (health["state"], health["failures"], health["last_status"]) == ("disabled", 3, 500)
    assert health["last_error"] == "HTTP 500"
    assert health["disabled_at"] is not None


def test_a_slow_page_times_out_and_is_given_up(
    feeds_client: TestClient,
    factory: Factory,
    engine: Engine,
    site: Site,
    crawl: Callable[..., int],
) -> None:
    _publish(site)
    site.pages["/news/nato-spending"].delay = 1.5  # longer than the 1 s request timeout
    outlet = factory.outlet(slug="planet", name="The Daily Planet")
    _add_feed(feeds_client, outlet.slug, f"{site.base}/feed.xml")

    crawl()

    with transaction(engine, write=False) as session:
        entry = session.scalar(
            select(FeedEntry).where(FeedEntry.first_url == f"{site.base}/news/nato-spending")
        )
    assert entry is not None
    assert (entry.state, entry.attempts) == (EntryState.failed, 3)
    assert entry.error is not None
    assert entry.error.startswith("timed out")
    assert len(site.hits("/news/nato-spending")) == 3
    assert f"{site.base}/news/bridge-reopens" in _articles(engine)
    assert min(site.gaps()) >= MIN_DELAY


def test_a_page_sent_a_drip_at_a_time_is_cut_at_the_timeout(
    feeds_client: TestClient,
    factory: Factory,
    engine: Engine,
    site: Site,
    crawl: Callable[..., int],
) -> None:
    _publish(site)
    site.pages["/news/nato-spending"].drip = 0.25  # 2.5 s in all, each read well in time
    outlet = factory.outlet(slug="planet", name="The Daily Planet")
    _add_feed(feeds_client, outlet.slug, f"{site.base}/feed.xml")

    crawl()

    with transaction(engine, write=False) as session:
        entry = session.scalar(
            select(FeedEntry).where(FeedEntry.first_url == f"{site.base}/news/nato-spending")
        )
    assert entry is not None
    assert (entry.state, entry.error) == (EntryState.failed, "took longer than 1s")
    assert min(site.gaps()) >= MIN_DELAY


def test_an_article_already_stored_is_not_fetched(
    feeds_client: TestClient,
    factory: Factory,
    engine: Engine,
    site: Site,
    crawl: Callable[..., int],
) -> None:
    _publish(site)
    outlet = factory.outlet(slug="planet", name="The Daily Planet")
    factory.article(outlet=outlet, url=f"{site.base}/news/nato-spending")
    _add_feed(feeds_client, outlet.slug, f"{site.base}/feed.xml")

    crawl()

    assert site.hits("/news/nato-spending") == []
    with transaction(engine, write=False) as session:
        entry = session.scalar(
            select(FeedEntry).where(FeedEntry.first_url == f"{site.base}/news/nato-spending")
        )
    assert entry is not None
    assert entry.state == EntryState.known


def test_a_redirected_robots_txt_is_followed(
    feeds_client: TestClient,
    factory: Factory,
    engine: Engine,
    site: Site,
    crawl: Callable[..., int],
) -> None:
    _publish(site)
    site.file("/meta/robots.txt", "robots.txt")
    site.pages["/robots.txt"] = Page(status=301, headers={"Location": "/meta/robots.txt"})
    outlet = factory.outlet(slug="planet", name="The Daily Planet")
    _add_feed(feeds_client, outlet.slug, f"{site.base}/feed.xml")

    crawl()

    paths = [hit.path for hit in site.hits()]
    assert paths[:3] == ["/robots.txt", "/meta/robots.txt", "/feed.xml"]
    assert not [p for p in paths if p.startswith("/private/")]
    assert min(site.gaps()) >= MIN_DELAY
    assert len(_articles(engine)) == 3


def test_a_page_that_is_not_html_fails_without_ingest(
    feeds_client: TestClient,
    factory: Factory,
    engine: Engine,
    site: Site,
    crawl: Callable[..., int],
) -> None:
    site.file("/robots.txt", "robots.txt")
    site.pages["/feed.xml"] = Page(
        body=(
            '<rss version="2.0"><channel><title>P</title><item><title>Report</title>'
            f"<link>{site.base}/files/report.pdf</link><guid>r-1</guid></item></channel></rss>"
        ).encode(),
        content_type="application/rss+xml",
    )
    site.pages["/files/report.pdf"] = Page(body=b"%PDF-1.7", content_type="application/pdf")
    outlet = factory.outlet(slug="planet", name="The Daily Planet")
    _add_feed(feeds_client, outlet.slug, f"{site.base}/feed.xml")

    crawl()

    with transaction(engine, write=False) as session:
        entry = session.scalar(select(FeedEntry))
    assert entry is not None
    assert (entry.state, entry.error) == (EntryState.failed, "not a web page (application/pdf)")
    assert len(site.hits("/files/report.pdf")) == 1
    assert _articles(engine) == {}
