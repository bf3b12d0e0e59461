"""Every table, in one place: domains import their rows from here, never from each other.

Importing this package registers every table on the metadata (Alembic and the tests rely on
it). Each module holds one domain's tables with the enums their columns store and the small
references to a row that other domains embed in their answers (`OutletRef`, `ArticleRef`).
"""

from app.tables.articles import Article
from app.tables.articles import ArticleLink
from app.tables.articles import ArticleRef
from app.tables.articles import CreditedOrigin
from app.tables.articles import LinkProvenance
from app.tables.articles import LinkRelation
from app.tables.articles import OriginArticleRef
from app.tables.claims import CLAIM_RENDERED_JSON
from app.tables.claims import REPORTING_STANCES
from app.tables.claims import Attribution
from app.tables.claims import Claim
from app.tables.claims import OutletClaim
from app.tables.claims import Sourcing
from app.tables.claims import Stance
from app.tables.events import Delivery
from app.tables.events import DeliveryStatus
from app.tables.events import DispatchCursor
from app.tables.events import Event
from app.tables.events import EventType
from app.tables.events import Subscription
from app.tables.feeds import CrawlHost
from app.tables.feeds import EntryState
from app.tables.feeds import Feed
from app.tables.feeds import FeedEntry
from app.tables.feeds import FeedKind
from app.tables.feeds import FeedState
from app.tables.imports import ImportJob
from app.tables.imports import ImportLineError
from app.tables.imports import ImportState
from app.tables.keys import ApiKey
from app.tables.keys import Scope
from app.tables.matching import ClaimEmbedding
from app.tables.outlets import Outlet
from app.tables.outlets import OutletKind
from app.tables.outlets import OutletRef
from app.tables.review_queue import ReviewItem
from app.tables.review_queue import ReviewKind
from app.tables.review_queue import ReviewStatus
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
