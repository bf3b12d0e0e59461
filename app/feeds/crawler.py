"""Taking crawl work so that any number of crawlers share it, and politely.

A crawler takes one request at a time (`take`), in one short transaction:
1. a due feed, else a due pending article, whose host may be asked now
   (`crawl_host.next_request_at <= now`), read `FOR UPDATE SKIP LOCKED` on PostgreSQL so that
   concurrent crawlers look at different rows (SQLite runs write transactions one at a time);
2. the host is taken by a conditional UPDATE that moves `next_request_at` past the end of the
   request (`now + 2 * timeout + 1 s`): of any number of crawlers, exactly one updates the row;
3. the feed or article is leased (`lease_until`) so no one else takes it while it is fetched.
When the request is over, `release_host` sets `next_request_at` to its end plus the delay in
force (5 s by default, 30 s or Retry-After after a 429, doubling after each error in a row), so
two requests to one host are never closer than the policy, whichever crawlers make them.

A host whose robots.txt is unknown or older than its TTL gets that read first; an article
robots.txt disallows is marked `disallowed` without a request, a feed counts a failure.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from typing import Any
from typing import Literal
from urllib.parse import urljoin

from sqlalchemy import Engine
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update
from sqlmodel import Session

from app.articles.urls import canonical_url
from app.core.columns import utcnow
from app.core.config import Settings
from app.core.locks import locks_rows
from app.core.unit_of_work import run_transaction
from app.core.unit_of_work import transaction
from app.feeds import robots
from app.feeds.fetch import Answer
from app.feeds.service import ensure_host
from app.feeds.service import host_delay
from app.feeds.service import host_of
from app.tables import Article
from app.tables import CrawlHost
from app.tables import EntryState
from app.tables import Feed
from app.tables import FeedEntry
from app.tables import FeedState

JobKind = Literal["robots", "feed", "entry"]
CANDIDATES = 10
MAX_ROBOTS_REDIRECTS = 5


@dataclass(frozen=True)
class Job:
    """One request a crawler has taken: its host is reserved, its feed or article leased."""

    kind: JobKind
    host: str
    url: str
    item_id: int | None = None  # the feed's or the entry's id
    etag: str | None = None
    last_modified: str | None = None
    robots_for: str | None = None  # robots: the host whose robots.txt this is


def take(engine: Engine, settings: Settings) -> Job | None:
    """The next request this crawler may make now, reserved for it; None when every due
    feed and article waits for its host (or nothing is due)."""

    def work(session: Session) -> Job | None:
        now = utcnow()
        free = select(CrawlHost.host).where(CrawlHost.next_request_at <= now)  # type: ignore[arg-type]
        feeds = _due(Feed, Feed.next_poll_at, Feed.state == FeedState.active, free, now)
        entries = _due(
            FeedEntry, FeedEntry.next_attempt_at, FeedEntry.state == EntryState.pending, free, now
        )
        if locks_rows(session):
            feeds = feeds.with_for_update(skip_locked=True)
            entries = entries.with_for_update(skip_locked=True)
        for feed in session.scalars(feeds):
            job = _take_feed(session, feed, now, settings)
            if job is not None:
                return job
        for entry in session.scalars(entries):
            job = _take_entry(session, entry, now, settings)
            if job is not None:
                return job
        return None

    return run_transaction(engine, work, attempts=settings.db_retry_attempts)


def _due(model: Any, due_at: Any, in_state: Any, free_hosts: Any, now: datetime) -> Any:
    """The first rows of a crawl table (feeds, entries) in the state, due, not leased by
    another crawler, on a host that may be asked now; oldest due first."""
    return (
        select(model)
        .where(
            in_state,
            due_at <= now,
            or_(model.lease_until.is_(None), model.lease_until < now),
            model.host.in_(free_hosts),
        )
        .order_by(due_at, model.id)
        .limit(CANDIDATES)
    )


def _robots_job(session: Session, host: str, now: datetime, settings: Settings) -> Job | None:
    """robots.txt first when it is unknown or stale. It is read at /robots.txt, or where that
    redirected; the host asked (perhaps another, after a redirect) is reserved for it."""
    row = session.get(CrawlHost, host, populate_existing=True)
    if row is None:
        return None
    fresh = row.robots_fetched_at is not None and row.robots_fetched_at > now - timedelta(
        seconds=settings.feeds_robots_ttl_seconds
    )
    if fresh:
        return None
    url = row.robots_url or f"{host}/robots.txt"
    asked = host_of(url)
    if asked != host:
        ensure_host(session, host=asked)
    if not _reserve(session, asked, now, settings):
        return None
    return Job("robots", asked, url, robots_for=host)


def _rules(session: Session, host: str, now: datetime, settings: Settings) -> str | None:
    """The host's robots.txt rules when fresh, else None (read them first)."""
    row = session.get(CrawlHost, host)
    if row is None or row.robots_fetched_at is None:
        return None
    if row.robots_fetched_at <= now - timedelta(seconds=settings.feeds_robots_ttl_seconds):
        return None
    return row.robots_txt or ""


def _take_feed(session: Session, feed: Feed, now: datetime, settings: Settings) -> Job | None:
    def disallowed() -> None:
        feed_failed(feed, "robots.txt disallows reading this feed", None, now, settings)

    assert feed.id is not None
    job = Job(
        "feed", feed.host, feed.url, feed.id, etag=feed.etag, last_modified=feed.last_modified
    )
    return _lease(session, feed, job, now, settings, disallowed=disallowed)


