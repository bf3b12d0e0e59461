"""/v1/claims"""

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from app.claims import service
from app.claims.dependencies import (
    AttributionDep,
    ClaimDep,
    ClaimFiltersDep,
    ClaimId,
    ClaimItselfDep,
    LiveClaimDep,
)
from app.claims.models import (
    AttributionCreate,
    AttributionPublic,
    AttributionUpdate,
    ClaimCreate,
    ClaimMerge,
    ClaimPublic,
    ClaimUpdate,
    ClaimWithAttributions,
)
from app.claims.service import ClaimSort
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.pagination import Page, PageDep

router = APIRouter(prefix="/claims", tags=["claims"], responses=responses(422))


@router.post(
    "",
    name="create",
    status_code=status.HTTP_201_CREATED,
    response_model=ClaimPublic,
    responses=responses(409),
)
def create_claim(session: SessionDep, data: ClaimCreate) -> ClaimPublic:
    claim = service.create(session, data=data)
    assert claim.id is not None
    return service.public(session, claim_id=claim.id)


@router.get("", name="list", response_model=Page[ClaimPublic])
def list_claims(
    session: SessionDep,
    filters: ClaimFiltersDep,
    page: PageDep,
    sort: Annotated[
        ClaimSort, Query(description="Order; ties are broken by claim id, ascending.")
    ] = ClaimSort.outlets,
) -> Page[ClaimPublic]:
    """Claims with their corroboration, most-corroborated first by default."""
    return service.list_(session, filters=filters, sort=sort, page=page)


@router.get(
    "/{claim_id}", name="get", response_model=ClaimWithAttributions, responses=responses(404)
)
def get_claim(session: SessionDep, claim: ClaimDep, claim_id: ClaimId) -> ClaimWithAttributions:
    """The claim, its corroboration and its attributions (first page; see /attributions).

    A merged claim's id answers with the claim it was merged into, with `merged_into` set.
    """
    assert claim.id is not None
    detail = service.detail(session, claim_id=claim.id)
    if claim.id != claim_id:
        detail.merged_into = claim.id
    return detail


@router.patch(
    "/{claim_id}", name="update", response_model=ClaimPublic, responses=responses(404, 409)
)
def update_claim(session: SessionDep, claim: LiveClaimDep, data: ClaimUpdate) -> ClaimPublic:
    service.update(session, claim=claim, data=data)
    assert claim.id is not None
    return service.public(session, claim_id=claim.id)


@router.delete(
    "/{claim_id}",
    name="delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(404, 409),
)
def delete_claim(
    session: SessionDep,
    claim: LiveClaimDep,
    cascade: Annotated[bool, Query(description="Also delete its attributions.")] = False,
) -> Response:
    service.delete(session, claim=claim, cascade=cascade)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/{claim_id}/attributions",
    name="attributions",
    response_model=Page[AttributionPublic],
    responses=responses(404),
)
def list_attributions(
    session: SessionDep, claim: ClaimDep, page: PageDep
) -> Page[AttributionPublic]:
    """Every article attributed to the claim, earliest publication first."""
    assert claim.id is not None
    return service.attributions_page(session, claim_id=claim.id, page=page)


@router.post(
    "/{claim_id}/attributions",
    name="attribute",
    status_code=status.HTTP_201_CREATED,
    response_model=AttributionPublic,
    responses=responses(404, 409),
)
def add_attribution(
    session: SessionDep, claim: ClaimDep, data: AttributionCreate
) -> AttributionPublic:
    attribution = service.add_attribution(session, claim=claim, data=data)
    assert attribution.id is not None
    return service.attribution_public(session, attribution_id=attribution.id)


@router.patch(
    "/{claim_id}/attributions/{attribution_id}",
    name="update-attribution",
    response_model=AttributionPublic,
    responses=responses(404),
)
def update_attribution(
    session: SessionDep, attribution: AttributionDep, data: AttributionUpdate
) -> AttributionPublic:
    service.update_attribution(session, attribution=attribution, data=data)
    assert attribution.id is not None
    return service.attribution_public(session, attribution_id=attribution.id)


@router.delete(
    "/{claim_id}/attributions/{attribution_id}",
    name="unattribute",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(404),
)
def remove_attribution(session: SessionDep, attribution: AttributionDep) -> Response:
    service.remove_attribution(session, attribution=attribution)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{claim_id}/merge",
    name="merge",
    response_model=ClaimWithAttributions,
    responses=responses(404, 409),
)
def merge_claim(
    session: SessionDep, claim: ClaimItselfDep, data: ClaimMerge
) -> ClaimWithAttributions:
    """Merge this claim into another: attributions move (without duplicates), counts follow.

    The old id then answers with the merged claim and `merged_into`; it leaves lists and
    matching. Merging into a merged claim merges into the claim that one leads to; repeating a
    merge is a no-op.
    """
    target = service.merge(session, claim=claim, into_id=data.into)
    assert target.id is not None
    detail = service.detail(session, claim_id=target.id)
    detail.merged_into = target.id
    return detail
