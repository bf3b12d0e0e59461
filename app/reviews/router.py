"""/v1/claims/{id}/reviews, /v1/reviews, the ClaimReview export and import."""

from typing import Annotated
from typing import Any

from fastapi import APIRouter
from fastapi import Body
from fastapi import Depends
from fastapi import Query
from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import Field
from pydantic import StringConstraints

from app.access.auth import metered
from app.claims.dependencies import ClaimDep
from app.core.config import SettingsDep
from app.core.db import SessionDep
from app.core.errors import Invalid
from app.core.errors import responses
from app.core.pagination import Page
from app.core.pagination import PageDep
from app.core.pagination import PageParams
from app.core.routing import create_route
from app.core.routing import delete_route
from app.core.types import ClaimText
from app.core.types import LanguageTag
from app.matching.dependencies import MatcherDep
from app.reviews import feed
from app.reviews import search
from app.reviews import service
from app.reviews.dependencies import ReviewDep
from app.reviews.jsonld import ClaimReviewExport
from app.reviews.jsonld import ClaimReviewImport
from app.reviews.models import FactCheckSearchResponse
from app.reviews.models import ImportReport
from app.reviews.models import ReviewCreate
from app.reviews.models import ReviewPublic
from app.reviews.models import ReviewSearchPage
from app.reviews.models import SearchFormat

router = APIRouter(tags=["reviews"], responses=responses(422))

JSON_LD = "application/ld+json"


@create_route(router, "/claims/{claim_id}/reviews", name="create", responses=responses(404, 409))
def create_review(session: SessionDep, claim: ClaimDep, data: ReviewCreate) -> ReviewPublic:
    """Record a fact-checker's verdict on the claim; the same review URL twice is 409."""
    return service.public(service.create(session, claim=claim, data=data))


@router.get("/claims/{claim_id}/reviews", name="list", responses=responses(404))
def list_reviews(session: SessionDep, claim: ClaimDep, page: PageDep) -> Page[ReviewPublic]:
    """The claim's reviews, in the order they were recorded."""
    assert claim.id is not None
    return service.list_(session, claim_id=claim.id, page=page)


# Each search parameter and its Fact Check Tools name take the same values, so the limits live in
# one type that serves both (as ClaimText and LanguageTag do for `text` and `language`).
Publisher = Annotated[str, StringConstraints(min_length=1, max_length=253)]
MaxAgeDays = Annotated[int, Field(ge=1, le=36500)]
ClaimsPerPage = Annotated[int, Field(ge=1, le=100)]
SearchCursor = Annotated[str, StringConstraints(max_length=1000)]


def _one(name: str, ours: Any, theirs: Any, their_name: str) -> Any:
    if ours is not None and theirs is not None and ours != theirs:
        raise Invalid(
            f"{name} and {their_name} (its Fact Check Tools name) disagree; give one",
            details=[{"field": name, "also": their_name}],
        )
    return ours if ours is not None else theirs


