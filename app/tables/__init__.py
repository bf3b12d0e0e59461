"""Every table, in one place: domains import their rows from here, never from each other.

Importing this package registers every table on the metadata (Alembic and the tests rely on
it). Each module holds one domain's tables with the enums their columns store and the small
references to a row that other domains embed in their answers (`OutletRef`, `ArticleRef`).
"""

from app.tables.articles import (
    Article,
    ArticleLink,
    ArticleRef,
    CreditedOrigin,
    LinkProvenance,
    LinkRelation,
    OriginArticleRef,
)
from app.tables.claims import (
    CLAIM_RENDERED_JSON,
    REPORTING_STANCES,
    Attribution,
    Claim,
    OutletClaim,
    Sourcing,
    Stance,
)
from app.tables.events import (
    Delivery,
    DeliveryStatus,
    DispatchCursor,
    Event,
    EventType,
    Subscription,
)
from app.tables.feeds import CrawlHost, EntryState, Feed, FeedEntry, FeedKind, FeedState
from app.tables.imports import ImportJob, ImportLineError, ImportState
from app.tables.keys import ApiKey, Scope
from app.tables.matching import ClaimEmbedding
from app.tables.outlets import Outlet, OutletKind, OutletRef
from app.tables.review_queue import ReviewItem, ReviewKind, ReviewStatus
from app.tables.reviews import Review

__all__ = [
    "CLAIM_RENDERED_JSON",
    "REPORTING_STANCES",
    "ApiKey",
    "Article",
    "ArticleLink",
    "ArticleRef",
    "Attribution",
    "Claim",
    "ClaimEmbedding",
    "CrawlHost",
    "CreditedOrigin",
    "Delivery",
    "DeliveryStatus",
    "DispatchCursor",
    "EntryState",
    "Event",
    "EventType",
    "Feed",
    "FeedEntry",
    "FeedKind",
    "FeedState",
    "ImportJob",
    "ImportLineError",
    "ImportState",
    "LinkProvenance",
    "LinkRelation",
    "OriginArticleRef",
    "Outlet",
    "OutletClaim",
    "OutletKind",
    "OutletRef",
    "Review",
    "ReviewItem",
    "ReviewKind",
    "ReviewStatus",
    "Scope",
    "Sourcing",
    "Stance",
    "Subscription",
]
