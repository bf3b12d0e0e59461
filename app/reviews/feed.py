"""Every review as one schema.org DataFeed, cursor-paged, for republishing (issue 15)."""

from dataclasses import dataclass
from datetime import UTC
from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session

from app.core.pagination import PageParams
from app.core.pagination import after
from app.core.pagination import decode_cursor
from app.core.pagination import encode_cursor
from app.reviews import claimreview
from app.reviews.models import JsonLd
from app.reviews.service import appearances_of
from app.tables import Claim
from app.tables import Review

CURSOR_KIND = "claimreview-feed"


@dataclass(frozen=True, slots=True)
class FeedPage:
    document: JsonLd
    next_cursor: str | None


def _instant(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def page(session: Session, *, params: PageParams) -> FeedPage:
    """One page of the feed: a DataFeed whose items are ClaimReviews (or MediaReviews), oldest
    recorded first, each exported as `GET /v1/claims/{id}/claimreview` exports it."""
    query = select(Review).order_by(Review.id)  # type: ignore[arg-type]
    if params.cursor is not None:
        position = decode_cursor(params.cursor, CURSOR_KIND, (int,))
        query = query.where(after([(Review.id, "asc")], position))  # type: ignore[list-item]
    reviews = list(session.scalars(query.limit(params.limit + 1)))
    more = len(reviews) > params.limit
    reviews = reviews[: params.limit]
    claim_ids = sorted({review.claim_id for review in reviews})
    claims = {
        claim.id: claim
        for claim in session.scalars(select(Claim).where(Claim.id.in_(claim_ids)))  # type: ignore[union-attr]
    }
    appearances = appearances_of(session, claim_ids=claim_ids)
    elements = [
        {
            "@type": "DataFeedItem",
            "dateCreated": _instant(review.created_at),
            "dateModified": _instant(review.updated_at),
            "item": [
                claimreview.review_node(
                    claim=claims[review.claim_id],
                    appearances=appearances.get(review.claim_id, []),
                    review=review,
                )
            ],
        }
        for review in reviews
    ]
    document = {
        "@context": claimreview.CONTEXT,
        "@type": "DataFeed",
        "name": "Corroborate fact checks",
        "description": "Every fact check recorded in this Corroborate instance, as schema.org "
        "ClaimReview (MediaReview for reviews of media), with the appearances it knows.",
        "dateModified": _instant(datetime.now(UTC)),
        "dataFeedElement": elements,
    }
    next_cursor = encode_cursor(CURSOR_KIND, [reviews[-1].id]) if more else None
    return FeedPage(document=document, next_cursor=next_cursor)
