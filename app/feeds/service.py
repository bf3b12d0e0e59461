"""Feed verbs: add a feed to an outlet, read and list them, enable a disabled one, remove one."""

from urllib.parse import urlsplit

from sqlalchemy import select
from sqlmodel import Session

from app.core.columns import utcnow
from app.core.config import Settings
from app.core.errors import Conflict
from app.core.errors import Invalid
from app.core.errors import NotFound
from app.core.pagination import Keyset
from app.core.pagination import Page
from app.core.pagination import PageParams
from app.events import targets
from app.feeds.models import FeedCreate
from app.feeds.models import FeedHealth
from app.feeds.models import FeedPublic
from app.tables import CrawlHost
from app.tables import Feed
from app.tables import FeedState
from app.tables import Outlet
from app.tables import OutletRef


def host_of(url: str) -> str:
    """The politeness unit of a URL: `scheme://host[:port]`."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def ensure_host(session: Session, *, host: str, min_delay_seconds: float | None = None) -> None:
    """The host's row, created when new; a feed asking for a longer delay raises the host's."""
    row = session.get(CrawlHost, host)
    if row is None:
        with session.begin_nested():  # a concurrent crawler may create it first
            session.add(CrawlHost(host=host, min_delay_seconds=min_delay_seconds))
        return
    if min_delay_seconds is not None and (row.min_delay_seconds or 0) < min_delay_seconds:
        row.min_delay_seconds = min_delay_seconds
        session.add(row)
        session.flush()


def create(session: Session, *, outlet: Outlet, data: FeedCreate, settings: Settings) -> Feed:
    """Watch a feed of the outlet; 409 when the URL is already watched (by any outlet), 422
    when its host is not on the public internet (unless CLAIMS_FEEDS_ALLOW_PRIVATE)."""
    url = str(data.url)
    check_public(url, allow_private=settings.feeds_allow_private)
    existing = session.scalar(select(Feed).where(Feed.url == url))
    if existing is not None:
        raise Conflict(
            f"the feed {url} is already watched",
            code="feed_exists",
            details=[{"feed_id": existing.id, "outlet_id": existing.outlet_id}],
        )
    assert outlet.id is not None
    host = host_of(url)
    ensure_host(session, host=host, min_delay_seconds=data.min_delay_seconds)
    feed = Feed(
        outlet_id=outlet.id,
        url=url,
        kind=data.kind,
        host=host,
        poll_interval_seconds=data.poll_interval_seconds,
        min_delay_seconds=data.min_delay_seconds,
    )
    session.add(feed)
    session.flush()
    return feed


def check_public(url: str, *, allow_private: bool) -> None:
    """422 when the URL's host resolves to a loopback, private or reserved address."""
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        targets.resolve(parts.hostname or "", port, allow_private=allow_private)
    except targets.TargetRefused as error:
        raise Invalid(
            str(error).replace("webhooks", "feeds"),
            code="feed_target_refused",
            details=[{"loc": ["body", "url"]}],
        ) from None


def get(session: Session, *, outlet: Outlet, feed_id: int) -> Feed:
    """The outlet's feed with this id, or NotFound."""
    feed = session.get(Feed, feed_id)
    if feed is None or feed.outlet_id != outlet.id:
        raise NotFound(f"feed {feed_id} of outlet {outlet.slug!r} not found")
    return feed


def enable(session: Session, *, feed: Feed) -> Feed:
    """Read a disabled feed again: active, no failures counted, due now (the crawler's next
    pass, `feeds.crawl` within a minute, takes it; its host's delay and back-off still apply).
    The last error stays in its health until a read succeeds. An active feed is left as it is,
    so the call can be repeated."""
    if feed.state == FeedState.active:
        return feed
    now = utcnow()
    feed.state, feed.failures, feed.disabled_at = FeedState.active, 0, None
    feed.next_poll_at, feed.lease_until, feed.updated_at = now, None, now
    session.add(feed)
    session.flush()
    return feed


def delete(session: Session, *, feed: Feed) -> None:
    """Stop watching the feed (the articles it brought stay)."""
    session.delete(feed)
    session.flush()


_ADDED = Keyset("feeds", ((Feed.id, "asc"),), (int,))


def list_(
    session: Session, *, outlet: Outlet, page: PageParams, settings: Settings
) -> Page[FeedPublic]:
    """The outlet's feeds, oldest first."""
    query = select(Feed).where(Feed.outlet_id == outlet.id)  # type: ignore[arg-type]
    rows = list(session.scalars(_ADDED.seek(query, page)))
    rows, cursor = _ADDED.page(rows, page.limit, lambda feed: [feed.id])
    return Page[FeedPublic](
        items=[to_public(session, feed=feed, outlet=outlet, settings=settings) for feed in rows],
        next_cursor=cursor,
    )


def to_public(session: Session, *, feed: Feed, outlet: Outlet, settings: Settings) -> FeedPublic:
    """The feed as the API shows it, with the policy in force and its health."""
    assert feed.id is not None
    assert outlet.id is not None
    host = session.get(CrawlHost, feed.host)
    return FeedPublic(
        id=feed.id,
        outlet=OutletRef(id=outlet.id, slug=outlet.slug, name=outlet.name),
        url=feed.url,
        kind=feed.kind,
        parent_id=feed.parent_id,
        poll_interval_seconds=feed.poll_interval_seconds or settings.feeds_poll_interval_seconds,
        min_delay_seconds=host_delay(host, settings) if host else settings.feeds_min_delay_seconds,
        health=FeedHealth.model_validate(feed),  # the feed's own columns of those names
        created_at=feed.created_at,
    )


def host_delay(host: CrawlHost, settings: Settings) -> float:
    """The least time between two requests to the host: the longest of the default, what its
    feeds ask for and its robots.txt's Crawl-delay."""
    return max(
        settings.feeds_min_delay_seconds,
        host.min_delay_seconds or 0.0,
        host.crawl_delay_seconds or 0.0,
    )
