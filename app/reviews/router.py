"""/v1/claims/{id}/reviews, /v1/reviews, the ClaimReview export and import."""

from typing import Annotated

from fastapi import APIRouter, Body, Response, status
from fastapi.responses import JSONResponse

from app.claims.dependencies import ClaimDep
from app.core.config import SettingsDep
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.pagination import Page, PageDep
from app.matching.dependencies import MatcherDep
from app.reviews import service
from app.reviews.dependencies import ReviewDep
from app.reviews.jsonld import ClaimReviewExport, ClaimReviewImport
from app.reviews.models import ImportReport, ReviewCreate, ReviewPublic

router = APIRouter(tags=["reviews"], responses=responses(422))

JSON_LD = "application/ld+json"


@router.post(
    "/claims/{claim_id}/reviews",
    name="create",
    status_code=status.HTTP_201_CREATED,
    response_model=ReviewPublic,
    responses=responses(404, 409),
)
def create_review(session: SessionDep, claim: ClaimDep, data: ReviewCreate) -> ReviewPublic:
    """Record a fact-checker's verdict on the claim; the same review URL twice is 409."""
    return service.public(service.create(session, claim=claim, data=data))


@router.get(
    "/claims/{claim_id}/reviews",
    name="list",
    response_model=Page[ReviewPublic],
    responses=responses(404),
)
def list_reviews(session: SessionDep, claim: ClaimDep, page: PageDep) -> Page[ReviewPublic]:
    """The claim's reviews, in the order they were recorded."""
    assert claim.id is not None
    return service.list_(session, claim_id=claim.id, page=page)


@router.get(
    "/reviews/{review_id}", name="get", response_model=ReviewPublic, responses=responses(404)
)
def get_review(review: ReviewDep) -> ReviewPublic:
    return service.public(review)


@router.delete(
    "/reviews/{review_id}",
    name="delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(404),
)
def delete_review(session: SessionDep, review: ReviewDep) -> Response:
    service.delete(session, review=review)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


CLAIMREVIEW_EXAMPLE = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://factcheck.example/nato-demands",
    "datePublished": "2025-05-30",
    "author": {
        "@type": "Organization",
        "name": "Factcheck Example",
        "url": "https://factcheck.example",
    },
    "claimReviewed": "Vladimir Putin demands a written commitment ...",
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Accurate",
    },
    "itemReviewed": {
        "@type": "Claim",
        "text": "Vladimir Putin demands a written commitment ...",
        "author": {"name": "Vladimir Putin"},
        "appearance": [
            {
                "@type": "CreativeWork",
                "url": "https://www.reuters.com/...",
                "headline": "...",
                "datePublished": "2025-05-29T09:00:00Z",
                "publisher": {
                    "@type": "Organization",
                    "name": "Reuters",
                    "url": "https://reuters.com",
                },
            }
        ],
        "firstAppearance": {"@type": "CreativeWork", "url": "https://www.reuters.com/..."},
    },
}


class JSONLDResponse(JSONResponse):
    media_type = JSON_LD


@router.get(
    "/claims/{claim_id}/claimreview",
    name="claimreview",
    response_model=ClaimReviewExport,
    response_class=JSONLDResponse,
    responses={
        200: {
            "description": "schema.org JSON-LD (`@context` https://schema.org): a `Claim` when "
            'the claim has no review, one `ClaimReview`, or `{"@graph": [ClaimReview, ...]}` '
            "for several. The Claim (`itemReviewed`) has the claimant as `author`, the claim "
            "date as `datePublished`, every reporting article as an `appearance` "
            "(CreativeWork: url, headline, datePublished, publisher) and the earliest as "
            "`firstAppearance`.",
            "content": {JSON_LD: {"example": CLAIMREVIEW_EXAMPLE}},
        },
        **responses(404),
    },
)
def claimreview_export(session: SessionDep, claim: ClaimDep) -> JSONLDResponse:
    """The claim as schema.org ClaimReview JSON-LD, ready to embed or to feed to a crawler."""
    assert claim.id is not None
    document = service.claimreview_document(session, claim_id=claim.id)
    return JSONLDResponse(document)


@router.post("/import/claimreview", name="import", response_model=ImportReport)
def claimreview_import(
    session: SessionDep,
    settings: SettingsDep,
    matcher: MatcherDep,
    document: Annotated[
        ClaimReviewImport,
        Body(
            description="ClaimReview JSON-LD as fact-checkers publish it: one object, a list, "
            "a `@graph`, a Data Commons `DataFeed`, or a Google Fact Check Tools `claims:search` "
            'response (`{"claims": [{"text", "claimant", "claimReview": [...]}]}`).',
            media_type="application/json",
        ),
    ],
) -> ImportReport:
    """Import fact checks: each review is created on the claim it is about (the same text and
    claimant, else the claim matcher's best candidate at or above the link threshold, else a
    new claim), with its appearances as attributed articles.

    Idempotent by review URL: importing the same document again changes nothing and reports
    every review as `skipped` / `already_imported`. Each node is all-or-nothing; what cannot
    be used is reported, never a 500. A partial import answers 200 with each node's outcome;
    when nothing could be imported (every node skipped, none already there) the answer is a
    422 `nothing_imported` whose `details` are the per-node outcomes.
    """
    return service.import_claimreview(
        session, document=document, matcher=matcher, settings=settings
    )
