"""Every table model, imported in one place for Alembic, the app and the tests."""

from app.articles.models import Article, ArticleLink
from app.claims.models import Attribution, Claim
from app.events.models import Delivery, DispatchCursor, Subscription
from app.keys.models import ApiKey
from app.matching.models import ClaimEmbedding
from app.outbox.models import Event
from app.outlets.models import Outlet
from app.reviews.models import Review

__all__ = [
    "ApiKey",
    "Article",
    "ArticleLink",
    "Attribution",
    "Claim",
    "ClaimEmbedding",
    "Delivery",
    "DispatchCursor",
    "Event",
    "Outlet",
    "Review",
    "Subscription",
]
