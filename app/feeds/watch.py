"""The crawl loop: take a request (crawler.take), make it, record what it brought.

A feed's answer adds the articles it lists that no feed of the outlet listed before (same GUID)
and no entry or article has (same URL); a 304 only moves the next read. An article's page is
extracted and ingested in the transaction that marks it fetched, so it is fetched once.
`run` is what `corroborate watch` and the `feeds.crawl` job both run.
"""

import logging
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Literal
from urllib.parse import urljoin

from pydantic import ValidationError
from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.articles.urls import canonical_url
from app.core.columns import utcnow
from app.core.config import Settings
from app.core.errors import AppError
from app.core.unit_of_work import TransactionConflict
from app.core.unit_of_work import is_retryable
from app.core.unit_of_work import run_transaction
from app.feeds import crawler
from app.feeds import parse
from app.feeds import propose
from app.feeds.crawler import Job
from app.feeds.extract import extract
from app.feeds.fetch import Answer
from app.feeds.fetch import Fetcher
from app.feeds.service import ensure_host
from app.feeds.service import host_of
from app.ingest.models import IngestArticle
from app.ingest.models import IngestPayload
from app.ingest.service import ingest
from app.matching.base import Matcher
from app.outlets.models import OutletCreate
from app.tables import Article
from app.tables import EntryState
from app.tables import Feed
from app.tables import FeedEntry
from app.tables import FeedKind
from app.tables import Outlet

logger = logging.getLogger("app.feeds")

MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")


def crawl_once(
    engine: Engine, settings: Settings, fetcher: Fetcher, matcher: Callable[[], Matcher]
) -> bool:
    """Make one request if one may be made now; False when there is none."""
    job = crawler.take(engine, settings)
    if job is None:
        return False
    answer = fetcher.get(job.url, etag=job.etag, last_modified=job.last_modified)
    run_transaction(
        engine,
        lambda session: _record(session, job, answer, settings),
        attempts=settings.db_retry_attempts,
    )
    if job.kind == "entry" and answer.status == 200:
        _ingest_page(engine, job, answer, settings, matcher)
    return True


def run(
    engine: Engine,
    settings: Settings,
    *,
    matcher: Callable[[], Matcher],
    stop: threading.Event,
    seconds: float | None = None,
    until: Literal["stopped", "nothing_now", "nothing_due"] = "stopped",
) -> int:
    """Crawl until `stop` is set or `seconds` have passed, and (`until`) as soon as no request
    may be made now (a job, which must not hold its thread waiting for hosts) or nothing is
    due any more (`corroborate watch --until-done`); returns the requests made."""
    fetcher = Fetcher(settings)
    deadline = None if seconds is None else time.monotonic() + seconds
    made = 0
    try:
        while not stop.is_set() and (deadline is None or time.monotonic() < deadline):
            try:
                if crawl_once(engine, settings, fetcher, matcher):
                    made += 1
                    continue
            except Exception:  # one bad request must not stop the crawler; its lease runs out
                logger.exception("crawling failed; going on")
                stop.wait(settings.feeds_idle_seconds)
                continue
            if until == "nothing_now" or (until == "nothing_due" and not crawler.due(engine)):
                break
            stop.wait(settings.feeds_idle_seconds)
    finally:
        fetcher.close()
    return made


def _record(session: Session, job: Job, answer: Answer, settings: Settings) -> None:
    free_at = crawler.release_host(session, job, answer, settings)
    if job.kind == "feed":
        _feed_answer(session, job, answer, settings, free_at)
    elif job.kind == "entry" and answer.status != 200:
        _entry_answer(session, job, answer, settings, free_at)


def _feed_answer(
    session: Session, job: Job, answer: Answer, settings: Settings, free_at: object
) -> None:
    feed = session.get(Feed, job.item_id)
    if feed is None:  # deleted meanwhile
        return
    now = utcnow()
    interval = feed.poll_interval_seconds or settings.feeds_poll_interval_seconds
    if answer.status == 429:
        feed.lease_until, feed.last_status, feed.next_poll_at = None, 429, free_at  # type: ignore[assignment]
    elif answer.location is not None:
        _move_feed(session, feed, answer, now, settings)
    elif answer.status in (200, 304):
        if answer.status == 200:
            try:
                feed.entries_found += _read_listing(session, feed, answer.body, settings)
            except parse.NotAFeed as error:
                crawler.feed_failed(feed, str(error), 200, now, settings)
                session.add(feed)
                return
            feed.etag = (answer.headers.get("etag") or "")[:500] or None
            feed.last_modified = (answer.headers.get("last-modified") or "")[:100] or None
        feed.failures, feed.last_error = 0, None
        feed.polls += 1
        feed.last_status, feed.last_polled_at, feed.lease_until = answer.status, now, None
        feed.next_poll_at = now + timedelta(seconds=interval)
        feed.updated_at = now
    else:
        error = answer.error or f"HTTP {answer.status}"
        crawler.feed_failed(feed, error, answer.status, now, settings)
    session.add(feed)


