"""/v1/claims"""

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from app.claims import service
from app.claims.dependencies import SORT_DESCRIPTION, AttributionDep, ClaimDep, ClaimFiltersDep
from app.claims.models import (
    AttributionCreate,
    AttributionPublic,
    AttributionUpdate,
    ClaimCreate,
    ClaimPublic,
    ClaimUpdate,
    ClaimWithAttributions,
)
from app.claims.service import ClaimSort
from app.core.config import SettingsDep
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.pagination import Page, PageDep
from app.corroboration.dependencies import MethodDep

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
    settings: SettingsDep,
    filters: ClaimFiltersDep,
    page: PageDep,
    method: MethodDep,
    sort: Annotated[ClaimSort | None, Query(description=SORT_DESCRIPTION)] = None,
) -> Page[ClaimPublic]:
    """Claims with their corroboration, most-corroborated first by default.

    With `as_of` or a non-default `collapse`, counts are computed on the fly for at most
    `CLAIMS_LIVE_LIST_MAX_CLAIMS` candidate claims (422 `too_many_claims` beyond: narrow the
    list with `q`, `claimant`, `outlet`, `since`/`until`); with `as_of` the list holds the
    claims reported by then.
    """
    return service.list_(
        session,
        filters=filters,
        sort=sort,
        page=page,
        method=method,
        max_claims=settings.live_list_max_claims,
    )


@router.get(
    "/{claim_id}", name="get", response_model=ClaimWithAttributions, responses=responses(404)
)
def get_claim(session: SessionDep, claim: ClaimDep, method: MethodDep) -> ClaimWithAttributions:
    """The claim, its corroboration and its attributions (first page; see /attributions).

    `as_of` and `collapse` apply to the corroboration block; the attributions are always the
    current ones (see /corroboration for the reports counted under a method).
    """
    assert claim.id is not None
    item = service.detail(session, claim_id=claim.id)
    return service.with_method(session, item=item, method=method)


@router.patch(
    "/{claim_id}", name="update", response_model=ClaimPublic, responses=responses(404, 409)
)
def update_claim(session: SessionDep, claim: ClaimDep, data: ClaimUpdate) -> ClaimPublic:
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
    claim: ClaimDep,
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
