"""Review verbs, the ClaimReview export of a claim, and ClaimReview import."""

from datetime import UTC
from datetime import datetime
from datetime import time
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.articles import service as articles_service
from app.articles.models import ArticleCreate
from app.articles.urls import canonical_url
from app.claims import attributions as claims_attributions
from app.claims import service as claims_service
from app.claims.models import AttributionCreate
from app.claims.models import ClaimCreate
from app.core.config import Settings
from app.core.db import get_or_not_found
from app.core.errors import Conflict
from app.core.errors import Invalid
from app.core.errors import NotFound
from app.core.locks import advisory_lock
from app.core.locks import lock_rows
from app.core.locks import locks_rows
from app.core.pagination import Keyset
from app.core.pagination import Page
from app.core.pagination import PageParams
from app.core.unit_of_work import flush_unique
from app.core.unit_of_work import lost_race
from app.matching import service as matching_service
from app.matching.base import Matcher
from app.outlets import service as outlets_service
from app.outlets.models import OutletCreate
from app.reviews import claimreview
from app.reviews import reading
from app.reviews import review_fields
from app.reviews import verdicts
from app.reviews.claimreview import Appearance
from app.reviews.claimreview import Incoming
from app.reviews.models import ImportItem
from app.reviews.models import ImportReport
from app.reviews.models import JsonLd
from app.reviews.models import PublisherPublic
from app.reviews.models import ReviewCreate
from app.reviews.models import ReviewPublic
from app.tables import REPORTING_STANCES
from app.tables import Article
from app.tables import Attribution
from app.tables import Claim
from app.tables import Outlet
from app.tables import Review


def get(session: Session, *, review_id: int) -> Review:
    """The review with this id, or NotFound."""
    return get_or_not_found(session, Review, review_id, what="review")


def get_by_url(session: Session, *, url: str) -> Review | None:
    """The review at this canonical URL, if any."""
    return session.scalar(select(Review).where(Review.url == url))


def _url_conflict(session: Session, url: str) -> Conflict | None:
    existing = session.scalar(select(Review.id).where(Review.url == url))
    if existing is None:
        return None
    return Conflict(
        f"a review with url {url!r} already exists (id {existing})",
        details=[{"field": "url", "value": url, "existing_id": existing}],
    )


def create(
    session: Session, *, claim: Claim, data: ReviewCreate, original: dict[str, Any] | None = None
) -> Review:
    """Record a fact-checker's review of the claim; Conflict when its URL is already stored."""
    # A merge or delete of the claim under way would otherwise leave the review on a merged
    # claim (its insert only takes KEY SHARE) or fail on the foreign key: wait for it, re-run.
    if not lock_rows(session, Claim.id, [claim.id or 0], mode="share") or (
        session.scalar(select(Claim.merged_into).where(Claim.id == claim.id)) is not None
    ):
        raise lost_race(f"claim {claim.id} was merged or deleted concurrently")
    error = _url_conflict(session, data.url)
    if error is not None:
        raise error
    review = Review(
        claim_id=claim.id,  # type: ignore[arg-type]
        publisher_name=data.publisher.name,
        publisher_site=data.publisher.site,
        **data.model_dump(exclude={"publisher"}),
        original=original,
    )
    session.add(review)
    flush_unique(session, lambda: _url_conflict(session, data.url))
    return review


def delete(session: Session, *, review: Review) -> None:
    """Delete a review."""
    session.delete(review)
    session.flush()


def public(review: Review) -> ReviewPublic:
    """A review as the API shows it."""
    verdict, score = verdicts.normalise(
        review.textual_rating,
        review.rating_value,
        review.best_rating,
        review.worst_rating,
        media=review.media_authenticity_category,
    ) or (None, None)
    return ReviewPublic(
        **review.model_dump(exclude={"publisher_name", "publisher_site", "original"}),
        publisher=PublisherPublic(name=review.publisher_name, site=review.publisher_site),
        verdict=verdict,
        verdict_score=score,
    )


_RECORDED = Keyset("reviews", ((Review.id, "asc"),), (int,))


def list_(session: Session, *, claim_id: int, page: PageParams) -> Page[ReviewPublic]:
    """A claim's reviews, in the order they were recorded."""
    query = select(Review).where(Review.claim_id == claim_id)  # type: ignore[arg-type]
    rows = list(session.scalars(_RECORDED.seek(query, page)))
    rows, cursor = _RECORDED.page(rows, page.limit, lambda review: [review.id])
    return Page[ReviewPublic](items=[public(row) for row in rows], next_cursor=cursor)


# ---- export -----------------------------------------------------------------------------