@router.get(
    "/reviews/search",
    name="search",
    response_model=ReviewSearchPage | FactCheckSearchResponse,
    dependencies=[Depends(metered)],
    responses={
        200: {
            "description": "`format=json` (default): a page of reviewed claims, best match "
            "first, each with its reviews that pass the filters. `format=factchecktools`: the "
            "same in Google Fact Check Tools' `claims:search` response shape (`claims`, "
            "`nextPageToken`; absent fields omitted)."
        }
    },
)
def search_reviews(
    session: SessionDep,
    matcher: MatcherDep,
    text: Annotated[
        ClaimText | None,
        Query(description="The claim to look for, in any wording or language."),
    ] = None,
    language: Annotated[
        LanguageTag | None,
        Query(description="Only reviews in this language (`en` also matches `en-GB`)."),
    ] = None,
    publisher: Annotated[
        Publisher | None,
        Query(description="Only reviews by this publisher: its site (`politifact.com`) or name."),
    ] = None,
    max_age_days: Annotated[
        MaxAgeDays | None,
        Query(
            description="Only reviews whose review date (or claim date, if newer) is at most "
            "this many days old."
        ),
    ] = None,
    min_score: Annotated[
        float | None,
        Query(
            ge=0,
            le=1,
            description="Lowest match score to return; default the matcher's suggest threshold.",
        ),
    ] = None,
    format: Annotated[
        SearchFormat,
        Query(description="`factchecktools` answers in the `claims:search` response shape."),
    ] = "json",
    limit: Annotated[ClaimsPerPage, Query(description="Claims per page.")] = 10,
    cursor: Annotated[
        SearchCursor | None, Query(description="`next_cursor` of the previous page.")
    ] = None,
    query: Annotated[
        ClaimText | None, Query(description="Fact Check Tools name of `text`.")
    ] = None,
    language_code: Annotated[
        LanguageTag | None,
        Query(alias="languageCode", description="Fact Check Tools name of `language`."),
    ] = None,
    review_publisher_site_filter: Annotated[
        Publisher | None,
        Query(
            alias="reviewPublisherSiteFilter", description="Fact Check Tools name of `publisher`."
        ),
    ] = None,
    max_age_days_ft: Annotated[
        MaxAgeDays | None,
        Query(alias="maxAgeDays", description="Fact Check Tools name of `max_age_days`."),
    ] = None,
    page_size: Annotated[
        ClaimsPerPage | None,
        Query(alias="pageSize", description="Fact Check Tools name of `limit`."),
    ] = None,
    page_token: Annotated[
        SearchCursor | None,
        Query(alias="pageToken", description="Fact Check Tools name of `cursor`."),
    ] = None,
) -> Any:
    """Has anyone checked this already? Reviewed claims that say the same as `text` (the claim
    matcher: exact, lexical and, with the hybrid matcher, semantic and across languages), with
    filters like Google Fact Check Tools' `claims:search` (whose parameter names are accepted
    too, so its clients can switch by changing the base URL)."""
    wanted = _one("text", text, query, "query")
    if wanted is None:
        raise Invalid("give the claim to look for as text (or query)", code="text_required")
    filters = search.SearchFilters(
        language=_one("language", language, language_code, "languageCode"),
        publisher=_one(
            "publisher", publisher, review_publisher_site_filter, "reviewPublisherSiteFilter"
        ),
        max_age_days=_one("max_age_days", max_age_days, max_age_days_ft, "maxAgeDays"),
        min_score=min_score,
    )
    params = PageParams(
        limit=page_size if page_size is not None else limit,
        cursor=_one("cursor", cursor, page_token, "pageToken"),
    )
    if format == "factchecktools":
        found = search.search_fact_check_tools(
            session, text=wanted, filters=filters, params=params, matcher=matcher
        )
        return JSONResponse(found.model_dump(mode="json", exclude_none=True))
    return search.search(session, text=wanted, filters=filters, params=params, matcher=matcher)


@router.get("/reviews/{review_id}", name="get", responses=responses(404))
def get_review(review: ReviewDep) -> ReviewPublic:
    return service.public(review)


@delete_route(router, "/reviews/{review_id}", name="delete", responses=responses(404))
def delete_review(session: SessionDep, review: ReviewDep) -> None:
    service.delete(session, review=review)


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


@router.post("/import/claimreview", name="import")
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


FEED_EXAMPLE = {
    "@context": "https://schema.org",
    "@type": "DataFeed",
    "name": "Corroborate fact checks",
    "dateModified": "2026-12-04T17:00:00Z",
    "dataFeedElement": [
        {
            "@type": "DataFeedItem",
            "dateCreated": "2026-12-01T09:00:00Z",
            "dateModified": "2026-12-01T09:00:00Z",
            "item": [CLAIMREVIEW_EXAMPLE | {"@context": None}],
        }
    ],
}


@router.get(
    "/claimreview",
    name="feed",
    response_class=JSONLDResponse,
    dependencies=[Depends(metered)],
    responses={
        200: {
            "description": "A schema.org `DataFeed` (JSON-LD, `@context` https://schema.org): "
            "one `DataFeedItem` per review, oldest recorded first, whose `item` is the "
            "review as `GET /v1/claims/{id}/claimreview` exports it (a `MediaReview` for a "
            'review of media). The next page is in the `Link` header (`rel="next"`) and in '
            "`X-Next-Cursor`; neither is sent on the last page.",
            "headers": {
                "Link": {
                    "description": '`<...?cursor=...>; rel="next"` when there is a next page.',
                    "schema": {"type": "string"},
                },
                "X-Next-Cursor": {
                    "description": "The cursor of the next page, when there is one.",
                    "schema": {"type": "string"},
                },
            },
            "content": {JSON_LD: {"schema": {"type": "object"}, "example": FEED_EXAMPLE}},
        },
    },
)
def claimreview_feed(session: SessionDep, page: PageDep, request: Request) -> JSONLDResponse:
    """Every review as one schema.org DataFeed, cursor-paged, for republishing."""
    found = feed.page(session, params=page)
    headers = {}
    if found.next_cursor is not None:
        following = request.url.include_query_params(cursor=found.next_cursor)
        headers = {"Link": f'<{following}>; rel="next"', "X-Next-Cursor": found.next_cursor}
    return JSONLDResponse(found.document, headers=headers)