def _move_feed(
    session: Session, feed: Feed, answer: Answer, now: object, settings: Settings
) -> None:
    """A redirected feed is read at its new address from then on (the host's delay applies)."""
    try:
        target = canonical_url(urljoin(feed.url, answer.location or ""))
    except ValueError:
        crawler.feed_failed(feed, "redirects to an unusable address", answer.status, now, settings)  # type: ignore[arg-type]
        return
    taken = session.scalar(select(Feed.id).where(Feed.url == target, Feed.id != feed.id))
    if taken is not None:
        crawler.feed_failed(feed, f"redirects to feed {taken}", answer.status, now, settings)  # type: ignore[arg-type]
        return
    ensure_host(session, host=host_of(target), min_delay_seconds=feed.min_delay_seconds)
    feed.url, feed.host, feed.last_status = target, host_of(target), answer.status
    feed.lease_until, feed.next_poll_at, feed.etag, feed.last_modified = None, now, None, None  # type: ignore[assignment]


def _read_listing(session: Session, feed: Feed, body: bytes, settings: Settings) -> int:
    """Record what a feed's body lists: its new articles (their number is returned), or, for
    a sitemap index, its child sitemaps as feeds of their own. NotAFeed when unreadable."""
    body = parse.inflated(body, limit=settings.feeds_max_page_bytes)
    listed_children = parse.children(body, base_url=feed.url)
    if listed_children is None:
        return _add_entries(session, feed, parse.listed(body, kind=feed.kind, base_url=feed.url))
    if feed.parent_id is not None:
        raise parse.NotAFeed("a sitemap index listed by a sitemap index (not followed)")
    _add_children(session, feed, listed_children)
    return 0


def _add_children(session: Session, index: Feed, listed: list[parse.Child]) -> None:
    """Watch the index's child sitemaps on its own host that are not watched yet: each is read
    when due under its host's delay, with its own validators and health, like any feed."""
    urls = [child.url for child in listed if host_of(child.url) == index.host]
    watched = set(session.scalars(select(Feed.url).where(Feed.url.in_(urls))))  # type: ignore[attr-defined]
    for url in urls:
        if url in watched:
            continue
        child = Feed(
            outlet_id=index.outlet_id,
            parent_id=index.id,
            url=url,
            kind=FeedKind.sitemap,
            host=index.host,
            poll_interval_seconds=index.poll_interval_seconds,
            min_delay_seconds=index.min_delay_seconds,
        )
        try:
            with session.begin_nested():
                session.add(child)
        except IntegrityError:  # another crawler read the index a moment ago
            continue


def _add_entries(session: Session, feed: Feed, items: list[parse.Listed]) -> int:
    """Record the listed articles not seen before (by GUID in the outlet, or by URL)."""
    urls = [item.url for item in items]
    guids = [item.guid for item in items if item.guid]
    seen_urls = set(
        session.scalars(select(FeedEntry.first_url).where(FeedEntry.first_url.in_(urls)))
    )  # type: ignore[attr-defined]
    seen_guids = set(
        session.scalars(
            select(FeedEntry.guid).where(
                FeedEntry.outlet_id == feed.outlet_id,
                FeedEntry.guid.in_(guids),  # type: ignore[union-attr]
            )
        )
    )
    stored: dict[str, int] = dict(
        session.execute(select(Article.url, Article.id).where(Article.url.in_(urls))).all()  # type: ignore[arg-type, attr-defined]
    )
    added = 0
    for item in items:
        if item.url in seen_urls or (item.guid and item.guid in seen_guids):
            continue
        seen_urls.add(item.url)
        if item.guid:
            seen_guids.add(item.guid)
        host = host_of(item.url)
        ensure_host(session, host=host)
        article_id = stored.get(item.url)
        entry = FeedEntry(
            feed_id=feed.id,  # type: ignore[arg-type]
            outlet_id=feed.outlet_id,
            guid=item.guid,
            first_url=item.url,
            url=item.url,
            host=host,
            state=EntryState.known if article_id else EntryState.pending,
            article_id=article_id,
            title=item.title,
            published_at=item.published_at,
        )
        try:
            with session.begin_nested():
                session.add(entry)
        except IntegrityError:  # another feed of another crawler listed it a moment ago
            continue
        added += 1
    return added


def _entry_answer(
    session: Session, job: Job, answer: Answer, settings: Settings, free_at: object
) -> None:
    entry = session.get(FeedEntry, job.item_id)
    if entry is None:
        return
    now = utcnow()
    entry.last_status, entry.lease_until = answer.status, None
    if answer.status == 429:
        entry.next_attempt_at = free_at  # type: ignore[assignment]
    elif answer.location is not None:
        _move_entry(session, entry, answer)
    elif answer.status in (404, 410):
        entry.state, entry.error = EntryState.failed, f"HTTP {answer.status}"
    else:
        entry.attempts += 1
        entry.error = (answer.error or f"HTTP {answer.status}")[:500]
        if entry.attempts >= settings.feeds_max_failures:
            entry.state = EntryState.failed
        base = max(settings.feeds_min_delay_seconds, 0.001)
        entry.next_attempt_at = now + timedelta(
            seconds=crawler.backoff(entry.attempts, base, settings)
        )
    session.add(entry)