def claimreview_document(session: Session, *, claim_id: int) -> JsonLd:
    """The claim as schema.org JSON-LD: one ClaimReview per review, or a Claim without one."""
    claim = claims_service.get(session, claim_id=claim_id)
    reviews = list(
        session.scalars(select(Review).where(Review.claim_id == claim_id).order_by(Review.id))  # type: ignore[arg-type]
    )
    appearances = appearances_of(session, claim_ids=[claim_id]).get(claim_id, [])
    return claimreview.render(claim=claim, appearances=appearances, reviews=reviews)


def appearances_of(session: Session, *, claim_ids: list[int]) -> dict[int, list[Appearance]]:
    """Each claim's reporting articles as ClaimReview appearances, in publication order."""
    rows = session.execute(
        select(Attribution.claim_id, Article, Outlet)
        .join(Article, Attribution.article_id == Article.id)
        .join(Outlet, Outlet.id == Article.outlet_id)
        .where(
            Attribution.claim_id.in_(claim_ids),  # type: ignore[attr-defined]
            Attribution.stance.in_(REPORTING_STANCES),  # type: ignore[attr-defined]
        )
        .order_by(Attribution.claim_id, Article.published_at, Article.id)
    ).all()
    found: dict[int, list[Appearance]] = {}
    for claim_id, article, outlet in rows:
        # An appearance imported without a headline is exported without one, as given.
        kind = claimreview.untitled_kind(article.title, reading.domain_of(article.url))
        found.setdefault(claim_id, []).append(
            Appearance(
                url=article.url,
                headline=None if kind else article.title,
                date_published=article.published_at,
                publisher_name=outlet.name,
                publisher_site=outlet.domain,
                kind=kind or "article",
            )
        )
    return found


# ---- import -----------------------------------------------------------------------------


def import_claimreview(
    session: Session, *, document: Any, matcher: Matcher, settings: Settings
) -> ImportReport:
    """Import ClaimReview JSON-LD (object, list, @graph, DataFeed) or a Fact Check Tools
    claims:search response; idempotent by review URL, each node all-or-nothing."""
    incoming = reading.parse(document)
    max_documents = settings.import_max_documents
    if len(incoming) > max_documents:
        raise Invalid(
            f"the document holds {len(incoming)} nodes; at most {max_documents} per import",
            code="too_many_documents",
            details=[{"found": len(incoming), "max": max_documents}],
        )
    if locks_rows(session) and any(node.claim_text for node in incoming):
        # The claim-create lock before the first write, as an ingest chunk takes it: taken by a
        # later node, while an earlier node's new articles and outlets hold their unique keys,
        # it would close a wait cycle with an ingest holding the lock and inserting those keys.
        advisory_lock(session, "claim-create")
    items = []
    for node in incoming:
        try:
            with session.begin_nested():
                item = _import_one(session, node, matcher)
        except (Invalid, Conflict, NotFound, ValidationError, ValueError, IntegrityError) as exc:
            item = _skipped(node, "rejected", _message(exc))
        items.append(item)
    if not any(item.outcome != "skipped" or item.reason == "already_imported" for item in items):
        # Nothing was imported nor already there: a pipeline must be able to tell (issue 15).
        raise Invalid(
            "nothing could be imported: "
            + (
                "; ".join(f"node {i.index}: {i.message}" for i in items[:5])
                or "no ClaimReview found"
            ),
            code="nothing_imported",
            details=[
                {
                    "index": i.index,
                    "type": i.type,
                    "url": i.url,
                    "reason": i.reason,
                    "message": i.message,
                    "warnings": i.warnings,
                }
                for i in items
            ],
        )
    return ImportReport(
        created=sum(item.outcome == "created" for item in items),
        linked=sum(item.outcome == "linked" for item in items),
        skipped=sum(item.outcome == "skipped" for item in items),
        items=items,
    )


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        return f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
    return getattr(exc, "message", None) or str(exc)


def _skipped(node: Incoming, reason: str, message: str, **found: int | None) -> ImportItem:
    return ImportItem(
        index=node.index,
        type=node.type,
        url=node.url,
        outcome="skipped",
        reason=reason,
        message=message,
        claim_id=found.get("claim_id"),
        review_id=found.get("review_id"),
        appearances_added=0,
        warnings=node.warnings,
    )


def _existing_claim(
    session: Session, data: ClaimCreate, matcher: Matcher
) -> matching_service.Existing:
    def match() -> matching_service.Existing:
        return matching_service.existing_claim(
            session, text=data.text, claimant=data.claimant, matcher=matcher
        )

    found = match()
    if found.claim is None and locks_rows(session):
        # Match-then-insert under the lock ingest takes for it (app/ingest/service.py).
        advisory_lock(session, "claim-create")
        found = match()
    return found


