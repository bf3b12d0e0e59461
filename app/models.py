"""Every table model, imported in one place for Alembic, the app and the tests."""

from app.articles.models import Article, ArticleLink, CreditedOrigin
from app.claims.models import Attribution, Claim
from app.keys.models import ApiKey
from app.matching.models import ClaimEmbedding
from app.outlets.models import Outlet
from app.review_queue.models import ReviewItem
from app.reviews.models import Review

__all__ = [
    "ApiKey",
    "Article",
    "ArticleLink",
    "Attribution",
    "Claim",
    "ClaimEmbedding",
    "CreditedOrigin",
    "Outlet",
    "Review",
    "ReviewItem",
]
