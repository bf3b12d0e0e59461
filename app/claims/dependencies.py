"""Loaders and shared query parameters for claim routes."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends
from fastapi import Path
from fastapi import Query
from fastapi import Request

from app.access.auth import metered_work
from app.claims import attributions
from app.claims import download
from app.claims import service
from app.claims.listing import ClaimFilters
from app.claims.listing import search_text
from app.core.db import SessionDep
from app.core.errors import Conflict
from app.core.types import MAX_ID
from app.core.types import Slug
from app.core.types import UTCInstant
from app.corroboration import method as corroboration_method
from app.corroboration.dependencies import MethodDep
from app.tables import Attribution
from app.tables import Claim

ClaimId = Annotated[int, Path(ge=1, le=MAX_ID)]
SORT_DESCRIPTION = (
    "Order; ties are broken by claim id, ascending. Default: `relevance` when `q` is given "
    "(only valid with `q`), `-outlets` otherwise."
)


def get_claim(session: SessionDep, claim_id: ClaimId) -> Claim:
    """The claim the id answers with: a merged claim's id leads to the claim it was merged into."""
    return service.resolve(session, claim_id=claim_id)


def get_claim_itself(session: SessionDep, claim_id: ClaimId) -> Claim:
    """The claim with exactly this id, merged or not."""
    return service.get(session, claim_id=claim_id)


def get_live_claim(claim: Annotated[Claim, Depends(get_claim_itself)]) -> Claim:
    """The claim with this id, for changes: a merged id is refused rather than redirected."""
    if claim.merged_into is not None:
        raise Conflict(
            f"claim {claim.id} was merged into claim {claim.merged_into}; change that one",
            code="claim_merged",
            details=[{"merged_into": claim.merged_into}],
        )
    return claim


ClaimDep = Annotated[Claim, Depends(get_claim)]
ClaimItselfDep = Annotated[Claim, Depends(get_claim_itself)]
LiveClaimDep = Annotated[Claim, Depends(get_live_claim)]


def get_attribution(
    session: SessionDep, claim: ClaimDep, attribution_id: Annotated[int, Path(ge=1, le=MAX_ID)]
) -> Attribution:
    assert claim.id is not None
    return attributions.get_attribution(session, claim_id=claim.id, attribution_id=attribution_id)


AttributionDep = Annotated[Attribution, Depends(get_attribution)]


# async: pure parsing, so FastAPI runs it on the event loop instead of a worker thread.
async def claim_filters(
    outlet: Annotated[
        list[Slug],
        Query(
            max_length=50, description="Reported by this outlet (slug); repeat for any of several."
        ),
    ] = [],  # noqa: B006 (FastAPI copies defaults)
    claimant: Annotated[
        str | None, Query(min_length=1, max_length=200, description="Claimant, any case.")
    ] = None,
    since: Annotated[
        UTCInstant | None, Query(description="Reported by an article published at or after.")
    ] = None,
    until: Annotated[
        UTCInstant | None, Query(description="Reported by an article published at or before.")
    ] = None,
    min_outlets: Annotated[int | None, Query(ge=0, le=MAX_ID)] = None,
    min_origins: Annotated[int | None, Query(ge=0, le=MAX_ID)] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            description="Full-text search over claim text and quotes: words (all required), "
            '"quoted phrases", prefix*; punctuation and operators are treated as text.',
        ),
    ] = None,
) -> ClaimFilters:
    return ClaimFilters(
        outlets=outlet,
        claimant=claimant,
        since=since,
        until=until,
        min_outlets=min_outlets,
        min_origins=min_origins,
        q=search_text(q),
    )


ClaimFiltersDep = Annotated[ClaimFilters, Depends(claim_filters)]


def _exporting(request: Request) -> bool:
    requested = request.query_params.get("format")
    known = requested in set(download.ExportFormat)
    chosen = download.negotiate(
        download.ExportFormat(requested) if known else None, request.headers.get("accept")
    )
    return chosen is not download.ExportFormat.json


async def metered_if_expensive(
    request: Request, filters: ClaimFiltersDep, method: MethodDep
) -> AsyncIterator[None]:
    """Lists that recount (as_of, collapse), search (q) or export run under the caller's
    work limits (app/access/auth.py `metered_work`); plain pages of stored counts do not."""
    if filters.q or not corroboration_method.is_default(method) or _exporting(request):
        async with metered_work(request):
            yield
    else:
        yield


async def metered_if_recounting(request: Request, method: MethodDep) -> AsyncIterator[None]:
    """A claim counted on the fly (as_of, collapse) runs under the caller's work limits."""
    if corroboration_method.is_default(method):
        yield
    else:
        async with metered_work(request):
            yield
