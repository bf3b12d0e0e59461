"""The crawler on app/jobs: every minute each consumer makes the requests that may be made
at once (`feeds.crawl`), never holding its thread to wait for a host; `corroborate watch` is the
crawler that waits (it runs the same loop, app/feeds/watch.py).

Crawlers share the work through the database (app/feeds/crawler.py), so any number of
consumers, `corroborate worker` processes and `corroborate watch` processes can run at once.
"""

import threading
from typing import Any

from app.core.config import Settings
from app.feeds import crawler
from app.jobs import context
from app.jobs import periodic
from app.matching.base import Matcher

CRAWL = "feeds.crawl"
# At most, of each minute; short, because a consumer stopping waits for its running tasks.
CRAWL_SECONDS = 20.0


@periodic(CRAWL, minutes=1)
def crawl() -> None:
    """Make the requests that may be made now, for up to CRAWL_SECONDS."""
    ctx = context()
    if not crawler.due(ctx.engine):
        return
    from app.feeds import watch  # trafilatura and feedparser load when crawling, not with the app

    watch.run(
        ctx.engine,
        ctx.settings,
        matcher=lambda: matcher_of(ctx.values, ctx.settings),
        stop=threading.Event(),
        seconds=CRAWL_SECONDS,
        until="nothing_now",
    )


def matcher_of(values: dict[str, Any], settings: Settings) -> Matcher:
    """The process's claim matcher, built once (ingest needs one)."""
    found: Matcher | None = values.get("matcher")
    if found is None:
        from app.matching.factory import build_matcher

        found = values["matcher"] = build_matcher(settings)
    return found
