"""/v1/review: what the machine was unsure about, for a person to accept or reject."""

from typing import Annotated

from fastapi import APIRouter
from fastapi import Path
from fastapi import Query

from app.access.auth import PrincipalDep
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.pagination import Page
from app.core.pagination import PageDep
from app.core.types import MAX_ID
from app.core.types import Slug
from app.core.types import UTCInstant
from app.matching.dependencies import MatcherDep
from app.review_queue import service
from app.review_queue.models import ReviewItemPublic
from app.tables import ReviewKind
from app.tables import ReviewStatus

router = APIRouter(prefix="/review", tags=["review"], responses=responses(422))

ItemId = Annotated[int, Path(ge=1, le=MAX_ID, description="Review item id.")]


@router.get("", name="list")
def list_review_items(
    session: SessionDep,
    page: PageDep,
    kind: Annotated[ReviewKind | None, Query(description="Only this kind.")] = None,
    status: Annotated[
        ReviewStatus, Query(description="`pending` (default), `accepted` or `rejected`.")
    ] = ReviewStatus.pending,
    claim: Annotated[
        int | None,
        Query(ge=1, le=MAX_ID, description="Items about this claim or its articles."),
    ] = None,
    outlet: Annotated[
        Slug | None, Query(description="Items about this outlet's articles, or crediting it.")
    ] = None,
    since: Annotated[UTCInstant | None, Query(description="Created at or after.")] = None,
) -> Page[ReviewItemPublic]:
    """Stored uncertain decisions, newest first: claim-merge suggestions, copy candidates,
    credited origins below the confidence bar and claim proposals from crawled articles."""
    return service.list_(
        session, page=page, status=status, kind=kind, claim_id=claim, outlet=outlet, since=since
    )


@router.get("/{item_id}", name="get", responses=responses(404))
def get_review_item(session: SessionDep, item_id: ItemId) -> ReviewItemPublic:
    """One review item, pending or decided."""
    return service.public_items(session, [service.get(session, item_id=item_id)])[0]


@router.post("/{item_id}/accept", name="accept", responses=responses(404, 409))
def accept_review_item(
    session: SessionDep, principal: PrincipalDep, matcher: MatcherDep, item_id: ItemId
) -> ReviewItemPublic:
    """Apply the proposal (merge the claims, link the copy, credit the outlet, attribute the
    quoted article to its claim, new or closest); counts are recomputed in the same
    transaction. 409 when it was decided already."""
    item = service.accept(
        session, item_id=item_id, who=principal.name or "anonymous", matcher=matcher
    )
    return service.public_items(session, [item])[0]


@router.post("/{item_id}/reject", name="reject", responses=responses(404, 409))
def reject_review_item(
    session: SessionDep, principal: PrincipalDep, item_id: ItemId
) -> ReviewItemPublic:
    """Refuse the proposal; it is remembered and never proposed again. 409 when decided."""
    item = service.reject(session, item_id=item_id, who=principal.name or "anonymous")
    return service.public_items(session, [item])[0]
