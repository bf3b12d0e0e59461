"""What the feed routes read and answer (the tables are app/tables/feeds.py)."""

from datetime import datetime

from pydantic import ConfigDict
from sqlmodel import Field
from sqlmodel import SQLModel

from app.articles.models import ArticleUrl
from app.core.types import json_number
from app.tables import FeedKind
from app.tables import FeedState
from app.tables import OutletRef


class FeedCreate(SQLModel):
    """A feed to watch, and its crawl policy where it differs from the defaults."""

    model_config = ConfigDict(extra="forbid")

    url: ArticleUrl = Field(description="The RSS/Atom feed's or the sitemap's address.")
    kind: FeedKind = Field(
        default=FeedKind.feed,
        description="`feed` (RSS or Atom) or `sitemap` (a sitemap, a Google News sitemap or a "
        "sitemap index, plain or gzip). A body that is plainly the other kind is read as what "
        "it is. A sitemap index's child sitemaps on its host become feeds of their own.",
    )
    poll_interval_seconds: json_number(float, ge=60, le=7 * 86400) | None = Field(
        default=None,
        description="How often to read the feed; unset: CLAIMS_FEEDS_POLL_INTERVAL_SECONDS.",
    )
    min_delay_seconds: json_number(float, ge=0, le=3600) | None = Field(
        default=None,
        description="Least time between two requests to the feed's host; the host keeps the "
        "longest any of its feeds (or its robots.txt) asks for, and never less than "
        "CLAIMS_FEEDS_MIN_DELAY_SECONDS.",
    )


class FeedHealth(SQLModel):
    """How the crawler gets on with the feed."""

    state: FeedState = Field(
        description="`active`, or `disabled` after CLAIMS_FEEDS_MAX_FAILURES failures in a row "
        "(it is no longer read until POST /v1/outlets/{slug}/feeds/{feed_id}/enable)."
    )
    failures: int = Field(description="Failed reads in a row (0 after a good one).")
    polls: int = Field(description="Reads, good or bad, since the feed was added.")
    entries_found: int = Field(description="New articles the feed listed.")
    last_polled_at: datetime | None
    last_status: int | None = Field(description="HTTP status of the last read (304: unchanged).")
    last_error: str | None
    next_poll_at: datetime = Field(description="When the feed is read next (at the earliest).")
    disabled_at: datetime | None


class FeedPublic(SQLModel):
    id: int
    outlet: OutletRef
    url: str
    kind: FeedKind
    parent_id: int | None = Field(
        default=None,
        description="The sitemap index that listed this child sitemap (null for a feed added "
        "through the API); deleting the index stops its children too.",
    )
    poll_interval_seconds: float = Field(description="The interval in force for this feed.")
    min_delay_seconds: float = Field(description="The least delay in force for this feed's host.")
    health: FeedHealth
    created_at: datetime
