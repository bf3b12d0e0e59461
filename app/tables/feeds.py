"""Feeds: an outlet's feeds, the hosts the crawler visits, and the articles feeds list
(migration 2000). The crawler's whole state is here, so any number of workers share it."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column
from sqlalchemy import Float
from sqlalchemy import Index
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlmodel import Field
from sqlmodel import SQLModel

from app.core.columns import UTCDateTime
from app.core.columns import utcnow
from app.tables.columns import one_of
from app.tables.columns import reference


class FeedKind(StrEnum):
    feed = "feed"  # RSS or Atom
    sitemap = "sitemap"  # a sitemap, Google News sitemap or sitemap index, plain or gzip


class FeedState(StrEnum):
    active = "active"
    disabled = "disabled"  # failed `CLAIMS_FEEDS_MAX_FAILURES` times in a row


class EntryState(StrEnum):
    pending = "pending"  # listed by a feed, not fetched yet
    fetched = "fetched"  # fetched, extracted and ingested (article_id)
    known = "known"  # its URL was an article already stored: not fetched
    disallowed = "disallowed"  # robots.txt forbids it: never fetched
    failed = "failed"  # could not be fetched or read after the allowed tries


class Feed(SQLModel, table=True):
    __tablename__ = "feed"
    __table_args__ = (
        one_of("kind", FeedKind),
        one_of("state", FeedState),
        Index("ix_feed_state_next_poll_at", "state", "next_poll_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    outlet_id: int = Field(sa_column=reference("outlet"))
    # A child sitemap: the sitemap index that listed it (deleting the index deletes it).
    parent_id: int | None = Field(
        default=None,
        sa_column=reference("feed", nullable=True, index=True),
    )
    url: str = Field(max_length=2100, unique=True)  # canonical form; a 301 moves it
    kind: FeedKind = Field(default=FeedKind.feed, sa_type=String(16))
    host: str = Field(max_length=300)  # scheme://host[:port], the crawl_host it waits on
    state: FeedState = Field(default=FeedState.active, sa_type=String(16))
    # The feed's own crawl policy; unset: the settings' defaults.
    poll_interval_seconds: float | None = Field(default=None, sa_type=Float)
    min_delay_seconds: float | None = Field(default=None, sa_type=Float)
    # Conditional requests: the validators of the last 200 answer.
    etag: str | None = Field(default=None, max_length=500)
    last_modified: str | None = Field(default=None, max_length=100)
    next_poll_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    lease_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    failures: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # in a row
    polls: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    entries_found: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    last_polled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_status: int | None = None
    last_error: str | None = Field(default=None, max_length=500)
    disabled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CrawlHost(SQLModel, table=True):
    """One host's politeness: no request to it starts before `next_request_at`. A crawler
    takes the host by moving `next_request_at` past the end of its request (a conditional
    UPDATE only one crawler wins), and sets it to the end of the request plus the delay after."""

    __tablename__ = "crawl_host"

    host: str = Field(primary_key=True, max_length=300)  # scheme://host[:port]
    next_request_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    min_delay_seconds: float | None = Field(default=None, sa_type=Float)  # the strictest feed's
    crawl_delay_seconds: float | None = Field(default=None, sa_type=Float)  # from robots.txt
    failures: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # in a row
    requests: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    robots_txt: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    # Where robots.txt is read when /robots.txt redirects (RFC 9309: up to five hops).
    robots_url: str | None = Field(default=None, max_length=2100)
    robots_redirects: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    robots_status: int | None = None
    robots_fetched_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class FeedEntry(SQLModel, table=True):
    """An article a feed listed: found again by its GUID (per outlet) or its first URL, so a
    page is fetched once however many feeds list it, however often."""

    __tablename__ = "feed_entry"
    __table_args__ = (
        one_of("state", EntryState),
        UniqueConstraint("outlet_id", "guid"),
        Index("ix_feed_entry_state_next_attempt_at", "state", "next_attempt_at"),
        Index("ix_feed_entry_fetched_at", "fetched_at"),  # /metrics: fetched in the last hour
    )

    id: int | None = Field(default=None, primary_key=True)
    feed_id: int = Field(sa_column=reference("feed"))
    outlet_id: int = Field(sa_column=reference("outlet"))
    guid: str | None = Field(default=None, max_length=1000)
    first_url: str = Field(max_length=2100, unique=True)  # as listed, canonical form
    url: str = Field(max_length=2100)  # what is fetched next (a redirect moves it)
    host: str = Field(max_length=300)
    state: EntryState = Field(default=EntryState.pending, sa_type=String(16))
    title: str | None = Field(default=None, max_length=1000)  # the feed's, a fallback
    published_at: datetime | None = Field(default=None, sa_type=UTCDateTime)  # the feed's
    attempts: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    redirects: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    lease_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    article_id: int | None = Field(
        default=None,
        sa_column=reference("article", ondelete="SET NULL", nullable=True),
    )
    last_status: int | None = None
    error: str | None = Field(default=None, max_length=500)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    fetched_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
