"""Sitemap indexes and gzip sitemaps against the loopback fixture site: each child sitemap is
a feed of its own, read politely, and deleting the index stops its children."""

import gzip
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy import update

from app.core.columns import utcnow
from app.core.config import Settings
from app.core.unit_of_work import transaction
from app.feeds import parse
from app.tables import Article
from app.tables import Feed
from tests.factories import Factory
from tests.feeds.conftest import MIN_DELAY
from tests.feeds.server import Site


def _publish(site: Site) -> None:
    site.file("/robots.txt", "robots.txt")
    site.file("/sitemap-index.xml", "sitemap-index.xml")
    site.file("/sitemaps/2026-10.xml", "sitemap-2026-10.xml")
    site.file("/sitemaps/news.xml.gz", "sitemap.xml")  # the Google News sitemap, gzipped
    news = site.pages["/sitemaps/news.xml.gz"]
    news.body, news.content_type = gzip.compress(news.body), "application/x-gzip"
    site.file("/news/nato-spending", "nato-spending.html")
    site.file("/news/bridge-reopens", "bridge-reopens.html")
    site.file("/news/council-budget", "council-budget.html")


def test_a_sitemap_index_is_followed_to_its_children_politely(
    feeds_client: TestClient,
    factory: Factory,
    engine: Engine,
    site: Site,
    crawl: Callable[..., int],
) -> None:
    _publish(site)
    outlet = factory.outlet(slug="planet", name="The Daily Planet")
    response = feeds_client.post(
        f"/v1/outlets/{outlet.slug}/feeds",
        json={"url": f"{site.base}/sitemap-index.xml", "kind": "sitemap"},
    )
    assert response.status_code == 201, response.text
    index_id = response.json()["id"]

    crawl()

    paths = sorted(hit.path for hit in site.hits())
    assert paths == sorted(
        [
            "/robots.txt",
            "/sitemap-index.xml",
            "/sitemaps/news.xml.gz",
            "/sitemaps/2026-10.xml",
            "/news/nato-spending",
            "/news/bridge-reopens",
            "/news/council-budget",
        ]
    )
    assert min(site.gaps()) >= MIN_DELAY, site.gaps()
    with transaction(engine, write=False) as session:
        urls = set(session.scalars(select(Article.url)))
    assert urls == {
        f"{site.base}/news/{p}" for p in ("nato-spending", "bridge-reopens", "council-budget")
    }

    listed = feeds_client.get(f"/v1/outlets/{outlet.slug}/feeds").json()["items"]
    children = {item["url"]: item for item in listed if item["parent_id"] == index_id}
    # The most recently modified first; the child on another host is not followed.
    assert set(children) == {
        f"{site.base}/sitemaps/news.xml.gz",
        f"{site.base}/sitemaps/2026-10.xml",
    }
    for child in children.values():
        assert (child["kind"], child["health"]["state"], child["health"]["last_status"]) == (
            "sitemap",
            "active",
            200,
        )
    news = children[f"{site.base}/sitemaps/news.xml.gz"]
    assert news["health"]["entries_found"] == 2

    # Read again: the index lists the same children, no feed is added twice.
    with transaction(engine, write=True) as session:
        session.execute(update(Feed).values(next_poll_at=utcnow()))
    crawl()
    with transaction(engine, write=False) as session:
        assert len(list(session.scalars(select(Feed)))) == 3
    assert len(site.hits("/sitemap-index.xml")) == 2

    deleted = feeds_client.delete(f"/v1/outlets/{outlet.slug}/feeds/{index_id}")
    assert deleted.status_code == 204
    with transaction(engine, write=False) as session:
        assert list(session.scalars(select(Feed))) == []  # the children went with the index


def test_an_index_inside_an_index_and_a_gzip_bomb_are_refused(
    feeds_client: TestClient,
    factory: Factory,
    site: Site,
    crawl: Callable[..., int],
    crawl_settings: Settings,
) -> None:
    _publish(site)
    site.file("/sitemaps/2026-10.xml", "sitemap-index.xml")  # a child that is an index again
    site.pages["/sitemaps/news.xml.gz"].body = gzip.compress(b"<urlset>" + b" " * 3_000_000)
    outlet = factory.outlet(slug="planet", name="The Daily Planet")
    feeds_client.post(
        f"/v1/outlets/{outlet.slug}/feeds",
        json={"url": f"{site.base}/sitemap-index.xml", "kind": "sitemap"},
    )

    crawl(crawl_settings.model_copy(update={"feeds_max_page_bytes": 1_000_000}))

    errors = {
        item["url"].rsplit("/", 1)[1]: item["health"]["last_error"]
        for item in feeds_client.get(f"/v1/outlets/{outlet.slug}/feeds").json()["items"]
        if item["parent_id"] is not None
    }
    assert errors == {
        "2026-10.xml": "a sitemap index listed by a sitemap index (not followed)",
        "news.xml.gz": "inflates past 1000000 bytes",
    }
    assert len(site.hits("/sitemaps/2026-10.xml")) == 3  # failed, disabled after the third
    assert not [hit for hit in site.hits() if hit.path.startswith("/news/")]


def test_the_index_lists_its_most_recent_children_first_and_at_most_fifty() -> None:
    entries = "".join(
        f"<sitemap><loc>/s-{n}.xml</loc><lastmod>2026-01-{1 + n % 28:02d}</lastmod></sitemap>"
        for n in range(60)
    )
    body = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{entries}<sitemap><loc>/s-0.xml</loc></sitemap></sitemapindex>"
    ).encode()
    found = parse.children(
        parse.inflated(gzip.compress(body), limit=10**6), base_url="https://a.example/i.xml"
    )
    assert found is not None
    assert len(found) == parse.MAX_CHILDREN
    days = [child.modified_at for child in found]
    assert days == sorted(days, reverse=True)  # type: ignore[type-var]
    assert len({child.url for child in found}) == len(found)
    assert parse.children(b"<urlset></urlset>", base_url="https://a.example/") is None
    assert parse.inflated(b"<urlset/>", limit=1) == b"<urlset/>"  # not gzip: as it is
