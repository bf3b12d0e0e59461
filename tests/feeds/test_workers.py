"""Several crawlers share the work through the database: no page twice, no host too soon."""

import threading
from collections import Counter

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.core.config import Settings
from app.feeds import watch
from app.matching.factory import build_matcher
from tests.factories import Factory
from tests.feeds.conftest import MIN_DELAY
from tests.feeds.server import Page
from tests.feeds.server import Site
from tests.feeds.server import serving

PAGES = 12


def _site_with_pages(name: str) -> Site:
    site = Site()
    items = "".join(
        f"<item><title>{name} story {n}</title><link>{{base}}/story/{n}</link>"
        f"<guid>{name}-{n}</guid><pubDate>Mon, 02 Nov 2026 08:{n:02d}:00 GMT</pubDate></item>"
        for n in range(PAGES)
    )
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title>'
        f"{items}</channel></rss>"
    )
    site.pages["/robots.txt"] = Page(body=b"User-agent: *\nAllow: /\n", content_type="text/plain")
    site.pages["/feed.xml"] = Page(
        body=feed.replace("{base}", site.base).encode(), content_type="application/rss+xml"
    )
    for n in range(PAGES):
        body = (
            f"<html><head><title>{name} story {n}</title>"
            f'<meta property="article:published_time" content="2026-11-02T08:{n:02d}:00Z">'
            f"</head><body><article><h1>{name} story {n}</h1><p>"
            + f"Paragraph {n} of the {name} story, with enough words to be a body. " * 8
            + "</p></article></body></html>"
        )
        site.pages[f"/story/{n}"] = Page(body=body.encode())
    return site


def test_concurrent_crawlers_never_fetch_a_page_twice_nor_crowd_a_host(
    feeds_client: TestClient, factory: Factory, engine: Engine, crawl_settings: Settings
) -> None:
    sites = [_site_with_pages("alpha"), _site_with_pages("beta")]
    with serving(*sites):
        for number, site in enumerate(sites):
            outlet = factory.outlet(slug=f"outlet-{number}", name=f"Outlet {number}")
            response = feeds_client.post(
                f"/v1/outlets/{outlet.slug}/feeds", json={"url": f"{site.base}/feed.xml"}
            )
            assert response.status_code == 201, response.text
        matcher = build_matcher(crawl_settings)
        made: list[int] = []
        errors: list[BaseException] = []

        def crawler() -> None:
            try:
                made.append(
                    watch.run(
                        engine,
                        crawl_settings,
                        matcher=lambda: matcher,
                        stop=threading.Event(),
                        seconds=60,
                        until="nothing_due",
                    )
                )
            except BaseException as error:  # reported below, not lost in the thread
                errors.append(error)

        threads = [threading.Thread(target=crawler) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert errors == []
    for site in sites:
        counts = Counter(hit.path for hit in site.hits())
        assert counts == Counter(
            {"/robots.txt": 1, "/feed.xml": 1, **{f"/story/{n}": 1 for n in range(PAGES)}}
        )
        assert min(site.gaps()) >= MIN_DELAY, site.gaps()
    assert sum(made) == 2 * (PAGES + 2)
    assert sorted(made) != [0, 0, 0, 2 * (PAGES + 2)]  # the work was shared