def _take_entry(
    session: Session, entry: FeedEntry, now: datetime, settings: Settings
) -> Job | None:
    def disallowed() -> None:
        entry.state, entry.error = EntryState.disallowed, "robots.txt disallows this page"

    known = session.scalar(select(Article.id).where(Article.url == entry.url))
    if known is not None:  # stored already (another feed, an ingest): not fetched again
        entry.state, entry.article_id, entry.lease_until = EntryState.known, known, None
        session.add(entry)
        return None
    assert entry.id is not None
    job = Job("entry", entry.host, entry.url, entry.id)
    return _lease(session, entry, job, now, settings, disallowed=disallowed)


def _lease(
    session: Session,
    row: Feed | FeedEntry,
    job: Job,
    now: datetime,
    settings: Settings,
    *,
    disallowed: Callable[[], None],
) -> Job | None:
    """`job` for a feed or entry once robots.txt allows its URL and its host is reserved, the
    row then leased; the host's robots.txt first when unknown or stale. A URL robots.txt
    disallows is marked by `disallowed` and not fetched."""
    rules = _rules(session, row.host, now, settings)
    if rules is None:
        return _robots_job(session, row.host, now, settings)
    if not robots.allowed(rules, row.url, settings.feeds_user_agent):
        disallowed()
        session.add(row)
        return None
    if not _reserve(session, row.host, now, settings):
        return None
    row.lease_until = now + timedelta(seconds=settings.feeds_lease_seconds)
    session.add(row)
    return job


def _reserve(session: Session, host: str, now: datetime, settings: Settings) -> bool:
    """Take the host for one request: True for exactly one caller while it is free."""
    # A request ends within about twice its timeout (the last read may take a whole timeout
    # after the total is used up); the host is released earlier when it ends.
    busy_until = now + timedelta(seconds=2 * settings.feeds_request_timeout_seconds + 1)
    result = session.execute(
        update(CrawlHost)
        .where(CrawlHost.host == host, CrawlHost.next_request_at <= now)  # type: ignore[arg-type]
        .values(next_request_at=busy_until, requests=CrawlHost.requests + 1, updated_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def backoff(failures: int, base: float, settings: Settings) -> float:
    """Seconds to wait after `failures` failures in a row: doubling, capped."""
    return float(min(settings.feeds_backoff_max_seconds, max(base, 0.001) * 2 ** max(failures, 1)))


def release_host(session: Session, job: Job, answer: Answer, settings: Settings) -> datetime:
    """Free the host once the request is over; returns when it may be asked again."""
    end = utcnow()
    host = session.get(CrawlHost, job.host, populate_existing=True)
    assert host is not None
    delay = host_delay(host, settings)
    if answer.status == 429:
        wait = max(settings.feeds_delay_after_429_seconds, answer.retry_after(end) or 0.0, delay)
    elif answer.status is None or answer.status >= 500:
        host.failures += 1
        wait = max(delay, backoff(host.failures, delay, settings))
    else:
        host.failures = 0
        wait = delay
    if job.kind == "robots":
        wait = max(wait, _robots_answer(session, job, answer, end, settings))
    host.next_request_at = end + timedelta(seconds=wait)
    host.updated_at = end
    session.add(host)
    session.flush()
    return host.next_request_at


def _robots_answer(
    session: Session, job: Job, answer: Answer, end: datetime, settings: Settings
) -> float:
    """Keep what robots.txt said (2xx: its rules, 4xx: none; RFC 9309), or where it moved (up
    to five hops, then it counts as none); 429, 5xx or no answer leave it unknown, so it is asked
    again once the host's wait is over. Returns the delay the rules ask for."""
    host = session.get(CrawlHost, job.robots_for or job.host)  # fresh: a new transaction
    assert host is not None
    status = answer.status or 0
    if answer.location is not None and host.robots_redirects < MAX_ROBOTS_REDIRECTS:
        try:
            host.robots_url = canonical_url(urljoin(job.url, answer.location))
            host.robots_redirects += 1
        except ValueError:
            host.robots_url, status = None, 404  # nowhere usable: no robots.txt
    elif answer.location is not None:
        status = 404  # too many hops: RFC 9309 lets a crawler take it as unavailable
    if (200 <= status < 300 or 400 <= status < 500) and status != 429:
        host.robots_txt = robots.rules_for(status, answer.body)
        host.robots_status = status
        host.robots_fetched_at = end
        host.robots_redirects = 0
        host.crawl_delay_seconds = robots.crawl_delay(host.robots_txt, settings.feeds_user_agent)
    host.updated_at = end
    session.add(host)
    return host_delay(host, settings) if host.host == job.host else 0.0


def feed_failed(
    feed: Feed, error: str, status: int | None, now: datetime, settings: Settings
) -> None:
    """Count a failed read: back off, and disable the feed after too many in a row."""
    feed.failures += 1
    feed.polls += 1
    feed.last_status, feed.last_error, feed.last_polled_at = status, error[:500], now
    feed.lease_until = None
    feed.updated_at = now
    if feed.failures >= settings.feeds_max_failures:
        feed.state, feed.disabled_at = FeedState.disabled, now
    base = max(settings.feeds_min_delay_seconds, feed.min_delay_seconds or 0.0)
    feed.next_poll_at = now + timedelta(seconds=backoff(feed.failures, base, settings))


def due(engine: Engine) -> bool:
    """Whether an active feed is due or retrying (after an error or a 429), or an article is
    pending (perhaps waiting for its host)."""
    with transaction(engine, write=False) as session:
        feed = session.scalar(
            select(Feed.id)
            .where(
                Feed.state == FeedState.active,
                or_(
                    Feed.next_poll_at <= utcnow(),  # type: ignore[arg-type]
                    Feed.failures > 0,  # type: ignore[arg-type]
                    Feed.last_status == 429,
                ),
            )
            .limit(1)
        )
        entry = session.scalar(
            select(FeedEntry.id).where(FeedEntry.state == EntryState.pending).limit(1)
        )
        return feed is not None or entry is not None
