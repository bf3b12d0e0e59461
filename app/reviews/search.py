"""\"Has anyone checked this already?\": reviewed claims that say the same as a text.

The claim matcher (semantic when the hybrid matcher is configured) proposes the claims most
likely to say the same thing; those with at least one review passing the filters come back,
best first, with those reviews. Answers natively, or in Google Fact Check Tools' `claims:search`
shape so that clients written against that API can switch.
"""

from dataclasses import dataclass
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from typing import TypedDict
from typing import Unpack

from sqlalchemy import nulls_last
from sqlalchemy import select
from sqlmodel import Session

from app.core.pagination import PageParams
from app.core.pagination import decode_cursor
from app.core.pagination import encode_cursor
from app.matching.base import Matcher
from app.reviews.models import FactCheckClaimReview
from app.reviews.models import FactCheckFoundClaim
from app.reviews.models import FactCheckPublisher
from app.reviews.models import FactCheckSearchResponse
from app.reviews.models import ReviewedClaim
from app.reviews.models import ReviewSearchHit
from app.reviews.models import ReviewSearchPage
from app.reviews.service import public
from app.tables import Claim
from app.tables import Review

CURSOR_KIND = "review-search"
# Claims the matcher is asked for: filters apply after matching, so ask for more than a page.
POOL = 100


@dataclass(frozen=True, slots=True)
class SearchFilters:
    language: str | None = None
    publisher: str | None = None
    max_age_days: int | None = None
    min_score: float | None = None


def _language_matches(wanted: str, language: str | None) -> bool:
    """`en` matches `en` and `en-GB`; `en-GB` matches only itself (case aside)."""
    if language is None:
        return False
    wanted, language = wanted.lower(), language.lower()
    return language == wanted or language.startswith(f"{wanted}-")


def _publisher_matches(wanted: str, review: Review) -> bool:
    """By site (`politifact.com` also matches `www.politifact.com`) or by name, case aside."""
    wanted = wanted.lower().strip()
    site = (review.publisher_site or "").lower()
    return site == wanted or site.endswith(f".{wanted}") or review.publisher_name.lower() == wanted


def _newest(review: Review, claim: Claim) -> date | None:
    # Fact Check Tools' age is that of the claim date or the review date, whichever is newer.
    dates = [d for d in (review.review_date, claim.claim_date) if d is not None]
    return max(dates) if dates else None


def _passes(review: Review, claim: Claim, filters: SearchFilters, today: date) -> bool:
    if filters.language is not None and not _language_matches(filters.language, review.language):
        return False
    if filters.publisher is not None and not _publisher_matches(filters.publisher, review):
        return False
    if filters.max_age_days is not None:
        newest = _newest(review, claim)
        if newest is None or newest < today - timedelta(days=filters.max_age_days):
            return False
    return True


@dataclass(frozen=True, slots=True)
class _Hit:
    claim: Claim
    score: float
    reviews: list[Review]


def _hits(session: Session, *, text: str, filters: SearchFilters, matcher: Matcher) -> list[_Hit]:
    floor = filters.min_score if filters.min_score is not None else matcher.suggest
    candidates = [
        candidate
        for candidate in matcher.match(session, text=text, limit=POOL)
        if candidate.score >= floor
    ]
    if not candidates:
        return []
    # The candidates' reviews and their claims in one statement (claims without a review do
    # not come back, and need not).
    query = (
        select(Review, Claim)
        .join(Claim, Claim.id == Review.claim_id)  # type: ignore[arg-type]
        .where(Review.claim_id.in_([c.claim_id for c in candidates]))  # type: ignore[attr-defined]
        .order_by(nulls_last(Review.review_date.desc()), Review.id.desc())  # type: ignore[union-attr]
    )
    today = datetime.now(UTC).date()
    claims: dict[int, Claim] = {}
    reviews: dict[int, list[Review]] = {}
    for review, claim in session.execute(query):
        claims[review.claim_id] = claim
        if _passes(review, claim, filters, today):
            reviews.setdefault(review.claim_id, []).append(review)
    return [
        _Hit(claims[candidate.claim_id], candidate.score, reviews[candidate.claim_id])
        for candidate in candidates
        if candidate.claim_id in reviews
    ]


def _page(hits: list[_Hit], params: PageParams) -> tuple[list[_Hit], str | None]:
    hits = sorted(hits, key=lambda hit: (-hit.score, hit.claim.id or 0))
    if params.cursor is not None:
        score, claim_id = decode_cursor(params.cursor, CURSOR_KIND, (float, int))
        hits = [hit for hit in hits if (-hit.score, hit.claim.id or 0) > (-score, claim_id)]
    more = len(hits) > params.limit
    hits = hits[: params.limit]
    last = hits[-1] if hits else None
    cursor = encode_cursor(CURSOR_KIND, [last.score, last.claim.id]) if more and last else None
    return hits, cursor


class SearchRequest(TypedDict):
    """The keyword arguments of both answers, `search` and `search_fact_check_tools`."""

    text: str
    filters: SearchFilters
    params: PageParams
    matcher: Matcher


def _found(session: Session, request: SearchRequest) -> tuple[list[_Hit], str | None]:
    """The page of hits (and the next page's cursor) that either answer shows."""
    hits = _hits(
        session, text=request["text"], filters=request["filters"], matcher=request["matcher"]
    )
    return _page(hits, request["params"])


def search(session: Session, **request: Unpack[SearchRequest]) -> ReviewSearchPage:
    """Reviewed claims that say the same as `text`, best first, with their reviews."""
    hits, cursor = _found(session, request)
    matcher = request["matcher"]
    return ReviewSearchPage(
        items=[
            ReviewSearchHit(
                claim=ReviewedClaim(
                    id=hit.claim.id,  # type: ignore[arg-type]
                    text=hit.claim.text,
                    claimant=hit.claim.claimant,
                    claim_date=hit.claim.claim_date,
                ),
                score=hit.score,
                decision="link" if hit.score >= matcher.link else "suggest",
                reviews=[public(review) for review in hit.reviews],
            )
            for hit in hits
        ],
        next_cursor=cursor,
        link_threshold=matcher.link,
        suggest_threshold=matcher.suggest,
    )


def _timestamp(value: date | None) -> str | None:
    return f"{value.isoformat()}T00:00:00Z" if value is not None else None


def _fact_check_review(review: Review) -> FactCheckClaimReview:
    original = review.original or {}
    return FactCheckClaimReview(
        publisher=FactCheckPublisher(name=review.publisher_name, site=review.publisher_site),
        url=original.get("url") or review.url,
        title=review.title,
        reviewDate=_timestamp(review.review_date),
        textualRating=review.textual_rating or review.media_authenticity_category,
        languageCode=review.language,
    )


def search_fact_check_tools(
    session: Session, **request: Unpack[SearchRequest]
) -> FactCheckSearchResponse:
    """The same search in the `claims:search` response shape (`nextPageToken` is the cursor)."""
    hits, cursor = _found(session, request)
    return FactCheckSearchResponse(
        claims=[
            FactCheckFoundClaim(
                text=hit.claim.text,
                claimant=hit.claim.claimant,
                claimDate=_timestamp(hit.claim.claim_date),
                claimReview=[_fact_check_review(review) for review in hit.reviews],
            )
            for hit in hits
        ],
        nextPageToken=cursor,
    )