def _move_entry(session: Session, entry: FeedEntry, answer: Answer) -> None:
    """Follow a redirect as a request of its own (under the new host's delay), unless the
    target is an article already stored or listed."""
    entry.redirects += 1
    try:
        target = canonical_url(urljoin(entry.url, answer.location or ""))
    except ValueError:
        entry.state, entry.error = EntryState.failed, "redirects to an unusable address"
        return
    if entry.redirects > MAX_REDIRECTS:
        entry.state, entry.error = EntryState.failed, f"more than {MAX_REDIRECTS} redirects"
        return
    known = session.scalar(select(Article.id).where(Article.url == target))
    other = session.scalar(
        select(FeedEntry).where(FeedEntry.first_url == target, FeedEntry.id != entry.id)
    )
    if known is not None or other is not None:
        entry.state = EntryState.known
        entry.article_id = known if known is not None else other.article_id  # type: ignore[union-attr]
        entry.url = target
        return
    ensure_host(session, host=host_of(target))
    entry.url, entry.host, entry.next_attempt_at = target, host_of(target), utcnow()


def _ingest_page(
    engine: Engine, job: Job, answer: Answer, settings: Settings, matcher: Callable[[], Matcher]
) -> None:
    """Extract the page and ingest it, marking the entry fetched in the same transaction."""
    content_type = answer.headers.get("content-type", "text/html").split(";")[0].strip().lower()

    def work(session: Session) -> None:
        entry = session.get(FeedEntry, job.item_id)
        if entry is None:
            return
        outlet = session.get(Outlet, entry.outlet_id)
        assert outlet is not None
        now = utcnow()
        entry.lease_until, entry.last_status, entry.fetched_at = None, 200, now
        if content_type not in HTML_TYPES:
            entry.state, entry.error = EntryState.failed, f"not a web page ({content_type})"
            session.add(entry)
            return
        try:
            page = extract(answer.body.decode(_charset(answer), "replace"), url=entry.url)
        except Exception as error:  # a page the extractor cannot read is that page's failure
            entry.state, entry.error = EntryState.failed, f"not extracted: {error}"[:500]
            session.add(entry)
            return
        url = entry.url
        if page.canonical_url and host_of(page.canonical_url) == host_of(url):
            url = page.canonical_url  # the outlet's own name for the page (not an AMP copy)
        try:
            payload = IngestPayload(
                outlet=OutletCreate(slug=outlet.slug, name=outlet.name),
                article=IngestArticle(
                    url=url,
                    title=(page.title or entry.title or url)[:1000],
                    published_at=page.published_at or entry.published_at or entry.created_at,
                    author=page.author[:200] if page.author else None,
                    body=page.body,
                    canonical_url=page.canonical_url,
                    is_based_on=page.is_based_on,
                ),
            )
            with session.begin_nested():
                result = ingest(session, payload=payload, matcher=matcher(), settings=settings)
        except (ValidationError, AppError) as error:
            if isinstance(error, TransactionConflict):
                raise  # a lost race, not the page's fault: the unit is re-run
            entry.state, entry.error = EntryState.failed, f"not ingested: {error}"[:500]
            session.add(entry)
            return
        entry.state, entry.article_id, entry.error = EntryState.fetched, result.article_id, None
        if settings.feeds_propose_claims and page.body:
            entry.error = _propose(session, result.article_id, payload, matcher(), settings)
        session.add(entry)

    run_transaction(engine, work, attempts=settings.db_retry_attempts)


def _propose(
    session: Session, article_id: int, payload: IngestPayload, matcher: Matcher, settings: Settings
) -> str | None:
    """The article's claim proposals (app/feeds/propose.py), in a savepoint of their own: an
    article whose quotes cannot be read is still stored, with the reason on its entry."""
    article = session.get(Article, article_id)
    assert article is not None
    try:
        with session.begin_nested():
            outcomes = propose.propose(
                session,
                article=article,
                title=payload.article.title,
                body=payload.article.body or "",
                matcher=matcher,
                settings=settings,
            )
    except Exception as error:  # the page's quotes, not the crawl, failed
        if isinstance(error, TransactionConflict) or is_retryable(error):
            raise  # a lost race (a deadlock, a row changed meanwhile): the unit is re-run
        logger.exception("claims of article %d not proposed", article_id)
        return f"claims not proposed: {error}"[:500]
    logger.info("article %d: claims %s", article_id, dict(outcomes))
    return None


def _charset(answer: Answer) -> str:
    for part in answer.headers.get("content-type", "").split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip('"') if _known(value.strip('"')) else "utf-8"
    return "utf-8"


def _known(encoding: str) -> bool:
    import codecs

    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True