def _import_one(session: Session, node: Incoming, matcher: Matcher) -> ImportItem:
    if node.type not in ("ClaimReview", "MediaReview", "Claim"):
        return _skipped(
            node,
            "unsupported_type",
            f"a node of type {node.type} is not a ClaimReview, a MediaReview or a Claim",
        )
    review_data = None
    if node.type != "Claim":
        if node.url is None:
            return _skipped(node, "missing_url", f"a {node.type} without url cannot be identified")
        try:
            url = canonical_url(node.url)
        except ValueError as exc:
            return _skipped(node, "invalid_url", f"url: {exc}")
        existing = get_by_url(session, url=url)
        if existing is not None:
            return _skipped(
                node,
                "already_imported",
                f"review {existing.id} already has this url; it was left unchanged",
                claim_id=existing.claim_id,
                review_id=existing.id,
            )
        review_data = review_fields.review_create(node, url=url)
        if review_data is None:
            return _skipped(
                node,
                "missing_rating",
                "no reviewRating (neither alternateName nor ratingValue) and no "
                "mediaAuthenticityCategory",
            )
    if not node.claim_text:
        return _skipped(node, "missing_claim", "no claimReviewed (or Claim text) to review")
    claim_data = ClaimCreate(
        text=node.claim_text, claimant=node.claimant, claim_date=node.claim_date
    )

    found = _existing_claim(session, claim_data, matcher)
    claim, outcome, how = found.claim, "linked", None
    if claim is None:
        claim = claims_service.create(session, data=claim_data)
        outcome = "created"
    elif found.score is not None and found.score < 1.0:
        how = f"matched claim {claim.id} with score {found.score:.2f}"
    else:
        how = f"claim {claim.id} has the same text and claimant"
    added = sum(
        _attach(session, claim, appearance, node.warnings, node.original)
        for appearance in node.appearances
    )
    review_id = None
    if review_data is not None:
        review_id = create(session, claim=claim, data=review_data, original=node.original).id
    elif outcome == "linked" and added == 0:
        return _skipped(
            node,
            "already_imported",
            f"claim {claim.id} already exists with these appearances",
            claim_id=claim.id,
        )
    return ImportItem(
        index=node.index,
        type=node.type,
        url=node.url,
        outcome=outcome,  # type: ignore[arg-type]
        reason=None,
        message=how,
        claim_id=claim.id,
        review_id=review_id,
        appearances_added=added,
        warnings=node.warnings,
    )


def _attach(
    session: Session,
    claim: Claim,
    appearance: Appearance,
    warnings: list[str],
    original: dict[str, Any],
) -> bool:
    """Attribute the claim to the appearance's article, creating outlet and article if new."""
    problem = appearance.problem()
    if problem is not None:
        warnings.append(f"appearance {appearance.url or '(no url)'} skipped: {problem}")
        return False
    assert appearance.url is not None
    assert appearance.date_published is not None
    try:
        url = canonical_url(appearance.url)
    except ValueError as exc:
        warnings.append(f"appearance {appearance.url} skipped: {exc}")
        return False
    # Kept so that the export gives the appearance back as it was given.
    if appearance.undated:
        original.setdefault("undatedAppearances", []).append(url)
    if appearance.url != url:
        original.setdefault("appearanceUrls", {})[url] = appearance.url
    article = articles_service.get_by_url(session, url=url)
    if article is None:
        outlet = _outlet_for(session, appearance, url)
        published = appearance.date_published
        if isinstance(published, datetime):
            published_at = published
        else:
            published_at = datetime.combine(published, time.min, tzinfo=UTC)
        article = articles_service.create(
            session,
            data=ArticleCreate(
                outlet=outlet.slug,
                url=url,
                title=appearance.headline
                or claimreview.untitled(appearance.kind, reading.domain_of(url)),
                published_at=published_at,
            ),
        )
    exists = session.scalar(
        select(Attribution.id).where(
            Attribution.claim_id == claim.id, Attribution.article_id == article.id
        )
    )
    if exists is not None:
        return False
    claims_attributions.add_attribution(
        session,
        claim=claim,
        data=AttributionCreate(article_id=article.id),  # type: ignore[arg-type]
    )
    return True


def _outlet_for(session: Session, appearance: Appearance, url: str) -> Outlet:
    """The outlet of an appearance: by domain, else created from the publisher's name."""
    domain = reading.domain_of(appearance.publisher_site) or reading.domain_of(url)
    if domain is not None:
        outlet = session.scalar(select(Outlet).where(Outlet.domain == domain))
        if outlet is not None:
            return outlet
    name = appearance.publisher_name or domain or "Unknown publisher"
    base = reading.slugify(name)
    slug, n = base, 1
    while session.scalar(select(Outlet.id).where(Outlet.slug == slug)) is not None:
        n += 1
        slug = f"{base[:60].rstrip('-')}-{n}"
    return outlets_service.create(
        session, data=OutletCreate(slug=slug, name=name[:200], domain=domain)
    )
